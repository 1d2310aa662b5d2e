//! The documents an association gives for its verification (statutes, the receipt of its
//! declaration, the list of its board): stored with their SHA-256, listed without their content,
//! read one at a time within the association's scope.

use crate::{now, to_datetime, Result, Store, StoreError};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use twiza_domain::organization::DocumentKind;
use twiza_domain::{OrgId, OrgScope, UserId};

/// A document as listed (its content is read apart).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgDocument {
    pub id: i64,
    pub org_id: OrgId,
    pub kind: DocumentKind,
    pub media_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by_name: String,
    pub uploaded_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: i64,
    organization_id: i64,
    kind: String,
    media_type: String,
    size_bytes: i64,
    sha256: String,
    uploaded_by_name: String,
    uploaded_at: i64,
}

/// The columns of a [`DocumentRow`], from `organization_documents` aliased `d` and its uploader
/// `users` aliased `u`.
const DOCUMENT_COLUMNS: &str = "d.id, d.organization_id, d.kind, d.media_type, d.size_bytes, \
     d.sha256, u.display_name AS uploaded_by_name, d.uploaded_at";

fn document_from(row: DocumentRow) -> Result<OrgDocument> {
    Ok(OrgDocument {
        id: row.id,
        org_id: OrgId(row.organization_id),
        kind: DocumentKind::parse(&row.kind).ok_or(StoreError::Corrupt("document kind"))?,
        media_type: row.media_type,
        size_bytes: row.size_bytes,
        sha256: row.sha256,
        uploaded_by_name: row.uploaded_by_name,
        uploaded_at: to_datetime(row.uploaded_at)?,
    })
}

impl Store {
    /// Adds a document to the scoped association; `media_type` was checked against the content.
    pub async fn add_organization_document(
        &self,
        scope: &OrgScope,
        kind: DocumentKind,
        media_type: &str,
        content: &[u8],
        by: UserId,
    ) -> Result<i64> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO organization_documents (organization_id, kind, media_type, size_bytes, \
             sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             RETURNING id",
        )
        .bind(scope.org_id().0)
        .bind(kind.as_str())
        .bind(media_type)
        .bind(content.len() as i64)
        .bind(hex::encode(Sha256::digest(content)))
        .bind(content)
        .bind(by.0)
        .bind(now())
        .fetch_one(self.writer())
        .await?;
        Ok(id)
    }

    /// The scoped association's documents, newest first.
    pub async fn organization_documents(&self, scope: &OrgScope) -> Result<Vec<OrgDocument>> {
        self.documents_where("d.organization_id = $1", Some(scope.org_id().0))
            .await
    }

    /// The documents of every association waiting for verification, newest first.
    pub async fn pending_organizations_documents(&self) -> Result<Vec<OrgDocument>> {
        self.documents_where(
            "d.organization_id IN (SELECT id FROM organizations WHERE status = 'pending')",
            None,
        )
        .await
    }

    /// The documents meeting `condition`, whose `$1` (if any) is `org`.
    async fn documents_where(&self, condition: &str, org: Option<i64>) -> Result<Vec<OrgDocument>> {
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM organization_documents d \
             JOIN users u ON u.id = d.uploaded_by WHERE {condition} ORDER BY d.id DESC LIMIT 500"
        );
        let mut query = sqlx::query_as::<_, DocumentRow>(&sql);
        if let Some(org) = org {
            query = query.bind(org);
        }
        let rows = query.fetch_all(self.reader()).await?;
        rows.into_iter().map(document_from).collect()
    }

    /// One document of the scoped association with its content; none if it is another's.
    pub async fn organization_document(
        &self,
        scope: &OrgScope,
        id: i64,
    ) -> Result<Option<(OrgDocument, Vec<u8>)>> {
        let sql = format!(
            "SELECT {DOCUMENT_COLUMNS} FROM organization_documents d \
             JOIN users u ON u.id = d.uploaded_by WHERE d.id = $1 AND d.organization_id = $2"
        );
        let Some(row) = sqlx::query_as::<_, DocumentRow>(&sql)
            .bind(id)
            .bind(scope.org_id().0)
            .fetch_optional(self.reader())
            .await?
        else {
            return Ok(None);
        };
        let (content,): (Vec<u8>,) =
            sqlx::query_as("SELECT content FROM organization_documents WHERE id = $1")
                .bind(id)
                .fetch_one(self.reader())
                .await?;
        Ok(Some((document_from(row)?, content)))
    }
}
