//! Logistics' use cases that the API and the pages share: warehouses, goods received as lots
//! (linked to the in-kind donation or the approved expense they come from), moves and counts,
//! deliveries prepared from a lot with the family's code sent, their proof by code or by the
//! agent's statement and photo, and convoys planned with the warning on a covered destination.

use crate::error::{Error, Result};
use crate::notices::{NeedNotice, Notices};
use twiza_domain::crisis::parse_phone;
use twiza_domain::logistics::{
    code_hash, draw_code, parse_count, parse_quantity, parse_warehouse_name, NewConvoy, NewReceipt,
    StockSource,
};
use twiza_domain::{FieldError, OrgScope, UserId};
use twiza_store::{
    CoverageWarning, LotLink, NewDelivery, NewSms, PersonalDataKeys, ProofOutcome, Store,
};

/// Opens a warehouse of the association in a commune.
pub async fn create_warehouse(
    store: &Store,
    scope: &OrgScope,
    name: &str,
    commune: &str,
) -> Result<i64> {
    let name = parse_warehouse_name(name);
    let commune = twiza_geo::CommuneCode::parse(commune.trim())
        .map_err(|_| FieldError::new("commune", "unknown_commune"));
    let errors: Vec<FieldError> = [name.as_ref().err(), commune.as_ref().err()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    match (name, commune) {
        (Ok(name), Ok(commune)) => Ok(store
            .create_warehouse(scope, &name, commune.as_str())
            .await?),
        _ => Err(Error::Invalid(errors)),
    }
}

/// Goods to receive into a warehouse.
#[derive(Debug, Clone, Default)]
pub struct ReceiptInput<'a> {
    pub warehouse_id: i64,
    pub item: &'a str,
    pub quantity: i64,
    /// `in_kind_donation`, `purchase` or `other`.
    pub source: &'a str,
    pub reference: &'a str,
    /// The in-kind donation the goods are (source `in_kind_donation` only).
    pub donation_id: Option<i64>,
    /// The approved expense that bought them (source `purchase` only).
    pub expense_id: Option<i64>,
}

/// Receives goods as a new lot; returns its id. A donation is named only for goods given in
/// kind and an expense only for a purchase.
pub async fn receive(
    store: &Store,
    scope: &OrgScope,
    input: &ReceiptInput<'_>,
    by: UserId,
) -> Result<i64> {
    let receipt = NewReceipt::parse(input.quantity, input.source, input.reference)?;
    if input.donation_id.is_some() && receipt.source != StockSource::InKindDonation {
        return Err(FieldError::new("donation_id", "lot_donation_invalid").into());
    }
    if input.expense_id.is_some() && receipt.source != StockSource::Purchase {
        return Err(FieldError::new("expense_id", "lot_expense_invalid").into());
    }
    let link = LotLink {
        donation_id: input.donation_id,
        expense_id: input.expense_id,
    };
    Ok(store
        .receive_lot(
            scope,
            input.warehouse_id,
            input.item.trim(),
            &receipt,
            link,
            by,
        )
        .await?)
}

/// Moves part of a lot to another warehouse (never beyond what it holds where it is).
pub async fn move_lot(
    store: &Store,
    scope: &OrgScope,
    lot: i64,
    (from, to): (i64, i64),
    quantity: i64,
    by: UserId,
) -> Result<()> {
    let quantity = parse_quantity("quantity", quantity)?;
    Ok(store.move_lot(scope, lot, (from, to), quantity, by).await?)
}

/// Records what a count found of a lot in a warehouse; returns (expected, counted).
pub async fn count_lot(
    store: &Store,
    scope: &OrgScope,
    lot: i64,
    warehouse: i64,
    counted: i64,
    by: UserId,
) -> Result<(i64, i64)> {
    let counted = parse_count("counted", counted)?;
    Ok(store.count_lot(scope, lot, warehouse, counted, by).await?)
}

/// Words a delivery's code for the family's phone (the face chooses the languages) and says
/// whether text messages can be sent at all.
pub trait CodeSender: Sync {
    /// Whether an SMS gateway is configured; without one, no code can reach a family.
    fn can_send(&self) -> bool;
    /// The text message that carries `code`.
    fn code_text(&self, code: &str) -> String;
}

