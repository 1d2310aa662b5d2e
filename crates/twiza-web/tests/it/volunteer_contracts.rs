//! Volunteering contracts and the ground, through the router on both engines: an accepted
//! application → its contract in Arabic and French → both parties accept → check-in and
//! check-out with the shift's code → hours → a certificate logged without personal data →
//! anyone checks it by its code; the register lists the contract. And the refusals that write
//! nothing: a host without an accreditation in force, a check-in on a shift not accepted, a
//! contract for an application still waiting for a place on a full shift, an unknown code.

use crate::harness::{TestApp, TestUser};
use axum::http::{Method, StatusCode};
use base64::Engine;
use twiza_domain::organization::OrgStatus;
use twiza_domain::volunteer::{AccreditationInput, MissionInput, ShiftInput, VolunteerInput};
use twiza_domain::{OrgId, OrgRole, OrgScope};

/// Asni, Al Haouz.
const COMMUNE: &str = "07.041.07.03";

struct Host {
    owner: TestUser,
    org: OrgId,
    scope: OrgScope,
}

fn today() -> time::Date {
    twiza_app::volunteers::today()
}

fn day(d: time::Date) -> String {
    twiza_domain::volunteer::iso_day(d)
}

async fn host(app: &TestApp, email: &str, number: &str, accredited: bool) -> Host {
    let owner = app.user(email, None).await;
    let org = app
        .org(
            &owner,
            &format!("Atlas {number}"),
            number,
            OrgStatus::Verified,
        )
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    // Either in force for years, or over before today (recorded, not in force).
    let (from, until) = if accredited {
        ("2025-01-10".to_owned(), "2035-01-09".to_owned())
    } else {
        (
            "2020-01-10".to_owned(),
            day(today() - time::Duration::days(1)),
        )
    };
    twiza_app::volunteers::record_accreditation(
        &app.store,
        &scope,
        owner.id,
        &AccreditationInput {
            reference: "AB-06-18/2025/17",
            issued_on: "2020-01-10",
            issuing_authority: "Ministère de la Jeunesse",
            valid_from: &from,
            valid_until: &until,
        },
        None,
        None,
    )
    .await
    .expect("accreditation");
    Host { owner, org, scope }
}

/// A contractual mission from today with one shift of `places`; its id and the shift's.
async fn new_mission(app: &TestApp, h: &Host, places: &str) -> (i64, i64) {
    let start = day(today());
    let end = day(today() + time::Duration::days(10));
    let id = twiza_app::missions::publish(
        &app.store,
        &h.scope,
        &MissionInput {
            title: "Distribution à Asni",
            purpose: "Aider les familles sinistrées à recevoir tentes et couvertures",
            kind: "contractual",
            skills: vec!["logistics"],
            languages: vec!["shi"],
            commune: COMMUNE,
            starts_on: &start,
            ends_on: &end,
            requirements: "",
        },
        &ShiftInput {
            day: &end,
            starts: "08:00",
            ends: "12:00",
            places,
        },
        None,
        h.owner.id,
    )
    .await
    .expect("mission");
    let shift = twiza_app::missions::show(&app.store, id)
        .await
        .expect("view")
        .shifts[0]
        .id;
    (id, shift)
}

/// A volunteer account with its profile.
async fn volunteer(app: &TestApp, email: &str, name: &str, cin: &str) -> (TestUser, i64) {
    let user = app.user(email, None).await;
    let id = twiza_app::volunteers::sign_up(
        &app.store,
        &app.state.config.personal_data,
        user.id,
        &VolunteerInput {
            name,
            birth_date: "1990-03-02",
            cin,
            phone: "0612345678",
            skills: vec!["logistics"],
            languages: vec!["shi", "fr"],
            weekdays: vec!["1", "2", "3", "4", "5", "6", "7"],
            available_from: "",
            available_until: "",
            communes: vec![COMMUNE],
            emergency_name: "Ahmed Ait Lahcen",
            emergency_phone: "0661000000",
        },
    )
    .await
    .expect("sign up");
    (user, id)
}

