//! Crisis coordination through the API: needs reported by anyone and assessed by field agents,
//! their duplicates, pledges and coverage, the contact only the covering association reads, the
//! rate limit, refusals that write nothing, and the streamed 3W (HXL) and GeoJSON exports.

use crate::harness::{TestApp, TestUser};
use axum::http::StatusCode;
use serde_json::{json, Value};
use twiza_domain::crisis::{IncidentInput, NewIncident, NewPledge, PledgeInput};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope, PlatformRole, UserId};
use twiza_web::WebConfig;

/// Ighil, Asni and Talat N'Yaaqoub (Al Haouz), and Adassil (Chichaoua, another province).
const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const TALAT: &str = "07.041.07.13";

/// An earthquake in four communes, declared through the store; returns its id.
pub async fn incident(app: &TestApp, by: UserId) -> i64 {
    let input = IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال الحوز",
        title_fr: "Séisme d'Al Haouz",
        started_on: "2023-09-08",
        communes: vec![IGHIL, ASNI, TALAT, "07.161.05.01"],
    };
    let incident = NewIncident::parse(&input).expect("valid incident");
    app.store
        .declare_incident(&incident, by)
        .await
        .expect("declare")
}

fn need_body(commune: &str, category: &str, households: i64) -> Value {
    json!({"commune": commune, "category": category, "urgency": "critical", "households": households})
}

/// An incident, a need reported with a contact, and a pledge of the scoped association on it.
pub async fn incident_with_pledged_need(
    app: &TestApp,
    scope: &OrgScope,
    by: UserId,
    contact_name: &str,
    phone: &str,
) -> (i64, i64, i64) {
    let incident = incident(app, by).await;
    let mut body = need_body(IGHIL, "shelter", 12);
    body["contact_name"] = json!(contact_name);
    body["contact_phone"] = json!(phone);
    let r = app
        .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let need = r.json()["id"].as_i64().expect("id");
    let pledge = NewPledge::parse(
        &PledgeInput {
            need_id: Some(need),
            commune: IGHIL,
            category: "shelter",
            households: Some(12),
            description: "12 family tents",
            due_on: "2099-01-01",
            ..PledgeInput::default()
        },
        time::macros::date!(2026 - 01 - 01),
    )
    .expect("valid pledge");
    let (pledge, _) = app
        .store
        .create_pledge(scope, incident, &pledge, by)
        .await
        .expect("pledge");
    (incident, need, pledge)
}

async fn verified_org(app: &TestApp, email: &str, number: &str) -> (TestUser, OrgScope) {
    let owner = app.user(email, None).await;
    let org = app.org(&owner, email, number, OrgStatus::Verified).await;
    (owner, OrgScope::for_member(org, OrgRole::Owner))
}

async fn count_needs(app: &TestApp, incident: i64) -> usize {
    let r = app
        .get(
            &format!("/api/v1/incidents/{incident}/needs?limit=500"),
            None,
        )
        .await;
    r.json().as_array().expect("list").len()
}

