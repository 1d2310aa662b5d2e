//! Submissions from ODK Collect and KoboCollect (OpenRosa): each form's record written through
//! the same use case as the page, once per instance id (`meta/instanceID`). The same XML again
//! answers the record it wrote; another XML under the same id is refused
//! (`idempotency_conflict`). The record carries the instance id as its own idempotency key, in
//! its own transaction, so a submission cut off before it was remembered writes nothing twice
//! when Collect sends it again; a household keeps the XML's hash with that key (another XML
//! under it is refused even then), and a delivery's proof is remembered in the transaction that
//! confirms it.

use crate::crisis::{NeedCreate, Retry};
use crate::error::{Error, Result};
use twiza_domain::{OrgScope, Refusal, UserId};
use twiza_store::{NeedIntake, NewSubmission, PersonalDataKeys, Store};

/// Longest instance id accepted (Collect's are `uuid:` and 36 characters).
pub const MAX_INSTANCE_ID: usize = 100;

/// Who submits what: the form, its instance id and the SHA-256 (hex) of the XML as received.
pub struct Receipt<'a> {
    pub form_id: &'a str,
    pub instance_id: &'a str,
    pub content_hash: &'a str,
    pub by: UserId,
}

/// What a submission wrote (`need:<id>`, `household:<id>`) and whether it was written before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub record: String,
    pub replayed: bool,
}

/// The record written before under this instance id, or `None` when the id is new; refuses
/// `idempotency_conflict` when the id came with another XML or for another form.
async fn seen(store: &Store, scope: &OrgScope, receipt: &Receipt<'_>) -> Result<Option<Received>> {
    match store
        .openrosa_submission(scope, receipt.instance_id)
        .await?
    {
        None => Ok(None),
        Some(s) if s.content_hash == receipt.content_hash && s.form_id == receipt.form_id => {
            Ok(Some(Received {
                record: s.record,
                replayed: true,
            }))
        }
        Some(_) => Err(Error::Refused(Refusal::IdempotencyConflict)),
    }
}

async fn remember(
    store: &Store,
    scope: &OrgScope,
    receipt: &Receipt<'_>,
    record: String,
    replayed: bool,
) -> Result<Received> {
    let kept = store
        .remember_openrosa_submission(
            scope,
            &NewSubmission {
                instance_id: receipt.instance_id,
                form_id: receipt.form_id,
                content_hash: receipt.content_hash,
                record: &record,
                by: receipt.by,
            },
        )
        .await?;
    if kept.content_hash != receipt.content_hash || kept.record != record {
        return Err(Error::Refused(Refusal::IdempotencyConflict));
    }
    Ok(Received { record, replayed })
}

/// A field assessment sent from Collect: recorded as verified through
/// [`crate::field::assess`], exactly as the page records it, once per instance id.
#[allow(clippy::too_many_arguments)]
pub async fn assess(
    store: &Store,
    intake: &NeedIntake,
    keys: &PersonalDataKeys,
    hash_key: &[u8; 32],
    scope: &OrgScope,
    incident: i64,
    body: &NeedCreate,
    receipt: &Receipt<'_>,
) -> Result<Received> {
    if let Some(done) = seen(store, scope, receipt).await? {
        return Ok(done);
    }
    let retry = Retry {
        key: receipt.instance_id,
        hash_key,
    };
    let need = crate::field::assess(
        store,
        intake,
        keys,
        scope,
        receipt.by,
        incident,
        body,
        Some(retry),
    )
    .await?;
    remember(
        store,
        scope,
        receipt,
        format!("need:{}", need.id),
        need.replayed,
    )
    .await
}

/// A household sent from Collect: checked and registered through
/// [`crate::registry::register_once`], as the registry page does, once per instance id.
pub async fn register_household(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    record: &twiza_store::HouseholdRecord,
    receipt: &Receipt<'_>,
) -> Result<Received> {
    if let Some(done) = seen(store, scope, receipt).await? {
        return Ok(done);
    }
    let key = format!("openrosa:{}", receipt.instance_id);
    let (id, _) = crate::registry::register_once(
        store,
        keys,
        scope,
        receipt.by,
        record,
        Some(&key),
        Some(receipt.content_hash),
    )
    .await?;
    remember(store, scope, receipt, format!("household:{id}"), false).await
}

/// A delivery confirmed from Collect by the agent's statement and photo, through
/// [`crate::logistics::confirm_by_agent`] as the delivery page does, once per instance id. A
/// delivery is proven once: the same XML again answers the first proof.
pub async fn confirm_delivery(
    store: &Store,
    scope: &OrgScope,
    delivery: i64,
    proof: (&str, &[u8]),
    receipt: &Receipt<'_>,
    notices: Option<crate::notices::Notices<'_>>,
) -> Result<Received> {
    if let Some(done) = seen(store, scope, receipt).await? {
        return Ok(done);
    }
    let (statement, photo) = proof;
    let record = format!("delivery:{delivery}");
    let received = NewSubmission {
        instance_id: receipt.instance_id,
        form_id: receipt.form_id,
        content_hash: receipt.content_hash,
        record: &record,
        by: receipt.by,
    };
    let proven = crate::logistics::confirm_by_agent(
        store,
        scope,
        delivery,
        (statement, None, photo),
        receipt.by,
        notices,
        Some(&received),
    )
    .await;
    match proven {
        Ok(_) => Ok(Received {
            record,
            replayed: false,
        }),
        // The same submission proved it meanwhile (two copies sent at once): its answer.
        Err(Error::Refused(Refusal::ProofAlreadyUsed)) => {
            match seen(store, scope, receipt).await? {
                Some(done) => Ok(done),
                None => Err(Error::Refused(Refusal::ProofAlreadyUsed)),
            }
        }
        Err(e) => Err(e),
    }
}
