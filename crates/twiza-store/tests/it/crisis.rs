//! Crisis coordination on both backends: needs, duplicates and merges, pledges that assign and
//! cover needs, coverage per commune and douar, contacts only for the covering association, and
//! the keyset pages behind the exports.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::new_org;
use twiza_domain::crisis::{
    AssignmentWay, DouarInput, IncidentInput, NeedInput, NeedStatus, NewDouar, NewIncident,
    NewNeed, NewPledge, PledgeInput, PledgeStatus,
};
use twiza_domain::organization::VerificationDecision;
use twiza_domain::Refusal;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::{NeedFilter, Reporter, StoreError};

pub(crate) const IGHIL: &str = "07.041.07.05";
pub(crate) const ASNI: &str = "07.041.07.03";

pub(crate) fn need(commune: &str, category: &str, households: i64, douar: Option<i64>) -> NewNeed {
    NewNeed::parse(&NeedInput {
        commune,
        douar_id: douar,
        category,
        urgency: "high",
        households: Some(households),
        ..NeedInput::default()
    })
    .expect("need")
}

pub(crate) fn pledge(need_id: Option<i64>, commune: &str, households: i64) -> NewPledge {
    NewPledge::parse(
        &PledgeInput {
            need_id,
            commune,
            category: "shelter",
            households: Some(households),
            description: "Tentes",
            due_on: "2099-01-01",
            ..PledgeInput::default()
        },
        time::macros::date!(2026 - 01 - 01),
    )
    .expect("pledge")
}

