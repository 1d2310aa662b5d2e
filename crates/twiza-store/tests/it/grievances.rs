//! Grievances and appeals, and the review of possible duplicate people, on both backends: the
//! steps in order, deadlines from receipt, overdue lists, the appeal decided by someone else,
//! reads of the household's words in its access log; pairs found by the matcher, decided once,
//! never proposed again, and a person found to be someone else no longer compared.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::registry::{family, household, keys};
use crate::suite::new_org;
use twiza_domain::grievance::{Deadlines, Decision, FiledBy, GrievanceChannel, GrievanceSubject};
use twiza_domain::programme::{DIRECT_SOCIAL_AID_EXAMPLE, EARTHQUAKE_MONTHLY_AID_EXAMPLE};
use twiza_domain::Refusal;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::{GrievanceFilter, NewGrievance, NewProgramme, PairDecision, Reader, StoreError};

const DAY: i64 = 86_400;

fn grievance(household_id: i64, programme_id: Option<i64>, received_at: i64) -> NewGrievance {
    NewGrievance {
        household_id,
        programme_id,
        subject: GrievanceSubject::Exclusion,
        channel: GrievanceChannel::InPerson,
        filed_by: FiledBy::Representative,
        statement: "La maison est fissurée, nous dormons sous la tente depuis septembre.".into(),
        received_at,
        filing_key: None,
        complainant_phone_sealed: None,
    }
}

