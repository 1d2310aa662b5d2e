//! Grievances on pages: filed from the household's page, found on the association's list from
//! its home, acknowledged, decided, appealed and the appeal decided by someone else; bad input
//! (an empty statement, an unknown subject, a remedy that does not fit the outcome, the first
//! decider deciding the appeal) refused next to the field with nothing written; on SQLite and
//! PostgreSQL.

use crate::harness::{TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::GrievanceFilter;

fn location(r: &crate::harness::Response) -> String {
    r.headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Whether the page says the message `key` (in any of the four languages).
fn says(app: &TestApp, html: &str, key: &str) -> bool {
    twiza_i18n::Locale::ALL.iter().any(|&l| {
        let m = app.state.messages.t(l, key);
        html.contains(&m.replace('\'', "&#39;").replace('"', "&#34;"))
    })
}

/// The status of the association's only grievance, as stored.
async fn status_of(app: &TestApp, scope: &OrgScope) -> String {
    let mut found = Vec::new();
    for status in ["received", "acknowledged", "decided", "appealed", "closed"] {
        let filter = GrievanceFilter {
            status: Some(status),
            ..GrievanceFilter::default()
        };
        found.extend(app.store.grievances(scope, filter).await.unwrap());
    }
    assert_eq!(found.len(), 1, "one grievance");
    found.remove(0).status
}

async fn post(
    app: &TestApp,
    path: &str,
    user: &TestUser,
    form: &[(&str, &str)],
) -> crate::harness::Response {
    app.page(Method::POST, path, Some(user), form).await
}

async fn filed_and_decided(app: TestApp) {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let o = org.0;
    let body = crate::registry::household_body("Lahcen", "JT123456");
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{o}/households"),
            Some(&agent.token),
            &body,
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text());
    let household = r.json()["id"].as_i64().expect("id");

    // The way in: the association's home links to the list for coordination only.
    let home = format!("/associations/{o}/manage");
    let html = app
        .page(Method::GET, &home, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains("id=\"grievances-link\""));
    let html = app.page(Method::GET, &home, Some(&agent), &[]).await.text();
    assert!(!html.contains("id=\"grievances-link\""));
    let list = format!("/associations/{o}/grievances");
    assert_eq!(
        app.page(Method::GET, &list, Some(&agent), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let html = app
        .page(Method::GET, &list, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains("id=\"no-grievance\""));

    // Filed from the household's page.
    let household_page = format!("/associations/{o}/households/{household}");
    let html = app
        .page(Method::GET, &household_page, Some(&agent), &[])
        .await
        .text();
    let new = format!("{household_page}/grievances/new");
    assert!(html.contains(&format!("href=\"{new}\"")));
    let form = app.page(Method::GET, &new, Some(&agent), &[]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("id=\"statement\""));
    // Staff record grievances received in person, by phone, SMS, letter or the web, never "by
    // USSD" (those sessions file their own); a form that says so anyway is refused.
    assert!(form.text().contains("value=\"in_person\""));
    assert!(!form.text().contains("value=\"ussd\""), "{}", form.text());
    let filing = format!("{household_page}/grievances");
    let by_ussd = post(
        &app,
        &filing,
        &agent,
        &[
            ("subject", "exclusion"),
            ("channel", "ussd"),
            ("filed_by", "member"),
            ("statement", "Recorded by hand as if by USSD."),
            ("received_on", ""),
        ],
    )
    .await;
    assert_eq!(by_ussd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(by_ussd.text().contains("id=\"channel-error\""));
    let bad = post(
        &app,
        &filing,
        &agent,
        &[
            ("subject", "nonsense"),
            ("channel", "in_person"),
            ("filed_by", "member"),
            ("statement", "   "),
            ("received_on", ""),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text();
    assert!(html.contains("id=\"subject-error\""));
    assert!(html.contains("id=\"statement-error\""));
    assert!(says(&app, &html, "error-required") || says(&app, &html, "error-validation"));
    assert!(app
        .store
        .grievances(&scope, GrievanceFilter::default())
        .await
        .unwrap()
        .is_empty());

    let words = "We were left out of the cash transfer although our house fell.";
    let filed = post(
        &app,
        &filing,
        &agent,
        &[
            ("subject", "exclusion"),
            ("channel", "in_person"),
            ("filed_by", "member"),
            ("statement", words),
            ("received_on", ""),
        ],
    )
    .await;
    assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.text());
    let back = location(&filed);
    assert_eq!(back, format!("{household_page}?done=grievance_filed"));
    let html = app.page(Method::GET, &back, Some(&agent), &[]).await.text();
    assert!(says(&app, &html, "registry-done-grievance-filed"));
    let open = app
        .store
        .grievances(&scope, GrievanceFilter::default())
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    let id = open[0].id;
    assert_eq!(open[0].household_id, household);

    // On the list, the page whole, and its steps.
    let html = app
        .page(Method::GET, &list, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains(&format!("id=\"grievance-link-{id}\"")));
    let page = format!("{list}/{id}");
    let html = app
        .page(Method::GET, &page, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains("our house fell"));
    assert!(html.contains("id=\"acknowledge-form\""));

    let r = post(&app, &format!("{page}/acknowledge"), &coordinator, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), format!("{page}?done=acknowledged"));
    assert_eq!(status_of(&app, &scope).await, "acknowledged");
    // A second acknowledgement is refused next to its button.
    let r = post(&app, &format!("{page}/acknowledge"), &coordinator, &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"decide-form\""));

    // A remedy that does not fit the outcome: refused next to the field, nothing written.
    let decision = format!("{page}/decision");
    let bad = post(
        &app,
        &decision,
        &coordinator,
        &[
            ("outcome", "rejected"),
            ("remedy", "re_enrolled"),
            ("explanation", "The index is above the threshold."),
        ],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text();
    assert!(html.contains("id=\"remedy-error\""));
    assert!(says(&app, &html, "error-remedy-mismatch"));
    assert!(
        html.contains("The index is above the threshold."),
        "the form keeps what was typed"
    );
    assert_eq!(status_of(&app, &scope).await, "acknowledged");

    let r = post(
        &app,
        &decision,
        &coordinator,
        &[
            ("outcome", "rejected"),
            ("remedy", "no_change"),
            ("explanation", "The index is above the threshold."),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), format!("{page}?done=decided"));
    assert_eq!(status_of(&app, &scope).await, "decided");

    // The appeal, recorded by the field agent; an empty one is refused first.
    let appeal = format!("{page}/appeal");
    let bad = post(&app, &appeal, &agent, &[("statement", "")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, &scope).await, "decided");
    let r = post(
        &app,
        &appeal,
        &agent,
        &[("statement", "The survey missed the collapsed room.")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(status_of(&app, &scope).await, "appealed");
    let html = app
        .page(Method::GET, &page, Some(&coordinator), &[])
        .await
        .text();
    assert!(html.contains("collapsed room"));
    assert!(html.contains("id=\"appeal-decide-form\""));

    // The first decider may not decide the appeal: next to the field, nothing written.
    let appeal_decision = format!("{page}/appeal/decision");
    let upheld = [
        ("outcome", "upheld"),
        ("remedy", "re_enrolled"),
        ("explanation", "The room is counted now."),
    ];
    let r = post(&app, &appeal_decision, &coordinator, &upheld).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let html = r.text();
    assert!(html.contains("id=\"outcome-error\""));
    assert!(says(&app, &html, "error-appeal-same-decider"));
    assert_eq!(status_of(&app, &scope).await, "appealed");

    let r = post(&app, &appeal_decision, &owner, &upheld).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), format!("{page}?done=appeal_decided"));
    assert_eq!(status_of(&app, &scope).await, "closed");
    let html = app
        .page(
            Method::GET,
            &format!("{page}?done=appeal_decided"),
            Some(&owner),
            &[],
        )
        .await
        .text();
    assert!(says(&app, &html, "grievance-done-appeal-decided"));
    assert!(html.contains("id=\"grievance-appeal-decision\""));
    assert!(!html.contains("<form method=\"post\" action=\"/associations"));
}

#[tokio::test]
async fn grievances_are_filed_and_decided_on_pages() {
    filed_and_decided(TestApp::new().await).await;
}

#[tokio::test]
async fn grievances_are_filed_and_decided_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        filed_and_decided(app).await;
    }
}

/// 52 open grievances received on different days: the 50 with the nearest deadlines on the
/// first page, in order, the other two after the "next" link, each once.
async fn a_list_page_at_a_time(app: TestApp) {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let o = org.0;
    let keys = &app.state.config.personal_data;
    let today = time::OffsetDateTime::now_utc().date();
    let body = crate::registry::household_body("Lahcen", "JT123456");
    let record = twiza_web::api::registry::record_from_json(&body, today).expect("record");
    let (household, _) = app
        .store
        .register_household(&scope, keys, &record, owner.id)
        .await
        .expect("household");
    let mut ids = Vec::new();
    for i in 0..52i64 {
        // Received `i` days ago, shuffled: the oldest has the nearest deadline.
        let days = (i * 7) % 52 + 1;
        let on = (today - time::Duration::days(days)).to_string();
        let filed = twiza_app::grievances::file(
            &app.store,
            &scope,
            owner.id,
            &app.state.config.grievance_deadlines,
            &twiza_app::grievances::GrievanceInput {
                household_id: household,
                programme_id: None,
                subject: "other",
                channel: "letter",
                filed_by: "member",
                statement: "Une lettre.",
                received_on: Some(&on),
            },
        )
        .await
        .expect("filed");
        ids.push((days, filed.id));
    }
    // Nearest deadline first: the oldest received first.
    ids.sort_by_key(|&(days, id)| (-days, id));
    let expected: Vec<i64> = ids.into_iter().map(|(_, id)| id).collect();
    let shown = |html: &str| -> Vec<i64> {
        html.split("id=\"grievance-link-")
            .skip(1)
            .filter_map(|s| s.split('"').next()?.parse().ok())
            .collect()
    };
    let first = app
        .page(
            Method::GET,
            &format!("/associations/{o}/grievances"),
            Some(&owner),
            &[],
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let html = first.text();
    assert_eq!(shown(&html), expected[..50].to_vec());
    let next = html
        .split("href=\"")
        .find_map(|s| {
            let href = s.split('"').next()?;
            href.contains("after=")
                .then(|| href.replace("&#38;", "&").replace("&amp;", "&"))
        })
        .expect("a next link");
    let html = app.page(Method::GET, &next, Some(&owner), &[]).await.text();
    assert_eq!(shown(&html), expected[50..].to_vec());
    assert!(!html.contains("id=\"more\""));
}

#[tokio::test]
async fn the_grievance_list_shows_fifty_at_a_time_by_deadline() {
    a_list_page_at_a_time(TestApp::new().await).await;
}

#[tokio::test]
async fn the_grievance_list_shows_fifty_at_a_time_by_deadline_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        a_list_page_at_a_time(app).await;
    }
}
