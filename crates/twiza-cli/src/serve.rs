//! `twiza serve`: the HTTP server with graceful shutdown, and logging setup.

use crate::config::Config;
use std::net::SocketAddr;
use tracing_subscriber::EnvFilter;

/// JSON logs on stderr; level from `RUST_LOG` (default `info`). Log lines carry route templates
/// and codes, never request bodies, query strings or personal data.
pub fn init_tracing(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    // A data directory that holds only the demo's database: serving a new, empty one beside it
    // would look like lost data.
    if !config.has_database_url()
        && !config.data_dir.join("twiza.db").exists()
        && config.data_dir.join(crate::config::DEMO_DATABASE).exists()
    {
        anyhow::bail!("{}", config.no_database_here());
    }
    let store = crate::connect(&config).await?;
    store.migrate().await?;
    run_server(store, &config, None, None).await
}

/// Moves the values sealed before every kind shared the numbered personal-data keys to them,
/// in the background: reads open either layout meanwhile. A value that does not open is left
/// and counted (kinds and counts are logged, never a value).
fn spawn_legacy_reseal(store: twiza_store::Store, keys: twiza_store::PersonalDataKeys) {
    tokio::spawn(async move {
        match twiza_app::sealing::reseal_legacy(&store, &keys).await {
            Ok(moved) if moved == twiza_store::Resealed::default() => {}
            Ok(moved) => tracing::info!(
                donor_identities = moved.donor_identities,
                need_contacts = moved.need_contacts,
                unopened = moved.unopened,
                "legacy sealed values re-sealed with the personal-data key"
            ),
            Err(e) => tracing::error!(error = %e, "re-sealing legacy values failed"),
        }
    });
}

/// Serves until Ctrl-C or SIGTERM, then finishes the requests in flight.
pub async fn run_server(
    store: twiza_store::Store,
    config: &Config,
    ready: Option<tokio::sync::oneshot::Sender<SocketAddr>>,
    log_phone: Option<std::sync::Arc<twiza_web::sms::LogOnlySms>>,
) -> anyhow::Result<()> {
    let web = config.web()?;
    spawn_legacy_reseal(store.clone(), web.personal_data.clone());
    let gateway = config
        .sms
        .as_ref()
        .map(|sms| sms.gateway(log_phone.unwrap_or_default()));
    let state = twiza_web::AppState::with_sms(store.clone(), web, gateway)?;
    start_email(store.clone(), config)?;
    start_sms(&state, config);
    // Volunteering's shift jobs: shifts closed at their end, reminders texted before them.
    twiza_app::volunteer_ground::spawn_shift_jobs(
        store.clone(),
        state.config.personal_data.clone(),
        state.messages.clone(),
        state.sms.is_some(),
    );
    if let Some(address) = config.metrics_listen {
        let listener = tokio::net::TcpListener::bind(address).await?;
        tracing::info!(addr = %listener.local_addr()?, "metrics listening");
        let metrics = twiza_web::ops::metrics_router(state.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, metrics).await {
                tracing::error!(error = %e, "metrics listener failed");
            }
        });
    }
    let app = twiza_web::app(state);
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, database = config.describe_database(), "listening");
    if let Some(ready) = ready {
        let _ = ready.send(addr);
    }
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Says at start how e-mail leaves, and starts the outbox's sender unless e-mail is off.
fn start_email(store: twiza_store::Store, config: &Config) -> anyhow::Result<()> {
    use crate::config::Email;
    match &config.email {
        Email::Off => tracing::warn!(
            "e-mail is off (no [email] in the configuration): invitations have no link, and \
             forgotten passwords cannot be reset by e-mail"
        ),
        Email::Log { .. } => tracing::warn!(
            "e-mail goes to the log only (transport = \"log\", for the demo and tests): \
             nothing is delivered"
        ),
        Email::Smtp { smtp, .. } => tracing::info!(
            host = %smtp.host,
            port = smtp.port,
            security = ?smtp.security,
            "e-mail is sent by SMTP"
        ),
    }
    if let Some(sender) = config.email.sender()? {
        twiza_app::mail::spawn_sender(store, sender);
    }
    Ok(())
}

/// Says at start how text messages leave and which webhooks listen, and starts the outbox's
/// sender unless SMS is off.
fn start_sms(state: &twiza_web::AppState, config: &Config) {
    let Some(sms) = &config.sms else {
        tracing::warn!(
            "SMS is off (no [sms] in the configuration): delivery codes cannot be sent, and no \
             SMS webhook listens"
        );
        return;
    };
    let channels = &sms.channels;
    match &state.sms {
        Some(sender) if !sender.delivers() => tracing::warn!(
            "!!! text messages go to the log only (gateway = \"log\", for the demo and tests): \
             NOTHING IS DELIVERED to any phone !!!"
        ),
        Some(sender) => tracing::info!(
            gateway = sender.gateway().name(),
            rate_per_second = channels.rate_per_second,
            "text messages are sent through the gateway"
        ),
        None => {}
    }
    tracing::info!(
        twilio_webhook = channels.twilio_auth_token.is_some(),
        kannel_webhook = channels.kannel_secret.is_some(),
        public_base_url = channels.public_base_url.as_deref().unwrap_or_default(),
        "SMS webhooks"
    );
    if let Some(sender) = &state.sms {
        twiza_app::sms::spawn_sender(state.store.clone(), sender.clone());
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
