//! The USSD menus: a pure function of the answers typed so far (the gateway's `text`, joined by
//! `*`) gives the next screen. The server keeps only the answers a session reached, to refuse a
//! request that jumps to a step never shown, and the reply of its final write (a need, a
//! grievance, a subscription), done once per session id. Every screen fits in
//! 182 characters: lists are cut (at most five communes) and long names shortened until it does.
//!
//! The first screen chooses the language (`1` العربية, `2` الدارجة, `3` Tamazight,
//! `4` Français), then the main menu: `1` check an appeal's code, `2` report a need, `3` follow
//! a need, `4` file a grievance, `5` alerts for my commune. `0` goes back one screen. An answer
//! that is no choice, or answers after the end, end the session with a clear message and write
//! nothing.

use super::{
    category_key, commune_by_code, commune_name, find_communes, parse_choice, parse_households,
    subject_key, urgency_key, Phone, PhoneNeed,
};
use twiza_domain::crisis::{NeedCategory, Urgency};
use twiza_domain::grievance::GrievanceSubject;
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_store::UssdStep;

/// The longest USSD screen, in characters.
pub const SCREEN_CHARS: usize = 182;

/// Longest answer kept from one step (a commune's name, a code, a reference).
const STEP_CHARS: usize = 40;

/// Longest `text` a session can reach (every answer at its longest, twenty steps).
const TEXT_CHARS: usize = 20 * (STEP_CHARS + 1);

/// What the gateway sends on each step of a session.
#[derive(Debug, Clone)]
pub struct UssdRequest {
    pub session_id: String,
    pub phone: String,
    /// The answers so far, joined by `*` (empty on the first request).
    pub text: String,
}

/// The reply: another screen, or the last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UssdReply {
    Continue(String),
    End(String),
}

impl UssdReply {
    /// As the gateway reads it: `CON …` or `END …`.
    pub fn to_text(&self) -> String {
        match self {
            UssdReply::Continue(s) => format!("CON {s}"),
            UssdReply::End(s) => format!("END {s}"),
        }
    }

    /// The screen's text, without `CON `/`END `.
    pub fn screen(&self) -> &str {
        match self {
            UssdReply::Continue(s) | UssdReply::End(s) => s,
        }
    }
}

/// Where a session stands: the screen shown, with what was chosen on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Screen {
    Language,
    Menu,
    Code,
    Commune(Purpose),
    CommuneChoice(Purpose, Vec<String>),
    Category(String),
    Urgency(String, NeedCategory),
    Households(String, NeedCategory, Urgency),
    ConfirmNeed(PhoneNeed),
    NeedReference,
    Household,
    Subject(String),
    ConfirmGrievance(String, GrievanceSubject),
    AlertAction(String),
}

/// Why a commune is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Need,
    Alert,
}

/// What ends a session.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    CheckCode(String),
    RecordNeed(PhoneNeed),
    FollowNeed(String),
    FileGrievance(String, GrievanceSubject),
    Alerts {
        commune: String,
        subscribe: bool,
    },
    /// The person cancelled on a confirmation.
    Cancelled,
    /// Ends with a message and nothing written (`phone-…` key).
    Refuse(&'static str),
}

/// After one answer.
enum Next {
    Show(Screen),
    Do(Action),
}

/// Where the answers lead: the language chosen (if any) and the screen to show or the action
/// that ends the session.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Walk {
    language: Option<PhoneLanguage>,
    end: Result<Screen, Action>,
}

