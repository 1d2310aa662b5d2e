//! The offline field app's server side on SQLite and PostgreSQL: the shell pages and the
//! manifest in the agent's language, the reference data a device keeps (only the agent's
//! communes, no identifier, no contact, nothing that checks a code), the sync of assessments,
//! households and delivery codes by the device's ids (the same batch again doubles nothing and
//! answers the same; a changed record under a seen id is refused; a wrong code is counted once),
//! refusals with their codes and messages, the roles, and sign-out clearing the device.

use crate::harness::{Response, TestApp, TestUser};
use crate::logistics_pages::{field, lot_of, warehouse, Field};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use twiza_domain::{OrgRole, OrgScope};
use twiza_i18n::Locale;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const PHONE: &str = "+212661000000";
const CIN: &str = "EE123456";

/// The logistics scene (a need in Ighil with the family's phone, pledged by the association),
/// a delivery to it awaiting the family's code, and a field agent working in Ighil only.
struct Scene {
    f: Field,
    agent: TestUser,
    incident: i64,
    delivery: i64,
    code: String,
}

async fn scene(app: &TestApp) -> Scene {
    let f = field(app).await;
    let org = f.org.0;
    let depot = warehouse(app, &f, "Dépôt").await;
    let lot = lot_of(app, &f, depot, "30").await;
    let r = app
        .page(
            Method::POST,
            &format!("/associations/{org}/deliveries"),
            Some(&f.owner),
            &[
                ("lot", &format!("{lot}-{depot}")),
                ("need_id", &f.need.to_string()),
                ("quantity", "12"),
                ("households", "12"),
                ("proof", "otp"),
                ("recipient_phone", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let text = app.last_sms_to(PHONE).await.expect("the family's code");
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    let delivery = app
        .store
        .deliveries_waiting_in(&f.scope, &[IGHIL.to_owned()], 10)
        .await
        .expect("deliveries")[0]
        .id;
    let agent = app
        .member(f.org, OrgRole::FieldAgent, "agent@example.ma")
        .await;
    app.store
        .set_member_communes(&f.scope, agent.id, &[IGHIL.to_owned()], f.owner.id)
        .await
        .expect("communes");
    let incident = app.store.incidents_in(None, 1).await.expect("incidents")[0].id;
    Scene {
        f,
        agent,
        incident,
        delivery,
        code,
    }
}

async fn bundle(app: &TestApp, user: &TestUser, org: i64) -> Response {
    app.page(
        Method::GET,
        &format!("/field/api/{org}/bundle"),
        Some(user),
        &[],
    )
    .await
}

/// A sync as the app sends it: session cookie, the CSRF token in the query, a JSON batch.
async fn sync(app: &TestApp, user: &TestUser, org: i64, records: &[Value]) -> Response {
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/field/api/{org}/sync?csrf={}", user.csrf))
        .header(header::COOKIE, &user.cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({ "records": records }).to_string()))
        .expect("request");
    app.send(request).await
}

fn assessment(id: &str, incident: i64, commune: &str, households: i64) -> Value {
    json!({"id": id, "kind": "assessment", "data": {
        "incident": incident, "commune": commune, "douar_id": null, "category": "water",
        "urgency": "critical", "households": households, "people": null, "description": null}})
}

fn household(id: &str, given: &str) -> Value {
    json!({"id": id, "kind": "household", "data": {
        "commune": IGHIL, "douar": "Tighza", "address": "", "housing_damage": "total",
        "consent": {"purpose": "registration", "legal_basis": "consent", "channel": "in_person"},
        "members": [{"given_name_ar": "", "family_name_ar": "", "given_name_lat": given,
            "family_name_lat": "Ait Ali", "sex": "f", "birth_date": "1980-03-02",
            "relation": "head", "cin": CIN}]}})
}

fn delivery(id: &str, delivery: i64, code: &str) -> Value {
    json!({"id": id, "kind": "delivery", "data": {"delivery": delivery, "code": code}})
}

/// Every object key in a JSON value.
fn keys_of(value: &Value, keys: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                keys.push(k.clone());
                keys_of(v, keys);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys_of(v, keys)),
        _ => {}
    }
}

fn message(app: &TestApp, key: &str) -> String {
    app.state.messages.t(Locale::Ar, key)
}

/// Open water needs in Ighil and Asni (the assessments' category; the scene's need is shelter).
async fn needs_in_ighil(app: &TestApp) -> usize {
    app.store
        .open_needs_in(&[IGHIL.to_owned(), ASNI.to_owned()], 1000)
        .await
        .expect("needs")
        .iter()
        .filter(|n| n.category == "water")
        .count()
}

