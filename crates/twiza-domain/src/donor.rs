//! The identity of a donor, asked above the anti-money-laundering threshold (optional below it):
//! full name, a Moroccan national identity card (CIN) or a passport number, and the country.
//! It is personal data: the web layer stores it only encrypted, and it never enters the log.

use crate::money::Amount;
use crate::text::{parse_name, FieldError};
use serde::{Deserialize, Serialize};

/// The identity document of a donor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "number", rename_all = "snake_case")]
pub enum IdDocument {
    /// Carte nationale d'identité électronique: one or two letters and digits (`BE123456`).
    Cin(String),
    Passport(String),
}

/// A donor's identity, validated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DonorIdentity {
    pub full_name: String,
    pub document: IdDocument,
    /// ISO 3166-1 alpha-2 code, upper case (`MA`, `FR`).
    pub country: String,
}

/// The raw fields of an identity, as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct DonorIdentityInput<'a> {
    pub full_name: &'a str,
    /// `cin` or `passport`.
    pub document_type: &'a str,
    pub document_number: &'a str,
    pub country: &'a str,
}

impl DonorIdentityInput<'_> {
    /// Whether nothing at all was typed (an optional identity left empty).
    pub fn is_blank(&self) -> bool {
        [
            self.full_name,
            self.document_type,
            self.document_number,
            self.country,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

impl DonorIdentity {
    /// Parses every field, reporting all the invalid ones. Letters of document numbers and the
    /// country are upper-cased; spaces are dropped from document numbers.
    pub fn parse(input: &DonorIdentityInput<'_>) -> Result<DonorIdentity, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name = parse_name("donor_full_name", input.full_name, 200)
            .map_err(|e| errors.push(e))
            .ok();
        let number: String = input
            .document_number
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let document = match input.document_type.trim() {
            "cin" if is_cin(&number) => Some(IdDocument::Cin(number)),
            "cin" => {
                errors.push(FieldError::new("donor_document_number", "invalid_cin"));
                None
            }
            "passport" if is_passport(&number) => Some(IdDocument::Passport(number)),
            "passport" => {
                errors.push(FieldError::new("donor_document_number", "invalid_passport"));
                None
            }
            _ => {
                errors.push(FieldError::new(
                    "donor_document_type",
                    "invalid_document_type",
                ));
                None
            }
        };
        let country = input.country.trim().to_ascii_uppercase();
        if !is_iso_3166_country(&country) {
            errors.push(FieldError::new("donor_country", "invalid_country"));
        }
        match (full_name, document) {
            (Some(full_name), Some(document)) if errors.is_empty() => Ok(DonorIdentity {
                full_name,
                document,
                country,
            }),
            _ => Err(errors),
        }
    }
}

/// The 249 officially assigned ISO 3166-1 alpha-2 country codes, in order.
const ISO_3166_COUNTRIES: &str = "\
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM \
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS \
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN \
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ \
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM \
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV \
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI \
    VN VU WF WS YE YT ZA ZM ZW";

/// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case); user-assigned codes such
/// as `ZZ` or `XK` are not.
pub fn is_iso_3166_country(code: &str) -> bool {
    code.len() == 2 && ISO_3166_COUNTRIES.split(' ').any(|c| c == code)
}

/// A CIN number: one or two letters, then one to eight digits.
fn is_cin(s: &str) -> bool {
    let letters = s.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = &s[letters..];
    (1..=2).contains(&letters)
        && (1..=8).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A passport number: 6 to 20 letters and digits.
fn is_passport(s: &str) -> bool {
    (6..=20).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether a gift of `amount` needs the donor's identity: strictly above `threshold`.
pub fn identity_required(amount: Amount, threshold: Amount) -> bool {
    amount > threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_the_assigned_iso_3166_codes() {
        let codes: Vec<&str> = ISO_3166_COUNTRIES.split(' ').collect();
        assert_eq!(codes.len(), 249);
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        for code in ["MA", "FR", "ES", "BE", "NL", "DE", "US", "CA", "SA", "AE"] {
            assert!(is_iso_3166_country(code), "{code}");
        }
        for code in ["ZZ", "XK", "UK", "EU", "M", "MAR", "ma", ""] {
            assert!(!is_iso_3166_country(code), "{code}");
        }
    }

    fn input<'a>(kind: &'a str, number: &'a str, country: &'a str) -> DonorIdentityInput<'a> {
        DonorIdentityInput {
            full_name: "Fatima Zahra Alaoui",
            document_type: kind,
            document_number: number,
            country,
        }
    }

    #[test]
    fn cin_and_passport_numbers() {
        let ok = DonorIdentity::parse(&input("cin", "be 123456", "ma")).unwrap();
        assert_eq!(ok.document, IdDocument::Cin("BE123456".into()));
        assert_eq!(ok.country, "MA");
        assert!(DonorIdentity::parse(&input("cin", "A1", "MA")).is_ok());
        for bad in ["123456", "ABC12345", "BE", "BE123456789", "B-12345"] {
            let e = DonorIdentity::parse(&input("cin", bad, "MA")).unwrap_err();
            assert_eq!(e[0].code, "invalid_cin", "{bad}");
        }
        assert!(DonorIdentity::parse(&input("passport", "X1234567", "FR")).is_ok());
        assert_eq!(
            DonorIdentity::parse(&input("passport", "X1", "FR")).unwrap_err()[0].code,
            "invalid_passport"
        );
        assert_eq!(
            DonorIdentity::parse(&input("licence", "X1234567", "FR")).unwrap_err()[0].code,
            "invalid_document_type"
        );
    }

    #[test]
    fn every_bad_field_is_reported() {
        let e = DonorIdentity::parse(&DonorIdentityInput {
            full_name: "",
            document_type: "cin",
            document_number: "nope",
            country: "Morocco",
        })
        .unwrap_err();
        let codes: Vec<_> = e.iter().map(|e| e.code).collect();
        assert_eq!(codes, ["required", "invalid_cin", "invalid_country"]);
    }

    #[test]
    fn threshold_is_strict() {
        let t = Amount::parse("t", "10000.00").unwrap();
        assert!(!identity_required(t, t));
        assert!(identity_required(
            Amount::parse("a", "10000.01").unwrap(),
            t
        ));
    }
}
