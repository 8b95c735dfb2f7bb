//! App passwords for the signed-in user: list, create (shown once), revoke, Apple profiles.
//!
//! Every call targets the caller's own Stalwart account, found by their verified address
//! within their tenant's domains; no id from the browser can point anywhere else.

use super::db::{audit, requests};
use super::oidc::{AuthOptions, PendingLogin};
use super::session::{AppSession, Flash, FlashKind, SessionUser};
use super::stalwart::{AppPassword, NewAppPassword, SetErrorKind, StalwartError};
use super::{Caller, account, stalwart_error};
use crate::api::app_passwords::{
    ActivityItem, AppPasswordItem, AppPasswordsView, ListState, MailSetup, Minted,
    NewAppPasswordForm, NewFormView, Notice,
};
use crate::error::{AppError, FieldError};
use secrecy::ExposeSecret;
use std::time::Duration;

/// Longest name accepted; Stalwart shows it in its own UI too.
pub const NAME_MAX: usize = 64;
/// Most network ranges one password may be limited to.
pub const NETWORKS_MAX: usize = 20;
const DRAFT: &str = "app_passwords.draft";
const ACTIVITY_SHOWN: i64 = 20;

/// "Mail only": enough to sign in over IMAP (and POP3) and send over SMTP, nothing for
/// JMAP, WebDAV/CalDAV/CardDAV or ManageSieve (Stalwart permission names, API.md §6 and
/// live 059). Stalwart replaces the account's permissions with exactly these.
pub const MAIL_ONLY: &[&str] = &[
    "authenticate",
    "authenticateWithAlias",
    "emailSend",
    "imapAuthenticate",
    "imapAclGet",
    "imapAclSet",
    "imapAppend",
    "imapCapability",
    "imapCopy",
    "imapCreate",
    "imapDelete",
    "imapEnable",
    "imapExamine",
    "imapExpunge",
    "imapFetch",
    "imapId",
    "imapIdle",
    "imapList",
    "imapListRights",
    "imapLsub",
    "imapMove",
    "imapMyRights",
    "imapNamespace",
    "imapRename",
    "imapSearch",
    "imapSelect",
    "imapSort",
    "imapStatus",
    "imapStore",
    "imapSubscribe",
    "imapThread",
    "pop3Authenticate",
    "pop3Dele",
    "pop3List",
    "pop3Retr",
    "pop3Stat",
    "pop3Uidl",
];

/// Whether Stalwart says the account no longer exists (a cached id went stale).
fn is_gone(e: &StalwartError) -> bool {
    matches!(e, StalwartError::Method { kind, .. } if kind == "accountNotFound")
}

/// Where a request came from, for the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// A valid create request.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRequest {
    pub request_id: String,
    pub name: String,
    pub expires_in_days: Option<u32>,
    pub networks: Vec<String>,
    pub mail_only: bool,
}

impl ValidRequest {
    /// Checks every field and reports all problems at once, each on its field.
    pub fn parse(form: &NewAppPasswordForm) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.into(),
                message,
            })
        };
        let name = form.name.trim().to_owned();
        if name.is_empty() {
            fail(
                "name",
                "Give it a name, such as the device or app that will use it.".into(),
            );
        } else if name.chars().count() > NAME_MAX {
            fail(
                "name",
                format!(
                    "Use at most {NAME_MAX} characters (this one has {}).",
                    name.chars().count()
                ),
            );
        } else if name.chars().any(char::is_control) {
            fail(
                "name",
                "The name cannot contain line breaks or control characters.".into(),
            );
        }
        let expires_in_days = match form.expiry.as_str() {
            "" | "never" => None,
            days => match days.parse::<u32>() {
                Ok(d @ 1..=3660) => Some(d),
                _ => {
                    fail("expiry", "Choose one of the offered expiry periods.".into());
                    None
                }
            },
        };
        let mut networks = Vec::new();
        for entry in form
            .networks
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            match parse_network(entry) {
                Some(net) => {
                    if !networks.contains(&net) {
                        networks.push(net);
                    }
                }
                None => {
                    fail(
                        "networks",
                        format!(
                            "“{entry}” is not an IP address or network. Write ranges like 192.0.2.0/24 or 2001:db8::/32."
                        ),
                    );
                    break;
                }
            }
        }
        if networks.len() > NETWORKS_MAX {
            fail("networks", format!("List at most {NETWORKS_MAX} networks."));
        }
        let request_id = form.request_id.trim().to_owned();
        if request_id.len() < 16
            || request_id.len() > 64
            || !request_id.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            fail(
                "form",
                "This form is out of date. Please reload the page and try again.".into(),
            );
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(Self {
            request_id,
            name,
            expires_in_days,
            networks,
            mail_only: form.scope == "mail",
        })
    }
}

