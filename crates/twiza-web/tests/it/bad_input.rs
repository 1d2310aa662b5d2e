//! Bad input gets a clear 4xx with a stable code, writes nothing, and never panics the server.

use crate::api::new_org_body;
use crate::harness::TestApp;
use axum::http::{Method, StatusCode};
use rand::{Rng, SeedableRng};
use serde_json::json;

async fn org_count(app: &TestApp) -> usize {
    let founder = app
        .store
        .user_with_password("founder@example.ma")
        .await
        .expect("q")
        .expect("user")
        .0;
    app.store.memberships_of(founder.id).await.expect("q").len()
}

#[tokio::test]
async fn malformed_requests_get_stable_codes_and_write_nothing() {
    let app = TestApp::new().await;
    let user = app.user("founder@example.ma", None).await;
    let t = Some(user.token.as_str());
    let with = |field: &str, value: serde_json::Value| {
        let mut body = new_org_body("50/2019");
        body[field] = value;
        body.to_string()
    };
    let cases: Vec<(&str, String, StatusCode, &str)> = vec![
        (
            "malformed json",
            "{\"name_ar\": ".into(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            "not an object",
            "[1,2,3]".into(),
            StatusCode::BAD_REQUEST,
            "wrong_type",
        ),
        (
            "unknown field",
            {
                let mut b = new_org_body("50/2019");
                b["is_admin"] = json!(true);
                b.to_string()
            },
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            "wrong type",
            with("domains", json!("relief")),
            StatusCode::BAD_REQUEST,
            "wrong_type",
        ),
        (
            "missing field",
            json!({"name_ar": "x"}).to_string(),
            StatusCode::BAD_REQUEST,
            "missing_field",
        ),
        (
            "unknown commune",
            with("commune_code", json!("07.041.99.99")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_commune",
        ),
        (
            "commune of another province",
            with("commune_code", json!("01.511.01.0")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "location_mismatch",
        ),
        (
            "sql in a code",
            with("commune_code", json!("07.041.07.03' OR '1'='1")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_commune",
        ),
        (
            "sql in the receipt number",
            with(
                "declaration_number",
                json!("1; DROP TABLE organizations; --"),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
        ),
        (
            "bidi override in a name",
            with("name_fr", json!("Association \u{202E}lamA")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bidi_control",
        ),
        (
            "bidi isolate in arabic name",
            with("name_ar", json!("جمعية \u{2067}الأمل")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bidi_control",
        ),
        (
            "latin in the arabic name",
            with("name_ar", json!("Robert'); DROP TABLE users;--")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_arabic_script",
        ),
        (
            "future receipt date",
            with("declaration_date", json!("2999-01-01")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_date",
        ),
        (
            "unknown domain",
            with("domains", json!(["piracy"])),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_domain",
        ),
        (
            "overlong name",
            with("name_fr", json!("a".repeat(201))),
            StatusCode::UNPROCESSABLE_ENTITY,
            "text_too_long",
        ),
        (
            "bad phone",
            with("phone", json!("+33 6 12 34 56 78")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_phone",
        ),
        (
            "oversized body",
            json!({"name_ar": "ا".repeat(300_000)}).to_string(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
    ];
    for (name, body, status, code) in cases {
        let r = app
            .json(Method::POST, "/api/v1/organizations", t, body)
            .await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (status, code),
            "{name}: {}",
            r.text()
        );
        assert!(
            !r.json()["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .is_empty(),
            "{name}: localized message"
        );
        assert_eq!(org_count(&app).await, 0, "{name} wrote something");
    }
    let text = app
        .send(
            axum::http::Request::post("/api/v1/organizations")
                .header("authorization", format!("Bearer {}", user.token))
                .header("content-type", "text/plain")
                .body(axum::body::Body::from(new_org_body("1/2019").to_string()))
                .expect("request"),
        )
        .await;
    assert_eq!(
        (text.status, text.error_code().as_str()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
    );
    let all_errors = app
        .json(
            Method::POST,
            "/api/v1/organizations",
            t,
            with("phone", json!("12")),
        )
        .await
        .json();
    assert_eq!(all_errors["error"]["fields"][0]["field"], "phone");
}

#[tokio::test]
async fn errors_are_localized() {
    let app = TestApp::new().await;
    let mut messages = std::collections::HashSet::new();
    for lang in ["ar", "fr", "zgh", "en"] {
        let r = app
            .send(
                axum::http::Request::get("/api/v1/organizations/999")
                    .header("accept-language", lang)
                    .body(axum::body::Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.error_code(), "not_found");
        messages.insert(
            r.json()["error"]["message"]
                .as_str()
                .expect("message")
                .to_owned(),
        );
    }
    assert_eq!(messages.len(), 4, "one message per language: {messages:?}");
}

#[tokio::test]
async fn odd_paths_and_queries_are_client_errors() {
    let app = TestApp::new().await;
    for path in [
        "/api/v1/organizations/1%20OR%201=1",
        "/api/v1/organizations/99999999999999999999999",
        "/api/v1/organizations/-1",
        "/api/v1/organizations?region=%27%20OR%201=1",
        "/api/v1/organizations?page=abc",
        "/api/v1/organizations?per_page=-5",
        "/api/v1/organizations?unknown=1",
        "/api/v1/geo/communes?limit=1e9",
        "/directory?region=%00",
        "/associations/abc",
    ] {
        let r = app.get(path, None).await;
        assert!(r.status.is_client_error(), "{path}: {}", r.status);
    }
}

/// Random bytes to every API route that takes a body: always a 4xx, never a 5xx or a panic.
#[tokio::test]
async fn random_bodies_never_break_the_server() {
    let app = TestApp::new().await;
    let user = app
        .user(
            "fuzz@example.ma",
            Some(twiza_domain::PlatformRole::PlatformAdmin),
        )
        .await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let fragments = [
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "null",
        "1e999",
        "-0",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "true",
        "\"domains\"",
        "\"name_ar\"",
        "\u{202E}",
    ];
    for route in twiza_web::routes::table()
        .iter()
        .filter(|r| r.path.starts_with("/api/") && r.method == Method::POST)
    {
        let path = route
            .path
            .replace("{org_id}", "1")
            .replace("{invitation_id}", "1");
        for _ in 0..60 {
            let body: String = (0..rng.gen_range(0..12))
                .map(|_| fragments[rng.gen_range(0..fragments.len())])
                .collect();
            let r = app
                .json(Method::POST, &path, Some(&user.token), body.clone())
                .await;
            assert!(
                !r.status.is_server_error(),
                "{path} with {body:?}: {}",
                r.status
            );
        }
    }
}
