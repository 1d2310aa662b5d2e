//! Associations: where an association sits, who sees its inside, its verification and the
//! documents it gives for it, the public directory's query, and the invitations of new members.

use crate::accounts::{new_secret, sha256_hex};
use crate::error::{Error, Result};
use crate::mail::{recipient_locale, Mail};
use serde::Deserialize;
use twiza_domain::account::Email;
use twiza_domain::ids::InvitationId;
use twiza_domain::organization::{
    parse_document, ActionDomain, DocumentKind, Seat, VerificationDecision,
};
use twiza_domain::tenancy::ScopeGrant;
use twiza_domain::{FieldError, OrgId, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_i18n::{Arg, Locale};
use twiza_store::{DirectoryFilter, Invitation, LinkHash, OrgDocument, Store, User};

/// Checks HCP codes against the reference geography: the commune must lie in the province, and
/// the province in the region.
pub fn parse_seat(region: &str, province: &str, commune: &str) -> Result<Seat, Vec<FieldError>> {
    let geo = twiza_geo::geo();
    let mut errors = Vec::new();
    let region = twiza_geo::RegionCode::parse(region.trim())
        .map_err(|_| errors.push(FieldError::new("region_code", "invalid_region")))
        .ok();
    let province = twiza_geo::ProvinceCode::parse(province.trim())
        .map_err(|_| errors.push(FieldError::new("province_code", "invalid_province")))
        .ok();
    let commune = twiza_geo::CommuneCode::parse(commune.trim())
        .map_err(|_| errors.push(FieldError::new("commune_code", "invalid_commune")))
        .ok();
    let (Some(region), Some(province), Some(commune)) = (region, province, commune) else {
        return Err(errors);
    };
    let consistent = geo
        .commune(&commune)
        .is_some_and(|c| c.province_code == province)
        && geo
            .province(&province)
            .is_some_and(|p| p.region_code == region);
    if !consistent {
        return Err(vec![FieldError::new("commune_code", "location_mismatch")]);
    }
    Ok(Seat {
        region_code: region.as_str().to_owned(),
        province_code: province.as_str().to_owned(),
        commune_code: commune.as_str().to_owned(),
    })
}

/// Whether the caller sees the association's non-public side (members and platform staff).
pub async fn is_insider(store: &Store, viewer: Option<&User>, id: OrgId) -> Result<bool> {
    let Some(user) = viewer else {
        return Ok(false);
    };
    if user.platform_role.is_some() {
        return Ok(true);
    }
    Ok(store.membership(id, user.id).await?.is_some())
}

/// Parses a verification decision from its raw parts.
pub fn parse_decision(
    decision: Option<&str>,
    reason: Option<&str>,
) -> Result<VerificationDecision> {
    match decision.unwrap_or("verify") {
        "verify" => Ok(VerificationDecision::Verify),
        "reject" => {
            let reason =
                twiza_domain::text::parse_text("reason", reason.unwrap_or_default(), 1000)?;
            Ok(VerificationDecision::Reject { reason })
        }
        _ => Err(FieldError::new("decision", "validation").into()),
    }
}

/// Parses an invitation's e-mail and role, naming every invalid field.
pub fn parse_invitation(email: &str, role: &str) -> Result<(Email, OrgRole)> {
    let email = Email::parse(email);
    let role = OrgRole::parse(role.trim()).ok_or(FieldError::new("role", "invalid_role"));
    match (email, role) {
        (Ok(e), Ok(r)) => Ok((e, r)),
        (e, r) => Err(Error::Invalid(
            [e.err(), r.err()].into_iter().flatten().collect(),
        )),
    }
}

/// How long an invitation's link works.
pub const INVITATION_LINK_SECS: i64 = 14 * 24 * 3600;

/// Invites someone to the scoped association after checking the inviter may grant the role:
/// only an owner (or the platform admin) may invite another owner. With e-mail on, the
/// invitation gets a one-time link (its hash stored, valid [`INVITATION_LINK_SECS`]) and the
/// message that carries it is queued in the same transaction, in the invitee's language if
/// they have an account that used one, else in `locale` (the inviter's).
pub async fn create_invitation(
    store: &Store,
    mail: &Mail,
    scope: &OrgScope,
    inviter: UserId,
    email: &Email,
    role: OrgRole,
    locale: Locale,
) -> Result<InvitationId> {
    let granter_is_owner = matches!(
        scope.grant(),
        ScopeGrant::Member(OrgRole::Owner) | ScopeGrant::Platform(PlatformRole::PlatformAdmin)
    );
    if role == OrgRole::Owner && !granter_is_owner {
        return Err(Error::Forbidden);
    }
    if !mail.is_on() {
        return Ok(store.invite(scope, email.as_str(), role, inviter).await?);
    }
    let org = store
        .organization(scope.org_id())
        .await?
        .ok_or(Error::NotFound)?;
    let locale = match store.user_by_email(email.as_str()).await? {
        Some(user) => recipient_locale(store.user_locale(user.id).await?.as_deref(), locale),
        None => locale,
    };
    let token = new_secret();
    let token_hash = sha256_hex(&token);
    let link = mail.link(&format!("/invitations/{token}"));
    let name = match locale {
        Locale::Ar | Locale::Zgh => &org.name_ar,
        _ => &org.name_fr,
    };
    let role_name = mail.text(locale, &format!("role-{}", role.as_str().replace('_', "-")));
    let message = mail.compose(
        locale,
        "invitation",
        format!("invitation:{token_hash}"),
        email.as_str(),
        &[
            ("association", Arg::Str(name)),
            ("role", Arg::Str(&role_name)),
            ("link", Arg::Str(&link)),
        ],
    );
    let hash = LinkHash {
        token_hash: &token_hash,
        expires_at: twiza_store::now() + INVITATION_LINK_SECS,
    };
    Ok(store
        .invite_with_link(scope, email.as_str(), role, inviter, hash, &message)
        .await?)
}

/// The open, unexpired invitation of a link's secret.
pub async fn invitation_of_link(store: &Store, token: &str) -> Result<Invitation> {
    store
        .invitation_by_link(&sha256_hex(token), twiza_store::now())
        .await?
        .ok_or(Error::NotFound)
}

/// Accepts the invitation of a link's secret for the signed-in `user`, once: the link is the
/// proof that its holder received the message. Not found when the link is unknown, used or
/// expired; `already_member` when the account already belongs to the association.
pub async fn accept_invitation_link(store: &Store, token: &str, user: UserId) -> Result<OrgId> {
    Ok(store
        .accept_invitation_by_link(&sha256_hex(token), user, twiza_store::now())
        .await?)
}

/// Adds a document to the scoped association for its verification: its kind (`statutes`,
/// `declaration_receipt`, `board_list`) and the file, whose content must be of its declared
/// media type (PDF, JPEG or PNG, see [`parse_document`]). Only its owners and admins (and the
/// platform admin) add documents. Every invalid field is named.
pub async fn add_document(
    store: &Store,
    scope: &OrgScope,
    by: UserId,
    kind: &str,
    declared: &str,
    content: &[u8],
) -> Result<i64> {
    let may = match scope.grant() {
        ScopeGrant::Member(role) => role.manages_members(),
        ScopeGrant::Platform(role) => role == PlatformRole::PlatformAdmin,
    };
    if !may {
        return Err(Error::Forbidden);
    }
    let kind =
        DocumentKind::parse(kind).ok_or(FieldError::new("document_kind", "invalid_document_kind"));
    let media_type = parse_document(declared, content);
    let (kind, media_type) = match (kind, media_type) {
        (Ok(k), Ok(m)) => (k, m),
        (k, m) => {
            return Err(Error::Invalid(
                [k.err(), m.err()].into_iter().flatten().collect(),
            ))
        }
    };
    Ok(store
        .add_organization_document(scope, kind, media_type, content, by)
        .await?)
}

/// One of the scoped association's documents with its content, for its members and the
/// platform admin only (not the read-only platform roles: a board list names people).
pub async fn document(store: &Store, scope: &OrgScope, id: i64) -> Result<(OrgDocument, Vec<u8>)> {
    if let ScopeGrant::Platform(role) = scope.grant() {
        if role != PlatformRole::PlatformAdmin {
            return Err(Error::Forbidden);
        }
    }
    store
        .organization_document(scope, id)
        .await?
        .ok_or(Error::NotFound)
}

/// The public directory's query, from the API's query string or the directory page's form.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(deny_unknown_fields)]
pub struct DirectoryQuery {
    /// Words of the name (any script) or the declaration number.
    pub q: Option<String>,
    pub region: Option<String>,
    pub province: Option<String>,
    pub domain: Option<String>,
    /// 1-based page.
    pub page: Option<u32>,
    /// At most 100.
    pub per_page: Option<u32>,
}

impl DirectoryQuery {
    /// Turns the query into a storage filter; unknown codes are `invalid_query`.
    pub fn to_filter(&self) -> Result<DirectoryFilter> {
        let non_empty = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let region = non_empty(&self.region);
        if let Some(r) = &region {
            twiza_geo::RegionCode::parse(r).map_err(|_| Error::InvalidQuery { field: "region" })?;
        }
        let province = non_empty(&self.province);
        if let Some(p) = &province {
            twiza_geo::ProvinceCode::parse(p)
                .map_err(|_| Error::InvalidQuery { field: "province" })?;
        }
        let domain = match non_empty(&self.domain) {
            Some(d) => {
                Some(ActionDomain::parse(&d).ok_or(Error::InvalidQuery { field: "domain" })?)
            }
            None => None,
        };
        let query = non_empty(&self.q)
            .map(|q| q.chars().take(200).collect::<String>())
            .map(|q| twiza_geo::normalize_for_search(&q));
        Ok(DirectoryFilter {
            query,
            region_code: region,
            province_code: province,
            domain,
            page: self.page.unwrap_or(1).clamp(1, 1_000_000),
            per_page: self.per_page.unwrap_or(20).clamp(1, 100),
        })
    }
}
