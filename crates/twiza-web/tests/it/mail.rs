//! E-mail on pages and in the API, read from the outbox (the log transport's world): an invitee
//! signs up and joins through the link in the message; a forgotten password is reset once
//! through its link, which ends every session; the forgotten-password page answers the same
//! for unknown addresses and is throttled; links are single use and expire; decisions on an
//! authorization reach the association's owners and treasurers; with e-mail off, pages say so.

use crate::harness::{Response, TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use serde_json::json;
use twiza_app::accounts::sha256_hex;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope, PlatformRole};
use twiza_i18n::{Arg, Locale};
use twiza_store::{LinkHash, MailRecord, NewMail};
use twiza_web::WebConfig;

/// The messages in the outbox, oldest first.
async fn outbox(app: &TestApp) -> Vec<MailRecord> {
    let mut all = app.store.mail_outbox(100).await.expect("outbox");
    all.reverse();
    all
}

/// The secret of the first link to `path` (`/invitations/`) in a message's body.
fn secret_after(body: &str, path: &str) -> String {
    let start = body.find(path).expect("a link in the message") + path.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

fn location(r: &Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

/// The account a sign-up response signed in, with its session's CSRF token.
async fn signed_up(app: &TestApp, r: &Response) -> TestUser {
    let cookie = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("twiza_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .expect("a session");
    let raw = cookie.split_once('=').expect("pair").1;
    let session = app
        .store
        .session(&sha256_hex(raw))
        .await
        .expect("q")
        .expect("session");
    TestUser {
        id: session.user.id,
        token: String::new(),
        cookie,
        csrf: session.csrf_token,
    }
}

#[tokio::test]
async fn an_invitee_signs_up_and_joins_through_the_link_in_the_message() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let manage = format!("/associations/{}/manage", org.0);
    let page = app
        .page(Method::GET, &manage, Some(&owner), &[])
        .await
        .text();
    assert!(page.contains("id=\"invite-form\"") && page.contains("id=\"invite-mail-hint\""));

    let r = app
        .page(
            Method::POST,
            &format!("/associations/{}/invitations", org.0),
            Some(&owner),
            &[("email", "New.Member@Example.ma"), ("role", "treasurer")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let sent = outbox(&app).await;
    assert_eq!(sent.len(), 1);
    let message = &sent[0];
    assert_eq!(message.kind, "invitation");
    assert_eq!(message.recipient, "new.member@example.ma");
    // In the inviter's language (the pages default to Arabic), from the message files.
    let organization = app.store.organization(org).await.expect("q").expect("org");
    assert_eq!(
        message.subject,
        app.state.messages.t_args(
            Locale::Ar,
            "mail-invitation-subject",
            &[("association", Arg::Str(&organization.name_ar))]
        )
    );
    assert!(message.body_text.contains("http://localhost/invitations/"));
    let token = secret_after(&message.body_text, "/invitations/");
    assert_eq!(token.len(), 43);
    let link = format!("/invitations/{token}");

    // Signed out: the association and role, and a way to sign up that comes back here.
    let page = app.page(Method::GET, &link, None, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains(&organization.name_ar));
    assert!(text.contains("id=\"invitation-role\""));
    let next = format!("next=%2Finvitations%2F{token}");
    assert!(text.contains(&format!("/sign-up?{next}")), "{text}");
    assert!(!text.contains("accept-invitation-form"));
    let form = app
        .page(Method::GET, &format!("/sign-up?{next}"), None, &[])
        .await
        .text();
    assert!(form.contains(&format!("name=\"next\" value=\"{link}\"")));
    let r = app
        .page(
            Method::POST,
            "/sign-up",
            None,
            &[
                ("email", "new.member@example.ma"),
                ("password", "a long passphrase"),
                ("display_name", "Nouveau membre"),
                ("next", &link),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), link);
    let invitee = signed_up(&app, &r).await;

    // Signed in: the button; a forged request without the session's token is refused.
    let page = app
        .page(Method::GET, &link, Some(&invitee), &[])
        .await
        .text();
    assert!(page.contains("id=\"accept-invitation-form\""));
    let forged = TestUser {
        csrf: "forged".into(),
        ..invitee.clone()
    };
    let r = app.page(Method::POST, &link, Some(&forged), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store.membership(org, invitee.id).await.expect("q"),
        None
    );

    let r = app.page(Method::POST, &link, Some(&invitee), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), "/me/associations?done=invitation-accepted");
    let mine = app
        .page(Method::GET, &location(&r), Some(&invitee), &[])
        .await
        .text();
    assert!(mine.contains("id=\"done\""));
    assert_eq!(
        app.store.membership(org, invitee.id).await.expect("q"),
        Some(OrgRole::Treasurer)
    );

    // Single use: the link no longer works, for anyone.
    for user in [None, Some(&invitee)] {
        let again = app.page(Method::GET, &link, user, &[]).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
    }
    let again = app.page(Method::POST, &link, Some(&owner), &[]).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.store.membership(org, owner.id).await.expect("q"),
        Some(OrgRole::Owner)
    );
    // Unknown and malformed secrets.
    for path in [
        "/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/invitations/short",
        "/invitations/..%2F..%2Fetc",
    ] {
        assert_eq!(
            app.page(Method::GET, path, None, &[]).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // The secret itself is stored nowhere: only its hash.
    assert!(app
        .store
        .invitation_by_link(&token, twiza_store::now())
        .await
        .expect("q")
        .is_none());
}

#[tokio::test]
async fn an_invitation_link_expires_and_the_api_sends_one_too() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let token = twiza_app::accounts::new_secret();
    app.store
        .invite_with_link(
            &scope,
            "late@example.ma",
            OrgRole::Volunteer,
            owner.id,
            LinkHash {
                token_hash: &sha256_hex(&token),
                expires_at: twiza_store::now() - 1,
            },
            &NewMail {
                kind: "invitation",
                dedupe_key: "expired".into(),
                recipient: "late@example.ma".into(),
                subject: "s".into(),
                body_text: "b".into(),
            },
        )
        .await
        .expect("invite");
    let late = app.user("late@example.ma", None).await;
    let link = format!("/invitations/{token}");
    assert_eq!(
        app.page(Method::GET, &link, None, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.page(Method::POST, &link, Some(&late), &[]).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.store.membership(org, late.id).await.expect("q"), None);

    // The API's invitation sends its message too.
    let before = outbox(&app).await.len();
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{}/invitations", org.0),
            Some(&owner.token),
            &json!({"email": "api@example.ma", "role": "volunteer"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let sent = outbox(&app).await;
    assert_eq!(sent.len(), before + 1);
    assert_eq!(sent[before].recipient, "api@example.ma");
}

#[tokio::test]
async fn a_forgotten_password_is_reset_once_through_its_link() {
    let app = TestApp::new().await;
    let user = app.user("nadia@example.ma", None).await;
    app.store
        .set_user_locale(user.id, "fr")
        .await
        .expect("locale");
    let sign_in = app.page(Method::GET, "/sign-in", None, &[]).await.text();
    assert!(sign_in.contains("id=\"forgot-password-link\" href=\"/password/forgot\""));
    let form = app.page(Method::GET, "/password/forgot", None, &[]).await;
    assert!(form.text().contains("id=\"forgot-password-form\""));

    // The same answer whether the address has an account or not; a message only if it has.
    let known = app
        .page(
            Method::POST,
            "/password/forgot",
            None,
            &[("email", "Nadia@example.ma")],
        )
        .await;
    let unknown = app
        .page(
            Method::POST,
            "/password/forgot",
            None,
            &[("email", "nobody@example.ma")],
        )
        .await;
    for r in [&known, &unknown] {
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(location(r), "/password/forgot?done=sent");
    }
    let done = app
        .page(Method::GET, "/password/forgot?done=sent", None, &[])
        .await
        .text();
    assert!(done.contains("id=\"done\""));
    let sent = outbox(&app).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].kind.as_str(), sent[0].recipient.as_str()),
        ("password_link", "nadia@example.ma")
    );
    // In the language the account used.
    assert_eq!(
        sent[0].subject,
        app.state
            .messages
            .t(Locale::Fr, "mail-password-link-subject")
    );
    // Not an address: said next to the field, nothing sent.
    let bad = app
        .page(
            Method::POST,
            "/password/forgot",
            None,
            &[("email", "not an address")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text().contains("id=\"error-summary\"")
            && bad.text().contains("value=\"not an address\"")
    );
    assert_eq!(outbox(&app).await.len(), 1);

    let token = secret_after(&sent[0].body_text, "/password/reset/");
    let link = format!("/password/reset/{token}");
    let page = app.page(Method::GET, &link, None, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("id=\"reset-password-form\""));
    // The sign-up rules: too short is refused next to the field, nothing changed.
    let short = app
        .page(Method::POST, &link, None, &[("password", "short")])
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().contains("id=\"error-summary\""));
    let still = app.store.user_with_password("nadia@example.ma").await;
    let (_, old_hash) = still.expect("q").expect("user");
    assert!(
        twiza_app::accounts::verify_password("correct horse battery".into(), Some(old_hash)).await
    );

    let r = app
        .page(
            Method::POST,
            &link,
            None,
            &[("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(location(&r), "/sign-in?done=password-changed");
    let confirmation = app.page(Method::GET, &location(&r), None, &[]).await.text();
    assert!(confirmation.contains("id=\"done\""));
    // Every session of the account ended.
    let old_session = app
        .page(Method::GET, "/me/associations", Some(&user), &[])
        .await;
    assert_ne!(old_session.status, StatusCode::OK);
    // The new password works, the old one no longer does.
    for (password, status) in [
        ("a brand new passphrase", StatusCode::SEE_OTHER),
        ("correct horse battery", StatusCode::UNAUTHORIZED),
    ] {
        let r = app
            .page(
                Method::POST,
                "/sign-in",
                None,
                &[("email", "nadia@example.ma"), ("password", password)],
            )
            .await;
        assert_eq!(r.status, status);
    }
    // Single use.
    assert_eq!(
        app.page(Method::GET, &link, None, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let again = app
        .page(
            Method::POST,
            &link,
            None,
            &[("password", "yet another passphrase")],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);

    // An expired link does not open.
    let expired = twiza_app::accounts::new_secret();
    app.store
        .create_password_link(
            user.id,
            LinkHash {
                token_hash: &sha256_hex(&expired),
                expires_at: twiza_store::now() - 1,
            },
            &NewMail {
                kind: "password_link",
                dedupe_key: "expired".into(),
                recipient: "nadia@example.ma".into(),
                subject: "s".into(),
                body_text: "b".into(),
            },
        )
        .await
        .expect("link");
    let link = format!("/password/reset/{expired}");
    assert_eq!(
        app.page(Method::GET, &link, None, &[]).await.status,
        StatusCode::NOT_FOUND
    );
    let r = app
        .page(
            Method::POST,
            &link,
            None,
            &[("password", "yet another passphrase")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn asking_for_password_links_is_throttled() {
    let app = TestApp::new().await;
    app.user("nadia@example.ma", None).await;
    // One account gets at most three links per window, silently.
    for _ in 0..4 {
        let r = app
            .page(
                Method::POST,
                "/password/forgot",
                None,
                &[("email", "nadia@example.ma")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(outbox(&app).await.len(), 3);
    // One address asks at most ten times per window, whatever the e-mail.
    for n in 0..6 {
        let email = format!("someone{n}@example.ma");
        let r = app
            .page(Method::POST, "/password/forgot", None, &[("email", &email)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let r = app
        .page(
            Method::POST,
            "/password/forgot",
            None,
            &[("email", "nadia@example.ma")],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    assert!(r.text().contains("id=\"error-summary\""));
}

#[tokio::test]
async fn the_platform_admin_sends_a_password_link_and_the_sender_sends_the_outbox() {
    let app = TestApp::new().await;
    let user = app.user("nadia@example.ma", None).await;
    assert!(twiza_app::accounts::send_password_link(
        &app.store,
        &app.state.mail,
        user.id,
        Locale::Zgh
    )
    .await
    .expect("sent"));
    let sent = outbox(&app).await;
    assert_eq!(
        sent[0].subject,
        app.state
            .messages
            .t(Locale::Zgh, "mail-password-link-subject")
    );
    // The log transport sends each message once and keeps nothing of it.
    let sender =
        twiza_app::mail::Sender::log("no-reply@example.ma", Some("Twiza")).expect("sender");
    assert_eq!(sender.send_due(&app.store).await.expect("send"), 1);
    assert_eq!(sender.send_due(&app.store).await.expect("send"), 0);
    let after = outbox(&app).await;
    assert!(after[0].sent_at.is_some());
    assert!(after[0].body_text.is_empty() && after[0].recipient.is_empty());
}

#[tokio::test]
async fn an_authorization_decision_reaches_the_owners_and_treasurers() {
    let app = TestApp::new().await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let treasurer = app
        .member(org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    app.store
        .set_user_locale(treasurer.id, "fr")
        .await
        .expect("locale");
    app.member(org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.campaign(&scope, owner.id, "Hiver").await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let r = app
        .post_json(
            &format!("/api/v1/campaigns/{campaign}/authorization/grant"),
            Some(&admin.token),
            &json!({"reference": "SGG-1", "valid_from": "2023-09-09", "valid_to": "2030-12-31"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let sent = outbox(&app).await;
    let mut to: Vec<(&str, &str)> = sent
        .iter()
        .map(|m| (m.recipient.as_str(), m.kind.as_str()))
        .collect();
    to.sort();
    assert_eq!(
        to,
        vec![
            ("owner@example.ma", "authorization_granted"),
            ("treasurer@example.ma", "authorization_granted"),
        ]
    );
    let french = sent
        .iter()
        .find(|m| m.recipient == "treasurer@example.ma")
        .expect("treasurer");
    assert_eq!(
        french.subject,
        app.state.messages.t_args(
            Locale::Fr,
            "mail-authorization-granted-subject",
            &[("campaign", Arg::Str("Hiver"))]
        )
    );
    assert!(french
        .body_text
        .contains(&format!("http://localhost/campaigns/{campaign}/desk")));
}

#[tokio::test]
async fn with_email_off_pages_say_so_and_invitations_have_no_link() {
    let app = TestApp::with_config(WebConfig {
        mail: twiza_app::mail::MailMode::Off,
        ..Default::default()
    })
    .await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "9/2019", OrgStatus::Verified)
        .await;
    let manage = format!("/associations/{}/manage", org.0);
    let page = app
        .page(Method::GET, &manage, Some(&owner), &[])
        .await
        .text();
    assert!(page.contains("id=\"invite-mail-off\""));
    let r = app
        .page(
            Method::POST,
            &format!("/associations/{}/invitations", org.0),
            Some(&owner),
            &[("email", "new@example.ma"), ("role", "volunteer")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store
            .invitations_for("new@example.ma")
            .await
            .expect("q")
            .len(),
        1
    );
    let forgot = app
        .page(Method::GET, "/password/forgot", None, &[])
        .await
        .text();
    assert!(forgot.contains("id=\"mail-off\"") && !forgot.contains("forgot-password-form"));
    app.page(
        Method::POST,
        "/password/forgot",
        None,
        &[("email", "owner@example.ma")],
    )
    .await;
    assert!(outbox(&app).await.is_empty());
}

#[tokio::test]
async fn sign_in_goes_to_a_local_next_only() {
    let app = TestApp::new().await;
    app.user("nadia@example.ma", None).await;
    for (next, to) in [
        ("/associations/new", "/associations/new"),
        ("https://evil.example/", "/me/associations"),
        ("//evil.example/", "/me/associations"),
        ("/\\evil.example", "/me/associations"),
    ] {
        let r = app
            .page(
                Method::POST,
                "/sign-in",
                None,
                &[
                    ("email", "nadia@example.ma"),
                    ("password", "correct horse battery"),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(location(&r), to, "{next}");
    }
    let page = app
        .page(Method::GET, "/sign-in?next=//evil.example/", None, &[])
        .await
        .text();
    // (The language links carry the page's own address; the form carries no `next`.)
    assert!(!page.contains("name=\"next\""));
}
