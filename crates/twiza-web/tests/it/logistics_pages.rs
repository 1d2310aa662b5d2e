//! The logistics pages, driven as a browser would (session cookie, forms with the CSRF token),
//! on SQLite and PostgreSQL: an in-kind donation received into stock as a lot, moved, counted,
//! delivered to a douar with the family's code, and followed back from the donation; the
//! agent's proof with a photo; convoys with the warning before saving; bad input that writes
//! nothing; the roles each page is for; and stock that never goes below zero under concurrent
//! deliveries.

use crate::harness::{Response, TestApp, TestUser};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;
use twiza_domain::crisis::{DouarInput, NewDouar, NewPledge, PledgeInput};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgId, OrgRole, OrgScope};
use twiza_i18n::Locale;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
const TALAT: &str = "07.041.07.13";
const PHONE: &str = "+212661000000";

/// An association with an incident, a douar of Ighil and an open need there (with the family's
/// phone) that the association pledged to cover, and a collecting campaign.
pub struct Field {
    pub owner: TestUser,
    pub org: OrgId,
    pub scope: OrgScope,
    pub need: i64,
    pub campaign: i64,
}

pub async fn field(app: &TestApp) -> Field {
    let owner = app.user("owner@example.ma", None).await;
    let org = app
        .org(&owner, "Secours Al Haouz", "12/2015", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let incident = crate::crisis::incident(app, owner.id).await;
    let douar = NewDouar::parse(&DouarInput {
        commune: IGHIL,
        name_ar: "تيغزى",
        name_fr: "Tighza",
        name_latin: "Tighza",
        latitude: None,
        longitude: None,
        population: Some(300),
    })
    .expect("douar");
    let douar = app.store.create_douar(&douar).await.expect("douar");
    let r = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &json!({"commune": IGHIL, "douar_id": douar, "category": "shelter", "urgency": "critical",
                    "households": 12, "contact_name": "Fatima", "contact_phone": "0661000000"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let need = r.json()["id"].as_i64().expect("need");
    let pledge = NewPledge::parse(
        &PledgeInput {
            need_id: Some(need),
            commune: IGHIL,
            category: "shelter",
            households: Some(12),
            description: "12 tentes",
            due_on: "2099-01-01",
            ..PledgeInput::default()
        },
        time::macros::date!(2026 - 01 - 01),
    )
    .expect("pledge");
    app.store
        .create_pledge(&scope, incident, &pledge, owner.id)
        .await
        .expect("pledge");
    let campaign = app
        .collecting_campaign(&scope, owner.id, "Tentes pour Ighil")
        .await;
    Field {
        owner,
        org,
        scope,
        need,
        campaign,
    }
}

fn location(r: &Response) -> String {
    r.headers[header::LOCATION]
        .to_str()
        .expect("location")
        .to_owned()
}

/// The id at the end of a redirect (`…/lots/12?done=…` → 12).
fn id_in(location: &str) -> i64 {
    location
        .split('?')
        .next()
        .and_then(|p| p.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("an id in the location")
}

fn message(app: &TestApp, key: &str) -> String {
    app.state.messages.t(Locale::Ar, key)
}

async fn post(app: &TestApp, user: &TestUser, path: &str, form: &[(&str, &str)]) -> Response {
    app.page(Method::POST, path, Some(user), form).await
}

async fn get(app: &TestApp, user: &TestUser, path: &str) -> Response {
    app.page(Method::GET, path, Some(user), &[]).await
}

/// A page in one language, checked light (≤ 30 KB compressed) and with every input labelled.
async fn light_page(app: &TestApp, user: &TestUser, path: &str, lang: &str) -> String {
    let r = app
        .send(
            Request::get(path)
                .header(header::ACCEPT_LANGUAGE, lang)
                .header(header::COOKIE, &user.cookie)
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{path}");
    let html = r.text();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &r.body).expect("gzip");
    let size = gz.finish().expect("gzip").len();
    assert!(size <= 30 * 1024, "{path} in {lang}: {size} bytes");
    assert!(html.contains(&format!(r#"<html lang="{lang}""#)), "{path}");
    for (i, _) in html.match_indices("<input ") {
        let tag = &html[i..i + html[i..].find('>').expect("tag end")];
        if tag.contains("type=\"hidden\"") {
            continue;
        }
        let id = tag
            .split("id=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{path}: input without id: {tag}"));
        assert!(
            html.contains(&format!("for=\"{id}\"")),
            "{path}: {id} unlabelled"
        );
    }
    html
}

/// What a lot holds in each warehouse, as its page lists it.
async fn places(app: &TestApp, scope: &OrgScope, lot: i64) -> Vec<(String, i64)> {
    app.store
        .lot_places(scope, lot)
        .await
        .expect("places")
        .into_iter()
        .map(|p| (p.warehouse, p.quantity))
        .collect()
}

pub async fn warehouse(app: &TestApp, f: &Field, name: &str) -> i64 {
    let r = post(
        app,
        &f.owner,
        &format!("/associations/{}/warehouses", f.org.0),
        &[("name", name), ("commune", ASNI)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    app.store
        .warehouses(&f.scope)
        .await
        .expect("warehouses")
        .into_iter()
        .find(|w| w.name == name)
        .expect("the warehouse")
        .id
}

/// An in-kind donation of `tents` tents recorded through the treasury's page.
async fn in_kind_donation(app: &TestApp, f: &Field, tents: &str, key: &str) -> i64 {
    let r = post(
        app,
        &f.owner,
        &format!("/campaigns/{}/donations", f.campaign),
        &[
            ("kind", "in_kind"),
            ("item_1", "tent"),
            ("quantity_1", tents),
            ("idempotency_key", key),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    location(&r)
        .rsplit("recorded=")
        .next()
        .and_then(|id| id.parse().ok())
        .expect("recorded id")
}

async fn the_trail_from_donation_to_douar(app: &TestApp) {
    let f = field(app).await;
    let org = f.org.0;
    // The association's home leads to the stock, the deliveries and the convoys.
    let home = get(app, &f.owner, &format!("/associations/{org}/manage")).await;
    for link in [
        format!("/associations/{org}/stock"),
        format!("/associations/{org}/deliveries"),
        format!("/associations/{org}/convoys"),
    ] {
        assert!(home.text().contains(&link), "{link}");
    }
    let asni = warehouse(app, &f, "Dépôt d'Asni").await;
    let ijoukak = warehouse(app, &f, "Dépôt d'Ijoukak").await;
    let donation = in_kind_donation(app, &f, "20", "in-kind-tents-0001").await;
    // The campaign's report names the goods as the catalogue does, in the reader's language.
    let report = format!("/campaigns/{}/report", f.campaign);
    for (lang, tent) in [("ar", "خيمة"), ("fr", "Tente familiale")] {
        let html = light_page(app, &f.owner, &report, lang).await;
        assert!(
            html.contains(&format!("<bdi>{tent}</bdi>")),
            "{lang}: {html}"
        );
        assert!(!html.contains("<bdi>tent</bdi>"));
    }

    // The donation is offered when receiving goods; receiving it makes a lot linked to it.
    let form = get(
        app,
        &f.owner,
        &format!("/associations/{org}/stock/receive?donation={donation}"),
    )
    .await;
    assert!(form
        .text()
        .contains(&format!("value=\"{donation}\" selected")));
    let receive = format!("/associations/{org}/stock/receive");
    let asni_s = asni.to_string();
    let donation_s = donation.to_string();
    let receipt = |quantity: &'static str| {
        vec![
            ("warehouse_id", asni_s.as_str()),
            ("source", "in_kind_donation"),
            ("donation_id", donation_s.as_str()),
            ("item", "tent"),
            ("quantity", quantity),
            ("reference", "BL-0001"),
        ]
    };
    let r = post(app, &f.owner, &receive, &receipt("20")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let lot = id_in(&location(&r));
    let lot_page = get(app, &f.owner, &location(&r)).await;
    assert!(lot_page.text().contains("id=\"done\""));
    assert!(lot_page.text().contains("BL-0001"));
    // More than the donation gave of the item: refused next to the quantity, nothing received.
    let r = post(app, &f.owner, &receive, &receipt("1")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"quantity-error\""));
    assert!(r
        .text()
        .contains(&message(app, "error-lot-beyond-donation")));
    // Blankets were not given by that donation.
    let mut blankets = receipt("1");
    blankets[3] = ("item", "blanket");
    let r = post(app, &f.owner, &receive, &blankets).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"donation-error\""));
    assert_eq!(
        places(app, &f.scope, lot).await,
        vec![("Dépôt d'Asni".into(), 20)]
    );

    // Moves: beyond the lot's balance refused, nothing moved; then 5 to Ijoukak.
    let moves = format!("/associations/{org}/lots/{lot}/move");
    let ijoukak_s = ijoukak.to_string();
    for (to, quantity, status, error) in [
        (
            ijoukak_s.as_str(),
            "21",
            StatusCode::CONFLICT,
            "error-insufficient-stock",
        ),
        (
            asni_s.as_str(),
            "1",
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-same-warehouse",
        ),
        (
            ijoukak_s.as_str(),
            "-3",
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-quantity-negative",
        ),
    ] {
        let r = post(
            app,
            &f.owner,
            &moves,
            &[
                ("from_warehouse_id", &asni_s),
                ("to_warehouse_id", to),
                ("quantity", quantity),
            ],
        )
        .await;
        assert_eq!(r.status, status, "{quantity}");
        assert!(r.text().contains(&message(app, error)), "{error}");
    }
    assert_eq!(
        places(app, &f.scope, lot).await,
        vec![("Dépôt d'Asni".into(), 20)]
    );
    let r = post(
        app,
        &f.owner,
        &moves,
        &[
            ("from_warehouse_id", &asni_s),
            ("to_warehouse_id", &ijoukak_s),
            ("quantity", "5"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    // A count at Ijoukak finds 4: the difference is recorded and the stock follows the count.
    let counts = format!("/associations/{org}/lots/{lot}/count");
    let r = post(
        app,
        &f.owner,
        &counts,
        &[("count_warehouse_id", &ijoukak_s), ("counted", "-1")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"counted-error\""));
    let r = post(
        app,
        &f.owner,
        &counts,
        &[("count_warehouse_id", &ijoukak_s), ("counted", "4")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(
        places(app, &f.scope, lot).await,
        vec![("Dépôt d'Asni".into(), 15), ("Dépôt d'Ijoukak".into(), 4)]
    );
    let counted = app
        .store
        .lot_counts(&f.scope, lot, 10)
        .await
        .expect("counts");
    assert_eq!((counted[0].expected, counted[0].counted), (5, 4));

    // A delivery from the lot for the need: beyond the lot's balance, refused, nothing taken.
    let new = get(
        app,
        &f.owner,
        &format!("/associations/{org}/deliveries/new?lot={lot}"),
    )
    .await;
    let choice = format!("{lot}-{asni}");
    assert!(new.text().contains(&format!("value=\"{choice}\" selected")));
    let need_s = f.need.to_string();
    let deliver = |quantity: &'static str| {
        vec![
            ("lot", choice.as_str()),
            ("need_id", need_s.as_str()),
            ("quantity", quantity),
            ("households", "12"),
            ("proof", "otp"),
            ("recipient_phone", ""),
        ]
    };
    let deliveries = format!("/associations/{org}/deliveries");
    let r = post(app, &f.owner, &deliveries, &deliver("16")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"quantity-error\""));
    assert!(r.text().contains(&message(app, "error-insufficient-stock")));
    assert!(app.last_sms_to(PHONE).await.is_none(), "no code was sent");
    assert_eq!(places(app, &f.scope, lot).await[0].1, 15);
    // 12 tents: out of the lot, the code texted to the phone left with the need.
    let r = post(app, &f.owner, &deliveries, &deliver("12")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let delivery_page = location(&r);
    let delivery = id_in(&delivery_page);
    assert_eq!(places(app, &f.scope, lot).await[0].1, 3);
    let text = app.last_sms_to(PHONE).await.expect("the family's code");
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    let page = get(app, &f.owner, &delivery_page).await.text();
    assert!(page.contains("id=\"confirm-form\""));
    assert!(!page.contains("0661000000"), "the phone is never shown");
    // A wrong code says how many tries are left; the right one confirms.
    let confirm = format!("/associations/{org}/deliveries/{delivery}/confirm");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = post(app, &f.owner, &confirm, &[("code", wrong)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = r.text();
    let error = &error[error.find("id=\"code-error\"").expect("next to the code")..];
    assert!(
        error[..error.find("</p>").expect("p")].contains('4'),
        "{error}"
    );
    let r = post(app, &f.owner, &confirm, &[("code", "12ab")]).await;
    assert!(r.text().contains(&message(app, "error-proof-code-invalid")));
    let r = post(app, &f.owner, &confirm, &[("code", &code)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = post(app, &f.owner, &confirm, &[("code", &code)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "a used code");

    // The trail: the lot's page names the delivery and the douar it reached…
    let lot_url = format!("/associations/{org}/lots/{lot}");
    for lang in ["ar", "fr"] {
        let html = light_page(app, &f.owner, &lot_url, lang).await;
        let row = &html[html
            .find(&format!("id=\"trail-{delivery}\""))
            .expect("the delivery")..];
        let row = &row[..row.find("</tr>").expect("row")];
        let douar = if lang == "ar" { "تيغزى" } else { "Tighza" };
        assert!(row.contains(douar), "{lang}: {row}");
        assert!(row.contains("status-delivered"), "{row}");
        light_page(app, &f.owner, &delivery_page, lang).await;
    }
    // …and the treasurer finds the lot from the donation, with what was delivered.
    let treasurer = app
        .member(f.org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    let list = get(
        app,
        &treasurer,
        &format!("/campaigns/{}/donations", f.campaign),
    )
    .await;
    assert_eq!(list.status, StatusCode::OK);
    let row = list.text();
    let row = &row[row
        .find(&format!("id=\"donation-{donation}\""))
        .expect("the donation")..];
    assert!(row.contains(&format!("id=\"donation-{donation}-lot-{lot}\"")));
    let lots = app
        .store
        .donation_lots(&f.scope, &[donation])
        .await
        .expect("lots");
    assert_eq!((lots[0].quantity, lots[0].delivered), (20, 12));
    let trail = get(app, &treasurer, &lot_url).await;
    assert_eq!(
        trail.status,
        StatusCode::OK,
        "the treasurer follows the gift"
    );
    assert!(trail.text().contains("Tighza") || trail.text().contains("تيغزى"));
    assert!(
        !trail.text().contains("id=\"move-form\""),
        "but moves nothing"
    );
    let r = post(
        app,
        &treasurer,
        &moves,
        &[
            ("from_warehouse_id", &asni_s),
            ("to_warehouse_id", &ijoukak_s),
            ("quantity", "1"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The delivery's leaf names the campaign of the gift only when the API is told it; the
    // delivery names its lot.
    let (_, consumed) = app
        .store
        .delivery(&f.scope, delivery)
        .await
        .expect("delivery");
    assert_eq!(consumed, vec![(lot, 12)]);
}

#[tokio::test]
async fn an_in_kind_gift_is_followed_from_the_donation_to_the_douar() {
    the_trail_from_donation_to_douar(&TestApp::new().await).await;
}

#[tokio::test]
async fn an_in_kind_gift_is_followed_from_the_donation_to_the_douar_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        the_trail_from_donation_to_douar(&app).await;
    }
}

/// A lot of `quantity` tents bought with nothing named, received through the page.
pub async fn lot_of(app: &TestApp, f: &Field, warehouse: i64, quantity: &str) -> i64 {
    let r = post(
        app,
        &f.owner,
        &format!("/associations/{}/stock/receive", f.org.0),
        &[
            ("warehouse_id", &warehouse.to_string()),
            ("source", "other"),
            ("item", "tent"),
            ("quantity", quantity),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    id_in(&location(&r))
}

/// A multipart body with the agent's statement and a photo.
async fn agent_proof(app: &TestApp, user: &TestUser, path: &str, photo: &[u8]) -> Response {
    let boundary = "twiza-agent-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"\r\n\r\n\
         Remis à la famille devant le cheikh du douar.\r\n--{boundary}\r\n\
         Content-Disposition: form-data; name=\"photo\"; filename=\"remise.png\"\r\n\
         Content-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(photo);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let r = Request::post(format!("{path}?csrf={}", user.csrf))
        .header(header::COOKIE, &user.cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .expect("req");
    app.send(r).await
}

#[tokio::test]
async fn a_field_agent_confirms_by_code_or_by_statement_and_photo_and_five_wrong_codes_lock() {
    let app = TestApp::new().await;
    let f = field(&app).await;
    let org = f.org.0;
    let depot = warehouse(&app, &f, "Dépôt").await;
    let lot = lot_of(&app, &f, depot, "30").await;
    let agent = app
        .member(f.org, OrgRole::FieldAgent, "agent@example.ma")
        .await;
    // The field agent prepares and confirms deliveries, but runs no stock or convoys.
    for (path, status) in [
        (format!("/associations/{org}/stock"), StatusCode::OK),
        (format!("/associations/{org}/deliveries"), StatusCode::OK),
        (
            format!("/associations/{org}/deliveries/new"),
            StatusCode::OK,
        ),
        (format!("/associations/{org}/lots/{lot}"), StatusCode::OK),
        (
            format!("/associations/{org}/stock/receive"),
            StatusCode::FORBIDDEN,
        ),
        (
            format!("/associations/{org}/convoys"),
            StatusCode::FORBIDDEN,
        ),
    ] {
        assert_eq!(get(&app, &agent, &path).await.status, status, "{path}");
    }
    let choice = format!("{lot}-{depot}");
    let need = f.need.to_string();
    let prepare = |proof: &'static str| {
        vec![
            ("lot", choice.clone()),
            ("need_id", need.clone()),
            ("quantity", "2".to_owned()),
            ("households", "1".to_owned()),
            ("proof", proof.to_owned()),
            ("recipient_phone", "0662000000".to_owned()),
        ]
    };
    let send = |form: Vec<(&'static str, String)>| {
        let app = &app;
        let agent = agent.clone();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(
                app,
                &agent,
                &format!("/associations/{org}/deliveries"),
                &form,
            )
            .await
        }
    };
    // Bad input next to its field, nothing written.
    let mut bad_phone = prepare("otp");
    bad_phone[5].1 = "12".into();
    let r = send(bad_phone).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"phone-error\""));
    let mut zero = prepare("otp");
    zero[2].1 = "0".into();
    let r = send(zero).await;
    assert!(r
        .text()
        .contains(&message(&app, "error-quantity-not-positive")));
    assert_eq!(places(&app, &f.scope, lot).await[0].1, 30);
    assert!(app
        .store
        .deliveries_of(&f.scope, None, 10)
        .await
        .expect("q")
        .is_empty());

    // Five wrong codes lock the delivery, and the page says so.
    let r = send(prepare("otp")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let locked = id_in(&location(&r));
    let confirm = format!("/associations/{org}/deliveries/{locked}/confirm");
    let text = app.last_sms_to("+212662000000").await.expect("code");
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        let r = post(&app, &agent, &confirm, &[("code", wrong)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = post(&app, &agent, &confirm, &[("code", wrong)]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains(&message(&app, "error-proof-locked")));
    let r = post(&app, &agent, &confirm, &[("code", &code)]).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "even the right code, once locked"
    );
    let page = get(
        &app,
        &agent,
        &format!("/associations/{org}/deliveries/{locked}"),
    )
    .await;
    assert!(page.text().contains("id=\"locked\""));

    // A family without a phone: the agent's statement and a photo; a file that is no image
    // is refused next to the photo, and nothing is confirmed.
    let r = send(prepare("agent")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let by_agent = id_in(&location(&r));
    let proof = format!("/associations/{org}/deliveries/{by_agent}/confirm-by-agent");
    let r = agent_proof(&app, &agent, &proof, b"%PDF-1.4 not a photo").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert!(r.text().contains("id=\"photo-error\""));
    assert!(r.text().contains(&message(&app, "error-invalid-photo")));
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    let r = agent_proof(&app, &agent, &proof, &png).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let (d, _) = app
        .store
        .delivery(&f.scope, by_agent)
        .await
        .expect("delivery");
    assert_eq!(d.status, "delivered");
    for lang in ["ar", "fr", "zgh", "en"] {
        light_page(
            &app,
            &agent,
            &format!("/associations/{org}/deliveries/{by_agent}"),
            lang,
        )
        .await;
        light_page(
            &app,
            &agent,
            &format!("/associations/{org}/deliveries/{locked}"),
            lang,
        )
        .await;
    }
}

async fn convoys_warn_before_saving(app: &TestApp) {
    let f = field(app).await;
    let org = f.org.0;
    let incident = app
        .store
        .need(f.need)
        .await
        .expect("q")
        .expect("need")
        .incident_id;
    // Talat N'Yaaqoub waits for 40 households; Asni has no need at all.
    let r = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &json!({"commune": TALAT, "category": "food", "urgency": "high", "households": 40}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let depot = warehouse(app, &f, "Dépôt").await;
    let lot = lot_of(app, &f, depot, "100").await;
    let form = get(
        app,
        &f.owner,
        &format!("/associations/{org}/convoys/new?incident={incident}"),
    )
    .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("id=\"convoy-form\""));
    let (incident_s, depot_s, lot_s) = (incident.to_string(), depot.to_string(), lot.to_string());
    let convoy = |commune: &'static str, quantity: &'static str, date: &'static str| {
        vec![
            ("incident_id", incident_s.clone()),
            ("warehouse_id", depot_s.clone()),
            ("commune", commune.to_owned()),
            ("douar_id", String::new()),
            ("vehicle", "Camion 12 t".to_owned()),
            ("driver", "Brahim".to_owned()),
            ("route", "Marrakech – Asni".to_owned()),
            ("departs_on", date.to_owned()),
            ("lot_1", lot_s.clone()),
            ("quantity_1", quantity.to_owned()),
        ]
    };
    let owner = &f.owner;
    let plan = |form: Vec<(&'static str, String)>| async move {
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        post(app, owner, &format!("/associations/{org}/convoys"), &form).await
    };
    // Bad input: beyond the lot, a past date, no manifest.
    let r = plan(convoy(TALAT, "101", "2099-01-01")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains(&message(app, "error-insufficient-stock")));
    let r = plan(convoy(TALAT, "10", "2020-01-01")).await;
    assert!(r.text().contains("id=\"departs-error\""));
    let mut empty = convoy(TALAT, "", "2099-01-01");
    empty[8].1 = String::new();
    let r = plan(empty).await;
    assert!(r.text().contains("id=\"manifest-error\""), "{}", r.text());
    assert!(app
        .store
        .convoys_of(&f.scope, None, 10)
        .await
        .expect("q")
        .is_empty());
    // To Asni: the warning first, nothing saved; confirmed, the convoy is planned.
    let r = plan(convoy(ASNI, "60", "2099-01-01")).await;
    assert_eq!(r.status, StatusCode::OK);
    let check = r.text();
    assert!(check.contains("id=\"covered-warning\""));
    assert!(check.contains("id=\"uncovered-neighbours\""));
    assert!(app
        .store
        .convoys_of(&f.scope, None, 10)
        .await
        .expect("q")
        .is_empty());
    let mut confirmed = convoy(ASNI, "60", "2099-01-01");
    confirmed.push(("confirm", "yes".to_owned()));
    let r = plan(confirmed).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    // To Talat, where households wait: no warning, saved at once.
    let r = plan(convoy(TALAT, "40", "2099-01-01")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let convoys = app.store.convoys_of(&f.scope, None, 10).await.expect("q");
    assert_eq!(convoys.len(), 2);
    assert_eq!(
        app.store
            .convoy_lots(&f.scope, convoys[1].id)
            .await
            .expect("q"),
        vec![(lot, "tent".to_owned(), 60)]
    );
    // Left, then arrived; no going back.
    let status = format!("/associations/{org}/convoys/{}/status", convoys[1].id);
    for step in ["left", "arrived"] {
        let r = post(app, &f.owner, &status, &[("status", step)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}");
    }
    let r = post(app, &f.owner, &status, &[("status", "left")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("id=\"convoys-error\""));
    let list = get(app, &f.owner, &format!("/associations/{org}/convoys")).await;
    assert!(list.text().contains("status-arrived"));
}

#[tokio::test]
async fn a_convoy_to_a_covered_place_is_confirmed_before_it_is_saved() {
    convoys_warn_before_saving(&TestApp::new().await).await;
}

#[tokio::test]
async fn a_convoy_to_a_covered_place_is_confirmed_before_it_is_saved_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        convoys_warn_before_saving(&app).await;
    }
}

#[tokio::test]
async fn logistics_pages_are_for_their_roles() {
    let app = TestApp::new().await;
    let f = field(&app).await;
    let org = f.org.0;
    let depot = warehouse(&app, &f, "Dépôt").await;
    let lot = lot_of(&app, &f, depot, "5").await;
    let pages = [
        format!("/associations/{org}/stock"),
        format!("/associations/{org}/stock/receive"),
        format!("/associations/{org}/lots/{lot}"),
        format!("/associations/{org}/deliveries"),
        format!("/associations/{org}/deliveries/new"),
        format!("/associations/{org}/convoys"),
        format!("/associations/{org}/convoys/new"),
    ];
    // Which page each role opens: logistics roles all; the field agent stock, lots and
    // deliveries; the treasurer only a lot (to follow a gift); a volunteer none.
    let expect = |role: OrgRole, path: &str| -> bool {
        match role {
            OrgRole::Owner | OrgRole::Admin | OrgRole::Coordinator => true,
            OrgRole::FieldAgent => !path.contains("/receive") && !path.contains("/convoys"),
            OrgRole::Treasurer => path.contains("/lots/"),
            OrgRole::Volunteer => false,
        }
    };
    for role in OrgRole::ALL {
        let user = if role == OrgRole::Owner {
            f.owner.clone()
        } else {
            app.member(f.org, role, &format!("{}@example.ma", role.as_str()))
                .await
        };
        for path in &pages {
            let status = get(&app, &user, path).await.status;
            let want = if expect(role, path) {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(status, want, "{role:?} {path}");
        }
        // Only logistics roles receive goods.
        let r = post(
            &app,
            &user,
            &format!("/associations/{org}/stock/receive"),
            &[
                ("warehouse_id", &depot.to_string()),
                ("source", "other"),
                ("item", "tent"),
                ("quantity", "1"),
            ],
        )
        .await;
        let want = if expect(role, "/convoys") {
            StatusCode::SEE_OTHER
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(r.status, want, "{role:?} receives");
    }
    // Another association's member sees none of it.
    let stranger = app.user("stranger@example.ma", None).await;
    app.org(&stranger, "Autre", "99/2016", OrgStatus::Verified)
        .await;
    for path in &pages {
        let status = get(&app, &stranger, path).await.status;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
            "{path}: {status}"
        );
    }
}

async fn concurrent_deliveries(app: &TestApp) {
    let f = field(app).await;
    let depot = warehouse(app, &f, "Dépôt").await;
    let lot = lot_of(app, &f, depot, "10").await;
    let incident = app
        .store
        .need(f.need)
        .await
        .expect("q")
        .expect("need")
        .incident_id;
    let mut tasks = Vec::new();
    for _ in 0..24 {
        let store = app.store.clone();
        let scope = f.scope;
        let delivery = twiza_store::NewDelivery {
            incident_id: incident,
            need_id: f.need,
            warehouse_id: depot,
            item: "tent".into(),
            quantity: 1,
            households: 1,
            campaign_id: None,
            household_id: None,
            lot_id: Some(lot),
        };
        let by = f.owner.id;
        tasks.push(tokio::spawn(async move {
            store.create_delivery(&scope, &delivery, None, by).await
        }));
    }
    let mut done = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(_) => done += 1,
            Err(twiza_store::StoreError::Refused(twiza_domain::Refusal::InsufficientStock)) => {}
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(done, 10, "exactly the lot's ten tents went out");
    assert!(
        places(app, &f.scope, lot).await.is_empty(),
        "nothing below zero"
    );
    let stock = app.store.stock(&f.scope).await.expect("stock");
    assert_eq!(stock[0].quantity, 0);
}

#[tokio::test]
async fn stock_never_goes_below_zero_under_concurrent_deliveries() {
    concurrent_deliveries(&TestApp::new().await).await;
}

#[tokio::test]
async fn stock_never_goes_below_zero_under_concurrent_deliveries_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        concurrent_deliveries(&app).await;
    }
}

/// A delivery names its household by the household's reference; the household's page reads in
/// the reader's language: its deliveries (the item of the catalogue, the status in words) and
/// its access log (what was read and why), never the stored codes.
async fn household_page_in_words(app: &TestApp) {
    let f = field(app).await;
    let org = f.org.0;
    let depot = warehouse(app, &f, "Dépôt").await;
    let lot = lot_of(app, &f, depot, "30").await;
    let r = app
        .post_json(
            &format!("/api/v1/organizations/{org}/households"),
            Some(f.owner.token.as_str()),
            &crate::registry::household_body("Mohamed", "BE819283"),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let household = r.json()["id"].as_i64().expect("household");
    let reference = r.json()["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    assert!(reference.starts_with("HH-"));
    // The delivery form names the household by its reference, as on its card; an unknown
    // reference is refused next to the field, and nothing leaves the stock.
    let choice = format!("{lot}-{depot}");
    let need = f.need.to_string();
    let owner = &f.owner;
    let deliver = |household: String| {
        let (choice, need) = (choice.clone(), need.clone());
        async move {
            post(
                app,
                owner,
                &format!("/associations/{org}/deliveries"),
                &[
                    ("lot", choice.as_str()),
                    ("need_id", need.as_str()),
                    ("household", household.as_str()),
                    ("quantity", "2"),
                    ("households", "1"),
                    ("proof", "otp"),
                    ("recipient_phone", "0662000000"),
                ],
            )
            .await
        }
    };
    let form = get(
        app,
        &f.owner,
        &format!("/associations/{org}/deliveries/new"),
    )
    .await
    .text();
    assert!(form.contains("name=\"household\"") && !form.contains("name=\"household_id\""));
    let r = deliver("HH-NOSUCH1".to_owned()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("id=\"household-error\""));
    assert!(r.text().contains(&message(app, "error-unknown-household")));
    assert_eq!(places(app, &f.scope, lot).await[0].1, 30);
    let r = deliver(reference.to_lowercase()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let delivery = id_in(&location(&r));
    let file = app
        .store
        .subject_export(
            &f.scope,
            &app.state.config.personal_data,
            household,
            twiza_store::Reader {
                account: f.owner.id,
                purpose: "case_review",
            },
        )
        .await
        .expect("file");
    assert_eq!(
        file.deliveries.len(),
        1,
        "delivery {delivery} is the household's"
    );
    let path = format!("/associations/{org}/households/{household}");
    for (lang, locale) in [("ar", Locale::Ar), ("fr", Locale::Fr)] {
        let html = light_page(app, &f.owner, &path, lang).await;
        let t = |key: &str| app.state.messages.t(locale, key);
        let deliveries = &html[html.find("id=\"delivery-list\"").expect("deliveries")..];
        let deliveries = &deliveries[..deliveries.find("</ul>").expect("end")];
        let tent = if lang == "ar" {
            "خيمة"
        } else {
            "Tente familiale"
        };
        assert!(deliveries.contains(tent), "{lang}: {deliveries}");
        assert!(
            deliveries.contains(&t("delivery-status-awaiting")),
            "{deliveries}"
        );
        assert!(!deliveries.contains("tent<") && !deliveries.contains("awaiting"));
        let log = &html[html.find("id=\"read-list\"").expect("access log")..];
        let log = &log[..log.find("</table>").expect("end")];
        assert!(log.contains(&t("registry-read-household")), "{lang}: {log}");
        assert!(
            log.contains(&t("registry-why-case-review")),
            "{lang}: {log}"
        );
        assert!(
            !log.contains("case_review") && !log.contains("identifiers"),
            "{log}"
        );
    }
}

#[tokio::test]
async fn a_delivery_names_its_household_by_reference_and_the_household_page_reads_in_words() {
    household_page_in_words(&TestApp::new().await).await;
}

#[tokio::test]
async fn a_delivery_names_its_household_by_reference_and_the_household_page_reads_in_words_on_postgres(
) {
    if let Some(app) = TestApp::postgres().await {
        household_page_in_words(&app).await;
    }
}
