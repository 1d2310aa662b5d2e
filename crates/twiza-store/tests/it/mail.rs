//! E-mail's storage on both backends: the outbox (queued once per key, claimed by one sender,
//! erased once sent or given up), invitation links and password links (single use, expiry,
//! every session ended by a reset) and the language an account uses.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::{OrgRole, OrgScope, Refusal};
use twiza_store::{LinkHash, NewMail, StoreError};

fn mail(key: &str, to: &str) -> NewMail {
    NewMail {
        kind: "invitation",
        dedupe_key: key.to_owned(),
        recipient: to.to_owned(),
        subject: "Subject".to_owned(),
        body_text: "Body with https://x.ma/invitations/secret".to_owned(),
    }
}

on_both_backends!(
    the_outbox_queues_once_claims_once_and_erases_what_it_sent,
    |db: TestDb| async move {
        let s = &db.store;
        assert_eq!(
            s.queue_mail(&[mail("k1", "a@x.ma"), mail("k2", "b@x.ma")])
                .await
                .expect("queue"),
            2
        );
        // The same key again queues nothing.
        assert_eq!(
            s.queue_mail(&[mail("k1", "a@x.ma")]).await.expect("queue"),
            0
        );
        let now = twiza_store::now();
        let claimed = s.claim_due_mail(now, 10, 60).await.expect("claim");
        assert_eq!(claimed.len(), 2);
        assert_eq!(claimed[0].recipient, "a@x.ma");
        // A second sender finds nothing while they are held.
        assert!(s
            .claim_due_mail(now, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        s.mail_sent(claimed[0].id).await.expect("sent");
        // Sent once: marking it again finds nothing to mark.
        assert!(matches!(
            s.mail_sent(claimed[0].id).await,
            Err(StoreError::NotFound)
        ));
        // A failure is tried again later, then given up.
        s.mail_attempt_failed(claimed[1].id, "smtp_unavailable", Some(now + 30))
            .await
            .expect("retry");
        assert!(s
            .claim_due_mail(now, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        let again = s.claim_due_mail(now + 31, 10, 60).await.expect("claim");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].attempts, 1);
        s.mail_attempt_failed(again[0].id, "smtp_refused", None)
            .await
            .expect("give up");
        assert!(s
            .claim_due_mail(now + 10_000, 10, 60)
            .await
            .expect("claim")
            .is_empty());
        let outbox = s.mail_outbox(10).await.expect("outbox");
        assert_eq!(outbox.len(), 2);
        let failed = &outbox[0];
        let sent = &outbox[1];
        assert!(sent.sent_at.is_some() && sent.failed_at.is_none());
        assert!(failed.failed_at.is_some() && failed.sent_at.is_none());
        assert_eq!(failed.attempts, 2);
        assert_eq!(failed.last_error.as_deref(), Some("smtp_refused"));
        // Nothing personal or secret is kept once done.
        for m in &outbox {
            assert!(m.recipient.is_empty() && m.subject.is_empty() && m.body_text.is_empty());
        }
    }
);

on_both_backends!(
    an_invitation_link_is_single_use_and_expires,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s
            .create_user("o@x.ma", "h", "Owner", None)
            .await
            .expect("u");
        let invitee = s
            .create_user("new@x.ma", "h", "New", None)
            .await
            .expect("u");
        let org = s
            .create_organization(&new_org("L-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let now = twiza_store::now();
        s.invite_with_link(
            &scope,
            "new@x.ma",
            OrgRole::Treasurer,
            owner,
            LinkHash {
                token_hash: "hash-1",
                expires_at: now + 100,
            },
            &mail("invitation:hash-1", "new@x.ma"),
        )
        .await
        .expect("invite");
        // The message was queued with it.
        assert_eq!(
            s.mail_outbox(10).await.expect("outbox")[0].recipient,
            "new@x.ma"
        );
        let open = s
            .invitation_by_link("hash-1", now)
            .await
            .expect("q")
            .expect("open");
        assert_eq!((open.org_id, open.role), (org, OrgRole::Treasurer));
        assert!(s
            .invitation_by_link("other", now)
            .await
            .expect("q")
            .is_none());
        // Expired: neither shown nor accepted.
        assert!(s
            .invitation_by_link("hash-1", now + 100)
            .await
            .expect("q")
            .is_none());
        assert!(matches!(
            s.accept_invitation_by_link("hash-1", invitee, now + 100)
                .await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            s.accept_invitation_by_link("hash-1", invitee, now)
                .await
                .expect("accept"),
            org
        );
        assert_eq!(
            s.membership(org, invitee).await.expect("q"),
            Some(OrgRole::Treasurer)
        );
        // Used once.
        assert!(matches!(
            s.accept_invitation_by_link("hash-1", owner, now).await,
            Err(StoreError::NotFound)
        ));
        assert!(s
            .invitation_by_link("hash-1", now)
            .await
            .expect("q")
            .is_none());
        // A member's address cannot be invited, and nothing is queued then.
        let before = s.mail_outbox(10).await.expect("outbox").len();
        let refused = s
            .invite_with_link(
                &scope,
                "new@x.ma",
                OrgRole::Volunteer,
                owner,
                LinkHash {
                    token_hash: "hash-2",
                    expires_at: now + 100,
                },
                &mail("invitation:hash-2", "new@x.ma"),
            )
            .await;
        assert!(matches!(
            refused,
            Err(StoreError::Refused(Refusal::AlreadyMember))
        ));
        assert_eq!(s.mail_outbox(10).await.expect("outbox").len(), before);
    }
);

on_both_backends!(
    a_password_link_sets_a_password_once_and_ends_every_session,
    |db: TestDb| async move {
        let s = &db.store;
        let user = s
            .create_user("u@x.ma", "old-hash", "U", None)
            .await
            .expect("u");
        let now = twiza_store::now();
        s.create_session("session-1", user, "csrf", now + 3600)
            .await
            .expect("session");
        for (hash, key) in [("link-1", "p1"), ("link-2", "p2")] {
            s.create_password_link(
                user,
                LinkHash {
                    token_hash: hash,
                    expires_at: now + 3600,
                },
                &mail(key, "u@x.ma"),
            )
            .await
            .expect("link");
        }
        assert_eq!(
            s.password_link_user("link-1", now).await.expect("q"),
            Some(user)
        );
        assert_eq!(
            s.password_link_user("link-1", now + 3600).await.expect("q"),
            None
        );
        assert!(matches!(
            s.reset_password_with_link("link-1", "new-hash", now + 3600)
                .await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            s.reset_password_with_link("link-1", "new-hash", now)
                .await
                .expect("reset"),
            user
        );
        let (_, hash) = s
            .user_with_password("u@x.ma")
            .await
            .expect("q")
            .expect("user");
        assert_eq!(hash, "new-hash");
        assert!(s.session("session-1").await.expect("q").is_none());
        // The link and every other open link of the account are used up.
        for link in ["link-1", "link-2"] {
            assert_eq!(s.password_link_user(link, now).await.expect("q"), None);
            assert!(matches!(
                s.reset_password_with_link(link, "other", now).await,
                Err(StoreError::NotFound)
            ));
        }
    }
);

on_both_backends!(
    notifications_go_to_the_roles_asked_in_their_language,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s
            .create_user("o@x.ma", "h", "Owner", None)
            .await
            .expect("u");
        let treasurer = s.create_user("t@x.ma", "h", "T", None).await.expect("u");
        let volunteer = s.create_user("v@x.ma", "h", "V", None).await.expect("u");
        let org = s
            .create_organization(&new_org("N-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        s.add_member(&scope, treasurer, OrgRole::Treasurer)
            .await
            .expect("add");
        s.add_member(&scope, volunteer, OrgRole::Volunteer)
            .await
            .expect("add");
        s.set_user_locale(treasurer, "fr").await.expect("locale");
        assert_eq!(
            s.user_locale(treasurer).await.expect("q").as_deref(),
            Some("fr")
        );
        assert_eq!(s.user_locale(owner).await.expect("q"), None);
        let to = s
            .mail_recipients(org, &[OrgRole::Owner, OrgRole::Treasurer])
            .await
            .expect("q");
        let got: Vec<_> = to
            .iter()
            .map(|r| (r.email.as_str(), r.locale.as_deref()))
            .collect();
        assert_eq!(got, vec![("o@x.ma", None), ("t@x.ma", Some("fr"))]);
    }
);
