//! Donations through the API: recorded and logged before the answer, idempotent, refused with a
//! stable code (and nothing written) when the input or the campaign is wrong; proofs verify.

use crate::harness::{TestApp, TestUser};
use axum::http::StatusCode;
use base64::Engine;
use serde_json::json;
use twiza_domain::campaign::CampaignState;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

pub async fn collecting(app: &TestApp) -> (i64, TestUser, OrgScope) {
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "5/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.campaign(&scope, owner.id, "Secours").await;
    let grant = twiza_store::AuthorizationDecision::Grant {
        reference: "SGG-1".into(),
        valid_from: time::macros::date!(2023 - 01 - 01),
        valid_to: time::macros::date!(2099 - 01 - 01),
    };
    app.store
        .decide_authorization(campaign, &grant, app.registrar().await)
        .await
        .expect("grant");
    app.store
        .set_campaign_state(
            &scope,
            campaign,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await
        .expect("publish");
    (campaign, owner, scope)
}

fn hash_of(hex: &str) -> [u8; 32] {
    let bytes: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect();
    bytes.try_into().expect("32 bytes")
}

fn hashes(v: &serde_json::Value) -> Vec<[u8; 32]> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|h| hash_of(h.as_str().expect("hex")))
        .collect()
}

#[tokio::test]
async fn a_recorded_donation_is_logged_and_provable() {
    let app = TestApp::new().await;
    let (campaign, treasurer, _) = collecting(&app).await;
    let body =
        json!({"kind": "money", "amount": "250.00", "currency": "MAD", "method": "bank_transfer"});
    let r = app
        .donate(campaign, &treasurer.token, "donation-key-0001", &body)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let d = r.json();
    assert_eq!(
        (
            d["status"].as_str(),
            d["leaf_index"].as_u64(),
            d["replayed"].as_bool()
        ),
        // Leaf 0 is the campaign's authorization.
        (Some("confirmed"), Some(1), Some(false))
    );

    let again = app
        .donate(campaign, &treasurer.token, "donation-key-0001", &body)
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        (
            again.json()["id"].clone(),
            again.json()["replayed"].as_bool()
        ),
        (d["id"].clone(), Some(true))
    );
    let other = app
        .donate(
            campaign,
            &treasurer.token,
            "donation-key-0001",
            &json!({"kind": "money", "amount": "999.00", "currency": "MAD", "method": "cash"}),
        )
        .await;
    assert_eq!(
        (other.status, other.error_code().as_str()),
        (StatusCode::CONFLICT, "idempotency_conflict")
    );

    let goods = json!({"kind": "in_kind", "items": [{"item": "Couverture", "quantity": 40, "unit": "pièce"}, {"item": "Tente", "quantity": 5, "unit": "pièce"}]});
    let g = app
        .donate(campaign, &treasurer.token, "donation-key-0002", &goods)
        .await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text());

    let head = app.get("/api/v1/log/head", None).await.json();
    assert_eq!(head["tree_size"], 3);
    let root = hash_of(head["root_hash"].as_str().expect("root"));
    let entry = app.get("/api/v1/log/entries/2", None).await.json();
    let leaf = base64::engine::general_purpose::STANDARD
        .decode(entry["leaf"].as_str().expect("leaf"))
        .expect("b64");
    let text = String::from_utf8(leaf.clone()).expect("utf8");
    assert!(
        text.contains(r#""items":[{"item":"Couverture","quantity":40,"unit":"pièce"}"#),
        "{text}"
    );
    assert!(
        !text.contains("owner@example.ma"),
        "no personal data in a leaf"
    );
    let proof = app
        .get("/api/v1/log/proof/inclusion?index=2&tree_size=3", None)
        .await
        .json();
    twiza_tlog::verify_inclusion(
        &twiza_tlog::leaf_hash(&leaf),
        2,
        3,
        &hashes(&proof["hashes"]),
        &root,
    )
    .expect("inclusion verifies");
    let root_of_two = app.store.log_root(2).await.expect("root of 2");
    let consistency = app
        .get("/api/v1/log/proof/consistency?from=2&to=3", None)
        .await
        .json();
    twiza_tlog::verify_consistency(2, 3, &root_of_two, &root, &hashes(&consistency["hashes"]))
        .expect("consistent");
    let beyond = app
        .get("/api/v1/log/proof/inclusion?index=5&tree_size=9", None)
        .await;
    assert_eq!(beyond.error_code(), "log_out_of_range");
}

