//! What the DNS step's parts share to reach the mail server and the DNS server: the records
//! the mail server publishes, its tasks, and Postern's own updater with the sealed key.

use crate::error::AppError;
use crate::partners::text::publishing as text;
use crate::ssr::db::dns_publishing::{Publishing, secret_binding};
use crate::ssr::dns::update::Updater;
use crate::ssr::dns::zone::{self, ZoneRecord};
use crate::ssr::stalwart::StalwartClient;
use crate::ssr::state::AppState;
use secrecy::SecretString;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// How long Postern waits for the DNS server when it tries a key or removes records.
pub(super) const DNS_TIMEOUT: Duration = Duration::from_secs(5);

/// The records of the domain the mail server publishes (its zone text, without TLSA).
pub(super) async fn published_records(
    client: &StalwartClient,
    domain_id: &str,
) -> Result<(Vec<ZoneRecord>, Vec<crate::ssr::stalwart::DkimKey>), AppError> {
    let (text_of_zone, keys) = client
        .dns(domain_id)
        .await
        .map_err(|e| e.user_error(text::READ_RECORDS))?;
    let records = zone::parse(&text_of_zone)
        .into_iter()
        .filter(|r| r.kind != "TLSA")
        .collect();
    Ok((records, keys))
}

/// Removes the domain's `DnsManagement` tasks: the failed ones (they stay on the server for
/// good, live 145), or all.
pub(super) async fn clear_tasks(
    client: &StalwartClient,
    domain_id: &str,
    failed_only: bool,
) -> Result<(), AppError> {
    let ids: Vec<String> = client
        .dns_tasks(domain_id)
        .await
        .map_err(|e| e.user_error(text::READ_TASKS))?
        .into_iter()
        .filter(|t| !failed_only || t.failed.is_some())
        .map(|t| t.id)
        .collect();
    client
        .destroy_tasks(&ids)
        .await
        .map_err(|e| e.user_error(text::READ_TASKS))
}

pub(super) fn open(state: &AppState, row: &Publishing) -> Result<SecretString, AppError> {
    let binding = secret_binding(&row.domain, &row.host, row.port, &row.key_name);
    state
        .directory
        .keyring()
        .open(&row.secret, &binding)
        .map_err(|e| crate::partners::service::manage_error(e.into()))
}

pub(super) fn updater(state: &AppState, row: &Publishing) -> Result<Updater, AppError> {
    let host: IpAddr = row.host.parse().map_err(AppError::internal)?;
    let secret = open(state, row)?;
    Updater::new(
        SocketAddr::new(host, row.port),
        row.tcp,
        &row.key_name,
        &row.algorithm,
        &secret,
        DNS_TIMEOUT,
    )
    .map_err(|e| AppError::Unavailable(text::removal_failed(row.zone(), &e.to_string())))
}
