//! Grievances and appeals: one recorded for a household of the association (every field checked
//! before anything is written), the open ones a page at a time by deadline, one read whole with
//! the household's entitlement it contests, acknowledged, decided, appealed within the window
//! and the appeal decided by someone else. The API and the pages call these.

use crate::error::{Error, Result};
use crate::notices::Notices;
use twiza_domain::grievance::{
    parse_received_on, parse_statement, Deadlines, Decision, FiledBy, GrievanceChannel,
    GrievanceStatus, GrievanceSubject,
};
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_store::{
    grievance_phone_binding, GrievanceFilter, GrievanceView, NewGrievance, PersonalDataKeys,
    Reader, Store,
};

/// A grievance as a person writes it (before it is checked).
pub struct GrievanceInput<'a> {
    pub household_id: i64,
    pub programme_id: Option<i64>,
    pub subject: &'a str,
    pub channel: &'a str,
    pub filed_by: &'a str,
    pub statement: &'a str,
    /// `YYYY-MM-DD`, or empty / `None` for today.
    pub received_on: Option<&'a str>,
}

/// A grievance just recorded: its id and deadlines (Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filed {
    pub id: i64,
    pub acknowledge_by: i64,
    pub decide_by: i64,
}

/// A household's latest entitlement in a programme: period, eligible, centimes, explanation.
pub type Entitlement = (String, bool, i64, serde_json::Value);

/// Checks a grievance as written: every invalid field is named.
pub fn parse_grievance(
    input: &GrievanceInput<'_>,
) -> std::result::Result<NewGrievance, Vec<FieldError>> {
    let subject =
        GrievanceSubject::parse(input.subject).ok_or(FieldError::new("subject", "validation"));
    let channel =
        GrievanceChannel::parse(input.channel).ok_or(FieldError::new("channel", "validation"));
    let filed_by = FiledBy::parse(input.filed_by).ok_or(FieldError::new("filed_by", "validation"));
    let statement = parse_statement("statement", input.statement);
    let now = twiza_store::now();
    let today = time::OffsetDateTime::now_utc().date();
    let received = parse_received_on(input.received_on, today, now);
    match (subject, channel, filed_by, statement, received) {
        (Ok(subject), Ok(channel), Ok(filed_by), Ok(statement), Ok(received_at)) => {
            Ok(NewGrievance {
                household_id: input.household_id,
                programme_id: input.programme_id,
                subject,
                channel,
                filed_by,
                statement,
                received_at,
                filing_key: None,
                complainant_phone_sealed: None,
            })
        }
        (a, b, c, d, e) => Err([a.err(), b.err(), c.err(), d.err(), e.err()]
            .into_iter()
            .flatten()
            .collect()),
    }
}

/// Records a grievance for a household of the association, as a member does (never "by
/// USSD": those sessions file their own, [`file_from_phone`]); nothing is written when a field
/// is refused.
pub async fn file(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    deadlines: &Deadlines,
    input: &GrievanceInput<'_>,
) -> Result<Filed> {
    let grievance = parse_grievance(input).map_err(Error::Invalid)?;
    if !grievance.channel.staff_may_record() {
        return Err(Error::Invalid(vec![FieldError::new(
            "channel",
            "validation",
        )]));
    }
    let (id, acknowledge_by, decide_by) = store
        .file_grievance(scope, &grievance, by, deadlines)
        .await?;
    Ok(Filed {
        id,
        acknowledge_by,
        decide_by,
    })
}

/// A grievance filed from a phone: the request's key (a repeated request writes once) and the
/// complainant's phone, sealed bound to that key to tell them of the acknowledgement.
pub struct PhoneFiling<'a> {
    pub key: &'a str,
    pub phone: &'a str,
}

