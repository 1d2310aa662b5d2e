//! The per-request context of pages and messages: the negotiated language, the caller, the CSRF
//! token for forms, and the helpers templates use to localize text, numbers, dates and names.

use crate::auth::{cookie, set_cookie, Actor, CSRF_COOKIE, LANG_COOKIE};
use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use twiza_app::accounts::new_secret;
use twiza_domain::organization::{ActionDomain, OrgStatus, Organization};
use twiza_domain::{FieldError, OrgRole, PlatformRole};
use twiza_i18n::{Arg, Locale, Messages};

/// What a page needs to know about the request it answers.
#[derive(Clone)]
pub struct Ctx {
    pub locale: Locale,
    pub messages: Arc<Messages>,
    pub actor: Actor,
    /// The token forms must echo (see [`crate::authz`]).
    pub csrf: String,
    /// Path and query of this page, for the language switcher's way back.
    pub here: String,
}

/// A CSRF token minted for a visitor in this request (set as a cookie on the way out).
#[derive(Clone)]
struct NewCsrfCookie(String);

/// Gives a visitor without a session a CSRF cookie, so the sign-in and sign-up forms can carry it.
pub async fn visitor_csrf(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let needs = !path.starts_with("/api/")
        && !crate::openrosa::is_openrosa_path(path)
        && cookie(request.headers(), CSRF_COOKIE).is_none();
    if !needs {
        return next.run(request).await;
    }
    let token = new_secret();
    request
        .extensions_mut()
        .insert(NewCsrfCookie(token.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) =
        HeaderValue::from_str(&set_cookie(&state, CSRF_COOKIE, &token, 7 * 24 * 3600))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The longest address a page links back to (its language links carry it): a longer one is
/// cut to its path, so a page never reflects an oversized query string.
const HERE_MAX_BYTES: usize = 512;

/// Where a page is, to come back to after switching language.
fn here_of(uri: &axum::http::Uri) -> String {
    match uri.path_and_query() {
        Some(p) if p.as_str().len() <= HERE_MAX_BYTES => p.as_str().to_owned(),
        _ if uri.path().len() <= HERE_MAX_BYTES => uri.path().to_owned(),
        _ => "/".to_owned(),
    }
}

/// The language of a request: the `twiza_lang` cookie, else `Accept-Language`, else Arabic.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    twiza_i18n::negotiate(cookie(headers, LANG_COOKIE), accept)
}

impl Ctx {
    fn build(
        state: &AppState,
        headers: &HeaderMap,
        extensions: &axum::http::Extensions,
        here: String,
    ) -> Ctx {
        let actor = extensions
            .get::<Actor>()
            .cloned()
            .unwrap_or(Actor::Anonymous);
        let csrf = match &actor {
            Actor::Session { csrf_token, .. } => csrf_token.clone(),
            _ => cookie(headers, CSRF_COOKIE)
                .map(str::to_owned)
                .or_else(|| extensions.get::<NewCsrfCookie>().map(|c| c.0.clone()))
                .unwrap_or_default(),
        };
        Ctx {
            locale: locale_of(headers),
            messages: state.messages.clone(),
            actor,
            csrf,
            here,
        }
    }

    /// The context of an error page, from the request's language headers and address (the
    /// caller is not identified at that depth: the page shows the visitor's navigation).
    pub fn for_error(state: &AppState, headers: &HeaderMap, uri: &axum::http::Uri) -> Ctx {
        Ctx::build(state, headers, &axum::http::Extensions::new(), here_of(uri))
    }

    pub fn t(&self, key: &str) -> String {
        self.messages.t(self.locale, key)
    }

    /// A message with one text argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.messages
            .t_args(self.locale, key, &[(name, Arg::Str(value))])
    }

    /// A message with one number argument (plural-aware).
    pub fn tn(&self, key: &str, name: &str, n: i64) -> String {
        self.messages
            .t_args(self.locale, key, &[(name, Arg::Int(n))])
    }

    pub fn lang(&self) -> &'static str {
        self.locale.tag()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    pub fn int(&self, n: i64) -> String {
        twiza_i18n::format_integer(self.locale, n)
    }

    /// An amount in dirhams, in the caller's language (CLDR).
    pub fn mad(&self, amount: &twiza_domain::money::Amount) -> String {
        self.messages.format_mad(self.locale, amount.centimes())
    }

    pub fn date(&self, date: &time::Date) -> String {
        self.messages.format_date(self.locale, *date)
    }

    pub fn user(&self) -> Option<&twiza_store::User> {
        self.actor.user()
    }

    pub fn signed_in(&self) -> bool {
        self.actor.user().is_some()
    }

    /// Whether the caller decides authorizations: an authority, or a platform admin recording
    /// paper decisions.
    pub fn decides_authorizations(&self) -> bool {
        self.actor.user().is_some_and(|u| {
            matches!(
                u.platform_role,
                Some(PlatformRole::Authority | PlatformRole::PlatformAdmin)
            )
        })
    }

    /// The caller's competence, in words: "The governor of the province or prefecture — Al
    /// Haouz".
    pub fn competence_name(&self) -> Option<String> {
        let competence = self.actor.user()?.competence.as_ref()?;
        Some(self.competence_words(competence))
    }

    pub fn is_platform_admin(&self) -> bool {
        self.actor
            .user()
            .is_some_and(|u| u.platform_role == Some(PlatformRole::PlatformAdmin))
    }

    pub fn role_name(&self, role: &OrgRole) -> String {
        self.t(&format!("role-{}", role.as_str().replace('_', "-")))
    }

    pub fn platform_role_name(&self, role: &PlatformRole) -> String {
        self.t(&format!("role-{}", role.as_str().replace('_', "-")))
    }

    pub fn domain_name(&self, domain: &ActionDomain) -> String {
        self.t(&format!("domain-{}", domain.as_str()))
    }

    pub fn status_name(&self, status: &OrgStatus) -> String {
        self.t(&format!("org-status-{}", status.as_str()))
    }

    /// The association's name in the reader's language (Arabic, Tifinagh if given, else French).
    pub fn org_name<'a>(&self, org: &'a Organization) -> &'a str {
        match self.locale {
            Locale::Ar => &org.name_ar,
            Locale::Zgh => org.name_zgh.as_deref().unwrap_or(&org.name_fr),
            _ => &org.name_fr,
        }
    }

    /// A place name from the reference geography in the reader's script.
    pub fn place_name(&self, name_ar: &str, name_fr: &str) -> String {
        match self.locale {
            Locale::Ar => name_ar.to_owned(),
            _ => name_fr.to_owned(),
        }
    }

    pub fn commune_name(&self, code: &str) -> String {
        let geo = twiza_geo::geo();
        match twiza_geo::CommuneCode::parse(code)
            .ok()
            .and_then(|c| geo.commune(&c))
        {
            Some(c) => self.place_name(&c.name_ar, &c.name_fr),
            None => code.to_owned(),
        }
    }

    pub fn province_name(&self, code: &str) -> String {
        let geo = twiza_geo::geo();
        match twiza_geo::ProvinceCode::parse(code)
            .ok()
            .and_then(|p| geo.province(&p))
        {
            Some(p) => self.place_name(&p.name_ar, &p.name_fr),
            None => code.to_owned(),
        }
    }

    pub fn region_name(&self, code: &str) -> String {
        let geo = twiza_geo::geo();
        match twiza_geo::RegionCode::parse(code)
            .ok()
            .and_then(|r| geo.region(&r))
        {
            Some(r) => self.place_name(&r.name_ar, &r.name_fr),
            None => code.to_owned(),
        }
    }

    /// The localized message of an error.
    pub fn error_message(&self, error: &AppError) -> String {
        let key = AppError::message_key(error.code);
        let field = error.field.clone().unwrap_or_default();
        let max = error.max.unwrap_or_default() as i64;
        self.messages.t_args(
            self.locale,
            &key,
            &[("field", Arg::Str(&field)), ("max", Arg::Int(max))],
        )
    }

    pub fn field_message(&self, error: &FieldError) -> String {
        let key = AppError::message_key(error.code);
        self.messages.t_args(
            self.locale,
            &key,
            &[
                ("field", Arg::Str(error.field)),
                ("max", Arg::Int(error.max.unwrap_or_default() as i64)),
            ],
        )
    }

    /// The message for `field`'s error among `errors`, if it has one.
    pub fn error_for(&self, errors: &[FieldError], field: &str) -> Option<String> {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| self.field_message(e))
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Ctx, AppError> {
        Ok(Ctx::build(
            state,
            &parts.headers,
            &parts.extensions,
            here_of(&parts.uri),
        ))
    }
}
