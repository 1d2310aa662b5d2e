//! Every route × every tenant role × a foreign association: no cross-tenant read or write.
//!
//! The routes come from `routes::table()`, so a new route is enumerated here automatically; a
//! route that changes data needs a sample body below, or this test fails and says so.

use crate::harness::{TestApp, TestUser};
use axum::http::{Method, StatusCode};
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole};
use twiza_web::authz::Access;

/// Strings that only the foreign association's insiders may see.
const SECRETS: &[&str] = &[
    "secret-member-b",
    "secret-invitee-b",
    "Secret Pending C",
    "secret-token-b",
    "secret-campaign-b",
    "secret-expense-b",
    "Secret Contact B",
    "+212611112222",
    "Secretgiven",
    "SB123456",
    "+212662000111",
    "Secret grievance words",
    "secret-document-b",
    "Secret Volunteer B",
    "SV123456",
];

/// A body that would succeed if the caller were allowed, so that only authorization stops it.
fn sample_json(method: &Method, path: &str) -> Option<serde_json::Value> {
    Some(match (method.as_str(), path) {
        ("POST", "/api/v1/tokens") => {
            json!({"email": "secret-owner-b@x.ma", "password": "wrong password!!"})
        }
        ("POST", "/api/v1/organizations") => json!({
            "name_ar": "جمعية", "name_fr": "Intruder", "declaration_number": "77/2020",
            "declaration_date": "2020-01-01", "region_code": "07", "province_code": "07.041",
            "commune_code": "07.041.07.03", "domains": ["relief"]}),
        ("POST", "/api/v1/organizations/{org_id}/verify") => json!({"decision": "verify"}),
        ("POST", "/api/v1/organizations/{org_id}/invitations") => {
            json!({"email": "intruder@x.ma", "role": "owner"})
        }
        ("POST", "/api/v1/invitations/{invitation_id}/accept") => json!({}),
        ("DELETE", "/api/v1/tokens/{token_id}") => json!({}),
        ("DELETE", "/api/v1/organizations/{org_id}/members/{user_id}") => json!({}),
        ("POST", "/api/v1/organizations/{org_id}/members/{user_id}/role") => json!({"role": "volunteer"}),
        ("POST", "/api/v1/organizations/{org_id}/ownership") => json!({"user_id": 1}),
        ("POST", "/api/v1/organizations/{org_id}/campaigns") => crate::api::campaign_body(),
        ("POST", "/api/v1/campaigns/{campaign_id}/authorization/grant") => {
            json!({"reference": "GOV-1", "valid_from": "2023-09-09", "valid_to": "2030-12-31"})
        }
        ("POST", "/api/v1/campaigns/{campaign_id}/authorization/refuse") => json!({"reason": "no"}),
        ("POST", "/api/v1/campaigns/{campaign_id}/publish") => json!({}),
        ("POST", "/api/v1/campaigns/{campaign_id}/close") => json!({}),
        ("POST", "/api/v1/campaigns/{campaign_id}/expenses") => {
            crate::ledger::expense_body("10.00", "intruder")
        }
        ("POST", "/api/v1/expenses/{expense_id}/approve") => json!({}),
        ("POST", "/api/v1/expenses/{expense_id}/reject") => json!({"reason": "no"}),
        ("POST", "/api/v1/organizations/{org_id}/transfers") => {
            json!({"to_organization_id": 1, "campaign_id": 1, "amount": "1.00", "currency": "MAD"})
        }
        ("POST", "/api/v1/transfers/{transfer_id}/confirm") => json!({}),
        ("POST", "/api/v1/campaigns/{campaign_id}/donations") => {
            json!({"kind": "money", "amount": "100.00", "currency": "MAD", "method": "cash"})
        }
        ("POST", "/api/v1/campaigns/{campaign_id}/gifts") => json!({
            "amount": "20000.00", "currency": "MAD", "method": "card",
            "donor": {"full_name": "Intruder", "document_type": "cin", "document_number": "X1", "country": "MA"}}),
        ("POST", "/api/v1/payments/callback") => json!({
            "event_id": "evt-forged", "reference": "pay_00000000000000000000000000000000",
            "status": "paid", "amount": "100.00", "currency": "MAD", "timestamp": 0}),
        // CMI's callback is a form; a JSON body is as forged as any (and there is no CMI here).
        ("POST", "/api/v1/payments/cmi/callback") => json!({"oid": "forged"}),
        ("POST", "/api/v1/incidents") => json!({
            "kind": "flood", "title_ar": "فيضان", "title_fr": "Crue", "started_on": "2024-09-01",
            "communes": ["07.041.07.05"]}),
        ("POST", "/api/v1/incidents/{incident_id}/douars") => json!({
            "commune": "07.041.07.05", "name_ar": "دوار", "name_fr": "Douar", "name_latin": "Intruder"}),
        ("POST", "/api/v1/incidents/{incident_id}/needs")
        | ("POST", "/api/v1/organizations/{org_id}/incidents/{incident_id}/assessments") => json!({
            "commune": "07.041.07.05", "category": "water", "urgency": "high", "households": 3}),
        ("POST", "/api/v1/needs/{need_id}/verify") => json!({}),
        ("POST", "/api/v1/needs/{need_id}/merge") => json!({"into": 1}),
        ("POST", "/api/v1/needs/{need_id}/assign") => json!({"organization_id": 1}),
        ("POST", "/api/v1/needs/{need_id}/accept") | ("POST", "/api/v1/needs/{need_id}/reject") => {
            json!({})
        }
        ("POST", "/api/v1/organizations/{org_id}/incidents/{incident_id}/pledges") => json!({
            "commune": "07.041.07.05", "category": "water", "households": 3,
            "description": "Intruder's tanks", "due_on": "2099-01-01"}),
        ("POST", "/api/v1/organizations/{org_id}/warehouses") => {
            json!({"name": "Intruder's", "commune": "07.041.07.05"})
        }
        ("POST", "/api/v1/organizations/{org_id}/stock") => json!({
            "warehouse_id": 1, "item": "tent", "quantity": 5, "source": "other"}),
        ("POST", "/api/v1/organizations/{org_id}/deliveries") => json!({
            "incident_id": 1, "need_id": 1, "warehouse_id": 1, "item": "tent", "quantity": 1,
            "households": 1, "recipient_phone": "0611112222"}),
        ("POST", "/api/v1/organizations/{org_id}/incidents/{incident_id}/convoys") => json!({
            "warehouse_id": 1, "commune": "07.041.07.05", "vehicle": "Truck", "driver": "Intruder",
            "route": "R", "departs_on": "2099-01-01", "manifest": [{"item": "tent", "quantity": 1}]}),
        ("POST", "/api/v1/organizations/{org_id}/convoys/{convoy_id}/status") => {
            json!({"status": "cancelled"})
        }
        ("POST", "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm-by-agent") => {
            json!({
            "statement": "Intruder", "photo_type": "png", "photo": "iVBORw0KGgo="})
        }
        ("POST", "/api/v1/organizations/{org_id}/deliveries/{delivery_id}/confirm") => {
            json!({"code": "123456"})
        }
        ("POST", "/api/v1/organizations/{org_id}/pledges/{pledge_id}/status") => {
            json!({"status": "cancelled"})
        }
        ("POST", "/api/v1/organizations/{org_id}/households") => {
            crate::registry::household_body("Intruder", "ZZ999999")
        }
        ("POST", "/api/v1/organizations/{org_id}/households/{household_id}/members/{person_id}/rectification") => json!({
            "member": {"given_name_lat": "Intruder", "family_name_lat": "Intruder", "sex": "m",
                       "birth_date": "1980-01-01", "relation": "head"},
            "reason": "Intruder"}),
        ("POST", "/api/v1/organizations/{org_id}/households/{household_id}/consents/withdrawal") => {
            json!({"purpose": "registration"})
        }
        ("POST", "/api/v1/organizations/{org_id}/households/{household_id}/payee") => {
            json!({"kind": "wallet", "account": "0611112222"})
        }
        ("POST", "/api/v1/organizations/{org_id}/grievances") => json!({
            "household_id": 1, "subject": "exclusion", "channel": "in_person",
            "filed_by": "member", "statement": "Intruder"}),
        ("POST", "/api/v1/organizations/{org_id}/grievances/{grievance_id}/decision")
        | ("POST", "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal/decision") => {
            json!({"outcome": "upheld", "remedy": "other", "explanation": "Intruder"})
        }
        ("POST", "/api/v1/organizations/{org_id}/grievances/{grievance_id}/appeal") => {
            json!({"statement": "Intruder"})
        }
        ("POST", "/api/v1/volunteer") => crate::volunteers::api_body("Intruder", "IV123456"),
        ("POST", "/api/v1/organizations/{org_id}/grievances/{grievance_id}/acknowledge")
        | ("POST", "/api/v1/organizations/{org_id}/duplicate-pairs/search") => json!({}),
        ("POST", "/api/v1/organizations/{org_id}/duplicate-pairs/{pair_id}/decision") => {
            json!({"decision": "same_person"})
        }
        // Read as a household file whose header is refused: a dry run that writes nothing.
        ("POST", "/api/v1/organizations/{org_id}/households/import") => json!({}),
        ("POST", "/api/v1/organizations/{org_id}/programmes") => json!({
            "code": "INTRUDER", "name_ar": "برنامج", "name_fr": "Intruder", "retention_days": 30,
            "rules": serde_json::from_str::<serde_json::Value>(
                twiza_domain::programme::EARTHQUAKE_MONTHLY_AID_EXAMPLE).unwrap()}),
        ("POST", "/api/v1/organizations/{org_id}/programmes/{programme_id}/rules") => json!({
            "rules": serde_json::from_str::<serde_json::Value>(
                twiza_domain::programme::EARTHQUAKE_MONTHLY_AID_EXAMPLE).unwrap()}),
        ("POST", "/api/v1/organizations/{org_id}/programmes/{programme_id}/enrollments")
        | ("POST", "/api/v1/organizations/{org_id}/cycles/{cycle_id}/approve") => json!({}),
        ("POST", "/api/v1/organizations/{org_id}/programmes/{programme_id}/households/{household_id}/enrollment") => {
            json!({"status": "exited"})
        }
        ("POST", "/api/v1/organizations/{org_id}/programmes/{programme_id}/cycles") => {
            json!({"period": "2026-12", "reference_date": "2026-12-01"})
        }
        ("POST", "/api/v1/organizations/{org_id}/cycles/{cycle_id}/payment-batch") => json!({
            "debtor_name": "Intruder", "debtor_account": crate::registry::valid_rib(),
            "execution_date": "2026-12-01"}),
        // The report is XML: sent as this JSON it would be refused after authorization too.
        ("POST", "/api/v1/payment-batches/{batch_id}/status-report") => json!({}),
        _ => return None,
    })
}

