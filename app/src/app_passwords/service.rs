//! App passwords for the signed-in user: list, create (shown once), revoke.
//!
//! Every call targets the caller's own Stalwart account, found by their verified address
//! within their organisation's domains; no id from the browser can point anywhere else.

use super::model::{
    ActivityItem, ApiKeyItem, AppPasswordItem, AppPasswordsView, ListState, MailSetup, Minted,
    NewAppPasswordForm, NewFormView, Scope,
};
use super::request::{ValidRequest, permissions, random_request_id};
use super::text::{NO_MAILBOX, activity as activity_text, service as text};
use crate::account::service::{mailbox_id, me};
use crate::activity::service::{self as activity, OwnChange};
use crate::auth::service::{fresh_sign_in, is_fresh};
use crate::components::alert::Notice;
use crate::components::layout::Me;
use crate::error::AppError;
use crate::notifications::service::{self as notifications, Cause, Origin};
use crate::ssr::db::{audit, requests};
use crate::ssr::http::RequestMeta;
use crate::ssr::limits::Subject;
use crate::ssr::oidc::PendingLogin;
use crate::ssr::stalwart::error::{SetErrorKind, StalwartError};
use crate::ssr::stalwart::model::{ApiKey, AppPassword};
use crate::ssr::stalwart::{Freshness, NewAppPassword};
use crate::ssr::state::{Caller, Event, Outcome};
use crate::ssr::time::{format_epoch, format_rfc3339, format_time, parse_rfc3339, rfc3339_in_days};
use secrecy::ExposeSecret;

pub use super::revocation::{revoke, revoke_all, revoke_api_key};

const ACTIVITY_SHOWN: i64 = 20;

/// Whether Stalwart says the account no longer exists (a cached id went stale).
pub(super) fn is_gone(e: &StalwartError) -> bool {
    matches!(e, StalwartError::Method { kind, .. } if kind == "accountNotFound")
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
    let mail = &caller.organisation.mail;
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

/// The caller's Stalwart account id, to show its credentials, or the reason there is none.
async fn account_id(caller: &Caller, action: crate::i18n::Key) -> Result<String, AppError> {
    match mailbox_id(caller, action, Freshness::Recent).await? {
        Some(id) => Ok(id),
        None => Err(AppError::NotFound(NO_MAILBOX.into())),
    }
}

/// The caller's Stalwart account id, to change its credentials (`attempted`, an audit action):
/// the mail server is asked now whether the account is one Postern must keep off, and a
/// refusal is written to the audit log.
pub(super) async fn account_to_change(
    caller: &Caller,
    action: crate::i18n::Key,
    meta: &RequestMeta,
    attempted: crate::ssr::db::audit::Action,
) -> Result<String, AppError> {
    match mailbox_id(caller, action, Freshness::Now).await {
        Ok(Some(id)) => Ok(id),
        Ok(None) => Err(AppError::NotFound(NO_MAILBOX.into())),
        Err(refused @ AppError::Refused(_)) => {
            let event = Event {
                action: super::actions::REFUSED,
                account: caller.user.account_id.as_deref(),
                target: Some(&caller.user.email),
                detail: serde_json::json!({ "attempted": attempted, "reason": "protected_account" }),
            };
            caller.record(meta, event).await;
            Err(refused)
        }
        Err(e) => Err(e),
    }
}

/// The list page: the caller's app passwords (or why they cannot be shown) and activity.
/// The mail server and the database are asked at the same time.
pub async fn overview(
    caller: &Caller,
    notice: Option<Notice>,
) -> Result<AppPasswordsView, AppError> {
    let credentials = async {
        let id = account_id(caller, text::LIST).await?;
        let found = caller
            .organisation
            .stalwart
            .app_passwords_and_api_keys(&id)
            .await;
        // How each password was used needs its creation time (an event older than the
        // password was another's): asked once the list is there.
        let usage = match &found {
            Ok((list, _)) => {
                let listed = activity::listed(list);
                reconcile(caller, &id, &listed).await;
                activity::usage(&caller.state, &caller.organisation, &id, &listed)
                    .await
                    .map_err(AppError::internal)?
            }
            Err(_) => None,
        };
        Ok::<_, AppError>((found, usage))
    };
    let events = audit::for_actor(
        &caller.state.db,
        &caller.organisation.slug,
        caller.user.user_id,
        ACTIVITY_SHOWN,
    );
    let (credentials, events) = futures::join!(credentials, events);
    let mut api_keys = Vec::new();
    let list = match credentials {
        Ok((Ok((list, keys)), mut usage)) => {
            api_keys = keys.iter().map(api_key).collect();
            let with_usage = |p: &AppPassword| AppPasswordItem {
                usage: usage.as_mut().map(|u| u.remove(&p.id).unwrap_or_default()),
                ..item(p)
            };
            ListState::Ready(list.iter().map(with_usage).collect())
        }
        Ok((Err(e), _)) if is_gone(&e) => {
            caller.organisation.stalwart.forget_user(&caller.user.email);
            ListState::NoMailbox
        }
        Ok((Err(e), _)) => ListState::Unavailable(e.user_error(text::LIST).to_string()),
        Err(AppError::NotFound(_)) => ListState::NoMailbox,
        Err(e) => ListState::Unavailable(e.to_string()),
    };
    let events = events.map_err(AppError::internal)?;
    Ok(AppPasswordsView {
        me: me(caller),
        list,
        api_keys,
        activity: events.iter().map(activity).collect(),
        notice,
    })
}

/// Audits what changed at the mail server without Postern since the person last looked (the
/// list is there already: one statement when nothing did).
async fn reconcile(caller: &Caller, account: &str, listed: &[activity::Listed]) {
    let organisation = &caller.organisation.slug;
    if let Err(e) = activity::reconcile(&caller.state, organisation, account, listed).await {
        tracing::warn!(organisation, error = %e, "app passwords changed elsewhere could not be audited");
    }
}

/// One of the caller's app passwords, for the revoke confirmation.
pub async fn one(caller: &Caller, id: &str) -> Result<(Me, AppPasswordItem), AppError> {
    let account = account_id(caller, text::FIND).await?;
    let list = caller
        .organisation
        .stalwart
        .app_passwords(&account)
        .await
        .map_err(|e| e.user_error(text::FIND))?;
    let found = list
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| AppError::NotFound(text::GONE.into()))?;
    Ok((me(caller), item(found)))
}

