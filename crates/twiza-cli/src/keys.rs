//! Keys kept in the data directory (`<data-dir>/keys/`): created once with a secure random
//! generator, readable by the owner only, never printed.

use anyhow::{bail, Context};
use rand::RngCore;
use std::path::Path;

/// Reads the 32-byte key `name`, creating it on first use.
pub fn load_or_create(data_dir: &Path, name: &str) -> anyhow::Result<[u8; 32]> {
    let dir = data_dir.join("keys");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join(format!("{name}.key"));
    if path.exists() {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let Ok(key) = <[u8; 32]>::try_from(bytes.as_slice()) else {
            bail!("{} is not a 32-byte key", path.display());
        };
        return Ok(key);
    }
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    write_private(&path, &key)?;
    Ok(key)
}

/// The personal-data keys: sealing keys `personal-data-<n>.key` (the highest number seals new
/// values; `personal-data-1` is created on first use), `blind-index.key`, and, if it exists,
/// `donor-identity.key`, which opens donor identities and need contacts sealed in the legacy
/// layout until they are re-sealed.
pub fn personal_data_keys(data_dir: &Path) -> anyhow::Result<twiza_store::PersonalDataKeys> {
    let numbers = sealing_key_numbers(data_dir)?;
    let numbers = if numbers.is_empty() { vec![1] } else { numbers };
    let mut sealing = std::collections::BTreeMap::new();
    for n in numbers {
        sealing.insert(n, load_or_create(data_dir, &format!("personal-data-{n}"))?);
    }
    let index = load_or_create(data_dir, "blind-index")?;
    let keys =
        twiza_store::PersonalDataKeys::new(sealing, index).context("no personal-data key")?;
    Ok(if data_dir.join("keys/donor-identity.key").exists() {
        keys.with_legacy(load_or_create(data_dir, "donor-identity")?)
    } else {
        keys
    })
}

/// Creates the next personal-data sealing key and returns its number.
pub fn rotate_personal_data_key(data_dir: &Path) -> anyhow::Result<u32> {
    let next = sealing_key_numbers(data_dir)?
        .into_iter()
        .max()
        .unwrap_or(0)
        + 1;
    load_or_create(data_dir, &format!("personal-data-{next}"))?;
    Ok(next)
}

fn sealing_key_numbers(data_dir: &Path) -> anyhow::Result<Vec<u32>> {
    let dir = data_dir.join("keys");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut numbers = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let name = entry?.file_name();
        let name = name.to_string_lossy();
        if let Some(n) = name
            .strip_prefix("personal-data-")
            .and_then(|r| r.strip_suffix(".key"))
            .and_then(|n| n.parse::<u32>().ok())
        {
            numbers.push(n);
        }
    }
    numbers.sort_unstable();
    Ok(numbers)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("creating {}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_persist() {
        let dir = tempfile::tempdir().unwrap();
        let a = super::load_or_create(dir.path(), "receipt").unwrap();
        let b = super::load_or_create(dir.path(), "receipt").unwrap();
        assert_eq!(a, b);
        assert_ne!(a, [0; 32]);
    }

    #[test]
    fn personal_data_keys_rotate() {
        let dir = tempfile::tempdir().unwrap();
        let first = super::personal_data_keys(dir.path()).unwrap();
        assert_eq!(first.current_id(), 1);
        assert_eq!(super::rotate_personal_data_key(dir.path()).unwrap(), 2);
        let second = super::personal_data_keys(dir.path()).unwrap();
        assert_eq!(second.current_id(), 2);
        let sealed = first.seal(b"row", "BE1");
        assert_eq!(second.open(b"row", &sealed).unwrap(), "BE1");
    }
}