#[tokio::test]
async fn a_need_goes_from_report_to_covered() {
    let app = TestApp::new().await;
    let authority = app
        .user("wali@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let agent = app
        .member(scope.org_id(), OrgRole::FieldAgent, "agent@example.ma")
        .await;

    // An authority declares the incident through the API.
    let r = app
        .post_json(
            "/api/v1/incidents",
            Some(&authority.token),
            &json!({"kind": "earthquake", "title_ar": "زلزال", "title_fr": "Séisme",
                    "started_on": "2023-09-08", "communes": [IGHIL, ASNI, IGHIL]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let incident = r.json()["id"].as_i64().expect("id");
    assert_eq!(r.json()["communes"], json!([ASNI, IGHIL]));
    let listed = app.get("/api/v1/incidents", None).await.json();
    assert_eq!(listed[0]["id"], json!(incident));

    // A douar with its point.
    let r = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/douars"),
            Some(&authority.token),
            &json!({"commune": IGHIL, "name_ar": "تنيرت", "name_fr": "Tnirt", "name_latin": "Tnirt",
                    "latitude": 31.0916, "longitude": -8.4211, "population": 420}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let douar = r.json()["id"].as_i64().expect("douar");

    // Anyone reports; the reference follows the need; the contact never shows in public.
    let mut body = need_body(IGHIL, "shelter", 20);
    body["douar_id"] = json!(douar);
    body["contact_phone"] = json!("06 12 34 56 78");
    let r = app
        .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let need = r.json()["id"].as_i64().expect("id");
    assert_eq!(r.json()["status"], "reported");
    assert!(r.json()["reference"]
        .as_str()
        .expect("ref")
        .starts_with("N-"));
    assert_eq!(r.json()["possible_duplicate_of"], Value::Null);

    // The same place and category soon after: flagged as a likely duplicate, then merged.
    let r = app
        .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
        .await;
    assert_eq!(r.json()["possible_duplicate_of"], json!(need));
    let duplicate = r.json()["id"].as_i64().expect("id");
    let list = app
        .get(&format!("/api/v1/incidents/{incident}/needs"), None)
        .await;
    assert!(!list.text().contains("612345678"), "no phone in public");
    let r = app
        .post_json(
            &format!("/api/v1/needs/{duplicate}/merge"),
            Some(&authority.token),
            &json!({"into": need}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());

    // An authority verifies it; a field agent's assessment elsewhere is verified at once.
    let r = app
        .post_json(
            &format!("/api/v1/needs/{need}/verify"),
            Some(&authority.token),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{}/incidents/{incident}/assessments",
                scope.org_id().0
            ),
            Some(&agent.token),
            &need_body(ASNI, "water", 30),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["status"], "verified");

    // The gap: 20 households in Ighil (the merged duplicate does not count), 30 in Asni.
    let coverage = app
        .get(&format!("/api/v1/incidents/{incident}/coverage"), None)
        .await
        .json();
    let ighil = coverage
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["commune"] == IGHIL && c["douar_id"].is_null())
        .expect("Ighil");
    assert_eq!(
        (ighil["households_needed"].as_i64(), ighil["gap"].as_i64()),
        (Some(20), Some(20))
    );
    let detail = app.get(&format!("/api/v1/needs/{need}"), None).await.json();
    assert_eq!(detail["priority"]["urgency"], 40);
    assert_eq!(detail["priority"]["coverage_gap"], 20);

    // The association pledges: the need is assigned, and its coordinator reads the contact.
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{}/incidents/{incident}/pledges",
                scope.org_id().0
            ),
            Some(&owner.token),
            &json!({"need_id": need, "commune": IGHIL, "douar_id": douar, "category": "shelter",
                    "households": 20, "description": "20 family tents", "due_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let pledge = r.json()["id"].as_i64().expect("pledge");
    let detail = app.get(&format!("/api/v1/needs/{need}"), None).await.json();
    assert_eq!(detail["status"], "assigned");
    let contact = app
        .get(
            &format!(
                "/api/v1/organizations/{}/needs/{need}/contact",
                scope.org_id().0
            ),
            Some(&owner.token),
        )
        .await;
    assert_eq!(contact.status, StatusCode::OK, "{}", contact.text());
    assert_eq!(contact.json()["phone"], "+212612345678");

    // Delivered: the need is covered, the gap closed.
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{}/pledges/{pledge}/status",
                scope.org_id().0
            ),
            Some(&owner.token),
            &json!({"status": "delivered"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let detail = app.get(&format!("/api/v1/needs/{need}"), None).await.json();
    assert_eq!(detail["status"], "covered");
    let coverage = app
        .get(&format!("/api/v1/incidents/{incident}/coverage"), None)
        .await
        .json();
    let ighil = coverage
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["commune"] == IGHIL && c["douar_id"].is_null())
        .expect("Ighil")
        .clone();
    assert_eq!(ighil["households_delivered"], 20);
    assert_eq!(ighil["gap"], 0);
}

#[tokio::test]
async fn only_the_covering_association_reads_a_contact() {
    let app = TestApp::new().await;
    let (owner_b, scope_b) = verified_org(&app, "b@example.ma", "11/2015").await;
    let (owner_c, scope_c) = verified_org(&app, "c@example.ma", "12/2015").await;
    let (_, need, _) =
        incident_with_pledged_need(&app, &scope_b, owner_b.id, "Fatima", "0661000000").await;
    let path = |org: i64| format!("/api/v1/organizations/{org}/needs/{need}/contact");
    let r = app
        .get(&path(scope_b.org_id().0), Some(&owner_b.token))
        .await;
    assert_eq!(r.json()["name"], "Fatima");
    // C has no pledge on the need; a volunteer of B has no coordination role.
    let r = app
        .get(&path(scope_c.org_id().0), Some(&owner_c.token))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let volunteer = app
        .member(scope_b.org_id(), OrgRole::Volunteer, "vol@example.ma")
        .await;
    let r = app
        .get(&path(scope_b.org_id().0), Some(&volunteer.token))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    // The database holds no plaintext contact.
    let raw = std::fs::read(app.data_dir().join("twiza.db")).expect("db file");
    assert!(!raw
        .windows(10)
        .any(|w| w == b"0661000000" || w == b"2126610000"));
    assert!(!raw.windows(6).any(|w| w == b"Fatima"));
}

#[tokio::test]
async fn bad_needs_and_pledges_are_refused_and_write_nothing() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let incident = incident(&app, owner.id).await;
    let url = format!("/api/v1/incidents/{incident}/needs");
    let mut cases: Vec<(Value, &str)> = vec![];
    let mut outside = need_body(IGHIL, "food", 5);
    outside["latitude"] = json!(48.85);
    outside["longitude"] = json!(2.35);
    cases.push((outside, "coordinates_outside_morocco"));
    let mut swapped = need_body(IGHIL, "food", 5);
    swapped["latitude"] = json!(-8.38);
    swapped["longitude"] = json!(31.11);
    cases.push((swapped, "coordinates_outside_morocco"));
    let mut half = need_body(IGHIL, "food", 5);
    half["latitude"] = json!(31.1);
    cases.push((half, "coordinates_incomplete"));
    cases.push((need_body("07.041.99.99", "food", 5), "unknown_commune"));
    cases.push((
        need_body("01.051.01.01", "food", 5),
        "commune_not_in_incident",
    ));
    cases.push((need_body(IGHIL, "food", -4), "quantity_negative"));
    cases.push((need_body(IGHIL, "food", 0), "need_size_required"));
    cases.push((need_body(IGHIL, "spaceships", 4), "validation"));
    let mut phone = need_body(IGHIL, "food", 5);
    phone["contact_phone"] = json!("+33 6 12 34 56 78");
    cases.push((phone, "phone_invalid"));
    let mut douar = need_body(IGHIL, "food", 5);
    douar["douar_id"] = json!(9999);
    cases.push((douar, "unknown_douar"));
    for (body, code) in &cases {
        let r = app.post_json(&url, None, body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text()
        );
        assert_eq!(r.error_code(), *code, "{body}");
        assert!(!r.json()["error"]["message"]
            .as_str()
            .unwrap_or("")
            .is_empty());
    }
    let r = app
        .post_json(
            "/api/v1/incidents/999/needs",
            None,
            &need_body(IGHIL, "food", 5),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(count_needs(&app, incident).await, 0, "nothing was written");

    // Pledges: none negative, none in the past, none for a need of another commune.
    let r = app.post_json(&url, None, &need_body(ASNI, "food", 5)).await;
    let need = r.json()["id"].as_i64().expect("need");
    let pledges = format!(
        "/api/v1/organizations/{}/incidents/{incident}/pledges",
        scope.org_id().0
    );
    let pledge = |households: i64, due_on: &str, commune: &str| {
        json!({"need_id": need, "commune": commune, "category": "food", "households": households,
               "description": "Food baskets", "due_on": due_on})
    };
    for (body, code) in [
        (pledge(-10, "2099-01-01", ASNI), "quantity_negative"),
        (pledge(0, "2099-01-01", ASNI), "quantity_not_positive"),
        (pledge(10, "2020-01-01", ASNI), "date_in_past"),
        (pledge(10, "2099-01-01", IGHIL), "need_elsewhere"),
        (pledge(10, "2099-01-01", "07.041.77.77"), "unknown_commune"),
    ] {
        let r = app.post_json(&pledges, Some(&owner.token), &body).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.text()
        );
        assert_eq!(r.error_code(), code, "{body}");
    }
    let listed = app
        .get(&format!("/api/v1/incidents/{incident}/pledges"), None)
        .await;
    assert_eq!(listed.json(), json!([]), "no pledge was written");
    let detail = app.get(&format!("/api/v1/needs/{need}"), None).await.json();
    assert_eq!(detail["status"], "reported", "the need was not assigned");
}

#[tokio::test]
async fn crisis_reports_beyond_the_rate_are_held_for_review_then_refused() {
    let app = TestApp::with_config(WebConfig {
        need_reports_per_minute: 2,
        ..WebConfig::default()
    })
    .await;
    let authority = app
        .user("wali@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let (owner, _) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let incident = incident(&app, owner.id).await;
    let url = format!("/api/v1/incidents/{incident}/needs");
    for category in ["food", "water"] {
        let r = app
            .post_json(&url, None, &need_body(IGHIL, category, 2))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        assert_eq!(r.json()["status"], "reported");
    }

    // Beyond the rate (a village behind one address): received, with a reference, but held.
    let mut big = need_body(TALAT, "shelter", 50);
    big["contact_phone"] = json!("0661000000");
    let r = app.post_json(&url, None, &big).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["status"], "held");
    let held = r.json()["id"].as_i64().expect("id");
    let reference = r.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    // The page form too: the reporter lands on the follow-up page, which says it waits.
    let form = app
        .page(
            axum::http::Method::POST,
            &format!("/incidents/{incident}/needs"),
            None,
            &[
                ("commune", TALAT),
                ("category", "water"),
                ("urgency", "high"),
                ("households", "30"),
            ],
        )
        .await;
    assert_eq!(form.status, StatusCode::SEE_OTHER, "{}", form.text());
    let location = form.headers[axum::http::header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    for page in [format!("/needs/{reference}"), location] {
        let html = page_in(&app, &page, "fr").await.text();
        assert!(html.contains("data-status=\"held\""), "{html}");
        assert!(html.contains("id=\"need-held\""), "{html}");
    }

    // Out of the public list, coverage, detail, map and exports.
    assert_eq!(count_needs(&app, incident).await, 2);
    let r = app
        .get(
            &format!("/api/v1/incidents/{incident}/needs?status=held"),
            None,
        )
        .await;
    assert_eq!(r.json(), json!([]));
    let coverage = app
        .get(&format!("/api/v1/incidents/{incident}/coverage"), None)
        .await
        .json();
    assert!(
        !coverage.to_string().contains(TALAT),
        "held needs leave no gap: {coverage}"
    );
    let r = app.get(&format!("/api/v1/needs/{held}"), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let geo = app
        .get(
            &format!("/api/v1/incidents/{incident}/exports/needs.geojson"),
            None,
        )
        .await;
    let collection: Value = serde_json::from_slice(&geo.body).expect("valid JSON");
    assert_eq!(collection["features"].as_array().map(Vec::len), Some(2));
    let page = page_in(&app, &format!("/incidents/{incident}"), "fr").await;
    assert!(page.status.is_success());

    // Authorities list them by keyset pages; nobody else does.
    let held_url = format!("/api/v1/incidents/{incident}/held-needs");
    assert_eq!(
        app.get(&held_url, None).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get(&held_url, Some(&owner.token)).await.status,
        StatusCode::FORBIDDEN
    );
    let first = app
        .get(&format!("{held_url}?limit=1"), Some(&authority.token))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.json()[0]["id"], json!(held));
    assert!(
        !first.text().contains("661000000"),
        "no contact in the list"
    );
    let rest = app
        .get(&format!("{held_url}?after={held}"), Some(&authority.token))
        .await
        .json();
    let from_form = rest[0]["id"].as_i64().expect("the form's report");
    assert_eq!(rest.as_array().map(Vec::len), Some(1));

    // Accepted, the first counts; rejected, the second never does; a review happens once.
    let review = |id: i64, what: &str| format!("/api/v1/needs/{id}/{what}");
    let r = app
        .post_json(&review(held, "accept"), Some(&owner.token), &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post_json(&review(held, "accept"), Some(&authority.token), &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = app
        .post_json(
            &review(from_form, "reject"),
            Some(&authority.token),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = app
        .post_json(&review(held, "reject"), Some(&authority.token), &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.error_code(), "need_not_held");
    assert_eq!(count_needs(&app, incident).await, 4);
    let detail = app
        .get(&format!("/api/v1/needs/{from_form}"), None)
        .await
        .json();
    assert_eq!(detail["status"], "closed");
    let coverage = app
        .get(&format!("/api/v1/incidents/{incident}/coverage"), None)
        .await
        .json();
    let talat = coverage
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["commune"] == TALAT && c["douar_id"].is_null())
        .expect("Talat")
        .clone();
    assert_eq!(talat["households_needed"], 50);

    // Verifying a held report accepts it as verified.
    let r = app
        .post_json(&url, None, &need_body(ASNI, "health", 3))
        .await;
    assert_eq!(r.json()["status"], "held");
    let third = r.json()["id"].as_i64().expect("id");
    let r = app
        .post_json(&review(third, "verify"), Some(&authority.token), &json!({}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let detail = app
        .get(&format!("/api/v1/needs/{third}"), None)
        .await
        .json();
    assert_eq!(detail["status"], "verified");

    // Ten times the rate held (20 here, 3 used): then 429 with Retry-After, from both faces.
    // (The held allowance refills one report every 3 s; a slow run may see one more.)
    let mut flood = 0;
    let refused = loop {
        let r = app.post_json(&url, None, &need_body(ASNI, "food", 1)).await;
        if r.status != StatusCode::CREATED {
            break r;
        }
        assert_eq!(r.json()["status"], "held");
        flood += 1;
        assert!(flood <= 30, "the held bound holds");
    };
    assert!(flood >= 17, "{flood}");
    assert_eq!(
        refused.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        refused.text()
    );
    assert_eq!(refused.error_code(), "rate_limited");
    let wait: u64 = refused.headers[axum::http::header::RETRY_AFTER]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    let mut tries = 0;
    let form = loop {
        let form = app
            .page(
                axum::http::Method::POST,
                &format!("/incidents/{incident}/needs"),
                None,
                &[
                    ("commune", TALAT),
                    ("category", "water"),
                    ("urgency", "high"),
                    ("households", "3"),
                ],
            )
            .await;
        tries += 1;
        if form.status != StatusCode::SEE_OTHER || tries == 3 {
            break form;
        }
        flood += 1;
    };
    assert_eq!(form.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(form.headers.contains_key(axum::http::header::RETRY_AFTER));
    let held_now = app
        .get(&format!("{held_url}?limit=500"), Some(&authority.token))
        .await
        .json();
    assert_eq!(held_now.as_array().map(Vec::len), Some(flood));
}

#[tokio::test]
async fn pledging_a_covered_place_warns_of_uncovered_neighbours() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let incident = incident(&app, owner.id).await;
    let url = format!("/api/v1/incidents/{incident}/needs");
    app.post_json(&url, None, &need_body(IGHIL, "food", 10))
        .await;
    app.post_json(&url, None, &need_body(TALAT, "food", 40))
        .await;
    let pledges = format!(
        "/api/v1/organizations/{}/incidents/{incident}/pledges",
        scope.org_id().0
    );
    let body = json!({"commune": IGHIL, "category": "food", "households": 10,
                      "description": "Food baskets", "due_on": "2099-01-01"});
    let first = app.post_json(&pledges, Some(&owner.token), &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    assert_eq!(
        first.json()["warning"],
        Value::Null,
        "Ighil was not covered yet"
    );
    let second = app.post_json(&pledges, Some(&owner.token), &body).await;
    let warning = &second.json()["warning"];
    assert_eq!(warning["code"], "place_already_covered");
    assert_eq!(
        warning["uncovered_neighbours"],
        json!([{"commune": TALAT, "households": 40}])
    );
    let coverage = app
        .get(&format!("/api/v1/incidents/{incident}/coverage"), None)
        .await
        .json();
    let ighil = coverage
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["commune"] == IGHIL)
        .expect("Ighil")
        .clone();
    assert_eq!(ighil["oversupply"], 10);
}

#[tokio::test]
async fn exports_stream_hxl_and_geojson() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let (incident, _, _) =
        incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0661000000").await;
    let url = format!("/api/v1/incidents/{incident}/needs");
    let mut located = need_body(ASNI, "water", 7);
    located["latitude"] = json!(31.245);
    located["longitude"] = json!(-7.981);
    app.post_json(&url, None, &located).await;

    let csv = app
        .get(
            &format!("/api/v1/incidents/{incident}/exports/3w.csv"),
            None,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].starts_with("#org,#sector,"), "{text}");
    for tag in [
        "#adm1+code",
        "#adm2+code",
        "#adm3+code",
        "#loc",
        "#activity",
        "#status",
        "#date+start",
        "#reached",
        "#targeted",
    ] {
        assert!(lines[1].contains(tag), "{tag}");
    }
    assert!(
        lines[2].contains("Marrakech-Safi") && lines[2].contains(IGHIL),
        "{}",
        lines[2]
    );
    assert!(lines[2].contains("12 family tents") && lines[2].contains("Shelter and NFI"));
    assert!(!text.contains("Fatima"));

    let geo = app
        .get(
            &format!("/api/v1/incidents/{incident}/exports/needs.geojson"),
            None,
        )
        .await;
    assert_eq!(geo.status, StatusCode::OK);
    let collection: Value = serde_json::from_slice(&geo.body).expect("valid JSON");
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().expect("features");
    assert_eq!(features.len(), 2);
    assert_eq!(features[0]["geometry"], Value::Null);
    assert_eq!(
        features[1]["geometry"]["coordinates"],
        json!([-7.981, 31.245])
    );
    assert!(!geo.text().contains("Fatima") && !geo.text().contains("0661000000"));
    let missing = app.get("/api/v1/incidents/99/exports/3w.csv", None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

async fn page_in(app: &TestApp, path: &str, lang: &str) -> crate::harness::Response {
    let request = axum::http::Request::builder()
        .uri(path)
        .header(axum::http::header::COOKIE, format!("twiza_lang={lang}"))
        .body(axum::body::Body::empty())
        .expect("request");
    app.send(request).await
}

#[tokio::test]
async fn the_incident_page_shows_the_map_and_the_gaps_in_arabic_and_french() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let incident = incident(&app, owner.id).await;
    for (commune, latin, lat, lon) in [
        (IGHIL, "Tnirt", 31.072, -8.412),
        (ASNI, "Imlil", 31.137, -7.919),
    ] {
        let douar = twiza_domain::crisis::NewDouar::parse(&twiza_domain::crisis::DouarInput {
            commune,
            name_ar: "دوار",
            name_fr: latin,
            name_latin: latin,
            latitude: Some(lat),
            longitude: Some(lon),
            population: None,
        })
        .expect("douar");
        let id = app.store.create_douar(&douar).await.expect("douar");
        let mut body = need_body(commune, "shelter", 10);
        body["douar_id"] = json!(id);
        app.post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
            .await;
        if commune == ASNI {
            // Asni gets twice what it needs; Ighil nothing.
            body["households"] = json!(20);
            body["description"] = json!("Tentes");
            body["due_on"] = json!("2099-01-01");
            body.as_object_mut().map(|o| o.remove("urgency"));
            let r = app
                .post_json(
                    &format!(
                        "/api/v1/organizations/{}/incidents/{incident}/pledges",
                        scope.org_id().0
                    ),
                    Some(&owner.token),
                    &body,
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        }
    }
    let ar = page_in(&app, &format!("/incidents/{incident}"), "ar").await;
    assert_eq!(ar.status, StatusCode::OK);
    let html = ar.text();
    assert!(html.contains("زلزال الحوز") && html.contains("الخصاص حسب الجماعة"));
    assert!(
        html.contains("<svg")
            && html.contains("class=\"place gap\"")
            && html.contains("class=\"place oversupply\"")
    );
    // The gaps come first: Ighil (10 households uncovered) before Asni (oversupplied).
    let ighil = html
        .find(&format!("data-commune=\"{IGHIL}\""))
        .expect("Ighil row");
    let asni = html
        .find(&format!("data-commune=\"{ASNI}\""))
        .expect("Asni row");
    assert!(ighil < asni);
    assert!(html.len() < 30_000, "a light page: {} bytes", html.len());
    let fr = page_in(&app, &format!("/incidents/{incident}"), "fr").await;
    let html = fr.text();
    assert!(html.contains("<h1>Séisme d&#39;Al Haouz</h1>"), "{html}");
    assert!(html.contains("Écarts par commune") && html.contains("Tnirt"));
    let list = page_in(&app, "/incidents", "fr").await;
    assert!(list.text().contains(&format!("/incidents/{incident}")));
}

#[tokio::test]
async fn the_need_form_records_a_need_or_says_what_is_wrong() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let incident = incident(&app, owner.id).await;
    let form = app
        .page(
            axum::http::Method::GET,
            &format!("/incidents/{incident}/report"),
            None,
            &[],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.text().contains("اغيل"),
        "communes by their Arabic names"
    );

    let post = |fields: Vec<(&'static str, &'static str)>| {
        let app = &app;
        async move {
            app.page(
                axum::http::Method::POST,
                &format!("/incidents/{incident}/needs"),
                None,
                &fields,
            )
            .await
        }
    };
    let bad = post(vec![
        ("commune", IGHIL),
        ("category", "water"),
        ("urgency", "high"),
        ("households", "-3"),
    ])
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text().contains("لا يمكن أن تكون الكمية سالبة"),
        "the error in Arabic"
    );
    let elsewhere = post(vec![
        ("commune", "01.051.01.01"),
        ("category", "water"),
        ("urgency", "high"),
        ("households", "3"),
    ])
    .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count_needs(&app, incident).await, 0, "nothing was written");

    let good = post(vec![
        ("commune", IGHIL),
        ("category", "water"),
        ("urgency", "critical"),
        ("households", "6"),
        ("contact_phone", "0612345678"),
    ])
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.text());
    let location = good.headers[axum::http::header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(location.starts_with("/needs/N-"));
    let page = app
        .page(axum::http::Method::GET, &location, None, &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("data-status=\"reported\""));
    assert!(!page.text().contains("612345678"), "no contact on the page");
    assert_eq!(count_needs(&app, incident).await, 1);
}

#[tokio::test]
async fn a_delivery_takes_stock_and_is_proven_by_the_recipients_code() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let org = scope.org_id().0;
    let (incident, need, _) =
        incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0661000000").await;
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{org}/warehouses"),
            Some(&owner.token),
            &json!({"name": "Dépôt d'Asni", "commune": ASNI}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let warehouse = r.json()["id"].as_i64().expect("id");
    let r = app
        .post_json(&format!("/api/v1/organizations/{org}/stock"), Some(&owner.token),
            &json!({"warehouse_id": warehouse, "item": "tent", "quantity": 20, "source": "in_kind_donation", "reference": "TWZ-ASN1"}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let stock = || async {
        app.get(
            &format!("/api/v1/organizations/{org}/stock"),
            Some(&owner.token),
        )
        .await
        .json()[0]["quantity"]
            .as_i64()
    };
    let deliveries = format!("/api/v1/organizations/{org}/deliveries");
    let body = |quantity: i64| {
        json!({"incident_id": incident, "need_id": need, "warehouse_id": warehouse,
                                      "item": "tent", "quantity": quantity, "households": 12})
    };

    // Bad input writes nothing.
    for (quantity, status, code) in [
        (21, StatusCode::CONFLICT, "insufficient_stock"),
        (-2, StatusCode::UNPROCESSABLE_ENTITY, "quantity_negative"),
        (0, StatusCode::UNPROCESSABLE_ENTITY, "quantity_not_positive"),
    ] {
        let r = app
            .post_json(&deliveries, Some(&owner.token), &body(quantity))
            .await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (status, code),
            "{}",
            r.text()
        );
    }
    let mut unknown = body(2);
    unknown["item"] = json!("spaceship");
    let r = app
        .post_json(&deliveries, Some(&owner.token), &unknown)
        .await;
    assert_eq!(r.error_code(), "unknown_item");
    assert_eq!(stock().await, Some(20), "nothing was taken out");
    assert!(
        app.last_sms_to("+212661000000").await.is_none(),
        "no code was sent"
    );

    // A campaign of another association cannot be named as the source.
    let (_, other_owner, other_scope) = crate::donations::collecting(&app).await;
    let foreign = app.campaign(&other_scope, other_owner.id, "Autre").await;
    let mut foreign_body = body(12);
    foreign_body["campaign_id"] = json!(foreign);
    let r = app
        .post_json(&deliveries, Some(&owner.token), &foreign_body)
        .await;
    assert_eq!(r.error_code(), "unknown_campaign", "{}", r.text());
    // The code goes to the phone left with the need (the association pledged to cover it); the
    // goods came from the association's campaign, named in the leaf.
    let campaign = app
        .collecting_campaign(&scope, owner.id, "Secours Ighil")
        .await;
    let code_of = app
        .store
        .campaign(campaign)
        .await
        .expect("q")
        .expect("campaign")
        .code;
    let mut funded = body(12);
    funded["campaign_id"] = json!(campaign);
    let r = app
        .post_json(&deliveries, Some(&owner.token), &funded)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["code_sent_to"], "+212•••••••00");
    let delivery = r.json()["id"].as_i64().expect("id");
    assert_eq!(stock().await, Some(8));
    let text = app
        .last_sms_to("+212661000000")
        .await
        .expect("a text message");
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    assert_eq!(code.len(), 6, "{text}");
    let confirm = format!("/api/v1/organizations/{org}/deliveries/{delivery}/confirm");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": wrong}))
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "proof_code_wrong")
    );
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains('4'),
        "{}",
        r.text()
    );
    let before = app.store.log_size().await.expect("size");
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": code}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["leaf_index"], json!(before));
    let leaf = app
        .get(&format!("/api/v1/log/entries/{before}"), None)
        .await
        .json();
    let leaf = String::from_utf8(
        base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            leaf["leaf"].as_str().expect("leaf"),
        )
        .expect("b64"),
    )
    .expect("utf8");
    assert!(
        leaf.contains("\"type\":\"delivery_confirmed\"") && leaf.contains("\"item\":\"tent\""),
        "{leaf}"
    );
    assert!(
        leaf.contains(&format!("\"campaign\":\"{code_of}\"")),
        "{leaf}"
    );
    assert!(!leaf.contains("0661000000") && !leaf.contains("Fatima") && !leaf.contains("212661"));
    let need_now = app.get(&format!("/api/v1/needs/{need}"), None).await.json();
    assert_eq!(need_now["status"], "covered");
    // A used code cannot serve twice.
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": code}))
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::CONFLICT, "proof_already_used")
    );

    // Five wrong codes lock a delivery, which then refuses even the right code.
    let second = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &need_body(IGHIL, "water", 2),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("need");
    let mut other = body(2);
    other["need_id"] = json!(second);
    other["households"] = json!(2);
    other["recipient_phone"] = json!("0677000000");
    let r = app.post_json(&deliveries, Some(&owner.token), &other).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let locked = r.json()["id"].as_i64().expect("id");
    let code: String = app
        .last_sms_to("+212677000000")
        .await
        .expect("sms")
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect();
    let confirm = format!("/api/v1/organizations/{org}/deliveries/{locked}/confirm");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        let r = app
            .post_json(&confirm, Some(&owner.token), &json!({"code": wrong}))
            .await;
        assert_eq!(r.error_code(), "proof_code_wrong");
    }
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": wrong}))
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::CONFLICT, "proof_locked")
    );
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": code}))
        .await;
    assert_eq!(r.error_code(), "proof_locked");
    let r = app
        .post_json(&confirm, Some(&owner.token), &json!({"code": "12ab"}))
        .await;
    assert_eq!(r.error_code(), "proof_code_invalid");
    assert_eq!(
        app.store.log_size().await.expect("size"),
        before + 1,
        "only the proven delivery is logged"
    );
}

