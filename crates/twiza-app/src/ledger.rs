//! The association's books: expenses (submitted with an evidence file recognised by its content,
//! approved by a second treasury member or rejected with a reason), transfers to other verified
//! associations (confirmed by the receiver), the trial balance, the journal by account and
//! period, and what waits for a member. The API and the treasury's pages call these.

use crate::error::{Error, Result};
use twiza_domain::donation::request_hash;
use twiza_domain::ledger::{parse_evidence, Account, ExpenseCategory, ExpenseStatus, PaidFrom};
use twiza_domain::money::{parse_currency, Amount};
use twiza_domain::organization::{OrgStatus, Organization};
use twiza_domain::text::parse_text;
use twiza_domain::{FieldError, OrgId, OrgScope, Refusal, UserId};
use twiza_store::{
    Campaign, Expense, JournalFilter, JournalLine, Keyset, NewExpense, NewTransfer, Store,
    Transfer, TrialBalance,
};

/// The most items a list of what waits for a member holds.
const WAITING_LIMIT: i64 = 100;

// ---------------------------------------------------------------------------------------------
// Expenses

/// An expense as typed or sent, before checking.
pub struct ExpenseInput<'a> {
    /// Decimal MAD, at most two decimals.
    pub amount: &'a str,
    /// `MAD`.
    pub currency: &'a str,
    /// `programme` or `running_costs`.
    pub category: &'a str,
    /// `bank`, `cash` or `mobile_wallet`.
    pub paid_from: &'a str,
    pub description_ar: &'a str,
    pub description_fr: &'a str,
    /// The declared type of the evidence and its bytes; `None` when no readable file came.
    pub evidence: Option<(&'a str, Vec<u8>)>,
}

/// An expense once every field is checked (the currency is checked, not kept).
pub struct ParsedExpense {
    pub amount: Amount,
    pub category: ExpenseCategory,
    pub paid_from: PaidFrom,
    pub description_ar: String,
    pub description_fr: String,
    /// The media type recognised from the content.
    pub evidence_type: &'static str,
    pub evidence: Vec<u8>,
}

/// Checks an expense, naming every invalid field. The evidence must be what its declared type
/// says, recognised by its content (`twiza_domain::ledger::parse_evidence`).
pub fn parse_expense(input: ExpenseInput<'_>) -> Result<ParsedExpense, Vec<FieldError>> {
    let amount = Amount::parse("amount", input.amount);
    let currency = parse_currency("currency", input.currency);
    let category = ExpenseCategory::parse(input.category)
        .ok_or(FieldError::new("category", "invalid_category"));
    let paid_from =
        PaidFrom::parse(input.paid_from).ok_or(FieldError::new("paid_from", "invalid_paid_from"));
    let description_ar = parse_text("description_ar", input.description_ar, 500);
    let description_fr = parse_text("description_fr", input.description_fr, 500);
    let evidence = match input.evidence {
        Some((declared, bytes)) => parse_evidence(declared, &bytes).map(|kind| (kind, bytes)),
        None => Err(FieldError::new("evidence", "invalid_evidence")),
    };
    match (
        amount,
        currency,
        category,
        paid_from,
        description_ar,
        description_fr,
        evidence,
    ) {
        (Ok(a), Ok(_), Ok(c), Ok(p), Ok(ar), Ok(fr), Ok((kind, bytes))) => Ok(ParsedExpense {
            amount: a,
            category: c,
            paid_from: p,
            description_ar: ar,
            description_fr: fr,
            evidence_type: kind,
            evidence: bytes,
        }),
        (a, cur, c, p, ar, fr, ev) => Err([
            a.err(),
            cur.err(),
            c.err(),
            p.err(),
            ar.err(),
            fr.err(),
            ev.err(),
        ]
        .into_iter()
        .flatten()
        .collect()),
    }
}

/// The declared type of an uploaded evidence file, from its name's extension, else its
/// announced content type: `pdf`, `png` or `jpeg`, or `""` for anything else (which
/// [`parse_expense`] refuses). The content must then agree.
pub fn declared_upload_type(file_name: &str, content_type: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match (extension.as_str(), content_type) {
        ("pdf", _) | ("", "application/pdf") => "pdf",
        ("png", _) | ("", "image/png") => "png",
        ("jpg" | "jpeg", _) | ("", "image/jpeg") => "jpeg",
        _ => "",
    }
}