on_both_backends!(needs_pledges_and_coverage, |db: TestDb| async move {
    let s = &db.store;
    let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
    let org = s
        .create_organization(&new_org("C-1", "Org", "071"), "org", owner)
        .await
        .expect("org");
    let other = s
        .create_organization(&new_org("C-2", "Other", "072"), "other", owner)
        .await
        .expect("org");
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let other_scope = OrgScope::for_member(other, OrgRole::Owner);
    let incident = NewIncident::parse(&IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال",
        title_fr: "Séisme",
        started_on: "2023-09-08",
        communes: vec![IGHIL, ASNI],
    })
    .expect("incident");
    let incident = s.declare_incident(&incident, owner).await.expect("declare");
    assert_eq!(
        s.incident_communes(incident).await.expect("q"),
        vec![ASNI, IGHIL]
    );
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
    let tnirt = s.create_douar(&douar).await.expect("douar");
    assert!(matches!(
        s.create_douar(&douar).await,
        Err(StoreError::Refused(Refusal::DouarExists))
    ));

    // A need, its likely duplicate, and a need of another category.
    let first = s
        .report_need(
            incident,
            &need(IGHIL, "shelter", 12, Some(tnirt)),
            "N-A",
            Some(b"sealed"),
            Reporter::Public,
        )
        .await
        .expect("need");
    assert_eq!(
        (first.status, first.possible_duplicate_of),
        (NeedStatus::Reported, None)
    );
    let again = s
        .report_need(
            incident,
            &need(IGHIL, "shelter", 12, Some(tnirt)),
            "N-B",
            None,
            Reporter::Public,
        )
        .await
        .expect("need");
    assert_eq!(again.possible_duplicate_of, Some(first.id));
    let assessed = s
        .report_need(
            incident,
            &need(ASNI, "food", 30, None),
            "N-C",
            None,
            Reporter::FieldAgent {
                org: org.0,
                user: owner,
            },
        )
        .await
        .expect("assessment");
    assert_eq!(assessed.status, NeedStatus::Verified);
    // Refusals: a commune outside the incident, a douar of another commune.
    let outside = s
        .report_need(
            incident,
            &need("01.051.01.01", "food", 3, None),
            "N-D",
            None,
            Reporter::Public,
        )
        .await;
    assert!(matches!(
        outside,
        Err(StoreError::Refused(Refusal::CommuneNotInIncident))
    ));
    let wrong_douar = s
        .report_need(
            incident,
            &need(ASNI, "food", 3, Some(tnirt)),
            "N-E",
            None,
            Reporter::Public,
        )
        .await;
    assert!(matches!(
        wrong_douar,
        Err(StoreError::Refused(Refusal::UnknownDouar))
    ));

    // Merge the duplicate; filters and pages.
    s.merge_need(again.id, first.id).await.expect("merge");
    assert!(matches!(
        s.merge_need(first.id, first.id).await,
        Err(StoreError::Refused(Refusal::MergeIntoItself))
    ));
    let merged = s.need(again.id).await.expect("q").expect("found");
    assert_eq!(
        (merged.status, merged.merged_into),
        (NeedStatus::Merged, Some(first.id))
    );
    let filter = NeedFilter {
        commune_code: Some(IGHIL.into()),
        status: Some(NeedStatus::Reported),
        ..NeedFilter::default()
    };
    let page = s.needs_page(incident, &filter, 0, 10).await.expect("page");
    assert_eq!(
        page.iter().map(|n| n.id).collect::<Vec<_>>(),
        vec![first.id]
    );
    assert!(page[0].has_contact);
    assert_eq!(
        s.need_by_reference("N-A").await.expect("q").map(|n| n.id),
        Some(first.id)
    );

    // Coverage before any pledge: Ighil commune and its douar 12 households, Asni 30.
    let coverage = s.coverage(incident).await.expect("coverage");
    let at = |commune: &str, douar: Option<i64>| {
        coverage
            .iter()
            .find(|c| c.commune_code == commune && c.douar_id == douar)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        (
            at(IGHIL, None).needed,
            at(IGHIL, Some(tnirt)).needed,
            at(ASNI, None).needed
        ),
        (12, 12, 30)
    );

    // A pledge on the need assigns it and covers its douar; delivered, the need is covered.
    let (p, warning) = s
        .create_pledge(&scope, incident, &pledge(Some(first.id), IGHIL, 12), owner)
        .await
        .expect("pledge");
    assert_eq!(warning, None);
    assert_eq!(
        s.need(first.id).await.expect("q").expect("found").status,
        NeedStatus::Assigned
    );
    let coverage = s.coverage(incident).await.expect("coverage");
    let douar_line = coverage
        .iter()
        .find(|c| c.douar_id == Some(tnirt))
        .expect("douar");
    assert_eq!(douar_line.pledged, 12);
    // Only the association the need is assigned to reads the contact.
    assert_eq!(
        s.release_need_contact(&scope, first.id, owner)
            .await
            .expect("q")
            .map(|(_, c)| c),
        Some(b"sealed".to_vec())
    );
    assert!(matches!(
        s.release_need_contact(&other_scope, first.id, owner).await,
        Err(StoreError::NotFound)
    ));
    // Another association cannot move this pledge.
    assert!(matches!(
        s.set_pledge_status(&other_scope, p, PledgeStatus::Delivered)
            .await,
        Err(StoreError::NotFound)
    ));
    s.set_pledge_status(&scope, p, PledgeStatus::Delivered)
        .await
        .expect("deliver");
    assert!(matches!(
        s.set_pledge_status(&scope, p, PledgeStatus::Cancelled)
            .await,
        Err(StoreError::Refused(Refusal::InvalidStatusChange))
    ));
    assert_eq!(
        s.need(first.id).await.expect("q").expect("found").status,
        NeedStatus::Covered
    );
    // Pledging the covered commune again warns: Asni still waits.
    let (_, warning) = s
        .create_pledge(&scope, incident, &pledge(None, IGHIL, 5), owner)
        .await
        .expect("pledge");
    let warning = warning.expect("a warning");
    assert_eq!(warning.uncovered_neighbours, vec![(ASNI.to_owned(), 30)]);
    let coverage = s.coverage(incident).await.expect("coverage");
    let ighil = coverage
        .iter()
        .find(|c| c.commune_code == IGHIL && c.douar_id.is_none())
        .expect("Ighil");
    assert_eq!(
        (
            ighil.needed,
            ighil.delivered,
            ighil.pledged,
            ighil.gap(),
            ighil.oversupply()
        ),
        (12, 12, 5, 0, 0)
    );

    // The export pages.
    let activities = s.activities_page(incident, 0, 10).await.expect("3w");
    assert_eq!(activities.len(), 2);
    assert_eq!(activities[0].status, PledgeStatus::Delivered);
    let located = s.located_needs_page(incident, 0, 10).await.expect("geo");
    assert_eq!(located.len(), 3);
    assert_eq!(located[0].douar_latin.as_deref(), Some("Tnirt"));
    assert_eq!(located[0].point.map(|p| p.lat_e6), Some(31_072_000));
    assert!(located[2].point.is_none());
    let summary = s.activity_summary(incident, 10).await.expect("summary");
    assert_eq!(summary.iter().map(|a| a.targeted).sum::<i64>(), 17);
    assert_eq!(summary.iter().map(|a| a.reached).sum::<i64>(), 12);
});

