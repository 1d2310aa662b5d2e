//! Programmes through the API: created with rules checked before anything is written, a new
//! rules version, enrollment of consenting households, a cycle computed, approved by a second
//! person only, a household's entitlement explained, and the cycle's payment batch whose bank
//! file is then served.

use crate::harness::TestApp;
use serde_json::{json, Value};
use twiza_domain::organization::OrgStatus;
use twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE;
use twiza_domain::OrgRole;

#[tokio::test]
async fn a_programme_from_rules_to_the_bank_file() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let treasurer = app.member(org, OrgRole::Treasurer, "t@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let base = format!("/api/v1/organizations/{}", org.0);
    let registered = app
        .post_json(
            &format!("{base}/households"),
            Some(&agent.token),
            &crate::registry::household_body("Lahcen", "JT123456"),
        )
        .await;
    assert_eq!(registered.status, 201, "{}", registered.text());
    let household = registered.json()["id"].as_i64().unwrap();
    let rules: Value = serde_json::from_str(DIRECT_SOCIAL_AID_EXAMPLE).unwrap();

    // Bad input: every field named; bad rules with their code; nothing created.
    let bad = app
        .post_json(
            &format!("{base}/programmes"),
            Some(&coordinator.token),
            &json!({
            "code": "A S D", "name_ar": "", "name_fr": "Aide", "retention_days": -1,
            "ends_on": "2026-02-30", "rules": rules}),
        )
        .await;
    assert_eq!(bad.status, 422);
    let fields: Vec<String> = bad.json()["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["code", "name_ar", "retention_days", "ends_on"]);
    let mut broken = rules.clone();
    broken["eligibility"][0]["field"] = json!("shoe_size");
    let refused = app
        .post_json(&format!("{base}/programmes"), Some(&coordinator.token), &json!({
            "code": "ASD", "name_ar": "الدعم", "name_fr": "Aide", "retention_days": 365, "rules": broken}))
        .await;
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert_eq!(
        refused.json()["error"]["fields"][0]["code"],
        "rule_unknown_field"
    );
    assert_eq!(
        app.get(&format!("{base}/programmes"), Some(&coordinator.token))
            .await
            .json(),
        json!([])
    );
    // A field agent cannot create one.
    let denied = app
        .post_json(&format!("{base}/programmes"), Some(&agent.token), &json!({
            "code": "ASD", "name_ar": "الدعم", "name_fr": "Aide", "retention_days": 365, "rules": rules}))
        .await;
    assert_eq!(denied.status, 403);

    let created = app
        .post_json(
            &format!("{base}/programmes"),
            Some(&coordinator.token),
            &json!({
            "code": "ASD", "name_ar": "الدعم الاجتماعي المباشر", "name_fr": "Aide sociale directe",
            "retention_days": 365, "rules": rules}),
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let programme = created.json()["id"].as_i64().unwrap();
    assert_eq!(created.json()["rules_version"], 1);
    let again = app
        .post_json(
            &format!("{base}/programmes"),
            Some(&coordinator.token),
            &json!({
            "code": "ASD", "name_ar": "x", "name_fr": "x", "retention_days": 1, "rules": rules}),
        )
        .await;
    assert_eq!(
        (
            again.status.as_u16(),
            again.json()["error"]["code"].as_str()
        ),
        (409, Some("programme_code_taken"))
    );
    let v2 = app
        .post_json(
            &format!("{base}/programmes/{programme}/rules"),
            Some(&coordinator.token),
            &json!({"rules": rules}),
        )
        .await;
    assert_eq!(v2.json()["rules_version"], 2);

    let enrolled = app
        .post_json(
            &format!("{base}/programmes/{programme}/enrollments"),
            Some(&coordinator.token),
            &json!({}),
        )
        .await;
    assert_eq!(enrolled.json()["enrolled"], 1);
    let bad_cycle = app
        .post_json(
            &format!("{base}/programmes/{programme}/cycles"),
            Some(&coordinator.token),
            &json!({"period": "2026-13", "reference_date": "2026-11-31"}),
        )
        .await;
    assert_eq!(bad_cycle.status, 422);
    let cycle = app
        .post_json(
            &format!("{base}/programmes/{programme}/cycles"),
            Some(&coordinator.token),
            &json!({"period": "2026-11", "reference_date": "2026-11-01"}),
        )
        .await;
    assert_eq!(cycle.status, 200, "{}", cycle.text());
    let cycle = cycle.json();
    let cycle_id = cycle["id"].as_i64().unwrap();
    assert_eq!(
        (
            cycle["households"].as_i64(),
            cycle["eligible"].as_i64(),
            cycle["rules_version"].as_i64()
        ),
        (Some(1), Some(1), Some(2))
    );

    // The explanation: the child's line (7 on the reference date, in school, rank 1 to 3), the
    // disability supplement, and the top-up to the programme's minimum.
    let why = app
        .get(
            &format!("{base}/cycles/{cycle_id}/entitlements/{household}"),
            Some(&coordinator.token),
        )
        .await
        .json();
    assert_eq!(why["eligible"], true);
    let lines: Vec<&str> = why["explanation"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l[0].as_str().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "child_rank_1_3_in_school",
            "child_disability_supplement",
            "minimum_top_up"
        ]
    );
    assert_eq!(why["amount"], "500.00");

    // No batch before approval; no approval by who computed it.
    let early = app
        .post_json(&format!("{base}/cycles/{cycle_id}/payment-batch"), Some(&treasurer.token), &json!({
            "debtor_name": "Tiwizi Asni", "debtor_account": crate::registry::valid_rib(), "execution_date": "2026-11-30"}))
        .await;
    assert_eq!(
        (
            early.status.as_u16(),
            early.json()["error"]["code"].as_str()
        ),
        (409, Some("cycle_not_approved"))
    );
    let same = app
        .post_json(
            &format!("{base}/cycles/{cycle_id}/approve"),
            Some(&coordinator.token),
            &json!({}),
        )
        .await;
    // The refusal is answered with its rule as the code, and names no field.
    let refused = same.json();
    assert_eq!(
        (
            same.status.as_u16(),
            refused["error"]["code"].as_str(),
            refused["error"].get("field")
        ),
        (409, Some("two_person_rule"), None)
    );
    assert!(refused["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    let approved = app
        .post_json(
            &format!("{base}/cycles/{cycle_id}/approve"),
            Some(&treasurer.token),
            &json!({}),
        )
        .await;
    assert_eq!(approved.json()["status"], "approved");

    // The batch: the household has no payee account yet, so it is skipped and the batch is empty.
    let bad_account = app
        .post_json(&format!("{base}/cycles/{cycle_id}/payment-batch"), Some(&treasurer.token), &json!({
            "debtor_name": "Tiwizi Asni", "debtor_account": "MA00 0000", "execution_date": "2026-11-30"}))
        .await;
    assert_eq!(bad_account.status, 422);
    let payee = app
        .post_json(
            &format!("{base}/households/{household}/payee"),
            Some(&treasurer.token),
            &json!({"kind": "rib", "account": crate::registry::valid_rib()}),
        )
        .await;
    assert!(payee.status.is_success(), "{}", payee.text());
    let batch = app
        .post_json(&format!("{base}/cycles/{cycle_id}/payment-batch"), Some(&treasurer.token), &json!({
            "debtor_name": "Tiwizi Asni", "debtor_account": crate::registry::valid_rib(), "execution_date": "2026-11-30"}))
        .await;
    assert_eq!(batch.status, 201, "{}", batch.text());
    assert_eq!(
        (
            batch.json()["lines"].as_i64(),
            batch.json()["skipped"].as_i64()
        ),
        (Some(1), Some(0))
    );
    let file = app
        .get(
            &format!(
                "/api/v1/payment-batches/{}/pain.001.xml",
                batch.json()["id"]
            ),
            Some(&treasurer.token),
        )
        .await;
    assert_eq!(file.status, 200);
    assert!(file.text().contains("<NbOfTxs>1</NbOfTxs>"));

    // Out of the programme, then back in: the next cycle follows.
    let enrollment = format!("{base}/programmes/{programme}/households/{household}/enrollment");
    let out = app
        .post_json(
            &enrollment,
            Some(&coordinator.token),
            &json!({"status": "exited"}),
        )
        .await;
    assert_eq!(out.status, 204, "{}", out.text());
    let twice = app
        .post_json(
            &enrollment,
            Some(&coordinator.token),
            &json!({"status": "exited"}),
        )
        .await;
    assert_eq!(twice.json()["error"]["code"], "not_enrolled");
    let december = app
        .post_json(
            &format!("{base}/programmes/{programme}/cycles"),
            Some(&coordinator.token),
            &json!({"period": "2026-12", "reference_date": "2026-12-01"}),
        )
        .await
        .json();
    assert_eq!(december["households"], 0);
    let back = app
        .post_json(
            &enrollment,
            Some(&coordinator.token),
            &json!({"status": "enrolled"}),
        )
        .await;
    assert_eq!(back.status, 204);
    let december = app
        .post_json(
            &format!("{base}/programmes/{programme}/cycles"),
            Some(&coordinator.token),
            &json!({"period": "2026-12", "reference_date": "2026-12-01"}),
        )
        .await
        .json();
    assert_eq!(december["households"], 1);

    let listed = app
        .get(&format!("{base}/programmes"), Some(&coordinator.token))
        .await
        .json();
    assert_eq!(listed[0]["rules_version"], 2);
    assert_eq!(listed[0]["enrolled"], 1);
    assert_eq!(listed[0]["cycles"][1]["status"], "approved");
    assert_eq!(listed[0]["cycles"][0]["period"], "2026-12");
}
