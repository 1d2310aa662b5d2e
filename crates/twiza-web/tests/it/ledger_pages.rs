//! The treasury's ledger pages, on SQLite and PostgreSQL: an expense submitted with a real PDF,
//! refused to its author (no button, and a forged approval answered with the two-person rule,
//! nothing written), approved by a second member after the check, and seen in the books and the
//! report; a transfer sent after its check and confirmed by the receiver; bad input answered
//! next to its field with nothing written.

use crate::harness::{Response, TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use twiza_domain::ledger::ExpenseStatus;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope};
use twiza_i18n::Locale;

/// A small, well-formed one-page PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

/// An association with a collecting campaign holding 450 MAD, and three treasury members.
struct Books {
    org: OrgId,
    scope: OrgScope,
    campaign: i64,
    treasurer: TestUser,
    admin: TestUser,
}

async fn books(app: &TestApp, number: &str) -> Books {
    let tag = number.replace('/', "-");
    let owner = app.user(&format!("owner-{tag}@example.ma"), None).await;
    let org = app
        .org(&owner, "Association", number, OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app
        .collecting_campaign(&scope, owner.id, "Secours Asni")
        .await;
    for key in ["donation-1", "donation-2", "donation-3"] {
        app.recorded_donation(campaign, &format!("{key}-{number}"))
            .await;
    }
    let treasurer = app
        .member(
            org,
            OrgRole::Treasurer,
            &format!("treasurer-{tag}@example.ma"),
        )
        .await;
    let admin = app
        .member(org, OrgRole::Admin, &format!("admin-{tag}@example.ma"))
        .await;
    Books {
        org,
        scope,
        campaign,
        treasurer,
        admin,
    }
}

/// A multipart form as a browser sends it, with the CSRF token in the address.
async fn post_multipart(
    app: &TestApp,
    path: &str,
    user: &TestUser,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> Response {
    let boundary = "----twiza-test-boundary-7d41";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    if let Some((file_name, content_type, bytes)) = file {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let r = Request::builder()
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
    app.send(r).await
}

fn expense_fields<'a>(amount: &'a str, key: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("key", key),
        ("amount", amount),
        ("category", "programme"),
        ("paid_from", "bank"),
        ("description_ar", "خيام لأسر أسني"),
        ("description_fr", "Tentes pour les familles d’Asni"),
    ]
}

fn message(app: &TestApp, key: &str) -> String {
    app.state.messages.t(Locale::Ar, key)
}

async fn get(app: &TestApp, path: &str, user: &TestUser) -> Response {
    app.page(Method::GET, path, Some(user), &[]).await
}

async fn whole_flow(app: &TestApp) {
    let b = books(app, "11/2019").await;
    let expenses = format!("/campaigns/{}/expenses", b.campaign);

    // Reached by links: the association's home → books and transfers; the desk → expenses.
    let home = get(
        app,
        &format!("/associations/{}/manage", b.org.0),
        &b.treasurer,
    )
    .await
    .text();
    assert!(home.contains("id=\"transfers-link\""), "{home}");
    assert!(home.contains("id=\"books-link\""));
    let desk = get(
        app,
        &format!("/campaigns/{}/desk", b.campaign),
        &b.treasurer,
    )
    .await
    .text();
    assert!(desk.contains(&format!("href=\"{expenses}\" id=\"expenses-link\"")));
    let page = get(app, &expenses, &b.treasurer).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("id=\"expense-form\""));

    // The treasurer submits an expense with a real PDF.
    let fields = expense_fields("300.00", "expense-page-key-0001");
    let r = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some(("facture-42.pdf", "application/pdf", PDF)),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        r.headers[header::LOCATION],
        format!("{expenses}?done=submitted").as_str()
    );
    // The same form sent twice (a double click) submits once.
    let again = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some(("facture-42.pdf", "application/pdf", PDF)),
    )
    .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let listed = app
        .store
        .campaign_expenses(&b.scope, b.campaign, None)
        .await
        .expect("q");
    assert_eq!(listed.len(), 1);
    let id = listed[0].id;
    assert_eq!(listed[0].status, ExpenseStatus::Submitted);

    // What waits: for the admin this expense, for its author nothing.
    let admin_scope = OrgScope::for_member(b.org, OrgRole::Admin);
    let waiting = twiza_app::ledger::expenses_waiting_for(&app.store, &admin_scope, b.admin.id)
        .await
        .expect("waiting");
    assert_eq!(waiting.iter().map(|e| e.id).collect::<Vec<_>>(), vec![id]);
    let own = twiza_app::ledger::expenses_waiting_for(&app.store, &admin_scope, b.treasurer.id)
        .await
        .expect("waiting");
    assert!(own.is_empty());

    // Its author sees no approve button; a forged approval is refused with the two-person
    // message and writes nothing.
    let mine = get(app, &format!("{expenses}?done=submitted"), &b.treasurer)
        .await
        .text();
    assert!(mine.contains("id=\"done\""));
    assert!(mine.contains(&format!("id=\"waiting-{id}\"")));
    assert!(!mine.contains(&format!("id=\"approve-{id}\"")), "{mine}");
    let before = app.store.trial_balance(&b.scope).await.expect("tb");
    let forged = app
        .page(
            Method::POST,
            &format!("/expenses/{id}/approve"),
            Some(&b.treasurer),
            &[],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let text = forged.text();
    assert!(text.contains("id=\"decision-error\""));
    assert!(text.contains(&message(app, "error-expense-self-approval")));
    let check = get(app, &format!("/expenses/{id}/approve"), &b.treasurer).await;
    assert_eq!(check.status, StatusCode::FORBIDDEN);
    assert!(!check.text().contains("id=\"confirm-approve\""));
    let expense = app
        .store
        .expense(&b.scope, id)
        .await
        .expect("q")
        .expect("e");
    assert_eq!(expense.status, ExpenseStatus::Submitted);
    assert_eq!(app.store.trial_balance(&b.scope).await.expect("tb"), before);

    // A second treasury member approves it, after the check of what will happen.
    let theirs = get(app, &expenses, &b.admin).await.text();
    assert!(theirs.contains(&format!(
        "href=\"/expenses/{id}/approve\" id=\"approve-{id}\""
    )));
    let check = get(app, &format!("/expenses/{id}/approve"), &b.admin).await;
    assert_eq!(check.status, StatusCode::OK);
    let check = check.text();
    assert!(check.contains("id=\"check-amount\""));
    assert!(check.contains("id=\"check-campaign\""));
    assert!(check.contains("id=\"check-paid-from\""));
    assert!(check.contains("id=\"confirm-approve\""));
    let r = app
        .page(
            Method::POST,
            &format!("/expenses/{id}/approve"),
            Some(&b.admin),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let expense = app
        .store
        .expense(&b.scope, id)
        .await
        .expect("q")
        .expect("e");
    assert_eq!(expense.status, ExpenseStatus::Approved);
    assert!(expense.leaf_index.is_some(), "logged");
    // Approving twice is refused on the page.
    let twice = app
        .page(
            Method::POST,
            &format!("/expenses/{id}/approve"),
            Some(&b.admin),
            &[],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);

    // The evidence downloads from the page, as it was sent.
    let file = get(app, &format!("/expenses/{id}/evidence"), &b.admin).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body, PDF);
    assert_eq!(file.headers[header::CONTENT_TYPE], "application/pdf");

    // The books: balanced, the expense on its account and in the journal by account.
    let books_page = format!("/associations/{}/books", b.org.0);
    let page = get(app, &books_page, &b.treasurer).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains(&message(app, "books-balanced")));
    assert!(text.contains(&message(app, "ledger-account-programme-expenses")));
    assert!(text.contains(&format!("id=\"report-{}\"", b.campaign)));
    assert!(text.contains(&format!(
        "href=\"/api/v1/campaigns/{}/report.csv\"",
        b.campaign
    )));
    let journal = get(
        app,
        &format!("{books_page}?account=programme_expenses&from=2020-01-01&to=2099-12-31"),
        &b.treasurer,
    )
    .await
    .text();
    assert_eq!(journal.matches("<tr id=\"line-").count(), 1, "{journal}");
    assert!(journal.contains(&message(app, "ledger-source-expense")));
    // A period before the expense shows no line.
    let empty = get(
        app,
        &format!("{books_page}?account=programme_expenses&to=2020-01-01"),
        &b.treasurer,
    )
    .await
    .text();
    assert!(!empty.contains("<tr id=\"line-"));
    // A filter that is not understood is answered next to its field.
    let bad = get(
        app,
        &format!("{books_page}?account=nope&from=31-12-2026"),
        &b.treasurer,
    )
    .await
    .text();
    assert!(bad.contains("id=\"error-summary\""));
    assert!(bad.contains("href=\"#account\""));
    assert!(bad.contains("href=\"#from\""));

    // The report (printable, with its CSV) shows the expense.
    let report = app
        .page(
            Method::GET,
            &format!("/campaigns/{}/report", b.campaign),
            None,
            &[],
        )
        .await
        .text();
    assert!(report.contains("id=\"report-csv\""));
    assert!(report.contains("class=\"noprint\""));
    let r = app.store.campaign_report(b.campaign).await.expect("report");
    assert_eq!(r.spent_centimes, 30_000);

    // A volunteer reaches none of these pages.
    let volunteer = app
        .member(b.org, OrgRole::Volunteer, "volunteer-flow@example.ma")
        .await;
    for path in [
        expenses.clone(),
        books_page,
        format!("/associations/{}/transfers", b.org.0),
    ] {
        let r = get(app, &path, &volunteer).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let home = get(
        app,
        &format!("/associations/{}/manage", b.org.0),
        &volunteer,
    )
    .await
    .text();
    assert!(!home.contains("id=\"transfers-link\""));
    assert!(!home.contains("id=\"books-link\""));
}