/// A delivery to prepare.
#[derive(Debug, Clone)]
pub struct DeliveryInput<'a> {
    pub incident_id: i64,
    pub need_id: i64,
    pub warehouse_id: i64,
    pub item: &'a str,
    pub lot_id: Option<i64>,
    pub quantity: i64,
    pub households: i64,
    pub campaign_id: Option<i64>,
    pub household_id: Option<i64>,
    /// Where the code goes; by default the phone left with the need, when it is assigned.
    pub recipient_phone: Option<&'a str>,
    /// The family has no phone: the agent proves the delivery with a statement and a photo.
    pub by_agent: bool,
}

/// A delivery prepared: the goods are out of stock, the code's message (if any) queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedDelivery {
    pub id: i64,
    /// The phone the code went to (the face masks it), none for a proof by the agent.
    pub code_sent_to: Option<String>,
}

/// Takes goods out of a warehouse — from the lot named, else its oldest lots of the item — for
/// an open need, and queues the family's code in the SMS outbox in the same transaction.
/// Nothing is written when the input is wrong, the stock short, no phone is known or no SMS
/// gateway is configured (`Internal("sms_unavailable")`).
pub async fn prepare_delivery(
    store: &Store,
    (keys, sender): (&PersonalDataKeys, &dyn CodeSender),
    scope: &OrgScope,
    input: &DeliveryInput<'_>,
    by: UserId,
) -> Result<PreparedDelivery> {
    let quantity = parse_quantity("quantity", input.quantity);
    let households = parse_quantity("households", input.households);
    let errors: Vec<FieldError> = [quantity.as_ref().err(), households.as_ref().err()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let (Ok(quantity), Ok(households)) = (quantity, households) else {
        return Err(Error::Invalid(errors));
    };
    let delivery = NewDelivery {
        incident_id: input.incident_id,
        need_id: input.need_id,
        warehouse_id: input.warehouse_id,
        item: input.item.trim().to_owned(),
        quantity,
        households,
        campaign_id: input.campaign_id,
        household_id: input.household_id,
        lot_id: input.lot_id,
    };
    if input.by_agent {
        let id = store.create_delivery(scope, &delivery, None, by).await?;
        return Ok(PreparedDelivery {
            id,
            code_sent_to: None,
        });
    }
    let phone = match input
        .recipient_phone
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(phone) => parse_phone("recipient_phone", phone)?,
        None => need_phone(store, keys, scope, input.need_id)
            .await?
            .ok_or_else(|| FieldError::new("recipient_phone", "recipient_phone_required"))?,
    };
    if !sender.can_send() {
        return Err(Error::Internal("sms_unavailable"));
    }
    let (code, salt) = draw_code(rand::random());
    let hash = code_hash(&salt, &code);
    // The code's message is queued with the delivery, in its transaction; the outbox's sender
    // texts it. The salt is random per delivery, so the key names this delivery's message.
    let sms = crate::sms::seal(
        keys,
        "delivery_code",
        format!("delivery_code:{}", hex::encode(salt)),
        &phone,
        &sender.code_text(&code),
    );
    let id = store
        .create_delivery_texting(scope, &delivery, Some(((&salt, &hash), Some(&sms))), by)
        .await?;
    Ok(PreparedDelivery {
        id,
        code_sent_to: Some(phone),
    })
}

/// The phone left with a need, when the need is assigned to the association: the platform
/// texts the code to it without showing it (not a release of the contact).
async fn need_phone(
    store: &Store,
    keys: &PersonalDataKeys,
    scope: &OrgScope,
    need: i64,
) -> Result<Option<String>> {
    let sealed = match store.assigned_need_contact(scope, need).await {
        Ok(sealed) => sealed,
        Err(twiza_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let Some((reference, sealed)) = sealed else {
        return Ok(None);
    };
    Ok(Some(
        crate::crisis::open_need_contact(keys, &reference, &sealed)?.phone,
    ))
}

/// Checks the family's code: six digits, else `proof_code_invalid` and nothing counted.
///
/// With `notices` (a gateway is configured), a delivery that covers its need has the need's
/// reporter told, in the same transaction.
pub async fn confirm_by_code(
    store: &Store,
    scope: &OrgScope,
    delivery: i64,
    code: &str,
    notices: Option<Notices<'_>>,
) -> Result<ProofOutcome> {
    let code = code.trim();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::new("code", "proof_code_invalid").into());
    }
    let covered = covered_notice(store, scope, delivery, notices).await?;
    Ok(store
        .confirm_delivery_texting(scope, delivery, code, covered.as_ref())
        .await?)
}

/// The notice that the need of `delivery` is covered, for the store to queue if the delivery
/// covers it.
async fn covered_notice(
    store: &Store,
    scope: &OrgScope,
    delivery: i64,
    notices: Option<Notices<'_>>,
) -> Result<Option<NewSms>> {
    let Some(notices) = notices else {
        return Ok(None);
    };
    let (line, _) = store.delivery(scope, delivery).await?;
    notices.need(store, line.need_id, NeedNotice::Covered).await
}

