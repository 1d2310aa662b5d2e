//! Platform administration on both backends: accounts created without a usable password,
//! disabled (no sign-in, sessions and tokens gone) and enabled, platform roles given and taken
//! with the admin's own account and the last admin kept, every change recorded; the account list's
//! search and keyset pages; the associations' documents kept within their association.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::account::{AccountAction, PlatformGrant};
use twiza_domain::competence::Competence;
use twiza_domain::organization::DocumentKind;
use twiza_domain::{OrgRole, OrgScope, PlatformRole, Refusal, UserId};
use twiza_store::{AccountsQuery, StoreError, UNUSABLE_PASSWORD_HASH};

fn refused(result: Result<(), StoreError>, refusal: Refusal) {
    assert!(
        matches!(result, Err(StoreError::Refused(r)) if r == refusal),
        "{result:?}"
    );
}

on_both_backends!(
    accounts_are_administered_and_every_change_recorded,
    |db: TestDb| async move {
        let s = &db.store;
        let admin = s
            .create_user(
                "admin@x.ma",
                "h",
                "Admin",
                Some(PlatformRole::PlatformAdmin),
            )
            .await
            .expect("admin");
        let governor = Competence::parse("province", Some("07.041")).expect("competence");
        let id = s
            .create_account(
                "amina@x.ma",
                "Amina",
                Some(&PlatformGrant::Authority(governor.clone())),
                Some(admin),
            )
            .await
            .expect("created");
        assert!(matches!(
            s.create_account("amina@x.ma", "Again", None, Some(admin))
                .await,
            Err(StoreError::Refused(Refusal::EmailTaken))
        ));
        let (user, hash) = s
            .user_with_password("amina@x.ma")
            .await
            .expect("q")
            .expect("account");
        assert_eq!(hash, UNUSABLE_PASSWORD_HASH);
        assert_eq!(user.platform_role, Some(PlatformRole::Authority));
        assert_eq!(user.competence, Some(governor.clone()));

        // Disabled: no sign-in, no session, no token; twice is once.
        s.create_session("session-hash", id, "csrf", twiza_store::now() + 3600)
            .await
            .expect("session");
        s.create_api_token(id, "token-hash", "t", "twz_")
            .await
            .expect("token");
        s.disable_account(id, admin).await.expect("disable");
        s.disable_account(id, admin).await.expect("again");
        assert!(s
            .user_with_password("amina@x.ma")
            .await
            .expect("q")
            .is_none());
        assert!(s.session("session-hash").await.expect("q").is_none());
        assert!(s
            .user_for_api_token("token-hash")
            .await
            .expect("q")
            .is_none());
        assert!(s.account(id).await.expect("q").expect("a").disabled);
        s.enable_account(id, admin).await.expect("enable");
        assert!(s
            .user_with_password("amina@x.ma")
            .await
            .expect("q")
            .is_some());
        assert!(
            s.user_for_api_token("token-hash")
                .await
                .expect("q")
                .is_none(),
            "a revoked token stays revoked"
        );

        // Roles: given in place of another, the same again changes nothing, taken.
        s.change_platform_role(id, Some(&PlatformGrant::Auditor), Some(admin))
            .await
            .expect("auditor");
        s.change_platform_role(id, Some(&PlatformGrant::Auditor), Some(admin))
            .await
            .expect("same");
        let wali = Competence::parse("region", Some("07")).expect("wali");
        s.change_platform_role(id, Some(&PlatformGrant::Authority(wali.clone())), None)
            .await
            .expect("authority from the command line");
        let user = s.user(id).await.expect("q").expect("u");
        assert_eq!(user.competence, Some(wali.clone()));
        s.change_platform_role(id, None, Some(admin))
            .await
            .expect("taken");
        let user = s.user(id).await.expect("q").expect("u");
        assert_eq!((user.platform_role, user.competence), (None, None));
        assert!(matches!(
            s.change_platform_role(UserId(999_999), None, Some(admin))
                .await,
            Err(StoreError::NotFound)
        ));

        let changes = s.account_changes(id, 100).await.expect("changes");
        let summary: Vec<_> = changes
            .iter()
            .rev()
            .map(|c| (c.action, c.role, c.competence.clone(), c.changed_by))
            .collect();
        use AccountAction::*;
        use PlatformRole::*;
        assert_eq!(
            summary,
            [
                (Created, None, None, Some(admin)),
                (RoleGiven, Some(Authority), Some(governor), Some(admin)),
                (Disabled, None, None, Some(admin)),
                (Enabled, None, None, Some(admin)),
                (RoleTaken, Some(Authority), None, Some(admin)),
                (RoleGiven, Some(Auditor), None, Some(admin)),
                (RoleTaken, Some(Auditor), None, None),
                (RoleGiven, Some(Authority), Some(wali), None),
                (RoleTaken, Some(Authority), None, Some(admin)),
            ]
        );
        assert_eq!(changes[0].changed_by_name.as_deref(), Some("Admin"));
        assert_eq!(changes[1].changed_by_name, None, "the command line");
    }
);

