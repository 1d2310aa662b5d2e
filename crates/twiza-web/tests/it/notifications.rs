//! Notices by SMS, on SQLite and PostgreSQL: a need reported with a phone is told of its
//! verification, its assignment (naming the association), its merge (naming the need to
//! follow) and its coverage (a confirmed delivery, a delivered pledge) once each, in the
//! phone's language (Arabic when unknown); a need without a phone sends nothing; a grievance
//! filed by USSD is told of its acknowledgement with its deadline, once, in the language it was
//! filed in. The reporters' phones never reach the logs (see `logs.rs`, which runs
//! [`notify_once`]).

use crate::harness::{TestApp, TestUser};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use twiza_domain::crisis::{IncidentInput, NewIncident};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope, PlatformRole};
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_web::channels::UssdSetting;
use twiza_web::WebConfig;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const SERVICE: &str = "*384*17#";
const GATEWAY: [u8; 4] = [127, 0, 0, 1];

fn messages() -> PhoneMessages {
    PhoneMessages::load().expect("phone messages")
}

async fn incident(app: &TestApp, authority: &TestUser) -> i64 {
    let input = IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال الحوز",
        title_fr: "Séisme d'Al Haouz",
        started_on: "2023-09-08",
        communes: vec![IGHIL, ASNI],
    };
    app.store
        .declare_incident(&NewIncident::parse(&input).expect("incident"), authority.id)
        .await
        .expect("declare")
}

/// A need reported by anyone, with `phone` as its contact if any: its id and reference.
async fn report(
    app: &TestApp,
    incident: i64,
    category: &str,
    phone: Option<&str>,
) -> (i64, String) {
    let mut body =
        json!({"commune": IGHIL, "category": category, "urgency": "critical", "households": 5});
    if let Some(phone) = phone {
        body["contact_phone"] = json!(phone);
    }
    let r = app
        .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let need = r.json();
    (
        need["id"].as_i64().expect("id"),
        need["reference"].as_str().expect("reference").to_owned(),
    )
}

async fn act(app: &TestApp, authority: &TestUser, path: &str, body: Value) -> StatusCode {
    app.post_json(path, Some(&authority.token), &body)
        .await
        .status
}

/// The outbox's messages with this idempotency key.
async fn queued(app: &TestApp, key: &str) -> usize {
    app.store
        .sms_outbox(1000)
        .await
        .expect("outbox")
        .iter()
        .filter(|m| m.idempotency_key == key)
        .count()
}

async fn outbox_size(app: &TestApp) -> usize {
    app.store.sms_outbox(1000).await.expect("outbox").len()
}

