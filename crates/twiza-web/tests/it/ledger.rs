//! The association's books through the API: expenses and their two-person rule, transfers,
//! the trial balance and the campaign report (JSON, CSV, page). Refusals write nothing.

use crate::harness::{Response, TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use base64::Engine;
use serde_json::{json, Value};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

/// A valid expense body (a one-page PDF as evidence).
pub fn expense_body(amount: &str, description: &str) -> Value {
    json!({
        "amount": amount, "currency": "MAD", "category": "programme", "paid_from": "bank",
        "description_ar": "خيام", "description_fr": description,
        "evidence": {
            "media_type": "pdf",
            "content_base64": base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.7\n% facture 42\n"),
        }
    })
}

async fn post_keyed(
    app: &TestApp,
    path: &str,
    user: &TestUser,
    key: &str,
    body: &Value,
) -> Response {
    let r = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
        .header("idempotency-key", key)
        .body(Body::from(body.to_string()))
        .expect("request");
    app.send(r).await
}

/// A collecting campaign with 1,000 MAD by card, 200 in cash and goods in kind; two treasury
/// members besides the owner.
struct Setup {
    campaign: i64,
    scope: OrgScope,
    owner: TestUser,
    treasurer: TestUser,
    admin: TestUser,
}

async fn setup(app: &TestApp) -> Setup {
    let (campaign, owner, scope) = crate::donations::collecting(app).await;
    for (key, body) in [
        (
            "donation-card-1",
            json!({"kind": "money", "amount": "1000.00", "currency": "MAD", "method": "card"}),
        ),
        (
            "donation-cash-1",
            json!({"kind": "money", "amount": "200.00", "currency": "MAD", "method": "cash"}),
        ),
        (
            "donation-goods-1",
            json!({"kind": "in_kind", "items": [{"item": "Couverture", "quantity": 40, "unit": "pièce"}]}),
        ),
    ] {
        let r = app.donate(campaign, &owner.token, key, &body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
    let treasurer = app
        .member(scope.org_id(), OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    let admin = app
        .member(scope.org_id(), OrgRole::Admin, "admin@example.ma")
        .await;
    Setup {
        campaign,
        scope,
        owner,
        treasurer,
        admin,
    }
}

async fn ledger(app: &TestApp, s: &Setup) -> Value {
    let r = app
        .get(
            &format!("/api/v1/organizations/{}/ledger", s.scope.org_id().0),
            Some(&s.treasurer.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
}

fn account(ledger: &Value, name: &str) -> String {
    ledger["accounts"]
        .as_array()
        .expect("accounts")
        .iter()
        .find(|a| a["account"] == name)
        .map_or("0.00".into(), |a| {
            a["balance"].as_str().expect("balance").to_owned()
        })
}

#[tokio::test]
async fn an_expense_approved_by_its_author_is_refused_and_nothing_is_written() {
    let app = TestApp::new().await;
    let s = setup(&app).await;
    let submitted = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "expense-key-0001",
        &expense_body("300.00", "Tentes pour Asni"),
    )
    .await;
    assert_eq!(
        submitted.status,
        StatusCode::CREATED,
        "{}",
        submitted.text()
    );
    let expense = submitted.json();
    assert_eq!(expense["status"], "submitted");
    let id = expense["id"].as_i64().expect("id");

    let size = app.store.log_size().await.expect("size");
    let books = ledger(&app, &s).await;
    let own = app
        .post_json(
            &format!("/api/v1/expenses/{id}/approve"),
            Some(&s.treasurer.token),
            &json!({}),
        )
        .await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.text());
    assert_eq!(own.error_code(), "expense_self_approval");
    assert_eq!(app.store.log_size().await.expect("size"), size, "no leaf");
    assert_eq!(ledger(&app, &s).await, books, "no ledger line");
    let listed = app
        .get(
            &format!("/api/v1/campaigns/{}/expenses", s.campaign),
            Some(&s.owner.token),
        )
        .await
        .json();
    assert_eq!(listed[0]["status"], "submitted");
    assert_eq!(listed[0]["leaf_index"], Value::Null);

    // A second treasury member approves: booked and logged.
    let approved = app
        .post_json(
            &format!("/api/v1/expenses/{id}/approve"),
            Some(&s.admin.token),
            &json!({}),
        )
        .await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.text());
    assert_eq!(approved.json()["status"], "approved");
    assert_eq!(approved.json()["leaf_index"], json!(size));
    assert_eq!(app.store.log_size().await.expect("size"), size + 1);
    let books = ledger(&app, &s).await;
    assert_eq!(account(&books, "programme_expenses"), "300.00");
    assert_eq!(account(&books, "bank"), "700.00");
    let twice = app
        .post_json(
            &format!("/api/v1/expenses/{id}/approve"),
            Some(&s.owner.token),
            &json!({}),
        )
        .await;
    assert_eq!(
        (twice.status, twice.error_code().as_str()),
        (StatusCode::CONFLICT, "expense_decided")
    );

    // The evidence is served as an attachment of its type.
    let file = app
        .get(
            &format!("/api/v1/expenses/{id}/evidence"),
            Some(&s.owner.token),
        )
        .await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(file.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ascii")
        .starts_with("attachment"));
    assert_eq!(file.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(file.body.starts_with(b"%PDF-1.7"));

    // A replay answers the same expense; the same key with another body is a conflict.
    let replay = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "expense-key-0001",
        &expense_body("300.00", "Tentes pour Asni"),
    )
    .await;
    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(
        (
            replay.json()["id"].as_i64(),
            replay.json()["replayed"].as_bool()
        ),
        (Some(id), Some(true))
    );
    let conflict = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "expense-key-0001",
        &expense_body("301.00", "Tentes pour Asni"),
    )
    .await;
    assert_eq!(conflict.error_code(), "idempotency_conflict");

    // More than is left (1,200 − 300) is refused at approval, and writes nothing.
    let big = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "expense-key-0002",
        &expense_body("900.01", "Trop"),
    )
    .await
    .json();
    let size = app.store.log_size().await.expect("size");
    let refused = app
        .post_json(
            &format!("/api/v1/expenses/{}/approve", big["id"]),
            Some(&s.admin.token),
            &json!({}),
        )
        .await;
    assert_eq!(
        (refused.status, refused.error_code().as_str()),
        (StatusCode::CONFLICT, "insufficient_funds")
    );
    assert_eq!(app.store.log_size().await.expect("size"), size);
    let rejected = app
        .post_json(
            &format!("/api/v1/expenses/{}/reject", big["id"]),
            Some(&s.admin.token),
            &json!({"reason": "Montant au-delà des fonds"}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK);
    assert_eq!(rejected.json()["status"], "rejected");
}

#[tokio::test]
async fn bad_amounts_on_expenses_and_transfers_are_refused_and_nothing_is_written() {
    let app = TestApp::new().await;
    let s = setup(&app).await;
    let other_owner = app.user("other@example.ma", None).await;
    let other = app
        .org(
            &other_owner,
            "Autre association",
            "9/2016",
            OrgStatus::Verified,
        )
        .await;
    let size = app.store.log_size().await.expect("size");
    let cases = [
        ("0", "MAD", "amount_not_positive"),
        ("0.00", "MAD", "amount_not_positive"),
        ("-5.00", "MAD", "invalid_amount"),
        ("1.005", "MAD", "amount_too_precise"),
        ("100000000.01", "MAD", "amount_too_large"),
        ("99999999999999999999", "MAD", "amount_too_large"),
        ("10.00", "EUR", "unknown_currency"),
    ];
    for (n, (amount, currency, code)) in cases.iter().enumerate() {
        let mut body = expense_body(amount, "x");
        body["currency"] = json!(currency);
        let r = post_keyed(
            &app,
            &format!("/api/v1/campaigns/{}/expenses", s.campaign),
            &s.treasurer,
            &format!("bad-expense-{n:04}"),
            &body,
        )
        .await;
        assert_eq!(
            (r.status, r.error_code()),
            (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
            "expense {amount} {currency}: {}",
            r.text()
        );
        let r = post_keyed(
            &app,
            &format!("/api/v1/organizations/{}/transfers", s.scope.org_id().0),
            &s.treasurer,
            &format!("bad-transfer-{n:04}"),
            &json!({"to_organization_id": other.0, "campaign_id": s.campaign, "amount": amount, "currency": currency}),
        )
        .await;
        assert_eq!(
            (r.status, r.error_code()),
            (StatusCode::UNPROCESSABLE_ENTITY, code.to_string()),
            "transfer {amount} {currency}: {}",
            r.text()
        );
    }
    // Evidence that is not what it claims to be.
    let mut body = expense_body("10.00", "x");
    body["evidence"]["content_base64"] =
        json!(base64::engine::general_purpose::STANDARD.encode(b"<html>"));
    let r = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "bad-evidence-1",
        &body,
    )
    .await;
    assert_eq!(r.error_code(), "invalid_evidence");
    let expenses = app
        .get(
            &format!("/api/v1/campaigns/{}/expenses", s.campaign),
            Some(&s.owner.token),
        )
        .await
        .json();
    assert_eq!(expenses, json!([]));
    let transfers = app
        .get(
            &format!("/api/v1/organizations/{}/transfers", s.scope.org_id().0),
            Some(&s.owner.token),
        )
        .await
        .json();
    assert_eq!(transfers, json!([]));
    assert_eq!(app.store.log_size().await.expect("size"), size);
}

#[tokio::test]
async fn the_books_balance_and_the_report_adds_up() {
    let app = TestApp::new().await;
    let s = setup(&app).await;
    let other_owner = app.user("other@example.ma", None).await;
    let other = app
        .org(
            &other_owner,
            "Autre association",
            "9/2016",
            OrgStatus::Verified,
        )
        .await;
    let expense = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "expense-key-0010",
        &expense_body("150.50", "Couvertures"),
    )
    .await
    .json();
    let r = app
        .post_json(
            &format!("/api/v1/expenses/{}/approve", expense["id"]),
            Some(&s.owner.token),
            &json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let sent = post_keyed(
        &app,
        &format!("/api/v1/organizations/{}/transfers", s.scope.org_id().0),
        &s.treasurer,
        "transfer-key-0001",
        &json!({"to_organization_id": other.0, "campaign_id": s.campaign, "amount": "400.00", "currency": "MAD"}),
    )
    .await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text());
    let transfer = sent.json();
    assert_eq!(
        (&transfer["status"], &transfer["direction"]),
        (&json!("pending"), &json!("out"))
    );
    // The sender cannot confirm; the receiver does.
    let by_sender = app
        .post_json(
            &format!("/api/v1/transfers/{}/confirm", transfer["id"]),
            Some(&s.owner.token),
            &json!({}),
        )
        .await;
    assert_eq!(by_sender.status, StatusCode::NOT_FOUND);
    let confirmed = app
        .post_json(
            &format!("/api/v1/transfers/{}/confirm", transfer["id"]),
            Some(&other_owner.token),
            &json!({}),
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text());
    assert_eq!(confirmed.json()["direction"], "in");
    let again = app
        .post_json(
            &format!("/api/v1/transfers/{}/confirm", transfer["id"]),
            Some(&other_owner.token),
            &json!({}),
        )
        .await;
    assert_eq!(again.error_code(), "transfer_decided");

    let books = ledger(&app, &s).await;
    assert_eq!(books["balanced"], true, "{books}");
    assert_eq!(books["total_debits"], books["total_credits"]);
    assert_eq!(account(&books, "bank"), "449.50");
    assert_eq!(account(&books, "cash"), "200.00");
    assert_eq!(account(&books, "donation_income"), "1200.00");
    assert_eq!(account(&books, "transfers_out"), "400.00");
    assert_eq!(books["in_kind_stock"][0]["quantity"], 40);
    let theirs = app
        .get(
            &format!("/api/v1/organizations/{}/ledger", other.0),
            Some(&other_owner.token),
        )
        .await
        .json();
    assert_eq!(theirs["balanced"], true);
    assert_eq!(account(&theirs, "bank"), "400.00");
    assert_eq!(account(&theirs, "transfers_in"), "400.00");
    let listed = app
        .get(
            &format!("/api/v1/organizations/{}/transfers", other.0),
            Some(&other_owner.token),
        )
        .await
        .json();
    assert_eq!(listed[0]["status"], "confirmed");

    // The public report: every figure is a sum of what was recorded.
    let report = app
        .get(&format!("/api/v1/campaigns/{}/report", s.campaign), None)
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.text());
    let report = report.json();
    assert_eq!(report["raised"], "1200.00");
    let method = |m: &str| {
        report["raised_by_method"]
            .as_array()
            .expect("methods")
            .iter()
            .find(|x| x["method"] == m)
            .cloned()
            .expect("method")
    };
    assert_eq!(method("card")["amount"], "1000.00");
    assert_eq!(method("cash")["amount"], "200.00");
    assert_eq!(method("mobile_wallet")["donations"], 0);
    assert_eq!(
        (
            &report["donations"],
            &report["money_donations"],
            &report["in_kind_donations"]
        ),
        (&json!(3), &json!(2), &json!(1))
    );
    assert_eq!(
        report["in_kind_received"],
        json!([{"item": "Couverture", "unit": "pièce", "quantity": 40}])
    );
    assert_eq!(report["in_kind_distributed"], Value::Null);
    assert_eq!(
        report["notes"],
        json!(["in_kind_distribution_not_recorded"])
    );
    assert_eq!(report["spent"], "150.50");
    assert_eq!(report["transferred_out"], "400.00");
    assert_eq!(report["balance"], "649.50");
    assert_eq!(
        report["balance"],
        json!(twiza_domain::ledger::format_centimes(
            120_000 - 15_050 - 40_000
        ))
    );

    let csv = app
        .get(
            &format!("/api/v1/campaigns/{}/report.csv", s.campaign),
            None,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers[header::CONTENT_TYPE]
        .to_str()
        .expect("ascii")
        .starts_with("text/csv"));
    let text = csv.text();
    assert!(text.starts_with("section,key,unit,value\r\n"), "{text}");
    for line in [
        "raised,card,MAD,1000.00\r\n",
        "raised,total,MAD,1200.00\r\n",
        "spent,programme,MAD,150.50\r\n",
        "transferred_out,total,MAD,400.00\r\n",
        "balance,total,MAD,649.50\r\n",
        "in_kind_distributed,in_kind_distribution_not_recorded,,\r\n",
        "in_kind_received,Couverture,pièce,40\r\n",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }

    let page = app
        .page(
            Method::GET,
            &format!("/campaigns/{}/report", s.campaign),
            None,
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("Couverture"));
    assert!(html.contains("649"), "the balance is shown");
}

