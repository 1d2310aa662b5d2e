//! What the transparency log must hold: for each kind of logged event, the leaf a row must have
//! (built by the same function when the event is written and when `twiza log audit` checks it),
//! the rows that must be logged and the leaves whose row is gone.
//!
//! Adding a logged event means adding its builder here and one entry to [`KINDS`]; the audit
//! then covers it.

use crate::{Result, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use twiza_domain::campaign::CampaignScope;
use twiza_domain::donation::{Gift, PaymentMethod, PledgedItem};
use twiza_domain::leaf::{canonical_json, leaf, LeafValue};
use twiza_domain::ledger::ExpenseCategory;
use twiza_domain::money::{Amount, CURRENCY};

/// The leaf of a confirmed donation: campaign code, donor commitment, money or goods.
pub(crate) fn donation_leaf(
    id: i64,
    at: i64,
    campaign: &str,
    gift: &Gift,
    commitment: &str,
) -> Vec<u8> {
    let mut fields: Vec<(&'static str, LeafValue)> =
        vec![("campaign", campaign.into()), ("donor", commitment.into())];
    match gift {
        Gift::Money { amount, method } => {
            fields.push(("amount", amount.to_string().into()));
            fields.push(("currency", CURRENCY.into()));
            fields.push(("method", method.as_str().into()));
        }
        Gift::InKind { items } => fields.push(("items", items_value(items))),
    }
    canonical_json(&leaf("donation_confirmed", id, at, fields)).into_bytes()
}

/// In-kind lines as a leaf array.
pub(crate) fn items_value(items: &[PledgedItem]) -> LeafValue {
    LeafValue::Array(
        items
            .iter()
            .map(|i| {
                LeafValue::Object(
                    [
                        ("item", i.item.as_str().into()),
                        ("quantity", i.quantity.into()),
                        ("unit", i.unit.as_str().into()),
                    ]
                    .into_iter()
                    .collect(),
                )
            })
            .collect(),
    )
}

/// What a granted Law 18-18 authorization publishes.
pub(crate) struct AuthorizedCampaign<'a> {
    pub id: i64,
    pub at: i64,
    pub code: &'a str,
    pub organization_id: i64,
    pub scope: CampaignScope,
    pub reference: &'a str,
    pub valid_from: &'a str,
    pub valid_to: &'a str,
    pub goal: Amount,
    pub emergency: bool,
    /// SHA-256 (hex) of the decision's document, when one was recorded with the grant.
    pub document: Option<&'a str>,
}

pub(crate) fn campaign_authorized_leaf(c: &AuthorizedCampaign<'_>) -> Vec<u8> {
    let mut fields = vec![
        ("campaign", c.code.into()),
        ("organization", c.organization_id.into()),
        ("scope", c.scope.as_str().into()),
        ("authority", c.scope.authority().as_str().into()),
        ("reference", c.reference.into()),
        ("valid_from", c.valid_from.into()),
        ("valid_to", c.valid_to.into()),
        ("goal", c.goal.to_string().into()),
        ("currency", CURRENCY.into()),
        ("emergency", i64::from(c.emergency).into()),
    ];
    if let Some(sha256) = c.document {
        fields.push(("document", sha256.into()));
    }
    canonical_json(&leaf("campaign_authorized", c.id, c.at, fields)).into_bytes()
}

pub(crate) fn campaign_closed_leaf(id: i64, at: i64, code: &str) -> Vec<u8> {
    canonical_json(&leaf(
        "campaign_closed",
        id,
        at,
        vec![("campaign", code.into())],
    ))
    .into_bytes()
}

/// What an approved expense publishes: campaign code, amount, category and the SHA-256 of its
/// evidence (never the description or who paid whom).
pub(crate) struct ApprovedExpense<'a> {
    pub id: i64,
    pub at: i64,
    pub campaign: &'a str,
    pub amount: Amount,
    pub category: ExpenseCategory,
    pub evidence_sha256: &'a str,
}

pub(crate) fn expense_approved_leaf(e: &ApprovedExpense<'_>) -> Vec<u8> {
    let fields = vec![
        ("campaign", e.campaign.into()),
        ("amount", e.amount.to_string().into()),
        ("currency", CURRENCY.into()),
        ("category", e.category.as_str().into()),
        ("evidence", e.evidence_sha256.into()),
    ];
    canonical_json(&leaf("expense_approved", e.id, e.at, fields)).into_bytes()
}

