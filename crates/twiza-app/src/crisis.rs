//! Crisis coordination's use cases that every face shares: needs reported and assessed, with
//! their contacts sealed.

use crate::error::{Error, Result};
use crate::sealing::{open_json, seal_json};
use serde::Deserialize;
use twiza_domain::crisis::{NeedContact, NeedInput, NewNeed};
use twiza_store::{need_contact_binding, PersonalDataKeys, ReportedNeed, Reporter, Store};

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
#[derive(Deserialize)]
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

/// Records a need reported by anyone (`Reporter::Public` or `PublicHeld`) or assessed by a
/// field agent, its contact sealed at once; returns its reference and whether it probably
/// repeats another need.
pub async fn record_need(
    store: &Store,
    keys: &PersonalDataKeys,
    incident: i64,
    body: &NeedCreate,
    reporter: Reporter,
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
    let sealed = need
        .contact
        .as_ref()
        .map(|contact| seal_need_contact(keys, &reference, contact))
        .transpose()?;
    Ok(store
        .report_need(incident, &need, &reference, sealed.as_deref(), reporter)
        .await?)
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
