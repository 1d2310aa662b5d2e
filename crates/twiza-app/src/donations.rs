//! Donations the association's treasury records by hand (settled bank transfers, cash, card
//! payments at its desk, goods received), the listing of a campaign's donations, and the reading
//! of a donor's sealed identity — each read written to the access log, without the identity.

use crate::error::{Error, Result};
use twiza_domain::donation::{parse_items, DonationStatus, Gift, PaymentMethod};
use twiza_domain::donor::DonorIdentity;
use twiza_domain::money::{parse_currency, Amount};
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgRole, OrgScope, UserId};
use twiza_store::{DonationAck, DonationFilter, DonationPage, NewDonation, Sequencer, Store};

/// Who may open a donor's identity: the association's owners, admins and treasurers (never the
/// read-only platform roles, nor a platform admin acting for the association).
pub const DONOR_READERS: [OrgRole; 3] = [OrgRole::Owner, OrgRole::Admin, OrgRole::Treasurer];

/// One in-kind line as typed.
pub struct ItemInput<'a> {
    pub item: &'a str,
    pub quantity: i64,
    pub unit: &'a str,
}

/// The raw fields of a recorded donation (from JSON or a form): money (`amount`, `currency`,
/// `method`) or in kind (`items`). A field the kind does not take must be absent.
pub struct DonationInput<'a> {
    /// `money` or `in_kind`.
    pub kind: &'a str,
    pub amount: Option<&'a str>,
    pub currency: Option<&'a str>,
    pub method: Option<&'a str>,
    pub items: Option<Vec<ItemInput<'a>>>,
}

/// Validates a recorded donation. Money: every invalid field is named; in kind: the first
/// invalid line's field.
pub fn parse_donation(input: &DonationInput<'_>) -> Result<Gift> {
    match input.kind {
        "money" => {
            let amount = Amount::parse("amount", input.amount.unwrap_or_default());
            let currency = parse_currency("currency", input.currency.unwrap_or_default());
            let method = PaymentMethod::parse(input.method.unwrap_or_default())
                .ok_or(FieldError::new("method", "invalid_method"));
            let items = match input.items {
                Some(_) => Err(FieldError::new("items", "validation")),
                None => Ok(()),
            };
            match (amount, currency, method, items) {
                (Ok(amount), Ok(_), Ok(method), Ok(())) => Ok(Gift::Money { amount, method }),
                (a, c, m, i) => Err(Error::Invalid(
                    [a.err(), c.err(), m.err(), i.err()]
                        .into_iter()
                        .flatten()
                        .collect(),
                )),
            }
        }
        "in_kind" => {
            if input.amount.is_some() || input.currency.is_some() || input.method.is_some() {
                return Err(FieldError::new("amount", "validation").into());
            }
            let lines: Vec<(String, i64, String)> = input
                .items
                .iter()
                .flatten()
                .map(|i| (i.item.to_owned(), i.quantity, i.unit.to_owned()))
                .collect();
            Ok(Gift::InKind {
                items: parse_items(&lines)?,
            })
        }
        _ => Err(FieldError::new("kind", "validation").into()),
    }
}

/// Records a settled donation; answers once it is durable and logged. The same
/// `idempotency_key` with the same `request_hash` answers the earlier donation (`replayed`);
/// with another hash it is refused (`idempotency_conflict`), nothing written.
pub async fn record_donation(
    sequencer: &Sequencer,
    campaign_id: i64,
    idempotency_key: String,
    request_hash: String,
    gift: Gift,
) -> Result<DonationAck> {
    let donation = NewDonation {
        campaign_id,
        idempotency_key,
        request_hash,
        gift,
        status: DonationStatus::Confirmed,
        provider_reference: None,
        sealed_identity: None,
    };
    Ok(sequencer.submit(donation).await?)
}

/// A page of a campaign's donations of the scoped association (see [`DonationFilter`]).
pub async fn campaign_donations(
    store: &Store,
    scope: &OrgScope,
    campaign_id: i64,
    filter: &DonationFilter,
) -> Result<DonationPage> {
    store
        .campaign(campaign_id)
        .await?
        .filter(|c| c.org_id == scope.org_id())
        .ok_or(Error::NotFound)?;
    Ok(store.donations_page(scope, campaign_id, filter).await?)
}

/// Whether the scope may open donors' identities.
pub fn reads_donors(scope: &OrgScope) -> bool {
    matches!(scope.grant(), ScopeGrant::Member(role) if DONOR_READERS.contains(&role))
}

/// Opens the identity a donor gave (treasury members of the association only): the read is
/// written to the donor access log (`donor_identity_reads`, in the read's transaction) and to
/// the server's log — the donation, the association and the reader, never the identity.
pub async fn read_donor_identity(
    store: &Store,
    keys: &twiza_store::PersonalDataKeys,
    scope: &OrgScope,
    reader: Option<UserId>,
    campaign_id: i64,
    donation_id: i64,
) -> Result<DonorIdentity> {
    // Read-only platform roles reach the association's reads; donors' identities are not theirs.
    if !reads_donors(scope) {
        return Err(Error::Forbidden);
    }
    let reader = reader.ok_or(Error::Forbidden)?;
    let sealed = store
        .read_sealed_donor_identity(scope, campaign_id, donation_id, reader)
        .await?
        .ok_or(Error::NotFound)?;
    let identity = crate::sealing::open_donor_identity(
        keys,
        sealed.campaign_id,
        &sealed.idempotency_key,
        &sealed.ciphertext,
    )
    .map_err(|_| {
        tracing::error!(donation_id, "a sealed donor identity does not open");
        Error::Internal("a sealed donor identity does not open")
    })?;
    tracing::info!(
        donation_id,
        organization_id = scope.org_id().0,
        user_id = reader.0,
        "donor identity read"
    );
    Ok(identity)
}
