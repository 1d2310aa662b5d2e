//! Members and roles on pages and in the API: reached from the association's page, a role
//! changed with its confirmation, an admin's forged owner grant refused with its message,
//! ownership handed over after a check, the last owner kept, and the record of changes.

use crate::harness::TestApp;
use axum::http::{header, Method, StatusCode};
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::OrgRole;

#[tokio::test]
async fn an_owner_changes_roles_and_hands_ownership_over_on_pages() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let admin = app.member(org, OrgRole::Admin, "admin@example.ma").await;
    let admin = app.session_for(admin.id, "admin@example.ma").await;
    let treasurer = app
        .member(org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    let members = format!("/associations/{}/members", org.0);

    // Reached by a link from the association's members' space.
    let manage = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", org.0),
            Some(&owner),
            &[],
        )
        .await;
    assert!(manage.text().contains(&format!("href=\"{members}\"")));
    let page = app.page(Method::GET, &members, Some(&owner), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("treasurer@example.ma"));

    // A role changed: post, redirect, confirmation.
    let r = app
        .page(
            Method::POST,
            &format!("{members}/{}/role", treasurer.id.0),
            Some(&owner),
            &[("role", "coordinator")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let back = r.headers[header::LOCATION].to_str().expect("location");
    assert_eq!(back, format!("{members}?done=role_changed"));
    let page = app.page(Method::GET, back, Some(&owner), &[]).await.text();
    assert!(page.contains("id=\"done\""));
    assert_eq!(
        app.store.membership(org, treasurer.id).await.expect("q"),
        Some(OrgRole::Coordinator)
    );

    // An admin forging an owner grant: refused with the message, nothing changed.
    let r = app
        .page(
            Method::POST,
            &format!("{members}/{}/role", treasurer.id.0),
            Some(&admin),
            &[("role", "owner")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains("id=\"member-error\""));
    // An unknown role.
    let r = app
        .page(
            Method::POST,
            &format!("{members}/{}/role", treasurer.id.0),
            Some(&owner),
            &[("role", "emperor")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.store.membership(org, treasurer.id).await.expect("q"),
        Some(OrgRole::Coordinator)
    );
    // The only owner cannot leave.
    let r = app
        .page(
            Method::POST,
            &format!("{members}/{}/remove", owner.id.0),
            Some(&owner),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // Handing ownership over: first the check of what will happen, nothing changed yet.
    let form = [("user_id", admin.id.0.to_string())];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let ownership = format!("/associations/{}/ownership", org.0);
    let check = app
        .page(Method::POST, &ownership, Some(&owner), &form)
        .await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.text().contains("id=\"confirm-hand-over\""));
    assert_eq!(
        app.store.membership(org, owner.id).await.expect("q"),
        Some(OrgRole::Owner)
    );
    let mut confirmed = form.clone();
    confirmed.push(("confirm", "yes"));
    let r = app
        .page(Method::POST, &ownership, Some(&owner), &confirmed)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.membership(org, admin.id).await.expect("q"),
        Some(OrgRole::Owner)
    );
    assert_eq!(
        app.store.membership(org, owner.id).await.expect("q"),
        Some(OrgRole::Admin)
    );
    // The record, as the new owner reads it.
    let page = app
        .page(Method::GET, &members, Some(&admin), &[])
        .await
        .text();
    assert!(page.matches("<li>").count() >= 3, "{page}");
}

#[tokio::test]
async fn the_api_changes_roles_under_the_same_rules() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let volunteer = app
        .member(org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let base = format!("/api/v1/organizations/{}", org.0);
    let r = app
        .post_json(
            &format!("{base}/members/{}/role", volunteer.id.0),
            Some(&owner.token),
            &json!({"role": "field_agent"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let r = app
        .json(
            Method::DELETE,
            &format!("{base}/members/{}", owner.id.0),
            Some(&owner.token),
            String::new(),
        )
        .await;
    assert_eq!(
        (r.status, r.error_code()),
        (StatusCode::CONFLICT, "last_owner".into())
    );
    let r = app
        .json(
            Method::DELETE,
            &format!("{base}/members/{}", volunteer.id.0),
            Some(&owner.token),
            String::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.store.membership(org, volunteer.id).await.expect("q"),
        None
    );
    let r = app
        .post_json(
            &format!("{base}/ownership"),
            Some(&owner.token),
            &json!({"user_id": volunteer.id.0}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "no longer a member");
}

/// The node remembers recent roles to spare each API call its reads; a role withdrawn or
/// changed still takes effect on the very next request.
#[tokio::test]
async fn a_role_withdrawn_takes_effect_at_the_next_request() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let agent = app
        .member(org, OrgRole::FieldAgent, "agent@example.ma")
        .await;
    let base = format!("/api/v1/organizations/{}", org.0);
    let stock = format!("{base}/stock");
    assert_eq!(
        app.get(&stock, Some(&agent.token)).await.status,
        StatusCode::OK
    );
    let r = app
        .post_json(
            &format!("{base}/members/{}/role", agent.id.0),
            Some(&owner.token),
            &json!({"role": "volunteer"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(
        app.get(&stock, Some(&agent.token)).await.status,
        StatusCode::FORBIDDEN,
        "a volunteer does not see the stock"
    );
    let members = format!("{base}/members");
    assert_eq!(
        app.get(&members, Some(&agent.token)).await.status,
        StatusCode::OK
    );
    let r = app
        .json(
            Method::DELETE,
            &format!("{base}/members/{}", agent.id.0),
            Some(&owner.token),
            String::new(),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.get(&members, Some(&agent.token)).await.status,
        StatusCode::NOT_FOUND,
        "no longer a member"
    );
}
