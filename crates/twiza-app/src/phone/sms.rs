//! SMS commands: what Twiza answers to a text message. An appeal's code alone (`TWZ-ASN1`) is
//! checked; a need keyword (`BESOIN`, `HAJA`/`7AJA`, `NEED`, `TUXSA`, `حاجة`, `بغيت`) starts a
//! short need report kept per phone (commune → category → households, each reply saying what
//! to send next, forgotten after 30 minutes); a need's reference answers its status; `STOP`
//! (`توقف`, `ستوب`, `BARAKA`) ends every alert at once; `ALERT`/`TANBIH`/`ALGHU`/`تنبيه` and a
//! commune subscribe; `PLAINTE`/`COMPLAINT`/`SHIKAYA`/`CCIKAYT`/`شكاية`/`شكوى`, a household's
//! `HH-…` reference and a text file a grievance. Anything else gets the short help.
//!
//! The language of the answer comes from the keyword or the script used, else the phone's last
//! language, else Arabic and French together. A message id seen before writes nothing and
//! gets the reply it got (one whose handling was cut short is handled again: the need a
//! conversation ends with is keyed by the message that started it); more than [`PER_MINUTE`]
//! messages a minute from one phone are recorded and answered once with "wait"; a text longer
//! than [`TEXT_CHARS`] is answered that it is too long.

use super::{
    category_key, commune_by_code, commune_name, find_communes, parse_choice, parse_households,
    Phone, PhoneNeed,
};
use serde::{Deserialize, Serialize};
use twiza_domain::crisis::{NeedCategory, Urgency};
use twiza_domain::grievance::GrievanceSubject;
use twiza_i18n::{Arg, PhoneLanguage};
use twiza_store::Inbound;

/// Messages one phone may send in a minute.
pub const PER_MINUTE: i64 = 10;

/// How long a need report by SMS waits for the next answer.
const CONVERSATION_SECONDS: i64 = 30 * 60;

/// The longest text read: ten concatenated parts (a longer message is answered that it is).
pub const TEXT_CHARS: usize = 1600;

/// A text message received by a gateway.
#[derive(Debug, Clone)]
pub struct IncomingSms {
    /// `twilio`, `kannel`…
    pub gateway: String,
    pub message_id: String,
    pub from: String,
    pub text: String,
}

/// What a message asks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Command {
    Code(String),
    StartNeed,
    FollowNeed(String),
    Stop,
    Alert(String),
    Grievance(String),
    /// An answer in a conversation, or unknown text.
    Other(String),
}

/// A need report by SMS in progress (no personal data: codes and choices).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
enum NeedTalk {
    Commune,
    CommuneChoice { communes: Vec<String> },
    Category { commune: String },
    Households { commune: String, category: String },
}

/// A need report by SMS in progress, with the id that keys the need it ends with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Conversation {
    id: String,
    #[serde(flatten)]
    talk: NeedTalk,
}

/// The keywords, upper-cased for Latin letters, with the language they are written in (`None`:
/// the same in several languages).
const KEYWORDS: &[(&str, Keyword, Option<PhoneLanguage>)] = &[
    ("BESOIN", Keyword::Need, Some(PhoneLanguage::Fr)),
    ("NEED", Keyword::Need, Some(PhoneLanguage::En)),
    ("HAJA", Keyword::Need, Some(PhoneLanguage::AryLatn)),
    ("7AJA", Keyword::Need, Some(PhoneLanguage::AryLatn)),
    ("TUXSA", Keyword::Need, Some(PhoneLanguage::ZghLatn)),
    ("حاجة", Keyword::Need, Some(PhoneLanguage::Ar)),
    ("بغيت", Keyword::Need, Some(PhoneLanguage::Ary)),
    ("STOP", Keyword::Stop, None),
    ("ARRET", Keyword::Stop, Some(PhoneLanguage::Fr)),
    ("BARAKA", Keyword::Stop, Some(PhoneLanguage::AryLatn)),
    ("توقف", Keyword::Stop, Some(PhoneLanguage::Ar)),
    ("ستوب", Keyword::Stop, Some(PhoneLanguage::Ary)),
    ("باراكا", Keyword::Stop, Some(PhoneLanguage::Ary)),
    ("ALERT", Keyword::Alert, None),
    ("ALERTE", Keyword::Alert, Some(PhoneLanguage::Fr)),
    ("TANBIH", Keyword::Alert, Some(PhoneLanguage::AryLatn)),
    ("ALGHU", Keyword::Alert, Some(PhoneLanguage::ZghLatn)),
    ("تنبيه", Keyword::Alert, Some(PhoneLanguage::Ar)),
    ("PLAINTE", Keyword::Grievance, Some(PhoneLanguage::Fr)),
    ("COMPLAINT", Keyword::Grievance, Some(PhoneLanguage::En)),
    ("SHIKAYA", Keyword::Grievance, Some(PhoneLanguage::AryLatn)),
    ("CHIKAYA", Keyword::Grievance, Some(PhoneLanguage::AryLatn)),
    ("CCIKAYT", Keyword::Grievance, Some(PhoneLanguage::ZghLatn)),
    ("شكاية", Keyword::Grievance, Some(PhoneLanguage::Ary)),
    ("شكوى", Keyword::Grievance, Some(PhoneLanguage::Ar)),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    Need,
    Stop,
    Alert,
    Grievance,
}

