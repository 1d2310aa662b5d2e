//! An authority's incident pages: the governor of Al Haouz declares an earthquake in the
//! communes of the province (none elsewhere, on pages or through the API), then adds its douars;
//! bad input is answered next to its field and writes nothing.

use crate::harness::TestApp;
use axum::http::{header, Method, StatusCode};
use serde_json::json;

const IGHIL: &str = "07.041.07.05";
const ASNI: &str = "07.041.07.03";
/// Chichaoua, in the same region but another province.
const CHICHAOUA: &str = "07.161.01.01";

fn declaration<'a>(communes: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("province", "07.041"),
        ("kind", "earthquake"),
        ("title_ar", "زلزال الحوز"),
        ("title_fr", "Séisme d’Al Haouz"),
        ("started_on", "2023-09-08"),
    ];
    form.extend(communes.iter().map(|c| ("commune", *c)));
    form
}

#[tokio::test]
async fn the_governor_declares_an_incident_in_the_province_and_adds_its_douars() {
    let app = TestApp::new().await;
    let governor = app
        .authority("governor@interieur.gov.ma", "province", Some("07.041"))
        .await;

    // One province in the competence: its communes are offered at once, no other.
    let form = app
        .page(
            Method::GET,
            "/authority/incidents/new",
            Some(&governor),
            &[],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let html = form.text();
    assert!(html.contains(&format!("value=\"{IGHIL}\"")), "{html}");
    assert!(!html.contains(&format!("value=\"{CHICHAOUA}\"")));
    assert!(!html.contains("id=\"provinces-form\""));

    // Bad input: a missing name, then a commune outside the territory; nothing written.
    let mut missing = declaration(&[IGHIL]);
    missing.retain(|(k, _)| *k != "title_ar");
    let r = app
        .page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &missing,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text();
    assert!(html.contains("href=\"#title_ar\""), "{html}");
    assert!(html.contains("Séisme d’Al Haouz"), "what was typed is kept");
    let r = app
        .page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &declaration(&[IGHIL, CHICHAOUA]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#communes\""));
    let r = app
        .page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &declaration(&[]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.get("/api/v1/incidents", None).await.json(), json!([]));

    // The API refuses the same territory.
    let r = app
        .post_json(
            "/api/v1/incidents",
            Some(&governor.token),
            &json!({"kind": "earthquake", "title_ar": "زلزال", "title_fr": "Séisme",
                    "started_on": "2023-09-08", "communes": [CHICHAOUA]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "outside_competence");

    // Declared, then shown with its communes.
    let r = app
        .page(
            Method::POST,
            "/authority/incidents",
            Some(&governor),
            &declaration(&[IGHIL, ASNI]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(to.ends_with("?done=declared"), "{to}");
    let incident = to
        .trim_start_matches("/authority/incidents/")
        .trim_end_matches("?done=declared")
        .to_owned();
    let page = app.page(Method::GET, &to, Some(&governor), &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("role=\"status\""));
    let listed = app.get("/api/v1/incidents", None).await.json();
    assert_eq!(listed[0]["communes"], json!([ASNI, IGHIL]));

    // A douar: good, then the same again, then in a commune the incident did not hit.
    let douars = format!("/authority/incidents/{incident}/douars");
    let douar = [
        ("commune", IGHIL),
        ("name_ar", "تيخفيست"),
        ("name_fr", "Tikhfist"),
        ("name_latin", "Tikhfist"),
        ("latitude", "31.05"),
        ("longitude", "-8.38"),
        ("population", "340"),
    ];
    let r = app
        .page(Method::POST, &douars, Some(&governor), &douar)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = app
        .page(
            Method::GET,
            &format!("/authority/incidents/{incident}"),
            Some(&governor),
            &[],
        )
        .await
        .text();
    let table = &page[page.find("id=\"douars\"").expect("the douars' table")..];
    assert!(table.contains("تيخفيست"), "{table}");
    let r = app
        .page(Method::POST, &douars, Some(&governor), &douar)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#name_fr\""));
    let mut elsewhere = douar.to_vec();
    elsewhere[0] = ("commune", CHICHAOUA);
    elsewhere[2] = ("name_fr", "Ailleurs");
    let r = app
        .page(Method::POST, &douars, Some(&governor), &elsewhere)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#commune\""));
    let mut bad_number = douar.to_vec();
    bad_number[2] = ("name_fr", "Autre");
    bad_number[6] = ("population", "beaucoup");
    let r = app
        .page(Method::POST, &douars, Some(&governor), &bad_number)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("href=\"#population\""));
    let listed = app
        .get(&format!("/api/v1/incidents/{incident}/douars"), None)
        .await
        .json();
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");
}

#[tokio::test]
async fn a_wali_chooses_among_the_provinces_of_the_region() {
    let app = TestApp::new().await;
    let wali = app
        .authority("wali@interieur.gov.ma", "region", Some("07"))
        .await;
    let html = app
        .page(Method::GET, "/authority/incidents/new", Some(&wali), &[])
        .await
        .text();
    assert!(html.contains("id=\"provinces-form\""));
    assert!(html.contains("value=\"07.041\"") && html.contains("value=\"07.161\""));
    assert!(
        !html.contains("value=\"01.051\""),
        "Tanger is in another region"
    );
    let html = app
        .page(
            Method::GET,
            "/authority/incidents/new?province=07.041&province=07.161",
            Some(&wali),
            &[],
        )
        .await
        .text();
    assert!(html.contains(&format!("value=\"{IGHIL}\"")));
    assert!(html.contains(&format!("value=\"{CHICHAOUA}\"")));

    // Anyone else does not reach the pages.
    let someone = app.user("someone@example.ma", None).await;
    let r = app
        .page(Method::GET, "/authority/incidents/new", Some(&someone), &[])
        .await;
    assert!(r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND);
}