/// Records a grievance filed from a phone, once per filing key, in one transaction: a repeated
/// request answers the grievance written first. The complainant's phone is kept sealed with it.
pub async fn file_from_phone(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    deadlines: &Deadlines,
    input: &GrievanceInput<'_>,
    filing: PhoneFiling<'_>,
) -> Result<Filed> {
    let mut grievance = parse_grievance(input).map_err(Error::Invalid)?;
    grievance.complainant_phone_sealed =
        Some(keys.seal(&grievance_phone_binding(filing.key), filing.phone));
    grievance.filing_key = Some(filing.key.to_owned());
    let (id, acknowledge_by, decide_by) = store
        .file_grievance(scope, &grievance, by, deadlines)
        .await?;
    Ok(Filed {
        id,
        acknowledge_by,
        decide_by,
    })
}

/// The association's grievances, nearest deadline first (the open ones unless a status is
/// asked for); a status that is not one is refused.
pub async fn list(
    store: &Store,
    scope: &OrgScope,
    filter: GrievanceFilter<'_>,
) -> Result<Vec<GrievanceView>> {
    if let Some(status) = filter.status {
        GrievanceStatus::parse(status)
            .ok_or_else(|| Error::Invalid(vec![FieldError::new("status", "validation")]))?;
    }
    Ok(store.grievances(scope, filter).await?)
}

/// A page of the open grievances, nearest deadline first, after `(deadline, id)`.
pub async fn open_page(
    store: &Store,
    scope: &OrgScope,
    after: Option<(i64, i64)>,
    limit: i64,
) -> Result<Vec<GrievanceView>> {
    Ok(store.open_grievances_page(scope, after, limit).await?)
}

/// A grievance whole (a logged read of the household's words) and, for one about a programme,
/// the household's latest entitlement in it.
pub async fn show(
    store: &Store,
    scope: &OrgScope,
    reader: UserId,
    id: i64,
) -> Result<(GrievanceView, Option<Entitlement>)> {
    let grievance = store
        .grievance(
            scope,
            id,
            Reader {
                account: reader,
                purpose: "grievance",
            },
        )
        .await?;
    let entitlement = match grievance.programme_id {
        Some(programme) => {
            store
                .latest_entitlement(scope, programme, grievance.household_id)
                .await?
        }
        None => None,
    };
    Ok((grievance, entitlement))
}

/// Acknowledges receipt. With `notices` (a gateway is configured), a grievance filed from a
/// phone has its acknowledgement and deadline texted to that phone in the same transaction,
/// once.
pub async fn acknowledge(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    id: i64,
    notices: Option<Notices<'_>>,
) -> Result<()> {
    let sms = match notices {
        Some(n) => n.grievance_acknowledged(store, scope, id).await?,
        None => None,
    };
    Ok(store
        .acknowledge_grievance_texting(scope, id, by, sms.as_ref())
        .await?)
}

/// Decides a grievance; the appeal window opens. A decision refused is not written.
pub async fn decide(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    deadlines: &Deadlines,
    id: i64,
    (outcome, remedy, explanation): (&str, &str, &str),
) -> Result<()> {
    let decision = Decision::parse(outcome, remedy, explanation).map_err(Error::Invalid)?;
    Ok(store
        .decide_grievance(scope, id, &decision, by, deadlines)
        .await?)
}

/// Records the household's appeal, within the window.
pub async fn appeal(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    deadlines: &Deadlines,
    id: i64,
    statement: &str,
) -> Result<()> {
    let statement = parse_statement("statement", statement).map_err(|e| Error::Invalid(vec![e]))?;
    Ok(store
        .appeal_grievance(scope, id, &statement, by, deadlines)
        .await?)
}

/// Decides an appeal, never by the first decision's author.
pub async fn decide_appeal(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    id: i64,
    (outcome, remedy, explanation): (&str, &str, &str),
) -> Result<()> {
    let decision = Decision::parse(outcome, remedy, explanation).map_err(Error::Invalid)?;
    Ok(store.decide_appeal(scope, id, &decision, by).await?)
}
