//! The log as C2SP serves it — verifier key, signed checkpoint, hash tiles and entry bundles —
//! and donation receipts: everything checks out with the RFC verifiers, and tiles agree with the
//! JSON endpoints.

use crate::harness::TestApp;
use axum::http::StatusCode;
use base64::Engine;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};
use twiza_tlog::{Checkpoint, NoteVerifier};

/// A collecting campaign with `n` recorded donations; returns the treasurer's token.
async fn log_with_donations(app: &TestApp, n: usize) -> (String, Vec<i64>) {
    let owner = app.user("treasurer@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "5/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.collecting_campaign(&scope, owner.id, "Secours").await;
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let sequencer = app.state.sequencer.clone();
            tokio::spawn(async move {
                let key = format!("tile-key-{i:05}");
                sequencer
                    .submit(twiza_store::NewDonation {
                        campaign_id: campaign,
                        request_hash: twiza_domain::donation::request_hash(key.as_bytes()),
                        idempotency_key: key,
                        gift: twiza_domain::donation::Gift::Money {
                            amount: twiza_domain::money::Amount::parse("amount", "20.00")
                                .expect("amount"),
                            method: twiza_domain::donation::PaymentMethod::Card,
                        },
                        status: twiza_domain::donation::DonationStatus::Confirmed,
                        provider_reference: None,
                        sealed_identity: None,
                    })
                    .await
                    .expect("durable")
                    .id
            })
        })
        .collect();
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.expect("join"));
    }
    (owner.token, ids)
}

async fn verifier(app: &TestApp) -> NoteVerifier {
    let key = app.get("/log/key", None).await;
    assert_eq!(key.status, StatusCode::OK);
    NoteVerifier::parse(key.text().trim()).expect("a C2SP verifier key")
}

async fn latest_checkpoint(app: &TestApp, verifier: &NoteVerifier) -> Checkpoint {
    let note = app.get("/log/checkpoint", None).await;
    assert_eq!(note.status, StatusCode::OK);
    assert!(note.headers["content-type"]
        .to_str()
        .expect("ascii")
        .starts_with("text/plain"));
    Checkpoint::parse(
        verifier
            .verify(&note.text())
            .expect("signed by the log key"),
    )
    .expect("a tlog-checkpoint")
}

#[tokio::test]
async fn checkpoints_are_signed_and_follow_the_log() {
    let app = TestApp::new().await;
    let verifier = verifier(&app).await;
    assert_eq!(verifier.name(), "localhost/twiza");
    let empty = latest_checkpoint(&app, &verifier).await;
    assert_eq!((empty.size, empty.root), (0, twiza_tlog::empty_root()));

    log_with_donations(&app, 10).await;
    // The publisher signs the new size within its interval (500 ms); allow for a slow machine.
    let mut checkpoint = latest_checkpoint(&app, &verifier).await;
    for _ in 0..60 {
        if checkpoint.size == 11 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        checkpoint = latest_checkpoint(&app, &verifier).await;
    }
    assert_eq!(checkpoint.size, 11, "the authorization and ten donations");
    assert_eq!(checkpoint.root, app.store.log_root(11).await.expect("root"));
    assert_eq!(checkpoint.origin, "localhost/twiza");

    // A one-byte change breaks the signature.
    let note = app.get("/log/checkpoint", None).await.text();
    let forged = note.replacen("\n11\n", "\n12\n", 1);
    assert!(verifier.verify(&forged).is_err());

    // The history lists both, newest first, and consistency holds between them.
    let history = app.get("/api/v1/log/checkpoints", None).await.json();
    let sizes: Vec<u64> = history
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["tree_size"].as_u64().expect("size"))
        .collect();
    assert_eq!(sizes.first(), Some(&11));
    assert_eq!(sizes.last(), Some(&0));
    assert_eq!(
        app.get("/api/v1/log/checkpoints?limit=0", None)
            .await
            .error_code(),
        "invalid_query"
    );
}

