//! The platform admin's pages: an account created without a usable password; disabled (no sign
//! in, its session and API token refused at once) and enabled again; the admin's own account and
//! the last admin kept; an authority role given with its competence after a check (a bad code
//! refused next to its field, nothing written) and taken; the history of every change; other
//! callers kept out. The associations' documents: uploaded by managers, checked by content,
//! downloaded by members and admins only, and shown on the verification queue.

use crate::harness::{TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use twiza_app::administration::{self, Administrator};
use twiza_domain::account::AccountAction;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole, Refusal, UserId};

const PASSWORD: &str = "correct horse battery";

fn location(r: &crate::harness::Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

async fn actions(app: &TestApp, id: UserId) -> Vec<AccountAction> {
    app.store
        .account_changes(id, 100)
        .await
        .expect("changes")
        .into_iter()
        .rev()
        .map(|c| c.action)
        .collect()
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> StatusCode {
    app.page(
        Method::POST,
        "/sign-in",
        None,
        &[("email", email), ("password", password)],
    )
    .await
    .status
}

#[tokio::test]
async fn an_admin_creates_an_account_then_gives_and_takes_an_authority_role() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;

    // Reached by links: the header's administration link, then the accounts.
    let home = app.page(Method::GET, "/", Some(&admin), &[]).await.text();
    assert!(home.contains("href=\"/admin\" id=\"admin-link\""), "{home}");
    let admin_home = app.page(Method::GET, "/admin", Some(&admin), &[]).await;
    assert_eq!(admin_home.status, StatusCode::OK);
    assert!(admin_home.text().contains("id=\"admin-accounts-link\""));
    assert!(admin_home.text().contains("id=\"admin-verification-link\""));
    let list = app
        .page(Method::GET, "/admin/accounts", Some(&admin), &[])
        .await;
    assert!(list.text().contains("id=\"new-account-link\""));
    let form = app
        .page(Method::GET, "/admin/accounts/new", Some(&admin), &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);

    // Bad input: every field's message next to it, what was typed kept, nothing written.
    let r = app
        .page(
            Method::POST,
            "/admin/accounts",
            Some(&admin),
            &[
                ("display_name", ""),
                ("email", "amina-at-example"),
                ("role", "authority"),
                ("competence", "province"),
                ("competence_code", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text();
    assert!(text.contains("id=\"error-summary\""));
    assert!(text.contains("id=\"email-error\""));
    assert!(text.contains("id=\"competence_code-error\""));
    assert!(
        text.contains("value=\"amina-at-example\""),
        "typed value kept"
    );
    assert!(app
        .store
        .user_by_email("amina-at-example")
        .await
        .expect("q")
        .is_none());

    // Created: no usable password, recorded.
    let r = app
        .page(
            Method::POST,
            "/admin/accounts",
            Some(&admin),
            &[
                ("display_name", "Amina"),
                ("email", "Amina@Example.MA"),
                ("role", "none"),
                ("competence", ""),
                ("competence_code", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let amina = app
        .store
        .user_by_email("amina@example.ma")
        .await
        .expect("q")
        .expect("created");
    assert_eq!(
        location(&r),
        format!("/admin/accounts/{}?done=created", amina.id.0)
    );
    assert_eq!(amina.platform_role, None);
    let (_, hash) = app
        .store
        .user_with_password("amina@example.ma")
        .await
        .expect("q")
        .expect("account");
    assert_eq!(hash, twiza_store::UNUSABLE_PASSWORD_HASH);
    for guess in ["", "!unset", PASSWORD] {
        assert_eq!(
            sign_in(&app, "amina@example.ma", guess).await,
            StatusCode::UNAUTHORIZED
        );
    }
    let page = app
        .page(Method::GET, &location(&r), Some(&admin), &[])
        .await
        .text();
    assert!(page.contains("id=\"done\""));
    // The same address again.
    let r = app
        .page(
            Method::POST,
            "/admin/accounts",
            Some(&admin),
            &[("display_name", "Other"), ("email", "amina@example.ma")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"email-error\""));

    // Found by the search, by e-mail or name, in any case.
    for q in ["AMINA", "example.ma"] {
        let list = app
            .page(
                Method::GET,
                &format!("/admin/accounts?q={q}"),
                Some(&admin),
                &[],
            )
            .await
            .text();
        assert!(
            list.contains(&format!("id=\"account-{}\"", amina.id.0)),
            "{q}"
        );
    }
    let none = app
        .page(Method::GET, "/admin/accounts?q=nobody", Some(&admin), &[])
        .await
        .text();
    assert!(!none.contains(&format!("id=\"account-{}\"", amina.id.0)));

    // An authority role with a bad code: the message next to the field, nothing written.
    let role_path = format!("/admin/accounts/{}/role", amina.id.0);
    let r = app
        .page(
            Method::POST,
            &role_path,
            Some(&admin),
            &[
                ("role", "authority"),
                ("competence", "province"),
                ("competence_code", "99.999"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"competence_code-error\""));
    let unchanged = app.store.user(amina.id).await.expect("q").expect("user");
    assert_eq!(unchanged.platform_role, None);
    // A national competence given a code is refused too.
    let r = app
        .page(
            Method::POST,
            &role_path,
            Some(&admin),
            &[
                ("role", "authority"),
                ("competence", "national"),
                ("competence_code", "07"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The check first: what will change, nothing written yet.
    let governor = [
        ("role", "authority"),
        ("competence", "province"),
        ("competence_code", "07.041"),
    ];
    let check = app
        .page(Method::POST, &role_path, Some(&admin), &governor)
        .await;
    assert_eq!(check.status, StatusCode::OK);
    assert!(check.text().contains("id=\"confirm-role\""));
    assert_eq!(
        app.store
            .user(amina.id)
            .await
            .expect("q")
            .expect("u")
            .platform_role,
        None
    );
    let mut confirmed = governor.to_vec();
    confirmed.push(("confirm", "yes"));
    let r = app
        .page(Method::POST, &role_path, Some(&admin), &confirmed)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        location(&r),
        format!("/admin/accounts/{}?done=role_given", amina.id.0)
    );
    let authority = app.store.user(amina.id).await.expect("q").expect("u");
    assert_eq!(authority.platform_role, Some(PlatformRole::Authority));
    assert_eq!(
        authority.competence.as_ref().and_then(|c| c.code()),
        Some("07.041")
    );

    // Taken again.
    let r = app
        .page(
            Method::POST,
            &role_path,
            Some(&admin),
            &[("role", "none"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(
        location(&r),
        format!("/admin/accounts/{}?done=role_taken", amina.id.0)
    );
    let plain = app.store.user(amina.id).await.expect("q").expect("u");
    assert_eq!((plain.platform_role, plain.competence), (None, None));

    // The history: each change, with who made it.
    assert_eq!(
        actions(&app, amina.id).await,
        [
            AccountAction::Created,
            AccountAction::RoleGiven,
            AccountAction::RoleTaken
        ]
    );
    let page = app
        .page(
            Method::GET,
            &format!("/admin/accounts/{}", amina.id.0),
            Some(&admin),
            &[],
        )
        .await
        .text();
    let history = page.split("id=\"history\"").nth(1).expect("history");
    assert_eq!(history.matches("<li>").count(), 3, "{history}");
    assert!(history.contains("Test user"), "the admin's name");
}

#[tokio::test]
async fn the_account_list_goes_page_by_page() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    for i in 0..30 {
        app.store
            .create_account(&format!("person{i:02}@example.ma"), "Person", None, None)
            .await
            .expect("account");
    }
    let first = app
        .page(Method::GET, "/admin/accounts?q=person", Some(&admin), &[])
        .await
        .text();
    assert_eq!(first.matches("<tr id=\"account-").count(), 25);
    assert!(!first.contains("id=\"accounts-previous\""));
    let next = first
        .split("href=\"")
        .find(|s| s.contains("id=\"accounts-next\""))
        .and_then(|s| s.split('"').next())
        .expect("a next page")
        .replace("&#38;", "&");
    assert!(next.contains("q=person"), "the search is kept: {next}");
    let second = app.page(Method::GET, &next, Some(&admin), &[]).await.text();
    assert_eq!(second.matches("<tr id=\"account-").count(), 5);
    assert!(second.contains("person29@example.ma"));
    assert!(!second.contains("id=\"accounts-next\""));
    let previous = second
        .split("href=\"")
        .find(|s| s.contains("id=\"accounts-previous\""))
        .and_then(|s| s.split('"').next())
        .expect("a previous page")
        .replace("&#38;", "&");
    let back = app
        .page(Method::GET, &previous, Some(&admin), &[])
        .await
        .text();
    assert_eq!(back.matches("<tr id=\"account-").count(), 25);
    assert!(back.contains("person00@example.ma"));
    // A malformed cursor is a bad query, not a failure.
    let r = app
        .page(Method::GET, "/admin/accounts?after=x", Some(&admin), &[])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_disabled_account_is_shut_out_at_once_and_can_be_enabled() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let worker = app.user("worker@example.ma", None).await;
    // Its token works (and is now remembered), and its session.
    assert_eq!(
        app.get("/api/v1/me", Some(&worker.token)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.page(Method::GET, "/me/tokens", Some(&worker), &[])
            .await
            .status,
        StatusCode::OK
    );

    let account = format!("/admin/accounts/{}", worker.id.0);
    let r = app
        .page(
            Method::POST,
            &format!("{account}/disable"),
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(location(&r), format!("{account}?done=disabled"));
    assert_eq!(
        app.get("/api/v1/me", Some(&worker.token)).await.status,
        StatusCode::UNAUTHORIZED,
        "the API token stops at once"
    );
    assert_ne!(
        app.page(Method::GET, "/me/tokens", Some(&worker), &[])
            .await
            .status,
        StatusCode::OK,
        "the session ended"
    );
    assert_eq!(
        sign_in(&app, "worker@example.ma", PASSWORD).await,
        StatusCode::UNAUTHORIZED
    );
    let page = app
        .page(Method::GET, &account, Some(&admin), &[])
        .await
        .text();
    assert!(page.contains("id=\"enable-form\""));
    let list = app
        .page(Method::GET, "/admin/accounts?q=worker", Some(&admin), &[])
        .await
        .text();
    assert!(list.contains("status-rejected"), "shown as disabled");

    // Enabled again: it signs in anew; the revoked token stays revoked.
    let r = app
        .page(
            Method::POST,
            &format!("{account}/enable"),
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(location(&r), format!("{account}?done=enabled"));
    assert_eq!(
        sign_in(&app, "worker@example.ma", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get("/api/v1/me", Some(&worker.token)).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Twice is once.
    app.page(
        Method::POST,
        &format!("{account}/enable"),
        Some(&admin),
        &[],
    )
    .await;
    assert_eq!(
        actions(&app, worker.id).await,
        [AccountAction::Disabled, AccountAction::Enabled]
    );
}

#[tokio::test]
async fn an_admin_keeps_their_own_account_and_the_platform_keeps_an_admin() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let own = format!("/admin/accounts/{}", admin.id.0);
    for (path, form) in [
        (format!("{own}/disable"), vec![]),
        (
            format!("{own}/role"),
            vec![("role", "auditor"), ("confirm", "yes")],
        ),
    ] {
        let r = app.page(Method::POST, &path, Some(&admin), &form).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(r.text().contains("id=\"refusal\""), "{path}");
    }
    let page = app.page(Method::GET, &own, Some(&admin), &[]).await.text();
    assert!(!page.contains("id=\"disable-form\""), "no form to refuse");
    let me = app.store.account(admin.id).await.expect("q").expect("a");
    assert!(!me.disabled);
    assert_eq!(me.user.platform_role, Some(PlatformRole::PlatformAdmin));

    // The last active admin: not even the command line takes the role or disables it.
    let taken = administration::change_platform_role(
        &app.store,
        Administrator::CommandLine,
        admin.id,
        None,
    )
    .await;
    assert!(
        matches!(
            taken,
            Err(twiza_app::Error::Refused(Refusal::LastPlatformAdmin))
        ),
        "{taken:?}"
    );
    // A second admin, disabled, does not count; enabled, it does.
    let second = app
        .user("second@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let r = app
        .page(
            Method::POST,
            &format!("/admin/accounts/{}/disable", second.id.0),
            Some(&admin),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let taken = administration::change_platform_role(
        &app.store,
        Administrator::CommandLine,
        admin.id,
        None,
    )
    .await;
    assert!(matches!(
        taken,
        Err(twiza_app::Error::Refused(Refusal::LastPlatformAdmin))
    ));
    // Enabled again, the second admin may disable the first (an admin remains), not itself.
    app.store
        .enable_account(second.id, admin.id)
        .await
        .expect("enable");
    let second = app.session_for(second.id, "second@example.ma").await;
    let r = app
        .page(
            Method::POST,
            &format!("/admin/accounts/{}/disable", second.id.0),
            Some(&second),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "its own account");
    let r = app
        .page(Method::POST, &format!("{own}/disable"), Some(&second), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "another admin remains");
    assert!(
        app.store
            .account(admin.id)
            .await
            .expect("q")
            .expect("a")
            .disabled
    );
}

#[tokio::test]
async fn only_platform_admins_reach_the_administration() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let auditor = app
        .user("auditor@example.ma", Some(PlatformRole::Auditor))
        .await;
    let authority = app
        .authority("gov@example.ma", "province", Some("07.041"))
        .await;
    let plain = app.user("plain@example.ma", None).await;
    let home = app.page(Method::GET, "/", Some(&plain), &[]).await.text();
    assert!(!home.contains("id=\"admin-link\""), "no link for them");
    let target = format!("/admin/accounts/{}", admin.id.0);
    for user in [&auditor, &authority, &plain] {
        for path in ["/admin", "/admin/accounts", "/admin/accounts/new", &target] {
            let r = app.page(Method::GET, path, Some(user), &[]).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        }
        for (path, form) in [
            (
                "/admin/accounts".to_owned(),
                vec![("display_name", "Intruder"), ("email", "intruder@x.ma")],
            ),
            (format!("{target}/disable"), vec![]),
            (
                format!("/admin/accounts/{}/role", user.id.0),
                vec![("role", "platform_admin"), ("confirm", "yes")],
            ),
        ] {
            let r = app.page(Method::POST, &path, Some(user), &form).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
    let r = app.page(Method::GET, "/admin/accounts", None, &[]).await;
    assert!(matches!(
        r.status,
        StatusCode::UNAUTHORIZED | StatusCode::SEE_OTHER
    ));
    assert!(app
        .store
        .user_by_email("intruder@x.ma")
        .await
        .expect("q")
        .is_none());
    assert_eq!(
        app.store
            .user(plain.id)
            .await
            .expect("q")
            .expect("u")
            .platform_role,
        None
    );
    assert!(
        !app.store
            .account(admin.id)
            .await
            .expect("q")
            .expect("a")
            .disabled
    );
    // A forged request without the CSRF token is refused too.
    let r = app
        .send(
            Request::post(format!("{target}/disable"))
                .header(header::COOKIE, &admin.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("csrf=forged"))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// A multipart upload of a document, as the manage page's form sends it.
async fn upload(
    app: &TestApp,
    org: OrgId,
    user: &TestUser,
    kind: &str,
    declared: &str,
    bytes: &[u8],
) -> crate::harness::Response {
    let boundary = "twiza-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"document_kind\"\r\n\r\n{kind}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"file\"\r\n\
         Content-Type: {declared}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.send(
        Request::post(format!(
            "/associations/{}/documents?csrf={}",
            org.0, user.csrf
        ))
        .header(header::COOKIE, &user.cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("request"),
    )
    .await
}

#[tokio::test]
async fn an_association_gives_its_documents_and_the_admin_decides_with_them() {
    let app = TestApp::new().await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association Atlas", "12/2020", OrgStatus::Pending)
        .await;
    let volunteer = app
        .member(org, OrgRole::Volunteer, "volunteer@example.ma")
        .await;
    let manage = format!("/associations/{}/manage", org.0);
    let page = app
        .page(Method::GET, &manage, Some(&owner), &[])
        .await
        .text();
    assert!(page.contains("id=\"document-form\""));

    let statutes = b"%PDF-1.7\nthe statutes".to_vec();
    let r = upload(&app, org, &owner, "statutes", "application/pdf", &statutes).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        location(&r),
        format!("{manage}?done=document_added#documents")
    );
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let documents = app.store.organization_documents(&scope).await.expect("q");
    assert_eq!(documents.len(), 1);
    let statutes_id = documents[0].id;
    let page = app
        .page(
            Method::GET,
            &format!("{manage}?done=document_added"),
            Some(&owner),
            &[],
        )
        .await
        .text();
    assert!(page.contains("id=\"done\""));
    assert!(page.contains(&format!("id=\"document-{statutes_id}\"")));

    // A file whose content is not its type, an unknown kind: refused next to the field.
    for (kind, declared, bytes, field) in [
        (
            "board_list",
            "application/pdf",
            &b"<html><script>"[..],
            "document-error",
        ),
        ("board_list", "image/png", b"%PDF-1.7\n", "document-error"),
        (
            "board_list",
            "image/webp",
            b"RIFF\0\0\0\0WEBPVP8 ",
            "document-error",
        ),
        ("minutes", "application/pdf", b"%PDF-1.7\n", "document_kind"),
    ] {
        let r = upload(&app, org, &owner, kind, declared, bytes).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{declared}");
        assert!(r.text().contains(&format!("id=\"{field}")), "{declared}");
        assert!(r.text().contains("id=\"error-summary\""));
    }
    // Too large.
    let big = [b"%PDF-".as_slice(), &vec![b'x'; 2 * 1024 * 1024 + 1]].concat();
    let r = upload(&app, org, &owner, "statutes", "application/pdf", &big).await;
    assert!(r.status.is_client_error(), "{}", r.status);
    // A member who does not manage the association adds nothing.
    let r = upload(
        &app,
        org,
        &volunteer,
        "statutes",
        "application/pdf",
        &statutes,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.store
            .organization_documents(&scope)
            .await
            .expect("q")
            .len(),
        1,
        "nothing else written"
    );

    // Downloaded by a member and by the admin; not by an outsider or an auditor.
    let file = format!("/associations/{}/documents/{statutes_id}", org.0);
    for user in [&volunteer, &owner, &admin] {
        let r = app.page(Method::GET, &file, Some(user), &[]).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.body, statutes);
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
        assert!(r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .starts_with("attachment"));
    }
    let outsider = app.user("outsider@example.ma", None).await;
    let auditor = app
        .user("auditor@example.ma", Some(PlatformRole::Auditor))
        .await;
    assert_eq!(
        app.page(Method::GET, &file, Some(&outsider), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.page(Method::GET, &file, Some(&auditor), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.page(Method::GET, &file, None, &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    // Another association's member cannot reach it through their own association.
    let other_owner = app.user("other@example.ma", None).await;
    let other = app
        .org(&other_owner, "Autre", "13/2020", OrgStatus::Verified)
        .await;
    let r = app
        .page(
            Method::GET,
            &format!("/associations/{}/documents/{statutes_id}", other.0),
            Some(&other_owner),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // The queue shows the documents of each association, with their links.
    let queue = app
        .page(Method::GET, "/admin/verification", Some(&admin), &[])
        .await
        .text();
    assert!(queue.contains(&format!("id=\"documents-{}\"", org.0)));
    assert!(queue.contains(&format!("href=\"{file}\"")));
}
