//! The incident map on the public incident page: one boundary per commune of the incident,
//! coloured by its coverage, the douars on top, a legend in words, within the page budget.

use crate::harness::TestApp;
use axum::http::StatusCode;
use serde_json::json;
use twiza_domain::crisis::{DouarInput, IncidentInput, NewDouar, NewIncident};
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

/// The communes of the demo incident (`twiza-cli`'s `demo/crisis.rs`): Al Haouz, Chichaoua and
/// Taroudannt.
pub const DEMO_COMMUNES: [&str; 15] = [
    "07.041.07.05",
    "07.041.07.13",
    "07.041.07.07",
    "07.041.07.11",
    "07.041.07.09",
    "07.041.07.03",
    "07.041.01.03",
    "07.041.05.05",
    "07.041.09.01",
    "07.161.07.01",
    "07.161.07.09",
    "07.161.05.01",
    "09.541.04.49",
    "09.541.04.67",
    "09.541.01.02",
];

/// Douars of the demo incident with their points: commune, French name, latitude, longitude.
const DOUARS: [(&str, &str, f64, f64); 20] = [
    ("07.041.07.05", "Tnirt", 31.032, -8.402),
    ("07.041.07.05", "Ighil", 31.05, -8.376),
    ("07.041.07.05", "Azrou", 31.04, -8.356),
    ("07.041.07.13", "Talat N'Yaaqoub", 30.993, -8.177),
    ("07.041.07.13", "Imi N'Tala", 30.968, -8.221),
    ("07.041.07.07", "Ijoukak", 30.998, -8.154),
    ("07.041.07.07", "Agard", 31.021, -8.132),
    ("07.041.07.11", "Ouirgane", 31.175, -8.077),
    ("07.041.07.09", "Imgdal", 31.106, -8.131),
    ("07.041.07.03", "Asni", 31.247, -7.981),
    ("07.041.07.03", "Imlil", 31.137, -7.919),
    ("07.041.01.03", "Amizmiz", 31.217, -8.241),
    ("07.041.05.05", "Tafeghaghte", 31.179, -8.258),
    ("07.041.09.01", "Moulay Brahim", 31.291, -8.003),
    ("07.161.07.01", "Tikht", 31.155, -8.547),
    ("07.161.07.01", "Adassil", 31.104, -8.512),
    ("07.161.07.09", "Imindounit", 31.097, -8.549),
    ("07.161.05.01", "Afalla Issen", 31.002, -8.818),
    ("09.541.04.49", "Tafingoult", 30.781, -8.384),
    ("09.541.04.67", "Tizi N'Test", 30.855, -8.383),
];

/// Households needed and pledged per commune: Ighil a gap, Talat N'Yaaqoub partly covered,
/// Ouirgane covered, Asni oversupplied; the other communes report nothing.
const NEEDS: [(&str, i64, i64); 4] = [
    ("07.041.07.05", 40, 0),
    ("07.041.07.13", 10, 6),
    ("07.041.07.11", 10, 10),
    ("07.041.07.03", 10, 20),
];

/// The demo incident's communes and douars, with needs and pledges giving every shade; returns
/// the incident's id.
pub async fn demo_incident(app: &TestApp) -> i64 {
    let owner = app.user("map-relief@example.ma", None).await;
    let org = app
        .org(&owner, "Secours de l'Atlas", "77/2019", OrgStatus::Verified)
        .await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let input = IncidentInput {
        kind: "earthquake",
        title_ar: "زلزال الحوز",
        title_fr: "Séisme d'Al Haouz",
        started_on: "2023-09-08",
        communes: DEMO_COMMUNES.to_vec(),
    };
    let incident = app
        .store
        .declare_incident(&NewIncident::parse(&input).expect("incident"), owner.id)
        .await
        .expect("declare");
    for (commune, name, lat, lon) in DOUARS {
        let douar = NewDouar::parse(&DouarInput {
            commune,
            name_ar: "دوار",
            name_fr: name,
            name_latin: name,
            latitude: Some(lat),
            longitude: Some(lon),
            population: None,
        })
        .expect("douar");
        app.store.create_douar(&douar).await.expect("douar");
    }
    for (commune, needed, pledged) in NEEDS {
        let body = json!({"commune": commune, "category": "shelter", "urgency": "critical",
            "households": needed});
        let r = app
            .post_json(&format!("/api/v1/incidents/{incident}/needs"), None, &body)
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        if pledged > 0 {
            let body = json!({"commune": commune, "category": "shelter", "households": pledged,
                "description": "Tentes", "due_on": "2099-01-01"});
            let r = app
                .post_json(
                    &format!(
                        "/api/v1/organizations/{}/incidents/{incident}/pledges",
                        scope.org_id().0
                    ),
                    Some(&owner.token),
                    &body,
                )
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        }
    }
    incident
}