async fn households(app: &TestApp, s: &Scene) -> usize {
    app.store
        .search_households(
            &s.f.scope,
            &twiza_store::HouseholdSearch {
                limit: 100,
                ..Default::default()
            },
            twiza_store::Reader {
                account: s.f.owner.id,
                purpose: "test",
            },
        )
        .await
        .expect("search")
        .households
        .len()
}

async fn attempts(app: &TestApp, s: &Scene, delivery: i64) -> (i64, String) {
    let (line, _) = app
        .store
        .delivery(&s.f.scope, delivery)
        .await
        .expect("delivery");
    (line.attempts, line.status)
}

const ID: [&str; 8] = [
    "0b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "1b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "2b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "3b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "4b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "5b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "6b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
    "7b7a4c1e-2f3d-4a5b-8c6d-7e8f9a0b1c2d",
];

async fn shell_and_bundle(app: TestApp) {
    let s = scene(&app).await;
    let org = s.f.org.0;

    // The shell pages, in the agent's language, with the manifest and the app's script.
    for path in [
        "/field/",
        "/field/assessment",
        "/field/household",
        "/field/delivery",
        "/field/device",
    ] {
        let r = app.page(Method::GET, path, Some(&s.agent), &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        let html = r.text();
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{path}");
        assert!(html.contains(&format!("data-org=\"{org}\"")), "{path}");
        assert!(html.contains("rel=\"manifest\" href=\"/field/manifest.webmanifest\""));
        assert!(html.contains("src=\"/field/app.js\""));
    }
    let manifest = app.get("/field/manifest.webmanifest", None).await;
    assert_eq!(
        manifest.headers[header::CONTENT_TYPE],
        "application/manifest+json"
    );
    let manifest = manifest.json();
    assert_eq!(manifest["start_url"], "/field/");
    assert_eq!(manifest["display"], "standalone");
    assert_eq!(manifest["dir"], "rtl");
    assert_eq!(manifest["name"], message(&app, "field-app-title"));
    let sw = app.get("/field/sw.js", None).await;
    assert_eq!(sw.status, StatusCode::OK);
    assert!(
        sw.text().contains("/field/api/"),
        "the API is left to the network"
    );
    let version = twiza_web::field_app::shell_version();
    assert_eq!(version.len(), 16);
    assert!(
        sw.text()
            .contains(&format!("const CACHE = \"twiza-field-{version}\";")),
        "the worker's cache is named after the shell's version"
    );
    assert!(!sw.text().contains("__SHELL_VERSION__"));

    // The bundle: the agent's commune only, the need and the delivery to confirm, and nothing
    // that names, reaches or checks anyone.
    let r = bundle(&app, &s.agent, org).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let b = r.json();
    let text = r.text().replace(&s.agent.csrf, "");
    for secret in ["0661000000", "661000000", "Fatima", s.code.as_str()] {
        assert!(!text.contains(secret), "the bundle holds {secret}");
    }
    let mut keys = Vec::new();
    keys_of(&b, &mut keys);
    for key in keys {
        for word in [
            "phone",
            "cin",
            "code_hash",
            "salt",
            "otp",
            "contact",
            "name_lat",
        ] {
            assert!(!key.contains(word), "the bundle has a field {key}");
        }
    }
    assert_eq!(b["csrf"], s.agent.csrf.as_str());
    assert_eq!(b["wipe_after_days"], 14);
    assert_eq!(b["org"], org);
    assert_eq!(b["user"], s.agent.id.0);
    assert_eq!(b["communes"], json!([IGHIL]));
    let incidents = b["incidents"].as_array().expect("incidents");
    assert!(!incidents.is_empty());
    for i in incidents {
        for c in i["communes"].as_array().expect("communes") {
            assert_eq!(c["code"], IGHIL, "only the agent's communes");
        }
        for d in i["douars"].as_array().expect("douars") {
            assert_eq!(d["commune"], IGHIL);
        }
    }
    assert_eq!(b["deliveries"][0]["id"], s.delivery);
    assert_eq!(b["needs"].as_array().expect("needs").len(), 1);
    assert_eq!(b["categories"].as_array().expect("c").len(), 10);

    // Roles: a volunteer of the association and a member of another are refused.
    let volunteer = app
        .member(s.f.org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    assert_eq!(
        bundle(&app, &volunteer, org).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        sync(
            &app,
            &volunteer,
            org,
            &[assessment(ID[0], s.incident, IGHIL, 3)]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let stranger = app.user("stranger@example.ma", None).await;
    let other = app
        .org(
            &stranger,
            "Autre",
            "99/2019",
            twiza_domain::organization::OrgStatus::Verified,
        )
        .await;
    assert_ne!(bundle(&app, &stranger, org).await.status, StatusCode::OK);
    let _ = other;
    // A page shows a field member with no association that they are none.
    let html = app
        .page(Method::GET, "/field/", Some(&volunteer), &[])
        .await
        .text();
    assert!(html.contains("id=\"field-no-association\""));
    // Signing out clears what the browser holds for the site.
    let r = app
        .page(Method::POST, "/sign-out", Some(&s.agent), &[])
        .await;
    assert_eq!(r.headers["clear-site-data"], "\"storage\"");
}

#[tokio::test]
async fn the_shell_and_the_bundle_hold_only_what_the_agent_may_keep() {
    shell_and_bundle(TestApp::new().await).await;
}

#[tokio::test]
async fn the_shell_and_the_bundle_hold_only_what_the_agent_may_keep_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        shell_and_bundle(app).await;
    }
}

async fn sync_once(app: TestApp) {
    let s = scene(&app).await;
    let org = s.f.org.0;
    let needs_before = needs_in_ighil(&app).await;
    let batch = vec![
        assessment(ID[0], s.incident, IGHIL, 7),
        assessment(ID[1], s.incident, IGHIL, 3),
        household(ID[2], "Fatima"),
        delivery(ID[3], s.delivery, &s.code),
        // Outside the agent's communes: refused, with its code and message.
        assessment(ID[4], s.incident, ASNI, 2),
    ];
    let r = sync(&app, &s.agent, org, &batch).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let first = r.json();
    let results = first["results"].as_array().expect("results");
    assert_eq!(results.len(), 5);
    for (i, result) in results.iter().enumerate().take(4) {
        assert_eq!(result["id"], ID[i]);
        assert_eq!(result["status"], "accepted", "{result}");
    }
    assert!(results[0]["reference"]
        .as_str()
        .expect("a need's reference")
        .starts_with("N-"));
    assert!(results[2]["reference"]
        .as_str()
        .expect("a household's reference")
        .starts_with("HH-"));
    assert_eq!(results[4]["status"], "refused");
    assert_eq!(results[4]["code"], "outside_agent_communes");
    assert_eq!(
        results[4]["message"],
        message(&app, "error-outside-agent-communes")
    );
    assert!(!r.text().contains(CIN), "no identifier in the answer");
    assert_eq!(needs_in_ighil(&app).await, needs_before + 2);
    assert_eq!(households(&app, &s).await, 1);
    assert_eq!(attempts(&app, &s, s.delivery).await.1, "delivered");

    // The same batch again (a dropped connection): the same answers, nothing written twice.
    let again = sync(&app, &s.agent, org, &batch).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), first);
    assert_eq!(needs_in_ighil(&app).await, needs_before + 2);
    assert_eq!(households(&app, &s).await, 1);

    // A changed record under a seen id, of each kind, is refused.
    let changed = vec![
        assessment(ID[0], s.incident, IGHIL, 8),
        household(ID[2], "Khadija"),
        delivery(ID[3], s.delivery, "999999"),
        // Another kind under a seen id too.
        delivery(ID[1], s.delivery, &s.code),
    ];
    let r = sync(&app, &s.agent, org, &changed).await;
    assert_eq!(r.status, StatusCode::OK);
    for result in r.json()["results"].as_array().expect("results") {
        assert_eq!(result["status"], "refused", "{result}");
        assert_eq!(result["code"], "idempotency_conflict", "{result}");
        assert_eq!(
            result["message"],
            message(&app, "error-idempotency-conflict")
        );
    }
    assert_eq!(needs_in_ighil(&app).await, needs_before + 2);
    assert_eq!(households(&app, &s).await, 1);

    // Without the household's receipt (as after a cut between the registration and the
    // receipt), the registration's own key still tells a changed household from the same one.
    app.store
        .execute_raw(&format!(
            "DELETE FROM field_sync_records WHERE device_record_id = '{}'",
            ID[2]
        ))
        .await
        .expect("delete the receipt");
    let r = sync(&app, &s.agent, org, &[household(ID[2], "Khadija")]).await;
    let result = &r.json()["results"][0];
    assert_eq!(result["status"], "refused", "{result}");
    assert_eq!(result["code"], "idempotency_conflict", "{result}");
    let r = sync(&app, &s.agent, org, &[household(ID[2], "Fatima")]).await;
    assert_eq!(r.json()["results"][0], first["results"][2]);
    assert_eq!(households(&app, &s).await, 1);

    // Bad records are refused one by one, the others go through.
    let r = sync(
        &app,
        &s.agent,
        org,
        &[
            assessment("not-a-uuid", s.incident, IGHIL, 1),
            json!({"id": ID[5], "kind": "poem", "data": {}}),
            json!({"id": ID[6], "kind": "assessment", "data": {"incident": "x"}}),
            assessment(ID[7], s.incident, IGHIL, 1),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let codes: Vec<String> = r.json()["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| format!("{}:{}", r["status"], r["code"]))
        .collect();
    assert_eq!(
        codes,
        [
            "\"refused\":\"validation\"",
            "\"refused\":\"validation\"",
            "\"refused\":\"invalid_json\"",
            "\"accepted\":null"
        ]
    );
    // Without the CSRF token, or with a body that is no batch, nothing is read.
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("/field/api/{org}/sync"))
        .header(header::COOKIE, &s.agent.cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"records": [assessment(ID[5], s.incident, IGHIL, 1)]}).to_string(),
        ))
        .expect("request");
    assert_eq!(app.send(request).await.status, StatusCode::FORBIDDEN);
    let too_many: Vec<Value> = (0..101)
        .map(|_| assessment(ID[5], s.incident, IGHIL, 1))
        .collect();
    let r = sync(&app, &s.agent, org, &too_many).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_batch_synced_twice_is_written_once_and_answered_the_same() {
    sync_once(TestApp::new().await).await;
}

