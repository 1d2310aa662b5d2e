//! Locale negotiation from the cookie and `Accept-Language`, including hostile input.

use twiza_i18n::{negotiate, Locale};

#[test]
fn cookie_wins() {
    assert_eq!(negotiate(Some("fr"), Some("en")), Locale::Fr);
    assert_eq!(negotiate(Some("zgh"), Some("ar-MA,ar;q=0.9")), Locale::Zgh);
    assert_eq!(negotiate(Some("en"), None), Locale::En);
    assert_eq!(negotiate(Some("ar"), Some("fr")), Locale::Ar);
    assert_eq!(negotiate(Some("FR-ma"), Some("en")), Locale::Fr);
}

#[test]
fn invalid_cookie_falls_back_to_the_header() {
    assert_eq!(negotiate(Some("xx"), Some("fr")), Locale::Fr);
    assert_eq!(negotiate(Some(""), Some("en")), Locale::En);
    assert_eq!(negotiate(Some("zgh-Latn"), Some("en")), Locale::En);
    assert_eq!(negotiate(Some("<script>"), None), Locale::Ar);
}

#[test]
fn highest_quality_wins() {
    assert_eq!(negotiate(None, Some("fr;q=0.5, en;q=0.9")), Locale::En);
    assert_eq!(negotiate(None, Some("en;q=0.8, fr")), Locale::Fr);
    assert_eq!(negotiate(None, Some("en-US,en;q=0.9,fr;q=0.8")), Locale::En);
    assert_eq!(
        negotiate(None, Some("de-DE, de;q=0.9, fr;q=0.3")),
        Locale::Fr
    );
    assert_eq!(negotiate(None, Some("zgh;q=0.2, ar;q=0.1")), Locale::Zgh);
    assert_eq!(
        negotiate(None, Some("fr-FR;q=0.7,ar-MA;q=0.701")),
        Locale::Ar
    );
    assert_eq!(
        negotiate(None, Some("en ; Q = 0.4 , fr ; q=0.3")),
        Locale::En
    );
}

#[test]
fn equal_weights_keep_header_order() {
    assert_eq!(negotiate(None, Some("fr, en")), Locale::Fr);
    assert_eq!(negotiate(None, Some("en, fr")), Locale::En);
    assert_eq!(negotiate(None, Some("en;q=0.5, fr;q=0.5")), Locale::En);
}

#[test]
fn q_zero_excludes() {
    assert_eq!(negotiate(None, Some("fr;q=0, en;q=0.1")), Locale::En);
    assert_eq!(negotiate(None, Some("fr;q=0")), Locale::Ar);
    assert_eq!(negotiate(None, Some("fr;q=0.000")), Locale::Ar);
    // Arabic explicitly refused and nothing else acceptable: the next locale not refused.
    assert_eq!(negotiate(None, Some("ar;q=0")), Locale::Fr);
    assert_eq!(negotiate(None, Some("ar;q=0, fr;q=0, de")), Locale::Zgh);
    assert_eq!(
        negotiate(None, Some("ar;q=0, fr;q=0, zgh;q=0, en;q=0")),
        Locale::Ar
    );
}

#[test]
fn star_is_ignored() {
    assert_eq!(negotiate(None, Some("*")), Locale::Ar);
    assert_eq!(negotiate(None, Some("*;q=1, fr;q=0.1")), Locale::Fr);
}

#[test]
fn amazigh_varieties_select_tamazight() {
    assert_eq!(negotiate(None, Some("shi-MA, fr;q=0.8")), Locale::Zgh);
    assert_eq!(negotiate(None, Some("tzm;q=0.9, en;q=0.5")), Locale::Zgh);
    assert_eq!(negotiate(None, Some("ber")), Locale::Zgh);
    // Tamazight in Latin script: we only have Tifinagh, so the next choice.
    assert_eq!(negotiate(None, Some("tzm-Latn, fr;q=0.5")), Locale::Fr);
}

#[test]
fn unknown_or_absent_gives_arabic() {
    assert_eq!(negotiate(None, None), Locale::Ar);
    assert_eq!(negotiate(None, Some("")), Locale::Ar);
    assert_eq!(negotiate(None, Some("de, es;q=0.9, ja;q=0.8")), Locale::Ar);
}

#[test]
fn malformed_weights_skip_the_entry() {
    assert_eq!(negotiate(None, Some("fr;q=abc, en;q=0.1")), Locale::En);
    assert_eq!(negotiate(None, Some("fr;q=1.5")), Locale::Ar);
    assert_eq!(negotiate(None, Some("fr;q=-1, zgh;q=0.2")), Locale::Zgh);
    assert_eq!(negotiate(None, Some("fr;q=")), Locale::Ar);
}

#[test]
fn garbage_never_panics() {
    let long_tag = "fr-".repeat(50_000);
    let many_entries = "de,".repeat(10_000) + "fr";
    let samples: Vec<String> = vec![
        ";;;".into(),
        ",,,".into(),
        "q=1".into(),
        ";q=1".into(),
        "fr;;q=0.5;;".into(),
        "fr;q=0.5;q=0.9".into(),
        "\u{0}\u{1}\u{7f}".into(),
        "ar-😀, 🇲🇦".into(),
        "ⵣⴳⵀ, عربي".into(),
        "\u{202E}fr".into(),
        "fr\r\nSet-Cookie: x".into(),
        "en-US;q=0.9;level=1;q".into(),
        "=====".into(),
        "-,-;-=-".into(),
        long_tag,
        many_entries,
    ];
    for sample in &samples {
        let _ = negotiate(Some(sample), Some(sample));
        let _ = negotiate(None, Some(sample));
        let _ = Locale::from_tag(sample);
    }
    // Deterministic pseudo-random bytes, decoded as a server would (lossily).
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..5_000 {
        let len = (state % 64) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                // Bias towards header punctuation and letters.
                const ALPHABET: &[u8] = b"arfzghenAR-_;=q.,0123456789 *\xff\xc3\xa9\xe2\xb5";
                ALPHABET[(state % ALPHABET.len() as u64) as usize]
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = negotiate(Some(&text), Some(&text));
        let _ = negotiate(None, Some(&text));
    }
}
