//! Volunteers' profiles and hosts' accreditations on both backends: one profile per account
//! and per person, sealed values, a host's logged read only after an application, erasure, and
//! the accreditation in force on a day.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use time::macros::date;
use twiza_domain::volunteer::{Accreditation, NewVolunteer};
use twiza_domain::{OrgRole, OrgScope, Refusal};
use twiza_store::{PersonalDataKeys, Reader, StoreError};

fn keys() -> PersonalDataKeys {
    PersonalDataKeys::new([(1, [1; 32])].into(), [9; 32]).expect("keys")
}

fn profile(cin: &str) -> NewVolunteer {
    NewVolunteer {
        name: "Youssef Amrani".into(),
        birth_date: date!(1990 - 05 - 01),
        cin: cin.into(),
        phone: "+212612345678".into(),
        skills: 0b11,
        languages: 0b101,
        weekdays: 0b1000001,
        available_from: Some(date!(2026 - 01 - 01)),
        available_until: None,
        communes: vec!["07.041.07.05".into(), "07.041.07.03".into()],
        emergency_name: "Fatima Amrani".into(),
        emergency_phone: "+212698765432".into(),
    }
}

/// An application of `volunteer` to a mission of `org` (the missions' own code writes these).
pub async fn apply(s: &twiza_store::Store, org: i64, volunteer: i64, by: i64) {
    for sql in [
        format!(
            "INSERT INTO missions (organization_id, kind, title, purpose, skills, languages, \
             commune_code, starts_on, ends_on, status, created_by, created_at) VALUES ({org}, \
             'informal', 'Distribution', 'Aide', 1, 1, '07.041.07.05', '2026-12-01', \
             '2026-12-31', 'open', {by}, 0)"
        ),
        format!(
            "INSERT INTO mission_shifts (mission_id, starts_at, ends_at, places, checkin_code) \
             SELECT MAX(id), 100, 200, 3, '123456' FROM missions WHERE organization_id = {org}"
        ),
        format!(
            "INSERT INTO applications (mission_id, shift_id, volunteer_id, organization_id, \
             status, created_at) SELECT m.id, MAX(s.id), {volunteer}, {org}, 'applied', 0 \
             FROM missions m JOIN mission_shifts s ON s.mission_id = m.id \
             WHERE m.organization_id = {org} GROUP BY m.id"
        ),
    ] {
        s.execute_raw(&sql).await.expect("application");
    }
}

on_both_backends!(
    a_volunteer_profile_is_sealed_unique_and_erased,
    |db: TestDb| async move {
        let s = &db.store;
        let k = keys();
        let owner = s.create_user("v@x.ma", "h", "V", None).await.expect("user");
        let other = s.create_user("w@x.ma", "h", "W", None).await.expect("user");
        let id = s
            .create_volunteer(&k, owner, &profile("BK123456"))
            .await
            .expect("volunteer");
        // One per account, one per person.
        for (user, cin) in [(owner, "BK999999"), (other, "BK123456")] {
            assert!(matches!(
                s.create_volunteer(&k, user, &profile(cin)).await,
                Err(StoreError::Refused(Refusal::VolunteerExists))
            ));
        }
        assert_eq!(s.own_volunteer(&k, other).await.expect("q"), None);
        let mine = s.own_volunteer(&k, owner).await.expect("q").expect("mine");
        assert_eq!(mine.reference, format!("V-{id}"));
        assert_eq!(mine.cin, "BK123456");
        assert_eq!(mine.emergency_phone, "+212698765432");
        assert_eq!(mine.communes, vec!["07.041.07.03", "07.041.07.05"]);

        // Changed: sealed again, communes replaced.
        let mut changed = profile("BK123456");
        changed.phone = "+212600000001".into();
        changed.communes = vec!["07.041.07.05".into()];
        s.update_volunteer(&k, owner, &changed)
            .await
            .expect("update");
        let mine = s.own_volunteer(&k, owner).await.expect("q").expect("mine");
        assert_eq!(
            (mine.phone.as_str(), mine.communes.len()),
            ("+212600000001", 1)
        );

        // A host sees the volunteer only after they applied to one of its missions.
        let org = s
            .create_organization(&new_org("9/2019", "Hôte", "07.041"), "hote", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let reader = Reader {
            account: owner,
            purpose: "volunteering",
        };
        assert!(matches!(
            s.hosted_volunteer(&k, &scope, id, reader).await,
            Err(StoreError::NotFound)
        ));
        apply(s, org.0, id, owner.0).await;
        let (seen, documents) = s
            .hosted_volunteer(&k, &scope, id, reader)
            .await
            .expect("applied");
        assert_eq!((seen.id, documents.len()), (id, 0));
        assert_eq!(s.own_volunteer_reads(owner).await.expect("q").len(), 1);
        assert!(!s
            .check_volunteer_record(&scope, id, owner)
            .await
            .expect("q"));
        s.add_volunteer_document(owner, "criminal_record", "application/pdf", b"%PDF-1.7")
            .await
            .expect("document");
        assert!(s
            .check_volunteer_record(&scope, id, owner)
            .await
            .expect("q"));
        let export = s
            .export_volunteer(&k, owner)
            .await
            .expect("q")
            .expect("export");
        assert_eq!(
            (
                export.applications.len(),
                export.reads.len(),
                export.documents[0].checked_by
            ),
            (1, 1, Some(owner.0))
        );

        // Erased: with no contract nor certificate, nothing of the volunteer stays.
        let erased = s.erase_volunteer(owner).await.expect("erase");
        assert_eq!((erased.contracts_kept, erased.certificates_kept), (0, 0));
        assert_eq!(s.own_volunteer(&k, owner).await.expect("q"), None);
        assert!(matches!(
            s.hosted_volunteer(&k, &scope, id, reader).await,
            Err(StoreError::NotFound)
        ));
        // The same person may sign up again.
        s.create_volunteer(&k, owner, &profile("BK123456"))
            .await
            .expect("again");
    }
);

on_both_backends!(
    the_accreditation_in_force_is_the_one_covering_the_day,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("8/2019", "Hôte", "07.041"), "hote", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        assert_eq!(
            s.accreditation_in_force(org, date!(2026 - 06 - 01))
                .await
                .expect("q"),
            None
        );
        let a = Accreditation {
            reference: "AGR-2026-7".into(),
            issued_on: date!(2026 - 01 - 10),
            issuing_authority: "Ministère".into(),
            valid_from: date!(2026 - 01 - 15),
            valid_until: date!(2026 - 12 - 31),
        };
        let id = s
            .record_accreditation(
                &scope,
                &a,
                Some(("application/pdf", b"%PDF-1.7")),
                owner,
                Some("k1"),
            )
            .await
            .expect("record");
        assert_eq!(
            s.record_accreditation(&scope, &a, None, owner, Some("k1"))
                .await
                .expect("again"),
            id,
            "the same form twice records once"
        );
        assert_eq!(s.accreditations(&scope).await.expect("q").len(), 1);
        for (day, in_force) in [
            (date!(2026 - 01 - 14), false),
            (date!(2026 - 01 - 15), true),
            (date!(2026 - 12 - 31), true),
            (date!(2027 - 01 - 01), false),
        ] {
            let found = s.accreditation_in_force(org, day).await.expect("q");
            assert_eq!(found.is_some(), in_force, "{day}");
        }
    }
);

