//! The SMS transport: the Twilio-compatible and Kannel webhooks (signature, shared secret,
//! allowed addresses, size limits, TwiML and plain-text answers), delivery reports recorded
//! against the outbox, and the outbound gateways against a real HTTP server on 127.0.0.1 that
//! records what it receives (retries, give-up, rate).

use crate::harness::TestApp;
use axum::body::{Body, Bytes};
use axum::http::{header, Method, Request, StatusCode, Uri};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use twiza_app::sms::{Gateway, Kannel, Sender, Twilio, TwilioFrom};
use twiza_web::channels::SmsChannels;
use twiza_web::WebConfig;

const TOKEN: &str = "test-auth-token-0123456789";
const KANNEL_SECRET: &str = "kannel-secret-0123456789";
const BASE: &str = "https://twiza.example.ma";

fn config(allowed: Vec<std::net::IpAddr>) -> WebConfig {
    WebConfig {
        sms_channels: SmsChannels {
            public_base_url: Some(BASE.to_owned()),
            twilio_auth_token: Some(TOKEN.to_owned()),
            kannel_secret: Some(KANNEL_SECRET.to_owned()),
            kannel_allowed_addresses: allowed,
            rate_per_second: 1000.0,
        },
        ..WebConfig::default()
    }
}

fn form(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).expect("form")
}

async fn post_form(
    app: &TestApp,
    path: &str,
    body: String,
    signature: Option<&str>,
) -> crate::harness::Response {
    let mut r = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        // A proxy's Host: the signature is checked against the configured public address.
        .header(header::HOST, "internal-node:8080");
    if let Some(s) = signature {
        r = r.header("x-twilio-signature", s);
    }
    app.send(r.body(Body::from(body)).expect("request")).await
}

async fn get_from(app: &TestApp, uri: &str, client: SocketAddr) -> crate::harness::Response {
    let mut request = Request::builder()
        .method(Method::GET)
        .uri(uri)
        .body(Body::empty())
        .expect("request");
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(client));
    app.send(request).await
}

/// The inbound example, signed independently with python3:
/// `base64(hmac.new(TOKEN, (url + "".join(k + v for k, v in sorted(params))).encode(),
/// hashlib.sha1).digest())` with url `https://twiza.example.ma/channels/sms/twilio`.
const INBOUND: [(&str, &str); 4] = [
    ("From", "+212612345678"),
    ("To", "+212500000000"),
    ("Body", "BESOIN eau"),
    ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
];
const INBOUND_SIGNATURE: &str = "TMLUDK7Ks53WsO2Jr2uQZ5mcABg=";