/// What a confirmed transfer between associations publishes.
pub(crate) struct ConfirmedTransfer<'a> {
    pub id: i64,
    pub at: i64,
    pub from_organization: i64,
    pub to_organization: i64,
    pub campaign: &'a str,
    pub amount: Amount,
}

pub(crate) fn transfer_confirmed_leaf(t: &ConfirmedTransfer<'_>) -> Vec<u8> {
    let fields = vec![
        ("from_organization", t.from_organization.into()),
        ("to_organization", t.to_organization.into()),
        ("campaign", t.campaign.into()),
        ("amount", t.amount.to_string().into()),
        ("currency", CURRENCY.into()),
    ];
    canonical_json(&leaf("transfer_confirmed", t.id, t.at, fields)).into_bytes()
}

/// What a confirmed delivery publishes: who delivered what, how much, for which need of which
/// incident (no household is named).
pub(crate) struct ConfirmedDelivery<'a> {
    pub id: i64,
    pub at: i64,
    pub organization: i64,
    pub incident: i64,
    pub need: i64,
    pub item: &'a str,
    pub unit: &'a str,
    pub quantity: i64,
    pub households: i64,
    /// The code of the campaign whose funds or gifts the goods came from, when named.
    pub campaign: Option<&'a str>,
    /// SHA-256 (hex) of the agent's photo, for a delivery proven by its agent; `None`: by code.
    pub evidence: Option<&'a str>,
}

pub(crate) fn delivery_confirmed_leaf(d: &ConfirmedDelivery<'_>) -> Vec<u8> {
    let mut fields = vec![
        ("organization", d.organization.into()),
        ("incident", d.incident.into()),
        ("need", d.need.into()),
        ("item", d.item.into()),
        ("unit", d.unit.into()),
        ("quantity", d.quantity.into()),
        ("households", d.households.into()),
    ];
    if let Some(code) = d.campaign {
        fields.push(("campaign", code.into()));
    }
    match d.evidence {
        None => fields.push(("proof", "otp".into())),
        Some(sha) => {
            fields.push(("proof", "agent".into()));
            fields.push(("evidence", sha.into()));
        }
    }
    canonical_json(&leaf("delivery_confirmed", d.id, d.at, fields)).into_bytes()
}

/// What a paid cash transfer publishes: the association, the programme's code, the period and
/// the amount — never the household.
pub(crate) struct PaidTransfer<'a> {
    pub id: i64,
    pub at: i64,
    pub organization: i64,
    pub programme: &'a str,
    pub period: &'a str,
    pub amount: Amount,
}

pub(crate) fn cash_transfer_paid_leaf(t: &PaidTransfer<'_>) -> Vec<u8> {
    let fields = vec![
        ("organization", t.organization.into()),
        ("programme", t.programme.into()),
        ("period", t.period.into()),
        ("amount", t.amount.to_string().into()),
        ("currency", CURRENCY.into()),
    ];
    canonical_json(&leaf("cash_transfer_paid", t.id, t.at, fields)).into_bytes()
}

/// What an issued certificate of volunteering publishes: the host, the hours, the number of
/// missions, the period and the commitment to its content — never the volunteer.
pub(crate) struct IssuedCertificate<'a> {
    pub id: i64,
    pub at: i64,
    pub organization: i64,
    pub minutes: i64,
    pub missions: i64,
    pub period_from: &'a str,
    pub period_until: &'a str,
    pub commitment: &'a str,
}

pub(crate) fn volunteer_certificate_leaf(c: &IssuedCertificate<'_>) -> Vec<u8> {
    let fields = vec![
        ("organization", c.organization.into()),
        ("minutes", c.minutes.into()),
        ("missions", c.missions.into()),
        ("period_from", c.period_from.into()),
        ("period_until", c.period_until.into()),
        ("commitment", c.commitment.into()),
    ];
    canonical_json(&leaf("volunteer_certificate", c.id, c.at, fields)).into_bytes()
}

