//! The Twilio-compatible webhooks: inbound messages (`POST /channels/sms/twilio`, answered in
//! TwiML) and status callbacks (`POST /channels/sms/twilio/status`, recorded as delivery
//! reports). Both are signed: `X-Twilio-Signature` is the Base64 HMAC-SHA1, keyed with the
//! account's auth token, of the route's full public address followed by each POST parameter's
//! name and value, sorted by name. A missing or wrong signature is refused (403) before anything
//! is read or written.

use super::{InboundSms, MAX_BODY_BYTES, MAX_TEXT_BYTES};
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// The route Twilio posts inbound messages to.
pub const INBOUND_PATH: &str = "/channels/sms/twilio";
/// The route Twilio posts status callbacks to.
pub const STATUS_PATH: &str = "/channels/sms/twilio/status";

/// The signature Twilio computes for a request to `url` with form `params`.
pub fn signature(auth_token: &str, url: &str, params: &[(String, String)]) -> String {
    use base64::Engine;
    let mac = signing_mac(auth_token, url, params);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn signing_mac(auth_token: &str, url: &str, params: &[(String, String)]) -> Hmac<Sha1> {
    // HMAC takes keys of any length.
    let mut mac = <Hmac<Sha1> as Mac>::new_from_slice(auth_token.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    mac.update(url.as_bytes());
    let mut sorted: Vec<&(String, String)> = params.iter().collect();
    sorted.sort();
    for (name, value) in sorted {
        mac.update(name.as_bytes());
        mac.update(value.as_bytes());
    }
    mac
}

/// Whether `given` (the `X-Twilio-Signature` header) signs `url` and `params`; compared in
/// constant time.
pub fn signature_valid(
    auth_token: &str,
    url: &str,
    params: &[(String, String)],
    given: &str,
) -> bool {
    use base64::Engine;
    let Ok(given) = base64::engine::general_purpose::STANDARD.decode(given.trim()) else {
        return false;
    };
    signing_mac(auth_token, url, params)
        .verify_slice(&given)
        .is_ok()
}

/// A TwiML answer: the reply as one message, XML-escaped, or an empty response.
pub fn twiml(reply: Option<&str>) -> String {
    match reply {
        Some(text) => format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{}</Message></Response>",
            xml_escaped(text)
        ),
        None => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>".to_owned(),
    }
}

/// Text made safe inside an XML element or attribute.
pub fn xml_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The form of a signed request to `path`: refused with 404 when the Twilio channel is off,
/// 413 when too large, 403 when unsigned or wrongly signed, 400 when not a form.
fn signed_form(
    state: &AppState,
    path: &str,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> AppResult<Vec<(String, String)>> {
    let channels = &state.config.sms_channels;
    let (Some(token), Some(mut url)) = (&channels.twilio_auth_token, channels.public_url(path))
    else {
        return Err(AppError::not_found());
    };
    if body.len() > MAX_BODY_BYTES {
        return Err(super::too_large());
    }
    if let Some(query) = uri.query() {
        url.push('?');
        url.push_str(query);
    }
    let params: Vec<(String, String)> =
        serde_urlencoded::from_bytes(body).map_err(|_| AppError::bad_request("bad_request"))?;
    let given = headers
        .get("x-twilio-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !signature_valid(token, &url, &params, given) {
        return Err(AppError::forbidden());
    }
    Ok(params)
}

fn field<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// `POST /channels/sms/twilio`: a message from a phone, answered in TwiML.
pub async fn inbound(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let params = signed_form(&state, INBOUND_PATH, &uri, &headers, &body)?;
    let (Some(from), Some(message_id)) = (field(&params, "From"), field(&params, "MessageSid"))
    else {
        return Err(AppError::bad_request("bad_request"));
    };
    let text = field(&params, "Body").unwrap_or_default();
    if text.len() > MAX_TEXT_BYTES {
        return Err(super::too_large());
    }
    let sms = InboundSms {
        gateway: "twilio",
        message_id: message_id.to_owned(),
        from: from.to_owned(),
        text: text.to_owned(),
    };
    let reply = super::conversation::answer_sms(&state, sms).await;
    Ok((
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        twiml(reply.as_deref()),
    )
        .into_response())
}

/// `POST /channels/sms/twilio/status[?id=…]`: a status callback about a message we sent,
/// recorded against it — found by our id in the address, or by Twilio's (404 when none has it).
pub async fn status(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<StatusCode> {
    let params = signed_form(&state, STATUS_PATH, &uri, &headers, &body)?;
    let (Some(sid), Some(raw)) = (
        field(&params, "MessageSid"),
        field(&params, "MessageStatus"),
    ) else {
        return Err(AppError::bad_request("bad_request"));
    };
    // Our id, in the callback's (signed) address since messages are sent with it; else the
    // gateway's.
    let ours = uri.query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(n, _)| n == "id")
            .and_then(|(_, v)| v.parse::<i64>().ok())
    });
    let id = match ours {
        Some(id) => id,
        None => state
            .store
            .sms_by_provider_id("twilio", sid)
            .await?
            .ok_or_else(AppError::not_found)?,
    };
    match state
        .store
        .record_sms_report(id, super::report_status_of_twilio(raw), raw)
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(twiza_store::StoreError::NotFound) => Err(AppError::not_found()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    /// The parameters of Twilio's documented example (its "Webhooks security" page: auth token
    /// `12345`, URL `https://mycompany.com/myapp.php?foo=1&bar=2`), signed independently:
    /// `base64(hmac.new(b"12345", (url + "".join(k + v for k, v in sorted(params))).encode(),
    /// hashlib.sha1).digest())` in python3 gives `0/KCTR6DLpKmkAf8muzZqo1nDgQ=`.
    #[test]
    fn twilios_documented_example_verifies() {
        let p = params(&[
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+12349013030"),
            ("Digits", "1234"),
            ("From", "+12349013030"),
            ("To", "+18005551212"),
        ]);
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(signature("12345", url, &p), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assert!(signature_valid(
            "12345",
            url,
            &p,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        assert!(!signature_valid(
            "12346",
            url,
            &p,
            "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
        ));
        assert!(!signature_valid("12345", url, &p, "not base64!"));
    }

    #[test]
    fn twiml_escapes_the_reply() {
        assert_eq!(
            twiml(Some("a < b & \"c\" > 'd'")),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>\
             a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;</Message></Response>"
        );
        assert!(twiml(None).ends_with("<Response/>"));
    }
}
