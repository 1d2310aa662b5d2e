//! The beneficiary registry on both backends: sealed identifiers and blind-index lookup, the
//! access log written with every read, cross-association duplicates that name only the other
//! association, rectification, key rotation, consent, programme cycles with the two-person
//! rule, and anonymization after retention. On SQLite the raw database file is searched for
//! identifiers in clear.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use std::collections::BTreeMap;
use twiza_domain::programme::{DIRECT_SOCIAL_AID_EXAMPLE, EARTHQUAKE_MONTHLY_AID_EXAMPLE};
use twiza_domain::registry::{
    HouseholdInput, LivingConditions, NewConsent, NewHousehold, NewPerson, PersonInput,
};
use twiza_domain::Refusal;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::{
    HouseholdRecord, IndexValue, LineStatus, NewPaymentBatch, NewProgramme, PayeeKind,
    PersonalDataKeys, ReadScope, Reader, StoreError,
};

pub const TODAY: time::Date = time::macros::date!(2026 - 11 - 29);

pub fn keys(ids: &[u32]) -> PersonalDataKeys {
    let sealing: BTreeMap<u32, [u8; 32]> = ids.iter().map(|&i| (i, [i as u8 + 40; 32])).collect();
    PersonalDataKeys::new(sealing, [7; 32]).unwrap()
}

pub fn person(given: &str, relation: &str, birth: &str, cin: &str, phone: &str) -> NewPerson {
    NewPerson::parse(
        &PersonInput {
            given_name_lat: given,
            family_name_lat: "Ait Ouaziz",
            given_name_ar: "",
            family_name_ar: "أيت واعزيز",
            sex: if given.ends_with('a') { "f" } else { "m" },
            birth_date: birth,
            relation,
            disability: if relation == "child" && birth.starts_with("2021") {
                "physical"
            } else {
                "none"
            },
            schooling: if relation == "child" {
                "primary"
            } else {
                "none"
            },
            phone,
            cin,
            idcs: "",
        },
        TODAY,
    )
    .unwrap()
}

pub fn household(members: Vec<NewPerson>, index: Option<f64>, damaged: bool) -> HouseholdRecord {
    HouseholdRecord {
        household: NewHousehold::parse(&HouseholdInput {
            commune: "07.041.07.05",
            douar: "Tikht",
            address: "",
            housing_damage: if damaged { "total" } else { "none" },
        })
        .unwrap(),
        members,
        living: LivingConditions {
            rooms: Some(2),
            electricity: Some(true),
            ..Default::default()
        },
        incident_id: None,
        consent: NewConsent::parse("registration", "consent", "in_person").unwrap(),
        index: index.map(|value| IndexValue {
            value,
            source: "rsu".into(),
            effective_on: time::macros::date!(2026 - 01 - 01),
        }),
    }
}

fn batch_input() -> NewPaymentBatch {
    NewPaymentBatch {
        debtor_name: "Tiwizi Asni".into(),
        debtor_iban: "MA64011780000012345678901234".into(),
        execution_date: TODAY,
    }
}

pub fn family() -> Vec<NewPerson> {
    vec![
        person("Brahim", "head", "1980-03-01", "EE123456", "0661234567"),
        person("Fatima", "spouse", "1984-06-12", "EE654321", ""),
        person("Youssef", "child", "2012-09-01", "", ""),
        person("Khadija", "child", "2021-01-20", "", ""),
    ]
}

