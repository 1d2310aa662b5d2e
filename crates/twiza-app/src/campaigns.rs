//! Campaigns: whether one is collecting today, and who may see it.

use crate::error::{Error, Result};
use twiza_domain::campaign::CampaignState;
use twiza_store::{Campaign, Store, User};

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
