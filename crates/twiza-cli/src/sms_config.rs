//! `[sms]` of the configuration file: the outbound gateway (`kannel`, `twilio` or `log`), its
//! rate, and the inbound webhooks' secrets (Kannel's shared secret and allowed addresses,
//! Twilio's auth token) with the public address the gateways call. Secrets come from a file or
//! an environment variable, like the SMTP password, and never print.

use anyhow::Context;
use serde::Deserialize;
use std::path::PathBuf;

/// `[sms]` as written in the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsFile {
    /// `kannel`, `twilio` or `log` (demo and tests: nothing is delivered).
    gateway: Option<String>,
    /// Messages sent per second at most (default 10).
    rate_per_second: Option<f64>,
    /// What one SMS part costs, in MAD (`"0.20"`), for the cost shown before an alert is sent;
    /// none or `"0"`: the cost is shown as unknown.
    price_per_part: Option<String>,
    /// The site's address as the gateways reach it (default: `public_url`, else the listening
    /// address): Twilio's signatures and the report addresses are made with it.
    public_base_url: Option<String>,
    /// Kannel's `sendsms` interface: `http://127.0.0.1:13013/cgi-bin/sendsms`.
    kannel_sendsms_url: Option<String>,
    kannel_username: Option<String>,
    kannel_password_file: Option<PathBuf>,
    kannel_password_env: Option<String>,
    /// The sender shown on phones, if the SMSC lets it be chosen.
    kannel_from: Option<String>,
    /// The secret Kannel's `sms-service` and `dlr-url` carry (letters, digits, `-`, `_`; at
    /// least 16): turns on `/channels/sms/kannel` and its reports.
    kannel_secret_file: Option<PathBuf>,
    kannel_secret_env: Option<String>,
    /// Addresses Kannel's smsbox calls from (empty: any, the secret alone).
    #[serde(default)]
    kannel_allowed_addresses: Vec<std::net::IpAddr>,
    twilio_account_sid: Option<String>,
    /// The account's auth token: turns on `/channels/sms/twilio` and its status callbacks.
    twilio_auth_token_file: Option<PathBuf>,
    twilio_auth_token_env: Option<String>,
    /// Send from this number, or through this messaging service.
    twilio_from: Option<String>,
    twilio_messaging_service_sid: Option<String>,
    /// Default `https://api.twilio.com`.
    twilio_api_base: Option<String>,
}

/// How text messages leave, as configured.
#[derive(Debug, Clone)]
pub enum Outbound {
    Kannel {
        sendsms_url: String,
        username: String,
        password: secrecy::SecretString,
        from: Option<String>,
    },
    Twilio {
        api_base: String,
        account_sid: String,
        from: twiza_app::sms::TwilioFrom,
    },
    Log,
}

/// `[sms]` resolved.
#[derive(Debug, Clone)]
pub struct Sms {
    pub outbound: Outbound,
    /// The inbound side, as the web layer takes it.
    pub channels: twiza_web::channels::SmsChannels,
    /// What one part costs, in centimes (0: unknown).
    pub price_per_part: i64,
}

/// A secret from a file or an environment variable (not both), trimmed.
fn secret(
    what: &str,
    file: Option<&PathBuf>,
    env_name: Option<&String>,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<Option<String>> {
    let value = match (file, env_name) {
        (Some(_), Some(_)) => anyhow::bail!("[sms] give {what}_file or {what}_env, not both"),
        (Some(path), None) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("[sms] reading {what}_file {}", path.display()))?,
        ),
        (None, Some(name)) => Some(
            env(name)
                .with_context(|| format!("[sms] the environment variable {name} is not set"))?,
        ),
        (None, None) => None,
    };
    Ok(value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()))
}