/// Confirms a delivery to a family without a phone by the agent's statement and photo (a PNG,
/// JPEG or WebP image, checked by its content; `photo_type` names the type declared, or `None`
/// to take the one the content shows). Returns the leaf's index. `received`, the OpenRosa
/// submission that proves it, is remembered in the confirming transaction.
pub async fn confirm_by_agent(
    store: &Store,
    scope: &OrgScope,
    delivery: i64,
    (statement, photo_type, photo): (&str, Option<&str>, &[u8]),
    by: UserId,
    notices: Option<Notices<'_>>,
    received: Option<&twiza_store::NewSubmission<'_>>,
) -> Result<u64> {
    let statement = twiza_domain::text::parse_text("statement", statement, 1000);
    let invalid = || FieldError::new("photo", "invalid_photo");
    let declared = photo_type.or_else(|| twiza_domain::ledger::evidence_media_type(photo));
    let media_type = declared
        .ok_or_else(invalid)
        .and_then(|d| twiza_domain::ledger::parse_evidence(d, photo).map_err(|_| invalid()))
        .and_then(|t| {
            if t == "application/pdf" {
                Err(invalid())
            } else {
                Ok(t)
            }
        });
    let errors: Vec<FieldError> = [statement.as_ref().err(), media_type.as_ref().err()]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let (Ok(statement), Ok(media_type)) = (statement, media_type) else {
        return Err(Error::Invalid(errors));
    };
    let covered = covered_notice(store, scope, delivery, notices).await?;
    Ok(store
        .confirm_delivery_by_agent_texting(
            scope,
            delivery,
            (statement.as_str(), media_type, photo),
            by,
            covered.as_ref(),
            received,
        )
        .await?)
}

/// A convoy to plan.
#[derive(Debug, Clone, Default)]
pub struct ConvoyInput<'a> {
    pub incident_id: i64,
    pub warehouse_id: i64,
    pub commune: &'a str,
    pub douar_id: Option<i64>,
    pub vehicle: &'a str,
    pub driver: &'a str,
    pub route: &'a str,
    pub departs_on: &'a str,
    /// Item codes and quantities (the API's manifest).
    pub items: Vec<(String, i64)>,
    /// Lots and quantities (the pages' manifest); their items join the manifest.
    pub lots: Vec<(i64, i64)>,
}

/// What planning a convoy did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvoyPlan {
    /// Not saved: the destination is covered while neighbours wait; ask again, confirmed.
    Warned(CoverageWarning),
    /// Saved, with the warning it had.
    Planned {
        id: i64,
        warning: Option<CoverageWarning>,
    },
}

/// Plans a convoy. Unless `confirmed`, a destination already covered while neighbouring
/// communes wait is answered with the warning and nothing is written.
pub async fn plan_convoy(
    store: &Store,
    scope: &OrgScope,
    input: &ConvoyInput<'_>,
    confirmed: bool,
    by: UserId,
) -> Result<ConvoyPlan> {
    let commune = twiza_geo::CommuneCode::parse(input.commune.trim())
        .map_err(|_| FieldError::new("commune", "unknown_commune"))?;
    let mut lots: Vec<(i64, i64)> = Vec::new();
    let mut manifest = input.items.clone();
    for (lot, quantity) in &input.lots {
        let item = store
            .lot(scope, *lot)
            .await
            .map_err(|_| FieldError::new("manifest", "unknown_lot"))?
            .item;
        manifest.push((item, *quantity));
        match lots.iter_mut().find(|(l, _)| l == lot) {
            Some(line) => line.1 += quantity,
            None => lots.push((*lot, *quantity)),
        }
    }
    let convoy = NewConvoy::parse(
        input.vehicle,
        input.driver,
        input.route,
        input.departs_on,
        &manifest,
        time::OffsetDateTime::now_utc().date(),
    )?;
    if !confirmed {
        if let Some(warning) = store
            .convoy_destination_warning(input.incident_id, commune.as_str())
            .await?
        {
            return Ok(ConvoyPlan::Warned(warning));
        }
    }
    let (id, warning) = store
        .plan_convoy(
            scope,
            input.incident_id,
            input.warehouse_id,
            (commune.as_str(), input.douar_id),
            &convoy,
            &lots,
            by,
        )
        .await?;
    Ok(ConvoyPlan::Planned { id, warning })
}
