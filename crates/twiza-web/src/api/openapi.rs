//! The OpenAPI 3.1 document of the API, generated from the handlers' annotations and served at
//! `/api/v1/openapi.json`.
//!
//! Handlers document their successes and the refusals of their own rules. The errors that shared
//! mechanisms give — authentication and the access policy of the route table ([`routes::table`]),
//! path identifiers, query strings, JSON bodies, the body limit, the request timeout — are added
//! to every operation by [`SharedErrors`], so the document cannot forget one of them.

use super::{
    authorizations, campaigns, crisis, donations, duplicate_reviews, exports, geo, gifts,
    grievances, ledger, log, logistics, members, missions, organizations, payment_batches,
    programmes, receipts, registry, reports, tokens, volunteers,
};
use crate::authz::Access;
use crate::error::{ErrorBody, ErrorDetail, FieldDetail};
use crate::routes;
use axum::http::header;
use axum::response::IntoResponse;
use std::sync::OnceLock;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
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
        members::change_role, members::remove, members::hand_over,
        campaigns::create, campaigns::list, campaigns::show, campaigns::grant, campaigns::authorization_document, campaigns::refuse,
        campaigns::publish, campaigns::close, authorizations::queue,
        donations::record, receipts::show,
        gifts::create, gifts::callback, gifts::cmi_callback, gifts::show, gifts::donor,
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
        registry::register, registry::import, registry::read, registry::reads, registry::export, registry::duplicates, registry::rectify, registry::withdraw_consent,
        payment_batches::list, payment_batches::show, payment_batches::pain001, payment_batches::status_report,
        payment_batches::set_payee,
        grievances::file, grievances::list, grievances::show, grievances::acknowledge,
        grievances::decide, grievances::appeal, grievances::decide_appeal,
        volunteers::sign_up, volunteers::mine,
        duplicate_reviews::search, duplicate_reviews::list, duplicate_reviews::decide,
        programmes::create, programmes::list, programmes::add_rules, programmes::enroll, programmes::set_enrollment,
        programmes::compute_cycle, programmes::cycle, programmes::approve_cycle,
        programmes::entitlement, programmes::create_batch,
        missions::search, missions::candidates,
        document,
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldDetail)),
    modifiers(&BearerAuth, &SharedErrors),
    tags(
        (name = "accounts"), (name = "organizations"), (name = "members"), (name = "campaigns"), (name = "donations"), (name = "ledger"), (name = "log"), (name = "geography"), (name = "crisis"), (name = "logistics"), (name = "registry"), (name = "grievances"), (name = "programmes"), (name = "volunteering"), (name = "payments"), (name = "meta")
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

/// How an operation reads its request body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BodyReader {
    /// [`super::ApiJson`], or `require_json` then `parse_json`: the media type is checked (415),
    /// serde's errors are classified (400), the fields validated (422).
    Json,
    /// `parse_json` without the media-type check (an optional body).
    JsonAnyMediaType,
    /// Raw bytes that the handler checks itself (and documents what it refuses).
    Raw,
}

/// Operations whose body is not read the usual way for its documented media type.
const BODY_READERS: &[(&str, &str, BodyReader)] = &[
    // The payment provider's signed notification: the signature is checked over the raw bytes,
    // and a body that is not a callback is `invalid_callback` (documented by the handler).
    ("post", "/api/v1/payments/callback", BodyReader::Raw),
    // CMI's form-encoded callback: whatever the body, the answer is CMI's text protocol.
    ("post", "/api/v1/payments/cmi/callback", BodyReader::Raw),
    // An optional body: nothing (or blanks) means "verify".
    (
        "post",
        "/api/v1/organizations/{org_id}/verify",
        BodyReader::JsonAnyMediaType,
    ),
];

/// Adds to every API operation the error responses that shared mechanisms give (see the module
/// documentation), each `application/json` with the [`ErrorBody`] schema; a response a handler
/// documents itself is kept as it is.
struct SharedErrors;

impl Modify for SharedErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let table = routes::table();
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("patch", &mut item.patch),
            ];
            for (method, operation) in operations {
                let Some(operation) = operation.as_mut() else {
                    continue;
                };
                let access = table
                    .iter()
                    .find(|r| r.path == path && r.method.as_str().eq_ignore_ascii_case(method))
                    .map_or(Access::Public, |r| r.access);
                add_shared_errors(method, path, access, operation);
            }
        }
    }
}