fn sample_form(path: &str) -> Option<Vec<(&'static str, &'static str)>> {
    Some(match path {
        "/sign-up" => vec![
            ("email", "new@x.ma"),
            ("password", "long enough pw"),
            ("display_name", "N"),
        ],
        "/verify" => vec![("receipt", "{}")],
        "/sign-in" => vec![
            ("email", "secret-owner-b@x.ma"),
            ("password", "wrong password!!"),
        ],
        "/sign-out" | "/me/invitations/{invitation_id}/accept" | "/me/tokens/{token_id}/revoke" => {
            vec![]
        }
        "/password/forgot" => vec![("email", "nobody@x.ma")],
        "/password/reset/{token}" => vec![("password", "long enough pw")],
        "/invitations/{token}" => vec![],
        "/me/tokens" => vec![("label", "mine")],
        "/associations" => vec![
            ("name_ar", "جمعية"),
            ("name_fr", "Intruder"),
            ("declaration_number", "78/2020"),
            ("declaration_date", "2020-01-01"),
            ("province_code", "07.041"),
            ("commune", "Asni"),
            ("domains", "relief"),
        ],
        "/associations/{org_id}/invitations" => vec![("email", "intruder@x.ma"), ("role", "owner")],
        "/associations/{org_id}/members/{user_id}/role" => vec![("role", "volunteer")],
        "/associations/{org_id}/members/{user_id}/remove" => vec![],
        "/associations/{org_id}/members/{user_id}/communes" => vec![("communes", "07.041.07.05")],
        "/associations/{org_id}/incidents/{incident_id}/assessments" => vec![
            ("commune", "07.041.07.05"),
            ("category", "shelter"),
            ("urgency", "high"),
        ],
        // The field app's sync reads a JSON batch (tests/it/field_app.rs): as a form, only
        // authorization is tested here.
        "/field/api/{org_id}/sync" => vec![("records", "[]")],
        "/associations/{org_id}/ownership" => vec![("user_id", "1"), ("confirm", "yes")],
        "/associations/{org_id}/campaigns" => vec![
            ("title_ar", "حملة"),
            ("title_fr", "Intrus"),
            ("purpose_ar", "غرض"),
            ("purpose_fr", "Objet"),
            ("goal", "100.00"),
            ("starts_on", "2026-01-01"),
            ("ends_on", "2099-01-01"),
            ("scope", "local"),
            ("bank_account", "011780000012345678901296"),
        ],
        "/campaigns/{campaign_id}/publish" | "/campaigns/{campaign_id}/close" => vec![],
        "/campaigns/{campaign_id}/expenses" | "/expenses/{expense_id}/approve" => vec![],
        "/expenses/{expense_id}/reject" => vec![("reason", "no")],
        "/associations/{org_id}/transfers" => vec![
            ("to_organization_id", "1"),
            ("campaign_id", "1"),
            ("amount", "10.00"),
            ("key", "transfer-authz-key-0001"),
            ("confirm", "yes"),
        ],
        "/transfers/{transfer_id}/confirm" => vec![],
        "/campaigns/{campaign_id}/gifts" => vec![
            ("key", "gift-authz-key-0001"),
            ("amount", "100.00"),
            ("currency", "MAD"),
            ("method", "card"),
        ],
        "/associations/{org_id}/logo"
        | "/associations/{org_id}/documents"
        | "/campaigns/{campaign_id}/authorization/request-document" => vec![],
        "/campaigns/{campaign_id}/donations" => vec![
            ("idempotency_key", "authz-donation-key-0001"),
            ("kind", "money"),
            ("amount", "100.00"),
            ("method", "cash"),
        ],
        "/associations/{org_id}/payment-batches/{batch_id}/status-report" => vec![],
        "/associations/{org_id}/open-data/iati" => vec![("action", "publish")],
        "/associations/{org_id}/households" => vec![
            ("rows", "1"),
            ("commune", "07.041.07.05"),
            ("consent_purpose", "registration"),
            ("consent_legal_basis", "consent"),
            ("consent_channel", "in_person"),
            ("m1_given_name_lat", "Intruder"),
            ("m1_family_name_lat", "Intruder"),
            ("m1_sex", "m"),
            ("m1_birth_date", "1980-01-01"),
            ("m1_relation", "head"),
        ],
        "/associations/{org_id}/households/{household_id}/consents/withdrawal" => {
            vec![("purpose", "registration")]
        }
        "/associations/{org_id}/households/{household_id}/members/{person_id}/rectification" => {
            vec![
                ("given_name_lat", "Intruder"),
                ("family_name_lat", "Intruder"),
                ("sex", "m"),
                ("birth_date", "1980-01-01"),
                ("relation", "head"),
                ("reason", "Intruder"),
            ]
        }
        "/associations/{org_id}/household-files" | "/associations/{org_id}/duplicates/search" => {
            vec![]
        }
        "/associations/{org_id}/household-files/{token}" => vec![("mode", "valid_only")],
        "/associations/{org_id}/duplicates/{pair_id}" => vec![("decision", "same_person")],
        "/associations/{org_id}/programmes" => vec![
            ("code", "INTRUS"),
            ("name_ar", "برنامج"),
            ("name_fr", "Intrus"),
            ("retention_days", "365"),
            ("rules", twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE),
        ],
        "/associations/{org_id}/programmes/{programme_id}/rules" => vec![
            ("rules", twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE),
            ("action", "save"),
        ],
        "/associations/{org_id}/programmes/{programme_id}/enrollments" => vec![],
        "/associations/{org_id}/programmes/{programme_id}/cycles" => {
            vec![("period", "2026-11"), ("reference_date", "2026-11-01")]
        }
        "/associations/{org_id}/grievances/{grievance_id}/acknowledge" => vec![],
        "/volunteer/sign-up" | "/volunteer/profile" => {
            crate::volunteers::form("Intruder", "IW123456")
        }
        "/volunteer/delete" => vec![("confirm", "yes")],
        // Multipart: sent as a plain form, the file is refused after authorization too.
        "/volunteer/documents" | "/associations/{org_id}/volunteering/accreditation" => vec![],
        "/associations/{org_id}/volunteers/{volunteer_id}/record-check" => vec![],
        "/missions/{mission_id}/shifts/{shift_id}/apply"
        | "/associations/{org_id}/applications/{application_id}/accept"
        | "/associations/{org_id}/applications/{application_id}/decline"
        | "/volunteer/applications/{application_id}/withdraw" => vec![],
        "/associations/{org_id}/missions/new" => vec![
            ("title", "Intrus"),
            ("purpose", "Intrus"),
            ("kind", "informal"),
            ("commune", "07.041.03.05"),
            ("starts_on", "2099-01-01"),
            ("ends_on", "2099-01-02"),
            ("day", "2099-01-01"),
            ("starts", "08:00"),
            ("ends", "12:00"),
            ("places", "1"),
        ],
        "/associations/{org_id}/missions/{mission_id}/shifts" => vec![
            ("day", "2099-01-01"),
            ("starts", "08:00"),
            ("ends", "12:00"),
            ("places", "1"),
        ],
        "/associations/{org_id}/missions/{mission_id}/invitations" => {
            vec![("shift_id", "1"), ("volunteers", "1")]
        }
        "/associations/{org_id}/grievances/{grievance_id}/decision"
        | "/associations/{org_id}/grievances/{grievance_id}/appeal/decision" => vec![
            ("outcome", "rejected"),
            ("remedy", "no_change"),
            ("explanation", "Intrus"),
        ],
        "/associations/{org_id}/grievances/{grievance_id}/appeal" => vec![("statement", "Intrus")],
        "/associations/{org_id}/households/{household_id}/grievances" => vec![
            ("subject", "other"),
            ("channel", "phone"),
            ("filed_by", "member"),
            ("statement", "Intrus"),
        ],
        "/associations/{org_id}/cycles/{cycle_id}/approve" => vec![("confirm", "yes")],
        "/associations/{org_id}/cycles/{cycle_id}/payment-batch" => vec![
            ("debtor_name", "Intrus"),
            ("debtor_account", "011780000012345678901296"),
            ("execution_date", "2099-01-01"),
        ],
        "/associations/{org_id}/alerts/preview"
        | "/associations/{org_id}/alerts"
        | "/authority/alerts/preview"
        | "/authority/alerts" => vec![
            ("commune", "07.041.07.05"),
            ("kind", "fake_appeal_warning"),
            ("fake_appeal", "TWZ-INTRUS"),
            ("form_key", "00112233445566778899aabbccddeeff"),
        ],
        "/admin/operations/retention" => vec![],
        "/channels/ussd/africastalking" => vec![
            ("sessionId", "authz-session"),
            ("serviceCode", "*1212#"),
            ("phoneNumber", "+212600000001"),
            ("networkCode", "60401"),
            ("text", "4*5*Asni*1"),
        ],
        "/admin/accounts" => vec![("display_name", "Intruder"), ("email", "intruder@x.ma")],
        "/admin/accounts/{user_id}/disable" | "/admin/accounts/{user_id}/enable" => vec![],
        "/admin/accounts/{user_id}/role" => vec![("role", "platform_admin"), ("confirm", "yes")],
        "/admin/verification/{org_id}" => vec![("decision", "verify")],
        "/authority/authorizations/{campaign_id}/grant" => vec![
            ("reference", "GOV-1"),
            ("valid_from", "2023-09-09"),
            ("valid_to", "2030-12-31"),
        ],
        "/authority/authorizations/{campaign_id}/refuse" => vec![("reason", "no")],
        "/authority/incidents" => vec![
            ("kind", "flood"),
            ("title_ar", "فيضان"),
            ("title_fr", "Crue"),
            ("started_on", "2026-01-01"),
            ("commune", "07.041.07.05"),
        ],
        "/authority/incidents/{incident_id}/douars" => vec![
            ("commune", "07.041.07.05"),
            ("name_ar", "دوار"),
            ("name_fr", "Intrus"),
            ("name_latin", "Intrus"),
        ],
        "/associations/{org_id}/needs/{need_id}/pledge" => vec![
            ("households", "3"),
            ("description", "Intruder's tents"),
            ("due_on", "2099-01-01"),
            ("creation_key", "00112233445566778899aabbccddeeff"),
        ],
        "/authority/needs/{need_id}/verify" => vec![],
        "/authority/needs/{need_id}/merge" => vec![("into", "1")],
        "/authority/needs/{need_id}/assign" => vec![("organization_id", "1")],
        "/associations/{org_id}/warehouses" => {
            vec![("name", "Intrus"), ("commune", "07.041.07.03")]
        }
        "/associations/{org_id}/stock/receive" => vec![
            ("warehouse_id", "1"),
            ("source", "other"),
            ("item", "tent"),
            ("quantity", "5"),
        ],
        "/associations/{org_id}/lots/{lot_id}/move" => vec![
            ("from_warehouse_id", "1"),
            ("to_warehouse_id", "2"),
            ("quantity", "1"),
        ],
        "/associations/{org_id}/lots/{lot_id}/count" => {
            vec![("count_warehouse_id", "1"), ("counted", "0")]
        }
        "/associations/{org_id}/deliveries" => vec![
            ("lot", "1-1"),
            ("need_id", "1"),
            ("quantity", "1"),
            ("households", "1"),
            ("proof", "agent"),
        ],
        "/associations/{org_id}/deliveries/{delivery_id}/confirm" => vec![("code", "000000")],
        "/associations/{org_id}/deliveries/{delivery_id}/confirm-by-agent" => vec![],
        "/associations/{org_id}/convoys" => vec![
            ("incident_id", "1"),
            ("warehouse_id", "1"),
            ("commune", "07.041.07.05"),
            ("vehicle", "Camion"),
            ("driver", "Intrus"),
            ("route", "A – B"),
            ("departs_on", "2099-01-01"),
            ("lot_1", "1"),
            ("quantity_1", "1"),
            ("confirm", "yes"),
        ],
        "/associations/{org_id}/convoys/{convoy_id}/status" => vec![("status", "left")],
        // Unsigned and without the secret: refused whatever the caller (and off by default).
        "/channels/sms/twilio" => vec![
            ("From", "+212611112222"),
            ("Body", "HAJA"),
            ("MessageSid", "SM1"),
        ],
        "/channels/sms/twilio/status" => {
            vec![("MessageSid", "SM1"), ("MessageStatus", "delivered")]
        }
        "/channels/sms/kannel" => vec![("text", "HAJA")],
        // OpenRosa: Collect sends multipart with HTTP Basic; without it, a 401 and nothing read.
        "/openrosa/submission" | "/associations/{org_id}/openrosa/submission" => vec![],
        "/associations/{org_id}/applications/{application_id}/contract" => vec![
            ("weekly_hours", "10"),
            ("training", "Intrus"),
            ("insurance", "Intrus"),
            ("expenses", "Intrus"),
            ("notice_days", "7"),
        ],
        "/associations/{org_id}/contracts/{contract_id}/accept"
        | "/volunteer/contracts/{contract_id}/accept"
        | "/associations/{org_id}/shifts/{shift_id}/code" => vec![],
        "/associations/{org_id}/shifts/{shift_id}" => {
            vec![("volunteer_id", "1"), ("action", "check_in")]
        }
        "/associations/{org_id}/volunteers/{volunteer_id}/certificate" => {
            vec![("idempotency_key", "intruder-certificate-key")]
        }
        "/volunteer/shifts/{shift_id}/check-in" | "/volunteer/shifts/{shift_id}/check-out" => {
            vec![("code", "AAAAAA")]
        }
        "/associations/{org_id}/missions/{mission_id}/board"
        | "/volunteer/missions/{mission_id}/board" => vec![
            ("body", "Intrus"),
            ("idempotency_key", "intruder-board-key"),
        ],
        "/incidents/{incident_id}/needs" => vec![
            ("commune", "07.041.07.05"),
            ("category", "food"),
            ("urgency", "high"),
            ("households", "2"),
        ],
        _ => return None,
    })
}

