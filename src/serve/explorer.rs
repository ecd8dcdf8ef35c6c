//! The explorer page at `/` and its static files under `/assets/`, embedded in
//! the binary: the page, its script and style, and the vendored graph library
//! (cytoscape.js with the fcose layout, MIT; see `assets/NOTICE`). Nothing is
//! loaded from other hosts, and nothing is built at run time.
//!
//! The page reads the store only through the JSON API ([`super::api`]) and the
//! SPARQL endpoint; it has no way to write.

use oxhttp::model::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use oxhttp::model::{Body, HeaderValue, Response, StatusCode};

use super::{error, ok, HttpResult};

/// What the page may load and run: its own files only.
const POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                      img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
                      frame-ancestors 'none'; form-action 'self'";

/// (path, media type, content) of every file served under `/assets/`.
#[rustfmt::skip]
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("/assets/explorer.js", "text/javascript; charset=utf-8", include_bytes!("assets/explorer.js")),
    ("/assets/sparql.js", "text/javascript; charset=utf-8", include_bytes!("assets/sparql.js")),
    ("/assets/explorer.css", "text/css; charset=utf-8", include_bytes!("assets/explorer.css")),
    ("/assets/NOTICE", "text/plain; charset=utf-8", include_bytes!("assets/NOTICE")),
    ("/assets/vendor/cytoscape.min.js", "text/javascript; charset=utf-8", include_bytes!("assets/vendor/cytoscape.min.js")),
    ("/assets/vendor/layout-base.js", "text/javascript; charset=utf-8", include_bytes!("assets/vendor/layout-base.js")),
    ("/assets/vendor/cose-base.js", "text/javascript; charset=utf-8", include_bytes!("assets/vendor/cose-base.js")),
    ("/assets/vendor/cytoscape-fcose.js", "text/javascript; charset=utf-8", include_bytes!("assets/vendor/cytoscape-fcose.js")),
    ("/assets/vendor/LICENSE.cytoscape", "text/plain; charset=utf-8", include_bytes!("assets/vendor/LICENSE.cytoscape")),
    ("/assets/vendor/LICENSE.layout-base", "text/plain; charset=utf-8", include_bytes!("assets/vendor/LICENSE.layout-base")),
    ("/assets/vendor/LICENSE.cose-base", "text/plain; charset=utf-8", include_bytes!("assets/vendor/LICENSE.cose-base")),
    ("/assets/vendor/LICENSE.cytoscape-fcose", "text/plain; charset=utf-8", include_bytes!("assets/vendor/LICENSE.cytoscape-fcose")),
];

/// The page at `/`.
pub const PAGE: &str = include_str!("assets/index.html");

fn cached(mut r: Response<Body>) -> Response<Body> {
    // the files change only with the binary; a restart may bring a new one
    r.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// The page (`head`: without its body).
pub(super) fn page(head: bool) -> Response<Body> {
    let mut r = cached(ok("text/html; charset=utf-8", if head { Body::empty() } else { PAGE.into() }));
    r.headers_mut().insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    r
}

/// A file under `/assets/`.
pub(super) fn asset(path: &str, head: bool) -> HttpResult {
    let (_, kind, content) = ASSETS.iter().find(|(p, _, _)| *p == path).ok_or_else(|| {
        error(StatusCode::NOT_FOUND, format!("nothing at {path}: the page's files are listed in /assets/NOTICE"))
    })?;
    Ok(cached(ok(kind, if head { Body::empty() } else { Body::from(content.to_vec()) })))
}

/// The paths of every embedded file (for tests).
pub fn assets() -> impl Iterator<Item = &'static str> {
    ASSETS.iter().map(|(p, _, _)| *p)
}
