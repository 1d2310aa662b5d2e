//! Feature phones: whole USSD sessions over HTTP in the four USSD languages for every menu
//! (checking an appeal, authorized and unknown; reporting a need that then shows on the
//! incident's coverage; following it; filing a grievance; subscribing to alerts), every screen
//! measured; the bad inputs (unknown code, empty text, a 1,000-character answer, emoji, a
//! commune that matches nothing, a session that jumps past its end, a wrong service code or
//! address); and SMS commands through `answer_sms` in several languages, with replay, the rate
//! limit, STOP and the reply lengths.

use crate::harness::TestApp;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Method, Request, StatusCode};
use twiza_domain::crisis::{IncidentInput, NewIncident};
use twiza_domain::organization::OrgStatus;
use twiza_domain::sms_segments::{segments, SmsEncoding};
use twiza_domain::{OrgRole, OrgScope, PlatformRole};
use twiza_i18n::{Arg, PhoneLanguage, PhoneMessages};
use twiza_store::GrievanceFilter;
use twiza_web::channels::conversation::answer_sms;
use twiza_web::channels::{InboundSms, UssdSetting};
use twiza_web::WebConfig;

const ASNI: &str = "07.041.07.03";
const SERVICE: &str = "*1212#";
const GATEWAY: [u8; 4] = [127, 0, 0, 1];

/// What the tests work with: an app with USSD on, a collecting campaign's code, an incident in
/// Asni and a household's reference.
struct World {
    app: TestApp,
    code: String,
    incident: i64,
    household: i64,
    household_reference: String,
    scope: OrgScope,
}

async fn world() -> World {
    let app = TestApp::with_config(WebConfig {
        ussd: Some(UssdSetting {
            service_code: SERVICE.to_owned(),
            allowed_addresses: vec![GATEWAY.into()],
            secret: None,
        }),
        // Sessions here take more steps than a person types; the limit has its own test.
        ussd_steps_per_minute: 0,
        ..WebConfig::default()
    })
    .await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Asni", "1/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let campaign = app.collecting_campaign(&scope, owner.id, "Relief").await;
    let code = app
        .store
        .campaign(campaign)
        .await
        .expect("campaign")
        .expect("exists")
        .code;
    let authority = app.user("gov@x.ma", Some(PlatformRole::Authority)).await;
    let input = IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال الحوز",
        title_fr: "Séisme d'Al Haouz",
        started_on: "2023-09-08",
        communes: vec![ASNI],
    };
    let incident = app
        .store
        .declare_incident(&NewIncident::parse(&input).expect("incident"), authority.id)
        .await
        .expect("declare");
    let body = crate::registry::household_body("Lahcen", "JT123456");
    let today = time::OffsetDateTime::now_utc().date();
    let record = twiza_web::api::registry::record_from_json(&body, today).expect("record");
    let (household, household_reference) = app
        .store
        .register_household(&scope, &app.state.config.personal_data, &record, owner.id)
        .await
        .expect("household");
    World {
        app,
        code,
        incident,
        household,
        household_reference,
        scope,
    }
}

fn messages() -> PhoneMessages {
    PhoneMessages::load().expect("phone messages")
}

/// One USSD request from `from`; checks the reply's form and that its screen fits.
async fn ussd_from(
    app: &TestApp,
    from: [u8; 4],
    service: &str,
    session: &str,
    text: &str,
) -> (StatusCode, String) {
    let form = serde_urlencoded::to_string([
        ("sessionId", session),
        ("serviceCode", service),
        ("phoneNumber", "+212612345678"),
        ("networkCode", "60401"),
        ("text", text),
    ])
    .expect("form");
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/channels/ussd/africastalking")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    request
        .extensions_mut()
        .insert(ConnectInfo(std::net::SocketAddr::from((from, 40000))));
    let response = app.send(request).await;
    (response.status, response.text())
}

/// The last `text` sent in each session, per app (tests run side by side).
static SESSIONS: std::sync::Mutex<Vec<(std::path::PathBuf, String, String)>> =
    std::sync::Mutex::new(Vec::new());

