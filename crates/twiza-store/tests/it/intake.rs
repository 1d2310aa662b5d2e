//! Need intake at flood rate on both backends: reports written in batches (duplicates flagged
//! within a batch, idempotency keys answered with the first need), and the running coverage
//! totals, which must equal a full recomputation after any sequence of changes.

use crate::crisis::{need, pledge, ASNI, IGHIL};
use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::crisis::{
    DouarInput, IncidentInput, NeedInput, NeedSource, NeedStatus, NewDouar, NewIncident, NewNeed,
    PledgeStatus,
};
use twiza_domain::logistics::{code_hash, NewReceipt};
use twiza_domain::organization::VerificationDecision;
use twiza_domain::{OrgRole, OrgScope, Refusal};
use twiza_store::{
    LoadedNeed, LoadedPledge, NeedIntake, NeedReport, NewDelivery, Reporter, RetryKey, Store,
    StoreError,
};

async fn incident(s: &Store, owner: twiza_domain::UserId) -> (i64, i64) {
    let incident = NewIncident::parse(&IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال",
        title_fr: "Séisme",
        started_on: "2023-09-08",
        communes: vec![IGHIL, ASNI],
    })
    .expect("incident");
    let incident = s.declare_incident(&incident, owner).await.expect("declare");
    let douar = NewDouar::parse(&DouarInput {
        commune: IGHIL,
        name_ar: "تنيرت",
        name_fr: "Tnirt",
        name_latin: "Tnirt",
        latitude: Some(31.072),
        longitude: Some(-8.412),
        population: Some(380),
    })
    .expect("douar");
    (incident, s.create_douar(&douar).await.expect("douar"))
}

fn report(incident: i64, need: NewNeed, reference: &str, key: Option<(&str, &str)>) -> NeedReport {
    NeedReport {
        incident,
        need,
        reference: reference.to_owned(),
        contact_sealed: None,
        reporter: Reporter::Public,
        retry: key.map(|(key, hash)| RetryKey {
            key: key.to_owned(),
            request_hash: hash.to_owned(),
        }),
    }
}

async fn same_coverage(s: &Store, incident: i64, step: &str) {
    assert_eq!(
        s.coverage(incident).await.expect("totals"),
        s.recomputed_coverage(incident).await.expect("recomputed"),
        "running totals differ from the recomputation after {step}"
    );
}

on_both_backends!(
    a_batch_flags_duplicates_and_answers_retries,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let (incident, tnirt) = incident(s, owner).await;
        let shelter = || need(IGHIL, "shelter", 3, Some(tnirt));
        // One batch: two reports of the same need (the second flagged as repeating the first), one
        // elsewhere, one refused, a keyed report and its retry, and the same key with another body.
        let answers = s
            .report_needs(&[
                report(incident, shelter(), "N-B1", Some(("key-00001", "h1"))),
                report(incident, need(ASNI, "food", 2, None), "N-B2", None),
                report(incident, shelter(), "N-B3", None),
                report(
                    incident,
                    need("01.051.01.01", "food", 2, None),
                    "N-B4",
                    None,
                ),
                report(incident, shelter(), "N-B5", Some(("key-00001", "h1"))),
                report(incident, shelter(), "N-B6", Some(("key-00001", "h2"))),
            ])
            .await
            .expect("batch");
        let first = answers[0].as_ref().expect("first");
        assert_eq!((first.possible_duplicate_of, first.replayed), (None, false));
        let other = answers[1].as_ref().expect("other place");
        assert_eq!(other.possible_duplicate_of, None);
        let again = answers[2].as_ref().expect("duplicate");
        assert_eq!(again.possible_duplicate_of, Some(first.id));
        assert_eq!(
            s.need(again.id)
                .await
                .expect("q")
                .expect("stored")
                .possible_duplicate_of,
            Some(first.id),
            "the flag is stored, not only answered"
        );
        assert!(matches!(
            answers[3],
            Err(StoreError::Refused(Refusal::CommuneNotInIncident))
        ));
        let retried = answers[4].as_ref().expect("retry");
        assert_eq!(
            (retried.id, retried.reference.as_str(), retried.replayed),
            (first.id, "N-B1", true)
        );
        assert!(matches!(
            answers[5],
            Err(StoreError::Refused(Refusal::IdempotencyConflict))
        ));
        assert!(s.need_by_reference("N-B5").await.expect("q").is_none());

        // A later batch: the key answers the same need; a new report repeats the stored one.
        let later = s
            .report_needs(&[
                report(incident, shelter(), "N-C1", Some(("key-00001", "h1"))),
                report(incident, shelter(), "N-C2", Some(("key-00001", "h9"))),
                report(incident, shelter(), "N-C3", None),
            ])
            .await
            .expect("batch");
        let retried = later[0].as_ref().expect("retry");
        assert_eq!((retried.id, retried.replayed), (first.id, true));
        assert!(matches!(
            later[1],
            Err(StoreError::Refused(Refusal::IdempotencyConflict))
        ));
        assert_eq!(
            later[2].as_ref().expect("new").possible_duplicate_of,
            Some(first.id)
        );
        // A held report is not a candidate for the others, in a batch as across batches.
        let held = NeedReport {
            reporter: Reporter::PublicHeld,
            ..report(incident, need(ASNI, "water", 5, None), "N-D1", None)
        };
        let answers = s
            .report_needs(&[
                held,
                report(incident, need(ASNI, "water", 5, None), "N-D2", None),
            ])
            .await
            .expect("batch");
        assert_eq!(answers[0].as_ref().expect("held").status, NeedStatus::Held);
        assert_eq!(
            answers[1].as_ref().expect("open").possible_duplicate_of,
            None
        );
        // An unknown incident is refused alone.
        let answers = s
            .report_needs(&[report(incident + 100, shelter(), "N-E1", None)])
            .await
            .expect("batch");
        assert!(matches!(answers[0], Err(StoreError::NotFound)));
        same_coverage(s, incident, "batches").await;
    }
);

