//! Authorities with a territory through the API: each authority's queue lists only the requests
//! of its competence, and a grant or refusal outside it is 403 `outside_competence`.

use crate::harness::{TestApp, TestUser};
use axum::http::StatusCode;
use serde_json::{json, Value};
use twiza_domain::organization::OrgStatus;
use twiza_domain::PlatformRole;

/// A campaign of `scope` asked by the owner of an association seated in Asni (Al Haouz,
/// Marrakech-Safi); returns its id.
async fn requested(app: &TestApp, owner: &TestUser, org: i64, scope: &str) -> i64 {
    let mut body = crate::api::campaign_body();
    body["scope"] = json!(scope);
    let created = app
        .post_json(
            &format!("/api/v1/organizations/{org}/campaigns"),
            Some(&owner.token),
            &body,
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    created.json()["id"].as_i64().expect("id")
}

async fn queue_of(app: &TestApp, user: &TestUser) -> Vec<i64> {
    let r = app.get("/api/v1/authorizations", Some(&user.token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()
        .as_array()
        .expect("list")
        .iter()
        .map(|x| x["campaign"]["id"].as_i64().expect("id"))
        .collect()
}

fn grant_body() -> Value {
    json!({"reference": "PROV-AH/2026/17", "valid_from": "2023-09-09", "valid_to": "2030-12-31"})
}

#[tokio::test]
async fn the_governor_of_al_haouz_grants_a_local_campaign_the_wali_does_not_see() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association d'Asni", "5/2015", OrgStatus::Verified)
        .await
        .0;
    let local = requested(&app, &owner, org, "local").await;
    let regional = requested(&app, &owner, org, "regional").await;
    let governor = app
        .authority(
            "gouverneur@alhaouz.interieur.gov.ma",
            "province",
            Some("07.041"),
        )
        .await;
    let wali = app
        .authority("wali@marrakech-safi.interieur.gov.ma", "region", Some("07"))
        .await;
    let chichaoua = app
        .authority(
            "gouverneur@chichaoua.interieur.gov.ma",
            "province",
            Some("07.161"),
        )
        .await;
    let sgg = app.authority("sgg@sgg.gov.ma", "national", None).await;
    let unset = app
        .user("nouveau@interieur.gov.ma", Some(PlatformRole::Authority))
        .await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;

    // Each queue holds what its authority decides, and nothing else.
    assert_eq!(queue_of(&app, &governor).await, vec![local]);
    assert_eq!(queue_of(&app, &wali).await, vec![regional]);
    assert!(queue_of(&app, &chichaoua).await.is_empty());
    assert!(queue_of(&app, &sgg).await.is_empty());
    assert!(queue_of(&app, &unset).await.is_empty());
    assert_eq!(queue_of(&app, &admin).await, vec![local, regional]);
    let item = &app
        .get("/api/v1/authorizations", Some(&governor.token))
        .await
        .json()[0];
    assert_eq!(
        (
            item["campaign"]["scope"].as_str(),
            item["campaign"]["competent_authority"].as_str(),
            item["campaign"]["authorization"]["status"].as_str(),
            item["organization"]["id"].as_i64(),
            item["organization"]["province_code"].as_str(),
            item["organization"]["region_code"].as_str(),
        ),
        (
            Some("local"),
            Some("governor"),
            Some("requested"),
            Some(org),
            Some("07.041"),
            Some("07")
        )
    );
    // Keyset pages.
    let first = app
        .get("/api/v1/authorizations?limit=1", Some(&admin.token))
        .await
        .json();
    assert_eq!(first.as_array().map(Vec::len), Some(1));
    let next = app
        .get(
            &format!("/api/v1/authorizations?limit=1&after={local}"),
            Some(&admin.token),
        )
        .await
        .json();
    assert_eq!(next[0]["campaign"]["id"].as_i64(), Some(regional));
    let bad = app
        .get("/api/v1/authorizations?limit=0", Some(&admin.token))
        .await;
    assert_eq!(
        (bad.status, bad.error_code().as_str()),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );

    // Outside competence: refused, whatever the decision, and nothing is written or logged.
    let grant = format!("/api/v1/campaigns/{local}/authorization/grant");
    let refuse = format!("/api/v1/campaigns/{local}/authorization/refuse");
    for outsider in [&wali, &chichaoua, &sgg, &unset] {
        let r = app
            .post_json(&grant, Some(&outsider.token), &grant_body())
            .await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::FORBIDDEN, "outside_competence"),
            "{}",
            r.text()
        );
        assert!(!r.json()["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .is_empty());
        let r = app
            .post_json(&refuse, Some(&outsider.token), &json!({"reason": "non"}))
            .await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::FORBIDDEN, "outside_competence")
        );
    }
    let still = app
        .get(&format!("/api/v1/campaigns/{local}"), Some(&owner.token))
        .await;
    assert_eq!(still.json()["authorization"]["status"], "requested");
    assert_eq!(
        app.store.log_size().await.expect("size"),
        0,
        "nothing logged"
    );

    // The competent governor grants; the request leaves the queues.
    let granted = app
        .post_json(&grant, Some(&governor.token), &grant_body())
        .await;
    assert_eq!(granted.status, StatusCode::OK, "{}", granted.text());
    assert_eq!(granted.json()["authorization"]["status"], "granted");
    assert!(queue_of(&app, &governor).await.is_empty());
    assert_eq!(queue_of(&app, &admin).await, vec![regional]);

    // The regional campaign is the wali's: the governor is refused, the wali refuses it.
    let r = app
        .post_json(
            &format!("/api/v1/campaigns/{regional}/authorization/grant"),
            Some(&governor.token),
            &grant_body(),
        )
        .await;
    assert_eq!(r.error_code(), "outside_competence");
    let refused = app
        .post_json(
            &format!("/api/v1/campaigns/{regional}/authorization/refuse"),
            Some(&wali.token),
            &json!({"reason": "Dossier incomplet"}),
        )
        .await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.text());
    assert_eq!(refused.json()["authorization"]["status"], "refused");
    assert!(queue_of(&app, &admin).await.is_empty());
}

