//! Volunteers and their hosts through the router: signing up by the page and the API (18 or
//! over, no future birth date, one profile per person), one's own profile only, the export,
//! the deletion (sealed data gone), a host's logged view of a volunteer who applied to it and
//! its check of the criminal-record certificate, and the accreditation in words.

use crate::harness::{TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, UserId};
use twiza_i18n::Locale;

const COMMUNE: &str = "07.041.07.05";

/// A birth date `years` ago today (minus a day when `older`).
fn born_years_ago(years: i32) -> String {
    let today = twiza_app::volunteers::today();
    let day = today
        .replace_year(today.year() - years)
        .unwrap_or(today)
        .previous_day()
        .unwrap_or(today);
    day.to_string()
}

/// A sign-up form as the page sends it.
pub fn form(name: &'static str, cin: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", name),
        ("birth_date", "1990-05-01"),
        ("cin", cin),
        ("phone", "0612345678"),
        ("skill", "first_aid"),
        ("skill", "driving_4x4"),
        ("language", "shi"),
        ("language", "fr"),
        ("weekday", "6"),
        ("weekday", "7"),
        ("commune", COMMUNE),
        ("emergency_name", "Fatima Amrani"),
        ("emergency_phone", "0698765432"),
    ]
}

/// A sign-up through the API.
pub fn api_body(name: &str, cin: &str) -> Value {
    json!({
        "name": name, "birth_date": "1992-02-29", "cin": cin, "phone": "0612345678",
        "skills": ["nursing"], "languages": ["ar", "ary"], "weekdays": [1, 2],
        "communes": [COMMUNE],
        "emergency_contact": {"name": "Fatima Amrani", "phone": "0698765432"}
    })
}

/// Whether `html` holds the message of `key` in one of the languages.
fn shows(app: &TestApp, html: &str, key: &str) -> bool {
    Locale::ALL.iter().any(|&l| {
        let m = app.state.messages.t(l, key);
        html.contains(&m.replace('\'', "&#39;").replace('"', "&#34;"))
    })
}

/// An application of `volunteer` to a mission of `org`, written as the missions' code does.
async fn apply(app: &TestApp, org: OrgId, volunteer: i64, by: UserId) {
    let (org, by) = (org.0, by.0);
    for sql in [
        format!(
            "INSERT INTO missions (organization_id, kind, title, purpose, skills, languages, \
             commune_code, starts_on, ends_on, status, created_by, created_at) VALUES ({org}, \
             'informal', 'Distribution', 'Aide', 1, 1, '{COMMUNE}', '2026-12-01', \
             '2026-12-31', 'open', {by}, 0)"
        ),
        format!(
            "INSERT INTO mission_shifts (mission_id, starts_at, ends_at, places, checkin_code) \
             SELECT MAX(id), 100, 200, 3, '123456' FROM missions WHERE organization_id = {org}"
        ),
        format!(
            "INSERT INTO applications (mission_id, shift_id, volunteer_id, organization_id, \
             status, created_at) SELECT m.id, MAX(s.id), {volunteer}, {org}, 'applied', 0 \
             FROM missions m JOIN mission_shifts s ON s.mission_id = m.id \
             WHERE m.organization_id = {org} GROUP BY m.id"
        ),
    ] {
        app.store.execute_raw(&sql).await.expect("application");
    }
}

/// A volunteer named `name` who applied to one of `org`'s missions; their id.
pub async fn applicant_of(app: &TestApp, org: OrgId, name: &str, cin: &str) -> i64 {
    let email = format!("{}@v.ma", cin.to_lowercase());
    let user = app.user(&email, None).await;
    let r = app
        .post_json("/api/v1/volunteer", Some(&user.token), &api_body(name, cin))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    apply(app, org, id, user.id).await;
    id
}

