//! Alerts to phones: phones subscribed by SMS (one in Arabic, one in French, one that sent
//! STOP), the preview's recipients and segments, the broadcast sent once whatever the double
//! submits, its messages in each phone's language through the outbox, and the senders refused:
//! an unverified association, an association outside the communes it serves, an authority
//! outside its territory. On SQLite and PostgreSQL.

use crate::harness::{Response, TestApp, TestUser};
use axum::http::{header, Method, StatusCode};
use twiza_domain::organization::OrgStatus;
use twiza_domain::sms_segments::segments;
use twiza_domain::{OrgRole, OrgScope};
use twiza_i18n::{Arg, Locale, PhoneLanguage, PhoneMessages};
use twiza_web::channels::conversation::answer_sms;
use twiza_web::channels::InboundSms;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const ARABIC_PHONE: &str = "+212611000001";
const FRENCH_PHONE: &str = "+212611000002";
const STOPPED_PHONE: &str = "+212611000003";
const FORM_KEY: &str = "0123456789abcdef0123456789abcdef";

async fn sms(app: &TestApp, id: &str, from: &str, text: &str) -> Option<String> {
    answer_sms(
        &app.state,
        InboundSms {
            gateway: "twilio",
            message_id: id.to_owned(),
            from: from.to_owned(),
            text: text.to_owned(),
        },
    )
    .await
}

/// The part of the page from the element `id` to the end of its table row.
fn row<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

fn warning(appeal: &str) -> Vec<(&'static str, String)> {
    vec![
        ("commune", IGHIL.to_owned()),
        ("kind", "fake_appeal_warning".to_owned()),
        ("fake_appeal", appeal.to_owned()),
        ("form_key", FORM_KEY.to_owned()),
    ]
}

async fn post(app: &TestApp, path: &str, user: &TestUser, form: &[(&str, String)]) -> Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.page(Method::POST, path, Some(user), &pairs).await
}

