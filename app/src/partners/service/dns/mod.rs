//! Step 5, optional: the mail server publishes the domain's DNS records itself, through an
//! RFC 2136 server with a TSIG key (Stalwart's `x:DnsServer`, live 125–151).
//!
//! Stalwart checks nothing when a DNS server is saved (live 127, 142) and a wrong key only
//! shows as a failed task in misleading words (live 145), so Postern tries the key first:
//! it writes a harmless record, reads it back through its resolvers and removes it. It then
//! shows what publishing will change (the mail server replaces MX and SPF, live 141), and
//! switches the domain to `Automatic` only when the partner confirms. The page follows the
//! task, then each record through DNS. When the domain leaves, Postern removes the records
//! itself: the mail server removes none (live 150).

mod follow;
mod form;
mod leave;
mod reach;

pub use follow::{cause_words, steps};
pub use form::{ConfirmForm, PublishForm};
use form::{read_form, trial_error};
pub use leave::{Unpublished, forget, publishing_domains, remove_records};
use reach::{DNS_TIMEOUT, clear_tasks, open, published_records};

use super::PartnerScope;
use super::domains::{claimed, client_of};
use crate::error::AppError;
use crate::partners::model::{ChangeRow, PreviewView};
use crate::partners::text::publishing as text;
use crate::ssr::db::dns_publishing::{self as store, Publishing, secret_binding, state};
use crate::ssr::db::organisations::OrganisationRecord;
use crate::ssr::dns::preview::Preview;
use crate::ssr::dns::update::{Updater, try_key};
use crate::ssr::http::RequestMeta;
use crate::ssr::stalwart::{StalwartClient, TsigServer};
use serde_json::json;
use std::net::{IpAddr, SocketAddr};

/// The record kinds a domain publishes by default (`publishRecords`, live 134): all but TLSA.
pub const RECORD_KINDS: [&str; 11] = [
    "dkim",
    "spf",
    "mx",
    "dmarc",
    "srv",
    "mtaSts",
    "tlsRpt",
    "caa",
    "autoConfig",
    "autoConfigLegacy",
    "autoDiscover",
];

/// The domain's id at the organisation's mail server, with the client to reach it.
async fn at_server(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
) -> Result<(OrganisationRecord, StalwartClient, String), AppError> {
    let (o, proof) = claimed(scope, slug, domain).await?;
    let server = match (&o.mail_server, &proof.at_mail_server) {
        (Some(server), Some(_)) => server.clone(),
        _ => return Err(AppError::Refused(text::AT_SERVER_FIRST.get())),
    };
    let client = client_of(&scope.caller.state, &server)?;
    let id = client
        .domain_id(domain)
        .await
        .map_err(|e| e.user_error(text::READ_DOMAIN))?
        .ok_or_else(|| AppError::Conflict(text::gone_at_server(domain, &server)))?;
    Ok((o, client, id))
}

/// What is stored of the domain's publishing, if anything.
async fn row_of(scope: &PartnerScope, domain: &str) -> Result<Option<Publishing>, AppError> {
    store::of_domain(scope.db(), domain)
        .await
        .map_err(AppError::internal)
}

fn preview_view(zone: &str, p: &Preview) -> PreviewView {
    let row = |c: &crate::ssr::dns::preview::Change| ChangeRow {
        name: c.name.clone(),
        kind: c.kind.clone(),
        now: c.now.clone(),
        then: c.then.clone(),
    };
    PreviewView {
        zone: zone.to_owned(),
        added: p.added.iter().map(row).collect(),
        replaced: p.replaced.iter().map(row).collect(),
        unchanged: p.unchanged.len(),
        foreign_mx: p.foreign_mx.clone(),
        foreign_spf: p.foreign_spf.clone(),
        unknown: p
            .unknown
            .iter()
            .map(|(name, kind, _)| format!("{name} {kind}"))
            .collect(),
    }
}

/// "Try the key and preview": the key is tried against the DNS server (a record written,
/// read back, removed), the zone is looked up, and both are kept for the partner to confirm.
/// Nothing is sent to the mail server yet.
pub async fn check(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    form: &PublishForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, client, domain_id) = at_server(scope, slug, domain).await?;
    let state = &scope.caller.state;
    if let Some(p) = row_of(scope, domain).await?
        && p.dns_server_id.is_some()
    {
        return Err(AppError::Conflict(text::already_publishing(domain)));
    }
    let typed = read_form(form, domain, state)?;
    let zone = typed.origin.clone().unwrap_or_else(|| domain.to_owned());
    let updater = Updater::new(
        SocketAddr::new(typed.host, typed.port),
        typed.tcp,
        &typed.key_name,
        &typed.algorithm,
        &typed.secret,
        DNS_TIMEOUT,
    )
    .map_err(|e| trial_error(e, &zone, &typed.key_name))?;
    let tried = try_key(&updater, &state.dns, &zone, domain).await;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DNS_KEY_TRIED,
            Some(domain),
            json!({ "server": format!("{}:{}", typed.host, typed.port), "zone": zone,
                    "ok": tried.is_ok() }),
        )
        .await;
    tried.map_err(|e| trial_error(e, &zone, &typed.key_name))?;
    let (records, _) = published_records(&client, &domain_id).await?;
    let preview = preview_view(&zone, &state.dns.preview(domain, &records).await);
    let host = typed.host.to_string();
    let binding = secret_binding(domain, &host, typed.port, &typed.key_name);
    let secret = state
        .directory
        .keyring()
        .seal(&typed.secret, &binding)
        .map_err(|e| super::manage_error(e.into()))?;
    let row = Publishing {
        domain: domain.to_owned(),
        organisation: slug.to_owned(),
        host,
        port: typed.port,
        tcp: typed.tcp,
        key_name: typed.key_name,
        algorithm: typed.algorithm,
        secret,
        origin: typed.origin,
        state: state::CHECKED.into(),
        preview: Some(serde_json::to_string(&preview).map_err(AppError::internal)?),
        dns_server_id: None,
        failure: None,
        updated_at: 0,
    };
    if !store::put_checked(scope.db(), &row)
        .await
        .map_err(AppError::internal)?
    {
        return Err(AppError::Conflict(text::already_publishing(domain)));
    }
    Ok(text::key_works(&zone))
}

