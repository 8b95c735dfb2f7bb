//! Step 3: the mail server. A partner picks one of the servers it may use (its own; the
//! operator: any), or adds one after a connection test that names every problem in words.

use super::domains::client_of;
use super::{PartnerScope, manage_error};
use crate::error::AppError;
use crate::i18n::Key;
use crate::partners::model::{Report, ReportLine};
use crate::partners::text;
use crate::ssr::config::is_slug;
use crate::ssr::db::organisations::{self as store, MailServerRecord};
use crate::ssr::directory::manage::{self, NewMailServer};
use crate::ssr::directory::onboard;
use crate::ssr::http::RequestMeta;
use crate::ssr::outbound::Refused;
use crate::ssr::stalwart::StalwartClient;
use crate::ssr::stalwart::probe::{Probe, REQUIRED_PERMISSIONS};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::time::Duration;

/// How long a connection test waits for the server.
const TEST_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Serialize, Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    pub server: String,
    #[serde(default)]
    pub imap_host: String,
    #[serde(default)]
    pub smtp_host: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    pub provision: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub api_key: String,
}

/// Never prints the secret it carries.
impl std::fmt::Debug for AddForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddForm")
            .field("name", &self.name)
            .field("url", &self.url)
            .field("api_key", &"[redacted]")
            .finish()
    }
}

/// The servers this partner may put organisations on.
pub async fn usable(scope: &PartnerScope) -> Result<Vec<MailServerRecord>, AppError> {
    let mut tx = scope.db().pool.begin().await.map_err(AppError::internal)?;
    let all = store::mail_servers_in(&mut tx)
        .await
        .map_err(AppError::internal)?;
    tx.commit().await.map_err(AppError::internal)?;
    Ok(all
        .into_iter()
        .filter(|s| scope.operator() || s.managed_by.as_deref() == Some(scope.partner()))
        .collect())
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default()
}

fn valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// Puts the organisation on a server, with the host names its people's mail apps use.
pub async fn choose(
    scope: &PartnerScope,
    slug: &str,
    form: &ChooseForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let mut o = scope.writable(slug).await?;
    let Some(server) = usable(scope)
        .await?
        .into_iter()
        .find(|s| s.name == form.server)
    else {
        return Err(AppError::field("server", text::CHOOSE_SERVER));
    };
    let locked = store::proofs_of(scope.db(), slug)
        .await
        .map_err(AppError::internal)?
        .iter()
        .any(|p| p.at_mail_server.is_some());
    if locked && o.mail_server.as_deref() != Some(server.name.as_str()) {
        return Err(AppError::Refused(text::SERVER_LOCKED.get()));
    }
    let host = |typed: &str| {
        let typed = typed.trim().to_lowercase();
        if typed.is_empty() {
            host_of(&server.url)
        } else {
            typed
        }
    };
    let (imap, smtp) = (host(&form.imap_host), host(&form.smtp_host));
    let mut errors = Vec::new();
    if !valid_host(&imap) {
        errors.push(("imap_host", text::HOST_INVALID));
    }
    if !valid_host(&smtp) {
        errors.push(("smtp_host", text::HOST_INVALID));
    }
    if let Some((field, message)) = errors.first() {
        return Err(AppError::field(field, *message));
    }
    o.mail_server = Some(server.name.clone());
    o.mail.imap_host = imap;
    o.mail.smtp_host = smtp;
    o.policies.provision_mailboxes = form.provision.is_some();
    onboard::update_organisation(scope.db(), &o, None)
        .await
        .map_err(manage_error)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::MAIL_SERVER_BIND,
            Some(&server.name),
            json!({ "imap_host": o.mail.imap_host, "smtp_host": o.mail.smtp_host,
                    "provision": o.policies.provision_mailboxes }),
        )
        .await;
    scope.reload().await;
    Ok(text::server_bound(&server.name))
}

/// Tests the server the organisation uses.
pub async fn test_chosen(scope: &PartnerScope, slug: &str) -> Result<Report, AppError> {
    let o = scope.organisation(slug).await?;
    let Some(name) = o.mail_server else {
        return Err(AppError::Refused(text::CHOOSE_SERVER_FIRST.get()));
    };
    let server = usable(scope)
        .await?
        .into_iter()
        .find(|s| s.name == name)
        .ok_or_else(|| AppError::NotFound(text::no_such_server(&name)))?;
    let client = client_of(&scope.caller.state, &name)?;
    let url = url::Url::parse(&server.url).map_err(AppError::internal)?;
    Ok(connection_report(&url, &client).await)
}