on_both_backends!(
    deliveries_take_stock_and_are_proven_by_their_code,
    |db: TestDb| async move {
        use twiza_domain::logistics::{code_hash, NewReceipt};
        use twiza_store::{NewDelivery, ProofOutcome};
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("L-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let other = s
            .create_organization(&new_org("L-2", "Other", "072"), "other", owner)
            .await
            .expect("org");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let other_scope = OrgScope::for_member(other, OrgRole::Owner);
        let incident = NewIncident::parse(&IncidentInput {
            kind: "earthquake",
            title_ar: "زلزال",
            title_fr: "Séisme",
            started_on: "2023-09-08",
            communes: vec![IGHIL],
        })
        .expect("incident");
        let incident = s.declare_incident(&incident, owner).await.expect("declare");
        let need_id = s
            .report_need(
                incident,
                &need(IGHIL, "shelter", 4, None),
                "N-L",
                None,
                Reporter::Public,
            )
            .await
            .expect("need")
            .id;
        let warehouse = s
            .create_warehouse(&scope, "Dépôt d'Asni", ASNI)
            .await
            .expect("warehouse");
        assert!(matches!(
            s.create_warehouse(&scope, "Dépôt d'Asni", ASNI).await,
            Err(StoreError::Refused(Refusal::WarehouseExists))
        ));
        let receipt = NewReceipt::parse(10, "in_kind_donation", "TWZ-ASN1").expect("receipt");
        s.receive_stock(&scope, warehouse, "tent", &receipt, owner)
            .await
            .expect("receive");
        // Another association cannot use this warehouse; an unknown item is refused.
        assert!(matches!(
            s.receive_stock(&other_scope, warehouse, "tent", &receipt, owner)
                .await,
            Err(StoreError::Refused(Refusal::UnknownWarehouse))
        ));
        assert!(matches!(
            s.receive_stock(&scope, warehouse, "spaceship", &receipt, owner)
                .await,
            Err(StoreError::Refused(Refusal::UnknownItem))
        ));
        let delivery = |quantity| NewDelivery {
            incident_id: incident,
            need_id,
            warehouse_id: warehouse,
            item: "tent".into(),
            quantity,
            households: 4,
            campaign_id: None,
            household_id: None,
            lot_id: None,
        };
        let salt = [3u8; 16];
        let hash = code_hash(&salt, "123456");
        // More than the stock: refused, nothing taken.
        assert!(matches!(
            s.create_delivery(&scope, &delivery(11), Some((&salt, &hash)), owner)
                .await,
            Err(StoreError::Refused(Refusal::InsufficientStock))
        ));
        assert_eq!(s.stock(&scope).await.expect("stock")[0].quantity, 10);
        // The delivery names the registered household it reaches; another association's
        // household cannot be named.
        let k = crate::registry::keys(&[1]);
        let (family, reference) = s
            .register_household(
                &scope,
                &k,
                &crate::registry::household(crate::registry::family(), None, true),
                owner,
            )
            .await
            .expect("household");
        let (theirs, _) = s
            .register_household(
                &other_scope,
                &k,
                &crate::registry::household(crate::registry::family(), None, true),
                owner,
            )
            .await
            .expect("household");
        assert!(matches!(
            s.create_delivery(
                &scope,
                &NewDelivery {
                    household_id: Some(theirs),
                    ..delivery(4)
                },
                Some((&salt, &hash)),
                owner
            )
            .await,
            Err(StoreError::Refused(Refusal::UnknownHousehold))
        ));
        let id = s
            .create_delivery(
                &scope,
                &NewDelivery {
                    household_id: Some(family),
                    ..delivery(4)
                },
                Some((&salt, &hash)),
                owner,
            )
            .await
            .expect("delivery");
        assert_eq!(s.stock(&scope).await.expect("stock")[0].quantity, 6);
        // Wrong codes count; the right one delivers, logs and covers the need; reuse is refused.
        assert_eq!(
            s.confirm_delivery(&scope, id, "000000")
                .await
                .expect("attempt"),
            ProofOutcome::Wrong { attempts_left: 4 }
        );
        assert!(matches!(
            s.confirm_delivery(&other_scope, id, "123456").await,
            Err(StoreError::NotFound)
        ));
        let before = s.log_size().await.expect("size");
        let outcome = s
            .confirm_delivery(&scope, id, "123456")
            .await
            .expect("proof");
        assert_eq!(outcome, ProofOutcome::Delivered { leaf_index: before });
        assert_eq!(s.log_size().await.expect("size"), before + 1);
        assert_eq!(
            s.need(need_id).await.expect("q").expect("found").status,
            NeedStatus::Covered
        );
        assert!(matches!(
            s.confirm_delivery(&scope, id, "123456").await,
            Err(StoreError::Refused(Refusal::ProofAlreadyUsed))
        ));
        // The family sees what it received in its own export; the leaf does not name it.
        let export = s
            .subject_export(
                &scope,
                &k,
                family,
                twiza_store::Reader {
                    account: owner,
                    purpose: "subject_request",
                },
            )
            .await
            .expect("export");
        assert_eq!(export.deliveries[0].item, "tent");
        assert_eq!(export.deliveries[0].quantity, 4);
        assert_eq!(export.deliveries[0].status, "delivered");
        let leaf = s.log_entry(before).await.expect("entry").expect("leaf");
        let leaf = String::from_utf8(leaf.leaf).expect("utf-8");
        assert!(
            !leaf.contains(&reference) && !leaf.contains("household_id"),
            "{leaf}"
        );
        let report = s.audit_log(None, |_| {}).await.expect("audit");
        assert!(report.ok(), "{:?}", report.findings);

        // Five wrong codes lock a delivery's proof, even against the right code.
        let second = s
            .report_need(
                incident,
                &need(IGHIL, "water", 2, None),
                "N-M",
                None,
                Reporter::Public,
            )
            .await
            .expect("need")
            .id;
        let locked = s
            .create_delivery(
                &scope,
                &NewDelivery {
                    need_id: second,
                    households: 2,
                    ..delivery(2)
                },
                Some((&salt, &hash)),
                owner,
            )
            .await
            .expect("delivery");
        for left in (1..=4).rev() {
            assert_eq!(
                s.confirm_delivery(&scope, locked, "999999")
                    .await
                    .expect("attempt"),
                ProofOutcome::Wrong {
                    attempts_left: left
                }
            );
        }
        assert_eq!(
            s.confirm_delivery(&scope, locked, "999999")
                .await
                .expect("attempt"),
            ProofOutcome::Locked
        );
        assert!(matches!(
            s.confirm_delivery(&scope, locked, "123456").await,
            Err(StoreError::Refused(Refusal::ProofLocked))
        ));

        // Tampering with a delivered row is named by the audit.
        s.execute_raw(&format!(
            "UPDATE deliveries SET quantity = 40 WHERE id = {id}"
        ))
        .await
        .expect("tamper");
        let report = s.audit_log(None, |_| {}).await.expect("audit");
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.contains("deliveries") && f.contains(&id.to_string())),
            "{:?}",
            report.findings
        );
    }
);

