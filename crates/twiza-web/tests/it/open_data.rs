//! The open data catalogue: its JSON lists every public dataset with every HDX field, each
//! download answers with its content type and figures, the page reads in four languages within
//! its budget — and, with names, phones, identity numbers and a household's own point seeded
//! in the registry, the needs, deliveries, donations and expenses, no dataset holds any of them.

use crate::harness::{Response, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::{json, Value};
use twiza_domain::crisis::{DouarInput, NewDouar, NewPledge, PledgeInput};
use twiza_domain::donation::{DonationStatus, Gift, PaymentMethod};
use twiza_domain::donor::{DonorIdentity, IdDocument};
use twiza_domain::money::Amount;
use twiza_domain::{OrgRole, OrgScope};
use twiza_store::{NewDelivery, NewDonation, NewExpense};

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";

/// Personal data seeded below: none may appear in any dataset, the catalogue or its page.
const PERSONAL: &[&str] = &[
    // Names: a need's contact, a household's members, a donor, free texts naming people.
    "Zahra",
    "Aitbaha",
    "Secretgiven",
    "Ouhammou",
    "خديجة",
    "أوحمو",
    "Fatima",
    "Zineb",
    "Lahcen",
    // Phones, as written and as stored.
    "0677123456",
    "677123456",
    "0662000111",
    "662000111",
    "0661000000",
    "661000000",
    // Identity numbers.
    "SB123456",
    "BK734921",
    // The exact point a reporter gave, in full and rounded.
    "31.123457",
    "-8.412345",
    "31.1235",
    "-8.4123",
    "31123457",
    // Free texts that may hold anything.
    "maison effondrée",
    "remis en main propre",
    "Facture du grossiste",
];

/// What the scenario seeded: the incident, the published campaign, a draft one.
struct Seeded {
    incident: i64,
    campaign: i64,
    draft: i64,
}

async fn seed(app: &TestApp) -> Seeded {
    let f = crate::logistics_pages::field(app).await;
    let incident = app.store.incidents(None, 10).await.expect("incidents")[0].id;
    let org = f.org;
    let keys = &app.state.config.personal_data;

    // A household of the registry, with its members' names, identity number and phone.
    let today = time::OffsetDateTime::now_utc().date();
    let record = twiza_web::api::registry::record_from_json(
        &crate::registry::household_body("Secretgiven", "SB123456"),
        today,
    )
    .expect("record");
    let (household, _) = app
        .store
        .register_household(&f.scope, keys, &record, f.owner.id)
        .await
        .expect("household");

    // A douar with its point, and a need there given at the family's own point, with a contact
    // and a description naming them; another need without a douar.
    let douar = NewDouar::parse(&DouarInput {
        commune: IGHIL,
        name_ar: "تنيرت",
        name_fr: "Tnirt",
        name_latin: "Tnirt",
        latitude: Some(31.0916),
        longitude: Some(-8.4211),
        population: Some(420),
    })
    .expect("douar");
    let douar = app.store.create_douar(&douar).await.expect("douar");
    let r = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &json!({"commune": IGHIL, "douar_id": douar, "category": "shelter", "urgency": "critical",
                    "households": 3, "latitude": 31.123457, "longitude": -8.412345,
                    "contact_name": "Zahra Aitbaha", "contact_phone": "0677123456",
                    "description": "Famille Aitbaha, maison effondrée, appeler Zahra au 0677123456"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let located = r.json()["id"].as_i64().expect("need");
    let r = app
        .post_json(
            &format!("/api/v1/incidents/{incident}/needs"),
            None,
            &json!({"commune": ASNI, "category": "water", "urgency": "high", "people": 9,
                    "latitude": 31.123457, "longitude": -8.412345,
                    "contact_name": "Lahcen Aitbaha", "contact_phone": "0677123456"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());

    // A pledge whose description names the family.
    let pledge = NewPledge::parse(
        &PledgeInput {
            need_id: Some(located),
            commune: IGHIL,
            category: "shelter",
            households: Some(3),
            description: "Tentes pour Zahra Aitbaha, 0677123456",
            due_on: "2099-01-01",
            ..PledgeInput::default()
        },
        time::macros::date!(2026 - 01 - 01),
    )
    .expect("pledge");
    app.store
        .create_pledge(&f.scope, incident, &pledge, f.owner.id)
        .await
        .expect("pledge");

    // A delivery to the registered household, confirmed by the agent's statement naming them.
    let depot = crate::logistics_pages::warehouse(app, &f, "Dépôt").await;
    let lot = crate::logistics_pages::lot_of(app, &f, depot, "30").await;
    let delivery = app
        .store
        .create_delivery(
            &f.scope,
            &NewDelivery {
                incident_id: incident,
                need_id: f.need,
                warehouse_id: depot,
                item: "tent".into(),
                quantity: 2,
                households: 1,
                campaign_id: Some(f.campaign),
                household_id: Some(household),
                lot_id: Some(lot),
            },
            None,
            f.owner.id,
        )
        .await
        .expect("delivery");
    app.store
        .confirm_delivery_by_agent(
            &f.scope,
            delivery,
            (
                "Tente remis en main propre à Secretgiven Ouhammou, SB123456",
                "image/png",
                b"\x89PNG\r\n\x1a\nphoto",
            ),
            f.owner.id,
        )
        .await
        .expect("confirmed");

    // Donations: one with its donor's identity sealed, one in cash.
    let identity = DonorIdentity {
        full_name: "Zineb Ouhammou".into(),
        document: IdDocument::Cin("BK734921".into()),
        country: "MA".into(),
    };
    app.state
        .sequencer
        .submit(NewDonation {
            campaign_id: f.campaign,
            idempotency_key: "large-gift-0001".into(),
            request_hash: "h".into(),
            gift: Gift::Money {
                amount: Amount::parse("amount", "25000.00").expect("amount"),
                method: PaymentMethod::Card,
            },
            status: DonationStatus::Confirmed,
            provider_reference: Some("pay_00000000000000000000000000000001".into()),
            sealed_identity: Some(
                twiza_app::sealing::seal_donor_identity(
                    keys,
                    f.campaign,
                    "large-gift-0001",
                    &identity,
                )
                .expect("seal"),
            ),
        })
        .await
        .expect("gift");
    app.recorded_donation(f.campaign, "cash-gift-0001").await;

    // An expense whose description names a person, approved by a second member.
    let expense = app
        .store
        .submit_expense(
            &f.scope,
            f.campaign,
            &NewExpense {
                idempotency_key: "expense-0001".into(),
                request_hash: "h".into(),
                amount: Amount::parse("amount", "1200.50").expect("amount"),
                category: twiza_domain::ledger::ExpenseCategory::Programme,
                paid_from: twiza_domain::ledger::PaidFrom::Cash,
                description_ar: "فاتورة".into(),
                description_fr: "Facture du grossiste, payée à Lahcen Aitbaha".into(),
                evidence_type: "application/pdf",
                evidence: b"%PDF-1.7 Lahcen Aitbaha".to_vec(),
            },
            f.owner.id,
        )
        .await
        .expect("expense")
        .0
        .id;
    let treasurer = app
        .member(org, OrgRole::Treasurer, "treasurer@example.ma")
        .await;
    app.store
        .approve_expense(
            &OrgScope::for_member(org, OrgRole::Treasurer),
            expense,
            treasurer.id,
        )
        .await
        .expect("approved");

    let draft = app.campaign(&f.scope, f.owner.id, "Brouillon secret").await;
    Seeded {
        incident,
        campaign: f.campaign,
        draft,
    }
}

fn header_of(r: &Response, name: header::HeaderName) -> String {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The path of a download address (absolute or not).
fn path_of(url: &str) -> &str {
    url.find("/open-data/").map_or(url, |i| &url[i..])
}

fn assert_no_personal_data(what: &str, text: &str) {
    for secret in PERSONAL {
        assert!(!text.contains(secret), "{what} holds {secret:?}:\n{text}");
    }
}

/// `[YYYY-MM-DDT00:00:00 TO YYYY-MM-DDT23:59:59]`.
fn is_hdx_date(value: &str) -> bool {
    let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) else {
        return false;
    };
    let Some((start, end)) = inner.split_once(" TO ") else {
        return false;
    };
    let day = |s: &str| {
        s.len() == 10
            && time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
                .is_ok()
    };
    start.len() == 19
        && end.len() == 19
        && start.ends_with("T00:00:00")
        && end.ends_with("T23:59:59")
        && day(&start[..10])
        && day(&end[..10])
        && start[..10] <= end[..10]
}

async fn catalogue_and_downloads(app: &TestApp) {
    let s = seed(app).await;
    let r = app.get("/open-data/catalogue.json", None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(header_of(&r, header::CONTENT_TYPE).starts_with("application/json"));
    assert_no_personal_data("the catalogue", &r.text());
    let catalogue = r.json();
    assert_eq!(catalogue["license_id"], "cc-by");
    let datasets = catalogue["datasets"].as_array().expect("datasets");

    // Every dataset of the incident and of the published campaign, none of the draft's.
    let mut names: Vec<&str> = datasets
        .iter()
        .map(|d| d["name"].as_str().expect("name"))
        .collect();
    names.sort_unstable();
    let incident = s.incident;
    let mut expected: Vec<String> = ["coverage", "3w", "needs", "deliveries"]
        .iter()
        .map(|k| format!("twiza-incident-{incident}-{k}"))
        .collect();
    let campaign = app
        .store
        .campaign(s.campaign)
        .await
        .expect("read")
        .expect("campaign");
    let slug = campaign.code.to_lowercase().replace(['/', '_', '.'], "-");
    expected.push(format!("twiza-campaign-{slug}-donations"));
    expected.push(format!("twiza-campaign-{slug}-expenses"));
    expected.sort_unstable();
    assert_eq!(names, expected);
    assert!(!r.text().contains(&format!("/campaigns/{}/", s.draft)));

    // Every HDX field, filled.
    for d in datasets {
        for field in [
            "name",
            "title",
            "notes",
            "dataset_source",
            "owner_org",
            "maintainer",
            "dataset_date",
            "data_update_frequency",
            "license_id",
            "methodology",
        ] {
            let value = d[field].as_str().unwrap_or_default();
            assert!(!value.is_empty(), "{field} of {d}");
        }
        for field in ["tags", "groups"] {
            let list = d[field].as_array().expect(field);
            assert!(!list.is_empty(), "{field} of {d}");
            assert!(list.iter().all(|t| t["name"].as_str().is_some()));
        }
        assert!(
            is_hdx_date(d["dataset_date"].as_str().expect("date")),
            "{}",
            d["dataset_date"]
        );
        assert_eq!(d["license_id"], "cc-by");
        assert_eq!(d["groups"], json!([{"name": "mar"}]));
        assert!(["1", "-1"].contains(&d["data_update_frequency"].as_str().expect("frequency")));
        assert!(!d["methodology_other"]
            .as_str()
            .unwrap_or_default()
            .is_empty());
        assert!(d["name"]
            .as_str()
            .expect("name")
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    }
    let coverage = datasets
        .iter()
        .find(|d| d["name"] == format!("twiza-incident-{incident}-coverage"))
        .expect("coverage");
    assert_eq!(
        coverage["dataset_date"].as_str().expect("date")[..20],
        *"[2023-09-08T00:00:00"
    );

    // Every download answers with its type; none holds personal data.
    let mut bodies: Vec<(String, String)> = Vec::new();
    for d in datasets {
        let resource = &d["resources"][0];
        let url = resource["url"].as_str().expect("url");
        let r = app.get(path_of(url), None).await;
        assert_eq!(r.status, StatusCode::OK, "{url}");
        let content_type = header_of(&r, header::CONTENT_TYPE);
        let text = r.text();
        match resource["format"].as_str().expect("format") {
            "CSV" => {
                assert_eq!(content_type, "text/csv; charset=utf-8", "{url}");
                assert_eq!(resource["hxl"], true);
                let hashtags = text.lines().nth(1).unwrap_or_default();
                assert!(
                    hashtags.split(',').all(|t| t.starts_with('#')),
                    "{url}: {hashtags}"
                );
            }
            "GeoJSON" => {
                assert_eq!(content_type, "application/geo+json", "{url}");
                let parsed: Value = serde_json::from_str(&text).expect("GeoJSON");
                assert_eq!(parsed["type"], "FeatureCollection");
            }
            other => panic!("unexpected format {other}"),
        }
        assert_no_personal_data(url, &text);
        bodies.push((path_of(url).to_owned(), text));
    }
    let body = |suffix: &str| {
        bodies
            .iter()
            .find(|(path, _)| path.ends_with(suffix))
            .map(|(_, text)| text.clone())
            .expect(suffix)
    };

    // The figures: placed at the douar's point or the commune's centre, summed per day.
    let needs: Value = serde_json::from_str(&body("needs.geojson")).expect("json");
    let features = needs["features"].as_array().expect("features");
    assert_eq!(features.len(), 3, "{needs}");
    let at_douar = features
        .iter()
        .find(|f| f["properties"]["douar"] == "Tnirt")
        .expect("the need at Tnirt");
    assert_eq!(
        at_douar["geometry"]["coordinates"],
        json!([-8.4211, 31.0916])
    );
    assert_eq!(at_douar["properties"]["located_at"], "douar");
    let in_asni = features
        .iter()
        .find(|f| f["properties"]["commune"] == ASNI)
        .expect("the need in Asni");
    assert_eq!(in_asni["properties"]["located_at"], "commune");
    assert_eq!(in_asni["properties"]["people"], 9);
    for f in features {
        let properties = f["properties"].as_object().expect("properties");
        for absent in ["reference", "description", "contact", "source", "reporter"] {
            assert!(!properties.contains_key(absent), "{absent} in {f}");
        }
    }
    let three_w = body("3w.csv");
    assert!(three_w.contains(",shelter,"), "{three_w}");
    let coverage = body("coverage.csv");
    assert!(
        coverage
            .lines()
            .any(|l| l.contains(IGHIL) && l.contains("Tnirt")),
        "{coverage}"
    );
    let deliveries = body("deliveries.csv");
    let lines: Vec<&str> = deliveries.lines().collect();
    assert_eq!(lines.len(), 3, "{deliveries}");
    assert!(lines[1].starts_with("#date,#adm1+code,"), "{deliveries}");
    assert!(
        lines[2].contains(IGHIL) && lines[2].ends_with(",Secours Al Haouz,1,1"),
        "{deliveries}"
    );
    let donations = body("donations.csv");
    assert!(donations.contains(",money,card,1,25000.00"), "{donations}");
    assert!(donations.contains(",money,cash,1,150.00"), "{donations}");
    let expenses = body("expenses.csv");
    assert!(expenses.contains(",programme,1,1200.50"), "{expenses}");

    // The API's own exports are unchanged; the open data's 3W leaves the pledge's words out.
    let api = app
        .get(
            &format!("/api/v1/incidents/{incident}/exports/3w.csv"),
            None,
        )
        .await;
    assert!(api.text().contains("Tentes pour Zahra Aitbaha"));

    // A draft campaign and an unknown incident have no data here.
    for path in [
        format!("/open-data/campaigns/{}/donations.csv", s.draft),
        format!("/open-data/campaigns/{}/expenses.csv", s.draft),
        "/open-data/incidents/999/3w.csv".to_owned(),
        "/open-data/incidents/999/needs.geojson".to_owned(),
        "/open-data/incidents/999/coverage.csv".to_owned(),
        "/open-data/incidents/999/deliveries.csv".to_owned(),
    ] {
        assert_eq!(
            app.get(&path, None).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }

    // The page, in four languages, light and without script, links every download.
    for lang in ["ar", "fr", "en", "zgh"] {
        let r = app
            .send(
                Request::get("/open-data")
                    .header(header::ACCEPT_LANGUAGE, lang)
                    .body(Body::empty())
                    .expect("request"),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let html = r.text();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{lang}");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &r.body).expect("gzip");
        let size = gz.finish().expect("gzip").len();
        assert!(size <= 30 * 1024, "{lang}: {size} bytes");
        assert!(!html.contains("<script"), "{lang}");
        assert_no_personal_data("the page", &html);
        for (path, _) in &bodies {
            assert!(html.contains(&format!("href=\"{path}\"")), "{lang}: {path}");
        }
        assert!(html.contains("href=\"/open-data/catalogue.json\""));
    }
}

#[tokio::test]
async fn the_catalogue_lists_every_dataset_and_none_holds_personal_data() {
    let app = TestApp::new().await;
    catalogue_and_downloads(&app).await;
}

#[tokio::test]
async fn the_catalogue_lists_every_dataset_and_none_holds_personal_data_on_postgres() {
    if let Some(app) = TestApp::postgres().await {
        catalogue_and_downloads(&app).await;
    }
}

#[tokio::test]
async fn an_empty_catalogue_says_so() {
    let app = TestApp::new().await;
    let r = app.get("/open-data/catalogue.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["datasets"], json!([]));
    let page = app.page(Method::GET, "/open-data", None, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(
        &app.state
            .messages
            .t(twiza_i18n::Locale::Ar, "open-data-empty")
    ));
}