impl SmsFile {
    /// Resolves `[sms]`; `default_base` is the site's address when `public_base_url` is not
    /// given.
    pub fn resolve(
        self,
        default_base: &str,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> anyhow::Result<Sms> {
        let kannel_secret = secret(
            "kannel_secret",
            self.kannel_secret_file.as_ref(),
            self.kannel_secret_env.as_ref(),
            env,
        )?;
        if let Some(s) = &kannel_secret {
            let url_safe = s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if s.len() < 16 || !url_safe {
                anyhow::bail!(
                    "[sms] the Kannel secret needs at least 16 letters, digits, '-' or '_' \
                     (it travels in Kannel's URLs)"
                );
            }
        }
        let twilio_auth_token = secret(
            "twilio_auth_token",
            self.twilio_auth_token_file.as_ref(),
            self.twilio_auth_token_env.as_ref(),
            env,
        )?;
        let rate = self.rate_per_second.unwrap_or(10.0);
        if !(rate.is_finite() && rate > 0.0) {
            anyhow::bail!("[sms] rate_per_second must be above 0");
        }
        let price_per_part = match self.price_per_part.as_deref().map(str::trim) {
            None | Some("") => 0,
            Some(raw) if raw.chars().all(|c| c == '0' || c == '.') => 0,
            Some(raw) => twiza_domain::money::Amount::parse("price_per_part", raw)
                .map_err(|_| {
                    anyhow::anyhow!("[sms] price_per_part is an amount in MAD, like \"0.20\"")
                })?
                .centimes(),
        };
        let public_base_url = self
            .public_base_url
            .unwrap_or_else(|| default_base.to_owned())
            .trim_end_matches('/')
            .to_owned();
        let outbound = match self.gateway.as_deref() {
            Some("kannel") => Outbound::Kannel {
                sendsms_url: self
                    .kannel_sendsms_url
                    .context("[sms] kannel needs kannel_sendsms_url")?,
                username: self
                    .kannel_username
                    .context("[sms] kannel needs kannel_username")?,
                password: secret(
                    "kannel_password",
                    self.kannel_password_file.as_ref(),
                    self.kannel_password_env.as_ref(),
                    env,
                )?
                .context("[sms] kannel needs kannel_password_file or kannel_password_env")?
                .into(),
                from: self.kannel_from,
            },
            Some("twilio") => Outbound::Twilio {
                api_base: self
                    .twilio_api_base
                    .unwrap_or_else(|| "https://api.twilio.com".to_owned())
                    .trim_end_matches('/')
                    .to_owned(),
                account_sid: self
                    .twilio_account_sid
                    .context("[sms] twilio needs twilio_account_sid")?,
                from: match (self.twilio_from, self.twilio_messaging_service_sid) {
                    (Some(n), None) => twiza_app::sms::TwilioFrom::Number(n),
                    (None, Some(s)) => twiza_app::sms::TwilioFrom::MessagingService(s),
                    _ => anyhow::bail!(
                        "[sms] twilio needs twilio_from or twilio_messaging_service_sid (one)"
                    ),
                },
            },
            Some("log") => Outbound::Log,
            None => anyhow::bail!("[sms] needs gateway = \"kannel\", \"twilio\" or \"log\""),
            Some(other) => anyhow::bail!(
                "[sms] gateway = \"{other}\" is not known (\"kannel\", \"twilio\" or \"log\")"
            ),
        };
        if matches!(outbound, Outbound::Twilio { .. }) && twilio_auth_token.is_none() {
            anyhow::bail!("[sms] twilio needs twilio_auth_token_file or twilio_auth_token_env");
        }
        Ok(Sms {
            outbound,
            channels: twiza_web::channels::SmsChannels {
                public_base_url: Some(public_base_url),
                twilio_auth_token,
                kannel_secret,
                kannel_allowed_addresses: self.kannel_allowed_addresses,
                rate_per_second: rate,
            },
            price_per_part,
        })
    }
}

impl Sms {
    /// The demo's: the log-only gateway, and the Twilio-compatible webhook with `auth_token`.
    pub fn demo(base: &str, auth_token: String) -> Sms {
        Sms {
            outbound: Outbound::Log,
            channels: twiza_web::channels::SmsChannels {
                public_base_url: Some(base.trim_end_matches('/').to_owned()),
                twilio_auth_token: Some(auth_token),
                ..Default::default()
            },
            price_per_part: 0,
        }
    }