/// One step of a session as a phone takes it: every answer before `text` not sent yet in this
/// session is sent first, one at a time (each a `CON` screen), as a gateway does.
async fn ussd(app: &TestApp, session: &str, text: &str) -> String {
    let dir = app.data_dir().to_owned();
    let last = SESSIONS
        .lock()
        .expect("sessions")
        .iter()
        .find(|(d, s, _)| *d == dir && s == session)
        .map(|(_, _, t)| t.clone());
    let answers: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        text.split('*').collect()
    };
    // "", then the first answer, the first two…
    let steps: Vec<String> = (0..=answers.len())
        .map(|k| answers[..k].join("*"))
        .collect();
    // Steps already taken in this session are not sent again.
    let from = match &last {
        Some(last) => steps
            .iter()
            .position(|t| t == last)
            .map_or(steps.len() - 1, |i| i + 1)
            .min(steps.len() - 1),
        None => 0,
    };
    let mut reply = String::new();
    for (i, step) in steps[from..].iter().enumerate() {
        reply = ussd_once(app, session, step).await;
        if from + i + 1 < steps.len() {
            assert!(reply.starts_with("CON "), "{step}: {reply}");
        }
    }
    let mut sessions = SESSIONS.lock().expect("sessions");
    sessions.retain(|(d, s, _)| !(*d == dir && s == session));
    sessions.push((dir, session.to_owned(), text.to_owned()));
    reply
}

/// One request as it comes, without the steps before it; checks the reply's form and length.
async fn ussd_once(app: &TestApp, session: &str, text: &str) -> String {
    let (status, reply) = ussd_from(app, GATEWAY, SERVICE, session, text).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    assert!(
        reply.starts_with("CON ") || reply.starts_with("END "),
        "{reply}"
    );
    let screen = &reply[4..];
    assert!(
        screen.chars().count() <= 182,
        "{} characters: {screen}",
        screen.chars().count()
    );
    reply
}

fn con(reply: &str) -> &str {
    reply
        .strip_prefix("CON ")
        .unwrap_or_else(|| panic!("expected CON: {reply}"))
}

fn end(reply: &str) -> &str {
    reply
        .strip_prefix("END ")
        .unwrap_or_else(|| panic!("expected END: {reply}"))
}

/// The answers that choose Asni after typing `typed`: the name, then its number in the list
/// when several communes match.
fn asni_steps(typed: &str) -> String {
    let found = twiza_geo::geo().search_communes(typed, 5);
    let position = found
        .iter()
        .position(|c| c.code.as_str() == ASNI)
        .expect("Asni is found");
    if found.len() == 1 {
        typed.to_owned()
    } else {
        format!("{typed}*{}", position + 1)
    }
}

fn asni_name(language: PhoneLanguage) -> String {
    let code = twiza_geo::CommuneCode::parse(ASNI).expect("code");
    let commune = twiza_geo::geo().commune(&code).expect("Asni");
    if language.is_arabic_script() {
        commune.name_ar.clone()
    } else {
        commune.name_fr.clone()
    }
}

async fn households_needed_in_asni(w: &World) -> i64 {
    let coverage = w
        .app
        .get(&format!("/api/v1/incidents/{}/coverage", w.incident), None)
        .await
        .json();
    coverage
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["commune"] == ASNI && c["douar_id"].is_null())
        .and_then(|c| c["households_needed"].as_i64())
        .unwrap_or(0)
}

async fn grievances(w: &World) -> Vec<twiza_store::GrievanceView> {
    w.app
        .store
        .grievances(
            &w.scope,
            GrievanceFilter {
                status: None,
                household_id: Some(w.household),
                overdue: false,
            },
        )
        .await
        .expect("grievances")
}

