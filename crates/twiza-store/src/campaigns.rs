//! Fundraising campaigns and their Law 18-18 authorization; grants and closings are logged.

use crate::logged::{campaign_authorized_leaf, campaign_closed_leaf, AuthorizedCampaign};
use crate::tlog::{append_one, NewLeaf};
use crate::{now, refuse_on_unique, to_datetime, Result, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use time::{Date, OffsetDateTime};
use twiza_domain::campaign::{
    parse_date, AuthorizationStatus, CampaignScope, CampaignState, NewCampaign,
};
use twiza_domain::competence::{may_decide, Competence, CompetenceKind};
use twiza_domain::money::Amount;
use twiza_domain::Refusal;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole, UserId};

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: i64,
    pub org_id: OrgId,
    pub code: String,
    pub title_ar: String,
    pub title_fr: String,
    pub purpose_ar: String,
    pub purpose_fr: String,
    pub goal: Amount,
    pub starts_on: Date,
    pub ends_on: Date,
    pub scope: CampaignScope,
    pub bank_account: String,
    pub emergency: bool,
    pub state: CampaignState,
    pub authorization: Authorization,
    pub created_at: OffsetDateTime,
}

/// The Law 18-18 authorization of a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    pub status: AuthorizationStatus,
    pub reference: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub refusal_reason: Option<String>,
    pub decided_by: Option<UserId>,
    /// SHA-256 (hex) of the decision's document, if one was recorded.
    pub document_sha256: Option<String>,
}

/// A decision on an authorization, by an authority in Twiza or recorded from a paper decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizationDecision {
    Grant {
        reference: String,
        valid_from: Date,
        valid_to: Date,
    },
    Refuse {
        reason: String,
    },
}

/// A campaign waiting for its authorization, as an authority's queue lists it: the campaign and
/// the association that asks, whose seat decides the competent authority's territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationRequest {
    pub campaign: Campaign,
    pub organization_name_ar: String,
    pub organization_name_fr: String,
    /// HCP code of the province of the association's seat.
    pub province_code: String,
    /// HCP code of the region of the association's seat.
    pub region_code: String,
}

/// Whose authorization requests a queue lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestsIn<'a> {
    /// Every request (a platform admin recording paper decisions).
    All,
    /// The requests this competence covers ([`Competence::covers`]).
    Competence(&'a Competence),
}

/// What deciding an authorization checks first: the campaign's scope, its association's seat
/// and the decider's platform role and competence.
#[derive(sqlx::FromRow)]
struct DecisionContext {
    scope: String,
    province_code: String,
    region_code: String,
    platform_role: Option<String>,
    competence_kind: Option<String>,
    competence_code: Option<String>,
}

const COLUMNS: &str = "id, organization_id, code, title_ar, title_fr, purpose_ar, purpose_fr, \
    goal_centimes, starts_on, ends_on, scope, bank_account, emergency, state, auth_status, \
    auth_reference, auth_valid_from, auth_valid_to, auth_refusal_reason, auth_decided_by, \
    auth_document_sha256, created_at";

fn date_of(row: &AnyRow, column: &str) -> Result<Option<Date>> {
    let raw: Option<String> = row.try_get(column)?;
    raw.map(|d| parse_date("date", &d).map_err(|_| StoreError::Corrupt("date")))
        .transpose()
}

