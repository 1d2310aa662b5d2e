//! The OpenAPI document: version 3.1, and exactly the API routes of the route table.

use crate::harness::TestApp;
use std::collections::BTreeSet;

#[tokio::test]
async fn openapi_document_lists_every_api_route() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json", None).await.json();
    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            documented.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    let routed: BTreeSet<String> = twiza_web::routes::table()
        .iter()
        .filter(|r| r.path.starts_with("/api/"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(documented, routed);
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}
