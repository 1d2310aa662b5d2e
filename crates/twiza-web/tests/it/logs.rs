//! Logs carry no personal data: a whole sign-up, sign-in and registration of an association and
//! of a household (read with its identifiers, refused once) leaves no e-mail, name, phone, CIN
//! or password in them; the read of a donor's identity is logged without the identity.

use crate::harness::TestApp;
use axum::http::Method;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::ErrorKind::Other)?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn logs_hold_no_personal_data() {
    let captured = Captured::default();
    let sink = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .finish();
    // A global subscriber (a scoped one misses events whose call sites other tests, running in
    // parallel without a subscriber, already cached as disabled). Other tests' lines land here
    // too; the secrets below belong to this test alone.
    tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    let mut donor_read = 0;
    {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let app = TestApp::new().await;
            let form = [("email", "khadija.private@example.ma"), ("password", "secret passphrase 42"), ("display_name", "Khadija Privée")];
            app.page(Method::POST, "/sign-up", None, &form).await;
            app.page(Method::POST, "/sign-in", None, &[("email", "khadija.private@example.ma"), ("password", "wrong guess 1234")]).await;
            let body = serde_json::json!({"email": "khadija.private@example.ma", "password": "secret passphrase 42"});
            let token = app.post_json("/api/v1/tokens", None, &body).await.json()["token"].as_str().unwrap().to_owned();
            let mut org = crate::api::new_org_body("70/2020");
            org["phone"] = serde_json::json!("0661998877");
            let org_id = app.post_json("/api/v1/organizations", Some(&token), &org).await.json()["id"].as_i64().unwrap();
            app.get("/api/v1/organizations?q=khadija.private%40example.ma", None).await;
            // A household registered, read with its identifiers, and refused once.
            let households = format!("/api/v1/organizations/{org_id}/households");
            let mut body = crate::registry::household_body("Zoubida", "QX771122");
            body["members"][0]["phone"] = serde_json::json!("0677001122");
            let id = app.post_json(&households, Some(&token), &body).await.json()["id"].as_i64().unwrap();
            app.get(&format!("{households}/{id}?identifiers=true"), Some(&token)).await;
            body["members"][0]["birth_date"] = serde_json::json!("1979-02-31");
            app.post_json(&households, Some(&token), &body).await;
            app.get("/directory?q=Khadija", None).await;
            // A donor's identity read through the treasury's page.
            donor_read = crate::donation_pages::read_donor_through_the_page(&app).await;
            // A need's reporter texted its verification.
            crate::notifications::notify_once(&app).await;
        });
    }
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("\"route\""), "requests were logged: {logs}");
    // Every read of a donor's identity is in the log: which donation, never who.
    assert!(
        logs.lines().any(|l| l.contains("donor identity read")
            && l.contains(&format!("\"donation_id\":{donor_read}"))),
        "the donor identity read was logged"
    );
    for secret in [
        "khadija.private",
        "Khadija",
        "secret passphrase",
        "wrong guess",
        "661998877",
        "twz_",
        "Zoubida",
        "QX771122",
        "677001122",
        "Yasmina",
        "Logtest",
        "19FV99999",
        "655443322",
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into the logs");
    }
}
