//! The registry and cash transfers through the API: registering households (bad input refused
//! with codes, nothing written), reads that land in the access log, identifiers only on
//! request, sensitive fields only for coordinators, the data-subject export, duplicates in
//! other associations by name only, payee accounts, the pain.001 file of a batch (kept in the
//! CI artifacts for the XSD check) and the bank's pain.002 applied, with a leaf per paid line.

use crate::harness::TestApp;
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use twiza_domain::organization::OrgStatus;
use twiza_domain::programme::DIRECT_SOCIAL_AID_EXAMPLE;
use twiza_domain::{OrgRole, OrgScope, UserId};
use twiza_iso20022::pain002::{Pain002Version, StatusReport, TransactionStatus};
use twiza_store::NewProgramme;

pub fn household_body(given: &str, cin: &str) -> Value {
    json!({
        "commune": "07.041.07.05", "douar": "Tikht", "housing_damage": "total",
        "consent": {"purpose": "registration", "legal_basis": "consent", "channel": "in_person"},
        "socio_economic_index": {"value": "9.100000", "source": "rsu", "effective_on": "2026-01-01"},
        "members": [
            {"given_name_lat": given, "family_name_lat": "Ouhammou", "sex": "m",
             "birth_date": "1979-04-02", "relation": "head", "cin": cin, "phone": "0662000111"},
            {"given_name_ar": "خديجة", "family_name_ar": "أوحمو", "sex": "f",
             "birth_date": "2019-02-10", "relation": "child", "disability": "sensory",
             "schooling": "preschool"}
        ]
    })
}

/// A household of `scope`'s association registered through the store, with a payee account,
/// in an approved cycle of the direct-social-aid example and a payment batch: (household, batch).
pub async fn household_with_batch(
    app: &TestApp,
    scope: &OrgScope,
    owner: UserId,
    approver: UserId,
    given: &str,
    cin: &str,
) -> (i64, i64) {
    let keys = &app.state.config.personal_data;
    let body = household_body(given, cin);
    let today = time::OffsetDateTime::now_utc().date();
    let record = twiza_web::api::registry::record_from_json(&body, today).expect("record");
    let (household, _) = app
        .store
        .register_household(scope, keys, &record, owner)
        .await
        .expect("household");
    app.store
        .set_payee_account(
            scope,
            keys,
            household,
            twiza_store::PayeeKind::Rib,
            &valid_rib(),
        )
        .await
        .expect("payee");
    let programme = app
        .store
        .create_programme(
            scope,
            &NewProgramme {
                code: format!("ASD-{household}"),
                name_ar: "الدعم".into(),
                name_fr: "Aide".into(),
                retention_days: 365,
                ends_on: None,
            },
            owner,
        )
        .await
        .expect("programme");
    app.store
        .add_programme_rules(scope, programme, DIRECT_SOCIAL_AID_EXAMPLE, owner)
        .await
        .expect("rules");
    app.store
        .enroll_consenting_households(scope, programme, owner)
        .await
        .expect("enroll");
    let cycle = app
        .store
        .compute_cycle(scope, programme, "2026-11", today, owner)
        .await
        .expect("cycle");
    app.store
        .approve_cycle(scope, cycle.id, approver)
        .await
        .expect("approve");
    let batch = app
        .store
        .create_payment_batch(
            scope,
            cycle.id,
            &twiza_store::NewPaymentBatch {
                debtor_name: "Association".into(),
                debtor_iban: twiza_iso20022::moroccan_iban_from_rib(&valid_rib()).expect("iban"),
                execution_date: today,
            },
            owner,
        )
        .await
        .expect("batch");
    (household, batch.id)
}

/// A grievance for `household` whose words are a secret of the association.
pub async fn grievance(app: &TestApp, scope: &OrgScope, by: UserId, household: i64) -> i64 {
    let grievance = twiza_store::NewGrievance {
        household_id: household,
        programme_id: None,
        subject: twiza_domain::grievance::GrievanceSubject::Amount,
        channel: twiza_domain::grievance::GrievanceChannel::Phone,
        filed_by: twiza_domain::grievance::FiledBy::Member,
        statement: "Secret grievance words".into(),
        received_at: twiza_store::now(),
        filing_key: None,
        complainant_phone_sealed: None,
    };
    let deadlines = twiza_domain::grievance::Deadlines::default();
    let (id, _, _) = app
        .store
        .file_grievance(scope, &grievance, by, &deadlines)
        .await
        .expect("grievance");
    id
}