#[tokio::test]
async fn ussd_sessions_in_the_four_languages_cover_every_menu() {
    let w = world().await;
    let m = messages();
    let first = con(&ussd(&w.app, "first", "").await).to_owned();
    for l in PhoneLanguage::USSD {
        assert!(first.contains(&m.t(l, "phone-language-name")), "{first}");
    }
    let index = w
        .app
        .state
        .config
        .personal_data
        .blind_index("phone", "+212612345678");
    let mut households = 0;
    for (i, l) in PhoneLanguage::USSD.into_iter().enumerate() {
        let d = i + 1;
        let s = |menu: &str| format!("{l}-{menu}");
        // The main menu, in the language chosen.
        assert_eq!(con(&ussd(&w.app, &s("menu"), &d.to_string()).await), {
            let back = m.t(l, "ussd-back");
            format!("{}\n{back}", m.t(l, "ussd-menu"))
        });

        // 1: an authorized appeal, and an unknown code.
        assert_eq!(
            con(&ussd(&w.app, &s("check"), &format!("{d}*1")).await),
            format!("{}\n{}", m.t(l, "ussd-ask-code"), m.t(l, "ussd-back"))
        );
        let valid = ussd(&w.app, &s("check"), &format!("{d}*1*{}", w.code)).await;
        let valid = end(&valid);
        assert!(
            valid.contains(&w.code) && valid.contains("SGG-1"),
            "{valid}"
        );
        assert!(valid.contains(&m.t(l, "phone-authority-sgg")), "{valid}");
        let unknown = ussd(&w.app, &s("unknown"), &format!("{d}*1*TWZ-ZZZZ")).await;
        assert_eq!(
            end(&unknown),
            m.t_args(l, "phone-code-unknown", &[("code", Arg::Str("TWZ-ZZZZ"))])
        );

        // 2: a need in Asni, typed in the language's script; confirmed twice, recorded once.
        let typed = asni_name(l);
        let chosen = format!("{d}*2*{}", asni_steps(&typed));
        let category = ussd(&w.app, &s("need"), &chosen).await;
        assert!(con(&category).starts_with(&m.t(l, "ussd-ask-category")));
        let confirm = ussd(&w.app, &s("need"), &format!("{chosen}*1*1*7")).await;
        assert!(con(&confirm).contains('7'), "{confirm}");
        let recorded = ussd(&w.app, &s("need"), &format!("{chosen}*1*1*7*1")).await;
        let again = ussd(&w.app, &s("need"), &format!("{chosen}*1*1*7*1")).await;
        assert_eq!(recorded, again, "a repeated final step answers the same");
        households += 7;
        assert_eq!(households_needed_in_asni(&w).await, households);
        let reference = end(&recorded)
            .split(|c: char| c.is_whitespace() || c == ':' || c == '.' || c == '،')
            .find(|w| w.starts_with("N-"))
            .unwrap_or_else(|| panic!("a reference in {recorded}"))
            .to_owned();

        // 3: following it.
        let status = ussd(&w.app, &s("follow"), &format!("{d}*3*{reference}")).await;
        let shown = m.t(l, "phone-status-reported");
        assert!(
            end(&status).contains(&reference) && end(&status).contains(&shown),
            "{status}"
        );

        // 4: a grievance for the household, on a payment not received.
        let before = grievances(&w).await.len();
        let filed = ussd(
            &w.app,
            &s("grievance"),
            &format!("{d}*4*{}*3*1", w.household_reference),
        )
        .await;
        let listed = grievances(&w).await;
        assert_eq!(listed.len(), before + 1, "{filed}");
        let g = listed.iter().max_by_key(|g| g.id).expect("one");
        assert_eq!(
            (g.channel.as_str(), g.subject.as_str()),
            ("ussd", "payment_not_received")
        );
        assert!(end(&filed).contains(&g.id.to_string()), "{filed}");

        // 5: alerts for Asni, then stopped from the menu.
        let steps = format!("{d}*5*{}", asni_steps(&typed));
        let on = ussd(&w.app, &s("alerts"), &format!("{steps}*1")).await;
        assert!(
            end(&on).contains(&twiza_app::phone::cut(&typed, 24)),
            "{on}"
        );
        assert_eq!(
            w.app.store.alert_communes(&index).await.expect("q"),
            vec![ASNI.to_owned()]
        );
        ussd(&w.app, &s("alerts-off"), &format!("{steps}*2")).await;
        assert!(w
            .app
            .store
            .alert_communes(&index)
            .await
            .expect("q")
            .is_empty());
    }
    // Every screen of the menus, in every language, fits.
    for l in PhoneLanguage::USSD {
        for screen in twiza_app::phone::ussd::every_screen(&m, l, "a") {
            assert!(screen.chars().count() <= 182, "{l}: {screen}");
        }
    }
}

