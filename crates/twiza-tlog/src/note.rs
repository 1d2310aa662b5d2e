//! C2SP signed notes with Ed25519 keys: key names and IDs, verifier and signer key strings,
//! signing and verifying a note, and C2SP tlog-checkpoint bodies.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};
use std::fmt;

/// Signature type identifier of Ed25519 in signed notes.
const ED25519: u8 = 0x01;

/// Why a key, a note or a checkpoint was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("malformed key")]
    MalformedKey,
    #[error("malformed note")]
    MalformedNote,
    #[error("no valid signature by the expected key")]
    NotSigned,
    #[error("malformed checkpoint")]
    MalformedCheckpoint,
}

/// Key names are non-empty, without spaces or `+`.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c.is_control())
}

/// First four bytes of SHA-256(name || "\n" || 0x01 || public key).
pub fn key_id(name: &str, public: &[u8; 32]) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([ED25519]);
    h.update(public);
    let d = h.finalize();
    [d[0], d[1], d[2], d[3]]
}

/// A note signer: a name and an Ed25519 key.
pub struct NoteSigner {
    name: String,
    key: SigningKey,
}

/// The secret never prints.
impl fmt::Debug for NoteSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NoteSigner")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl NoteSigner {
    /// A signer from a 32-byte Ed25519 seed.
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<NoteSigner, NoteError> {
        if !valid_name(name) {
            return Err(NoteError::MalformedKey);
        }
        Ok(NoteSigner {
            name: name.to_owned(),
            key: SigningKey::from_bytes(seed),
        })
    }

    /// Parses `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>`.
    pub fn parse(text: &str) -> Result<NoteSigner, NoteError> {
        let rest = text
            .trim()
            .strip_prefix("PRIVATE+KEY+")
            .ok_or(NoteError::MalformedKey)?;
        let mut parts = rest.splitn(3, '+');
        let (name, id, key) = (parts.next(), parts.next(), parts.next());
        let (Some(name), Some(id), Some(key)) = (name, id, key) else {
            return Err(NoteError::MalformedKey);
        };
        let bytes = B64.decode(key).map_err(|_| NoteError::MalformedKey)?;
        let seed: [u8; 32] = match bytes.split_first() {
            Some((&ED25519, seed)) => seed.try_into().map_err(|_| NoteError::MalformedKey)?,
            _ => return Err(NoteError::MalformedKey),
        };
        let signer = NoteSigner::from_seed(name, &seed)?;
        if id != hex::encode(signer.id()) {
            return Err(NoteError::MalformedKey);
        }
        Ok(signer)
    }

    /// The signer key string (a secret: store it, never print it).
    pub fn to_secret_string(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(&self.key.to_bytes());
        format!(
            "PRIVATE+KEY+{}+{}+{}",
            self.name,
            hex::encode(self.id()),
            B64.encode(bytes)
        )
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn id(&self) -> [u8; 4] {
        key_id(&self.name, &self.key.verifying_key().to_bytes())
    }

    /// The public verifier key string `<name>+<hex id>+<base64(0x01 || public key)>`.
    pub fn verifier(&self) -> String {
        let mut bytes = vec![ED25519];
        bytes.extend_from_slice(&self.key.verifying_key().to_bytes());
        format!(
            "{}+{}+{}",
            self.name,
            hex::encode(self.id()),
            B64.encode(bytes)
        )
    }

    /// Signs `text` (which must end with a newline): the text, a blank line, one signature line.
    pub fn sign(&self, text: &str) -> Result<String, NoteError> {
        if !text.ends_with('\n') || text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(NoteError::MalformedNote);
        }
        let signature = self.key.sign(text.as_bytes());
        let mut blob = self.id().to_vec();
        blob.extend_from_slice(&signature.to_bytes());
        Ok(format!(
            "{text}\n\u{2014} {} {}\n",
            self.name,
            B64.encode(blob)
        ))
    }
}

/// A note verifier parsed from its public key string.
#[derive(Debug, Clone)]
pub struct NoteVerifier {
    name: String,
    id: [u8; 4],
    key: VerifyingKey,
}