#[tokio::test]
async fn an_authority_knows_its_competence_and_others_have_no_queue() {
    let app = TestApp::new().await;
    let governor = app
        .authority(
            "gouverneur@alhaouz.interieur.gov.ma",
            "province",
            Some("07.041"),
        )
        .await;
    let me = app.get("/api/v1/me", Some(&governor.token)).await.json();
    assert_eq!(
        me["competence"],
        json!({"kind": "province", "code": "07.041", "authority": "governor"})
    );
    let sgg = app.authority("sgg@sgg.gov.ma", "national", None).await;
    let me = app.get("/api/v1/me", Some(&sgg.token)).await.json();
    assert_eq!(
        me["competence"],
        json!({"kind": "national", "code": null, "authority": "secretary_general_of_government"})
    );
    let owner = app.user("owner@example.ma", None).await;
    assert_eq!(
        app.get("/api/v1/me", Some(&owner.token)).await.json()["competence"],
        Value::Null
    );
    let auditor = app
        .user("auditor@example.ma", Some(PlatformRole::Auditor))
        .await;
    for user in [&owner, &auditor] {
        assert_eq!(
            app.get("/api/v1/authorizations", Some(&user.token))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        app.get("/api/v1/authorizations", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn on_pages_the_governor_grants_and_the_wali_neither_sees_nor_decides() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association d'Asni", "5/2015", OrgStatus::Verified)
        .await
        .0;
    let local = requested(&app, &owner, org, "local").await;
    let governor = app
        .authority(
            "gouverneur@alhaouz.interieur.gov.ma",
            "province",
            Some("07.041"),
        )
        .await;
    let wali = app
        .authority("wali@marrakech-safi.interieur.gov.ma", "region", Some("07"))
        .await;
    let request_path = format!("/authority/authorizations/{local}");
    let grant_path = format!("{request_path}/grant");

    // The governor reaches the request from the navigation and the queue.
    let home = app
        .page(Method::GET, "/", Some(&governor), &[])
        .await
        .text();
    assert!(home.contains(r#"href="/authority/authorizations""#));
    let queue = app
        .page(
            Method::GET,
            "/authority/authorizations",
            Some(&governor),
            &[],
        )
        .await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text().contains(&format!(r#"href="{request_path}""#)));
    assert!(queue.text().contains("الحوز"), "the competence is shown");
    let page = app
        .page(Method::GET, &request_path, Some(&governor), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(&format!(r#"action="{grant_path}""#)));

    // The wali sees neither the request in the queue nor its page, and cannot decide it.
    let queue = app
        .page(Method::GET, "/authority/authorizations", Some(&wali), &[])
        .await;
    assert!(!queue.text().contains(&request_path));
    assert_eq!(
        app.page(Method::GET, &request_path, Some(&wali), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let form = [
        ("reference", "PROV-AH/2026/17"),
        ("valid_from", "2026-01-01"),
        ("valid_to", "2026-12-31"),
    ];
    let refused = app
        .page(Method::POST, &grant_path, Some(&wali), &form)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let message = app
        .state
        .messages
        .t(twiza_i18n::Locale::Ar, "error-outside-competence");
    assert!(refused.text().contains(&message), "{}", refused.text());

    // A validity that ends before it starts: the message next to the field, what was typed
    // kept, nothing written.
    let bad = app
        .page(
            Method::POST,
            &grant_path,
            Some(&governor),
            &[
                ("reference", "PROV-AH-2026-17"),
                ("valid_from", "2026-12-31"),
                ("valid_to", "2026-01-01"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().contains(r#"class="error""#));
    assert!(bad.text().contains("PROV-AH-2026-17"));
    assert_eq!(app.store.log_size().await.expect("size"), 0);

    // A grant cannot be undone: first a page to check it, which writes nothing.
    let check = app
        .page(Method::POST, &grant_path, Some(&governor), &form)
        .await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.text().contains(r#"name="confirm" value="yes""#));
    assert_eq!(
        app.store
            .campaign(local)
            .await
            .expect("q")
            .expect("campaign")
            .authorization
            .status
            .as_str(),
        "requested"
    );
    // Confirmed: post/redirect/get to the queue with a confirmation.
    let mut confirmed = form.to_vec();
    confirmed.push(("confirm", "yes"));
    let granted = app
        .page(Method::POST, &grant_path, Some(&governor), &confirmed)
        .await;
    assert_eq!(granted.status, StatusCode::SEE_OTHER, "{}", granted.text());
    let to = granted
        .headers
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(to, "/authority/authorizations?done=granted");
    let after = app
        .page(Method::GET, &to, Some(&governor), &[])
        .await
        .text();
    assert!(after.contains(r#"role="status""#));
    assert!(!after.contains(&request_path));
    let campaign = app
        .store
        .campaign(local)
        .await
        .expect("q")
        .expect("campaign");
    assert_eq!(campaign.authorization.status.as_str(), "granted");
    // Submitted again (the back button): the request is no longer waiting.
    for form in [&form[..], &confirmed[..]] {
        let again = app
            .page(Method::POST, &grant_path, Some(&governor), form)
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
    }
    // Nor can the wali confirm a grant outside his competence.
    let refused = app
        .page(Method::POST, &grant_path, Some(&wali), &confirmed)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn on_pages_the_wali_refuses_a_regional_request_with_its_reason() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association d'Asni", "5/2015", OrgStatus::Verified)
        .await
        .0;
    let regional = requested(&app, &owner, org, "regional").await;
    let wali = app
        .authority("wali@marrakech-safi.interieur.gov.ma", "region", Some("07"))
        .await;
    let refuse_path = format!("/authority/authorizations/{regional}/refuse");
    let empty = app
        .page(Method::POST, &refuse_path, Some(&wali), &[("reason", " ")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().contains(r#"class="error""#));
    let check = app
        .page(
            Method::POST,
            &refuse_path,
            Some(&wali),
            &[("reason", "Dossier incomplet")],
        )
        .await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.text().contains("Dossier incomplet"));
    let refused = app
        .page(
            Method::POST,
            &refuse_path,
            Some(&wali),
            &[("reason", "Dossier incomplet"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::SEE_OTHER);
    let campaign = app
        .store
        .campaign(regional)
        .await
        .expect("q")
        .expect("campaign");
    assert_eq!(
        (
            campaign.authorization.status.as_str(),
            campaign.authorization.refusal_reason.as_deref()
        ),
        ("refused", Some("Dossier incomplet"))
    );
}
