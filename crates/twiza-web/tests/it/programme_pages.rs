//! Programmes on pages: from the association's home to a programme created from the worked
//! example, its rules checked and saved, the consenting households enrolled, a cycle computed
//! and its households' decisions explained in words, approved by a second person only, and the
//! treasury's payment batch with its bank file; rules that do not parse and an approval by the
//! person who computed the cycle are refused next to the field with nothing written; on SQLite
//! and PostgreSQL.

use crate::harness::{TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

fn location(r: &crate::harness::Response) -> String {
    r.headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The id in `…/{kind}/{id}?…`.
fn id_after(path: &str, kind: &str) -> i64 {
    path.split(&format!("/{kind}/"))
        .nth(1)
        .and_then(|s| s.split(['?', '/']).next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no {kind} id in {path}"))
}

/// Whether the page says the message `key` (in any of the four languages).
fn says(app: &TestApp, html: &str, key: &str) -> bool {
    twiza_i18n::Locale::ALL.iter().any(|&l| {
        let m = app.state.messages.t(l, key);
        html.contains(&askama_escape(&m))
    })
}

fn askama_escape(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn register(
    app: &TestApp,
    org: i64,
    agent: &TestUser,
    given: &str,
    cin: &str,
    index: &str,
) -> i64 {
    let mut body = crate::registry::household_body(given, cin);
    body["socio_economic_index"]["value"] = serde_json::json!(index);
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{org}/households"),
            Some(&agent.token),
            &body,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_i64().expect("id")
}

async fn from_the_example_to_the_bank_file(app: TestApp) {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let treasurer = app.member(org, OrgRole::Treasurer, "t@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let o = org.0;
    let household = register(&app, o, &agent, "Lahcen", "JT123456", "9.100000").await;
    register(&app, o, &agent, "Brahim", "JT654321", "15.000000").await;

    // The way in: a link on the association's home for those who may follow it.
    let home = format!("/associations/{o}/manage");
    let html = app
        .page(Method::GET, &home, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains("id=\"programmes-link\""));
    let html = app.page(Method::GET, &home, Some(&agent), &[]).await.text();
    assert!(!html.contains("id=\"programmes-link\""));
    let list = format!("/associations/{o}/programmes");
    assert_eq!(
        app.page(Method::GET, &list, Some(&agent), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let html = app
        .page(Method::GET, &list, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains(&format!("href=\"/associations/{o}/programmes/new\"")));

    // The form comes filled with the worked example.
    let form = app
        .page(Method::GET, &format!("{list}/new"), Some(&coordinator), &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("child_rank_1_3_in_school"));
    let example = twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE;
    let fields = |rules: &'static str| {
        vec![
            ("code", "ASD"),
            ("name_ar", "الدعم الاجتماعي المباشر"),
            ("name_fr", "Aide sociale directe"),
            ("retention_days", "365"),
            ("ends_on", ""),
            ("rules", rules),
        ]
    };

    // Rules that do not parse: refused next to the field, nothing written.
    let bad = app
        .page(
            Method::POST,
            &list,
            Some(&coordinator),
            &fields("{\"eligibility\": [ oops"),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text();
    assert!(html.contains("id=\"rules-error\""));
    assert!(says(&app, &html, "error-rule-invalid-json"));
    assert!(
        html.contains("Aide sociale directe"),
        "the form keeps what was typed"
    );
    assert!(app.store.programmes(&scope).await.unwrap().is_empty());

    let created = app
        .page(Method::POST, &list, Some(&coordinator), &fields(example))
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
    let to = location(&created);
    let programme = id_after(&to, "programmes");
    let page = app.page(Method::GET, &to, Some(&coordinator), &[]).await;
    let html = page.text();
    assert!(says(&app, &html, "programme-done-created"));
    // The rules read back in words, not as codes.
    assert!(says(&app, &html, "programme-field-socio-economic-index"));
    assert!(says(&app, &html, "programme-line-child-rank-1-3-in-school"));
    // A second submission of the same form creates nothing twice.
    let again = app
        .page(Method::POST, &list, Some(&coordinator), &fields(example))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(says(&app, &again.text(), "error-programme-code-taken"));
    assert_eq!(app.store.programmes(&scope).await.unwrap().len(), 1);

    // Rules checked then saved; broken rules are refused and no version is saved.
    let base = format!("{list}/{programme}");
    let broken = example.replace("socio_economic_index", "shoe_size");
    let r = app
        .page(
            Method::POST,
            &format!("{base}/rules"),
            Some(&coordinator),
            &[("rules", &broken), ("action", "save")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"rules-error\""));
    assert!(says(&app, &r.text(), "error-rule-unknown-field"));
    let r = app
        .page(
            Method::POST,
            &format!("{base}/rules"),
            Some(&coordinator),
            &[("rules", example), ("action", "check")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("id=\"checked\""));
    let programmes = app.store.programmes(&scope).await.unwrap();
    assert_eq!(programmes[0].rules_version, 1);
    let r = app
        .page(
            Method::POST,
            &format!("{base}/rules"),
            Some(&coordinator),
            &[("rules", example), ("action", "save")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.programmes(&scope).await.unwrap()[0].rules_version,
        2
    );

    // Enrollment, then a cycle: a bad period is refused next to its field.
    let r = app
        .page(
            Method::POST,
            &format!("{base}/enrollments"),
            Some(&coordinator),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(location(&r).contains("enrolled=2"));
    let r = app
        .page(
            Method::POST,
            &format!("{base}/cycles"),
            Some(&coordinator),
            &[("period", "2026-13"), ("reference_date", "2026-11-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"period-error\""));
    let r = app
        .page(
            Method::POST,
            &format!("{base}/cycles"),
            Some(&coordinator),
            &[("period", "2026-11"), ("reference_date", "2026-11-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let cycle_path = location(&r);
    let cycle = id_after(&cycle_path, "cycles");

    // The cycle page: each household's decision in words.
    let html = app
        .page(Method::GET, &cycle_path, Some(&coordinator), &[])
        .await
        .text();
    assert!(says(&app, &html, "cycle-done-computed"));
    assert!(says(&app, &html, "programme-line-child-rank-1-3-in-school"));
    assert!(says(&app, &html, "programme-line-minimum-top-up"));
    assert!(says(&app, &html, "cycle-decision-not-eligible"));
    assert!(!html.contains("0:socio_economic_index"));
    assert!(!html.contains("minimum_top_up"));
    assert_eq!(html.matches("<tr id=\"household-").count(), 2);

    // The two-person rule: who computed the cycle cannot approve it (409, next to the field).
    let approve = format!("/associations/{o}/cycles/{cycle}/approve");
    let r = app
        .page(
            Method::POST,
            &approve,
            Some(&coordinator),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let html = r.text();
    assert!(html.contains("id=\"confirm-error\""));
    assert!(says(&app, &html, "error-two-person-rule"));
    assert_eq!(
        app.store.cycle(&scope, cycle).await.unwrap().status,
        "computed"
    );
    // Unconfirmed: nothing either.
    let r = app
        .page(Method::POST, &approve, Some(&treasurer), &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.store.cycle(&scope, cycle).await.unwrap().status,
        "computed"
    );
    let r = app
        .page(
            Method::POST,
            &approve,
            Some(&treasurer),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        app.store.cycle(&scope, cycle).await.unwrap().approved_by,
        Some(treasurer.id.0)
    );

    // The treasury's batch: a bad account refused next to the field; then the batch page and
    // its bank file.
    let payee = app
        .post_json(
            &format!("/api/v1/organizations/{o}/households/{household}/payee"),
            Some(&treasurer.token),
            &serde_json::json!({"kind": "rib", "account": crate::registry::valid_rib()}),
        )
        .await;
    assert!(payee.status.is_success(), "{}", payee.text());
    let batch = format!("/associations/{o}/cycles/{cycle}/payment-batch");
    let rib = crate::registry::valid_rib();
    let r = app
        .page(
            Method::POST,
            &batch,
            Some(&treasurer),
            &[
                ("debtor_name", "Tiwizi Asni"),
                ("debtor_account", "MA00 0000"),
                ("execution_date", "2026-11-30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"debtor-account-error\""));
    let r = app
        .page(
            Method::POST,
            &batch,
            Some(&treasurer),
            &[
                ("debtor_name", "Tiwizi Asni"),
                ("debtor_account", &rib),
                ("execution_date", "2026-11-30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let batch_page = location(&r);
    let batch_id = id_after(&batch_page, "payment-batches");
    let html = app
        .page(Method::GET, &batch_page, Some(&treasurer), &[])
        .await
        .text();
    assert!(html.contains("pain.001.xml"));
    let file = app
        .page(
            Method::GET,
            &format!("/associations/{o}/payment-batches/{batch_id}/pain.001.xml"),
            Some(&treasurer),
            &[],
        )
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let xml = file.text();
    assert!(xml.contains("pain.001.001.09") && xml.contains("<NbOfTxs>1</NbOfTxs>"));
    // A second batch for the cycle is refused.
    let r = app
        .page(
            Method::POST,
            &batch,
            Some(&treasurer),
            &[
                ("debtor_name", "Tiwizi Asni"),
                ("debtor_account", &rib),
                ("execution_date", "2026-11-30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_programme_from_the_example_to_the_bank_file_on_pages() {
    from_the_example_to_the_bank_file(TestApp::new().await).await;
}

#[tokio::test]
async fn a_programme_from_the_example_to_the_bank_file_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        from_the_example_to_the_bank_file(app).await;
    }
}

/// A cycle of 52 households: 50 on its first page, the next two after the "next" link, each
/// household once.
async fn a_cycle_page_at_a_time(app: TestApp) {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let o = org.0;
    for n in 0..52 {
        let cin = format!("JT{:06}", 100_000 + n);
        register(&app, o, &agent, "Lahcen", &cin, "9.100000").await;
    }
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let saved = twiza_app::programmes::create(
        &app.store,
        &scope,
        coordinator.id,
        &twiza_app::programmes::ProgrammeInput {
            code: "ASD",
            name_ar: "الدعم الاجتماعي المباشر",
            name_fr: "Aide sociale directe",
            retention_days: 365,
            ends_on: None,
            rules: twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE,
        },
    )
    .await
    .expect("programme");
    let base = format!("/associations/{o}/programmes/{}", saved.programme_id);
    let r = app
        .page(
            Method::POST,
            &format!("{base}/enrollments"),
            Some(&coordinator),
            &[],
        )
        .await;
    assert!(location(&r).contains("enrolled=52"));
    let r = app
        .page(
            Method::POST,
            &format!("{base}/cycles"),
            Some(&coordinator),
            &[("period", "2026-11"), ("reference_date", "2026-11-01")],
        )
        .await;
    let first = app
        .page(Method::GET, &location(&r), Some(&coordinator), &[])
        .await
        .text();
    assert_eq!(first.matches("<tr id=\"household-").count(), 50);
    let next = first
        .split("id=\"more\"")
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .and_then(|s| s.split('"').next())
        .expect("a next link")
        .replace("&#38;", "&");
    assert!(next.contains("after="), "{next}");
    let second = app
        .page(Method::GET, &next, Some(&coordinator), &[])
        .await
        .text();
    assert_eq!(second.matches("<tr id=\"household-").count(), 2);
    assert!(!second.contains("id=\"more\""));
    let ids = |html: &str| -> Vec<String> {
        html.split("<tr id=\"household-")
            .skip(1)
            .filter_map(|s| s.split('"').next().map(str::to_owned))
            .collect()
    };
    let mut all = ids(&first);
    all.extend(ids(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 52);
}

#[tokio::test]
async fn a_cycle_shows_its_households_fifty_at_a_time() {
    a_cycle_page_at_a_time(TestApp::new().await).await;
}

#[tokio::test]
async fn a_cycle_shows_its_households_fifty_at_a_time_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_cycle_page_at_a_time(app).await;
    }
}
