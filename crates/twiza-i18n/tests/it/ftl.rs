//! A minimal reader of our `.ftl` files for the tests: message ids, their text, variables and
//! select expressions. It relies on the layout of our files (messages start in column 0, their
//! continuation lines are indented); `parity::scanner_agrees_with_fluent` checks it against
//! fluent-bundle's own parser.

use std::collections::{BTreeMap, BTreeSet};

/// One message: its id and the text of its value (all lines, including variants).
#[derive(Debug)]
pub struct Message {
    pub id: String,
    pub text: String,
}

/// The messages of a file, in order.
pub fn messages(source: &str) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    for line in source.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            if let Some(last) = out.last_mut() {
                last.text.push('\n');
                last.text.push_str(line.trim());
            }
            continue;
        }
        let Some((id, value)) = line.split_once('=') else {
            panic!("unexpected line in .ftl file: {line:?}");
        };
        out.push(Message {
            id: id.trim().to_owned(),
            text: value.trim().to_owned(),
        });
    }
    out
}

/// Message id → its text.
pub fn by_id(source: &str) -> BTreeMap<String, String> {
    messages(source)
        .into_iter()
        .map(|m| (m.id, m.text))
        .collect()
}

fn identifier_end(s: &str) -> usize {
    s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len())
}

/// The variables (`$name`) a message text refers to.
pub fn variables(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(pos) = rest.find('$') {
        rest = &rest[pos + 1..];
        let end = identifier_end(rest);
        if end > 0 {
            out.insert(rest[..end].to_owned());
        }
        rest = &rest[end..];
    }
    out
}

/// Variables used directly as a selector (`{ $name -> … }`), which would bypass `PLURAL()`.
pub fn bare_selectors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find('$') {
        rest = &rest[pos + 1..];
        let end = identifier_end(rest);
        let name = &rest[..end];
        rest = &rest[end..];
        if rest.trim_start().starts_with("->") {
            out.push(name.to_owned());
        }
    }
    out
}

/// The text with placeables (`{ … }`) removed: what a translator actually wrote.
pub fn literal_text(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn reader_self_test() {
    let src = "# c\nsimple = Hello { $name }\nmulti =\n    { PLURAL($n) ->\n        [one] one\n       *[other] { $n } many { $x }\n    }\n";
    let msgs = by_id(src);
    assert_eq!(msgs.keys().collect::<Vec<_>>(), ["multi", "simple"]);
    assert_eq!(
        variables(&msgs["simple"]),
        BTreeSet::from(["name".to_owned()])
    );
    assert_eq!(
        variables(&msgs["multi"]),
        BTreeSet::from(["n".to_owned(), "x".to_owned()])
    );
    assert!(bare_selectors(&msgs["multi"]).is_empty());
    assert_eq!(
        bare_selectors("{ $count -> [one] a *[other] b }"),
        ["count"]
    );
    assert_eq!(literal_text("a { $b } c"), "a  c");
}
