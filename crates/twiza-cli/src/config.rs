//! Configuration: command-line flags, `TWIZA_*` environment variables and an optional TOML file,
//! in that order of precedence. Secrets (the database URL may hold a password) never print.

use anyhow::Context;
use clap::Args;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Flags shared by every subcommand.
#[derive(Args, Debug)]
pub struct GlobalArgs {
    /// Database: `sqlite://PATH` or `postgres://…` (default: SQLite in the data directory).
    #[arg(
        long,
        env = "TWIZA_DATABASE_URL",
        global = true,
        hide_env_values = true
    )]
    pub database_url: Option<String>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "TWIZA_LISTEN", global = true)]
    pub listen: Option<SocketAddr>,
    /// Directory of the SQLite file and the keys [default: ./twiza-data].
    #[arg(long, env = "TWIZA_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// TOML configuration file (see twiza.example.toml).
    #[arg(long, env = "TWIZA_CONFIG", global = true)]
    pub config: Option<PathBuf>,
}

/// The optional configuration file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<SecretString>,
    listen: Option<SocketAddr>,
    data_dir: Option<PathBuf>,
    /// Public address of the site; `https://…` makes cookies Secure.
    public_url: Option<String>,
    request_timeout_secs: Option<u64>,
    session_ttl_hours: Option<u64>,
    max_connections: Option<u32>,
    /// Name of the transparency log (checkpoint origin and key name), e.g. `twiza.ma/log`.
    log_origin: Option<String>,
    /// Gifts above this amount (decimal MAD, e.g. "10000.00") need the donor's identity.
    donor_identity_threshold: Option<String>,
    /// Needs one client address may report per minute without an account (0: no limit).
    need_reports_per_minute: Option<u32>,
    /// Days without a sync after which the offline field app clears what a device holds.
    field_app_wipe_days: Option<u32>,
    /// A separate address serving `/metrics` alone, for a scraper on the operator's network.
    metrics_listen: Option<SocketAddr>,
    /// A bearer token that opens `/metrics` on the public address (never printed).
    metrics_token: Option<SecretString>,
    /// Deadlines of grievances and appeals, in days.
    #[serde(default)]
    grievances: GrievanceDeadlines,
    /// Where public gifts are paid.
    #[serde(default)]
    payments: PaymentsFile,
    /// How e-mail is sent; without it, e-mail is off.
    email: Option<EmailFile>,
    /// Text messages' gateway and webhooks; without it, SMS is off.
    sms: Option<crate::sms_config::SmsFile>,
    /// The USSD callback; without it, there is no USSD.
    ussd: Option<UssdFile>,
}

/// `[ussd]`: the service code the USSD callback answers (`*1212#`), the gateway's client
/// addresses, the only ones served, and optionally the secret its callback address carries.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UssdFile {
    service_code: String,
    allowed_addresses: Vec<std::net::IpAddr>,
    /// A file holding the secret the gateway's callback address carries (`?secret=…`).
    secret_file: Option<PathBuf>,
}

impl UssdFile {
    fn resolve(self) -> anyhow::Result<twiza_web::channels::UssdSetting> {
        let code = self.service_code.trim();
        let valid = code.starts_with('*')
            && code.ends_with('#')
            && code.len() <= 32
            && code
                .chars()
                .all(|c| c.is_ascii_digit() || c == '*' || c == '#');
        if !valid {
            anyhow::bail!("[ussd] service_code must look like \"*1212#\"");
        }
        if self.allowed_addresses.is_empty() {
            anyhow::bail!("[ussd] allowed_addresses must name the gateway's addresses");
        }
        let secret = match &self.secret_file {
            Some(path) => {
                let secret = std::fs::read_to_string(path)
                    .with_context(|| format!("[ussd] reading secret_file {}", path.display()))?;
                Some(secret.trim().to_owned()).filter(|s| !s.is_empty())
            }
            None => None,
        };
        Ok(twiza_web::channels::UssdSetting {
            service_code: code.to_owned(),
            allowed_addresses: self.allowed_addresses,
            secret,
        })
    }
}

/// `[email]`: `transport = "smtp"` with the server's settings, or `"log"` (demo and tests only:
/// nothing is delivered, and the log says a message went out, never to whom nor what).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EmailFile {
    transport: Option<String>,
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    /// `"tls"` (SMTPS, default port 465), `"starttls"` (default port 587) or `"none"` (only to
    /// a server on this machine, default port 25).
    security: Option<String>,
    username: Option<String>,
    /// A file holding the SMTP password (its first line).
    password_file: Option<PathBuf>,
    /// The name of an environment variable holding the SMTP password.
    password_env: Option<String>,
    from_address: Option<String>,
    from_name: Option<String>,
}

