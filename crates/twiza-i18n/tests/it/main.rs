//! Integration tests of twiza-i18n: message-file parity, negotiation, plurals and formatting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod formatting;
mod ftl;
mod negotiation;
mod parity;
mod phone;
mod plurals;

use std::sync::OnceLock;

use twiza_i18n::Messages;

/// The catalogue, loaded once for all tests.
fn messages() -> &'static Messages {
    static MESSAGES: OnceLock<Messages> = OnceLock::new();
    MESSAGES.get_or_init(|| match Messages::load() {
        Ok(messages) => messages,
        Err(error) => panic!("{error}"),
    })
}
