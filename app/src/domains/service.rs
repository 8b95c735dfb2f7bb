//! The records an organisation must publish (from Stalwart's zone text), why each one matters, and
//! whether the world already sees them.

use super::model::{
    DkimKeyRow, DomainView, DomainsView, Importance, RecordRow, RecordStatus, Status,
};
use super::text::{self, found, reason};
use crate::account::service::me;
use crate::components::alert::Notice;
use crate::error::AppError;
use crate::ssr::dns::check::{Note, Published, RecordCheck, Unknown};
use crate::ssr::dns::zone::{self, ZoneRecord};
use crate::ssr::scope::AdminScope;
use crate::ssr::time::{format_rfc3339, format_time};

/// Why a record matters, in one line.
pub fn importance(record: &ZoneRecord, domain: &str) -> (Importance, crate::i18n::Key) {
    let name = record.name.as_str();
    let value = record.value.to_ascii_lowercase();
    match record.kind.as_str() {
        "MX" => (Importance::Required, reason::MX),
        "TXT" if value.starts_with("v=spf1") && name == domain => {
            (Importance::Required, reason::SPF)
        }
        "TXT" if value.starts_with("v=spf1") => (Importance::Recommended, reason::SPF_HOST),
        "TXT" if value.starts_with("v=dkim1") => (Importance::Required, reason::DKIM),
        "TXT" if value.starts_with("v=dmarc1") => (Importance::Recommended, reason::DMARC),
        _ if name.starts_with("mta-sts.") || name.starts_with("_mta-sts.") => {
            (Importance::Optional, reason::MTA_STS)
        }
        _ if name.starts_with("_smtp._tls.") => (Importance::Optional, reason::TLS_RPT),
        "SRV" => (Importance::Optional, reason::SRV),
        _ if name.starts_with("autoconfig.") || name.starts_with("autodiscover.") => {
            (Importance::Optional, reason::AUTOCONFIG)
        }
        _ if name.starts_with("ua-auto-config.") || name.starts_with("_ua-auto-config.") => {
            (Importance::Optional, reason::UA_AUTOCONFIG)
        }
        "CAA" => (Importance::Optional, reason::CAA),
        "TLSA" => (Importance::Optional, reason::TLSA),
        _ => (Importance::Optional, reason::OTHER),
    }
}

/// A DNS check's finding, in words.
pub fn status(check: &RecordCheck) -> RecordStatus {
    let status = match check.status {
        Published::Match => Status::Match,
        Published::Conflict => Status::Conflict,
        Published::Missing => Status::Missing,
        Published::Unknown => Status::Unknown,
    };
    let reason = check.unknown.as_ref().map(|u| match u {
        Unknown::NotChecked(kind) => found::not_checked(kind),
        Unknown::TimedOut(after) => found::timed_out(after.as_secs_f32()),
        Unknown::ServFail => found::SERVFAIL.into(),
        Unknown::Answered(code) => found::answered(code),
        Unknown::NoServer => found::NO_SERVER.into(),
        Unknown::Failed(why) => found::failed(why),
    });
    let warning = check.note.as_ref().map(|n| match n {
        Note::AlsoSentTo(hosts) => found::also_sent_to(&hosts.join(", ")),
        Note::MxElsewhere => found::MX_ELSEWHERE.into(),
        Note::DifferentSpf => found::DIFFERENT_SPF.into(),
        Note::TwoSpf => found::TWO_SPF.into(),
        Note::DkimMismatch => found::DKIM_MISMATCH.into(),
        Note::DmarcMonitorOnly => found::DMARC_MONITOR_ONLY.into(),
        Note::DifferentDmarc => found::DIFFERENT_DMARC.into(),
    });
    RecordStatus::new(status, check.found.clone(), reason, warning)
}

pub fn list(scope: &AdminScope) -> DomainsView {
    DomainsView {
        me: me(&scope.caller),
        domains: scope.domain_names(),
    }
}

