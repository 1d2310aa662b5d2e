//! Journal entries and their lines: the postings of confirmed donations, booked in batches, and
//! the multi-row writes every entry goes through.

use crate::{fixed_chunks, Result, StoreError};
use sqlx::AnyConnection;
use std::collections::{BTreeMap, HashMap};
use twiza_domain::donation::{Gift, PaymentMethod, PledgedItem};
use twiza_domain::ledger::{donation_entry, Account, JournalEntry, Measure, Side};
use twiza_domain::money::Amount;

/// A confirmed donation to book (built by the sequencer's batch).
#[derive(Debug, Clone)]
pub(crate) struct DonationPosting {
    pub donation_id: i64,
    pub organization_id: i64,
    pub campaign_id: i64,
    pub gift: Gift,
    pub at: i64,
}

/// Who an entry belongs to and what it books.
pub(super) struct EntryHead {
    pub(super) organization_id: i64,
    pub(super) campaign_id: Option<i64>,
    /// `donation`, `expense`, `transfer_out` or `transfer_in`.
    pub(super) source: &'static str,
    pub(super) source_id: i64,
    pub(super) at: i64,
}

/// The postings of the donations with these ids (confirmed in the current transaction).
pub(crate) async fn donation_postings(
    conn: &mut AnyConnection,
    ids: &[i64],
    at: i64,
) -> Result<Vec<DonationPosting>> {
    let mut postings = Vec::with_capacity(ids.len());
    for chunk in fixed_chunks(ids) {
        let sql = format!(
            "SELECT id, organization_id, campaign_id, kind, amount_centimes, method, items \
             FROM donations WHERE status = 'confirmed' AND id IN {}",
            crate::values_placeholders(1, chunk.len())
        );
        let mut query = sqlx::query_as::<
            _,
            (
                i64,
                i64,
                i64,
                String,
                Option<i64>,
                Option<String>,
                Option<String>,
            ),
        >(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        for (id, org, campaign, kind, amount, method, items) in query.fetch_all(&mut *conn).await? {
            let gift = match kind.as_str() {
                "money" => Gift::Money {
                    amount: amount
                        .and_then(Amount::from_centimes)
                        .ok_or(StoreError::Corrupt("donation amount"))?,
                    method: method
                        .as_deref()
                        .and_then(PaymentMethod::parse)
                        .ok_or(StoreError::Corrupt("donation method"))?,
                },
                _ => Gift::InKind {
                    items: items
                        .and_then(|i| serde_json::from_str::<Vec<PledgedItem>>(&i).ok())
                        .ok_or(StoreError::Corrupt("donation items"))?,
                },
            };
            postings.push(DonationPosting {
                donation_id: id,
                organization_id: org,
                campaign_id: campaign,
                gift,
                at,
            });
        }
    }
    Ok(postings)
}

/// Books confirmed donations: money debits bank, mobile wallet or cash and credits the
/// campaign's donation income; goods go to the in-kind stock. Multi-row INSERTs, a few
/// statements per batch whatever its size.
pub(crate) async fn post_donations(
    conn: &mut AnyConnection,
    postings: &[DonationPosting],
) -> Result<()> {
    if postings.is_empty() {
        return Ok(());
    }
    // One summary entry per campaign and batch (`donations`, named by the batch's first donation
    // of the campaign): the books stay exact while a batch of a thousand donations writes a
    // handful of rows. A sum too large for one entry is booked donation by donation.
    let mut by_campaign: BTreeMap<(i64, i64), Vec<&DonationPosting>> = BTreeMap::new();
    for p in postings {
        by_campaign
            .entry((p.organization_id, p.campaign_id))
            .or_default()
            .push(p);
    }
    let mut entries = Vec::with_capacity(by_campaign.len());
    for ((organization_id, campaign_id), group) in by_campaign {
        let each = group
            .iter()
            .map(|p| donation_entry(&p.gift).map_err(|_| StoreError::Corrupt("donation entry")))
            .collect::<Result<Vec<_>>>()?;
        let first = group
            .iter()
            .map(|p| p.donation_id)
            .min()
            .unwrap_or_default();
        let at = group.iter().map(|p| p.at).max().unwrap_or_default();
        match JournalEntry::summary(&each) {
            Some(entry) => entries.push((
                EntryHead {
                    organization_id,
                    campaign_id: Some(campaign_id),
                    source: "donations",
                    source_id: first,
                    at,
                },
                entry,
            )),
            None => {
                for (p, entry) in group.iter().zip(each) {
                    entries.push((
                        EntryHead {
                            organization_id,
                            campaign_id: Some(campaign_id),
                            source: "donation",
                            source_id: p.donation_id,
                            at: p.at,
                        },
                        entry,
                    ));
                }
            }
        }
    }
    insert_entries(conn, &entries).await
}

/// Writes entries and their lines in multi-row statements.
pub(super) async fn insert_entries(
    conn: &mut AnyConnection,
    entries: &[(EntryHead, JournalEntry)],
) -> Result<()> {
    let mut ids: HashMap<(String, i64), i64> = HashMap::with_capacity(entries.len());
    for chunk in fixed_chunks(entries) {
        let mut sql = String::from(
            "INSERT INTO ledger_entries (organization_id, campaign_id, source, source_id, at) VALUES ",
        );
        sql.push_str(&crate::values_placeholders(chunk.len(), 5));
        sql.push_str(" RETURNING id, source, source_id");
        let mut query = sqlx::query_as::<_, (i64, String, i64)>(&sql);
        for (head, _) in chunk {
            query = query
                .bind(head.organization_id)
                .bind(head.campaign_id)
                .bind(head.source)
                .bind(head.source_id)
                .bind(head.at);
        }
        for (id, source, source_id) in query.fetch_all(&mut *conn).await? {
            ids.insert((source, source_id), id);
        }
    }
    struct Row<'a> {
        entry_id: i64,
        head: &'a EntryHead,
        account: Account,
        side: Side,
        measure: &'a Measure,
    }
    let mut rows = Vec::new();
    for (head, entry) in entries {
        let entry_id = *ids
            .get(&(head.source.to_owned(), head.source_id))
            .ok_or(StoreError::Corrupt("ledger entry"))?;
        for line in entry.lines() {
            rows.push(Row {
                entry_id,
                head,
                account: line.account,
                side: line.side,
                measure: &line.measure,
            });
        }
    }
    const COLS: usize = 10;
    for chunk in fixed_chunks(&rows) {
        let mut sql = String::from(
            "INSERT INTO ledger_lines (entry_id, organization_id, campaign_id, account, debit_centimes, \
             credit_centimes, item, unit, debit_quantity, credit_quantity) VALUES ",
        );
        sql.push_str(&crate::values_placeholders(chunk.len(), COLS));
        let mut query = sqlx::query(&sql);
        for r in chunk {
            let (dc, cc, item, unit, dq, cq) = match (r.measure, r.side) {
                (Measure::Money(a), Side::Debit) => (a.centimes(), 0, None, None, 0, 0),
                (Measure::Money(a), Side::Credit) => (0, a.centimes(), None, None, 0, 0),
                (
                    Measure::Goods {
                        item,
                        unit,
                        quantity,
                    },
                    side,
                ) => {
                    let (dq, cq) = match side {
                        Side::Debit => (*quantity, 0),
                        Side::Credit => (0, *quantity),
                    };
                    (0, 0, Some(item.clone()), Some(unit.clone()), dq, cq)
                }
            };
            query = query
                .bind(r.entry_id)
                .bind(r.head.organization_id)
                .bind(r.head.campaign_id)
                .bind(r.account.as_str())
                .bind(dc)
                .bind(cc)
                .bind(item)
                .bind(unit)
                .bind(dq)
                .bind(cq);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