/// Adds a server after a connection test that passes; binds the organisation to it. A
/// server that fails the test is not added: the report says why.
pub async fn add(
    scope: &PartnerScope,
    slug: &str,
    form: &AddForm,
    meta: &RequestMeta,
) -> Result<(String, Report), (AppError, Option<Report>)> {
    scope.writable(slug).await.map_err(|e| (e, None))?;
    let name = form.name.trim().to_lowercase();
    let invalid = |field: &str, message: Key| (AppError::field(field, message), None);
    if !is_slug(&name) {
        return Err(invalid("name", text::SERVER_NAME_INVALID));
    }
    let url = match url::Url::parse(form.url.trim()) {
        Ok(u) => match scope.check_url(&u).await {
            Ok(()) => u,
            Err(Refused::Inside(_)) => return Err(invalid("url", text::SERVER_URL_INSIDE)),
            Err(_) => return Err(invalid("url", text::SERVER_URL_INVALID)),
        },
        Err(_) => return Err(invalid("url", text::SERVER_URL_INVALID)),
    };
    let key = form.api_key.trim();
    if key.is_empty() {
        return Err(invalid("api_key", text::API_KEY_REQUIRED));
    }
    let cap = scope.caller.state.directory.partner_limits().added_servers;
    let added = usable(scope)
        .await
        .map_err(|e| (e, None))?
        .iter()
        .filter(|s| s.managed_by.as_deref() == Some(scope.partner()) && !s.from_config)
        .count();
    if added >= cap as usize {
        return Err((AppError::Refused(text::too_many_servers(cap)), None));
    }
    let key = SecretString::from(key.to_owned());
    let reach = scope
        .caller
        .state
        .directory
        .partner_reach(TEST_TIMEOUT, true);
    let client = StalwartClient::reaching(&url, key.clone(), &reach)
        .map_err(|e| (AppError::internal(e), None))?;
    let report = connection_report(&url, &client).await;
    if !report.ok {
        return Err((
            AppError::Conflict(text::server_not_added(&name)),
            Some(report),
        ));
    }
    let new = NewMailServer {
        name: &name,
        url: &url,
        api_key: &key,
        timeout_ms: 10_000,
        managed_by: Some(scope.partner()),
    };
    let keyring = scope.caller.state.directory.keyring();
    if let Err(e) = manage::add_mail_server(scope.db(), keyring, &new).await {
        let error = match e {
            manage::ManageError::Exists(_) => AppError::field("name", text::server_taken(&name)),
            other => manage_error(other),
        };
        return Err((error, Some(report)));
    }
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::MAIL_SERVER_ADD,
            Some(&name),
            json!({ "url": url.as_str() }),
        )
        .await;
    scope.reload().await;
    let choose = ChooseForm {
        server: name.clone(),
        imap_host: String::new(),
        smtp_host: String::new(),
        provision: Some("on".into()),
    };
    choose_after_add(scope, slug, &choose, meta)
        .await
        .map_err(|e| (e, Some(report.clone())))?;
    Ok((text::server_added(&name), report))
}

async fn choose_after_add(
    scope: &PartnerScope,
    slug: &str,
    form: &ChooseForm,
    meta: &RequestMeta,
) -> Result<(), AppError> {
    // Keeps the organisation's own choice of provisioning when it had a server already.
    let o = scope.organisation(slug).await?;
    let form = ChooseForm {
        provision: (o.mail_server.is_none() || o.policies.provision_mailboxes)
            .then(|| "on".to_owned()),
        server: form.server.clone(),
        imap_host: form.imap_host.clone(),
        smtp_host: form.smtp_host.clone(),
    };
    choose(scope, slug, &form, meta).await.map(|_| ())
}

fn line(label: Key, ok: bool, text: impl Into<String>) -> ReportLine {
    ReportLine {
        label: label.get(),
        ok,
        text: text.into(),
    }
}