async fn apply(app: &TestApp, user: &TestUser, mission: i64, shift: i64) -> (i64, String) {
    let applied = twiza_app::missions::apply(&app.store, user.id, mission, shift)
        .await
        .expect("apply");
    (applied.id, applied.status)
}

fn clauses() -> Vec<(&'static str, &'static str)> {
    vec![
        ("weekly_hours", "12"),
        (
            "training",
            "Premiers secours, 4 heures, avant le premier créneau",
        ),
        ("insurance", "Assurance Atlas, police 2026-42"),
        ("expenses", "Transport et repas, sur justificatifs"),
        ("notice_days", "7"),
    ]
}

async fn contracts_count(app: &TestApp, scope: &OrgScope) -> usize {
    app.store.org_contracts(scope, 100).await.expect("q").len()
}

/// Moves a shift so it runs from two hours ago to half an hour from now.
async fn shift_now(app: &TestApp, shift: i64) -> (i64, i64) {
    let now = twiza_store::now();
    let (starts, ends) = (now - 7200, now + 1800);
    app.store
        .execute_raw(&format!(
            "UPDATE mission_shifts SET starts_at = {starts}, ends_at = {ends} WHERE id = {shift}"
        ))
        .await
        .expect("move shift");
    (starts, ends)
}

fn location(r: &crate::harness::Response) -> String {
    r.headers
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

async fn whole_path(app: TestApp) {
    let h = host(&app, "host@x.ma", "AR-1", true).await;
    let (mission, shift) = new_mission(&app, &h, "3").await;
    let (salma, salma_id) = volunteer(&app, "salma@x.ma", "Salma Ait Lahcen", "EE123456").await;
    let (application, status) = apply(&app, &salma, mission, shift).await;
    assert_eq!(status, "applied");
    twiza_app::missions::accept(&app.store, &h.scope, application, h.owner.id)
        .await
        .expect("accept");

    // The coordinator generates the contract: Arabic and French, the identity, Law 06-18.
    let path = format!(
        "/associations/{}/applications/{application}/contract",
        h.org.0
    );
    let form = app.page(Method::GET, &path, Some(&h.owner), &[]).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text());
    let made = app
        .page(Method::POST, &path, Some(&h.owner), &clauses())
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.text());
    let contract_page = location(&made);
    let contract: i64 = contract_page
        .rsplit('/')
        .next()
        .and_then(|s| s.split('?').next())
        .and_then(|s| s.parse().ok())
        .expect("contract id");
    let shown = app
        .page(Method::GET, &contract_page, Some(&h.owner), &[])
        .await;
    let text = shown.text();
    assert_eq!(shown.status, StatusCode::OK);
    for words in [
        "EE123456",
        "Salma Ait Lahcen",
        "06-18",
        "عقد التطوع التعاقدي",
        "Contrat de volontariat contractuel",
        "Ce n’est pas un contrat de travail",
        "AB-06-18/2025/17",
        "Premiers secours",
    ] {
        assert!(text.contains(words), "the contract shows {words}");
    }
    assert!(text.contains("id=\"contract-ar\"") && text.contains("id=\"contract-fr\""));
    // A second contract for the same application is refused, nothing written.
    let again = app
        .page(Method::POST, &path, Some(&h.owner), &clauses())
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.text().contains("لهذا الترشح عقده بالفعل"));
    assert_eq!(contracts_count(&app, &h.scope).await, 1);

    // Both parties accept: who, when, from which account; a repeat is the wrong step.
    let accept = format!("/associations/{}/contracts/{contract}/accept", h.org.0);
    let r = app.page(Method::POST, &accept, Some(&h.owner), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.page(Method::POST, &accept, Some(&h.owner), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let mine = format!("/volunteer/contracts/{contract}");
    let r = app.page(Method::GET, &mine, Some(&salma), &[]).await;
    assert!(r.text().contains("EE123456") && r.text().contains("id=\"accept-form\""));
    let r = app
        .page(Method::POST, &format!("{mine}/accept"), Some(&salma), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let view = app
        .store
        .own_contract(salma.id, contract)
        .await
        .expect("own");
    assert_eq!(view.status.as_str(), "signed");
    assert_eq!(view.host_accepted.as_ref().map(|a| a.0), Some(h.owner.id.0));
    assert_eq!(
        view.volunteer_accepted.as_ref().map(|a| a.0),
        Some(salma.id.0)
    );
    // Another account sees nothing of it.
    let (other, _) = volunteer(&app, "other@x.ma", "Other Person", "EE654321").await;
    let r = app.page(Method::GET, &mine, Some(&other), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // On the ground: the code shown large, a wrong code refused, the right one checks in.
    let (starts, _) = shift_now(&app, shift).await;
    let ground = format!("/associations/{}/shifts/{shift}", h.org.0);
    let page = app.page(Method::GET, &ground, Some(&h.owner), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let code = app
        .store
        .ground_shift(&h.scope, shift)
        .await
        .expect("shift")
        .checkin_code;
    assert!(page.text().contains(&code));
    let check_in = format!("/volunteer/shifts/{shift}/check-in");
    let r = app
        .page(Method::POST, &check_in, Some(&salma), &[("code", "WRONG1")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("هذا الرمز ليس رمز النوبة"));
    let r = app
        .page(
            Method::POST,
            &check_in,
            Some(&salma),
            &[("code", &code.to_lowercase())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    // Arrived at the shift's start (two hours ago), leaves now: two hours counted.
    app.store
        .execute_raw(&format!(
            "UPDATE shift_attendance SET checked_in_at = {starts} WHERE shift_id = {shift}"
        ))
        .await
        .expect("arrival");
    let r = app
        .page(
            Method::POST,
            &format!("/volunteer/shifts/{shift}/check-out"),
            Some(&salma),
            &[("code", &code)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = app
        .page(Method::GET, "/volunteer/shifts", Some(&salma), &[])
        .await;
    assert!(r.text().contains("2:00"), "the hours appear");
    let roster = app
        .store
        .shift_roster(&h.scope, shift)
        .await
        .expect("roster");
    assert_eq!(roster[0].minutes, Some(120));
    // The hours reach the ranking of the candidates of the association's next mission.
    let (next, _) = new_mission(&app, &h, "3").await;
    let ranked = twiza_app::missions::candidates(&app.store, &h.scope, next, 10)
        .await
        .expect("candidates");
    let line = ranked
        .fits
        .iter()
        .find(|f| f.volunteer_id == salma_id)
        .expect("salma is a candidate");
    assert_eq!(line.hours_given, 2);

    // The certificate: issued once per form key, logged without personal data.
    let issue = format!(
        "/associations/{}/volunteers/{salma_id}/certificate",
        h.org.0
    );
    let key = [("idempotency_key", "certificate-key-0001")];
    let r = app.page(Method::POST, &issue, Some(&h.owner), &key).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let certificate_page = location(&r);
    let r2 = app.page(Method::POST, &issue, Some(&h.owner), &key).await;
    assert_eq!(
        location(&r2),
        certificate_page,
        "a repeat issues one certificate"
    );
    let code = certificate_page
        .trim_start_matches("/certificates/")
        .to_owned();
    assert!(code.starts_with("VC-"));
    let public = app.page(Method::GET, &certificate_page, None, &[]).await;
    assert_eq!(public.status, StatusCode::OK);
    let text = public.text();
    assert!(text.contains("Salma Ait Lahcen") && text.contains("2:00"));
    assert!(text.contains("Distribution à Asni") && text.contains("Atlas AR-1"));
    assert!(!text.contains("EE123456"));
    let typed = app
        .page(
            Method::GET,
            &format!(
                "/certificates?code={}",
                code.to_lowercase().replace('-', "+")
            ),
            None,
            &[],
        )
        .await;
    assert_eq!(location(&typed), certificate_page);
    let view = app
        .store
        .certificate_by_code(&code)
        .await
        .expect("q")
        .expect("certificate");
    let index = view.leaf_index.expect("logged");
    let entry = app
        .get(&format!("/api/v1/log/entries/{index}"), None)
        .await
        .json();
    let leaf = base64::engine::general_purpose::STANDARD
        .decode(entry["leaf"].as_str().expect("leaf"))
        .expect("base64");
    let leaf: serde_json::Value = serde_json::from_slice(&leaf).expect("json");
    assert_eq!(leaf["type"], "volunteer_certificate");
    assert_eq!(leaf["minutes"], 120);
    assert_eq!(leaf["missions"], 1);
    assert_eq!(leaf["organization"], h.org.0);
    assert_eq!(leaf["commitment"], view.commitment.as_str());
    let keys: Vec<&str> = leaf
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        vec![
            "at",
            "commitment",
            "id",
            "minutes",
            "missions",
            "organization",
            "period_from",
            "period_until",
            "type",
            "v"
        ]
    );
    let raw = leaf.to_string();
    for personal in ["Salma", "EE123456", "+212612345678", code.as_str()] {
        assert!(!raw.contains(personal), "the leaf holds no {personal}");
    }
    // The audit rebuilds the leaf from its row.
    let audit = app.store.audit_log(None, |_| {}).await.expect("audit");
    assert!(audit.findings.is_empty(), "{:?}", audit.findings);

    // An unknown code: localized, 404, nothing else.
    let r = app
        .page(Method::GET, "/certificates/VC-2222-2222", None, &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("لا توجد شهادة بهذا الرمز"));
    let r = app
        .page(Method::GET, "/certificates?code=nonsense", None, &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // The register lists the contract, for the host and for the administration.
    let number = view_number(&app, &h, contract).await;
    let csv = app
        .page(
            Method::GET,
            &format!("/associations/{}/volunteering/register.csv", h.org.0),
            Some(&h.owner),
            &[],
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    let csv = csv.text();
    assert!(csv.starts_with("number,host,host_accreditation,volunteer_name"));
    let line = csv.lines().nth(1).expect("a contract line");
    assert!(line.starts_with(&number), "{line}");
    assert!(line.contains("EE123456") && line.contains("1990-03-02") && line.contains(",signed,"));
    assert!(line.ends_with(",2:00"), "{line}");
    let xlsx = app
        .page(
            Method::GET,
            &format!("/associations/{}/volunteering/register.xlsx", h.org.0),
            Some(&h.owner),
            &[],
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.body.starts_with(b"PK"));
    let authority = app.authority("gov@x.ma", "national", None).await;
    let r = app
        .page(
            Method::GET,
            "/authority/volunteering/register.csv",
            Some(&authority),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains(&number));
    let r = app
        .page(
            Method::GET,
            "/authority/volunteering/register",
            Some(&authority),
            &[],
        )
        .await;
    assert!(r.text().contains(&number));
    // The volunteer reads who read their identity.
    let reads = app
        .store
        .own_volunteer_reads(salma.id)
        .await
        .expect("reads");
    assert!(reads.iter().any(|r| r.what == "contract"));
    assert!(reads.iter().any(|r| r.what == "register_authority"));
}

async fn view_number(app: &TestApp, h: &Host, contract: i64) -> String {
    app.store
        .org_contract(&h.scope, contract)
        .await
        .expect("contract")
        .number
}

#[tokio::test]
async fn an_application_becomes_a_signed_contract_hours_and_a_certificate_anyone_checks() {
    whole_path(TestApp::new().await).await;
}

#[tokio::test]
async fn an_application_becomes_a_signed_contract_hours_and_a_certificate_anyone_checks_on_postgres(
) {
    if let Some(app) = TestApp::postgres().await {
        whole_path(app).await;
    }
}

async fn refusals(app: TestApp) {
    // A host whose accreditation is over: host_not_accredited, nothing written.
    let h = host(&app, "lapsed@x.ma", "AR-2", false).await;
    let (mission, shift) = new_mission(&app, &h, "1").await;
    let (salma, _) = volunteer(&app, "salma@x.ma", "Salma Ait Lahcen", "EE123456").await;
    let (application, _) = apply(&app, &salma, mission, shift).await;
    twiza_app::missions::accept(&app.store, &h.scope, application, h.owner.id)
        .await
        .expect("accept");
    let path = format!(
        "/associations/{}/applications/{application}/contract",
        h.org.0
    );
    let r = app
        .page(Method::POST, &path, Some(&h.owner), &clauses())
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(r
        .text()
        .contains("لا يمكن إبرام عقد إلا لجمعية حاصلة على اعتماد"));
    assert!(
        r.text().contains("Premiers secours"),
        "what was typed is kept"
    );
    assert_eq!(contracts_count(&app, &h.scope).await, 0);

    // A full shift: the second volunteer waits, and a waiting application gets no contract.
    let a = host(&app, "host@x.ma", "AR-3", true).await;
    let (mission, shift) = new_mission(&app, &a, "1").await;
    let (nadia, _) = volunteer(&app, "nadia@x.ma", "Nadia Amrani", "EE555555").await;
    let (first, _) = apply(&app, &nadia, mission, shift).await;
    twiza_app::missions::accept(&app.store, &a.scope, first, a.owner.id)
        .await
        .expect("accept");
    let (karim, _) = volunteer(&app, "karim@x.ma", "Karim Oubella", "EE777777").await;
    let (waiting, status) = apply(&app, &karim, mission, shift).await;
    assert_eq!(status, "waiting");
    let path = format!("/associations/{}/applications/{waiting}/contract", a.org.0);
    let r = app
        .page(Method::POST, &path, Some(&a.owner), &clauses())
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("جميع أماكن هذه النوبة محجوزة"));
    assert_eq!(contracts_count(&app, &a.scope).await, 0);
    // Bad clauses: each named, nothing written.
    let path = format!("/associations/{}/applications/{first}/contract", a.org.0);
    let r = app
        .page(
            Method::POST,
            &path,
            Some(&a.owner),
            &[
                ("weekly_hours", "80"),
                ("training", ""),
                ("notice_days", "7"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["weekly_hours-error", "training-error", "insurance-error"] {
        assert!(r.text().contains(field), "{field}");
    }
    assert_eq!(contracts_count(&app, &a.scope).await, 0);
    // Another association cannot make a contract from this application.
    let foreign = format!("/associations/{}/applications/{first}/contract", h.org.0);
    let r = app
        .page(Method::POST, &foreign, Some(&h.owner), &clauses())
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Karim's application is not accepted: his check-in is refused, nothing recorded.
    shift_now(&app, shift).await;
    let code = app
        .store
        .ground_shift(&a.scope, shift)
        .await
        .expect("shift")
        .checkin_code;
    let r = app
        .page(
            Method::POST,
            &format!("/volunteer/shifts/{shift}/check-in"),
            Some(&karim),
            &[("code", &code)],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("هذا المتطوع غير مقبول في هذه النوبة"));
    let roster = app
        .store
        .shift_roster(&a.scope, shift)
        .await
        .expect("roster");
    assert!(roster.iter().all(|l| l.checked_in_at.is_none()));

    // Without hours, no certificate.
    let volunteer_id = roster[0].volunteer_id;
    let r = app
        .page(
            Method::POST,
            &format!(
                "/associations/{}/volunteers/{volunteer_id}/certificate",
                a.org.0
            ),
            Some(&a.owner),
            &[
                ("idempotency_key", "certificate-key-0002"),
                ("shift_id", &shift.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("ليس لهذا المتطوع ساعات عمل"));
}

#[tokio::test]
async fn refused_contracts_and_check_ins_write_nothing() {
    refusals(TestApp::new().await).await;
}

#[tokio::test]
async fn refused_contracts_and_check_ins_write_nothing_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        refusals(app).await;
    }
}

async fn ground_and_board(app: TestApp) {
    let h = host(&app, "host@x.ma", "AR-4", true).await;
    let (mission, shift) = new_mission(&app, &h, "3").await;
    let (salma, _) = volunteer(&app, "salma@x.ma", "Salma Ait Lahcen", "EE123456").await;
    let (karim, _) = volunteer(&app, "karim@x.ma", "Karim Oubella", "EE777777").await;
    for user in [&salma, &karim] {
        let (application, _) = apply(&app, user, mission, shift).await;
        twiza_app::missions::accept(&app.store, &h.scope, application, h.owner.id)
            .await
            .expect("accept");
    }
    // The coordinator checks Salma in; the shift ends without her check-out; Karim never came.
    let (_, ends) = shift_now(&app, shift).await;
    let ground = format!("/associations/{}/shifts/{shift}", h.org.0);
    let salma_id = app
        .store
        .volunteer_id_of(salma.id)
        .await
        .expect("q")
        .expect("id");
    let r = app
        .page(
            Method::POST,
            &ground,
            Some(&h.owner),
            &[
                ("volunteer_id", &salma_id.to_string()),
                ("action", "check_in"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let (closed, _) = twiza_app::volunteer_ground::run_shift_jobs(
        &app.store,
        &app.state.config.personal_data,
        &app.state.messages,
        true,
        ends + 1,
    )
    .await
    .expect("jobs");
    assert_eq!(closed, 1);
    let roster = app
        .store
        .shift_roster(&h.scope, shift)
        .await
        .expect("roster");
    let salma_line = roster
        .iter()
        .find(|l| l.volunteer_id == salma_id)
        .expect("salma");
    assert_eq!(salma_line.status.as_deref(), Some("closed_at_end"));
    assert!(salma_line.minutes.unwrap_or(0) > 0);
    let karim_line = roster
        .iter()
        .find(|l| l.volunteer_id != salma_id)
        .expect("karim");
    assert_eq!(karim_line.status.as_deref(), Some("no_show"));
    let page = app.page(Method::GET, &ground, Some(&h.owner), &[]).await;
    assert!(page.text().contains("class=\"flagged\""));

    // The board: an announcement to both, a reply only the coordinators read.
    let board = format!("/associations/{}/missions/{mission}/board", h.org.0);
    let r = app
        .page(
            Method::POST,
            &board,
            Some(&h.owner),
            &[
                ("body", "Rendez-vous à 7 h devant la commune"),
                ("idempotency_key", "board-key-0001"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mine = format!("/volunteer/missions/{mission}/board");
    let r = app
        .page(
            Method::POST,
            &mine,
            Some(&salma),
            &[
                ("body", "Je viendrai avec ma voiture"),
                ("idempotency_key", "board-key-0002"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let host_view = app
        .page(Method::GET, &board, Some(&h.owner), &[])
        .await
        .text();
    assert!(
        host_view.contains("Je viendrai avec ma voiture") && host_view.contains("Salma Ait Lahcen")
    );
    let karim_view = app.page(Method::GET, &mine, Some(&karim), &[]).await.text();
    assert!(karim_view.contains("Rendez-vous à 7 h"));
    assert!(!karim_view.contains("Je viendrai") && !karim_view.contains("Salma"));
    assert!(!karim_view.contains("0612345678") && !karim_view.contains("+212612345678"));
    // Someone not accepted on the mission sees no board.
    let (stranger, _) = volunteer(&app, "stranger@x.ma", "Stranger", "EE888888").await;
    let r = app.page(Method::GET, &mine, Some(&stranger), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn forgotten_check_outs_close_at_the_end_and_the_board_keeps_replies_to_coordinators() {
    ground_and_board(TestApp::new().await).await;
}

#[tokio::test]
async fn forgotten_check_outs_close_at_the_end_and_the_board_keeps_replies_to_coordinators_on_postgres(
) {
    if let Some(app) = TestApp::postgres().await {
        ground_and_board(app).await;
    }
}
