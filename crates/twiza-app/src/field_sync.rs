//! Records a field agent made offline on their device, synced through the same use cases as
//! the pages (`field::assess`, `registry::register_once`, `logistics::confirm_by_code`): each
//! record carries the id its device made (a UUID v4), used as its idempotency key, so a batch
//! sent again after a dropped connection answers the first outcome and writes nothing twice.

use crate::crisis::{NeedCreate, Retry};
use crate::error::{Error, Result};
use crate::notices::Notices;
use twiza_domain::{FieldError, OrgScope, Refusal, UserId};
use twiza_store::{DeviceKey, HouseholdRecord, NeedIntake, PersonalDataKeys, ProofOutcome, Store};

/// Most records in one sync.
pub const MAX_BATCH: usize = 100;

/// A record made on the device.
pub enum DeviceRecord {
    /// A field assessment of a need in an incident.
    Assessment { incident: i64, need: NeedCreate },
    /// A household with its members, checked by `registry::parse_household`.
    Household(Box<HouseholdRecord>),
    /// A delivery confirmed by the family's code, typed on the device and checked here.
    Delivery { delivery: i64, code: String },
}

impl DeviceRecord {
    /// The kind's name, as the device and `field_sync_records.kind` say it.
    pub fn kind(&self) -> &'static str {
        match self {
            DeviceRecord::Assessment { .. } => "assessment",
            DeviceRecord::Household(_) => "household",
            DeviceRecord::Delivery { .. } => "delivery",
        }
    }
}

/// What the sync uses.
pub struct SyncServices<'a> {
    pub store: &'a Store,
    pub intake: &'a NeedIntake,
    pub keys: &'a PersonalDataKeys,
    /// The server's identity key: record hashes are keyed (a household holds identifiers).
    pub hash_key: &'a [u8; 32],
    pub notices: Option<Notices<'a>>,
}

/// A device's record id: a UUID v4 in lower case (`crypto.randomUUID()`), else `validation`
/// on the field `id`.
pub fn device_id(raw: &str) -> Result<&str> {
    let b = raw.as_bytes();
    let shaped = b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
        && b[14] == b'4';
    if shaped {
        Ok(raw)
    } else {
        Err(FieldError::new("id", "validation").into())
    }
}

/// The keyed hash of a record's content (`canonical`: the face's canonical text of it), so a
/// changed record under a seen id is told apart without keeping its content.
pub fn request_hash(hash_key: &[u8; 32], kind: &str, canonical: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(hash_key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(b"twiza-field-record-v1\n");
    mac.update(kind.as_bytes());
    mac.update(b"\n");
    mac.update(canonical.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Syncs one record: its reference when accepted (the need's, the household's, or the
/// delivery's leaf index), else the refusal. The first answer under `id` is kept: the same
/// record again answers it and writes nothing; another record under `id` is refused
/// `idempotency_conflict`.
pub async fn sync_record(
    s: &SyncServices<'_>,
    scope: &OrgScope,
    agent: UserId,
    id: &str,
    request_hash: &str,
    record: DeviceRecord,
) -> Result<String> {
    let id = device_id(id)?;
    let key = DeviceKey {
        id,
        kind: record.kind(),
        request_hash,
        by: agent,
    };
    match record {
        DeviceRecord::Delivery { delivery, code } => {
            confirm_code(s, scope, delivery, &code, &key).await
        }
        DeviceRecord::Assessment { incident, need } => {
            if let Some(reference) = seen_before(s, scope, &key).await? {
                return Ok(reference);
            }
            let retry = Retry {
                key: id,
                hash_key: s.hash_key,
            };
            let reference = crate::field::assess(
                s.store,
                s.intake,
                s.keys,
                scope,
                agent,
                incident,
                &need,
                Some(retry),
            )
            .await?
            .reference;
            keep_accepted(s, scope, &key, reference).await
        }
        DeviceRecord::Household(household) => {
            if let Some(reference) = seen_before(s, scope, &key).await? {
                return Ok(reference);
            }
            let reference = crate::registry::register_once(
                s.store,
                s.keys,
                scope,
                agent,
                &household,
                Some(id),
                Some(request_hash),
            )
            .await?
            .1;
            keep_accepted(s, scope, &key, reference).await
        }
    }
}

/// A delivery's code: checked, counted and kept with the key in one transaction (a code's
/// outcome is never answered from an earlier sync: the store keeps it with the proof).
async fn confirm_code(
    s: &SyncServices<'_>,
    scope: &OrgScope,
    delivery: i64,
    code: &str,
    key: &DeviceKey<'_>,
) -> Result<String> {
    let code = code.trim();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::new("code", "proof_code_invalid").into());
    }
    let covered = match s.notices {
        Some(notices) => {
            let (line, _) = s.store.delivery(scope, delivery).await?;
            notices
                .need(s.store, line.need_id, crate::notices::NeedNotice::Covered)
                .await?
        }
        None => None,
    };
    let outcome = s
        .store
        .confirm_delivery_keyed(scope, delivery, code, covered.as_ref(), Some(key))
        .await?;
    match outcome {
        ProofOutcome::Delivered { leaf_index } => Ok(leaf_index.to_string()),
        ProofOutcome::Wrong { attempts_left } => Err(Error::Invalid(vec![FieldError {
            max: usize::try_from(attempts_left).ok(),
            ..FieldError::new("code", "proof_code_wrong")
        }])),
        ProofOutcome::Locked => Err(Error::Refused(Refusal::ProofLocked)),
    }
}

/// The reference a record under the same id was accepted with, if it was; a different record
/// under that id is refused `idempotency_conflict`.
async fn seen_before(
    s: &SyncServices<'_>,
    scope: &OrgScope,
    key: &DeviceKey<'_>,
) -> Result<Option<String>> {
    match s.store.synced_record(scope, key.id).await? {
        Some(seen) if seen.kind != key.kind || seen.request_hash != key.request_hash => {
            Err(Error::Refused(Refusal::IdempotencyConflict))
        }
        Some(seen) => Ok(seen.outcome.strip_prefix("accepted:").map(str::to_owned)),
        None => Ok(None),
    }
}

/// Keeps the record's answer under its id and returns its reference.
async fn keep_accepted(
    s: &SyncServices<'_>,
    scope: &OrgScope,
    key: &DeviceKey<'_>,
    reference: String,
) -> Result<String> {
    s.store
        .keep_synced_record(scope, key, &format!("accepted:{reference}"))
        .await?;
    Ok(reference)
}
