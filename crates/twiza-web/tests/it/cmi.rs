//! Gifts paid through CMI, against a stand-in of its gateway that computes and checks the hashes
//! on its own (written from CMI's description of `hashAlgorithm=ver3`, not with the server's
//! code): the payment page's signed form, an accepted payment, a refused card, a forged callback,
//! an amount that differs from the gift, and a replayed callback. And a site with no provider
//! refuses gifts.

use crate::donations::collecting;
use crate::harness::{Response, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha512};
use twiza_web::payments::cmi::CmiSettings;
use twiza_web::payments::PaymentsSetting;
use twiza_web::WebConfig;

const STORE_KEY: &str = "TEST|store\\key";
const GATEWAY: &str = "https://testpayment.cmi.example/fim/est3Dgate";

async fn with_cmi() -> TestApp {
    TestApp::with_config(WebConfig {
        public_url: Some("https://twiza.example".into()),
        payments: PaymentsSetting::Cmi(CmiSettings {
            gateway_url: GATEWAY.into(),
            client_id: "600000001".into(),
            store_key: STORE_KEY.to_owned().into(),
            public_url: "https://twiza.example".into(),
        }),
        ..WebConfig::default()
    })
    .await
}

/// The stand-in's own hash: values ordered by parameter name without regard to case, `HASH`
/// and `encoding` left out, `\` and `|` escaped, each value followed by `|`, then the escaped
/// store key; SHA-512, base64.
fn gateway_hash(fields: &[(String, String)], store_key: &str) -> String {
    let escape = |v: &str| v.replace('\\', "\\\\").replace('|', "\\|");
    let mut names: Vec<&(String, String)> = fields
        .iter()
        .filter(|(k, _)| {
            let k = k.to_lowercase();
            k != "hash" && k != "encoding"
        })
        .collect();
    names.sort_by_key(|(k, _)| k.to_lowercase());
    let mut plain: String = names
        .iter()
        .map(|(_, v)| format!("{}|", escape(v)))
        .collect();
    plain.push_str(&escape(store_key));
    base64::engine::general_purpose::STANDARD.encode(Sha512::digest(plain.as_bytes()))
}

