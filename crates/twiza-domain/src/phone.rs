//! Moroccan phone numbers: one reading of what people and gateways write (`06 12 34 56 78`,
//! `+212 6…`, `00212…`, `212…`) into the international form `+212` and nine digits.

/// A Moroccan number in international form, if `raw` is one: `+212`, then nine digits whose
/// first is 5 (fixed), 6 or 7 (mobile) or 8 (fixed and VoIP). Spaces, dots, dashes and
/// brackets are ignored.
pub fn moroccan_number(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let national = compact
        .strip_prefix("+212")
        .or_else(|| compact.strip_prefix("00212"))
        .or_else(|| compact.strip_prefix("212").filter(|rest| rest.len() == 9))
        .or_else(|| compact.strip_prefix('0'))?;
    let valid = national.len() == 9
        && national.bytes().all(|b| b.is_ascii_digit())
        && matches!(national.as_bytes()[0], b'5'..=b'8');
    valid.then(|| format!("+212{national}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_and_gateways_write_them() {
        for raw in [
            "0612345678",
            "06 12 34 56 78",
            "06.12.34.56.78",
            "+212 6 12 34 56 78",
            "00212612345678",
            "212612345678",
            "(0)612-345-678",
        ] {
            assert_eq!(
                moroccan_number(raw).as_deref(),
                Some("+212612345678"),
                "{raw}"
            );
        }
        assert_eq!(
            moroccan_number("0812345678").as_deref(),
            Some("+212812345678")
        );
        for raw in [
            "",
            "612345678",
            "0912345678",
            "061234567",
            "06123456789",
            "+33612345678",
            "06١٢٣٤٥٦٧٨",
        ] {
            assert_eq!(moroccan_number(raw), None, "{raw}");
        }
    }
}