#[tokio::test]
async fn bad_donations_are_refused_and_write_nothing() {
    let app = TestApp::new().await;
    let (campaign, treasurer, scope) = collecting(&app).await;
    let money = |amount: &str| json!({"kind": "money", "amount": amount, "currency": "MAD", "method": "cash"});
    let cases = vec![
        (money("0"), "amount_not_positive"),
        (money("-10.00"), "invalid_amount"),
        (money("10.001"), "amount_too_precise"),
        (money("1000000000000"), "amount_too_large"),
        (money("1e5"), "invalid_amount"),
        (
            json!({"kind": "money", "amount": "10", "currency": "EUR", "method": "cash"}),
            "unknown_currency",
        ),
        (
            json!({"kind": "money", "amount": "10", "currency": "MAD", "method": "cheque"}),
            "invalid_method",
        ),
        (
            json!({"kind": "money", "amount": 10, "currency": "MAD", "method": "cash"}),
            "wrong_type",
        ),
        (
            json!({"kind": "in_kind", "items": [{"item": "Tente", "quantity": -3, "unit": "pièce"}]}),
            "invalid_quantity",
        ),
        (json!({"kind": "in_kind", "items": []}), "required"),
        (
            json!({"kind": "money", "amount": "10", "currency": "MAD", "method": "cash", "donor_iban": "x"}),
            "unknown_field",
        ),
    ];
    for (i, (body, code)) in cases.into_iter().enumerate() {
        let r = app
            .donate(
                campaign,
                &treasurer.token,
                &format!("bad-key-{i:04}"),
                &body,
            )
            .await;
        assert_eq!(r.error_code(), code, "{body}: {}", r.text());
        assert!(r.status.is_client_error());
    }
    let missing_key = app
        .post_json(
            &format!("/api/v1/campaigns/{campaign}/donations"),
            Some(&treasurer.token),
            &money("10"),
        )
        .await;
    assert_eq!(missing_key.error_code(), "missing_idempotency_key");
    let short_key = app
        .donate(campaign, &treasurer.token, "short", &money("10"))
        .await;
    assert_eq!(short_key.error_code(), "invalid_idempotency_key");

    app.store
        .set_campaign_state(
            &scope,
            campaign,
            CampaignState::Published,
            CampaignState::Closed,
        )
        .await
        .expect("close");
    let closed = app
        .donate(campaign, &treasurer.token, "closed-key-01", &money("10"))
        .await;
    assert_eq!(
        (closed.status, closed.error_code().as_str()),
        (StatusCode::CONFLICT, "campaign_closed")
    );

    let draft = app.campaign(&scope, treasurer.id, "Brouillon").await;
    let r = app
        .donate(draft, &treasurer.token, "draft-key-001", &money("10"))
        .await;
    assert_eq!(r.error_code(), "campaign_draft");
    app.store
        .set_campaign_state(
            &scope,
            draft,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await
        .expect("publish");
    let r = app
        .donate(draft, &treasurer.token, "unauth-key-01", &money("10"))
        .await;
    assert_eq!(r.error_code(), "campaign_not_authorized");

    let expired = app.campaign(&scope, treasurer.id, "Expirée").await;
    let grant = twiza_store::AuthorizationDecision::Grant {
        reference: "OLD".into(),
        valid_from: time::macros::date!(2023 - 09 - 09),
        valid_to: time::macros::date!(2023 - 10 - 09),
    };
    app.store
        .decide_authorization(expired, &grant, app.registrar().await)
        .await
        .expect("grant");
    app.store
        .set_campaign_state(
            &scope,
            expired,
            CampaignState::Draft,
            CampaignState::Published,
        )
        .await
        .expect("publish");
    let r = app
        .donate(expired, &treasurer.token, "expired-key-1", &money("10"))
        .await;
    assert_eq!(r.error_code(), "campaign_ended");

    // The log holds the campaigns' events (two grants, one closing) and no donation.
    let size = app.store.log_size().await.expect("size");
    assert_eq!(size, 3);
    for index in 0..size {
        let entry = app
            .store
            .log_entry(index)
            .await
            .expect("entry")
            .expect("leaf");
        assert_ne!(entry.kind, "donation_confirmed", "nothing was logged");
    }
    let report = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(report.ok(), "{:?}", report.findings);
    assert_eq!(report.rows_checked, 3);
}
