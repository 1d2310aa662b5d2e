//! API behaviour: tokens, registering and verifying associations, the directory, invitations.

use crate::harness::{Response, TestApp};
use axum::http::{Method, StatusCode};
use serde_json::json;
use twiza_domain::PlatformRole;

pub fn new_org_body(number: &str) -> serde_json::Value {
    json!({
        "name_ar": "جمعية الأمل للتنمية",
        "name_fr": "Association Al Amal pour le développement",
        "name_zgh": "ⵜⴰⵎⵓⵏⵜ ⴰⵎⴰⵍ",
        "declaration_number": number,
        "declaration_date": "2018-06-12",
        "region_code": "07",
        "province_code": "07.041",
        "commune_code": "07.041.07.03",
        "domains": ["relief", "health"],
        "email": "contact@amal.ma",
        "phone": "0661234567"
    })
}

#[tokio::test]
async fn token_lifecycle() {
    let app = TestApp::new().await;
    app.user("amina@example.ma", None).await;
    let created = app
        .post_json("/api/v1/tokens", None, &json!({"email": "Amina@Example.ma", "password": "correct horse battery", "label": "laptop"}))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let token = created.json()["token"].as_str().expect("token").to_owned();
    let id = created.json()["id"].as_i64().expect("id");
    let me = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(me.json()["display_name"], "Test user");
    let list = app.get("/api/v1/tokens", Some(&token)).await.json();
    assert!(list
        .as_array()
        .expect("list")
        .iter()
        .any(|t| t["label"] == "laptop"));
    assert!(
        !list.to_string().contains(&token),
        "the secret is never listed"
    );
    let revoked = app
        .json(
            Method::DELETE,
            &format!("/api/v1/tokens/{id}"),
            Some(&token),
            String::new(),
        )
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    let after = app.get("/api/v1/me", Some(&token)).await;
    assert_eq!(
        (after.status, after.error_code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );
}

/// A request for a token from `client` (the address the server sees).
async fn sign_in_from(app: &TestApp, client: &str, email: &str, password: &str) -> Response {
    let address: std::net::SocketAddr = format!("{client}:40000").parse().expect("address");
    let request = axum::http::Request::builder()
        .method(axum::http::Method::POST)
        .uri("/api/v1/tokens")
        .header(axum::http::header::CONTENT_TYPE, "application/json")
        .extension(axum::extract::ConnectInfo(address))
        .body(axum::body::Body::from(
            json!({"email": email, "password": password}).to_string(),
        ))
        .expect("request");
    app.send(request).await
}

fn retry_after(r: &Response) -> u64 {
    r.headers
        .get(axum::http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a 429 says when to try again")
}

#[tokio::test]
async fn wrong_passwords_are_rate_limited_per_account_and_address() {
    let app = TestApp::new().await;
    app.user("amina@example.ma", None).await;
    let attacker = "192.0.2.66";
    for _ in 0..10 {
        let r = sign_in_from(&app, attacker, "amina@example.ma", "wrong wrong wrong").await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::UNAUTHORIZED, "invalid_credentials")
        );
    }
    let blocked = sign_in_from(&app, attacker, "amina@example.ma", "correct horse battery").await;
    assert_eq!(
        (blocked.status, blocked.error_code().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    let wait = retry_after(&blocked);
    assert!(
        (1..=15 * 60).contains(&wait),
        "until the window forgets: {wait}"
    );
    // The owner, elsewhere, is not locked out by the attacker's guesses.
    let owner = sign_in_from(
        &app,
        "198.51.100.7",
        "amina@example.ma",
        "correct horse battery",
    )
    .await;
    assert_eq!(owner.status, StatusCode::CREATED, "{}", owner.text());
    // Unknown accounts look like wrong passwords.
    let unknown = sign_in_from(&app, "198.51.100.8", "nobody@example.ma", "x").await;
    assert_eq!(unknown.error_code(), "invalid_credentials");
    // The attacker's address, tried on other accounts, is held at five times the allowance.
    for i in 0..40 {
        let r = sign_in_from(
            &app,
            attacker,
            &format!("other{i}@example.ma"),
            "guess guess",
        )
        .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let held = sign_in_from(&app, attacker, "someone@example.ma", "guess guess").await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    retry_after(&held);
}

#[tokio::test]
async fn an_account_attacked_from_everywhere_answers_after_growing_delays() {
    let app = TestApp::new().await;
    app.user("amina@example.ma", None).await;
    // A hundred failures from everywhere (ten per address) is the account-wide allowance; the
    // first failure beyond it asks for two seconds.
    let account = twiza_web::auth::ThrottleKeys::of("amina@example.ma", "-").account;
    for _ in 0..101 {
        app.store
            .record_sign_in_failure(&account)
            .await
            .expect("record");
    }
    let first = sign_in_from(
        &app,
        "203.0.113.1",
        "amina@example.ma",
        "correct horse battery",
    )
    .await;
    assert_eq!(first.status, StatusCode::TOO_MANY_REQUESTS);
    assert!((1..=2).contains(&retry_after(&first)));
    // Each failure beyond it doubles the wait: four more ask for 32 seconds.
    for _ in 0..4 {
        app.store
            .record_sign_in_failure(&account)
            .await
            .expect("record");
    }
    let later = sign_in_from(
        &app,
        "203.0.113.2",
        "amina@example.ma",
        "correct horse battery",
    )
    .await;
    assert_eq!(later.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        (31..=32).contains(&retry_after(&later)),
        "{:?}",
        later.headers
    );
}

#[tokio::test]
async fn every_sign_in_checks_a_password_hash_whether_the_account_exists_or_not() {
    let app = TestApp::new().await;
    app.user("amina@example.ma", None).await;
    let checks = || {
        app.state
            .password_checks
            .load(std::sync::atomic::Ordering::Relaxed)
    };
    let before = checks();
    let unknown = sign_in_from(&app, "192.0.2.1", "nobody@example.ma", "wrong wrong").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(checks(), before + 1, "an unknown e-mail costs one hash");
    let wrong = sign_in_from(&app, "192.0.2.1", "amina@example.ma", "wrong wrong").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(checks(), before + 2, "a wrong password costs one hash");
    let page = app
        .page(
            axum::http::Method::POST,
            "/sign-in",
            None,
            &[("email", "nobody@example.ma"), ("password", "wrong wrong")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert_eq!(checks(), before + 3, "and so does the sign-in page");
}

#[tokio::test]
async fn register_verify_and_find_an_association() {
    let app = TestApp::new().await;
    let user = app.user("founder@example.ma", None).await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let created = app
        .post_json(
            "/api/v1/organizations",
            Some(&user.token),
            &new_org_body("44/2018"),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let org = created.json();
    let id = org["id"].as_i64().expect("id");
    assert_eq!(org["status"], "pending");
    assert_eq!(org["phone"], "+212661234567");

    assert_eq!(
        app.get(&format!("/api/v1/organizations/{id}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND,
        "pending is private"
    );
    assert_eq!(
        app.get("/api/v1/organizations?q=amal", None).await.json()["total"],
        0
    );
    let forbidden = app
        .post_json(
            &format!("/api/v1/organizations/{id}/verify"),
            Some(&user.token),
            &json!({}),
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    let verified = app
        .json(
            Method::POST,
            &format!("/api/v1/organizations/{id}/verify"),
            Some(&admin.token),
            String::new(),
        )
        .await;
    assert_eq!(verified.status, StatusCode::OK, "{}", verified.text());
    assert_eq!(verified.json()["status"], "verified");
    let again = app
        .post_json(
            &format!("/api/v1/organizations/{id}/verify"),
            Some(&admin.token),
            &json!({"decision": "reject", "reason": "x"}),
        )
        .await;
    assert_eq!(
        (again.status, again.error_code().as_str()),
        (StatusCode::CONFLICT, "invalid_status_change")
    );

    let public = app.get(&format!("/api/v1/organizations/{id}"), None).await;
    assert_eq!(
        public.json()["name_fr"],
        "Association Al Amal pour le développement"
    );
    for q in ["amal", "AMAL", "الامل", "الأمل", "44/2018", "developpement"] {
        let found = app
            .get(&format!("/api/v1/organizations?q={}", urlencode(q)), None)
            .await
            .json();
        assert_eq!(found["total"], 1, "search {q}");
    }
    let by_region = app
        .get("/api/v1/organizations?region=07&domain=health", None)
        .await
        .json();
    assert_eq!(by_region["total"], 1);
    let other_region = app
        .get("/api/v1/organizations?region=01", None)
        .await
        .json();
    assert_eq!(other_region["total"], 0);
}

#[tokio::test]
async fn rejection_carries_a_reason_visible_to_members_only() {
    let app = TestApp::new().await;
    let user = app.user("founder@example.ma", None).await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let id = app
        .post_json(
            "/api/v1/organizations",
            Some(&user.token),
            &new_org_body("45/2018"),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("id");
    let no_reason = app
        .post_json(
            &format!("/api/v1/organizations/{id}/verify"),
            Some(&admin.token),
            &json!({"decision": "reject"}),
        )
        .await;
    assert_eq!(
        (no_reason.status, no_reason.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "required")
    );
    let rejected = app
        .post_json(
            &format!("/api/v1/organizations/{id}/verify"),
            Some(&admin.token),
            &json!({"decision": "reject", "reason": "Récépissé illisible"}),
        )
        .await;
    assert_eq!(rejected.json()["status"], "rejected");
    let mine = app
        .get(&format!("/api/v1/organizations/{id}"), Some(&user.token))
        .await
        .json();
    assert_eq!(mine["rejection_reason"], "Récépissé illisible");
}

#[tokio::test]
async fn invitations_make_members() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let id = app
        .post_json(
            "/api/v1/organizations",
            Some(&owner.token),
            &new_org_body("46/2018"),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("id");
    let invited = app
        .post_json(
            &format!("/api/v1/organizations/{id}/invitations"),
            Some(&owner.token),
            &json!({"email": "Fatima@Example.ma", "role": "treasurer"}),
        )
        .await;
    assert_eq!(invited.status, StatusCode::CREATED, "{}", invited.text());
    let invitation = invited.json()["id"].as_i64().expect("id");
    let stranger = app.user("stranger@example.ma", None).await;
    let stolen = app
        .json(
            Method::POST,
            &format!("/api/v1/invitations/{invitation}/accept"),
            Some(&stranger.token),
            String::new(),
        )
        .await;
    assert_eq!(
        stolen.status,
        StatusCode::NOT_FOUND,
        "an invitation is for its address only"
    );
    let fatima = app.user("fatima@example.ma", None).await;
    let accepted = app
        .json(
            Method::POST,
            &format!("/api/v1/invitations/{invitation}/accept"),
            Some(&fatima.token),
            String::new(),
        )
        .await;
    assert_eq!(accepted.json()["organization_id"], id);
    let members = app
        .get(
            &format!("/api/v1/organizations/{id}/members"),
            Some(&owner.token),
        )
        .await
        .json();
    assert!(members
        .as_array()
        .expect("list")
        .iter()
        .any(|m| m["role"] == "treasurer" && m["email"] == "fatima@example.ma"));
    let as_treasurer = app
        .get(
            &format!("/api/v1/organizations/{id}/members"),
            Some(&fatima.token),
        )
        .await
        .json();
    assert!(
        as_treasurer.to_string().contains("treasurer")
            && !as_treasurer.to_string().contains("owner@example.ma"),
        "non-managers see no addresses"
    );
}

#[tokio::test]
async fn geography_is_searchable() {
    let app = TestApp::new().await;
    let asni = app.get("/api/v1/geo/communes?q=asni", None).await.json();
    assert_eq!(asni[0]["code"], "07.041.07.03");
    assert_eq!(asni[0]["households"], 4966);
    let arabic = app
        .get(
            &format!("/api/v1/geo/communes?q={}", urlencode("أسني")),
            None,
        )
        .await
        .json();
    assert_eq!(arabic[0]["code"], "07.041.07.03");
    let provinces = app
        .get("/api/v1/geo/provinces?region=07", None)
        .await
        .json();
    assert!(provinces
        .as_array()
        .expect("list")
        .iter()
        .any(|p| p["name_fr"] == "Al Haouz"));
    assert_eq!(
        app.get("/api/v1/geo/regions", None)
            .await
            .json()
            .as_array()
            .expect("list")
            .len(),
        12
    );
    let bad = app.get("/api/v1/geo/provinces?region=99", None).await;
    assert_eq!(
        (bad.status, bad.error_code().as_str()),
        (StatusCode::BAD_REQUEST, "invalid_region")
    );
}

#[tokio::test]
async fn operations_endpoints() {
    let app = TestApp::with_config(twiza_web::WebConfig {
        metrics_token_sha256: Some(twiza_web::ops::token_digest("scraper")),
        ..twiza_web::WebConfig::default()
    })
    .await;
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
    assert_eq!(app.get("/readyz", None).await.text(), "ready");
    app.get("/api/v1/geo/regions", None).await;
    let request = axum::http::Request::builder()
        .uri("/metrics")
        .header(axum::http::header::AUTHORIZATION, "Bearer scraper")
        .body(axum::body::Body::empty())
        .expect("request");
    let metrics = app.send(request).await.text();
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    assert!(metrics.contains("route=\"/api/v1/geo/regions\""));
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)]).expect("encode")[2..].to_owned()
}

pub fn campaign_body() -> serde_json::Value {
    json!({
        "title_ar": "إغاثة ضحايا زلزال الحوز",
        "title_fr": "Secours aux sinistrés du séisme d'Al Haouz",
        "purpose_ar": "خيام وأغطية وسلال غذائية",
        "purpose_fr": "Tentes, couvertures et paniers alimentaires",
        "goal": "1500000.00",
        "starts_on": "2023-09-09",
        "ends_on": "2030-12-31",
        "scope": "national",
        "bank_account": "011 780 0000 1234 5678 9012 96",
        "emergency": true
    })
}

#[tokio::test]
async fn campaigns_need_a_verified_association_and_an_authorization() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    // A national campaign: the Secretary-General of the Government's.
    let authority = app.authority("sgg@sgg.gov.ma", "national", None).await;
    let id = app
        .post_json(
            "/api/v1/organizations",
            Some(&owner.token),
            &new_org_body("47/2018"),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("id");
    let path = format!("/api/v1/organizations/{id}/campaigns");
    let early = app
        .post_json(&path, Some(&owner.token), &campaign_body())
        .await;
    assert_eq!(
        (early.status, early.error_code().as_str()),
        (StatusCode::CONFLICT, "organization_not_verified")
    );
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    app.json(
        Method::POST,
        &format!("/api/v1/organizations/{id}/verify"),
        Some(&admin.token),
        String::new(),
    )
    .await;

    let created = app
        .post_json(&path, Some(&owner.token), &campaign_body())
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let c = created.json();
    let cid = c["id"].as_i64().expect("id");
    assert!(c["code"].as_str().expect("code").starts_with("TWZ-"));
    assert_eq!(c["goal"], "1500000.00");
    assert_eq!(c["competent_authority"], "secretary_general_of_government");
    assert_eq!(
        (
            c["state"].as_str(),
            c["authorization"]["status"].as_str(),
            c["collecting"].as_bool()
        ),
        (Some("draft"), Some("requested"), Some(false))
    );
    assert_eq!(
        app.get(&format!("/api/v1/campaigns/{cid}"), None)
            .await
            .status,
        StatusCode::NOT_FOUND,
        "drafts are private"
    );

    let publish = format!("/api/v1/campaigns/{cid}/publish");
    let published = app
        .json(Method::POST, &publish, Some(&owner.token), String::new())
        .await;
    assert_eq!(published.json()["state"], "published");
    assert_eq!(published.json()["collecting"], false, "not yet authorized");
    let again = app
        .json(Method::POST, &publish, Some(&owner.token), String::new())
        .await;
    assert_eq!(again.error_code(), "invalid_campaign_state");

    let grant = format!("/api/v1/campaigns/{cid}/authorization/grant");
    let body =
        json!({"reference": "SGG-2023-118", "valid_from": "2023-09-09", "valid_to": "2030-12-31"});
    assert_eq!(
        app.post_json(&grant, Some(&owner.token), &body)
            .await
            .status,
        StatusCode::FORBIDDEN,
        "an association cannot authorize itself"
    );
    let bad = app
        .post_json(
            &grant,
            Some(&authority.token),
            &json!({"reference": "x", "valid_from": "2023-09-09", "valid_to": "2023-01-01"}),
        )
        .await;
    assert_eq!(bad.error_code(), "invalid_period");
    let granted = app.post_json(&grant, Some(&authority.token), &body).await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.text());
    assert_eq!(granted.json()["collecting"], true);
    let twice = app
        .post_json(
            &format!("/api/v1/campaigns/{cid}/authorization/refuse"),
            Some(&authority.token),
            &json!({"reason": "late"}),
        )
        .await;
    assert_eq!(
        (twice.status, twice.error_code().as_str()),
        (StatusCode::CONFLICT, "authorization_decided")
    );
    let public = app
        .get(&format!("/api/v1/campaigns/{cid}"), None)
        .await
        .json();
    assert_eq!(public["authorization"]["reference"], "SGG-2023-118");

    let volunteer = app.user("v@example.ma", None).await;
    app.store
        .add_member(
            &twiza_domain::OrgScope::for_member(
                twiza_domain::OrgId(id),
                twiza_domain::OrgRole::Owner,
            ),
            volunteer.id,
            twiza_domain::OrgRole::Volunteer,
        )
        .await
        .expect("member");
    assert_eq!(
        app.post_json(&path, Some(&volunteer.token), &campaign_body())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let mut wrong = campaign_body();
    wrong["goal"] = json!("-5");
    wrong["bank_account"] = json!("FR76");
    let invalid = app.post_json(&path, Some(&owner.token), &wrong).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        invalid.json()["error"]["fields"]
            .as_array()
            .expect("fields")
            .len(),
        2
    );
}