/// `192.0.2.7` → `192.0.2.7/32`; `192.0.2.0/24` as is (host bits must be zero);
/// IPv6 likewise.
pub fn parse_network(entry: &str) -> Option<String> {
    super::client_ip::parse_ip_or_network(entry)
        .filter(|net| net.trunc() == *net)
        .map(|net| net.to_string())
}

pub fn random_request_id() -> String {
    use rand::Rng;
    rand::thread_rng()
        .sample_iter(&rand::distributions::Alphanumeric)
        .take(24)
        .map(char::from)
        .collect()
}

pub fn mail_setup(caller: &Caller) -> MailSetup {
    let security = |port: u16, implicit: u16| {
        if port == implicit {
            "SSL/TLS"
        } else {
            "STARTTLS"
        }
        .to_owned()
    };
    let mail = &caller.tenant.mail;
    MailSetup {
        username: caller.user.email.clone(),
        imap_host: mail.imap_host.clone(),
        imap_port: mail.imap_port,
        imap_security: security(mail.imap_port, 993),
        smtp_host: mail.smtp_host.clone(),
        smtp_port: mail.smtp_port,
        smtp_security: security(mail.smtp_port, 465),
    }
}

/// The caller's Stalwart account id, or the reason there is none.
async fn account_id(caller: &Caller, action: &str) -> Result<String, AppError> {
    match account::mailbox_id(caller).await {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(AppError::NotFound(
            "You do not have a mailbox yet, so there is nothing to create app passwords for. \
             Please ask your administrator to create it."
                .into(),
        )),
        Err(e) => Err(stalwart_error(&e, action)),
    }
}

pub async fn overview(caller: &Caller) -> Result<AppPasswordsView, AppError> {
    let session = AppSession(current_session().await?);
    let notice = session
        .take_flash()
        .await
        .map_err(AppError::internal)?
        .map(|f| Notice {
            ok: f.kind == FlashKind::Info,
            message: f.message,
        });
    let list = match account_id(caller, "list your app passwords").await {
        Ok(id) => match caller.tenant.stalwart.app_passwords(&id).await {
            Ok(list) => ListState::Ready(list.iter().map(item).collect()),
            Err(e) if is_gone(&e) => {
                caller.tenant.stalwart.forget_user(&caller.user.email);
                ListState::NoMailbox
            }
            Err(e) => {
                ListState::Unavailable(stalwart_error(&e, "list your app passwords").to_string())
            }
        },
        Err(AppError::NotFound(_)) => ListState::NoMailbox,
        Err(e) => ListState::Unavailable(e.to_string()),
    };
    let events = audit::for_actor(
        &caller.state.db,
        &caller.tenant.slug,
        caller.user.user_id,
        ACTIVITY_SHOWN,
    )
    .await
    .map_err(AppError::internal)?;
    Ok(AppPasswordsView {
        me: account::me(caller),
        list,
        activity: events.iter().map(activity).collect(),
        notice,
    })
}

