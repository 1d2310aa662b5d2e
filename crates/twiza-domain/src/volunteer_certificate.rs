//! A certificate of volunteering: its public code (`VC-XXXX-XXXX`, letters and digits no one
//! confuses), what it says (host, volunteer, hours, missions, period) as canonical JSON, and the
//! commitment SHA-256(salt ‖ content) that the transparency log holds instead of any personal
//! data, so a host can neither back-date nor forge one.

use crate::leaf::{canonical_json, LeafValue};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The code's alphabet: digits and capitals without `0 O 1 I L` (31 signs).
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Signs in a code, after `VC-` (two groups of four).
pub const CODE_SIGNS: usize = 8;

/// A certificate's code from 16 random bytes: `VC-` then two groups of four signs.
pub fn certificate_code(random: [u8; 16]) -> String {
    let base = CODE_ALPHABET.len() as u128;
    let mut n = u128::from_le_bytes(random);
    let mut code = String::from("VC-");
    for i in 0..CODE_SIGNS {
        if i == 4 {
            code.push('-');
        }
        code.push(char::from(CODE_ALPHABET[(n % base) as usize]));
        n /= base;
    }
    code
}

/// A code as someone typed it (any case, spaces or dashes anywhere, with or without `VC`), in
/// its printed form; `None` when it cannot be one.
pub fn parse_certificate_code(raw: &str) -> Option<String> {
    let signs: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let signs = signs.strip_prefix("VC").unwrap_or(&signs);
    if signs.len() != CODE_SIGNS || !signs.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return None;
    }
    Some(format!("VC-{}-{}", &signs[..4], &signs[4..]))
}

/// What a certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateContent {
    pub code: String,
    pub organization_id: i64,
    /// The host's name (French, as registered).
    pub host: String,
    pub volunteer: String,
    pub minutes: i64,
    /// The missions' titles, in the order worked.
    pub missions: Vec<String>,
    /// `YYYY-MM-DD`.
    pub period_from: String,
    pub period_until: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
}

impl CertificateContent {
    /// The content as RFC 8785 canonical JSON: what the commitment is computed over and what
    /// is stored (`volunteer_certificates.content`).
    pub fn canonical(&self) -> String {
        let mut map = BTreeMap::new();
        map.insert("v", LeafValue::Int(1));
        map.insert("code", self.code.as_str().into());
        map.insert("organization", self.organization_id.into());
        map.insert("host", self.host.as_str().into());
        map.insert("volunteer", self.volunteer.as_str().into());
        map.insert("minutes", self.minutes.into());
        map.insert(
            "missions",
            LeafValue::Array(self.missions.iter().map(|m| m.as_str().into()).collect()),
        );
        map.insert("period_from", self.period_from.as_str().into());
        map.insert("period_until", self.period_until.as_str().into());
        map.insert("issued_on", self.issued_on.as_str().into());
        canonical_json(&LeafValue::Object(map))
    }
}

/// The commitment: SHA-256 (hex) over the 32-byte salt then the canonical content. The salt
/// stays in the database and on the printed certificate's check page, so the commitment alone
/// reveals nothing of the volunteer.
pub fn commitment(salt: &[u8; 32], canonical_content: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt);
    h.update(canonical_content.as_bytes());
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_unambiguous_alphabet_and_read_back_however_typed() {
        let code = certificate_code([7; 16]);
        assert_eq!(code.len(), 12);
        assert!(code.starts_with("VC-"));
        assert_eq!(
            parse_certificate_code(&code).as_deref(),
            Some(code.as_str())
        );
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(
            parse_certificate_code(&typed).as_deref(),
            Some(code.as_str())
        );
        assert_ne!(certificate_code([8; 16]), code);
        assert_eq!(parse_certificate_code("VC-0000-1111"), None);
        assert_eq!(parse_certificate_code("VC-ABCD"), None);
    }

    #[test]
    fn the_commitment_binds_salt_and_content() {
        let c = CertificateContent {
            code: "VC-ABCD-EFGH".into(),
            organization_id: 3,
            host: "Association Atlas".into(),
            volunteer: "Salma".into(),
            minutes: 240,
            missions: vec!["Distribution".into()],
            period_from: "2026-12-10".into(),
            period_until: "2026-12-12".into(),
            issued_on: "2026-12-13".into(),
        };
        let json = c.canonical();
        assert!(json.starts_with("{\"code\":\"VC-ABCD-EFGH\",\"host\":"));
        let a = commitment(&[1; 32], &json);
        assert_ne!(a, commitment(&[2; 32], &json));
        let mut other = c.clone();
        other.minutes = 241;
        assert_ne!(a, commitment(&[1; 32], &other.canonical()));
    }
}
