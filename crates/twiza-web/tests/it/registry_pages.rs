//! The registry on pages: a household registered with its members on one page (more rows by a
//! plain submit), found by a member's name in another script, by reference and by douar; its
//! page read into its access log; a consent withdrawn and a member's record corrected with its
//! reason; the printable export; a household file imported after a dry run; a duplicate pair
//! decided; bad input refused next to the field with nothing written; the API's rectification
//! and withdrawal; retention as a job on the operations page; each on SQLite and PostgreSQL.

use crate::harness::{TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole};

struct Desk {
    org: OrgId,
    owner: TestUser,
    coordinator: TestUser,
    agent: TestUser,
}

async fn desk(app: &TestApp) -> Desk {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    Desk {
        org,
        owner,
        coordinator,
        agent,
    }
}

fn scope(org: OrgId) -> OrgScope {
    OrgScope::for_member(org, OrgRole::Owner)
}

/// The registration form of a household of two: a head written in Latin letters and a child in
/// Arabic, in Asni.
fn household_form<'a>(head: &'a str, cin: &'a str, birth: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("rows", "3"),
        ("commune", "07.041.07.05"),
        ("douar", "Tikht"),
        ("address", ""),
        ("housing_damage", "total"),
        ("consent_purpose", "registration"),
        ("consent_legal_basis", "consent"),
        ("consent_channel", "in_person"),
        ("m1_given_name_lat", head),
        ("m1_family_name_lat", "El Idrissi"),
        ("m1_sex", "m"),
        ("m1_birth_date", birth),
        ("m1_relation", "head"),
        ("m1_cin", cin),
        ("m1_phone", "0662000111"),
        ("m2_given_name_ar", "خديجة"),
        ("m2_family_name_ar", "الإدريسي"),
        ("m2_sex", "f"),
        ("m2_birth_date", "2019-02-10"),
        ("m2_relation", "child"),
        ("m2_schooling", "preschool"),
        ("m3_given_name_ar", ""),
    ]
}

async fn households(app: &TestApp, org: OrgId, owner: &TestUser) -> usize {
    app.store
        .search_households(
            &scope(org),
            &twiza_store::HouseholdSearch {
                limit: 100,
                ..Default::default()
            },
            twiza_store::Reader {
                account: owner.id,
                purpose: "test",
            },
        )
        .await
        .expect("search")
        .households
        .len()
}

/// The path a page redirected to.
fn location(r: &crate::harness::Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

fn link(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..at + html[at..].find('>')?];
    let href = tag.split("href=\"").nth(1)?.split('"').next()?;
    Some(href.replace("&amp;", "&"))
}