#[tokio::test]
async fn bad_ussd_input_ends_clearly_and_writes_nothing() {
    let w = world().await;
    let m = messages();
    let fr = PhoneLanguage::Fr;
    let needs = households_needed_in_asni(&w).await;
    let grievance_count = grievances(&w).await.len();

    // Another service code, another address.
    let (status, wrong) = ussd_from(&w.app, GATEWAY, "*999#", "w1", "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(wrong.starts_with("END ") && wrong.contains(&m.t(fr, "ussd-wrong-service")));
    let (status, _) = ussd_from(&w.app, [10, 0, 0, 9], SERVICE, "w2", "").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let invalid = m.t(fr, "phone-invalid-choice");
    // A language that does not exist: Arabic and French.
    let reply = ussd(&w.app, "b1", "7").await;
    assert!(
        end(&reply).contains(&invalid)
            && end(&reply).contains(&m.t(PhoneLanguage::Ar, "phone-invalid-choice"))
    );
    assert_eq!(end(&ussd(&w.app, "b2", "4*9").await), invalid);
    assert_eq!(end(&ussd(&w.app, "b3", "4*😀").await), invalid);
    assert_eq!(
        end(&ussd(&w.app, "b4", &format!("4*{}", "1".repeat(1000))).await),
        invalid
    );
    // An empty answer where a choice is due.
    assert_eq!(end(&ussd(&w.app, "b5", "4*").await), invalid);
    // An unknown code.
    assert_eq!(
        end(&ussd(&w.app, "b6", "4*1*TWZ-0000").await),
        m.t_args(fr, "phone-code-unknown", &[("code", Arg::Str("TWZ-0000"))])
    );
    // A commune that matches nothing.
    assert_eq!(
        end(&ussd(&w.app, "b7", "4*2*qqqqzzzz").await),
        m.t(fr, "phone-commune-none")
    );
    assert_eq!(
        end(&ussd(&w.app, "b7b", "4*5*😀😀").await),
        m.t(fr, "phone-commune-none")
    );
    // Households that are no number; a need cancelled at the confirmation.
    let asni = format!("4*2*{}", asni_steps("Asni"));
    assert_eq!(
        end(&ussd(&w.app, "b8", &format!("{asni}*1*1*beaucoup")).await),
        m.t(fr, "phone-invalid-number")
    );
    assert_eq!(
        end(&ussd(&w.app, "b9", &format!("{asni}*1*1*5*2")).await),
        m.t(fr, "phone-cancelled")
    );
    // Sessions that jump to a step they never showed: one that starts at the confirmation of
    // a need, one that skips from the menu to a grievance's confirmation, one that goes on past
    // its end. Nothing is written; the answer says to dial again.
    let jumped = m.t(fr, "phone-session-jumped");
    assert_eq!(
        end(&ussd_once(&w.app, "b10", &format!("{asni}*1*1*5*1")).await),
        jumped
    );
    ussd(&w.app, "b11", "4*4").await;
    assert_eq!(
        end(&ussd_once(&w.app, "b11", &format!("4*4*{}*1*1", w.household_reference)).await),
        jumped
    );
    assert_eq!(
        end(&ussd(&w.app, "b11b", "4*1*TWZ-0000").await),
        m.t_args(fr, "phone-code-unknown", &[("code", Arg::Str("TWZ-0000"))])
    );
    assert_eq!(
        end(&ussd_once(&w.app, "b11b", "4*1*TWZ-0000*1*1").await),
        jumped
    );
    // Another phone in a session that is not its own.
    let form = serde_urlencoded::to_string([
        ("sessionId", "b11"),
        ("serviceCode", SERVICE),
        ("phoneNumber", "+212699999999"),
        ("text", "4*4*HH-X"),
    ])
    .expect("form");
    let mut request = Request::builder()
        .method(Method::POST)
        .uri("/channels/ussd/africastalking")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .expect("request");
    request
        .extensions_mut()
        .insert(ConnectInfo(std::net::SocketAddr::from((GATEWAY, 40000))));
    assert_eq!(w.app.send(request).await.text(), format!("END {jumped}"));
    // An unknown household.
    assert_eq!(
        end(&ussd(&w.app, "b12", "4*4*HH-NOBODY*1*1").await),
        m.t(fr, "phone-household-unknown")
    );
    // `0` goes back: from the code to the menu.
    assert_eq!(
        con(&ussd(&w.app, "b13", "4*1*0").await),
        format!("{}\n{}", m.t(fr, "ussd-menu"), m.t(fr, "ussd-back"))
    );
    assert_eq!(households_needed_in_asni(&w).await, needs);
    assert_eq!(grievances(&w).await.len(), grievance_count);
}

/// Sends one text message; returns the reply.
async fn sms(w: &World, id: &str, from: &str, text: &str) -> Option<String> {
    answer_sms(
        &w.app.state,
        InboundSms {
            gateway: "twilio",
            message_id: id.to_owned(),
            from: from.to_owned(),
            text: text.to_owned(),
        },
    )
    .await
}

/// A reply fits in one GSM-7 message, or two UCS-2 parts when it needs UCS-2.
fn fits(reply: &str) {
    let units = segments(reply).units;
    match segments(reply).encoding {
        SmsEncoding::Gsm7 => assert!(units <= 160, "{units} GSM-7 units: {reply}"),
        SmsEncoding::Ucs2 => assert!(units <= 134, "{units} UCS-2 units: {reply}"),
    }
}

#[tokio::test]
async fn sms_commands_in_several_languages() {
    let w = world().await;
    let m = messages();
    let (fr, ary_latn, ar, ary) = (
        PhoneLanguage::Fr,
        PhoneLanguage::AryLatn,
        PhoneLanguage::Ar,
        PhoneLanguage::Ary,
    );
    let phone = "+212611111111";
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("SM{n:04}")
    };

    // An appeal's code from a phone Twiza never heard: Arabic and French.
    let checked = sms(&w, &next(), phone, &w.code.to_lowercase())
        .await
        .expect("reply");
    assert!(checked.contains("SGG-1") && checked.contains(&m.t(ar, "phone-authority-sgg")));
    assert!(
        checked.contains(&m.t(fr, "phone-authority-sgg")),
        "{checked}"
    );

    // A need by SMS in French: commune, category, households.
    let phone = "+212611111112";
    let before = households_needed_in_asni(&w).await;
    let ask = sms(&w, &next(), phone, "BESOIN").await.expect("reply");
    assert_eq!(ask, m.t(fr, "sms-need-ask-commune"));
    fits(&ask);
    let mut reply = sms(&w, &next(), phone, "Asni").await.expect("reply");
    fits(&reply);
    let found = twiza_geo::geo().search_communes("Asni", 5);
    if found.len() > 1 {
        let k = found
            .iter()
            .position(|c| c.code.as_str() == ASNI)
            .expect("Asni")
            + 1;
        reply = sms(&w, &next(), phone, &k.to_string())
            .await
            .expect("reply");
    }
    assert!(reply.starts_with("Envoyez le num"), "{reply}");
    fits(&reply);
    let ask = sms(&w, &next(), phone, "1").await.expect("reply");
    assert_eq!(ask, m.t(fr, "sms-need-ask-households"));
    // Not a number: asked again.
    assert_eq!(
        sms(&w, &next(), phone, "beaucoup").await.expect("reply"),
        ask
    );
    let recorded = sms(&w, &next(), phone, "12").await.expect("reply");
    fits(&recorded);
    assert_eq!(households_needed_in_asni(&w).await, before + 12);
    let reference = recorded
        .split_whitespace()
        .find(|w| w.starts_with("N-"))
        .expect("reference")
        .to_owned();
    // Its status, in the phone's language.
    let status = sms(&w, &next(), phone, &reference).await.expect("reply");
    assert_eq!(
        status,
        m.t_args(
            fr,
            "phone-need-status",
            &[
                ("reference", Arg::Str(&reference)),
                ("status", Arg::Str(&m.t(fr, "phone-status-reported")))
            ]
        )
    );
    fits(&status);

    // Darija in Latin letters and in Arabic script, and Arabic: the language of the keyword.
    let other = "+212622222222";
    let r = sms(&w, &next(), other, "7aja").await.expect("reply");
    assert_eq!(r, m.t(ary_latn, "sms-need-ask-commune"));
    fits(&r);
    let r = sms(&w, &next(), other, "بغيت").await.expect("reply");
    assert_eq!(r, m.t(ary, "sms-need-ask-commune"));
    fits(&r);
    let r = sms(&w, &next(), other, "حاجة").await.expect("reply");
    assert_eq!(r, m.t(ar, "sms-need-ask-commune"));
    let r = sms(&w, &next(), other, "TUXSA").await.expect("reply");
    assert_eq!(r, m.t(PhoneLanguage::ZghLatn, "sms-need-ask-commune"));
    let r = sms(&w, &next(), other, "NEED").await.expect("reply");
    assert_eq!(r, m.t(PhoneLanguage::En, "sms-need-ask-commune"));

    // Alerts: subscribe by name, then STOP ends them all at once.
    let phone = "+212611111113";
    let index = w.app.state.config.personal_data.blind_index("phone", phone);
    let r = sms(&w, &next(), phone, "ALERTE Asni").await.expect("reply");
    fits(&r);
    assert_eq!(
        w.app.store.alert_communes(&index).await.expect("q"),
        vec![ASNI.to_owned()]
    );
    let r = sms(&w, &next(), phone, "STOP").await.expect("reply");
    assert_eq!(r, m.t(fr, "sms-stopped"));
    assert!(w
        .app
        .store
        .alert_communes(&index)
        .await
        .expect("q")
        .is_empty());
    let r = sms(&w, &next(), phone, "TANBIH qqqqzzzz")
        .await
        .expect("reply");
    assert_eq!(r, m.t(ary_latn, "phone-commune-none"));

    // A grievance in Darija (Arabic script), with channel `sms`; replayed, it writes nothing.
    let phone = "+212611111114";
    let id = next();
    let text = format!(
        "شكاية {} ماوصلاتنيش الفلوس",
        w.household_reference.to_lowercase()
    );
    let filed = sms(&w, &id, phone, &text).await.expect("reply");
    fits(&filed);
    let listed = grievances(&w).await;
    assert_eq!(listed.len(), 1, "{filed}");
    assert_eq!(listed[0].channel, "sms");
    assert!(filed.contains(&listed[0].id.to_string()));
    let replay = sms(&w, &id, phone, &text).await.expect("reply");
    assert_eq!(replay, filed, "a message sent again gets the reply it got");
    assert_eq!(grievances(&w).await.len(), 1);
    let r = sms(&w, &next(), phone, "PLAINTE HH-NOBODY rien")
        .await
        .expect("reply");
    assert_eq!(r, m.t(fr, "phone-household-unknown"));
    let r = sms(&w, &next(), phone, "PLAINTE").await.expect("reply");
    assert_eq!(r, m.t(fr, "sms-grievance-usage"));

    // Unknown, empty, very long or emoji text: the help in the phone's language.
    let phone = "+212611111115";
    let r = sms(&w, &next(), phone, "PLAINTE").await.expect("reply");
    assert_eq!(r, m.t(fr, "sms-grievance-usage"));
    for text in ["bonjour", "", &"a".repeat(1000), "😀🙏"] {
        let r = sms(&w, &next(), phone, text).await.expect("reply");
        assert_eq!(r, m.t(fr, "sms-help"), "{text:?}");
        fits(&r);
    }
    // Longer than ten parts: said to be too long, in the phone's language.
    let r = sms(&w, &next(), phone, &"a".repeat(1601))
        .await
        .expect("reply");
    assert_eq!(r, m.t(fr, "sms-too-long"));
    // A phone without history gets the short help in Arabic and French.
    let r = sms(&w, &next(), "+212633333333", "😀")
        .await
        .expect("reply");
    assert_eq!(
        r,
        format!(
            "{}\n{}",
            m.t(ar, "sms-help-short"),
            m.t(fr, "sms-help-short")
        )
    );
    fits(&r);
    assert_eq!(sms(&w, &next(), "", "STOP").await, None);
}

