//! Alerts to the subscribers of communes: a free message written twice (Arabic script, Latin
//! letters) or a warning about a fake appeal, checked before anything is counted or sent.

use crate::text::{parse_name, parse_text};
use crate::FieldError;
use twiza_geo::CommuneCode;

/// Longest text of a message, in characters (a few SMS parts).
pub const MAX_TEXT: usize = 480;
/// Longest fake appeal's code or name a warning names.
pub const MAX_APPEAL: usize = 60;
/// Most communes one broadcast goes to.
pub const MAX_COMMUNES: usize = 200;

/// What a broadcast says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AlertContent {
    /// The sender's text, in Arabic script and in Latin letters: each phone gets the one its
    /// language is written in.
    Message { arabic: String, latin: String },
    /// A warning composed in each phone's language, naming the fake appeal's code or name.
    FakeAppealWarning { appeal: String },
}

impl AlertContent {
    /// The kind's stable code: `message` or `fake_appeal_warning`.
    pub fn kind(&self) -> &'static str {
        match self {
            AlertContent::Message { .. } => "message",
            AlertContent::FakeAppealWarning { .. } => "fake_appeal_warning",
        }
    }
}

/// The kinds, in the form's order.
pub const KINDS: [&str; 2] = ["fake_appeal_warning", "message"];

/// A broadcast as typed.
#[derive(Debug, Clone, Default)]
pub struct AlertInput<'a> {
    pub communes: Vec<&'a str>,
    pub kind: &'a str,
    pub text_arabic: &'a str,
    pub text_latin: &'a str,
    pub fake_appeal: &'a str,
}

/// A checked broadcast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAlert {
    /// Existing communes, each once, in the order given.
    pub communes: Vec<CommuneCode>,
    pub content: AlertContent,
}

/// Whether `c` is an Arabic-script letter.
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

impl NewAlert {
    /// Checks every field; every error is returned, each naming its field.
    pub fn parse(input: &AlertInput<'_>) -> Result<NewAlert, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut communes: Vec<CommuneCode> = Vec::new();
        for raw in &input.communes {
            match CommuneCode::parse(raw.trim()) {
                Ok(code) if twiza_geo::geo().commune(&code).is_some() => {
                    if !communes.contains(&code) {
                        communes.push(code);
                    }
                }
                _ => {
                    errors.push(FieldError::new("communes", "invalid_commune"));
                    break;
                }
            }
        }
        if input.communes.is_empty() {
            errors.push(FieldError::new("communes", "required"));
        } else if communes.len() > MAX_COMMUNES {
            errors.push(FieldError {
                field: "communes",
                code: "too_many",
                max: Some(MAX_COMMUNES),
            });
        }
        let content = match input.kind {
            "message" => {
                let arabic = parse_text("text_arabic", input.text_arabic, MAX_TEXT)
                    .and_then(|t| {
                        if t.chars().any(is_arabic) {
                            Ok(t)
                        } else {
                            Err(FieldError::new("text_arabic", "alert_text_not_arabic"))
                        }
                    })
                    .map_err(|e| errors.push(e))
                    .ok();
                let latin = parse_text("text_latin", input.text_latin, MAX_TEXT)
                    .and_then(|t| {
                        if t.chars().any(is_arabic) {
                            Err(FieldError::new("text_latin", "alert_text_not_latin"))
                        } else {
                            Ok(t)
                        }
                    })
                    .map_err(|e| errors.push(e))
                    .ok();
                arabic
                    .zip(latin)
                    .map(|(arabic, latin)| AlertContent::Message { arabic, latin })
            }
            "fake_appeal_warning" => parse_name("fake_appeal", input.fake_appeal, MAX_APPEAL)
                .map_err(|e| errors.push(e))
                .ok()
                .map(|appeal| AlertContent::FakeAppealWarning { appeal }),
            _ => {
                errors.push(FieldError::new("kind", "validation"));
                None
            }
        };
        match content {
            Some(content) if errors.is_empty() => Ok(NewAlert { communes, content }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(input: &AlertInput<'_>) -> Vec<(&'static str, &'static str)> {
        NewAlert::parse(input)
            .expect_err("refused")
            .iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_message_needs_both_scripts_and_known_communes() {
        let ok = AlertInput {
            communes: vec!["07.041.07.03", "07.041.07.03"],
            kind: "message",
            text_arabic: "ماء الشرب متوفر في السوق",
            text_latin: "Eau potable au souk",
            fake_appeal: "",
        };
        let alert = NewAlert::parse(&ok).expect("valid");
        assert_eq!(alert.communes.len(), 1);
        assert_eq!(alert.content.kind(), "message");
        let swapped = AlertInput {
            text_arabic: "Eau potable",
            text_latin: "ماء",
            ..ok.clone()
        };
        assert_eq!(
            codes(&swapped),
            vec![
                ("text_arabic", "alert_text_not_arabic"),
                ("text_latin", "alert_text_not_latin")
            ]
        );
        let nowhere = AlertInput {
            communes: vec!["99.999.99.99"],
            ..ok.clone()
        };
        assert_eq!(codes(&nowhere), vec![("communes", "invalid_commune")]);
        let none = AlertInput {
            communes: vec![],
            kind: "fake_appeal_warning",
            fake_appeal: "  ",
            ..ok
        };
        assert_eq!(
            codes(&none),
            vec![("communes", "required"), ("fake_appeal", "required")]
        );
    }
}