fn walk(text: &str) -> Walk {
    let steps: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        text.split('*').collect()
    };
    let mut language = None;
    let mut stack = vec![Screen::Language];
    let mut done: Option<Action> = None;
    for step in steps {
        if done.is_some() {
            // Answers after the end: a step the session never reached.
            return Walk {
                language,
                end: Err(Action::Refuse("phone-session-ended")),
            };
        }
        let step = step.trim();
        if step.chars().count() > STEP_CHARS {
            done = Some(Action::Refuse("phone-invalid-choice"));
            continue;
        }
        let current = stack.last().cloned().unwrap_or(Screen::Language);
        if step == "0" && current != Screen::Language {
            stack.pop();
            if stack.last() == Some(&Screen::Language) {
                language = None;
            }
            continue;
        }
        if current == Screen::Language {
            match parse_choice(step, 4) {
                Some(i) => {
                    language = Some(PhoneLanguage::USSD[i]);
                    stack.push(Screen::Menu);
                }
                None => done = Some(Action::Refuse("phone-invalid-choice")),
            }
            continue;
        }
        match next(&current, step) {
            Next::Show(screen) => stack.push(screen),
            Next::Do(action) => done = Some(action),
        }
    }
    Walk {
        language,
        end: match done {
            Some(action) => Err(action),
            None => Ok(stack.pop().unwrap_or(Screen::Language)),
        },
    }
}

fn next(screen: &Screen, step: &str) -> Next {
    let invalid = Next::Do(Action::Refuse("phone-invalid-choice"));
    match screen {
        Screen::Language => invalid,
        Screen::Menu => match parse_choice(step, 5) {
            Some(0) => Next::Show(Screen::Code),
            Some(1) => Next::Show(Screen::Commune(Purpose::Need)),
            Some(2) => Next::Show(Screen::NeedReference),
            Some(3) => Next::Show(Screen::Household),
            Some(4) => Next::Show(Screen::Commune(Purpose::Alert)),
            _ => invalid,
        },
        Screen::Code => Next::Do(Action::CheckCode(step.to_owned())),
        Screen::Commune(purpose) => {
            let found = find_communes(step);
            match found.as_slice() {
                [] => Next::Do(Action::Refuse("phone-commune-none")),
                [one] => Next::Show(after_commune(*purpose, one.code.as_str())),
                many => Next::Show(Screen::CommuneChoice(
                    *purpose,
                    many.iter().map(|c| c.code.as_str().to_owned()).collect(),
                )),
            }
        }
        Screen::CommuneChoice(purpose, codes) => match parse_choice(step, codes.len()) {
            Some(i) => Next::Show(after_commune(*purpose, &codes[i])),
            None => invalid,
        },
        Screen::Category(commune) => match parse_choice(step, NeedCategory::ALL.len()) {
            Some(i) => Next::Show(Screen::Urgency(commune.clone(), NeedCategory::ALL[i])),
            None => invalid,
        },
        Screen::Urgency(commune, category) => match parse_choice(step, Urgency::ALL.len()) {
            Some(i) => Next::Show(Screen::Households(
                commune.clone(),
                *category,
                Urgency::ALL[i],
            )),
            None => invalid,
        },
        Screen::Households(commune, category, urgency) => match parse_households(step) {
            Some(households) => Next::Show(Screen::ConfirmNeed(PhoneNeed {
                commune: commune.clone(),
                category: *category,
                urgency: *urgency,
                households,
            })),
            None => Next::Do(Action::Refuse("phone-invalid-number")),
        },
        Screen::ConfirmNeed(need) => match parse_choice(step, 2) {
            Some(0) => Next::Do(Action::RecordNeed(need.clone())),
            Some(_) => Next::Do(Action::Cancelled),
            None => invalid,
        },
        Screen::NeedReference => Next::Do(Action::FollowNeed(step.to_owned())),
        Screen::Household => {
            let reference = step.to_ascii_uppercase();
            if reference.starts_with("HH-") {
                Next::Show(Screen::Subject(reference))
            } else {
                Next::Do(Action::Refuse("phone-household-unknown"))
            }
        }
        Screen::Subject(household) => match parse_choice(step, GrievanceSubject::ALL.len()) {
            Some(i) => Next::Show(Screen::ConfirmGrievance(
                household.clone(),
                GrievanceSubject::ALL[i],
            )),
            None => invalid,
        },
        Screen::ConfirmGrievance(household, subject) => match parse_choice(step, 2) {
            Some(0) => Next::Do(Action::FileGrievance(household.clone(), *subject)),
            Some(_) => Next::Do(Action::Cancelled),
            None => invalid,
        },
        Screen::AlertAction(commune) => match parse_choice(step, 2) {
            Some(i) => Next::Do(Action::Alerts {
                commune: commune.clone(),
                subscribe: i == 0,
            }),
            None => invalid,
        },
    }
}

