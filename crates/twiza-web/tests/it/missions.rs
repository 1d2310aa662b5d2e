//! Missions, shifts, applications and matching: a mission with bad input is refused field by
//! field and writes nothing; the public search by skill, language and commune; a full shift
//! puts an application on the waiting list; an overlapping shift and an acceptance on a full
//! shift are refused; candidates are ranked with their reasons and a far volunteer is absent;
//! another association sees neither the candidates nor the applications; the database ranks
//! as the domain does over a few thousand varied volunteers. On both backends.

use crate::harness::{TestApp, TestUser};
use time::Duration;
use twiza_app::missions::{self as missions, SearchInput};
use twiza_app::Error;
use twiza_domain::organization::OrgStatus;
use twiza_domain::volunteer::{
    iso_day, morocco_day, MissionInput, NewVolunteer, ShiftInput, Skill, VolunteerLanguage,
    ALL_WEEKDAYS,
};
use twiza_domain::{OrgRole, OrgScope, Refusal};
use twiza_store::SeedVolunteer;

/// Ait Faska (Al Haouz): the missions' commune.
pub const AIT_FASKA: &str = "07.041.03.05";
/// Ait Ourir (Al Haouz), a few kilometres away.
pub const AIT_OURIR: &str = "07.041.01.01";
/// Casablanca: far from Al Haouz.
pub const CASABLANCA: &str = "06.141.01.0";

pub fn day(offset: i64) -> String {
    let today = morocco_day(twiza_store::now()).unwrap();
    iso_day(today + Duration::days(offset))
}

/// A volunteer profile for the loader.
pub fn profile(name: &str, cin: &str, skills: i64, languages: i64, commune: &str) -> NewVolunteer {
    NewVolunteer {
        name: name.to_owned(),
        birth_date: time::macros::date!(1990 - 05 - 17),
        cin: cin.to_owned(),
        phone: format!(
            "+2126{:0>8}",
            cin.chars().filter(char::is_ascii_digit).collect::<String>()
        ),
        skills,
        languages,
        weekdays: ALL_WEEKDAYS,
        available_from: None,
        available_until: None,
        communes: vec![commune.to_owned()],
        emergency_name: "Ahmed Ait Lahcen".to_owned(),
        emergency_phone: "+212661000000".to_owned(),
    }
}

/// Loads one volunteer for an existing account.
pub async fn volunteer_for(app: &TestApp, user: &TestUser, profile: NewVolunteer) -> i64 {
    app.store
        .seed_volunteers(
            &app.state.config.personal_data,
            &[SeedVolunteer {
                user_id: Some(user.id.0),
                email: String::new(),
                profile,
                minutes_given: 0,
            }],
        )
        .await
        .expect("seeded")[0]
}

pub struct World {
    pub app: TestApp,
    pub owner: TestUser,
    pub scope: OrgScope,
}

pub async fn world(app: TestApp) -> World {
    let owner = app.user("owner@asni.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    World {
        scope: OrgScope::for_member(org, OrgRole::Owner),
        app,
        owner,
    }
}

pub fn mission_input<'a>(starts: &'a str, ends: &'a str) -> MissionInput<'a> {
    MissionInput {
        title: "Distribution de tentes",
        purpose: "Abriter les familles des douars d'Ait Faska",
        kind: "contractual",
        skills: vec!["first_aid", "driving_4x4"],
        languages: vec!["shi"],
        commune: AIT_FASKA,
        starts_on: starts,
        ends_on: ends,
        requirements: "",
    }
}

pub fn shift<'a>(day: &'a str, starts: &'a str, ends: &'a str, places: &'a str) -> ShiftInput<'a> {
    ShiftInput {
        day,
        starts,
        ends,
        places,
    }
}

/// A mission from tomorrow for ten days, with a first shift of one place tomorrow 08:00–12:00.
pub async fn mission(w: &World, key: &str) -> i64 {
    let (starts, ends, first) = (day(1), day(10), day(1));
    missions::publish(
        &w.app.store,
        &w.scope,
        &mission_input(&starts, &ends),
        &shift(&first, "08:00", "12:00", "1"),
        Some(key),
        w.owner.id,
    )
    .await
    .expect("published")
}

async fn missions_count(w: &World) -> usize {
    w.app.store.org_missions(&w.scope).await.unwrap().len()
}

