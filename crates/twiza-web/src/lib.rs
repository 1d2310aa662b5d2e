//! Twiza's web face: the axum router, HTML pages, the JSON API under `/api/v1`, authentication,
//! the authorization layer and the operational endpoints.
//!
//! Every route is declared once in [`routes::table`] with its [`authz::Access`] policy; the router
//! is built only from that table, so no route escapes the authorization layer.

pub mod access_cache;
pub mod api;
pub mod auth;
pub mod authz;
pub mod channels;
pub mod ctx;
pub mod download;
pub mod error;
pub mod extract;
pub mod field_app;
pub mod logsite;
pub mod openrosa;
pub mod ops;
pub mod pages;
pub mod payments;
pub mod routes;
pub mod sms;
pub mod throttle;

use std::sync::Arc;
use std::time::Duration;
use twiza_i18n::Messages;
use twiza_store::Store;

/// Settings of the web layer.
#[derive(Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (on when the public URL is https).
    pub secure_cookies: bool,
    /// Longest time a request may take before it is answered with `timeout`.
    pub request_timeout: Duration,
    /// Lifetime of a web session.
    pub session_ttl: Duration,
    /// Failed sign-ins allowed per account (and per client address, ×5) in the window.
    pub sign_in_failures_allowed: i64,
    pub sign_in_window: Duration,
    /// Largest JSON or form body accepted.
    pub max_body_bytes: usize,
    /// Derives each donation's receipt secret (kept in the data directory, never printed).
    pub receipt_key: [u8; 32],
    /// The log's name: the origin line of its checkpoints and the name of its signing key.
    pub log_origin: String,
    /// Ed25519 seed of the checkpoint signing key (kept in the data directory, never printed).
    pub log_key_seed: [u8; 32],
    /// Public address of the site (`https://twiza.example.ma`), if configured.
    pub public_url: Option<String>,
    /// Gifts strictly above this amount need the donor's identity (anti-money-laundering).
    pub donor_identity_threshold: twiza_domain::money::Amount,
    /// Seals donors' identities and the contacts of reported needs (XChaCha20-Poly1305; kept in
    /// the data directory).
    pub identity_key: [u8; 32],
    /// Shared secret of the payment provider's callback signatures.
    pub payment_secret: [u8; 32],
    /// Where public gifts are paid; none: gifts are refused (`payments_not_configured`).
    pub payments: payments::PaymentsSetting,
    /// Needs one client address may report per minute without an account (0: no limit);
    /// beyond them, up to `throttle::HELD_FACTOR` times as many are held for review, then 429.
    pub need_reports_per_minute: u32,
    /// USSD steps one phone may take per minute, across its sessions (0: no limit).
    pub ussd_steps_per_minute: u32,
    /// Seal the registry's identifiers and make their blind indexes (kept in the data
    /// directory, never printed).
    pub personal_data: twiza_store::PersonalDataKeys,
    /// Deadlines of grievances and appeals.
    pub grievance_deadlines: twiza_domain::grievance::Deadlines,
    /// SHA-256 of the bearer token that opens `/metrics` on the public address; `None`: the
    /// metrics are not served there (only on the separate `metrics_listen` address, if any).
    pub metrics_token_sha256: Option<[u8; 32]>,
    /// How e-mail leaves (off: invitations have no link and forgotten passwords cannot be
    /// reset by e-mail; log: the demo's and tests' transport, which delivers nothing).
    pub mail: twiza_app::mail::MailMode,
    /// The address links in messages start with (the public URL, else the listening address).
    pub mail_base_url: String,
    /// The SMS channels' inbound side: webhooks' secrets and addresses, the outbound rate.
    pub sms_channels: channels::SmsChannels,
    /// The USSD callback's service code and gateway addresses; `None`: no USSD.
    pub ussd: Option<channels::UssdSetting>,
    /// What one SMS part costs, in centimes, for the cost an alert's preview shows (`[sms]`
    /// `price_per_part`); 0: unknown, and the preview says so.
    pub sms_price_per_part: i64,
    /// Days without a sync after which the offline field app clears what a device holds (sent
    /// in its bundle, checked when the app starts).
    pub field_app_wipe_days: u32,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            request_timeout: Duration::from_secs(30),
            session_ttl: Duration::from_secs(7 * 24 * 3600),
            sign_in_failures_allowed: 10,
            sign_in_window: Duration::from_secs(15 * 60),
            max_body_bytes: 256 * 1024,
            receipt_key: [0; 32],
            log_origin: "localhost/twiza".to_owned(),
            log_key_seed: [0; 32],
            public_url: None,
            donor_identity_threshold: twiza_domain::money::DEFAULT_IDENTITY_THRESHOLD,
            identity_key: [0; 32],
            payment_secret: [0; 32],
            payments: payments::PaymentsSetting::Simulated {
                delay: Some(Duration::from_millis(300)),
            },
            need_reports_per_minute: 20,
            ussd_steps_per_minute: channels::ussd::STEPS_PER_MINUTE,
            personal_data: twiza_store::PersonalDataKeys::new(
                std::collections::BTreeMap::from([(1, [0; 32])]),
                [0; 32],
            )
            .unwrap_or_else(|| unreachable!("one key given")),
            grievance_deadlines: twiza_domain::grievance::Deadlines::default(),
            metrics_token_sha256: None,
            mail: twiza_app::mail::MailMode::Log,
            mail_base_url: "http://localhost".to_owned(),
            sms_channels: channels::SmsChannels::default(),
            ussd: None,
            sms_price_per_part: 0,
            field_app_wipe_days: 14,
        }
    }
}

