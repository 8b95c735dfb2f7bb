//! The background checks of partners' domains (run by `ssr::tasks`, listed in the server's
//! `tasks.rs`): open claims looked up until one is proven, proven domains' MX watched, expired
//! claims forgotten. Every instance runs them; each is idempotent.

use super::domains::{BACKGROUND, Looked, client_of, look, note};
use crate::ssr::db::organisations as store;
use crate::ssr::stalwart::StalwartClient;
use crate::ssr::state::AppState;

/// Looks up every open claim once; the first proof seen wins its domain. Run in the
/// background by every instance: lookups are idempotent, and the database decides which
/// organisation proved a name first.
pub async fn recheck_pending(state: &AppState) {
    let pending = match store::pending_proofs(&state.db).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read pending domain proofs");
            return;
        }
    };
    for proof in pending {
        if let Ok(Looked::Won) = look(state, &proof, &BACKGROUND).await {
            tracing::info!(domain = %proof.domain, "domain proven (background check)");
        }
    }
}

/// Looks at the MX of every domain proven in the portal and at its mail server: it must keep
/// pointing at the organisation's mail server (the proof record itself may go once the domain
/// is live). A change either way is written to the organisation's audit log, which its admins
/// and its partner read; nothing is removed. Run in the background; idempotent.
pub async fn recheck_mx(state: &AppState) {
    let proven = match store::proven_domains(&state.db).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read proven domains");
            return;
        }
    };
    for proof in proven.iter().filter(|p| p.at_mail_server.is_some()) {
        // The organisation's mail server (it may not be live yet).
        let server = match store::organisation(&state.db, &proof.organisation).await {
            Ok(Some(o)) => o.mail_server,
            _ => None,
        };
        let Some(client) = server.and_then(|name| client_of(state, &name).ok()) else {
            continue;
        };
        let expected = match expected_mx(&client, &proof.domain).await {
            Some(hosts) if !hosts.is_empty() => hosts,
            _ => continue,
        };
        let now = match state.dns.mx_hosts(&proof.domain).await {
            Ok(found) if found.iter().any(|h| expected.contains(h)) => "ok",
            Ok(_) => "elsewhere",
            Err(_) => "unknown",
        };
        let before = proof.mx_state.as_deref();
        if let Err(e) = store::set_mx_state(&state.db, &proof.domain, now).await {
            tracing::warn!(error = %e, "cannot note an MX look-up");
            continue;
        }
        let change = match (before, now) {
            (Some("elsewhere"), "ok") => Some(crate::partners::actions::DOMAIN_MX_BACK),
            (Some("elsewhere"), _) | (_, "unknown") => None,
            (_, "elsewhere") => Some(crate::partners::actions::DOMAIN_MX_ELSEWHERE),
            _ => None,
        };
        if let Some(action) = change {
            tracing::warn!(domain = %proof.domain, %action, "a proven domain's MX changed");
            note(
                state,
                &proof.organisation,
                &BACKGROUND,
                action,
                &proof.domain,
            )
            .await;
        }
    }
}

/// The MX hosts the mail server publishes for a domain (its zone text), lowercase.
async fn expected_mx(client: &StalwartClient, domain: &str) -> Option<Vec<String>> {
    let id = client.domain_id(domain).await.ok()??;
    let (zone, _) = client.dns(&id).await.ok()?;
    Some(
        crate::ssr::dns::zone::parse(&zone)
            .into_iter()
            .filter(|r| r.kind == "MX")
            .map(|r| r.value.to_lowercase())
            .collect(),
    )
}

/// Forgets claims whose token expired more than 30 days ago (their partner saw them expire).
pub async fn purge_claims(state: &AppState) {
    let before = crate::ssr::time::now() - 30 * 86_400;
    match store::purge_claims(&state.db, before).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(claims = n, "expired domain claims removed"),
        Err(e) => tracing::warn!(error = %e, "cannot remove expired domain claims"),
    }
}