#[tokio::test]
async fn a_need_by_sms_is_written_once_whatever_is_sent_again() {
    let w = world().await;
    let phone = "+212622222229";
    let before = households_needed_in_asni(&w).await;
    sms(&w, "N1", phone, "BESOIN").await.expect("reply");
    sms(&w, "N2", phone, "Asni").await.expect("reply");
    let found = twiza_geo::geo().search_communes("Asni", 5);
    if found.len() > 1 {
        let position = found
            .iter()
            .position(|c| c.code.as_str() == ASNI)
            .expect("Asni");
        sms(&w, "N2b", phone, &(position + 1).to_string())
            .await
            .expect("reply");
    }
    sms(&w, "N3", phone, "1").await.expect("reply");
    let recorded = sms(&w, "N4", phone, "6").await.expect("reply");
    assert!(recorded.contains("N-"), "{recorded}");
    // The same message again: the same reply. The conversation is over: another "6" is help.
    assert_eq!(sms(&w, "N4", phone, "6").await.expect("reply"), recorded);
    assert_eq!(households_needed_in_asni(&w).await, before + 6);
    // A message whose handling was cut short (recorded, no reply kept) is handled again, and
    // its need is not written twice.
    let index = w.app.state.config.personal_data.blind_index("phone", phone);
    w.app
        .store
        .save_phone_conversation(
            &index,
            r#"{"id":"sms:twilio:N1","step":"households","commune":"07.041.07.03","category":"shelter"}"#,
            "fr",
            600,
        )
        .await
        .expect("conversation");
    w.app
        .store
        .record_inbound_message("twilio", "N5", &index, 100)
        .await
        .expect("recorded");
    let again = sms(&w, "N5", phone, "6").await.expect("reply");
    assert_eq!(again, recorded, "the conversation's need is the same need");
    assert_eq!(households_needed_in_asni(&w).await, before + 6);
}