#[tokio::test]
async fn a_signed_twilio_message_is_answered_in_twiml_and_unsigned_ones_are_refused() {
    let app = TestApp::with_config(config(vec![])).await;
    let signed = post_form(
        &app,
        "/channels/sms/twilio",
        form(&INBOUND),
        Some(INBOUND_SIGNATURE),
    )
    .await;
    assert_eq!(signed.status, StatusCode::OK, "{}", signed.text());
    assert!(signed.headers[header::CONTENT_TYPE]
        .to_str()
        .expect("type")
        .starts_with("text/xml"));
    assert!(signed.text().starts_with("<?xml"));
    assert!(signed.text().contains("<Response"));

    // Unsigned, signed with another token, over a changed field, or for the Host header's
    // address: 403, and nothing written.
    // Each refused request carries a message id never seen, so that a record of it would show.
    let mut other = INBOUND;
    other[3] = ("MessageSid", "SM-never-recorded");
    let wrong_token = twiza_web::channels::twilio::signature(
        "another-token",
        &format!("{BASE}/channels/sms/twilio"),
        &owned(&other),
    );
    let host_url = twiza_web::channels::twilio::signature(
        TOKEN,
        "http://internal-node:8080/channels/sms/twilio",
        &owned(&other),
    );
    let mut changed = other;
    changed[2] = ("Body", "BESOIN argent");
    for (body, signature) in [
        (form(&other), None),
        (form(&other), Some(wrong_token.as_str())),
        (form(&other), Some(host_url.as_str())),
        (form(&changed), Some(INBOUND_SIGNATURE)),
        (form(&other), Some("garbage")),
    ] {
        let r = post_form(&app, "/channels/sms/twilio", body, signature).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{signature:?}");
        assert!(!r.text().contains("+212612345678"));
    }
    // Nothing of them was recorded: their message id is new to the store.
    let probe = app
        .store
        .record_inbound_message("twilio", "SM-never-recorded", "probe", 10)
        .await
        .expect("record");
    assert_eq!(probe, twiza_store::Inbound::Fresh);
    assert!(app.store.sms_outbox(10).await.expect("outbox").is_empty());
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn signed(path: &str, pairs: &[(&str, &str)]) -> (String, String) {
    let signature =
        twiza_web::channels::twilio::signature(TOKEN, &format!("{BASE}{path}"), &owned(pairs));
    (form(pairs), signature)
}

#[tokio::test]
async fn long_messages_are_answered_and_only_what_no_gateway_sends_is_413() {
    let app = TestApp::with_config(config(vec![])).await;
    let latin = "a".repeat(1000);
    let arabic = "ب".repeat(1600);
    for (id, text) in [("SM1", latin.as_str()), ("SM2", arabic.as_str())] {
        let pairs = [
            ("From", "+212612345678"),
            ("Body", text),
            ("MessageSid", id),
        ];
        let (body, signature) = signed("/channels/sms/twilio", &pairs);
        let r = post_form(&app, "/channels/sms/twilio", body, Some(&signature)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
    // Longer than the longest concatenated message: a short answer, not an error.
    let long = "ب".repeat(1601);
    let pairs = [
        ("From", "+212612345678"),
        ("Body", long.as_str()),
        ("MessageSid", "SM3"),
    ];
    let (body, signature) = signed("/channels/sms/twilio", &pairs);
    let r = post_form(&app, "/channels/sms/twilio", body, Some(&signature)).await;
    assert_eq!(r.status, StatusCode::OK);
    let messages = twiza_i18n::PhoneMessages::load().expect("messages");
    let too_long = messages.t(twiza_i18n::PhoneLanguage::Ar, "sms-too-long");
    assert!(r.text().contains(&too_long), "{}", r.text());
    // Beyond what any gateway sends: 413, the code alone.
    let huge = "a".repeat(8193);
    let pairs = [
        ("From", "+212612345678"),
        ("Body", huge.as_str()),
        ("MessageSid", "SM4"),
    ];
    let (body, signature) = signed("/channels/sms/twilio", &pairs);
    let r = post_form(&app, "/channels/sms/twilio", body, Some(&signature)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let kannel = get_from(
        &app,
        &format!(
            "/channels/sms/kannel?secret={KANNEL_SECRET}&from=%2B212612345678&id=k1&text={}",
            "a".repeat(8193)
        ),
        ([127, 0, 0, 1], 40000).into(),
    )
    .await;
    assert_eq!(kannel.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(kannel.text(), "payload_too_large");
    assert!(!kannel.text().contains("212612345678"));
}

#[tokio::test]
async fn kannel_messages_in_ucs2_are_read_and_answered_in_ucs2() {
    let app = TestApp::with_config(config(vec![])).await;
    // "حاجة" (need, in Arabic) as the phone sent it: UTF-16 big-endian, percent-encoded by %b.
    let utf16: String = "حاجة"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .map(|b| format!("%{b:02X}"))
        .collect();
    let r = get_from(
        &app,
        &format!(
            "/channels/sms/kannel?secret={KANNEL_SECRET}&from=%2B212612345670&id=u1\
             &coding=2&charset=UTF-16BE&text={utf16}"
        ),
        ([127, 0, 0, 1], 40000).into(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let messages = twiza_i18n::PhoneMessages::load().expect("messages");
    assert_eq!(
        r.text(),
        messages.t(twiza_i18n::PhoneLanguage::Ar, "sms-need-ask-commune")
    );
    assert_eq!(r.headers["x-kannel-coding"], "2");
    // A French answer goes in the default alphabet.
    let r = get_from(
        &app,
        &format!(
            "/channels/sms/kannel?secret={KANNEL_SECRET}&from=%2B212612345671&id=u2\
             &coding=0&charset=UTF-8&text=BESOIN"
        ),
        ([127, 0, 0, 1], 40000).into(),
    )
    .await;
    assert_eq!(r.headers["x-kannel-coding"], "0");
    // Odd UTF-16 bytes are no text.
    let r = get_from(
        &app,
        &format!(
            "/channels/sms/kannel?secret={KANNEL_SECRET}&from=%2B212612345672&id=u3\
             &coding=2&text=%06%2D%06"
        ),
        ([127, 0, 0, 1], 40000).into(),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn channels_without_their_secret_do_not_exist() {
    let app = TestApp::new().await;
    let (body, signature) = signed("/channels/sms/twilio", &INBOUND);
    let r = post_form(&app, "/channels/sms/twilio", body, Some(&signature)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = get_from(
        &app,
        "/channels/sms/kannel?secret=&from=1&id=1&text=x",
        ([127, 0, 0, 1], 1).into(),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn kannel_needs_its_secret_and_an_allowed_address() {
    let app = TestApp::with_config(config(vec!["10.0.0.7".parse().expect("ip")])).await;
    let allowed: SocketAddr = ([10, 0, 0, 7], 50000).into();
    let other: SocketAddr = ([10, 0, 0, 8], 50000).into();
    let query = |secret: &str| {
        format!("/channels/sms/kannel?secret={secret}&from=%2B212612345678&id=abc-1&text=HAJA%20ma")
    };
    let ok = get_from(&app, &query(KANNEL_SECRET), allowed).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert!(ok.headers[header::CONTENT_TYPE]
        .to_str()
        .expect("type")
        .starts_with("text/plain"));
    // The answer is the body, which smsbox sends back: the need report by SMS starts, in Darija
    // in Latin letters as the keyword was written.
    assert_eq!(ok.text(), "Blagh 3la 7aja: sift smiyt jma3tek.");
    for (uri, client) in [
        (query("kannel-secret-0123456788"), allowed),
        (query(""), allowed),
        (
            "/channels/sms/kannel?from=1&id=1&text=x".to_owned(),
            allowed,
        ),
        (query(KANNEL_SECRET), other),
    ] {
        let r = get_from(&app, &uri, client).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri} from {client}");
    }
    // `post-url`: the text is the body.
    let mut post = Request::builder()
        .method(Method::POST)
        .uri(format!(
            "/channels/sms/kannel?secret={KANNEL_SECRET}&from=%2B212612345678&id=abc-2"
        ))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("TWZ-0000"))
        .expect("request");
    post.extensions_mut()
        .insert(axum::extract::ConnectInfo(allowed));
    let answered = app.send(post).await;
    assert_eq!(answered.status, StatusCode::OK);
    assert!(answered.text().contains("TWZ-0000"), "{}", answered.text());
}

#[tokio::test]
async fn kannel_delivery_reports_are_recorded_against_the_message() {
    let app = TestApp::with_config(config(vec![])).await;
    let keys = &app.state.config.personal_data;
    twiza_app::sms::queue(
        &app.store,
        keys,
        ("delivery_code", "test:1".to_owned()),
        "+212612345678",
        "code 123456",
    )
    .await
    .expect("queued");
    assert_eq!(
        app.last_sms_to("+212612345678").await.as_deref(),
        Some("code 123456")
    );
    let id = app.store.sms_outbox(1).await.expect("outbox")[0].id;
    let client: SocketAddr = ([127, 0, 0, 1], 13013).into();
    let dlr = |secret: &str, status: &str| {
        format!("/channels/sms/kannel/dlr?secret={secret}&id={id}&status={status}")
    };
    let forged = get_from(&app, &dlr("wrong-secret-000000000", "1"), client).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.store.sms_reports(id).await.expect("reports").is_empty());
    for status in ["8", "1"] {
        let r = get_from(&app, &dlr(KANNEL_SECRET, status), client).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    }
    let reports = app.store.sms_reports(id).await.expect("reports");
    let seen: Vec<(&str, &str)> = reports
        .iter()
        .map(|r| (r.status.as_str(), r.raw_status.as_str()))
        .collect();
    assert_eq!(seen, [("accepted", "8"), ("delivered", "1")]);
    let unknown = get_from(
        &app,
        &format!(
            "/channels/sms/kannel/dlr?secret={KANNEL_SECRET}&id={}&status=1",
            id + 99
        ),
        client,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

/// A request the fake gateway received.
#[derive(Debug, Clone)]
struct Received {
    method: Method,
    uri: Uri,
    authorization: Option<String>,
    body: String,
}

/// A real HTTP server on 127.0.0.1 playing a gateway: it records every request and answers
/// with the next of `answers` (status, body), then with the last one.
struct FakeGateway {
    address: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
}

impl FakeGateway {
    async fn start(answers: Vec<(StatusCode, &'static str)>) -> FakeGateway {
        let received: Arc<Mutex<Vec<Received>>> = Arc::default();
        let log = received.clone();
        let answers = Arc::new(answers);
        let handler =
            move |method: Method, uri: Uri, headers: axum::http::HeaderMap, body: Bytes| {
                let log = log.clone();
                let answers = answers.clone();
                async move {
                    let mut log = log.lock().expect("log");
                    let n = log.len().min(answers.len() - 1);
                    log.push(Received {
                        method,
                        uri,
                        authorization: headers
                            .get(header::AUTHORIZATION)
                            .map(|v| v.to_str().expect("ascii").to_owned()),
                        body: String::from_utf8_lossy(&body).into_owned(),
                    });
                    answers[n]
                }
            };
        let router = axum::Router::new().fallback(handler);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        tokio::spawn(async move { axum::serve(listener, router).await });
        FakeGateway { address, received }
    }

    fn received(&self) -> Vec<Received> {
        self.received.lock().expect("log").clone()
    }
}

fn query_of(uri: &Uri) -> Vec<(String, String)> {
    serde_urlencoded::from_str(uri.query().unwrap_or_default()).expect("query")
}

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn kannel_sendsms_gets_the_message_with_its_report_address_and_retries_when_down() {
    let app = TestApp::with_config(config(vec![])).await;
    let fake = FakeGateway::start(vec![
        (StatusCode::SERVICE_UNAVAILABLE, "busy"),
        (StatusCode::ACCEPTED, "0: Accepted for delivery"),
    ])
    .await;
    let keys = app.state.config.personal_data.clone();
    let sender = Sender::new(
        Gateway::Kannel(Kannel {
            sendsms_url: format!("http://{}/cgi-bin/sendsms", fake.address),
            username: "twiza".into(),
            password: "sendsms-password".into(),
            from: Some("TWIZA".into()),
            dlr_url: Some(format!(
                "{BASE}/channels/sms/kannel/dlr?secret={KANNEL_SECRET}"
            )),
        }),
        keys.clone(),
        100.0,
    );
    twiza_app::sms::queue(
        &app.store,
        &keys,
        ("delivery_code", "test:k".to_owned()),
        "+212612345678",
        "رمز التسليم 123456",
    )
    .await
    .expect("queued");
    // Down: tried again later.
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 0);
    let row = &app.store.sms_outbox(1).await.expect("outbox")[0];
    assert_eq!(row.state, "waiting");
    assert_eq!(row.attempts, 1);
    assert_eq!(row.last_error.as_deref(), Some("gateway_unavailable"));
    assert!(row.next_attempt_at > twiza_store::now());
    // Not before its time.
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 0);
    assert_eq!(fake.received().len(), 1);
    // Its time come (moved to now, as the clock would), it goes.
    app.store
        .execute_raw("UPDATE sms_outbox SET next_attempt_at = 0")
        .await
        .expect("due now");
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 1);
    let received = fake.received();
    assert_eq!(received.len(), 2);
    let request = &received[1];
    assert_eq!(request.method, Method::GET);
    assert_eq!(request.uri.path(), "/cgi-bin/sendsms");
    let q = query_of(&request.uri);
    assert_eq!(value(&q, "username"), Some("twiza"));
    assert_eq!(value(&q, "password"), Some("sendsms-password"));
    assert_eq!(value(&q, "to"), Some("+212612345678"));
    assert_eq!(value(&q, "from"), Some("TWIZA"));
    assert_eq!(value(&q, "text"), Some("رمز التسليم 123456"));
    assert_eq!(value(&q, "charset"), Some("UTF-8"));
    // Arabic is not GSM-7: UCS-2.
    assert_eq!(value(&q, "coding"), Some("2"));
    assert_eq!(value(&q, "dlr-mask"), Some("31"));
    let row = &app.store.sms_outbox(1).await.expect("outbox")[0];
    assert_eq!(
        value(&q, "dlr-url"),
        Some(
            format!(
                "{BASE}/channels/sms/kannel/dlr?secret={KANNEL_SECRET}&id={}&status=%d",
                row.id
            )
            .as_str()
        )
    );
    assert_eq!(row.state, "sent");
    assert_eq!(row.gateway.as_deref(), Some("kannel"));
    assert_eq!(row.sealed_bytes, 0);
}

#[tokio::test]
async fn twilio_gets_the_message_records_its_sid_and_its_signed_status_callback() {
    let app = TestApp::with_config(config(vec![])).await;
    let fake = FakeGateway::start(vec![(
        StatusCode::CREATED,
        r#"{"sid": "SMfake0001", "status": "queued"}"#,
    )])
    .await;
    let keys = app.state.config.personal_data.clone();
    let sender = Sender::new(
        Gateway::Twilio(Twilio {
            api_base: format!("http://{}", fake.address),
            account_sid: "AC0123".into(),
            auth_token: TOKEN.into(),
            from: TwilioFrom::Number("+15005550006".into()),
            status_callback: Some(format!("{BASE}/channels/sms/twilio/status")),
        }),
        keys.clone(),
        100.0,
    );
    twiza_app::sms::queue(
        &app.store,
        &keys,
        ("delivery_code", "test:t".to_owned()),
        "+212612345678",
        "Twiza: code 654321",
    )
    .await
    .expect("queued");
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 1);
    let received = fake.received();
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method, Method::POST);
    assert_eq!(
        request.uri.path(),
        "/2010-04-01/Accounts/AC0123/Messages.json"
    );
    use base64::Engine;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("AC0123:{TOKEN}"));
    assert_eq!(
        request.authorization.as_deref(),
        Some(format!("Basic {basic}").as_str())
    );
    let f: Vec<(String, String)> = serde_urlencoded::from_str(&request.body).expect("form");
    assert_eq!(value(&f, "To"), Some("+212612345678"));
    assert_eq!(value(&f, "From"), Some("+15005550006"));
    assert_eq!(value(&f, "Body"), Some("Twiza: code 654321"));
    let row = app.store.sms_outbox(1).await.expect("outbox")[0].clone();
    assert_eq!(
        value(&f, "StatusCallback"),
        Some(format!("{BASE}/channels/sms/twilio/status?id={}", row.id).as_str())
    );
    assert_eq!(row.provider_id.as_deref(), Some("SMfake0001"));

    // The status callback, signed independently with python3 (as INBOUND_SIGNATURE, url
    // `https://twiza.example.ma/channels/sms/twilio/status`).
    let status = [("MessageSid", "SMfake0001"), ("MessageStatus", "delivered")];
    let unsigned = post_form(&app, "/channels/sms/twilio/status", form(&status), None).await;
    assert_eq!(unsigned.status, StatusCode::FORBIDDEN);
    assert!(app.store.sms_reports(row.id).await.expect("r").is_empty());
    let r = post_form(
        &app,
        "/channels/sms/twilio/status",
        form(&status),
        Some("v0Fku2i1kUUhJj66Ilyx7CThwLg="),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let reports = app.store.sms_reports(row.id).await.expect("reports");
    assert_eq!(reports.len(), 1);
    assert_eq!(
        (reports[0].status.as_str(), reports[0].raw_status.as_str()),
        ("delivered", "delivered")
    );
    // A report at the address the message was sent with names it by our id: found even when
    // the gateway's id is not known yet.
    let path = format!("/channels/sms/twilio/status?id={}", row.id);
    let early = [
        ("MessageSid", "SMnot-recorded-yet"),
        ("MessageStatus", "sent"),
    ];
    let (body, signature) = signed(&path, &early);
    let r = post_form(&app, &path, body, Some(&signature)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(app.store.sms_reports(row.id).await.expect("r").len(), 2);
}

#[tokio::test]
async fn an_accepted_message_whose_answer_is_unreadable_is_not_sent_again() {
    let app = TestApp::with_config(config(vec![])).await;
    let fake = FakeGateway::start(vec![(StatusCode::CREATED, "<html>accepted</html>")]).await;
    let keys = app.state.config.personal_data.clone();
    let sender = Sender::new(
        Gateway::Twilio(Twilio {
            api_base: format!("http://{}", fake.address),
            account_sid: "AC0123".into(),
            auth_token: TOKEN.into(),
            from: TwilioFrom::Number("+15005550006".into()),
            status_callback: None,
        }),
        keys.clone(),
        100.0,
    );
    twiza_app::sms::queue(
        &app.store,
        &keys,
        ("delivery_code", "test:u".to_owned()),
        "+212612345678",
        "Twiza: code 111111",
    )
    .await
    .expect("queued");
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 1);
    app.store
        .execute_raw("UPDATE sms_outbox SET next_attempt_at = 0")
        .await
        .expect("due");
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 0);
    assert_eq!(fake.received().len(), 1);
    let row = &app.store.sms_outbox(1).await.expect("outbox")[0];
    assert_eq!(
        (row.state.as_str(), row.provider_id.as_deref()),
        ("sent", None)
    );
}

#[tokio::test]
async fn a_refused_message_is_given_up_and_the_rate_spaces_the_rest() {
    let app = TestApp::with_config(config(vec![])).await;
    let fake = FakeGateway::start(vec![
        (StatusCode::BAD_REQUEST, r#"{"code": 21211}"#),
        (StatusCode::CREATED, r#"{"sid": "SM2"}"#),
    ])
    .await;
    let keys = app.state.config.personal_data.clone();
    let sender = Sender::new(
        Gateway::Twilio(Twilio {
            api_base: format!("http://{}", fake.address),
            account_sid: "AC0123".into(),
            auth_token: TOKEN.into(),
            from: TwilioFrom::MessagingService("MG0001".into()),
            status_callback: None,
        }),
        keys.clone(),
        5.0,
    );
    for i in 0..3 {
        twiza_app::sms::queue(
            &app.store,
            &keys,
            ("delivery_code", format!("test:r{i}")),
            "+212612345678",
            "Twiza",
        )
        .await
        .expect("queued");
    }
    let started = std::time::Instant::now();
    assert_eq!(sender.send_due(&app.store).await.expect("pass"), 2);
    // Five a second: three messages take two intervals at least.
    assert!(started.elapsed() >= std::time::Duration::from_millis(390));
    let outbox = app.store.sms_outbox(3).await.expect("outbox");
    let first = outbox
        .iter()
        .find(|m| m.idempotency_key == "test:r0")
        .expect("r0");
    assert_eq!(first.state, "failed");
    assert_eq!(first.last_error.as_deref(), Some("gateway_refused"));
    assert_eq!(first.sealed_bytes, 0);
    let f: Vec<(String, String)> =
        serde_urlencoded::from_str(&fake.received()[1].body).expect("form");
    assert_eq!(value(&f, "MessagingServiceSid"), Some("MG0001"));
    assert_eq!(value(&f, "From"), None);
}