/// Everything the domain page shows. DNS status comes from the cache; when there is none, a
/// check starts in the background and the page says so.
pub async fn domain_view(
    scope: &AdminScope,
    name: &str,
    notice: Option<Notice>,
) -> Result<DomainView, AppError> {
    let zone_data = zone_data(scope, name).await?;
    let checker = &scope.caller.state.dns;
    let cached = checker.cached(name, &zone_data.records);
    if cached.is_none() {
        checker.spawn_check(
            name,
            zone_data.records.clone(),
            scope.caller.organisation.mail.imap_host.clone(),
        );
    }
    let records = zone_data
        .records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let (importance, reason) = importance(r, name);
            let chunks = if r.kind == "TXT" && r.value.len() > 255 {
                zone::chunks_of_255(&r.value)
            } else {
                Vec::new()
            };
            RecordRow {
                kind: r.kind.clone(),
                name: r.name.clone(),
                value: r.value.clone(),
                chunks,
                priority: r.priority,
                importance,
                reason: reason.into(),
                status: cached.as_ref().map(|c| status(&c.statuses[i])),
            }
        })
        .collect();
    let published_into = crate::ssr::db::dns_publishing::of_domain(&scope.caller.state.db, name)
        .await
        .map_err(AppError::internal)?
        .filter(|p| p.organisation == scope.caller.organisation.slug && p.dns_server_id.is_some())
        .map(|p| p.zone().to_owned());
    Ok(DomainView {
        published_into,
        me: me(&scope.caller),
        domain: name.to_owned(),
        records,
        dkim: zone_data.dkim,
        checking: cached.is_none(),
        checked_at: cached.map(|c| format_time(c.checked_at)),
        notice,
    })
}

/// Checks DNS again now (waiting for the answers); returns what to tell the admin.
pub async fn check_again(scope: &AdminScope, name: &str) -> Result<String, AppError> {
    let zone = zone_data(scope, name).await?;
    let result = scope
        .caller
        .state
        .dns
        .check(
            name,
            zone.records,
            &scope.caller.organisation.mail.imap_host,
        )
        .await;
    let problems = result
        .statuses
        .iter()
        .filter(|s| s.status != Published::Match)
        .count();
    Ok(match problems {
        0 => text::CHECKED_ALL.get(),
        1 => text::CHECKED_ONE.get(),
        n => text::checked_some(n),
    })
}

/// Whether the background check the page started is still running.
pub fn is_checking(scope: &AdminScope, name: &str) -> Result<bool, AppError> {
    own_domain_id(scope, name)?;
    Ok(scope.caller.state.dns.is_running(name))
}

/// The zone file to download: Stalwart's text with a header.
pub async fn zone_file(scope: &AdminScope, name: &str) -> Result<String, AppError> {
    let zone = zone_data(scope, name).await?;
    Ok(format!("{}\n{}", text::zone_file_header(name), zone.text))
}

pub struct ZoneData {
    pub text: String,
    pub records: Vec<ZoneRecord>,
    pub dkim: Vec<DkimKeyRow>,
}

/// The Stalwart id of `name` if it is one of the scope's domains; any other name, another
/// organisation's included, is "not found".
pub fn own_domain_id(scope: &AdminScope, name: &str) -> Result<String, AppError> {
    scope
        .domain_id(name)
        .map(str::to_owned)
        .ok_or_else(|| AppError::NotFound(text::NOT_OURS.into()))
}

/// Stalwart's zone text and DKIM keys for one of the scope's domains.
pub async fn zone_data(scope: &AdminScope, name: &str) -> Result<ZoneData, AppError> {
    let domain_id = own_domain_id(scope, name)?;
    let (zone_text, keys) = scope
        .stalwart()
        .dns(&domain_id)
        .await
        .map_err(|e| e.user_error(text::READ_RECORDS))?;
    let records = zone::parse(&zone_text);
    let dkim = keys
        .into_iter()
        .map(|k| {
            let kind = if k.algorithm.contains("Ed25519") {
                "ed25519"
            } else {
                "rsa"
            };
            DkimKeyRow {
                algorithm: if kind == "rsa" {
                    text::RSA
                } else {
                    text::ED25519
                }
                .into(),
                stage: k.stage,
                created: format_rfc3339(&k.created_at),
                record_name: format!("{}._domainkey.{name}", k.selector),
                record_value: format!("v=DKIM1; k={kind}; h=sha256; p={}", k.public_key),
                selector: k.selector,
            }
        })
        .collect();
    Ok(ZoneData {
        text: zone_text,
        records,
        dkim,
    })
}