async fn bad_input(app: &TestApp) {
    let b = books(app, "12/2019").await;
    let expenses = format!("/campaigns/{}/expenses", b.campaign);

    // Missing fields and no file: every error next to its field, what was typed kept.
    let fields = vec![
        ("key", "expense-page-key-0002"),
        ("amount", ""),
        ("category", "programme"),
        ("paid_from", "bank"),
        ("description_ar", ""),
        ("description_fr", "Couvertures gardées"),
    ];
    let r = post_multipart(app, &expenses, &b.treasurer, &fields, None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text();
    assert!(text.contains("id=\"error-summary\""));
    for field in ["amount", "description_ar", "evidence"] {
        assert!(text.contains(&format!("href=\"#{field}\"")), "{field}");
    }
    assert!(text.contains("Couvertures gardées"), "keeps what was typed");

    // A text file named .pdf is refused by its content, the message next to the file field.
    let fields = expense_fields("120.00", "expense-page-key-0003");
    let r = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some((
            "facture.pdf",
            "application/pdf",
            b"just some text, not a PDF",
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text();
    assert!(text.contains("id=\"evidence-error\""));
    assert!(text.contains(&message(app, "error-invalid-evidence")));
    // A real PDF named .png does not pass either.
    let r = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some(("photo.png", "image/png", PDF)),
    )
    .await;
    assert!(r.text().contains("id=\"evidence-error\""));

    // An amount with three decimals.
    let fields = expense_fields("12.345", "expense-page-key-0004");
    let r = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some(("facture.pdf", "application/pdf", PDF)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains(&message(app, "error-amount-too-precise")));
    assert!(app
        .store
        .campaign_expenses(&b.scope, b.campaign, None)
        .await
        .expect("q")
        .is_empty());

    // A rejection without a reason is answered next to the reason; with one, it is rejected.
    let fields = expense_fields("50.00", "expense-page-key-0005");
    let r = post_multipart(
        app,
        &expenses,
        &b.treasurer,
        &fields,
        Some(("facture.pdf", "application/pdf", PDF)),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let id = app
        .store
        .campaign_expenses(&b.scope, b.campaign, None)
        .await
        .expect("q")[0]
        .id;
    let reject = format!("/expenses/{id}/reject");
    let form = get(app, &reject, &b.admin).await;
    assert_eq!(form.status, StatusCode::OK);
    let r = app
        .page(Method::POST, &reject, Some(&b.admin), &[("reason", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#reason\""));
    let expense = app
        .store
        .expense(&b.scope, id)
        .await
        .expect("q")
        .expect("e");
    assert_eq!(expense.status, ExpenseStatus::Submitted);
    let r = app
        .page(
            Method::POST,
            &reject,
            Some(&b.admin),
            &[("reason", "Facture illisible")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let expense = app
        .store
        .expense(&b.scope, id)
        .await
        .expect("q")
        .expect("e");
    assert_eq!(expense.status, ExpenseStatus::Rejected);
    let page = get(app, &format!("{expenses}?done=rejected"), &b.treasurer)
        .await
        .text();
    assert!(page.contains(&message(app, "expense-status-rejected")));
    assert!(page.contains("Facture illisible"));

    // Transfers: to itself, to an unknown association, three decimals — refused next to the
    // field, nothing written.
    let transfers = format!("/associations/{}/transfers", b.org.0);
    let own = b.org.0.to_string();
    let campaign = b.campaign.to_string();
    for (to, amount, field, key) in [
        (
            own.as_str(),
            "10.00",
            "to_organization_id",
            "error-invalid-recipient",
        ),
        (
            "987654",
            "10.00",
            "to_organization_id",
            "error-invalid-recipient",
        ),
        ("", "10.00", "to_organization_id", "error-invalid-recipient"),
    ] {
        let r = app
            .page(
                Method::POST,
                &transfers,
                Some(&b.treasurer),
                &[
                    ("to_organization_id", to),
                    ("campaign_id", &campaign),
                    ("amount", amount),
                    ("key", "transfer-page-key-0001"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{to}");
        let text = r.text();
        assert!(text.contains(&format!("href=\"#{field}\"")), "{to}");
        assert!(text.contains(&message(app, key)));
    }
    let other = books(app, "13/2019").await;
    let to = other.org.0.to_string();
    let r = app
        .page(
            Method::POST,
            &transfers,
            Some(&b.treasurer),
            &[
                ("to_organization_id", &to),
                ("campaign_id", &campaign),
                ("amount", "1.999"),
                ("key", "transfer-page-key-0002"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains(&message(app, "error-amount-too-precise")));
    // More than the campaign holds: refused when sent.
    let r = app
        .page(
            Method::POST,
            &transfers,
            Some(&b.treasurer),
            &[
                ("to_organization_id", &to),
                ("campaign_id", &campaign),
                ("amount", "100000.00"),
                ("key", "transfer-page-key-0003"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains(&message(app, "error-insufficient-funds")));
    assert!(app
        .store
        .transfers_of(&b.scope, None)
        .await
        .expect("q")
        .is_empty());
}

async fn transfer_flow(app: &TestApp) {
    let a = books(app, "21/2019").await;
    let b = books(app, "22/2019").await;
    let transfers = format!("/associations/{}/transfers", a.org.0);
    let campaign = a.campaign.to_string();
    let to = b.org.0.to_string();

    // The receiver is found by its name; the form goes to a check first.
    let page = get(app, &format!("{transfers}?q=Association"), &a.treasurer)
        .await
        .text();
    let start = page
        .find("id=\"to_organization_id\"")
        .expect("receiver list");
    let receivers = &page[start..start + page[start..].find("</select>").expect("end")];
    assert!(
        receivers.contains(&format!("<option value=\"{to}\"")),
        "{page}"
    );
    assert!(!receivers.contains(&format!("<option value=\"{}\"", a.org.0)));
    let form = [
        ("to_organization_id", to.as_str()),
        ("campaign_id", campaign.as_str()),
        ("amount", "100.00"),
        ("key", "transfer-page-key-0100"),
    ];
    let check = app
        .page(Method::POST, &transfers, Some(&a.treasurer), &form)
        .await;
    assert_eq!(check.status, StatusCode::OK);
    let text = check.text();
    assert!(text.contains("id=\"confirm-transfer\""));
    assert!(text.contains("id=\"check-to\""));
    assert!(app
        .store
        .transfers_of(&a.scope, None)
        .await
        .expect("q")
        .is_empty());
    let mut confirmed = form.to_vec();
    confirmed.push(("confirm", "yes"));
    let r = app
        .page(Method::POST, &transfers, Some(&a.treasurer), &confirmed)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    // Sent twice (the back button), it is sent once.
    let r = app
        .page(Method::POST, &transfers, Some(&a.treasurer), &confirmed)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sent = app.store.transfers_of(&a.scope, None).await.expect("q");
    assert_eq!(sent.len(), 1);
    let id = sent[0].id;

    // The receiver confirms it from its page.
    let waiting = twiza_app::ledger::transfers_to_confirm(&app.store, &b.scope)
        .await
        .expect("waiting");
    assert_eq!(waiting.len(), 1);
    let theirs = format!("/associations/{}/transfers", b.org.0);
    let page = get(app, &theirs, &b.treasurer).await.text();
    assert!(page.contains(&format!("id=\"confirm-{id}\"")));
    // The sender cannot confirm it (it is not theirs to receive).
    let r = app
        .page(
            Method::POST,
            &format!("/transfers/{id}/confirm"),
            Some(&a.treasurer),
            &[],
        )
        .await;
    assert!(matches!(
        r.status,
        StatusCode::NOT_FOUND | StatusCode::FORBIDDEN
    ));
    let r = app
        .page(
            Method::POST,
            &format!("/transfers/{id}/confirm"),
            Some(&b.treasurer),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = get(app, &format!("{theirs}?done=confirmed"), &b.treasurer)
        .await
        .text();
    assert!(page.contains(&message(app, "transfer-status-confirmed")));
    assert!(
        twiza_app::ledger::transfers_to_confirm(&app.store, &b.scope)
            .await
            .expect("waiting")
            .is_empty()
    );
    let sender = app.store.trial_balance(&a.scope).await.expect("tb");
    assert!(sender.balanced());
    assert!(sender
        .accounts
        .iter()
        .any(|x| x.account == twiza_domain::ledger::Account::TransfersOut
            && x.debit_centimes == 10_000));
}

#[tokio::test]
async fn expenses_books_and_report_on_pages_on_sqlite() {
    whole_flow(&TestApp::new().await).await;
}

#[tokio::test]
async fn expenses_books_and_report_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        whole_flow(&app).await;
    }
}

#[tokio::test]
async fn bad_input_on_ledger_pages_writes_nothing_on_sqlite() {
    bad_input(&TestApp::new().await).await;
}

#[tokio::test]
async fn bad_input_on_ledger_pages_writes_nothing_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        bad_input(&app).await;
    }
}

#[tokio::test]
async fn a_transfer_is_checked_sent_and_confirmed_on_pages_on_sqlite() {
    transfer_flow(&TestApp::new().await).await;
}

#[tokio::test]
async fn a_transfer_is_checked_sent_and_confirmed_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        transfer_flow(&app).await;
    }
}