fn after_commune(purpose: Purpose, code: &str) -> Screen {
    match purpose {
        Purpose::Need => Screen::Category(code.to_owned()),
        Purpose::Alert => Screen::AlertAction(code.to_owned()),
    }
}

/// A numbered list under a header, with the back line, made to fit a screen: item labels are
/// shortened, all alike, until the whole fits.
fn list_screen(header: &str, items: &[String], back: &str) -> String {
    let render = |max: usize| {
        let mut out = header.to_owned();
        for (i, item) in items.iter().enumerate() {
            out.push('\n');
            out.push_str(&format!("{} {}", i + 1, super::cut(item, max)));
        }
        out.push('\n');
        out.push_str(back);
        out
    };
    let longest = items.iter().map(|i| i.chars().count()).max().unwrap_or(0);
    let mut max = longest;
    loop {
        let screen = render(max);
        if screen.chars().count() <= SCREEN_CHARS || max <= 3 {
            return fit(screen);
        }
        max -= 1;
    }
}

/// Cuts a screen that would still be too long (a safeguard: texts and lists are built to fit).
fn fit(screen: String) -> String {
    if screen.chars().count() <= SCREEN_CHARS {
        screen
    } else {
        screen.chars().take(SCREEN_CHARS).collect()
    }
}

/// The first screen, in the four languages' own names.
pub fn language_screen(messages: &PhoneMessages) -> String {
    let lines: Vec<String> = PhoneLanguage::USSD
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{} {}", i + 1, messages.t(*l, "phone-language-name")))
        .collect();
    fit(lines.join("\n"))
}

/// A message for a person whose language is not known yet: Arabic, then French.
pub fn both(messages: &PhoneMessages, key: &str) -> String {
    fit(format!(
        "{}\n{}",
        messages.t(PhoneLanguage::Ar, key),
        messages.t(PhoneLanguage::Fr, key)
    ))
}

fn render(messages: &PhoneMessages, l: PhoneLanguage, screen: &Screen) -> String {
    let t = |key: &str| messages.t(l, key);
    let back = t("ussd-back");
    let with_back = |text: String| fit(format!("{text}\n{back}"));
    let commune_of = |code: &str, n: usize| {
        commune_by_code(code)
            .map(|c| commune_name(l, c, n))
            .unwrap_or_default()
    };
    match screen {
        Screen::Language => language_screen(messages),
        Screen::Menu => with_back(t("ussd-menu")),
        Screen::Code => with_back(t("ussd-ask-code")),
        Screen::Commune(_) => with_back(t("ussd-ask-commune")),
        Screen::CommuneChoice(_, codes) => {
            let names: Vec<String> = codes.iter().map(|c| commune_of(c, 40)).collect();
            list_screen(&t("ussd-choose-commune"), &names, &back)
        }
        Screen::Category(_) => {
            let items: Vec<String> = NeedCategory::ALL
                .iter()
                .map(|c| t(&category_key(*c)))
                .collect();
            list_screen(&t("ussd-ask-category"), &items, &back)
        }
        Screen::Urgency(..) => {
            let items: Vec<String> = Urgency::ALL.iter().map(|u| t(&urgency_key(*u))).collect();
            list_screen(&t("ussd-ask-urgency"), &items, &back)
        }
        Screen::Households(..) => with_back(t("ussd-ask-households")),
        Screen::ConfirmNeed(need) => {
            let category = t(&category_key(need.category));
            let commune = commune_of(&need.commune, 24);
            fit(messages.t_args(
                l,
                "ussd-confirm-need",
                &[
                    ("category", Arg::Str(&category)),
                    ("households", Arg::Int(need.households)),
                    ("commune", Arg::Str(&commune)),
                ],
            ))
        }
        Screen::NeedReference => with_back(t("ussd-ask-need-reference")),
        Screen::Household => with_back(t("ussd-ask-household")),
        Screen::Subject(_) => {
            let items: Vec<String> = GrievanceSubject::ALL
                .iter()
                .map(|s| t(&subject_key(*s)))
                .collect();
            list_screen(&t("ussd-ask-grievance-subject"), &items, &back)
        }
        Screen::ConfirmGrievance(household, subject) => {
            let subject = t(&subject_key(*subject));
            let household = super::cut(household, 24);
            fit(messages.t_args(
                l,
                "ussd-confirm-grievance",
                &[
                    ("household", Arg::Str(&household)),
                    ("subject", Arg::Str(&subject)),
                ],
            ))
        }
        Screen::AlertAction(code) => {
            let commune = commune_of(code, 24);
            with_back(messages.t_args(l, "ussd-alert-action", &[("commune", Arg::Str(&commune))]))
        }
    }
}