/// A multipart form as a browser sends it: text fields and, optionally, one file.
async fn multipart(
    app: &TestApp,
    path: &str,
    user: &TestUser,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> crate::harness::Response {
    let boundary = "twiza-volunteer-boundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("{path}?csrf={}", user.csrf))
        .header(
            header::COOKIE,
            format!("twiza_csrf=visitor-token; {}", user.cookie),
        )
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request");
    app.send(request).await
}

fn location(r: &crate::harness::Response) -> &str {
    r.headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

async fn signing_up_and_reading_ones_own_profile(app: TestApp) {
    // A visitor is sent to sign in first, and brought back.
    let r = app.page(Method::GET, "/volunteer/sign-up", None, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/sign-in?next=/volunteer/sign-up");

    let amina = app.user("amina@x.ma", None).await;
    let home = app.page(Method::GET, "/volunteer", Some(&amina), &[]).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.text().contains("id=\"sign-up-link\""), "an invitation");
    // The form offers the communes of a province once it is chosen.
    let page = app
        .page(
            Method::GET,
            "/volunteer/sign-up?province=07.041",
            Some(&amina),
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(&format!("value=\"{COMMUNE}\"")));

    let r = app
        .page(
            Method::POST,
            "/volunteer/sign-up",
            Some(&amina),
            &form("Amina Ait Lahcen", "BK123456"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), "/volunteer?done=signed_up");
    let home = app.page(Method::GET, "/volunteer", Some(&amina), &[]).await;
    let html = home.text();
    assert!(html.contains("Amina Ait Lahcen"));
    assert!(shows(&app, &html, "volunteer-skill-driving-4x4"));
    assert!(shows(&app, &html, "volunteer-record-none"));
    assert!(
        !html.contains("BK123456"),
        "the CIN is not shown on the home"
    );
    // The same form again (a double click) does nothing twice.
    let again = app
        .page(
            Method::POST,
            "/volunteer/sign-up",
            Some(&amina),
            &form("Amina Ait Lahcen", "BK123456"),
        )
        .await;
    assert_eq!(location(&again), "/volunteer");

    // Another account sees its own (none), never Amina's: there is no id to guess.
    let other = app.user("other@x.ma", None).await;
    let theirs = app.page(Method::GET, "/volunteer", Some(&other), &[]).await;
    assert!(!theirs.text().contains("Amina"));
    let api = app.get("/api/v1/volunteer", Some(&other.token)).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    let export = app
        .page(Method::GET, "/volunteer/export", Some(&other), &[])
        .await;
    assert_eq!(export.status, StatusCode::CONFLICT);
    assert!(!export.text().contains("Amina"));
    let mine = app.get("/api/v1/volunteer", Some(&amina.token)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.json()["cin"], "BK123456");
    assert_eq!(mine.json()["phone"], "+212612345678");
    assert_eq!(mine.json()["skills"], json!(["first_aid", "driving_4x4"]));

    // The same person again, from another account: refused, nothing written.
    let twin = app
        .post_json(
            "/api/v1/volunteer",
            Some(&other.token),
            &api_body("Amina", "bk123456"),
        )
        .await;
    assert_eq!(twin.status, StatusCode::CONFLICT);
    assert_eq!(twin.error_code(), "volunteer_exists");
    let twin = app
        .page(
            Method::POST,
            "/volunteer/sign-up",
            Some(&other),
            &form("Amina", "BK123456"),
        )
        .await;
    assert_eq!(twin.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shows(&app, &twin.text(), "error-volunteer-exists"));
    assert_eq!(app.store.volunteer_id_of(other.id).await.expect("q"), None);

    // Changing the profile.
    let page = app
        .page(Method::GET, "/volunteer/profile", Some(&amina), &[])
        .await;
    assert!(
        page.text().contains("value=\"BK123456\""),
        "the form is filled"
    );
    let mut changed = form("Amina Ait Lahcen", "BK123456");
    changed.retain(|(k, _)| *k != "skill");
    changed.push(("skill", "nursing"));
    let r = app
        .page(Method::POST, "/volunteer/profile", Some(&amina), &changed)
        .await;
    assert_eq!(location(&r), "/volunteer?done=updated");
    let mine = app.get("/api/v1/volunteer", Some(&amina.token)).await;
    assert_eq!(mine.json()["skills"], json!(["nursing"]));
}

#[tokio::test]
async fn signing_up_and_reading_ones_own_profile_on_sqlite() {
    signing_up_and_reading_ones_own_profile(TestApp::new().await).await;
}

#[tokio::test]
async fn signing_up_and_reading_ones_own_profile_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        signing_up_and_reading_ones_own_profile(app).await;
    }
}

