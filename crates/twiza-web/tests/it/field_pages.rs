//! The field agent's pages on SQLite and PostgreSQL: communes given on the members page, the
//! agent's section at the top of the association's home, the field assessment kept to the
//! agent's communes and written once per form, and a household registered once by thumb with
//! its blank member rows left out.

use crate::harness::{Response, TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope};
use twiza_i18n::Locale;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const KEY: &str = "0123456789abcdef0123456789abcdef";

struct Team {
    org: OrgId,
    owner: TestUser,
    agent: TestUser,
    incident: i64,
}

async fn team(app: &TestApp) -> Team {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let incident = crate::crisis::incident(app, owner.id).await;
    Team {
        org,
        owner,
        agent,
        incident,
    }
}

async fn get(app: &TestApp, user: &TestUser, path: &str) -> Response {
    app.page(Method::GET, path, Some(user), &[]).await
}

async fn post(app: &TestApp, user: &TestUser, path: &str, form: &[(&str, &str)]) -> Response {
    app.page(Method::POST, path, Some(user), form).await
}

fn location(r: &Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

fn message(app: &TestApp, key: &str) -> String {
    app.state.messages.t(Locale::Ar, key)
}

fn assessment(commune: &str, key: &str) -> Vec<(String, String)> {
    [
        ("commune", commune),
        ("category", "water"),
        ("urgency", "critical"),
        ("households", "7"),
        ("idempotency_key", key),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

async fn send_assessment(app: &TestApp, t: &Team, form: &[(String, String)]) -> Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    post(
        app,
        &t.agent,
        &format!(
            "/associations/{}/incidents/{}/assessments",
            t.org.0, t.incident
        ),
        &form,
    )
    .await
}

async fn communes_and_assessments(app: TestApp) {
    let t = team(&app).await;
    let org = t.org.0;
    let home = format!("/associations/{org}/manage");
    let members = format!("/associations/{org}/members");
    let give = format!("/associations/{org}/members/{}/communes", t.agent.id.0);

    // No commune yet: the agent's home says so, and who assigns them; the owner sees no
    // agent's section.
    let html = get(&app, &t.agent, &home).await.text();
    let section = html.find("id=\"field-work\"").expect("the agent's section");
    assert!(section < html.find("id=\"members-link\"").expect("members link"));
    assert!(html.contains("id=\"field-no-communes\""));
    assert!(html.contains(&message(&app, "field-no-communes")));
    assert!(!get(&app, &t.owner, &home)
        .await
        .text()
        .contains("field-work"));

    // Only a manager gives communes.
    assert_eq!(
        post(&app, &t.agent, &give, &[("communes", IGHIL)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = post(&app, &t.owner, &give, &[("communes", "Nulle part")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains(&format!("id=\"communes-error-{}\"", t.agent.id.0)));
    assert!(html.contains("value=\"Nulle part\""));
    let r = post(&app, &t.owner, &give, &[("communes", IGHIL)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(location(&r).contains("done=communes_set"));
    let scope = OrgScope::for_member(t.org, OrgRole::Owner);
    assert_eq!(
        app.store
            .member_communes(&scope, t.agent.id)
            .await
            .expect("q"),
        vec![IGHIL.to_owned()]
    );
    let html = get(&app, &t.owner, &members).await.text();
    let ighil = twiza_geo::geo()
        .commune(&twiza_geo::CommuneCode::parse(IGHIL).expect("code"))
        .expect("Ighil")
        .name_ar
        .clone();
    assert!(html.contains(&ighil), "the commune by name");
    assert_eq!(
        app.store
            .commune_changes(&scope, 10)
            .await
            .expect("q")
            .len(),
        1
    );

    // The home now lists the agent's communes and offers the incident's assessment.
    let html = get(&app, &t.agent, &home).await.text();
    assert!(html.contains("id=\"field-communes\"") && html.contains(&ighil));
    assert!(html.contains("id=\"field-needs-empty\""));
    let form_path = format!(
        "/associations/{org}/incidents/{}/assessments/new",
        t.incident
    );
    assert!(html.contains(&format!("href=\"{form_path}\"")));

    // The form offers only the agent's communes and carries its key.
    let html = get(&app, &t.agent, &form_path).await.text();
    assert!(html.contains(&format!("value=\"{IGHIL}\"")));
    assert!(!html.contains(&format!("value=\"{ASNI}\"")));
    assert!(html.contains("name=\"idempotency_key\""));

    // Outside the agent's communes: refused next to the commune, nothing written.
    let r = send_assessment(&app, &t, &assessment(ASNI, KEY)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let html = r.text();
    assert!(html.contains("id=\"commune-error\""));
    assert!(html.contains(&message(&app, "error-outside-agent-communes")));
    // A count that is not a number comes back next to its field.
    let mut bad = assessment(IGHIL, KEY);
    bad[3].1 = "sept".into();
    let r = send_assessment(&app, &t, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("value=\"sept\""));

    // In Ighil, sent twice: written once, verified, listed on the agent's home.
    for _ in 0..2 {
        let r = send_assessment(&app, &t, &assessment(IGHIL, KEY)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        assert!(location(&r).ends_with("/manage?done=assessed"));
    }
    let html = get(&app, &t.agent, &format!("{home}?done=assessed"))
        .await
        .text();
    assert!(html.contains(&message(&app, "field-done-assessed")));
    assert_eq!(html.matches("id=\"field-need-").count(), 1);
    let needs = app
        .store
        .needs_page(t.incident, &Default::default(), 0, 100)
        .await
        .expect("needs");
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].status.as_str(), "verified");

    // The API goes through the same rule.
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{org}/incidents/{}/assessments",
                t.incident
            ),
            Some(&t.agent.token),
            &json!({"commune": ASNI, "category": "food", "urgency": "high"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert_eq!(r.json()["error"]["code"], "outside_agent_communes");

    // Gone with the member.
    let r = post(
        &app,
        &t.owner,
        &format!("/associations/{org}/members/{}/remove", t.agent.id.0),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(app
        .store
        .member_communes(&scope, t.agent.id)
        .await
        .expect("q")
        .is_empty());
}

#[tokio::test]
async fn an_agent_is_given_communes_and_assesses_only_there_once_per_form() {
    communes_and_assessments(TestApp::new().await).await;
}

#[tokio::test]
async fn an_agent_is_given_communes_and_assesses_only_there_once_per_form_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        communes_and_assessments(app).await;
    }
}

/// A household of one with two member rows left blank as the form shows them (the choices
/// without an empty option still at their first value).
fn household(key: &str) -> Vec<(&str, &str)> {
    vec![
        ("rows", "3"),
        ("creation_key", key),
        ("commune", IGHIL),
        ("douar", "Tikht"),
        ("address", ""),
        ("housing_damage", "total"),
        ("consent_purpose", "registration"),
        ("consent_legal_basis", "consent"),
        ("consent_channel", "in_person"),
        ("m1_given_name_ar", "فاطمة"),
        ("m1_family_name_ar", "أيت علي"),
        ("m1_sex", "f"),
        ("m1_birth_date", "1980-03-01"),
        ("m1_relation", "head"),
        ("m2_disability", "none"),
        ("m2_schooling", "none"),
        ("m3_disability", "none"),
        ("m3_schooling", "none"),
    ]
}

async fn household_once(app: TestApp) {
    let t = team(&app).await;
    let org = t.org.0;
    let html = get(
        &app,
        &t.agent,
        &format!("/associations/{org}/households/new"),
    )
    .await
    .text();
    assert!(html.contains("name=\"creation_key\" value=\""));
    assert!(html.contains("class=\"stack thumb\""));
    let path = format!("/associations/{org}/households");
    let mut ids = Vec::new();
    for _ in 0..2 {
        let r = post(&app, &t.agent, &path, &household(KEY)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
        ids.push(location(&r));
    }
    assert_eq!(ids[0], ids[1], "the same household answers the second send");
    let found = app
        .store
        .search_households(
            &OrgScope::for_member(t.org, OrgRole::Owner),
            &twiza_store::HouseholdSearch {
                limit: 100,
                ..Default::default()
            },
            twiza_store::Reader {
                account: t.owner.id,
                purpose: "test",
            },
        )
        .await
        .expect("search")
        .households;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].members, 1, "blank rows make no member");
    // Another form (another key) registers another household.
    let other = "fedcba9876543210fedcba9876543210";
    let r = post(&app, &t.agent, &path, &household(other)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_ne!(location(&r), ids[0]);
}

#[tokio::test]
async fn a_household_form_sent_twice_registers_one_household_without_blank_members() {
    household_once(TestApp::new().await).await;
}

#[tokio::test]
async fn a_household_form_sent_twice_registers_one_household_without_blank_members_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        household_once(app).await;
    }
}

async fn deliveries_on_the_home(app: TestApp) {
    let t = team(&app).await;
    let org = t.org.0;
    let scope = OrgScope::for_member(t.org, OrgRole::Owner);
    let (incident, need, _) =
        crate::crisis::incident_with_pledged_need(&app, &scope, t.owner.id, "Fatima", "0661000000")
            .await;
    let api = |path: &str| format!("/api/v1/organizations/{org}/{path}");
    let r = app
        .post_json(
            &api("warehouses"),
            Some(&t.owner.token),
            &json!({"name": "Dépôt", "commune": ASNI}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let warehouse = r.json()["id"].as_i64().expect("warehouse");
    let r = app
        .post_json(
            &api("stock"),
            Some(&t.owner.token),
            &json!({"warehouse_id": warehouse, "item": "tent", "quantity": 20,
                    "source": "purchase", "reference": "TWZ-1"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = app
        .post_json(
            &api("deliveries"),
            Some(&t.owner.token),
            &json!({"incident_id": incident, "need_id": need, "warehouse_id": warehouse,
                    "item": "tent", "quantity": 12, "households": 12}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let delivery = r.json()["id"].as_i64().expect("delivery");
    let home = format!("/associations/{org}/manage");
    let give = format!("/associations/{org}/members/{}/communes", t.agent.id.0);
    let link = format!("href=\"/associations/{org}/deliveries/{delivery}\"");

    // In another commune: nothing waits there.
    post(&app, &t.owner, &give, &[("communes", ASNI)]).await;
    let html = get(&app, &t.agent, &home).await.text();
    assert!(html.contains("id=\"field-deliveries-empty\""));
    assert!(!html.contains(&link));

    // In Ighil: the delivery and its need, and the way to the code.
    post(
        &app,
        &t.owner,
        &give,
        &[("communes", &format!("{ASNI}, {IGHIL}"))],
    )
    .await;
    let html = get(&app, &t.agent, &home).await.text();
    assert!(html.contains(&format!("id=\"field-delivery-{delivery}\"")));
    assert!(html.contains(&link));
    assert!(html.contains(&format!("id=\"field-need-{need}\"")));
    let page = get(
        &app,
        &t.agent,
        &format!("/associations/{org}/deliveries/{delivery}"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("id=\"confirm-form\""));
}

#[tokio::test]
async fn the_agents_home_leads_to_the_deliveries_waiting_in_their_communes() {
    deliveries_on_the_home(TestApp::new().await).await;
}

#[tokio::test]
async fn the_agents_home_leads_to_the_deliveries_waiting_in_their_communes_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        deliveries_on_the_home(app).await;
    }
}
