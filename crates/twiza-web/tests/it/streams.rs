//! Every streamed answer (the 3W and GeoJSON exports of an incident, a campaign's report as CSV)
//! read to the end with and without `Accept-Encoding: gzip`: the decompressed bytes are the
//! plain answer's, whole.

use crate::harness::{Response, TestApp};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use serde_json::json;
use std::io::Read;
use twiza_domain::organization::OrgStatus;
use twiza_domain::{OrgRole, OrgScope};

async fn fetch(app: &TestApp, path: &str, encoding: &str) -> Response {
    let request = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(header::ACCEPT_ENCODING, encoding)
        .body(Body::empty())
        .expect("request");
    app.send(request).await
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a whole gzip stream");
    out
}

#[tokio::test]
async fn streamed_answers_are_whole_under_gzip() {
    let app = TestApp::new().await;
    let owner = app.user("owner@x.ma", None).await;
    let org = app.org(&owner, "A", "1/2015", OrgStatus::Verified).await;
    let scope = OrgScope::for_member(org, OrgRole::Owner);
    let (incident, _, _) =
        crate::crisis::incident_with_pledged_need(&app, &scope, owner.id, "Fatima", "0611112222")
            .await;
    let campaign = app.collecting_campaign(&scope, owner.id, "Campagne").await;
    let goods = json!({"kind": "in_kind", "items": [
        {"item": "Couverture", "quantity": 40, "unit": "pièce"},
        {"item": "Tente", "quantity": 5, "unit": "pièce"}]});
    let r = app
        .donate(campaign, &owner.token, "goods-0001", &goods)
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());

    for (path, expected) in [
        (
            format!("/api/v1/incidents/{incident}/exports/3w.csv"),
            "#org",
        ),
        (
            format!("/api/v1/incidents/{incident}/exports/needs.geojson"),
            "\"features\":[{",
        ),
        (format!("/api/v1/campaigns/{campaign}/report.csv"), "Tente"),
    ] {
        let plain = fetch(&app, &path, "identity").await;
        assert_eq!(plain.status, StatusCode::OK, "{path}");
        assert!(plain.text().contains(expected), "{path}: {}", plain.text());
        assert!(plain.headers.get(header::CONTENT_ENCODING).is_none());
        let zipped = fetch(&app, &path, "gzip").await;
        assert_eq!(zipped.status, StatusCode::OK, "{path}");
        assert_eq!(
            zipped
                .headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.as_bytes()),
            Some(&b"gzip"[..]),
            "{path} is compressed"
        );
        assert_eq!(
            gunzip(&zipped.body),
            plain.body,
            "{path}: the same bytes, whole"
        );
    }
}
