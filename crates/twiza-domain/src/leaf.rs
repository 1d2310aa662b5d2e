//! Transparency-log leaves: the money and goods events Twiza publishes, as RFC 8785 (JCS)
//! canonical JSON. A leaf never holds personal data: a donor appears only as a salted
//! commitment the donor can open with the secret printed on the receipt.
//!
//! The format is documented in `docs/transparency-log.md`; `v` is its version.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A JSON value restricted to what leaves need: strings, integers, arrays and objects. With no floats
/// and ASCII keys, RFC 8785 reduces to sorted keys, no whitespace and minimal string escapes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeafValue {
    Str(String),
    Int(i64),
    Array(Vec<LeafValue>),
    Object(BTreeMap<&'static str, LeafValue>),
}

impl From<&str> for LeafValue {
    fn from(s: &str) -> Self {
        LeafValue::Str(s.to_owned())
    }
}

impl From<String> for LeafValue {
    fn from(s: String) -> Self {
        LeafValue::Str(s)
    }
}

impl From<i64> for LeafValue {
    fn from(n: i64) -> Self {
        LeafValue::Int(n)
    }
}

/// Current version of the leaf format.
pub const LEAF_VERSION: i64 = 1;

/// Builds a leaf object with the fields every leaf has (`v`, `type`, `id`, `at`) plus `fields`.
pub fn leaf(
    kind: &str,
    id: i64,
    at_unix: i64,
    fields: Vec<(&'static str, LeafValue)>,
) -> LeafValue {
    let mut map = BTreeMap::new();
    map.insert("v", LeafValue::Int(LEAF_VERSION));
    map.insert("type", kind.into());
    map.insert("id", LeafValue::Int(id));
    map.insert("at", LeafValue::Int(at_unix));
    for (k, v) in fields {
        map.insert(k, v);
    }
    LeafValue::Object(map)
}

/// The RFC 8785 canonical serialization.
pub fn canonical_json(value: &LeafValue) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &LeafValue) {
    match value {
        LeafValue::Int(n) => {
            let _ = write!(out, "{n}");
        }
        LeafValue::Str(s) => write_string(out, s),
        LeafValue::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, v);
            }
            out.push(']');
        }
        LeafValue::Object(map) => {
            out.push('{');
            // BTreeMap orders &str by bytes; for ASCII keys that is RFC 8785's UTF-16 order.
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k);
                out.push(':');
                write_value(out, v);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_sorts_keys_and_escapes_minimally() {
        let l = leaf(
            "donation_confirmed",
            42,
            1_700_000_000,
            vec![
                ("amount", "250.00".into()),
                ("currency", "MAD".into()),
                ("note", "a\"b\\c\n\u{1}é/".into()),
            ],
        );
        assert_eq!(
            canonical_json(&l),
            r#"{"amount":"250.00","at":1700000000,"currency":"MAD","id":42,"note":"a\"b\\c\n\u0001é/","type":"donation_confirmed","v":1}"#
        );
    }

    #[test]
    fn agrees_with_serde_json_on_parse() {
        let l = leaf(
            "x",
            -1,
            0,
            vec![(
                "nested",
                LeafValue::Object(BTreeMap::from([("z", 1.into()), ("a", "b".into())])),
            )],
        );
        let text = canonical_json(&l);
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["nested"]["z"], 1);
        assert_eq!(
            text,
            r#"{"at":0,"id":-1,"nested":{"a":"b","z":1},"type":"x","v":1}"#
        );
    }
}