on_both_backends!(
    the_intake_commits_concurrent_reports_together,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let (incident, _) = incident(s, owner).await;
        let intake = NeedIntake::start(s.clone());
        let mut tasks = Vec::new();
        for i in 0..200 {
            let intake = intake.clone();
            tasks.push(tokio::spawn(async move {
                let key = format!("flood-{:05}", i % 150);
                intake
                    .report(report(
                        incident,
                        need(
                            if i % 2 == 0 { IGHIL } else { ASNI },
                            "shelter",
                            1 + i % 4,
                            None,
                        ),
                        &format!("N-F{i}"),
                        Some((&key, &format!("hash-{}", i % 150))),
                    ))
                    .await
            }));
        }
        let mut ids = std::collections::BTreeMap::new();
        for (i, task) in tasks.into_iter().enumerate() {
            let written = task.await.expect("task").expect("written");
            let key = i % 150;
            if let Some(id) = ids.insert(key, written.id) {
                assert_eq!(id, written.id, "a retried key answers the same need");
            }
        }
        let stored = s
            .needs_page(incident, &Default::default(), 0, 500)
            .await
            .expect("page");
        assert_eq!(stored.len(), 150, "each key written once");
        same_coverage(s, incident, "a flood").await;
    }
);

on_both_backends!(
    running_totals_equal_a_full_recomputation,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("T-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        s.decide_verification(org, &VerificationDecision::Verify, owner)
            .await
            .expect("verify");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let (incident, tnirt) = incident(s, owner).await;
        same_coverage(s, incident, "nothing").await;

        // Reports: with households, with people only, in a douar, held.
        let people_only = NewNeed::parse(&NeedInput {
            commune: ASNI,
            category: "food",
            urgency: "high",
            people: Some(23),
            ..NeedInput::default()
        })
        .expect("need");
        let written = s
            .report_needs(&[
                report(
                    incident,
                    need(IGHIL, "shelter", 12, Some(tnirt)),
                    "N-1",
                    None,
                ),
                report(
                    incident,
                    need(IGHIL, "shelter", 12, Some(tnirt)),
                    "N-2",
                    None,
                ),
                report(incident, people_only, "N-3", None),
                report(incident, need(ASNI, "water", 7, None), "N-4", None),
                NeedReport {
                    reporter: Reporter::PublicHeld,
                    ..report(incident, need(ASNI, "health", 40, None), "N-5", None)
                },
                NeedReport {
                    reporter: Reporter::PublicHeld,
                    ..report(incident, need(IGHIL, "health", 9, None), "N-6", None)
                },
            ])
            .await
            .expect("batch");
        let id = |i: usize| written[i].as_ref().expect("written").id;
        same_coverage(s, incident, "reports").await;

        // Held reports reviewed: one accepted, one rejected; a need verified, one merged.
        s.review_held_need(id(4), NeedStatus::Reported)
            .await
            .expect("accept");
        s.review_held_need(id(5), NeedStatus::Closed)
            .await
            .expect("reject");
        same_coverage(s, incident, "reviews").await;
        s.set_need_status(id(3), NeedStatus::Reported, NeedStatus::Verified)
            .await
            .expect("verify");
        s.merge_need(id(1), id(0)).await.expect("merge");
        same_coverage(s, incident, "verify and merge").await;

        // Pledges: on a need (assigning it), on a place, then moved through their statuses.
        let (on_need, _) = s
            .create_pledge(&scope, incident, &pledge(Some(id(0)), IGHIL, 10), owner)
            .await
            .expect("pledge");
        let (on_place, _) = s
            .create_pledge(&scope, incident, &pledge(None, ASNI, 6), owner)
            .await
            .expect("pledge");
        let (cancelled, _) = s
            .create_pledge(&scope, incident, &pledge(Some(id(2)), ASNI, 4), owner)
            .await
            .expect("pledge");
        same_coverage(s, incident, "pledges").await;
        s.assign_need(id(3), org.0, owner).await.expect("assign");
        s.set_pledge_status(&scope, on_need, PledgeStatus::InProgress)
            .await
            .expect("in progress");
        s.set_pledge_status(&scope, on_place, PledgeStatus::Delivered)
            .await
            .expect("delivered");
        s.set_pledge_status(&scope, cancelled, PledgeStatus::Cancelled)
            .await
            .expect("cancelled");
        same_coverage(s, incident, "assignment and pledge statuses").await;
        s.set_pledge_status(&scope, on_need, PledgeStatus::Delivered)
            .await
            .expect("delivered");
        same_coverage(s, incident, "a need covered by its pledge").await;

        // A delivery confirmed by the family's code covers its need.
        let warehouse = s
            .create_warehouse(&scope, "Dépôt", ASNI)
            .await
            .expect("warehouse");
        let receipt = NewReceipt::parse(10, "in_kind_donation", "TWZ-T1").expect("receipt");
        s.receive_stock(&scope, warehouse, "tent", &receipt, owner)
            .await
            .expect("receive");
        let salt = [5u8; 16];
        let hash = code_hash(&salt, "654321");
        let delivery = s
            .create_delivery(
                &scope,
                &NewDelivery {
                    incident_id: incident,
                    need_id: id(3),
                    warehouse_id: warehouse,
                    item: "tent".into(),
                    quantity: 7,
                    households: 7,
                    campaign_id: None,
                    household_id: None,
                    lot_id: None,
                },
                Some((&salt, &hash)),
                owner,
            )
            .await
            .expect("delivery");
        s.confirm_delivery(&scope, delivery, "654321")
            .await
            .expect("confirm");
        assert_eq!(
            s.need(id(3)).await.expect("q").expect("need").status,
            NeedStatus::Covered
        );
        same_coverage(s, incident, "a delivery").await;

        // Bulk loads.
        let loaded: Vec<LoadedNeed> = (0..300)
            .map(|i| LoadedNeed {
                need: need(
                    if i % 3 == 0 { ASNI } else { IGHIL },
                    "food",
                    1 + i % 5,
                    (i % 4 == 0).then_some(tnirt).filter(|_| i % 3 != 0),
                ),
                reference: format!("L-{i}"),
                source: NeedSource::Public,
                status: [
                    NeedStatus::Reported,
                    NeedStatus::Covered,
                    NeedStatus::Closed,
                ][(i % 3) as usize],
                reported_at: twiza_store::now() - i,
            })
            .collect();
        s.load_needs(incident, &loaded).await.expect("load");
        let pledges: Vec<LoadedPledge> = (0..50)
            .map(|i| LoadedPledge {
                pledge: pledge(None, if i % 2 == 0 { ASNI } else { IGHIL }, 1 + i % 7),
                status: [
                    PledgeStatus::Pledged,
                    PledgeStatus::Delivered,
                    PledgeStatus::Cancelled,
                ][(i % 3) as usize],
            })
            .collect();
        s.load_pledges(incident, org, owner, &pledges)
            .await
            .expect("load");
        same_coverage(s, incident, "bulk loads").await;
        assert!(!s.coverage(incident).await.expect("coverage").is_empty());
    }
);