pub async fn one(
    caller: &Caller,
    id: &str,
) -> Result<(crate::api::account::Me, AppPasswordItem), AppError> {
    let account = account_id(caller, "find this app password").await?;
    let list = caller
        .tenant
        .stalwart
        .app_passwords(&account)
        .await
        .map_err(|e| stalwart_error(&e, "find this app password"))?;
    let found = list.iter().find(|p| p.id == id).ok_or_else(|| {
        AppError::NotFound(
            "This app password does not exist any more. It may have been revoked already.".into(),
        )
    })?;
    Ok((account::me(caller), item(found)))
}

pub async fn new_form(caller: &Caller) -> Result<NewFormView, AppError> {
    let session = AppSession(current_session().await?);
    let draft: Option<NewAppPasswordForm> =
        session.take(DRAFT).await.map_err(AppError::internal)?;
    let reauthenticated = draft.is_some();
    let mut form = draft.unwrap_or_default();
    if form.request_id.is_empty() {
        form.request_id = random_request_id();
    }
    let has_mailbox = !matches!(
        account_id(caller, "check your mailbox").await,
        Err(AppError::NotFound(_))
    );
    Ok(NewFormView {
        me: account::me(caller),
        form,
        setup: mail_setup(caller),
        reauthenticated,
        has_mailbox,
    })
}

async fn current_session() -> Result<tower_sessions::Session, AppError> {
    leptos_axum::extract()
        .await
        .map_err(|e| AppError::internal(format!("session: {e:?}")))
}

/// What handling the create form leads to.
pub enum CreateResult {
    Minted(Minted),
    /// The sign-in is too old: send the browser to the IdP (the form is kept in the session).
    Reauthenticate(url::Url),
    Rejected(AppError),
}

/// Whether the user's IdP sign-in is recent enough for creating credentials.
pub fn is_fresh(user: &SessionUser, max_age: Duration) -> bool {
    super::db::now() - user.authenticated_at <= max_age.as_secs() as i64
}

/// Handles the create form. `return_to` is the page that sent it (the form comes back there
/// after a re-authentication); `action` names the audit event.
pub async fn create(
    caller: &Caller,
    session: &AppSession,
    form: NewAppPasswordForm,
    meta: &RequestMeta,
    return_to: &str,
    action: &str,
) -> CreateResult {
    let valid = match ValidRequest::parse(&form) {
        Ok(v) => v,
        Err(e) => return CreateResult::Rejected(e),
    };
    if !is_fresh(&caller.user, caller.tenant.fresh_auth_max_age) {
        return match reauthenticate(caller, session, &form, return_to).await {
            Ok(url) => CreateResult::Reauthenticate(url),
            Err(e) => CreateResult::Rejected(e),
        };
    }
    match mint(caller, &valid, meta, action).await {
        Ok(minted) => CreateResult::Minted(minted),
        Err(e) => CreateResult::Rejected(e),
    }
}

/// Keeps the form in the session and prepares an authorization request that makes the IdP
/// ask for the password again.
pub async fn reauthenticate(
    caller: &Caller,
    session: &AppSession,
    form: &NewAppPasswordForm,
    return_to: &str,
) -> Result<url::Url, AppError> {
    let redirect = caller.state.redirect_uri();
    let provider = caller.state.oidc.provider(&caller.tenant, &redirect).await.map_err(|e| {
        tracing::warn!(error = %e, "identity provider unavailable for re-authentication");
        AppError::Unavailable(format!(
            "To create an app password you need to confirm your sign-in, but the sign-in service of {} \
             cannot be reached right now. Please try again in a few minutes.",
            caller.tenant.display_name
        ))
    })?;
    let options = AuthOptions {
        login_hint: Some(caller.user.email.clone()),
        max_age: Some(caller.tenant.fresh_auth_max_age),
        force_login: true,
    };
    let (url, mut pending): (url::Url, PendingLogin) =
        provider.authorization_request(&caller.tenant, &options, return_to.to_owned());
    pending.reauth_subject = Some(caller.user.subject.clone());
    session
        .start_login(&pending)
        .await
        .map_err(AppError::internal)?;
    session
        .0
        .insert(DRAFT, form)
        .await
        .map_err(AppError::internal)?;
    Ok(url)
}