/// Whether a text has Arabic letters.
fn arabic_script(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// The command of a message and the language it shows.
fn parse(text: &str) -> (Command, Option<PhoneLanguage>) {
    let text = text.trim();
    let script = arabic_script(text).then_some(PhoneLanguage::Ar);
    let (first, rest) = match text.split_once(char::is_whitespace) {
        Some((first, rest)) => (first, rest.trim()),
        None => (text, ""),
    };
    let word = first.to_uppercase();
    if let Some((_, keyword, language)) = KEYWORDS.iter().find(|(k, _, _)| *k == word) {
        let language = language.or(script);
        let command = match keyword {
            Keyword::Need => Command::StartNeed,
            Keyword::Stop => Command::Stop,
            Keyword::Alert => Command::Alert(rest.to_owned()),
            Keyword::Grievance => Command::Grievance(rest.to_owned()),
        };
        return (command, language);
    }
    if word.starts_with("TWZ") && text.chars().count() <= 12 {
        return (Command::Code(text.to_owned()), script);
    }
    if word.starts_with("N-") && rest.is_empty() {
        return (Command::FollowNeed(word), script);
    }
    (Command::Other(text.to_owned()), script)
}

impl Phone<'_> {
    /// The language of a reply: `l`, else Arabic and French together.
    fn say(&self, l: Option<PhoneLanguage>, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        match l {
            Some(l) => self.t_args(l, key, args),
            None => format!(
                "{}\n{}",
                self.t_args(PhoneLanguage::Ar, key, args),
                self.t_args(PhoneLanguage::Fr, key, args)
            ),
        }
    }
}

/// What Twiza answers to a text message (`None`: no answer).
pub async fn answer(phone: &Phone<'_>, sms: &IncomingSms) -> Option<String> {
    let number = super::normalize_phone(&sms.from)?;
    let index = phone.phone_index(&number);
    let message_id = if sms.message_id.trim().is_empty() {
        // Without an id the message cannot be recognized again: it is taken as new.
        format!("none-{}", hex_random())
    } else {
        super::cut(sms.message_id.trim(), 100)
    };
    let gateway = super::cut(&sms.gateway, 32);
    let inbound = phone
        .store
        .record_inbound_message(&gateway, &message_id, &index, PER_MINUTE)
        .await;
    let last = phone
        .store
        .phone_language(&index)
        .await
        .ok()
        .flatten()
        .and_then(|t| PhoneLanguage::from_tag(&t));
    let inbound = match inbound {
        Ok(inbound) => inbound,
        Err(_) => return Some(phone.say(last, "phone-error", &[])),
    };
    match inbound {
        // A message handled before gets the reply it got; one whose handling was cut short is
        // handled again (its writes are keyed by the message or the conversation).
        Inbound::Fresh | Inbound::Replayed(None) => {}
        Inbound::Replayed(Some(reply)) => return Some(reply),
        Inbound::Limited => return Some(phone.say(last, "sms-too-many", &[])),
        Inbound::Silenced => return None,
    }
    if sms.text.chars().count() > TEXT_CHARS {
        let reply = phone.say(last, "sms-too-long", &[]);
        let _ = phone
            .store
            .keep_inbound_reply(&gateway, &message_id, &reply)
            .await;
        return Some(reply);
    }
    let reply = handle(phone, sms, &number, &index, last, (&gateway, &message_id)).await;
    // Best effort: without it, a message sent again is handled again, writing nothing twice.
    let _ = phone
        .store
        .keep_inbound_reply(&gateway, &message_id, &reply)
        .await;
    Some(reply)
}

