//! How publishing goes, for the console: the mail server's task first, then each record as
//! DNS shows it, DKIM keys apart (live 131, 133, 145).

use super::reach::published_records;
use crate::error::AppError;
use crate::partners::model::{DnsStep, RecordState};
use crate::partners::service::PartnerScope;
use crate::partners::service::domains::client_of;
use crate::partners::text::publishing as text;
use crate::ssr::db::dns_publishing::{self as store, Publishing, state};
use crate::ssr::db::organisations::OrganisationRecord;
use crate::ssr::dns::check::Published;
use crate::ssr::stalwart::{FailureCause, StalwartClient};
use crate::ssr::state::AppState;
use crate::ssr::time::format_epoch;

/// A failed task's cause, in words.
pub fn cause_words(cause: FailureCause, zone: &str) -> String {
    match cause {
        FailureCause::WrongKey => text::FAILED_WRONG_KEY.get(),
        FailureCause::NotServed => text::failed_not_served(zone),
        FailureCause::Refused => text::FAILED_REFUSED.get(),
        FailureCause::TimedOut => text::FAILED_TIMED_OUT.get(),
        FailureCause::Unreachable => text::FAILED_UNREACHABLE.get(),
        FailureCause::NotAutomatic => text::FAILED_NOT_AUTOMATIC.get(),
        FailureCause::Other => text::FAILED_OTHER.get(),
    }
}

/// The DNS step of each domain at the mail server: the form, the preview, or how publishing
/// goes (the task, then each record as DNS shows it).
pub async fn steps(
    scope: &PartnerScope,
    o: &OrganisationRecord,
    domains: &[String],
) -> Vec<DnsStep> {
    let state = &scope.caller.state;
    let rows = store::of_organisation(scope.db(), &o.slug)
        .await
        .unwrap_or_default();
    let client = o
        .mail_server
        .as_deref()
        .and_then(|s| client_of(state, s).ok());
    let mut steps = Vec::new();
    for domain in domains {
        let row = rows.iter().find(|r| &r.domain == domain);
        let mut step = DnsStep {
            domain: domain.clone(),
            state: row.map_or_else(String::new, |r| r.state.clone()),
            ..DnsStep::default()
        };
        if let Some(row) = row {
            step.server = format!(
                "{}:{} ({}), {} {}",
                row.host,
                row.port,
                if row.tcp { "TCP" } else { "UDP" },
                row.key_name,
                row.algorithm
            );
            step.zone = row.zone().to_owned();
            step.preview = row
                .preview
                .as_deref()
                .and_then(|p| serde_json::from_str(p).ok());
            step.since = format_epoch(row.updated_at);
        }
        if let (Some(row), Some(client)) = (row.filter(|r| r.dns_server_id.is_some()), &client)
            && let Err(e) = follow(state, client, o, row, &mut step).await
        {
            step.problem = Some(e.to_string());
        }
        steps.push(step);
    }
    steps
}

/// Follows a domain that publishes: the task first (failed: its reason; running: wait),
/// then each record through DNS. Notes `published` once every record is seen, `failed` with
/// the reason.
async fn follow(
    state: &AppState,
    client: &StalwartClient,
    o: &OrganisationRecord,
    row: &Publishing,
    step: &mut DnsStep,
) -> Result<(), AppError> {
    let domain = &row.domain;
    let domain_id = client
        .domain_id(domain)
        .await
        .map_err(|e| e.user_error(text::READ_DOMAIN))?
        .ok_or_else(|| {
            let server = o.mail_server.as_deref().unwrap_or_default();
            AppError::Conflict(text::gone_at_server(domain, server))
        })?;
    let tasks = client
        .dns_tasks(&domain_id)
        .await
        .map_err(|e| e.user_error(text::READ_TASKS))?;
    if let Some(failure) = tasks.iter().find_map(|t| t.failed.clone()) {
        step.state = state::FAILED.into();
        step.failure = Some(cause_words(failure.cause, row.zone()));
        step.failure_detail = Some(failure.reason.clone());
        if row.state != state::FAILED
            && let Err(e) = store::set_state(
                &state.db,
                domain,
                state::FAILED,
                None,
                Some(&failure.reason),
            )
            .await
        {
            tracing::error!(error = %e, "cannot note a failed publishing task");
        }
        return Ok(());
    }
    if !tasks.is_empty() {
        step.state = state::PUBLISHING.into();
        step.running = true;
        return Ok(());
    }
    let (records, keys) = published_records(client, &domain_id).await?;
    let dkim_waiting = if keys.iter().any(|k| k.stage == "pending") {
        client
            .dkim_waiting(&domain_id)
            .await
            .map_err(|e| e.user_error(text::READ_TASKS))?
    } else {
        None
    };
    // Once everything was seen, a recent check serves (the checker keeps one a minute).
    let cached = (row.state == state::PUBLISHED)
        .then(|| state.dns.cached(domain, &records))
        .flatten();
    let check = match cached {
        Some(check) => check,
        None => state.dns.check(domain, records, &o.mail.imap_host).await,
    };
    let mut all_seen = true;
    for (record, found) in check.zone.iter().zip(&check.statuses) {
        let seen = found.status == Published::Match;
        all_seen &= seen;
        if record.kind == "TXT" && record.name.contains("._domainkey.") {
            let selector = record.name.split("._domainkey.").next().unwrap_or_default();
            let pending = keys
                .iter()
                .any(|k| k.selector == selector && k.stage == "pending");
            // Signing starts when the mail server's own resolver sees the key (live 131, 133).
            let (ok, words) = match (seen, pending, &dkim_waiting) {
                (true, false, _) => (true, text::DKIM_SIGNING.get()),
                // Postern sees it, the mail server does not: its resolver is the one to fix.
                (true, true, Some(_)) => (false, text::DKIM_RESOLVER_BLIND.get()),
                (true, true, None) => (false, text::DKIM_WAITING_SERVER.get()),
                (false, _, _) => (false, text::DKIM_WAITING_DNS.get()),
            };
            all_seen &= ok;
            step.dkim.push(RecordState {
                name: record.name.clone(),
                kind: record.kind.clone(),
                ok,
                words,
            });
            continue;
        }
        step.records.push(RecordState {
            name: record.name.clone(),
            kind: record.kind.clone(),
            ok: seen,
            words: match found.status {
                Published::Match => text::SEEN.get(),
                Published::Missing => text::NOT_SEEN_YET.get(),
                Published::Conflict => text::SEEN_OTHER.get(),
                Published::Unknown => text::NOT_KNOWN.get(),
            },
        });
    }
    step.dkim_detail = dkim_waiting;
    step.state = if all_seen {
        state::PUBLISHED
    } else {
        state::PUBLISHING
    }
    .into();
    if row.state != step.state
        && let Err(e) = store::set_state(&state.db, domain, &step.state, None, None).await
    {
        tracing::error!(error = %e, "cannot note where publishing stands");
    }
    Ok(())
}
