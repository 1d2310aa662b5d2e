//! Crisis coordination on pages: the incident board reached from the association's home, the
//! pledge form (once per key, bad quantities refused next to the field), the contact of an
//! assigned need (its read recorded), an authority's triage (verify, merge side by side,
//! assign), and the declaration form that declares once.

use crate::harness::{Response, TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, PlatformRole};

const IGHIL: &str = "07.041.07.05";

/// A need reported on the public API; returns its id and reference.
async fn report(
    app: &TestApp,
    incident: i64,
    households: i64,
    phone: Option<&str>,
) -> (i64, String) {
    let mut body = json!({"commune": IGHIL, "category": "shelter", "urgency": "critical",
                          "households": households});
    if let Some(phone) = phone {
        body["contact_name"] = json!("Fatima Ait Ali");
        body["contact_phone"] = json!(phone);
    }
    let r = app
        .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let v = r.json();
    (
        v["id"].as_i64().expect("id"),
        v["reference"].as_str().expect("reference").to_owned(),
    )
}

fn location(r: &Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

/// The value of the hidden `name` field of a page.
fn hidden(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} in {html}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').expect("end")].to_owned()
}

struct Setup {
    app: TestApp,
    org: OrgId,
    coordinator: TestUser,
    volunteer: TestUser,
    incident: i64,
    need: i64,
    reference: String,
}

async fn setup(app: TestApp) -> Setup {
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let owner = app.user("owner@relief.ma", None).await;
    let org = app
        .org(&owner, "Secours Atlas", "10/2015", OrgStatus::Verified)
        .await;
    let coordinator = app
        .member(org, OrgRole::Coordinator, "coordinator@relief.ma")
        .await;
    let volunteer = app
        .member(org, OrgRole::Volunteer, "volunteer@relief.ma")
        .await;
    let incident = crate::crisis::incident(&app, admin.id).await;
    let (need, reference) = report(&app, incident, 12, Some("0612345678")).await;
    Setup {
        app,
        org,
        coordinator,
        volunteer,
        incident,
        need,
        reference,
    }
}

#[tokio::test]
async fn a_coordinator_pledges_from_the_board_once_and_reads_the_contact() {
    pledges_from_the_board(TestApp::new().await).await;
    if let Some(app) = TestApp::postgres().await {
        pledges_from_the_board(app).await;
    }
}

