//! Reading an OpenRosa submission's XML (`xml_submission_file`): the instance's root with its
//! form id and version, and its elements as a small tree. Pure: no I/O; bounded in size and
//! depth, no DTD or entity expansion beyond XML's five.

use quick_xml::events::Event;
use quick_xml::Reader;

/// Deepest nesting read.
const MAX_DEPTH: usize = 16;
/// Most elements read.
const MAX_ELEMENTS: usize = 5_000;

/// One element: its local name, its text and its children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The text of the child at `path` (names separated by `/`), trimmed; empty when absent.
    pub fn get(&self, path: &str) -> &str {
        let mut at = self;
        for part in path.split('/') {
            match at.children.iter().find(|c| c.name == part) {
                Some(c) => at = c,
                None => return "",
            }
        }
        at.text.trim()
    }

    /// The children named `name` (a repeat group's copies), in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// A submitted instance: the form it fills (`id` of the root), its version and its elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub form_id: String,
    pub version: String,
    pub root: Element,
}

impl Instance {
    /// `meta/instanceID` (Collect's `uuid:…`).
    pub fn instance_id(&self) -> &str {
        self.root.get("meta/instanceID")
    }
}

/// Reads a submission; `None` when it is not well-formed XML with one root element carrying an
/// `id` (the form's id), or beyond the bounds.
pub fn read(xml: &[u8]) -> Option<Instance> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut attrs = (String::new(), String::new());
    let mut count = 0;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if root.is_some() || stack.len() >= MAX_DEPTH || count >= MAX_ELEMENTS {
                    return None;
                }
                count += 1;
                if stack.is_empty() {
                    for a in e.attributes() {
                        let a = a.ok()?;
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?
                            .into_owned();
                        match a.key.local_name().as_ref() {
                            "id" => attrs.0 = value,
                            "version" => attrs.1 = value,
                            _ => {}
                        }
                    }
                }
                let element = Element {
                    name: e.local_name().as_ref().to_owned(),
                    ..Element::default()
                };
                if empty {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                } else {
                    stack.push(element);
                }
            }
            Event::End(_) => {
                let done = stack.pop()?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().ok()? {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => return None,
                    },
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push(resolved);
                }
            }
            Event::DocType(_) => return None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return None;
    }
    let root = root?;
    let (form_id, version) = attrs;
    if form_id.is_empty() {
        return None;
    }
    Some(Instance {
        form_id,
        version,
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_submission_is_read_with_its_repeat_group() {
        let xml = br#"<?xml version="1.0"?>
<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" id="twiza_household" version="abc">
  <commune>07.041.07.05</commune><douar>Tiguert &amp; co</douar>
  <members><given_name_ar>A</given_name_ar><sex>f</sex></members>
  <members><given_name_ar>B</given_name_ar><sex>m</sex></members>
  <orx:meta><orx:instanceID>uuid:1</orx:instanceID></orx:meta>
</data>"#;
        let i = read(xml).expect("read");
        assert_eq!(i.form_id, "twiza_household");
        assert_eq!(i.version, "abc");
        assert_eq!(i.instance_id(), "uuid:1");
        assert_eq!(i.root.get("douar"), "Tiguert & co");
        assert_eq!(i.root.get("absent"), "");
        let sexes: Vec<&str> = i.root.all("members").map(|m| m.get("sex")).collect();
        assert_eq!(sexes, ["f", "m"]);
    }

    #[test]
    fn what_is_not_a_submission_is_refused() {
        assert!(read(b"<data id=\"x\"><a></data>").is_none());
        assert!(read(b"<data><a/></data>").is_none(), "no form id");
        assert!(read(b"not xml at all").is_none());
        assert!(
            read(b"<data id=\"x\"/><data id=\"y\"/>").is_none(),
            "two roots"
        );
        assert!(read(b"<!DOCTYPE d [<!ENTITY e \"x\">]><data id=\"x\">&e;</data>").is_none());
        let deep = format!(
            "<data id=\"x\">{}{}</data>",
            "<a>".repeat(40),
            "</a>".repeat(40)
        );
        assert!(read(deep.as_bytes()).is_none());
    }
}
