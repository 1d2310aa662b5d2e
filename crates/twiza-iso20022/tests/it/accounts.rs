//! IBAN (ISO 13616 mod-97), Moroccan RIB key and BIC checks.

use twiza_iso20022::{
    check_iban, is_valid_bic, is_valid_iban, is_valid_moroccan_rib, moroccan_iban_from_rib,
    normalize_iban, Account, AccountScheme,
};

use crate::support::{iban, rib};

#[test]
fn constructed_moroccan_ibans_are_valid() {
    for n in [0, 1, 42, 9_999_999_999_999_999] {
        let rib = rib(11, 810, n);
        assert!(is_valid_moroccan_rib(&rib), "{rib}");
        let iban = moroccan_iban_from_rib(&rib).expect("valid rib");
        assert_eq!(iban.len(), 28);
        assert!(
            iban.starts_with("MA64"),
            "a valid RIB gives check digits 64: {iban}"
        );
        assert!(is_valid_iban(&iban), "{iban}");
    }
}

#[test]
fn iban_check_digits_are_computed_by_mod97() {
    // The check digits do not depend on a valid RIB key: compute them for any 24 digits by
    // the ISO 13616 rule in plain arithmetic and compare with what the crate accepts.
    let bban = "007780000000000000001234";
    let number: String = format!("{bban}MA00")
        .chars()
        .map(|c| match c {
            'M' => "22".to_owned(),
            'A' => "10".to_owned(),
            d => d.to_string(),
        })
        .collect();
    let rem = number
        .bytes()
        .fold(0u32, |r, b| (r * 10 + u32::from(b - b'0')) % 97);
    let check = 98 - rem;
    let generic = format!("MA{check:02}{bban}");
    // Mod-97 passes, so only the RIB key can make it fail.
    assert_eq!(is_valid_iban(&generic), is_valid_moroccan_rib(bban));
}

#[test]
fn invalid_ibans_are_refused() {
    let good = iban(7);
    assert!(is_valid_iban(&good));
    let bytes = good.as_bytes();
    let mut changed_digit = bytes.to_vec();
    changed_digit[20] = if bytes[20] == b'9' {
        b'8'
    } else {
        bytes[20] + 1
    };
    // Swap the last two different adjacent digits: mod-97 catches every transposition.
    let i = (4..27)
        .rev()
        .find(|&i| bytes[i] != bytes[i + 1])
        .expect("some differ");
    let mut transposed = bytes.to_vec();
    transposed.swap(i, i + 1);
    let changed_digit = String::from_utf8(changed_digit).expect("ascii");
    let transposed = String::from_utf8(transposed).expect("ascii");
    for bad in [
        changed_digit.as_str(),
        transposed.as_str(),
        &format!("MA65{}", &good[4..]),
        &good[..27],
        &format!("{good}0"),
        &good.to_lowercase(),
        &format!("MA64 {}", &good[4..]),
        "",
        "MA",
        "MA00007780000000000000000160",
        "XX64007780000000000000000160",
        "MA6400778000000000000000016é",
    ] {
        assert!(!is_valid_iban(bad), "{bad:?} should be refused");
        assert_eq!(
            check_iban("x", bad).map_err(|e| e.code()),
            Err("invalid_iban")
        );
    }
    assert_eq!(normalize_iban(&format!("ma64 {}", &good[4..])), good);
}

#[test]
fn rib_accounts_are_bban_with_a_key_check() {
    let good = rib(230, 810, 42);
    let account = Account::moroccan_rib(&format!("{} {}", &good[..12], &good[12..])).expect("ok");
    assert_eq!(
        account,
        Account::Other {
            id: good.clone(),
            scheme: AccountScheme::Code("BBAN".to_owned())
        }
    );
    let wrong_key = format!(
        "{}{:02}",
        &good[..22],
        (good[22..].parse::<u32>().unwrap_or(0) % 97) + 1
    );
    for bad in [wrong_key.as_str(), &good[..23], "23081000000000000000425A"] {
        assert_eq!(
            Account::moroccan_rib(bad).map_err(|e| e.code()),
            Err("invalid_account"),
            "{bad}"
        );
    }
}

#[test]
fn bics() {
    assert!(is_valid_bic("BCMAMAMC"));
    assert!(is_valid_bic("CIHMMAMCXXX"));
    assert!(!is_valid_bic("CIHMMAMCXX"));
    assert!(!is_valid_bic("CIHM MAMC"));
}