/// A fingerprint of a checked expense, to tell a repeated submission (same key, same expense)
/// from another expense sent with the same key.
pub fn expense_request_hash(e: &ParsedExpense) -> String {
    let evidence = request_hash(&e.evidence);
    let text = format!(
        "{}\n{}\n{}\n{}\n{}\n{}\n{}",
        e.amount.centimes(),
        e.category.as_str(),
        e.paid_from.as_str(),
        e.description_ar,
        e.description_fr,
        e.evidence_type,
        evidence
    );
    request_hash(text.as_bytes())
}

/// Submits an expense of one of the scoped association's campaigns; another treasury member
/// approves it. Returns the expense and whether this repeated an earlier submission with the
/// same key.
pub async fn submit_expense(
    store: &Store,
    scope: &OrgScope,
    campaign_id: i64,
    expense: ParsedExpense,
    (idempotency_key, request_hash): (String, String),
    by: UserId,
    (mail, locale): (&crate::mail::Mail, twiza_i18n::Locale),
) -> Result<(Expense, bool)> {
    let new = NewExpense {
        idempotency_key,
        request_hash,
        amount: expense.amount,
        category: expense.category,
        paid_from: expense.paid_from,
        description_ar: expense.description_ar,
        description_fr: expense.description_fr,
        evidence_type: expense.evidence_type,
        evidence: expense.evidence,
    };
    let (expense, replayed) = store.submit_expense(scope, campaign_id, &new, by).await?;
    if !replayed {
        let path = format!("/expenses/{}/approve", expense.id);
        let told = crate::mail::expense_waiting(
            store,
            mail,
            scope.org_id(),
            expense.id,
            by,
            &path,
            locale,
        )
        .await;
        if let Err(e) = told {
            tracing::error!(error = %e, expense_id = expense.id, "the expense's e-mail was not queued");
        }
    }
    Ok((expense, replayed))
}

/// The expense `by` is about to approve, checked as the approval will be: refused with
/// `expense_self_approval` for its author, `expense_decided` once decided.
pub async fn expense_to_approve(
    store: &Store,
    scope: &OrgScope,
    id: i64,
    by: UserId,
) -> Result<Expense> {
    let expense = store.expense(scope, id).await?.ok_or(Error::NotFound)?;
    if expense.submitted_by == by {
        return Err(Refusal::ExpenseSelfApproval.into());
    }
    if expense.status != ExpenseStatus::Submitted {
        return Err(Refusal::ExpenseDecided.into());
    }
    Ok(expense)
}

/// Approves an expense (a treasury member other than its author): booked and logged as
/// `expense_approved` before it returns. Refusals write nothing.
pub async fn approve_expense(
    store: &Store,
    scope: &OrgScope,
    id: i64,
    by: UserId,
) -> Result<Expense> {
    Ok(store.approve_expense(scope, id, by).await?)
}

/// Rejects a submitted expense with a reason (at most 1,000 characters); nothing is booked.
pub async fn reject_expense(
    store: &Store,
    scope: &OrgScope,
    id: i64,
    by: UserId,
    reason: &str,
) -> Result<Expense> {
    let reason = parse_text("reason", reason, 1000)?;
    Ok(store.reject_expense(scope, id, by, &reason).await?)
}