/// How e-mail is sent, as configured.
#[derive(Debug, Clone)]
pub enum Email {
    Off,
    Log {
        from_address: String,
        from_name: Option<String>,
    },
    Smtp {
        smtp: twiza_app::mail::SmtpSettings,
        from_address: String,
        from_name: Option<String>,
    },
}

/// The host names of this machine: the only ones plain SMTP may reach.
fn is_local_host(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1" | "[::1]")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

impl EmailFile {
    fn resolve(self, env: &dyn Fn(&str) -> Option<String>) -> anyhow::Result<Email> {
        let from_address = self.from_address.clone();
        let from_name = self.from_name.clone().filter(|n| !n.trim().is_empty());
        let from = |from_address: Option<String>| -> anyhow::Result<String> {
            let address = from_address
                .filter(|a| twiza_domain::account::Email::parse(a).is_ok())
                .context("[email] needs from_address = \"…@…\"")?;
            Ok(address)
        };
        match self.transport.as_deref() {
            Some("log") => Ok(Email::Log {
                from_address: from(from_address)?,
                from_name,
            }),
            Some("smtp") => {
                let host = self
                    .smtp_host
                    .clone()
                    .filter(|h| !h.trim().is_empty())
                    .context("[email] smtp needs smtp_host")?;
                let security = match self.security.as_deref().unwrap_or("starttls") {
                    "tls" => twiza_app::mail::Security::Tls,
                    "starttls" => twiza_app::mail::Security::StartTls,
                    "none" if is_local_host(&host) => twiza_app::mail::Security::None,
                    "none" => anyhow::bail!(
                        "[email] security = \"none\" only reaches a server on this machine \
                         (localhost): use \"starttls\" or \"tls\""
                    ),
                    other => anyhow::bail!(
                        "[email] security = \"{other}\" is not known (\"tls\", \"starttls\" or \"none\")"
                    ),
                };
                let port = self.smtp_port.unwrap_or(match security {
                    twiza_app::mail::Security::Tls => 465,
                    twiza_app::mail::Security::StartTls => 587,
                    twiza_app::mail::Security::None => 25,
                });
                let password = match (&self.password_file, &self.password_env) {
                    (Some(_), Some(_)) => {
                        anyhow::bail!("[email] give password_file or password_env, not both")
                    }
                    (Some(path), None) => {
                        let text = std::fs::read_to_string(path).with_context(|| {
                            format!("[email] reading password_file {}", path.display())
                        })?;
                        Some(text.lines().next().unwrap_or_default().to_owned())
                    }
                    (None, Some(name)) => Some(env(name).with_context(|| {
                        format!("[email] the environment variable {name} is not set")
                    })?),
                    (None, None) => None,
                };
                let credentials = match (self.username.clone(), password) {
                    (Some(user), Some(password)) => Some((user, password)),
                    (None, None) => None,
                    _ => anyhow::bail!(
                        "[email] username and a password (password_file or password_env) go together"
                    ),
                };
                Ok(Email::Smtp {
                    smtp: twiza_app::mail::SmtpSettings {
                        host,
                        port,
                        security,
                        credentials,
                    },
                    from_address: from(from_address)?,
                    from_name,
                })
            }
            None => anyhow::bail!("[email] needs transport = \"smtp\" or \"log\""),
            Some(other) => {
                anyhow::bail!("[email] transport = \"{other}\" is not known (\"smtp\" or \"log\")")
            }
        }
    }
}

impl Email {
    /// The plain SMTP server of `twiza demo --smtp HOST:PORT` (on this machine).
    pub fn demo_smtp(address: &str) -> anyhow::Result<Email> {
        let (host, port) = address.rsplit_once(':').context("--smtp takes HOST:PORT")?;
        let port: u16 = port.parse().context("--smtp takes HOST:PORT")?;
        if !is_local_host(host) {
            anyhow::bail!("--smtp sends in plain text: only to a server on this machine");
        }
        Ok(Email::Smtp {
            smtp: twiza_app::mail::SmtpSettings {
                host: host.trim_matches(|c| c == '[' || c == ']').to_owned(),
                port,
                security: twiza_app::mail::Security::None,
                credentials: None,
            },
            from_address: DEMO_FROM.to_owned(),
            from_name: Some("Twiza (demo)".to_owned()),
        })
    }

    /// The demo's default: messages go to the log only.
    pub fn demo_log() -> Email {
        Email::Log {
            from_address: DEMO_FROM.to_owned(),
            from_name: Some("Twiza (demo)".to_owned()),
        }
    }

    pub fn mode(&self) -> twiza_app::mail::MailMode {
        match self {
            Email::Off => twiza_app::mail::MailMode::Off,
            Email::Log { .. } => twiza_app::mail::MailMode::Log,
            Email::Smtp { .. } => twiza_app::mail::MailMode::Smtp,
        }
    }

    /// The sender of the outbox; `None` when e-mail is off.
    pub fn sender(&self) -> anyhow::Result<Option<twiza_app::mail::Sender>> {
        Ok(match self {
            Email::Off => None,
            Email::Log {
                from_address,
                from_name,
            } => Some(twiza_app::mail::Sender::log(
                from_address,
                from_name.as_deref(),
            )?),
            Email::Smtp {
                smtp,
                from_address,
                from_name,
            } => Some(twiza_app::mail::Sender::smtp(
                smtp,
                from_address,
                from_name.as_deref(),
            )?),
        })
    }
}

/// The demo's sender address.
const DEMO_FROM: &str = "no-reply@demo.twiza.ma";

/// `[payments]`: `provider = "cmi"` with CMI's settings, or `"simulated"` (the demo's: no money
/// moves, and every page taking a gift says so). Without it, gifts are refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PaymentsFile {
    provider: Option<String>,
    /// CMI's payment page, e.g. `https://payment.cmi.co.ma/fim/est3Dgate`.
    cmi_gateway_url: Option<String>,
    /// The merchant id CMI gave.
    cmi_client_id: Option<String>,
    /// The store key CMI gave (never printed).
    cmi_store_key: Option<SecretString>,
}

