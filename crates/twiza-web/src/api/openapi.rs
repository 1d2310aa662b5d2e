//! The OpenAPI 3.1 document of the API, generated from the handlers' annotations and served at
//! `/api/v1/openapi.json`.

use super::{
    campaigns, crisis, donations, duplicate_reviews, exports, geo, gifts, grievances, ledger, log,
    logistics, members, organizations, payment_batches, programmes, receipts, registry, reports,
    tokens,
};
use crate::error::{ErrorBody, ErrorDetail, FieldDetail};
use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Twiza API",
        description = "The public API of Twiza, the platform for social solidarity in Morocco. \
            Errors are `{\"error\":{\"code\",\"message\"}}` with a stable `code` and a message in \
            the caller's language (`Accept-Language`: ar, fr, zgh, en).",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        tokens::create, tokens::list, tokens::revoke, tokens::me,
        organizations::create, organizations::show, organizations::verify, organizations::directory,
        members::list, members::invite, members::invitations, members::accept,
        campaigns::create, campaigns::list, campaigns::show, campaigns::grant, campaigns::authorization_document, campaigns::refuse,
        campaigns::publish, campaigns::close,
        donations::record, receipts::show,
        gifts::create, gifts::callback, gifts::show, gifts::donor,
        ledger::trial_balance, ledger::submit_expense, ledger::list_expenses, ledger::approve_expense,
        ledger::reject_expense, ledger::evidence, ledger::create_transfer, ledger::list_transfers,
        ledger::confirm_transfer, reports::show, reports::csv,
        log::head, log::checkpoints, log::entry, log::inclusion, log::consistency,
        geo::regions, geo::provinces, geo::communes,
        crisis::list, crisis::declare, crisis::show, crisis::douars, crisis::add_douar, crisis::needs,
        crisis::report, crisis::pledges, crisis::coverage, crisis::need, crisis::verify, crisis::merge, crisis::assign,
        crisis::held_needs, crisis::accept, crisis::reject,
        crisis::assess, crisis::pledge, crisis::pledge_status, crisis::contact,
        exports::three_w, exports::needs_geojson,
        logistics::items, logistics::create_warehouse, logistics::receive, logistics::stock,
        logistics::create_delivery, logistics::confirm, logistics::confirm_by_agent, logistics::plan_convoy, logistics::convoy_status,
        logistics::convoys,
        registry::register, registry::import, registry::read, registry::reads, registry::export, registry::duplicates,
        payment_batches::list, payment_batches::show, payment_batches::pain001, payment_batches::status_report,
        payment_batches::set_payee,
        grievances::file, grievances::list, grievances::show, grievances::acknowledge,
        grievances::decide, grievances::appeal, grievances::decide_appeal,
        duplicate_reviews::search, duplicate_reviews::list, duplicate_reviews::decide,
        programmes::create, programmes::list, programmes::add_rules, programmes::enroll, programmes::set_enrollment,
        programmes::compute_cycle, programmes::cycle, programmes::approve_cycle,
        programmes::entitlement, programmes::create_batch,
        document,
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldDetail)),
    modifiers(&BearerAuth),
    tags(
        (name = "accounts"), (name = "organizations"), (name = "members"), (name = "campaigns"), (name = "donations"), (name = "ledger"), (name = "log"), (name = "geography"), (name = "crisis"), (name = "logistics"), (name = "registry"), (name = "grievances"), (name = "programmes"), (name = "payments"), (name = "meta")
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document")))]
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
