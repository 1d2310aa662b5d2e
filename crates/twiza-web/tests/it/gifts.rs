//! Gifts by the public through the (simulated) payment provider: pending, then confirmed by a
//! signed callback and logged once; forged, stale and replayed callbacks; the identity threshold
//! and the sealed identity; bad input writes nothing; the public pages in four languages.

use crate::donations::collecting;
use crate::harness::{Response, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use twiza_domain::campaign::CampaignState;
use twiza_domain::{OrgRole, PlatformRole};
use twiza_web::payments::{payment_reference, CallbackBody, HmacCallbacks, SIGNATURE_HEADER};
use twiza_web::WebConfig;

/// A test app whose simulated provider never calls back: the tests send the callbacks.
async fn manual() -> TestApp {
    TestApp::with_config(WebConfig {
        payments: twiza_web::payments::PaymentsSetting::Simulated { delay: None },
        payment_secret: [4; 32],
        identity_key: [5; 32],
        ..WebConfig::default()
    })
    .await
}

async fn give(app: &TestApp, campaign: i64, key: &str, body: &Value) -> Response {
    let r = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/campaigns/{campaign}/gifts"))
        .header(header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key);
    app.send(r.body(Body::from(body.to_string())).expect("request"))
        .await
}

fn money(amount: &str) -> Value {
    json!({"amount": amount, "currency": "MAD", "method": "card"})
}

fn callback(reference: &str, event: &str, status: &str, amount: &str, at: i64) -> Vec<u8> {
    serde_json::to_vec(&CallbackBody {
        event_id: event.into(),
        reference: reference.into(),
        status: status.into(),
        amount: amount.into(),
        currency: "MAD".into(),
        timestamp: at,
    })
    .expect("json")
}

async fn post_callback(app: &TestApp, body: Vec<u8>, signature: &str) -> Response {
    let r = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/payments/callback")
        .header(header::CONTENT_TYPE, "application/json")
        .header(SIGNATURE_HEADER, signature);
    app.send(r.body(Body::from(body)).expect("request")).await
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

async fn status_of(app: &TestApp, reference: &str) -> Value {
    app.get(&format!("/api/v1/gifts/{reference}"), None)
        .await
        .json()
}

#[tokio::test]
async fn a_gift_is_pending_then_confirmed_by_the_providers_callback_and_logged_once() {
    let app = TestApp::new().await;
    let (campaign, _, _) = collecting(&app).await;
    let before = app.store.log_size().await.expect("size");

    let r = give(&app, campaign, "gift-key-0001", &money("250.00")).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let g = r.json();
    assert_eq!(g["donation"]["status"], "pending");
    assert_eq!(g["donation"]["leaf_index"], Value::Null);
    assert_eq!(g["payment"]["provider"], "simulated");
    let reference = g["payment"]["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    assert_eq!(g["payment"]["next_url"], format!("/gifts/{reference}"));
    assert_eq!(
        app.store.log_size().await.expect("size"),
        before,
        "nothing is logged while pending"
    );

    // The simulator confirms a moment later, asynchronously, through the callback path.
    let mut confirmed = Value::Null;
    for _ in 0..100 {
        confirmed = status_of(&app, &reference).await;
        if confirmed["donation"]["status"] == "confirmed" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(confirmed["donation"]["status"], "confirmed", "{confirmed}");
    assert!(confirmed["confirmed_at"].is_string());
    let index = confirmed["donation"]["leaf_index"]
        .as_u64()
        .expect("logged");
    assert_eq!(index, before);
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);
    let entry = app
        .get(&format!("/api/v1/log/entries/{index}"), None)
        .await
        .json();
    use base64::Engine;
    let leaf = base64::engine::general_purpose::STANDARD
        .decode(entry["leaf"].as_str().expect("leaf"))
        .expect("b64");
    assert_eq!(
        hex::encode(twiza_tlog::leaf_hash(&leaf)),
        confirmed["donation"]["leaf_hash"].as_str().expect("hash")
    );
    let text = String::from_utf8(leaf).expect("utf8");
    assert!(
        text.contains(r#""amount":"250.00""#) && text.contains(r#""method":"card""#),
        "{text}"
    );

    // The same request again: the same donation, now confirmed; no second leaf.
    let again = give(&app, campaign, "gift-key-0001", &money("250.00")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["replayed"], true);
    assert_eq!(again.json()["donation"]["status"], "confirmed");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);
    // The campaign's public figures count it.
    assert_eq!(
        app.store
            .campaign_raised(campaign)
            .await
            .expect("q")
            .centimes,
        25_000
    );
}

#[tokio::test]
async fn forged_stale_and_replayed_callbacks_change_nothing() {
    let app = manual().await;
    let (campaign, _, _) = collecting(&app).await;
    let r = give(&app, campaign, "gift-key-0002", &money("80.00")).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let reference = r.json()["payment"]["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let size = app.store.log_size().await.expect("size");
    let good = HmacCallbacks::new([4; 32]);
    let forger = HmacCallbacks::new([6; 32]);
    let body = callback(&reference, "evt-0001", "paid", "80.00", now());

    for (signature, code) in [
        (forger.sign(&body), "invalid_signature"),
        ("sha256=00".to_owned(), "invalid_signature"),
        (String::new(), "invalid_signature"),
    ] {
        let r = post_callback(&app, body.clone(), &signature).await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::UNAUTHORIZED, code)
        );
    }
    // A body changed after signing.
    let tampered = callback(&reference, "evt-0001", "paid", "8000.00", now());
    let r = post_callback(&app, tampered, &good.sign(&body)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // A genuine but old callback (replayed later) is refused.
    let old = callback(&reference, "evt-0000", "paid", "80.00", now() - 3600);
    let r = post_callback(&app, old.clone(), &good.sign(&old)).await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNAUTHORIZED, "stale_callback")
    );
    // A genuine callback for another amount.
    let wrong = callback(&reference, "evt-0009", "paid", "8.00", now());
    let r = post_callback(&app, wrong.clone(), &good.sign(&wrong)).await;
    assert_eq!(r.error_code(), "payment_mismatch");
    assert_eq!(
        status_of(&app, &reference).await["donation"]["status"],
        "pending"
    );
    assert_eq!(app.store.log_size().await.expect("size"), size);

    // The genuine one confirms; replaying it (or another notification) is idempotent.
    let r = post_callback(&app, body.clone(), &good.sign(&body)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        (r.json()["status"].as_str(), r.json()["replayed"].as_bool()),
        (Some("confirmed"), Some(false))
    );
    let r = post_callback(&app, body.clone(), &good.sign(&body)).await;
    assert_eq!(
        (r.status, r.json()["replayed"].as_bool()),
        (StatusCode::OK, Some(true))
    );
    let second = callback(&reference, "evt-0002", "paid", "80.00", now());
    let r = post_callback(&app, second.clone(), &good.sign(&second)).await;
    assert_eq!(r.json()["replayed"], true);
    assert_eq!(app.store.log_size().await.expect("size"), size + 1);
    let failed_late = callback(&reference, "evt-0003", "failed", "80.00", now());
    let r = post_callback(&app, failed_late.clone(), &good.sign(&failed_late)).await;
    assert_eq!(r.error_code(), "donation_not_pending");

    // A failed payment is marked failed and logs nothing.
    let r = give(&app, campaign, "gift-key-0003", &money("45.50")).await;
    let other = r.json()["payment"]["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    let fail = callback(&other, "evt-0004", "failed", "45.50", now());
    let r = post_callback(&app, fail.clone(), &good.sign(&fail)).await;
    assert_eq!(r.json()["status"], "failed");
    assert_eq!(
        status_of(&app, &other).await["donation"]["status"],
        "failed"
    );
    assert_eq!(app.store.log_size().await.expect("size"), size + 1);
    // Unknown references are not found.
    let ghost = callback(
        "pay_ffffffffffffffffffffffffffffffff",
        "evt-0005",
        "paid",
        "1.00",
        now(),
    );
    let r = post_callback(&app, ghost.clone(), &good.sign(&ghost)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

fn with_donor(amount: &str, donor: Value) -> Value {
    json!({"amount": amount, "currency": "MAD", "method": "mobile_wallet", "donor": donor})
}

fn raw_database(app: &TestApp) -> Vec<u8> {
    let mut bytes = Vec::new();
    for file in ["twiza.db", "twiza.db-wal"] {
        if let Ok(b) = std::fs::read(app.data_dir().join(file)) {
            bytes.extend(b);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn large_gifts_need_an_identity_that_is_stored_sealed_and_shown_to_the_treasury_only() {
    let app = manual().await;
    let (campaign, owner, scope) = collecting(&app).await;

    let r = give(&app, campaign, "gift-key-big-1", &money("10000.01")).await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "donor_identity_required")
    );
    let reference = payment_reference(&[0; 32], campaign, "gift-key-big-1");
    assert!(app
        .store
        .gift_by_reference(&reference)
        .await
        .expect("q")
        .is_none());
    let at_threshold = give(&app, campaign, "gift-key-at-10k", &money("10000.00")).await;
    assert_eq!(
        at_threshold.status,
        StatusCode::ACCEPTED,
        "the threshold itself is allowed"
    );

    let bad = with_donor(
        "20000.00",
        json!({"full_name": "", "document_type": "cin", "document_number": "12", "country": "Maroc"}),
    );
    let r = give(&app, campaign, "gift-key-big-2", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = r.json();
    let codes: Vec<&str> = errors["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(codes, ["required", "invalid_cin", "invalid_country"]);
    assert!(!r.text().contains("Maroc"), "errors never echo input");
    // Two letters are not enough: the code must be one ISO 3166-1 assigned.
    let unassigned = with_donor(
        "20000.00",
        json!({"full_name": "Zineb Ouhammou", "document_type": "cin", "document_number": "BK734921", "country": "ZZ"}),
    );
    let r = give(&app, campaign, "gift-key-big-zz", &unassigned).await;
    assert_eq!(
        (r.status, r.json()["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("donor_country"))
    );
    assert_eq!(r.error_code(), "invalid_country");

    let donor = json!({"full_name": "Zineb Ouhammou", "document_type": "cin", "document_number": "BK 734921", "country": "ma"});
    let r = give(
        &app,
        campaign,
        "gift-key-big-3",
        &with_donor("25000.00", donor),
    )
    .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let g = r.json();
    let id = g["donation"]["id"].as_i64().expect("id");
    assert!(!r.text().contains("Zineb") && !r.text().contains("BK734921"));

    // In the database file: only ciphertext.
    let raw = raw_database(&app);
    assert!(!raw.is_empty());
    for secret in ["Zineb", "Ouhammou", "BK734921", "BK 734921"] {
        assert!(
            !contains(&raw, secret),
            "{secret} is in the database file in clear"
        );
    }
    // Nothing public shows it.
    let reference = g["payment"]["reference"].as_str().expect("reference");
    for path in [
        format!("/api/v1/gifts/{reference}"),
        format!("/gifts/{reference}"),
        format!("/campaigns/{campaign}"),
        format!("/api/v1/campaigns/{campaign}"),
    ] {
        let r = app.get(&path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(!r.text().contains("Zineb"), "{path} shows the donor");
    }

    // The treasury opens it; other members, read-only staff and outsiders do not.
    let path = format!("/api/v1/campaigns/{campaign}/donations/{id}/donor");
    let r = app.get(&path, Some(&owner.token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        r.json(),
        json!({"donation_id": id, "full_name": "Zineb Ouhammou", "document_type": "cin",
               "document_number": "BK734921", "country": "MA"})
    );
    assert_eq!(
        r.headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let treasurer = app
        .member(scope.org_id(), OrgRole::Treasurer, "t@x.ma")
        .await;
    assert_eq!(
        app.get(&path, Some(&treasurer.token)).await.status,
        StatusCode::OK
    );
    let volunteer = app
        .member(scope.org_id(), OrgRole::Volunteer, "v@x.ma")
        .await;
    assert_eq!(
        app.get(&path, Some(&volunteer.token)).await.status,
        StatusCode::FORBIDDEN
    );
    let auditor = app.user("auditor@x.ma", Some(PlatformRole::Auditor)).await;
    assert_eq!(
        app.get(&path, Some(&auditor.token)).await.status,
        StatusCode::FORBIDDEN
    );
    let outsider = app.user("outsider@x.ma", None).await;
    assert_eq!(
        app.get(&path, Some(&outsider.token)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    // Each opening is in the donor access log, like every other read of personal data; the
    // refused ones are not.
    let reads = app
        .store
        .donor_identity_reads(&scope, id)
        .await
        .expect("reads");
    assert_eq!(
        reads
            .iter()
            .map(|(account, _)| *account)
            .collect::<Vec<_>>(),
        [treasurer.id.0, owner.id.0]
    );
    // A gift without identity has none to show.
    let small = give(&app, campaign, "gift-key-small", &money("50.00"))
        .await
        .json();
    let small_path = format!(
        "/api/v1/campaigns/{campaign}/donations/{}/donor",
        small["donation"]["id"]
    );
    assert_eq!(
        app.get(&small_path, Some(&owner.token)).await.status,
        StatusCode::NOT_FOUND
    );
    // Optional below the threshold, and sealed too when given.
    let passport = json!({"full_name": "Jean Dupont", "document_type": "passport", "document_number": "19FV12345", "country": "FR"});
    let r = give(
        &app,
        campaign,
        "gift-key-small-2",
        &with_donor("100.00", passport),
    )
    .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    assert!(!contains(&raw_database(&app), "19FV12345"));
}

#[tokio::test]
async fn bad_gifts_get_clear_errors_and_write_nothing() {
    let app = manual().await;
    let (campaign, owner, scope) = collecting(&app).await;
    let cases = vec![
        (money("0"), "amount_not_positive"),
        (money("-5.00"), "invalid_amount"),
        (money("12.345"), "amount_too_precise"),
        (money("99999999999999"), "amount_too_large"),
        (
            json!({"amount": "10", "currency": "EUR", "method": "card"}),
            "unknown_currency",
        ),
        (
            json!({"amount": "10", "currency": "MAD", "method": "cash"}),
            "online_method_only",
        ),
        (
            json!({"amount": "10", "currency": "MAD", "method": "bitcoin"}),
            "invalid_method",
        ),
        (
            json!({"amount": 10, "currency": "MAD", "method": "card"}),
            "wrong_type",
        ),
        (
            json!({"amount": "10", "currency": "MAD", "method": "card", "iban": "x"}),
            "unknown_field",
        ),
    ];
    for (i, (body, code)) in cases.into_iter().enumerate() {
        let key = format!("bad-gift-{i:04}");
        let r = give(&app, campaign, &key, &body).await;
        assert_eq!(r.error_code(), code, "{body}: {}", r.text());
        assert!(r.status.is_client_error());
        let reference = payment_reference(&[0; 32], campaign, &key);
        assert!(app
            .store
            .gift_by_reference(&reference)
            .await
            .expect("q")
            .is_none());
    }
    let no_key = app
        .post_json(
            &format!("/api/v1/campaigns/{campaign}/gifts"),
            None,
            &money("10"),
        )
        .await;
    assert_eq!(no_key.error_code(), "missing_idempotency_key");

    let first = give(&app, campaign, "gift-key-conflict", &money("10.00")).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);
    let conflict = give(&app, campaign, "gift-key-conflict", &money("99.00")).await;
    assert_eq!(
        (conflict.status, conflict.error_code().as_str()),
        (StatusCode::CONFLICT, "idempotency_conflict")
    );
    let replay = give(&app, campaign, "gift-key-conflict", &money("10.00")).await;
    assert_eq!(
        replay.json()["donation"]["id"],
        first.json()["donation"]["id"]
    );
    assert_eq!(replay.json()["donation"]["amount"], "10.00");

    // Draft, unauthorized and closed campaigns take nothing.
    let draft = app.campaign(&scope, owner.id, "Brouillon").await;
    let r = give(&app, draft, "gift-key-draft", &money("10")).await;
    assert_eq!(r.error_code(), "campaign_draft");
    app.store
        .set_campaign_state(
            &scope,
            draft,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await
        .expect("publish");
    let r = give(&app, draft, "gift-key-unauth", &money("10")).await;
    assert_eq!(r.error_code(), "campaign_not_authorized");
    app.store
        .set_campaign_state(
            &scope,
            campaign,
            CampaignState::Published,
            CampaignState::Closed,
        )
        .await
        .expect("close");
    let r = give(&app, campaign, "gift-key-closed", &money("10")).await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::CONFLICT, "campaign_closed")
    );
    for key in ["gift-key-draft", "gift-key-unauth"] {
        let reference = payment_reference(&[0; 32], draft, key);
        assert!(app
            .store
            .gift_by_reference(&reference)
            .await
            .expect("q")
            .is_none());
    }
    let reference = payment_reference(&[0; 32], campaign, "gift-key-closed");
    assert!(app
        .store
        .gift_by_reference(&reference)
        .await
        .expect("q")
        .is_none());
    assert_eq!(
        app.get(&format!("/api/v1/campaigns/{}/gifts", 999_999), None)
            .await
            .status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

async fn page(app: &TestApp, path: &str, lang: &str) -> Response {
    let r = Request::get(path)
        .header(header::COOKIE, format!("twiza_lang={lang}"))
        .body(Body::empty())
        .expect("request");
    app.send(r).await
}

fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

#[tokio::test]
async fn campaign_and_check_pages_in_four_languages_and_a_gift_through_the_form() {
    let app = TestApp::new().await;
    let (campaign, owner, scope) = collecting(&app).await;
    let code = app
        .store
        .campaign(campaign)
        .await
        .expect("q")
        .expect("campaign")
        .code;
    let draft = app.campaign(&scope, owner.id, "Brouillon secret").await;
    let draft_code = app
        .store
        .campaign(draft)
        .await
        .expect("q")
        .expect("draft")
        .code;

    for (lang, dir, word) in [
        ("ar", "rtl", "الترخيص"),
        ("fr", "ltr", "Autorisation"),
        ("zgh", "ltr", "ⴰⵙⵓⵔⴳ"),
        ("en", "ltr", "authorization"),
    ] {
        let r = page(&app, &format!("/campaigns/{campaign}"), lang).await;
        assert_eq!(r.status, StatusCode::OK, "{lang}");
        let html = r.text();
        assert!(
            html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{lang}"
        );
        assert!(html.contains(word), "{lang}: {word}");
        assert!(html.contains(&code) && html.contains("SGG-1"), "{lang}");
        assert!(
            html.contains(r#"action="/campaigns/"#),
            "{lang}: the gift form"
        );
        assert!(gzip_len(&r.body) <= 30 * 1024, "{lang}: page weight");
        let title = if lang == "ar" {
            "حملة الإغاثة"
        } else {
            "Secours"
        };
        assert!(
            html.contains(title),
            "{lang}: title in the reader's language"
        );

        let ok = page(
            &app,
            &format!("/check?code={}", code.to_lowercase().replace('-', "+")),
            lang,
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK);
        assert!(ok.text().contains(r#"data-verdict="valid""#), "{lang}");
        assert!(gzip_len(&ok.body) <= 30 * 1024);
        for bad in [draft_code.as_str(), "TWZ-0000", "hello"] {
            let r = page(&app, &format!("/check?code={bad}"), lang).await;
            assert!(
                r.text().contains(r#"data-verdict="not-found""#),
                "{lang} {bad}"
            );
            assert!(!r.text().contains("Brouillon secret"));
        }
        let home = page(&app, "/", lang).await.text();
        assert!(
            home.contains(r#"href="/check""#),
            "{lang}: home links the check"
        );
    }
    assert_eq!(
        page(&app, &format!("/campaigns/{draft}"), "fr")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The form: CSRF required, then pending, then confirmed by the simulator.
    let form = [
        ("key", "gift-form-key-0001"),
        ("amount", "75"),
        ("currency", "MAD"),
        ("method", "mobile_wallet"),
    ];
    let no_csrf = Request::post(format!("/campaigns/{campaign}/gifts"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(form).expect("form")))
        .expect("request");
    assert_eq!(app.send(no_csrf).await.status, StatusCode::FORBIDDEN);
    let big = app
        .page(
            Method::POST,
            &format!("/campaigns/{campaign}/gifts"),
            None,
            &[
                ("key", "gift-form-key-0002"),
                ("amount", "50000"),
                ("currency", "MAD"),
                ("method", "card"),
            ],
        )
        .await;
    assert_eq!(big.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(big.text().contains(r#"class="error""#));
    let r = app
        .page(
            Method::POST,
            &format!("/campaigns/{campaign}/gifts"),
            None,
            &form,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let to = r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    assert!(to.starts_with("/gifts/pay_"), "{to}");
    let pending = page(&app, &to, "fr").await;
    assert_eq!(pending.status, StatusCode::OK);
    let mut html = pending.text();
    if html.contains(r#"data-status="pending""#) {
        assert!(html.contains(r#"http-equiv="refresh""#));
    }
    for _ in 0..100 {
        if html.contains(r#"data-status="confirmed""#) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        html = page(&app, &to, "ar").await.text();
    }
    assert!(html.contains(r#"data-status="confirmed""#), "{html}");
    assert!(html.contains(r#"dir="rtl""#));
    // Posting the same form again (a double click) gives the same gift.
    let again = app
        .page(
            Method::POST,
            &format!("/campaigns/{campaign}/gifts"),
            None,
            &form,
        )
        .await;
    assert_eq!(
        again.headers[header::LOCATION].to_str().expect("location"),
        to
    );
    assert_eq!(
        app.store
            .campaign_raised(campaign)
            .await
            .expect("q")
            .donations,
        1
    );
}
