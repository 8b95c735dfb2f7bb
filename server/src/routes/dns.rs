//! Domain actions: check DNS again (the form waits for the answer; the page itself never
//! does), and download the zone file.

use super::Admin;
use app::error::AppError;
use app::ssr::app_passwords::set_notice;
use app::ssr::{AppState, dns};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/domains/{name}/check", post(check_again))
        .route("/admin/domains/{name}/zone", get(zone_file))
        .route("/admin/domains/{name}/check-status", get(check_status))
}

/// Whether the background check the page started is still running: 202 while it is, 200
/// once its result is there to show. The page polls this instead of refreshing itself.
async fn check_status(
    State(state): State<AppState>,
    Admin { scope, .. }: Admin,
    Path(name): Path<String>,
) -> Response {
    if let Err(e) = dns::own_domain_id(&scope, &name) {
        return (StatusCode::NOT_FOUND, e.to_string()).into_response();
    }
    let mut response = if state.dns.is_running(&name) {
        (StatusCode::ACCEPTED, "checking").into_response()
    } else {
        (StatusCode::OK, "done").into_response()
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn check_again(
    State(state): State<AppState>,
    Admin { scope, session, .. }: Admin,
    Path(name): Path<String>,
) -> Response {
    let back = format!("/admin/domains/{name}");
    match dns::zone_data(&scope, &name).await {
        Ok(zone) => {
            let result = state
                .dns
                .check(&name, zone.records, &scope.caller.tenant.mail.imap_host)
                .await;
            let problems = result
                .statuses
                .iter()
                .filter(|s| s.status != app::api::dns::Status::Match)
                .count();
            let message = match problems {
                0 => "Checked: every record is published.".to_owned(),
                1 => "Checked: one record needs attention.".to_owned(),
                n => format!("Checked: {n} records need attention."),
            };
            set_notice(&session, true, message).await;
        }
        Err(e) => set_notice(&session, false, e.to_string()).await,
    }
    Redirect::to(&back).into_response()
}

async fn zone_file(Admin { scope, .. }: Admin, Path(name): Path<String>) -> Response {
    match dns::zone_data(&scope, &name).await {
        Ok(zone) => {
            let body = format!(
                "; DNS records for {name}, from the mail server (Stalwart)\n{}",
                zone.text
            );
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
        Err(AppError::NotFound(m)) => (StatusCode::NOT_FOUND, m).into_response(),
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}