/// Sends `route` at `path` as `actor` would: the API with a bearer token and a JSON sample
/// body, pages with the session cookie and a sample form carrying the CSRF token. A route that
/// changes data without a sample fails here, naming what to add.
async fn call(
    app: &TestApp,
    route: &twiza_web::routes::RouteSpec,
    path: &str,
    actor: Option<&TestUser>,
) -> crate::harness::Response {
    let writes = route.method != Method::GET;
    if route.path.starts_with("/api/") {
        let body = if writes {
            sample_json(&route.method, route.path)
                .unwrap_or_else(|| panic!("add a sample body for {} {}", route.method, route.path))
                .to_string()
        } else {
            String::new()
        };
        let token = actor.map(|u| u.token.as_str());
        app.json(route.method.clone(), path, token, body).await
    } else {
        let form = if writes {
            sample_form(route.path)
                .unwrap_or_else(|| panic!("add a sample form for {}", route.path))
        } else {
            vec![]
        };
        app.page(route.method.clone(), path, actor, &form).await
    }
}

/// Everything of B and C that a foreign caller must not change.
async fn snapshot(app: &TestApp, b: OrgId, c: OrgId, b_owner: &TestUser) -> String {
    let s = &app.store;
    let scope_b = OrgScope::for_member(b, OrgRole::Owner);
    let scope_c = OrgScope::for_member(c, OrgRole::Owner);
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        s.campaigns_of(&scope_b).await.expect("q"),
        s.organization(b).await.expect("q"),
        s.organization(c).await.expect("q"),
        s.members(&scope_b).await.expect("q"),
        s.members(&scope_c).await.expect("q"),
        s.invitations(&scope_b).await.expect("q"),
        s.api_tokens(b_owner.id).await.expect("q"),
        s.organization_logo(b).await.expect("q"),
        s.organization_logo(c).await.expect("q"),
        s.trial_balance(&scope_b).await.expect("q"),
        s.transfers_of(&scope_b, None).await.expect("q"),
        s.pledges_page(1, 0, 100).await.expect("q"),
        s.payment_batches(&scope_b).await.expect("q"),
        s.organization_documents(&scope_b).await.expect("q"),
        s.account(b_owner.id).await.expect("q"),
        s.lot_lines(&scope_b, None, 100).await.expect("q"),
        s.convoys_of(&scope_b, None, 100).await.expect("q"),
    )
}

