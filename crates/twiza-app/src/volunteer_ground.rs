//! Volunteering on the ground: a volunteer checks in and out of a shift with the code the
//! coordinator's phone shows, or the coordinator does it for them (and records no-shows); the
//! shift jobs (forgotten check-outs closed at the shift's end and flagged, no-shows marked,
//! reminders texted once before a shift to those who asked); certificates of volunteering
//! issued with their commitment in the transparency log and checked by anyone by their code;
//! each mission's message board (announcements also texted and e-mailed to those who asked,
//! once per announcement; replies only the coordinators read).

use crate::error::{Error, Result};
use crate::mail::{recipient_locale, Mail};
use crate::volunteer_contracts::open_volunteer_field;
use std::sync::Arc;
use twiza_domain::text::parse_text;
use twiza_domain::volunteer::{iso_day, morocco_day};
use twiza_domain::volunteer_certificate::{
    certificate_code, commitment, parse_certificate_code, CertificateContent, CODE_ALPHABET,
};
use twiza_domain::{OrgScope, Refusal, UserId};
use twiza_i18n::{Arg, Locale, Messages};
use twiza_store::{CertificateView, NewCertificate, PersonalDataKeys, Recorder, Store};

/// A form's idempotency key, checked.
fn form_key(raw: &str) -> Result<String> {
    twiza_domain::donation::parse_idempotency_key(raw).map_err(|e| Error::Invalid(vec![e]))
}

/// Signs of a shift's check-in code.
pub const CHECKIN_CODE_SIGNS: usize = 6;

/// A fresh check-in code: six signs no one confuses.
pub fn new_checkin_code() -> String {
    let random: [u8; CHECKIN_CODE_SIGNS] = rand::random();
    random
        .iter()
        .map(|b| char::from(CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()]))
        .collect()
}

/// The signed-in account's volunteer id (`not_a_volunteer` without a profile).
async fn volunteer_of(store: &Store, user: UserId) -> Result<i64> {
    store
        .volunteer_id_of(user)
        .await?
        .ok_or(Error::Refused(Refusal::NotAVolunteer))
}

/// The volunteer checks in with the shift's code.
pub async fn check_in_by_code(
    store: &Store,
    user: UserId,
    shift_id: i64,
    code: &str,
) -> Result<()> {
    let volunteer = volunteer_of(store, user).await?;
    let at = twiza_store::now();
    Ok(store
        .check_in(
            None,
            shift_id,
            volunteer,
            Recorder::Volunteer { code },
            user,
            at,
        )
        .await?)
}

/// The volunteer checks out with the shift's code; answers the minutes counted.
pub async fn check_out_by_code(
    store: &Store,
    user: UserId,
    shift_id: i64,
    code: &str,
) -> Result<i64> {
    let volunteer = volunteer_of(store, user).await?;
    let at = twiza_store::now();
    Ok(store
        .check_out(
            None,
            shift_id,
            volunteer,
            Recorder::Volunteer { code },
            user,
            at,
        )
        .await?)
}

/// What a coordinator records for a volunteer on a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroundAction {
    CheckIn,
    CheckOut,
    NoShow,
    /// A check-out closed at the shift's end, looked at.
    Reviewed,
}

impl GroundAction {
    /// The form's value (`check_in`, `check_out`, `no_show`, `reviewed`).
    pub fn parse(raw: &str) -> Option<GroundAction> {
        match raw {
            "check_in" => Some(GroundAction::CheckIn),
            "check_out" => Some(GroundAction::CheckOut),
            "no_show" => Some(GroundAction::NoShow),
            "reviewed" => Some(GroundAction::Reviewed),
            _ => None,
        }
    }
}

/// What a coordinator records for a volunteer on a shift of the association.
pub async fn record(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    shift_id: i64,
    volunteer_id: i64,
    action: GroundAction,
) -> Result<()> {
    let org = Some(scope.org_id().0);
    let at = twiza_store::now();
    match action {
        GroundAction::CheckIn => {
            store
                .check_in(org, shift_id, volunteer_id, Recorder::Coordinator, by, at)
                .await?
        }
        GroundAction::CheckOut => store
            .check_out(org, shift_id, volunteer_id, Recorder::Coordinator, by, at)
            .await
            .map(|_| ())?,
        GroundAction::NoShow => store.mark_no_show(scope, shift_id, volunteer_id).await?,
        GroundAction::Reviewed => store.mark_reviewed(scope, shift_id, volunteer_id).await?,
    }
    Ok(())
}

/// Gives a shift of the association a new check-in code (the old one stops working).
pub async fn rotate_code(store: &Store, scope: &OrgScope, shift_id: i64) -> Result<String> {
    let code = new_checkin_code();
    store.set_checkin_code(scope, shift_id, &code).await?;
    Ok(code)
}

