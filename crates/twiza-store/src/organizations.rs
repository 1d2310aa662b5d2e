//! Associations, their verification, the public directory, memberships and invitations.

use crate::{expect_one, now, refuse_on_unique, to_datetime, Result, Store, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use time::Date;
use twiza_domain::ids::InvitationId;
use twiza_domain::organization::{
    ActionDomain, NewOrganization, OrgStatus, Organization, Seat, VerificationDecision,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgId, OrgRole, OrgScope, UserId};

/// Columns of `organizations` read into an [`Organization`] (the logo bytes are read apart).
const ORG_COLUMNS: &str = "id, name_ar, name_fr, name_zgh, declaration_number, declaration_date, \
    region_code, province_code, commune_code, domains, email, phone, website, address, \
    description, status, rejection_reason, \
    CASE WHEN logo_type IS NULL THEN 0 ELSE 1 END AS has_logo, created_by, created_at, verified_at";

fn org_from_row(row: &AnyRow) -> Result<Organization> {
    let date_format = time::macros::format_description!("[year]-[month]-[day]");
    let date: String = row.try_get("declaration_date")?;
    let domains: String = row.try_get("domains")?;
    let status: String = row.try_get("status")?;
    let has_logo: i64 = row.try_get("has_logo")?;
    Ok(Organization {
        id: OrgId(row.try_get("id")?),
        name_ar: row.try_get("name_ar")?,
        name_fr: row.try_get("name_fr")?,
        name_zgh: row.try_get("name_zgh")?,
        declaration_number: row.try_get("declaration_number")?,
        declaration_date: Date::parse(&date, &date_format)
            .map_err(|_| StoreError::Corrupt("declaration_date"))?,
        seat: Seat {
            region_code: row.try_get("region_code")?,
            province_code: row.try_get("province_code")?,
            commune_code: row.try_get("commune_code")?,
        },
        domains: domains
            .split(',')
            .filter(|d| !d.is_empty())
            .map(|d| ActionDomain::parse(d).ok_or(StoreError::Corrupt("domains")))
            .collect::<Result<_>>()?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        website: row.try_get("website")?,
        address: row.try_get("address")?,
        description: row.try_get("description")?,
        status: OrgStatus::parse(&status).ok_or(StoreError::Corrupt("status"))?,
        rejection_reason: row.try_get("rejection_reason")?,
        has_logo: has_logo != 0,
        created_by: UserId(row.try_get("created_by")?),
        created_at: to_datetime(row.try_get("created_at")?)?,
        verified_at: row
            .try_get::<Option<i64>, _>("verified_at")?
            .map(to_datetime)
            .transpose()?,
    })
}

/// Domains are stored as `,relief,health,` so one `LIKE '%,x,%'` finds a domain.
fn domains_column(domains: &[ActionDomain]) -> String {
    let mut s = String::from(",");
    for d in domains {
        s.push_str(d.as_str());
        s.push(',');
    }
    s
}

/// Filters of the public directory. `query` must already be normalized for search.
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter {
    pub query: Option<String>,
    pub region_code: Option<String>,
    pub province_code: Option<String>,
    pub domain: Option<ActionDomain>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

/// One page of the directory.
#[derive(Debug, Clone)]
pub struct DirectoryPage {
    pub organizations: Vec<Organization>,
    pub total: i64,
}

/// An association a user belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    pub org_id: OrgId,
    pub role: OrgRole,
    pub name_ar: String,
    pub name_fr: String,
    pub status: OrgStatus,
}

/// A member as listed to the association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: UserId,
    pub display_name: String,
    /// Personal data: shown to the association's managers only.
    pub email: String,
    pub role: OrgRole,
}

/// An invitation to join an association.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: InvitationId,
    pub org_id: OrgId,
    pub org_name_fr: String,
    pub org_name_ar: String,
    pub email: String,
    pub role: OrgRole,
}

fn role_from(s: &str) -> Result<OrgRole> {
    OrgRole::parse(s).ok_or(StoreError::Corrupt("role"))
}

impl Store {
    /// Registers an association (pending verification) with its creator as owner, atomically.
    pub async fn create_organization(
        &self,
        org: &NewOrganization,
        search_text: &str,
        created_by: UserId,
    ) -> Result<OrgId> {
        let ids = self
            .create_organizations_batch(
                &[(org.clone(), search_text.to_owned())],
                created_by,
                OrgStatus::Pending,
            )
            .await?;
        ids.first()
            .copied()
            .ok_or(StoreError::Corrupt("organization id"))
    }

