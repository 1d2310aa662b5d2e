//! The OpenRosa face as ODK Collect speaks it, on SQLite and PostgreSQL: the form list, the
//! forms, their manifests and CSV media (hashes match the bytes), `HEAD` on the submission
//! URL, multipart submissions with an attachment written once per instanceID, refusals
//! answered as OpenRosa responses with nothing written, HTTP Basic with its 401, and an
//! account in several associations. Writes the served XForms and their CSVs to
//! `$TWIZA_ARTIFACTS/xforms/` for ODK Validate (`tests/openrosa/run.sh`).

use crate::harness::{Response, TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use base64::Engine;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope};
use twiza_i18n::Locale;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const PASSWORD: &str = "correct horse battery";
const AGENT: &str = "agent@x.ma";
const BOUNDARY: &str = "----twizaOpenRosaBoundary";

struct Team {
    org: OrgId,
    owner: TestUser,
    incident: i64,
}

async fn team(app: &TestApp) -> Team {
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let agent = app.member(org, OrgRole::FieldAgent, AGENT).await;
    let incident = crate::crisis::incident(app, owner.id).await;
    // The agent works in Ighil only.
    app.store
        .set_member_communes(
            &OrgScope::for_member(org, OrgRole::Owner),
            agent.id,
            &[IGHIL.to_owned()],
            owner.id,
        )
        .await
        .expect("communes");
    Team {
        org,
        owner,
        incident,
    }
}

fn basic(email: &str, password: &str) -> String {
    let raw = format!("{email}:{password}");
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(raw)
    )
}

async fn call(app: &TestApp, method: Method, path: &str, auth: Option<&str>) -> Response {
    let mut r = Request::builder()
        .method(method)
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, "fr-MA");
    if let Some(a) = auth {
        r = r.header(header::AUTHORIZATION, a);
    }
    app.send(r.body(Body::empty()).expect("request")).await
}

async fn get(app: &TestApp, path: &str) -> Response {
    call(app, Method::GET, path, Some(&basic(AGENT, PASSWORD))).await
}