async fn a_minor_or_a_future_birth_date_is_refused(app: TestApp) {
    let young = app.user("young@x.ma", None).await;
    let seventeen = born_years_ago(17);
    let mut minor = form("Yassine", "BK777777");
    minor.retain(|(k, _)| *k != "birth_date");
    minor.push(("birth_date", seventeen.as_str()));
    let r = app
        .page(Method::POST, "/volunteer/sign-up", Some(&young), &minor)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains("id=\"error-summary\""));
    assert!(html.contains("href=\"#birth_date\""));
    assert!(shows(&app, &html, "error-volunteer-under-18"));
    assert!(
        html.contains("value=\"Yassine\""),
        "the form keeps what was typed"
    );
    assert!(html.contains(&format!("value=\"{COMMUNE}\" checked")));

    let mut future = form("Yassine", "BK777777");
    future.retain(|(k, _)| *k != "birth_date");
    future.push(("birth_date", "2999-01-01"));
    let r = app
        .page(Method::POST, "/volunteer/sign-up", Some(&young), &future)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shows(&app, &r.text(), "error-date-in-future"));

    let mut body = api_body("Yassine", "BK777777");
    body["birth_date"] = json!(seventeen);
    let r = app
        .post_json("/api/v1/volunteer", Some(&young.token), &body)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "birth_date");
    assert_eq!(r.json()["error"]["fields"][0]["code"], "volunteer_under_18");
    assert!(!r.text().contains("BK777777"), "errors never echo input");
    assert_eq!(app.store.volunteer_id_of(young.id).await.expect("q"), None);
    // Eighteen today is old enough.
    let mut body = api_body("Yassine", "BK777777");
    body["birth_date"] = json!(born_years_ago(18));
    let r = app
        .post_json("/api/v1/volunteer", Some(&young.token), &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
}

#[tokio::test]
async fn a_minor_or_a_future_birth_date_is_refused_on_sqlite() {
    a_minor_or_a_future_birth_date_is_refused(TestApp::new().await).await;
}

#[tokio::test]
async fn a_minor_or_a_future_birth_date_is_refused_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_minor_or_a_future_birth_date_is_refused(app).await;
    }
}

