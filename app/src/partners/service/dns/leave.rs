//! When a domain leaves: the records the mail server published come out of the zone first
//! (it removes none, live 150), then its tasks; after the domain is gone, the DNS server entry
//! (live 149), unless something else still uses it (live 147).

use super::reach::{clear_tasks, published_records, updater};
use crate::error::AppError;
use crate::partners::text::publishing as text;
use crate::ssr::db::dns_publishing as store;
use crate::ssr::dns::update::UpdateError;
use crate::ssr::stalwart::StalwartClient;
use crate::ssr::state::AppState;

/// What leaving did to a domain's DNS.
pub struct Unpublished {
    /// The mail server's DNS server entry stays: something else still uses it.
    pub server_kept: bool,
}

/// Removes the records the mail server published for `domain` from its zone (Postern's own
/// RFC 2136 updates: the mail server removes none, live 150), then its tasks. The domain
/// itself, its DKIM keys and then the DNS server entry go after (live 149): see [`forget`].
/// A domain that does not publish through the mail server is left as it is.
pub async fn remove_records(
    state: &AppState,
    client: &StalwartClient,
    domain: &str,
) -> Result<(), AppError> {
    let Some(row) = store::of_domain(&state.db, domain)
        .await
        .map_err(AppError::internal)?
        .filter(|r| r.dns_server_id.is_some())
    else {
        return Ok(());
    };
    let Some(domain_id) = client
        .domain_id(domain)
        .await
        .map_err(|e| e.user_error(text::READ_DOMAIN))?
    else {
        return Ok(());
    };
    let (records, _) = published_records(client, &domain_id).await?;
    let updater = updater(state, &row)?;
    let zone = row.zone();
    let failed = |e: UpdateError| AppError::Unavailable(text::removal_failed(zone, &e.to_string()));
    let mut sets: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.name.as_str(), r.kind.as_str()))
        .collect();
    sets.sort_unstable();
    sets.dedup();
    for (name, kind) in sets {
        // TXT merged with others' (the apex SPF beside a site verification, live 141): only
        // the mail server's values go.
        if kind == "TXT" && !name.contains("._domainkey.") && !name.starts_with('_') {
            for r in records.iter().filter(|r| r.name == name && r.kind == kind) {
                updater
                    .delete_txt(zone, name, &r.value)
                    .await
                    .map_err(failed)?;
            }
        } else {
            updater
                .delete_rrset(zone, name, kind)
                .await
                .map_err(failed)?;
        }
    }
    clear_tasks(client, &domain_id, false).await
}

/// After the domain is gone at the mail server: its DNS server entry goes too, unless
/// something else still uses it (`objectIsLinked`, live 147); the row goes either way.
pub async fn forget(state: &AppState, client: &StalwartClient, domain: &str) -> Unpublished {
    let row = store::of_domain(&state.db, domain).await.ok().flatten();
    let mut kept = false;
    if let Some(id) = row.as_ref().and_then(|r| r.dns_server_id.as_deref())
        && let Err(e) = client.destroy_dns_server(id).await
    {
        tracing::warn!(error = %e, domain, "the DNS server entry stays at the mail server");
        kept = true;
    }
    if let Err(e) = store::forget(&state.db, domain).await {
        tracing::error!(error = %e, "cannot forget a domain's DNS publishing");
    }
    Unpublished { server_kept: kept }
}

/// The domains of an organisation whose records the mail server publishes.
pub async fn publishing_domains(state: &AppState, slug: &str) -> Vec<(String, String)> {
    store::of_organisation(&state.db, slug)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.dns_server_id.is_some())
        .map(|r| (r.domain.clone(), r.zone().to_owned()))
        .collect()
}