impl NoteVerifier {
    pub fn parse(text: &str) -> Result<NoteVerifier, NoteError> {
        let mut parts = text.trim().splitn(3, '+');
        let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(NoteError::MalformedKey);
        };
        if !valid_name(name) {
            return Err(NoteError::MalformedKey);
        }
        let bytes = B64.decode(key).map_err(|_| NoteError::MalformedKey)?;
        let public: [u8; 32] = match bytes.split_first() {
            Some((&ED25519, public)) => public.try_into().map_err(|_| NoteError::MalformedKey)?,
            _ => return Err(NoteError::MalformedKey),
        };
        let expected = key_id(name, &public);
        if id != hex::encode(expected) {
            return Err(NoteError::MalformedKey);
        }
        let key = VerifyingKey::from_bytes(&public).map_err(|_| NoteError::MalformedKey)?;
        Ok(NoteVerifier {
            name: name.to_owned(),
            id: expected,
            key,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Checks that `note` carries a valid signature by this key; returns the signed text.
    /// Signatures by unknown keys are ignored; a failing one by this key rejects the note
    /// (C2SP signed-note).
    pub fn verify<'a>(&self, note: &'a str) -> Result<&'a str, NoteError> {
        let split = note.rfind("\n\n").ok_or(NoteError::MalformedNote)?;
        let (text, signatures) = (&note[..split + 1], &note[split + 2..]);
        if !signatures.ends_with('\n') {
            return Err(NoteError::MalformedNote);
        }
        for line in signatures.lines() {
            let rest = line
                .strip_prefix("\u{2014} ")
                .ok_or(NoteError::MalformedNote)?;
            let (name, blob) = rest.split_once(' ').ok_or(NoteError::MalformedNote)?;
            let Ok(blob) = B64.decode(blob) else { continue };
            if name != self.name || blob.len() != 68 || blob[..4] != self.id {
                continue;
            }
            // The known key: its signature must verify, or the whole note is rejected.
            let signature = ed25519_dalek::Signature::from_slice(&blob[4..])
                .map_err(|_| NoteError::NotSigned)?;
            return match self.key.verify(text.as_bytes(), &signature) {
                Ok(()) => Ok(text),
                Err(_) => Err(NoteError::NotSigned),
            };
        }
        Err(NoteError::NotSigned)
    }
}

/// A C2SP tlog-checkpoint body: origin, tree size, root hash (extension lines are not used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: [u8; 32],
}

impl Checkpoint {
    /// `<origin>\n<size>\n<base64 root>\n`.
    pub fn body(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            B64.encode(self.root)
        )
    }

    /// Parses a checkpoint body (the signed text of a note); extension lines are allowed.
    pub fn parse(text: &str) -> Result<Checkpoint, NoteError> {
        let bad = || NoteError::MalformedCheckpoint;
        if !text.ends_with('\n') {
            return Err(bad());
        }
        let mut lines = text.lines();
        let origin = lines.next().filter(|o| !o.is_empty()).ok_or_else(bad)?;
        let size = lines.next().ok_or_else(bad)?;
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(bad());
        }
        let size: u64 = size.parse().map_err(|_| bad())?;
        let root = B64
            .decode(lines.next().ok_or_else(bad)?)
            .map_err(|_| bad())?;
        let root: [u8; 32] = root.try_into().map_err(|_| bad())?;
        Ok(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer() -> NoteSigner {
        NoteSigner::from_seed("twiza.example.ma/log", &[7; 32]).unwrap()
    }

    #[test]
    fn keys_round_trip_and_ids_follow_the_formula() {
        let s = signer();
        let secret = s.to_secret_string();
        assert!(secret.starts_with("PRIVATE+KEY+twiza.example.ma/log+"));
        assert_eq!(NoteSigner::parse(&secret).unwrap().verifier(), s.verifier());
        let v = NoteVerifier::parse(&s.verifier()).unwrap();
        let public = SigningKey::from_bytes(&[7; 32]).verifying_key().to_bytes();
        let mut h = Sha256::new();
        h.update(b"twiza.example.ma/log\n\x01");
        h.update(public);
        assert_eq!(v.id.to_vec(), h.finalize()[..4].to_vec());
        assert!(
            format!("{s:?}").contains("twiza.example.ma/log")
                && !format!("{s:?}").contains(&secret)
        );
        assert!(NoteVerifier::parse("name+00000000+AQ==").is_err());
        assert!(NoteSigner::from_seed("bad name", &[1; 32]).is_err());
    }

    #[test]
    fn notes_sign_and_verify() {
        let s = signer();
        let checkpoint = Checkpoint {
            origin: "twiza.example.ma/log".into(),
            size: 42,
            root: [9; 32],
        };
        let note = s.sign(&checkpoint.body()).unwrap();
        assert!(note.contains("\n\n\u{2014} twiza.example.ma/log "));
        let v = NoteVerifier::parse(&s.verifier()).unwrap();
        let text = v.verify(&note).unwrap();
        assert_eq!(Checkpoint::parse(text).unwrap(), checkpoint);

        let tampered = note.replace("\n42\n", "\n43\n");
        assert_eq!(v.verify(&tampered), Err(NoteError::NotSigned));
        let other = NoteSigner::from_seed("twiza.example.ma/log", &[8; 32]).unwrap();
        assert_eq!(
            NoteVerifier::parse(&other.verifier())
                .unwrap()
                .verify(&note),
            Err(NoteError::NotSigned)
        );
        assert!(s.sign("no final newline").is_err());
    }

    #[test]
    fn checkpoints_are_strict() {
        let good = Checkpoint {
            origin: "o".into(),
            size: 0,
            root: [0; 32],
        }
        .body();
        assert!(Checkpoint::parse(&good).is_ok());
        let root = B64.encode([0u8; 32]);
        for bad in [
            format!("o\n01\n{root}\n"),
            format!("o\n-1\n{root}\n"),
            format!("o\n1\n{root}"),
            "o\n1\nnot base64!\n".to_owned(),
            format!("o\n1\n{}\n", B64.encode([0u8; 31])),
            format!("\n1\n{root}\n"),
        ] {
            assert!(Checkpoint::parse(&bad).is_err(), "{bad:?}");
        }
        assert!(Checkpoint::parse(&format!("o\n5\n{root}\nextension line\n")).is_ok());
    }
}