on_both_backends!(
    grievances_go_to_resolution_with_deadlines,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.unwrap();
        let second = s.create_user("c@x.ma", "h", "C", None).await.unwrap();
        let org = s
            .create_organization(&new_org("G-1", "Tiwizi Asni", "071"), "org", owner)
            .await
            .unwrap();
        let other = s
            .create_organization(&new_org("G-2", "Amal Ighil", "072"), "other", owner)
            .await
            .unwrap();
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let other_scope = OrgScope::for_member(other, OrgRole::Owner);
        let k = keys(&[1]);
        let deadlines = Deadlines::default();
        // Undamaged house: the earthquake aid excludes the household.
        let (hh, _) = s
            .register_household(&scope, &k, &household(family(), Some(9.1), false), owner)
            .await
            .unwrap();
        let quake = s
            .create_programme(
                &scope,
                &NewProgramme {
                    code: "SEISME".into(),
                    name_ar: "الدعم الشهري".into(),
                    name_fr: "Aide mensuelle séisme".into(),
                    retention_days: 365,
                    ends_on: None,
                },
                owner,
            )
            .await
            .unwrap();
        s.add_programme_rules(&scope, quake, EARTHQUAKE_MONTHLY_AID_EXAMPLE, owner)
            .await
            .unwrap();
        s.enroll_consenting_households(&scope, quake, owner)
            .await
            .unwrap();
        let cycle = s
            .compute_cycle(&scope, quake, "2026-11", crate::registry::TODAY, owner)
            .await
            .unwrap();
        assert_eq!(cycle.eligible, 0);

        // Recorded today, received by letter five days ago: the acknowledgement is late already.
        let received = twiza_store::now() - 5 * DAY;
        let (id, acknowledge_by, decide_by) = s
            .file_grievance(
                &scope,
                &grievance(hh, Some(quake), received),
                owner,
                &deadlines,
            )
            .await
            .unwrap();
        assert_eq!(
            (acknowledge_by, decide_by),
            (received + 3 * DAY, received + 30 * DAY)
        );
        // Another association's household or programme cannot be named.
        assert!(matches!(
            s.file_grievance(
                &other_scope,
                &grievance(hh, None, received),
                owner,
                &deadlines
            )
            .await,
            Err(StoreError::NotFound)
        ));
        let (theirs, _) = s
            .register_household(&other_scope, &k, &household(family(), None, true), owner)
            .await
            .unwrap();
        assert!(matches!(
            s.file_grievance(
                &other_scope,
                &grievance(theirs, Some(quake), received),
                owner,
                &deadlines
            )
            .await,
            Err(StoreError::Refused(Refusal::UnknownProgramme))
        ));

        let overdue = s
            .grievances(
                &scope,
                GrievanceFilter {
                    overdue: true,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(overdue.len(), 1);
        assert_eq!(
            (overdue[0].id, overdue[0].due_at),
            (id, Some(acknowledge_by))
        );
        assert!(overdue[0].statement.is_none(), "lists hold no words");
        assert!(s
            .grievances(&other_scope, GrievanceFilter::default())
            .await
            .unwrap()
            .is_empty());

        // Steps out of order are refused and change nothing.
        assert!(matches!(
            s.appeal_grievance(&scope, id, "Nous faisons appel.", owner, &deadlines)
                .await,
            Err(StoreError::Refused(Refusal::GrievanceWrongStep))
        ));
        s.acknowledge_grievance(&scope, id, owner).await.unwrap();
        assert!(matches!(
            s.acknowledge_grievance(&scope, id, owner).await,
            Err(StoreError::Refused(Refusal::GrievanceWrongStep))
        ));
        // Acknowledged: now held to the decision deadline, still ahead.
        let listed = s
            .grievances(&scope, GrievanceFilter::default())
            .await
            .unwrap();
        assert_eq!(
            (
                listed[0].status.as_str(),
                listed[0].due_at,
                listed[0].overdue
            ),
            ("acknowledged", Some(decide_by), false)
        );

        let rejected = Decision::parse(
            "rejected",
            "no_change",
            "La maison n'a pas été déclarée endommagée.",
        )
        .unwrap();
        s.decide_grievance(&scope, id, &rejected, owner, &deadlines)
            .await
            .unwrap();
        s.appeal_grievance(
            &scope,
            id,
            "Un voisin peut témoigner des fissures.",
            owner,
            &deadlines,
        )
        .await
        .unwrap();
        // The appeal goes to someone else.
        let upheld = Decision::parse(
            "upheld",
            "re_enrolled",
            "Visite du 20 novembre : fissures confirmées.",
        )
        .unwrap();
        assert!(matches!(
            s.decide_appeal(&scope, id, &upheld, owner).await,
            Err(StoreError::Refused(Refusal::AppealSameDecider))
        ));
        s.decide_appeal(&scope, id, &upheld, second).await.unwrap();
        assert!(matches!(
            s.decide_appeal(&scope, id, &upheld, second).await,
            Err(StoreError::Refused(Refusal::GrievanceClosed))
        ));

        // Closed: no longer among the open ones, listed by its status.
        let open = s
            .grievances(&scope, GrievanceFilter::default())
            .await
            .unwrap();
        assert!(open.iter().all(|g| g.id != id));
        let closed = s
            .grievances(
                &scope,
                GrievanceFilter {
                    status: Some("closed"),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0].id, id);

        // Read whole: the words, both decisions; the read is in the household's access log.
        let reader = Reader {
            account: second,
            purpose: "grievance",
        };
        let whole = s.grievance(&scope, id, reader).await.unwrap();
        assert_eq!(whole.status, "closed");
        assert!(whole.statement.as_deref().unwrap().contains("tente"));
        assert_eq!(
            whole.appeal_statement.as_deref(),
            Some("Un voisin peut témoigner des fissures.")
        );
        assert_eq!(whole.decision.as_ref().unwrap().outcome, "rejected");
        let appeal = whole.appeal_decision.as_ref().unwrap();
        assert_eq!(
            (
                appeal.outcome.as_str(),
                appeal.remedy.as_str(),
                appeal.decided_by
            ),
            ("upheld", "re_enrolled", second.0)
        );
        assert_eq!(whole.due_at, None);
        assert!(matches!(
            s.grievance(&other_scope, id, reader).await,
            Err(StoreError::NotFound)
        ));
        let reads = s.household_reads(&scope, hh).await.unwrap();
        assert_eq!(reads[0].what, "grievance");
        // Why the household was excluded, for the reviewer.
        let (period, eligible, _, why) = s
            .latest_entitlement(&scope, quake, hh)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((period.as_str(), eligible), ("2026-11", false));
        assert!(why.to_string().contains("housing_damage"), "{why}");

        // The appeal window closes: a decision taken 31 days ago cannot be appealed.
        let (late, _, _) = s
            .file_grievance(
                &scope,
                &grievance(hh, None, twiza_store::now()),
                owner,
                &deadlines,
            )
            .await
            .unwrap();
        let closed_window = Deadlines {
            appeal_days: -31,
            ..deadlines
        };
        s.decide_grievance(&scope, late, &rejected, owner, &closed_window)
            .await
            .unwrap();
        assert!(matches!(
            s.appeal_grievance(&scope, late, "Trop tard ?", owner, &deadlines)
                .await,
            Err(StoreError::Refused(Refusal::AppealWindowClosed))
        ));

        // The household's own export lists its grievances.
        let export = s.subject_export(&scope, &k, hh, reader).await.unwrap();
        assert_eq!(export.grievances.len(), 2);
    }
);

on_both_backends!(duplicate_pairs_are_reviewed_once, |db: TestDb| async move {
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.unwrap();
    let org = s
        .create_organization(&new_org("D-1", "Tiwizi Asni", "071"), "org", owner)
        .await
        .unwrap();
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let k = keys(&[1]);
    // The same family registered twice (a second visit, names spelt otherwise, no CIN).
    let (first, _) = s
        .register_household(&scope, &k, &household(family(), Some(9.1), true), owner)
        .await
        .unwrap();
    let again = vec![
        crate::registry::person("Brahime", "head", "1980-03-01", "", ""),
        crate::registry::person("Fatima", "spouse", "1984-06-12", "", ""),
    ];
    let (second, _) = s
        .register_household(&scope, &k, &household(again, Some(9.1), true), owner)
        .await
        .unwrap();
    let run = s.find_duplicate_people(&scope).await.unwrap();
    assert_eq!(run.people, 6);
    assert_eq!((run.pairs, run.new_pairs), (2, 2));
    let reader = Reader {
        account: owner,
        purpose: "duplicate_review",
    };
    let pairs = s.duplicate_pairs(&scope, false, 50, reader).await.unwrap();
    assert_eq!(pairs.len(), 2);
    for p in &pairs {
        assert_eq!((p.a.household_id, p.b.household_id), (first, second));
        assert!(p.score >= 12.0);
        assert!(
            p.reasons.iter().any(|r| r.starts_with("birth_date:")),
            "{:?}",
            p.reasons
        );
    }
    assert_eq!(
        s.household_reads(&scope, second).await.unwrap()[0].what,
        "duplicate_review"
    );

    // Found again: nothing new.
    let again = s.find_duplicate_people(&scope).await.unwrap();
    assert_eq!((again.pairs, again.new_pairs), (2, 0));

    let brahim = pairs.iter().find(|p| p.a.relation == "head").unwrap();
    let fatima = pairs.iter().find(|p| p.a.relation == "spouse").unwrap();
    s.decide_duplicate_pair(&scope, brahim.id, PairDecision::SamePerson, owner)
        .await
        .unwrap();
    s.decide_duplicate_pair(&scope, fatima.id, PairDecision::DifferentPeople, owner)
        .await
        .unwrap();
    assert!(matches!(
        s.decide_duplicate_pair(&scope, brahim.id, PairDecision::DifferentPeople, owner)
            .await,
        Err(StoreError::Refused(Refusal::PairAlreadyDecided))
    ));
    assert!(s
        .duplicate_pairs(&scope, false, 50, reader)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        s.duplicate_pairs(&scope, true, 50, reader)
            .await
            .unwrap()
            .len(),
        2
    );
    // The later Brahim is no longer compared; the decided Fatima pair is not proposed again.
    let later = s.find_duplicate_people(&scope).await.unwrap();
    assert_eq!((later.people, later.new_pairs), (5, 0));
    // Brahim registered a third time, alone: once found to be the first Brahim, the household
    // has nobody left of its own and a cycle does not pay it.
    let (third, _) = s
        .register_household(
            &scope,
            &k,
            &household(
                vec![crate::registry::person(
                    "Brahim",
                    "head",
                    "1980-03-01",
                    "",
                    "",
                )],
                Some(9.1),
                true,
            ),
            owner,
        )
        .await
        .unwrap();
    assert_eq!(s.find_duplicate_people(&scope).await.unwrap().new_pairs, 1);
    let pair = s.duplicate_pairs(&scope, false, 50, reader).await.unwrap();
    assert_eq!(pair[0].b.household_id, third);
    s.decide_duplicate_pair(&scope, pair[0].id, PairDecision::SamePerson, owner)
        .await
        .unwrap();
    let aid = s
        .create_programme(
            &scope,
            &NewProgramme {
                code: "ASD".into(),
                name_ar: "الدعم".into(),
                name_fr: "Aide".into(),
                retention_days: 30,
                ends_on: None,
            },
            owner,
        )
        .await
        .unwrap();
    s.add_programme_rules(&scope, aid, DIRECT_SOCIAL_AID_EXAMPLE, owner)
        .await
        .unwrap();
    s.enroll_consenting_households(&scope, aid, owner)
        .await
        .unwrap();
    let cycle = s
        .compute_cycle(&scope, aid, "2026-11", crate::registry::TODAY, owner)
        .await
        .unwrap();
    assert_eq!((cycle.households, cycle.eligible), (3, 2));
    let (eligible, _, why) = s.entitlement(&scope, cycle.id, third).await.unwrap();
    assert!(!eligible);
    assert_eq!(why["unmet"][0], "duplicate_household");
    // Taken out of the programme, the duplicate household is not read by the next cycle; back
    // in, it is again.
    s.set_enrollment(&scope, aid, third, false, owner)
        .await
        .unwrap();
    assert!(matches!(
        s.set_enrollment(&scope, aid, third, false, owner).await,
        Err(StoreError::Refused(Refusal::NotEnrolled))
    ));
    let december = s
        .compute_cycle(&scope, aid, "2026-12", crate::registry::TODAY, owner)
        .await
        .unwrap();
    assert_eq!(december.households, 2);
    s.set_enrollment(&scope, aid, third, true, owner)
        .await
        .unwrap();
    let january = s
        .compute_cycle(&scope, aid, "2027-01", crate::registry::TODAY, owner)
        .await
        .unwrap();
    assert_eq!(january.households, 3);

    let other = OrgScope::for_member(
        s.create_organization(&new_org("D-2", "Amal", "072"), "amal", owner)
            .await
            .unwrap(),
        OrgRole::Owner,
    );
    assert!(matches!(
        s.decide_duplicate_pair(&other, fatima.id, PairDecision::SamePerson, owner)
            .await,
        Err(StoreError::NotFound)
    ));
});

on_both_backends!(
    a_phone_filing_is_written_once_with_its_phone_sealed,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.unwrap();
        let org = s
            .create_organization(&new_org("G-1", "Tiwizi Asni", "071"), "org", owner)
            .await
            .unwrap();
        let other = s
            .create_organization(&new_org("G-2", "Amal Ighil", "072"), "other", owner)
            .await
            .unwrap();
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let other_scope = OrgScope::for_member(other, OrgRole::Owner);
        let k = keys(&[1]);
        let deadlines = Deadlines::default();
        let (hh, _) = s
            .register_household(&scope, &k, &household(family(), Some(9.1), false), owner)
            .await
            .unwrap();
        let (other_hh, _) = s
            .register_household(
                &other_scope,
                &k,
                &household(family(), Some(9.1), false),
                owner,
            )
            .await
            .unwrap();
        let key = "sms:twilio:SM0001";
        let by_phone = |household_id: i64, received_at: i64| NewGrievance {
            channel: GrievanceChannel::Sms,
            filing_key: Some(key.to_owned()),
            complainant_phone_sealed: Some(
                k.seal(&twiza_store::grievance_phone_binding(key), "+212661234567"),
            ),
            ..grievance(household_id, None, received_at)
        };
        let at = twiza_store::now();
        let first = s
            .file_grievance(&scope, &by_phone(hh, at), owner, &deadlines)
            .await
            .unwrap();
        // The same request again, even a second later: the first grievance, nothing written.
        let again = s
            .file_grievance(&scope, &by_phone(hh, at + 1), owner, &deadlines)
            .await
            .unwrap();
        assert_eq!(again, first);
        let all = s
            .grievances(&scope, GrievanceFilter::default())
            .await
            .unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].id, first.0);
        assert_eq!(all[0].channel, "sms");
        // The phone is kept sealed, bound to the filing key, and opens only with it.
        let (bound, sealed, _) = s
            .grievance_complainant_phone(&scope, first.0)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(bound, key);
        assert_eq!(
            k.open(&twiza_store::grievance_phone_binding(key), &sealed)
                .unwrap(),
            "+212661234567"
        );
        assert!(k
            .open(
                &twiza_store::grievance_phone_binding("sms:twilio:SM0002"),
                &sealed
            )
            .is_err());
        // Another association's filing never answers with this one.
        assert!(matches!(
            s.file_grievance(&other_scope, &by_phone(other_hh, at), owner, &deadlines)
                .await,
            Err(StoreError::Refused(Refusal::IdempotencyConflict))
        ));
        // Staff filings have no key: many of them, none deduplicated, no phone kept.
        for _ in 0..2 {
            s.file_grievance(&scope, &grievance(hh, None, at), owner, &deadlines)
                .await
                .unwrap();
        }
        let all = s
            .grievances(&scope, GrievanceFilter::default())
            .await
            .unwrap();
        assert_eq!(all.len(), 3);
        assert_eq!(
            s.grievance_complainant_phone(&scope, all[2].id)
                .await
                .unwrap(),
            None
        );
        // The phone is re-sealed with the current key after a rotation.
        let rotated = keys(&[1, 2]);
        let moved = s.reseal_sealed_values(&rotated, 10).await.unwrap();
        assert_eq!(moved.grievance_phones, 1);
        let (_, resealed, _) = s
            .grievance_complainant_phone(&scope, first.0)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(twiza_store::PersonalDataKeys::key_id_of(&resealed), Some(2));
        assert_eq!(
            rotated
                .open(&twiza_store::grievance_phone_binding(key), &resealed)
                .unwrap(),
            "+212661234567"
        );
    }
);