on_both_backends!(registry_privacy_and_cycles, |db: TestDb| async move {
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.unwrap();
    let second = s.create_user("t@x.ma", "h", "T", None).await.unwrap();
    let org = s
        .create_organization(&new_org("R-1", "Tiwizi Asni", "071"), "org", owner)
        .await
        .unwrap();
    let other = s
        .create_organization(&new_org("R-2", "Amal Ighil", "072"), "other", owner)
        .await
        .unwrap();
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let other_scope = OrgScope::for_member(other, OrgRole::Owner);
    let k = keys(&[1]);
    let reader = Reader {
        account: owner,
        purpose: "case_review",
    };

    let (id, reference) = s
        .register_household(&scope, &k, &household(family(), Some(9.1), true), owner)
        .await
        .unwrap();
    assert!(reference.starts_with("HH-") && reference.len() == 15);
    // The other association registered the same head (same CIN) in its own registry.
    let (theirs, _) = s
        .register_household(
            &other_scope,
            &k,
            &household(
                vec![person("Brahim", "head", "1980-03-01", "EE123456", "")],
                None,
                false,
            ),
            owner,
        )
        .await
        .unwrap();

    // A read without identifiers shows none, and no sensitive field; each read is logged.
    let plain = s
        .household(
            &scope,
            &k,
            id,
            reader,
            ReadScope {
                identifiers: false,
                sensitive: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(plain.members.len(), 4);
    assert!(plain
        .members
        .iter()
        .all(|m| m.cin.is_none() && m.disability.is_none()));
    let full = s
        .household(
            &scope,
            &k,
            id,
            reader,
            ReadScope {
                identifiers: true,
                sensitive: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(full.members[0].cin.as_deref(), Some("EE123456"));
    assert_eq!(full.members[0].phone.as_deref(), Some("+212661234567"));
    assert_eq!(full.members[3].disability.as_deref(), Some("physical"));
    let reads = s.household_reads(&scope, id).await.unwrap();
    assert_eq!(
        reads.iter().map(|r| r.what.as_str()).collect::<Vec<_>>(),
        ["household,identifiers,sensitive", "household"]
    );
    assert!(reads
        .iter()
        .all(|r| r.account_id == owner.0 && r.purpose == "case_review"));

    // Another association can neither read the household nor its access log.
    assert!(matches!(
        s.household(
            &other_scope,
            &k,
            id,
            reader,
            ReadScope {
                identifiers: true,
                sensitive: true
            }
        )
        .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.household_reads(&other_scope, id).await,
        Err(StoreError::NotFound)
    ));

    // Exact lookup by blind index, within the association only; each hit is a logged read.
    assert_eq!(
        s.find_by_identifier(&scope, &k, "cin", "EE123456", reader)
            .await
            .unwrap(),
        [id]
    );
    assert_eq!(
        s.find_by_identifier(&other_scope, &k, "cin", "EE123456", reader)
            .await
            .unwrap(),
        [theirs]
    );
    assert!(s
        .find_by_identifier(&scope, &k, "cin", "EE000000", reader)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        s.household_reads(&scope, id).await.unwrap()[0].what,
        "lookup"
    );

    // Across associations: only the other association's name.
    assert_eq!(
        s.possible_duplicates_elsewhere(&scope, id).await.unwrap(),
        ["Amal Ighil"]
    );
    assert_eq!(
        s.possible_duplicates_elsewhere(&other_scope, theirs)
            .await
            .unwrap(),
        ["Tiwizi Asni"]
    );

    // Rectification, then a key rotation and re-sealing: values still open, under key 2.
    let mut corrected = family()[1].clone();
    corrected.cin = Some("EE654322".into());
    let spouse = full.members[1].id;
    let changed = s
        .rectify_person(
            &scope,
            &k,
            id,
            spouse,
            &corrected,
            "card shown",
            reader.account,
        )
        .await
        .unwrap();
    assert_eq!(changed, ["cin"]);
    let recorded = s.rectifications(&scope, id).await.unwrap();
    assert_eq!(
        (recorded[0].fields.clone(), recorded[0].reason.as_str()),
        (vec!["cin".to_owned()], "card shown")
    );
    let rotated = keys(&[1, 2]);
    assert_eq!(s.reseal_personal_data(&rotated, 2).await.unwrap(), 5);
    assert_eq!(s.reseal_personal_data(&rotated, 2).await.unwrap(), 0);
    let after = s
        .household(
            &scope,
            &rotated,
            id,
            reader,
            ReadScope {
                identifiers: true,
                sensitive: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(after.members[1].cin.as_deref(), Some("EE654322"));
    // The old keys alone no longer open them.
    assert!(s
        .household(
            &scope,
            &keys(&[1]),
            id,
            reader,
            ReadScope {
                identifiers: true,
                sensitive: false
            }
        )
        .await
        .is_err());

    // Programmes: direct social aid (index 9.1 → eligible) and the earthquake aid.
    let asd = s
        .create_programme(
            &scope,
            &NewProgramme {
                code: "ASD".into(),
                name_ar: "الدعم الاجتماعي المباشر".into(),
                name_fr: "Aide sociale directe".into(),
                retention_days: 365,
                ends_on: Some(time::macros::date!(2024 - 12 - 31)),
            },
            owner,
        )
        .await
        .unwrap();
    assert!(matches!(
        s.compute_cycle(&scope, asd, "2026-11", TODAY, owner).await,
        Err(StoreError::Refused(Refusal::ProgrammeWithoutRules))
    ));
    assert_eq!(
        s.add_programme_rules(&scope, asd, DIRECT_SOCIAL_AID_EXAMPLE, owner)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        s.enroll_consenting_households(&scope, asd, owner)
            .await
            .unwrap(),
        1
    );
    let cycle = s
        .compute_cycle(&scope, asd, "2026-11", TODAY, owner)
        .await
        .unwrap();
    assert_eq!((cycle.households, cycle.eligible), (1, 1));
    // Youssef (14, in school, rank 1) 250.00; Khadija (5, rank 2) 200.00 + disability 100.00.
    assert_eq!(cycle.total_centimes, 55_000);
    let (eligible, centimes, why) = s.entitlement(&scope, cycle.id, id).await.unwrap();
    assert!(eligible);
    assert_eq!(centimes, 55_000);
    assert_eq!(why["lines"][0][0], "child_rank_1_3_under_6");
    // Two-person rule.
    assert!(matches!(
        s.approve_cycle(&scope, cycle.id, owner).await,
        Err(StoreError::Refused(Refusal::TwoPersonRule))
    ));
    let approved = s.approve_cycle(&scope, cycle.id, second).await.unwrap();
    assert_eq!(approved.status, "approved");
    assert!(matches!(
        s.compute_cycle(&scope, asd, "2026-11", TODAY, owner).await,
        Err(StoreError::Refused(Refusal::CycleAlreadyApproved))
    ));

    // Payments: a batch of the approved cycle, the bank file's lines (a logged read), the
    // bank's answer, a leaf per paid line with no personal data, and the audit still passes.
    let empty = s
        .create_payment_batch(&scope, cycle.id, &batch_input(), owner)
        .await;
    assert!(
        matches!(empty, Err(StoreError::Refused(Refusal::PaymentBatchEmpty))),
        "{empty:?}"
    );
    s.set_payee_account(
        &scope,
        &rotated,
        id,
        PayeeKind::Rib,
        "011780000012345678901234",
    )
    .await
    .unwrap();
    // The payee account follows a key rotation like every sealed value: after re-sealing,
    // nothing is left under an older key, and the bank file below opens it with key 3.
    let third = keys(&[1, 2, 3]);
    assert_eq!(
        s.reseal_sealed_values(&third, 10)
            .await
            .unwrap()
            .payee_accounts,
        1
    );
    assert_eq!(
        s.reseal_sealed_values(&keys(&[3]), 10)
            .await
            .unwrap()
            .payee_accounts,
        0
    );
    let batch = s
        .create_payment_batch(&scope, cycle.id, &batch_input(), owner)
        .await
        .unwrap();
    assert_eq!(
        (batch.lines, batch.total_centimes, batch.skipped),
        (1, 55_000, 0)
    );
    assert_eq!(
        s.payment_batches(&scope).await.unwrap(),
        std::slice::from_ref(&batch)
    );
    assert!(s.payment_batches(&other_scope).await.unwrap().is_empty());
    let lines = s
        .payment_file_lines(
            &scope,
            &third,
            batch.id,
            Reader {
                account: second,
                purpose: "payment",
            },
            0,
            100,
        )
        .await
        .unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].creditor_name, "Brahim Ait Ouaziz");
    assert_eq!(lines[0].payee_account, "011780000012345678901234");
    assert_eq!(
        s.household_reads(&scope, id).await.unwrap()[0].what,
        "payment_file"
    );
    let e2e = lines[0].end_to_end_id.clone();
    let before = s.log_size().await.unwrap();
    let r = s
        .reconcile_payments(
            &scope,
            batch.id,
            &[
                (e2e.clone(), LineStatus::Paid),
                ("NOPE".into(), LineStatus::Paid),
            ],
        )
        .await
        .unwrap();
    assert_eq!((r.paid, r.unknown), (1, 1));
    // The treasury's pages: batches a keyset page at a time, lines without names.
    let page = s
        .payment_batches_page(&scope, None, None, 10)
        .await
        .unwrap();
    assert_eq!(
        (page.batches.len(), page.newer, page.older),
        (1, false, false)
    );
    let older = s
        .payment_batches_page(&scope, Some(batch.id), None, 10)
        .await
        .unwrap();
    assert!(older.batches.is_empty() && older.newer);
    let newer = s
        .payment_batches_page(&scope, None, Some(batch.id - 1), 10)
        .await
        .unwrap();
    assert_eq!(newer.batches.len(), 1);
    assert!(s
        .payment_batches_page(&other_scope, None, None, 10)
        .await
        .unwrap()
        .batches
        .is_empty());
    let state = s.payment_lines(&scope, batch.id, 0, 10).await.unwrap();
    assert_eq!(
        (state[0].end_to_end_id.as_str(), state[0].status.as_str()),
        (e2e.as_str(), "paid")
    );
    assert!(s
        .payment_lines(&other_scope, batch.id, 0, 10)
        .await
        .is_err());
    assert_eq!(s.log_size().await.unwrap(), before + 1);
    let leaf = String::from_utf8(s.log_entry(before).await.unwrap().unwrap().leaf).unwrap();
    assert!(
        leaf.contains(r#""type":"cash_transfer_paid""#) && leaf.contains(r#""amount":"550.00""#),
        "{leaf}"
    );
    for private in ["Brahim", "HH-", "0117800", "EE123456"] {
        assert!(!leaf.contains(private), "{private} in {leaf}");
    }
    let again = s
        .reconcile_payments(
            &scope,
            batch.id,
            &[(
                e2e,
                LineStatus::Rejected {
                    reason: "AC04".into(),
                },
            )],
        )
        .await
        .unwrap();
    assert_eq!(again.unchanged, 1);
    assert_eq!(
        s.payment_batch(&scope, batch.id).await.unwrap().status,
        "reconciled"
    );
    assert!(s.audit_log(None, |_| {}).await.unwrap().ok());

    let quake = s
        .create_programme(
            &scope,
            &NewProgramme {
                code: "QUAKE".into(),
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
    let c = s
        .compute_cycle(&scope, quake, "2026-11", TODAY, owner)
        .await
        .unwrap();
    // Not linked to an incident: not eligible, and the explanation names the condition.
    assert_eq!((c.households, c.eligible), (1, 0));
    let (_, _, why) = s.entitlement(&scope, c.id, id).await.unwrap();
    assert_eq!(why["unmet"][0], "0:affected_by_incident");

    // The data-subject export holds everything, and is itself logged.
    let export = s.subject_export(&scope, &third, id, reader).await.unwrap();
    assert_eq!(export.household.members[0].cin.as_deref(), Some("EE123456"));
    assert_eq!(export.entitlements.len(), 2);
    assert_eq!(export.indexes[0].value_micro, 9_100_000);
    assert_eq!(
        s.household_reads(&scope, id).await.unwrap()[0].what,
        "export"
    );

    // Consent withdrawn: the household is not enrolled in a new programme.
    assert!(matches!(
        s.withdraw_consent(&scope, theirs, "registration", owner)
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        s.withdraw_consent(&other_scope, theirs, "registration", owner)
            .await
            .unwrap(),
        1
    );
    assert!(!s.has_consent(theirs, "registration").await.unwrap());

    // Retention: the quake programme still runs, so nothing is anonymized; once it ends and
    // its retention passes, names and identifiers go.
    assert_eq!(s.anonymize_expired(TODAY).await.unwrap(), 0);
    s.execute_raw(&format!(
        "UPDATE programmes SET ends_on = '2025-01-01' WHERE id = {quake}"
    ))
    .await
    .unwrap();
    assert_eq!(s.anonymize_expired(TODAY).await.unwrap(), 1);
    let gone = s
        .household(
            &scope,
            &third,
            id,
            reader,
            ReadScope {
                identifiers: true,
                sensitive: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(gone.status, "anonymized");
    assert!(gone
        .members
        .iter()
        .all(|m| m.given_name_lat.is_none() && m.cin.is_none()));
    assert_eq!(gone.members[0].birth_date, "1980-01-01");
    assert!(s
        .find_by_identifier(&scope, &third, "cin", "EE123456", reader)
        .await
        .unwrap()
        .is_empty());

    // No identifier in clear anywhere in the SQLite file (and its write-ahead log).
    if let Some(dir) = &db.dir {
        s.execute_raw("PRAGMA wal_checkpoint(TRUNCATE)")
            .await
            .unwrap();
        let mut bytes = std::fs::read(dir.path().join("twiza.db")).unwrap();
        if let Ok(wal) = std::fs::read(dir.path().join("twiza.db-wal")) {
            bytes.extend(wal);
        }
        for needle in [
            "EE123456",
            "EE654321",
            "EE654322",
            "661234567",
            "0661234567",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} in clear in the database file"
            );
        }
        // The names are there (they are not sealed): the search itself works.
        assert!(bytes.windows(6).any(|w| w == b"Brahim"));
    }
});
