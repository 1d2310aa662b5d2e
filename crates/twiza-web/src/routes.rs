//! The route table: every route of the application with its access policy. The router is built
//! from this table alone, and the authorization tests enumerate it, so a new route is guarded and
//! tested as soon as it is added here.

use crate::authz::{
    enforce, Access, Policy, ANY_MEMBER, AUTHORITIES, COORDINATION, CYCLE_APPROVAL, FIELD,
    LOGISTICS, MANAGERS, PLATFORM_ADMIN, STOCK_TRAIL, TREASURY,
};
use crate::{api, auth, channels, ctx, error, field_app, logsite, openrosa, ops, pages, AppState};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Method};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{delete, get, head, post, MethodRouter};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// One route: method, path template (axum and OpenAPI syntax), policy, handler.
pub struct RouteSpec {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    /// The route's association must be verified (`organization_not_verified` otherwise).
    pub verified: bool,
    handler: MethodRouter<AppState>,
}

impl RouteSpec {
    /// Only for a verified association.
    fn verified(mut self) -> RouteSpec {
        self.verified = true;
        self
    }
}

fn route(
    method: Method,
    path: &'static str,
    access: Access,
    handler: MethodRouter<AppState>,
) -> RouteSpec {
    RouteSpec {
        method,
        path,
        access,
        verified: false,
        handler,
    }
}

use Access::{Org, Personal, Platform, Public, SignedIn};
use Method as M;

