//! `log audit` against tampering: each direct edit or deletion of a logged row, a leaf, a stored
//! hash or a checkpoint is found and named; an untouched log passes. On both backends.

use crate::harness::TestDb;
use crate::on_both_backends;
use crate::suite::{collecting_campaign, money};
use twiza_store::{Sequencer, Store};
use twiza_tlog::{NoteSigner, NoteVerifier};

/// A log with a campaign's authorization, 40 donations, a closing and a signed checkpoint.
async fn logged_campaign(s: &Store) -> (NoteVerifier, i64) {
    use twiza_domain::campaign::CampaignState;
    let (campaign, scope) = collecting_campaign(s, "TWZ-AUD1").await;
    let sequencer = Sequencer::start(s.clone(), [5; 32]);
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let sq = sequencer.clone();
            tokio::spawn(async move {
                sq.submit(money(campaign, &format!("audit-key-{i:04}"), "12.50"))
                    .await
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("join").expect("durable");
    }
    let signer = NoteSigner::from_seed("test.twiza/log", &[4; 32]).expect("signer");
    s.publish_checkpoint(&signer).await.expect("checkpoint");
    s.set_campaign_state(
        &scope,
        campaign,
        CampaignState::Published,
        CampaignState::Closed,
    )
    .await
    .expect("close");
    s.publish_checkpoint(&signer).await.expect("checkpoint");
    let verifier = NoteVerifier::parse(&signer.verifier()).expect("verifier");
    (verifier, campaign)
}

async fn findings(s: &Store, verifier: &NoteVerifier) -> Vec<String> {
    s.audit_log(Some(verifier), |_| {})
        .await
        .expect("audit")
        .findings
}

/// Runs `tamper` on a fresh logged database and checks that the audit names `expected`.
async fn tampering_is_named(db: &TestDb, tamper: &str, expected: &str) {
    let s = &db.store;
    let (verifier, _) = logged_campaign(s).await;
    assert_eq!(
        findings(s, &verifier).await,
        Vec::<String>::new(),
        "{}: clean log",
        db.name
    );
    s.execute_raw(tamper).await.expect("tamper");
    let found = findings(s, &verifier).await;
    assert!(
        found.iter().any(|f| f.contains(expected)),
        "{}: `{tamper}` should be named `{expected}`, found {found:?}",
        db.name
    );
}

on_both_backends!(an_untouched_log_passes_the_audit, |db: TestDb| async move {
    let s = &db.store;
    let (verifier, _) = logged_campaign(s).await;
    let report = s.audit_log(Some(&verifier), |_| {}).await.expect("audit");
    assert!(report.ok(), "{}: {:?}", db.name, report.findings);
    assert_eq!(
        (report.leaves, report.rows_checked, report.checkpoints),
        (42, 42, 2)
    );
});

on_both_backends!(an_edited_donation_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "UPDATE donations SET amount_centimes = 99900 WHERE id = 7",
        "donations row 7: differs from its donation_confirmed leaf",
    )
    .await;
});

on_both_backends!(a_deleted_donation_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "DELETE FROM donations WHERE id = 9",
        "donations row 9: missing or changed, but logged as donation_confirmed",
    )
    .await;
});

on_both_backends!(
    a_donation_turned_pending_is_named,
    |db: TestDb| async move {
        tampering_is_named(
            &db,
            "UPDATE donations SET status = 'failed' WHERE id = 3",
            "donations row 3: missing or changed",
        )
        .await;
    }
);

on_both_backends!(an_edited_authorization_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "UPDATE campaigns SET auth_reference = 'FORGED' WHERE code = 'TWZ-AUD1'",
        "campaigns row 1: differs from its campaign_authorized leaf 0",
    )
    .await;
});

on_both_backends!(a_reopened_campaign_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "UPDATE campaigns SET state = 'published' WHERE code = 'TWZ-AUD1'",
        "campaigns row 1: missing or changed, but logged as campaign_closed",
    )
    .await;
});

on_both_backends!(an_unlogged_donation_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "DELETE FROM log_entries WHERE kind = 'donation_confirmed' AND ref_id = 40",
        "donations row 40: donation_confirmed is not in the log",
    )
    .await;
});

on_both_backends!(an_edited_leaf_is_named, |db: TestDb| async move {
    // The leaf of donation 5 now claims another amount: its stored hash no longer matches and
    // the row differs from it.
    let leaf = r#"'{"amount":"99999.00"}'"#;
    let cast = match db.name {
        "postgres" => format!("convert_to({leaf}, 'UTF8')"),
        _ => format!("CAST({leaf} AS BLOB)"),
    };
    tampering_is_named(
        &db,
        &format!(
            "UPDATE log_entries SET leaf = {cast} WHERE kind = 'donation_confirmed' AND ref_id = 5"
        ),
        // Leaf 5 is the right child of level-1 node 2.
        "log_hashes: hash at level 1 index 2 differs from the leaves",
    )
    .await;
});

on_both_backends!(an_edited_hash_is_named, |db: TestDb| async move {
    let zeros = match db.name {
        "postgres" => "decode(repeat('00', 32), 'hex')",
        _ => "zeroblob(32)",
    };
    tampering_is_named(
        &db,
        &format!("UPDATE log_hashes SET hash = {zeros} WHERE level = 3 AND idx = 1"),
        "log_hashes: hash at level 3 index 1 differs from the leaves",
    )
    .await;
});

on_both_backends!(a_rewritten_checkpoint_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "UPDATE log_checkpoints SET note = REPLACE(note, '\n41\n', '\n40\n') WHERE size = 41",
        "log_checkpoints: checkpoint of size 41 is not signed by the log key",
    )
    .await;
});

on_both_backends!(a_truncated_log_is_named, |db: TestDb| async move {
    tampering_is_named(
        &db,
        "DELETE FROM log_entries WHERE idx = 20",
        "log_entries: leaf 20 is missing",
    )
    .await;
});
