//! What a hostile client found, each fixed: framework errors answered as the JSON error object,
//! the code check's limit, HSTS behind https, the CSRF cookie renewed at sign-in, and metrics
//! kept off the public address.

use crate::harness::TestApp;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use twiza_web::WebConfig;

#[tokio::test]
async fn framework_errors_are_the_json_error_object() {
    let app = TestApp::new().await;
    // A body over the limit on a route that reads raw bytes (gifts) and on a JSON route.
    let big = "x".repeat(WebConfig::default().max_body_bytes + 1);
    for path in ["/api/v1/campaigns/1/gifts", "/api/v1/tokens"] {
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", "oversized-body-0001")
            .body(Body::from(big.clone()))
            .expect("request");
        let r = app.send(request).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert_eq!(
            r.headers.get(header::CONTENT_TYPE).map(|v| v.as_bytes()),
            Some(&b"application/json"[..]),
            "{path}"
        );
        assert_eq!(r.error_code(), "payload_too_large", "{path}: {}", r.text());
        assert!(!r.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .is_empty());
    }
    // A method the route does not have.
    let r = app
        .json(Method::DELETE, "/api/v1/incidents", None, String::new())
        .await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.error_code(), "method_not_allowed");
}

#[tokio::test]
async fn the_code_check_refuses_codes_longer_than_forty_characters() {
    let app = TestApp::new().await;
    let long = "A".repeat(60 * 1024);
    let r = app.get(&format!("/check?code={long}"), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.len() < 30 * 1024, "{} bytes", r.body.len());
    assert!(
        !r.text().contains(&"A".repeat(41)),
        "the code is not shown back"
    );
    assert!(r.text().contains("data-verdict=\"too-long\""));
    // Forty characters are still read (and found to be no campaign's code).
    let r = app
        .get(&format!("/check?code={}", "A".repeat(40)), None)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("data-verdict=\"not-found\""));
}

#[tokio::test]
async fn strict_transport_security_is_sent_behind_https_only() {
    let plain = TestApp::new().await;
    let r = plain.get("/", None).await;
    assert!(r.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none());
    let https = TestApp::with_config(WebConfig {
        public_url: Some("https://twiza.example.ma".into()),
        secure_cookies: true,
        ..WebConfig::default()
    })
    .await;
    for path in ["/", "/api/v1/incidents", "/no-such-page"] {
        let r = https.get(path, None).await;
        let hsts = r
            .headers
            .get(header::STRICT_TRANSPORT_SECURITY)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(hsts.starts_with("max-age=31536000"), "{path}: {hsts}");
    }
}

#[tokio::test]
async fn signing_in_renews_the_csrf_cookie() {
    let app = TestApp::new().await;
    app.user("amina@example.ma", None).await;
    let r = app
        .page(
            Method::POST,
            "/sign-in",
            None,
            &[
                ("email", "amina@example.ma"),
                ("password", "correct horse battery"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let renewed: Vec<&str> = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|v| v.starts_with("twiza_csrf="))
        .collect();
    assert_eq!(renewed.len(), 1, "{renewed:?}");
    let value = renewed[0]["twiza_csrf=".len()..]
        .split(';')
        .next()
        .unwrap_or_default();
    assert!(value.len() >= 32, "a fresh random token");
    assert_ne!(value, "visitor-token", "not the one known before sign-in");
}

#[tokio::test]
async fn metrics_are_not_public() {
    let open = TestApp::new().await;
    assert_eq!(
        open.get("/metrics", None).await.status,
        StatusCode::NOT_FOUND
    );

    let app = TestApp::with_config(WebConfig {
        metrics_token_sha256: Some(twiza_web::ops::token_digest("scraper-token-0123456789")),
        ..WebConfig::default()
    })
    .await;
    app.get("/api/v1/geo/regions", None).await;
    assert_eq!(
        app.get("/metrics", None).await.status,
        StatusCode::UNAUTHORIZED
    );
    let scrape = |token: &'static str| {
        let app = &app;
        async move {
            let request = Request::builder()
                .uri("/metrics")
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .body(Body::empty())
                .expect("request");
            app.send(request).await
        }
    };
    assert_eq!(scrape("guess").await.status, StatusCode::UNAUTHORIZED);
    let metrics = scrape("scraper-token-0123456789").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(metrics.text().contains("route=\"/api/v1/geo/regions\""));

    // The separate metrics address serves them to whoever reaches it (the operator's network).
    use tower::ServiceExt;
    let response = twiza_web::ops::metrics_router(app.state.clone())
        .oneshot(
            Request::builder()
                .uri("/metrics")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::OK);
}