/// A multipart body: the XML as `xml_submission_file` and attachments (name, type, bytes).
fn multipart(xml: &str, attachments: &[(&str, &str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    let mut part = |name: &str, file: &str, content_type: &str, bytes: &[u8]| {
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; \
                 filename=\"{file}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    };
    part(
        "xml_submission_file",
        "submission.xml",
        "text/xml",
        xml.as_bytes(),
    );
    for (name, content_type, bytes) in attachments {
        part(name, name, content_type, bytes);
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

async fn submit_to(
    app: &TestApp,
    path: &str,
    auth: &str,
    xml: &str,
    attachments: &[(&str, &str, &[u8])],
) -> Response {
    let r = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ACCEPT_LANGUAGE, "fr-MA")
        .header(header::AUTHORIZATION, auth)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("X-OpenRosa-Version", "1.0")
        .body(Body::from(multipart(xml, attachments)))
        .expect("request");
    app.send(r).await
}

async fn submit(app: &TestApp, xml: &str, attachments: &[(&str, &str, &[u8])]) -> Response {
    submit_to(
        app,
        "/openrosa/submission",
        &basic(AGENT, PASSWORD),
        xml,
        attachments,
    )
    .await
}

fn assessment(incident: i64, commune: &str, households: i64, instance: &str) -> String {
    format!(
        "<?xml version='1.0' ?><data id=\"twiza_need_assessment\" version=\"1\" \
         xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:orx=\"http://openrosa.org/xforms\">\
         <incident>{incident}</incident><commune>{commune}</commune><douar/>\
         <category>water</category><households>{households}</households><people>30</people>\
         <urgency>critical</urgency><note>Source tarie &amp; route coupée</note>\
         <photo>source.jpg</photo>\
         <meta><instanceID>{instance}</instanceID></meta></data>"
    )
}

fn message(app: &TestApp, key: &str) -> String {
    app.state.messages.t(Locale::Fr, key)
}

/// The OpenRosa response's message: (nature, text).
fn openrosa_message(r: &Response) -> (String, String) {
    let text = r.text();
    assert!(
        text.contains("<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"),
        "{text}"
    );
    let nature = text
        .split_once("nature=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(n, _)| n.to_owned())
        .unwrap_or_default();
    let body = text
        .split_once("<message nature=\"")
        .and_then(|(_, rest)| rest.split_once("\">"))
        .and_then(|(_, rest)| rest.split_once("</message>"))
        .map(|(m, _)| m.to_owned())
        .unwrap_or_default();
    (nature, body)
}

fn assert_openrosa(r: &Response) {
    assert_eq!(r.headers["x-openrosa-version"], "1.0");
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/xml; charset=utf-8");
    assert!(r.headers.get(header::SET_COOKIE).is_none(), "no cookie");
}

fn refused(app: &TestApp, r: &Response, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.text());
    assert_openrosa(r);
    let (nature, text) = openrosa_message(r);
    assert_eq!(nature, code);
    let expected = message(app, &format!("error-{}", code.replace('_', "-")));
    assert_eq!(
        text,
        quick_xml::escape::escape(expected.as_str()).into_owned()
    );
}

/// Everything a submission may write: the open needs in the incident's communes (with their
/// sizes) and the submissions remembered.
async fn written(app: &TestApp, t: &Team) -> String {
    let needs = app
        .store
        .open_needs_in(&[IGHIL.to_owned(), ASNI.to_owned()], 100)
        .await
        .expect("needs");
    let scope = OrgScope::for_member(t.org, OrgRole::Owner);
    let count = app
        .store
        .openrosa_submission_count(&scope)
        .await
        .expect("count");
    format!("{needs:?}\n{count}")
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .filter_map(|s| s.split_once(close).map(|(v, _)| v))
        .collect()
}

async fn forms_and_media(app: TestApp) {
    let t = team(&app).await;
    // Without credentials, or with a wrong password: 401 asking for Basic.
    for auth in [None, Some(basic(AGENT, "wrong password").as_str())] {
        let r = call(&app, Method::GET, "/openrosa/formList", auth).await;
        refused(
            &app,
            &r,
            StatusCode::UNAUTHORIZED,
            if auth.is_some() {
                "invalid_credentials"
            } else {
                "unauthenticated"
            },
        );
        assert_eq!(
            r.headers[header::WWW_AUTHENTICATE],
            "Basic realm=\"Twiza\", charset=\"UTF-8\""
        );
    }

    let list = get(&app, "/openrosa/formList").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.text());
    assert_openrosa(&list);
    let text = list.text();
    assert!(text.contains("<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">"));
    assert_eq!(
        between(&text, "<formID>", "</formID>"),
        ["twiza_need_assessment", "twiza_household", "twiza_delivery"]
    );
    assert!(text.contains(&format!(
        "<name>{}</name>",
        message(&app, "assessment-title")
    )));
    let downloads = between(&text, "<downloadUrl>", "</downloadUrl>");
    let manifests = between(&text, "<manifestUrl>", "</manifestUrl>");
    let hashes = between(&text, "<hash>", "</hash>");
    let versions = between(&text, "<version>", "</version>");
    let dir = std::env::var("TWIZA_ARTIFACTS")
        .ok()
        .map(|d| std::path::Path::new(&d).join("xforms"));
    for i in 0..3 {
        let path = downloads[i]
            .strip_prefix("http://localhost")
            .expect("absolute URL");
        let form = get(&app, path).await;
        assert_eq!(form.status, StatusCode::OK);
        assert_openrosa(&form);
        assert_eq!(
            hashes[i],
            format!("md5:{}", hex::encode(md5_of(&form.body))),
            "the listed hash is the form's"
        );
        assert!(form
            .text()
            .contains(&format!("version=\"{}\"", versions[i])));
        let form_id = path.rsplit('/').next().expect("id");
        let manifest = get(
            &app,
            manifests[i]
                .strip_prefix("http://localhost")
                .expect("absolute URL"),
        )
        .await;
        assert_eq!(manifest.status, StatusCode::OK);
        assert_openrosa(&manifest);
        let m = manifest.text();
        assert!(m.contains("<manifest xmlns=\"http://openrosa.org/xforms/xformsManifest\">"));
        let names = between(&m, "<filename>", "</filename>");
        let media_hashes = between(&m, "<hash>", "</hash>");
        let urls = between(&m, "<downloadUrl>", "</downloadUrl>");
        assert!(!names.is_empty());
        if let Some(dir) = &dir {
            let form_dir = dir.join(form_id);
            std::fs::create_dir_all(&form_dir).expect("artifacts");
            std::fs::write(form_dir.join(format!("{form_id}.xml")), &form.body).expect("write");
        }
        for ((name, hash), url) in names.iter().zip(&media_hashes).zip(&urls) {
            let file = get(&app, url.strip_prefix("http://localhost").expect("url")).await;
            assert_eq!(file.status, StatusCode::OK);
            assert_eq!(
                file.headers[header::CONTENT_TYPE],
                "text/csv; charset=utf-8"
            );
            assert_eq!(*hash, format!("md5:{}", hex::encode(md5_of(&file.body))));
            assert!(form.text().contains(&format!("jr://file-csv/{name}")));
            if let Some(dir) = &dir {
                std::fs::write(dir.join(form_id).join(name), &file.body).expect("write");
            }
        }
    }
    // The agent's choices: their commune of the incident, not the others.
    let communes = get(
        &app,
        "/openrosa/forms/twiza_need_assessment/media/communes.csv",
    )
    .await
    .text();
    assert!(communes.starts_with("name,label,incident\n"));
    assert!(communes.contains(&format!("{IGHIL},")));
    assert!(communes.contains(&format!(",{}\n", t.incident)));
    assert!(!communes.contains(ASNI));
    let communes = get(&app, "/openrosa/forms/twiza_household/media/communes.csv")
        .await
        .text();
    assert!(
        communes.starts_with(&format!("name,label\n{IGHIL},")),
        "{communes}"
    );
    let incidents = get(
        &app,
        "/openrosa/forms/twiza_need_assessment/media/incidents.csv",
    )
    .await
    .text();
    assert!(incidents.contains(&format!("\n{},", t.incident)));
    // Unknown forms and files.
    refused(
        &app,
        &get(&app, "/openrosa/forms/twiza_nothing").await,
        StatusCode::NOT_FOUND,
        "unknown_form",
    );
    let r = get(
        &app,
        "/openrosa/forms/twiza_need_assessment/media/secret.csv",
    )
    .await;
    refused(&app, &r, StatusCode::NOT_FOUND, "not_found");

    // HEAD on the submission URL: 204 with the accepted length.
    let r = call(
        &app,
        Method::HEAD,
        "/openrosa/submission",
        Some(&basic(AGENT, PASSWORD)),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(r.headers["x-openrosa-version"], "1.0");
    assert_eq!(r.headers["x-openrosa-accept-content-length"], "10000000");
    let r = call(&app, Method::HEAD, "/openrosa/submission", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.headers.contains_key(header::WWW_AUTHENTICATE));

    // A wrong password is counted; the next request that signs in clears it (requests that
    // find none counted skip the clearing).
    let keys = twiza_web::auth::ThrottleKeys::of(AGENT, "local");
    let failures = |app: &TestApp| {
        let store = app.store.clone();
        let key = keys.account.clone();
        async move {
            store
                .sign_in_failures_since(&key, 0)
                .await
                .expect("failures")
                .count
        }
    };
    assert_eq!(failures(&app).await, 0);
    let r = call(
        &app,
        Method::GET,
        "/openrosa/formList",
        Some(&basic(AGENT, "wrong")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(failures(&app).await, 1);
    assert_eq!(get(&app, "/openrosa/formList").await.status, StatusCode::OK);
    assert_eq!(failures(&app).await, 0);
    let _ = t.owner;
}

fn md5_of(bytes: &[u8]) -> [u8; 16] {
    use md5::Digest;
    md5::Md5::digest(bytes).into()
}

#[tokio::test]
async fn collect_lists_downloads_the_forms_and_their_media_with_matching_hashes() {
    forms_and_media(TestApp::new().await).await;
}

#[tokio::test]
async fn collect_lists_downloads_the_forms_and_their_media_with_matching_hashes_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        forms_and_media(app).await;
    }
}

async fn assessments(app: TestApp) {
    let t = team(&app).await;
    let empty = written(&app, &t).await;
    let photo: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00photo of the spring";
    let first = assessment(
        t.incident,
        IGHIL,
        12,
        "uuid:6f1c6a0e-0000-4000-8000-000000000001",
    );

    // Refusals first: each answered as OpenRosa, nothing written.
    let r = submit_to(
        &app,
        "/openrosa/submission",
        &basic(AGENT, "wrong password"),
        &first,
        &[],
    )
    .await;
    refused(&app, &r, StatusCode::UNAUTHORIZED, "invalid_credentials");
    // A cross-site form post (the browser resending Basic credentials) sends no
    // `X-OpenRosa-Version`: refused, nothing written.
    let r = app
        .send(
            Request::builder()
                .method(Method::POST)
                .uri("/openrosa/submission")
                .header(header::ACCEPT_LANGUAGE, "fr-MA")
                .header(header::AUTHORIZATION, basic(AGENT, PASSWORD))
                .header(
                    header::CONTENT_TYPE,
                    format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .body(Body::from(multipart(&first, &[])))
                .expect("request"),
        )
        .await;
    refused(
        &app,
        &r,
        StatusCode::BAD_REQUEST,
        "openrosa_version_required",
    );
    assert_eq!(written(&app, &t).await, empty);
    let r = submit(&app, "<data id=\"twiza_need_assessment\"><incident>", &[]).await;
    refused(&app, &r, StatusCode::BAD_REQUEST, "malformed_submission");
    let r = submit(
        &app,
        &first.replace("twiza_need_assessment", "twiza_unknown"),
        &[],
    )
    .await;
    refused(&app, &r, StatusCode::NOT_FOUND, "unknown_form");
    // An unknown commune, from the owner (who works anywhere; the agent's communes come first).
    let unknown = assessment(t.incident, "99.999.99.99", 12, "uuid:unknown-commune");
    let owner = basic("owner@x.ma", PASSWORD);
    let r = submit_to(&app, "/openrosa/submission", &owner, &unknown, &[]).await;
    refused(
        &app,
        &r,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown_commune",
    );
    let outside = assessment(t.incident, ASNI, 12, "uuid:outside");
    let r = submit(&app, &outside, &[]).await;
    refused(&app, &r, StatusCode::FORBIDDEN, "outside_agent_communes");
    let big = vec![0u8; 20 * 1024 * 1024];
    let r = submit(&app, &first, &[("big.jpg", "image/jpeg", &big)]).await;
    refused(&app, &r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    assert_eq!(written(&app, &t).await, empty, "nothing was written");

    // The assessment with its photo: 201, a verified need.
    let r = submit(&app, &first, &[("source.jpg", "image/jpeg", photo)]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_openrosa(&r);
    assert_eq!(
        openrosa_message(&r),
        (
            "submit_success".to_owned(),
            message(&app, "openrosa-received")
        )
    );
    let needs = app
        .store
        .open_needs_in(&[IGHIL.to_owned()], 10)
        .await
        .expect("needs");
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].households, Some(12));
    assert_eq!(needs[0].status, "verified");
    assert_eq!(needs[0].category, "water");
    let after_first = written(&app, &t).await;

    // Collect sends it again (the answer was lost): accepted, not doubled.
    let r = submit(&app, &first, &[("source.jpg", "image/jpeg", photo)]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(
        openrosa_message(&r).1,
        message(&app, "openrosa-received-again")
    );
    assert_eq!(written(&app, &t).await, after_first);

    // Another XML under the same instanceID: 409, nothing changed.
    let changed = assessment(
        t.incident,
        IGHIL,
        40,
        "uuid:6f1c6a0e-0000-4000-8000-000000000001",
    );
    let r = submit(&app, &changed, &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert_eq!(openrosa_message(&r).0, "idempotency_conflict");
    assert_eq!(written(&app, &t).await, after_first);
}

#[tokio::test]
async fn an_assessment_from_collect_is_written_once_and_refusals_write_nothing() {
    assessments(TestApp::new().await).await;
}

#[tokio::test]
async fn an_assessment_from_collect_is_written_once_and_refusals_write_nothing_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        assessments(app).await;
    }
}

fn household_xml(instance: &str, second_relation: &str) -> String {
    format!(
        "<?xml version='1.0' ?><data id=\"twiza_household\" version=\"1\">\
         <commune>{IGHIL}</commune><douar>Tikht</douar><housing_damage>total</housing_damage>\
         <consent_purpose>registration</consent_purpose><consent_legal_basis>consent</consent_legal_basis>\
         <consent_channel>in_person</consent_channel>\
         <members><given_name_ar>فاطمة</given_name_ar><family_name_ar>أيت علي</family_name_ar>\
         <given_name_lat/><family_name_lat/><sex>f</sex><birth_date>1980-03-01</birth_date>\
         <relation>head</relation><disability>none</disability><schooling>none</schooling></members>\
         <members><given_name_ar>يوسف</given_name_ar><family_name_ar>أيت علي</family_name_ar>\
         <given_name_lat/><family_name_lat/><sex>m</sex><birth_date>2012-06-15</birth_date>\
         <relation>{second_relation}</relation><disability>none</disability><schooling>primary</schooling></members>\
         <meta><instanceID>{instance}</instanceID></meta></data>"
    )
}

async fn households(app: &TestApp, t: &Team) -> Vec<twiza_store::HouseholdSummary> {
    app.store
        .search_households(
            &OrgScope::for_member(t.org, OrgRole::Owner),
            &twiza_store::HouseholdSearch {
                limit: 100,
                ..Default::default()
            },
            twiza_store::Reader {
                account: t.owner.id,
                purpose: "test",
            },
        )
        .await
        .expect("search")
        .households
}

async fn household(app: TestApp) {
    let t = team(&app).await;
    // Two heads: refused as the registry page refuses it, nothing written.
    let r = submit(&app, &household_xml("uuid:h-2", "head"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(households(&app, &t).await.is_empty());
    let xml = household_xml("uuid:h-1", "child");
    for _ in 0..2 {
        let r = submit(&app, &xml, &[]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    }
    let found = households(&app, &t).await;
    assert_eq!(found.len(), 1, "one household however often it is sent");
    assert_eq!(found[0].members, 2, "both members of the repeat group");
    // Another household under the same instanceID is refused, even without the first's
    // receipt (as after a cut between the registration and the receipt): the registration's
    // key keeps the hash of its XML. The same XML again is still the first household.
    let changed = household_xml("uuid:h-1", "spouse");
    let r = submit(&app, &changed, &[]).await;
    refused(&app, &r, StatusCode::CONFLICT, "idempotency_conflict");
    app.store
        .execute_raw("DELETE FROM openrosa_submissions WHERE instance_id = 'uuid:h-1'")
        .await
        .expect("delete the receipt");
    let r = submit(&app, &changed, &[]).await;
    refused(&app, &r, StatusCode::CONFLICT, "idempotency_conflict");
    let r = submit(&app, &xml, &[]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(households(&app, &t).await, found);
}

#[tokio::test]
async fn a_household_with_its_members_is_registered_once_from_collect() {
    household(TestApp::new().await).await;
}

#[tokio::test]
async fn a_household_with_its_members_is_registered_once_from_collect_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        household(app).await;
    }
}

#[tokio::test]
async fn an_account_in_several_associations_names_one_in_the_server_address() {
    let app = TestApp::new().await;
    let t = team(&app).await;
    let other = app
        .org(&t.owner, "Amal Tahanaout", "2/2015", OrgStatus::Verified)
        .await;
    let agent = app.store.user_with_password(AGENT).await.expect("q");
    let agent = agent.expect("agent").0;
    app.store
        .add_member(
            &OrgScope::for_member(other, OrgRole::Owner),
            agent.id,
            OrgRole::FieldAgent,
        )
        .await
        .expect("member");
    let r = get(&app, "/openrosa/formList").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let (nature, text) = openrosa_message(&r);
    assert_eq!(nature, "openrosa_choose_association");
    assert!(text.contains(&format!(
        "http://localhost/associations/{}/openrosa",
        t.org.0
    )));
    assert!(text.contains(&format!(
        "http://localhost/associations/{}/openrosa",
        other.0
    )));
    // Under one association: its forms, and the submission lands there.
    let base = format!("/associations/{}/openrosa", t.org.0);
    let r = get(&app, &format!("{base}/formList")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains(&format!(
        "http://localhost{base}/forms/twiza_need_assessment"
    )));
    let xml = assessment(t.incident, IGHIL, 5, "uuid:several");
    let r = submit_to(
        &app,
        &format!("{base}/submission"),
        &basic(AGENT, PASSWORD),
        &xml,
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let count = |org| {
        let store = app.store.clone();
        async move {
            store
                .openrosa_submission_count(&OrgScope::for_member(org, OrgRole::Owner))
                .await
                .expect("count")
        }
    };
    assert_eq!(count(t.org).await, 1);
    assert_eq!(count(other).await, 0);
    // An association the account is not in does not exist for it.
    let r = get(&app, "/associations/999/openrosa/formList").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A treasurer fills no form: an empty list, and submissions are refused.
    app.member(t.org, OrgRole::Treasurer, "treasurer@x.ma")
        .await;
    let treasurer = basic("treasurer@x.ma", PASSWORD);
    let r = call(&app, Method::GET, "/openrosa/formList", Some(&treasurer)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.text().contains("<xform>"));
    let xml = assessment(t.incident, IGHIL, 5, "uuid:treasurer");
    let r = submit_to(&app, "/openrosa/submission", &treasurer, &xml, &[]).await;
    refused(&app, &r, StatusCode::FORBIDDEN, "forbidden");
}

/// A delivery in Ighil for a family without a phone, waiting for the agent's proof.
async fn delivery_by_agent(app: &TestApp, t: &Team, warehouse: &str) -> i64 {
    use serde_json::json;
    let org = t.org.0;
    let token = Some(t.owner.token.as_str());
    let need = app
        .post_json(
            &format!("/api/v1/incidents/{}/needs", t.incident),
            None,
            &json!({"commune": IGHIL, "category": "clothing_blankets", "urgency": "critical", "households": 3}),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("need");
    let warehouse = app
        .post_json(
            &format!("/api/v1/organizations/{org}/warehouses"),
            token,
            &json!({"name": warehouse, "commune": ASNI}),
        )
        .await
        .json()["id"]
        .as_i64()
        .expect("warehouse");
    app.post_json(
        &format!("/api/v1/organizations/{org}/stock"),
        token,
        &json!({"warehouse_id": warehouse, "item": "blanket", "quantity": 50, "source": "other"}),
    )
    .await;
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{org}/deliveries"),
            token,
            &json!({"incident_id": t.incident, "need_id": need, "warehouse_id": warehouse,
                    "item": "blanket", "quantity": 12, "households": 3, "proof": "agent"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()["id"].as_i64().expect("delivery")
}

fn delivery_xml(delivery: i64, statement: &str, instance: &str) -> String {
    format!(
        "<?xml version='1.0' ?><data id=\"twiza_delivery\" version=\"1\">\
         <delivery>{delivery}</delivery><statement>{statement}</statement>\
         <photo>1733320000000.jpg</photo><meta><instanceID>{instance}</instanceID></meta></data>"
    )
}

async fn delivery(app: TestApp) {
    let t = team(&app).await;
    let delivery = delivery_by_agent(&app, &t, "Dépôt").await;
    let scope = OrgScope::for_member(t.org, OrgRole::Owner);
    let status = |app: &TestApp| {
        let store = app.store.clone();
        async move {
            store
                .delivery(&scope, delivery)
                .await
                .expect("delivery")
                .0
                .status
        }
    };
    // Offered to the agent in the form's CSV.
    let csv = get(&app, "/openrosa/forms/twiza_delivery/media/deliveries.csv")
        .await
        .text();
    assert!(csv.starts_with("name,label\n"));
    assert!(csv.contains(&format!("\n{delivery},")), "{csv}");
    let photo: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00-the-handover";
    let xml = delivery_xml(delivery, "Remis au chef de famille", "uuid:d-1");
    // A PDF is no photo, and a photo the XML does not name is not taken: nothing written.
    let r = submit(
        &app,
        &xml,
        &[("1733320000000.jpg", "image/jpeg", b"%PDF-1.7 no")],
    )
    .await;
    refused(&app, &r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_photo");
    let r = submit(&app, &xml, &[("other.jpg", "image/jpeg", photo)]).await;
    refused(&app, &r, StatusCode::UNPROCESSABLE_ENTITY, "invalid_photo");
    assert_eq!(status(&app).await, "awaiting_proof");
    // The statement and its photo: 201, the delivery proven; again: 201, proven once.
    for _ in 0..2 {
        let r = submit(&app, &xml, &[("1733320000000.jpg", "image/jpeg", photo)]).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        assert_eq!(openrosa_message(&r).0, "submit_success");
    }
    assert_eq!(status(&app).await, "delivered");
    let r = submit(
        &app,
        &delivery_xml(delivery, "Autre texte", "uuid:d-1"),
        &[("1733320000000.jpg", "image/jpeg", photo)],
    )
    .await;
    refused(&app, &r, StatusCode::CONFLICT, "idempotency_conflict");
    // No longer offered.
    let csv = get(&app, "/openrosa/forms/twiza_delivery/media/deliveries.csv")
        .await
        .text();
    assert_eq!(csv, "name,label\n");

    // A cut after the proof was confirmed, before Collect heard the answer: the submission was
    // remembered by the confirming transaction, so Collect's retry is answered 201, not
    // `proof_already_used` (the proof written here as that transaction, without the face).
    let second = delivery_by_agent(&app, &t, "Dépôt de Asni").await;
    let xml = delivery_xml(second, "Remis à la mère", "uuid:d-2");
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(xml.as_bytes()))
    };
    app.store
        .confirm_delivery_by_agent_texting(
            &scope,
            second,
            ("Remis à la mère", "image/jpeg", photo),
            t.owner.id,
            None,
            Some(&twiza_store::NewSubmission {
                instance_id: "uuid:d-2",
                form_id: "twiza_delivery",
                content_hash: &hash,
                record: &format!("delivery:{second}"),
                by: t.owner.id,
            }),
        )
        .await
        .expect("proven");
    let r = submit(&app, &xml, &[("1733320000000.jpg", "image/jpeg", photo)]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(
        openrosa_message(&r).1,
        message(&app, "openrosa-received-again")
    );
    let report = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(report.ok(), "{:?}", report.findings);
}

#[tokio::test]
async fn a_delivery_is_proven_from_collect_with_its_photo_once() {
    delivery(TestApp::new().await).await;
}

#[tokio::test]
async fn a_delivery_is_proven_from_collect_with_its_photo_once_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        delivery(app).await;
    }
}