#[tokio::test]
async fn a_batch_synced_twice_is_written_once_and_answered_the_same_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        sync_once(app).await;
    }
}

async fn wrong_codes(app: TestApp) {
    let s = scene(&app).await;
    let org = s.f.org.0;
    let wrong = if s.code == "000000" {
        "111111"
    } else {
        "000000"
    };
    let r = sync(&app, &s.agent, org, &[delivery(ID[0], s.delivery, wrong)]).await;
    let first = r.json();
    assert_eq!(first["results"][0]["code"], "proof_code_wrong", "{first}");
    let text = first["results"][0]["message"].as_str().expect("message");
    assert!(text.contains('4'), "attempts left: {text}");
    assert_eq!(attempts(&app, &s, s.delivery).await.0, 1);
    // Sent again after a dropped connection: the same answer, no second try counted.
    for _ in 0..3 {
        let r = sync(&app, &s.agent, org, &[delivery(ID[0], s.delivery, wrong)]).await;
        assert_eq!(r.json(), first);
    }
    assert_eq!(attempts(&app, &s, s.delivery).await.0, 1);
    // Four more wrong codes typed on the device: the fifth locks the delivery.
    let mut last = Value::Null;
    for id in &ID[1..5] {
        last = sync(&app, &s.agent, org, &[delivery(id, s.delivery, wrong)])
            .await
            .json();
    }
    assert_eq!(last["results"][0]["code"], "proof_locked");
    assert_eq!(
        last["results"][0]["message"],
        message(&app, "error-proof-locked")
    );
    assert_eq!(attempts(&app, &s, s.delivery).await, (5, "locked".into()));
    // The right code, afterwards, is refused too: the delivery is locked.
    let r = sync(&app, &s.agent, org, &[delivery(ID[5], s.delivery, &s.code)]).await;
    assert_eq!(r.json()["results"][0]["code"], "proof_locked");
    // A code that is no code is refused without counting.
    let r = sync(&app, &s.agent, org, &[delivery(ID[6], s.delivery, "12ab")]).await;
    assert_eq!(r.json()["results"][0]["code"], "proof_code_invalid");
    assert_eq!(attempts(&app, &s, s.delivery).await.0, 5);
}

#[tokio::test]
async fn a_wrong_code_synced_again_is_counted_once_and_five_lock() {
    wrong_codes(TestApp::new().await).await;
}

#[tokio::test]
async fn a_wrong_code_synced_again_is_counted_once_and_five_lock_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        wrong_codes(app).await;
    }
}

#[tokio::test]
async fn an_agent_scope_reads_only_its_association() {
    // The scope the handlers get is the route's association: an agent of A syncing into B's
    // path is refused before anything is read.
    let app = TestApp::new().await;
    let s = scene(&app).await;
    let stranger = app.user("b-owner@example.ma", None).await;
    let b = app
        .org(
            &stranger,
            "Association B",
            "98/2019",
            twiza_domain::organization::OrgStatus::Verified,
        )
        .await;
    let r = sync(
        &app,
        &s.agent,
        b.0,
        &[assessment(ID[0], s.incident, IGHIL, 1)],
    )
    .await;
    assert_ne!(r.status, StatusCode::OK);
    assert!(app
        .store
        .synced_record(&OrgScope::for_member(b, OrgRole::Owner), ID[0])
        .await
        .expect("q")
        .is_none());
}