/// Where public gifts are paid, as configured.
#[derive(Debug, Clone)]
pub enum Payments {
    None,
    Simulated,
    Cmi {
        gateway_url: String,
        client_id: String,
        store_key: SecretString,
    },
}

impl PaymentsFile {
    fn resolve(self, public_url: Option<&str>) -> anyhow::Result<Payments> {
        match self.provider.as_deref() {
            None => Ok(Payments::None),
            Some("simulated") => Ok(Payments::Simulated),
            Some("cmi") => {
                let https = |u: &str| u.starts_with("https://");
                if !public_url.is_some_and(https) {
                    anyhow::bail!(
                        "[payments] cmi needs public_url = \"https://…\" (CMI calls it back)"
                    );
                }
                let gateway_url = self
                    .cmi_gateway_url
                    .filter(|u| https(u))
                    .context("[payments] cmi needs cmi_gateway_url = \"https://…\"")?;
                let client_id = self
                    .cmi_client_id
                    .filter(|c| !c.trim().is_empty())
                    .context("[payments] cmi needs cmi_client_id")?;
                let store_key = self
                    .cmi_store_key
                    .filter(|k| !k.expose_secret().is_empty())
                    .context("[payments] cmi needs cmi_store_key")?;
                Ok(Payments::Cmi {
                    gateway_url,
                    client_id,
                    store_key,
                })
            }
            Some(other) => anyhow::bail!(
                "[payments] provider = \"{other}\" is not known (\"cmi\" or \"simulated\")"
            ),
        }
    }
}

/// `[grievances]`: each step's deadline in days (defaults: 3, 30, 30, 30).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrievanceDeadlines {
    acknowledge_days: Option<i64>,
    decide_days: Option<i64>,
    appeal_days: Option<i64>,
    appeal_decide_days: Option<i64>,
}

/// The demo's SQLite file in the data directory (apart from `twiza.db`, so the demo never
/// overwrites real data).
pub const DEMO_DATABASE: &str = "twiza-demo.db";

/// The resolved configuration.
#[derive(Debug)]
pub struct Config {
    database_url: Option<SecretString>,
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub public_url: Option<String>,
    pub request_timeout_secs: u64,
    pub session_ttl_hours: u64,
    pub max_connections: u32,
    log_origin: Option<String>,
    pub donor_identity_threshold: twiza_domain::money::Amount,
    pub need_reports_per_minute: u32,
    pub field_app_wipe_days: u32,
    pub grievance_deadlines: twiza_domain::grievance::Deadlines,
    pub metrics_listen: Option<SocketAddr>,
    metrics_token: Option<SecretString>,
    /// Where public gifts are paid (`twiza demo` sets the simulator).
    pub payments: Payments,
    /// How e-mail is sent (`twiza demo` sets the log, or SMTP with `--smtp`).
    pub email: Email,
    /// Text messages' gateway and webhooks; `None`: SMS is off (`twiza demo` sets the log).
    pub sms: Option<crate::sms_config::Sms>,
    /// The USSD callback, if configured (`twiza demo` enables it).
    pub ussd: Option<twiza_web::channels::UssdSetting>,
}

