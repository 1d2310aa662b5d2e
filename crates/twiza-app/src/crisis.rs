//! Crisis coordination's use cases that every face shares: incidents declared in an authority's
//! territory, their douars, needs reported and assessed with their contacts sealed, the triage
//! of needs by explained priority (verify, merge, assign), pledges, and the release of a need's
//! contact to an association the need is assigned to.

use crate::error::{Error, Result};
use crate::notices::{NeedNotice, Notices};
use crate::sealing::{open_json, seal_json};
use serde::Deserialize;
use std::collections::HashMap;
use twiza_domain::crisis::{
    households_estimate, people_estimate, waited, NeedContact, NeedInput, NeedStatus, NewDouar,
    NewIncident, NewNeed, NewPledge, PledgeStatus, Priority,
};
use twiza_domain::roles::PlatformRole;
use twiza_domain::{FieldError, OrgScope, Refusal, UserId};
use twiza_geo::CommuneCode;
use twiza_store::{
    need_contact_binding, Coverage, CoverageWarning, Need, NeedFilter, NeedIntake, NeedReport,
    PersonalDataKeys, ReportedNeed, Reporter, RetryKey, Store, User,
};

/// A random public reference for a need: `N-` and 16 base32 characters (80 bits), what a
/// reporter keeps to follow the need without an account.
pub fn need_reference() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ0123456789";
    let bytes: [u8; 16] = rand::random();
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("N-{code}")
}

/// A need, as reported by anyone or assessed by a field agent.
#[derive(Deserialize, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NeedCreate {
    /// HCP code of the commune.
    pub commune: String,
    pub douar_id: Option<i64>,
    /// `shelter`, `food`, `water`, `health`, `psychosocial`, `hygiene`, `education`,
    /// `clothing_blankets`, `protection` or `other`.
    pub category: String,
    /// `critical`, `high`, `medium` or `low`.
    pub urgency: String,
    pub households: Option<i64>,
    pub people: Option<i64>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub description: Option<String>,
    /// Sealed at once; shown only to an association that pledges to cover the need.
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
}

/// Seals a need's contact, bound to the need's reference.
pub fn seal_need_contact(
    keys: &PersonalDataKeys,
    reference: &str,
    contact: &NeedContact,
) -> Result<Vec<u8>> {
    seal_json(keys, &need_contact_binding(reference), contact)
        .map_err(|_| Error::Internal("a need contact cannot be sealed"))
}

/// Opens a need's sealed contact.
pub fn open_need_contact(
    keys: &PersonalDataKeys,
    reference: &str,
    sealed: &[u8],
) -> Result<NeedContact> {
    open_json(keys, &need_contact_binding(reference), sealed)
        .map_err(|_| Error::Internal("a sealed need contact does not open"))
}

/// A report's `Idempotency-Key`, with the key that hashes its request.
pub struct Retry<'a> {
    pub key: &'a str,
    /// The server's identity key: the request hash is keyed, since the body may hold a contact.
    pub hash_key: &'a [u8; 32],
}

