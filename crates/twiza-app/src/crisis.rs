//! Crisis coordination's use cases that every face shares.

/// A random public reference for a need: `N-` and 16 base32 characters (80 bits), what a
/// reporter keeps to follow the need without an account.
pub fn need_reference() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ0123456789";
    let bytes: [u8; 16] = rand::random();
    let code: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("N-{code}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_are_short_and_unambiguous() {
        let r = super::need_reference();
        assert_eq!(r.len(), 18);
        assert!(r.starts_with("N-"));
        assert!(!r[2..].contains(['I', 'L', 'O', 'U']));
    }
}
