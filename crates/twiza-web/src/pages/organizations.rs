//! Association pages: registration, public profile and logo, the members' space (members,
//! invitations, logo upload, the documents for its verification) and "my associations".

use super::{render, render_status, see_other, DoneQuery, PageForm};
use crate::auth::Actor;
use crate::authz::role_in;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::{path_param, ApiQuery, CurrentUser, PathId};
use crate::AppState;
use askama::Template;
use axum::extract::{Multipart, RawPathParams, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use twiza_app::organizations::{
    add_document, create_invitation, document, is_insider, parse_invitation, parse_seat,
};
use twiza_domain::organization::{
    ActionDomain, DocumentKind, NewOrganization, OrgStatus, Organization, OrganizationInput,
    MAX_DOCUMENT_BYTES,
};
use twiza_domain::{FieldError, OrgId, OrgRole, OrgScope};
use twiza_store::{Campaign, Invitation, Member, MembershipRow, OrgDocument};

/// The registration form's values, kept to re-display after an error.
#[derive(Default)]
struct OrgFormValues {
    fields: std::collections::HashMap<String, String>,
    domains: Vec<String>,
}

impl OrgFormValues {
    fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
    fn has_domain(&self, d: &&str) -> bool {
        self.domains.iter().any(|x| x == d)
    }
}

#[derive(Template)]
#[template(path = "org_new.html")]
struct NewOrgPage {
    c: Ctx,
    v: OrgFormValues,
    errors: Vec<FieldError>,
    /// (region name, [(province code, province name)])
    provinces: Vec<(String, Vec<(String, String)>)>,
    domains: Vec<(&'static str, String)>,
}

fn new_org_page(c: Ctx, v: OrgFormValues, errors: Vec<FieldError>) -> NewOrgPage {
    let geo = twiza_geo::geo();
    let provinces = geo
        .regions()
        .iter()
        .map(|r| {
            let list = geo
                .provinces_of(&r.code)
                .into_iter()
                .map(|p| {
                    (
                        p.code.as_str().to_owned(),
                        c.place_name(&p.name_ar, &p.name_fr),
                    )
                })
                .collect();
            (c.place_name(&r.name_ar, &r.name_fr), list)
        })
        .collect();
    let domains = ActionDomain::ALL
        .iter()
        .map(|d| (d.as_str(), c.domain_name(d)))
        .collect();
    NewOrgPage {
        c,
        v,
        errors,
        provinces,
        domains,
    }
}

pub async fn new_form(c: Ctx) -> Response {
    render(&new_org_page(c, OrgFormValues::default(), Vec::new()))
}

/// Resolves the form's commune field — an HCP code or a name — inside the chosen province.
fn commune_in_province(province: &str, commune: &str) -> String {
    let commune = commune.trim();
    let Ok(code) = twiza_geo::ProvinceCode::parse(province.trim()) else {
        return commune.to_owned();
    };
    if twiza_geo::CommuneCode::parse(commune).is_ok() {
        return commune.to_owned();
    }
    let needle = twiza_geo::normalize_for_search(commune);
    twiza_geo::geo()
        .communes_of(&code)
        .into_iter()
        .find(|c| {
            twiza_geo::normalize_for_search(&c.name_fr) == needle
                || twiza_geo::normalize_for_search(&c.name_ar) == needle
        })
        .map_or_else(|| commune.to_owned(), |c| c.code.as_str().to_owned())
}

pub async fn create(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let mut v = OrgFormValues::default();
    for (k, value) in pairs {
        if k == "domains" {
            v.domains.push(value);
        } else {
            v.fields.insert(k, value);
        }
    }
    let province = v.get("province_code").to_owned();
    let region = twiza_geo::ProvinceCode::parse(province.trim())
        .ok()
        .and_then(|p| {
            twiza_geo::geo()
                .province(&p)
                .map(|p| p.region_code.as_str().to_owned())
        })
        .unwrap_or_default();
    let commune = commune_in_province(&province, v.get("commune"));
    let seat = parse_seat(&region, &province, &commune).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| match e.field {
                "region_code" => FieldError {
                    field: "province_code",
                    ..e
                },
                "commune_code" => FieldError {
                    field: "commune",
                    ..e
                },
                _ => e,
            })
            .collect()
    });
    let input = OrganizationInput {
        name_ar: v.get("name_ar"),
        name_fr: v.get("name_fr"),
        name_zgh: v.get("name_zgh"),
        declaration_number: v.get("declaration_number"),
        declaration_date: v.get("declaration_date"),
        domains: &v.domains,
        email: v.get("email"),
        phone: v.get("phone"),
        website: v.get("website"),
        address: v.get("address"),
        description: v.get("description"),
    };
    let today = time::OffsetDateTime::now_utc().date();
    let new = match NewOrganization::parse(&input, seat, today) {
        Ok(new) => new,
        Err(errors) => {
            return Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &new_org_page(c, v, errors),
            ));
        }
    };
    match state
        .store
        .create_organization(
            &new,
            &twiza_domain::organization::search_text(&new),
            user.id,
        )
        .await
    {
        Ok(id) => Ok(see_other(&format!("/associations/{}/manage", id.0))),
        Err(twiza_store::StoreError::Refused(twiza_domain::Refusal::DeclarationNumberTaken)) => {
            let errors = vec![FieldError::new("declaration_number", "conflict")];
            Ok(render_status(
                StatusCode::CONFLICT,
                &new_org_page(c, v, errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "org_profile.html")]
struct ProfilePage {
    c: Ctx,
    org: Organization,
    insider: bool,
}

/// The public profile; a non-verified association is visible to its members and staff only.
pub async fn profile(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let org = state
        .store
        .organization(OrgId(id))
        .await?
        .ok_or_else(AppError::not_found)?;
    let insider = is_insider(&state.store, actor.user(), org.id).await?;
    if org.status != OrgStatus::Verified && !insider {
        return Err(AppError::not_found());
    }
    Ok(render(&ProfilePage { c, org, insider }))
}

pub async fn logo(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let org = state
        .store
        .organization(OrgId(id))
        .await?
        .ok_or_else(AppError::not_found)?;
    if org.status != OrgStatus::Verified && !is_insider(&state.store, actor.user(), org.id).await? {
        return Err(AppError::not_found());
    }
    let (kind, bytes) = state
        .store
        .organization_logo(org.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "org_manage.html")]
struct ManagePage {
    c: Ctx,
    org: Organization,
    members: Vec<Member>,
    invitations: Vec<Invitation>,
    manager: bool,
    /// The viewer works on the association's money (its campaigns' pages are theirs).
    treasury: bool,
    /// The viewer coordinates the association's crisis work (its incident boards).
    coordination: bool,
    /// The viewer delivers (stock and deliveries) and runs logistics (convoys).
    field_work: bool,
    logistics: bool,
    /// The viewer works with the registry of households (field roles).
    registry: bool,
    /// The viewer works on the association's social programmes (computes or approves cycles).
    programmes: bool,
    /// The viewer handles the association's grievances (coordination).
    grievances: bool,
    /// The viewer may alert the phones of the communes the association serves (coordination,
    /// verified association).
    alerts: bool,
    /// What waits for this member: campaigns to publish, awaiting their authority, or ending
    /// within two weeks (treasury roles only).
    waiting: Vec<(Campaign, &'static str)>,
    roles: Vec<(&'static str, String)>,
    errors: Vec<FieldError>,
    /// The viewer's other associations, to switch to (empty when they belong to one).
    others: Vec<MembershipRow>,
    /// Expenses another member submitted, waiting for this member's approval (treasury roles).
    expenses_waiting: Vec<twiza_store::Expense>,
    /// Transfers sent to the association, waiting for its confirmation (treasury roles).
    transfers_waiting: Vec<twiza_store::Transfer>,
    /// E-mail is on: invitations go out with a link.
    mail_on: bool,
    /// The documents given for the association's verification.
    documents: Vec<OrgDocument>,
    document_kinds: Vec<(&'static str, String)>,
    /// The confirmation of the change just made (a message key).
    done: Option<&'static str>,
    /// The field agent's section, at the top (field agents only).
    agent: Option<twiza_app::field::AgentHome>,
}

/// Confirmations of the members' space (`?done=`), with their messages.
const MANAGE_DONE: [(&str, &str); 2] = [
    ("document_added", "org-done-document-added"),
    ("assessed", "field-done-assessed"),
];

async fn manage_page(
    state: &AppState,
    c: Ctx,
    scope: &OrgScope,
    errors: Vec<FieldError>,
) -> AppResult<ManagePage> {
    let org = state
        .store
        .organization(scope.org_id())
        .await?
        .ok_or_else(AppError::not_found)?;
    let manager = match scope.grant() {
        twiza_domain::tenancy::ScopeGrant::Member(role) => role.manages_members(),
        twiza_domain::tenancy::ScopeGrant::Platform(role) => {
            role == twiza_domain::PlatformRole::PlatformAdmin
        }
    };
    let treasury = role_in(scope, crate::authz::TREASURY);
    let (waiting, expenses_waiting, transfers_waiting) = match (treasury, c.user()) {
        (true, Some(user)) => (
            waiting_campaigns(state.store.campaigns_of(scope).await?),
            twiza_app::ledger::expenses_waiting_for(&state.store, scope, user.id).await?,
            twiza_app::ledger::transfers_to_confirm(&state.store, scope).await?,
        ),
        _ => (Vec::new(), Vec::new(), Vec::new()),
    };
    let members = state.store.members(scope).await?;
    let invitations = if manager {
        state.store.invitations(scope).await?
    } else {
        Vec::new()
    };
    let roles = OrgRole::ALL
        .iter()
        .map(|r| (r.as_str(), c.role_name(r)))
        .collect();
    let others = match c.user() {
        Some(user) => state
            .store
            .memberships_of(user.id)
            .await?
            .into_iter()
            .filter(|m| m.org_id != org.id)
            .collect(),
        None => Vec::new(),
    };
    let agent = super::field::agent_section(state, scope, c.user().map(|u| u.id)).await?;
    let documents = state.store.organization_documents(scope).await?;
    let document_kinds = DocumentKind::ALL
        .iter()
        .map(|k| (k.as_str(), c.document_kind_name(k)))
        .collect();
    let alerts = role_in(scope, crate::authz::COORDINATION) && org.status == OrgStatus::Verified;
    Ok(ManagePage {
        others,
        expenses_waiting,
        transfers_waiting,
        c,
        org,
        members,
        invitations,
        manager,
        treasury,
        coordination: role_in(scope, crate::authz::COORDINATION),
        field_work: role_in(scope, crate::authz::FIELD),
        logistics: role_in(scope, crate::authz::LOGISTICS),
        registry: role_in(scope, crate::authz::FIELD),
        programmes: role_in(scope, crate::authz::CYCLE_APPROVAL),
        grievances: role_in(scope, crate::authz::COORDINATION),
        alerts,
        waiting,
        roles,
        errors,
        mail_on: state.mail.is_on(),
        documents,
        document_kinds,
        done: None,
        agent,
    })
}

/// The campaigns a treasurer should look at, each with why (a message key): authorized but
/// not yet published, still waiting for the authority, or published and ending within 14 days.
fn waiting_campaigns(campaigns: Vec<Campaign>) -> Vec<(Campaign, &'static str)> {
    use twiza_domain::campaign::{AuthorizationStatus, CampaignState};
    let today = time::OffsetDateTime::now_utc().date();
    let soon = today + time::Duration::days(14);
    campaigns
        .into_iter()
        .filter_map(|c| {
            let why = match (c.state, c.authorization.status) {
                (CampaignState::Draft, AuthorizationStatus::Granted) => "waiting-to-publish",
                (CampaignState::Draft, AuthorizationStatus::Requested) => "waiting-authority",
                (CampaignState::Published, _) if c.ends_on >= today && c.ends_on <= soon => {
                    "waiting-ending-soon"
                }
                _ => return None,
            };
            Some((c, why))
        })
        .collect()
}

/// The members' space of one association.
pub async fn manage(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    ApiQuery(query): ApiQuery<DoneQuery>,
) -> AppResult<Response> {
    let mut page = manage_page(&state, c, &scope, Vec::new()).await?;
    page.done = query.key(&MANAGE_DONE);
    Ok(render(&page))
}

#[derive(serde::Deserialize)]
pub struct InviteForm {
    email: String,
    role: String,
    #[allow(dead_code)]
    csrf: String,
}

pub async fn invite(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    Extension(actor): Extension<Actor>,
    PageForm(form): PageForm<InviteForm>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let result = match parse_invitation(&form.email, &form.role) {
        Ok((email, role)) => create_invitation(
            &state.store,
            &state.mail,
            &scope,
            user.id,
            &email,
            role,
            c.locale,
        )
        .await
        .map(|_| ()),
        Err(e) => Err(e),
    };
    match result.map_err(AppError::from) {
        Ok(()) => Ok(see_other(&format!(
            "/associations/{}/manage",
            scope.org_id().0
        ))),
        Err(e) if e.status.is_client_error() && e.code != "forbidden" => {
            let mut errors = e.fields.clone();
            if errors.is_empty() {
                errors.push(FieldError::new("email", e.code));
            }
            let page = manage_page(&state, c, &scope, errors).await?;
            Ok(render_status(e.status, &page))
        }
        Err(e) => Err(e),
    }
}

/// Largest logo accepted.
const MAX_LOGO_BYTES: usize = 200 * 1024;

/// The image type of a logo, recognised by its first bytes (the declared type is not trusted).
fn logo_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

pub async fn upload_logo(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let invalid = || AppError::invalid(vec![FieldError::new("logo", "invalid_logo")]);
    let mut logo = None;
    while let Some(field) = multipart.next_field().await.map_err(|_| invalid())? {
        if field.name() == Some("logo") {
            let bytes = field.bytes().await.map_err(|_| invalid())?;
            logo = Some(bytes);
        }
    }
    let bytes = logo
        .filter(|b| !b.is_empty() && b.len() <= MAX_LOGO_BYTES)
        .ok_or_else(invalid)?;
    let kind = logo_type(&bytes).ok_or_else(invalid)?;
    state
        .store
        .set_organization_logo(&scope, kind, &bytes)
        .await?;
    Ok(see_other(&format!(
        "/associations/{}/manage",
        scope.org_id().0
    )))
}

/// The largest upload body of a document: the file and the form around it.
pub const DOCUMENT_BODY_LIMIT: usize = MAX_DOCUMENT_BYTES + 64 * 1024;

/// `POST /associations/{org_id}/documents` (multipart: `document_kind`, `document`): adds a
/// document for the association's verification; an invalid kind or file shows the members'
/// space again with the message next to its field.
pub async fn upload_document(
    State(state): State<AppState>,
    c: Ctx,
    Extension(scope): Extension<OrgScope>,
    CurrentUser(user): CurrentUser,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut kind = String::new();
    let mut file: Option<(String, axum::body::Bytes)> = None;
    let mut unreadable = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().map(str::to_owned).as_deref() {
                Some("document_kind") => kind = field.text().await.unwrap_or_default(),
                Some("document") => {
                    let declared = field.content_type().unwrap_or_default().to_owned();
                    match field.bytes().await {
                        Ok(bytes) => file = Some((declared, bytes)),
                        Err(_) => unreadable = true,
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            // A body beyond the limit, or not multipart: the file is refused as invalid.
            Err(_) => {
                unreadable = true;
                break;
            }
        }
    }
    let (declared, bytes) = file.filter(|_| !unreadable).unwrap_or_default();
    let result = add_document(&state.store, &scope, user.id, &kind, &declared, &bytes).await;
    match result.map_err(AppError::from) {
        Ok(_) => Ok(see_other(&format!(
            "/associations/{}/manage?done=document_added#documents",
            scope.org_id().0
        ))),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let page = manage_page(&state, c, &scope, e.fields.clone()).await?;
            Ok(render_status(e.status, &page))
        }
        Err(e) => Err(e),
    }
}

/// `GET /associations/{org_id}/documents/{document_id}`: the file, for the association's
/// members and platform admins only; downloaded, never shown inline.
pub async fn download_document(
    State(state): State<AppState>,
    Extension(scope): Extension<OrgScope>,
    params: RawPathParams,
) -> AppResult<Response> {
    let id = path_param(&params, "document_id")?;
    let (doc, content) = document(&state.store, &scope, id).await?;
    let name = format!("{}-{}", doc.kind.as_str().replace('_', "-"), doc.id);
    Ok(crate::download::file_response(
        doc.media_type,
        content,
        &name,
        crate::download::PRIVATE,
    ))
}

#[derive(Template)]
#[template(path = "my_orgs.html")]
struct MinePage {
    c: Ctx,
    memberships: Vec<MembershipRow>,
    invitations: Vec<Invitation>,
    done: Option<&'static str>,
}

pub async fn mine(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    axum::extract::Query(done): axum::extract::Query<super::DoneQuery>,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let memberships = state.store.memberships_of(user.id).await?;
    let invitations = state.store.invitations_for(&user.email).await?;
    Ok(render(&MinePage {
        c,
        memberships,
        invitations,
        done: done.key(&[("invitation-accepted", "invitation-accepted")]),
    }))
}

pub async fn accept_invitation(
    State(state): State<AppState>,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let user = actor.user().ok_or_else(AppError::unauthenticated)?;
    let org = state
        .store
        .accept_invitation(twiza_domain::ids::InvitationId(id), user.id, &user.email)
        .await?;
    Ok(see_other(&format!("/associations/{}/manage", org.0)))
}

impl Ctx {
    /// The name of a kind of document.
    pub fn document_kind_name(&self, kind: &DocumentKind) -> String {
        self.t(&format!(
            "document-kind-{}",
            kind.as_str().replace('_', "-")
        ))
    }

    /// A document's size in kilobytes (rounded up): "120 KB".
    pub fn kilobytes(&self, bytes: &i64) -> String {
        self.tn("org-document-size", "kb", (*bytes + 1023) / 1024)
    }

    /// A membership's association name in the reader's language.
    pub fn membership_name<'a>(&self, m: &'a MembershipRow) -> &'a str {
        if self.locale == twiza_i18n::Locale::Ar {
            &m.name_ar
        } else {
            &m.name_fr
        }
    }

    pub fn invitation_name<'a>(&self, i: &'a Invitation) -> &'a str {
        if self.locale == twiza_i18n::Locale::Ar {
            &i.org_name_ar
        } else {
            &i.org_name_fr
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn logos_are_recognised_by_content() {
        assert_eq!(
            super::logo_type(b"\x89PNG\r\n\x1a\nrest"),
            Some("image/png")
        );
        assert_eq!(
            super::logo_type(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(
            super::logo_type(b"RIFF\x00\x00\x00\x00WEBPVP8 "),
            Some("image/webp")
        );
        assert_eq!(super::logo_type(b"<svg onload=alert(1)>"), None);
    }
}
