//! The IATI activity file: a verified association's treasury publishes it from its page, the
//! public address serves it (404 before and after), its activities carry identifiers made
//! from stored ids, its transactions sum to the ledger's figures and the paid cash transfers,
//! and it names no donor, household, member or phone; an association not verified is refused.
//! On SQLite and PostgreSQL.

use crate::harness::{TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use quick_xml::events::{BytesStart, Event};
use serde_json::json;
use std::collections::BTreeMap;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};
use twiza_iso20022::pain002::{Pain002Version, StatusReport, TransactionStatus};

/// What the test reads back from the file.
#[derive(Default, Debug)]
struct Parsed {
    identifiers: Vec<String>,
    reporting_refs: Vec<String>,
    /// Per activity identifier, per transaction type: centimes.
    sums: BTreeMap<(String, String), i64>,
    /// Per activity identifier, per transaction type: transactions.
    counts: BTreeMap<(String, String), usize>,
    locations: Vec<String>,
    sectors: Vec<String>,
}

fn centimes(text: &str) -> i64 {
    let (units, cents) = text.split_once('.').expect("two decimals");
    assert_eq!(cents.len(), 2, "{text}");
    units.parse::<i64>().expect("units") * 100 + cents.parse::<i64>().expect("cents")
}

fn start(e: &BytesStart<'_>, parent: Option<&str>, parsed: &mut Parsed, kind: &mut String) {
    let name = e.local_name().as_ref().to_owned();
    let attr = |key: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == key)
            .map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("attribute")
                    .into_owned()
            })
    };
    match name.as_str() {
        "iati-activities" => {
            assert_eq!(attr("version").as_deref(), Some("2.03"));
            assert!(attr("generated-datetime").is_some());
        }
        "reporting-org" => parsed.reporting_refs.push(attr("ref").expect("ref")),
        "transaction-type" => *kind = attr("code").expect("code"),
        "location" => parsed.locations.push(attr("ref").expect("ref")),
        "sector" if parent == Some("iati-activity") => {
            assert_eq!(attr("vocabulary").as_deref(), Some("1"));
            parsed.sectors.push(attr("code").expect("code"));
        }
        "value" => assert_eq!(attr("currency").as_deref(), Some("MAD")),
        _ => {}
    }
}

fn parse(xml: &str) -> Parsed {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut parsed = Parsed::default();
    let mut path: Vec<String> = Vec::new();
    let mut activity = String::new();
    let mut kind = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                start(&e, path.last().map(String::as_str), &mut parsed, &mut kind);
                path.push(e.local_name().as_ref().to_owned());
            }
            Event::Empty(e) => start(&e, path.last().map(String::as_str), &mut parsed, &mut kind),
            Event::Text(t) => {
                let text = t.xml10_content().to_string();
                match path.last().map(String::as_str) {
                    Some("iati-identifier") => {
                        activity = text.clone();
                        parsed.identifiers.push(text);
                    }
                    Some("value") => {
                        *parsed
                            .sums
                            .entry((activity.clone(), kind.clone()))
                            .or_default() += centimes(&text);
                        *parsed
                            .counts
                            .entry((activity.clone(), kind.clone()))
                            .or_default() += 1;
                    }
                    _ => {}
                }
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    parsed
}

async fn post_keyed(
    app: &TestApp,
    path: &str,
    user: &TestUser,
    key: &str,
    body: &serde_json::Value,
) {
    let r = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .expect("request");
    let r = app.send(r).await;
    assert!(r.status.is_success(), "{path}: {}", r.text());
}

#[tokio::test]
async fn a_verified_association_publishes_its_iati_file_and_the_figures_match_its_books() {
    publishes_the_iati_file(TestApp::new().await).await;
    if let Some(app) = TestApp::postgres().await {
        publishes_the_iati_file(app).await;
    }
}