/// Handles a message seen for the first time (or whose handling was cut short).
async fn handle(
    phone: &Phone<'_>,
    sms: &IncomingSms,
    number: &str,
    index: &str,
    last: Option<PhoneLanguage>,
    (gateway, message_id): (&str, &str),
) -> String {
    let (command, detected) = parse(&sms.text);
    // Arabic letters alone do not tell Arabic from Darija: a phone that chose Darija keeps it.
    let detected = match (detected, last) {
        (Some(PhoneLanguage::Ar), Some(PhoneLanguage::Ary)) if !names_arabic(&sms.text) => {
            Some(PhoneLanguage::Ary)
        }
        (detected, _) => detected,
    };
    let conversation = phone.store.phone_conversation(index).await.ok().flatten();
    let talk_language = conversation
        .as_ref()
        .and_then(|(_, l)| PhoneLanguage::from_tag(l));
    let l = detected.or(talk_language).or(last);
    if let Some(detected) = detected {
        if Some(detected) != last {
            // Best effort: the language is only a preference.
            let _ = phone.store.set_phone_language(index, detected.tag()).await;
        }
    }
    let reply = match command {
        Command::Code(code) => phone.check_code_in(l, &code).await,
        Command::FollowNeed(reference) => match l {
            Some(l) => phone.need_status(l, &reference).await,
            None => {
                let ar = phone.need_status(PhoneLanguage::Ar, &reference).await;
                let fr = phone.need_status(PhoneLanguage::Fr, &reference).await;
                ar.and_then(|ar| fr.map(|fr| format!("{ar}\n{fr}")))
            }
        },
        Command::Stop => match phone.store.stop_all_alerts(index).await {
            Ok(_) => Ok(phone.say(l, "sms-stopped", &[])),
            Err(e) => Err(e.into()),
        },
        Command::Alert(typed) => subscribe(phone, l, number, &typed).await,
        Command::Grievance(rest) => {
            let filing_key = format!("sms:{gateway}:{message_id}");
            grievance(phone, l, &rest, number, &filing_key).await
        }
        Command::StartNeed => {
            let l = l.unwrap_or(PhoneLanguage::Ar);
            // The conversation is named after the message that started it: the need it ends
            // with is written once, whatever is sent again on the way.
            let id = format!("sms:{gateway}:{message_id}");
            let talk = Conversation {
                id,
                talk: NeedTalk::Commune,
            };
            save(phone, index, &talk, l)
                .await
                .map(|()| phone.t(l, "sms-need-ask-commune"))
        }
        Command::Other(text) => match conversation {
            Some((state, _)) => match serde_json::from_str::<Conversation>(&state) {
                Ok(talk) => {
                    let l = l.unwrap_or(PhoneLanguage::Ar);
                    converse(phone, l, index, number, talk, &text).await
                }
                Err(_) => {
                    let _ = phone.store.end_phone_conversation(index).await;
                    Ok(help(phone, l))
                }
            },
            None => Ok(help(phone, l)),
        },
    };
    reply.unwrap_or_else(|_| phone.say(l, "phone-error", &[]))
}

/// Whether a text names Modern Standard Arabic by a keyword of its own.
fn names_arabic(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or_default();
    KEYWORDS
        .iter()
        .any(|(k, _, l)| *k == first && *l == Some(PhoneLanguage::Ar))
}

fn hex_random() -> String {
    let bytes: [u8; 8] = rand::random();
    hex::encode(bytes)
}

fn help(phone: &Phone<'_>, l: Option<PhoneLanguage>) -> String {
    match l {
        Some(l) => phone.t(l, "sms-help"),
        None => phone.say(None, "sms-help-short", &[]),
    }
}

impl Phone<'_> {
    async fn check_code_in(&self, l: Option<PhoneLanguage>, code: &str) -> crate::Result<String> {
        match l {
            Some(l) => self.check_code(l, code).await,
            None => {
                let ar = self.check_code(PhoneLanguage::Ar, code).await?;
                let fr = self.check_code(PhoneLanguage::Fr, code).await?;
                Ok(format!("{ar}\n{fr}"))
            }
        }
    }
}

async fn save(
    phone: &Phone<'_>,
    index: &str,
    talk: &Conversation,
    l: PhoneLanguage,
) -> crate::Result<()> {
    let state = serde_json::to_string(talk)
        .map_err(|_| crate::Error::Internal("a phone conversation cannot be written"))?;
    phone
        .store
        .save_phone_conversation(index, &state, l.tag(), CONVERSATION_SECONDS)
        .await?;
    Ok(())
}

