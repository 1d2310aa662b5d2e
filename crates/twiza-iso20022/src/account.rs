//! Account and bank identifiers: IBAN (ISO 13616, with the Moroccan format), Moroccan RIB as a
//! `BBAN` account, and BIC (ISO 9362).
//!
//! Moroccan RIB: 24 digits = bank code (3) + city code (3) + account number (16) + RIB key (2).
//! The key is `97 - ((the first 22 digits as one number × 100) mod 97)`, so that the 24 digits
//! read as one number are divisible by 97 (the mod-97 family of the French and Maghreb RIB
//! keys); it lies in 01..=97. Both Moroccan examples of the IBAN registry
//! (`MA64011519000001205000534921`, `MA64360815000001793222001617`) follow it.
//!
//! Moroccan IBAN: `MA` + 2 check digits + the 24-digit RIB, 28 characters, check digits by the
//! ISO 13616 / ISO 7064 mod-97-10 rule. Because a valid RIB is ≡ 0 (mod 97), every valid
//! Moroccan IBAN has the check digits `64`; both checks are applied.

use crate::text::{check_id, check_text, MAX35};
use crate::Error;

/// The account a credit transfer goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Account {
    /// An IBAN in electronic form (no spaces, upper case), e.g. `MA64011519000001205000534921`.
    Iban(String),
    /// Any other identification, e.g. a 24-digit Moroccan RIB with scheme `BBAN`.
    Other { id: String, scheme: AccountScheme },
}

/// The scheme of a non-IBAN account identification (`SchmeNm`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountScheme {
    /// A code of the ISO 20022 external code list `ExternalAccountIdentification1Code`
    /// (`BBAN`, `AIIN`, `CUID`, `UPIC`), written as `SchmeNm/Cd`.
    Code(String),
    /// A proprietary scheme name agreed with the bank, written as `SchmeNm/Prtry`.
    Proprietary(String),
}

impl Account {
    /// A Moroccan RIB (24 digits; spaces are removed) as an `Other` account with scheme `BBAN`.
    pub fn moroccan_rib(rib: &str) -> Result<Account, Error> {
        let id: String = rib.chars().filter(|c| !c.is_whitespace()).collect();
        check_rib("rib", &id)?;
        Ok(Account::Other {
            id,
            scheme: AccountScheme::Code("BBAN".to_owned()),
        })
    }

    /// Checks the account as the writers do; `field` names it in the error.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        match self {
            Account::Iban(iban) => validate_iban(field, iban),
            Account::Other { id, scheme } => {
                check_id(field, id, 34)?;
                match scheme {
                    AccountScheme::Code(code) => {
                        if code.is_empty()
                            || code.len() > 4
                            || !code
                                .bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                        {
                            return Err(Error::InvalidAccount {
                                field: field.to_owned(),
                                value: code.clone(),
                                reason: "a scheme code has 1 to 4 upper-case letters or digits",
                            });
                        }
                        if code == "BBAN" && id.len() == 24 {
                            // 24 characters under BBAN: hold it to the Moroccan RIB form.
                            check_rib(field, id)?;
                        }
                        Ok(())
                    }
                    AccountScheme::Proprietary(name) => check_text(field, name, MAX35),
                }
            }
        }
    }
}

fn check_rib(field: &str, rib: &str) -> Result<(), Error> {
    let reason = if rib.len() != 24 || !rib.bytes().all(|b| b.is_ascii_digit()) {
        "a Moroccan RIB has exactly 24 digits"
    } else if !is_valid_moroccan_rib(rib) {
        "the RIB key (last two digits) does not match"
    } else {
        return Ok(());
    };
    Err(Error::InvalidAccount {
        field: field.to_owned(),
        value: rib.to_owned(),
        reason,
    })
}

/// The RIB key of the first 22 digits of a Moroccan RIB (bank, city, account number):
/// `97 - ((n × 100) mod 97)`, in 1..=97. `None` unless given exactly 22 ASCII digits.
pub fn moroccan_rib_key(first_22_digits: &str) -> Option<u8> {
    if first_22_digits.len() != 22 || !first_22_digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let r = mod97(first_22_digits.bytes().chain(*b"00"))?;
    u8::try_from(97 - r).ok()
}

/// Whether `rib` is 24 ASCII digits whose last two are the key of the first 22.
pub fn is_valid_moroccan_rib(rib: &str) -> bool {
    rib.len() == 24
        && rib.is_char_boundary(22)
        && rib[22..].bytes().all(|b| b.is_ascii_digit())
        && moroccan_rib_key(&rib[..22])
            .map(|k| format!("{k:02}"))
            .as_deref()
            == Some(&rib[22..])
}