#[tokio::test]
async fn a_convoy_to_a_covered_place_is_warned_and_moves_forward() {
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let org = scope.org_id().0;
    let incident = incident(&app, owner.id).await;
    let url = format!("/api/v1/incidents/{incident}/needs");
    app.post_json(&url, None, &need_body(TALAT, "food", 40))
        .await;
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{org}/warehouses"),
            Some(&owner.token),
            &json!({"name": "Dépôt", "commune": ASNI}),
        )
        .await;
    let warehouse = r.json()["id"].as_i64().expect("id");
    app.post_json(&format!("/api/v1/organizations/{org}/stock"), Some(&owner.token),
        &json!({"warehouse_id": warehouse, "item": "food_basket", "quantity": 100, "source": "purchase"}))
        .await;
    let convoys = format!("/api/v1/organizations/{org}/incidents/{incident}/convoys");
    let convoy = |commune: &str, quantity: i64, departs_on: &str| {
        json!({"warehouse_id": warehouse, "commune": commune, "vehicle": "Camion 12 t", "driver": "Brahim",
               "route": "Marrakech – Asni", "departs_on": departs_on,
               "manifest": [{"item": "food_basket", "quantity": quantity}]})
    };
    // Asni has no need at all (no gap) while Talat N'Yaaqoub waits: warned.
    let r = app
        .post_json(
            &convoys,
            Some(&owner.token),
            &convoy(ASNI, 60, "2099-01-01"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(
        r.json()["warning"]["uncovered_neighbours"],
        json!([{"commune": TALAT, "households": 40}])
    );
    let id = r.json()["id"].as_i64().expect("id");
    // To the place that waits: no warning.
    let r = app
        .post_json(
            &convoys,
            Some(&owner.token),
            &convoy(TALAT, 40, "2099-01-01"),
        )
        .await;
    assert_eq!(r.json()["warning"], Value::Null);
    // Refusals: more than the stock, a past date, a place outside the incident.
    for (body, status, code) in [
        (
            convoy(TALAT, 101, "2099-01-01"),
            StatusCode::CONFLICT,
            "insufficient_stock",
        ),
        (
            convoy(TALAT, 10, "2020-01-01"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "date_in_past",
        ),
        (
            convoy("01.051.01.01", 10, "2099-01-01"),
            StatusCode::UNPROCESSABLE_ENTITY,
            "commune_not_in_incident",
        ),
    ] {
        let r = app.post_json(&convoys, Some(&owner.token), &body).await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (status, code),
            "{}",
            r.text()
        );
    }
    // Planned → left → arrived; no going back.
    let status = format!("/api/v1/organizations/{org}/convoys/{id}/status");
    for step in ["left", "arrived"] {
        let r = app
            .post_json(&status, Some(&owner.token), &json!({"status": step}))
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    }
    let r = app
        .post_json(&status, Some(&owner.token), &json!({"status": "cancelled"}))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // The public list names the association and the place, never the driver.
    let list = app
        .get(&format!("/api/v1/incidents/{incident}/convoys"), None)
        .await;
    assert_eq!(list.json().as_array().map(Vec::len), Some(2));
    assert!(!list.text().contains("Brahim"));
    assert_eq!(list.json()[1]["status"], "arrived");
}

#[tokio::test]
async fn without_a_phone_the_field_agent_proves_the_delivery_with_a_photo() {
    use base64::Engine;
    let app = TestApp::new().await;
    let (owner, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let org = scope.org_id().0;
    let incident = incident(&app, owner.id).await;
    let need = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &need_body(IGHIL, "clothing_blankets", 3),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("need");
    let warehouse = app
        .post_json(
            &format!("/api/v1/organizations/{org}/warehouses"),
            Some(&owner.token),
            &json!({"name": "Dépôt", "commune": ASNI}),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("warehouse");
    app.post_json(
        &format!("/api/v1/organizations/{org}/stock"),
        Some(&owner.token),
        &json!({"warehouse_id": warehouse, "item": "blanket", "quantity": 50, "source": "other"}),
    )
    .await;
    let deliveries = format!("/api/v1/organizations/{org}/deliveries");
    let body = json!({"incident_id": incident, "need_id": need, "warehouse_id": warehouse, "item": "blanket",
                      "quantity": 12, "households": 3});
    // Without a phone and without saying so: refused.
    let r = app.post_json(&deliveries, Some(&owner.token), &body).await;
    assert_eq!(r.error_code(), "recipient_phone_required");
    let mut by_agent = body.clone();
    by_agent["proof"] = json!("agent");
    let r = app
        .post_json(&deliveries, Some(&owner.token), &by_agent)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(
        (
            r.json()["proof"].as_str(),
            r.json()["code_sent_to"].as_str()
        ),
        (Some("agent"), None)
    );
    let delivery = r.json()["id"].as_i64().expect("id");
    // A code cannot prove it; a PDF is no photo.
    let r = app
        .post_json(
            &format!("{deliveries}/{delivery}/confirm"),
            Some(&owner.token),
            &json!({"code": "123456"}),
        )
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::CONFLICT, "proof_method_mismatch")
    );
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let agent = format!("{deliveries}/{delivery}/confirm-by-agent");
    let r = app
        .post_json(&agent, Some(&owner.token),
            &json!({"statement": "Remis au chef de famille", "photo_type": "png", "photo": b64(b"%PDF-1.7 no")}))
        .await;
    assert_eq!(r.error_code(), "invalid_photo");
    let photo = b"\x89PNG\r\n\x1a\n-a-photo-of-the-handover";
    let r = app
        .post_json(&agent, Some(&owner.token),
            &json!({"statement": "Remis au chef de famille", "photo_type": "png", "photo": b64(photo)}))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let index = r.json()["leaf_index"].as_u64().expect("index");
    let leaf = app
        .get(&format!("/api/v1/log/entries/{index}"), None)
        .await
        .json();
    let leaf = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(leaf["leaf"].as_str().expect("leaf"))
            .expect("b64"),
    )
    .expect("utf8");
    let sha = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(photo))
    };
    assert!(
        leaf.contains("\"proof\":\"agent\"") && leaf.contains(&sha),
        "{leaf}"
    );
    assert!(
        !leaf.contains("chef de famille"),
        "the statement stays private"
    );
    let r = app
        .post_json(
            &agent,
            Some(&owner.token),
            &json!({"statement": "Encore", "photo_type": "png", "photo": b64(photo)}),
        )
        .await;
    assert_eq!(r.error_code(), "proof_already_used");
    let report = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(report.ok(), "{:?}", report.findings);
}