#[tokio::test]
async fn a_drafts_report_exists_only_for_its_association() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "5/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let draft = app.campaign(&scope, owner.id, "Brouillon").await;
    let outsider = app.user("outsider@example.ma", None).await;
    for path in [
        format!("/api/v1/campaigns/{draft}/report"),
        format!("/api/v1/campaigns/{draft}/report.csv"),
    ] {
        assert_eq!(app.get(&path, None).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            app.get(&path, Some(&outsider.token)).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(&path, Some(&owner.token)).await.status,
            StatusCode::OK
        );
    }
    let page = app
        .page(
            Method::GET,
            &format!("/campaigns/{draft}/report"),
            None,
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_expense_waiting_and_a_transfer_arriving_are_told_by_e_mail_to_the_others() {
    let app = TestApp::new().await;
    let s = setup(&app).await;
    let r = post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "told-expense-1",
        &expense_body("50.00", "Bâches"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let expense = r.json()["id"].as_i64().expect("id");
    // Sent again (a retry): told once.
    post_keyed(
        &app,
        &format!("/api/v1/campaigns/{}/expenses", s.campaign),
        &s.treasurer,
        "told-expense-1",
        &expense_body("50.00", "Bâches"),
    )
    .await;
    let other_owner = app.user("other@example.ma", None).await;
    let other = app
        .org(
            &other_owner,
            "Autre association",
            "9/2016",
            OrgStatus::Verified,
        )
        .await;
    let r = post_keyed(
        &app,
        &format!("/api/v1/organizations/{}/transfers", s.scope.org_id().0),
        &s.treasurer,
        "told-transfer-1",
        &json!({"to_organization_id": other.0, "campaign_id": s.campaign, "amount": "100.00", "currency": "MAD"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let mut told: Vec<(String, String)> = app
        .store
        .mail_outbox(100)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| (m.recipient, m.kind))
        .collect();
    told.sort();
    assert_eq!(
        told,
        vec![
            ("other@example.ma".to_owned(), "transfer_arrived".to_owned()),
            ("owner@example.ma".to_owned(), "expense_waiting".to_owned()),
        ],
        "the owner is told (not the author, and the admin is no money role); the receiver's owner too"
    );
    let to_owner = app.store.mail_outbox(100).await.expect("outbox");
    let message = to_owner
        .iter()
        .find(|m| m.kind == "expense_waiting")
        .expect("the expense's message");
    assert!(message
        .body_text
        .contains(&format!("/expenses/{expense}/approve")));
}