    /// The outbound gateway; `log` is the log-only gateway to use for `Outbound::Log`.
    pub fn gateway(
        &self,
        log: std::sync::Arc<twiza_app::sms::LogOnlySms>,
    ) -> twiza_app::sms::Gateway {
        use twiza_web::channels::{kannel, twilio};
        let c = &self.channels;
        match &self.outbound {
            Outbound::Kannel {
                sendsms_url,
                username,
                password,
                from,
            } => twiza_app::sms::Gateway::Kannel(twiza_app::sms::Kannel {
                sendsms_url: sendsms_url.clone(),
                username: username.clone(),
                password: secrecy::ExposeSecret::expose_secret(password).to_owned(),
                from: from.clone(),
                dlr_url: match (&c.kannel_secret, c.public_url(kannel::DLR_PATH)) {
                    (Some(secret), Some(url)) => Some(format!("{url}?secret={secret}")),
                    _ => None,
                },
            }),
            Outbound::Twilio {
                api_base,
                account_sid,
                from,
            } => twiza_app::sms::Gateway::Twilio(twiza_app::sms::Twilio {
                api_base: api_base.clone(),
                account_sid: account_sid.clone(),
                auth_token: c.twilio_auth_token.clone().unwrap_or_default(),
                from: from.clone(),
                status_callback: c.public_url(twilio::STATUS_PATH),
            }),
            Outbound::Log => twiza_app::sms::Gateway::Log(log),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, env: &dyn Fn(&str) -> Option<String>) -> anyhow::Result<Sms> {
        toml::from_str::<SmsFile>(text)?.resolve("http://127.0.0.1:8080", env)
    }

    #[test]
    fn kannel_with_its_secret_and_addresses() {
        let sms = parse(
            "gateway = \"kannel\"\nkannel_sendsms_url = \"http://127.0.0.1:13013/cgi-bin/sendsms\"\n\
             kannel_username = \"twiza\"\nkannel_password_env = \"KPW\"\n\
             kannel_secret_env = \"KSECRET\"\nkannel_allowed_addresses = [\"127.0.0.1\"]\n\
             rate_per_second = 5",
            &|name| match name {
                "KPW" => Some("pw-hunter2".into()),
                "KSECRET" => Some("0123456789abcdef-hunter2".into()),
                _ => None,
            },
        )
        .expect("parsed");
        assert_eq!(sms.channels.rate_per_second, 5.0);
        assert_eq!(sms.price_per_part, 0, "unknown unless configured");
        assert_eq!(sms.channels.kannel_allowed_addresses.len(), 1);
        let gateway = sms.gateway(Default::default());
        let twiza_app::sms::Gateway::Kannel(k) = &gateway else {
            panic!("kannel");
        };
        assert_eq!(
            k.dlr_url.as_deref(),
            Some("http://127.0.0.1:8080/channels/sms/kannel/dlr?secret=0123456789abcdef-hunter2")
        );
        assert!(!format!("{sms:?} {gateway:?}").contains("hunter2"));
    }

    #[test]
    fn bad_settings_are_refused_with_their_reason() {
        let no_env = |_: &str| None;
        let err = |t: &str| parse(t, &no_env).expect_err("refused").to_string();
        assert!(err("gateway = \"pigeon\"").contains("not known"));
        assert!(
            err("gateway = \"twilio\"\ntwilio_account_sid = \"AC1\"\ntwilio_from = \"+1\"")
                .contains("auth_token")
        );
        assert!(err("gateway = \"log\"\nkannel_secret_env = \"NOPE\"").contains("NOPE"));
        let short = parse("gateway = \"log\"\nkannel_secret_env = \"S\"", &|_| {
            Some("short%secret".into())
        });
        assert!(short.is_err());
        assert!(err("gateway = \"log\"\nprice_per_part = \"cheap\"").contains("price_per_part"));
        let priced = parse("gateway = \"log\"\nprice_per_part = \"0.25\"", &no_env).expect("ok");
        assert_eq!(priced.price_per_part, 25);
    }
}
