//! OpenRosa submissions on both backends: an instance id remembered once per association, the
//! first one kept when the same id comes again, and another association's ids apart.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::{NewSubmission, SeenSubmission};

on_both_backends!(
    an_instance_id_is_remembered_once_per_association,
    |db: TestDb| async move {
        let s = &db.store;
        let agent = s
            .create_user("f@x.ma", "h", "Agent", None)
            .await
            .expect("u");
        let a = s
            .create_organization(&new_org("O-1", "Org A", "071"), "org-a", agent)
            .await
            .expect("org");
        let b = s
            .create_organization(&new_org("O-2", "Org B", "071"), "org-b", agent)
            .await
            .expect("org");
        let (a, b) = (
            OrgScope::for_member(a, OrgRole::Owner),
            OrgScope::for_member(b, OrgRole::Owner),
        );
        let first = NewSubmission {
            instance_id: "uuid:1",
            form_id: "twiza_need_assessment",
            content_hash: "aa",
            record: "need:1",
            by: agent,
        };
        assert_eq!(s.openrosa_submission(&a, "uuid:1").await.expect("q"), None);
        let kept = SeenSubmission {
            form_id: "twiza_need_assessment".into(),
            content_hash: "aa".into(),
            record: "need:1".into(),
        };
        assert_eq!(
            s.remember_openrosa_submission(&a, &first).await.expect("w"),
            kept
        );
        // The same id again (another XML, sent at once): the first stays and is answered.
        let second = NewSubmission {
            content_hash: "bb",
            record: "need:2",
            ..first
        };
        assert_eq!(
            s.remember_openrosa_submission(&a, &second)
                .await
                .expect("w"),
            kept
        );
        assert_eq!(s.openrosa_submission_count(&a).await.expect("q"), 1);
        // Another association's ids are its own.
        assert_eq!(s.openrosa_submission(&b, "uuid:1").await.expect("q"), None);
        s.remember_openrosa_submission(&b, &second)
            .await
            .expect("w");
        assert_eq!(
            s.openrosa_submission(&b, "uuid:1")
                .await
                .expect("q")
                .map(|x| x.record),
            Some("need:2".to_owned())
        );
        assert_eq!(s.openrosa_submission_count(&a).await.expect("q"), 1);
    }
);
