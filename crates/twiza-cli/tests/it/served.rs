//! The demo server over a real socket, as a browser meets it: every streamed export downloaded
//! to the end with and without `Accept-Encoding: gzip` (the decompressed bytes are the plain
//! answer's), and not one panic in the server's log.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{free_port, BIN};

/// The whole body of `url` as sent with `encoding`, and the encoding the server answered with.
async fn download(client: &reqwest::Client, url: &str, encoding: &str) -> (Vec<u8>, String) {
    let response = client
        .get(url)
        .header("accept-encoding", encoding)
        .send()
        .await
        .expect("answered");
    assert!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
    let answered = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_owned();
    let body = response.bytes().await.expect("a whole body, cleanly ended");
    (body.to_vec(), answered)
}

#[tokio::test]
async fn streamed_exports_arrive_whole_under_gzip_and_the_server_never_panics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).expect("log");
    let mut server = Command::new(BIN)
        .args([
            "demo",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(dir.path().join("data"))
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("twiza demo");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let started = Instant::now();
    while client.get(format!("{base}/readyz")).send().await.is_err() {
        assert!(
            server.try_wait().expect("wait").is_none(),
            "the demo exited"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the demo did not start"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    let incidents: serde_json::Value = client
        .get(format!("{base}/api/v1/incidents"))
        .send()
        .await
        .expect("incidents")
        .json()
        .await
        .expect("json");
    let incident = incidents["items"][0]["id"]
        .as_i64()
        .or_else(|| incidents[0]["id"].as_i64())
        .expect("the demo's incident");
    let mut urls = vec![
        format!("{base}/api/v1/incidents/{incident}/exports/3w.csv"),
        format!("{base}/api/v1/incidents/{incident}/exports/needs.geojson"),
    ];
    for campaign in 1..=20 {
        let url = format!("{base}/api/v1/campaigns/{campaign}/report.csv");
        if client
            .get(&url)
            .send()
            .await
            .expect("report")
            .status()
            .is_success()
        {
            urls.push(url);
        }
    }
    assert!(urls.len() >= 3, "the demo has a public campaign report");
    for url in &urls {
        let (plain, plain_encoding) = download(&client, url, "identity").await;
        assert_eq!(plain_encoding, "identity");
        assert!(!plain.is_empty(), "{url}");
        let (zipped, encoding) = download(&client, url, "gzip").await;
        assert_eq!(encoding, "gzip", "{url} is compressed");
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&zipped[..])
            .read_to_end(&mut unzipped)
            .expect("a whole gzip stream");
        assert_eq!(unzipped, plain, "{url}: the same bytes, whole");
    }

    server.kill().expect("stop");
    server.wait().expect("stopped");
    let log = std::fs::read_to_string(&log_path).expect("log");
    let panics: Vec<&str> = log.lines().filter(|l| l.contains("panicked")).collect();
    assert!(panics.is_empty(), "the server panicked: {panics:#?}");
}
