//! The treasury's donation and payment batch pages: money and goods recorded through the form
//! (once however often it is sent), bad input answered next to each field with nothing written,
//! the list's filters and keyset pages, a donor's identity shown to the treasury only, the bank
//! file downloaded with the session, and the bank's status report uploaded and reconciled by
//! line — a bad report refused next to the file field, nothing written.

use crate::harness::{Response, TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod, PledgedItem};
use twiza_domain::donor::{DonorIdentity, IdDocument};
use twiza_domain::money::Amount;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole};
use twiza_iso20022::pain002::{Pain002Version, StatusReport, TransactionStatus};
use twiza_store::{DonationFilter, NewDonation};

/// Whether `html` holds the message `key` in one of the four languages (as the page escapes it).
fn shows(messages: &twiza_i18n::Messages, html: &str, key: &str) -> bool {
    twiza_i18n::Locale::ALL.iter().any(|&locale| {
        let text = messages
            .t(locale, key)
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;");
        html.contains(&text)
    })
}

/// Form fields as sent.
type Fields<'a> = &'a [(&'a str, &'a str)];

struct Desk {
    app: TestApp,
    org: OrgId,
    scope: OrgScope,
    owner: TestUser,
    treasurer: TestUser,
    campaign: i64,
}

async fn desk() -> Desk {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "3/2018", OrgStatus::Verified)
        .await;
    let treasurer = app
        .member(org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app
        .collecting_campaign(&scope, owner.id, "Secours Al Haouz")
        .await;
    Desk {
        app,
        org,
        scope,
        owner,
        treasurer,
        campaign,
    }
}

/// Every donation of the campaign, newest first.
async fn donations(d: &Desk) -> Vec<twiza_store::ListedDonation> {
    let filter = DonationFilter {
        limit: 200,
        ..DonationFilter::default()
    };
    d.app
        .store
        .donations_page(&d.scope, d.campaign, &filter)
        .await
        .expect("list")
        .donations
}

/// The hidden idempotency key of a fresh donation form.
async fn form_key(d: &Desk) -> String {
    let form = d
        .app
        .page(
            Method::GET,
            &format!("/campaigns/{}/donations/new", d.campaign),
            Some(&d.treasurer),
            &[],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let html = form.text();
    let start = html
        .find("name=\"idempotency_key\" value=\"")
        .expect("key field")
        + "name=\"idempotency_key\" value=\"".len();
    html[start..].split('"').next().expect("key").to_owned()
}

async fn post(d: &Desk, form: &[(&str, &str)]) -> Response {
    d.app
        .page(
            Method::POST,
            &format!("/campaigns/{}/donations", d.campaign),
            Some(&d.treasurer),
            form,
        )
        .await
}

fn location(r: &Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

#[tokio::test]
async fn money_and_goods_are_recorded_once_through_the_pages() {
    let d = desk().await;
    // From the campaign's desk to the list and the form.
    let desk_page = d
        .app
        .page(
            Method::GET,
            &format!("/campaigns/{}/desk", d.campaign),
            Some(&d.treasurer),
            &[],
        )
        .await
        .text();
    assert!(desk_page.contains("id=\"donations-link\""));
    assert!(desk_page.contains("id=\"record-donation-link\""));

    let key = form_key(&d).await;
    let money = [
        ("idempotency_key", key.as_str()),
        ("kind", "money"),
        ("amount", "250.50"),
        ("method", "bank_transfer"),
    ];
    let r = post(&d, &money).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let to = location(&r);
    let listed = donations(&d).await;
    assert_eq!(listed.len(), 1);
    let id = listed[0].id;
    assert_eq!(
        to,
        format!(
            "/campaigns/{}/donations?done=recorded&recorded={id}",
            d.campaign
        )
    );
    assert_eq!(
        listed[0].gift,
        Gift::Money {
            amount: Amount::parse("amount", "250.50").expect("amount"),
            method: PaymentMethod::BankTransfer
        }
    );
    assert_eq!(listed[0].status, DonationStatus::Confirmed);
    // The confirmation links to the printable receipt, which prints.
    let page = d
        .app
        .page(Method::GET, &to, Some(&d.treasurer), &[])
        .await
        .text();
    assert!(page.contains("id=\"done\""));
    assert!(page.contains(&format!("href=\"/donations/{id}/receipt\"")));
    let receipt = d
        .app
        .page(
            Method::GET,
            &format!("/donations/{id}/receipt"),
            Some(&d.treasurer),
            &[],
        )
        .await;
    assert_eq!(receipt.status, StatusCode::OK);

    // A double submit (the same form sent again) records nothing more.
    let again = post(&d, &money).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&again), to);
    assert_eq!(donations(&d).await.len(), 1);
    // The same key with other values is refused, nothing written, with a fresh key to retry.
    let mut changed = money;
    changed[2] = ("amount", "99.00");
    let r = post(&d, &changed).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"refusal\""));
    assert!(!r.text().contains(&key));
    assert_eq!(donations(&d).await.len(), 1);

    // Goods from the catalogue.
    let key = form_key(&d).await;
    let goods = [
        ("idempotency_key", key.as_str()),
        ("kind", "in_kind"),
        ("item_1", "blanket"),
        ("quantity_1", "40"),
        ("item_2", ""),
        ("quantity_2", ""),
        ("item_3", "tent"),
        ("quantity_3", "5"),
    ];
    let r = post(&d, &goods).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(post(&d, &goods).await.status, StatusCode::SEE_OTHER);
    let listed = donations(&d).await;
    assert_eq!(listed.len(), 2, "goods recorded once");
    assert_eq!(
        listed[0].gift,
        Gift::InKind {
            items: vec![
                PledgedItem {
                    item: "blanket".into(),
                    quantity: 40,
                    unit: "piece".into()
                },
                PledgedItem {
                    item: "tent".into(),
                    quantity: 5,
                    unit: "piece".into()
                },
            ]
        }
    );
    let list = d
        .app
        .page(
            Method::GET,
            &format!("/campaigns/{}/donations", d.campaign),
            Some(&d.treasurer),
            &[],
        )
        .await
        .text();
    assert!(
        list.contains("Couverture") || list.contains("غطاء"),
        "goods by their catalogue name"
    );
    assert!(list.contains(&format!("id=\"receipt-{}\"", listed[0].id)));
    assert!(list.contains(&format!("id=\"receipt-{id}\"")));
}