/// One kind of logged event, as the audit sees it.
pub(crate) struct LoggedKind {
    /// The leaf `type` and `log_entries.kind`.
    pub kind: &'static str,
    /// The table whose rows are logged (named in audit findings).
    pub table: &'static str,
    /// Rows that must be logged, in id order, after id `$1`, at most `$2`: `id` first, the row's
    /// columns, then `leaf_idx` and `leaf` of its log entry (NULL when missing).
    pub expected: &'static str,
    /// Leaves of this kind whose row is missing or no longer qualifies: `idx`, `ref_id`.
    pub orphans: &'static str,
    /// The leaf the row must have.
    pub rebuild: fn(&AnyRow) -> Result<Vec<u8>>,
}

/// Every logged event.
pub(crate) const KINDS: &[LoggedKind] = &[
    LoggedKind {
        kind: "donation_confirmed",
        table: "donations",
        expected: "SELECT d.id, d.confirmed_at, c.code, d.kind, d.amount_centimes, d.method, d.items, \
                   d.donor_commitment, e.idx AS leaf_idx, e.leaf \
                   FROM donations d JOIN campaigns c ON c.id = d.campaign_id \
                   LEFT JOIN log_entries e ON e.kind = 'donation_confirmed' AND e.ref_id = d.id \
                   WHERE d.status = 'confirmed' AND d.id > $1 ORDER BY d.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN donations d ON d.id = e.ref_id AND d.status = 'confirmed' \
                  WHERE e.kind = 'donation_confirmed' AND d.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_donation,
    },
    LoggedKind {
        kind: "campaign_authorized",
        table: "campaigns",
        expected: "SELECT c.id, c.auth_decided_at, c.code, c.organization_id, c.scope, c.auth_reference, \
                   c.auth_valid_from, c.auth_valid_to, c.goal_centimes, c.emergency, c.auth_document_sha256, \
                   e.idx AS leaf_idx, e.leaf \
                   FROM campaigns c \
                   LEFT JOIN log_entries e ON e.kind = 'campaign_authorized' AND e.ref_id = c.id \
                   WHERE c.auth_status = 'granted' AND c.id > $1 ORDER BY c.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN campaigns c ON c.id = e.ref_id AND c.auth_status = 'granted' \
                  WHERE e.kind = 'campaign_authorized' AND c.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_campaign_authorized,
    },
    LoggedKind {
        kind: "campaign_closed",
        table: "campaigns",
        expected: "SELECT c.id, c.closed_at, c.code, e.idx AS leaf_idx, e.leaf FROM campaigns c \
                   LEFT JOIN log_entries e ON e.kind = 'campaign_closed' AND e.ref_id = c.id \
                   WHERE c.state = 'closed' AND c.id > $1 ORDER BY c.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN campaigns c ON c.id = e.ref_id AND c.state = 'closed' \
                  WHERE e.kind = 'campaign_closed' AND c.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_campaign_closed,
    },
    LoggedKind {
        kind: "expense_approved",
        table: "expenses",
        expected: "SELECT x.id, x.decided_at, c.code, x.amount_centimes, x.category, x.evidence_sha256, \
                   e.idx AS leaf_idx, e.leaf FROM expenses x JOIN campaigns c ON c.id = x.campaign_id \
                   LEFT JOIN log_entries e ON e.kind = 'expense_approved' AND e.ref_id = x.id \
                   WHERE x.status = 'approved' AND x.id > $1 ORDER BY x.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN expenses x ON x.id = e.ref_id AND x.status = 'approved' \
                  WHERE e.kind = 'expense_approved' AND x.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_expense_approved,
    },
    LoggedKind {
        kind: "transfer_confirmed",
        table: "transfers",
        expected: "SELECT t.id, t.confirmed_at, t.from_organization_id, t.to_organization_id, c.code, \
                   t.amount_centimes, e.idx AS leaf_idx, e.leaf \
                   FROM transfers t JOIN campaigns c ON c.id = t.campaign_id \
                   LEFT JOIN log_entries e ON e.kind = 'transfer_confirmed' AND e.ref_id = t.id \
                   WHERE t.status = 'confirmed' AND t.id > $1 ORDER BY t.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN transfers t ON t.id = e.ref_id AND t.status = 'confirmed' \
                  WHERE e.kind = 'transfer_confirmed' AND t.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_transfer_confirmed,
    },
    LoggedKind {
        kind: "delivery_confirmed",
        table: "deliveries",
        expected: "SELECT d.id, d.delivered_at, d.organization_id, d.incident_id, d.need_id, i.code, i.unit, \
                   d.quantity, d.households, d.evidence_sha256, c.code AS campaign, e.idx AS leaf_idx, e.leaf \
                   FROM deliveries d JOIN items i ON i.id = d.item_id LEFT JOIN campaigns c ON c.id = d.campaign_id \
                   LEFT JOIN log_entries e ON e.kind = 'delivery_confirmed' AND e.ref_id = d.id \
                   WHERE d.status = 'delivered' AND d.id > $1 ORDER BY d.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN deliveries d ON d.id = e.ref_id AND d.status = 'delivered' \
                  WHERE e.kind = 'delivery_confirmed' AND d.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_delivery_confirmed,
    },
    LoggedKind {
        kind: "cash_transfer_paid",
        table: "payment_lines",
        expected: "SELECT l.id, l.paid_at, b.organization_id, p.code, c.period, l.centimes, \
                   e.idx AS leaf_idx, e.leaf FROM payment_lines l \
                   JOIN payment_batches b ON b.id = l.batch_id JOIN cycles c ON c.id = b.cycle_id \
                   JOIN programmes p ON p.id = c.programme_id \
                   LEFT JOIN log_entries e ON e.kind = 'cash_transfer_paid' AND e.ref_id = l.id \
                   WHERE l.status = 'paid' AND l.id > $1 ORDER BY l.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN payment_lines l ON l.id = e.ref_id AND l.status = 'paid' \
                  WHERE e.kind = 'cash_transfer_paid' AND l.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_cash_transfer_paid,
    },
    LoggedKind {
        kind: "volunteer_certificate",
        table: "volunteer_certificates",
        expected: "SELECT c.id, c.issued_at, c.organization_id, c.minutes, c.missions, c.period_from, \
                   c.period_until, c.commitment, e.idx AS leaf_idx, e.leaf FROM volunteer_certificates c \
                   LEFT JOIN log_entries e ON e.kind = 'volunteer_certificate' AND e.ref_id = c.id \
                   WHERE c.id > $1 ORDER BY c.id LIMIT $2",
        orphans: "SELECT e.idx, e.ref_id FROM log_entries e \
                  LEFT JOIN volunteer_certificates c ON c.id = e.ref_id \
                  WHERE e.kind = 'volunteer_certificate' AND c.id IS NULL ORDER BY e.idx",
        rebuild: rebuild_volunteer_certificate,
    },
];