async fn broadcasts_preview_send_and_refusals(app: TestApp) {
    let phone = PhoneMessages::load().expect("phone messages");
    let geo = twiza_geo::geo();
    let ighil = geo
        .commune(&twiza_geo::CommuneCode::parse(IGHIL).expect("code"))
        .expect("Ighil");

    // Three phones follow Ighil by SMS; the third sends STOP before the alert.
    let r = sms(
        &app,
        "A1",
        ARABIC_PHONE,
        &format!("تنبيه {}", ighil.name_ar),
    )
    .await;
    assert!(r.is_some());
    let r = sms(
        &app,
        "F1",
        FRENCH_PHONE,
        &format!("ALERTE {}", ighil.name_fr),
    )
    .await;
    assert!(r.is_some());
    sms(
        &app,
        "S1",
        STOPPED_PHONE,
        &format!("ALERTE {}", ighil.name_fr),
    )
    .await;
    let keys = &app.state.config.personal_data;
    for p in [ARABIC_PHONE, FRENCH_PHONE, STOPPED_PHONE] {
        let index = keys.blind_index("phone", p);
        assert_eq!(
            app.store.alert_communes(&index).await.expect("q"),
            vec![IGHIL.to_owned()],
            "{p} follows Ighil"
        );
    }
    sms(&app, "S2", STOPPED_PHONE, "STOP").await;

    // A verified association that pledged to cover a need in Ighil.
    let owner = app.user("owner@x.ma", None).await;
    let org = app
        .org(&owner, "Tiwizi Ighil", "1/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    crate::crisis::incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0612345678").await;
    let base = format!("/associations/{}/alerts", org.0);

    // Its home links to the alerts; the form offers Ighil.
    let home = app
        .page(
            Method::GET,
            &format!("/associations/{}/manage", org.0),
            Some(&owner),
            &[],
        )
        .await;
    assert!(home.text().contains(&format!("href=\"{base}\"")));
    let form = app
        .page(Method::GET, &format!("{base}/new"), Some(&owner), &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains(&format!("value=\"{IGHIL}\"")));

    // The preview: two phones, one per language, each with its text's parts.
    let appeal = "TWZ-FAKE1";
    let preview = post(&app, &format!("{base}/preview"), &owner, &warning(appeal)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.text());
    let html = preview.text();
    let arabic = phone.t_args(
        PhoneLanguage::Ar,
        "alert-fake-appeal",
        &[("appeal", Arg::Str(appeal))],
    );
    let french = phone.t_args(
        PhoneLanguage::Fr,
        "alert-fake-appeal",
        &[("appeal", Arg::Str(appeal))],
    );
    let (ar_parts, fr_parts) = (segments(&arabic).parts, segments(&french).parts);
    assert!(
        ar_parts >= 2,
        "an Arabic warning is UCS-2: {ar_parts} parts"
    );
    assert!(html.contains("id=\"recipients\">2<"), "{html}");
    assert!(html.contains(&format!("id=\"parts\">{}<", ar_parts + fr_parts)));
    assert!(html.contains(&app.state.messages.t(Locale::Ar, "alerts-cost-unknown")));
    let ar_row = row(&html, "language-ar");
    assert!(ar_row.contains("class=\"recipients\">1<"), "{ar_row}");
    assert!(ar_row.contains(&format!("class=\"parts\">{ar_parts}<")));
    let fr_row = row(&html, "language-fr");
    assert!(fr_row.contains("class=\"recipients\">1<"), "{fr_row}");
    assert!(fr_row.contains(&format!("class=\"parts\">{fr_parts}<")));
    assert!(row(&html, "language-en").contains("class=\"recipients\">0<"));
    assert!(row(&html, &format!("commune-{IGHIL}")).contains(">2<"));
    assert!(html.contains(&format!("name=\"form_key\" value=\"{FORM_KEY}\"")));
    // Nothing is queued by a preview.
    assert!(app
        .store
        .sms_outbox(10)
        .await
        .expect("q")
        .iter()
        .all(|m| m.kind != "alert"));

    // Sent, and sent again (a double click): one broadcast, two messages.
    let sent = post(&app, &base, &owner, &warning(appeal)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let again = post(&app, &base, &owner, &warning(appeal)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(
        sent.headers[header::LOCATION],
        again.headers[header::LOCATION]
    );
    // The same form key for another alert (changed after going back): refused, not taken for
    // the first.
    let changed = post(&app, &base, &owner, &warning("TWZ-OTHER")).await;
    assert_eq!(changed.status, StatusCode::CONFLICT, "{}", changed.text());
    let broadcasts = app
        .store
        .alert_broadcasts_of(&scope, None, 10)
        .await
        .expect("q");
    assert_eq!(broadcasts.len(), 1);
    let b = &broadcasts[0];
    assert_eq!((b.recipients, b.parts), (2, (ar_parts + fr_parts) as i64));
    assert_eq!(b.fake_appeal, appeal);
    let alerts: Vec<_> = app
        .store
        .sms_outbox(50)
        .await
        .expect("q")
        .into_iter()
        .filter(|m| m.kind == "alert")
        .collect();
    assert_eq!(alerts.len(), 2);
    assert!(alerts
        .iter()
        .all(|m| m.idempotency_key.starts_with(&format!("alert:{}:", b.id))));

    // Each phone gets its language's text; the phone that sent STOP gets nothing.
    assert_eq!(app.last_sms_to(ARABIC_PHONE).await, Some(arabic));
    assert_eq!(app.last_sms_to(FRENCH_PHONE).await, Some(french.clone()));
    assert_ne!(app.last_sms_to(STOPPED_PHONE).await, Some(french));

    // The broadcast's page counts them sent; the list links to it.
    let location = sent.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    assert_eq!(location, format!("{base}/{}?done=sent", b.id));
    let page = app.page(Method::GET, &location, Some(&owner), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains("id=\"sent\">2<"), "{html}");
    assert!(html.contains("id=\"waiting\">0<"));
    let list = app.page(Method::GET, &base, Some(&owner), &[]).await;
    assert!(list.text().contains(&format!("href=\"{base}/{}\"", b.id)));

    // A commune the association does not serve: refused, nothing written.
    let mut asni = warning(appeal);
    asni[0].1 = ASNI.to_owned();
    asni[3].1 = "fedcba9876543210fedcba9876543210".to_owned();
    let r = post(&app, &base, &owner, &asni).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.text().contains(
        &app.state
            .messages
            .t(Locale::Ar, "error-alert-communes-not-served")
    ));

    // A warning against an authorized appeal's code: refused, nothing written.
    let campaign = app.collecting_campaign(&scope, owner.id, "Relief").await;
    let authorized = app
        .store
        .campaign(campaign)
        .await
        .expect("campaign")
        .expect("exists")
        .code;
    let mut real = warning(&authorized);
    real[3].1 = "0123456789abcdef0123456789abcdef".to_owned();
    let r = post(&app, &base, &owner, &real).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert!(r.text().contains(
        &app.state
            .messages
            .t(Locale::Ar, "error-alert-appeal-authorized")
    ));
    assert_eq!(
        app.store
            .alert_broadcasts_of(&scope, None, 10)
            .await
            .expect("q")
            .len(),
        1
    );

    // An unverified association: refused with its code.
    let other = app.user("pending@x.ma", None).await;
    let pending = app
        .org(&other, "Tiwizi en attente", "2/2015", OrgStatus::Pending)
        .await;
    let r = post(
        &app,
        &format!("/associations/{}/alerts/preview", pending.0),
        &other,
        &warning(appeal),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains(
        &app.state
            .messages
            .t(Locale::Ar, "error-organization-not-verified")
    ));

    // An authority outside its territory: refused; inside: a message in both scripts.
    let elsewhere = geo
        .provinces()
        .iter()
        .find(|p| p.code.as_str() != "07.041")
        .expect("another province");
    let outside = app
        .authority("far@x.ma", "province", Some(elsewhere.code.as_str()))
        .await;
    let r = post(
        &app,
        "/authority/alerts/preview",
        &outside,
        &warning(appeal),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r
        .text()
        .contains(&app.state.messages.t(Locale::Ar, "error-outside-territory")));
    let governor = app.authority("gov@x.ma", "province", Some("07.041")).await;
    let message = vec![
        ("commune", IGHIL.to_owned()),
        ("kind", "message".to_owned()),
        (
            "text_arabic",
            "الماء الصالح للشرب متوفر في السوق".to_owned(),
        ),
        ("text_latin", "Eau potable au souk".to_owned()),
        ("form_key", "00000000000000000000000000000001".to_owned()),
    ];
    let r = post(&app, "/authority/alerts/preview", &governor, &message).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(row(&r.text(), "language-fr").contains("Eau potable au souk"));
    let r = post(&app, "/authority/alerts", &governor, &message).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        app.last_sms_to(ARABIC_PHONE).await.as_deref(),
        Some("الماء الصالح للشرب متوفر في السوق")
    );
    assert_eq!(
        app.last_sms_to(FRENCH_PHONE).await.as_deref(),
        Some("Eau potable au souk")
    );
    // The other authority does not see it.
    let theirs = r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned();
    let r = app.page(Method::GET, &theirs, Some(&outside), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn alerts_reach_subscribers_in_their_language_once_and_refuse_others() {
    broadcasts_preview_send_and_refusals(TestApp::new().await).await;
}

#[tokio::test]
async fn alerts_reach_subscribers_in_their_language_once_and_refuse_others_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        broadcasts_preview_send_and_refusals(app).await;
    }
}