impl Config {
    pub fn load(args: &GlobalArgs) -> anyhow::Result<Config> {
        let file = match &args.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading {}", path.display()))?;
                toml::from_str::<FileConfig>(&text)
                    .with_context(|| format!("parsing {}", path.display()))?
            }
            None => FileConfig::default(),
        };
        let default_listen: SocketAddr = ([127, 0, 0, 1], 8080).into();
        let donor_identity_threshold = match &file.donor_identity_threshold {
            Some(raw) => twiza_domain::money::Amount::parse("donor_identity_threshold", raw)
                .map_err(|e| anyhow::anyhow!("donor_identity_threshold: {}", e.code))?,
            None => twiza_domain::money::DEFAULT_IDENTITY_THRESHOLD,
        };
        let defaults = twiza_domain::grievance::Deadlines::default();
        let g = &file.grievances;
        let grievance_deadlines = twiza_domain::grievance::Deadlines {
            acknowledge_days: g.acknowledge_days.unwrap_or(defaults.acknowledge_days),
            decide_days: g.decide_days.unwrap_or(defaults.decide_days),
            appeal_days: g.appeal_days.unwrap_or(defaults.appeal_days),
            appeal_decide_days: g.appeal_decide_days.unwrap_or(defaults.appeal_decide_days),
        };
        grievance_deadlines
            .check()
            .map_err(|e| anyhow::anyhow!("[grievances]: {e}"))?;
        let payments = file.payments.resolve(file.public_url.as_deref())?;
        let email = match file.email {
            Some(email) => email.resolve(&|name| std::env::var(name).ok())?,
            None => Email::Off,
        };
        let ussd = file.ussd.map(UssdFile::resolve).transpose()?;
        if matches!(email, Email::Smtp { .. }) && file.public_url.is_none() {
            anyhow::bail!("[email] smtp needs public_url = \"https://…\" (the links in messages)");
        }
        let listen = args.listen.or(file.listen).unwrap_or(default_listen);
        let site = file
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{listen}"));
        let sms = file
            .sms
            .map(|sms| sms.resolve(&site, &|name| std::env::var(name).ok()))
            .transpose()?;
        Ok(Config {
            database_url: args
                .database_url
                .clone()
                .map(SecretString::from)
                .or(file.database_url),
            listen,
            data_dir: args
                .data_dir
                .clone()
                .or(file.data_dir)
                .unwrap_or_else(|| PathBuf::from("twiza-data")),
            public_url: file.public_url,
            request_timeout_secs: file.request_timeout_secs.unwrap_or(30),
            session_ttl_hours: file.session_ttl_hours.unwrap_or(24 * 7),
            max_connections: file.max_connections.unwrap_or(16),
            log_origin: file.log_origin,
            donor_identity_threshold,
            need_reports_per_minute: file.need_reports_per_minute.unwrap_or(20),
            field_app_wipe_days: file.field_app_wipe_days.unwrap_or(14).clamp(1, 365),
            grievance_deadlines,
            metrics_listen: file.metrics_listen,
            metrics_token: file.metrics_token,
            payments,
            email,
            sms,
            ussd,
        })
    }

    /// The database URL: the configured one, or SQLite in the data directory (created if needed).
    pub fn database_url(&self) -> anyhow::Result<SecretString> {
        match &self.database_url {
            Some(url) => Ok(url.clone()),
            None => Ok(sqlite_url(&self.data_dir, "twiza.db")?.into()),
        }
    }

    /// The one line a command says when the configured database holds no Twiza data: how to
    /// make one, or how to reach the demo's database when it is in the data directory.
    pub fn no_database_here(&self) -> String {
        let dir = self.data_dir.display();
        let demo = self.data_dir.join(DEMO_DATABASE);
        if !self.has_database_url() && demo.exists() {
            format!(
                "no Twiza database in {dir}, but the demo's is there: add --database-url sqlite://{}",
                demo.display()
            )
        } else if self.has_database_url() {
            format!(
                "the configured database ({}) holds no Twiza data: create it with `twiza migrate`",
                self.describe_database()
            )
        } else {
            format!("no Twiza database in {dir}: create one with `twiza migrate`, or give --data-dir or --database-url")
        }
    }

    pub fn has_database_url(&self) -> bool {
        self.database_url.is_some()
    }

    /// Whether the configured URL is PostgreSQL (for messages; the URL itself is never shown).
    pub fn describe_database(&self) -> &'static str {
        match &self.database_url {
            Some(u) if u.expose_secret().starts_with("postgres") => "PostgreSQL",
            _ => "SQLite",
        }
    }

    /// The log's name: the configured one, else `<host of public_url>/log`, else
    /// `localhost/twiza`. It is part of the key's identity: keep it once checkpoints are out.
    pub fn log_origin(&self) -> String {
        if let Some(origin) = &self.log_origin {
            return origin.clone();
        }
        let host = self.public_url.as_deref().and_then(|u| {
            let rest = u.split_once("://").map_or(u, |(_, r)| r);
            rest.split('/').next().filter(|h| !h.is_empty())
        });
        match host {
            Some(h) => format!("{h}/log"),
            None => "localhost/twiza".to_owned(),
        }
    }

    /// The web layer's settings, with the keys of the data directory (created on first use).
    pub fn web(&self) -> anyhow::Result<twiza_web::WebConfig> {
        Ok(twiza_web::WebConfig {
            receipt_key: crate::keys::load_or_create(&self.data_dir, "receipt")?,
            log_origin: self.log_origin(),
            log_key_seed: crate::keys::load_or_create(&self.data_dir, "log")?,
            identity_key: crate::keys::load_or_create(&self.data_dir, "donor-identity")?,
            payment_secret: crate::keys::load_or_create(&self.data_dir, "payment-callback")?,
            personal_data: crate::keys::personal_data_keys(&self.data_dir)?,
            public_url: self.public_url.clone(),
            donor_identity_threshold: self.donor_identity_threshold,
            need_reports_per_minute: self.need_reports_per_minute,
            field_app_wipe_days: self.field_app_wipe_days,
            grievance_deadlines: self.grievance_deadlines,
            metrics_token_sha256: self
                .metrics_token
                .as_ref()
                .map(|t| twiza_web::ops::token_digest(t.expose_secret())),
            secure_cookies: self
                .public_url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://")),
            request_timeout: std::time::Duration::from_secs(self.request_timeout_secs),
            session_ttl: std::time::Duration::from_secs(self.session_ttl_hours * 3600),
            payments: match &self.payments {
                Payments::None => twiza_web::payments::PaymentsSetting::None,
                Payments::Simulated => twiza_web::payments::PaymentsSetting::Simulated {
                    delay: Some(std::time::Duration::from_millis(300)),
                },
                Payments::Cmi {
                    gateway_url,
                    client_id,
                    store_key,
                } => twiza_web::payments::PaymentsSetting::Cmi(
                    twiza_web::payments::cmi::CmiSettings {
                        gateway_url: gateway_url.clone(),
                        client_id: client_id.clone(),
                        store_key: store_key.clone(),
                        public_url: self.public_url.clone().unwrap_or_default(),
                    },
                ),
            },
            mail: self.email.mode(),
            mail_base_url: self.mail_base_url(),
            sms_channels: self
                .sms
                .as_ref()
                .map(|s| s.channels.clone())
                .unwrap_or_default(),
            sms_price_per_part: self.sms.as_ref().map_or(0, |s| s.price_per_part),
            ussd: self.ussd.clone(),
            ..Default::default()
        })
    }

    /// Where links in messages point: the public URL, else the listening address.
    pub fn mail_base_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.listen),
        }
    }
}