fn corrupt(what: &'static str) -> StoreError {
    StoreError::Corrupt(what)
}

fn rebuild_donation(row: &AnyRow) -> Result<Vec<u8>> {
    let gift = match row.try_get::<String, _>("kind")?.as_str() {
        "money" => Gift::Money {
            amount: row
                .try_get::<Option<i64>, _>("amount_centimes")?
                .and_then(Amount::from_centimes)
                .ok_or(corrupt("donation amount"))?,
            method: row
                .try_get::<Option<String>, _>("method")?
                .as_deref()
                .and_then(PaymentMethod::parse)
                .ok_or(corrupt("donation method"))?,
        },
        "in_kind" => Gift::InKind {
            items: row
                .try_get::<Option<String>, _>("items")?
                .and_then(|i| serde_json::from_str(&i).ok())
                .ok_or(corrupt("donation items"))?,
        },
        _ => return Err(corrupt("donation kind")),
    };
    Ok(donation_leaf(
        row.try_get("id")?,
        row.try_get::<Option<i64>, _>("confirmed_at")?
            .ok_or(corrupt("donation confirmed_at"))?,
        &row.try_get::<String, _>("code")?,
        &gift,
        &row.try_get::<String, _>("donor_commitment")?,
    ))
}

fn rebuild_campaign_authorized(row: &AnyRow) -> Result<Vec<u8>> {
    let text = |c: &str| -> Result<String> {
        row.try_get::<Option<String>, _>(c)?
            .ok_or(corrupt("campaign authorization"))
    };
    Ok(campaign_authorized_leaf(&AuthorizedCampaign {
        id: row.try_get("id")?,
        at: row
            .try_get::<Option<i64>, _>("auth_decided_at")?
            .ok_or(corrupt("campaign authorization"))?,
        code: &row.try_get::<String, _>("code")?,
        organization_id: row.try_get("organization_id")?,
        scope: CampaignScope::parse(&row.try_get::<String, _>("scope")?)
            .ok_or(corrupt("campaign scope"))?,
        reference: &text("auth_reference")?,
        valid_from: &text("auth_valid_from")?,
        valid_to: &text("auth_valid_to")?,
        goal: Amount::from_centimes(row.try_get("goal_centimes")?)
            .ok_or(corrupt("campaign goal"))?,
        emergency: row.try_get::<i64, _>("emergency")? != 0,
        document: row
            .try_get::<Option<String>, _>("auth_document_sha256")?
            .as_deref(),
    }))
}

