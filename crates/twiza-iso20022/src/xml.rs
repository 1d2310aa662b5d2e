//! Thin helpers over quick-xml: an element writer with escaping, and a streaming reader that
//! yields each closed element with its path and unescaped text, refusing malformed input.

use std::io::{BufRead, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::Error;

/// Writes elements with two-space indentation; text and attribute values are escaped by
/// quick-xml (`&`, `<`, `>`, quotes), everything else (Arabic included) goes out as UTF-8.
pub(crate) struct XmlOut<W: Write> {
    inner: quick_xml::Writer<W>,
}

impl<W: Write> XmlOut<W> {
    pub(crate) fn new(w: W) -> Result<Self, Error> {
        let mut inner = quick_xml::Writer::new_with_indent(w, b' ', 2);
        inner.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlOut { inner })
    }

    pub(crate) fn open_ns(&mut self, name: &str, namespace: &str) -> Result<(), Error> {
        let start = BytesStart::new(name).with_attributes([("xmlns", namespace)]);
        self.inner.write_event(Event::Start(start))?;
        Ok(())
    }

    pub(crate) fn open(&mut self, name: &str) -> Result<(), Error> {
        self.inner
            .write_event(Event::Start(BytesStart::new(name)))?;
        Ok(())
    }

    pub(crate) fn close(&mut self, name: &str) -> Result<(), Error> {
        self.inner.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    pub(crate) fn leaf(&mut self, name: &str, text: &str) -> Result<(), Error> {
        self.inner
            .create_element(name)
            .write_text_content(BytesText::new(text))?;
        Ok(())
    }

    pub(crate) fn leaf_attr(
        &mut self,
        name: &str,
        attr: (&str, &str),
        text: &str,
    ) -> Result<(), Error> {
        self.inner
            .create_element(name)
            .with_attribute(attr)
            .write_text_content(BytesText::new(text))?;
        Ok(())
    }

    /// Ends the document with a newline and hands the destination back.
    pub(crate) fn finish(self) -> Result<W, Error> {
        let mut w = self.inner.into_inner();
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(w)
    }
}

fn malformed(position: u64, message: impl Into<String>) -> Error {
    Error::MalformedXml {
        position,
        message: message.into(),
    }
}

/// What the reader yields.
pub(crate) enum Node {
    /// An element opened; `path` is the `/`-joined local names from the root, this one included.
    Open {
        path: String,
        /// `xmlns` (default namespace) declared on this element, if any, or the namespace bound
        /// to its prefix on this element.
        namespace: Option<String>,
    },
    /// An element closed, with its text (trimmed; empty for elements with children).
    Close { path: String, text: String },
}

/// Nesting deeper than this is refused: no status report comes close, and a bound keeps
/// hostile input from growing the path without limit.
const MAX_DEPTH: usize = 64;

/// A streaming reader of element paths and texts. Entity references are resolved (the five
/// predefined ones and character references); DTDs and other entities are refused.
pub(crate) struct PathReader<R: BufRead> {
    reader: quick_xml::Reader<R>,
    buf: Vec<u8>,
    path: String,
    /// Length of `path` before each open element, to pop it.
    marks: Vec<usize>,
    text: String,
    seen_root: bool,
    done: bool,
}

impl<R: BufRead> PathReader<R> {
    pub(crate) fn new(input: R) -> Self {
        let mut reader = quick_xml::Reader::from_reader(input);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = true;
        PathReader {
            reader,
            buf: Vec::new(),
            path: String::new(),
            marks: Vec::new(),
            text: String::new(),
            seen_root: false,
            done: false,
        }
    }

    fn malformed(&self, message: impl Into<String>) -> Error {
        malformed(self.reader.buffer_position(), message)
    }

    /// The next opened or closed element, or `None` at the end of a complete document.
    pub(crate) fn next_node(&mut self) -> Result<Option<Node>, Error> {
        loop {
            if self.done {
                return Ok(None);
            }
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => {
                    return Err(Error::MalformedXml {
                        position: self.reader.error_position(),
                        message: e.to_string(),
                    })
                }
            };
            match event {
                Event::Start(start) => {
                    if self.marks.is_empty() && self.seen_root {
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "more than one root element",
                        ));
                    }
                    if self.marks.len() >= MAX_DEPTH {
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "elements nested too deeply",
                        ));
                    }
                    let qname = start.name();
                    let local = start.local_name();
                    let prefix = qname.prefix().map(|p| p.as_ref().to_owned());
                    let local = local.as_ref().to_owned();
                    let mut namespace = None;
                    for attr in start.attributes() {
                        let attr = attr
                            .map_err(|e| malformed(self.reader.buffer_position(), e.to_string()))?;
                        let key = attr.key.as_ref();
                        let binds = match &prefix {
                            None => key == "xmlns",
                            Some(p) => key.strip_prefix("xmlns:") == Some(p.as_str()),
                        };
                        if binds {
                            let value = attr
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map_err(|e| {
                                malformed(self.reader.buffer_position(), e.to_string())
                            })?;
                            namespace = Some(value.into_owned());
                        }
                    }
                    self.seen_root = true;
                    self.marks.push(self.path.len());
                    if !self.path.is_empty() {
                        self.path.push('/');
                    }
                    self.path.push_str(&local);
                    self.text.clear();
                    return Ok(Some(Node::Open {
                        path: self.path.clone(),
                        namespace,
                    }));
                }
                Event::End(_) => {
                    let Some(mark) = self.marks.pop() else {
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "closing tag without an opening one",
                        ));
                    };
                    let path = self.path.clone();
                    self.path.truncate(mark);
                    let text = std::mem::take(&mut self.text).trim().to_owned();
                    if self.marks.is_empty() {
                        self.done = true;
                    }
                    return Ok(Some(Node::Close { path, text }));
                }
                Event::Empty(_) => {
                    // expand_empty_elements turns these into Start + End.
                    return Err(malformed(
                        self.reader.buffer_position(),
                        "unexpected empty element",
                    ));
                }
                Event::Text(t) => {
                    if self.marks.is_empty() {
                        if t.xml10_content().trim().is_empty() {
                            continue;
                        }
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "text outside the root element",
                        ));
                    }
                    self.text.push_str(&t.xml10_content());
                }
                Event::CData(c) => {
                    if self.marks.is_empty() {
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "CDATA outside the root element",
                        ));
                    }
                    self.text.push_str(&c.xml10_content());
                }
                Event::GeneralRef(r) => {
                    if self.marks.is_empty() {
                        return Err(malformed(
                            self.reader.buffer_position(),
                            "reference outside the root element",
                        ));
                    }
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match r.xml10_content().as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => {
                                return Err(malformed(
                                    self.reader.buffer_position(),
                                    format!("unknown entity reference &{other};"),
                                ))
                            }
                        },
                        Err(e) => {
                            return Err(malformed(self.reader.buffer_position(), e.to_string()))
                        }
                    };
                    self.text.push(resolved);
                }
                Event::DocType(_) => {
                    return Err(malformed(
                        self.reader.buffer_position(),
                        "DTDs are not accepted",
                    ));
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => {
                    return Err(match self.marks.len() {
                        0 => malformed(self.reader.buffer_position(), "empty document"),
                        _ => malformed(
                            self.reader.buffer_position(),
                            format!(
                                "input ends inside <{}>",
                                self.path.rsplit('/').next().unwrap_or_default()
                            ),
                        ),
                    });
                }
            }
        }
    }

    /// After the root closed: only whitespace, comments and processing instructions may follow.
    pub(crate) fn expect_end(&mut self) -> Result<(), Error> {
        loop {
            self.buf.clear();
            let event =
                self.reader
                    .read_event_into(&mut self.buf)
                    .map_err(|e| Error::MalformedXml {
                        position: self.reader.error_position(),
                        message: e.to_string(),
                    })?;
            match event {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(t) if t.xml10_content().trim().is_empty() => {}
                _ => return Err(self.malformed("content after the root element")),
            }
        }
    }
}