on_both_backends!(
    an_erased_volunteer_named_by_a_contract_keeps_only_the_contract,
    |db: TestDb| async move {
        let s = &db.store;
        let k = keys();
        let owner = s.create_user("v@x.ma", "h", "V", None).await.expect("user");
        let id = s
            .create_volunteer(&k, owner, &profile("BK123456"))
            .await
            .expect("volunteer");
        let org = s
            .create_organization(&new_org("7/2019", "Hôte", "07.041"), "hote", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        apply(s, org.0, id, owner.0).await;
        let a = Accreditation {
            reference: "AGR".into(),
            issued_on: date!(2026 - 01 - 10),
            issuing_authority: "Ministère".into(),
            valid_from: date!(2026 - 01 - 15),
            valid_until: date!(2026 - 12 - 31),
        };
        let accreditation = s
            .record_accreditation(&scope, &a, None, owner, None)
            .await
            .expect("accreditation");
        let (o, u) = (org.0, owner.0);
        for sql in [
            format!(
                "INSERT INTO volunteer_contracts (organization_id, volunteer_id, mission_id, \
                 application_id, accreditation_id, number, starts_on, ends_on, weekly_hours, \
                 training, insurance, expenses, termination, text_ar, text_fr, text_sha256, \
                 status, created_by, created_at) SELECT {o}, {id}, mission_id, id, \
                 {accreditation}, 'CV-2026-1', '2026-12-01', '2026-12-31', 10, 't', 'i', 'e', \
                 'x', 'عقد', 'Contrat de Youssef Amrani', 'h', 'signed', {u}, 0 \
                 FROM applications WHERE volunteer_id = {id}"
            ),
            format!(
                "INSERT INTO volunteer_certificates (code, organization_id, volunteer_id, \
                 minutes, missions, period_from, period_until, content, salt, commitment, \
                 issued_by, issued_at) VALUES ('TWZ-C-1', {o}, {id}, 120, 1, '2026-12-01', \
                 '2026-12-31', 'c', 's', 'h', {u}, 0)"
            ),
        ] {
            s.execute_raw(&sql).await.expect("kept record");
        }
        assert_eq!(
            s.volunteer_erasure_preview(owner).await.expect("q"),
            twiza_store::Erasure {
                contracts_kept: 1,
                certificates_kept: 1
            }
        );
        s.erase_volunteer(owner).await.expect("erase");
        // Nothing sealed is left (a rotation finds nothing), the account has no profile, the
        // host sees nothing, and the same person may sign up again.
        let rotated =
            PersonalDataKeys::new([(1, [1; 32]), (2, [2; 32])].into(), [9; 32]).expect("keys");
        assert_eq!(
            s.reseal_sealed_values(&rotated, 10)
                .await
                .expect("reseal")
                .volunteer_values,
            0
        );
        assert_eq!(s.volunteer_id_of(owner).await.expect("q"), None);
        let reader = Reader {
            account: owner,
            purpose: "volunteering",
        };
        assert!(matches!(
            s.hosted_volunteer(&k, &scope, id, reader).await,
            Err(StoreError::NotFound)
        ));
        let again = s
            .create_volunteer(&k, owner, &profile("BK123456"))
            .await
            .expect("again");
        assert_ne!(
            again, id,
            "a new profile; the contract keeps the erased one"
        );
    }
);
