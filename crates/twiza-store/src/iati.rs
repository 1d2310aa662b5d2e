//! What an association's IATI activity file reads: its publication (published or not, and the
//! organisation identifier kept from the first publication), its public campaigns and its
//! programmes, donations summed per day, approved expenses and cash transfers paid summed per
//! day. Only figures: no donor, no household, no person is read here.

use crate::{now, to_datetime, Result, Store, StoreError};
use sqlx::Row;
use time::{Date, Duration, OffsetDateTime};
use twiza_domain::campaign::{parse_date, CampaignState};
use twiza_domain::{OrgId, OrgScope, Refusal, UserId};

/// An association's IATI publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IatiPublication {
    /// The organisation identifier the file was first published with.
    pub organisation_identifier: String,
    pub published: bool,
    pub first_published_at: OffsetDateTime,
    pub changed_at: OffsetDateTime,
}

/// A public (published or closed) campaign as an IATI activity needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IatiCampaign {
    pub id: i64,
    pub title_ar: String,
    pub title_fr: String,
    pub purpose_ar: String,
    pub purpose_fr: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub emergency: bool,
    pub state: CampaignState,
    pub closed_at: Option<OffsetDateTime>,
}

/// A programme as an IATI activity needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IatiProgramme {
    pub id: i64,
    pub name_ar: String,
    pub name_fr: String,
    pub ends_on: Option<Date>,
    pub created_at: OffsetDateTime,
}

/// Money summed over one day (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayTotal {
    pub day: Date,
    pub centimes: i64,
}

/// An approved expense: its id, the day it was approved (UTC) and its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IatiExpense {
    pub id: i64,
    pub approved_on: Date,
    pub centimes: i64,
}

const SECONDS_PER_DAY: i64 = 86_400;

fn day_of(day_number: i64) -> Result<Date> {
    let epoch = Date::from_ordinal_date(1970, 1).map_err(|_| StoreError::Corrupt("day"))?;
    epoch
        .checked_add(Duration::days(day_number))
        .ok_or(StoreError::Corrupt("day"))
}

fn day_totals(rows: Vec<(i64, i64)>) -> Result<Vec<DayTotal>> {
    rows.into_iter()
        .map(|(day, centimes)| {
            Ok(DayTotal {
                day: day_of(day)?,
                centimes,
            })
        })
        .collect()
}

fn date_column(raw: Option<String>) -> Result<Option<Date>> {
    raw.map(|d| parse_date("date", &d).map_err(|_| StoreError::Corrupt("date")))
        .transpose()
}

impl Store {
    /// The association's IATI publication, if it was ever published.
    pub async fn iati_publication(&self, org: OrgId) -> Result<Option<IatiPublication>> {
        let row: Option<(String, i64, i64, i64)> = sqlx::query_as(
            "SELECT organisation_identifier, published, first_published_at, changed_at \
             FROM iati_publications WHERE organization_id = $1",
        )
        .bind(org.0)
        .fetch_optional(self.reader())
        .await?;
        row.map(|(identifier, published, first, changed)| {
            Ok(IatiPublication {
                organisation_identifier: identifier,
                published: published != 0,
                first_published_at: to_datetime(first)?,
                changed_at: to_datetime(changed)?,
            })
        })
        .transpose()
    }