on_both_backends!(
    the_platform_keeps_an_active_admin_and_an_admin_their_own_account,
    |db: TestDb| async move {
        let s = &db.store;
        let first = s
            .create_user(
                "first@x.ma",
                "h",
                "First",
                Some(PlatformRole::PlatformAdmin),
            )
            .await
            .expect("u");
        refused(s.disable_account(first, first).await, Refusal::OwnAccount);
        refused(s.enable_account(first, first).await, Refusal::OwnAccount);
        refused(
            s.change_platform_role(first, None, Some(first)).await,
            Refusal::OwnAccount,
        );
        refused(
            s.change_platform_role(first, Some(&PlatformGrant::Auditor), None)
                .await,
            Refusal::LastPlatformAdmin,
        );
        let second = s
            .create_account(
                "second@x.ma",
                "Second",
                Some(&PlatformGrant::PlatformAdmin),
                None,
            )
            .await
            .expect("u");
        s.disable_account(second, first).await.expect("disable");
        // A disabled admin does not count.
        refused(
            s.change_platform_role(first, None, None).await,
            Refusal::LastPlatformAdmin,
        );
        // Its role can be taken: it leaves no active admin short.
        s.change_platform_role(second, None, Some(first))
            .await
            .expect("taken from a disabled admin");
        s.change_platform_role(second, Some(&PlatformGrant::PlatformAdmin), Some(first))
            .await
            .expect("given again");
        s.enable_account(second, first).await.expect("enable");
        s.disable_account(first, second)
            .await
            .expect("another admin remains");
        refused(
            s.change_platform_role(second, None, None).await,
            Refusal::LastPlatformAdmin,
        );
        assert_eq!(
            s.user(second).await.expect("q").expect("u").platform_role,
            Some(PlatformRole::PlatformAdmin),
            "nothing written"
        );
    }
);

on_both_backends!(
    accounts_are_searched_and_paged_by_keyset,
    |db: TestDb| async move {
        let s = &db.store;
        let mut ids = Vec::new();
        for i in 0..7 {
            ids.push(
                s.create_account(&format!("p{i}@x.ma"), &format!("Person {i}"), None, None)
                    .await
                    .expect("u"),
            );
        }
        s.create_account("other@y.ma", "Zineb", None, None)
            .await
            .expect("u");
        let page = |search: Option<&str>, after, before| AccountsQuery {
            search: search.map(str::to_owned),
            after,
            before,
            per_page: 3,
        };
        let first = s
            .accounts_page(&page(Some("PERSON"), None, None))
            .await
            .expect("q");
        let got: Vec<_> = first.accounts.iter().map(|a| a.user.id).collect();
        assert_eq!(got, ids[..3]);
        assert_eq!((first.previous, first.next), (None, Some(ids[2].0)));
        let second = s
            .accounts_page(&page(Some("person"), first.next, None))
            .await
            .expect("q");
        assert_eq!(second.accounts.len(), 3);
        assert_eq!(second.previous, Some(ids[3].0));
        let last = s
            .accounts_page(&page(Some("person"), second.next, None))
            .await
            .expect("q");
        assert_eq!(last.accounts.len(), 1);
        assert_eq!(last.next, None);
        let back = s
            .accounts_page(&page(Some("person"), None, last.previous))
            .await
            .expect("q");
        let got: Vec<_> = back.accounts.iter().map(|a| a.user.id).collect();
        assert_eq!(got, ids[3..6]);
        assert_eq!(back.next, Some(ids[5].0));
        assert_eq!(back.previous, Some(ids[3].0));
        let by_mail = s
            .accounts_page(&page(Some("y.ma"), None, None))
            .await
            .expect("q");
        assert_eq!(by_mail.accounts.len(), 1);
        // Wildcards are searched as nothing, never widened.
        let wild = s
            .accounts_page(&page(Some("%"), None, None))
            .await
            .expect("q");
        assert_eq!(wild.accounts.len(), 3, "an empty search lists all");
        let none = s
            .accounts_page(&page(Some("p_@"), None, None))
            .await
            .expect("q");
        assert_eq!(none.accounts.len(), 0);
    }
);

on_both_backends!(
    documents_stay_within_their_association,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s
            .create_user("o@x.ma", "h", "Owner", None)
            .await
            .expect("u");
        let pending = s
            .create_organization(&new_org("D-1", "Pending", "071"), "p", owner)
            .await
            .expect("org");
        let other = s
            .create_organization(&new_org("D-2", "Other", "072"), "o", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(pending, OrgRole::Owner);
        let other_scope = OrgScope::for_member(other, OrgRole::Owner);
        let content = b"%PDF-1.7 statutes".to_vec();
        let id = s
            .add_organization_document(
                &scope,
                DocumentKind::Statutes,
                "application/pdf",
                &content,
                owner,
            )
            .await
            .expect("document");
        let listed = s.organization_documents(&scope).await.expect("q");
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].kind, DocumentKind::Statutes);
        assert_eq!(listed[0].size_bytes, content.len() as i64);
        assert_eq!(listed[0].uploaded_by_name, "Owner");
        assert_eq!(listed[0].sha256.len(), 64);
        let (doc, bytes) = s
            .organization_document(&scope, id)
            .await
            .expect("q")
            .expect("found");
        assert_eq!((doc.id, bytes), (id, content));
        assert!(s
            .organization_document(&other_scope, id)
            .await
            .expect("q")
            .is_none());
        assert!(s
            .organization_documents(&other_scope)
            .await
            .expect("q")
            .is_empty());
        let queue = s.pending_organizations_documents().await.expect("q");
        assert_eq!(queue.iter().map(|d| d.id).collect::<Vec<_>>(), [id]);
    }
);
