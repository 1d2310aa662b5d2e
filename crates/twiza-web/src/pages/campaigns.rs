//! Public campaign pages: a campaign with its Law 18-18 authorization and its gift form, the
//! code check a donor uses when hearing an appeal, and a gift's thank-you page (pending,
//! confirmed or failed). No page names a donor.

use super::{render, render_status, see_other, PageForm};
use crate::auth::Actor;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::extract::PathId;
use crate::payments::is_payment_reference;
use crate::payments::place;
use crate::AppState;
use askama::Template;
use axum::extract::{RawPathParams, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use rand::RngCore;
use serde::Deserialize;
use std::collections::HashMap;
use twiza_app::campaigns::{collecting_today, visible_campaign};
use twiza_app::gifts::{gift_request_hash, parse_gift, GiftInput};
use twiza_domain::campaign::{normalize_code, AuthorizationStatus, CampaignScope, CampaignState};
use twiza_domain::donation::{parse_idempotency_key, DonationStatus, PaymentMethod};
use twiza_domain::donor::DonorIdentityInput;
use twiza_domain::organization::{OrgStatus, Organization};
use twiza_domain::FieldError;
use twiza_i18n::Locale;
use twiza_store::{Campaign, GiftState, Raised};

impl Ctx {
    /// A campaign's title in the reader's language (Arabic for Arabic, French otherwise).
    pub fn campaign_title<'a>(&self, c: &'a Campaign) -> &'a str {
        match self.locale {
            Locale::Ar => &c.title_ar,
            _ => &c.title_fr,
        }
    }

    pub fn campaign_purpose<'a>(&self, c: &'a Campaign) -> &'a str {
        match self.locale {
            Locale::Ar => &c.purpose_ar,
            _ => &c.purpose_fr,
        }
    }

    /// An amount of centimes in the reader's format, with the currency.
    pub fn money(&self, centimes: impl std::borrow::Borrow<i64>) -> String {
        self.messages.format_mad(self.locale, *centimes.borrow())
    }

    /// A count in the reader's digits and grouping.
    pub fn count(&self, n: impl std::borrow::Borrow<i64>) -> String {
        self.int(*n.borrow())
    }

    pub fn authority_name(&self, scope: &CampaignScope) -> String {
        self.t(&format!(
            "authority-{}",
            scope.authority().as_str().replace('_', "-")
        ))
    }

    pub fn auth_status_name(&self, status: &AuthorizationStatus) -> String {
        self.t(&format!("auth-status-{}", status.as_str()))
    }

    pub fn campaign_state_name(&self, state: &CampaignState) -> String {
        self.t(&format!("campaign-state-{}", state.as_str()))
    }

    pub fn donation_status_name(&self, status: &DonationStatus) -> String {
        self.t(&format!("donation-status-{}", status.as_str()))
    }

    pub fn method_name(&self, method: &PaymentMethod) -> String {
        self.t(&format!("method-{}", method.as_str().replace('_', "-")))
    }

    /// The message of a stable error code (`campaign_closed` …).
    pub fn code_message(&self, code: &str) -> String {
        self.t(&AppError::message_key(code))
    }
}

/// The gift form's values and errors, and the Idempotency-Key it carries.
pub struct GiftForm {
    pub key: String,
    values: HashMap<String, String>,
    pub errors: Vec<FieldError>,
}

impl GiftForm {
    fn fresh() -> GiftForm {
        let mut key = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut key);
        GiftForm {
            key: format!("gift-{}", hex::encode(key)),
            values: HashMap::new(),
            errors: Vec::new(),
        }
    }

    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn is(&self, name: &str, value: &str) -> bool {
        self.get(name) == value
    }
}

#[derive(Template)]
#[template(path = "campaign.html")]
struct CampaignPage {
    c: Ctx,
    campaign: Campaign,
    org: Organization,
    raised: Raised,
    /// Why it does not collect today, if so (an error code).
    refusal: Option<&'static str>,
    form: GiftForm,
    threshold: String,
    methods: [PaymentMethod; 2],
    /// Whether this site takes gifts at all (a payment provider is configured).
    payments_open: bool,
    /// Whether the provider only pretends (the simulator): the page says no money moves.
    test_payments: bool,
}