/// The create form: blank with a fresh request id, or the `draft` kept across a
/// re-authentication.
pub async fn new_form(
    caller: &Caller,
    draft: Option<NewAppPasswordForm>,
) -> Result<NewFormView, AppError> {
    let reauthenticated = draft.is_some();
    let mut form = draft.unwrap_or_default();
    if form.request_id.is_empty() {
        form.request_id = random_request_id();
    }
    let has_mailbox = !matches!(
        account_id(caller, text::CHECK_MAILBOX).await,
        Err(AppError::NotFound(_))
    );
    Ok(NewFormView {
        me: me(caller),
        form,
        setup: mail_setup(caller),
        reauthenticated,
        has_mailbox,
    })
}

/// What handling the create form leads to.
pub enum CreateResult {
    Minted(Minted),
    /// The sign-in is too old: send the browser to the IdP with this pending login, and keep
    /// the form for when it comes back.
    Reauthenticate(url::Url, PendingLogin),
    Rejected(AppError),
}

/// Handles the create form. `return_to` is the page that sent it (the form comes back there
/// after a re-authentication); `action` names the audit event.
pub async fn create(
    caller: &Caller,
    form: &NewAppPasswordForm,
    meta: &RequestMeta,
    return_to: &str,
    action: crate::ssr::db::audit::Action,
) -> CreateResult {
    let valid = match ValidRequest::parse(form) {
        Ok(v) => v,
        Err(e) => return CreateResult::Rejected(e),
    };
    if !is_fresh(&caller.user, caller.organisation.fresh_auth_max_age) {
        return match fresh_sign_in(caller, return_to).await {
            Ok((url, pending)) => CreateResult::Reauthenticate(url, pending),
            Err(e) => CreateResult::Rejected(e),
        };
    }
    if let Err(e) = within_limits(caller).await {
        return CreateResult::Rejected(e);
    }
    match mint(caller, &valid, meta, action).await {
        Ok(minted) => CreateResult::Minted(minted),
        Err(e) => CreateResult::Rejected(e),
    }
}

/// App passwords are limited per person and per organisation (across every instance).
async fn within_limits(caller: &Caller) -> Result<(), AppError> {
    let limiter = &caller.state.limiter;
    let organisation = &caller.organisation.slug;
    let person = Subject::MintBy {
        organisation,
        user_id: caller.user.user_id,
    };
    for subject in [person, Subject::MintIn(organisation)] {
        if let Err(limited) = limiter.check(subject).await {
            tracing::warn!(organisation = %organisation, user = caller.user.user_id, "app-password creation rate-limited");
            return Err(AppError::RateLimited(limited.retry_after_secs));
        }
    }
    Ok(())
}