fn unescape_html(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The hidden fields of the payment page's form, in page order.
fn hidden_fields(page: &str) -> Vec<(String, String)> {
    page.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|rest| {
            let (name, rest) = rest.split_once("\" value=\"").expect("value");
            let (value, _) = rest.split_once('"').expect("end");
            (unescape_html(name), unescape_html(value))
        })
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// What CMI posts back for an order, signed by the stand-in.
fn callback_fields(
    oid: &str,
    amount: &str,
    code: &str,
    transaction: &str,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = [
        ("clientid", "600000001"),
        ("oid", oid),
        ("amount", amount),
        ("currency", "504"),
        ("ProcReturnCode", code),
        (
            "Response",
            if code == "00" { "Approved" } else { "Declined" },
        ),
        ("TransId", transaction),
        ("mdStatus", "1"),
        ("EXTRA.CARDBRAND", "VISA"),
        ("encoding", "UTF-8"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let signature = gateway_hash(&fields, STORE_KEY);
    fields.push(("HASH".into(), signature));
    fields
}

async fn post_callback(app: &TestApp, fields: &[(String, String)]) -> Response {
    let body = serde_urlencoded::to_string(fields).expect("form");
    let r = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/payments/cmi/callback")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    app.send(r.body(Body::from(body)).expect("request")).await
}

async fn give(app: &TestApp, campaign: i64, key: &str, amount: &str) -> Response {
    let r = Request::builder()
        .method(Method::POST)
        .uri(format!("/api/v1/campaigns/{campaign}/gifts"))
        .header(header::CONTENT_TYPE, "application/json")
        .header("idempotency-key", key);
    let body = json!({"amount": amount, "currency": "MAD", "method": "card"});
    app.send(r.body(Body::from(body.to_string())).expect("request"))
        .await
}

async fn status_of(app: &TestApp, reference: &str) -> String {
    app.get(&format!("/api/v1/gifts/{reference}"), None)
        .await
        .json()["donation"]["status"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_gift_goes_through_cmis_payment_page_and_only_a_true_callback_confirms_it() {
    let app = with_cmi().await;
    let (campaign, _, _) = collecting(&app).await;
    let r = give(&app, campaign, "cmi-gift-0001", "250.00").await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.text());
    let g = r.json();
    assert_eq!(g["payment"]["provider"], "cmi");
    let reference = g["payment"]["reference"].as_str().expect("ref").to_owned();
    let next = g["payment"]["next_url"].as_str().expect("next").to_owned();
    assert_eq!(next, format!("/gifts/{reference}/pay"));

    // The payment page: a form to the gateway, allowed by its CSP, signed as CMI checks it.
    let page = app.get(&next, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("csp");
    assert!(
        csp.contains("form-action 'self' https://testpayment.cmi.example;"),
        "{csp}"
    );
    let html = page.text();
    assert!(
        html.contains(&format!("action=\"{}\"", GATEWAY.replace('/', "&#x2f;")))
            || html.contains(&format!("action=\"{GATEWAY}\""))
    );
    let form = hidden_fields(&html);
    assert_eq!(field(&form, "HASH"), gateway_hash(&form, STORE_KEY));
    assert_ne!(field(&form, "HASH"), gateway_hash(&form, "another key"));
    assert_eq!(field(&form, "clientid"), "600000001");
    assert_eq!(field(&form, "amount"), "250.00");
    assert_eq!(field(&form, "currency"), "504");
    assert_eq!(field(&form, "oid"), reference);
    assert_eq!(field(&form, "storetype"), "3D_PAY_HOSTING");
    assert_eq!(field(&form, "hashAlgorithm"), "ver3");
    assert_eq!(
        field(&form, "callbackUrl"),
        "https://twiza.example/api/v1/payments/cmi/callback"
    );
    assert_eq!(
        field(&form, "okUrl"),
        format!("https://twiza.example/gifts/{reference}")
    );
    let log = app.store.log_size().await.expect("size");

    // A refused card: acknowledged, nothing changes, the donor may pay again.
    let r = post_callback(&app, &callback_fields(&reference, "250.00", "05", "T-1")).await;
    assert_eq!(
        (r.status, r.text()),
        (StatusCode::OK, "APPROVED".to_owned())
    );
    assert_eq!(status_of(&app, &reference).await, "pending");
    let gift_page = app.get(&format!("/gifts/{reference}"), None).await.text();
    assert!(gift_page.contains("id=\"pay-again\""));

    // A forged callback (signed with another key): refused, nothing written.
    let mut forged = callback_fields(&reference, "250.00", "00", "T-2");
    let last = forged.len() - 1;
    forged[last].1 = gateway_hash(&forged[..last], "not the store key");
    let r = post_callback(&app, &forged).await;
    assert_eq!(r.text(), "FAILURE");
    // A callback whose fields were changed after signing.
    let mut changed = callback_fields(&reference, "250.00", "00", "T-3");
    changed[2].1 = "2.50".into();
    assert_eq!(post_callback(&app, &changed).await.text(), "FAILURE");
    // A true callback for another amount than the gift's.
    let r = post_callback(&app, &callback_fields(&reference, "25.00", "00", "T-4")).await;
    assert_eq!(r.text(), "FAILURE");
    // An order that does not exist.
    let unknown = "pay_00000000000000000000000000000000";
    let r = post_callback(&app, &callback_fields(unknown, "250.00", "00", "T-5")).await;
    assert_eq!(r.text(), "FAILURE");
    assert_eq!(status_of(&app, &reference).await, "pending");
    assert_eq!(app.store.log_size().await.expect("size"), log);

    // The accepted payment: confirmed, logged once, CMI told to debit.
    let accepted = callback_fields(&reference, "250.00", "00", "T-6");
    let r = post_callback(&app, &accepted).await;
    assert_eq!(
        (r.status, r.text()),
        (StatusCode::OK, "ACTION=POSTAUTH".to_owned())
    );
    assert_eq!(status_of(&app, &reference).await, "confirmed");
    assert_eq!(app.store.log_size().await.expect("size"), log + 1);

    // Replayed: the same answer, nothing more written.
    let r = post_callback(&app, &accepted).await;
    assert_eq!(r.text(), "ACTION=POSTAUTH");
    assert_eq!(app.store.log_size().await.expect("size"), log + 1);
    // A confirmed gift has no payment page any more.
    let r = app.get(&next, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_site_without_a_payment_provider_refuses_gifts_and_writes_nothing() {
    let app = TestApp::with_config(WebConfig {
        payments: PaymentsSetting::None,
        ..WebConfig::default()
    })
    .await;
    let (campaign, _, _) = collecting(&app).await;
    let r = give(&app, campaign, "no-provider-0001", "250.00").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.error_code(), "payments_not_configured");
    let reference = twiza_web::payments::payment_reference(
        &WebConfig::default().receipt_key,
        campaign,
        "no-provider-0001",
    );
    assert!(app
        .store
        .gift_by_reference(&reference)
        .await
        .expect("q")
        .is_none());
    // The campaign's page says gifts are closed instead of showing a form.
    let page = app
        .get(&format!("/campaigns/{campaign}"), None)
        .await
        .text();
    assert!(page.contains("id=\"gifts-closed\""));
    assert!(!page.contains(&format!("action=\"/campaigns/{campaign}/gifts\"")));
    // Nor is there a callback to call.
    let r = post_callback(&app, &callback_fields(&reference, "250.00", "00", "T-1")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_simulator_says_on_every_gift_page_that_no_money_moves() {
    let app = TestApp::new().await;
    let (campaign, _, _) = collecting(&app).await;
    let page = app
        .get(&format!("/campaigns/{campaign}"), None)
        .await
        .text();
    assert!(page.contains("id=\"test-payments\""));
    let r = give(&app, campaign, "sim-gift-00001", "100.00").await;
    let reference = r.json()["payment"]["reference"]
        .as_str()
        .expect("ref")
        .to_owned();
    let gift = app.get(&format!("/gifts/{reference}"), None).await.text();
    assert!(gift.contains("id=\"test-payments\""));
}
