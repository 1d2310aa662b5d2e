//! Grievances and the review of possible duplicates through the API: a field agent records a
//! household's grievance, a coordinator sees the deadlines, reads the words (logged) with the
//! cycle's explanation, decides; the household appeals and another coordinator decides; bad
//! input gets its code and writes nothing. Duplicate pairs are searched, listed with reasons
//! and decided once; a field agent can do neither.

use crate::harness::TestApp;
use serde_json::json;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

#[tokio::test]
async fn a_grievance_is_tracked_to_resolution() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let treasurer = app.member(org, OrgRole::Treasurer, "t@x.ma").await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let coordinator = app.member(org, OrgRole::Coordinator, "coord@x.ma").await;
    let (household, _) = crate::registry::household_with_batch(
        &app,
        &scope,
        owner.id,
        treasurer.id,
        "Lahcen",
        "JT123456",
    )
    .await;
    // The only programme, made with the household's cycle.
    let programme = 1;
    let export = app
        .get(
            &format!(
                "/api/v1/organizations/{}/households/{household}/export",
                org.0
            ),
            Some(&owner.token),
        )
        .await
        .json();
    assert_eq!(
        export["entitlements"][0]["programme"],
        format!("ASD-{household}")
    );
    let base = format!("/api/v1/organizations/{}/grievances", org.0);

    // Bad input: each field named with its code, nothing recorded.
    let bad = app
        .post_json(
            &base,
            Some(&agent.token),
            &json!({
            "household_id": household, "subject": "money", "channel": "pigeon",
            "filed_by": "member", "statement": "  ", "received_on": "2999-01-01"}),
        )
        .await;
    assert_eq!(bad.status, 422);
    let fields: Vec<(String, String)> = bad.json()["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap().to_owned(),
                f["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("subject".to_owned(), "validation".to_owned()),
            ("channel".to_owned(), "validation".to_owned()),
            ("statement".to_owned(), "required".to_owned()),
            ("received_on".to_owned(), "date_in_future".to_owned()),
        ]
    );
    let unknown = app
        .post_json(
            &base,
            Some(&agent.token),
            &json!({
            "household_id": household + 100, "subject": "amount", "channel": "phone",
            "filed_by": "member", "statement": "x"}),
        )
        .await;
    assert_eq!(unknown.status, 404);
    assert!(app
        .get(&base, Some(&owner.token))
        .await
        .json()
        .as_array()
        .unwrap()
        .is_empty());

    // A field agent records what a neighbour said for the family, received four days ago (a
    // date counts from its midday, so three days ago would be due only from noon UTC today).
    let received_on =
        (time::OffsetDateTime::now_utc().date() - time::Duration::days(4)).to_string();
    let created = app
        .post_json(&base, Some(&agent.token), &json!({
            "household_id": household, "programme_id": programme, "subject": "amount",
            "channel": "in_person", "filed_by": "representative",
            "statement": "Le montant ne compte pas le troisième enfant.", "received_on": received_on}))
        .await;
    assert_eq!(created.status, 201, "{}", created.text());
    let id = created.json()["id"].as_i64().unwrap();
    // The household's page lists it in the reader's language, not by its stored codes.
    let page = app
        .page(
            axum::http::Method::GET,
            &format!("/associations/{}/households/{household}", org.0),
            Some(&coordinator),
            &[],
        )
        .await
        .text();
    let list = &page[page.find("id=\"grievance-list\"").expect("grievances")..];
    let list = &list[..list.find("</ul>").expect("end")];
    let ar = |key: &str| app.state.messages.t(twiza_i18n::Locale::Ar, key);
    assert!(list.contains(&ar("grievance-subject-amount")), "{list}");
    assert!(list.contains(&ar("grievance-status-received")), "{list}");
    assert!(
        !list.contains("amount") && !list.contains("received"),
        "{list}"
    );
    let acknowledge_by = created.json()["acknowledge_by"].as_i64().unwrap();
    assert!(
        acknowledge_by <= twiza_store::now(),
        "more than three days after receipt: due now"
    );

    // The agent may not read it; the coordinator lists it as overdue, without the words.
    assert_eq!(
        app.get(&format!("{base}/{id}"), Some(&agent.token))
            .await
            .status,
        403
    );
    let overdue = app
        .get(&format!("{base}?overdue=true"), Some(&coordinator.token))
        .await;
    assert_eq!(overdue.json()[0]["id"], id);
    assert_eq!(overdue.json()[0]["overdue"], true);
    assert!(!overdue.text().contains("troisième enfant"));
    assert_eq!(
        app.get(&format!("{base}?status=lost"), Some(&coordinator.token))
            .await
            .status,
        422
    );

    // Read whole: the words and the cycle's own explanation of the amount; the read is logged.
    let whole = app
        .get(&format!("{base}/{id}"), Some(&coordinator.token))
        .await;
    assert_eq!(whole.status, 200);
    let whole = whole.json();
    assert_eq!(
        whole["statement"],
        "Le montant ne compte pas le troisième enfant."
    );
    assert_eq!(whole["entitlement"]["eligible"], true);
    assert!(
        whole["entitlement"]["explanation"]["lines"].is_array(),
        "{whole}"
    );
    let reads = app
        .get(
            &format!(
                "/api/v1/organizations/{}/households/{household}/reads",
                org.0
            ),
            Some(&owner.token),
        )
        .await
        .json();
    assert_eq!(reads[0]["what"], "grievance");
    assert_eq!(reads[0]["account_id"], coordinator.id.0);

    // Decisions: a remedy that does not fit is refused; then rejected, appealed, upheld by another.
    let decide = format!("{base}/{id}/decision");
    let mismatch = app
        .post_json(
            &decide,
            Some(&coordinator.token),
            &json!({
            "outcome": "rejected", "remedy": "amount_corrected", "explanation": "x"}),
        )
        .await;
    assert_eq!(
        (
            mismatch.status.as_u16(),
            mismatch.json()["error"]["fields"][0]["code"].as_str()
        ),
        (422, Some("remedy_mismatch"))
    );
    let rejected = app
        .post_json(
            &decide,
            Some(&coordinator.token),
            &json!({
            "outcome": "rejected", "remedy": "no_change",
            "explanation": "Le troisième enfant a plus de 18 ans au 1er novembre."}),
        )
        .await;
    assert_eq!(rejected.status, 204);
    let again = app
        .post_json(
            &decide,
            Some(&coordinator.token),
            &json!({
            "outcome": "upheld", "remedy": "other", "explanation": "x"}),
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(again.json()["error"]["code"], "grievance_wrong_step");
    let appeal = app
        .post_json(
            &format!("{base}/{id}/appeal"),
            Some(&agent.token),
            &json!({
            "statement": "Il est né en 2008, acte de naissance apporté."}),
        )
        .await;
    assert_eq!(appeal.status, 204);
    let upheld = json!({"outcome": "upheld", "remedy": "amount_corrected",
        "explanation": "Acte de naissance : 17 ans. Le montant est corrigé."});
    let same = app
        .post_json(
            &format!("{base}/{id}/appeal/decision"),
            Some(&coordinator.token),
            &upheld,
        )
        .await;
    assert_eq!(
        (same.status.as_u16(), same.json()["error"]["code"].as_str()),
        (409, Some("appeal_same_decider"))
    );
    let other = app
        .post_json(
            &format!("{base}/{id}/appeal/decision"),
            Some(&owner.token),
            &upheld,
        )
        .await;
    assert_eq!(other.status, 204);
    let closed = app
        .get(&format!("{base}/{id}"), Some(&owner.token))
        .await
        .json();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["appeal_decision"]["remedy"], "amount_corrected");
    assert_eq!(closed["due_at"], serde_json::Value::Null);
}