/// Reachability, encryption, the key, whether it is Stalwart v0.16, and whether the key holds
/// every permission Postern uses: read calls are made for real, writes are checked against
/// the key's effective permissions (trying one would change the server).
pub async fn connection_report(url: &url::Url, client: &StalwartClient) -> Report {
    let https = url.scheme() == "https";
    let tls_ok = || {
        if https {
            text::TLS_OK
        } else {
            text::TLS_LOOPBACK
        }
    };
    let mut lines = Vec::new();
    let probe = client.probe().await;
    match &probe {
        Probe::NotAllowed => {
            lines.push(line(text::CHECK_REACHABLE, false, text::INSIDE_NETWORK));
            for label in [
                text::CHECK_TLS,
                text::CHECK_KEY,
                text::CHECK_VERSION,
                text::CHECK_PERMISSIONS,
            ] {
                lines.push(line(label, false, text::NOT_CHECKED));
            }
        }
        Probe::Unreachable(why) => {
            // The detail goes to the log only: it would map hosts and ports for the partner.
            tracing::info!(url = %url, why = %why, "partner's mail server unreachable");
            let tls_problem = https && {
                let w = why.to_lowercase();
                w.contains("certificate") || w.contains("tls") || w.contains("handshake")
            };
            if tls_problem {
                lines.push(line(text::CHECK_REACHABLE, true, text::REACHABLE));
                lines.push(line(text::CHECK_TLS, false, text::TLS_FAILED));
            } else {
                lines.push(line(text::CHECK_REACHABLE, false, text::UNREACHABLE));
                lines.push(line(text::CHECK_TLS, false, text::NOT_CHECKED));
            }
            lines.push(line(text::CHECK_KEY, false, text::NOT_CHECKED));
            lines.push(line(text::CHECK_VERSION, false, text::NOT_CHECKED));
            lines.push(line(text::CHECK_PERMISSIONS, false, text::NOT_CHECKED));
        }
        Probe::NotStalwart(why) => {
            tracing::info!(url = %url, why = %why, "partner's mail server does not answer like Stalwart");
            lines.push(line(text::CHECK_REACHABLE, true, text::REACHABLE));
            lines.push(line(text::CHECK_TLS, true, tls_ok()));
            lines.push(line(text::CHECK_KEY, false, text::NOT_CHECKED));
            lines.push(line(text::CHECK_VERSION, false, text::NOT_STALWART));
            lines.push(line(text::CHECK_PERMISSIONS, false, text::NOT_CHECKED));
        }
        Probe::KeyRefused => {
            lines.push(line(text::CHECK_REACHABLE, true, text::REACHABLE));
            lines.push(line(text::CHECK_TLS, true, tls_ok()));
            lines.push(line(text::CHECK_KEY, false, text::KEY_REFUSED));
            lines.push(line(text::CHECK_VERSION, true, text::stalwart_api("")));
            lines.push(line(text::CHECK_PERMISSIONS, false, text::NOT_CHECKED));
        }
        Probe::Ready | Probe::MissingPermission(_) => {
            lines.push(line(text::CHECK_REACHABLE, true, text::REACHABLE));
            lines.push(line(text::CHECK_TLS, true, tls_ok()));
            lines.push(line(text::CHECK_KEY, true, text::KEY_OK));
            let account = client.key_account().await;
            let edition = account
                .as_ref()
                .map(|a| a.edition.clone())
                .unwrap_or_default();
            lines.push(line(
                text::CHECK_VERSION,
                true,
                text::stalwart_api(&edition),
            ));
            let mut missing: Vec<String> = match (&probe, &account) {
                (Probe::MissingPermission(which), _) => vec![which.clone()],
                _ => Vec::new(),
            };
            match &account {
                Ok(a) => missing.extend(
                    REQUIRED_PERMISSIONS
                        .iter()
                        .filter(|p| !a.permissions.iter().any(|have| have == *p))
                        .map(|p| (*p).to_owned()),
                ),
                Err(e) => {
                    tracing::info!(url = %url, error = %e, "cannot read the key's permissions");
                    missing.push(text::PERMISSIONS_UNREADABLE.get());
                }
            }
            missing.dedup();
            if missing.is_empty() {
                lines.push(line(text::CHECK_PERMISSIONS, true, text::PERMISSIONS_OK));
            } else {
                let list = missing.join(", ");
                lines.push(line(
                    text::CHECK_PERMISSIONS,
                    false,
                    text::missing_permissions(&list),
                ));
            }
        }
    }
    Report {
        step: "mail-server".to_owned(),
        title: text::REPORT_CONNECTION.get(),
        ok: lines.iter().all(|l| l.ok),
        lines,
    }
}

impl crate::routing::Sample for ChooseForm {
    fn sample(t: &crate::routing::Target) -> Self {
        ChooseForm {
            server: "shared".into(),
            imap_host: format!("mail.{}", t.domain),
            smtp_host: format!("mail.{}", t.domain),
            provision: None,
        }
    }
}

impl crate::routing::Sample for AddForm {
    fn sample(t: &crate::routing::Target) -> Self {
        AddForm {
            name: "intruder-mail".into(),
            url: format!("https://mail.{}", t.domain),
            api_key: "API_intruder".into(),
        }
    }
}

/// "Register again": Postern's activity hook on a server this partner may use, brought back
/// to what Postern wants (its URL, key and events) and applied.
pub async fn reregister_hook(scope: &PartnerScope, name: &str) -> Result<String, AppError> {
    if !usable(scope).await?.iter().any(|s| s.name == name) {
        return Err(AppError::NotFound(text::no_such_server(name)));
    }
    let state = &scope.caller.state;
    let client = state
        .organisations()
        .server(name)
        .cloned()
        .ok_or_else(|| AppError::Unavailable(text::SERVER_DOWN.get()))?;
    crate::activity::service::register(state, name, &client, true)
        .await
        .map_err(AppError::internal)?;
    Ok(text::hook_reregistered(name))
}