/// The answer to one step of a session. A request must follow the session's steps (one answer
/// more than the last request, or the last again): one that jumps to a step never shown ends
/// the session, writing nothing. A confirmed final step writes once, whatever is repeated (the
/// need is keyed by the session, a grievance is filed once per session, a subscription is kept
/// once), and a repeated final request gets the reply the first one got.
pub async fn answer(phone: &Phone<'_>, request: &UssdRequest) -> UssdReply {
    let walked = walk(&request.text);
    let say = |key: &str| match walked.language {
        Some(l) => fit(phone.messages.t(l, key)),
        None => both(phone.messages, key),
    };
    if request.text.chars().count() > TEXT_CHARS {
        return UssdReply::End(say("phone-invalid-choice"));
    }
    let Some(number) = super::normalize_phone(&request.phone) else {
        return UssdReply::End(say("phone-error"));
    };
    let session = format!("ussd:{}", super::cut(&request.session_id, 100));
    let index = phone.phone_index(&number);
    match phone
        .store
        .follow_ussd_session(&session, &index, &request.text)
        .await
    {
        Ok(UssdStep::Follows(None)) => {}
        Ok(UssdStep::Follows(Some(reply))) => return UssdReply::End(reply),
        Ok(UssdStep::Jumped) => return UssdReply::End(say("phone-session-jumped")),
        Err(_) => return UssdReply::End(say("phone-error")),
    }
    if let (Some(l), false) = (walked.language, request.text.contains('*')) {
        // The language just chosen: what Twiza later texts this phone (a need's progress)
        // comes in it. Best effort: it is only a preference.
        let _ = phone.store.set_phone_language(&index, l.tag()).await;
    }
    let Some(l) = walked.language else {
        return match walked.end {
            Ok(screen) => UssdReply::Continue(render(phone.messages, PhoneLanguage::Ar, &screen)),
            Err(Action::Refuse(key)) => UssdReply::End(both(phone.messages, key)),
            Err(_) => UssdReply::End(both(phone.messages, "phone-invalid-choice")),
        };
    };
    match walked.end {
        Ok(screen) => UssdReply::Continue(render(phone.messages, l, &screen)),
        Err(action) => UssdReply::End(fit(finish(phone, l, &number, &session, action).await)),
    }
}

async fn finish(
    phone: &Phone<'_>,
    l: PhoneLanguage,
    number: &str,
    session: &str,
    action: Action,
) -> String {
    let failed = || phone.messages.t(l, "phone-error");
    let told = match action {
        Action::CheckCode(code) => phone.check_code(l, &code).await,
        Action::FollowNeed(reference) => phone.need_status(l, &reference).await,
        Action::Cancelled => Ok(phone.messages.t(l, "phone-cancelled")),
        Action::Refuse(key) => Ok(phone.messages.t(l, key)),
        Action::RecordNeed(need) => phone
            .report_need(l, number, &need, session)
            .await
            .map(|told| told.text),
        Action::FileGrievance(household, subject) => {
            let statement = phone.messages.t(l, &subject_key(subject));
            phone
                .file_grievance(l, &household, subject, &statement, "ussd", number, session)
                .await
                .map(|told| told.text)
        }
        Action::Alerts { commune, subscribe } => match commune_by_code(&commune) {
            Some(c) => phone
                .alerts(l, number, c, subscribe, "ussd")
                .await
                .map(|told| told.text),
            None => Ok(phone.messages.t(l, "phone-commune-none")),
        },
    };
    match told {
        Ok(text) => {
            let text = fit(text);
            // Best effort: without it, a repeated last request is answered again, writing
            // nothing twice.
            let _ = phone.store.keep_ussd_reply(session, &text).await;
            text
        }
        // Nothing was written: the session may try its final step again.
        Err(_) => failed(),
    }
}

