//! Stored files (evidence, authorization documents, an association's documents) served as
//! downloads that no browser renders or sniffs in the site's origin.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Who may keep a copy of a private file: nobody between the server and the member.
pub const PRIVATE: &str = "private, no-store";

/// `bytes` of `media_type` as the attachment `name` (the extension follows the type).
pub fn file_response(media_type: String, bytes: Vec<u8>, name: &str, cache: &str) -> Response {
    let extension = match media_type.as_str() {
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        _ => "webp",
    };
    (
        [
            (header::CONTENT_TYPE, media_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{extension}\""),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CACHE_CONTROL, cache.to_owned()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response()
}
