//! A member's communes on both backends: given by a manager only, recorded as changes, gone
//! when the member leaves; and a household's creation key registers it once.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::{OrgRole, OrgScope, Refusal};
use twiza_store::StoreError;

on_both_backends!(
    member_communes_are_given_by_managers_recorded_and_go_with_the_member,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s
            .create_user("o@x.ma", "h", "Owner", None)
            .await
            .expect("u");
        let agent = s
            .create_user("f@x.ma", "h", "Agent", None)
            .await
            .expect("u");
        let org = s
            .create_organization(&new_org("F-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let as_owner = OrgScope::for_member(org, OrgRole::Owner);
        let as_agent = OrgScope::for_member(org, OrgRole::FieldAgent);
        s.add_member(&as_owner, agent, OrgRole::FieldAgent)
            .await
            .expect("add");
        assert!(s
            .member_communes(&as_owner, agent)
            .await
            .expect("q")
            .is_empty());

        let communes = vec!["07.041.07.05".to_owned(), "07.041.07.03".to_owned()];
        s.set_member_communes(&as_owner, agent, &communes, owner)
            .await
            .expect("given");
        assert_eq!(
            s.member_communes(&as_agent, agent).await.expect("q"),
            vec!["07.041.07.03".to_owned(), "07.041.07.05".to_owned()]
        );
        // The same communes again change nothing and are not recorded twice.
        s.set_member_communes(&as_owner, agent, &communes, owner)
            .await
            .expect("same");
        let changes = s.commune_changes(&as_owner, 10).await.expect("changes");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].user_id, agent);
        assert_eq!(changes[0].display_name, "Agent");
        assert_eq!(changes[0].changed_by_name, "Owner");
        assert_eq!(changes[0].communes, vec!["07.041.07.03", "07.041.07.05"]);

        // An agent cannot give themselves communes; a non-member has none to give.
        assert!(matches!(
            s.set_member_communes(&as_agent, agent, &[], agent).await,
            Err(StoreError::Refused(Refusal::ManagersOnly))
        ));
        let outsider = s.create_user("x@x.ma", "h", "X", None).await.expect("u");
        assert!(matches!(
            s.set_member_communes(&as_owner, outsider, &communes, owner)
                .await,
            Err(StoreError::NotFound)
        ));

        // Taken away: recorded with no commune.
        s.set_member_communes(&as_owner, agent, &[], owner)
            .await
            .expect("taken");
        assert!(s
            .member_communes(&as_owner, agent)
            .await
            .expect("q")
            .is_empty());
        let changes = s.commune_changes(&as_owner, 10).await.expect("changes");
        assert_eq!(changes.len(), 2);
        assert!(changes[0].communes.is_empty());

        // Gone when the member leaves, and back with nothing if they return.
        s.set_member_communes(&as_owner, agent, &communes[..1], owner)
            .await
            .expect("given");
        assert_eq!(s.members_communes(&as_owner).await.expect("q").len(), 1);
        s.remove_member(&as_owner, agent, owner)
            .await
            .expect("removed");
        assert!(s.members_communes(&as_owner).await.expect("q").is_empty());
        s.add_member(&as_owner, agent, OrgRole::FieldAgent)
            .await
            .expect("back");
        assert!(s
            .member_communes(&as_owner, agent)
            .await
            .expect("q")
            .is_empty());
    }
);