/// The hash kept beside a report's idempotency key: HMAC over who reports (the public, or which
/// association) and the report's fields, so a retry of the same report matches whatever the
/// JSON's spacing, and a contact cannot be guessed from it.
pub fn need_request_hash(hash_key: &[u8; 32], reporter: Reporter, body: &NeedCreate) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(hash_key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(b"twiza-need-request-v1\n");
    let who = match reporter {
        Reporter::Public | Reporter::PublicHeld => "public".to_owned(),
        Reporter::FieldAgent { org, .. } => format!("association {org}"),
    };
    mac.update(who.as_bytes());
    mac.update(b"\n");
    mac.update(serde_json::to_string(body).unwrap_or_default().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Records a need reported by anyone (`Reporter::Public` or `PublicHeld`) or assessed by a
/// field agent, its contact sealed at once, through the intake's group commit; returns its
/// reference and whether it probably repeats another need. With a `retry` key, a report seen
/// before answers the need it wrote (`replayed`), or `idempotency_conflict` if its request
/// differs.
pub async fn record_need(
    intake: &NeedIntake,
    keys: &PersonalDataKeys,
    incident: i64,
    body: &NeedCreate,
    reporter: Reporter,
    retry: Option<Retry<'_>>,
) -> Result<ReportedNeed> {
    let need = NewNeed::parse(&NeedInput {
        commune: &body.commune,
        douar_id: body.douar_id,
        category: &body.category,
        urgency: &body.urgency,
        households: body.households,
        people: body.people,
        latitude: body.latitude,
        longitude: body.longitude,
        description: body.description.as_deref(),
        contact_name: body.contact_name.as_deref(),
        contact_phone: body.contact_phone.as_deref(),
    })?;
    let reference = need_reference();
    let contact_sealed = need
        .contact
        .as_ref()
        .map(|contact| seal_need_contact(keys, &reference, contact))
        .transpose()?;
    let retry = retry.map(|r| RetryKey {
        key: r.key.to_owned(),
        request_hash: need_request_hash(r.hash_key, reporter, body),
    });
    Ok(intake
        .report(NeedReport {
            incident,
            need,
            reference,
            contact_sealed,
            reporter,
            retry,
        })
        .await?)
}

/// Whether `user` may act in the communes given: a platform admin anywhere; an authority
/// whose competence is set only in its territory (an authority without one, as before
/// competences existed, is not limited).
pub(crate) fn within_competence<'a>(
    user: &User,
    mut communes: impl Iterator<Item = &'a str>,
) -> Result<()> {
    let (Some(PlatformRole::Authority), Some(competence)) = (user.platform_role, &user.competence)
    else {
        return Ok(());
    };
    let geo = twiza_geo::geo();
    let inside = communes.all(|code| {
        CommuneCode::parse(code)
            .ok()
            .and_then(|code| geo.commune(&code))
            .is_some_and(|c| {
                competence.covers_place(c.province_code.as_str(), c.region_code.as_str())
            })
    });
    if inside {
        Ok(())
    } else {
        Err(Error::Refused(Refusal::OutsideCompetence))
    }
}

/// Declares an incident in its communes; an authority declares only in its territory
/// (`outside_competence`).
pub async fn declare_incident(store: &Store, user: &User, incident: &NewIncident) -> Result<i64> {
    declare_incident_once(store, user, incident, None).await
}

/// [`declare_incident`], once per `creation_key`: the same form sent twice (a double click, the
/// back button) answers the incident the first one declared.
pub async fn declare_incident_once(
    store: &Store,
    user: &User,
    incident: &NewIncident,
    creation_key: Option<&str>,
) -> Result<i64> {
    within_competence(user, incident.communes.iter().map(CommuneCode::as_str))?;
    Ok(store
        .declare_incident_once(incident, user.id, creation_key)
        .await?)
}

/// Adds a douar to one of the incident's communes (`commune_not_in_incident` otherwise), in the
/// territory of the authority that adds it.
pub async fn add_douar(store: &Store, user: &User, incident: i64, douar: &NewDouar) -> Result<i64> {
    let communes = store.incident_communes(incident).await?;
    if communes.is_empty() {
        return Err(Error::NotFound);
    }
    if !communes.iter().any(|c| c == douar.commune.as_str()) {
        return Err(Error::Refused(Refusal::CommuneNotInIncident));
    }
    within_competence(user, std::iter::once(douar.commune.as_str()))?;
    Ok(store.create_douar(douar).await?)
}

/// A need's priority now, from its commune's coverage (see `docs/crisis-coordination.md`).
pub fn priority_of(need: &Need, commune: &Coverage, now: time::OffsetDateTime) -> Priority {
    Priority::compute(
        need.urgency,
        people_estimate(need.households, need.people),
        waited(need.reported_at, now),
        commune.needed,
        commune.pledged + commune.delivered,
    )
}

/// A need's priority now, its commune's coverage read from the store.
pub async fn need_priority(store: &Store, need: &Need) -> Result<Priority> {
    let commune = store
        .commune_coverage(need.incident_id, &need.commune_code)
        .await?;
    Ok(priority_of(need, &commune, time::OffsetDateTime::now_utc()))
}

/// A need of the triage queue with its explained priority.
#[derive(Debug, Clone)]
pub struct Triaged {
    pub need: Need,
    pub priority: Priority,
}

impl Triaged {
    /// The queue's keyset cursor: the priority, then the id.
    pub fn cursor(&self) -> (u8, i64) {
        (self.priority.total, self.need.id)
    }
}

/// Open needs a triage queue reads at most (by id) before ordering them by priority; beyond it
/// the queue is read commune by commune (`commune` filter).
pub const TRIAGE_SCAN: usize = 20_000;
const TRIAGE_READ: i64 = 500;

/// One page of an incident's open needs, highest priority first (ties: oldest first), after the
/// cursor `after` (a priority and an id, from [`Triaged::cursor`]). Priorities are computed now
/// from one read of the incident's coverage, so a page explains each need's place.
pub async fn triage_queue(
    store: &Store,
    incident: i64,
    commune: Option<&str>,
    after: Option<(u8, i64)>,
    limit: usize,
) -> Result<Vec<Triaged>> {
    if store.incident(incident).await?.is_none() {
        return Err(Error::NotFound);
    }
    let communes: HashMap<String, Coverage> = store
        .coverage(incident)
        .await?
        .into_iter()
        .filter(|c| c.douar_id.is_none())
        .map(|c| (c.commune_code.clone(), c))
        .collect();
    let filter = NeedFilter {
        commune_code: commune.map(str::to_owned),
        ..NeedFilter::default()
    };
    let now = time::OffsetDateTime::now_utc();
    let none = Coverage::default();
    let mut queue = Vec::new();
    let mut cursor = 0;
    let mut scanned = 0;
    while scanned < TRIAGE_SCAN {
        let page = store
            .needs_page(incident, &filter, cursor, TRIAGE_READ)
            .await?;
        let Some(last) = page.last() else { break };
        cursor = last.id;
        scanned += page.len();
        let full = page.len() as i64 == TRIAGE_READ;
        for need in page.into_iter().filter(|n| n.status.is_open()) {
            let priority = priority_of(
                &need,
                communes.get(&need.commune_code).unwrap_or(&none),
                now,
            );
            queue.push(Triaged { need, priority });
        }
        if !full {
            break;
        }
    }
    queue.sort_by(|a, b| {
        b.priority
            .total
            .cmp(&a.priority.total)
            .then(a.need.id.cmp(&b.need.id))
    });
    Ok(queue
        .into_iter()
        .filter(|t| {
            after.is_none_or(|(total, id)| {
                t.priority.total < total || (t.priority.total == total && t.need.id > id)
            })
        })
        .take(limit)
        .collect())
}

/// Why two needs are probably one, each a message code: what they share (commune, douar,
/// category), how close in time, and how near when both carry a point.
pub fn duplicate_reasons(a: &Need, b: &Need) -> Vec<&'static str> {
    let mut reasons = Vec::new();
    if a.commune_code == b.commune_code {
        reasons.push("same_commune");
    }
    if a.douar_id == b.douar_id {
        reasons.push(if a.douar_id.is_some() {
            "same_douar"
        } else {
            "no_douar"
        });
    }
    if a.category == b.category {
        reasons.push("same_category");
    }
    if (a.reported_at - b.reported_at).abs() < twiza_domain::crisis::DUPLICATE_WINDOW_SECONDS {
        reasons.push("close_in_time");
    }
    if let (Some(p), Some(q)) = (a.point, b.point) {
        if p.distance_m(q) < twiza_domain::crisis::DUPLICATE_DISTANCE_M {
            reasons.push("close_points");
        }
    }
    reasons
}

