//! The demo's authorities: the governor of Al Haouz and the wali of Marrakech-Safi are in the
//! logins file and the printed list with their competence, and each has exactly one
//! authorization request waiting in its queue.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::{free_port, BIN};

#[tokio::test]
async fn each_demo_authority_has_one_request_waiting_in_its_competence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let port = free_port();
    let stdout_path = dir.path().join("stdout.txt");
    let stdout = std::fs::File::create(&stdout_path).expect("stdout");
    let mut server = Command::new(BIN)
        .args([
            "demo",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(&data)
        .stdout(stdout)
        .stderr(Stdio::null())
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
    let logins: Vec<Value> =
        serde_json::from_slice(&std::fs::read(data.join("demo-logins.json")).expect("logins"))
            .expect("json");
    let printed = std::fs::read_to_string(&stdout_path).expect("stdout");
    for (email, competence, waiting) in [
        (
            "governor-al-haouz@demo.twiza.ma",
            json!({"kind": "province", "code": "07.041", "authority": "governor", "name": "Al Haouz"}),
            "TWZ-OUR5",
        ),
        (
            "wali-marrakech-safi@demo.twiza.ma",
            json!({"kind": "region", "code": "07", "authority": "wali", "name": "Marrakech-Safi"}),
            "TWZ-ADS6",
        ),
        (
            "sgg@demo.twiza.ma",
            json!({"kind": "national", "authority": "secretary_general_of_government", "name": "Maroc"}),
            "TWZ-WRG4",
        ),
    ] {
        let login = logins
            .iter()
            .find(|l| l["email"] == email)
            .unwrap_or_else(|| panic!("{email} in the logins file"));
        assert_eq!(login["role"], "authority");
        assert_eq!(login["competence"], competence, "{email}");
        let line = printed
            .lines()
            .find(|l| l.contains(email))
            .unwrap_or_else(|| panic!("{email} printed"));
        assert!(
            line.contains(
                competence["authority"]
                    .as_str()
                    .expect("authority")
                    .split('_')
                    .next()
                    .expect("word")
            ),
            "{line}"
        );
        let token: Value = client
            .post(format!("{base}/api/v1/tokens"))
            .json(&json!({"email": email, "password": login["password"], "label": "test"}))
            .send()
            .await
            .expect("token")
            .json()
            .await
            .expect("json");
        let queue: Value = client
            .get(format!("{base}/api/v1/authorizations"))
            .bearer_auth(token["token"].as_str().expect("token"))
            .send()
            .await
            .expect("queue")
            .json()
            .await
            .expect("json");
        let codes: Vec<&str> = queue
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|r| r["campaign"]["code"].as_str())
            .collect();
        assert_eq!(codes, vec![waiting], "{email}");
    }
    // Other accounts carry no competence.
    for login in logins.iter().filter(|l| l["role"] != "authority") {
        assert!(login.get("competence").is_none(), "{login}");
    }
    server.kill().expect("kill");
    server.wait().expect("wait");
}
