//! `TestApp`: a fresh SQLite database (or PostgreSQL schema) and the whole router, with helpers to create accounts,
//! associations and members, and to send requests in-process.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use twiza_domain::organization::{NewOrganization, OrgStatus, OrganizationInput};
use twiza_domain::{OrgId, OrgRole, OrgScope, PlatformRole, UserId};
use twiza_store::{Store, StoreOptions};
use twiza_web::{AppState, WebConfig};

/// Panics raised outside the tests' own code — in a handler, a streamed body, a spawned task —
/// whichever test caused them. A hook installed with the first `TestApp` records them; each
/// `TestApp` fails when it is dropped if any was recorded, so no server panic goes unseen.
static SERVER_PANICS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn watch_server_panics() {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_tests = info
                .location()
                .is_some_and(|l| l.file().contains("tests/it/"));
            if !in_tests {
                if let Ok(mut panics) = SERVER_PANICS.lock() {
                    panics.push(info.to_string());
                }
            }
            default(info);
        }));
    });
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let panics = SERVER_PANICS.lock().map(|p| p.clone()).unwrap_or_default();
        assert!(panics.is_empty(), "the server panicked: {panics:#?}");
    }
}

pub struct TestApp {
    pub state: AppState,
    /// The text messages the app sent (delivery codes): read them with `last_sms_to`.
    pub sms: std::sync::Arc<twiza_web::sms::LogOnlySms>,
    pub router: Router,
    pub store: Store,
    _dir: tempfile::TempDir,
}

/// An account with an API token and a web session.
#[derive(Clone, Debug)]
pub struct TestUser {
    pub id: UserId,
    pub token: String,
    pub cookie: String,
    pub csrf: String,
}

pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn error_code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::with_config(WebConfig::default()).await
    }

    /// A test app with its own web settings (keys, thresholds, the simulator's delay).
    pub async fn with_config(config: WebConfig) -> TestApp {
        watch_server_panics();
        let dir = tempfile::tempdir().expect("tempdir");
        let url = format!("sqlite://{}/twiza.db", dir.path().display());
        let store = Store::connect(&url, &StoreOptions::default())
            .await
            .expect("connect");
        store.migrate().await.expect("migrate");
        TestApp::on_store(store, config, dir)
    }

    /// A test app on a fresh PostgreSQL schema of `TWIZA_TEST_POSTGRES_URL`, or `None` (with a
    /// loud line) when no server is configured; under CI the variable is required.
    pub async fn postgres() -> Option<TestApp> {
        TestApp::postgres_with_config(WebConfig::default()).await
    }

    /// [`TestApp::postgres`] with its own web settings.
    pub async fn postgres_with_config(config: WebConfig) -> Option<TestApp> {
        let Ok(base) = std::env::var("TWIZA_TEST_POSTGRES_URL") else {
            if std::env::var_os("CI").is_some() {
                panic!("TWIZA_TEST_POSTGRES_URL must be set in CI");
            }
            eprintln!(
                "!!! SKIPPED: PostgreSQL half of a web test (set TWIZA_TEST_POSTGRES_URL) !!!"
            );
            return None;
        };
        watch_server_panics();
        let schema = format!("w_{:016x}", rand::random::<u64>());
        let one = StoreOptions {
            max_connections: 1,
            ..Default::default()
        };
        let admin = Store::connect(&base, &one).await.expect("connect postgres");
        admin
            .execute_raw(&format!("CREATE SCHEMA {schema}"))
            .await
            .expect("create schema");
        admin.close().await;
        let sep = if base.contains('?') { '&' } else { '?' };
        let url = format!("{base}{sep}options[search_path]={schema}");
        let store = Store::connect(&url, &StoreOptions::default())
            .await
            .expect("connect postgres schema");
        store.migrate().await.expect("migrate postgres");
        let dir = tempfile::tempdir().expect("tempdir");
        Some(TestApp::on_store(store, config, dir))
    }

    fn on_store(store: Store, config: WebConfig, dir: tempfile::TempDir) -> TestApp {
        let sms = std::sync::Arc::new(twiza_web::sms::LogOnlySms::default());
        let gateway = twiza_app::sms::Gateway::Log(sms.clone());
        let state = AppState::with_sms(store.clone(), config, Some(gateway)).expect("state");
        let router = twiza_web::app(state.clone());
        TestApp {
            state,
            sms,
            router,
            store,
            _dir: dir,
        }
    }

    /// The last text message to `phone` once the SMS outbox's due messages are sent (through
    /// the log-only gateway: the same sender the server runs in the background).
    pub async fn last_sms_to(&self, phone: &str) -> Option<String> {
        let sender = self.state.sms.as_ref().expect("an SMS gateway");
        sender
            .send_due(&self.store)
            .await
            .expect("the outbox is sent");
        self.sms.last_to(phone)
    }

    /// The directory of the SQLite file (`twiza.db` and its WAL).
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    /// An account (password `correct horse battery`), with a token and a session.
    pub async fn user(&self, email: &str, role: Option<PlatformRole>) -> TestUser {
        let hash = twiza_app::accounts::hash_password("correct horse battery".into())
            .await
            .expect("hash");
        let id = self
            .store
            .create_user(email, &hash, "Test user", role)
            .await
            .expect("user");
        self.session_for(id, email).await
    }

    pub async fn session_for(&self, id: UserId, email: &str) -> TestUser {
        let (token, _) = twiza_app::accounts::issue_api_token(&self.store, id, "test")
            .await
            .expect("token");
        let user = self.store.user(id).await.expect("q").expect("user");
        let set_cookie = twiza_web::auth::start_session(&self.state, &user)
            .await
            .expect("session");
        let cookie = set_cookie.split(';').next().expect("cookie").to_owned();
        let raw = cookie.split_once('=').expect("pair").1;
        let csrf = self
            .store
            .session(&twiza_app::accounts::sha256_hex(raw))
            .await
            .expect("q")
            .expect("session")
            .csrf_token;
        let _ = email;
        TestUser {
            id,
            token,
            cookie,
            csrf,
        }
    }

    /// A registered association in Asni (Al Haouz), verified or pending.
    pub async fn org(
        &self,
        owner: &TestUser,
        name_fr: &str,
        number: &str,
        status: OrgStatus,
    ) -> OrgId {
        let domains = vec!["relief".to_owned()];
        let input = OrganizationInput {
            name_ar: "جمعية الاختبار",
            name_fr,
            declaration_number: number,
            declaration_date: "2015-04-01",
            domains: &domains,
            email: "contact@example.ma",
            ..Default::default()
        };
        let seat = twiza_app::organizations::parse_seat("07", "07.041", "07.041.07.03");
        let new = NewOrganization::parse(&input, seat, time::macros::date!(2026 - 01 - 01))
            .expect("valid");
        let search = twiza_domain::organization::search_text(&new);
        let id = self
            .store
            .create_organization(&new, &search, owner.id)
            .await
            .expect("org");
        let admin = owner.id;
        match status {
            OrgStatus::Pending => {}
            OrgStatus::Verified => self
                .store
                .decide_verification(
                    id,
                    &twiza_domain::organization::VerificationDecision::Verify,
                    admin,
                )
                .await
                .expect("verify"),
            OrgStatus::Rejected => self
                .store
                .decide_verification(
                    id,
                    &twiza_domain::organization::VerificationDecision::Reject {
                        reason: "no".into(),
                    },
                    admin,
                )
                .await
                .expect("reject"),
        }
        id
    }

    /// A platform admin who records authorization decisions taken on paper (a new account at
    /// each call).
    pub async fn registrar(&self) -> UserId {
        let email = format!("registrar-{:08x}@example.ma", rand::random::<u32>());
        self.store
            .create_user(&email, "x", "Registrar", Some(PlatformRole::PlatformAdmin))
            .await
            .expect("registrar")
    }

    /// An authority account with its competence (`province` and an HCP code, `region` and an
    /// HCP code, `national` or `abroad`).
    pub async fn authority(&self, email: &str, kind: &str, code: Option<&str>) -> TestUser {
        let user = self.user(email, Some(PlatformRole::Authority)).await;
        let competence =
            twiza_domain::competence::Competence::parse(kind, code).expect("competence");
        self.store
            .set_authority_competence(user.id, &competence, None)
            .await
            .expect("competence");
        user
    }

    pub async fn member(&self, org: OrgId, role: OrgRole, email: &str) -> TestUser {
        let user = self.user(email, None).await;
        self.store
            .add_member(&OrgScope::for_member(org, OrgRole::Owner), user.id, role)
            .await
            .expect("member");
        user
    }

    /// A draft campaign of the scoped association; returns its id.
    pub async fn campaign(&self, scope: &OrgScope, by: UserId, title_fr: &str) -> i64 {
        let input = twiza_domain::campaign::CampaignInput {
            title_ar: "حملة الإغاثة",
            title_fr,
            purpose_ar: "خيام وأغطية",
            purpose_fr: "Tentes et couvertures",
            goal: "500000.00",
            starts_on: "2023-09-09",
            ends_on: "2030-12-31",
            scope: "national",
            bank_account: "011780000012345678901296",
            emergency: true,
        };
        let campaign = twiza_domain::campaign::NewCampaign::parse(&input).expect("valid campaign");
        let code = twiza_domain::campaign::public_code(rand::random::<u32>());
        self.store
            .create_campaign(scope, &campaign, &code, by)
            .await
            .expect("campaign")
    }

    /// A campaign that collects: authorization granted and published.
    pub async fn collecting_campaign(&self, scope: &OrgScope, by: UserId, title_fr: &str) -> i64 {
        let campaign = self.campaign(scope, by, title_fr).await;
        let grant = twiza_store::AuthorizationDecision::Grant {
            reference: "SGG-1".into(),
            valid_from: time::macros::date!(2023 - 01 - 01),
            valid_to: time::macros::date!(2099 - 01 - 01),
        };
        self.store
            .decide_authorization(campaign, &grant, self.registrar().await)
            .await
            .expect("grant");
        self.store
            .set_campaign_state(
                scope,
                campaign,
                twiza_domain::campaign::CampaignState::Draft,
                twiza_domain::campaign::CampaignState::Published,
            )
            .await
            .expect("publish");
        campaign
    }

    /// A settled money donation recorded through the sequencer; returns its id.
    pub async fn recorded_donation(&self, campaign: i64, key: &str) -> i64 {
        let donation = twiza_store::NewDonation {
            campaign_id: campaign,
            idempotency_key: key.to_owned(),
            request_hash: twiza_domain::donation::request_hash(key.as_bytes()),
            gift: twiza_domain::donation::Gift::Money {
                amount: twiza_domain::money::Amount::parse("amount", "150.00").expect("amount"),
                method: twiza_domain::donation::PaymentMethod::Cash,
            },
            status: twiza_domain::donation::DonationStatus::Confirmed,
            provider_reference: None,
            sealed_identity: None,
        };
        self.state
            .sequencer
            .submit(donation)
            .await
            .expect("donation")
            .id
    }

    /// A donation request with a chosen Idempotency-Key.
    pub async fn donate(&self, campaign: i64, token: &str, key: &str, body: &Value) -> Response {
        let r = Request::builder()
            .method(Method::POST)
            .uri(format!("/api/v1/campaigns/{campaign}/donations"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header("idempotency-key", key);
        self.send(r.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    pub async fn send(&self, request: Request<Body>) -> Response {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("infallible");
        let status = response.status();
        assert_ne!(
            status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server failed (500)"
        );
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Response {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Response {
        let mut r = Request::builder().method(Method::GET).uri(path);
        if let Some(t) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(r.body(Body::empty()).expect("request")).await
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.json(Method::POST, path, token, body.to_string()).await
    }

    pub async fn json(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: String,
    ) -> Response {
        let mut r = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(r.body(Body::from(body)).expect("request")).await
    }

    /// A file sent as the body (`content_type`), with the caller's language.
    pub async fn upload(
        &self,
        path: &str,
        token: &str,
        content_type: &str,
        body: Vec<u8>,
        language: &str,
    ) -> Response {
        let r = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::ACCEPT_LANGUAGE, language)
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        self.send(r.body(Body::from(body)).expect("request")).await
    }

    /// A page's file upload as a browser sends it: a multipart body with one file field, the
    /// CSRF token in the address (as the pages' upload forms carry it).
    pub async fn page_file(
        &self,
        path: &str,
        user: &TestUser,
        field: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Response {
        let boundary = "twiza-test-boundary-7f3a";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let separator = if path.contains('?') { '&' } else { '?' };
        let r = Request::builder()
            .method(Method::POST)
            .uri(format!("{path}{separator}csrf={}", user.csrf))
            .header(
                header::COOKIE,
                format!("twiza_csrf=visitor-token; {}", user.cookie),
            )
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            );
        self.send(r.body(Body::from(body)).expect("request")).await
    }

    /// A page request as a browser would send it (cookie, form body with the CSRF token).
    pub async fn page(
        &self,
        method: Method,
        path: &str,
        user: Option<&TestUser>,
        form: &[(&str, &str)],
    ) -> Response {
        let mut r = Request::builder().method(method.clone()).uri(path);
        let mut cookies = vec!["twiza_csrf=visitor-token".to_owned()];
        if let Some(u) = user {
            cookies.push(u.cookie.clone());
        }
        r = r.header(header::COOKIE, cookies.join("; "));
        let body = if method == Method::GET {
            Body::empty()
        } else {
            let csrf = user.map_or("visitor-token", |u| u.csrf.as_str());
            let mut pairs: Vec<(&str, &str)> = vec![("csrf", csrf)];
            pairs.extend_from_slice(form);
            r = r.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
            Body::from(serde_urlencoded::to_string(&pairs).expect("form"))
        };
        self.send(r.body(body).expect("request")).await
    }
}