/// Creates the app password at Stalwart exactly once per request id, records it in the audit
/// log, and returns the secret for the one response that shows it.
pub async fn mint(
    caller: &Caller,
    valid: &ValidRequest,
    meta: &RequestMeta,
    action: &str,
) -> Result<Minted, AppError> {
    let db = &caller.state.db;
    let account = account_id(caller, "create the app password").await?;
    match requests::claim(
        db,
        &valid.request_id,
        &caller.tenant.slug,
        caller.user.user_id,
        &valid.name,
    )
    .await
    .map_err(AppError::internal)?
    {
        None => {}
        Some(previous) if previous.state == requests::DONE => {
            return Err(AppError::Conflict(format!(
                "This form was already used: “{}” was created and its password was shown then. \
                 For security it cannot be shown again. If you did not write it down, revoke it and create a new one.",
                previous.name
            )));
        }
        Some(_) => {
            return Err(AppError::Conflict(
                "This form was already sent, and the mail server did not confirm the result. \
                 Check your list of app passwords: if the new one is there, revoke it and create another."
                    .into(),
            ));
        }
    }

    let expires_at = valid.expires_in_days.map(|days| {
        let at = time::OffsetDateTime::now_utc()
            .replace_nanosecond(0)
            .expect("0 ns")
            + time::Duration::days(days.into());
        at.format(&time::format_description::well_known::Rfc3339)
            .expect("formats")
    });
    let new = NewAppPassword {
        description: valid.name.clone(),
        expires_at,
        allowed_ips: valid.networks.clone(),
        permissions: valid.mail_only.then(|| MAIL_ONLY.to_vec()),
    };
    let created = match caller
        .tenant
        .stalwart
        .create_app_password(&account, &new)
        .await
    {
        Ok(created) => created,
        Err(e) => {
            if is_gone(&e) {
                caller.tenant.stalwart.forget_user(&caller.user.email);
            }
            if e.had_no_effect() {
                requests::release(db, &valid.request_id)
                    .await
                    .map_err(AppError::internal)?;
            } else {
                requests::finish(db, &valid.request_id, requests::UNKNOWN, None)
                    .await
                    .map_err(AppError::internal)?;
            }
            return Err(create_error(&e, caller, &account).await);
        }
    };
    requests::finish(db, &valid.request_id, requests::DONE, Some(&created.id))
        .await
        .map_err(AppError::internal)?;
    let detail = serde_json::json!({
        "name": valid.name,
        "expires_in_days": valid.expires_in_days,
        "networks": valid.networks,
        "mail_only": valid.mail_only,
    });
    record(
        caller,
        action,
        Some(&account),
        Some(&created.id),
        detail,
        meta,
    )
    .await;
    tracing::info!(tenant = %caller.tenant.slug, user = caller.user.user_id, credential = %created.id, "app password created");
    Ok(Minted {
        name: valid.name.clone(),
        secret: created.secret.expose_secret().to_owned(),
        setup: mail_setup(caller),
    })
}

async fn create_error(e: &StalwartError, caller: &Caller, account: &str) -> AppError {
    match e {
        StalwartError::Set(set) if set.kind == SetErrorKind::OverQuota => {
            let count = caller.tenant.stalwart.app_passwords(account).await.map(|l| l.len()).unwrap_or(0);
            let have = if count > 0 { format!("You already have {count} app passwords") } else {
                "You have reached your limit of app passwords".to_owned()
            };
            AppError::Conflict(format!("{have}; revoke one to create another."))
        }
        StalwartError::Set(set) if set.kind == SetErrorKind::InvalidProperties && set.properties.iter().any(|p| p == "allowedIps") => {
            AppError::field("networks", "The mail server did not accept these networks. Check each range.")
        }
        StalwartError::Timeout(_) => AppError::Unavailable(
            "The mail server did not answer in time, so we cannot tell whether the app password was created. \
             Check your list of app passwords before trying again: if it is there, revoke it and create a new one."
                .into(),
        ),
        other => stalwart_error(other, "create the app password"),
    }
}

