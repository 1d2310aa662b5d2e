//! The treasury's list of a campaign's donations: newest first, a keyset page at a time, with
//! filters (kind, how the money came, dates, a minimum amount). No donor data: only whether a
//! sealed identity exists.

use crate::{Result, Store, StoreError};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
use twiza_domain::money::Amount;
use twiza_domain::OrgScope;

/// Money or goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiftKind {
    Money,
    InKind,
}

impl GiftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GiftKind::Money => "money",
            GiftKind::InKind => "in_kind",
        }
    }

    pub fn parse(s: &str) -> Option<GiftKind> {
        [GiftKind::Money, GiftKind::InKind]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// How a donation came: recorded by the treasury with a payment method, or given online
/// through the payment provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DonationChannel {
    Recorded(PaymentMethod),
    Online,
}

/// Which donations, and which page of them. Dates are Unix seconds, `from` included and `to`
/// excluded; `after` pages to older donations, `before` to newer ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DonationFilter {
    pub kind: Option<GiftKind>,
    pub channel: Option<DonationChannel>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub min_centimes: Option<i64>,
    pub after: Option<i64>,
    pub before: Option<i64>,
    pub limit: i64,
}

/// One donation of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedDonation {
    pub id: i64,
    pub gift: Gift,
    pub status: DonationStatus,
    /// Given online, through the payment provider.
    pub online: bool,
    /// The donor left a (sealed) identity.
    pub has_donor: bool,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

/// A page of the list, newest first, and whether there are newer and older donations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DonationPage {
    pub donations: Vec<ListedDonation>,
    pub newer: bool,
    pub older: bool,
}

#[derive(sqlx::FromRow)]
struct ListedRow {
    id: i64,
    kind: String,
    amount_centimes: Option<i64>,
    method: Option<String>,
    items: Option<String>,
    status: String,
    online: i64,
    has_donor: i64,
    created_at: i64,
    confirmed_at: Option<i64>,
}

enum Bind {
    Int(i64),
    Text(&'static str),
}

/// The conditions of the query and their values, numbered as they are added.
struct Clauses {
    wheres: Vec<String>,
    binds: Vec<Bind>,
}

impl Clauses {
    /// A condition with one value, written `?`.
    fn bound(&mut self, clause: &str, bind: Bind) {
        self.binds.push(bind);
        let n = self.binds.len();
        self.wheres.push(clause.replace('?', &format!("${n}")));
    }

    fn plain(&mut self, clause: &str) {
        self.wheres.push(clause.to_owned());
    }
}

fn listed(r: ListedRow) -> Result<ListedDonation> {
    let corrupt = || StoreError::Corrupt("donation");
    let gift = match r.kind.as_str() {
        "money" => Gift::Money {
            amount: r
                .amount_centimes
                .and_then(Amount::from_centimes)
                .ok_or_else(corrupt)?,
            method: r
                .method
                .as_deref()
                .and_then(PaymentMethod::parse)
                .ok_or_else(corrupt)?,
        },
        _ => Gift::InKind {
            items: r
                .items
                .and_then(|i| serde_json::from_str(&i).ok())
                .ok_or_else(corrupt)?,
        },
    };
    Ok(ListedDonation {
        id: r.id,
        gift,
        status: DonationStatus::parse(&r.status).ok_or_else(corrupt)?,
        online: r.online != 0,
        has_donor: r.has_donor != 0,
        created_at: r.created_at,
        confirmed_at: r.confirmed_at,
    })
}

impl Store {
    /// A page of a campaign's donations of the scoped association (at most `filter.limit`,
    /// 1 to 200), newest first.
    pub async fn donations_page(
        &self,
        scope: &OrgScope,
        campaign_id: i64,
        filter: &DonationFilter,
    ) -> Result<DonationPage> {
        let limit = filter.limit.clamp(1, 200);
        let mut q = Clauses {
            wheres: vec![
                "d.campaign_id = $1".to_owned(),
                "d.organization_id = $2".to_owned(),
            ],
            binds: vec![Bind::Int(campaign_id), Bind::Int(scope.org_id().0)],
        };
        if let Some(kind) = filter.kind {
            q.bound("d.kind = ?", Bind::Text(kind.as_str()));
        }
        match filter.channel {
            Some(DonationChannel::Online) => q.plain("d.provider_reference IS NOT NULL"),
            Some(DonationChannel::Recorded(method)) => {
                q.bound("d.method = ?", Bind::Text(method.as_str()));
                q.plain("d.provider_reference IS NULL");
            }
            None => {}
        }
        if let Some(from) = filter.from {
            q.bound("d.created_at >= ?", Bind::Int(from));
        }
        if let Some(to) = filter.to {
            q.bound("d.created_at < ?", Bind::Int(to));
        }
        if let Some(min) = filter.min_centimes {
            q.bound("d.amount_centimes >= ?", Bind::Int(min));
        }
        // `before` (towards newer donations) reads upwards and turns the page round after.
        let upwards = filter.before.is_some() && filter.after.is_none();
        if let Some(after) = filter.after {
            q.bound("d.id < ?", Bind::Int(after));
        } else if let Some(before) = filter.before {
            q.bound("d.id > ?", Bind::Int(before));
        }
        let sql = format!(
            "SELECT d.id AS id, d.kind AS kind, d.amount_centimes AS amount_centimes, \
             d.method AS method, d.items AS items, d.status AS status, \
             CAST(CASE WHEN d.provider_reference IS NULL THEN 0 ELSE 1 END AS BIGINT) AS online, \
             CAST(CASE WHEN EXISTS (SELECT 1 FROM donor_identities i WHERE i.donation_id = d.id) \
             THEN 1 ELSE 0 END AS BIGINT) AS has_donor, \
             d.created_at AS created_at, d.confirmed_at AS confirmed_at \
             FROM donations d WHERE {} ORDER BY d.id {} LIMIT {}",
            q.wheres.join(" AND "),
            if upwards { "ASC" } else { "DESC" },
            limit + 1
        );
        let mut query = sqlx::query_as::<_, ListedRow>(&sql);
        for bind in q.binds {
            query = match bind {
                Bind::Int(v) => query.bind(v),
                Bind::Text(v) => query.bind(v),
            };
        }
        let mut rows = query.fetch_all(self.reader()).await?;
        let more = rows.len() as i64 > limit;
        rows.truncate(limit as usize);
        if upwards {
            rows.reverse();
        }
        let donations = rows.into_iter().map(listed).collect::<Result<Vec<_>>>()?;
        let (newer, older) = if upwards {
            (more, true)
        } else {
            (filter.after.is_some(), more)
        };
        Ok(DonationPage {
            donations,
            newer,
            older,
        })
    }
}