on_both_backends!(
    crisis_contacts_go_only_to_assigned_associations_and_are_logged,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let wali = s.create_user("w@x.ma", "h", "W", None).await.expect("user");
        let mut orgs = Vec::new();
        for (i, name) in ["Alpha", "Beta", "Gamma", "Delta"].iter().enumerate() {
            let org = s
                .create_organization(&new_org(&format!("A-{i}"), name, "071"), name, owner)
                .await
                .expect("org");
            s.decide_verification(org, &VerificationDecision::Verify, owner)
                .await
                .expect("verify");
            orgs.push(org);
        }
        let pending = s
            .create_organization(&new_org("A-9", "Pending", "071"), "pending", owner)
            .await
            .expect("org");
        let scope = |i: usize| OrgScope::for_member(orgs[i], OrgRole::Owner);
        let incident = NewIncident::parse(&IncidentInput {
            kind: "earthquake",
            title_ar: "زلزال",
            title_fr: "Séisme",
            started_on: "2023-09-08",
            communes: vec![IGHIL],
        })
        .expect("incident");
        let incident = s.declare_incident(&incident, wali).await.expect("declare");
        let need_id = s
            .report_need(
                incident,
                &need(IGHIL, "shelter", 6, None),
                "N-C1",
                Some(b"sealed"),
                Reporter::Public,
            )
            .await
            .expect("need_id")
            .id;

        // Alpha pledges first: the need_id is assigned to it. Beta's later pledge does not assign.
        let (alpha_pledge, _) = s
            .create_pledge(&scope(0), incident, &pledge(Some(need_id), IGHIL, 6), owner)
            .await
            .expect("pledge");
        s.create_pledge(&scope(1), incident, &pledge(Some(need_id), IGHIL, 6), owner)
            .await
            .expect("pledge");
        let assigned = s.need_assignments(need_id).await.expect("assignments");
        assert_eq!(assigned.len(), 1);
        assert_eq!(
            (
                assigned[0].organization_id,
                assigned[0].how,
                assigned[0].pledge_id
            ),
            (orgs[0].0, AssignmentWay::Pledge, Some(alpha_pledge))
        );
        assert!(matches!(
            s.release_need_contact(&scope(1), need_id, owner).await,
            Err(StoreError::NotFound)
        ));
        assert!(s
            .need_contact_releases(need_id, 10)
            .await
            .expect("releases")
            .is_empty());
        let (reference, sealed) = s
            .release_need_contact(&scope(0), need_id, owner)
            .await
            .expect("release")
            .expect("a contact");
        assert_eq!(
            (reference.as_str(), sealed.as_slice()),
            ("N-C1", &b"sealed"[..])
        );
        let releases = s
            .need_contact_releases(need_id, 10)
            .await
            .expect("releases");
        assert_eq!(releases.len(), 1);
        assert_eq!(releases[0].organization_name_fr, "Alpha");

        // The authority assigns Beta and Gamma (three in all); a fourth is refused, and so are
        // an unverified or unknown association.
        assert!(s
            .assign_need(need_id, orgs[1].0, wali)
            .await
            .expect("assign"));
        assert!(!s
            .assign_need(need_id, orgs[1].0, wali)
            .await
            .expect("again"));
        assert!(s
            .assign_need(need_id, orgs[2].0, wali)
            .await
            .expect("assign"));
        assert!(matches!(
            s.assign_need(need_id, orgs[3].0, wali).await,
            Err(StoreError::Refused(Refusal::NeedAssignmentLimit))
        ));
        assert!(matches!(
            s.assign_need(need_id, pending.0, wali).await,
            Err(StoreError::Refused(Refusal::OrganizationNotVerified))
        ));
        assert!(matches!(
            s.assign_need(need_id, 999_999, wali).await,
            Err(StoreError::Refused(Refusal::UnknownOrganization))
        ));
        assert!(matches!(
            s.assign_need(999_999, orgs[1].0, wali).await,
            Err(StoreError::NotFound)
        ));
        assert!(s
            .release_need_contact(&scope(1), need_id, owner)
            .await
            .expect("release")
            .is_some());
        assert!(matches!(
            s.release_need_contact(&scope(3), need_id, owner).await,
            Err(StoreError::NotFound)
        ));

        // Alpha cancels its pledge: its assignment ends, and a place frees up for Delta.
        s.set_pledge_status(&scope(0), alpha_pledge, PledgeStatus::Cancelled)
            .await
            .expect("cancel");
        assert!(matches!(
            s.release_need_contact(&scope(0), need_id, owner).await,
            Err(StoreError::NotFound)
        ));
        assert!(s
            .assign_need(need_id, orgs[3].0, wali)
            .await
            .expect("assign"));
        let how: Vec<_> = s
            .need_assignments(need_id)
            .await
            .expect("assignments")
            .into_iter()
            .map(|a| (a.organization_id, a.how))
            .collect();
        assert_eq!(
            how,
            vec![
                (orgs[1].0, AssignmentWay::Authority),
                (orgs[2].0, AssignmentWay::Authority),
                (orgs[3].0, AssignmentWay::Authority)
            ]
        );
        // Alpha cannot come back while three associations hold the need.
        assert!(matches!(
            s.assign_need(need_id, orgs[0].0, wali).await,
            Err(StoreError::Refused(Refusal::NeedAssignmentLimit))
        ));
        let names: Vec<_> = s
            .need_contact_releases(need_id, 10)
            .await
            .expect("releases")
            .into_iter()
            .map(|r| r.organization_name_fr)
            .collect();
        assert_eq!(names, vec!["Beta", "Alpha"], "newest first");

        // A need_id without a contact: nothing to release, nothing recorded.
        let bare = s
            .report_need(
                incident,
                &need(IGHIL, "water", 2, None),
                "N-C2",
                None,
                Reporter::Public,
            )
            .await
            .expect("need_id")
            .id;
        assert!(s.assign_need(bare, orgs[3].0, wali).await.expect("assign"));
        assert_eq!(
            s.need(bare).await.expect("q").expect("found").status,
            NeedStatus::Assigned
        );
        assert!(s
            .release_need_contact(&scope(3), bare, owner)
            .await
            .expect("no contact")
            .is_none());
        assert!(s
            .need_contact_releases(bare, 10)
            .await
            .expect("releases")
            .is_empty());
    }
);

