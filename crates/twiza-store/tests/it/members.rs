//! Changes to an association's members on both backends: who may change which role, the
//! association always keeps an owner, ownership handed over in one step, every change recorded.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::{OrgRole, OrgScope, Refusal, UserId};
use twiza_store::StoreError;

on_both_backends!(
    roles_change_under_the_owner_rules_and_are_recorded,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s
            .create_user("o@x.ma", "h", "Owner", None)
            .await
            .expect("u");
        let admin = s
            .create_user("a@x.ma", "h", "Admin", None)
            .await
            .expect("u");
        let treasurer = s
            .create_user("t@x.ma", "h", "Treasurer", None)
            .await
            .expect("u");
        let org = s
            .create_organization(&new_org("M-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let as_owner = OrgScope::for_member(org, OrgRole::Owner);
        let as_admin = OrgScope::for_member(org, OrgRole::Admin);
        s.add_member(&as_owner, admin, OrgRole::Admin)
            .await
            .expect("add");
        s.add_member(&as_owner, treasurer, OrgRole::Treasurer)
            .await
            .expect("add");
        let role_of = |u: UserId| async move { s.membership(org, u).await.expect("q") };

        // An admin changes ordinary roles, never the owner's.
        s.change_member_role(&as_admin, treasurer, OrgRole::Coordinator, admin)
            .await
            .expect("admin changes a role");
        assert_eq!(role_of(treasurer).await, Some(OrgRole::Coordinator));
        for refused in [
            s.change_member_role(&as_admin, treasurer, OrgRole::Owner, admin)
                .await,
            s.change_member_role(&as_admin, owner, OrgRole::Admin, admin)
                .await,
            s.remove_member(&as_admin, owner, admin).await,
        ] {
            assert!(
                matches!(refused, Err(StoreError::Refused(Refusal::OwnerOnly))),
                "{refused:?}"
            );
        }
        // The only owner cannot step down or leave.
        assert!(matches!(
            s.change_member_role(&as_owner, owner, OrgRole::Admin, owner)
                .await,
            Err(StoreError::Refused(Refusal::LastOwner))
        ));
        assert!(matches!(
            s.remove_member(&as_owner, owner, owner).await,
            Err(StoreError::Refused(Refusal::LastOwner))
        ));
        assert_eq!(role_of(owner).await, Some(OrgRole::Owner));
        // Not a member.
        let outsider = s.create_user("x@x.ma", "h", "X", None).await.expect("u");
        assert!(matches!(
            s.change_member_role(&as_owner, outsider, OrgRole::Volunteer, owner)
                .await,
            Err(StoreError::NotFound)
        ));

        // Ownership handed over: the admin becomes the owner, the owner an admin.
        s.hand_over_ownership(&as_owner, admin, owner)
            .await
            .expect("hand over");
        assert_eq!(role_of(admin).await, Some(OrgRole::Owner));
        assert_eq!(role_of(owner).await, Some(OrgRole::Admin));
        // The former owner holds no owner role any more to hand over.
        assert!(matches!(
            s.hand_over_ownership(&as_owner, treasurer, owner).await,
            Err(StoreError::Refused(Refusal::OwnerOnly))
        ));
        // A removal.
        let new_owner = OrgScope::for_member(org, OrgRole::Owner);
        s.remove_member(&new_owner, treasurer, admin)
            .await
            .expect("remove");
        assert_eq!(role_of(treasurer).await, None);

        // Every change, newest first, with who made it.
        let changes = s.membership_changes(&as_owner, 10).await.expect("changes");
        let seen: Vec<(&str, OrgRole, Option<OrgRole>, &str)> = changes
            .iter()
            .map(|c| {
                (
                    c.display_name.as_str(),
                    c.from_role,
                    c.to_role,
                    c.changed_by_name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("Treasurer", OrgRole::Coordinator, None, "Admin"),
                ("Owner", OrgRole::Owner, Some(OrgRole::Admin), "Owner"),
                ("Admin", OrgRole::Admin, Some(OrgRole::Owner), "Owner"),
                (
                    "Treasurer",
                    OrgRole::Treasurer,
                    Some(OrgRole::Coordinator),
                    "Admin"
                ),
            ]
        );
    }
);