    /// Registers many associations in one transaction (imports, seeds, benchmarks), with the
    /// creator as owner of each; `status` is their verification status.
    pub async fn create_organizations_batch(
        &self,
        orgs: &[(NewOrganization, String)],
        created_by: UserId,
        status: OrgStatus,
    ) -> Result<Vec<OrgId>> {
        let mut tx = self.writer().begin().await?;
        let now = now();
        let verified_at = (status != OrgStatus::Pending).then_some(now);
        let mut ids = Vec::with_capacity(orgs.len());
        for (org, search_text) in orgs {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO organizations (name_ar, name_fr, name_zgh, declaration_number, \
                 declaration_date, region_code, province_code, commune_code, domains, email, phone, \
                 website, address, description, status, search_text, created_by, created_at, verified_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
                 RETURNING id",
            )
            .bind(&org.name_ar)
            .bind(&org.name_fr)
            .bind(&org.name_zgh)
            .bind(&org.declaration_number)
            .bind(org.declaration_date.to_string())
            .bind(&org.seat.region_code)
            .bind(&org.seat.province_code)
            .bind(&org.seat.commune_code)
            .bind(domains_column(&org.domains))
            .bind(org.email.as_ref().map(|e| e.as_str().to_owned()))
            .bind(&org.phone)
            .bind(&org.website)
            .bind(&org.address)
            .bind(&org.description)
            .bind(status.as_str())
            .bind(search_text)
            .bind(created_by.0)
            .bind(now)
            .bind(verified_at)
            .fetch_one(&mut *tx)
            .await
            .map_err(refuse_on_unique(Refusal::DeclarationNumberTaken))?;
            sqlx::query(
                "INSERT INTO memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(created_by.0)
            .bind(OrgRole::Owner.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            ids.push(OrgId(id));
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// One association, whatever its status. Callers decide who may see a non-verified one.
    pub async fn organization(&self, id: OrgId) -> Result<Option<Organization>> {
        let sql = format!("SELECT {ORG_COLUMNS} FROM organizations WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id.0)
            .fetch_optional(self.reader())
            .await?;
        row.as_ref().map(org_from_row).transpose()
    }

    pub async fn organization_logo(&self, id: OrgId) -> Result<Option<(String, Vec<u8>)>> {
        let row: Option<(Option<String>, Option<Vec<u8>>)> =
            sqlx::query_as("SELECT logo_type, logo FROM organizations WHERE id = $1")
                .bind(id.0)
                .fetch_optional(self.reader())
                .await?;
        Ok(match row {
            Some((Some(kind), Some(bytes))) => Some((kind, bytes)),
            _ => None,
        })
    }

    pub async fn set_organization_logo(
        &self,
        scope: &OrgScope,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<()> {
        let done = sqlx::query("UPDATE organizations SET logo_type = $1, logo = $2 WHERE id = $3")
            .bind(content_type)
            .bind(bytes.to_vec())
            .bind(scope.org_id().0)
            .execute(self.writer())
            .await?;
        expect_one(done)
    }

    /// Verified associations matching the filter, ordered by French name.
    pub async fn directory(&self, filter: &DirectoryFilter) -> Result<DirectoryPage> {
        let mut conditions = vec!["status = 'verified'".to_owned()];
        let mut params: Vec<String> = Vec::new();
        let mut add = |sql: &str, value: String| {
            params.push(value);
            conditions.push(sql.replace('?', &format!("${}", params.len())));
        };
        if let Some(q) = filter.query.as_deref().filter(|q| !q.is_empty()) {
            add("search_text LIKE ?", format!("%{}%", escape_like(q)));
        }
        if let Some(r) = &filter.region_code {
            add("region_code = ?", r.clone());
        }
        if let Some(p) = &filter.province_code {
            add("province_code = ?", p.clone());
        }
        if let Some(d) = filter.domain {
            add("domains LIKE ?", format!("%,{},%", d.as_str()));
        }
        let where_clause = conditions.join(" AND ");
        let count_sql = format!("SELECT COUNT(*) FROM organizations WHERE {where_clause}");
        let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
        for p in &params {
            count = count.bind(p);
        }
        let (total,) = count.fetch_one(self.reader()).await?;

        let per_page = filter.per_page.clamp(1, 100);
        let offset = i64::from(filter.page.max(1) - 1) * i64::from(per_page);
        let page_sql = format!(
            "SELECT {ORG_COLUMNS} FROM organizations WHERE {where_clause} \
             ORDER BY name_fr, id LIMIT {per_page} OFFSET {offset}"
        );
        let mut page = sqlx::query(&page_sql);
        for p in &params {
            page = page.bind(p);
        }
        let rows = page.fetch_all(self.reader()).await?;
        Ok(DirectoryPage {
            organizations: rows.iter().map(org_from_row).collect::<Result<_>>()?,
            total,
        })
    }

    /// Associations waiting for verification, oldest first.
    pub async fn pending_organizations(&self, limit: u32) -> Result<Vec<Organization>> {
        let sql = format!(
            "SELECT {ORG_COLUMNS} FROM organizations WHERE status = 'pending' \
             ORDER BY created_at, id LIMIT {}",
            limit.min(500)
        );
        let rows = sqlx::query(&sql).fetch_all(self.reader()).await?;
        rows.iter().map(org_from_row).collect()
    }

    /// Records a platform admin's decision on a pending association.
    pub async fn decide_verification(
        &self,
        id: OrgId,
        decision: &VerificationDecision,
        by: UserId,
    ) -> Result<()> {
        let (status, reason) = match decision {
            VerificationDecision::Verify => (OrgStatus::Verified, None),
            VerificationDecision::Reject { reason } => (OrgStatus::Rejected, Some(reason.as_str())),
        };
        let done = sqlx::query(
            "UPDATE organizations SET status = $1, rejection_reason = $2, verified_at = $3, \
             verified_by = $4 WHERE id = $5 AND status = 'pending'",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(now())
        .bind(by.0)
        .bind(id.0)
        .execute(self.writer())
        .await?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
        match self.organization(id).await? {
            Some(_) => Err(StoreError::Refused(Refusal::InvalidStatusChange)),
            None => Err(StoreError::NotFound),
        }
    }

    /// The user's role in the association, if a member.
    pub async fn membership(&self, org_id: OrgId, user_id: UserId) -> Result<Option<OrgRole>> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2",
        )
        .bind(org_id.0)
        .bind(user_id.0)
        .fetch_optional(self.reader())
        .await?;
        row.map(|(r,)| role_from(&r)).transpose()
    }

    /// The associations a user belongs to.
    pub async fn memberships_of(&self, user_id: UserId) -> Result<Vec<MembershipRow>> {
        let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT o.id, m.role, o.name_ar, o.name_fr, o.status FROM memberships m \
             JOIN organizations o ON o.id = m.organization_id \
             WHERE m.user_id = $1 ORDER BY o.name_fr, o.id LIMIT 500",
        )
        .bind(user_id.0)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|(id, role, name_ar, name_fr, status)| {
                Ok(MembershipRow {
                    org_id: OrgId(id),
                    role: role_from(&role)?,
                    name_ar,
                    name_fr,
                    status: OrgStatus::parse(&status).ok_or(StoreError::Corrupt("status"))?,
                })
            })
            .collect()
    }

    /// Members of the scoped association.
    pub async fn members(&self, scope: &OrgScope) -> Result<Vec<Member>> {
        let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT u.id, u.display_name, u.email, m.role FROM memberships m \
             JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 \
             ORDER BY m.created_at, u.id LIMIT 1000",
        )
        .bind(scope.org_id().0)
        .fetch_all(self.reader())
        .await?;
        rows.into_iter()
            .map(|(id, display_name, email, role)| {
                Ok(Member {
                    user_id: UserId(id),
                    display_name,
                    email,
                    role: role_from(&role)?,
                })
            })
            .collect()
    }

    /// Invites an e-mail address into the scoped association (without a link: the invitee
    /// finds it among their invitations once signed in with that address).
    pub async fn invite(
        &self,
        scope: &OrgScope,
        email: &str,
        role: OrgRole,
        invited_by: UserId,
    ) -> Result<InvitationId> {
        let mut tx = self.writer().begin().await?;
        let id = insert_invitation(&mut tx, scope, email, role, invited_by, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Open invitations of the scoped association.
    pub async fn invitations(&self, scope: &OrgScope) -> Result<Vec<Invitation>> {
        self.invitations_where("i.organization_id = $1", InvitationKey::Org(scope.org_id()))
            .await
    }

    /// Open invitations addressed to this (normalized) e-mail.
    pub async fn invitations_for(&self, email: &str) -> Result<Vec<Invitation>> {
        self.invitations_where("i.email = $1", InvitationKey::Email(email))
            .await
    }

    async fn invitations_where(
        &self,
        condition: &str,
        key: InvitationKey<'_>,
    ) -> Result<Vec<Invitation>> {
        let sql = format!(
            "SELECT i.id, i.organization_id, o.name_fr, o.name_ar, i.email, i.role \
             FROM invitations i JOIN organizations o ON o.id = i.organization_id \
             WHERE {condition} AND i.accepted_at IS NULL ORDER BY i.id LIMIT 500"
        );
        let query = sqlx::query_as::<_, (i64, i64, String, String, String, String)>(&sql);
        let query = match key {
            InvitationKey::Org(id) => query.bind(id.0),
            InvitationKey::Email(email) => query.bind(email.to_owned()),
        };
        let rows = query.fetch_all(self.reader()).await?;
        rows.into_iter()
            .map(|(id, org, name_fr, name_ar, email, role)| {
                Ok(Invitation {
                    id: InvitationId(id),
                    org_id: OrgId(org),
                    org_name_fr: name_fr,
                    org_name_ar: name_ar,
                    email,
                    role: role_from(&role)?,
                })
            })
            .collect()
    }

    /// Accepts an invitation addressed to `email` on behalf of `user_id`, atomically.
    pub async fn accept_invitation(
        &self,
        id: InvitationId,
        user_id: UserId,
        email: &str,
    ) -> Result<OrgId> {
        let mut tx = self.writer().begin().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "SELECT organization_id, role FROM invitations \
             WHERE id = $1 AND email = $2 AND accepted_at IS NULL",
        )
        .bind(id.0)
        .bind(email)
        .fetch_optional(&mut *tx)
        .await?;
        let (org_id, role) = row.ok_or(StoreError::NotFound)?;
        let now = now();
        sqlx::query("UPDATE invitations SET accepted_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(org_id)
        .bind(user_id.0)
        .bind(role)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(refuse_on_unique(Refusal::AlreadyMember))?;
        tx.commit().await?;
        Ok(OrgId(org_id))
    }

    /// Adds a member directly (used by the demo seed and administrative tools).
    pub async fn add_member(&self, scope: &OrgScope, user_id: UserId, role: OrgRole) -> Result<()> {
        sqlx::query(
            "INSERT INTO memberships (organization_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.org_id().0)
        .bind(user_id.0)
        .bind(role.as_str())
        .bind(now())
        .execute(self.writer())
        .await
        .map_err(refuse_on_unique(Refusal::AlreadyMember))?;
        Ok(())
    }
}

/// Writes an invitation on `conn` (in the caller's transaction), with its one-time link's hash
/// and expiry if it has one: refused when the address already belongs to a member or has an
/// open invitation.
pub(crate) async fn insert_invitation(
    conn: &mut sqlx::AnyConnection,
    scope: &OrgScope,
    email: &str,
    role: OrgRole,
    invited_by: UserId,
    link: Option<crate::LinkHash<'_>>,
) -> Result<InvitationId> {
    let member: Option<(i64,)> = sqlx::query_as(
        "SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organization_id = $1 AND u.email = $2",
    )
    .bind(scope.org_id().0)
    .bind(email)
    .fetch_optional(&mut *conn)
    .await?;
    if member.is_some() {
        return Err(StoreError::Refused(Refusal::AlreadyMember));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO invitations (organization_id, email, role, invited_by, created_at, \
         token_hash, token_expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(scope.org_id().0)
    .bind(email)
    .bind(role.as_str())
    .bind(invited_by.0)
    .bind(now())
    .bind(link.map(|l| l.token_hash.to_owned()))
    .bind(link.map(|l| l.expires_at))
    .fetch_one(&mut *conn)
    .await
    .map_err(refuse_on_unique(Refusal::AlreadyInvited))?;
    Ok(InvitationId(id))
}

enum InvitationKey<'a> {
    Org(OrgId),
    Email(&'a str),
}

/// Drops LIKE wildcards and the escape character from a search query, so a query can never widen
/// the match (normalized search text never contains them).
pub(crate) fn escape_like(q: &str) -> String {
    q.chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect()
}

impl Store {
    /// Invites an e-mail address into the scoped association with a one-time link (its hash
    /// and expiry) and queues the message that carries it, in one transaction.
    pub async fn invite_with_link(
        &self,
        scope: &OrgScope,
        email: &str,
        role: OrgRole,
        invited_by: UserId,
        link: crate::LinkHash<'_>,
        mail: &crate::NewMail,
    ) -> Result<InvitationId> {
        let mut tx = self.writer().begin().await?;
        let id = insert_invitation(&mut tx, scope, email, role, invited_by, Some(link)).await?;
        crate::mail_outbox::queue_mail_in(&mut tx, mail).await?;
        tx.commit().await?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_cannot_be_widened() {
        assert_eq!(escape_like("a%b_c\\"), "abc");
        assert_eq!(
            domains_column(&[ActionDomain::Relief, ActionDomain::Health]),
            ",relief,health,"
        );
    }
}
