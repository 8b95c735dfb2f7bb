//! Response hardening headers and cross-site request forgery protection.
//!
//! CSRF: a state-changing request is accepted only when the browser says it comes from our
//! own origin — `Sec-Fetch-Site: same-origin`, or else an `Origin` (or, failing that,
//! `Referer`) equal to the public URL's origin. Browsers attach these headers to every form
//! POST and `fetch`, and a page on another site cannot forge them. Together with
//! `SameSite=Lax` session cookies this closes CSRF without tokens in every form.

use app::CspNonce;
use app::ssr::directory::Directory;
use app::ssr::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use rand::RngCore;
use std::sync::Arc;

#[derive(Clone)]
pub struct Policy(Arc<Inner>);

struct Inner {
    origin: String,
    https: bool,
    /// Where forms may lead: our origin plus every organisation's IdP (sign-in and sign-out
    /// redirect there after a POST, and CSP `form-action` applies to redirects). Read from
    /// the directory at each response, so a new organisation's IdP needs no restart.
    directory: Option<Arc<Directory>>,
}

impl Policy {
    pub fn new(state: &AppState) -> Self {
        Self(Arc::new(Inner {
            origin: state.public_url.origin().ascii_serialization(),
            https: state.public_url.scheme() == "https",
            directory: Some(state.directory.clone()),
        }))
    }

    fn csp(&self, nonce: &str) -> String {
        let directory = self.0.directory.as_ref().map(|d| d.current());
        let form_action = directory.as_ref().map_or("'self'", |d| d.form_action());
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-{nonce}'; \
             style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
             form-action {form_action}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
        )
    }

    /// Whether a state-changing request demonstrably comes from our own pages.
    pub fn is_same_origin(&self, headers: &HeaderMap) -> bool {
        if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
            return site == "same-origin";
        }
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            return origin == self.0.origin;
        }
        if let Some(referer) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
            return url::Url::parse(referer)
                .is_ok_and(|r| r.origin().ascii_serialization() == self.0.origin);
        }
        false
    }
}

pub async fn layer(State(policy): State<Policy>, mut request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && !policy.is_same_origin(request.headers()) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site state-changing request");
        return (
            StatusCode::FORBIDDEN,
            "This request was refused because it did not come from the portal's own pages. \
             Reload the page and try again.",
        )
            .into_response();
    }

    let mut bytes = [0u8; 18];
    rand::thread_rng().fill_bytes(&mut bytes);
    let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    // Built assets (`/pkg/…`) may be cached; nothing else is: pages show a signed-in
    // person's data, and a shared or back-button cache must not show it to someone else.
    let cacheable = request.uri().path().starts_with("/pkg/");

    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !cacheable && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if let Ok(csp) = HeaderValue::from_str(&policy.csp(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if policy.0.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy(Arc::new(Inner {
            origin: "https://portal.example".into(),
            https: true,
            directory: None,
        }))
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(policy().is_same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!policy().is_same_origin(&headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://portal.example")
        ])));
    }

    #[test]
    fn origin_then_referer_are_compared_with_the_public_origin() {
        assert!(policy().is_same_origin(&headers(&[("origin", "https://portal.example")])));
        assert!(!policy().is_same_origin(&headers(&[("origin", "https://evil.example")])));
        assert!(!policy().is_same_origin(&headers(&[("origin", "null")])));
        assert!(
            policy().is_same_origin(&headers(&[("referer", "https://portal.example/account")]))
        );
        assert!(!policy().is_same_origin(&headers(&[("referer", "https://portal.example.evil/")])));
    }

    #[test]
    fn a_request_without_any_provenance_is_refused() {
        assert!(!policy().is_same_origin(&HeaderMap::new()));
    }
}