/// Expenses of the scoped association waiting for `user_id`'s decision: submitted, by someone
/// else (oldest first, at most 100).
pub async fn expenses_waiting_for(
    store: &Store,
    scope: &OrgScope,
    user_id: UserId,
) -> Result<Vec<Expense>> {
    Ok(store
        .expenses_waiting(scope, None, Some(user_id), WAITING_LIMIT)
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Transfers

/// Checks a transfer's amount and currency, naming every invalid field.
pub fn parse_transfer_amount(amount: &str, currency: &str) -> Result<Amount, Vec<FieldError>> {
    match (
        Amount::parse("amount", amount),
        parse_currency("currency", currency),
    ) {
        (Ok(a), Ok(_)) => Ok(a),
        (a, c) => Err([a.err(), c.err()].into_iter().flatten().collect()),
    }
}

/// What a transfer will do, shown before it is sent.
pub struct TransferPlan {
    pub to: Organization,
    pub campaign: Campaign,
    pub amount: Amount,
}

/// Checks a transfer before it is sent, as sending will: the receiver is another verified
/// association (`invalid_recipient` on `to_organization_id` otherwise), the campaign is the
/// sender's (`campaign_id`). The funds are checked when it is sent.
pub async fn plan_transfer(
    store: &Store,
    scope: &OrgScope,
    to: Option<OrgId>,
    campaign_id: Option<i64>,
    amount: Result<Amount, Vec<FieldError>>,
) -> Result<TransferPlan> {
    let mut errors = amount.as_ref().err().cloned().unwrap_or_default();
    let receiver = match to.filter(|id| *id != scope.org_id()) {
        Some(id) => store
            .organization(id)
            .await?
            .filter(|o| o.status == OrgStatus::Verified),
        None => None,
    };
    if receiver.is_none() {
        errors.push(FieldError::new("to_organization_id", "invalid_recipient"));
    }
    let campaign = match campaign_id {
        Some(id) => store
            .campaign(id)
            .await?
            .filter(|c| c.org_id == scope.org_id()),
        None => None,
    };
    if campaign.is_none() {
        errors.push(FieldError::new("campaign_id", "unknown_campaign"));
    }
    match (receiver, campaign, amount) {
        (Some(to), Some(campaign), Ok(amount)) if errors.is_empty() => Ok(TransferPlan {
            to,
            campaign,
            amount,
        }),
        _ => Err(Error::Invalid(errors)),
    }
}

/// Sends money to another verified association out of one of the sender's campaigns; pending
/// until the receiver confirms it. Returns the transfer and whether this repeated an earlier
/// request with the same key.
pub async fn send_transfer(
    store: &Store,
    scope: &OrgScope,
    transfer: &NewTransfer,
    by: UserId,
    (mail, locale): (&crate::mail::Mail, twiza_i18n::Locale),
) -> Result<(Transfer, bool)> {
    let (sent, replayed) = store.create_transfer(scope, transfer, by).await?;
    if !replayed {
        let path = format!("/associations/{}/transfers", sent.to.0);
        let told =
            crate::mail::transfer_arrived(store, mail, sent.to, sent.id, &path, locale).await;
        if let Err(e) = told {
            tracing::error!(error = %e, transfer_id = sent.id, "the transfer's e-mail was not queued");
        }
    }
    Ok((sent, replayed))
}

/// A fingerprint of a transfer, to tell a repeated request from another one with the same key.
pub fn transfer_request_hash(to: OrgId, campaign_id: i64, amount: Amount) -> String {
    request_hash(format!("{}\n{campaign_id}\n{}", to.0, amount.centimes()).as_bytes())
}

/// Confirms a transfer received (the receiver's treasury): booked in both ledgers and logged
/// as `transfer_confirmed` before it returns.
pub async fn confirm_transfer(
    store: &Store,
    scope: &OrgScope,
    id: i64,
    by: UserId,
) -> Result<Transfer> {
    Ok(store.confirm_transfer(scope, id, by).await?)
}

/// Transfers sent to the scoped association that wait for it to confirm them (oldest first, at
/// most 100).
pub async fn transfers_to_confirm(store: &Store, scope: &OrgScope) -> Result<Vec<Transfer>> {
    Ok(store.transfers_pending_to(scope, WAITING_LIMIT).await?)
}

// ---------------------------------------------------------------------------------------------
// The books

/// The scoped association's accounts with their totals, and whether they balance.
pub async fn trial_balance(store: &Store, scope: &OrgScope) -> Result<TrialBalance> {
    Ok(store.trial_balance(scope).await?)
}

/// The journal's filters as typed in a query string: an account, and a period of dates
/// (`YYYY-MM-DD`, both included).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct JournalQuery {
    pub account: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The storage filter of a journal query; every invalid field is named (`account`, `from`,
/// `to`).
pub fn parse_journal_query(q: &JournalQuery) -> Result<JournalFilter, Vec<FieldError>> {
    let non_empty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut errors = Vec::new();
    let account = non_empty(&q.account).and_then(|a| {
        let account = Account::parse(&a);
        if account.is_none() {
            errors.push(FieldError::new("account", "invalid_account"));
        }
        account
    });
    let mut day = |field: &'static str, raw: Option<String>| {
        let raw = raw?;
        match twiza_domain::campaign::parse_date(field, &raw) {
            Ok(date) => Some(date.midnight().assume_utc().unix_timestamp()),
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let from = day("from", non_empty(&q.from));
    let until = day("to", non_empty(&q.to)).map(|start| start + 86_400);
    if errors.is_empty() {
        Ok(JournalFilter {
            account,
            from,
            until,
        })
    } else {
        Err(errors)
    }
}

/// Lines of the scoped association's journal, newest first, `limit` from where `page` starts.
pub async fn journal(
    store: &Store,
    scope: &OrgScope,
    filter: &JournalFilter,
    page: Keyset,
    limit: i64,
) -> Result<Vec<JournalLine>> {
    Ok(store.journal(scope, filter, page, limit).await?)
}