/// Every route of Twiza.
#[rustfmt::skip]
pub fn table() -> Vec<RouteSpec> {
    vec![
        // Operations.
        route(M::GET, "/healthz", Public, get(ops::healthz)),
        route(M::GET, "/readyz", Public, get(ops::readyz)),
        route(M::GET, "/metrics", Public, get(ops::metrics)),
        route(M::GET, "/static/style.css", Public, get(pages::stylesheet)),
        route(M::GET, "/static/signout.js", Public, get(pages::signout_script)),
        // Pages.
        route(M::GET, "/", Public, get(pages::home::show)),
        route(M::GET, "/language", Public, get(pages::home::switch_language)),
        route(M::GET, "/sign-up", Public, get(pages::accounts::sign_up_form)),
        route(M::POST, "/sign-up", Public, post(pages::accounts::sign_up)),
        route(M::GET, "/sign-in", Public, get(pages::accounts::sign_in_form)),
        route(M::POST, "/sign-in", Public, post(pages::accounts::sign_in)),
        route(M::POST, "/sign-out", SignedIn, post(pages::accounts::sign_out)),
        route(M::GET, "/password/forgot", Public, get(pages::passwords::forgot_form)),
        route(M::POST, "/password/forgot", Public, post(pages::passwords::forgot)),
        route(M::GET, "/password/reset/{token}", Public, get(pages::passwords::reset_form)),
        route(M::POST, "/password/reset/{token}", Public, post(pages::passwords::reset)),
        route(M::GET, "/invitations/{token}", Public, get(pages::invitations::show)),
        route(M::POST, "/invitations/{token}", SignedIn, post(pages::invitations::accept)),
        route(M::GET, "/directory", Public, get(pages::directory::show)),
        // Open data: the catalogue (page and JSON) and its datasets' downloads.
        route(M::GET, "/open-data", Public, get(pages::open_data::show)),
        route(M::GET, "/open-data/catalogue.json", Public, get(api::open_data::catalogue)),
        route(M::GET, "/open-data/incidents/{incident_id}/coverage.csv", Public, get(api::open_data::coverage)),
        route(M::GET, "/open-data/incidents/{incident_id}/3w.csv", Public, get(api::open_data::three_w)),
        route(M::GET, "/open-data/incidents/{incident_id}/needs.geojson", Public, get(api::open_data::needs)),
        route(M::GET, "/open-data/incidents/{incident_id}/deliveries.csv", Public, get(api::open_data::deliveries)),
        route(M::GET, "/open-data/campaigns/{campaign_id}/donations.csv", Public, get(api::open_data::donations)),
        route(M::GET, "/open-data/campaigns/{campaign_id}/expenses.csv", Public, get(api::open_data::expenses)),
        route(M::GET, "/check", Public, get(pages::campaigns::check)),
        route(M::GET, "/incidents", Public, get(pages::incidents::list)),
        route(M::GET, "/incidents/{incident_id}", Public, get(pages::incidents::show)),
        route(M::GET, "/incidents/{incident_id}/report", Public, get(pages::incidents::report_form)),
        route(M::POST, "/incidents/{incident_id}/needs", Public, post(pages::incidents::report)),
        route(M::GET, "/needs/{reference}", Public, get(pages::incidents::show_need)),
        route(M::GET, "/campaigns/{campaign_id}", Public, get(pages::campaigns::show)),
        route(M::POST, "/campaigns/{campaign_id}/gifts", Public, post(pages::campaigns::give)),
        route(M::GET, "/gifts/{reference}", Public, get(pages::campaigns::gift)),
        route(M::GET, "/gifts/{reference}/pay", Public, get(pages::campaigns::pay)),
        route(M::GET, "/campaigns/{campaign_id}/report", Public, get(pages::reports::show)),
        route(M::GET, "/associations/new", SignedIn, get(pages::organizations::new_form)),
        route(M::POST, "/associations", SignedIn, post(pages::organizations::create)),
        route(M::GET, "/associations/{org_id}", Public, get(pages::organizations::profile)),
        route(M::GET, "/associations/{org_id}/logo", Public, get(pages::organizations::logo)),
        route(M::GET, "/associations/{org_id}/manage", Org(ANY_MEMBER), get(pages::organizations::manage)),
        route(M::POST, "/associations/{org_id}/invitations", Org(MANAGERS), post(pages::organizations::invite)),
        route(M::POST, "/associations/{org_id}/logo", Org(MANAGERS), post(pages::organizations::upload_logo)),
        route(M::POST, "/associations/{org_id}/documents", Org(MANAGERS), post(pages::organizations::upload_document).layer(DefaultBodyLimit::max(pages::organizations::DOCUMENT_BODY_LIMIT))),
        route(M::GET, "/associations/{org_id}/documents/{document_id}", Personal(ANY_MEMBER), get(pages::organizations::download_document)),
        route(M::GET, "/associations/{org_id}/members", Org(ANY_MEMBER), get(pages::members::list)),
        route(M::GET, "/associations/{org_id}/campaigns", Org(TREASURY), get(pages::treasury::list)),
        route(M::GET, "/associations/{org_id}/campaigns/new", Org(TREASURY), get(pages::treasury::new_form)),
        route(M::POST, "/associations/{org_id}/campaigns", Org(TREASURY), post(pages::treasury::create)).verified(),
        route(M::GET, "/campaigns/{campaign_id}/desk", Org(TREASURY), get(pages::treasury::desk)),
        route(M::POST, "/campaigns/{campaign_id}/authorization/request-document", Org(TREASURY), post(pages::treasury::send_request_document).layer(DefaultBodyLimit::max(pages::treasury::DOCUMENT_BODY_LIMIT))),
        route(M::GET, "/campaigns/{campaign_id}/authorization/request-document", Org(TREASURY), get(pages::treasury::request_document)),
        route(M::POST, "/campaigns/{campaign_id}/publish", Org(TREASURY), post(pages::treasury::publish)),
        route(M::POST, "/campaigns/{campaign_id}/close", Org(TREASURY), post(pages::treasury::close)),
        route(M::GET, "/campaigns/{campaign_id}/donations", Org(TREASURY), get(pages::donations::list)),
        route(M::GET, "/campaigns/{campaign_id}/donations/new", Org(TREASURY), get(pages::donations::new_form)),
        route(M::POST, "/campaigns/{campaign_id}/donations", Org(TREASURY), post(pages::donations::record)),
        route(M::GET, "/campaigns/{campaign_id}/donations/{donation_id}/donor", Org(TREASURY), get(pages::donations::donor)),
        route(M::GET, "/associations/{org_id}/payment-batches", Org(TREASURY), get(pages::payment_batches::list)),
        route(M::GET, "/associations/{org_id}/payment-batches/{batch_id}", Org(TREASURY), get(pages::payment_batches::show)),
        route(M::GET, "/associations/{org_id}/payment-batches/{batch_id}/pain.001.xml", Personal(TREASURY), get(pages::payment_batches::bank_file)),
        route(M::POST, "/associations/{org_id}/payment-batches/{batch_id}/status-report", Org(TREASURY), post(pages::payment_batches::upload_report)),
        // The association's IATI activity file: published from its page, served to everyone.
        route(M::GET, "/associations/{org_id}/open-data/iati", Org(TREASURY), get(pages::iati::show)),
        route(M::POST, "/associations/{org_id}/open-data/iati", Org(TREASURY), post(pages::iati::publish)),
        route(M::GET, "/open-data/iati/{org_file}", Public, get(pages::iati::file)),
        route(M::GET, "/associations/{org_id}/programmes", Org(CYCLE_APPROVAL), get(pages::programmes::list)),
        route(M::GET, "/associations/{org_id}/programmes/new", Org(COORDINATION), get(pages::programmes::new_form)),
        route(M::POST, "/associations/{org_id}/programmes", Org(COORDINATION), post(pages::programmes::create)),
        route(M::GET, "/associations/{org_id}/programmes/{programme_id}", Org(CYCLE_APPROVAL), get(pages::programmes::show)),
        route(M::POST, "/associations/{org_id}/programmes/{programme_id}/rules", Org(COORDINATION), post(pages::programmes::rules)),
        route(M::POST, "/associations/{org_id}/programmes/{programme_id}/enrollments", Personal(COORDINATION), post(pages::programmes::enroll)),
        route(M::POST, "/associations/{org_id}/programmes/{programme_id}/cycles", Personal(COORDINATION), post(pages::programmes::compute)),
        route(M::GET, "/associations/{org_id}/cycles/{cycle_id}", Personal(CYCLE_APPROVAL), get(pages::programmes::cycle)),
        route(M::POST, "/associations/{org_id}/cycles/{cycle_id}/approve", Personal(CYCLE_APPROVAL), post(pages::programmes::approve)),
        route(M::POST, "/associations/{org_id}/cycles/{cycle_id}/payment-batch", Org(TREASURY), post(pages::programmes::create_batch)),
        // Volunteering: missions, applications and matching.
        route(M::GET, "/missions", Public, get(pages::missions::search)),
        route(M::GET, "/missions/{mission_id}", Public, get(pages::missions::show)),
        route(M::POST, "/missions/{mission_id}/shifts/{shift_id}/apply", SignedIn, post(pages::missions::apply)),
        route(M::GET, "/volunteer/missions", SignedIn, get(pages::missions::fitting)),
        route(M::POST, "/volunteer/applications/{application_id}/withdraw", SignedIn, post(pages::missions::withdraw)),
        route(M::GET, "/associations/{org_id}/missions", Org(COORDINATION), get(pages::missions::org_list)),
        route(M::GET, "/associations/{org_id}/missions/new", Org(COORDINATION), get(pages::missions::new_form)),
        route(M::POST, "/associations/{org_id}/missions/new", Org(COORDINATION), post(pages::missions::create)),
        route(M::GET, "/associations/{org_id}/missions/{mission_id}", Org(COORDINATION), get(pages::missions::manage)),
        route(M::POST, "/associations/{org_id}/missions/{mission_id}/shifts", Org(COORDINATION), post(pages::missions::add_shift)),
        route(M::POST, "/associations/{org_id}/missions/{mission_id}/invitations", Org(COORDINATION), post(pages::missions::invite)),
        route(M::GET, "/associations/{org_id}/missions/{mission_id}/candidates", Org(COORDINATION), get(pages::missions::candidates)),
        route(M::POST, "/associations/{org_id}/applications/{application_id}/accept", Org(COORDINATION), post(pages::missions::accept)),
        route(M::POST, "/associations/{org_id}/applications/{application_id}/decline", Org(COORDINATION), post(pages::missions::decline)),
        route(M::GET, "/associations/{org_id}/grievances", Personal(COORDINATION), get(pages::grievances::list)),
        route(M::GET, "/associations/{org_id}/grievances/{grievance_id}", Personal(COORDINATION), get(pages::grievances::show)),
        route(M::POST, "/associations/{org_id}/grievances/{grievance_id}/acknowledge", Personal(COORDINATION), post(pages::grievances::acknowledge)),
        route(M::POST, "/associations/{org_id}/grievances/{grievance_id}/decision", Personal(COORDINATION), post(pages::grievances::decide)),
        route(M::POST, "/associations/{org_id}/grievances/{grievance_id}/appeal", Personal(FIELD), post(pages::grievances::appeal)),
        route(M::POST, "/associations/{org_id}/grievances/{grievance_id}/appeal/decision", Personal(COORDINATION), post(pages::grievances::decide_appeal)),
        route(M::GET, "/associations/{org_id}/households/{household_id}/grievances/new", Personal(FIELD), get(pages::grievances::new_form)),
        route(M::POST, "/associations/{org_id}/households/{household_id}/grievances", Personal(FIELD), post(pages::grievances::file)),
        // Volunteering: the volunteer's own pages and the host's.
        route(M::GET, "/volunteer", Public, get(pages::volunteers::home)),
        route(M::GET, "/volunteer/sign-up", Public, get(pages::volunteers::sign_up_form)),
        route(M::POST, "/volunteer/sign-up", SignedIn, post(pages::volunteers::sign_up)),
        route(M::GET, "/volunteer/profile", SignedIn, get(pages::volunteers::profile_form)),
        route(M::POST, "/volunteer/profile", SignedIn, post(pages::volunteers::update_profile)),
        route(M::GET, "/volunteer/export", SignedIn, get(pages::volunteers::export)),
        route(M::GET, "/volunteer/delete", SignedIn, get(pages::volunteers::delete_form)),
        route(M::POST, "/volunteer/delete", SignedIn, post(pages::volunteers::delete)),
        route(M::POST, "/volunteer/documents", SignedIn, post(pages::volunteers::upload_document).layer(DefaultBodyLimit::max(pages::volunteers::DOCUMENT_BODY_LIMIT))),
        route(M::GET, "/associations/{org_id}/volunteering", Org(COORDINATION), get(pages::volunteers::volunteering)),
        route(M::GET, "/associations/{org_id}/volunteering/accreditation", Org(MANAGERS), get(pages::volunteers::accreditation_form)),
        route(M::POST, "/associations/{org_id}/volunteering/accreditation", Org(MANAGERS), post(pages::volunteers::record_accreditation).layer(DefaultBodyLimit::max(pages::volunteers::DOCUMENT_BODY_LIMIT))),
        route(M::GET, "/associations/{org_id}/volunteers/{volunteer_id}", Personal(COORDINATION), get(pages::volunteers::host_volunteer)),
        route(M::GET, "/associations/{org_id}/volunteers/{volunteer_id}/documents/{document_id}", Personal(COORDINATION), get(pages::volunteers::host_document)),
        route(M::POST, "/associations/{org_id}/volunteers/{volunteer_id}/record-check", Personal(COORDINATION), post(pages::volunteers::record_check)),
        route(M::GET, "/associations/{org_id}/alerts", Org(COORDINATION), get(pages::alerts::org_list)),
        route(M::GET, "/associations/{org_id}/alerts/new", Org(COORDINATION), get(pages::alerts::org_new_form)),
        route(M::POST, "/associations/{org_id}/alerts/preview", Org(COORDINATION), post(pages::alerts::org_preview)),
        route(M::POST, "/associations/{org_id}/alerts", Org(COORDINATION), post(pages::alerts::org_send)),
        route(M::GET, "/associations/{org_id}/alerts/{broadcast_id}", Org(COORDINATION), get(pages::alerts::org_show)),
        route(M::GET, "/campaigns/{campaign_id}/expenses", Org(TREASURY), get(pages::expenses::list)),
        route(M::POST, "/campaigns/{campaign_id}/expenses", Org(TREASURY), post(pages::expenses::submit).layer(DefaultBodyLimit::max(pages::expenses::EXPENSE_FORM_LIMIT))),
        route(M::GET, "/expenses/{expense_id}/approve", Org(TREASURY), get(pages::expenses::approve_check)),
        route(M::POST, "/expenses/{expense_id}/approve", Org(TREASURY), post(pages::expenses::approve)),
        route(M::GET, "/expenses/{expense_id}/reject", Org(TREASURY), get(pages::expenses::reject_form)),
        route(M::POST, "/expenses/{expense_id}/reject", Org(TREASURY), post(pages::expenses::reject)),
        route(M::GET, "/expenses/{expense_id}/evidence", Org(TREASURY), get(pages::expenses::evidence)),
        route(M::GET, "/associations/{org_id}/transfers", Org(TREASURY), get(pages::transfers::list)),
        route(M::POST, "/associations/{org_id}/transfers", Org(TREASURY), post(pages::transfers::send)),
        route(M::POST, "/transfers/{transfer_id}/confirm", Org(TREASURY), post(pages::transfers::confirm)),
        route(M::GET, "/associations/{org_id}/books", Org(TREASURY), get(pages::books::show)),
        route(M::POST, "/associations/{org_id}/members/{user_id}/role", Org(MANAGERS), post(pages::members::change_role)),
        route(M::POST, "/associations/{org_id}/members/{user_id}/remove", Org(MANAGERS), post(pages::members::remove)),
        route(M::POST, "/associations/{org_id}/members/{user_id}/communes", Org(MANAGERS), post(pages::members::set_communes)),
        route(M::POST, "/associations/{org_id}/ownership", Org(MANAGERS), post(pages::members::hand_over)),
        route(M::GET, "/associations/{org_id}/incidents", Org(COORDINATION), get(pages::board::incidents)),
        route(M::GET, "/associations/{org_id}/incidents/{incident_id}", Org(COORDINATION), get(pages::board::association_board)),
        route(M::GET, "/associations/{org_id}/needs/{need_id}/pledge", Org(COORDINATION), get(pages::board::pledge_form)),
        route(M::POST, "/associations/{org_id}/needs/{need_id}/pledge", Org(COORDINATION), post(pages::board::pledge)).verified(),
        route(M::GET, "/associations/{org_id}/needs/{need_id}/contact", Personal(COORDINATION), get(pages::board::contact)),
        route(M::GET, "/associations/{org_id}/stock", Org(FIELD), get(pages::stock::show)),
        route(M::POST, "/associations/{org_id}/warehouses", Org(LOGISTICS), post(pages::stock::create_warehouse)),
        route(M::GET, "/associations/{org_id}/stock/receive", Org(LOGISTICS), get(pages::stock::receive_form)),
        route(M::POST, "/associations/{org_id}/stock/receive", Org(LOGISTICS), post(pages::stock::receive)),
        route(M::GET, "/associations/{org_id}/lots/{lot_id}", Org(STOCK_TRAIL), get(pages::stock::lot)),
        route(M::POST, "/associations/{org_id}/lots/{lot_id}/move", Org(LOGISTICS), post(pages::stock::move_lot)),
        route(M::POST, "/associations/{org_id}/lots/{lot_id}/count", Org(LOGISTICS), post(pages::stock::count_lot)),
        route(M::GET, "/associations/{org_id}/incidents/{incident_id}/assessments/new", Org(FIELD), get(pages::field::assessment_form)),
        route(M::POST, "/associations/{org_id}/incidents/{incident_id}/assessments", Org(FIELD), post(pages::field::assess)).verified(),
        route(M::GET, "/associations/{org_id}/deliveries", Org(FIELD), get(pages::deliveries::list)),
        route(M::GET, "/associations/{org_id}/deliveries/new", Org(FIELD), get(pages::deliveries::new_form)),
        route(M::POST, "/associations/{org_id}/deliveries", Org(FIELD), post(pages::deliveries::prepare)),
        route(M::GET, "/associations/{org_id}/deliveries/{delivery_id}", Org(FIELD), get(pages::deliveries::show)),
        route(M::POST, "/associations/{org_id}/deliveries/{delivery_id}/confirm", Org(FIELD), post(pages::deliveries::confirm)),
        route(M::POST, "/associations/{org_id}/deliveries/{delivery_id}/confirm-by-agent", Org(FIELD), post(pages::deliveries::confirm_by_agent).layer(DefaultBodyLimit::max(pages::deliveries::AGENT_PROOF_LIMIT))),
        route(M::GET, "/associations/{org_id}/convoys", Org(LOGISTICS), get(pages::convoys::list)),
        route(M::GET, "/associations/{org_id}/convoys/new", Org(LOGISTICS), get(pages::convoys::new_form)),
        route(M::POST, "/associations/{org_id}/convoys", Org(LOGISTICS), post(pages::convoys::plan)),
        route(M::POST, "/associations/{org_id}/convoys/{convoy_id}/status", Org(LOGISTICS), post(pages::convoys::set_status)),
        route(M::GET, "/associations/{org_id}/households", Personal(FIELD), get(pages::registry::list)),
        route(M::GET, "/associations/{org_id}/households/new", Org(FIELD), get(pages::registry::new_form)),
        route(M::POST, "/associations/{org_id}/households", Org(FIELD), post(pages::registry::register)),
        route(M::GET, "/associations/{org_id}/households/{household_id}", Personal(FIELD), get(pages::registry::show)),
        route(M::POST, "/associations/{org_id}/households/{household_id}/consents/withdrawal", Personal(COORDINATION), post(pages::registry::withdraw)),
        route(M::GET, "/associations/{org_id}/households/{household_id}/members/{person_id}/rectification", Personal(COORDINATION), get(pages::registry::rectify_form)),
        route(M::POST, "/associations/{org_id}/households/{household_id}/members/{person_id}/rectification", Personal(COORDINATION), post(pages::registry::rectify)),
        route(M::GET, "/associations/{org_id}/households/{household_id}/export", Personal(COORDINATION), get(pages::registry::export)),
        route(M::GET, "/associations/{org_id}/household-files", Org(COORDINATION), get(pages::household_files::form)),
        route(M::POST, "/associations/{org_id}/household-files", Personal(COORDINATION), post(pages::household_files::upload).layer(DefaultBodyLimit::max(twiza_app::registry::UPLOAD_LIMIT + 64 * 1024))),
        route(M::GET, "/associations/{org_id}/household-files/{token}", Personal(COORDINATION), get(pages::household_files::report)),
        route(M::POST, "/associations/{org_id}/household-files/{token}", Personal(COORDINATION), post(pages::household_files::import)),
        route(M::GET, "/associations/{org_id}/duplicates", Personal(COORDINATION), get(pages::duplicates::queue)),
        route(M::POST, "/associations/{org_id}/duplicates/search", Personal(COORDINATION), post(pages::duplicates::search)),
        route(M::POST, "/associations/{org_id}/duplicates/{pair_id}", Personal(COORDINATION), post(pages::duplicates::decide)),
        route(M::GET, "/me/associations", SignedIn, get(pages::organizations::mine)),
        route(M::POST, "/me/invitations/{invitation_id}/accept", SignedIn, post(pages::organizations::accept_invitation)),
        route(M::GET, "/me/tokens", SignedIn, get(pages::tokens::list)),
        route(M::POST, "/me/tokens", SignedIn, post(pages::tokens::create)),
        route(M::POST, "/me/tokens/{token_id}/revoke", SignedIn, post(pages::tokens::revoke)),
        route(M::GET, "/verify", Public, get(pages::verify::form)),
        route(M::POST, "/verify", Public, post(pages::verify::check)),
        route(M::GET, "/static/verify.js", Public, get(pages::verify::script)),
        // The offline field app.
        route(M::GET, "/field/", SignedIn, get(field_app::home)),
        route(M::GET, "/field/assessment", SignedIn, get(field_app::assessment)),
        route(M::GET, "/field/household", SignedIn, get(field_app::household)),
        route(M::GET, "/field/delivery", SignedIn, get(field_app::delivery)),
        route(M::GET, "/field/device", SignedIn, get(field_app::device)),
        route(M::GET, "/field/app.js", Public, get(field_app::script)),
        route(M::GET, "/field/sw.js", Public, get(field_app::service_worker)),
        route(M::GET, "/field/icon.svg", Public, get(field_app::icon)),
        route(M::GET, "/field/manifest.webmanifest", Public, get(field_app::manifest)),
        route(M::GET, "/field/api/{org_id}/bundle", Org(FIELD), get(field_app::bundle)),
        route(M::POST, "/field/api/{org_id}/sync", Org(FIELD), post(field_app::sync)).verified(),
        route(M::GET, "/donations/{donation_id}/receipt", Org(TREASURY), get(pages::verify::printable)),
        route(M::GET, "/donations/{donation_id}/receipt.json", Org(TREASURY), get(pages::verify::file)),
        route(M::GET, "/authority/authorizations", Platform(AUTHORITIES), get(pages::authority::queue)),
        route(M::GET, "/authority/authorizations/{campaign_id}", Platform(AUTHORITIES), get(pages::authority::show)),
        route(M::GET, "/authority/authorizations/{campaign_id}/request-document", Platform(AUTHORITIES), get(pages::authority::request_document)),
        route(M::POST, "/authority/authorizations/{campaign_id}/grant", Platform(AUTHORITIES), post(pages::authority::grant)),
        route(M::POST, "/authority/authorizations/{campaign_id}/refuse", Platform(AUTHORITIES), post(pages::authority::refuse)),
        route(M::GET, "/authority/incidents/new", Platform(AUTHORITIES), get(pages::declaration::new_form)),
        route(M::POST, "/authority/incidents", Platform(AUTHORITIES), post(pages::declaration::declare)),
        route(M::GET, "/authority/incidents/{incident_id}", Platform(AUTHORITIES), get(pages::declaration::show)),
        route(M::POST, "/authority/incidents/{incident_id}/douars", Platform(AUTHORITIES), post(pages::declaration::create_douar)),
        route(M::GET, "/authority/incidents", Platform(AUTHORITIES), get(pages::board::authority_incidents)),
        route(M::GET, "/authority/incidents/{incident_id}/needs", Platform(AUTHORITIES), get(pages::board::authority_board)),
        route(M::GET, "/authority/needs/{need_id}", Platform(AUTHORITIES), get(pages::triage::show)),
        route(M::POST, "/authority/needs/{need_id}/verify", Platform(AUTHORITIES), post(pages::triage::verify)),
        route(M::POST, "/authority/needs/{need_id}/merge", Platform(AUTHORITIES), post(pages::triage::merge)),
        route(M::POST, "/authority/needs/{need_id}/assign", Platform(AUTHORITIES), post(pages::triage::assign)),
        route(M::GET, "/authority/alerts", Platform(AUTHORITIES), get(pages::alerts::authority_list)),
        route(M::GET, "/authority/alerts/new", Platform(AUTHORITIES), get(pages::alerts::authority_new_form)),
        route(M::POST, "/authority/alerts/preview", Platform(AUTHORITIES), post(pages::alerts::authority_preview)),
        route(M::POST, "/authority/alerts", Platform(AUTHORITIES), post(pages::alerts::authority_send)),
        route(M::GET, "/authority/alerts/{broadcast_id}", Platform(AUTHORITIES), get(pages::alerts::authority_show)),
        route(M::GET, "/admin", Platform(PLATFORM_ADMIN), get(pages::administration::home)),
        route(M::GET, "/admin/accounts", Platform(PLATFORM_ADMIN), get(pages::administration::accounts)),
        route(M::GET, "/admin/accounts/new", Platform(PLATFORM_ADMIN), get(pages::administration::new_form)),
        route(M::POST, "/admin/accounts", Platform(PLATFORM_ADMIN), post(pages::administration::create)),
        route(M::GET, "/admin/accounts/{user_id}", Platform(PLATFORM_ADMIN), get(pages::administration::show)),
        route(M::POST, "/admin/accounts/{user_id}/disable", Platform(PLATFORM_ADMIN), post(pages::administration::disable)),
        route(M::POST, "/admin/accounts/{user_id}/enable", Platform(PLATFORM_ADMIN), post(pages::administration::enable)),
        route(M::POST, "/admin/accounts/{user_id}/role", Platform(PLATFORM_ADMIN), post(pages::administration::change_role)),
        route(M::GET, "/admin/verification", Platform(PLATFORM_ADMIN), get(pages::admin::queue)),
        route(M::GET, "/admin/operations", Platform(PLATFORM_ADMIN), get(pages::operations::show)),
        route(M::POST, "/admin/operations/retention", Platform(PLATFORM_ADMIN), post(pages::operations::run_retention)),
        route(M::POST, "/admin/verification/{org_id}", Platform(PLATFORM_ADMIN), post(pages::admin::decide)),
        // The transparency log, per C2SP (signed-note key, tlog-checkpoint, tlog-tiles).
        route(M::GET, "/log/key", Public, get(logsite::key)),
        route(M::GET, "/log/checkpoint", Public, get(logsite::checkpoint)),
        route(M::GET, "/log/tile/{*path}", Public, get(logsite::tile)),
        // JSON API.
        route(M::GET, "/api/v1/openapi.json", Public, get(api::openapi::document)),
        route(M::POST, "/api/v1/tokens", Public, post(api::tokens::create)),
        route(M::GET, "/api/v1/tokens", SignedIn, get(api::tokens::list)),
        route(M::DELETE, "/api/v1/tokens/{token_id}", SignedIn, delete(api::tokens::revoke)),
        route(M::GET, "/api/v1/me", SignedIn, get(api::tokens::me)),
        route(M::GET, "/api/v1/organizations", Public, get(api::organizations::directory)),
        route(M::POST, "/api/v1/organizations", SignedIn, post(api::organizations::create)),
        route(M::GET, "/api/v1/organizations/{org_id}", Public, get(api::organizations::show)),
        route(M::POST, "/api/v1/organizations/{org_id}/verify", Platform(PLATFORM_ADMIN), post(api::organizations::verify)),
        route(M::GET, "/api/v1/organizations/{org_id}/members", Org(ANY_MEMBER), get(api::members::list)),
        route(M::GET, "/api/v1/organizations/{org_id}/invitations", Org(MANAGERS), get(api::members::invitations)),
        route(M::POST, "/api/v1/organizations/{org_id}/members/{user_id}/role", Org(MANAGERS), post(api::members::change_role)),
        route(M::DELETE, "/api/v1/organizations/{org_id}/members/{user_id}", Org(MANAGERS), delete(api::members::remove)),
        route(M::POST, "/api/v1/organizations/{org_id}/ownership", Org(MANAGERS), post(api::members::hand_over)),
        route(M::POST, "/api/v1/organizations/{org_id}/invitations", Org(MANAGERS), post(api::members::invite)),
        route(M::POST, "/api/v1/invitations/{invitation_id}/accept", SignedIn, post(api::members::accept)),
        route(M::POST, "/api/v1/organizations/{org_id}/campaigns", Org(TREASURY), post(api::campaigns::create)).verified(),
        route(M::GET, "/api/v1/organizations/{org_id}/campaigns", Org(TREASURY), get(api::campaigns::list)),
        route(M::GET, "/api/v1/campaigns/{campaign_id}", Public, get(api::campaigns::show)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/authorization/grant", Platform(AUTHORITIES), post(api::campaigns::grant).layer(DefaultBodyLimit::max(api::campaigns::GRANT_BODY_LIMIT))),
        route(M::GET, "/api/v1/campaigns/{campaign_id}/authorization/document", Public, get(api::campaigns::authorization_document)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/authorization/refuse", Platform(AUTHORITIES), post(api::campaigns::refuse)),
        route(M::GET, "/api/v1/authorizations", Platform(AUTHORITIES), get(api::authorizations::queue)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/publish", Org(TREASURY), post(api::campaigns::publish)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/close", Org(TREASURY), post(api::campaigns::close)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/donations", Org(TREASURY), post(api::donations::record)),
        route(M::GET, "/api/v1/donations/{donation_id}/receipt", Org(TREASURY), get(api::receipts::show)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/gifts", Public, post(api::gifts::create)),
        route(M::GET, "/api/v1/campaigns/{campaign_id}/donations/{donation_id}/donor", Org(TREASURY), get(api::gifts::donor)),
        route(M::POST, "/api/v1/payments/callback", Public, post(api::gifts::callback)),
        route(M::POST, "/api/v1/payments/cmi/callback", Public, post(api::gifts::cmi_callback)),
        // SMS gateways' webhooks: authenticated by their own signature or shared secret.
        route(M::POST, "/channels/sms/twilio", Public, post(channels::twilio::inbound)),
        route(M::POST, "/channels/sms/twilio/status", Public, post(channels::twilio::status)),
        route(M::GET, "/channels/sms/kannel", Public, get(channels::kannel::inbound)),
        route(M::POST, "/channels/sms/kannel", Public, post(channels::kannel::inbound)),
        route(M::GET, "/channels/sms/kannel/dlr", Public, get(channels::kannel::delivery_report)),
        // Feature phones: the USSD gateway's callback (its addresses only).
        route(M::POST, "/channels/ussd/africastalking", Public, post(channels::ussd::africastalking)),
        // ODK Collect and KoboCollect (OpenRosa): authenticated by HTTP Basic in the handlers,
        // the association's roles checked there; under an association for an account in several.
        route(M::GET, "/openrosa/formList", Public, get(openrosa::form_list)),
        route(M::GET, "/openrosa/forms/{form_id}", Public, get(openrosa::form)),
        route(M::GET, "/openrosa/forms/{form_id}/manifest", Public, get(openrosa::manifest)),
        route(M::GET, "/openrosa/forms/{form_id}/media/{file}", Public, get(openrosa::media)),
        route(M::HEAD, "/openrosa/submission", Public, head(openrosa::submission_head)),
        route(M::POST, "/openrosa/submission", Public, post(openrosa::submit).layer(DefaultBodyLimit::max(openrosa::SUBMISSION_BODY_LIMIT))),
        route(M::GET, "/associations/{org_id}/openrosa/formList", Public, get(openrosa::form_list)),
        route(M::GET, "/associations/{org_id}/openrosa/forms/{form_id}", Public, get(openrosa::form)),
        route(M::GET, "/associations/{org_id}/openrosa/forms/{form_id}/manifest", Public, get(openrosa::manifest)),
        route(M::GET, "/associations/{org_id}/openrosa/forms/{form_id}/media/{file}", Public, get(openrosa::media)),
        route(M::HEAD, "/associations/{org_id}/openrosa/submission", Public, head(openrosa::submission_head)),
        route(M::POST, "/associations/{org_id}/openrosa/submission", Public, post(openrosa::submit).layer(DefaultBodyLimit::max(openrosa::SUBMISSION_BODY_LIMIT))),
        route(M::GET, "/api/v1/gifts/{reference}", Public, get(api::gifts::show)),
        route(M::GET, "/api/v1/organizations/{org_id}/ledger", Org(TREASURY), get(api::ledger::trial_balance)),
        route(M::POST, "/api/v1/campaigns/{campaign_id}/expenses", Org(TREASURY), post(api::ledger::submit_expense).layer(DefaultBodyLimit::max(api::ledger::EXPENSE_BODY_LIMIT))),
        route(M::GET, "/api/v1/campaigns/{campaign_id}/expenses", Org(TREASURY), get(api::ledger::list_expenses)),
        route(M::POST, "/api/v1/expenses/{expense_id}/approve", Org(TREASURY), post(api::ledger::approve_expense)),
        route(M::POST, "/api/v1/expenses/{expense_id}/reject", Org(TREASURY), post(api::ledger::reject_expense)),
        route(M::GET, "/api/v1/expenses/{expense_id}/evidence", Org(TREASURY), get(api::ledger::evidence)),
        route(M::POST, "/api/v1/organizations/{org_id}/transfers", Org(TREASURY), post(api::ledger::create_transfer)),
        route(M::GET, "/api/v1/organizations/{org_id}/transfers", Org(TREASURY), get(api::ledger::list_transfers)),
        route(M::POST, "/api/v1/transfers/{transfer_id}/confirm", Org(TREASURY), post(api::ledger::confirm_transfer)),
        route(M::GET, "/api/v1/campaigns/{campaign_id}/report", Public, get(api::reports::show)),
        route(M::GET, "/api/v1/campaigns/{campaign_id}/report.csv", Public, get(api::reports::csv)),
        route(M::GET, "/api/v1/log/head", Public, get(api::log::head)),
        route(M::GET, "/api/v1/log/checkpoints", Public, get(api::log::checkpoints)),
        route(M::GET, "/api/v1/log/entries/{index}", Public, get(api::log::entry)),
        route(M::GET, "/api/v1/log/proof/inclusion", Public, get(api::log::inclusion)),
        route(M::GET, "/api/v1/log/proof/consistency", Public, get(api::log::consistency)),
        route(M::GET, "/api/v1/incidents", Public, get(api::crisis::list)),
        route(M::POST, "/api/v1/incidents", Platform(AUTHORITIES), post(api::crisis::declare)),
        route(M::GET, "/api/v1/incidents/{incident_id}", Public, get(api::crisis::show)),
        route(M::GET, "/api/v1/incidents/{incident_id}/douars", Public, get(api::crisis::douars)),
        route(M::POST, "/api/v1/incidents/{incident_id}/douars", Platform(AUTHORITIES), post(api::crisis::add_douar)),
        route(M::GET, "/api/v1/incidents/{incident_id}/needs", Public, get(api::crisis::needs)),
        route(M::GET, "/api/v1/incidents/{incident_id}/held-needs", Platform(AUTHORITIES), get(api::crisis::held_needs)),
        route(M::POST, "/api/v1/incidents/{incident_id}/needs", Public, post(api::crisis::report)),
        route(M::GET, "/api/v1/incidents/{incident_id}/pledges", Public, get(api::crisis::pledges)),
        route(M::GET, "/api/v1/incidents/{incident_id}/coverage", Public, get(api::crisis::coverage)),
        route(M::GET, "/api/v1/incidents/{incident_id}/exports/3w.csv", Public, get(api::exports::three_w)),
        route(M::GET, "/api/v1/incidents/{incident_id}/exports/needs.geojson", Public, get(api::exports::needs_geojson)),
        route(M::GET, "/api/v1/needs/{need_id}", Public, get(api::crisis::need)),
        route(M::POST, "/api/v1/needs/{need_id}/verify", Platform(AUTHORITIES), post(api::crisis::verify)),
        route(M::POST, "/api/v1/needs/{need_id}/merge", Platform(AUTHORITIES), post(api::crisis::merge)),
        route(M::POST, "/api/v1/needs/{need_id}/assign", Platform(AUTHORITIES), post(api::crisis::assign)),
        route(M::POST, "/api/v1/needs/{need_id}/accept", Platform(AUTHORITIES), post(api::crisis::accept)),
        route(M::POST, "/api/v1/needs/{need_id}/reject", Platform(AUTHORITIES), post(api::crisis::reject)),
        route(M::POST, "/api/v1/organizations/{org_id}/incidents/{incident_id}/assessments", Org(FIELD), post(api::crisis::assess)).verified(),
        route(M::POST, "/api/v1/organizations/{org_id}/incidents/{incident_id}/pledges", Org(COORDINATION), post(api::crisis::pledge)).verified(),
        route(M::POST, "/api/v1/organizations/{org_id}/pledges/{pledge_id}/status", Org(COORDINATION), post(api::crisis::pledge_status)),
        route(M::GET, "/api/v1/organizations/{org_id}/needs/{need_id}/contact", Org(COORDINATION), get(api::crisis::contact)),
        route(M::GET, "/api/v1/items", Public, get(api::logistics::items)),
        route(M::POST, "/api/v1/organizations/{org_id}/warehouses", Org(LOGISTICS), post(api::logistics::create_warehouse)),
        route(M::POST, "/api/v1/organizations/{org_id}/stock", Org(LOGISTICS), post(api::logistics::receive)),
        route(M::GET, "/api/v1/organizations/{org_id}/stock", Org(FIELD), get(api::logistics::stock)),
        route(M::POST, "/api/v1/organizations/{org_id}/deliveries", Org(FIELD), post(api::logistics::create_delivery)),
        route(M::POST, "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm", Org(FIELD), post(api::logistics::confirm)),
        route(M::POST, "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm-by-agent", Org(FIELD), post(api::logistics::confirm_by_agent).layer(DefaultBodyLimit::max(api::logistics::AGENT_PROOF_BODY_LIMIT))),
        route(M::POST, "/api/v1/organizations/{org_id}/incidents/{incident_id}/convoys", Org(LOGISTICS), post(api::logistics::plan_convoy)),
        route(M::POST, "/api/v1/organizations/{org_id}/convoys/{convoy_id}/status", Org(LOGISTICS), post(api::logistics::convoy_status)),
        route(M::GET, "/api/v1/incidents/{incident_id}/convoys", Public, get(api::logistics::convoys)),
        route(M::POST, "/api/v1/organizations/{org_id}/households", Org(FIELD), post(api::registry::register)),
        route(M::POST, "/api/v1/organizations/{org_id}/households/import", Personal(COORDINATION), post(api::registry::import).layer(DefaultBodyLimit::max(api::registry::IMPORT_BODY_LIMIT))),
        route(M::GET, "/api/v1/organizations/{org_id}/households/{household_id}", Personal(FIELD), get(api::registry::read)),
        route(M::GET, "/api/v1/organizations/{org_id}/households/{household_id}/reads", Personal(COORDINATION), get(api::registry::reads)),
        route(M::GET, "/api/v1/organizations/{org_id}/households/{household_id}/export", Personal(COORDINATION), get(api::registry::export)),
        route(M::GET, "/api/v1/organizations/{org_id}/households/{household_id}/duplicates", Personal(COORDINATION), get(api::registry::duplicates)),
        route(M::POST, "/api/v1/organizations/{org_id}/households/{household_id}/members/{person_id}/rectification", Personal(COORDINATION), post(api::registry::rectify)),
        route(M::POST, "/api/v1/organizations/{org_id}/households/{household_id}/consents/withdrawal", Personal(COORDINATION), post(api::registry::withdraw_consent)),
        route(M::POST, "/api/v1/organizations/{org_id}/households/{household_id}/payee", Org(TREASURY), post(api::payment_batches::set_payee)),
        route(M::POST, "/api/v1/volunteer", SignedIn, post(api::volunteers::sign_up)),
        route(M::GET, "/api/v1/volunteer", SignedIn, get(api::volunteers::mine)),
        // Volunteering: missions and matching.
        route(M::GET, "/api/v1/missions", Public, get(api::missions::search)),
        route(M::GET, "/api/v1/organizations/{org_id}/missions/{mission_id}/candidates", Org(COORDINATION), get(api::missions::candidates)),
        // Volunteering: contracts, shifts on the ground, certificates, the register, boards.
        route(M::GET, "/associations/{org_id}/applications/{application_id}/contract", Personal(COORDINATION), get(pages::volunteer_contracts::new_form)),
        route(M::POST, "/associations/{org_id}/applications/{application_id}/contract", Personal(COORDINATION), post(pages::volunteer_contracts::create)),
        route(M::GET, "/associations/{org_id}/contracts/{contract_id}", Personal(COORDINATION), get(pages::volunteer_contracts::host_show)),
        route(M::POST, "/associations/{org_id}/contracts/{contract_id}/accept", Personal(COORDINATION), post(pages::volunteer_contracts::host_accept)),
        route(M::GET, "/volunteer/contracts/{contract_id}", SignedIn, get(pages::volunteer_contracts::volunteer_show)),
        route(M::POST, "/volunteer/contracts/{contract_id}/accept", SignedIn, post(pages::volunteer_contracts::volunteer_accept)),
        route(M::GET, "/associations/{org_id}/volunteering/register", Personal(COORDINATION), get(pages::volunteer_contracts::org_register)),
        route(M::GET, "/associations/{org_id}/volunteering/register.csv", Personal(COORDINATION), get(pages::volunteer_contracts::org_register_csv)),
        route(M::GET, "/associations/{org_id}/volunteering/register.xlsx", Personal(COORDINATION), get(pages::volunteer_contracts::org_register_xlsx)),
        route(M::GET, "/authority/volunteering/register", Platform(AUTHORITIES), get(pages::volunteer_contracts::authority_register)),
        route(M::GET, "/authority/volunteering/register.csv", Platform(AUTHORITIES), get(pages::volunteer_contracts::authority_register_csv)),
        route(M::GET, "/authority/volunteering/register.xlsx", Platform(AUTHORITIES), get(pages::volunteer_contracts::authority_register_xlsx)),
        route(M::GET, "/associations/{org_id}/shifts/{shift_id}", Org(COORDINATION), get(pages::volunteer_ground::shift)),
        route(M::POST, "/associations/{org_id}/shifts/{shift_id}", Org(COORDINATION), post(pages::volunteer_ground::record)),
        route(M::POST, "/associations/{org_id}/shifts/{shift_id}/code", Org(COORDINATION), post(pages::volunteer_ground::rotate_code)),
        route(M::POST, "/associations/{org_id}/volunteers/{volunteer_id}/certificate", Org(COORDINATION), post(pages::volunteer_ground::issue_certificate)),
        route(M::GET, "/volunteer/shifts", SignedIn, get(pages::volunteer_ground::mine)),
        route(M::POST, "/volunteer/shifts/{shift_id}/check-in", SignedIn, post(pages::volunteer_ground::check_in)),
        route(M::POST, "/volunteer/shifts/{shift_id}/check-out", SignedIn, post(pages::volunteer_ground::check_out)),
        route(M::GET, "/certificates", Public, get(pages::volunteer_ground::check_form)),
        route(M::GET, "/certificates/{code}", Public, get(pages::volunteer_ground::certificate)),
        route(M::GET, "/associations/{org_id}/missions/{mission_id}/board", Org(COORDINATION), get(pages::volunteer_ground::host_board)),
        route(M::POST, "/associations/{org_id}/missions/{mission_id}/board", Org(COORDINATION), post(pages::volunteer_ground::host_post)),
        route(M::GET, "/volunteer/missions/{mission_id}/board", SignedIn, get(pages::volunteer_ground::volunteer_board)),
        route(M::POST, "/volunteer/missions/{mission_id}/board", SignedIn, post(pages::volunteer_ground::volunteer_post)),
        route(M::POST, "/api/v1/organizations/{org_id}/grievances", Personal(FIELD), post(api::grievances::file)),
        route(M::GET, "/api/v1/organizations/{org_id}/grievances", Personal(COORDINATION), get(api::grievances::list)),
        route(M::GET, "/api/v1/organizations/{org_id}/grievances/{grievance_id}", Personal(COORDINATION), get(api::grievances::show)),
        route(M::POST, "/api/v1/organizations/{org_id}/grievances/{grievance_id}/acknowledge", Personal(COORDINATION), post(api::grievances::acknowledge)),
        route(M::POST, "/api/v1/organizations/{org_id}/grievances/{grievance_id}/decision", Personal(COORDINATION), post(api::grievances::decide)),
        route(M::POST, "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal", Personal(FIELD), post(api::grievances::appeal)),
        route(M::POST, "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal/decision", Personal(COORDINATION), post(api::grievances::decide_appeal)),
        route(M::POST, "/api/v1/organizations/{org_id}/duplicate-pairs/search", Personal(COORDINATION), post(api::duplicate_reviews::search)),
        route(M::GET, "/api/v1/organizations/{org_id}/duplicate-pairs", Personal(COORDINATION), get(api::duplicate_reviews::list)),
        route(M::POST, "/api/v1/organizations/{org_id}/duplicate-pairs/{pair_id}/decision", Personal(COORDINATION), post(api::duplicate_reviews::decide)),
        route(M::POST, "/api/v1/organizations/{org_id}/programmes", Personal(COORDINATION), post(api::programmes::create)),
        route(M::GET, "/api/v1/organizations/{org_id}/programmes", Personal(COORDINATION), get(api::programmes::list)),
        route(M::POST, "/api/v1/organizations/{org_id}/programmes/{programme_id}/rules", Personal(COORDINATION), post(api::programmes::add_rules)),
        route(M::POST, "/api/v1/organizations/{org_id}/programmes/{programme_id}/enrollments", Personal(COORDINATION), post(api::programmes::enroll)),
        route(M::POST, "/api/v1/organizations/{org_id}/programmes/{programme_id}/households/{household_id}/enrollment", Personal(COORDINATION), post(api::programmes::set_enrollment)),
        route(M::POST, "/api/v1/organizations/{org_id}/programmes/{programme_id}/cycles", Personal(COORDINATION), post(api::programmes::compute_cycle)),
        route(M::GET, "/api/v1/organizations/{org_id}/cycles/{cycle_id}", Personal(COORDINATION), get(api::programmes::cycle)),
        route(M::POST, "/api/v1/organizations/{org_id}/cycles/{cycle_id}/approve", Personal(CYCLE_APPROVAL), post(api::programmes::approve_cycle)),
        route(M::GET, "/api/v1/organizations/{org_id}/cycles/{cycle_id}/entitlements/{household_id}", Personal(COORDINATION), get(api::programmes::entitlement)),
        route(M::POST, "/api/v1/organizations/{org_id}/cycles/{cycle_id}/payment-batch", Org(TREASURY), post(api::programmes::create_batch)),
        route(M::GET, "/api/v1/payment-batches", SignedIn, get(api::payment_batches::list)),
        route(M::GET, "/api/v1/payment-batches/{batch_id}", Org(TREASURY), get(api::payment_batches::show)),
        route(M::GET, "/api/v1/payment-batches/{batch_id}/pain.001.xml", Personal(TREASURY), get(api::payment_batches::pain001)),
        route(M::POST, "/api/v1/payment-batches/{batch_id}/status-report", Org(TREASURY), post(api::payment_batches::status_report)),
        route(M::GET, "/api/v1/geo/regions", Public, get(api::geo::regions)),
        route(M::GET, "/api/v1/geo/provinces", Public, get(api::geo::provinces)),
        route(M::GET, "/api/v1/geo/communes", Public, get(api::geo::communes)),
    ]
}

/// The application router, built from [`table`].
/// Every response's Content-Security-Policy, unless the handler set its own.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
     frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

/// The same policy letting forms also post to `origin` (a payment gateway).
pub fn content_security_policy_posting_to(origin: &str) -> String {
    CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'",
        &format!("form-action 'self' {origin}"),
    )
}

pub fn router(state: AppState) -> Router {
    // Browsers that reached the site over https keep to https for a year.
    let https = state
        .config
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"));
    let mut router = Router::new();
    for spec in table() {
        let policy = Policy {
            access: spec.access,
            verified: spec.verified,
        };
        let guard = from_fn_with_state((state.clone(), policy), enforce);
        router = router.route(spec.path, spec.handler.route_layer(guard));
    }
    let router = router
        .fallback(pages::not_found)
        .layer(from_fn_with_state(state.clone(), auth::identify))
        .layer(from_fn_with_state(state.clone(), ctx::visitor_csrf))
        .layer(CatchPanicLayer::custom(|_| {
            axum::response::IntoResponse::into_response(error::AppError::internal())
        }))
        .layer(from_fn_with_state(state.clone(), ops::timeout))
        .layer(from_fn_with_state(state.clone(), error::render_errors))
        .layer(from_fn(ops::observe))
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .with_state(state);
    if https {
        router.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    }
}