/// "Publish": the mail server gets the DNS server and the domain turns `Automatic`, which
/// queues the task that writes the records (live 130). Refused without the tick when the
/// preview named someone else's MX or SPF. A failure leaves nothing at the mail server.
pub async fn publish(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    confirmed: bool,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, client, domain_id) = at_server(scope, slug, domain).await?;
    let row = row_of(scope, domain)
        .await?
        .ok_or_else(|| AppError::Conflict(text::TRY_KEY_FIRST.get()))?;
    if row.dns_server_id.is_some() {
        return Ok(text::already_publishing(domain));
    }
    // No preview to go by (never taken, or unreadable): the key is tried again first, so
    // that a warning can never be skipped.
    let preview: PreviewView = row
        .preview
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or_else(|| AppError::Conflict(text::TRY_KEY_FIRST.get()))?;
    if preview.needs_confirmation() && !confirmed {
        return Err(AppError::field("confirm", text::TICK_TO_REPLACE));
    }
    let secret = open(&scope.caller.state, &row)?;
    let host: IpAddr = row.host.parse().map_err(AppError::internal)?;
    // Stored at the mail server for its operators: the same words whoever publishes.
    let description = format!("Postern: {domain}");
    let server_id = client
        .create_tsig_server(&TsigServer {
            description: &description,
            host,
            port: row.port,
            key_name: &row.key_name,
            algorithm: &row.algorithm,
            secret: &secret,
            tcp: row.tcp,
        })
        .await
        .map_err(|e| e.user_error(text::SAVE_SERVER))?;
    if let Err(e) = client
        .publish_automatically(&domain_id, &server_id, row.origin.as_deref())
        .await
    {
        // Nothing half-done: the DNS server entry goes again.
        if let Err(left) = client.destroy_dns_server(&server_id).await {
            tracing::warn!(error = %left, "cannot remove the DNS server entry again");
        }
        return Err(e.user_error(text::SWITCH_ON));
    }
    store::set_state(
        scope.db(),
        domain,
        state::PUBLISHING,
        Some(&server_id),
        None,
    )
    .await
    .map_err(AppError::internal)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DNS_PUBLISH,
            Some(domain),
            json!({ "zone": row.zone(), "replaces_foreign": confirmed }),
        )
        .await;
    Ok(text::publishing_started(row.zone()))
}

/// "Publish again": an explicit task writes every record again (live 137); failed tasks of
/// the domain go first (they stay on the server forever otherwise, live 145).
pub async fn again(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, client, domain_id) = at_server(scope, slug, domain).await?;
    let row = row_of(scope, domain)
        .await?
        .filter(|r| r.dns_server_id.is_some())
        .ok_or_else(|| AppError::Conflict(text::TRY_KEY_FIRST.get()))?;
    clear_tasks(&client, &domain_id, true).await?;
    client
        .publish_again(&domain_id, &RECORD_KINDS)
        .await
        .map_err(|e| e.user_error(text::SWITCH_ON))?;
    store::set_state(scope.db(), domain, state::PUBLISHING, None, None)
        .await
        .map_err(AppError::internal)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DNS_PUBLISH_AGAIN,
            Some(domain),
            json!({}),
        )
        .await;
    Ok(text::publishing_started(row.zone()))
}

/// "Stop publishing": the domain goes back to records published by hand. The mail server
/// stops writing them (its DNS server entry goes too); the zone keeps every record (live 143).
/// A domain only tried (nothing at the mail server) just forgets the key.
pub async fn stop(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, client, domain_id) = at_server(scope, slug, domain).await?;
    let row = row_of(scope, domain)
        .await?
        .ok_or_else(|| AppError::Conflict(text::NOT_PUBLISHING.get()))?;
    if let Some(server_id) = &row.dns_server_id {
        client
            .publish_manually(&domain_id)
            .await
            .map_err(|e| e.user_error(text::SWITCH_OFF))?;
        clear_tasks(&client, &domain_id, false).await?;
        if let Err(e) = client.destroy_dns_server(server_id).await {
            tracing::warn!(error = %e, domain, "the DNS server entry stays at the mail server");
        }
    }
    store::forget(scope.db(), domain)
        .await
        .map_err(AppError::internal)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DNS_STOP,
            Some(domain),
            json!({ "zone": row.zone() }),
        )
        .await;
    Ok(text::stopped(row.zone()))
}

/// Whether the mail server is still writing the domain's records (a task not yet done).
pub async fn running(scope: &PartnerScope, slug: &str, domain: &str) -> Result<bool, AppError> {
    let (_, client, domain_id) = at_server(scope, slug, domain).await?;
    Ok(client
        .dns_tasks(&domain_id)
        .await
        .map_err(|e| e.user_error(text::READ_TASKS))?
        .iter()
        .any(|t| t.failed.is_none()))
}
