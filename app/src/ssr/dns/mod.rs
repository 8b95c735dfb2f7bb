//! DNS: the records a tenant must publish (from Stalwart's zone text), why each one matters,
//! and whether the world already sees them.

pub mod check;
pub mod zone;

use super::admin::AdminScope;
use super::app_passwords::format_time;
use crate::api::dns::{DkimKeyRow, DomainView, Importance, RecordRow};
use crate::error::AppError;
use zone::ZoneRecord;

/// Why a record matters, in one line.
pub fn importance(record: &ZoneRecord, domain: &str) -> (Importance, &'static str) {
    let name = record.name.as_str();
    let value = record.value.to_ascii_lowercase();
    match record.kind.as_str() {
        "MX" => (
            Importance::Required,
            "Sends mail for the domain to the mail server.",
        ),
        "TXT" if value.starts_with("v=spf1") && name == domain => (
            Importance::Required,
            "Tells receivers which servers may send mail for the domain (SPF).",
        ),
        "TXT" if value.starts_with("v=spf1") => (
            Importance::Recommended,
            "SPF for the mail server's own name, used by bounces and reports.",
        ),
        "TXT" if value.starts_with("v=dkim1") => (
            Importance::Required,
            "Lets receivers verify the signature on every message (DKIM).",
        ),
        "TXT" if value.starts_with("v=dmarc1") => (
            Importance::Recommended,
            "Tells receivers what to do with mail that fails SPF and DKIM (DMARC).",
        ),
        _ if name.starts_with("mta-sts.") || name.starts_with("_mta-sts.") => (
            Importance::Optional,
            "Makes other servers deliver to you only over verified TLS (MTA-STS).",
        ),
        _ if name.starts_with("_smtp._tls.") => (
            Importance::Optional,
            "Receives reports about TLS delivery problems (TLS-RPT).",
        ),
        "SRV" => (
            Importance::Optional,
            "Lets mail, calendar and contacts apps find the servers by themselves.",
        ),
        _ if name.starts_with("autoconfig.") || name.starts_with("autodiscover.") => (
            Importance::Optional,
            "Automatic account setup in Thunderbird and Outlook.",
        ),
        _ if name.starts_with("ua-auto-config.") || name.starts_with("_ua-auto-config.") => (
            Importance::Optional,
            "Automatic account setup for newer mail apps.",
        ),
        "CAA" => (
            Importance::Optional,
            "Limits which certificate authorities may issue certificates.",
        ),
        "TLSA" => (
            Importance::Optional,
            "Pins the mail server's certificate for DANE.",
        ),
        _ => (
            Importance::Optional,
            "Published by the mail server's configuration.",
        ),
    }
}

/// Everything the domain page shows. DNS status comes from the cache; when there is none, a
/// check starts in the background and the page says so.
pub async fn domain_view(scope: &AdminScope, name: &str) -> Result<DomainView, AppError> {
    let zone_data = zone_data(scope, name).await?;
    let session = super::session::AppSession(
        leptos_axum::extract()
            .await
            .map_err(|e| AppError::internal(format!("session: {e:?}")))?,
    );
    let notice = session
        .take_flash()
        .await
        .map_err(AppError::internal)?
        .map(|f| crate::api::app_passwords::Notice {
            ok: f.kind == super::session::FlashKind::Info,
            message: f.message,
        });
    let checker = &scope.caller.state.dns;
    let cached = checker.cached(name, &zone_data.records);
    if cached.is_none() {
        checker.spawn_check(
            name,
            zone_data.records.clone(),
            scope.caller.tenant.mail.imap_host.clone(),
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
                status: cached.as_ref().map(|c| c.statuses[i].clone()),
            }
        })
        .collect();
    Ok(DomainView {
        me: super::account::me(&scope.caller),
        domain: name.to_owned(),
        records,
        dkim: zone_data.dkim,
        checking: cached.is_none(),
        checked_at: cached.map(|c| format_time(c.checked_at)),
        notice,
    })
}

pub struct ZoneData {
    pub text: String,
    pub records: Vec<ZoneRecord>,
    pub dkim: Vec<DkimKeyRow>,
}

/// The Stalwart id of `name` if it is one of the scope's domains; any other name, another
/// tenant's included, is "not found".
pub fn own_domain_id(scope: &AdminScope, name: &str) -> Result<String, AppError> {
    scope
        .domain_id_of(name)
        .ok_or_else(|| AppError::NotFound("That is not one of your organisation's domains.".into()))
}

/// Stalwart's zone text and DKIM keys for one of the scope's domains.
pub async fn zone_data(scope: &AdminScope, name: &str) -> Result<ZoneData, AppError> {
    let domain_id = own_domain_id(scope, name)?;
    let stalwart = &scope.caller.tenant.stalwart;
    let (text, keys) = stalwart
        .dns(&domain_id)
        .await
        .map_err(|e| super::stalwart_error(&e, "read the DNS records"))?;
    let records = zone::parse(&text);
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
                    "RSA (SHA-256)".into()
                } else {
                    "Ed25519 (SHA-256)".into()
                },
                stage: k.stage,
                created: time::OffsetDateTime::parse(
                    &k.created_at,
                    &time::format_description::well_known::Rfc3339,
                )
                .map(format_time)
                .unwrap_or(k.created_at),
                record_name: format!("{}._domainkey.{name}", k.selector),
                record_value: format!("v=DKIM1; k={kind}; h=sha256; p={}", k.public_key),
                selector: k.selector,
            }
        })
        .collect();
    Ok(ZoneData {
        text,
        records,
        dkim,
    })
}