/// Every screen a session can show in `language`, with the communes found for `typed` (for the
/// length tests).
pub fn every_screen(messages: &PhoneMessages, language: PhoneLanguage, typed: &str) -> Vec<String> {
    let codes: Vec<String> = find_communes(typed)
        .iter()
        .map(|c| c.code.as_str().to_owned())
        .collect();
    let commune = codes.first().cloned().unwrap_or_default();
    let need = PhoneNeed {
        commune: commune.clone(),
        category: NeedCategory::ClothingBlankets,
        urgency: Urgency::Critical,
        households: twiza_domain::crisis::MAX_COUNT,
    };
    let screens = [
        Screen::Language,
        Screen::Menu,
        Screen::Code,
        Screen::Commune(Purpose::Need),
        Screen::CommuneChoice(Purpose::Need, codes),
        Screen::Category(commune.clone()),
        Screen::Urgency(commune.clone(), NeedCategory::Food),
        Screen::Households(commune.clone(), NeedCategory::Food, Urgency::High),
        Screen::ConfirmNeed(need),
        Screen::NeedReference,
        Screen::Household,
        Screen::Subject("HH-ABCDEFGHJKMNPQRS".to_owned()),
        Screen::ConfirmGrievance(
            "HH-ABCDEFGHJKMNPQRSTVWXYZ".to_owned(),
            GrievanceSubject::PaymentNotReceived,
        ),
        Screen::AlertAction(commune),
    ];
    screens
        .iter()
        .map(|s| render(messages, language, s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_lead_to_screens_and_actions() {
        assert_eq!(walk("").end, Ok(Screen::Language));
        assert_eq!(walk("4").language, Some(PhoneLanguage::Fr));
        assert_eq!(walk("4").end, Ok(Screen::Menu));
        assert_eq!(walk("4*1").end, Ok(Screen::Code));
        assert_eq!(
            walk("4*1*TWZ-ABCD").end,
            Err(Action::CheckCode("TWZ-ABCD".to_owned()))
        );
        // Back from the code to the menu, then to following a need.
        assert_eq!(walk("4*1*0*3").end, Ok(Screen::NeedReference));
        // Back to the first screen forgets the language.
        assert_eq!(walk("4*0").language, None);
        assert_eq!(walk("9").end, Err(Action::Refuse("phone-invalid-choice")));
        assert_eq!(walk("4*7").end, Err(Action::Refuse("phone-invalid-choice")));
        assert_eq!(
            walk("4*1*TWZ-ABCD*1").end,
            Err(Action::Refuse("phone-session-ended"))
        );
        assert_eq!(
            walk("4*5*zzzzqqq").end,
            Err(Action::Refuse("phone-commune-none"))
        );
        assert_eq!(
            walk("1*4*HH-ABC*9").end,
            Err(Action::Refuse("phone-invalid-choice"))
        );
        assert_eq!(
            walk("1*4*hh-abc*1*1").end,
            Err(Action::FileGrievance(
                "HH-ABC".to_owned(),
                GrievanceSubject::Exclusion
            ))
        );
    }

    #[test]
    fn every_screen_fits_in_every_language() {
        let messages = PhoneMessages::load().expect("messages");
        for l in PhoneLanguage::ALL {
            for typed in ["a", "ال", "Casa", "Marrakech"] {
                for screen in every_screen(&messages, l, typed) {
                    let n = screen.chars().count();
                    assert!(n <= SCREEN_CHARS, "{l}: {n} characters: {screen}");
                }
            }
        }
    }
}