/// A need an authority may triage: it exists and lies in the authority's territory
/// (`outside_competence`).
async fn triaged_need(store: &Store, user: &User, id: i64) -> Result<Need> {
    let need = store.need(id).await?.ok_or(Error::NotFound)?;
    within_competence(user, std::iter::once(need.commune_code.as_str()))?;
    Ok(need)
}

/// Verifies a reported need, or accepts a held report as verified at once (authorities in
/// their territory, platform admins). With `notices` (a gateway is configured), the reporter's
/// phone is told in the same transaction, once.
pub async fn verify_need(
    store: &Store,
    user: &User,
    id: i64,
    notices: Option<Notices<'_>>,
) -> Result<()> {
    let need = triaged_need(store, user, id).await?;
    let sms = match notices {
        Some(n) if need.has_contact => n.need(store, id, NeedNotice::Verified).await?,
        _ => None,
    };
    if need.status == NeedStatus::Held {
        store
            .review_held_need_texting(id, NeedStatus::Verified, sms.as_ref())
            .await?;
    } else {
        store
            .set_need_status_texting(id, NeedStatus::Reported, NeedStatus::Verified, sms.as_ref())
            .await?;
    }
    Ok(())
}

/// Merges a duplicate need into the need it repeats (kept): same incident, both open, never a
/// need into itself (`merge_into_itself`). With `notices`, the duplicate's reporter is told
/// which need to follow now.
pub async fn merge_need(
    store: &Store,
    user: &User,
    duplicate: i64,
    into: i64,
    notices: Option<Notices<'_>>,
) -> Result<()> {
    if duplicate == into {
        return Err(Error::Refused(Refusal::MergeIntoItself));
    }
    let dup = triaged_need(store, user, duplicate).await?;
    let kept = triaged_need(store, user, into).await?;
    let sms = match notices {
        Some(n) if dup.has_contact => {
            n.need(store, duplicate, NeedNotice::Merged(&kept.reference))
                .await?
        }
        _ => None,
    };
    Ok(store
        .merge_need_texting(duplicate, into, sms.as_ref())
        .await?)
}