async fn needs_tell_their_reporters(app: TestApp) {
    let m = messages();
    let authority = app
        .user("wali@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let incident = incident(&app, &authority).await;

    // Verified: one message, in Arabic (the phone's language is unknown), naming the reference.
    let (need, reference) = report(&app, incident, "shelter", Some("06 12 34 56 78")).await;
    let verify = format!("/api/v1/needs/{need}/verify");
    assert_eq!(
        act(&app, &authority, &verify, json!({})).await,
        StatusCode::NO_CONTENT
    );
    let told = app.last_sms_to("+212612345678").await;
    let expected = m.t_args(
        PhoneLanguage::Ar,
        "sms-notice-need-verified",
        &[("reference", Arg::Str(&reference))],
    );
    assert_eq!(told.as_deref(), Some(expected.as_str()));
    assert!(expected.contains(&reference));
    // Verified twice: refused, and still one message.
    assert_ne!(
        act(&app, &authority, &verify, json!({})).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(queued(&app, &format!("need:{reference}:verified")).await, 1);

    // Assigned: the association named, in the language the phone last used (French here).
    let index = app
        .state
        .config
        .personal_data
        .blind_index("phone", "+212612345678");
    app.store
        .set_phone_language(&index, "fr")
        .await
        .expect("language");
    let assign = format!("/api/v1/needs/{need}/assign");
    let status = act(&app, &authority, &assign, json!({"organization_id": org.0})).await;
    assert_eq!(status, StatusCode::CREATED);
    let told = app.last_sms_to("+212612345678").await.expect("told");
    assert_eq!(
        told,
        m.t_args(
            PhoneLanguage::Fr,
            "sms-notice-need-assigned",
            &[
                ("reference", Arg::Str(&reference)),
                ("association", Arg::Str("Tiwizi Asni")),
            ],
        )
    );
    // The same association again writes nothing and texts nothing.
    let status = act(&app, &authority, &assign, json!({"organization_id": org.0})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(queued(&app, &format!("need:{reference}:assigned")).await, 1);

    // Merged: the duplicate's reporter is told which need to follow.
    let (duplicate, dup_reference) = report(&app, incident, "shelter", Some("0677112233")).await;
    let merge = format!("/api/v1/needs/{duplicate}/merge");
    let status = act(&app, &authority, &merge, json!({"into": need})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let told = app.last_sms_to("+212677112233").await.expect("told");
    assert_eq!(
        told,
        m.t_args(
            PhoneLanguage::Ar,
            "sms-notice-need-merged",
            &[
                ("reference", Arg::Str(&dup_reference)),
                ("into", Arg::Str(&reference)),
            ],
        )
    );

    // A need without a phone: verified, assigned, nothing queued.
    let before = outbox_size(&app).await;
    let (silent, _) = report(&app, incident, "water", None).await;
    let verify = format!("/api/v1/needs/{silent}/verify");
    assert_eq!(
        act(&app, &authority, &verify, json!({})).await,
        StatusCode::NO_CONTENT
    );
    let assign = format!("/api/v1/needs/{silent}/assign");
    let status = act(&app, &authority, &assign, json!({"organization_id": org.0})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(outbox_size(&app).await, before);
}

#[tokio::test]
async fn a_need_tells_its_reporter_of_each_step_once() {
    needs_tell_their_reporters(TestApp::new().await).await;
}

#[tokio::test]
async fn a_need_tells_its_reporter_of_each_step_once_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        needs_tell_their_reporters(app).await;
    }
}

async fn a_delivery_that_covers_a_need_tells_its_reporter(app: TestApp) {
    let m = messages();
    let owner = app.user("relief@example.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "10/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let (incident, need, _) =
        crate::crisis::incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0661000000")
            .await;
    let reference = app.get(&format!("/api/v1/needs/{need}"), None).await.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{}/warehouses", org.0),
            Some(&owner.token),
            &json!({"name": "Dépôt d'Asni", "commune": ASNI}),
        )
        .await;
    let warehouse = r.json()["id"].as_i64().expect("warehouse");
    let r = app
        .post_json(&format!("/api/v1/organizations/{}/stock", org.0), Some(&owner.token),
            &json!({"warehouse_id": warehouse, "item": "tent", "quantity": 20, "source": "in_kind_donation", "reference": "TWZ-ASN1"}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    // Half the households first: the need is in progress, nothing told.
    let deliver = |households: i64| {
        json!({"incident_id": incident, "need_id": need, "warehouse_id": warehouse,
               "item": "tent", "quantity": households, "households": households})
    };
    let deliveries = format!("/api/v1/organizations/{}/deliveries", org.0);
    for (households, covered) in [(6, false), (6, true)] {
        let r = app
            .post_json(&deliveries, Some(&owner.token), &deliver(households))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        let delivery = r.json()["id"].as_i64().expect("delivery");
        let text = app.last_sms_to("+212661000000").await.expect("the code");
        let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
        let confirm = format!(
            "/api/v1/organizations/{}/deliveries/{delivery}/confirm",
            org.0
        );
        let r = app
            .post_json(&confirm, Some(&owner.token), &json!({"code": code}))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        let last = app.last_sms_to("+212661000000").await;
        let notice = m.t_args(
            PhoneLanguage::Ar,
            "sms-notice-need-covered",
            &[("reference", Arg::Str(&reference))],
        );
        if covered {
            assert_eq!(last.as_deref(), Some(notice.as_str()));
        } else {
            assert_eq!(last.as_deref(), Some(text.as_str()), "only the code so far");
        }
    }
    assert_eq!(queued(&app, &format!("need:{reference}:covered")).await, 1);
}

#[tokio::test]
async fn a_delivery_that_covers_a_need_tells_its_reporter_once() {
    a_delivery_that_covers_a_need_tells_its_reporter(TestApp::new().await).await;
}

#[tokio::test]
async fn a_delivery_that_covers_a_need_tells_its_reporter_once_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_delivery_that_covers_a_need_tells_its_reporter(app).await;
    }
}

async fn a_delivered_pledge_that_covers_a_need_tells_its_reporter(app: TestApp) {
    let m = messages();
    let owner = app.user("relief@example.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "10/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let (_, need, pledge) =
        crate::crisis::incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0661000000")
            .await;
    let reference = app.get(&format!("/api/v1/needs/{need}"), None).await.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let path = format!("/api/v1/organizations/{}/pledges/{pledge}/status", org.0);
    // In progress: nothing told.
    let r = app
        .post_json(&path, Some(&owner.token), &json!({"status": "in_progress"}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(app.last_sms_to("+212661000000").await, None);
    let r = app
        .post_json(&path, Some(&owner.token), &json!({"status": "delivered"}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let notice = m.t_args(
        PhoneLanguage::Ar,
        "sms-notice-need-covered",
        &[("reference", Arg::Str(&reference))],
    );
    assert_eq!(
        app.last_sms_to("+212661000000").await.as_deref(),
        Some(notice.as_str())
    );
    assert_eq!(queued(&app, &format!("need:{reference}:covered")).await, 1);
}

#[tokio::test]
async fn a_delivered_pledge_that_covers_a_need_tells_its_reporter_once() {
    a_delivered_pledge_that_covers_a_need_tells_its_reporter(TestApp::new().await).await;
}

#[tokio::test]
async fn a_delivered_pledge_that_covers_a_need_tells_its_reporter_once_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_delivered_pledge_that_covers_a_need_tells_its_reporter(app).await;
    }
}

/// A USSD session from `phone` taken one answer at a time, as a gateway sends it, up to
/// `text`; the last reply without its `CON `/`END `.
async fn ussd(app: &TestApp, phone: &str, session: &str, text: &str) -> String {
    let answers: Vec<&str> = text.split('*').collect();
    let mut reply = String::new();
    for k in 0..=answers.len() {
        reply = ussd_step(app, phone, session, &answers[..k].join("*")).await;
    }
    reply
}

/// One USSD request from `phone`; the reply without its `CON `/`END `.
async fn ussd_step(app: &TestApp, phone: &str, session: &str, text: &str) -> String {
    let form = serde_urlencoded::to_string([
        ("sessionId", session),
        ("serviceCode", SERVICE),
        ("phoneNumber", phone),
        ("networkCode", "60401"),
        ("text", text),
    ])
    .expect("form");
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/channels/ussd/africastalking")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    request
        .extensions_mut()
        .insert(ConnectInfo(std::net::SocketAddr::from((GATEWAY, 40000))));
    let r = app.send(request).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.text()[4..].to_owned()
}

fn ussd_app_config() -> WebConfig {
    WebConfig {
        ussd: Some(UssdSetting {
            service_code: SERVICE.to_owned(),
            allowed_addresses: vec![GATEWAY.into()],
            secret: None,
        }),
        ..WebConfig::default()
    }
}

async fn a_phone_grievance_is_told_its_acknowledgement(app: TestApp) {
    let m = messages();
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let body = crate::registry::household_body("Lahcen", "JT123456");
    let today = time::OffsetDateTime::now_utc().date();
    let record = twiza_web::api::registry::record_from_json(&body, today).expect("record");
    let (_, household) = app
        .store
        .register_household(&scope, &app.state.config.personal_data, &record, owner.id)
        .await
        .expect("household");

    // Filed by USSD in French (language 4), on a payment not received (subject 3).
    let steps = format!("4*4*{household}*3*1");
    let filed = ussd(&app, "+212655001122", "g-1", &steps).await;
    let all = app
        .store
        .grievances(&scope, twiza_store::GrievanceFilter::default())
        .await
        .expect("grievances");
    assert_eq!(all.len(), 1, "{filed}");
    let g = &all[0];
    assert_eq!(g.channel, "ussd");
    // Nothing is texted on filing: the USSD screen already gave the number and the deadline.
    assert_eq!(outbox_size(&app).await, 0);

    // Acknowledged: the phone it came from is told, with the decision's deadline.
    let path = format!(
        "/api/v1/organizations/{}/grievances/{}/acknowledge",
        org.0, g.id
    );
    let r = app.post_json(&path, Some(&owner.token), &json!({})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let deadline = time::OffsetDateTime::from_unix_timestamp(g.decide_by)
        .expect("date")
        .date()
        .to_string();
    let told = app.last_sms_to("+212655001122").await.expect("told");
    let number = g.id.to_string();
    // In the language the grievance was filed in.
    let expected = m.t_args(
        PhoneLanguage::Fr,
        "sms-notice-grievance-acknowledged",
        &[("number", Arg::Str(&number)), ("date", Arg::Str(&deadline))],
    );
    assert_eq!(told, expected);
    assert!(told.contains(&deadline) && told.contains(&number), "{told}");
    // Acknowledged again: refused, still one message.
    let r = app.post_json(&path, Some(&owner.token), &json!({})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(
        queued(&app, &format!("grievance:{}:acknowledged", g.id)).await,
        1
    );

    // A grievance recorded by staff keeps no phone: its acknowledgement texts nothing.
    let staff = twiza_app::grievances::file(
        &app.store,
        &scope,
        owner.id,
        &app.state.config.grievance_deadlines,
        &twiza_app::grievances::GrievanceInput {
            household_id: g.household_id,
            programme_id: None,
            subject: "amount",
            channel: "in_person",
            filed_by: "member",
            statement: "Le montant reçu est plus faible que prévu.",
            received_on: None,
        },
    )
    .await
    .expect("filed");
    let path = format!(
        "/api/v1/organizations/{}/grievances/{}/acknowledge",
        org.0, staff.id
    );
    let r = app.post_json(&path, Some(&owner.token), &json!({})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(outbox_size(&app).await, 1);
}

#[tokio::test]
async fn a_grievance_filed_by_phone_is_told_its_acknowledgement() {
    a_phone_grievance_is_told_its_acknowledgement(TestApp::with_config(ussd_app_config()).await)
        .await;
}

#[tokio::test]
async fn a_grievance_filed_by_phone_is_told_its_acknowledgement_on_postgres() {
    if let Some(app) = TestApp::postgres_with_config(ussd_app_config()).await {
        a_phone_grievance_is_told_its_acknowledgement(app).await;
    }
}

/// A need reported with `0655443322`, verified and its notice sent (for the logs test: the
/// phone must not reach the logs).
pub async fn notify_once(app: &TestApp) {
    let authority = app
        .user("prefet@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let incident = incident(app, &authority).await;
    let (need, _) = report(app, incident, "food", Some("0655443322")).await;
    let verify = format!("/api/v1/needs/{need}/verify");
    assert_eq!(
        act(app, &authority, &verify, json!({})).await,
        StatusCode::NO_CONTENT
    );
    assert!(app.last_sms_to("+212655443322").await.is_some());
}