on_both_backends!(
    crisis_held_reports_stay_out_of_public_counts_until_reviewed,
    |db: TestDb| async move {
        let s = &db.store;
        let owner = s.create_user("o@x.ma", "h", "O", None).await.expect("user");
        let org = s
            .create_organization(&new_org("H-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        s.decide_verification(org, &VerificationDecision::Verify, owner)
            .await
            .expect("verify");
        let scope = OrgScope::for_member(org, OrgRole::Owner);
        let incident = NewIncident::parse(&IncidentInput {
            kind: "earthquake",
            title_ar: "زلزال",
            title_fr: "Séisme",
            started_on: "2023-09-08",
            communes: vec![IGHIL, ASNI],
        })
        .expect("incident");
        let incident = s.declare_incident(&incident, owner).await.expect("declare");
        let report = |reference: &'static str, households: i64, reporter: Reporter| async move {
            s.report_need(
                incident,
                &need(IGHIL, "shelter", households, None),
                reference,
                Some(b"sealed"),
                reporter,
            )
            .await
            .expect("need")
        };

        // A held report is kept with its reference, but a later public report of the same
        // place and category is not taken for its duplicate.
        let held = report("N-H1", 40, Reporter::PublicHeld).await;
        assert_eq!(held.status, NeedStatus::Held);
        let open = report("N-H2", 12, Reporter::Public).await;
        assert_eq!(
            (open.status, open.possible_duplicate_of),
            (NeedStatus::Reported, None)
        );
        let rejected = report("N-H3", 99, Reporter::PublicHeld).await;
        assert_eq!(
            s.need_by_reference("N-H1")
                .await
                .expect("q")
                .map(|n| n.status),
            Some(NeedStatus::Held)
        );

        // Out of lists (whatever the filter), coverage and the export pages.
        let ids = |page: Vec<twiza_store::Need>| page.into_iter().map(|n| n.id).collect::<Vec<_>>();
        let all = NeedFilter::default();
        assert_eq!(
            ids(s.needs_page(incident, &all, 0, 10).await.expect("page")),
            vec![open.id]
        );
        let only_held = NeedFilter {
            status: Some(NeedStatus::Held),
            ..NeedFilter::default()
        };
        assert!(s
            .needs_page(incident, &only_held, 0, 10)
            .await
            .expect("page")
            .is_empty());
        let needed = |c: Vec<twiza_store::Coverage>| {
            c.into_iter()
                .find(|c| c.commune_code == IGHIL && c.douar_id.is_none())
                .map(|c| (c.open_needs, c.needed))
        };
        assert_eq!(
            needed(s.coverage(incident).await.expect("coverage")),
            Some((1, 12))
        );
        assert_eq!(
            s.located_needs_page(incident, 0, 10)
                .await
                .expect("geo")
                .into_iter()
                .map(|l| l.need.id)
                .collect::<Vec<_>>(),
            vec![open.id]
        );
        // Listed for review, by keyset pages.
        assert_eq!(
            ids(s.held_needs_page(incident, 0, 1).await.expect("held")),
            vec![held.id]
        );
        assert_eq!(
            ids(s
                .held_needs_page(incident, held.id, 10)
                .await
                .expect("held")),
            vec![rejected.id]
        );
        // Not open: no merge, pledge or assignment before review.
        assert!(matches!(
            s.merge_need(held.id, open.id).await,
            Err(StoreError::Refused(Refusal::NeedNotOpen))
        ));
        assert!(matches!(
            s.create_pledge(&scope, incident, &pledge(Some(held.id), IGHIL, 40), owner)
                .await,
            Err(StoreError::Refused(Refusal::NeedNotOpen))
        ));
        assert!(matches!(
            s.assign_need(held.id, org.0, owner).await,
            Err(StoreError::Refused(Refusal::NeedNotOpen))
        ));

        // Accepted, it counts; rejected, it never does; each review happens once.
        s.review_held_need(held.id, NeedStatus::Reported)
            .await
            .expect("accept");
        s.review_held_need(rejected.id, NeedStatus::Closed)
            .await
            .expect("reject");
        assert!(matches!(
            s.review_held_need(held.id, NeedStatus::Closed).await,
            Err(StoreError::Refused(Refusal::NeedNotHeld))
        ));
        assert!(matches!(
            s.review_held_need(999_999, NeedStatus::Reported).await,
            Err(StoreError::NotFound)
        ));
        assert_eq!(
            ids(s.needs_page(incident, &all, 0, 10).await.expect("page")),
            vec![held.id, open.id, rejected.id]
        );
        assert_eq!(
            s.need(rejected.id).await.expect("q").map(|n| n.status),
            Some(NeedStatus::Closed)
        );
        assert_eq!(
            needed(s.coverage(incident).await.expect("coverage")),
            Some((2, 52))
        );
        assert!(s
            .held_needs_page(incident, 0, 10)
            .await
            .expect("held")
            .is_empty());
    }
);

on_both_backends!(
    needs_and_pledges_load_in_bulk_and_all_or_nothing,
    |db: TestDb| async move {
        use twiza_domain::crisis::{NeedSource, NeedStatus};
        use twiza_store::{LoadedNeed, LoadedPledge};
        let s = &db.store;
        let owner = s.create_user("l@x.ma", "h", "L", None).await.expect("user");
        let org = s
            .create_organization(&new_org("L-1", "Org", "071"), "org", owner)
            .await
            .expect("org");
        let incident = NewIncident::parse(&IncidentInput {
            kind: "earthquake",
            title_ar: "زلزال",
            title_fr: "Séisme",
            started_on: "2023-09-08",
            communes: vec![IGHIL, ASNI],
        })
        .expect("incident");
        let incident = s.declare_incident(&incident, owner).await.expect("declare");
        // 250 needs: more than two statements' worth, so the last one is a shorter chunk.
        let needs: Vec<LoadedNeed> = (0..250)
            .map(|i| LoadedNeed {
                need: need(if i % 2 == 0 { IGHIL } else { ASNI }, "water", 2, None),
                reference: format!("L-{i}"),
                source: NeedSource::Public,
                status: if i % 5 == 0 {
                    NeedStatus::Covered
                } else {
                    NeedStatus::Reported
                },
                reported_at: 1_700_000_000 + i,
            })
            .collect();
        assert_eq!(s.load_needs(incident, &needs).await.expect("load"), 250);
        let pledges = vec![LoadedPledge {
            pledge: pledge(None, IGHIL, 40),
            status: PledgeStatus::Pledged,
        }];
        assert_eq!(
            s.load_pledges(incident, org, owner, &pledges)
                .await
                .expect("load"),
            1
        );
        let page = s
            .needs_page(incident, &NeedFilter::default(), 0, 1000)
            .await
            .expect("page");
        assert_eq!(page.len(), 250);
        assert_eq!(
            page.iter()
                .filter(|n| n.status == NeedStatus::Covered)
                .count(),
            50
        );
        assert_eq!(
            s.pledges_page(incident, 0, 10)
                .await
                .expect("pledges")
                .len(),
            1
        );

        // A commune outside the incident refuses the whole load: nothing is written.
        let mut outside = needs[..3].to_vec();
        for (i, n) in outside.iter_mut().enumerate() {
            n.reference = format!("X-{i}");
        }
        outside[2].need = need("07.041.07.11", "water", 2, None);
        assert!(matches!(
            s.load_needs(incident, &outside).await,
            Err(StoreError::Refused(Refusal::CommuneNotInIncident))
        ));
        assert_eq!(
            s.needs_page(incident, &NeedFilter::default(), 0, 1000)
                .await
                .expect("page")
                .len(),
            250
        );
    }
);