/// How long before a shift its reminder is texted.
pub const REMINDER_BEFORE: i64 = 24 * 3600;
/// How often the shift jobs run.
pub const SHIFT_JOBS_EVERY: std::time::Duration = std::time::Duration::from_secs(300);
const JOB_BATCH: i64 = 500;

/// The reminder's key in the SMS outbox: one per shift and volunteer.
pub fn reminder_key(shift_id: i64, volunteer_id: i64) -> String {
    format!("volunteer-shift:{shift_id}:{volunteer_id}:reminder")
}

/// A time as `HH:MM` in Morocco, with its day.
fn morocco_time(unix: i64) -> (String, String) {
    let t = time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(twiza_domain::volunteer::MOROCCO);
    (
        iso_day(t.date()),
        format!("{:02}:{:02}", t.hour(), t.minute()),
    )
}

/// One pass of the shift jobs at `at`: shifts ended are closed (forgotten check-outs closed at
/// the end and flagged, no-shows marked); with a gateway (`texting`), volunteers who asked for
/// text messages get a reminder of each shift starting within [`REMINDER_BEFORE`], once.
/// Answers the shifts closed and the reminders queued.
pub async fn run_shift_jobs(
    store: &Store,
    keys: &PersonalDataKeys,
    messages: &Messages,
    texting: bool,
    at: i64,
) -> Result<(u64, usize)> {
    let closed = store.close_ended_shifts(at, JOB_BATCH).await?;
    if !texting {
        return Ok((closed, 0));
    }
    let due = store.reminders_due(at, REMINDER_BEFORE, JOB_BATCH).await?;
    let mut texts = Vec::with_capacity(due.len());
    let mut shifts: Vec<i64> = Vec::new();
    for r in &due {
        if !shifts.contains(&r.shift_id) {
            shifts.push(r.shift_id);
        }
        let Some(sealed) = r.phone_sealed.as_deref() else {
            continue;
        };
        let phone = open_volunteer_field(keys, &r.volunteer_reference, "phone", Some(sealed))?;
        let locale = recipient_locale(r.locale.as_deref(), Locale::Ar);
        let (day, hour) = morocco_time(r.starts_at);
        let text = messages.t_args(
            locale,
            "vshift-reminder-sms",
            &[
                ("mission", Arg::Str(&r.mission_title)),
                ("day", Arg::Str(&day)),
                ("time", Arg::Str(&hour)),
            ],
        );
        texts.push(crate::sms::seal(
            keys,
            "volunteer_shift_reminder",
            reminder_key(r.shift_id, r.volunteer_id),
            &phone,
            &text,
        ));
    }
    // A batch cut short keeps its last shift's remaining volunteers for the next pass.
    if due.len() as i64 == JOB_BATCH {
        if let Some(last) = shifts.pop() {
            texts.retain(|t| {
                !t.idempotency_key
                    .starts_with(&format!("volunteer-shift:{last}:"))
            });
        }
    }
    store.queue_reminders(&texts, &shifts, at).await?;
    store
        .mark_quiet_shifts_reminded(at, REMINDER_BEFORE)
        .await?;
    Ok((closed, texts.len()))
}

/// Starts the shift jobs: a minute after start, then every [`SHIFT_JOBS_EVERY`]. Every step is
/// safe to run on several nodes at once (conditional updates, keyed messages).
pub fn spawn_shift_jobs(
    store: Store,
    keys: PersonalDataKeys,
    messages: Arc<Messages>,
    texting: bool,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
        let mut tick = tokio::time::interval_at(start, SHIFT_JOBS_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let at = twiza_store::now();
            match run_shift_jobs(&store, &keys, &messages, texting, at).await {
                Ok((closed, reminded)) if closed > 0 || reminded > 0 => {
                    tracing::info!(closed, reminded, "volunteer shift jobs")
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "volunteer shift jobs failed"),
            }
        }
    })
}

/// A certificate just issued: its code and leaf index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: i64,
    pub code: String,
    pub leaf_index: u64,
}

/// The association issues a certificate of volunteering to a volunteer who worked with it
/// (`no_hours_to_certify` without minutes worked), its leaf appended to the transparency log
/// in the same transaction; once per issue key.
pub async fn issue_certificate(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    volunteer_id: i64,
    issue_key: &str,
) -> Result<Issued> {
    let key = form_key(issue_key)?;
    let facts = store.certificate_facts(scope, volunteer_id).await?;
    if facts.minutes <= 0 {
        return Err(Error::Refused(Refusal::NoHoursToCertify));
    }
    let code = certificate_code(rand::random());
    let salt: [u8; 32] = rand::random();
    let period = |at: i64| morocco_day(at).map(iso_day).unwrap_or_default();
    let content = CertificateContent {
        code: code.clone(),
        organization_id: scope.org_id().0,
        host: facts.host.clone(),
        volunteer: facts.volunteer_name.clone(),
        minutes: facts.minutes,
        missions: facts.missions.clone(),
        period_from: period(facts.first_at),
        period_until: period(facts.last_at),
        issued_on: iso_day(time::OffsetDateTime::now_utc().date()),
    };
    let canonical = content.canonical();
    let certificate = NewCertificate {
        code,
        volunteer_id,
        minutes: facts.minutes,
        missions: facts.missions.len() as i64,
        period_from: content.period_from.clone(),
        period_until: content.period_until.clone(),
        commitment: commitment(&salt, &canonical),
        content: canonical,
        salt: hex::encode(salt),
        issue_key: key,
    };
    let (id, code, leaf_index) = store.issue_certificate(scope, &certificate, by).await?;
    Ok(Issued {
        id,
        code,
        leaf_index,
    })
}