async fn the_export_and_the_deletion(app: TestApp) {
    let user = app.user("karim@x.ma", None).await;
    let r = app
        .page(
            Method::POST,
            "/volunteer/sign-up",
            Some(&user),
            &form("Karim Oubella", "BE998877"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let pdf = b"%PDF-1.7 casier";
    let r = app
        .page_file("/volunteer/documents", &user, "document", "casier.pdf", pdf)
        .await;
    assert_eq!(location(&r), "/volunteer?done=document_added");
    let bad = app
        .page_file(
            "/volunteer/documents",
            &user,
            "document",
            "casier.pdf",
            b"<html>",
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shows(&app, &bad.text(), "error-invalid-volunteer-document"));

    let export = app
        .page(Method::GET, "/volunteer/export", Some(&user), &[])
        .await;
    assert_eq!(export.status, StatusCode::OK);
    let data = export.json();
    assert_eq!(data["profile"]["cin"], "BE998877");
    assert_eq!(data["profile"]["name"], "Karim Oubella");
    assert_eq!(
        data["profile"]["emergency_contact"]["phone"],
        "+212698765432"
    );
    assert_eq!(data["profile"]["communes"], json!([COMMUNE]));
    assert_eq!(data["documents"].as_array().map(Vec::len), Some(1));

    // The page says what is erased and what is kept.
    let page = app
        .page(Method::GET, "/volunteer/delete", Some(&user), &[])
        .await;
    assert!(shows(&app, &page.text(), "volunteer-delete-nothing-kept"));
    let unconfirmed = app
        .page(Method::POST, "/volunteer/delete", Some(&user), &[])
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app
        .store
        .volunteer_id_of(user.id)
        .await
        .expect("q")
        .is_some());
    let r = app
        .page(
            Method::POST,
            "/volunteer/delete",
            Some(&user),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(location(&r), "/volunteer?done=deleted");
    // The row and its sealed values are gone: nothing is left to re-seal after a rotation,
    // and the same person may sign up again.
    assert_eq!(app.store.volunteer_id_of(user.id).await.expect("q"), None);
    let rotated = twiza_store::PersonalDataKeys::new([(1, [1; 32]), (2, [2; 32])].into(), [9; 32])
        .expect("keys");
    let moved = app
        .store
        .reseal_sealed_values(&rotated, 10)
        .await
        .expect("reseal");
    assert_eq!(moved.volunteer_values, 0);
    let r = app
        .page(
            Method::POST,
            "/volunteer/sign-up",
            Some(&user),
            &form("Karim Oubella", "BE998877"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_export_and_the_deletion_on_sqlite() {
    the_export_and_the_deletion(TestApp::new().await).await;
}

#[tokio::test]
async fn the_export_and_the_deletion_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        the_export_and_the_deletion(app).await;
    }
}

async fn a_host_sees_a_volunteer_only_after_they_applied(app: TestApp) {
    let owner = app.user("host@x.ma", None).await;
    let org = app
        .org(&owner, "Association Hôte", "5/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let other_owner = app.user("other-host@x.ma", None).await;
    let other = app
        .org(&other_owner, "Autre", "6/2015", OrgStatus::Verified)
        .await;

    let volunteer_user = app.user("salma@x.ma", None).await;
    let r = app
        .post_json(
            "/api/v1/volunteer",
            Some(&volunteer_user.token),
            &api_body("Salma Idrissi", "BJ445566"),
        )
        .await;
    let id = r.json()["id"].as_i64().expect("id");
    let path = format!("/associations/{}/volunteers/{id}", org.0);
    let before = app.page(Method::GET, &path, Some(&coordinator), &[]).await;
    assert_eq!(before.status, StatusCode::NOT_FOUND);
    assert!(!before.text().contains("Salma"));

    apply(&app, org, id, volunteer_user.id).await;
    let seen = app.page(Method::GET, &path, Some(&coordinator), &[]).await;
    assert_eq!(seen.status, StatusCode::OK);
    let html = seen.text();
    assert!(html.contains("Salma Idrissi"));
    assert!(!html.contains("BJ445566"), "the CIN is not shown");
    // Logged: the volunteer's export lists the read.
    let reads = app
        .store
        .own_volunteer_reads(volunteer_user.id)
        .await
        .expect("q");
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].account_id, coordinator.id.0);
    // Another association sees nothing of them.
    let foreign = app
        .page(
            Method::GET,
            &format!("/associations/{}/volunteers/{id}", other.0),
            Some(&other_owner),
            &[],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);

    // The certificate check: none uploaded yet, then checked (who, when).
    let check = format!("{path}/record-check");
    let r = app
        .page(Method::POST, &check, Some(&coordinator), &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .page_file(
            "/volunteer/documents",
            &volunteer_user,
            "document",
            "x.png",
            b"\x89PNG\r\n\x1a\n0000",
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .page(Method::POST, &check, Some(&coordinator), &[])
        .await;
    assert_eq!(location(&r), format!("{path}?done=record_checked"));
    let documents = app
        .store
        .own_volunteer_documents(volunteer_user.id)
        .await
        .expect("q");
    assert_eq!(documents[0].checked_by, Some(coordinator.id.0));
    assert_eq!(documents[0].checked_by_org, Some(org.0));
    let file = app
        .page(
            Method::GET,
            &format!("{path}/documents/{}", documents[0].id),
            Some(&coordinator),
            &[],
        )
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert!(file.body.starts_with(b"\x89PNG"));
    let home = app
        .page(Method::GET, "/volunteer", Some(&volunteer_user), &[])
        .await;
    assert!(shows(&app, &home.text(), "volunteer-record-checked"));
    assert!(
        !shows(&app, &home.text(), "volunteer-reads-none"),
        "the volunteer sees who read their profile"
    );
}

#[tokio::test]
async fn a_host_sees_a_volunteer_only_after_they_applied_on_sqlite() {
    a_host_sees_a_volunteer_only_after_they_applied(TestApp::new().await).await;
}

#[tokio::test]
async fn a_host_sees_a_volunteer_only_after_they_applied_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_host_sees_a_volunteer_only_after_they_applied(app).await;
    }
}

async fn the_accreditation_in_words(app: TestApp) {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Association Agréée", "7/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "c@x.ma").await;
    let home = format!("/associations/{}/volunteering", org.0);
    let form_path = format!("/associations/{}/volunteering/accreditation", org.0);

    let manage = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", org.0),
            Some(&coordinator),
            &[],
        )
        .await;
    assert!(manage.text().contains("id=\"volunteering-link\""));
    let page = app.page(Method::GET, &home, Some(&coordinator), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(shows(&app, &page.text(), "host-accreditation-none"));
    assert!(shows(&app, &page.text(), "host-informal-always"));
    assert!(!page.text().contains("id=\"accreditation-link\""));
    // Recording is for managers.
    let refused = app
        .page(Method::GET, &form_path, Some(&coordinator), &[])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Bad dates, field by field, nothing written.
    let key = "0123456789abcdef0123456789abcdef";
    let bad = multipart(
        &app,
        &form_path,
        &owner,
        &[
            ("creation_key", key),
            ("reference", "AGR-1"),
            ("issued_on", "2999-01-01"),
            ("issuing_authority", "Ministère"),
            ("valid_from", "2026-02-30"),
            ("valid_until", "2026-01-01"),
        ],
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text();
    for field in ["issued_on", "valid_from"] {
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    assert!(shows(&app, &html, "error-date-in-future"));
    assert!(shows(&app, &html, "error-invalid-date"));
    let before_start = multipart(
        &app,
        &form_path,
        &owner,
        &[
            ("reference", "AGR-1"),
            ("issued_on", "2020-01-01"),
            ("issuing_authority", "Ministère"),
            ("valid_from", "2020-02-01"),
            ("valid_until", "2020-01-01"),
        ],
        Some(("document", b"<html>")),
    )
    .await;
    let html = before_start.text();
    assert!(html.contains("href=\"#valid_until\""));
    assert!(shows(&app, &html, "error-before-start"));
    assert!(
        html.contains("href=\"#document\""),
        "the file is checked too"
    );
    let scope = twiza_domain::OrgScope::for_member(org, OrgRole::Owner);
    assert!(app
        .store
        .accreditations(&scope)
        .await
        .expect("q")
        .is_empty());

    // An expired one, then one in force: said in words.
    let expired = multipart(
        &app,
        &form_path,
        &owner,
        &[
            ("reference", "AGR-OLD"),
            ("issued_on", "2020-01-01"),
            ("issuing_authority", "Ministère"),
            ("valid_from", "2020-01-01"),
            ("valid_until", "2021-12-31"),
        ],
        None,
    )
    .await;
    assert_eq!(location(&expired), format!("{home}?done=accredited"));
    let page = app.page(Method::GET, &home, Some(&coordinator), &[]).await;
    assert!(page.text().contains("AGR-OLD"));
    assert!(page.text().contains("class=\"status-rejected\""));
    let fields = [
        ("creation_key", key),
        ("reference", "AGR-2026"),
        ("issued_on", "2025-01-01"),
        ("issuing_authority", "Ministère"),
        ("valid_from", "2025-01-01"),
        ("valid_until", "2099-12-31"),
    ];
    for _ in 0..2 {
        let r = multipart(
            &app,
            &form_path,
            &owner,
            &fields,
            Some(("document", b"%PDF-1.7 agrement")),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(
        app.store.accreditations(&scope).await.expect("q").len(),
        2,
        "the same form twice records once"
    );
    let page = app.page(Method::GET, &home, Some(&owner), &[]).await;
    assert!(page.text().contains("class=\"status-verified\""));
    assert!(page.text().contains("id=\"accreditation-link\""));
    let today = twiza_app::volunteers::today();
    let in_force = twiza_app::volunteers::accreditation_in_force(&app.store, org, today)
        .await
        .expect("q")
        .expect("in force");
    assert_eq!(in_force.accreditation.reference, "AGR-2026");
}

#[tokio::test]
async fn the_accreditation_in_words_on_sqlite() {
    the_accreditation_in_words(TestApp::new().await).await;
}

#[tokio::test]
async fn the_accreditation_in_words_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        the_accreditation_in_words(app).await;
    }
}