#[tokio::test]
async fn no_route_lets_a_tenant_into_another_association() {
    let app = TestApp::new().await;
    // Our association A, with one member per role, and an outsider.
    let a_owner = app.user("owner-a@x.ma", None).await;
    let a = app
        .org(&a_owner, "Association A", "1/2015", OrgStatus::Verified)
        .await;
    let mut actors: Vec<(String, Option<TestUser>)> = vec![("anonymous".into(), None)];
    actors.push((
        "outsider".into(),
        Some(app.user("outsider@x.ma", None).await),
    ));
    actors.push(("a-owner".into(), Some(a_owner.clone())));
    for role in OrgRole::ALL.into_iter().filter(|r| *r != OrgRole::Owner) {
        let email = format!("{}-a@x.ma", role.as_str());
        actors.push((
            format!("a-{}", role.as_str()),
            Some(app.member(a, role, &email).await),
        ));
    }
    // The foreign associations: B verified (its profile is public), C pending (nothing public).
    let b_owner = app.user("secret-owner-b@x.ma", None).await;
    let b = app
        .org(&b_owner, "Association B", "2/2015", OrgStatus::Verified)
        .await;
    let c = app
        .org(&b_owner, "Secret Pending C", "3/2015", OrgStatus::Pending)
        .await;
    app.member(b, OrgRole::Treasurer, "secret-member-b@x.ma")
        .await;
    let scope_b = OrgScope::for_member(b, OrgRole::Owner);
    let invitation = app
        .store
        .invite(
            &scope_b,
            "secret-invitee-b@x.ma",
            OrgRole::Admin,
            b_owner.id,
        )
        .await
        .expect("invite");
    let (_, b_token) =
        twiza_app::accounts::issue_api_token(&app.store, b_owner.id, "secret-token-b")
            .await
            .expect("token");
    app.store
        .set_organization_logo(&scope_b, "image/png", b"\x89PNG\r\n\x1a\nB")
        .await
        .expect("logo");
    // A document of B's for its verification (id 1): only B's members and platform admins read it.
    let document = app
        .store
        .add_organization_document(
            &scope_b,
            twiza_domain::organization::DocumentKind::BoardList,
            "application/pdf",
            b"%PDF-1.7 secret-document-b",
            b_owner.id,
        )
        .await
        .expect("document");
    assert_eq!(document, 1);
    let campaign = app
        .campaign(&scope_b, b_owner.id, "secret-campaign-b")
        .await;
    // A donation of B's (its receipt is the treasury's), to a published campaign.
    let collecting = app
        .collecting_campaign(&scope_b, b_owner.id, "Campagne publique B")
        .await;
    let donation = app
        .recorded_donation(collecting, "foreign-donation-b")
        .await;
    // An expense of B's awaiting approval, and a transfer to B from D (B confirms it).
    let expense = app
        .store
        .submit_expense(
            &scope_b,
            collecting,
            &twiza_store::NewExpense {
                idempotency_key: "secret-expense-key".into(),
                request_hash: "h".into(),
                amount: twiza_domain::money::Amount::parse("amount", "10.00").expect("amount"),
                category: twiza_domain::ledger::ExpenseCategory::Programme,
                paid_from: twiza_domain::ledger::PaidFrom::Cash,
                description_ar: "secret-expense-b".into(),
                description_fr: "secret-expense-b".into(),
                evidence_type: "application/pdf",
                evidence: b"%PDF-1.7 secret-expense-b".to_vec(),
            },
            b_owner.id,
        )
        .await
        .expect("expense")
        .0
        .id;
    let d = app
        .org(&b_owner, "Association D", "4/2015", OrgStatus::Verified)
        .await;
    let scope_d = OrgScope::for_member(d, OrgRole::Owner);
    let d_campaign = app
        .collecting_campaign(&scope_d, b_owner.id, "Campagne D")
        .await;
    app.recorded_donation(d_campaign, "donation-of-d-1").await;
    let transfer = app
        .store
        .create_transfer(
            &scope_d,
            &twiza_store::NewTransfer {
                idempotency_key: "transfer-d-to-b".into(),
                request_hash: "h".into(),
                to: b,
                campaign_id: d_campaign,
                amount: twiza_domain::money::Amount::parse("amount", "10.00").expect("amount"),
            },
            b_owner.id,
        )
        .await
        .expect("transfer")
        .0
        .id;

    // An incident (id 1) with a need whose reporter left a contact, which B pledged to cover:
    // only B's coordinators may read that contact.
    let (incident, need, pledge) = crate::crisis::incident_with_pledged_need(
        &app,
        &scope_b,
        b_owner.id,
        "Secret Contact B",
        "0611112222",
    )
    .await;
    assert_eq!(incident, 1);

    // A household of B's in a payment batch: its members' names and identifiers are secrets.
    let b_treasurer = app.user("secret-approver-b@x.ma", None).await;
    app.store
        .add_member(&scope_b, b_treasurer.id, OrgRole::Treasurer)
        .await
        .expect("member");
    let (household, batch) = crate::registry::household_with_batch(
        &app,
        &scope_b,
        b_owner.id,
        b_treasurer.id,
        "Secretgiven",
        "SB123456",
    )
    .await;
    let grievance = crate::registry::grievance(&app, &scope_b, b_owner.id, household).await;
    // A volunteer who applied to one of B's missions: only B's coordinators read them.
    let volunteer =
        crate::volunteers::applicant_of(&app, b, "Secret Volunteer B", "SV123456").await;

    let before = snapshot(&app, b, c, &b_owner).await;
    let routes = twiza_web::routes::table();
    let mut checked = 0;
    for route in &routes {
        for target in [b, c] {
            let path = route
                .path
                .replace("{org_id}", &target.0.to_string())
                .replace("{invitation_id}", &invitation.0.to_string())
                .replace("{user_id}", &b_owner.id.0.to_string())
                .replace("{token_id}", &b_token.0.to_string())
                .replace("{campaign_id}", &campaign.to_string())
                .replace("{index}", "0")
                .replace("{donation_id}", &donation.to_string())
                .replace("{expense_id}", &expense.to_string())
                .replace("{transfer_id}", &transfer.to_string())
                .replace("{reference}", "pay_00000000000000000000000000000000")
                .replace("{incident_id}", &incident.to_string())
                .replace("{need_id}", &need.to_string())
                .replace("{pledge_id}", &pledge.to_string())
                .replace("{delivery_id}", "1")
                .replace("{convoy_id}", "1")
                .replace("{lot_id}", "1")
                .replace("{household_id}", &household.to_string())
                .replace("{batch_id}", &batch.to_string())
                .replace("{grievance_id}", &grievance.to_string())
                .replace("{volunteer_id}", &volunteer.to_string())
                .replace("{programme_id}", "1")
                .replace("{cycle_id}", "1")
                .replace("{pair_id}", "1")
                .replace("{person_id}", "1")
                .replace("{mission_id}", "1")
                .replace("{shift_id}", "1")
                .replace("{application_id}", "1")
                .replace("{contract_id}", "1")
                .replace("{volunteer_id}", "1")
                .replace("{code}", "VC-2222-2222")
                .replace("{token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .replace("{document_id}", "1")
                .replace("{broadcast_id}", "1")
                .replace("{form_id}", "twiza_need_assessment")
                .replace("{file}", "communes.csv")
                .replace("{org_file}", &format!("{}.xml", target.0))
                .replace("{*path}", "entries/000.p/1");
            assert!(
                !path.contains('{'),
                "no substitution for a parameter of {}",
                route.path
            );
            for (name, actor) in &actors {
                let response = call(&app, route, &path, actor.as_ref()).await;
                let text = response.text();
                for secret in SECRETS {
                    assert!(
                        !text.contains(secret),
                        "{name} read {secret} through {} {path} ({})",
                        route.method,
                        response.status
                    );
                }
                if route.access != Access::Public && route.access != Access::SignedIn {
                    assert!(
                        matches!(
                            response.status,
                            StatusCode::UNAUTHORIZED
                                | StatusCode::FORBIDDEN
                                | StatusCode::NOT_FOUND
                        ),
                        "{name} got {} on {} {path}",
                        response.status,
                        route.method
                    );
                }
                checked += 1;
            }
        }
    }
    assert_eq!(
        checked,
        routes.len() * 2 * actors.len(),
        "every route was exercised"
    );
    let after = snapshot(&app, b, c, &b_owner).await;
    assert_eq!(before, after, "a foreign caller changed B or C");

    // Positive control: the same harness reaches A's private space as A's owner, so the denials
    // above come from authorization, not from a broken request.
    let own = app
        .get(
            &format!("/api/v1/organizations/{}/members", a.0),
            Some(&a_owner.token),
        )
        .await;
    assert_eq!(own.status, StatusCode::OK, "{}", own.text());
    // (The matrix signed every actor out through POST /sign-out: sign in again.)
    let a_owner = app.session_for(a_owner.id, "owner-a@x.ma").await;
    let page = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", a.0),
            Some(&a_owner),
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
}

#[tokio::test]
async fn read_only_platform_roles_change_nothing_and_see_no_contacts() {
    let app = TestApp::new().await;
    let b_owner = app.user("secret-owner-b@x.ma", None).await;
    let b = app
        .org(&b_owner, "Association B", "2/2015", OrgStatus::Verified)
        .await;
    let c = app
        .org(&b_owner, "Secret Pending C", "3/2015", OrgStatus::Pending)
        .await;
    app.member(b, OrgRole::Treasurer, "secret-member-b@x.ma")
        .await;
    let campaign = app
        .campaign(
            &OrgScope::for_member(b, OrgRole::Owner),
            b_owner.id,
            "secret-campaign-b",
        )
        .await;
    // An incident (id 1) with a need whose reporter left a contact, which B pledged to cover:
    // only B's coordinators may read that contact.
    let (incident, need, pledge) = crate::crisis::incident_with_pledged_need(
        &app,
        &OrgScope::for_member(b, OrgRole::Owner),
        b_owner.id,
        "Secret Contact B",
        "0611112222",
    )
    .await;
    assert_eq!(incident, 1);
    let b_treasurer = app.user("secret-approver-b@x.ma", None).await;
    app.store
        .add_member(
            &OrgScope::for_member(b, OrgRole::Owner),
            b_treasurer.id,
            OrgRole::Treasurer,
        )
        .await
        .expect("member");
    let (household, batch) = crate::registry::household_with_batch(
        &app,
        &OrgScope::for_member(b, OrgRole::Owner),
        b_owner.id,
        b_treasurer.id,
        "Secretgiven",
        "SB123456",
    )
    .await;
    let grievance = crate::registry::grievance(
        &app,
        &OrgScope::for_member(b, OrgRole::Owner),
        b_owner.id,
        household,
    )
    .await;

    let before = snapshot(&app, b, c, &b_owner).await;
    for role in [PlatformRole::Auditor, PlatformRole::Authority] {
        let user = app
            .user(&format!("{}@x.ma", role.as_str()), Some(role))
            .await;
        for route in twiza_web::routes::table()
            .iter()
            .filter(|r| match r.access {
                Access::Org(_) | Access::Personal(_) => true,
                // Routes granted to this very role (an authority deciding an authorization) are
                // its job, not a leak.
                Access::Platform(roles) => !roles.contains(&role),
                _ => false,
            })
        {
            let path = route
                .path
                .replace("{org_id}", &b.0.to_string())
                .replace("{invitation_id}", "1")
                .replace("{user_id}", &b_owner.id.0.to_string())
                .replace("{campaign_id}", &campaign.to_string())
                .replace("{donation_id}", "1")
                .replace("{expense_id}", "1")
                .replace("{transfer_id}", "1")
                .replace("{reference}", "pay_00000000000000000000000000000000")
                .replace("{incident_id}", &incident.to_string())
                .replace("{need_id}", &need.to_string())
                .replace("{pledge_id}", &pledge.to_string())
                .replace("{delivery_id}", "1")
                .replace("{convoy_id}", "1")
                .replace("{lot_id}", "1")
                .replace("{household_id}", &household.to_string())
                .replace("{batch_id}", &batch.to_string())
                .replace("{volunteer_id}", "1")
                .replace("{grievance_id}", &grievance.to_string())
                .replace("{programme_id}", "1")
                .replace("{cycle_id}", "1")
                .replace("{pair_id}", "1")
                .replace("{person_id}", "1")
                .replace("{mission_id}", "1")
                .replace("{shift_id}", "1")
                .replace("{application_id}", "1")
                .replace("{contract_id}", "1")
                .replace("{volunteer_id}", "1")
                .replace("{code}", "VC-2222-2222")
                .replace("{document_id}", "1")
                .replace("{index}", "0");
            let response = call(&app, route, &path, Some(&user)).await;
            assert!(
                !response.text().contains("Secret Contact B"),
                "{role:?} read a need's contact through {path}"
            );
            if route.method != Method::GET {
                assert!(
                    response.status.is_client_error(),
                    "{role:?} wrote through {} {path}",
                    route.method
                );
            }
            if matches!(route.access, Access::Personal(_)) && route.method == Method::GET {
                assert_eq!(
                    response.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} reads no personal data through {} {path}",
                    route.method
                );
            }
        }
        let members = app
            .get(
                &format!("/api/v1/organizations/{}/members", b.0),
                Some(&user.token),
            )
            .await;
        assert_eq!(
            members.status,
            StatusCode::OK,
            "{role:?} reads the association"
        );
        assert!(
            !members.text().contains("secret-member-b"),
            "{role:?} sees no member's e-mail"
        );
    }
    assert_eq!(before, snapshot(&app, b, c, &b_owner).await);
}