/// A certificate as the public page shows it: what it says, read back from its content.
#[derive(Debug, Clone)]
pub struct CheckedCertificate {
    pub view: CertificateView,
    pub host: String,
    pub volunteer: String,
    pub missions: Vec<String>,
    pub issued_on: String,
    /// Whether SHA-256(salt ‖ content) is the commitment stored (and logged).
    pub commitment_matches: bool,
}

/// Anyone checks a certificate by its code (typed however): `unknown_certificate` when no
/// certificate has it.
pub async fn check_certificate(store: &Store, raw_code: &str) -> Result<CheckedCertificate> {
    let code =
        parse_certificate_code(raw_code).ok_or(Error::Refused(Refusal::UnknownCertificate))?;
    let view = store
        .certificate_by_code(&code)
        .await?
        .ok_or(Error::Refused(Refusal::UnknownCertificate))?;
    let content: serde_json::Value =
        serde_json::from_str(&view.content).map_err(|_| Error::Internal("certificate content"))?;
    let text = |k: &str| content[k].as_str().unwrap_or_default().to_owned();
    let missions = content["missions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let salt: Vec<u8> = hex::decode(&view.salt).map_err(|_| Error::Internal("certificate salt"))?;
    let salt: [u8; 32] = salt
        .try_into()
        .map_err(|_| Error::Internal("certificate salt"))?;
    Ok(CheckedCertificate {
        host: text("host"),
        volunteer: text("volunteer"),
        issued_on: text("issued_on"),
        missions,
        commitment_matches: commitment(&salt, &view.content) == view.commitment,
        view,
    })
}

/// Longest message on a board.
pub const MAX_BOARD_MESSAGE: usize = 2000;

/// A coordinator's announcement to the accepted volunteers of a mission of the association,
/// also texted to those who asked for text messages (with a gateway) and e-mailed to those who
/// asked for e-mail, once per post key.
#[allow(clippy::too_many_arguments)]
pub async fn announce(
    store: &Store,
    keys: &PersonalDataKeys,
    messages: &Messages,
    mail: &Mail,
    texting: bool,
    scope: &OrgScope,
    by: UserId,
    mission_id: i64,
    body: &str,
    post_key: &str,
) -> Result<i64> {
    let body = parse_text("body", body, MAX_BOARD_MESSAGE).map_err(|e| Error::Invalid(vec![e]))?;
    let key = form_key(post_key)?;
    let recipients = store.board_recipients(scope, mission_id).await?;
    let mut texts = Vec::new();
    let mut mails = Vec::new();
    for r in &recipients {
        let locale = recipient_locale(r.locale.as_deref(), Locale::Ar);
        let link = mail.link(&format!("/volunteer/missions/{mission_id}/board"));
        let args = [("body", Arg::Str(&body)), ("link", Arg::Str(&link))];
        if let (true, true, Some(sealed)) = (texting, r.notify_sms, r.phone_sealed.as_deref()) {
            let phone = open_volunteer_field(keys, &r.volunteer_reference, "phone", Some(sealed))?;
            let text = messages.t_args(locale, "vboard-sms", &args);
            texts.push(crate::sms::seal(
                keys,
                "mission_announcement",
                format!("mission-board:{mission_id}:{key}:{}", r.volunteer_id),
                &phone,
                &text,
            ));
        }
        if r.notify_email {
            mails.push(mail.compose(
                locale,
                "mission_announcement",
                format!("mission-board:{mission_id}:{key}:{}", r.volunteer_id),
                &r.email,
                &args,
            ));
        }
    }
    Ok(store
        .post_announcement(
            scope,
            by,
            &twiza_store::Announcement {
                mission_id,
                body: &body,
                post_key: &key,
                sms: &texts,
                mails: &mails,
            },
        )
        .await?)
}

/// An accepted volunteer's reply on a mission's board (the coordinators alone read it).
pub async fn reply(
    store: &Store,
    user: UserId,
    mission_id: i64,
    reply_to: Option<i64>,
    body: &str,
    post_key: &str,
) -> Result<i64> {
    let body = parse_text("body", body, MAX_BOARD_MESSAGE).map_err(|e| Error::Invalid(vec![e]))?;
    let key = form_key(post_key)?;
    Ok(store
        .post_reply(user, mission_id, reply_to, &body, &key)
        .await?)
}