#[tokio::test]
async fn sms_over_the_rate_are_told_once_to_wait() {
    let w = world().await;
    let m = messages();
    let phone = "+212644444444";
    for i in 0..twiza_app::phone::sms::PER_MINUTE {
        let r = sms(&w, &format!("R{i}"), phone, "BESOIN")
            .await
            .expect("reply");
        assert_eq!(r, m.t(PhoneLanguage::Fr, "sms-need-ask-commune"));
    }
    let r = sms(&w, "R-over", phone, "ALERT Asni").await;
    assert_eq!(r, Some(m.t(PhoneLanguage::Fr, "sms-too-many")));
    assert_eq!(sms(&w, "R-over-2", phone, "ALERT Asni").await, None);
    // Nothing was done over the rate.
    let index = w.app.state.config.personal_data.blind_index("phone", phone);
    assert!(w
        .app
        .store
        .alert_communes(&index)
        .await
        .expect("q")
        .is_empty());
    // Another phone is served.
    assert!(sms(&w, "R-other", "+212655555555", "STOP").await.is_some());
}

#[tokio::test]
async fn every_sms_reply_fits_its_parts() {
    let m = messages();
    for l in PhoneLanguage::ALL {
        for key in [
            "sms-help",
            "sms-need-ask-commune",
            "sms-need-ask-households",
            "sms-alert-ask-commune",
            "sms-grievance-usage",
            "sms-too-long",
            "sms-too-many",
            "sms-stopped",
            "phone-need-unknown",
            "phone-household-unknown",
            "phone-commune-none",
            "phone-error",
        ] {
            fits(&m.t(l, key));
        }
    }
}