fn refused(e: Error) -> Refusal {
    match e {
        Error::Refused(r) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn bad_input_is_refused_field_by_field(app: TestApp) {
    let w = world(app).await;
    let (past, ends) = (day(-3), day(-5));
    let mut input = mission_input(&past, &ends);
    input.title = " ";
    input.kind = "paid";
    input.skills = vec!["juggling"];
    input.commune = "99.999.99.99";
    let e = missions::publish(
        &w.app.store,
        &w.scope,
        &input,
        &shift("not-a-day", "25:00", "12:00", "0"),
        Some("k"),
        w.owner.id,
    )
    .await
    .unwrap_err();
    let Error::Invalid(fields) = e else {
        panic!("expected invalid fields")
    };
    let named: Vec<(&str, &str)> = fields.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        named,
        [
            ("title", "required"),
            ("kind", "validation"),
            ("skills", "validation"),
            ("commune", "unknown_commune"),
            ("starts_on", "date_in_past"),
            ("ends_on", "before_start"),
            ("day", "invalid_date"),
            ("starts", "invalid_time"),
            ("places", "out_of_range"),
        ]
    );
    assert_eq!(missions_count(&w).await, 0);
    // The same form twice publishes one mission.
    let a = mission(&w, "form-1").await;
    let b = mission(&w, "form-1").await;
    assert_eq!(a, b);
    assert_eq!(missions_count(&w).await, 1);
    let view = missions::show(&w.app.store, a).await.unwrap();
    assert_eq!(view.shifts.len(), 1);
    assert_eq!(view.shifts[0].left, 1);
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_on_sqlite() {
    bad_input_is_refused_field_by_field(TestApp::new().await).await;
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        bad_input_is_refused_field_by_field(app).await;
    }
}

async fn search_finds_by_skill_language_and_commune(app: TestApp) {
    let w = world(app).await;
    let id = mission(&w, "m").await;
    let search = |skill: &'static str, language: &'static str, commune: &'static str| {
        let store = w.app.store.clone();
        async move {
            missions::search(
                &store,
                &SearchInput {
                    skill,
                    language,
                    commune,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>()
        }
    };
    assert_eq!(search("", "", "").await, [id]);
    assert_eq!(search("first_aid", "", "").await, [id]);
    assert_eq!(search("cooking", "", "").await, Vec::<i64>::new());
    assert_eq!(search("", "shi", AIT_FASKA).await, [id]);
    assert_eq!(search("", "fr", "").await, Vec::<i64>::new());
    assert_eq!(search("", "", CASABLANCA).await, Vec::<i64>::new());
    let unknown = missions::search(
        &w.app.store,
        &SearchInput {
            skill: "juggling",
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(unknown, Error::InvalidQuery { field: "skill" }));
    // By province: Al Haouz holds the mission, Casablanca's province does not; a province that
    // does not exist is refused.
    let in_province = |province: &'static str| {
        let store = w.app.store.clone();
        async move {
            missions::search(
                &store,
                &SearchInput {
                    province,
                    ..Default::default()
                },
            )
            .await
            .map(|page| page.iter().map(|m| m.id).collect::<Vec<_>>())
        }
    };
    assert_eq!(in_province(&AIT_FASKA[..6]).await.unwrap(), [id]);
    assert_eq!(
        in_province(&CASABLANCA[..6]).await.unwrap(),
        Vec::<i64>::new()
    );
    assert!(matches!(
        in_province("99.999").await.unwrap_err(),
        Error::InvalidQuery { field: "province" }
    ));
    // The page: the province's communes offered to narrow the search.
    let page = w
        .app
        .page(
            axum::http::Method::GET,
            &format!("/missions?province={}", &AIT_FASKA[..6]),
            None,
            &[],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(page
        .text()
        .contains(&format!("<option value=\"{AIT_FASKA}\">")));
    // A closed mission is no longer found.
    missions::close(&w.app.store, &w.scope, id).await.unwrap();
    assert_eq!(search("", "", "").await, Vec::<i64>::new());
}

#[tokio::test]
async fn search_finds_by_skill_language_and_commune_on_sqlite() {
    search_finds_by_skill_language_and_commune(TestApp::new().await).await;
}

#[tokio::test]
async fn search_finds_by_skill_language_and_commune_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        search_finds_by_skill_language_and_commune(app).await;
    }
}

async fn places_waiting_list_and_overlaps(app: TestApp) {
    let w = world(app).await;
    let store = w.app.store.clone();
    let m = mission(&w, "m").await;
    let first_shift = missions::show(&store, m).await.unwrap().shifts[0].id;
    let tomorrow = day(1);
    let overlapping = missions::add_shift(
        &store,
        &w.scope,
        m,
        &shift(&tomorrow, "11:00", "15:00", "3"),
    )
    .await
    .unwrap();
    let stranger = w.app.user("nobody@x.ma", None).await;
    assert_eq!(
        refused(
            missions::apply(&store, stranger.id, m, first_shift)
                .await
                .unwrap_err()
        ),
        Refusal::NotAVolunteer
    );
    let both = Skill::FirstAid.bit() | Skill::Driving4x4.bit();
    let shi = VolunteerLanguage::Tachelhit.bit();
    let salma = w.app.user("salma@x.ma", None).await;
    volunteer_for(
        &w.app,
        &salma,
        profile("Salma", "EE123456", both, shi, AIT_FASKA),
    )
    .await;
    let omar = w.app.user("omar@x.ma", None).await;
    volunteer_for(
        &w.app,
        &omar,
        profile("Omar", "EE654321", both, shi, AIT_OURIR),
    )
    .await;

    let a = missions::apply(&store, salma.id, m, first_shift)
        .await
        .unwrap();
    assert_eq!(a.status, "applied");
    assert_eq!(
        refused(
            missions::apply(&store, salma.id, m, first_shift)
                .await
                .unwrap_err()
        ),
        Refusal::AlreadyApplied
    );
    // Salma holds 08:00–12:00: 11:00–15:00 overlaps it.
    assert_eq!(
        refused(
            missions::apply(&store, salma.id, m, overlapping)
                .await
                .unwrap_err()
        ),
        Refusal::ShiftOverlap
    );
    missions::accept(&store, &w.scope, a.id, w.owner.id)
        .await
        .unwrap();
    // The one place is taken: Omar waits.
    let b = missions::apply(&store, omar.id, m, first_shift)
        .await
        .unwrap();
    assert_eq!(b.status, "waiting");
    let view = missions::show(&store, m).await.unwrap();
    assert_eq!((view.shifts[0].left, view.shifts[0].waiting), (0, 1));
    assert_eq!(
        refused(
            missions::accept(&store, &w.scope, b.id, w.owner.id)
                .await
                .unwrap_err()
        ),
        Refusal::ShiftFull
    );
    // Salma withdraws: the place is freed and Omar's application moves to `applied`.
    missions::withdraw(&store, salma.id, a.id).await.unwrap();
    let apps = store.mission_applications(&w.scope, m).await.unwrap();
    let status_of = |id: i64| {
        apps.iter()
            .find(|x| x.id == id)
            .map(|x| x.status.clone())
            .unwrap()
    };
    assert_eq!(status_of(a.id), "withdrawn");
    assert_eq!(status_of(b.id), "applied");
    missions::accept(&store, &w.scope, b.id, w.owner.id)
        .await
        .unwrap();
    // Omar cannot withdraw Salma's application, nor another association accept his.
    assert!(matches!(
        missions::withdraw(&store, omar.id, a.id).await.unwrap_err(),
        Error::NotFound
    ));
    let other = w.app.user("other@x.ma", None).await;
    let other_org = w
        .app
        .org(&other, "Amal Casa", "2/2016", OrgStatus::Verified)
        .await;
    let other_scope = OrgScope::for_member(other_org, OrgRole::Owner);
    assert!(matches!(
        missions::decline(&store, &other_scope, b.id, other.id)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
    assert!(store
        .mission_applications(&other_scope, m)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn places_waiting_list_and_overlaps_on_sqlite() {
    places_waiting_list_and_overlaps(TestApp::new().await).await;
}

#[tokio::test]
async fn places_waiting_list_and_overlaps_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        places_waiting_list_and_overlaps(app).await;
    }
}

async fn candidates_are_ranked_with_reasons(app: TestApp) {
    let w = world(app).await;
    let store = w.app.store.clone();
    let m = mission(&w, "m").await;
    let both = Skill::FirstAid.bit() | Skill::Driving4x4.bit();
    let shi = VolunteerLanguage::Tachelhit.bit();
    let fr = VolunteerLanguage::French.bit();
    let here = w.app.user("here@x.ma", None).await;
    let here_id = volunteer_for(
        &w.app,
        &here,
        profile("Here", "EE100001", both, shi, AIT_FASKA),
    )
    .await;
    let near = w.app.user("near@x.ma", None).await;
    let near_id = volunteer_for(
        &w.app,
        &near,
        profile("Near", "EE100002", Skill::FirstAid.bit(), fr, AIT_OURIR),
    )
    .await;
    let far = w.app.user("far@x.ma", None).await;
    let far_id = volunteer_for(
        &w.app,
        &far,
        profile("Far", "EE100003", both, shi, CASABLANCA),
    )
    .await;

    let ranked = missions::candidates(&store, &w.scope, m, missions::CANDIDATES)
        .await
        .unwrap();
    let ids: Vec<i64> = ranked.fits.iter().map(|f| f.volunteer_id).collect();
    assert_eq!(ids, [here_id, near_id]);
    assert!(!ids.contains(&far_id));
    assert_eq!(ranked.considered, 2);
    let best = &ranked.fits[0];
    assert_eq!(best.points, 100);
    assert_eq!(best.distance_km, 0);
    assert!(best.available);
    let second = &ranked.fits[1];
    assert_eq!(second.skills_missing, [Skill::Driving4x4]);
    assert!(second.languages_matched.is_empty());
    assert!(second.distance_km > 0 && second.distance_km < 60);
    assert_eq!(
        ranked.references.get(&here_id).map(String::as_str),
        Some(format!("V-{here_id}").as_str())
    );
    // The same through the API: the ranked list with its reasons, the far volunteer absent.
    let api = w
        .app
        .get(
            &format!(
                "/api/v1/organizations/{}/missions/{m}/candidates",
                w.scope.org_id().0
            ),
            Some(&w.owner.token),
        )
        .await;
    assert_eq!(api.status, 200, "{}", api.text());
    let body = api.json();
    assert_eq!(body["considered"], 2);
    assert_eq!(body["candidates"][0]["volunteer_id"], here_id);
    assert_eq!(body["candidates"][0]["points"], 100);
    assert_eq!(body["candidates"][1]["skills_missing"][0], "driving_4x4");
    assert!(!api.text().contains("Here") && !api.text().contains("EE100001"));
    let found = w
        .app
        .get("/api/v1/missions?skill=first_aid&language=shi", None)
        .await
        .json();
    assert_eq!(found["missions"][0]["id"], m);
    assert_eq!(found["missions"][0]["kind"], "contractual");
    let refused = w.app.get("/api/v1/missions?language=klingon", None).await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.error_code(), "invalid_query");
    // The mission fits the volunteer too.
    let fitting = missions::missions_for_me(&store, here.id, missions::FITTING)
        .await
        .unwrap();
    assert_eq!(fitting.len(), 1);
    assert_eq!((fitting[0].0.id, fitting[0].1.points), (m, 100));
    assert!(missions::missions_for_me(&store, far.id, missions::FITTING)
        .await
        .unwrap()
        .is_empty());
    // Once applied, a volunteer is no longer a candidate.
    let first_shift = missions::show(&store, m).await.unwrap().shifts[0].id;
    missions::apply(&store, here.id, m, first_shift)
        .await
        .unwrap();
    let after = missions::candidates(&store, &w.scope, m, missions::CANDIDATES)
        .await
        .unwrap();
    assert_eq!(
        after
            .fits
            .iter()
            .map(|f| f.volunteer_id)
            .collect::<Vec<_>>(),
        [near_id]
    );
    // Near is invited by SMS and e-mail; a repeat invites (and texts) nobody twice.
    let how = missions::Inviting {
        keys: &w.app.state.config.personal_data,
        messages: &w.app.state.messages,
        mail: Some(&w.app.state.mail),
        texting: true,
        fallback: twiza_i18n::Locale::Fr,
    };
    let invited = missions::invite(
        &store,
        &how,
        &w.scope,
        (m, first_shift),
        &[near_id],
        w.owner.id,
    )
    .await
    .unwrap();
    assert_eq!(invited, 1);
    let again = missions::invite(
        &store,
        &how,
        &w.scope,
        (m, first_shift),
        &[near_id],
        w.owner.id,
    )
    .await
    .unwrap();
    assert_eq!(again, 0);
    let sms = w.app.last_sms_to("+212600100002").await.expect("texted");
    assert!(sms.contains(&format!("/missions/{m}")), "{sms}");
    let texts = store.sms_outbox(100).await.unwrap();
    assert_eq!(
        texts
            .iter()
            .filter(|t| t.kind == "mission_invitation")
            .count(),
        1
    );
    // An invited volunteer is no longer a candidate, and applies to the shift invited to.
    assert!(missions::candidates(&store, &w.scope, m, 50)
        .await
        .unwrap()
        .fits
        .is_empty());
    let applied = missions::apply(&store, near.id, m, first_shift)
        .await
        .unwrap();
    assert_eq!(applied.status, "applied");
    // Another association sees nothing of this mission's candidates.
    let other = w.app.user("other@x.ma", None).await;
    let other_org = w
        .app
        .org(&other, "Amal Casa", "2/2016", OrgStatus::Verified)
        .await;
    let other_scope = OrgScope::for_member(other_org, OrgRole::Owner);
    assert!(matches!(
        missions::candidates(&store, &other_scope, m, 50)
            .await
            .unwrap_err(),
        Error::NotFound
    ));
    let foreign = w
        .app
        .get(
            &format!(
                "/api/v1/organizations/{}/missions/{m}/candidates",
                other_org.0
            ),
            Some(&other.token),
        )
        .await;
    assert_eq!(foreign.status, 404);
    let outsider = w
        .app
        .get(
            &format!(
                "/api/v1/organizations/{}/missions/{m}/candidates",
                w.scope.org_id().0
            ),
            Some(&other.token),
        )
        .await;
    assert!(matches!(outsider.status.as_u16(), 403 | 404));
}

#[tokio::test]
async fn candidates_are_ranked_with_reasons_on_sqlite() {
    candidates_are_ranked_with_reasons(TestApp::new().await).await;
}

#[tokio::test]
async fn candidates_are_ranked_with_reasons_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        candidates_are_ranked_with_reasons(app).await;
    }
}