async fn register(app: &TestApp, d: &Desk, head: &str, cin: &str) -> i64 {
    let path = format!("/associations/{}/households", d.org.0);
    let r = app
        .page(
            Method::POST,
            &path,
            Some(&d.agent),
            &household_form(head, cin, "1979-04-02"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    location(&r)
        .split("registered=")
        .nth(1)
        .and_then(|id| id.parse().ok())
        .expect("registered id")
}

async fn households_on_pages(app: TestApp) {
    let d = desk(&app).await;
    let org = d.org.0;
    // The way in: the association's home links to the registry, and the registry to its form.
    let home = app
        .page(
            Method::GET,
            &format!("/associations/{org}/manage"),
            Some(&d.agent),
            &[],
        )
        .await
        .text();
    let list_path = link(&home, "households-link").expect("registry link");
    let list = app.page(Method::GET, &list_path, Some(&d.agent), &[]).await;
    assert_eq!(list.status, StatusCode::OK);
    let form_path = link(&list.text(), "register-household").expect("form link");
    let form = app.page(Method::GET, &form_path, Some(&d.agent), &[]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("name=\"m3_given_name_ar\""));
    assert!(!form.text().contains("name=\"m4_given_name_ar\""));

    // "More rows" keeps what was typed and adds rows; nothing is written.
    let mut more = household_form("Mohamed", "BE819283", "1979-04-02");
    more.push(("more", "1"));
    let r = app
        .page(
            Method::POST,
            &format!("/associations/{org}/households"),
            Some(&d.agent),
            &more,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(html.contains("name=\"m6_given_name_ar\""));
    assert!(html.contains("value=\"Mohamed\""));
    assert_eq!(households(&app, d.org, &d.owner).await, 0);

    // Registered by a field agent.
    let id = register(&app, &d, "Mohamed", "BE819283").await;
    assert_eq!(households(&app, d.org, &d.owner).await, 1);

    // Found by the head's name written in Arabic, by reference and by douar; not by another name.
    for query in [
        "name=%D9%85%D8%AD%D9%85%D8%AF",
        "name=Mohammed",
        "douar=Tik",
    ] {
        let r = app
            .page(
                Method::GET,
                &format!("/associations/{org}/households?{query}"),
                Some(&d.coordinator),
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.text().contains(&format!("id=\"household-{id}\"")),
            "{query} finds the household"
        );
    }
    let none = app
        .page(
            Method::GET,
            &format!("/associations/{org}/households?name=Fatima"),
            Some(&d.coordinator),
            &[],
        )
        .await
        .text();
    assert!(!none.contains(&format!("id=\"household-{id}\"")));

    // The household's page: members, consents, the access log (a coordinator's view).
    let page_path = format!("/associations/{org}/households/{id}");
    let page = app
        .page(Method::GET, &page_path, Some(&d.coordinator), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    let html = page.text();
    assert!(html.contains("Mohamed") && html.contains("خديجة"));
    assert!(html.contains("BE819283"), "identifiers for a coordinator");
    assert!(html.contains("id=\"read-list\""));
    // A field agent sees the household, not its identifiers nor its access log.
    let agent_view = app
        .page(Method::GET, &page_path, Some(&d.agent), &[])
        .await
        .text();
    assert!(agent_view.contains("Mohamed") && !agent_view.contains("BE819283"));
    assert!(!agent_view.contains("id=\"read-list\""));
    let reads = app.store.household_reads(&scope(d.org), id).await.unwrap();
    assert!(reads
        .iter()
        .any(|r| r.account_id == d.coordinator.id.0 && r.what.starts_with("household")));
    assert!(reads
        .iter()
        .any(|r| r.account_id == d.coordinator.id.0 && r.what == "list"));

    // A consent withdrawn: dated, kept, and a second withdrawal is refused next to the field.
    let withdraw = format!("{page_path}/consents/withdrawal");
    let denied = app
        .page(
            Method::POST,
            &withdraw,
            Some(&d.agent),
            &[("purpose", "registration")],
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let r = app
        .page(
            Method::POST,
            &withdraw,
            Some(&d.coordinator),
            &[("purpose", "registration")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(!app.store.has_consent(id, "registration").await.unwrap());
    let again = app
        .page(
            Method::POST,
            &withdraw,
            Some(&d.coordinator),
            &[("purpose", "registration")],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().contains("id=\"purpose-error\""));

    // A member's record corrected: the reason is required, an impossible date refused; then
    // saved with its reason, the fields named, the values not.
    let view = app
        .store
        .household(
            &scope(d.org),
            &app.state.config.personal_data,
            id,
            twiza_store::Reader {
                account: d.owner.id,
                purpose: "test",
            },
            twiza_store::ReadScope {
                identifiers: false,
                sensitive: false,
            },
        )
        .await
        .unwrap();
    let head = view.members[0].id;
    let page = app
        .page(Method::GET, &page_path, Some(&d.coordinator), &[])
        .await
        .text();
    let rectify_path = link(&page, &format!("rectify-{head}")).expect("rectify link");
    let form = app
        .page(Method::GET, &rectify_path, Some(&d.coordinator), &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("value=\"BE819283\""));
    let corrected = |birth: &'static str, reason: &'static str| {
        vec![
            ("given_name_lat", "Mohamed"),
            ("family_name_lat", "Idrissi"),
            ("sex", "m"),
            ("birth_date", birth),
            ("relation", "head"),
            ("disability", "none"),
            ("schooling", "none"),
            ("cin", "BE819283"),
            ("phone", "0662000111"),
            ("reason", reason),
        ]
    };
    let bad = app
        .page(
            Method::POST,
            &rectify_path,
            Some(&d.coordinator),
            &corrected("1979-02-30", ""),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text();
    assert!(html.contains("id=\"reason-error\"") && html.contains("value=\"Idrissi\""));
    assert!(app
        .store
        .rectifications(&scope(d.org), id)
        .await
        .unwrap()
        .is_empty());
    let r = app
        .page(
            Method::POST,
            &rectify_path,
            Some(&d.coordinator),
            &corrected("1979-04-03", "Livret de famille présenté"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let done = app.store.rectifications(&scope(d.org), id).await.unwrap();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].fields, ["family_name_lat", "birth_date"]);
    assert_eq!(done[0].reason, "Livret de famille présenté");
    // Found by the corrected name.
    let found = app
        .page(
            Method::GET,
            &format!("/associations/{org}/households?name=Idrissi"),
            Some(&d.coordinator),
            &[],
        )
        .await
        .text();
    assert!(found.contains(&format!("id=\"household-{id}\"")));

    // The export: printable, everything held, itself a logged read; not for a field agent.
    let page = app
        .page(Method::GET, &page_path, Some(&d.coordinator), &[])
        .await
        .text();
    let export_path = link(&page, "export-link").expect("export link");
    let export = app
        .page(Method::GET, &export_path, Some(&d.coordinator), &[])
        .await;
    assert_eq!(export.status, StatusCode::OK);
    let html = export.text();
    assert!(html.contains("BE819283") && html.contains("subject-export"));
    assert!(html.contains("registration"));
    assert_eq!(
        app.page(Method::GET, &export_path, Some(&d.agent), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let reads = app.store.household_reads(&scope(d.org), id).await.unwrap();
    assert_eq!(reads[0].what, "export");
}

#[tokio::test]
async fn households_are_registered_found_read_and_corrected_on_pages() {
    households_on_pages(TestApp::new().await).await;
}

#[tokio::test]
async fn households_are_registered_found_read_and_corrected_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        households_on_pages(app).await;
    }
}

async fn bad_household_input(app: TestApp) {
    let d = desk(&app).await;
    let path = format!("/associations/{}/households", d.org.0);
    let post = |form: Vec<(&'static str, &'static str)>| {
        let (app, path, agent) = (&app, path.clone(), d.agent.clone());
        async move { app.page(Method::POST, &path, Some(&agent), &form).await }
    };
    // An impossible birth date.
    let r = post(household_form("Mohamed", "BE819283", "2019-02-30")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains("href=\"#m1_birth_date\""), "in the summary");
    assert!(
        html.contains("value=\"Mohamed\""),
        "the form keeps what was typed"
    );
    // A CIN twice in the household: on the second member that carries it.
    let mut twice = household_form("Mohamed", "BE819283", "1979-04-02");
    twice.push(("m2_cin", "BE819283"));
    let r = post(twice).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"m2_cin-error\""));
    // An empty name.
    let mut nameless = household_form("", "BE819283", "1979-04-02");
    nameless.retain(|(k, _)| *k != "m1_family_name_lat");
    let r = post(nameless).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#m1_given_name_ar\""));
    // No member at all, an unknown commune.
    let r = post(vec![("rows", "3"), ("commune", "Paris")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains("href=\"#commune\""));
    assert_eq!(
        households(&app, d.org, &d.owner).await,
        0,
        "nothing written"
    );
    // A file that is not CSV or Excel.
    let upload = app
        .page_file(
            &format!("/associations/{}/household-files", d.org.0),
            &d.coordinator,
            "file",
            "scan.pdf",
            b"%PDF-1.7 not a household file",
        )
        .await;
    assert_eq!(upload.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(upload.text().contains("id=\"file-error\""));
}

#[tokio::test]
async fn bad_household_input_is_refused_next_to_the_field() {
    bad_household_input(TestApp::new().await).await;
}

#[tokio::test]
async fn bad_household_input_is_refused_next_to_the_field_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        bad_household_input(app).await;
    }
}

const FILE: &str = "household,commune,douar,housing_damage,consent_purpose,legal_basis,consent_channel,given_name_ar,given_name_lat,family_name_lat,sex,birth_date,relation,schooling,cin,phone\n\
    H1,07.041.07.05,Tikht,total,registration,consent,in_person,إبراهيم,,Ait Ouaziz,m,1980-03-01,head,,EE123456,0661234567\n\
    H1,,,,,,,,Fatima,Ait Ouaziz,f,1984-06-12,spouse,,,\n\
    H2,07.041.07.03,,none,registration,consent,paper,,Lahcen,Amrani,x,1970-01-01,head,,,\n";

async fn import_on_pages(app: TestApp) {
    let d = desk(&app).await;
    let org = d.org.0;
    let list = app
        .page(
            Method::GET,
            &format!("/associations/{org}/households"),
            Some(&d.coordinator),
            &[],
        )
        .await
        .text();
    let upload_path = link(&list, "import-households").expect("import link");
    assert_eq!(
        app.page(Method::GET, &upload_path, Some(&d.coordinator), &[])
            .await
            .status,
        StatusCode::OK
    );
    // A field agent neither sees the link nor uploads.
    let agent_list = app
        .page(
            Method::GET,
            &format!("/associations/{org}/households"),
            Some(&d.agent),
            &[],
        )
        .await
        .text();
    assert!(!agent_list.contains("id=\"import-households\""));
    let denied = app
        .page_file(&upload_path, &d.agent, "file", "f.csv", FILE.as_bytes())
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    let r = app
        .page_file(
            &upload_path,
            &d.coordinator,
            "file",
            "f.csv",
            FILE.as_bytes(),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let report_path = location(&r);
    let report = app
        .page(Method::GET, &report_path, Some(&d.coordinator), &[])
        .await;
    assert_eq!(report.status, StatusCode::OK);
    let html = report.text();
    assert!(html.contains("id=\"households-valid\">1<"));
    assert!(html.contains("id=\"households-invalid\">1<"));
    assert!(html.contains("id=\"invalid-rows\"") && html.contains(">sex<"));
    assert_eq!(households(&app, d.org, &d.owner).await, 0, "a dry run");
    // All or nothing refuses a file with errors and keeps it.
    let refused = app
        .page(
            Method::POST,
            &report_path,
            Some(&d.coordinator),
            &[("mode", "all_or_nothing")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("id=\"mode-error\""));
    assert_eq!(households(&app, d.org, &d.owner).await, 0);
    // The valid households, once: the file is not kept after.
    let r = app
        .page(
            Method::POST,
            &report_path,
            Some(&d.coordinator),
            &[("mode", "valid_only")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(location(&r).contains("imported=1"));
    assert_eq!(households(&app, d.org, &d.owner).await, 1);
    let twice = app
        .page(
            Method::POST,
            &report_path,
            Some(&d.coordinator),
            &[("mode", "valid_only")],
        )
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    assert_eq!(households(&app, d.org, &d.owner).await, 1);
    // Another association cannot read the file's report.
    let other = app.user("other@x.ma", None).await;
    let other_org = app
        .org(&other, "Autre", "9/2015", OrgStatus::Verified)
        .await;
    let r = app
        .page_file(
            &format!("/associations/{}/household-files", other_org.0),
            &other,
            "file",
            "f.csv",
            FILE.as_bytes(),
        )
        .await;
    let theirs = location(&r);
    let token = theirs.rsplit('/').next().unwrap();
    let stolen = app
        .page(
            Method::GET,
            &format!("/associations/{org}/household-files/{token}"),
            Some(&d.coordinator),
            &[],
        )
        .await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_household_file_is_imported_after_a_dry_run_on_pages() {
    import_on_pages(TestApp::new().await).await;
}

#[tokio::test]
async fn a_household_file_is_imported_after_a_dry_run_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        import_on_pages(app).await;
    }
}

async fn duplicates_on_pages(app: TestApp) {
    let d = desk(&app).await;
    let org = d.org.0;
    register(&app, &d, "Mohamed", "BE819283").await;
    register(&app, &d, "Mohammed", "BE819284").await;
    let list = app
        .page(
            Method::GET,
            &format!("/associations/{org}/households"),
            Some(&d.coordinator),
            &[],
        )
        .await
        .text();
    let queue_path = link(&list, "review-duplicates").expect("duplicates link");
    let r = app
        .page(
            Method::POST,
            &format!("/associations/{org}/duplicates/search"),
            Some(&d.coordinator),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let queue = app
        .page(Method::GET, &queue_path, Some(&d.coordinator), &[])
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    let html = queue.text();
    let pair: i64 = html
        .split("id=\"pair-")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("a pair");
    assert!(html.contains("Mohamed") && html.contains("Mohammed"));
    let decide = format!("/associations/{org}/duplicates/{pair}");
    let bad = app
        .page(
            Method::POST,
            &decide,
            Some(&d.coordinator),
            &[("decision", "maybe")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .page(
            Method::POST,
            &decide,
            Some(&d.coordinator),
            &[("decision", "different_people")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let again = app
        .page(
            Method::POST,
            &decide,
            Some(&d.coordinator),
            &[("decision", "same_person")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let after = app
        .page(Method::GET, &queue_path, Some(&d.coordinator), &[])
        .await
        .text();
    assert!(!after.contains(&format!("id=\"pair-{pair}\"")));
    assert_eq!(
        app.page(Method::GET, &queue_path, Some(&d.agent), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_duplicate_pair_is_decided_on_pages() {
    duplicates_on_pages(TestApp::new().await).await;
}

#[tokio::test]
async fn a_duplicate_pair_is_decided_on_pages_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        duplicates_on_pages(app).await;
    }
}

#[tokio::test]
async fn rectification_and_withdrawal_have_api_routes() {
    let app = TestApp::new().await;
    let d = desk(&app).await;
    let id = register(&app, &d, "Mohamed", "BE819283").await;
    let base = format!("/api/v1/organizations/{}/households/{id}", d.org.0);
    let read = app
        .get(&format!("{base}?identifiers=true"), Some(&d.owner.token))
        .await
        .json();
    let (head, child) = (
        read["members"][0]["id"].as_i64().unwrap(),
        read["members"][1]["id"].as_i64().unwrap(),
    );
    let member = json!({"given_name_lat": "Mohamed", "family_name_lat": "Idrissi", "sex": "m",
        "birth_date": "1979-04-02", "relation": "head", "cin": "BE819283", "phone": "0662000111"});
    let path = format!("{base}/members/{head}/rectification");
    // A field agent may not; a reason is required; a CIN of another member is refused.
    let denied = app
        .post_json(
            &path,
            Some(&d.agent.token),
            &json!({"member": member, "reason": "x"}),
        )
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    let r = app
        .post_json(
            &path,
            Some(&d.owner.token),
            &json!({"member": member, "reason": ""}),
        )
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "required")
    );
    let child_path = format!("{base}/members/{child}/rectification");
    let taken = json!({"given_name_ar": "خديجة", "family_name_ar": "الإدريسي", "sex": "f",
        "birth_date": "2019-02-10", "relation": "child", "cin": "BE819283"});
    let r = app
        .post_json(
            &child_path,
            Some(&d.owner.token),
            &json!({"member": taken, "reason": "Carte présentée"}),
        )
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "cin_repeated")
    );
    let r = app
        .post_json(
            &path,
            Some(&d.owner.token),
            &json!({"member": member, "reason": "Carte présentée"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["changed"], json!(["family_name_lat"]));
    // The same again changes nothing and records nothing.
    let r = app
        .post_json(
            &path,
            Some(&d.owner.token),
            &json!({"member": member, "reason": "Carte présentée"}),
        )
        .await;
    assert_eq!(r.json()["changed"], json!([]));
    assert_eq!(
        app.store
            .rectifications(&scope(d.org), id)
            .await
            .unwrap()
            .len(),
        1
    );
    // Withdrawal.
    let withdraw = format!("{base}/consents/withdrawal");
    let r = app
        .post_json(
            &withdraw,
            Some(&d.owner.token),
            &json!({"purpose": "nonsense"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post_json(
            &withdraw,
            Some(&d.owner.token),
            &json!({"purpose": "registration"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = app
        .post_json(
            &withdraw,
            Some(&d.owner.token),
            &json!({"purpose": "registration"}),
        )
        .await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "consent_not_standing")
    );
    let export = app
        .get(&format!("{base}/export"), Some(&d.owner.token))
        .await
        .json();
    assert!(export["consents"][0]["withdrawn_at"].is_i64());
}

#[tokio::test]
async fn retention_runs_once_a_day_and_shows_on_the_operations_page() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@x.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let today = time::OffsetDateTime::now_utc().date();
    let first = app
        .store
        .run_retention(today, "2026-12-01")
        .await
        .unwrap()
        .expect("claimed");
    assert_eq!((first.status.as_str(), first.households), ("done", 0));
    assert!(app
        .store
        .run_retention(today, "2026-12-01")
        .await
        .unwrap()
        .is_none());
    let home = app
        .page(Method::GET, "/admin", Some(&admin), &[])
        .await
        .text();
    let ops = link(&home, "admin-operations-link").expect("operations link");
    let page = app.page(Method::GET, &ops, Some(&admin), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("2026-12-01"));
    let r = app
        .page(
            Method::POST,
            "/admin/operations/retention",
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store
            .job_runs(twiza_store::RETENTION_JOB, 10)
            .await
            .unwrap()
            .len(),
        2
    );
    let owner = app.user("owner@x.ma", None).await;
    assert_eq!(
        app.page(Method::GET, &ops, Some(&owner), &[]).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn members_registered_before_name_keys_are_found_once_filled() {
    let app = TestApp::new().await;
    let d = desk(&app).await;
    let id = register(&app, &d, "Mohamed", "BE819283").await;
    app.store
        .execute_raw("UPDATE persons SET name_keys = NULL")
        .await
        .unwrap();
    let search = twiza_store::HouseholdSearch {
        name: Some("محمد".into()),
        limit: 10,
        ..Default::default()
    };
    let reader = twiza_store::Reader {
        account: d.owner.id,
        purpose: "test",
    };
    let scope = scope(d.org);
    let found = || app.store.search_households(&scope, &search, reader);
    assert_eq!(found().await.unwrap().households.len(), 0);
    assert_eq!(app.store.fill_name_keys(1000).await.unwrap(), 2);
    assert_eq!(app.store.fill_name_keys(1000).await.unwrap(), 0);
    assert_eq!(found().await.unwrap().households.len(), 1, "household {id}");
}