async fn pledges_from_the_board(app: TestApp) {
    let Setup {
        app,
        org,
        coordinator,
        volunteer,
        incident,
        need,
        reference,
    } = setup(app).await;
    let home = format!("/associations/{}/manage", org.0);
    let list = format!("/associations/{}/incidents", org.0);
    let board = format!("{list}/{incident}");

    // Reached by links from the association's home; a volunteer has no link and no board.
    let page = app.page(Method::GET, &home, Some(&coordinator), &[]).await;
    assert!(page.text().contains(&format!("href=\"{list}\"")));
    let page = app.page(Method::GET, &home, Some(&volunteer), &[]).await;
    assert!(!page.text().contains(&format!("href=\"{list}\"")));
    for path in [&list, &board] {
        let r = app.page(Method::GET, path, Some(&volunteer), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let page = app.page(Method::GET, &list, Some(&coordinator), &[]).await;
    assert!(page.text().contains(&format!("href=\"{board}\"")));

    // The board: the need with its explained priority, the map, coverage, the 3W and its CSV.
    let page = app.page(Method::GET, &board, Some(&coordinator), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains(&format!("id=\"need-{need}\"")), "{html}");
    // The need is named by its reference, as the public and the reporter know it.
    assert!(
        html.contains(&format!("class=\"need-reference\">{reference}</span>")),
        "{html}"
    );
    assert!(
        !html.contains(&format!(">#{need}<")),
        "not by its internal number"
    );
    assert!(html.contains("class=\"map\""));
    assert!(html.contains(&format!("/api/v1/incidents/{incident}/exports/3w.csv")));
    assert!(html.contains("id=\"coverage\"") && html.contains("id=\"three-w\""));
    let pledge = format!("/associations/{}/needs/{need}/pledge", org.0);
    assert!(html.contains(&format!("href=\"{pledge}\"")));
    let contact = format!("/associations/{}/needs/{need}/contact", org.0);
    assert!(
        !html.contains(&contact),
        "no contact before the need is ours"
    );
    let fr = app
        .send(
            axum::http::Request::get(board.as_str())
                .header(header::COOKIE, &coordinator.cookie)
                .header(header::ACCEPT_LANGUAGE, "fr")
                .body(axum::body::Body::empty())
                .expect("req"),
        )
        .await
        .text();
    assert!(fr.contains("urgence 40 + personnes"), "{fr}");

    // Bad input: zero, beyond the need, not a number, a date gone; nothing written.
    let form = app
        .page(Method::GET, &pledge, Some(&coordinator), &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form
        .text()
        .contains(&format!("id=\"need-reference\">{reference}</span>")));
    let key = hidden(&form.text(), "creation_key");
    assert_eq!(key.len(), 32);
    for (households, due_on, field) in [
        ("0", "2099-01-01", "households"),
        ("13", "2099-01-01", "households"),
        ("douze", "2099-01-01", "households"),
        ("12", "2020-01-01", "due_on"),
    ] {
        let r = app
            .page(
                Method::POST,
                &pledge,
                Some(&coordinator),
                &[
                    ("households", households),
                    ("description", "12 tentes familiales"),
                    ("due_on", due_on),
                    ("creation_key", &key),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{households}");
        let html = r.text();
        assert!(html.contains(&format!("href=\"#{field}\"")), "{html}");
        assert!(
            html.contains("12 tentes familiales"),
            "what was typed is kept"
        );
    }
    assert!(app
        .store
        .pledges_page(incident, 0, 10)
        .await
        .expect("q")
        .is_empty());
    // The API applies the same rule: it calls the same use case.
    let r = app
        .post_json(
            &format!(
                "/api/v1/organizations/{}/incidents/{incident}/pledges",
                org.0
            ),
            Some(&coordinator.token),
            &json!({"need_id": need, "commune": IGHIL, "category": "shelter", "households": 13,
                    "description": "13 tentes", "due_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.error_code(), "pledge_beyond_need");

    // Good, sent twice at once (a double click), then once more (the back button): one pledge.
    let good = [
        ("households", "12"),
        ("description", "12 tentes familiales"),
        ("due_on", "2099-01-01"),
        ("creation_key", key.as_str()),
    ];
    let (first, twin) = tokio::join!(
        app.page(Method::POST, &pledge, Some(&coordinator), &good),
        app.page(Method::POST, &pledge, Some(&coordinator), &good)
    );
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.text());
    assert_eq!(twin.status, StatusCode::SEE_OTHER, "{}", twin.text());
    assert!(location(&first).starts_with(&format!("{board}?done=pledged")));
    let again = app
        .page(Method::POST, &pledge, Some(&coordinator), &good)
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let pledges = app.store.pledges_page(incident, 0, 10).await.expect("q");
    assert_eq!(pledges.len(), 1);
    assert_eq!(pledges[0].households, 12);
    let done = location(&first);
    let done = done.split('#').next().expect("path");
    let page = app.page(Method::GET, done, Some(&coordinator), &[]).await;
    let html = page.text();
    assert!(html.contains("id=\"done\""));
    assert!(html.contains(&format!("href=\"{contact}\"")), "{html}");

    // The contact: read by the coordinator, the read recorded for the reporter.
    let r = app
        .page(Method::GET, &contact, Some(&coordinator), &[])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("+212612345678"));
    let releases = app.store.need_contact_releases(need, 10).await.expect("q");
    assert_eq!(releases.len(), 1);
    let follow = app.get(&format!("/needs/{reference}"), None).await.text();
    assert!(follow.contains("id=\"need-releases\""), "{follow}");
    assert!(!follow.contains("612345678"));
    // A volunteer and read-only platform roles read no contact, and nothing is recorded.
    let r = app.page(Method::GET, &contact, Some(&volunteer), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let auditor = app
        .user("auditor@cour.ma", Some(PlatformRole::Auditor))
        .await;
    let r = app.page(Method::GET, &contact, Some(&auditor), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.page(Method::GET, &board, Some(&auditor), &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        !r.text().contains(&pledge),
        "a reader sees no pledge action"
    );
    assert_eq!(
        app.store
            .need_contact_releases(need, 10)
            .await
            .expect("q")
            .len(),
        1
    );
}

#[tokio::test]
async fn an_association_not_yet_verified_is_offered_no_pledge() {
    let app = TestApp::new().await;
    let owner = app.user("owner@new.ma", None).await;
    let org = app
        .org(&owner, "Nouvelle", "11/2015", OrgStatus::Pending)
        .await;
    let incident = crate::crisis::incident(&app, owner.id).await;
    let (need, _) = report(&app, incident, 3, None).await;
    let board = format!("/associations/{}/incidents/{incident}", org.0);
    let html = app
        .page(Method::GET, &board, Some(&owner), &[])
        .await
        .text();
    assert!(html.contains(&format!("id=\"need-{need}\"")));
    assert!(!html.contains("/pledge\""));
    let r = app
        .page(
            Method::POST,
            &format!("/associations/{}/needs/{need}/pledge", org.0),
            Some(&owner),
            &[
                ("households", "3"),
                ("description", "x"),
                ("due_on", "2099-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(app
        .store
        .pledges_page(incident, 0, 10)
        .await
        .expect("q")
        .is_empty());
}

#[tokio::test]
async fn an_authority_verifies_merges_and_assigns_from_its_pages() {
    triages(TestApp::new().await).await;
    if let Some(app) = TestApp::postgres().await {
        triages(app).await;
    }
}

async fn triages(app: TestApp) {
    let Setup {
        app,
        org,
        coordinator,
        incident,
        need,
        reference,
        ..
    } = setup(app).await;
    let authority = app
        .authority("governor@interieur.gov.ma", "province", Some("07.041"))
        .await;
    let (duplicate, duplicate_reference) = report(&app, incident, 12, None).await;

    // Reached from the navigation: the incidents, then the incident's board with triage links.
    let nav = app
        .page(Method::GET, "/", Some(&authority), &[])
        .await
        .text();
    assert!(nav.contains("href=\"/authority/incidents\""));
    let list = app
        .page(Method::GET, "/authority/incidents", Some(&authority), &[])
        .await
        .text();
    let board = format!("/authority/incidents/{incident}/needs");
    assert!(list.contains(&format!("href=\"{board}\"")), "{list}");
    let html = app
        .page(Method::GET, &board, Some(&authority), &[])
        .await
        .text();
    assert!(html.contains(&format!("href=\"/authority/needs/{duplicate}\"")));
    assert!(html.contains(&format!(
        "class=\"need-reference\">{duplicate_reference}</span>"
    )));
    assert!(!html.contains("/pledge\""), "an authority does not pledge");
    // Association members do not triage.
    for path in [board.clone(), format!("/authority/needs/{need}")] {
        let r = app.page(Method::GET, &path, Some(&coordinator), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }

    // The likely duplicate, side by side with the need it repeats and the reasons.
    let triage = format!("/authority/needs/{duplicate}");
    let html = app
        .page(Method::GET, &triage, Some(&authority), &[])
        .await
        .text();
    assert!(html.contains(&format!("data-need=\"{duplicate}\"")));
    // Both needs named by their references.
    assert!(html.contains(&format!(
        "id=\"need-reference\">{duplicate_reference}</span>"
    )));
    assert!(
        html.contains(&format!("<span dir=\"ltr\">{reference}</span></h2>")),
        "{html}"
    );
    assert!(html.contains(&format!("data-need=\"{need}\"")), "{html}");
    assert!(html.contains("id=\"duplicate-reasons\""));
    assert_eq!(hidden_input(&html, "into"), need.to_string());

    // Bad input: merged into itself, into no number, into no need; nothing written.
    let merge = format!("{triage}/merge");
    let dup = duplicate.to_string();
    for into in [dup.as_str(), "abc", "99999"] {
        let r = app
            .page(Method::POST, &merge, Some(&authority), &[("into", into)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{into}");
        assert!(r.text().contains("id=\"into-error\""), "{into}");
    }
    let status = |id: i64| {
        let app = &app;
        async move { app.store.need(id).await.expect("q").expect("need").status }
    };
    assert_eq!(status(duplicate).await.as_str(), "reported");

    // Verify the need kept, then merge the duplicate into it.
    let r = app
        .page(
            Method::POST,
            &format!("/authority/needs/{need}/verify"),
            Some(&authority),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(status(need).await.as_str(), "verified");
    let r = app
        .page(
            Method::POST,
            &merge,
            Some(&authority),
            &[("into", &need.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), format!("/authority/needs/{need}?done=merged"));
    assert_eq!(status(duplicate).await.as_str(), "merged");

    // Assign: nothing chosen, a pending association, then the verified one.
    let owner = app.user("owner@pending.ma", None).await;
    let pending = app
        .org(&owner, "En attente", "12/2015", OrgStatus::Pending)
        .await;
    let assign = format!("/authority/needs/{need}/assign");
    let pending_id = pending.0.to_string();
    for (value, code) in [("", "validation"), (pending_id.as_str(), "not-verified")] {
        let r = app
            .page(
                Method::POST,
                &assign,
                Some(&authority),
                &[("organization_id", value)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{code}");
        assert!(r.text().contains("id=\"organization_id-error\""), "{code}");
    }
    assert!(app
        .store
        .need_assignments(need)
        .await
        .expect("q")
        .is_empty());
    let html = app
        .page(
            Method::GET,
            &format!("/authority/needs/{need}"),
            Some(&authority),
            &[],
        )
        .await
        .text();
    assert!(
        html.contains(&format!("<option value=\"{}\"", org.0)),
        "the province's associations"
    );
    let r = app
        .page(
            Method::POST,
            &assign,
            Some(&authority),
            &[("organization_id", &org.0.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let assigned = app.store.need_assignments(need).await.expect("q");
    assert_eq!(assigned.len(), 1);
    assert_eq!(assigned[0].organization_id, org.0);

    // An authority of another province triages nothing here.
    let other = app
        .authority("governor@chichaoua.gov.ma", "province", Some("07.161"))
        .await;
    let (third, _) = report(&app, incident, 2, None).await;
    let r = app
        .page(
            Method::POST,
            &format!("/authority/needs/{third}/verify"),
            Some(&other),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(status(third).await.as_str(), "reported");
}

/// The value of the visible input `name`.
fn hidden_input(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("id=\"{name}\" name=\"{name}\""))
        .unwrap_or_else(|| panic!("no {name}"));
    let rest = &html[at..];
    let v = rest.find("value=\"").expect("value") + 7;
    rest[v..v + rest[v..].find('"').expect("end")].to_owned()
}

#[tokio::test]
async fn the_declaration_form_sent_twice_declares_one_incident() {
    declares_once(TestApp::new().await).await;
    if let Some(app) = TestApp::postgres().await {
        declares_once(app).await;
    }
}

async fn declares_once(app: TestApp) {
    let governor = app
        .authority("governor@interieur.gov.ma", "province", Some("07.041"))
        .await;
    let form = app
        .page(
            Method::GET,
            "/authority/incidents/new",
            Some(&governor),
            &[],
        )
        .await
        .text();
    let key = hidden(&form, "creation_key");
    assert_eq!(key.len(), 32);
    let fields = [
        ("province", "07.041"),
        ("kind", "earthquake"),
        ("title_ar", "زلزال الحوز"),
        ("title_fr", "Séisme d’Al Haouz"),
        ("started_on", "2023-09-08"),
        ("commune", IGHIL),
        ("creation_key", key.as_str()),
    ];
    // A bad first try keeps the key, so the corrected form still declares once.
    let mut bad = fields.to_vec();
    bad.retain(|(k, _)| *k != "title_ar");
    let r = app
        .page(Method::POST, "/authority/incidents", Some(&governor), &bad)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(hidden(&r.text(), "creation_key"), key);
    let (first, again) = tokio::join!(
        app.page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &fields
        ),
        app.page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &fields
        )
    );
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&first), location(&again));
    assert_eq!(app.store.incidents(None, 10).await.expect("q").len(), 1);
    // Another form (a new key) declares another incident.
    let form = app
        .page(
            Method::GET,
            "/authority/incidents/new",
            Some(&governor),
            &[],
        )
        .await
        .text();
    let other = hidden(&form, "creation_key");
    assert_ne!(other, key);
    let mut second = fields.to_vec();
    second.retain(|(k, _)| *k != "creation_key");
    second.push(("creation_key", &other));
    let r = app
        .page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &second,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.incidents(None, 10).await.expect("q").len(), 2);
}