#[tokio::test]
async fn roles_inside_the_association_are_enforced() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let a = app.org(&owner, "A", "1/2015", OrgStatus::Verified).await;
    let invite = |user: TestUser, role: &'static str| {
        let app = &app;
        async move {
            app.post_json(
                &format!("/api/v1/organizations/{}/invitations", a.0),
                Some(&user.token),
                &json!({"email": format!("{role}-new@x.ma"), "role": role}),
            )
            .await
            .status
        }
    };
    for role in [
        OrgRole::Treasurer,
        OrgRole::Coordinator,
        OrgRole::FieldAgent,
        OrgRole::Volunteer,
    ] {
        let member = app
            .member(a, role, &format!("{}@x.ma", role.as_str()))
            .await;
        assert_eq!(
            invite(member, "volunteer").await,
            StatusCode::FORBIDDEN,
            "{role:?} cannot invite"
        );
    }
    let admin = app.member(a, OrgRole::Admin, "admin@x.ma").await;
    assert_eq!(
        invite(admin.clone(), "volunteer").await,
        StatusCode::CREATED
    );
    assert_eq!(
        invite(admin, "owner").await,
        StatusCode::FORBIDDEN,
        "only an owner makes owners"
    );
    assert_eq!(invite(owner, "owner").await, StatusCode::CREATED);
}