#[tokio::test]
async fn bad_donations_are_answered_next_to_the_field_and_write_nothing() {
    let d = desk().await;
    let key = form_key(&d).await;
    let cases: [(Fields, &str, &str); 7] = [
        (
            &[("kind", "money"), ("method", "cash")],
            "amount",
            "error-required",
        ),
        (
            &[("kind", "money"), ("amount", "-5"), ("method", "cash")],
            "amount",
            "error-invalid-amount",
        ),
        (
            &[("kind", "money"), ("amount", "10.505"), ("method", "cash")],
            "amount",
            "error-amount-too-precise",
        ),
        (
            &[("kind", "money"), ("amount", "10.00"), ("method", "")],
            "method",
            "error-required",
        ),
        (
            &[
                ("kind", "in_kind"),
                ("item_1", "caviar"),
                ("quantity_1", "3"),
            ],
            "item_1",
            "error-unknown-item",
        ),
        (
            &[
                ("kind", "in_kind"),
                ("item_1", "blanket"),
                ("quantity_1", "0"),
            ],
            "quantity_1",
            "error-invalid-quantity",
        ),
        (&[("kind", "in_kind")], "item_1", "error-required"),
    ];
    let messages = twiza_i18n::Messages::load().expect("messages");
    for (fields, field, message) in cases {
        let mut form = vec![("idempotency_key", key.as_str())];
        form.extend_from_slice(fields);
        let r = post(&d, &form).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        let html = r.text();
        assert!(html.contains("id=\"error-summary\""), "{fields:?}");
        assert!(html.contains(&format!("href=\"#{field}\"")), "{fields:?}");
        let after_field = &html[html.find(&format!("id=\"{field}\"")).expect("field")..];
        let next = after_field
            .find("<p class=\"error\"")
            .expect("error next to the field");
        let error = after_field[next..].split("</p>").next().expect("error");
        assert!(
            shows(&messages, error, message),
            "{fields:?}: {message}: {error}"
        );
        // What was typed is kept.
        for (name, value) in fields.iter().filter(|(n, v)| !v.is_empty() && *n != "kind") {
            if name.starts_with("item_") {
                assert!(
                    html.contains(&format!("value=\"{value}\" selected")) || *value == "caviar"
                );
            } else {
                assert!(html.contains(&format!("value=\"{value}\"")), "{name} kept");
            }
        }
    }
    assert!(donations(&d).await.is_empty(), "nothing written");
    // A forged request without the CSRF token, and other roles, change nothing.
    let forged = d
        .app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri(format!("/campaigns/{}/donations", d.campaign))
                .header(header::COOKIE, d.treasurer.cookie.clone())
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "idempotency_key={key}&kind=money&amount=10.00&method=cash"
                )))
                .expect("request"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let volunteer = d
        .app
        .member(d.org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let good = [
        ("idempotency_key", key.as_str()),
        ("kind", "money"),
        ("amount", "10.00"),
        ("method", "cash"),
    ];
    let r = d
        .app
        .page(
            Method::POST,
            &format!("/campaigns/{}/donations", d.campaign),
            Some(&volunteer),
            &good,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(donations(&d).await.is_empty(), "nothing written");
}

async fn settle(d: &Desk, key: &str, gift: Gift) -> i64 {
    d.app
        .state
        .sequencer
        .submit(NewDonation {
            campaign_id: d.campaign,
            idempotency_key: key.to_owned(),
            request_hash: twiza_domain::donation::request_hash(key.as_bytes()),
            gift,
            status: DonationStatus::Confirmed,
            provider_reference: None,
            sealed_identity: None,
        })
        .await
        .expect("donation")
        .id
}

fn cash(amount: &str, method: PaymentMethod) -> Gift {
    Gift::Money {
        amount: Amount::parse("amount", amount).expect("amount"),
        method,
    }
}

/// The donation ids a list page shows, in order.
fn ids_of(html: &str) -> Vec<i64> {
    html.split("<tr id=\"donation-")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect()
}

fn link(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let start = html[..at].rfind("href=\"")? + "href=\"".len();
    Some(
        html[start..]
            .split('"')
            .next()?
            .replace("&amp;", "&")
            .replace("&#38;", "&"),
    )
}

#[tokio::test]
async fn the_list_filters_and_pages_by_keyset() {
    let d = desk().await;
    let mut all = Vec::new();
    for n in 0..27 {
        all.push(
            settle(
                &d,
                &format!("cash-key-{n:04}"),
                cash("150.00", PaymentMethod::Cash),
            )
            .await,
        );
    }
    for n in 0..3 {
        all.push(
            settle(
                &d,
                &format!("transfer-key-{n:04}"),
                cash("5000.00", PaymentMethod::BankTransfer),
            )
            .await,
        );
    }
    let goods = Gift::InKind {
        items: vec![PledgedItem {
            item: "water".into(),
            quantity: 100,
            unit: "litre".into(),
        }],
    };
    all.push(settle(&d, "goods-key-0001", goods).await);
    all.reverse();
    let base = format!("/campaigns/{}/donations", d.campaign);
    let get = |path: String| {
        let app = &d.app;
        let user = &d.treasurer;
        async move { app.page(Method::GET, &path, Some(user), &[]).await }
    };

    // Newest first, 25 a page; next, then previous again.
    let first = get(base.clone()).await.text();
    assert_eq!(ids_of(&first), all[..25].to_vec());
    assert!(!first.contains("id=\"newer\""));
    let older = link(&first, "older").expect("a next page");
    let second = get(older).await.text();
    assert_eq!(ids_of(&second), all[25..].to_vec());
    assert!(!second.contains("id=\"older\""));
    let newer = link(&second, "newer").expect("a previous page");
    assert_eq!(ids_of(&get(newer).await.text()), all[..25].to_vec());

    // Filters, kept in the query string of the pages.
    let page = get(format!("{base}?kind=in_kind")).await.text();
    assert_eq!(ids_of(&page), vec![all[0]]);
    let page = get(format!("{base}?method=bank_transfer")).await.text();
    assert_eq!(ids_of(&page), all[1..4].to_vec());
    let page = get(format!("{base}?minimum=1000")).await.text();
    assert_eq!(ids_of(&page), all[1..4].to_vec());
    let page = get(format!("{base}?method=online")).await.text();
    assert!(ids_of(&page).is_empty());
    assert!(page.contains("id=\"no-donation\""));
    let today = time::OffsetDateTime::now_utc().date();
    let tomorrow = today.next_day().expect("tomorrow");
    let page = get(format!("{base}?from={today}&to={today}")).await.text();
    assert_eq!(ids_of(&page).len(), 25);
    let next = link(&page, "older").expect("next");
    assert!(next.contains(&format!("from={today}")) && next.contains(&format!("to={today}")));
    let page = get(format!("{base}?from={tomorrow}")).await.text();
    assert!(ids_of(&page).is_empty());
    let page = get(format!("{base}?kind=money&method=cash&minimum=100")).await;
    assert_eq!(ids_of(&page.text()).len(), 25);
    let next = link(&page.text(), "older").expect("next");
    assert!(
        next.contains("kind=money&method=cash&minimum=100"),
        "{next}"
    );
    // A filter that is not understood is said next to it.
    let page = get(format!("{base}?from=2026-13-01&minimum=1.234")).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    let after_from = &html[html.find("id=\"from\"").expect("from")..];
    assert!(
        after_from.find("class=\"error\"").expect("error")
            < after_from.find("id=\"to\"").expect("to")
    );
    let after_minimum = &html[html.find("id=\"minimum\"").expect("minimum")..];
    assert!(after_minimum.contains("class=\"error\""));
}

#[tokio::test]
async fn a_donors_identity_is_shown_to_the_treasury_only() {
    let d = desk().await;
    let identity = DonorIdentity {
        full_name: "Zineb Ouhammou".into(),
        document: IdDocument::Cin("BK734921".into()),
        country: "MA".into(),
    };
    let id = d
        .app
        .state
        .sequencer
        .submit(NewDonation {
            campaign_id: d.campaign,
            idempotency_key: "large-gift-0001".into(),
            request_hash: "h".into(),
            gift: cash("25000.00", PaymentMethod::Card),
            status: DonationStatus::Confirmed,
            provider_reference: Some("pay_00000000000000000000000000000001".into()),
            sealed_identity: Some(
                twiza_app::sealing::seal_donor_identity(
                    &d.app.state.config.personal_data,
                    d.campaign,
                    "large-gift-0001",
                    &identity,
                )
                .expect("seal"),
            ),
        })
        .await
        .expect("gift")
        .id;
    let small = settle(&d, "small-gift-0001", cash("50.00", PaymentMethod::Cash)).await;
    let list = format!("/campaigns/{}/donations", d.campaign);
    let page = d
        .app
        .page(Method::GET, &list, Some(&d.treasurer), &[])
        .await
        .text();
    assert!(!page.contains("Zineb"), "the list names no donor");
    assert!(page.contains(&format!("id=\"donor-{id}\"")));
    assert!(!page.contains(&format!("id=\"donor-{small}\"")));
    let online = d
        .app
        .page(
            Method::GET,
            &format!("{list}?method=online"),
            Some(&d.treasurer),
            &[],
        )
        .await
        .text();
    assert_eq!(ids_of(&online), vec![id]);

    let donor = link(&page, &format!("donor-{id}")).expect("donor link");
    let r = d
        .app
        .page(Method::GET, &donor, Some(&d.treasurer), &[])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Zineb Ouhammou") && r.text().contains("BK734921"));
    assert_eq!(
        r.headers
            .get(header::CACHE_CONTROL)
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    // The owner too; a volunteer, a read-only auditor and an outsider do not.
    let owner = d.app.page(Method::GET, &donor, Some(&d.owner), &[]).await;
    assert_eq!(owner.status, StatusCode::OK);
    let volunteer = d
        .app
        .member(d.org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let auditor = d
        .app
        .user("auditor@example.ma", Some(PlatformRole::Auditor))
        .await;
    let outsider = d.app.user("outsider@example.ma", None).await;
    for (who, status) in [
        (&volunteer, StatusCode::FORBIDDEN),
        (&auditor, StatusCode::FORBIDDEN),
        (&outsider, StatusCode::NOT_FOUND),
    ] {
        let r = d.app.page(Method::GET, &donor, Some(who), &[]).await;
        assert_eq!(r.status, status);
        assert!(!r.text().contains("Zineb"));
    }
    // The page's reads are in the donor access log: the treasurer's and the owner's only.
    let reads = d
        .app
        .store
        .donor_identity_reads(&OrgScope::for_member(d.org, OrgRole::Owner), id)
        .await
        .expect("reads");
    assert_eq!(
        reads
            .iter()
            .map(|(account, _)| *account)
            .collect::<Vec<_>>(),
        [d.owner.id.0, d.treasurer.id.0]
    );
    let audited = d.app.page(Method::GET, &list, Some(&auditor), &[]).await;
    assert_eq!(audited.status, StatusCode::OK);
    assert!(
        !audited.text().contains("id=\"donor-"),
        "no button for read-only staff"
    );
    // A donation without an identity has none to show.
    let none = format!("/campaigns/{}/donations/{small}/donor", d.campaign);
    assert_eq!(
        d.app
            .page(Method::GET, &none, Some(&d.treasurer), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

/// Reads a donor's identity through the page (for the log test, which owns the global log
/// subscriber): returns the donation id.
pub async fn read_donor_through_the_page(app: &TestApp) -> i64 {
    let owner = app.user("donor-reader@example.ma", None).await;
    let org = app
        .org(
            &owner,
            "Association du journal",
            "9/2019",
            OrgStatus::Verified,
        )
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.collecting_campaign(&scope, owner.id, "Campagne").await;
    let identity = DonorIdentity {
        full_name: "Yasmina Logtest".into(),
        document: IdDocument::Passport("19FV99999".into()),
        country: "FR".into(),
    };
    let id = app
        .state
        .sequencer
        .submit(NewDonation {
            campaign_id: campaign,
            idempotency_key: "logged-gift-0001".into(),
            request_hash: "h".into(),
            gift: cash("20000.00", PaymentMethod::Card),
            status: DonationStatus::Confirmed,
            provider_reference: Some("pay_00000000000000000000000000000002".into()),
            sealed_identity: Some(
                twiza_app::sealing::seal_donor_identity(
                    &app.state.config.personal_data,
                    campaign,
                    "logged-gift-0001",
                    &identity,
                )
                .expect("seal"),
            ),
        })
        .await
        .expect("gift")
        .id;
    let r = app
        .page(
            Method::GET,
            &format!("/campaigns/{campaign}/donations/{id}/donor"),
            Some(&owner),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Yasmina Logtest"));
    id
}

fn multipart(name: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----twiza-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"report.xml\"\r\nContent-Type: application/xml\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, path: &str, user: &TestUser, csrf: &str, file: &[u8]) -> Response {
    let (content_type, body) = multipart("report", file);
    app.send(
        Request::builder()
            .method(Method::POST)
            .uri(format!("{path}?csrf={csrf}"))
            .header(header::COOKIE, user.cookie.clone())
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

fn report(message_id: &str, transactions: Vec<TransactionStatus>) -> Vec<u8> {
    let report = StatusReport {
        version: Pain002Version::V10,
        message_id: "BANK-1".into(),
        created_at: "2026-11-29T10:00:00".into(),
        original_message_id: message_id.into(),
        original_message_name: "pain.001.001.09".into(),
        group_status: None,
        group_reason: None,
        payment_infos: vec![twiza_iso20022::pain002::PaymentInfoStatus {
            original_payment_info_id: message_id.into(),
            status: None,
            reason: None,
        }],
        transactions,
    };
    twiza_iso20022::pain002::to_xml(&report)
        .expect("pain.002")
        .into_bytes()
}

async fn line_statuses(
    app: &TestApp,
    scope: &OrgScope,
    batch: i64,
) -> Vec<(String, Option<String>)> {
    app.store
        .payment_lines(scope, batch, 0, 500)
        .await
        .expect("lines")
        .into_iter()
        .map(|l| (l.status, l.reason))
        .collect()
}

#[tokio::test]
async fn the_banks_report_is_uploaded_and_reconciled_by_line() {
    let d = desk().await;
    let (app, scope) = (&d.app, &d.scope);
    let (household, batch) = crate::registry::household_with_batch(
        app,
        scope,
        d.owner.id,
        d.treasurer.id,
        "Lahcen",
        "EE222222",
    )
    .await;
    let (other_household, other) = crate::registry::household_with_batch(
        app,
        scope,
        d.owner.id,
        d.treasurer.id,
        "Hassan",
        "EE333333",
    )
    .await;

    // From the association's home to the batches and one batch.
    let home = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", d.org.0),
            Some(&d.treasurer),
            &[],
        )
        .await
        .text();
    let batches = link(&home, "payment-batches-link").expect("batches link");
    let list = app
        .page(Method::GET, &batches, Some(&d.treasurer), &[])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let list = list.text();
    assert!(
        list.find(&format!("id=\"batch-{other}\"")) < list.find(&format!("id=\"batch-{batch}\""))
    );
    let page = link(&list, &format!("batch-link-{batch}")).expect("batch link");
    let html = app
        .page(Method::GET, &page, Some(&d.treasurer), &[])
        .await
        .text();
    assert!(html.contains(&format!("B{batch}H{household}")));
    assert!(!html.contains("Lahcen"), "the batch page names no one");

    // The bank file, with the browser's session.
    let file = link(&html, "pain001-link").expect("file link");
    let r = app.page(Method::GET, &file, Some(&d.treasurer), &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains("pain.001.001.09") && r.text().contains("Lahcen"));
    let reads = app
        .store
        .household_reads(scope, household)
        .await
        .expect("reads");
    assert_eq!(reads[0].what, "payment_file");
    let message_id = app
        .store
        .payment_batch(scope, batch)
        .await
        .expect("batch")
        .message_id;

    // The bank's report: the line paid, one line it names is no line of this batch.
    let upload_path = format!(
        "/associations/{}/payment-batches/{batch}/status-report",
        d.org.0
    );
    assert!(html.contains(&format!("action=\"{upload_path}?csrf=")));
    let paid = report(
        &message_id,
        vec![
            TransactionStatus::paid(&message_id, &format!("B{batch}H{household}")),
            TransactionStatus::paid(&message_id, "B999H999"),
        ],
    );
    let before = app.store.log_size().await.expect("size");
    let r = upload(app, &upload_path, &d.treasurer, &d.treasurer.csrf, &paid).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let done = location(&r);
    assert!(done.contains("done=reconciled&paid=1&rejected=0"), "{done}");
    assert!(done.ends_with("unmatched=1"), "{done}");
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);
    let html = app
        .page(Method::GET, &done, Some(&d.treasurer), &[])
        .await
        .text();
    assert!(html.contains("id=\"reconciliation\""));
    assert!(html.contains("id=\"reconciled-unmatched\""));
    assert!(html.contains("class=\"line-paid\""));
    assert_eq!(
        line_statuses(app, scope, batch).await,
        vec![("paid".to_owned(), None)]
    );
    // The same report again changes nothing.
    let r = upload(app, &upload_path, &d.treasurer, &d.treasurer.csrf, &paid).await;
    assert!(location(&r).contains("paid=0&rejected=0&pending=0&unchanged=1"));
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);

    // A rejection keeps the bank's reason, shown by the line.
    let other_id = app
        .store
        .payment_batch(scope, other)
        .await
        .expect("batch")
        .message_id;
    let rejected =
        TransactionStatus::rejected(&other_id, &format!("B{other}H{other_household}"), "AC04");
    let other_path = format!(
        "/associations/{}/payment-batches/{other}/status-report",
        d.org.0
    );
    let r = upload(
        app,
        &other_path,
        &d.treasurer,
        &d.treasurer.csrf,
        &report(&other_id, vec![rejected]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(location(&r).contains("rejected=1"));
    let html = app
        .page(Method::GET, &location(&r), Some(&d.treasurer), &[])
        .await
        .text();
    assert!(html.contains("class=\"line-rejected\"") && html.contains("AC04"));
    assert!(line_statuses(app, scope, other)
        .await
        .contains(&("rejected".to_owned(), Some("AC04".to_owned()))));
}

#[tokio::test]
async fn a_bad_report_is_refused_next_to_the_file_field_and_writes_nothing() {
    let d = desk().await;
    let (app, scope) = (&d.app, &d.scope);
    let (household, batch) = crate::registry::household_with_batch(
        app,
        scope,
        d.owner.id,
        d.treasurer.id,
        "Lahcen",
        "EE222222",
    )
    .await;
    let message_id = app
        .store
        .payment_batch(scope, batch)
        .await
        .expect("batch")
        .message_id;
    let path = format!(
        "/associations/{}/payment-batches/{batch}/status-report",
        d.org.0
    );
    let line = format!("B{batch}H{household}");
    let pain001 = app
        .get(
            &format!("/api/v1/payment-batches/{batch}/pain.001.xml"),
            Some(&d.treasurer.token),
        )
        .await
        .body;
    let other_batch = report(
        "TWIZA-999-999",
        vec![TransactionStatus::paid("TWIZA-999-999", &line)],
    );
    let good = report(
        &message_id,
        vec![TransactionStatus::paid(&message_id, &line)],
    );
    let messages = twiza_i18n::Messages::load().expect("messages");
    let before = app.store.log_size().await.expect("size");
    for (file, key) in [
        (
            b"this is not xml at all".to_vec(),
            "error-status-report-invalid",
        ),
        (
            b"<Document><Nothing/></Document>".to_vec(),
            "error-status-report-invalid",
        ),
        (pain001.clone(), "error-status-report-invalid"),
        (
            good[..good.len() / 2].to_vec(),
            "error-status-report-invalid",
        ),
        (other_batch, "error-status-report-other-batch"),
        (Vec::new(), "error-required"),
    ] {
        let r = upload(app, &path, &d.treasurer, &d.treasurer.csrf, &file).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{key}");
        let html = r.text();
        assert!(html.contains("id=\"error-summary\"") && html.contains("href=\"#report\""));
        let field = &html[html.find("id=\"report\"").expect("file field")..];
        assert!(field.contains("id=\"report-error\""), "{key}");
        let error = field[field.find("id=\"report-error\"").expect("error")..]
            .split("</p>")
            .next()
            .expect("error");
        assert!(shows(&messages, error, key), "{key}: {error}");
        assert_eq!(
            line_statuses(app, scope, batch).await,
            vec![("sent".to_owned(), None)]
        );
        assert_eq!(app.store.log_size().await.expect("size"), before);
    }
    // A report sent without the CSRF token, or by another role, changes nothing.
    let r = upload(app, &path, &d.treasurer, "forged", &good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let volunteer = app
        .member(d.org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let r = upload(app, &path, &volunteer, &volunteer.csrf, &good).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        line_statuses(app, scope, batch).await,
        vec![("sent".to_owned(), None)]
    );
    // Another association's treasurer does not find the batch.
    let stranger = app.user("stranger@example.ma", None).await;
    let theirs = app
        .org(
            &stranger,
            "Autre association",
            "8/2019",
            OrgStatus::Verified,
        )
        .await;
    let r = app
        .page(
            Method::GET,
            &format!("/associations/{}/payment-batches/{batch}", theirs.0),
            Some(&stranger),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_campaigns_ending_soon_are_those_published_that_end_within_the_days() {
    let d = desk().await;
    let draft = d.app.campaign(&d.scope, d.owner.id, "Brouillon").await;
    let ending = |today: time::Date, days: i64| {
        let (store, scope) = (&d.app.store, &d.scope);
        async move {
            twiza_app::campaigns::campaigns_ending(store, scope, today, days)
                .await
                .expect("campaigns")
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    // The published campaign ends on 2030-12-31; the draft too, but is not published.
    assert!(ending(time::macros::date!(2030 - 12 - 01), 14)
        .await
        .is_empty());
    assert_eq!(
        ending(time::macros::date!(2030 - 12 - 17), 14).await,
        vec![d.campaign]
    );
    assert_eq!(
        ending(time::macros::date!(2030 - 12 - 31), 0).await,
        vec![d.campaign]
    );
    assert!(ending(time::macros::date!(2031 - 01 - 01), 14)
        .await
        .is_empty());
    assert!(!ending(time::macros::date!(2030 - 12 - 31), 30)
        .await
        .contains(&draft));
    let other = OrgScope::for_member(OrgId(d.org.0 + 100), OrgRole::Owner);
    assert!(twiza_app::campaigns::campaigns_ending(
        &d.app.store,
        &other,
        time::macros::date!(2030 - 12 - 31),
        30
    )
    .await
    .expect("campaigns")
    .is_empty());
}