async fn pages_find_apply_and_decide(app: TestApp) {
    use axum::http::Method;
    let w = world(app).await;
    let m = mission(&w, "m").await;
    let store = w.app.store.clone();
    let shift_id = missions::show(&store, m).await.unwrap().shifts[0].id;
    let both = Skill::FirstAid.bit() | Skill::Driving4x4.bit();
    let shi = VolunteerLanguage::Tachelhit.bit();
    let salma = w.app.user("salma@x.ma", None).await;
    let salma_id = volunteer_for(
        &w.app,
        &salma,
        profile("Salma Ait Lahcen", "EE123456", both, shi, AIT_FASKA),
    )
    .await;
    let omar = w.app.user("omar@x.ma", None).await;
    volunteer_for(
        &w.app,
        &omar,
        profile("Omar", "EE654321", both, shi, AIT_OURIR),
    )
    .await;

    // The public search and the mission's page, to anyone.
    let list = w
        .app
        .page(Method::GET, "/missions?skill=first_aid", None, &[])
        .await;
    assert_eq!(list.status, 200);
    assert!(list.text().contains(&format!("id=\"mission-{m}\"")));
    let page = w
        .app
        .page(Method::GET, &format!("/missions/{m}"), None, &[])
        .await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("id=\"sign-in-to-apply\""));
    assert!(!page.text().contains(&format!("id=\"apply-{shift_id}\"")));
    let bad = w
        .app
        .page(Method::GET, "/missions?language=xx", None, &[])
        .await;
    assert_eq!(bad.status, 400);
    // A volunteer applies from the page.
    let mine = w
        .app
        .page(Method::GET, &format!("/missions/{m}"), Some(&salma), &[])
        .await;
    assert!(mine.text().contains(&format!("id=\"apply-{shift_id}\"")));
    let apply = format!("/missions/{m}/shifts/{shift_id}/apply");
    let applied = w.app.page(Method::POST, &apply, Some(&salma), &[]).await;
    assert_eq!(applied.status, 303);
    let again = w.app.page(Method::POST, &apply, Some(&salma), &[]).await;
    assert_eq!(again.status, 409);
    assert!(again.text().contains("id=\"error-summary\""));
    // The coordinator sees the application by name and accepts it; the shift is then full.
    let coordinator = w
        .app
        .member(w.scope.org_id(), OrgRole::Coordinator, "coord@x.ma")
        .await;
    let manage = format!("/associations/{}/missions/{m}", w.scope.org_id().0);
    let seen = w
        .app
        .page(Method::GET, &manage, Some(&coordinator), &[])
        .await;
    assert_eq!(seen.status, 200);
    assert!(seen.text().contains("Salma Ait Lahcen"));
    let application = store.mission_applications(&w.scope, m).await.unwrap()[0].id;
    let accept = format!(
        "/associations/{}/applications/{application}/accept",
        w.scope.org_id().0
    );
    let accepted = w
        .app
        .page(Method::POST, &accept, Some(&coordinator), &[])
        .await;
    assert_eq!(accepted.status, 303);
    // Omar joins the waiting list; his acceptance on the full shift is refused on the page.
    w.app.page(Method::POST, &apply, Some(&omar), &[]).await;
    let waiting = store.mission_applications(&w.scope, m).await.unwrap()[1].id;
    let full = w
        .app
        .page(
            Method::POST,
            &format!(
                "/associations/{}/applications/{waiting}/accept",
                w.scope.org_id().0
            ),
            Some(&coordinator),
            &[],
        )
        .await;
    assert_eq!(full.status, 409);
    assert!(full.text().contains("id=\"error-summary\""));
    // The candidates page: ranked with reasons in words, references only.
    let extra = w.app.user("extra@x.ma", None).await;
    let extra_id = volunteer_for(
        &w.app,
        &extra,
        profile("Extra", "EE777777", both, shi, AIT_OURIR),
    )
    .await;
    let ranked = w
        .app
        .page(
            Method::GET,
            &format!("{manage}/candidates"),
            Some(&coordinator),
            &[],
        )
        .await;
    assert_eq!(ranked.status, 200);
    let text = ranked.text();
    assert!(text.contains(&format!("id=\"candidate-{extra_id}\"")));
    assert!(text.contains(&format!("V-{extra_id}")));
    assert!(!text.contains("Extra") && !text.contains(&format!("candidate-{salma_id}\"")));
    // Extra is invited from the page, and sees the mission among those that fit; Omar
    // withdraws from his list.
    let invited = w
        .app
        .page(
            Method::POST,
            &format!("{manage}/invitations"),
            Some(&coordinator),
            &[
                ("shift_id", &shift_id.to_string()),
                ("volunteers", &extra_id.to_string()),
            ],
        )
        .await;
    assert_eq!(invited.status, 303);
    assert_eq!(
        store.mission_applications(&w.scope, m).await.unwrap()[2].status,
        "invited"
    );
    let fitting = w
        .app
        .page(Method::GET, "/volunteer/missions", Some(&omar), &[])
        .await;
    assert_eq!(fitting.status, 200);
    assert!(fitting
        .text()
        .contains(&format!("id=\"withdraw-{waiting}\"")));
    let withdrawn = w
        .app
        .page(
            Method::POST,
            &format!("/volunteer/applications/{waiting}/withdraw"),
            Some(&omar),
            &[],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    // Salma cannot withdraw Omar's (already withdrawn) application, nor anyone else's.
    let foreign_withdraw = w
        .app
        .page(
            Method::POST,
            &format!("/volunteer/applications/{waiting}/withdraw"),
            Some(&salma),
            &[],
        )
        .await;
    assert_eq!(foreign_withdraw.status, 404);
    // A mission published from the form: bad input named field by field, nothing written.
    let new = format!("/associations/{}/missions/new", w.scope.org_id().0);
    let form = w.app.page(Method::GET, &new, Some(&coordinator), &[]).await;
    assert_eq!(form.status, 200);
    // The place is chosen province by province, without JavaScript: showing a province's
    // communes writes nothing and keeps what was typed.
    let shown = w
        .app
        .page(
            Method::POST,
            &new,
            Some(&coordinator),
            &[
                ("title", "Cuisine collective"),
                ("province", &AIT_FASKA[..6]),
                ("show", "communes"),
                ("creation_key", "k-0"),
            ],
        )
        .await;
    assert_eq!(shown.status, 200);
    assert!(shown
        .text()
        .contains(&format!("<option value=\"{AIT_FASKA}\">")));
    assert!(shown.text().contains("Cuisine collective"));
    assert!(!shown.text().contains("id=\"title-error\""));
    assert_eq!(store.org_missions(&w.scope).await.unwrap().len(), 1);
    let (starts, ends) = (day(2), day(3));
    let refused = w
        .app
        .page(
            Method::POST,
            &new,
            Some(&coordinator),
            &[
                ("title", "Cuisine collective"),
                ("purpose", ""),
                ("kind", "informal"),
                ("skills", "cooking"),
                ("commune", AIT_FASKA),
                ("starts_on", &starts),
                ("ends_on", &ends),
                ("day", &starts),
                ("starts", "08:00"),
                ("ends", "12:00"),
                ("places", "4"),
                ("creation_key", "k-1"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.text().contains("id=\"purpose-error\""));
    assert!(refused
        .text()
        .contains(&format!("<option value=\"{AIT_FASKA}\" selected>")));
    assert!(refused.text().contains("Cuisine collective"));
    assert_eq!(store.org_missions(&w.scope).await.unwrap().len(), 1);
    let published = w
        .app
        .page(
            Method::POST,
            &new,
            Some(&coordinator),
            &[
                ("title", "Cuisine collective"),
                ("purpose", "Repas chauds"),
                ("kind", "informal"),
                ("skills", "cooking"),
                ("skills", "logistics"),
                ("languages", "shi"),
                ("commune", AIT_FASKA),
                ("starts_on", &starts),
                ("ends_on", &ends),
                ("day", &starts),
                ("starts", "08:00"),
                ("ends", "12:00"),
                ("places", "4"),
                ("creation_key", "k-1"),
            ],
        )
        .await;
    assert_eq!(published.status, 303);
    let list = store.org_missions(&w.scope).await.unwrap();
    assert_eq!(list.len(), 2);
    let kitchen = list[0].id;
    assert_eq!(
        list[0].skills,
        Skill::Cooking.bit() | Skill::Logistics.bit()
    );
    let shown = w
        .app
        .page(Method::GET, &format!("/missions/{kitchen}"), None, &[])
        .await;
    assert!(shown.text().contains("id=\"mission-kind\""));
    let added = w
        .app
        .page(
            Method::POST,
            &format!(
                "/associations/{}/missions/{kitchen}/shifts",
                w.scope.org_id().0
            ),
            Some(&coordinator),
            &[
                ("day", &ends),
                ("starts", "14:00"),
                ("ends", "18:00"),
                ("places", "2"),
            ],
        )
        .await;
    assert_eq!(added.status, 303);
    assert_eq!(
        missions::show(&store, kitchen).await.unwrap().shifts.len(),
        2
    );
    // Another association sees neither the mission's page nor its candidates.
    let other = w.app.user("other@x.ma", None).await;
    let other_org = w
        .app
        .org(&other, "Amal Casa", "2/2016", OrgStatus::Verified)
        .await;
    for path in [
        format!("/associations/{}/missions/{m}", other_org.0),
        format!("/associations/{}/missions/{m}/candidates", other_org.0),
    ] {
        let r = w.app.page(Method::GET, &path, Some(&other), &[]).await;
        assert_eq!(r.status, 404, "{path}");
    }
    for path in [manage.clone(), format!("{manage}/candidates")] {
        let r = w.app.page(Method::GET, &path, Some(&other), &[]).await;
        assert!(matches!(r.status.as_u16(), 403 | 404), "{path}");
    }
}

#[tokio::test]
async fn pages_find_apply_and_decide_on_sqlite() {
    pages_find_apply_and_decide(TestApp::new().await).await;
}

#[tokio::test]
async fn pages_find_apply_and_decide_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        pages_find_apply_and_decide(app).await;
    }
}