#[tokio::test]
async fn the_ussd_callback_needs_its_secret_and_limits_steps_per_phone() {
    let app = TestApp::with_config(WebConfig {
        ussd: Some(UssdSetting {
            service_code: SERVICE.to_owned(),
            allowed_addresses: vec![GATEWAY.into()],
            secret: Some("ussd-secret-0123".to_owned()),
        }),
        ussd_steps_per_minute: 3,
        ..WebConfig::default()
    })
    .await;
    let request = |query: &str, phone: &str, session: &str| {
        let form = serde_urlencoded::to_string([
            ("sessionId", session),
            ("serviceCode", SERVICE),
            ("phoneNumber", phone),
            ("text", ""),
        ])
        .expect("form");
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(format!("/channels/ussd/africastalking{query}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form))
            .expect("request");
        request
            .extensions_mut()
            .insert(ConnectInfo(std::net::SocketAddr::from((GATEWAY, 40000))));
        request
    };
    for query in ["", "?secret=ussd-secret-0124", "?secret="] {
        let r = app.send(request(query, "+212612345678", "s0")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{query}");
    }
    let m = messages();
    for i in 0..3 {
        let r = app
            .send(request(
                "?secret=ussd-secret-0123",
                "+212612345678",
                &format!("s{i}"),
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().starts_with("CON "), "{}", r.text());
    }
    // The fourth step in the minute from the same phone: told to wait; another phone goes on.
    let r = app
        .send(request("?secret=ussd-secret-0123", "+212612345678", "s3"))
        .await;
    assert_eq!(
        r.text(),
        format!(
            "END {}\n{}",
            m.t(PhoneLanguage::Ar, "sms-too-many"),
            m.t(PhoneLanguage::Fr, "sms-too-many")
        )
    );
    let r = app
        .send(request("?secret=ussd-secret-0123", "+212611111111", "s4"))
        .await;
    assert!(r.text().starts_with("CON "), "{}", r.text());
}