/// A numbered list on one line: `1 Abri, 2 Eau`.
fn numbered(items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", i + 1, s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Longest commune name in an SMS list.
const LISTED_NAME_CHARS: usize = 16;

fn categories(phone: &Phone<'_>, l: PhoneLanguage) -> String {
    category_prompt(phone.messages, l)
}

fn category_prompt(messages: &twiza_i18n::PhoneMessages, l: PhoneLanguage) -> String {
    let items: Vec<String> = NeedCategory::ALL
        .iter()
        .map(|c| messages.t(l, &category_key(*c)))
        .collect();
    messages.t_args(
        l,
        "sms-need-ask-category",
        &[("list", Arg::Str(&numbered(&items)))],
    )
}

/// One answer in a need report by SMS.
async fn converse(
    phone: &Phone<'_>,
    l: PhoneLanguage,
    index: &str,
    number: &str,
    conversation: Conversation,
    text: &str,
) -> crate::Result<String> {
    let id = conversation.id;
    let step = |talk: NeedTalk| {
        let conversation = Conversation {
            id: id.clone(),
            talk,
        };
        async move { save(phone, index, &conversation, l).await }
    };
    match conversation.talk {
        NeedTalk::Commune => {
            let found = find_communes(text);
            match found.as_slice() {
                [] => Ok(format!(
                    "{} {}",
                    phone.t(l, "phone-commune-none"),
                    phone.t(l, "sms-need-ask-commune")
                )),
                [one] => {
                    let commune = one.code.as_str().to_owned();
                    step(NeedTalk::Category { commune }).await?;
                    Ok(categories(phone, l))
                }
                many => {
                    let names: Vec<String> = many
                        .iter()
                        .map(|c| commune_name(l, c, LISTED_NAME_CHARS))
                        .collect();
                    let communes = many.iter().map(|c| c.code.as_str().to_owned()).collect();
                    step(NeedTalk::CommuneChoice { communes }).await?;
                    Ok(phone.t_args(
                        l,
                        "sms-need-choose-commune",
                        &[("list", Arg::Str(&numbered(&names)))],
                    ))
                }
            }
        }
        NeedTalk::CommuneChoice { communes } => match parse_choice(text, communes.len()) {
            Some(i) => {
                let commune = communes[i].clone();
                step(NeedTalk::Category { commune }).await?;
                Ok(categories(phone, l))
            }
            None => {
                let names: Vec<String> = communes
                    .iter()
                    .filter_map(|c| commune_by_code(c))
                    .map(|c| commune_name(l, c, LISTED_NAME_CHARS))
                    .collect();
                Ok(phone.t_args(
                    l,
                    "sms-need-choose-commune",
                    &[("list", Arg::Str(&numbered(&names)))],
                ))
            }
        },
        NeedTalk::Category { commune } => match parse_choice(text, NeedCategory::ALL.len()) {
            Some(i) => {
                let category = NeedCategory::ALL[i].as_str().to_owned();
                step(NeedTalk::Households { commune, category }).await?;
                Ok(phone.t(l, "sms-need-ask-households"))
            }
            None => Ok(categories(phone, l)),
        },
        NeedTalk::Households { commune, category } => {
            let (Some(households), Some(category)) =
                (parse_households(text), NeedCategory::parse(&category))
            else {
                return Ok(phone.t(l, "sms-need-ask-households"));
            };
            // By SMS the urgency is not asked: a need texted in is taken as for today; the
            // triage reassesses it.
            let need = PhoneNeed {
                commune,
                category,
                urgency: Urgency::High,
                households,
            };
            let told = phone.report_need(l, number, &need, &id).await?;
            phone.store.end_phone_conversation(index).await?;
            Ok(told.text)
        }
    }
}

async fn subscribe(
    phone: &Phone<'_>,
    l: Option<PhoneLanguage>,
    number: &str,
    typed: &str,
) -> crate::Result<String> {
    let l = l.unwrap_or(PhoneLanguage::Ar);
    if typed.trim().is_empty() {
        return Ok(phone.t(l, "sms-alert-ask-commune"));
    }
    let found = find_communes(typed);
    let exact = found.iter().find(|c| {
        let typed = twiza_geo::normalize_for_search(typed);
        twiza_geo::normalize_for_search(&c.name_fr) == typed
            || twiza_geo::normalize_for_search(&c.name_ar) == typed
            || c.code.as_str() == typed.trim()
    });
    let chosen = match (exact, found.as_slice()) {
        (Some(c), _) => Some(*c),
        (None, [one]) => Some(*one),
        _ => None,
    };
    match chosen {
        Some(commune) => Ok(phone.alerts(l, number, commune, true, "sms").await?.text),
        None if found.is_empty() => Ok(phone.t(l, "phone-commune-none")),
        None => {
            let names: Vec<String> = found
                .iter()
                .take(3)
                .map(|c| commune_name(l, c, LISTED_NAME_CHARS))
                .collect();
            Ok(phone.t_args(
                l,
                "sms-alert-choose",
                &[("list", Arg::Str(&names.join(", ")))],
            ))
        }
    }
}

async fn grievance(
    phone: &Phone<'_>,
    l: Option<PhoneLanguage>,
    rest: &str,
    number: &str,
    filing_key: &str,
) -> crate::Result<String> {
    let l = l.unwrap_or(PhoneLanguage::Ar);
    let (reference, statement) = match rest.split_once(char::is_whitespace) {
        Some((reference, statement)) => (reference, statement.trim()),
        None => (rest, ""),
    };
    if !reference.to_ascii_uppercase().starts_with("HH-") || statement.is_empty() {
        return Ok(phone.t(l, "sms-grievance-usage"));
    }
    match phone
        .file_grievance(
            l,
            reference,
            GrievanceSubject::Other,
            statement,
            "sms",
            number,
            filing_key,
        )
        .await
    {
        Ok(told) => Ok(told.text),
        // A statement the rules refuse (too long): say how to send it.
        Err(crate::Error::Invalid(_)) => Ok(phone.t(l, "sms-grievance-usage")),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One GSM-7 message, or two UCS-2 parts.
    fn fits(text: &str) -> bool {
        use twiza_domain::sms_segments::{segments, SmsEncoding};
        let s = segments(text);
        match s.encoding {
            SmsEncoding::Gsm7 => s.units <= 160,
            SmsEncoding::Ucs2 => s.units <= 134,
        }
    }

    #[test]
    fn lists_by_sms_fit_in_every_language() {
        let messages = twiza_i18n::PhoneMessages::load().expect("messages");
        for l in PhoneLanguage::ALL {
            let prompt = category_prompt(&messages, l);
            assert!(fits(&prompt), "{l}: {prompt}");
            // Five communes at the longest name shown.
            let name = if l.is_arabic_script() { "ج" } else { "x" }.repeat(LISTED_NAME_CHARS);
            let names = vec![name; 5];
            let choose = messages.t_args(
                l,
                "sms-need-choose-commune",
                &[("list", Arg::Str(&numbered(&names)))],
            );
            assert!(fits(&choose), "{l}: {choose}");
            let three = names[..3].join(", ");
            let alert = messages.t_args(l, "sms-alert-choose", &[("list", Arg::Str(&three))]);
            assert!(fits(&alert), "{l}: {alert}");
        }
    }

    #[test]
    fn commands_and_their_languages() {
        assert_eq!(
            parse("besoin"),
            (Command::StartNeed, Some(PhoneLanguage::Fr))
        );
        assert_eq!(
            parse("7aja"),
            (Command::StartNeed, Some(PhoneLanguage::AryLatn))
        );
        assert_eq!(
            parse("Tuxsa"),
            (Command::StartNeed, Some(PhoneLanguage::ZghLatn))
        );
        assert_eq!(
            parse("بغيت"),
            (Command::StartNeed, Some(PhoneLanguage::Ary))
        );
        assert_eq!(parse("حاجة"), (Command::StartNeed, Some(PhoneLanguage::Ar)));
        assert_eq!(parse("STOP"), (Command::Stop, None));
        assert_eq!(
            parse("twz-4k7p"),
            (Command::Code("twz-4k7p".to_owned()), None)
        );
        assert_eq!(
            parse("ALERT Asni"),
            (Command::Alert("Asni".to_owned()), None)
        );
        assert_eq!(
            parse("شكاية HH-AB شي حاجة"),
            (
                Command::Grievance("HH-AB شي حاجة".to_owned()),
                Some(PhoneLanguage::Ary)
            )
        );
        assert_eq!(
            parse("n-abc"),
            (Command::FollowNeed("N-ABC".to_owned()), None)
        );
        assert_eq!(parse("😀"), (Command::Other("😀".to_owned()), None));
        assert_eq!(
            parse("سلام"),
            (Command::Other("سلام".to_owned()), Some(PhoneLanguage::Ar))
        );
    }
}