fn campaign_from_row(row: &AnyRow) -> Result<Campaign> {
    let corrupt = StoreError::Corrupt;
    Ok(Campaign {
        id: row.try_get("id")?,
        org_id: OrgId(row.try_get("organization_id")?),
        code: row.try_get("code")?,
        title_ar: row.try_get("title_ar")?,
        title_fr: row.try_get("title_fr")?,
        purpose_ar: row.try_get("purpose_ar")?,
        purpose_fr: row.try_get("purpose_fr")?,
        goal: Amount::from_centimes(row.try_get("goal_centimes")?).ok_or(corrupt("goal"))?,
        starts_on: date_of(row, "starts_on")?.ok_or(corrupt("starts_on"))?,
        ends_on: date_of(row, "ends_on")?.ok_or(corrupt("ends_on"))?,
        scope: CampaignScope::parse(&row.try_get::<String, _>("scope")?).ok_or(corrupt("scope"))?,
        bank_account: row.try_get("bank_account")?,
        emergency: row.try_get::<i64, _>("emergency")? != 0,
        state: CampaignState::parse(&row.try_get::<String, _>("state")?).ok_or(corrupt("state"))?,
        authorization: Authorization {
            status: AuthorizationStatus::parse(&row.try_get::<String, _>("auth_status")?)
                .ok_or(corrupt("auth_status"))?,
            reference: row.try_get("auth_reference")?,
            valid_from: date_of(row, "auth_valid_from")?,
            valid_to: date_of(row, "auth_valid_to")?,
            refusal_reason: row.try_get("auth_refusal_reason")?,
            decided_by: row
                .try_get::<Option<i64>, _>("auth_decided_by")?
                .map(UserId),
            document_sha256: row.try_get("auth_document_sha256")?,
        },
        created_at: to_datetime(row.try_get("created_at")?)?,
    })
}

impl Store {
    /// Opens a campaign in draft with its authorization requested. `code` must be unique; a
    /// collision is `Refused(Refusal::CampaignCodeTaken)` and the caller draws another.
    pub async fn create_campaign(
        &self,
        scope: &OrgScope,
        campaign: &NewCampaign,
        code: &str,
        created_by: UserId,
    ) -> Result<i64> {
        self.create_campaign_once(scope, campaign, code, created_by, None)
            .await
    }

