//! The transparency log as C2SP specifies it, for monitors, witnesses and verifiers that trust
//! no one: the note verifier key (`/log/key`), the latest signed checkpoint
//! (`/log/checkpoint`, C2SP tlog-checkpoint in a signed note) and the tiles (`/log/tile/…`,
//! C2SP tlog-tiles: hash tiles of height 8 and entry bundles).

use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// Tile height (C2SP tlog-tiles): a tile holds up to 2^8 hashes of one level.
const TILE_HEIGHT: u8 = 8;
const TILE_WIDTH: u64 = 1 << TILE_HEIGHT;

fn text(body: String, cache: &'static str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response()
}

/// The signed-note verifier key of the log: `<name>+<hex key id>+<base64(0x01 || key)>`.
pub async fn key(State(state): State<AppState>) -> Response {
    text(
        format!("{}\n", state.log_signer.verifier()),
        "public, max-age=3600",
    )
}

/// The latest checkpoint; the first one is signed on demand when none was published yet.
pub async fn checkpoint(State(state): State<AppState>) -> AppResult<Response> {
    let latest = match state.store.latest_checkpoint().await? {
        Some(c) => c,
        None => state.store.publish_checkpoint(&state.log_signer).await?,
    };
    Ok(text(latest.note, "no-store"))
}

/// A tile address: `<L>/<N>[.p/<W>]` or `entries/<N>[.p/<W>]`.
#[derive(Debug, PartialEq, Eq)]
struct TileAddress {
    /// `None` for an entry bundle.
    level: Option<u8>,
    index: u64,
    width: u64,
}

/// Parses the path after `/log/tile/`. `N` is written in groups of three digits, every group
/// but the last prefixed with `x` (`x001/x234/067`); only the canonical form is accepted.
fn parse_tile_path(path: &str) -> Option<TileAddress> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let first = parts.remove(0);
    let level = if first == "entries" {
        None
    } else {
        let l = parse_decimal(first)?;
        // Hash tiles of level 8 would hold hashes of level 64: beyond any tree.
        Some(u8::try_from(l).ok().filter(|l| *l < 8)?)
    };
    let mut width = TILE_WIDTH;
    if parts.len() >= 2 && parts[parts.len() - 2].ends_with(".p") {
        let w = parse_decimal(parts.pop()?)?;
        if w == 0 || w >= TILE_WIDTH {
            return None;
        }
        width = w;
        let last = parts.pop()?;
        parts.push(last.strip_suffix(".p")?);
    }
    let (last, groups) = parts.split_last()?;
    let mut index: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let digits = g.strip_prefix('x')?;
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if i == 0 && digits == "000" {
            return None;
        }
        index = index.checked_mul(1000)?.checked_add(digits.parse().ok()?)?;
    }
    if last.len() != 3 || !last.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    index = index.checked_mul(1000)?.checked_add(last.parse().ok()?)?;
    Some(TileAddress {
        level,
        index,
        width,
    })
}

/// A decimal number without leading zeros.
fn parse_decimal(s: &str) -> Option<u64> {
    let canonical = !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'))
        && s.len() <= 19;
    canonical.then(|| s.parse().ok()).flatten()
}

/// A hash tile or an entry bundle. Full tiles never change and are cached for a year.
pub async fn tile(State(state): State<AppState>, Path(path): Path<String>) -> AppResult<Response> {
    let address = parse_tile_path(&path).ok_or_else(AppError::not_found)?;
    let start = address
        .index
        .checked_mul(TILE_WIDTH)
        .filter(|s| *s < i64::MAX as u64 / 2)
        .ok_or_else(AppError::not_found)?;
    let body = match address.level {
        Some(level) => {
            let hashes = state
                .store
                .log_hash_range(level * TILE_HEIGHT, start, address.width)
                .await?
                .ok_or_else(AppError::not_found)?;
            hashes.concat()
        }
        None => {
            let leaves = state
                .store
                .log_leaf_range(start, address.width)
                .await?
                .ok_or_else(AppError::not_found)?;
            let mut bundle = Vec::new();
            for leaf in leaves {
                let len = u16::try_from(leaf.len()).map_err(|_| AppError::internal())?;
                bundle.extend_from_slice(&len.to_be_bytes());
                bundle.extend_from_slice(&leaf);
            }
            bundle
        }
    };
    let cache = if address.width == TILE_WIDTH {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=60"
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_paths() {
        let t = |level, index, width| {
            Some(TileAddress {
                level,
                index,
                width,
            })
        };
        assert_eq!(parse_tile_path("0/000"), t(Some(0), 0, 256));
        assert_eq!(parse_tile_path("1/067.p/8"), t(Some(1), 67, 8));
        assert_eq!(
            parse_tile_path("0/x001/x234/067"),
            t(Some(0), 1_234_067, 256)
        );
        assert_eq!(
            parse_tile_path("entries/x001/000.p/255"),
            t(None, 1000, 255)
        );
        for bad in [
            "0/67",
            "0/0067",
            "0/x000/067",
            "0/067.p/0",
            "0/067.p/256",
            "0/067.p/08",
            "8/000",
            "00/000",
            "entries/",
            "0/x1/000",
            "0/067/",
            "x/000",
            "0/067.p",
            "",
        ] {
            assert_eq!(parse_tile_path(bad), None, "{bad}");
        }
    }
}