/// Removes spaces and upper-cases: `"ma64 0115 …"` → `"MA640115…"`. Use it on input typed by
/// people before storing; the writers only accept the electronic form.
pub fn normalize_iban(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// ISO 7064 mod-97-10 of an alphanumeric string, letters counting as 10..=35.
fn mod97(chars: impl Iterator<Item = u8>) -> Option<u32> {
    let mut r: u32 = 0;
    for b in chars {
        r = match b {
            b'0'..=b'9' => (r * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (r * 100 + u32::from(b - b'A') + 10) % 97,
            _ => return None,
        };
    }
    Some(r)
}

/// Whether `iban` is a valid IBAN in electronic form: two upper-case letters, two check digits
/// (02..=98), an upper-case alphanumeric BBAN, 15 to 34 characters in all, and the mod-97
/// check equal to 1. A Moroccan (`MA`) IBAN must also have exactly 28 characters and carry a
/// valid RIB (see [`is_valid_moroccan_rib`]).
pub fn is_valid_iban(iban: &str) -> bool {
    let b = iban.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b[4..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let check = (b[2] - b'0') * 10 + (b[3] - b'0');
    if !(2..=98).contains(&check) {
        return false;
    }
    if &iban[..2] == "MA" && (b.len() != 28 || !is_valid_moroccan_rib(&iban[4..])) {
        return false;
    }
    let rearranged = b[4..].iter().chain(b[..4].iter()).copied();
    mod97(rearranged) == Some(1)
}

fn validate_iban(field: &str, iban: &str) -> Result<(), Error> {
    if is_valid_iban(iban) {
        Ok(())
    } else {
        Err(Error::InvalidIban {
            field: field.to_owned(),
            value: iban.to_owned(),
        })
    }
}

/// Validates an IBAN (see [`is_valid_iban`]); `field` names it in the error.
pub fn check_iban(field: &str, iban: &str) -> Result<(), Error> {
    validate_iban(field, iban)
}

/// The Moroccan IBAN of a 24-digit RIB: `MA` + check digits computed with ISO 13616
/// (98 − mod-97 of RIB + `MA00`) + the RIB. Spaces in the input are ignored.
pub fn moroccan_iban_from_rib(rib: &str) -> Result<String, Error> {
    let rib: String = rib.chars().filter(|c| !c.is_whitespace()).collect();
    check_rib("rib", &rib)?;
    let r = mod97(rib.bytes().chain(*b"MA00")).ok_or_else(|| Error::InvalidAccount {
        field: "rib".to_owned(),
        value: rib.clone(),
        reason: "a Moroccan RIB has exactly 24 digits",
    })?;
    Ok(format!("MA{:02}{rib}", 98 - r))
}

/// Whether `bic` matches `[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?` (the schema's
/// `BICFIDec2014Identifier`): institution, country, location and optional branch.
pub fn is_valid_bic(bic: &str) -> bool {
    let b = bic.as_bytes();
    let alnum = |s: &[u8]| {
        s.iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    (b.len() == 8 || b.len() == 11)
        && alnum(&b[..4])
        && b[4..6].iter().all(u8::is_ascii_uppercase)
        && alnum(&b[6..])
}

/// Validates a BIC (see [`is_valid_bic`]); `field` names it in the error.
pub fn check_bic(field: &str, bic: &str) -> Result<(), Error> {
    if is_valid_bic(bic) {
        Ok(())
    } else {
        Err(Error::InvalidBic {
            field: field.to_owned(),
            value: bic.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod97_of_known_ibans() {
        // The ISO 13616 example IBANs of other countries still pass the generic check.
        assert!(is_valid_iban("GB82WEST12345698765432"));
        assert!(is_valid_iban("FR1420041010050500013M02606"));
        assert!(!is_valid_iban("GB82WEST12345698765433"));
    }

    #[test]
    fn registry_examples_of_morocco() {
        for iban in [
            "MA64011519000001205000534921",
            "MA64360815000001793222001617",
        ] {
            assert!(is_valid_iban(iban), "{iban}");
            assert!(is_valid_moroccan_rib(&iban[4..]), "{iban}");
            assert_eq!(
                moroccan_iban_from_rib(&iban[4..]).ok().as_deref(),
                Some(iban)
            );
        }
        assert_eq!(moroccan_rib_key("0115190000012050005349"), Some(21));
        assert_eq!(moroccan_rib_key("01151900000120500053x9"), None);
        assert_eq!(moroccan_rib_key("0115"), None);
    }

    #[test]
    fn bic_pattern() {
        assert!(is_valid_bic("BCMAMAMC"));
        assert!(is_valid_bic("BCMAMAMCXXX"));
        assert!(!is_valid_bic("BCMAMAM"));
        assert!(!is_valid_bic("bcmamamc"));
        assert!(!is_valid_bic("BCMA1AMC"));
    }
}
