//! Crisis coordination's use cases that every face shares: incidents declared in an authority's
//! territory, their douars, and needs reported and assessed, with their contacts sealed.

use crate::error::{Error, Result};
use crate::sealing::{open_json, seal_json};
use serde::Deserialize;
use twiza_domain::crisis::{NeedContact, NeedInput, NewDouar, NewIncident, NewNeed};
use twiza_domain::roles::PlatformRole;
use twiza_domain::Refusal;
use twiza_geo::CommuneCode;
use twiza_store::{
    need_contact_binding, NeedIntake, NeedReport, PersonalDataKeys, ReportedNeed, Reporter,
    RetryKey, Store, User,
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
fn within_competence<'a>(user: &User, mut communes: impl Iterator<Item = &'a str>) -> Result<()> {
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
    within_competence(user, incident.communes.iter().map(CommuneCode::as_str))?;
    Ok(store.declare_incident(incident, user.id).await?)
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