/// More phones than one page of subscribers, and a phone following two of the chosen
/// communes: every phone gets one message, the pages read one after the other in the
/// broadcast's transaction.
async fn every_page_of_subscribers_is_queued_once_per_phone(app: TestApp) {
    let keys = &app.state.config.personal_data;
    let total = twiza_store::ALERT_PAGE + 3;
    for i in 0..total {
        let phone = format!("+2126200{i:05}");
        app.store
            .subscribe_alerts(keys, &phone, IGHIL, "fr", "sms")
            .await
            .expect("subscribed");
    }
    // One phone follows Asni too: it is reached once, through Ighil.
    app.store
        .subscribe_alerts(keys, "+212620000000", ASNI, "fr", "sms")
        .await
        .expect("subscribed");
    let governor = app.authority("gov@x.ma", "province", Some("07.041")).await;
    let user = app.store.user(governor.id).await.expect("q").expect("user");
    let alert = twiza_domain::alert::NewAlert::parse(&twiza_domain::alert::AlertInput {
        communes: vec![IGHIL, ASNI],
        kind: "fake_appeal_warning",
        fake_appeal: "TWZ-FAKE2",
        ..Default::default()
    })
    .expect("alert");
    let sender = twiza_app::alerts::AlertSender::Authority(&user);
    let preview =
        twiza_app::alerts::preview(&app.store, &app.state.phone_messages, sender, &alert, 20)
            .await
            .expect("preview");
    assert_eq!(preview.recipients, total);
    assert_eq!(
        preview.communes,
        vec![(IGHIL.to_owned(), total), (ASNI.to_owned(), 0)]
    );
    assert_eq!(preview.cost, Some(preview.parts * 20));
    let (id, new) = twiza_app::alerts::send(
        &app.store,
        keys,
        &app.state.phone_messages,
        sender,
        &alert,
        FORM_KEY,
        20,
    )
    .await
    .expect("sent");
    assert!(new);
    let b = app
        .store
        .authority_alert_broadcast(id)
        .await
        .expect("q")
        .expect("broadcast");
    assert_eq!(b.recipients, total);
    assert_eq!(
        (b.parts, b.estimated_cost),
        (preview.parts, preview.parts * 20)
    );
    let states = app.store.alert_broadcast_states(id).await.expect("q");
    assert_eq!((states.waiting, states.sent, states.failed), (total, 0, 0));
    assert_eq!(
        app.store.alert_broadcast_communes(id).await.expect("q"),
        vec![(ASNI.to_owned(), 0), (IGHIL.to_owned(), total)]
    );
}

#[tokio::test]
async fn every_page_of_subscribers_is_queued_once_per_phone_on_sqlite() {
    every_page_of_subscribers_is_queued_once_per_phone(TestApp::new().await).await;
}

#[tokio::test]
async fn every_page_of_subscribers_is_queued_once_per_phone_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        every_page_of_subscribers_is_queued_once_per_phone(app).await;
    }
}