/// Assigns a need to a verified association, which may then read the reporter's contact;
/// `false` when it already held the need. With `notices`, the reporter is told which
/// association will help.
pub async fn assign_need(
    store: &Store,
    user: &User,
    need: i64,
    organization: i64,
    notices: Option<Notices<'_>>,
) -> Result<bool> {
    let found = triaged_need(store, user, need).await?;
    let sms = match notices {
        Some(n) if found.has_contact && found.status.is_open() => {
            n.need(store, need, NeedNotice::Assigned(organization))
                .await?
        }
        _ => None,
    };
    Ok(store
        .assign_need_texting(need, organization, user.id, sms.as_ref())
        .await?)
}

/// Moves one of the association's pledges; a delivered pledge that covers its need has, with
/// `notices`, the need's reporter told in the same transaction.
pub async fn set_pledge_status(
    store: &Store,
    scope: &OrgScope,
    id: i64,
    to: PledgeStatus,
    notices: Option<Notices<'_>>,
) -> Result<()> {
    let covered = match (notices, to) {
        (Some(n), PledgeStatus::Delivered) => match store.pledge_need(scope, id).await? {
            Some(need) => n.need(store, need, NeedNotice::Covered).await?,
            None => None,
        },
        _ => None,
    };
    Ok(store
        .set_pledge_status_texting(scope, id, to, covered.as_ref())
        .await?)
}

/// Pledges the association to cover a need or a place, once per `creation_key`. A pledge on a
/// need covers at most the households of that need (`pledge_beyond_need` on `households`).
pub async fn pledge(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    incident: i64,
    pledge: &NewPledge,
    creation_key: Option<&str>,
) -> Result<(i64, Option<CoverageWarning>)> {
    if let Some(id) = pledge.need_id {
        let need = store
            .need(id)
            .await?
            .filter(|n| n.incident_id == incident)
            .ok_or(Error::Refused(Refusal::UnknownNeed))?;
        // A need elsewhere or no longer open is refused by the store with its own rule.
        let comparable = need.commune_code == pledge.commune.as_str() && need.status.is_open();
        if comparable && pledge.households > households_estimate(need.households, need.people) {
            return Err(Error::Invalid(vec![FieldError::new(
                "households",
                "pledge_beyond_need",
            )]));
        }
    }
    Ok(store
        .create_pledge_once(scope, incident, pledge, by, creation_key)
        .await?)
}

/// Releases a need's contact to a member of an association the need is assigned to, the read
/// written to the need's access log in the same transaction (the reporter sees the association
/// and the date). `NotFound` when the association holds no live assignment; `None` when the
/// reporter left no contact.
pub async fn read_need_contact(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    by: UserId,
    need: i64,
) -> Result<Option<NeedContact>> {
    store
        .release_need_contact(scope, need, by)
        .await?
        .map(|(reference, sealed)| open_need_contact(keys, &reference, &sealed))
        .transpose()
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_are_short_and_unambiguous() {
        let r = super::need_reference();
        assert_eq!(r.len(), 18);
        assert!(r.starts_with("N-"));
        assert!(!r[2..].contains(['I', 'L', 'O', 'U']));
    }
}