/// Creates the app password at Stalwart exactly once per request id, records it in the audit
/// log, and returns the secret for the one response that shows it.
pub async fn mint(
    caller: &Caller,
    valid: &ValidRequest,
    meta: &RequestMeta,
    action: crate::ssr::db::audit::Action,
) -> Result<Minted, AppError> {
    let db = &caller.state.db;
    let account = account_to_change(caller, text::CREATE, meta, action).await?;
    let claimed = requests::claim(
        db,
        &valid.request_id,
        &caller.organisation.slug,
        caller.user.user_id,
        &valid.name,
    )
    .await
    .map_err(AppError::internal)?;
    match claimed {
        None => {}
        Some(previous) if previous.state == requests::DONE => {
            return Err(AppError::Conflict(text::already_used(&previous.name)));
        }
        Some(_) => return Err(AppError::Conflict(text::ALREADY_UNKNOWN.into())),
    }

    let detail = serde_json::json!({
        "name": valid.name,
        "expires_in_days": valid.expires_in_days,
        "networks": valid.networks,
        "scope": valid.scope,
    });
    let event = Event {
        action,
        account: Some(&account),
        target: None,
        detail,
    };
    let audited = match caller.begin(meta, event).await {
        Ok(audited) => audited,
        Err(e) => {
            requests::release(db, &valid.request_id)
                .await
                .map_err(AppError::internal)?;
            return Err(e);
        }
    };
    let new = NewAppPassword {
        description: valid.name.clone(),
        expires_at: valid.expires_in_days.map(rfc3339_in_days),
        allowed_ips: valid.networks.clone(),
        permissions: Some(permissions(valid.scope)),
    };
    let created = match caller
        .organisation
        .stalwart
        .create_app_password(&account, &new)
        .await
    {
        Ok(created) => created,
        Err(e) => {
            caller.complete(audited, Outcome::failed(&e)).await;
            if is_gone(&e) {
                caller.organisation.stalwart.forget_user(&caller.user.email);
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
    caller
        .complete(audited, Outcome::Done(Some(&created.id)))
        .await;
    requests::finish(db, &valid.request_id, requests::DONE, Some(&created.id))
        .await
        .map_err(AppError::internal)?;
    tracing::info!(organisation = %caller.organisation.slug, user = caller.user.user_id, credential = %created.id, "app password created");
    let cause = if action == super::actions::APPLE_PROFILE {
        Cause::AppleProfile
    } else {
        Cause::Created
    };
    let organisation = &caller.organisation.slug;
    activity::note_own_change(
        &caller.state,
        organisation,
        &account,
        OwnChange::Made(&created.id),
    )
    .await;
    let origin = Origin {
        ip: meta.ip.as_deref(),
        device: meta
            .user_agent
            .as_deref()
            .map(activity_text::describe_user_agent),
    };
    notifications::credential_created(caller, &valid.name, origin, cause).await;
    Ok(Minted {
        name: valid.name.clone(),
        secret: created.secret.expose_secret().to_owned(),
        setup: mail_setup(caller),
    })
}

async fn create_error(e: &StalwartError, caller: &Caller, account: &str) -> AppError {
    match e {
        StalwartError::Set(set) if set.kind == SetErrorKind::OverQuota => {
            let count = caller
                .organisation
                .stalwart
                .app_passwords(account)
                .await
                .map(|l| l.len())
                .unwrap_or(0);
            let have = if count > 0 {
                text::have_count(count)
            } else {
                text::AT_LIMIT.get()
            };
            AppError::Conflict(text::revoke_one_to_create(&have))
        }
        StalwartError::Set(set)
            if set.kind == SetErrorKind::InvalidProperties
                && set.properties.iter().any(|p| p == "allowedIps") =>
        {
            AppError::field("networks", text::NETWORKS_REFUSED)
        }
        StalwartError::Timeout(_) => AppError::Unavailable(text::TIMED_OUT.into()),
        gone if is_gone(gone) => AppError::Conflict(text::MAILBOX_CHANGED.into()),
        other => other.user_error(text::CREATE),
    }
}

fn api_key(k: &ApiKey) -> ApiKeyItem {
    ApiKeyItem {
        id: k.id.clone(),
        name: if k.description.is_empty() {
            text::NO_NAME.into()
        } else {
            k.description.clone()
        },
        created: format_rfc3339(&k.created_at),
    }
}

/// An app password as the pages list it (never its secret).
pub fn item(p: &AppPassword) -> AppPasswordItem {
    let expires = p.expires_at.as_deref().and_then(parse_rfc3339);
    AppPasswordItem {
        id: p.id.clone(),
        name: if p.description.is_empty() {
            text::NO_NAME.into()
        } else {
            p.description.clone()
        },
        created: format_rfc3339(&p.created_at),
        expires: expires.map(format_time),
        expired: expires.is_some_and(|e| e <= time::OffsetDateTime::now_utc()),
        networks: p.allowed_ips.keys().cloned().collect(),
        scope: match p.granted() {
            None => Scope::Everything,
            Some(granted) if granted.iter().any(|g| g.starts_with("dav")) => Scope::MailDav,
            Some(_) => Scope::Mail,
        },
        usage: None,
    }
}

fn activity(e: &audit::Event) -> ActivityItem {
    let detail: serde_json::Value = serde_json::from_str(&e.detail_json).unwrap_or_default();
    ActivityItem {
        when: format_epoch(e.at),
        what: activity_text::what(&e.action).into(),
        name: detail
            .get("name")
            .and_then(|n| n.as_str())
            .map(str::to_owned),
        ip: e.ip.clone(),
        device: e
            .user_agent
            .as_deref()
            .map(activity_text::describe_user_agent),
    }
}