/// `sqlite://` URL of a file in `dir`, creating the directory.
pub fn sqlite_url(dir: &Path, file: &str) -> anyhow::Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join(file);
    Ok(format!("sqlite://{}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payments(toml_text: &str, public_url: Option<&str>) -> anyhow::Result<Payments> {
        let file: FileConfig = toml::from_str(toml_text)?;
        file.payments.resolve(public_url)
    }

    #[test]
    fn payments_are_off_unless_configured_and_cmi_needs_all_its_settings() {
        assert!(matches!(payments("", None).unwrap(), Payments::None));
        assert!(matches!(
            payments("[payments]\nprovider = \"simulated\"", None).unwrap(),
            Payments::Simulated
        ));
        let cmi = "[payments]\nprovider = \"cmi\"\ncmi_gateway_url = \"https://gw.example/fim/est3Dgate\"\n\
                   cmi_client_id = \"600000001\"\ncmi_store_key = \"secret-key\"";
        assert!(matches!(
            payments(cmi, Some("https://twiza.example")).unwrap(),
            Payments::Cmi { .. }
        ));
        let refused = |text: &str, url: Option<&str>| payments(text, url).unwrap_err().to_string();
        assert!(refused(cmi, None).contains("public_url"));
        assert!(refused(cmi, Some("http://twiza.example")).contains("public_url"));
        let no_key = cmi.replace("cmi_store_key = \"secret-key\"", "");
        assert!(refused(&no_key, Some("https://twiza.example")).contains("cmi_store_key"));
        assert!(refused("[payments]\nprovider = \"paypal\"", None).contains("not known"));
        // The store key never prints.
        let debug = format!(
            "{:?}",
            payments(cmi, Some("https://twiza.example")).unwrap()
        );
        assert!(!debug.contains("secret-key"), "{debug}");
    }

    fn email(toml_text: &str) -> anyhow::Result<Email> {
        let file: FileConfig = toml::from_str(toml_text)?;
        let env = |name: &str| (name == "SMTP_PASSWORD").then(|| "env-secret".to_owned());
        file.email.map_or(Ok(Email::Off), |e| e.resolve(&env))
    }

    #[test]
    fn email_is_off_unless_configured_and_smtp_is_checked() {
        assert!(matches!(email("").unwrap(), Email::Off));
        assert!(matches!(
            email("[email]\ntransport = \"log\"\nfrom_address = \"no-reply@x.ma\"").unwrap(),
            Email::Log { .. }
        ));
        let smtp = "[email]\ntransport = \"smtp\"\nsmtp_host = \"smtp.example.ma\"\n\
                    username = \"twiza\"\npassword_env = \"SMTP_PASSWORD\"\n\
                    from_address = \"no-reply@x.ma\"\nfrom_name = \"Twiza\"";
        match email(smtp).unwrap() {
            Email::Smtp { smtp, .. } => {
                assert_eq!(smtp.port, 587);
                assert_eq!(smtp.security, twiza_app::mail::Security::StartTls);
                assert!(smtp.credentials.is_some());
            }
            other => panic!("{other:?}"),
        }
        // The password never prints, not even in Debug.
        let debug = format!("{:?}", email(smtp).unwrap());
        assert!(!debug.contains("env-secret"), "{debug}");
        let tls = format!("{smtp}\nsecurity = \"tls\"");
        assert!(matches!(
            email(&tls).unwrap(),
            Email::Smtp { smtp, .. } if smtp.port == 465
        ));
        let refused = |text: &str| email(text).unwrap_err().to_string();
        // Plain text only to this machine.
        assert!(refused(&format!("{smtp}\nsecurity = \"none\"")).contains("localhost"));
        let local = smtp.replace("smtp.example.ma", "127.0.0.1");
        assert!(email(&format!("{local}\nsecurity = \"none\"")).is_ok());
        assert!(
            refused(&smtp.replace("SMTP_PASSWORD", "UNSET_VARIABLE")).contains("UNSET_VARIABLE")
        );
        assert!(refused(&smtp.replace("no-reply@x.ma", "nobody")).contains("from_address"));
        assert!(refused("[email]\ntransport = \"carrier-pigeon\"").contains("not known"));
        assert!(
            refused("[email]\ntransport = \"smtp\"\nfrom_address = \"a@b.ma\"")
                .contains("smtp_host")
        );
        // A password from a file: its first line.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("smtp-password");
        std::fs::write(&path, "file-secret\n").unwrap();
        let from_file = smtp.replace(
            "password_env = \"SMTP_PASSWORD\"",
            &format!("password_file = {:?}", path.display().to_string()),
        );
        match email(&from_file).unwrap() {
            Email::Smtp { smtp, .. } => {
                assert_eq!(
                    smtp.credentials.map(|c| c.1).as_deref(),
                    Some("file-secret")
                )
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_demo_smtp_flag_reaches_this_machine_only() {
        assert!(matches!(
            Email::demo_smtp("127.0.0.1:2525").unwrap(),
            Email::Smtp { smtp, .. } if smtp.port == 2525 && smtp.security == twiza_app::mail::Security::None
        ));
        assert!(Email::demo_smtp("smtp.example.ma:25").is_err());
        assert!(Email::demo_smtp("127.0.0.1").is_err());
    }
}
