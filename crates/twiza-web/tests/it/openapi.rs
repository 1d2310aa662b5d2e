//! The OpenAPI document: version 3.1, exactly the API routes of the route table, and every error
//! response that the shared mechanisms give (authentication, access policies, identifiers, query
//! strings, JSON bodies, limits) documented with the `ErrorBody` schema, and every JSON success
//! documented with a schema that resolves.

use crate::harness::TestApp;
use serde_json::Value;
use std::collections::BTreeSet;
use twiza_web::authz::Access;

async fn document() -> Value {
    let app = TestApp::new().await;
    app.get("/api/v1/openapi.json", None).await.json()
}

/// Every operation: (`METHOD path`, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("item") {
            out.push((method.to_uppercase(), path.clone(), operation.clone()));
        }
    }
    out
}

#[tokio::test]
async fn openapi_document_lists_every_api_route() {
    let doc = document().await;
    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    let documented: BTreeSet<String> = operations(&doc)
        .into_iter()
        .map(|(method, path, _)| format!("{method} {path}"))
        .collect();
    let routed: BTreeSet<String> = twiza_web::routes::table()
        .iter()
        .filter(|r| r.path.starts_with("/api/"))
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    assert_eq!(documented, routed);
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

/// Operations whose JSON body is not read by the shared JSON reader (`ApiJson`, or
/// `require_json` then `parse_json`), so they cannot answer some of its refusals.
const NO_MEDIA_TYPE_CHECK: &[&str] = &[
    // The provider's signed notification, checked over its raw bytes.
    "POST /api/v1/payments/callback",
    // An optional body.
    "POST /api/v1/organizations/{org_id}/verify",
];
const NO_JSON_VALIDATION: &[&str] = &["POST /api/v1/payments/callback"];

#[tokio::test]
async fn every_operation_documents_the_errors_of_the_shared_mechanisms() {
    let doc = document().await;
    let table = twiza_web::routes::table();
    let mut missing = Vec::new();
    for (method, path, operation) in operations(&doc) {
        let name = format!("{method} {path}");
        let access = table
            .iter()
            .find(|r| r.path == path && r.method.as_str() == method)
            .map(|r| r.access)
            .expect("routed");
        let responses = operation["responses"].as_object().expect("responses");
        let mut expect = |status: &str, why: &str| {
            if !responses.contains_key(status) {
                missing.push(format!("{name}: {status} ({why})"));
            }
        };
        // A bearer token that is not valid is refused on every API route, public ones too.
        expect("401", "bearer token");
        match access {
            Access::Platform(_) => expect("403", "platform role"),
            Access::Org(_) | Access::Personal(_) => {
                expect("403", "member without the role");
                expect("404", "not a member");
            }
            Access::Public | Access::SignedIn => {}
        }
        if path.contains('{') {
            expect("404", "path identifier");
        }
        let parameters = operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if parameters.iter().any(|p| p["in"] == "query") {
            expect("400", "query string");
        }
        if parameters
            .iter()
            .any(|p| p["in"] == "header" && p["name"] == "Idempotency-Key")
        {
            expect("400", "Idempotency-Key");
        }
        let body = &operation["requestBody"]["content"];
        if body.is_object() {
            expect("413", "body limit");
            if body.get("application/json").is_some() {
                expect("400", "JSON body");
                if !NO_MEDIA_TYPE_CHECK.contains(&name.as_str()) {
                    expect("415", "media type");
                }
                if !NO_JSON_VALIDATION.contains(&name.as_str()) {
                    expect("422", "validation");
                }
            }
        }
        expect("500", "internal failure");
        expect("503", "request timeout");
    }
    assert!(
        missing.is_empty(),
        "undocumented error responses:\n{}",
        missing.join("\n")
    );
}

#[tokio::test]
async fn every_error_response_is_an_error_body() {
    let doc = document().await;
    let mut wrong = Vec::new();
    for (method, path, operation) in operations(&doc) {
        for (status, response) in operation["responses"].as_object().expect("responses") {
            if !(status.starts_with('4') || status.starts_with('5')) {
                continue;
            }
            let response = match response["$ref"].as_str() {
                Some(reference) => doc
                    .pointer(reference.trim_start_matches('#'))
                    .cloned()
                    .unwrap_or(Value::Null),
                None => response.clone(),
            };
            let content = response["content"].as_object().cloned().unwrap_or_default();
            let schema = &content
                .get("application/json")
                .cloned()
                .unwrap_or(Value::Null)["schema"]["$ref"];
            if content.len() != 1 || schema != "#/components/schemas/ErrorBody" {
                wrong.push(format!("{method} {path}: {status}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "error responses without the ErrorBody schema:\n{}",
        wrong.join("\n")
    );
}

/// Successes answered as JSON without a schema of ours, with the reason.
const SCHEMALESS_SUCCESSES: &[(&str, &str)] = &[(
    "GET /api/v1/openapi.json",
    "the document itself: its schema is the OpenAPI 3.1 specification's, not one of the API's",
)];

/// Every `$ref` under `schema` that does not name a schema of `components/schemas`, followed
/// through the schemas it names.
fn dangling_refs(doc: &Value, schema: &Value, seen: &mut BTreeSet<String>, out: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value.as_str()) {
                    ("$ref", Some(reference)) => {
                        if !seen.insert(reference.to_owned()) {
                            continue;
                        }
                        let target = reference
                            .strip_prefix("#/components/schemas/")
                            .and_then(|name| doc["components"]["schemas"].get(name));
                        match target {
                            Some(target) => dangling_refs(doc, target, seen, out),
                            None => out.push(reference.to_owned()),
                        }
                    }
                    _ => dangling_refs(doc, value, seen, out),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                dangling_refs(doc, item, seen, out);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn every_json_success_has_a_schema() {
    let doc = document().await;
    let mut wrong = Vec::new();
    let mut excepted = BTreeSet::new();
    for (method, path, operation) in operations(&doc) {
        let operation_name = format!("{method} {path}");
        for (status, response) in operation["responses"].as_object().expect("responses") {
            if !status.starts_with('2') {
                continue;
            }
            let response = match response["$ref"].as_str() {
                Some(reference) => doc
                    .pointer(reference.trim_start_matches('#'))
                    .cloned()
                    .unwrap_or(Value::Null),
                None => response.clone(),
            };
            let Some(json) = response["content"].get("application/json") else {
                continue;
            };
            if SCHEMALESS_SUCCESSES
                .iter()
                .any(|(name, _)| *name == operation_name)
            {
                excepted.insert(operation_name.clone());
                continue;
            }
            let schema = &json["schema"];
            if schema.as_object().is_none_or(|s| s.is_empty()) {
                wrong.push(format!("{operation_name}: {status} has no schema"));
                continue;
            }
            let mut dangling = Vec::new();
            dangling_refs(&doc, schema, &mut BTreeSet::new(), &mut dangling);
            for reference in dangling {
                wrong.push(format!(
                    "{operation_name}: {status} names {reference}, not in components"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "JSON successes without a schema:\n{}",
        wrong.join("\n")
    );
    // An exception that no longer applies is removed from the list.
    for (name, _) in SCHEMALESS_SUCCESSES {
        assert!(excepted.contains(*name), "{name} needs no exception");
    }
}