#[tokio::test]
async fn crisis_contact_goes_only_to_assigned_associations_and_the_reporter_sees_who() {
    let app = TestApp::new().await;
    let authority = app
        .user("wali@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let (owner_b, scope_b) = verified_org(&app, "first@example.ma", "11/2015").await;
    let (owner_c, scope_c) = verified_org(&app, "later@example.ma", "12/2015").await;
    let (_, scope_d) = verified_org(&app, "third@example.ma", "13/2015").await;
    let (_, scope_e) = verified_org(&app, "fourth@example.ma", "14/2015").await;
    let pending_owner = app.user("pending@example.ma", None).await;
    let pending = app
        .org(
            &pending_owner,
            "pending@example.ma",
            "15/2015",
            OrgStatus::Pending,
        )
        .await;
    let (incident, need, _) =
        incident_with_pledged_need(&app, &scope_b, owner_b.id, "Fatima", "0661000000").await;
    let contact = |org: i64| format!("/api/v1/organizations/{org}/needs/{need}/contact");
    let reference = app.get(&format!("/api/v1/needs/{need}"), None).await.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let follow_up = format!("/needs/{reference}");

    // Before any read, the reporter's page says nobody received the number.
    let page = page_in(&app, &follow_up, "fr").await;
    assert!(
        page.text().contains("id=\"need-releases-none\""),
        "{}",
        page.text()
    );

    // C pledges to the need B was assigned by its first pledge: C cannot read the contact.
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{}/incidents/{incident}/pledges",
                scope_c.org_id().0
            ),
            Some(&owner_c.token),
            &json!({"need_id": need, "commune": IGHIL, "category": "shelter", "households": 2,
                    "description": "2 tents", "due_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = app
        .get(&contact(scope_c.org_id().0), Some(&owner_c.token))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text());
    assert!(!r.text().contains("Fatima") && !r.text().contains("661000000"));

    // B, assigned, reads it; the reporter's page names B and the date, never the member.
    let r = app
        .get(&contact(scope_b.org_id().0), Some(&owner_b.token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["phone"], "+212661000000");
    let page = page_in(&app, &follow_up, "fr").await;
    let html = page.text();
    assert!(html.contains("id=\"need-releases\""), "{html}");
    assert!(
        html.contains("first@example.ma"),
        "the association is named"
    );
    assert!(!html.contains("later@example.ma"), "C received nothing");
    assert!(!html.contains("Test user"), "no member is named");
    assert!(!html.contains("661000000") && !html.contains("Fatima"));

    // The authority assigns C: C may read now. Only authorities assign.
    let assign = |org: i64| json!({"organization_id": org});
    let path = format!("/api/v1/needs/{need}/assign");
    let r = app
        .post_json(&path, Some(&owner_b.token), &assign(scope_c.org_id().0))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let r = app
        .post_json(&path, Some(&authority.token), &assign(scope_c.org_id().0))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let assigned = r.json();
    assert_eq!(assigned.as_array().map(Vec::len), Some(2), "{assigned}");
    assert_eq!(assigned[0]["how"], "pledge");
    assert_eq!(assigned[1]["how"], "authority");
    let again = app
        .post_json(&path, Some(&authority.token), &assign(scope_c.org_id().0))
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    let r = app
        .get(&contact(scope_c.org_id().0), Some(&owner_c.token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let page = page_in(&app, &follow_up, "fr").await;
    assert!(page.text().contains("later@example.ma"));

    // Three associations at most; an unverified or unknown one is refused.
    let r = app
        .post_json(&path, Some(&authority.token), &assign(scope_d.org_id().0))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = app
        .post_json(&path, Some(&authority.token), &assign(scope_e.org_id().0))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(r.error_code(), "need_assignment_limit");
    let r = app
        .post_json(&path, Some(&authority.token), &assign(pending.0))
        .await;
    assert_eq!(r.error_code(), "organization_not_verified", "{}", r.text());
    let r = app
        .post_json(&path, Some(&authority.token), &assign(999_999))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert_eq!(r.error_code(), "unknown_organization");
    let r = app
        .get(&contact(scope_e.org_id().0), Some(&owner_c.token))
        .await;
    assert_ne!(r.status, StatusCode::OK);
}

/// A need report sent with an `Idempotency-Key` header.
async fn report_with_key(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
    key: &str,
    body: &Value,
) -> crate::harness::Response {
    let mut r = axum::http::Request::builder()
        .method(axum::http::Method::POST)
        .uri(path)
        .header(axum::http::header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key);
    if let Some(t) = token {
        r = r.header(axum::http::header::AUTHORIZATION, format!("Bearer {t}"));
    }
    app.send(
        r.body(axum::body::Body::from(body.to_string()))
            .expect("request"),
    )
    .await
}

async fn needs_retried_with_their_key(app: TestApp) {
    let authority = app
        .user("wali@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let (_, scope) = verified_org(&app, "relief@example.ma", "10/2015").await;
    let agent = app
        .member(scope.org_id(), OrgRole::FieldAgent, "agent@example.ma")
        .await;
    let incident = incident(&app, authority.id).await;
    let public = format!("/api/v1/incidents/{incident}/needs");
    let body = need_body(IGHIL, "water", 9);

    // A report, then its retry after a dropped answer: the first need is answered again.
    let first = report_with_key(&app, &public, None, "report-key-0001", &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let retry = report_with_key(&app, &public, None, "report-key-0001", &body).await;
    assert_eq!(retry.status, StatusCode::OK, "{}", retry.text());
    assert_eq!(
        (&retry.json()["id"], &retry.json()["reference"]),
        (&first.json()["id"], &first.json()["reference"])
    );
    assert_eq!(count_needs(&app, incident).await, 1);

    // The same key with another report is a conflict, and writes nothing.
    let other = report_with_key(
        &app,
        &public,
        None,
        "report-key-0001",
        &need_body(IGHIL, "water", 90),
    )
    .await;
    assert_eq!(
        (other.status, other.error_code().as_str()),
        (StatusCode::CONFLICT, "idempotency_conflict")
    );
    // A key that is not one is refused before anything is read or written.
    let bad = report_with_key(&app, &public, None, "short", &body).await;
    assert_eq!(bad.error_code(), "invalid_idempotency_key");
    assert_eq!(count_needs(&app, incident).await, 1);

    // A field agent's assessment retried: one need, verified once.
    let assessments = format!(
        "/api/v1/organizations/{}/incidents/{incident}/assessments",
        scope.org_id().0
    );
    let assessed = need_body(ASNI, "shelter", 14);
    let first = report_with_key(
        &app,
        &assessments,
        Some(&agent.token),
        "assessment-key-0001",
        &assessed,
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    assert_eq!(first.json()["status"], "verified");
    let retry = report_with_key(
        &app,
        &assessments,
        Some(&agent.token),
        "assessment-key-0001",
        &assessed,
    )
    .await;
    assert_eq!(retry.status, StatusCode::OK, "{}", retry.text());
    assert_eq!(retry.json()["id"], first.json()["id"]);
    assert_eq!(count_needs(&app, incident).await, 2);
}

#[tokio::test]
async fn a_need_retried_with_its_idempotency_key_is_written_once() {
    needs_retried_with_their_key(TestApp::new().await).await;
}

#[tokio::test]
async fn a_need_retried_with_its_idempotency_key_is_written_once_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        needs_retried_with_their_key(app).await;
    }
}