async fn page_in(app: &TestApp, path: &str, lang: &str) -> String {
    let request = axum::http::Request::builder()
        .uri(path)
        .header(axum::http::header::COOKIE, format!("twiza_lang={lang}"))
        .body(axum::body::Body::empty())
        .expect("request");
    let r = app.send(request).await;
    assert_eq!(r.status, StatusCode::OK, "{path}");
    r.text()
}

/// The `<svg class="map">…</svg>` of a page.
fn map_of(html: &str) -> &str {
    let start = html.find("<svg xmlns").expect("map");
    let end = start + html[start..].find("</svg>").expect("map end");
    &html[start..end]
}

#[tokio::test]
async fn the_incident_map_draws_each_commune_coloured_by_its_gap_with_the_douars_on_top() {
    let app = TestApp::new().await;
    let incident = demo_incident(&app).await;
    for lang in ["ar", "fr"] {
        let html = page_in(&app, &format!("/incidents/{incident}"), lang).await;
        let svg = map_of(&html);
        // One boundary per commune of the incident, each once.
        assert_eq!(
            svg.matches("<path class=\"commune ").count(),
            DEMO_COMMUNES.len()
        );
        for code in DEMO_COMMUNES {
            assert_eq!(
                svg.matches(&format!("data-code=\"{code}\"")).count(),
                1,
                "{code}"
            );
        }
        // Coloured by coverage; communes without a need are quiet.
        for (code, shade) in [
            ("07.041.07.05", "gap"),
            ("07.041.07.13", "partial"),
            ("07.041.07.11", "covered"),
            ("07.041.07.03", "oversupply"),
            ("07.041.09.01", "quiet"),
        ] {
            assert!(
                svg.contains(&format!(
                    "<path class=\"commune {shade}\" data-code=\"{code}\""
                )),
                "{code} should be {shade}"
            );
        }
        assert_eq!(svg.matches("<path class=\"commune quiet\"").count(), 11);
        // The douars on top of the communes, one disc each.
        let first_disc = svg.find("<circle class=\"place").expect("douars");
        assert!(svg.rfind("<path").unwrap() < first_disc);
        assert_eq!(svg.matches("<circle class=\"place ").count(), DOUARS.len());
        // No <style> in the drawing: the Content-Security-Policy would drop it.
        assert!(!svg.contains("<style"));
        // The legend is a list of words, with how many communes each shade has.
        let legend = &html[html.find("class=\"map-legend\"").expect("legend")..];
        let legend = &legend[..legend.find("</ul>").unwrap()];
        assert_eq!(
            legend.matches("<li").count(),
            6,
            "five shades and the douars"
        );
        assert!(!legend.contains("<text"));
        // The figures in a table, with the shade in words (colour is not the only carrier).
        let ighil = &html[html
            .find("data-commune=\"07.041.07.05\"><td")
            .expect("Ighil row")..];
        let word = if lang == "fr" {
            "Surtout non couvert"
        } else {
            "غير مغطى في الغالب"
        };
        assert!(ighil[..ighil.find("</tr>").unwrap()].contains(word));
        assert!(
            crate::pages::gzip_len(html.as_bytes()) <= 30 * 1024,
            "{lang}: the page is over 30 KB compressed"
        );
    }
    let fr = page_in(&app, &format!("/incidents/{incident}"), "fr").await;
    assert!(fr.contains("Aucun besoin signalé (11\u{a0}communes)") || fr.contains("(11 communes)"));
}

#[tokio::test]
async fn an_incident_whose_douars_have_no_point_still_shows_its_communes() {
    let app = TestApp::new().await;
    let owner = app.user("map-owner@example.ma", None).await;
    let incident = crate::crisis::incident(&app, owner.id).await;
    let html = page_in(&app, &format!("/incidents/{incident}"), "fr").await;
    let svg = map_of(&html);
    assert_eq!(svg.matches("<path class=\"commune quiet\"").count(), 4);
    assert!(!svg.contains("<circle"));
}
