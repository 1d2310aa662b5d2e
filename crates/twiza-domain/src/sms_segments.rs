//! How many parts a text message takes: the GSM 03.38 default alphabet (7-bit, 160 characters, 153
//! per part of a long message) or UCS-2 as soon as one character is outside it (any Arabic or
//! Tifinagh letter: 70 UTF-16 units, 67 per part). Operators bill per part, so an alert's cost is
//! its parts times its recipients.

/// The encoding a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsEncoding {
    /// The GSM 7-bit default alphabet (with its extension table).
    Gsm7,
    /// UCS-2 (UTF-16 on the air): every other text.
    Ucs2,
}

impl SmsEncoding {
    pub fn as_str(self) -> &'static str {
        match self {
            SmsEncoding::Gsm7 => "gsm7",
            SmsEncoding::Ucs2 => "ucs2",
        }
    }
}

/// The parts of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: SmsEncoding,
    /// Septets (GSM-7) or UTF-16 units (UCS-2) of the whole text.
    pub units: usize,
    /// Parts sent; 0 for an empty text.
    pub parts: usize,
}

/// Capacity of a single message and of each part of a long one, in units.
const GSM7_SINGLE: usize = 160;
const GSM7_PART: usize = 153;
const UCS2_SINGLE: usize = 70;
const UCS2_PART: usize = 67;

/// The default alphabet's characters, one septet each.
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table's characters, two septets each (an escape, then the character).
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// Septets of `c` in the default alphabet, or `None` when it is outside it.
fn gsm7_septets(c: char) -> Option<usize> {
    if GSM7_BASIC.contains(c) {
        Some(1)
    } else if GSM7_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// The encoding and parts of `text`. A character is never split between two parts (an escaped
/// GSM character, a UTF-16 surrogate pair), as phones and gateways do.
pub fn segments(text: &str) -> Segments {
    let gsm: Option<Vec<usize>> = text.chars().map(gsm7_septets).collect();
    let (encoding, widths, single, part) = match gsm {
        Some(widths) => (SmsEncoding::Gsm7, widths, GSM7_SINGLE, GSM7_PART),
        None => (
            SmsEncoding::Ucs2,
            text.chars().map(char::len_utf16).collect(),
            UCS2_SINGLE,
            UCS2_PART,
        ),
    };
    let units: usize = widths.iter().sum();
    let parts = if units == 0 {
        0
    } else if units <= single {
        1
    } else {
        parts_of(&widths, part)
    };
    Segments {
        encoding,
        units,
        parts,
    }
}

/// Parts of at most `capacity` units, filled in order without splitting a character.
fn parts_of(widths: &[usize], capacity: usize) -> usize {
    let mut parts = 1;
    let mut used = 0;
    for &w in widths {
        if used + w > capacity {
            parts += 1;
            used = 0;
        }
        used += w;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_fits_160_then_153_per_part() {
        let s = segments(&"a".repeat(160));
        assert_eq!((s.encoding, s.units, s.parts), (SmsEncoding::Gsm7, 160, 1));
        assert_eq!(segments(&"a".repeat(161)).parts, 2);
        assert_eq!(segments(&"a".repeat(306)).parts, 2);
        assert_eq!(segments(&"a".repeat(307)).parts, 3);
        assert_eq!(segments("").parts, 0);
    }

    #[test]
    fn french_accents_stay_in_the_default_alphabet_but_not_all_of_them() {
        assert_eq!(
            segments("Besoin à Asni, déjà vérifié").encoding,
            SmsEncoding::Gsm7
        );
        // ç (lower case), ê and â are not in the default alphabet.
        assert_eq!(segments("reçu").encoding, SmsEncoding::Ucs2);
        assert_eq!(segments("fenêtre").encoding, SmsEncoding::Ucs2);
    }

    #[test]
    fn extension_characters_count_twice_and_stay_whole() {
        let s = segments("100 €");
        assert_eq!((s.encoding, s.units), (SmsEncoding::Gsm7, 6));
        // 159 letters and a euro sign: 161 septets, two parts.
        assert_eq!(segments(&format!("{}€", "a".repeat(159))).parts, 2);
        // 152 letters then a euro sign: the escape and the sign do not straddle the parts.
        let text = format!("{}€{}", "a".repeat(152), "b".repeat(10));
        assert_eq!(segments(&text).units, 164);
        assert_eq!(segments(&text).parts, 2);
    }

    #[test]
    fn arabic_and_tifinagh_take_ucs2_at_70_then_67() {
        let arabic = "ح".repeat(70);
        assert_eq!(segments(&arabic).encoding, SmsEncoding::Ucs2);
        assert_eq!(segments(&arabic).parts, 1);
        assert_eq!(segments(&"ح".repeat(71)).parts, 2);
        assert_eq!(segments(&"ⵜ".repeat(134)).parts, 2);
        assert_eq!(segments(&"ⵜ".repeat(135)).parts, 3);
        // One Arabic letter turns a Latin text into UCS-2.
        assert_eq!(segments(&format!("{}ح", "a".repeat(69))).parts, 1);
        assert_eq!(segments(&format!("{}ح", "a".repeat(70))).parts, 2);
    }

    #[test]
    fn an_emoji_is_two_units_never_split() {
        let s = segments("ok 👍");
        assert_eq!((s.encoding, s.units), (SmsEncoding::Ucs2, 5));
        // 66 units then an emoji: 68 > 67, the pair moves whole to the second part.
        let text = format!("{}👍{}", "ح".repeat(66), "ح".repeat(10));
        assert_eq!(segments(&text).units, 78);
        assert_eq!(segments(&text).parts, 2);
    }
}
