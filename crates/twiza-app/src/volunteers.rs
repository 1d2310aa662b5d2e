//! Volunteers and their hosts (Law 06-18): signing up as a volunteer (18 or over, one profile
//! per account and per person), one's own profile read, changed, exported and deleted, the
//! criminal-record certificate uploaded; a host's view of a volunteer who applied to one of its
//! missions (a logged read) and its check of the certificate; the association's accreditations
//! for contractual volunteering and the one in force on a day.

use crate::error::{Error, Result};
use time::Date;
use twiza_domain::volunteer::{
    morocco_day, parse_accreditation, parse_document, parse_volunteer, AccreditationInput, Skill,
    VolunteerInput, VolunteerLanguage,
};
use twiza_domain::{FieldError, OrgId, OrgScope, Refusal, UserId};
use twiza_store::{
    Erasure, PersonalDataKeys, Reader, Store, StoredAccreditation, VolunteerDocument,
    VolunteerExport, VolunteerProfile, CRIMINAL_RECORD,
};

/// Today in Morocco (UTC+1), the day ages and validity are counted on.
pub fn today() -> Date {
    morocco_day(twiza_store::now()).unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
}

/// Signs the account up as a volunteer: every invalid field is named (a volunteer under 18 is
/// `volunteer_under_18` on the birth date), `volunteer_exists` when the account or the person
/// already has a profile; nothing is written otherwise. Returns the profile's id.
pub async fn sign_up(
    store: &Store,
    keys: &PersonalDataKeys,
    user: UserId,
    input: &VolunteerInput<'_>,
) -> Result<i64> {
    let volunteer = parse_volunteer(input, today())?;
    Ok(store.create_volunteer(keys, user, &volunteer).await?)
}

/// The account's own profile, opened; none if it has not signed up.
pub async fn my_profile(
    store: &Store,
    keys: &PersonalDataKeys,
    user: UserId,
) -> Result<Option<VolunteerProfile>> {
    Ok(store.own_volunteer(keys, user).await?)
}

/// Replaces the account's own profile, checked as at sign-up (`not_a_volunteer` without one).
pub async fn update_profile(
    store: &Store,
    keys: &PersonalDataKeys,
    user: UserId,
    input: &VolunteerInput<'_>,
) -> Result<()> {
    let volunteer = parse_volunteer(input, today())?;
    Ok(store.update_volunteer(keys, user, &volunteer).await?)
}

/// The documents of the account's profile, newest first.
pub async fn my_documents(store: &Store, user: UserId) -> Result<Vec<VolunteerDocument>> {
    Ok(store.own_volunteer_documents(user).await?)
}

/// Everything Twiza holds on the account's volunteer, as JSON: the profile (skills and
/// languages as codes), documents (without their content), applications, contracts with their
/// text, attendance, certificates and the hosts' reads. `not_a_volunteer` without a profile.
pub async fn export_my_data(
    store: &Store,
    keys: &PersonalDataKeys,
    user: UserId,
) -> Result<serde_json::Value> {
    let export = store
        .export_volunteer(keys, user)
        .await?
        .ok_or(Refusal::NotAVolunteer)?;
    Ok(export_json(&export))
}

fn export_json(e: &VolunteerExport) -> serde_json::Value {
    use serde_json::json;
    let p = &e.profile;
    json!({
        "profile": {
            "reference": p.reference,
            "name": p.name,
            "birth_date": p.birth_date,
            "cin": p.cin,
            "phone": p.phone,
            "emergency_contact": {"name": p.emergency_name, "phone": p.emergency_phone},
            "skills": Skill::of_mask(p.skills).iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            "languages": VolunteerLanguage::of_mask(p.languages)
                .iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            "weekdays": (1..=7).filter(|d| p.weekdays & (1 << (d - 1)) != 0).collect::<Vec<i64>>(),
            "available_from": p.available_from,
            "available_until": p.available_until,
            "communes": p.communes,
            "minutes_given": p.minutes_given,
            "created_at": p.created_at,
            "updated_at": p.updated_at,
        },
        "documents": e.documents.iter().map(|d| json!({
            "kind": d.kind, "media_type": d.media_type, "size_bytes": d.size_bytes,
            "sha256": d.sha256, "uploaded_at": d.uploaded_at, "checked_at": d.checked_at,
            "checked_by_organization_id": d.checked_by_org,
        })).collect::<Vec<_>>(),
        "applications": e.applications.iter().map(|a| json!({
            "id": a.id, "mission_id": a.mission_id, "shift_id": a.shift_id,
            "organization_id": a.organization_id, "status": a.status, "created_at": a.created_at,
        })).collect::<Vec<_>>(),
        "contracts": e.contracts.iter().map(|c| json!({
            "number": c.number, "organization_id": c.organization_id, "mission_id": c.mission_id,
            "starts_on": c.starts_on, "ends_on": c.ends_on, "status": c.status,
            "text_fr": c.text_fr, "text_ar": c.text_ar,
        })).collect::<Vec<_>>(),
        "attendance": e.attendance.iter().map(|a| json!({
            "shift_id": a.shift_id, "checked_in_at": a.checked_in_at,
            "checked_out_at": a.checked_out_at, "minutes": a.minutes, "status": a.status,
        })).collect::<Vec<_>>(),
        "certificates": e.certificates.iter().map(|c| json!({
            "code": c.code, "organization_id": c.organization_id, "minutes": c.minutes,
            "missions": c.missions, "period_from": c.period_from,
            "period_until": c.period_until, "issued_at": c.issued_at,
        })).collect::<Vec<_>>(),
        "reads": e.reads.iter().map(|r| json!({
            "organization_id": r.organization_id, "account_id": r.account_id,
            "what": r.what, "purpose": r.purpose, "at": r.at,
        })).collect::<Vec<_>>(),
    })
}