/// A Moroccan RIB whose key is right.
pub fn valid_rib() -> String {
    let first = "0117800000123456789012";
    let key = twiza_iso20022::moroccan_rib_key(first).expect("key");
    format!("{first}{key:02}")
}

#[tokio::test]
async fn registry_reads_are_logged_and_payments_reach_the_log() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi", "1/2015", OrgStatus::Verified)
        .await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let treasurer = app.member(org, OrgRole::Treasurer, "treasurer@x.ma").await;
    let base = format!("/api/v1/organizations/{}/households", org.0);

    // Bad input: each refused with its code, nothing written.
    let mut bad = household_body("Brahim", "EE111111");
    bad["members"][0]["given_name_lat"] = json!("إبراهيم");
    let r = app.post_json(&base, Some(&agent.token), &bad).await;
    assert_eq!(
        (r.status, r.error_code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "name_script_mismatch")
    );
    let mut bad = household_body("Brahim", "EE111111");
    bad["members"][1]["birth_date"] = json!("2021-02-30");
    let r = app.post_json(&base, Some(&agent.token), &bad).await;
    assert_eq!(r.error_code(), "invalid_date");
    let mut bad = household_body("Brahim", "EE111111");
    bad["members"][1]["relation"] = json!("head");
    let r = app.post_json(&base, Some(&agent.token), &bad).await;
    assert_eq!(r.error_code(), "household_head_required");
    let mut bad = household_body("Brahim", "EE111111");
    bad["members"][1]["cin"] = json!("ee 111111");
    let r = app.post_json(&base, Some(&agent.token), &bad).await;
    assert_eq!(r.error_code(), "cin_repeated");
    let mut bad = household_body("Brahim", "EE111111");
    bad["socio_economic_index"]["value"] = json!("NaN");
    let r = app.post_json(&base, Some(&agent.token), &bad).await;
    assert_eq!(r.error_code(), "index_invalid");
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    assert!(app
        .store
        .find_by_identifier(
            &scope,
            &app.state.config.personal_data,
            "cin",
            "EE111111",
            twiza_store::Reader {
                account: owner.id,
                purpose: "test"
            }
        )
        .await
        .expect("lookup")
        .is_empty());

    // A field agent registers; reads without identifiers by default, never the disability.
    let r = app
        .post_json(
            &base,
            Some(&agent.token),
            &household_body("Brahim", "EE111111"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_i64().expect("id");
    let r = app.get(&format!("{base}/{id}"), Some(&agent.token)).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = r.json();
    assert_eq!(body["members"][0]["cin"], Value::Null);
    assert_eq!(body["members"][1]["disability"], Value::Null);
    // The owner asks for identifiers: opened, and the disability is shown.
    let r = app
        .get(
            &format!("{base}/{id}?identifiers=true&purpose=eligibility_check"),
            Some(&owner.token),
        )
        .await;
    let body = r.json();
    assert_eq!(body["members"][0]["cin"], "EE111111");
    assert_eq!(body["members"][0]["phone"], "+212662000111");
    assert_eq!(body["members"][1]["disability"], "sensory");
    let reads = app
        .get(&format!("{base}/{id}/reads"), Some(&owner.token))
        .await
        .json();
    assert_eq!(reads[0]["what"], "household,identifiers,sensitive");
    assert_eq!(reads[0]["purpose"], "eligibility_check");
    assert_eq!(reads[1]["what"], "household");
    assert_eq!(reads[1]["account_id"], agent.id.0);
    // Field agents do not read the access log or the export.
    let r = app
        .get(&format!("{base}/{id}/reads"), Some(&agent.token))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let export = app
        .get(&format!("{base}/{id}/export"), Some(&owner.token))
        .await
        .json();
    assert_eq!(export["household"]["members"][0]["cin"], "EE111111");
    assert_eq!(export["consents"][0]["purpose"], "registration");

    // Another association registers the same head: each sees only the other's name.
    let other_owner = app.user("other@x.ma", None).await;
    let other = app
        .org(&other_owner, "Amal", "2/2015", OrgStatus::Verified)
        .await;
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{}/households", other.0),
            Some(&other_owner.token),
            &household_body("Brahim", "EE111111"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let dup = app
        .get(&format!("{base}/{id}/duplicates"), Some(&owner.token))
        .await;
    assert_eq!(dup.json(), json!({"possible_duplicate_in": ["Amal"]}));
    assert!(!dup.text().contains("Ouhammou") && !dup.text().contains("HH-"));

    // Payee account: a wrong RIB key is refused.
    let r = app
        .post_json(
            &format!("{base}/{id}/payee"),
            Some(&treasurer.token),
            &json!({"kind": "rib", "account": "011780000012345678901299"}),
        )
        .await;
    assert_eq!(r.error_code(), "rib_invalid");

    // A batch; its pain.001 is kept for the XSD check; the bank's answer pays the line.
    let (household, batch) =
        household_with_batch(&app, &scope, owner.id, treasurer.id, "Lahcen", "EE222222").await;
    let list = app
        .get("/api/v1/payment-batches", Some(&treasurer.token))
        .await
        .json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["id"], batch);
    assert_eq!(
        app.get("/api/v1/payment-batches", Some(&agent.token))
            .await
            .json(),
        json!([])
    );
    let r = app
        .get(
            &format!("/api/v1/payment-batches/{batch}/pain.001.xml"),
            Some(&treasurer.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let xml = r.text();
    assert!(xml.contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"));
    assert!(xml.contains("Lahcen Ouhammou"));
    if let Ok(dir) = std::env::var("TWIZA_ARTIFACTS") {
        std::fs::create_dir_all(&dir).expect("artifacts");
        std::fs::write(std::path::Path::new(&dir).join("pain001-api.xml"), &xml).expect("write");
    }
    let reads = app
        .store
        .household_reads(&scope, household)
        .await
        .expect("reads");
    assert_eq!(reads[0].what, "payment_file");
    let batch_view = app
        .get(
            &format!("/api/v1/payment-batches/{batch}"),
            Some(&treasurer.token),
        )
        .await
        .json();
    let message_id = batch_view["message_id"]
        .as_str()
        .expect("message id")
        .to_owned();
    let end_to_end = format!("B{batch}H{household}");
    let report = StatusReport {
        version: Pain002Version::V10,
        message_id: "BANK-1".into(),
        created_at: "2026-11-29T10:00:00".into(),
        original_message_id: message_id.clone(),
        original_message_name: "pain.001.001.09".into(),
        group_status: None,
        group_reason: None,
        payment_infos: vec![twiza_iso20022::pain002::PaymentInfoStatus {
            original_payment_info_id: message_id.clone(),
            status: None,
            reason: None,
        }],
        transactions: vec![TransactionStatus::paid(&message_id, &end_to_end)],
    };
    let xml = twiza_iso20022::pain002::to_xml(&report).expect("pain.002");
    let before = app.store.log_size().await.expect("size");
    let r = app
        .send(
            axum::http::Request::builder()
                .method(Method::POST)
                .uri(format!("/api/v1/payment-batches/{batch}/status-report"))
                .header("authorization", format!("Bearer {}", treasurer.token))
                .header("content-type", "application/xml")
                .body(axum::body::Body::from(xml.clone()))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["paid"], 1);
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);
    let leaf = String::from_utf8(
        app.store
            .log_entry(before)
            .await
            .expect("q")
            .expect("leaf")
            .leaf,
    )
    .expect("utf8");
    assert!(leaf.contains("cash_transfer_paid"));
    for private in ["Lahcen", "Ouhammou", "EE222222", "011780"] {
        assert!(!leaf.contains(private), "{private} in the leaf");
    }
    // A garbled report is refused with a code, and changes nothing.
    let r = app
        .send(
            axum::http::Request::builder()
                .method(Method::POST)
                .uri(format!("/api/v1/payment-batches/{batch}/status-report"))
                .header("authorization", format!("Bearer {}", treasurer.token))
                .header("content-type", "application/xml")
                .body(axum::body::Body::from(xml[..xml.len() / 2].to_owned()))
                .expect("request"),
        )
        .await;
    assert_eq!(r.error_code(), "status_report_invalid");
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);

    // The bank refuses a whole second file (a group status, no lines): every line is rejected
    // with its reason, nothing is logged.
    let (_, second) =
        household_with_batch(&app, &scope, owner.id, treasurer.id, "Hassan", "EE333333").await;
    let second_id = app
        .get(
            &format!("/api/v1/payment-batches/{second}"),
            Some(&treasurer.token),
        )
        .await
        .json()["message_id"]
        .as_str()
        .expect("message id")
        .to_owned();
    let refusal = StatusReport {
        version: Pain002Version::V10,
        message_id: "BANK-2".into(),
        created_at: "2026-11-29T11:00:00".into(),
        original_message_id: second_id,
        original_message_name: "pain.001.001.09".into(),
        group_status: Some("RJCT".into()),
        group_reason: Some("AM04".into()),
        payment_infos: vec![],
        transactions: vec![],
    };
    let r = app
        .send(
            axum::http::Request::builder()
                .method(Method::POST)
                .uri(format!("/api/v1/payment-batches/{second}/status-report"))
                .header("authorization", format!("Bearer {}", treasurer.token))
                .header("content-type", "application/xml")
                .body(axum::body::Body::from(
                    twiza_iso20022::pain002::to_xml(&refusal).expect("pain.002"),
                ))
                .expect("request"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["rejected"], 2);
    assert_eq!(r.json()["paid"], 0);
    assert_eq!(app.store.log_size().await.expect("size"), before + 1);
    let view = app
        .get(
            &format!("/api/v1/payment-batches/{second}"),
            Some(&treasurer.token),
        )
        .await
        .json();
    assert_eq!(view["status"], "reconciled");
}

#[tokio::test]
async fn a_household_file_is_uploaded_checked_and_imported() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let agent = app.member(org, OrgRole::FieldAgent, "agent@x.ma").await;
    let path = format!("/api/v1/organizations/{}/households/import", org.0);
    let file = "household,commune,douar,housing_damage,consent_purpose,legal_basis,consent_channel,given_name_ar,given_name_lat,family_name_lat,sex,birth_date,relation,schooling,cin,phone\n\
        H1,07.041.07.05,Tikht,total,registration,consent,in_person,إبراهيم,,Ait Ouaziz,m,1980-03-01,head,,EE123456,0661234567\n\
        H1,,,,,,,,Fatima,Ait Ouaziz,f,1984-06-12,spouse,,,\n\
        H2,07.041.07.03,,none,registration,consent,paper,,Lahcen,Amrani,x,1970-01-01,head,,,\n"
        .as_bytes()
        .to_vec();
    let upload = |mode: &str, body: Vec<u8>, language: &str| {
        let (app, path, token) = (&app, &path, owner.token.clone());
        let mode = mode.to_owned();
        let language = language.to_owned();
        async move {
            app.upload(
                &format!("{path}?mode={mode}"),
                &token,
                "text/csv",
                body,
                &language,
            )
            .await
        }
    };
    // A field agent may not import.
    let denied = app
        .upload(&path, &agent.token, "text/csv", file.clone(), "fr")
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    // The dry run reports the bad row in French and writes nothing.
    let dry = upload("dry_run", file.clone(), "fr").await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.text());
    let report = dry.json();
    assert_eq!(
        (
            report["households_valid"].as_u64(),
            report["persons_valid"].as_u64(),
            report["households_invalid"].as_u64(),
            report["imported_households"].as_u64()
        ),
        (Some(1), Some(2), Some(1), Some(0))
    );
    assert_eq!(report["errors"][0]["row"], 4);
    assert_eq!(report["errors"][0]["field"], "sex");
    assert_eq!(report["errors"][0]["code"], "unknown_choice");
    assert!(!report["errors"][0]["message"].as_str().unwrap().is_empty());
    // All or nothing: nothing; valid only: the valid household.
    let refused = upload("all_or_nothing", file.clone(), "ar").await.json();
    assert_eq!(refused["imported_households"], 0);
    let valid = upload("valid_only", file.clone(), "en").await.json();
    assert_eq!(
        (
            valid["imported_households"].as_u64(),
            valid["imported_persons"].as_u64()
        ),
        (Some(1), Some(2))
    );
    let found = app
        .store
        .find_by_identifier(
            &OrgScope::for_member(org, OrgRole::Owner),
            &app.state.config.personal_data,
            "cin",
            "EE123456",
            twiza_store::Reader {
                account: owner.id,
                purpose: "test",
            },
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 1);

    // A bad mode, a header refused, a broken workbook: each says why.
    assert_eq!(
        upload("maybe", file.clone(), "fr").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let header = upload("dry_run", b"household,colour\n".to_vec(), "en")
        .await
        .json();
    let codes: Vec<&str> = header["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unknown_column") && codes.contains(&"column_missing"));
    let broken = upload("dry_run", b"PK\x03\x04 not a workbook".to_vec(), "en").await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        broken.json()["error"]["fields"][0]["code"],
        "file_unreadable"
    );
}