    /// The organisation identifier of a published file, for the public address: `None` when
    /// the file is not published or the association is no longer verified.
    pub async fn iati_published_identifier(&self, org: OrgId) -> Result<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT p.organisation_identifier FROM iati_publications p \
             JOIN organizations o ON o.id = p.organization_id \
             WHERE p.organization_id = $1 AND p.published = 1 AND o.status = 'verified'",
        )
        .bind(org.0)
        .fetch_optional(self.reader())
        .await?;
        Ok(row.map(|(identifier,)| identifier))
    }

    /// Publishes the scoped association's file, in one statement that refuses an association
    /// not verified (`organization_not_verified`). The first publication records
    /// `identifier`; later ones keep the recorded one.
    pub async fn publish_iati(
        &self,
        scope: &OrgScope,
        by: UserId,
        identifier: &str,
    ) -> Result<IatiPublication> {
        let at = now();
        let done = sqlx::query(
            "INSERT INTO iati_publications \
             (organization_id, organisation_identifier, published, first_published_at, changed_by, changed_at) \
             SELECT o.id, $2, 1, $3, $4, $3 FROM organizations o WHERE o.id = $1 AND o.status = 'verified' \
             ON CONFLICT (organization_id) DO UPDATE SET published = 1, changed_by = excluded.changed_by, \
             changed_at = excluded.changed_at",
        )
        .bind(scope.org_id().0)
        .bind(identifier)
        .bind(at)
        .bind(by.0)
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Refused(Refusal::OrganizationNotVerified));
        }
        self.iati_publication(scope.org_id())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Withdraws the scoped association's file (its identifier stays recorded). `None` when it
    /// was never published.
    pub async fn unpublish_iati(
        &self,
        scope: &OrgScope,
        by: UserId,
    ) -> Result<Option<IatiPublication>> {
        sqlx::query(
            "UPDATE iati_publications SET published = 0, changed_by = $2, changed_at = $3 \
             WHERE organization_id = $1",
        )
        .bind(scope.org_id().0)
        .bind(by.0)
        .bind(now())
        .execute(self.writer())
        .await?;
        self.iati_publication(scope.org_id()).await
    }

    /// The association's public campaigns (published or closed; drafts are not public),
    /// oldest first.
    pub async fn iati_campaigns(&self, org: OrgId) -> Result<Vec<IatiCampaign>> {
        let rows = sqlx::query(
            "SELECT id, title_ar, title_fr, purpose_ar, purpose_fr, starts_on, ends_on, emergency, \
             state, closed_at FROM campaigns \
             WHERE organization_id = $1 AND state IN ('published', 'closed') ORDER BY id",
        )
        .bind(org.0)
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|row| {
                let corrupt = StoreError::Corrupt;
                Ok(IatiCampaign {
                    id: row.try_get("id")?,
                    title_ar: row.try_get("title_ar")?,
                    title_fr: row.try_get("title_fr")?,
                    purpose_ar: row.try_get("purpose_ar")?,
                    purpose_fr: row.try_get("purpose_fr")?,
                    starts_on: date_column(row.try_get("starts_on")?)?
                        .ok_or(corrupt("starts_on"))?,
                    ends_on: date_column(row.try_get("ends_on")?)?.ok_or(corrupt("ends_on"))?,
                    emergency: row.try_get::<i64, _>("emergency")? != 0,
                    state: CampaignState::parse(&row.try_get::<String, _>("state")?)
                        .ok_or(corrupt("state"))?,
                    closed_at: row
                        .try_get::<Option<i64>, _>("closed_at")?
                        .map(to_datetime)
                        .transpose()?,
                })
            })
            .collect()
    }

    /// The association's programmes, oldest first.
    pub async fn iati_programmes(&self, org: OrgId) -> Result<Vec<IatiProgramme>> {
        let rows: Vec<(i64, String, String, Option<String>, i64)> = sqlx::query_as(
            "SELECT id, name_ar, name_fr, ends_on, created_at FROM programmes \
             WHERE organization_id = $1 ORDER BY id",
        )
        .bind(org.0)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|(id, name_ar, name_fr, ends_on, created_at)| {
                Ok(IatiProgramme {
                    id,
                    name_ar,
                    name_fr,
                    ends_on: date_column(ends_on)?,
                    created_at: to_datetime(created_at)?,
                })
            })
            .collect()
    }

    /// A campaign's confirmed money donations summed per day of confirmation (UTC): the
    /// figures of the ledger's donation income, never a donor.
    pub async fn iati_donations_per_day(&self, org: OrgId, campaign: i64) -> Result<Vec<DayTotal>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT CAST(COALESCE(confirmed_at, created_at) / 86400 AS BIGINT) AS day, \
             CAST(SUM(amount_centimes) AS BIGINT) FROM donations \
             WHERE organization_id = $1 AND campaign_id = $2 AND status = 'confirmed' AND kind = 'money' \
             GROUP BY CAST(COALESCE(confirmed_at, created_at) / 86400 AS BIGINT) ORDER BY day",
        )
        .bind(org.0)
        .bind(campaign)
        .fetch_all(self.reader())
        .await?;
        day_totals(rows)
    }

    /// A campaign's approved expenses, in the order they were approved.
    pub async fn iati_approved_expenses(
        &self,
        org: OrgId,
        campaign: i64,
    ) -> Result<Vec<IatiExpense>> {
        let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
            "SELECT id, COALESCE(decided_at, submitted_at), amount_centimes FROM expenses \
             WHERE organization_id = $1 AND campaign_id = $2 AND status = 'approved' \
             ORDER BY COALESCE(decided_at, submitted_at), id",
        )
        .bind(org.0)
        .bind(campaign)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|(id, at, centimes)| {
                Ok(IatiExpense {
                    id,
                    approved_on: day_of(at.div_euclid(SECONDS_PER_DAY))?,
                    centimes,
                })
            })
            .collect()
    }

    /// A programme's cash transfers paid (the bank's status report said so), summed per day of
    /// payment (UTC): never a household.
    pub async fn iati_transfers_per_day(
        &self,
        org: OrgId,
        programme: i64,
    ) -> Result<Vec<DayTotal>> {
        let rows: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT CAST(COALESCE(l.paid_at, l.updated_at) / 86400 AS BIGINT) AS day, \
             CAST(SUM(l.centimes) AS BIGINT) FROM payment_lines l \
             JOIN payment_batches b ON b.id = l.batch_id \
             JOIN cycles c ON c.id = b.cycle_id \
             WHERE b.organization_id = $1 AND c.programme_id = $2 AND l.status = 'paid' \
             GROUP BY CAST(COALESCE(l.paid_at, l.updated_at) / 86400 AS BIGINT) ORDER BY day",
        )
        .bind(org.0)
        .bind(programme)
        .fetch_all(self.reader())
        .await?;
        day_totals(rows)
    }

    /// The communes (HCP codes) of the households a programme enrolled, each once.
    pub async fn iati_programme_communes(&self, org: OrgId, programme: i64) -> Result<Vec<String>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT DISTINCT h.commune_code FROM enrollments e \
             JOIN households h ON h.id = e.household_id \
             WHERE e.programme_id = $2 AND h.organization_id = $1 ORDER BY h.commune_code",
        )
        .bind(org.0)
        .bind(programme)
        .fetch_all(self.reader())
        .await?;
        Ok(rows.into_iter().map(|(c,)| c).collect())
    }
}