pub async fn revoke(caller: &Caller, id: &str, meta: &RequestMeta) -> Result<String, AppError> {
    let account = account_id(caller, "revoke the app password").await?;
    let stalwart = &caller.tenant.stalwart;
    let list = stalwart
        .app_passwords(&account)
        .await
        .map_err(|e| stalwart_error(&e, "revoke the app password"))?;
    let Some(target) = list.iter().find(|p| p.id == id) else {
        return Err(AppError::NotFound(
            "This app password does not exist any more. It may have been revoked already.".into(),
        ));
    };
    stalwart
        .destroy_app_passwords(&account, std::slice::from_ref(&target.id))
        .await
        .map_err(|e| stalwart_error(&e, "revoke the app password"))?;
    record(
        caller,
        "app_password.revoke",
        Some(&account),
        Some(id),
        serde_json::json!({ "name": target.description }),
        meta,
    )
    .await;
    Ok(target.description.clone())
}

pub async fn revoke_all(caller: &Caller, meta: &RequestMeta) -> Result<usize, AppError> {
    let account = account_id(caller, "revoke your app passwords").await?;
    let stalwart = &caller.tenant.stalwart;
    let list = stalwart
        .app_passwords(&account)
        .await
        .map_err(|e| stalwart_error(&e, "revoke your app passwords"))?;
    let ids: Vec<String> = list.iter().map(|p| p.id.clone()).collect();
    stalwart
        .destroy_app_passwords(&account, &ids)
        .await
        .map_err(|e| stalwart_error(&e, "revoke your app passwords"))?;
    let names: Vec<&str> = list.iter().map(|p| p.description.as_str()).collect();
    record(
        caller,
        "app_password.revoke_all",
        Some(&account),
        None,
        serde_json::json!({ "ids": ids, "names": names }),
        meta,
    )
    .await;
    Ok(ids.len())
}

pub async fn set_notice(session: &AppSession, ok: bool, message: String) {
    let flash = Flash {
        kind: if ok {
            FlashKind::Info
        } else {
            FlashKind::Error
        },
        message,
        email: None,
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the notice");
    }
}

async fn record(
    caller: &Caller,
    action: &str,
    account: Option<&str>,
    credential: Option<&str>,
    detail: serde_json::Value,
    meta: &RequestMeta,
) {
    let event = audit::NewEvent {
        tenant: &caller.tenant.slug,
        actor_id: Some(caller.user.user_id),
        actor_email: &caller.user.email,
        action,
        account_id: account,
        target: credential,
        detail,
        ip: meta.ip.as_deref(),
        user_agent: meta.user_agent.as_deref(),
    };
    // The change happened at Stalwart; failing to log it must not hide that from the user.
    if let Err(e) = audit::record(&caller.state.db, &event).await {
        tracing::error!(error = %e, action, "cannot write the audit log");
    }
}

pub fn item(p: &AppPassword) -> AppPasswordItem {
    let expires = p.expires_at.as_deref().and_then(parse_rfc3339);
    AppPasswordItem {
        id: p.id.clone(),
        name: if p.description.is_empty() {
            "(no name)".into()
        } else {
            p.description.clone()
        },
        created: parse_rfc3339(&p.created_at)
            .map(format_time)
            .unwrap_or_else(|| p.created_at.clone()),
        expires: expires.map(format_time),
        expired: expires.is_some_and(|e| e <= time::OffsetDateTime::now_utc()),
        networks: p.allowed_ips.keys().cloned().collect(),
        mail_only: p.is_restricted(),
    }
}