/// A varied volunteer of the ranking test: skills, languages, days, dates, hours given and
/// communes drawn (often near the missions, sometimes far), with many ties.
fn varied_volunteer(i: usize, rng: &mut rand::rngs::StdRng, communes: &[String]) -> SeedVolunteer {
    use rand::Rng;
    let today = morocco_day(twiza_store::now()).unwrap();
    let mut p = profile(
        &format!("Varied {i}"),
        &format!("VR{i:06}"),
        rng.gen_range(0..1_i64 << Skill::ALL.len()) & rng.gen_range(0..1_i64 << Skill::ALL.len()),
        rng.gen_range(1..1_i64 << VolunteerLanguage::ALL.len())
            & rng.gen_range(0..1_i64 << VolunteerLanguage::ALL.len()),
        &communes[rng.gen_range(0..communes.len())],
    );
    if p.languages == 0 {
        p.languages = VolunteerLanguage::Darija.bit();
    }
    p.weekdays = rng.gen_range(1..=ALL_WEEKDAYS);
    if rng.gen_bool(0.3) {
        let from = today + Duration::days(rng.gen_range(-20..20));
        p.available_from = Some(from);
        p.available_until = rng
            .gen_bool(0.7)
            .then(|| from + Duration::days(rng.gen_range(0..15)));
    } else if rng.gen_bool(0.1) {
        p.available_until = Some(today + Duration::days(rng.gen_range(-5..5)));
    }
    for _ in 0..rng.gen_range(0..3) {
        let c = &communes[rng.gen_range(0..communes.len())];
        if !p.communes.contains(c) {
            p.communes.push(c.clone());
        }
    }
    SeedVolunteer {
        user_id: None,
        email: format!("varied-{i}@x.ma"),
        profile: p,
        // Ties: most give nothing, some give minutes that round to the same hours.
        minutes_given: match rng.gen_range(0..4) {
            0 => rng.gen_range(0..240),
            1 => rng.gen_range(0..20_000),
            _ => 0,
        },
    }
}