async fn publishes_the_iati_file(app: TestApp) {
    let (campaign, owner, scope) = crate::donations::collecting(&app).await;
    let org = scope.org_id().0;
    for (key, body) in [
        (
            "iati-donation-1",
            json!({"kind": "money", "amount": "1000.00", "currency": "MAD", "method": "card"}),
        ),
        (
            "iati-donation-2",
            json!({"kind": "money", "amount": "200.50", "currency": "MAD", "method": "cash"}),
        ),
        (
            "iati-donation-3",
            json!({"kind": "in_kind", "items": [{"item": "Couverture", "quantity": 40, "unit": "pièce"}]}),
        ),
    ] {
        let r = app.donate(campaign, &owner.token, key, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
    let treasurer = app
        .member(
            scope.org_id(),
            OrgRole::Treasurer,
            "treasurer-iati@example.ma",
        )
        .await;
    let admin = app
        .member(scope.org_id(), OrgRole::Admin, "admin-iati@example.ma")
        .await;
    // An approved expense, and one still waiting (not an expenditure yet).
    for (key, amount) in [("iati-expense-1", "300.00"), ("iati-expense-2", "45.00")] {
        post_keyed(
            &app,
            &format!("/api/v1/campaigns/{campaign}/expenses"),
            &treasurer,
            key,
            &crate::ledger::expense_body(amount, "Tentes pour Asni"),
        )
        .await;
    }
    let expenses = app
        .get(
            &format!("/api/v1/campaigns/{campaign}/expenses"),
            Some(&owner.token),
        )
        .await
        .json();
    let approved = expenses
        .as_array()
        .expect("expenses")
        .iter()
        .find(|e| e["amount"] == "300.00")
        .and_then(|e| e["id"].as_i64())
        .expect("the 300.00 expense");
    let r = app
        .post_json(
            &format!("/api/v1/expenses/{approved}/approve"),
            Some(&admin.token),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // A draft campaign is not public: it is not published.
    let draft = app.campaign(&scope, owner.id, "Brouillon interne").await;

    // A programme whose batch the bank paid.
    let (household, batch) = crate::registry::household_with_batch(
        &app,
        &scope,
        owner.id,
        treasurer.id,
        "Lahcen",
        "EE222222",
    )
    .await;
    let batch_view = app
        .get(
            &format!("/api/v1/payment-batches/{batch}"),
            Some(&treasurer.token),
        )
        .await
        .json();
    let message_id = batch_view["message_id"]
        .as_str()
        .expect("message id")
        .to_owned();
    let report = StatusReport {
        version: Pain002Version::V10,
        message_id: "BANK-IATI".into(),
        created_at: "2026-11-29T10:00:00".into(),
        original_message_id: message_id.clone(),
        original_message_name: "pain.001.001.09".into(),
        group_status: None,
        group_reason: None,
        payment_infos: vec![twiza_iso20022::pain002::PaymentInfoStatus {
            original_payment_info_id: message_id.clone(),
            status: None,
            reason: None,
        }],
        transactions: vec![TransactionStatus::paid(
            &message_id,
            &format!("B{batch}H{household}"),
        )],
    };
    let r = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri(format!("/api/v1/payment-batches/{batch}/status-report"))
                .header("authorization", format!("Bearer {}", treasurer.token))
                .header("content-type", "application/xml")
                .body(Body::from(
                    twiza_iso20022::pain002::to_xml(&report).expect("pain.002"),
                ))
                .expect("request"),
        )
        .await;
    assert_eq!(r.json()["paid"], 1, "{}", r.text());
    let paid = centimes(batch_view["total"].as_str().expect("total"));
    assert!(paid > 0);
    let programme = app.store.programmes(&scope).await.expect("programmes")[0].id;

    // Not published yet: the public address is not found.
    let file = format!("/open-data/iati/{org}.xml");
    assert_eq!(app.get(&file, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get("/open-data/iati/nothing.xml", None).await.status,
        StatusCode::NOT_FOUND
    );

    // The treasurer's page says what the file will hold, with the identifiers.
    let page_path = format!("/associations/{org}/open-data/iati");
    let page = app
        .page(Method::GET, &page_path, Some(&treasurer), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    let identifier = format!("MA-TWIZA-{org}");
    let campaign_id = format!("{identifier}-C{campaign}");
    let programme_id = format!("{identifier}-P{programme}");
    assert!(html.contains(&campaign_id) && html.contains(&programme_id));
    assert!(!html.contains(&format!("{identifier}-C{draft}")));
    assert!(html.contains("id=\"iati-publish\""));

    let r = app
        .page(
            Method::POST,
            &page_path,
            Some(&treasurer),
            &[("action", "publish")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.headers[header::LOCATION],
        format!("/associations/{org}/open-data/iati?done=published").as_str()
    );
    let page = app
        .page(
            Method::GET,
            &format!("{page_path}?done=published"),
            Some(&treasurer),
            &[],
        )
        .await;
    assert!(page.text().contains("id=\"done\"") && page.text().contains(&file));

    // The file, to everyone.
    let r = app.get(&file, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "application/xml; charset=utf-8"
    );
    let xml = r.text();
    if let Ok(dir) = std::env::var("TWIZA_ARTIFACTS") {
        std::fs::create_dir_all(&dir).expect("artifacts");
        std::fs::write(std::path::Path::new(&dir).join("iati-web.xml"), &xml).expect("write");
    }
    let parsed = parse(&xml);
    assert_eq!(
        parsed.identifiers,
        vec![campaign_id.clone(), programme_id.clone()]
    );
    assert!(parsed.reporting_refs.iter().all(|r| *r == identifier));
    // An emergency campaign of a relief association, and a programme of social protection.
    assert_eq!(parsed.sectors, vec!["72010", "16010"]);
    // The campaign where the association sits (Asni), the programme where its household lives.
    assert_eq!(
        parsed.locations,
        vec![
            "MA-HCP-07.041.07.03".to_owned(),
            "MA-HCP-07.041.07.05".to_owned()
        ]
    );
    let asni = twiza_geo::CommuneCode::parse("07.041.07.03").expect("code");
    let asni = twiza_geo::geo().commune(&asni).expect("Asni");
    assert!(xml.contains(&format!(
        "<narrative xml:lang=\"ar\">{}</narrative>",
        asni.name_ar
    )));
    assert!(xml.contains(&format!(
        "<narrative xml:lang=\"fr\">{}</narrative>",
        asni.name_fr
    )));
    assert!(xml.contains("<pos>"));

    // The transactions are the books' figures: money raised, approved expenses, paid transfers.
    let books = app.store.campaign_report(campaign).await.expect("report");
    let sum = |activity: &str, kind: &str| {
        parsed
            .sums
            .get(&(activity.to_owned(), kind.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    assert_eq!(sum(&campaign_id, "1"), books.raised_centimes);
    assert_eq!(books.raised_centimes, 120_050);
    assert_eq!(sum(&campaign_id, "4"), books.spent_centimes);
    assert_eq!(books.spent_centimes, 30_000);
    assert_eq!(sum(&programme_id, "3"), paid);
    assert_eq!(sum(&campaign_id, "3") + sum(&programme_id, "1"), 0);
    // Donations are summed per day: both of today's gifts are one incoming-funds transaction.
    assert_eq!(
        parsed.counts.get(&(campaign_id.clone(), "1".to_owned())),
        Some(&1)
    );

    // Nobody is named: no donor, member, household, identity number, phone or reference.
    for private in [
        "owner@example.ma",
        "treasurer-iati@example.ma",
        "Test user",
        "Lahcen",
        "Ouhammou",
        "خديجة",
        "EE222222",
        "0662000111",
        "212662000111",
        "HH-",
        "Tikht",
        "Brouillon interne",
        "011780000012345678901296",
    ] {
        assert!(!xml.contains(private), "the file holds {private:?}");
    }

    // Withdrawn: not found again; published again: the same identifiers.
    let r = app
        .page(
            Method::POST,
            &page_path,
            Some(&treasurer),
            &[("action", "unpublish")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get(&file, None).await.status, StatusCode::NOT_FOUND);
    let r = app
        .page(
            Method::POST,
            &page_path,
            Some(&owner),
            &[("action", "publish")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let again = parse(&app.get(&file, None).await.text());
    assert_eq!(again.identifiers, vec![campaign_id, programme_id]);

    // A coordinator does not publish.
    let coordinator = app
        .member(
            scope.org_id(),
            OrgRole::Coordinator,
            "coordinator-iati@example.ma",
        )
        .await;
    let r = app
        .page(
            Method::POST,
            &page_path,
            Some(&coordinator),
            &[("action", "unpublish")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(app.get(&file, None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_association_not_verified_is_refused_and_nothing_is_published() {
    refuses_the_unverified(TestApp::new().await).await;
    if let Some(app) = TestApp::postgres().await {
        refuses_the_unverified(app).await;
    }
}

async fn refuses_the_unverified(app: TestApp) {
    let owner = app.user("pending-owner@example.ma", None).await;
    let org = app
        .org(&owner, "En attente", "9/2019", OrgStatus::Pending)
        .await;
    let page_path = format!("/associations/{}/open-data/iati", org.0);
    let r = app
        .page(
            Method::POST,
            &page_path,
            Some(&owner),
            &[("action", "publish")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    let refusal = app
        .state
        .messages
        .t(twiza_i18n::Locale::Ar, "error-organization-not-verified");
    assert!(
        r.text().contains(&refusal),
        "the refusal is said on the page"
    );
    assert_eq!(app.store.iati_publication(org).await.expect("read"), None);
    assert_eq!(
        app.get(&format!("/open-data/iati/{}.xml", org.0), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The use case refuses the same, with its stable code.
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let refused = twiza_app::iati::publish(&app.store, &scope, owner.id).await;
    assert!(matches!(
        refused,
        Err(twiza_app::Error::Refused(
            twiza_domain::Refusal::OrganizationNotVerified
        ))
    ));
}
