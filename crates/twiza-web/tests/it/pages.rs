//! Pages: accounts with CSRF, languages and direction, page weight, association registration.

use crate::harness::TestApp;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use std::io::Write;
use twiza_domain::organization::OrgStatus;
use twiza_domain::PlatformRole;

fn session_cookie(r: &crate::harness::Response) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("twiza_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn sign_up_sign_in_sign_out() {
    let app = TestApp::new().await;
    let form = [
        ("email", "Nadia@Example.ma"),
        ("password", "a long passphrase"),
        ("display_name", "Nadia"),
    ];
    let r = app.page(Method::POST, "/sign-up", None, &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let cookie = session_cookie(&r).expect("signed in after sign-up");
    assert!(r.headers.get_all(header::SET_COOKIE).iter().any(|v| v
        .to_str()
        .unwrap_or_default()
        .contains("HttpOnly; SameSite=Lax")));

    let again = app.page(Method::POST, "/sign-up", None, &form).await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    let short = app
        .page(
            Method::POST,
            "/sign-up",
            None,
            &[
                ("email", "x@example.ma"),
                ("password", "short"),
                ("display_name", "X"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);

    let wrong = app
        .page(
            Method::POST,
            "/sign-in",
            None,
            &[
                ("email", "nadia@example.ma"),
                ("password", "nope nope nope"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let ok = app
        .page(
            Method::POST,
            "/sign-in",
            None,
            &[
                ("email", "nadia@example.ma"),
                ("password", "a long passphrase"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);

    let mine = app
        .send(
            Request::get("/me/associations")
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(mine.status, StatusCode::OK);
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = TestApp::new().await;
    let user = app.user("u@example.ma", None).await;
    // A cross-site form: the session cookie rides along, the token does not.
    let forged = app
        .send(
            Request::post("/me/tokens")
                .header(header::COOKIE, &user.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("label=stolen&csrf=guess"))
                .expect("req"),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app
        .store
        .api_tokens(user.id)
        .await
        .expect("q")
        .iter()
        .all(|t| t.label != "stolen"));
    let login_csrf = app
        .send(
            Request::post("/sign-in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(
                    "email=u%40example.ma&password=correct+horse+battery&csrf=x",
                ))
                .expect("req"),
        )
        .await;
    assert_eq!(
        login_csrf.status,
        StatusCode::FORBIDDEN,
        "sign-in needs the visitor token too"
    );
    let real = app
        .page(
            Method::POST,
            "/me/tokens",
            Some(&user),
            &[("label", "mine")],
        )
        .await;
    assert_eq!(real.status, StatusCode::OK);
    assert!(real.text().contains("twz_"), "the new token is shown once");
}

#[tokio::test]
async fn arabic_by_default_and_every_language_on_request() {
    let app = TestApp::new().await;
    let home = app.get("/", None).await.text();
    assert!(home.contains(r#"<html lang="ar" dir="rtl">"#));
    for (accept, lang, dir) in [
        ("fr-FR,fr;q=0.9", "fr", "ltr"),
        ("en", "en", "ltr"),
        ("zgh", "zgh", "ltr"),
        ("de", "ar", "rtl"),
    ] {
        let r = app
            .send(
                Request::get("/directory")
                    .header(header::ACCEPT_LANGUAGE, accept)
                    .body(Body::empty())
                    .expect("req"),
            )
            .await;
        assert!(
            r.text()
                .contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{accept}"
        );
    }
    let switch = app.get("/language?to=zgh&back=%2Fdirectory", None).await;
    assert_eq!(switch.status, StatusCode::SEE_OTHER);
    assert_eq!(switch.headers[header::LOCATION], "/directory");
    let cookie = switch.headers[header::SET_COOKIE]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_owned();
    assert_eq!(cookie, "twiza_lang=zgh");
    let r = app
        .send(
            Request::get("/")
                .header(header::COOKIE, &cookie)
                .header(header::ACCEPT_LANGUAGE, "fr")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    let text = r.text();
    assert!(
        text.contains(r#"<html lang="zgh" dir="ltr">"#),
        "the cookie wins over Accept-Language"
    );
    assert!(
        text.chars().any(|c| ('\u{2D30}'..='\u{2D7F}').contains(&c)),
        "Tifinagh text"
    );
    let evil = app
        .get("/language?to=fr&back=%2F%2Fevil.example", None)
        .await;
    assert_eq!(evil.headers[header::LOCATION], "/", "no open redirect");
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip").len()
}

/// The registry's pages of `org`, with a household of two and a household file waiting for
/// its import.
async fn registry_pages(
    app: &TestApp,
    org: twiza_domain::OrgId,
    owner: &crate::harness::TestUser,
) -> Vec<String> {
    let scope = twiza_domain::OrgScope::for_member(org, twiza_domain::OrgRole::Owner);
    let keys = &app.state.config.personal_data;
    let today = time::OffsetDateTime::now_utc().date();
    let body = crate::registry::household_body("Mohamed", "BE819283");
    let record = twiza_web::api::registry::record_from_json(&body, today).expect("record");
    let (household, _) = app
        .store
        .register_household(&scope, keys, &record, owner.id)
        .await
        .expect("household");
    let token = app
        .store
        .keep_household_upload(&scope, keys, owner.id, b"household,colour\n")
        .await
        .expect("upload");
    let saved = twiza_app::programmes::create(
        &app.store,
        &scope,
        owner.id,
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
    let programme = saved.programme_id;
    twiza_app::programmes::enroll(&app.store, &scope, owner.id, programme)
        .await
        .expect("enrolled");
    let cycle = twiza_app::programmes::compute_cycle(
        &app.store,
        &scope,
        owner.id,
        programme,
        "2026-11",
        "2026-11-01",
    )
    .await
    .expect("cycle")
    .id;
    let grievance = twiza_app::grievances::file(
        &app.store,
        &scope,
        owner.id,
        &app.state.config.grievance_deadlines,
        &twiza_app::grievances::GrievanceInput {
            household_id: household,
            programme_id: Some(programme),
            subject: "exclusion",
            channel: "in_person",
            filed_by: "member",
            statement: "Notre maison est tombée et nous sommes exclus.",
            received_on: None,
        },
    )
    .await
    .expect("grievance")
    .id;
    let o = org.0;
    let base = format!("/associations/{o}/households/{household}");
    vec![
        format!("/associations/{o}/households"),
        format!("/associations/{o}/households?name=Mohamed"),
        format!("/associations/{o}/households/new"),
        base.clone(),
        format!("{base}/export"),
        format!("{base}/members/1/rectification"),
        format!("/associations/{o}/household-files"),
        format!("/associations/{o}/household-files/{token}"),
        format!("/associations/{o}/duplicates"),
        format!("/associations/{o}/programmes"),
        format!("/associations/{o}/programmes/new"),
        format!("/associations/{o}/programmes/{programme}"),
        format!("/associations/{o}/cycles/{cycle}"),
        format!("{base}/grievances/new"),
        format!("/associations/{o}/grievances"),
        format!("/associations/{o}/grievances/{grievance}"),
    ]
}

#[tokio::test]
async fn every_page_is_light_and_accessible() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let owner = app.user("owner@example.ma", None).await;
    let mut last = None;
    for i in 0..60 {
        let status = if i % 3 == 0 {
            OrgStatus::Pending
        } else {
            OrgStatus::Verified
        };
        last = Some(
            app.org(
                &owner,
                &format!("Association numéro {i} pour le développement durable et solidaire"),
                &format!("{i}/2016"),
                status,
            )
            .await,
        );
    }
    let org = last.expect("org");
    // An incident with a need the association pledged to cover (its contact then readable).
    let (incident, need, _) = crate::crisis::incident_with_pledged_need(
        &app,
        &twiza_domain::OrgScope::for_member(org, twiza_domain::OrgRole::Owner),
        owner.id,
        "Fatima",
        "0612345678",
    )
    .await;
    let map_incident = crate::map::demo_incident(&app).await;
    // A broadcast of the association's and one of an authority's, for their pages.
    let alert = twiza_domain::alert::NewAlert::parse(&twiza_domain::alert::AlertInput {
        communes: vec!["07.041.07.05"],
        kind: "fake_appeal_warning",
        fake_appeal: "TWZ-FAKE1",
        ..Default::default()
    })
    .expect("alert");
    let org_scope = twiza_domain::OrgScope::for_member(org, twiza_domain::OrgRole::Owner);
    let mut broadcasts = Vec::new();
    for (sender, key) in [
        (
            twiza_app::alerts::AlertSender::Association {
                scope: &org_scope,
                user: owner.id,
            },
            "0123456789abcdef0123456789abcdef",
        ),
        (
            twiza_app::alerts::AlertSender::Authority(
                &app.store.user(admin.id).await.expect("q").expect("admin"),
            ),
            "fedcba9876543210fedcba9876543210",
        ),
    ] {
        let (id, _) = twiza_app::alerts::send(
            &app.store,
            &app.state.config.personal_data,
            &app.state.phone_messages,
            sender,
            &alert,
            key,
            0,
        )
        .await
        .expect("broadcast");
        broadcasts.push(id);
    }
    let registry = registry_pages(&app, org, &owner).await;
    let mut pages: Vec<(String, Option<&crate::harness::TestUser>)> = vec![
        (format!("/incidents/{map_incident}"), None),
        (format!("/associations/{}/incidents", org.0), Some(&owner)),
        (
            format!("/associations/{}/incidents/{incident}", org.0),
            Some(&owner),
        ),
        (
            format!("/associations/{}/needs/{need}/pledge", org.0),
            Some(&owner),
        ),
        (
            format!("/associations/{}/needs/{need}/contact", org.0),
            Some(&owner),
        ),
        ("/authority/incidents".into(), Some(&admin)),
        ("/authority/incidents/new".into(), Some(&admin)),
        (format!("/authority/incidents/{incident}"), Some(&admin)),
        (
            format!("/authority/incidents/{incident}/needs"),
            Some(&admin),
        ),
        (format!("/authority/needs/{need}"), Some(&admin)),
        ("/".into(), None),
        ("/sign-in".into(), None),
        ("/sign-up".into(), None),
        ("/directory".into(), None),
        ("/directory?page=2".into(), None),
        (format!("/associations/{}", org.0), None),
        ("/associations/new".into(), Some(&owner)),
        (format!("/associations/{}/manage", org.0), Some(&owner)),
        (format!("/associations/{}/members", org.0), Some(&owner)),
        (format!("/associations/{}/stock", org.0), Some(&owner)),
        (
            format!("/associations/{}/stock/receive", org.0),
            Some(&owner),
        ),
        (
            format!(
                "/associations/{}/incidents/{incident}/assessments/new",
                org.0
            ),
            Some(&owner),
        ),
        (format!("/associations/{}/deliveries", org.0), Some(&owner)),
        (
            format!("/associations/{}/deliveries/new", org.0),
            Some(&owner),
        ),
        (format!("/associations/{}/convoys", org.0), Some(&owner)),
        (format!("/associations/{}/convoys/new", org.0), Some(&owner)),
        ("/me/associations".into(), Some(&owner)),
        ("/me/tokens".into(), Some(&owner)),
        ("/admin/verification".into(), Some(&admin)),
        ("/admin".into(), Some(&admin)),
        ("/admin/accounts".into(), Some(&admin)),
        ("/admin/accounts/new".into(), Some(&admin)),
        (format!("/admin/accounts/{}", owner.id.0), Some(&admin)),
        ("/does-not-exist".into(), None),
        ("/admin/operations".into(), Some(&admin)),
        (format!("/associations/{}/alerts", org.0), Some(&owner)),
        (format!("/associations/{}/alerts/new", org.0), Some(&owner)),
        (
            format!("/associations/{}/alerts/{}", org.0, broadcasts[0]),
            Some(&owner),
        ),
        ("/authority/alerts".into(), Some(&admin)),
        ("/authority/alerts/new".into(), Some(&admin)),
        (format!("/authority/alerts/{}", broadcasts[1]), Some(&admin)),
    ];
    pages.extend(registry.into_iter().map(|path| (path, Some(&owner))));
    for lang in ["ar", "fr", "zgh", "en"] {
        for (path, user) in &pages {
            let mut req = Request::get(path.as_str()).header(header::ACCEPT_LANGUAGE, lang);
            if let Some(u) = user {
                req = req.header(header::COOKIE, &u.cookie);
            }
            let r = app.send(req.body(Body::empty()).expect("req")).await;
            let html = r.text();
            assert!(
                r.status == StatusCode::OK || path == "/does-not-exist",
                "{path}: {}",
                r.status
            );
            let size = gzip_len(&r.body);
            assert!(
                size <= 30 * 1024,
                "{path} in {lang} is {size} bytes compressed"
            );
            assert!(html.contains(&format!(r#"<html lang="{lang}""#)), "{path}");
            assert!(
                html.contains(r##"class="skip" href="#main""##),
                "{path}: skip link"
            );
            assert!(html.contains("<main id=\"main\""), "{path}: main landmark");
            assert!(
                html.contains("<nav aria-label="),
                "{path}: labelled navigation"
            );
            // Every form control has a label (by id) or is hidden/submit.
            for (i, _) in html.match_indices("<input ") {
                let tag = &html[i..i + html[i..].find('>').expect("tag end")];
                if tag.contains("type=\"hidden\"") || tag.contains("type=\"checkbox\"") {
                    continue;
                }
                let id = tag
                    .split("id=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .unwrap_or_else(|| panic!("{path}: input without id: {tag}"));
                assert!(
                    html.contains(&format!("for=\"{id}\"")),
                    "{path}: input {id} has no label"
                );
            }
        }
    }
    // Compression is on the wire too.
    let r = app
        .send(
            Request::get("/directory")
                .header(header::ACCEPT_ENCODING, "gzip")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(r.headers[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn registering_an_association_through_the_form() {
    let app = TestApp::new().await;
    let user = app.user("founder@example.ma", None).await;
    let form = [
        ("name_ar", "جمعية الخير"),
        ("name_fr", "Association Al Khayr"),
        ("name_zgh", ""),
        ("declaration_number", "9/2020"),
        ("declaration_date", "2020-02-02"),
        ("province_code", "07.041"),
        ("commune", "ouirgane"),
        ("domains", "relief"),
        ("domains", "water"),
        ("email", ""),
        ("phone", ""),
        ("website", ""),
        ("address", ""),
        ("description", ""),
    ];
    let bad = app
        .page(
            Method::POST,
            "/associations",
            Some(&user),
            &[
                ("name_ar", "x"),
                ("province_code", "07.041"),
                ("commune", "Paris"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().contains("role=\"alert\""));
    let r = app
        .page(Method::POST, "/associations", Some(&user), &form)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let memberships = app.store.memberships_of(user.id).await.expect("q");
    let org = app
        .store
        .organization(memberships[0].org_id)
        .await
        .expect("q")
        .expect("org");
    assert_eq!(
        org.seat.commune_code, "07.041.07.11",
        "Ouirgane resolved by name in Al Haouz"
    );
    assert_eq!(org.domains.len(), 2);
}