/// The database ranks as the domain does: over a few thousand varied volunteers and several
/// missions (skills asked or not, languages, shifts on different days, near and far
/// communes), the candidates the store ranks are, in order and with their points, those the
/// domain's `rank` gives over every candidate, for the page's number and for them all.
async fn sql_ranking_equals_the_domain_rank(app: TestApp) {
    use rand::SeedableRng;
    use twiza_domain::volunteer::{fit, rank};
    let w = world(app).await;
    let store = w.app.store.clone();
    let mut communes: Vec<String> = twiza_geo::geo()
        .communes()
        .iter()
        .filter(|c| c.province_code.as_str() == "07.041")
        .map(|c| c.code.as_str().to_owned())
        .collect();
    communes.push(CASABLANCA.to_owned());
    let mut rng = rand::rngs::StdRng::seed_from_u64(19);
    let rows: Vec<SeedVolunteer> = (0..3_000)
        .map(|i| varied_volunteer(i, &mut rng, &communes))
        .collect();
    store
        .seed_volunteers(&w.app.state.config.personal_data, &rows)
        .await
        .unwrap();
    // A volunteer who changes their profile is ranked on the new one: signed up in Casablanca
    // with no skill, then a first-aider and driver of Ait Faska.
    let nadia = w.app.user("nadia@x.ma", None).await;
    let keys = &w.app.state.config.personal_data;
    let nadia_id = volunteer_for(
        &w.app,
        &nadia,
        profile("Nadia Amrani", "NA100200", 0, 1, CASABLANCA),
    )
    .await;
    let mut changed = profile(
        "Nadia Amrani",
        "NA100200",
        Skill::FirstAid.bit() | Skill::Driving4x4.bit(),
        VolunteerLanguage::Tachelhit.bit(),
        AIT_FASKA,
    );
    changed.communes.push(AIT_OURIR.to_owned());
    store
        .update_volunteer(keys, nadia.id, &changed)
        .await
        .unwrap();

    // Missions: (skills, languages, commune, first shift's day).
    let asks: [(&[&str], &[&str], &str, i64); 5] = [
        (&["first_aid", "driving_4x4"], &["shi"], AIT_FASKA, 1),
        (
            &["nursing", "cooking", "logistics"],
            &["ary", "fr"],
            AIT_OURIR,
            2,
        ),
        (&[], &["tzm"], AIT_FASKA, 3),
        (&["search_and_rescue"], &[], "07.041.05.13", 4),
        (
            &["teaching", "child_care", "translation", "administration"],
            &["en"],
            CASABLANCA,
            5,
        ),
    ];
    let (starts, ends) = (day(1), day(10));
    for (i, (skills, languages, commune, first)) in asks.into_iter().enumerate() {
        let first = day(first);
        let m = missions::publish(
            &store,
            &w.scope,
            &MissionInput {
                skills: skills.to_vec(),
                languages: languages.to_vec(),
                commune,
                ..mission_input(&starts, &ends)
            },
            &shift(&first, "08:00", "12:00", "3"),
            Some(&format!("rank-{i}")),
            w.owner.id,
        )
        .await
        .expect("published");
        let (needs, at) = store.mission_needs(&w.scope, m).await.unwrap();
        let near = missions::near_communes(&at);
        let every = store.mission_candidates(m, &near).await.unwrap();
        assert!(every.len() > 50, "mission {i}: {} candidates", every.len());
        for limit in [missions::CANDIDATES, every.len()] {
            let expected = rank(&needs, every.clone(), limit);
            let ranked = store
                .ranked_candidates(m, &needs, &near, limit)
                .await
                .unwrap();
            assert_eq!(ranked.considered, every.len(), "mission {i}");
            let fits: Vec<_> = ranked.best.iter().map(|r| fit(&needs, &r.facts)).collect();
            for (r, f) in ranked.best.iter().zip(&fits) {
                assert_eq!(r.points, f.points, "mission {i}: {:?}", r.facts);
            }
            assert_eq!(fits, expected, "mission {i}, limit {limit}");
        }
        if i == 0 {
            assert_eq!(
                every.iter().filter(|c| c.volunteer_id == nadia_id).count(),
                1
            );
            let first = store.ranked_candidates(m, &needs, &near, 50).await.unwrap();
            assert!(first.best.iter().any(|r| r.facts.volunteer_id == nadia_id));
        }
        let page = missions::candidates(&store, &w.scope, m, missions::CANDIDATES)
            .await
            .unwrap();
        assert_eq!(page.fits, rank(&needs, every.clone(), missions::CANDIDATES));
        assert_eq!(page.considered, every.len());
    }
}

#[tokio::test]
async fn sql_ranking_equals_the_domain_rank_on_sqlite() {
    sql_ranking_equals_the_domain_rank(TestApp::new().await).await;
}

#[tokio::test]
async fn sql_ranking_equals_the_domain_rank_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        sql_ranking_equals_the_domain_rank(app).await;
    }
}
