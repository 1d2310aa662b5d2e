//! The simulated payment provider of the demo and the tests. It has no payment page: `start`
//! sends the donor straight back to the gift's page on this site, and a moment later (the
//! configured delay) confirms the payment ASYNCHRONOUSLY with a signed callback, exactly as a
//! real provider would:
//!
//! - when the site has a public URL (`http://…` or `https://…`), it POSTs the signed callback
//!   to `<public_url>/api/v1/payments/callback` (so the whole network path runs);
//! - otherwise it hands the same signed body and header to [`super::accept_callback`]
//!   in-process — the function the callback endpoint runs.
//!
//! With no delay configured it never calls back, and tests send callbacks themselves.

use super::{
    accept_callback, BoxFuture, CallbackBody, CallbackError, HmacCallbacks, PaymentEvent,
    PaymentOrder, PaymentProvider, PaymentStart, ProviderError, SIGNATURE_HEADER,
};
use axum::http::{HeaderMap, HeaderValue};
use rand::RngCore;
use std::sync::Arc;
use std::time::Duration;
use twiza_store::Sequencer;

/// How the simulator's callbacks reach the server.
#[derive(Clone)]
pub enum Delivery {
    /// POST to this URL (the server's own callback endpoint).
    Http {
        client: reqwest::Client,
        url: String,
    },
    /// Through the confirmation path in this process.
    InProcess { sequencer: Sequencer },
}

/// See the module documentation. Cheap to clone.
#[derive(Clone)]
pub struct SimulatedProvider {
    inner: Arc<Inner>,
}

struct Inner {
    callbacks: HmacCallbacks,
    /// Time until the confirmation; `None`: never call back.
    delay: Option<Duration>,
    delivery: Delivery,
}

impl SimulatedProvider {
    pub fn new(secret: [u8; 32], delay: Option<Duration>, delivery: Delivery) -> Self {
        Self {
            inner: Arc::new(Inner {
                callbacks: HmacCallbacks::new(secret),
                delay,
                delivery,
            }),
        }
    }

    /// Delivery for a site: over HTTP(S) to `public_url` when there is one, in-process otherwise.
    pub fn delivery_for(public_url: Option<&str>, sequencer: Sequencer) -> Delivery {
        match public_url {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                Delivery::Http {
                    client: reqwest::Client::new(),
                    url: format!("{}/api/v1/payments/callback", url.trim_end_matches('/')),
                }
            }
            _ => Delivery::InProcess { sequencer },
        }
    }

    /// A signed callback body and its signature header value.
    pub fn signed_callback(&self, body: &CallbackBody) -> (Vec<u8>, String) {
        let bytes = serde_json::to_vec(body).unwrap_or_default();
        let signature = self.inner.callbacks.sign(&bytes);
        (bytes, signature)
    }

    async fn confirm_later(self, order: PaymentOrder, delay: Duration) {
        tokio::time::sleep(delay).await;
        let mut id = [0u8; 12];
        rand::rngs::OsRng.fill_bytes(&mut id);
        let body = CallbackBody {
            event_id: format!("sim_{}", hex::encode(id)),
            reference: order.reference,
            status: "paid".into(),
            amount: order.amount.to_string(),
            currency: twiza_domain::money::CURRENCY.into(),
            timestamp: time::OffsetDateTime::now_utc().unix_timestamp(),
        };
        let (bytes, signature) = self.signed_callback(&body);
        match &self.inner.delivery {
            Delivery::Http { client, url } => {
                let sent = client
                    .post(url)
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(SIGNATURE_HEADER, signature)
                    .body(bytes)
                    .send()
                    .await;
                match sent {
                    Ok(r) if r.status().is_success() => {}
                    Ok(r) => {
                        tracing::warn!(status = r.status().as_u16(), "simulated callback refused")
                    }
                    Err(e) => tracing::warn!(error = %e, "simulated callback not delivered"),
                }
            }
            Delivery::InProcess { sequencer } => {
                let mut headers = HeaderMap::new();
                if let Ok(v) = HeaderValue::from_str(&signature) {
                    headers.insert(SIGNATURE_HEADER, v);
                }
                if let Err(e) = accept_callback(&self, sequencer, &headers, &bytes).await {
                    tracing::warn!(code = e.code, "simulated callback refused");
                }
            }
        }
    }
}

impl PaymentProvider for SimulatedProvider {
    fn name(&self) -> &'static str {
        "simulated"
    }

    fn is_test(&self) -> bool {
        true
    }

    fn start<'a>(
        &'a self,
        order: &'a PaymentOrder,
    ) -> BoxFuture<'a, Result<PaymentStart, ProviderError>> {
        Box::pin(async move {
            if let Some(delay) = self.inner.delay {
                tokio::spawn(self.clone().confirm_later(order.clone(), delay));
            }
            Ok(PaymentStart {
                provider_reference: order.reference.clone(),
                redirect_to: order.return_path.clone(),
            })
        })
    }

    fn verify_callback(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: i64,
    ) -> Result<PaymentEvent, CallbackError> {
        self.inner.callbacks.verify(headers, body, now)
    }
}