#[tokio::test]
async fn duplicate_pairs_are_searched_reviewed_and_remembered() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let households = format!("/api/v1/organizations/{}/households", org.0);
    for (given, cin) in [("Lahcen", "JT123456"), ("Lahsen", "")] {
        let mut body = crate::registry::household_body(given, cin);
        body["members"][0]["phone"] = json!("");
        let r = app.post_json(&households, Some(&agent.token), &body).await;
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let base = format!("/api/v1/organizations/{}/duplicate-pairs", org.0);
    assert_eq!(
        app.post_json(&format!("{base}/search"), Some(&agent.token), &json!({}))
            .await
            .status,
        403
    );
    let run = app
        .post_json(&format!("{base}/search"), Some(&owner.token), &json!({}))
        .await;
    assert_eq!(run.status, 200, "{}", run.text());
    // Lahcen/Lahsen Ouhammou, born the same day; their daughters too.
    assert_eq!(run.json()["people"], 4);
    assert_eq!(run.json()["new_pairs"], 2);
    let pairs = app.get(&base, Some(&owner.token)).await.json();
    let pairs = pairs.as_array().unwrap();
    assert_eq!(pairs.len(), 2);
    let head = pairs.iter().find(|p| p["a"]["relation"] == "head").unwrap();
    assert_eq!(head["a"]["given_name_lat"], "Lahcen");
    assert_eq!(head["b"]["given_name_lat"], "Lahsen");
    assert!(
        head["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "birth_date:exact"),
        "{head}"
    );
    let decide = format!("{base}/{}/decision", head["id"]);
    let bad = app
        .post_json(&decide, Some(&owner.token), &json!({"decision": "maybe"}))
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        app.post_json(
            &decide,
            Some(&owner.token),
            &json!({"decision": "same_person"})
        )
        .await
        .status,
        204
    );
    let twice = app
        .post_json(
            &decide,
            Some(&owner.token),
            &json!({"decision": "different_people"}),
        )
        .await;
    assert_eq!(
        (
            twice.status.as_u16(),
            twice.json()["error"]["code"].as_str()
        ),
        (409, Some("pair_already_decided"))
    );
    let history = app
        .get(&format!("{base}?decided=true"), Some(&owner.token))
        .await
        .json();
    assert_eq!(history[0]["decision"], "same_person");
    let rerun = app
        .post_json(&format!("{base}/search"), Some(&owner.token), &json!({}))
        .await
        .json();
    assert_eq!(
        (rerun["people"].as_i64(), rerun["new_pairs"].as_i64()),
        (Some(3), Some(0))
    );
}