fn activity(e: &audit::Event) -> ActivityItem {
    let detail: serde_json::Value = serde_json::from_str(&e.detail_json).unwrap_or_default();
    let what = match e.action.as_str() {
        "app_password.create" => "Created an app password",
        "app_password.apple_profile" => "Downloaded an Apple profile",
        "app_password.revoke" => "Revoked an app password",
        "app_password.revoke_all" => "Revoked all app passwords",
        "user.sign_in" => "Signed in",
        _ => "Other change",
    };
    ActivityItem {
        when: time::OffsetDateTime::from_unix_timestamp(e.at)
            .map(format_time)
            .unwrap_or_default(),
        what: what.into(),
        name: detail
            .get("name")
            .and_then(|n| n.as_str())
            .map(str::to_owned),
        ip: e.ip.clone(),
        device: e.user_agent.as_deref().map(describe_user_agent),
    }
}

fn parse_rfc3339(s: &str) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok()
}

/// "23 Nov 2026, 16:40 UTC".
pub fn format_time(t: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!(
        "[day padding:none] [month repr:short] [year], [hour]:[minute] UTC"
    );
    t.to_offset(time::UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

/// A short, human description of a browser's user agent ("Firefox on Windows").
pub fn describe_user_agent(ua: &str) -> String {
    let browser = if ua.contains("Edg/") {
        "Edge"
    } else if ua.contains("Firefox/") {
        "Firefox"
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
        "Chrome"
    } else if ua.contains("Safari/") {
        "Safari"
    } else {
        "A browser"
    };
    let os = if ua.contains("iPhone") || ua.contains("iPad") {
        "iOS"
    } else if ua.contains("Android") {
        "Android"
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        "macOS"
    } else if ua.contains("Windows") {
        "Windows"
    } else if ua.contains("Linux") {
        "Linux"
    } else {
        "an unknown system"
    };
    format!("{browser} on {os}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, networks: &str) -> NewAppPasswordForm {
        NewAppPasswordForm {
            request_id: "abcdefghijklmnopqrstuvwx".into(),
            name: name.into(),
            expiry: "never".into(),
            networks: networks.into(),
            scope: String::new(),
        }
    }

    #[test]
    fn networks_accept_ipv4_ipv6_and_single_addresses() {
        let valid =
            ValidRequest::parse(&form("Phone", "192.0.2.0/24, 2001:db8::/32\n198.51.100.7"))
                .unwrap();
        assert_eq!(
            valid.networks,
            ["192.0.2.0/24", "2001:db8::/32", "198.51.100.7/32"]
        );
    }

    #[test]
    fn an_invalid_cidr_is_named_on_the_networks_field() {
        for bad in [
            "192.0.2.0/33",
            "10.0.0.1/8",
            "not-a-network",
            "2001:db8::/129",
        ] {
            let err = ValidRequest::parse(&form("Phone", bad)).unwrap_err();
            let message = err
                .field_message("networks")
                .unwrap_or_else(|| panic!("{bad}: {err:?}"));
            assert!(message.contains(bad), "{message}");
        }
    }

    #[test]
    fn a_name_too_long_says_how_long_it_may_be() {
        let err = ValidRequest::parse(&form(&"x".repeat(65), "")).unwrap_err();
        assert_eq!(
            err.field_message("name"),
            Some("Use at most 64 characters (this one has 65).")
        );
        assert!(ValidRequest::parse(&form(&"é".repeat(64), "")).is_ok());
        assert!(
            ValidRequest::parse(&form("  ", ""))
                .unwrap_err()
                .field_message("name")
                .is_some()
        );
    }

    #[test]
    fn mail_only_scope_has_imap_and_smtp_but_no_jmap_or_dav() {
        assert!(MAIL_ONLY.contains(&"imapAuthenticate") && MAIL_ONLY.contains(&"emailSend"));
        assert!(
            MAIL_ONLY.iter().all(|p| !p.starts_with("jmap")
                && !p.starts_with("dav")
                && !p.starts_with("sieve"))
        );
    }

    #[test]
    fn user_agents_are_summarised() {
        let ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(describe_user_agent(ua), "Safari on iOS");
    }
}