/// Debug output leaves the keys out.
impl std::fmt::Debug for WebConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebConfig")
            .field("secure_cookies", &self.secure_cookies)
            .field("request_timeout", &self.request_timeout)
            .field("session_ttl", &self.session_ttl)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("log_origin", &self.log_origin)
            .field("public_url", &self.public_url)
            .field("donor_identity_threshold", &self.donor_identity_threshold)
            .field("payments", &self.payments)
            .field("mail", &self.mail)
            .field("sms_channels", &self.sms_channels)
            .finish_non_exhaustive()
    }
}

/// What every handler can reach: one shared [`Shared`] behind an `Arc`, so the clone that every
/// middleware layer and handler takes per request is one reference count, not one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The server's shared parts.
pub struct Shared {
    pub store: Store,
    pub messages: Arc<Messages>,
    pub config: Arc<WebConfig>,
    pub metrics: ops::Metrics,
    /// The one writer of donations and of the transparency log (group commit).
    pub sequencer: twiza_store::Sequencer,
    /// The writer of reported needs (group commit).
    pub need_intake: twiza_store::NeedIntake,
    /// Signs the log's checkpoints.
    pub log_signer: Arc<twiza_tlog::NoteSigner>,
    /// Recent token owners and campaign roles (see `access_cache`).
    pub access_cache: Arc<access_cache::AccessCache>,
    /// Where donations by the public are paid; `None`: nowhere, gifts are refused.
    pub payments: Option<Arc<dyn payments::PaymentProvider>>,
    /// The same provider when it is CMI (its callback and payment page need it).
    pub cmi: Option<Arc<payments::cmi::Cmi>>,
    /// Needs reported without an account, per client address.
    pub need_reports: throttle::NeedReportLimiter,
    /// USSD steps per phone (by its blind index).
    pub ussd_phones: throttle::ClientLimiter,
    /// Sends the SMS outbox (delivery codes); `None`: no gateway is configured and no text
    /// message can be sent. The CLI runs it in the background (`twiza_app::sms::spawn_sender`).
    pub sms: Option<Arc<twiza_app::sms::Sender>>,
    /// Passwords checked against a stored hash: one per sign-in attempt that passed the
    /// throttle, whether the account exists or not.
    pub password_checks: std::sync::atomic::AtomicU64,
    /// Composes and queues e-mail (the CLI runs the sender).
    pub mail: twiza_app::mail::Mail,
    /// The messages of the phone channels (SMS and USSD).
    pub phone_messages: Arc<twiza_i18n::PhoneMessages>,
}

impl AppState {
    /// Builds the state and starts the sequencer, the need intake, the checkpoint publisher and
    /// the retention job (call inside a Tokio runtime).
    /// Text messages go through the log-only gateway (nothing is delivered).
    pub fn new(store: Store, config: WebConfig) -> anyhow::Result<AppState> {
        let gateway = twiza_app::sms::Gateway::Log(Arc::new(sms::LogOnlySms::default()));
        AppState::with_sms(store, config, Some(gateway))
    }

    /// Like [`AppState::new`], with the gateway that sends text messages (`None`: none).
    pub fn with_sms(
        store: Store,
        config: WebConfig,
        gateway: Option<twiza_app::sms::Gateway>,
    ) -> anyhow::Result<AppState> {
        let sms = gateway.map(|g| {
            Arc::new(twiza_app::sms::Sender::new(
                g,
                config.personal_data.clone(),
                config.sms_channels.rate_per_second,
            ))
        });
        let log_signer = Arc::new(
            twiza_tlog::NoteSigner::from_seed(&config.log_origin, &config.log_key_seed)
                .map_err(|_| anyhow::anyhow!("invalid log origin (no spaces or '+')"))?,
        );
        twiza_store::spawn_checkpointer(store.clone(), log_signer.clone());
        twiza_store::spawn_retention(store.clone());
        let sequencer = twiza_store::Sequencer::start(store.clone(), config.receipt_key);
        let need_intake = twiza_store::NeedIntake::start(store.clone());
        let payments::Providers { payments, cmi } = payments::provider(&config, &sequencer);
        let messages = Arc::new(Messages::load()?);
        let mail = twiza_app::mail::Mail::new(messages.clone(), &config.mail_base_url, config.mail);
        let phone_messages = Arc::new(twiza_i18n::PhoneMessages::load()?);
        Ok(AppState(Arc::new(Shared {
            phone_messages,
            mail,
            log_signer,
            access_cache: Arc::default(),
            sequencer,
            need_intake,
            payments,
            cmi,
            store,
            messages,
            metrics: ops::Metrics::install()?,
            need_reports: throttle::NeedReportLimiter::per_minute(config.need_reports_per_minute),
            ussd_phones: throttle::ClientLimiter::per_minute(config.ussd_steps_per_minute),
            sms,
            password_checks: Default::default(),
            config: Arc::new(config),
        })))
    }

    /// What the use cases need to text people a notice (a need's status, a grievance's
    /// acknowledgement); `None` when no gateway is configured, and no notice is queued.
    pub fn notices(&self) -> Option<twiza_app::notices::Notices<'_>> {
        self.sms.as_ref().map(|_| twiza_app::notices::Notices {
            keys: &self.config.personal_data,
            messages: &self.phone_messages,
        })
    }
}

/// The whole application as one router.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state)
}
