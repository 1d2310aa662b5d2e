//! Campaigns: opening one, the file of its authorization request, whether one is collecting
//! today, who may see it, and the authorization requests waiting for an authority.

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use twiza_domain::campaign::{public_code, CampaignState, NewCampaign};
use twiza_domain::{FieldError, OrgScope, PlatformRole, Refusal, UserId};
use twiza_store::{AuthorizationRequest, Campaign, RequestsIn, Store, StoreError, User};

/// Whether a campaign takes donations today, and if not, why (a stable code).
pub fn collecting_today(c: &Campaign) -> Result<(), twiza_domain::campaign::NotCollecting> {
    let valid = c.authorization.valid_from.zip(c.authorization.valid_to);
    twiza_domain::campaign::collecting(
        c.state,
        c.authorization.status,
        (c.starts_on, c.ends_on),
        valid,
        time::OffsetDateTime::now_utc().date(),
    )
}

/// A campaign the caller may see.
pub async fn visible_campaign(store: &Store, viewer: Option<&User>, id: i64) -> Result<Campaign> {
    let campaign = store.campaign(id).await?.ok_or(Error::NotFound)?;
    if campaign.state == CampaignState::Draft
        && !crate::organizations::is_insider(store, viewer, campaign.org_id).await?
    {
        return Err(Error::NotFound);
    }
    Ok(campaign)
}

/// The authorization requests waiting for `user`, oldest first, after the campaign id `after`
/// (keyset pages of at most `limit`): for an authority, those of its competence — the same rule
/// that lets it decide them (`twiza_domain::competence`); for a platform admin, who records
/// decisions taken on paper, every one; for an authority whose competence is not set, and
/// anyone else, none.
pub async fn authorization_queue(
    store: &Store,
    user: &User,
    after: i64,
    limit: i64,
) -> Result<Vec<AuthorizationRequest>> {
    let of = match (user.platform_role, user.competence.as_ref()) {
        (Some(PlatformRole::PlatformAdmin), _) => RequestsIn::All,
        (Some(PlatformRole::Authority), Some(competence)) => RequestsIn::Competence(competence),
        _ => return Ok(Vec::new()),
    };
    Ok(store.authorization_requests(of, after, limit).await?)
}

/// A grant's fields parsed: the decision's reference, and a validity that ends on or after its
/// start. Every invalid field is named.
pub fn parse_grant(
    reference: &str,
    valid_from: &str,
    valid_to: &str,
) -> Result<twiza_store::AuthorizationDecision, Vec<twiza_domain::FieldError>> {
    use twiza_domain::campaign::parse_date;
    let reference = twiza_domain::text::parse_name("reference", reference, 100);
    let from = parse_date("valid_from", valid_from);
    let to = parse_date("valid_to", valid_to);
    match (reference, from, to) {
        (Ok(reference), Ok(valid_from), Ok(valid_to)) if valid_to >= valid_from => {
            Ok(twiza_store::AuthorizationDecision::Grant {
                reference,
                valid_from,
                valid_to,
            })
        }
        (Ok(_), Ok(_), Ok(_)) => Err(vec![twiza_domain::FieldError::new(
            "valid_to",
            "invalid_period",
        )]),
        (r, f, t) => Err([r.err(), f.err(), t.err()].into_iter().flatten().collect()),
    }
}

/// Opens a campaign in draft for the scoped association, its authorization requested from the
/// authority its scope names, under a fresh public code (20 random bits, drawn again on the rare
/// collision). Returns its id.
pub async fn open_campaign(
    store: &Store,
    scope: &OrgScope,
    campaign: &NewCampaign,
    by: UserId,
) -> Result<i64> {
    open_campaign_once(store, scope, campaign, by, None).await
}

/// [`open_campaign`], once per `creation_key`: the same form sent twice (a double click, the
/// back button) answers the campaign the first one opened.
pub async fn open_campaign_once(
    store: &Store,
    scope: &OrgScope,
    campaign: &NewCampaign,
    by: UserId,
    creation_key: Option<&str>,
) -> Result<i64> {
    for _ in 0..8 {
        let code = public_code(rand::random::<u32>());
        match store
            .create_campaign_once(scope, campaign, &code, by, creation_key)
            .await
        {
            Err(StoreError::Refused(Refusal::CampaignCodeTaken)) => continue,
            written => return Ok(written?),
        }
    }
    Err(Error::Internal("no free campaign code after eight draws"))
}

/// Keeps the file sent with a campaign's authorization request (the request letter and its
/// annexes: PDF, JPEG or PNG, checked by content against what its name says), while the
/// authority has not decided.
pub async fn attach_request_document(
    store: &Store,
    scope: &OrgScope,
    campaign_id: i64,
    declared_type: &str,
    bytes: &[u8],
    by: UserId,
) -> Result<()> {
    let campaign = store.campaign(campaign_id).await?.ok_or(Error::NotFound)?;
    if campaign.org_id != scope.org_id() {
        return Err(Error::NotFound);
    }
    let media_type = twiza_domain::ledger::parse_evidence(declared_type, bytes)
        .map_err(|_| FieldError::new("document", "invalid_request_document"))?;
    if media_type == "image/webp" {
        return Err(FieldError::new("document", "invalid_request_document").into());
    }
    let sha256 = hex::encode(Sha256::digest(bytes));
    store
        .record_request_document(campaign_id, media_type, bytes, &sha256, by)
        .await?;
    Ok(())
}

/// The scoped association's published campaigns whose collection ends within `days` days of
/// `today` (today included), soonest first: what its home reminds the treasury of.
pub async fn campaigns_ending(
    store: &Store,
    scope: &OrgScope,
    today: time::Date,
    days: i64,
) -> Result<Vec<Campaign>> {
    let last = today.saturating_add(time::Duration::days(days.max(0)));
    let mut ending: Vec<Campaign> = store
        .campaigns_of(scope)
        .await?
        .into_iter()
        .filter(|c| c.state == CampaignState::Published && c.ends_on >= today && c.ends_on <= last)
        .collect();
    ending.sort_by_key(|c| (c.ends_on, c.id));
    Ok(ending)
}
/// Records an authority's decision on campaign `id`'s authorization (with the decision's
/// document, if any), then tells the association's owners and treasurers by e-mail, in their
/// language (else `locale`, the decider's). A message that cannot be queued is logged; the
/// decision stands.
pub async fn decide_authorization(
    store: &Store,
    mail: &crate::mail::Mail,
    id: i64,
    decision: &twiza_store::AuthorizationDecision,
    document: Option<(&str, &[u8])>,
    by: UserId,
    locale: twiza_i18n::Locale,
) -> Result<()> {
    store
        .decide_authorization_with_document(id, decision, document, by)
        .await?;
    if let Err(e) = crate::mail::authorization_decided(store, mail, id, locale).await {
        tracing::error!(error = %e, campaign_id = id, "the decision's e-mail was not queued");
    }
    Ok(())
}