#[tokio::test]
async fn each_role_reads_only_the_books_its_work_needs() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let a = app.org(&owner, "A", "1/2015", OrgStatus::Verified).await;
    let scope = OrgScope::for_member(a, OrgRole::Owner);
    let campaign = app
        .collecting_campaign(&scope, owner.id, "Campagne A")
        .await;
    app.recorded_donation(campaign, "donation-a-1").await;
    let expense = app
        .store
        .submit_expense(
            &scope,
            campaign,
            &twiza_store::NewExpense {
                idempotency_key: "expense-a".into(),
                request_hash: "h".into(),
                amount: twiza_domain::money::Amount::parse("amount", "10.00").expect("amount"),
                category: twiza_domain::ledger::ExpenseCategory::Programme,
                paid_from: twiza_domain::ledger::PaidFrom::Cash,
                description_ar: "فاتورة".into(),
                description_fr: "Facture".into(),
                evidence_type: "application/pdf",
                evidence: b"%PDF-1.7 invoice".to_vec(),
            },
            owner.id,
        )
        .await
        .expect("expense")
        .0
        .id;
    let mut members = vec![(OrgRole::Owner, owner.clone())];
    for role in OrgRole::ALL.into_iter().filter(|r| *r != OrgRole::Owner) {
        members.push((
            role,
            app.member(a, role, &format!("{}@x.ma", role.as_str()))
                .await,
        ));
    }
    use OrgRole::{Admin, Coordinator, FieldAgent, Owner, Treasurer};
    let books: &[OrgRole] = &[Owner, Admin, Treasurer];
    let reads: [(String, &[OrgRole]); 6] = [
        (format!("/api/v1/organizations/{}/ledger", a.0), books),
        (format!("/api/v1/organizations/{}/campaigns", a.0), books),
        (format!("/api/v1/campaigns/{campaign}/expenses"), books),
        (format!("/api/v1/expenses/{expense}/evidence"), books),
        (format!("/api/v1/organizations/{}/transfers", a.0), books),
        (
            format!("/api/v1/organizations/{}/stock", a.0),
            &[Owner, Admin, Coordinator, FieldAgent],
        ),
    ];
    for (path, allowed) in &reads {
        for (role, user) in &members {
            let r = app.get(path, Some(&user.token)).await;
            if allowed.contains(role) {
                assert_eq!(
                    r.status,
                    StatusCode::OK,
                    "{role:?} reads {path}: {}",
                    r.text()
                );
            } else {
                assert_eq!(
                    r.status,
                    StatusCode::FORBIDDEN,
                    "{role:?} must not read {path}"
                );
            }
        }
    }
    // Every member sees who the others are; only owners and admins see how to reach them.
    for (role, user) in &members {
        let r = app
            .get(
                &format!("/api/v1/organizations/{}/members", a.0),
                Some(&user.token),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let sees_emails = r.text().contains("treasurer@x.ma");
        assert_eq!(sees_emails, matches!(role, Owner | Admin), "{role:?}");
    }
}
