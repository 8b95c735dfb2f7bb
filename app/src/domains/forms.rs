//! Domain actions: check DNS again (the form waits for the answer; the page itself never
//! does), download the zone file, and the status the page polls while a check runs.

use super::service;
use crate::ssr::http::Admin;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// 202 while the background check the page started is running, 200 once its result is there
/// to show. The page polls this instead of refreshing itself.
pub(super) async fn check_status(a: Admin, Path(name): Path<String>) -> Response {
    crate::ssr::http::progress(service::is_checking(&a.scope, &name))
}

pub(super) async fn check_again(a: Admin, Path(name): Path<String>) -> Response {
    let outcome = service::check_again(&a.scope, &name).await;
    a.reply
        .back(outcome, &format!("/admin/domains/{name}"))
        .await
}

pub(super) async fn zone_file(a: Admin, Path(name): Path<String>) -> Response {
    match service::zone_file(&a.scope, &name).await {
        Ok(body) => {
            let mut response = body.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}.zone\"")) {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            response
        }
        Err(e) => e.into_response(),
    }
}