#[tokio::test]
async fn tiles_hold_the_stored_hashes_and_leaves() {
    let app = TestApp::new().await;
    log_with_donations(&app, 299).await;
    let size = app.store.log_size().await.expect("size");
    assert_eq!(size, 300);

    // Level-0 tile 0 is full: the 256 leaf hashes, which are those of the first entry bundle.
    let tile = app.get("/log/tile/0/000", None).await;
    assert_eq!(tile.status, StatusCode::OK);
    assert!(tile.headers["cache-control"]
        .to_str()
        .expect("ascii")
        .contains("immutable"));
    assert_eq!(tile.body.len(), 256 * 32);
    let bundle = app.get("/log/tile/entries/000", None).await;
    assert_eq!(bundle.status, StatusCode::OK);
    let mut leaves = Vec::new();
    let mut rest = bundle.body.as_slice();
    while !rest.is_empty() {
        let len = usize::from(u16::from_be_bytes([rest[0], rest[1]]));
        leaves.push(rest[2..2 + len].to_vec());
        rest = &rest[2 + len..];
    }
    assert_eq!(leaves.len(), 256);
    for (i, leaf) in leaves.iter().enumerate() {
        assert_eq!(
            &tile.body[i * 32..(i + 1) * 32],
            twiza_tlog::leaf_hash(leaf).as_slice(),
            "leaf {i}"
        );
        let entry = app
            .get(&format!("/api/v1/log/entries/{i}"), None)
            .await
            .json();
        if i % 37 == 0 {
            let json = base64::engine::general_purpose::STANDARD
                .decode(entry["leaf"].as_str().expect("leaf"))
                .expect("b64");
            assert_eq!(&json, leaf);
        }
    }

    // The rest: a partial tile of 44 hashes; the full tile does not exist yet.
    let partial = app.get("/log/tile/0/001.p/44", None).await;
    assert_eq!(
        (partial.status, partial.body.len()),
        (StatusCode::OK, 44 * 32)
    );
    assert_eq!(
        app.get("/log/tile/0/001", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/log/tile/entries/001.p/45", None).await.status,
        StatusCode::NOT_FOUND
    );

    // Level-1 tile 0 holds one hash so far: the root of the first 256 leaves.
    let upper = app.get("/log/tile/1/000.p/1", None).await;
    assert_eq!(upper.status, StatusCode::OK);
    assert_eq!(
        upper.body,
        app.store.log_root(256).await.expect("root").to_vec()
    );

    // The tiles rebuild the root of the whole tree: MTH(300) = H(root(256), MTH(leaves 256..300)).
    let mut right: Vec<[u8; 32]> = partial
        .body
        .chunks(32)
        .map(|c| c.try_into().expect("32"))
        .collect();
    while right.len() > 1 {
        right = right
            .chunks(2)
            .map(|p| match p {
                [l, r] => twiza_tlog::node_hash(l, r),
                [one] => *one,
                _ => unreachable!(),
            })
            .collect();
    }
    let left: [u8; 32] = upper.body.as_slice().try_into().expect("32");
    assert_eq!(
        twiza_tlog::node_hash(&left, &right[0]),
        app.store.log_root(300).await.expect("root")
    );

    for bad in [
        "0/0",
        "0/x000/001",
        "9/000",
        "0/000.p/0",
        "0/000.p/256",
        "entries/abc",
    ] {
        assert_eq!(
            app.get(&format!("/log/tile/{bad}"), None).await.status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
}

#[tokio::test]
async fn a_receipt_proves_the_donation_to_its_donor() {
    let app = TestApp::new().await;
    let (token, ids) = log_with_donations(&app, 5).await;
    let verifier = verifier(&app).await;
    let r = app
        .get(
            &format!("/api/v1/donations/{}/receipt", ids[2]),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let receipt = r.json();
    assert_eq!(
        receipt["log_key"].as_str(),
        Some(verifier_key(&app).await.as_str())
    );
    let checkpoint = Checkpoint::parse(
        verifier
            .verify(receipt["checkpoint"].as_str().expect("note"))
            .expect("signed"),
    )
    .expect("checkpoint");
    assert_eq!(
        receipt["inclusion"]["tree_size"].as_u64(),
        Some(checkpoint.size)
    );
    let leaf = base64::engine::general_purpose::STANDARD
        .decode(receipt["leaf"].as_str().expect("leaf"))
        .expect("b64");
    let proof: Vec<[u8; 32]> = receipt["inclusion"]["hashes"]
        .as_array()
        .expect("hashes")
        .iter()
        .map(|h| {
            hex::decode(h.as_str().expect("hex"))
                .expect("hex")
                .try_into()
                .expect("32")
        })
        .collect();
    let index = receipt["leaf_index"].as_u64().expect("index");
    twiza_tlog::verify_inclusion(
        &twiza_tlog::leaf_hash(&leaf),
        index,
        checkpoint.size,
        &proof,
        &checkpoint.root,
    )
    .expect("the donation is in the signed log");
    let leaf: serde_json::Value = serde_json::from_slice(&leaf).expect("json");
    let secret: [u8; 32] = hex::decode(receipt["receipt_secret"].as_str().expect("secret"))
        .expect("hex")
        .try_into()
        .expect("32");
    assert_eq!(
        leaf["donor"].as_str(),
        Some(twiza_domain::donation::donor_commitment(&secret).as_str()),
        "the receipt secret opens the donor commitment"
    );
    assert_eq!(
        (leaf["id"].as_i64(), leaf["amount"].as_str()),
        (Some(ids[2]), Some("20.00"))
    );

    // Another association's treasurer, or nobody, gets nothing.
    let outsider = app.user("outsider@example.ma", None).await;
    let other_org = app
        .org(&outsider, "Autre", "6/2015", OrgStatus::Verified)
        .await;
    let _ = other_org;
    let denied = app
        .get(
            &format!("/api/v1/donations/{}/receipt", ids[2]),
            Some(&outsider.token),
        )
        .await;
    assert_eq!(denied.status, StatusCode::NOT_FOUND);
    let anonymous = app
        .get(&format!("/api/v1/donations/{}/receipt", ids[2]), None)
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let unknown = app
        .get("/api/v1/donations/999999/receipt", Some(&token))
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

async fn verifier_key(app: &TestApp) -> String {
    app.get("/log/key", None).await.text().trim().to_owned()
}

#[tokio::test]
async fn the_verify_page_checks_a_receipt_and_catches_a_forged_one() {
    let app = TestApp::new().await;
    let owner = app.user("treasurer@example.ma", None).await;
    let org = app
        .org(&owner, "Association", "5/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.collecting_campaign(&scope, owner.id, "Secours").await;
    let id = app.recorded_donation(campaign, "verify-page-key-1").await;
    app.recorded_donation(campaign, "verify-page-key-2").await;

    // The treasurer's printable receipt and its file.
    let page = app
        .page(
            axum::http::Method::GET,
            &format!("/donations/{id}/receipt"),
            Some(&owner),
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let file = app
        .page(
            axum::http::Method::GET,
            &format!("/donations/{id}/receipt.json"),
            Some(&owner),
            &[],
        )
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let receipt = file.text();
    assert!(page.text().contains(
        &file.json()["receipt_secret"]
            .as_str()
            .expect("secret")
            .to_owned()
    ));

    for lang in ["ar", "fr", "zgh", "en"] {
        let form = app
            .page(
                axum::http::Method::GET,
                &format!("/language?to={lang}&back=/verify"),
                None,
                &[],
            )
            .await;
        assert!(form.status.is_redirection());
    }
    let checked = app
        .page(
            axum::http::Method::POST,
            "/verify",
            None,
            &[("receipt", &receipt)],
        )
        .await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.text());
    let html = checked.text();
    assert!(html.contains(r#"data-verdict="ok""#), "{html}");
    assert!(
        !html.contains("verify-check-"),
        "every check has its message"
    );
    assert_eq!(html.matches(r#"<li class="ok">"#).count(), 7);
    assert!(html.contains(r#"<script src="/static/verify.js" defer></script>"#));

    // The same receipt claiming another amount: its leaf no longer matches.
    let mut forged: serde_json::Value = serde_json::from_str(&receipt).expect("json");
    let leaf = base64::engine::general_purpose::STANDARD
        .decode(forged["leaf"].as_str().expect("leaf"))
        .expect("b64");
    let leaf = String::from_utf8(leaf)
        .expect("utf8")
        .replace("150.00", "950.00");
    forged["leaf"] = base64::engine::general_purpose::STANDARD
        .encode(leaf)
        .into();
    let checked = app
        .page(
            axum::http::Method::POST,
            "/verify",
            None,
            &[("receipt", &forged.to_string())],
        )
        .await;
    let html = checked.text();
    assert!(html.contains(r#"data-verdict="failed""#), "{html}");
    assert!(html.contains(r#"<li class="fail">"#));

    // Another donation's secret does not open this leaf.
    let mut other: serde_json::Value = serde_json::from_str(&receipt).expect("json");
    other["receipt_secret"] = "00".repeat(32).into();
    let html = app
        .page(
            axum::http::Method::POST,
            "/verify",
            None,
            &[("receipt", &other.to_string())],
        )
        .await
        .text();
    assert!(html.contains(r#"data-verdict="failed""#));

    // Not JSON at all.
    let html = app
        .page(
            axum::http::Method::POST,
            "/verify",
            None,
            &[("receipt", "hello")],
        )
        .await
        .text();
    assert!(html.contains(r#"data-verdict="failed""#));

    let script = app.get("/static/verify.js", None).await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.text().contains("crypto.subtle.verify"));
}

#[tokio::test]
async fn a_paper_decision_is_recorded_with_its_document_and_logged() {
    use twiza_domain::PlatformRole;
    let app = TestApp::new().await;
    let owner = app.user("treasurer@example.ma", None).await;
    let admin = app
        .user("admin@example.ma", Some(PlatformRole::PlatformAdmin))
        .await;
    let org = app
        .org(&owner, "Association", "5/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.campaign(&scope, owner.id, "Secours").await;
    let grant = |document: serde_json::Value| {
        serde_json::json!({"reference": "GOV-AH/2023/17", "valid_from": "2023-09-09",
            "valid_to": "2099-12-31", "document": document})
    };
    let path = format!("/api/v1/campaigns/{campaign}/authorization/grant");
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);

    // A PNG declared as a PDF, and a text file: refused, nothing written.
    for document in [
        serde_json::json!({"media_type": "pdf", "content_base64": b64(b"\x89PNG\r\n\x1a\nrest")}),
        serde_json::json!({"media_type": "pdf", "content_base64": b64(b"just some text")}),
        serde_json::json!({"media_type": "pdf", "content_base64": "%%%"}),
    ] {
        let r = app
            .post_json(&path, Some(&admin.token), &grant(document))
            .await;
        assert_eq!(
            (r.status, r.error_code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_document"),
            "{}",
            r.text()
        );
    }
    assert_eq!(app.store.log_size().await.expect("size"), 0);
    let c = app
        .store
        .campaign(campaign)
        .await
        .expect("q")
        .expect("campaign");
    assert_eq!(c.authorization.status.as_str(), "requested");

    let decision = b"%PDF-1.4\n% Decision du gouverneur GOV-AH/2023/17\n%%EOF\n";
    let r = app
        .post_json(
            &path,
            Some(&admin.token),
            &grant(serde_json::json!({"media_type": "pdf", "content_base64": b64(decision)})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let sha256 = {
        use sha2::{Digest, Sha256};
        hex::encode(Sha256::digest(decision))
    };
    assert_eq!(
        r.json()["authorization"]["document_sha256"],
        sha256.as_str()
    );
    let leaf = app.store.log_entry(0).await.expect("q").expect("leaf");
    let leaf = String::from_utf8(leaf.leaf).expect("utf8");
    assert!(
        leaf.contains(&format!(r#""document":"{sha256}""#)),
        "{leaf}"
    );

    // Hidden while the campaign is a draft; public once it is published.
    let document = format!("/api/v1/campaigns/{campaign}/authorization/document");
    assert_eq!(app.get(&document, None).await.status, StatusCode::NOT_FOUND);
    app.store
        .set_campaign_state(
            &scope,
            campaign,
            twiza_domain::campaign::CampaignState::Draft,
            twiza_domain::campaign::CampaignState::Published,
        )
        .await
        .expect("publish");
    let served = app.get(&document, None).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.body, decision.to_vec());
    assert_eq!(served.headers["content-type"], "application/pdf");

    let report = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(report.ok(), "{:?}", report.findings);
    app.store
        .execute_raw("UPDATE campaigns SET auth_document_sha256 = 'forged'")
        .await
        .expect("tamper");
    let report = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.contains("campaigns row 1: differs from its campaign_authorized leaf 0")),
        "{:?}",
        report.findings
    );
}
