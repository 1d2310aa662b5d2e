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
}