fn rebuild_campaign_closed(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(campaign_closed_leaf(
        row.try_get("id")?,
        row.try_get::<Option<i64>, _>("closed_at")?
            .ok_or(corrupt("campaign closed_at"))?,
        &row.try_get::<String, _>("code")?,
    ))
}

fn rebuild_expense_approved(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(expense_approved_leaf(&ApprovedExpense {
        id: row.try_get("id")?,
        at: row
            .try_get::<Option<i64>, _>("decided_at")?
            .ok_or(corrupt("expense decided_at"))?,
        campaign: &row.try_get::<String, _>("code")?,
        amount: Amount::from_centimes(row.try_get("amount_centimes")?)
            .ok_or(corrupt("expense amount"))?,
        category: ExpenseCategory::parse(&row.try_get::<String, _>("category")?)
            .ok_or(corrupt("expense category"))?,
        evidence_sha256: &row.try_get::<String, _>("evidence_sha256")?,
    }))
}

fn rebuild_transfer_confirmed(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(transfer_confirmed_leaf(&ConfirmedTransfer {
        id: row.try_get("id")?,
        at: row
            .try_get::<Option<i64>, _>("confirmed_at")?
            .ok_or(corrupt("transfer confirmed_at"))?,
        from_organization: row.try_get("from_organization_id")?,
        to_organization: row.try_get("to_organization_id")?,
        campaign: &row.try_get::<String, _>("code")?,
        amount: Amount::from_centimes(row.try_get("amount_centimes")?)
            .ok_or(corrupt("transfer amount"))?,
    }))
}

fn rebuild_delivery_confirmed(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(delivery_confirmed_leaf(&ConfirmedDelivery {
        id: row.try_get("id")?,
        at: row
            .try_get::<Option<i64>, _>("delivered_at")?
            .ok_or(corrupt("delivery delivered_at"))?,
        organization: row.try_get("organization_id")?,
        incident: row.try_get("incident_id")?,
        need: row.try_get("need_id")?,
        item: &row.try_get::<String, _>("code")?,
        unit: &row.try_get::<String, _>("unit")?,
        quantity: row.try_get("quantity")?,
        households: row.try_get("households")?,
        campaign: row.try_get::<Option<String>, _>("campaign")?.as_deref(),
        evidence: row
            .try_get::<Option<String>, _>("evidence_sha256")?
            .as_deref(),
    }))
}

fn rebuild_cash_transfer_paid(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(cash_transfer_paid_leaf(&PaidTransfer {
        id: row.try_get("id")?,
        at: row
            .try_get::<Option<i64>, _>("paid_at")?
            .ok_or(corrupt("payment paid_at"))?,
        organization: row.try_get("organization_id")?,
        programme: &row.try_get::<String, _>("code")?,
        period: &row.try_get::<String, _>("period")?,
        amount: Amount::from_centimes(row.try_get("centimes")?).ok_or(corrupt("payment amount"))?,
    }))
}

fn rebuild_volunteer_certificate(row: &AnyRow) -> Result<Vec<u8>> {
    Ok(volunteer_certificate_leaf(&IssuedCertificate {
        id: row.try_get("id")?,
        at: row.try_get("issued_at")?,
        organization: row.try_get("organization_id")?,
        minutes: row.try_get("minutes")?,
        missions: row.try_get("missions")?,
        period_from: &row.try_get::<String, _>("period_from")?,
        period_until: &row.try_get::<String, _>("period_until")?,
        commitment: &row.try_get::<String, _>("commitment")?,
    }))
}