    /// Opens a campaign; a form's `creation_key` seen before in the association answers the
    /// campaign it opened then, so that the same form sent twice opens one campaign.
    pub async fn create_campaign_once(
        &self,
        scope: &OrgScope,
        campaign: &NewCampaign,
        code: &str,
        created_by: UserId,
        creation_key: Option<&str>,
    ) -> Result<i64> {
        let created: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO campaigns (organization_id, code, title_ar, title_fr, purpose_ar, purpose_fr, \
             goal_centimes, starts_on, ends_on, scope, bank_account, emergency, state, auth_status, \
             created_by, created_at, creation_key) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) \
             ON CONFLICT (organization_id, creation_key) DO NOTHING RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(code)
        .bind(&campaign.title_ar)
        .bind(&campaign.title_fr)
        .bind(&campaign.purpose_ar)
        .bind(&campaign.purpose_fr)
        .bind(campaign.goal.centimes())
        .bind(campaign.starts_on.to_string())
        .bind(campaign.ends_on.to_string())
        .bind(campaign.scope.as_str())
        .bind(&campaign.bank_account)
        .bind(i64::from(campaign.emergency))
        .bind(CampaignState::Draft.as_str())
        .bind(AuthorizationStatus::Requested.as_str())
        .bind(created_by.0)
        .bind(now())
        .bind(creation_key)
        .fetch_optional(self.writer())
        .await
        .map_err(refuse_on_unique(Refusal::CampaignCodeTaken))?;
        if let Some((id,)) = created {
            return Ok(id);
        }
        let (id,): (i64,) = sqlx::query_as(
            "SELECT id FROM campaigns WHERE organization_id = $1 AND creation_key = $2",
        )
        .bind(scope.org_id().0)
        .bind(creation_key)
        .fetch_one(self.writer())
        .await?;
        Ok(id)
    }

    /// Keeps the file of a campaign's authorization request (media type, bytes, SHA-256 in
    /// hex), replacing an earlier one, while the authority has not decided
    /// (`authorization_decided` after).
    pub async fn record_request_document(
        &self,
        campaign_id: i64,
        media_type: &str,
        content: &[u8],
        sha256: &str,
        by: UserId,
    ) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let status: Option<(String,)> =
            sqlx::query_as("SELECT auth_status FROM campaigns WHERE id = $1")
                .bind(campaign_id)
                .fetch_optional(&mut *tx)
                .await?;
        match status {
            None => return Err(StoreError::NotFound),
            Some((s,)) if s != AuthorizationStatus::Requested.as_str() => {
                return Err(StoreError::Refused(Refusal::AuthorizationDecided))
            }
            Some(_) => {}
        }
        sqlx::query(
            "INSERT INTO authorization_request_documents \
             (campaign_id, media_type, content, sha256, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (campaign_id) DO UPDATE SET media_type = excluded.media_type, \
             content = excluded.content, sha256 = excluded.sha256, \
             uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at",
        )
        .bind(campaign_id)
        .bind(media_type)
        .bind(content)
        .bind(sha256)
        .bind(by.0)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// What is known of a request's file without reading it: (media type, SHA-256 in hex,
    /// size in bytes).
    pub async fn request_document_info(
        &self,
        campaign_id: i64,
    ) -> Result<Option<(String, String, i64)>> {
        Ok(sqlx::query_as(
            "SELECT media_type, sha256, CAST(LENGTH(content) AS BIGINT) FROM authorization_request_documents \
             WHERE campaign_id = $1",
        )
        .bind(campaign_id)
        .fetch_optional(self.reader())
        .await?)
    }

    /// The file of a campaign's authorization request: (media type, bytes).
    pub async fn request_document(&self, campaign_id: i64) -> Result<Option<(String, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT media_type, content FROM authorization_request_documents WHERE campaign_id = $1",
        )
        .bind(campaign_id)
        .fetch_optional(self.reader())
        .await?)
    }

    /// One campaign, whatever its state. Callers decide who may see a draft.
    pub async fn campaign(&self, id: i64) -> Result<Option<Campaign>> {
        let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(campaign_from_row).transpose()
    }

    /// The association of a campaign and `user`'s role in it, in one read: the authorization
    /// layer's question for every campaign route. `None` if there is no such campaign.
    pub async fn campaign_membership(
        &self,
        campaign_id: i64,
        user: UserId,
    ) -> Result<Option<(OrgId, Option<OrgRole>)>> {
        let row: Option<(i64, Option<String>)> = sqlx::query_as(
            "SELECT c.organization_id, m.role FROM campaigns c \
             LEFT JOIN memberships m ON m.organization_id = c.organization_id AND m.user_id = $2 \
             WHERE c.id = $1",
        )
        .bind(campaign_id)
        .bind(user.0)
        .fetch_optional(self.reader())
        .await?;
        let Some((org, role)) = row else {
            return Ok(None);
        };
        let role = match role {
            Some(r) => Some(OrgRole::parse(&r).ok_or(StoreError::Corrupt("role"))?),
            None => None,
        };
        Ok(Some((OrgId(org), role)))
    }

    /// The document recorded with a campaign's authorization: (media type, bytes).
    pub async fn authorization_document(
        &self,
        campaign_id: i64,
    ) -> Result<Option<(String, Vec<u8>)>> {
        Ok(sqlx::query_as(
            "SELECT media_type, content FROM authorization_documents WHERE campaign_id = $1",
        )
        .bind(campaign_id)
        .fetch_optional(self.reader())
        .await?)
    }

    pub async fn campaign_by_code(&self, code: &str) -> Result<Option<Campaign>> {
        let sql = format!("SELECT {COLUMNS} FROM campaigns WHERE code = $1");
        let row = sqlx::query(&sql)
            .bind(code)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(campaign_from_row).transpose()
    }

    /// The scoped association's campaigns, newest first.
    pub async fn campaigns_of(&self, scope: &OrgScope) -> Result<Vec<Campaign>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM campaigns WHERE organization_id = $1 ORDER BY id DESC LIMIT 500"
        );
        let rows = sqlx::query(&sql)
            .bind(scope.org_id().0)
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(campaign_from_row).collect()
    }

    /// The authorization requests still waiting in `of`, oldest first, after the campaign id
    /// `after` (keyset pages of at most `limit`).
    pub async fn authorization_requests(
        &self,
        of: RequestsIn<'_>,
        after: i64,
        limit: i64,
    ) -> Result<Vec<AuthorizationRequest>> {
        let columns: Vec<String> = COLUMNS
            .split(", ")
            .map(|c| format!("c.{c} AS {c}"))
            .collect();
        let mut sql = format!(
            "SELECT {}, o.name_ar AS organization_name_ar, o.name_fr AS organization_name_fr, \
             o.province_code AS seat_province, o.region_code AS seat_region \
             FROM campaigns c JOIN organizations o ON o.id = c.organization_id \
             WHERE c.auth_status = 'requested' AND c.id > $1",
            columns.join(", ")
        );
        // The same rule as `Competence::covers`, in SQL (a store test checks they agree).
        let (scope, code) = match of {
            RequestsIn::All => (None, None),
            RequestsIn::Competence(c) => (Some(c.kind().scope()), c.code()),
        };
        let mut next = 2;
        if scope.is_some() {
            sql.push_str(&format!(" AND c.scope = ${next}"));
            next += 1;
        }
        if let RequestsIn::Competence(c) = of {
            match c.kind() {
                CompetenceKind::Province => {
                    sql.push_str(&format!(" AND o.province_code = ${next}"));
                    next += 1;
                }
                CompetenceKind::Region => {
                    sql.push_str(&format!(" AND o.region_code = ${next}"));
                    next += 1;
                }
                CompetenceKind::National | CompetenceKind::Abroad => {}
            }
        }
        sql.push_str(&format!(" ORDER BY c.id LIMIT ${next}"));
        let mut query = sqlx::query(&sql).bind(after);
        if let Some(scope) = scope {
            query = query.bind(scope.as_str());
        }
        if let Some(code) = code {
            query = query.bind(code);
        }
        let rows = query.bind(limit).fetch_all(self.reader()).await?;
        rows.iter()
            .map(|row| {
                Ok(AuthorizationRequest {
                    campaign: campaign_from_row(row)?,
                    organization_name_ar: row.try_get("organization_name_ar")?,
                    organization_name_fr: row.try_get("organization_name_fr")?,
                    province_code: row.try_get("seat_province")?,
                    region_code: row.try_get("seat_region")?,
                })
            })
            .collect()
    }

    /// Records the authorization decision on a requested authorization. A grant is appended to
    /// the transparency log in the same transaction.
    ///
    /// `by` decides only a campaign in their competence (an authority) or records a paper
    /// decision (a platform admin); anyone else is `Refused(Refusal::OutsideCompetence)`, and
    /// nothing is written (see [`twiza_domain::competence::may_decide`]).
    pub async fn decide_authorization(
        &self,
        id: i64,
        decision: &AuthorizationDecision,
        by: UserId,
    ) -> Result<()> {
        self.decide_authorization_with_document(id, decision, None, by)
            .await
    }

    /// [`Store::decide_authorization`], keeping the decision's document (media type, bytes) with
    /// a grant; its SHA-256 goes into the logged leaf.
    pub async fn decide_authorization_with_document(
        &self,
        id: i64,
        decision: &AuthorizationDecision,
        document: Option<(&str, &[u8])>,
        by: UserId,
    ) -> Result<()> {
        let (status, reference, from, to, reason) = match decision {
            AuthorizationDecision::Grant {
                reference,
                valid_from,
                valid_to,
            } => (
                AuthorizationStatus::Granted,
                Some(reference.clone()),
                Some(valid_from.to_string()),
                Some(valid_to.to_string()),
                None,
            ),
            AuthorizationDecision::Refuse { reason } => (
                AuthorizationStatus::Refused,
                None,
                None,
                None,
                Some(reason.clone()),
            ),
        };
        let at = now();
        let mut tx = self.writer().begin().await?;
        let seen: Option<DecisionContext> = sqlx::query_as(
            "SELECT c.scope AS scope, o.province_code AS province_code, o.region_code AS region_code, \
             u.platform_role AS platform_role, u.competence_kind AS competence_kind, \
             u.competence_code AS competence_code \
             FROM campaigns c JOIN organizations o ON o.id = c.organization_id \
             LEFT JOIN users u ON u.id = $2 WHERE c.id = $1",
        )
        .bind(id)
        .bind(by.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(seen) = seen else {
            return Err(StoreError::NotFound);
        };
        let role = match seen.platform_role {
            Some(r) => Some(PlatformRole::parse(&r).ok_or(StoreError::Corrupt("platform_role"))?),
            None => None,
        };
        let competence = match seen.competence_kind {
            Some(kind) => Some(
                Competence::parse(&kind, seen.competence_code.as_deref())
                    .map_err(|_| StoreError::Corrupt("competence"))?,
            ),
            None => None,
        };
        may_decide(
            role,
            competence.as_ref(),
            CampaignScope::parse(&seen.scope).ok_or(StoreError::Corrupt("scope"))?,
            &seen.province_code,
            &seen.region_code,
        )
        .map_err(StoreError::Refused)?;
        let done = sqlx::query(
            "UPDATE campaigns SET auth_status = $1, auth_reference = $2, auth_valid_from = $3, \
             auth_valid_to = $4, auth_refusal_reason = $5, auth_decided_by = $6, auth_decided_at = $7 \
             WHERE id = $8 AND auth_status = 'requested'",
        )
        .bind(status.as_str())
        .bind(&reference)
        .bind(&from)
        .bind(&to)
        .bind(reason)
        .bind(by.0)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            drop(tx);
            return match self.campaign(id).await? {
                Some(_) => Err(StoreError::Refused(Refusal::AuthorizationDecided)),
                None => Err(StoreError::NotFound),
            };
        }
        if let (Some(reference), Some(from), Some(to)) = (reference, from, to) {
            let document_sha256 = match document {
                Some((media_type, bytes)) => {
                    use sha2::{Digest, Sha256};
                    let sha256 = hex::encode(Sha256::digest(bytes));
                    sqlx::query(
                        "INSERT INTO authorization_documents (campaign_id, media_type, content, uploaded_by, uploaded_at) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(id)
                    .bind(media_type)
                    .bind(bytes.to_vec())
                    .bind(by.0)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("UPDATE campaigns SET auth_document_sha256 = $1 WHERE id = $2")
                        .bind(&sha256)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    Some(sha256)
                }
                None => None,
            };
            let (code, org, scope, goal, emergency): (String, i64, String, i64, i64) = sqlx::query_as(
                "SELECT code, organization_id, scope, goal_centimes, emergency FROM campaigns WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let bytes = campaign_authorized_leaf(&AuthorizedCampaign {
                id,
                at,
                code: &code,
                organization_id: org,
                scope: CampaignScope::parse(&scope).ok_or(StoreError::Corrupt("scope"))?,
                reference: &reference,
                valid_from: &from,
                valid_to: &to,
                goal: Amount::from_centimes(goal).ok_or(StoreError::Corrupt("goal"))?,
                emergency: emergency != 0,
                document: document_sha256.as_deref(),
            });
            let leaf = NewLeaf {
                kind: "campaign_authorized",
                ref_id: id,
                bytes,
                at,
            };
            append_one(&mut tx, self.backend(), leaf).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Moves a campaign of the scoped association from `from` to `to` (publish, close).
    pub async fn set_campaign_state(
        &self,
        scope: &OrgScope,
        id: i64,
        from: CampaignState,
        to: CampaignState,
    ) -> Result<()> {
        let column = match to {
            CampaignState::Published => "published_at",
            CampaignState::Closed => "closed_at",
            CampaignState::Draft => return Err(StoreError::Refused(Refusal::InvalidCampaignState)),
        };
        let at = now();
        let sql = format!(
            "UPDATE campaigns SET state = $1, {column} = $2 WHERE id = $3 AND organization_id = $4 AND state = $5 \
             RETURNING code"
        );
        let mut tx = self.writer().begin().await?;
        let done: Option<(String,)> = sqlx::query_as(&sql)
            .bind(to.as_str())
            .bind(at)
            .bind(id)
            .bind(scope.org_id().0)
            .bind(from.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        let Some((code,)) = done else {
            drop(tx);
            return match self.campaign(id).await? {
                Some(c) if c.org_id == scope.org_id() => {
                    Err(StoreError::Refused(Refusal::InvalidCampaignState))
                }
                _ => Err(StoreError::NotFound),
            };
        };
        if to == CampaignState::Closed {
            let leaf = NewLeaf {
                kind: "campaign_closed",
                ref_id: id,
                bytes: campaign_closed_leaf(id, at, &code),
                at,
            };
            append_one(&mut tx, self.backend(), leaf).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
