//! Campaigns: opening one, whether one is collecting today, and who may see it.

use crate::error::{Error, Result};
use twiza_domain::campaign::{public_code, CampaignState, NewCampaign};
use twiza_domain::{OrgScope, Refusal, UserId};
use twiza_store::{Campaign, Store, StoreError, User};

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

/// Opens a campaign in draft for the scoped association, its authorization requested from the
/// authority its scope names, under a fresh public code (20 random bits, drawn again on the rare
/// collision). Returns its id.
pub async fn open_campaign(
    store: &Store,
    scope: &OrgScope,
    campaign: &NewCampaign,
    by: UserId,
) -> Result<i64> {
    for _ in 0..8 {
        let code = public_code(rand::random::<u32>());
        match store.create_campaign(scope, campaign, &code, by).await {
            Err(StoreError::Refused(Refusal::CampaignCodeTaken)) => continue,
            written => return Ok(written?),
        }
    }
    Err(Error::Internal("no free campaign code after eight draws"))
}