fn add_shared_errors(method: &str, path: &str, access: Access, operation: &mut Operation) {
    let has_path_ids = path.contains('{');
    let has_query = operation
        .parameters
        .iter()
        .flatten()
        .any(|p| p.parameter_in == ParameterIn::Query);
    let has_idempotency_key = operation
        .parameters
        .iter()
        .flatten()
        .any(|p| p.parameter_in == ParameterIn::Header && p.name == "Idempotency-Key");
    let reader = operation.request_body.as_ref().map(|body| {
        let listed = BODY_READERS
            .iter()
            .find(|(m, p, _)| *m == method && *p == path)
            .map(|(_, _, reader)| *reader);
        listed.unwrap_or(if body.content.contains_key("application/json") {
            BodyReader::Json
        } else {
            BodyReader::Raw
        })
    });
    let json_body = matches!(
        reader,
        Some(BodyReader::Json | BodyReader::JsonAnyMediaType)
    );

    let mut errors: Vec<(u16, String)> = Vec::new();
    let mut bad_request = Vec::new();
    if json_body {
        bad_request.push(
            "`invalid_json`, `unknown_field`, `missing_field` (with `field`) or `wrong_type`: \
             the body is not the JSON this operation takes",
        );
    }
    if has_query {
        bad_request.push("`invalid_query`: a query parameter is malformed or out of range");
    }
    if has_idempotency_key {
        bad_request.push(
            "`missing_idempotency_key` or `invalid_idempotency_key`: the `Idempotency-Key` \
             header is missing or malformed",
        );
    }
    if !bad_request.is_empty() {
        errors.push((400, bad_request.join("; ") + "."));
    }
    errors.push((
        401,
        match access {
            Access::Public => "`unauthenticated`: the bearer token sent is not valid (unknown or \
                revoked); without a token the operation is served anonymously."
                .to_owned(),
            _ => {
                "`unauthenticated`: no bearer token, or one that is not valid (unknown or revoked)."
                    .to_owned()
            }
        },
    ));
    match access {
        Access::Platform(_) => errors.push((
            403,
            "`forbidden`: the caller holds none of the platform roles of this operation."
                .to_owned(),
        )),
        Access::Org(_) | Access::Personal(_) => errors.push((
            403,
            "`forbidden`: the caller is a member of the association without a role that may do \
             this."
                .to_owned(),
        )),
        Access::Public | Access::SignedIn => {}
    }
    match access {
        Access::Org(_) | Access::Personal(_) => errors.push((
            404,
            "`not_found`: no such association or resource, or the caller is not a member of \
             the association it belongs to."
                .to_owned(),
        )),
        _ if has_path_ids => errors.push((
            404,
            "`not_found`: nothing has this identifier (or it is not one).".to_owned(),
        )),
        _ => {}
    }
    if reader.is_some() {
        errors.push((
            413,
            "`payload_too_large`: the body is larger than this operation accepts.".to_owned(),
        ));
    }
    if reader == Some(BodyReader::Json) {
        errors.push((
            415,
            "`unsupported_media_type`: the body is not sent as `application/json`.".to_owned(),
        ));
    }
    if json_body {
        errors.push((
            422,
            "Invalid values: `code` is the first invalid field's, `fields` lists every invalid \
             field with its code and message."
                .to_owned(),
        ));
    }
    errors.push((
        500,
        "`internal`: an unexpected failure (logged, without personal data).".to_owned(),
    ));
    errors.push((
        503,
        "`timeout`: the request ran longer than the server's limit.".to_owned(),
    ));

    for (status, description) in errors {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| error_response(&description));
    }
}

/// An error response: `application/json` with the [`ErrorBody`] schema.
fn error_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                        "ErrorBody",
                    ))))
                    .build(),
            )
            .build(),
    )
}

/// This document (built once per process).
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json")))]
pub async fn document() -> axum::response::Response {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let json = DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_default());
    ([(header::CONTENT_TYPE, "application/json")], json.as_str()).into_response()
}