/// What deleting the account's profile would keep (contracts and certificates that name the
/// volunteer). `not_a_volunteer` without a profile.
pub async fn deletion_preview(store: &Store, user: UserId) -> Result<Erasure> {
    Ok(store.volunteer_erasure_preview(user).await?)
}

/// Deletes the account's profile and its personal data; contracts and certificates already
/// issued are kept as issued (see [`Store::erase_volunteer`]). `not_a_volunteer` without one.
pub async fn delete_my_profile(store: &Store, user: UserId) -> Result<Erasure> {
    Ok(store.erase_volunteer(user).await?)
}

/// Uploads the account's criminal-record certificate: a PDF, JPEG or PNG of at most 5 MB,
/// checked by its content (`invalid_volunteer_document` on `document`).
pub async fn upload_record(store: &Store, user: UserId, content: &[u8]) -> Result<i64> {
    let media_type = parse_document("document", content)?;
    Ok(store
        .add_volunteer_document(user, CRIMINAL_RECORD, media_type, content)
        .await?)
}

/// A volunteer as the association sees them — only one who applied to one of its missions,
/// else not found — with their documents; the read is written to the volunteer's access log.
pub async fn host_view(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    reader: UserId,
    volunteer: i64,
) -> Result<(VolunteerProfile, Vec<VolunteerDocument>)> {
    let reader = Reader {
        account: reader,
        purpose: "volunteering",
    };
    Ok(store
        .hosted_volunteer(keys, scope, volunteer, reader)
        .await?)
}

/// One document of a volunteer who applied to the association (a logged read).
pub async fn host_document(
    store: &Store,
    scope: &OrgScope,
    reader: UserId,
    volunteer: i64,
    document: i64,
) -> Result<(VolunteerDocument, Vec<u8>)> {
    let reader = Reader {
        account: reader,
        purpose: "volunteering",
    };
    Ok(store
        .hosted_volunteer_document(scope, volunteer, document, reader)
        .await?)
}

/// Records that the association checked the volunteer's latest criminal-record certificate
/// (who, when); `required` on `document` when they uploaded none.
pub async fn check_record(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    volunteer: i64,
) -> Result<()> {
    if store.check_volunteer_record(scope, volunteer, by).await? {
        Ok(())
    } else {
        Err(FieldError::new("document", "required").into())
    }
}

/// Records an accreditation of the association for contractual volunteering: every invalid
/// field is named (the document, when one is given, is checked by content); the same
/// `creation_key` twice records it once.
pub async fn record_accreditation(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    input: &AccreditationInput<'_>,
    document: Option<&[u8]>,
    creation_key: Option<&str>,
) -> Result<i64> {
    let checked = parse_accreditation(input, today());
    let media_type = document.map(|bytes| parse_document("document", bytes));
    let (accreditation, document) = match (checked, media_type) {
        (Ok(a), None) => (a, None),
        (Ok(a), Some(Ok(t))) => (a, document.map(|bytes| (t, bytes))),
        (checked, media_type) => {
            let mut errors = checked.err().unwrap_or_default();
            errors.extend(media_type.and_then(|m| m.err()));
            return Err(Error::Invalid(errors));
        }
    };
    Ok(store
        .record_accreditation(scope, &accreditation, document, by, creation_key)
        .await?)
}

/// The accreditation of `org` in force on `day`, if any.
pub async fn accreditation_in_force(
    store: &Store,
    org: OrgId,
    day: Date,
) -> Result<Option<StoredAccreditation>> {
    Ok(store.accreditation_in_force(org, day).await?)
}

/// Where an association stands for contractual volunteering on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccreditationState {
    /// An accreditation in force, until its last day.
    InForce(StoredAccreditation),
    /// Accreditations were recorded, none in force; the latest ended (or starts) on that one.
    NotInForce(StoredAccreditation),
    /// None recorded.
    None,
}

/// The association's accreditation state on `day`, and every accreditation recorded.
pub async fn accreditation_state(
    store: &Store,
    scope: &OrgScope,
    day: Date,
) -> Result<(AccreditationState, Vec<StoredAccreditation>)> {
    let all = store.accreditations(scope).await?;
    let state = match store.accreditation_in_force(scope.org_id(), day).await? {
        Some(a) => AccreditationState::InForce(a),
        None => match all.first() {
            Some(latest) => AccreditationState::NotInForce(latest.clone()),
            None => AccreditationState::None,
        },
    };
    Ok((state, all))
}