async fn campaign_page(
    state: &AppState,
    c: Ctx,
    campaign: Campaign,
    form: GiftForm,
    status: StatusCode,
) -> AppResult<Response> {
    let org = state
        .store
        .organization(campaign.org_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let raised = state.store.campaign_raised(campaign.id).await?;
    let refusal = collecting_today(&campaign).err().map(|n| n.code());
    let threshold = c.money(state.config.donor_identity_threshold.centimes());
    Ok(render_status(
        status,
        &CampaignPage {
            c,
            campaign,
            org,
            raised,
            refusal,
            form,
            threshold,
            methods: [PaymentMethod::Card, PaymentMethod::MobileWallet],
            payments_open: state.payments.is_some(),
            test_payments: state.payments.as_ref().is_some_and(|p| p.is_test()),
        },
    ))
}

/// `GET /campaigns/{campaign_id}`: published and closed campaigns for everyone; drafts only
/// for the association and platform staff.
pub async fn show(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    campaign_page(&state, c, campaign, GiftForm::fresh(), StatusCode::OK).await
}

/// `POST /campaigns/{campaign_id}/gifts`: the gift form (CSRF-checked); on success, to the
/// payment's next step (the gift's page with the simulated provider).
pub async fn give(
    State(state): State<AppState>,
    c: Ctx,
    Extension(actor): Extension<Actor>,
    PathId(id): PathId,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let campaign = visible_campaign(&state.store, actor.user(), id).await?;
    let mut values: HashMap<String, String> = HashMap::new();
    for (k, v) in &pairs {
        values.insert(k.clone(), v.clone());
    }
    let key = parse_idempotency_key(values.get("key").map_or("", String::as_str))
        .map_err(|_| AppError::bad_request("invalid_idempotency_key"))?;
    let get = |name: &str| values.get(name).map_or("", String::as_str);
    let input = GiftInput {
        amount: get("amount").trim(),
        currency: get("currency"),
        method: get("method"),
        donor: Some(DonorIdentityInput {
            full_name: get("donor_full_name"),
            document_type: get("donor_document_type"),
            document_number: get("donor_document_number"),
            country: get("donor_country"),
        }),
    };
    let parsed = parse_gift(&input, state.config.donor_identity_threshold);
    let gift = match parsed {
        Ok(gift) => gift,
        Err(errors) => {
            let form = GiftForm {
                key,
                values,
                errors,
            };
            return campaign_page(&state, c, campaign, form, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    // The request hash covers the gift's fields, in a fixed order, not the form's token.
    let mut fields: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(k, _)| k != "csrf" && k != "key")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.sort();
    let canonical = serde_urlencoded::to_string(&fields).unwrap_or_default();
    let hash = gift_request_hash(&state.config.identity_key, canonical.as_bytes());
    let placed = place(&state, campaign.id, key, gift, hash).await?;
    Ok(see_other(&placed.next_url))
}

/// What the code check found.
pub enum Verdict {
    /// No code asked yet.
    Ask,
    /// Longer than any code ([`CODE_MAX_CHARS`]): refused, and not shown back.
    TooLong,
    /// Not a campaign code at all, or no authorized, published campaign of a verified
    /// association has it.
    NotFound,
    /// Authorized and published, but not collecting today (the code says why).
    NotCollecting(Box<(Campaign, Organization)>, &'static str),
    Valid(Box<(Campaign, Organization)>),
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    c: Ctx,
    code: String,
    verdict: Verdict,
}

#[derive(Deserialize)]
pub struct CheckQuery {
    code: Option<String>,
}

/// The longest code the check page reads (a campaign code is far shorter).
pub const CODE_MAX_CHARS: usize = 40;

/// `GET /check?code=TWZ-XXXX`: whether a code belongs to an authorized, published campaign of
/// a verified association.
pub async fn check(
    State(state): State<AppState>,
    c: Ctx,
    query: Result<crate::extract::ApiQuery<CheckQuery>, AppError>,
) -> AppResult<Response> {
    let raw = query.ok().and_then(|q| q.0.code).unwrap_or_default();
    if raw.chars().count() > CODE_MAX_CHARS {
        let page = CheckPage {
            c,
            code: String::new(),
            verdict: Verdict::TooLong,
        };
        return Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    }
    let verdict = if raw.trim().is_empty() {
        Verdict::Ask
    } else {
        verdict(&state, &raw).await?
    };
    Ok(render(&CheckPage {
        c,
        code: raw,
        verdict,
    }))
}

async fn verdict(state: &AppState, raw: &str) -> AppResult<Verdict> {
    let Some(code) = normalize_code(raw) else {
        return Ok(Verdict::NotFound);
    };
    let Some(campaign) = state.store.campaign_by_code(&code).await? else {
        return Ok(Verdict::NotFound);
    };
    if campaign.state == CampaignState::Draft
        || campaign.authorization.status != AuthorizationStatus::Granted
    {
        return Ok(Verdict::NotFound);
    }
    let Some(org) = state.store.organization(campaign.org_id).await? else {
        return Ok(Verdict::NotFound);
    };
    if org.status != OrgStatus::Verified {
        return Ok(Verdict::NotFound);
    }
    Ok(match collecting_today(&campaign) {
        Ok(()) => Verdict::Valid(Box::new((campaign, org))),
        Err(why) => Verdict::NotCollecting(Box::new((campaign, org)), why.code()),
    })
}

#[derive(Template)]
#[template(path = "gift.html")]
struct GiftPage {
    c: Ctx,
    reference: String,
    gift: GiftState,
    campaign: Campaign,
    /// The provider has a payment page to go (back) to (CMI).
    pay_page: bool,
    test_payments: bool,
}

#[derive(Template)]
#[template(path = "gift_pay.html")]
struct PayPage {
    c: Ctx,
    reference: String,
    gift: GiftState,
    campaign: Campaign,
    form: crate::payments::cmi::HostedForm,
}

/// The gift of a `{reference}` path, and its campaign.
async fn gift_of(
    state: &AppState,
    params: &RawPathParams,
) -> AppResult<(String, GiftState, Campaign)> {
    let reference = params
        .iter()
        .find(|(n, _)| *n == "reference")
        .map(|(_, v)| v.to_owned())
        .filter(|r| is_payment_reference(r))
        .ok_or_else(AppError::not_found)?;
    let gift = state
        .store
        .gift_by_reference(&reference)
        .await?
        .ok_or_else(AppError::not_found)?;
    let campaign = state
        .store
        .campaign(gift.campaign_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    Ok((reference, gift, campaign))
}

/// `GET /gifts/{reference}/pay`: the form that takes a pending gift to CMI's payment page (a
/// button the donor presses; no script). Its CSP lets the form post to the gateway only.
pub async fn pay(
    State(state): State<AppState>,
    c: Ctx,
    params: RawPathParams,
) -> AppResult<Response> {
    let cmi = state.cmi.as_ref().ok_or_else(AppError::not_found)?;
    let (reference, gift, campaign) = gift_of(&state, &params).await?;
    if gift.status != twiza_domain::donation::DonationStatus::Pending {
        return Ok(see_other(&format!("/gifts/{reference}")));
    }
    let order = crate::payments::PaymentOrder {
        reference: reference.clone(),
        amount: gift.amount,
        method: gift.method,
        return_path: format!("/gifts/{reference}"),
    };
    // CMI's pages speak Arabic, French and English.
    let lang = match c.locale {
        twiza_i18n::Locale::Ar => "ar",
        twiza_i18n::Locale::Fr => "fr",
        _ => "en",
    };
    let form = cmi.form(&order, lang);
    let csp = crate::routes::content_security_policy_posting_to(origin_of(&form.action));
    let mut response = render(&PayPage {
        c,
        reference,
        gift,
        campaign,
        form,
    });
    if let Ok(value) = axum::http::HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
    Ok(response)
}

/// `scheme://host[:port]` of a URL (what a CSP source names).
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |i| after_scheme + i);
    &url[..end]
}

/// `GET /gifts/{reference}`: the donor's thank-you page, refreshing itself while pending.
pub async fn gift(
    State(state): State<AppState>,
    c: Ctx,
    params: RawPathParams,
) -> AppResult<Response> {
    let (reference, gift, campaign) = gift_of(&state, &params).await?;
    Ok(render(&GiftPage {
        c,
        reference,
        gift,
        campaign,
        pay_page: state.cmi.is_some(),
        test_payments: state.payments.as_ref().is_some_and(|p| p.is_test()),
    }))
}
