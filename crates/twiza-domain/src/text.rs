//! Validated free text and the field errors every parse constructor reports.
//!
//! A `FieldError` names the field and carries a stable machine-readable code (`invalid_email`,
//! `bidi_control`, …); the web layer turns the code into a localized message. Error values never
//! contain the rejected input, so personal data cannot leak through them.

use std::fmt;

/// A field that failed to parse: which field, and why (a stable code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
    /// Limit involved, for codes such as `text_too_long`.
    pub max: Option<usize>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self {
            field,
            code,
            max: None,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.code)
    }
}

impl std::error::Error for FieldError {}

/// Characters that change the display direction of text around them (embeddings, overrides,
/// isolates). In names they let a fake association look like a real one, so they are refused.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// Trimmed text of 1..=max characters with no control or direction-override characters.
pub fn parse_text(field: &'static str, raw: &str, max: usize) -> Result<String, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    parse_optional_text(field, text, max).map(|t| t.unwrap_or_default())
}

/// Like [`parse_text`], but empty input is `None`. Newlines and tabs are allowed.
pub fn parse_optional_text(
    field: &'static str,
    raw: &str,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(is_bidi_control) {
        return Err(FieldError::new(field, "bidi_control"));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(FieldError::new(field, "validation"));
    }
    if text.chars().count() > max {
        return Err(FieldError {
            field,
            code: "text_too_long",
            max: Some(max),
        });
    }
    Ok(Some(text.to_owned()))
}

/// A single-line name: like [`parse_text`] but without line breaks.
pub fn parse_name(field: &'static str, raw: &str, max: usize) -> Result<String, FieldError> {
    let name = parse_text(field, raw, max)?;
    if name.contains(['\n', '\r', '\t']) {
        return Err(FieldError::new(field, "validation"));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bidi_overrides_and_controls() {
        assert_eq!(
            parse_text("name", "abc\u{202E}def", 10).unwrap_err().code,
            "bidi_control"
        );
        assert_eq!(
            parse_text("name", "a\u{0007}b", 10).unwrap_err().code,
            "validation"
        );
        assert_eq!(parse_text("name", "   ", 10).unwrap_err().code, "required");
        assert_eq!(
            parse_text("name", "  جمعية الأمل  ", 20).unwrap(),
            "جمعية الأمل"
        );
        assert_eq!(parse_text("name", "abcdef", 3).unwrap_err().max, Some(3));
        assert!(parse_name("name", "a\nb", 10).is_err());
    }
}
