//! Changes to the directory outside postern.toml: operator commands today, the partner
//! console next. Each change is one transaction that also raises the directory version, so
//! every instance sees it within [`super::POLL`]; secrets are sealed before they are stored.

use crate::ssr::db::organisations::{
    self as store, DomainRecord, IdentityProviderRecord, MailServerRecord, OrganisationRecord,
    Status, api_key_binding, client_secret_binding, is_unique_violation, legacy,
};
use crate::ssr::db::{Db, audit, logins};
use crate::ssr::secrets::{Keyring, Sealed, SecretsError};
use secrecy::SecretString;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    #[error("there is no organisation \"{0}\"")]
    NoSuchOrganisation(String),
    #[error("{0} is declared in postern.toml; change it there")]
    FromConfig(String),
    #[error("{0} already exists")]
    Exists(String),
    #[error(
        "{domain} already belongs to an organisation; a domain belongs to one organisation only"
    )]
    DomainTaken { domain: String },
    #[error("{0}")]
    Secrets(#[from] SecretsError),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
}

/// Who made a change, for the audit log.
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub email: &'a str,
}

/// The actor of operator commands.
pub const COMMAND_LINE: Actor<'static> = Actor {
    id: None,
    email: crate::ssr::db::audit::system_actors::COMMAND_LINE,
};

async fn audit(
    db: &Db,
    actor: &Actor<'_>,
    organisation: &str,
    action: crate::ssr::db::audit::Action,
    detail: serde_json::Value,
) {
    let event = audit::NewEvent {
        organisation,
        actor_id: actor.id,
        actor_email: actor.email,
        action,
        account_id: None,
        target: Some(organisation),
        detail,
        ip: None,
        user_agent: None,
    };
    if let Err(e) = audit::record(db, &event).await {
        tracing::error!(error = %e, %action, "cannot write the audit log");
    }
}

/// Suspends (sign-ins refused, sessions ended on every instance) or resumes an organisation.
pub async fn set_status(
    db: &Db,
    actor: &Actor<'_>,
    slug: &str,
    status: Status,
    reason: Option<&str>,
) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    if !store::set_status(&mut tx, slug, status, reason).await? {
        return Err(ManageError::NoSuchOrganisation(slug.to_owned()));
    }
    if status != Status::Active {
        logins::end_organisation(&mut tx, slug).await?;
    }
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    let action = match status {
        Status::Suspended => super::actions::ORGANISATION_SUSPEND,
        Status::Active => super::actions::ORGANISATION_ACTIVATE,
        Status::Draft => super::actions::ORGANISATION_DRAFT,
    };
    audit(db, actor, slug, action, json!({ "reason": reason })).await;
    Ok(())
}

/// What a new mail server needs.
pub struct NewMailServer<'a> {
    pub name: &'a str,
    pub url: &'a url::Url,
    pub api_key: &'a SecretString,
    pub timeout_ms: u64,
    pub managed_by: Option<&'a str>,
}

/// Adds a mail server, its API key sealed.
pub async fn add_mail_server(
    db: &Db,
    keyring: &Keyring,
    s: &NewMailServer<'_>,
) -> Result<(), ManageError> {
    let url = s.url.to_string();
    let sealed = keyring.seal(s.api_key, &api_key_binding(s.name, &url))?;
    let mut tx = db.pool.begin().await?;
    if store::mail_server_exists(&mut tx, s.name).await? {
        return Err(ManageError::Exists(format!(
            "a mail server named \"{}\"",
            s.name
        )));
    }
    let record = MailServerRecord {
        name: s.name.to_owned(),
        url,
        api_key: Some(sealed),
        timeout_ms: s.timeout_ms,
        managed_by: s.managed_by.map(str::to_owned),
        from_config: false,
        revision: 0,
    };
    store::put_mail_server(&mut tx, &record).await?;
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// A new organisation with its IdP (client secret in clear, sealed here) and domains.
pub struct NewOrganisation {
    pub organisation: OrganisationRecord,
    pub identity_provider: IdentityProviderRecord,
    pub client_secret: SecretString,
    /// Names; `verified` says whether they route sign-ins already.
    pub domains: Vec<(String, bool)>,
}

pub async fn create_organisation(
    db: &Db,
    keyring: &Keyring,
    actor: &Actor<'_>,
    new: NewOrganisation,
) -> Result<(), ManageError> {
    let slug = new.organisation.slug.clone();
    let binding = client_secret_binding(
        &slug,
        &new.identity_provider.issuer,
        &new.identity_provider.client_id,
    );
    let sealed = keyring.seal(&new.client_secret, &binding)?;
    let mut tx = db.pool.begin().await?;
    if store::organisation_exists(&mut tx, &slug).await? {
        return Err(ManageError::Exists(format!("an organisation \"{slug}\"")));
    }
    store::put_organisation(&mut tx, &new.organisation).await?;
    let idp = IdentityProviderRecord {
        organisation: slug.clone(),
        client_secret: Some(sealed),
        ..new.identity_provider
    };
    store::put_identity_provider(&mut tx, &idp).await?;
    for (name, verified) in &new.domains {
        let domain = DomainRecord {
            name: name.clone(),
            organisation: slug.clone(),
            verified: *verified,
            from_config: false,
        };
        if let Err(e) = store::insert_domain(&mut tx, &domain).await {
            return Err(if is_unique_violation(&e) {
                ManageError::DomainTaken {
                    domain: name.clone(),
                }
            } else {
                e.into()
            });
        }
    }
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    audit(
        db,
        actor,
        &slug,
        super::actions::ORGANISATION_CREATE,
        json!({}),
    )
    .await;
    Ok(())
}

/// Seals every stored secret again under the current key (opening each with the current or
/// the previous key). Returns how many were sealed again.
pub async fn rotate_secrets(db: &Db, keyring: &Keyring) -> Result<usize, ManageError> {
    let current = keyring.current_id().ok_or(SecretsError::NoKey)?.to_owned();
    let mut tx = db.pool.begin().await?;
    let count = reseal_each(&mut tx, |sealed, binding| {
        if sealed.key_id == current {
            return Ok(None);
        }
        let plain = keyring.open(sealed, &binding.now)?;
        keyring.seal(&plain, &binding.now).map(Some)
    })
    .await?;
    tx.commit().await?;
    Ok(count)
}

/// Seals every secret stored the version-1 way (bound to its row) again, bound to where it is
/// sent too (version 2), once: afterwards a version-1 value is refused. Returns how many.
pub async fn upgrade_sealing(db: &Db, keyring: &Keyring) -> Result<usize, ManageError> {
    let mut tx = db.pool.begin().await?;
    if store::sealing_version(&mut tx).await? >= 2 {
        return Ok(0);
    }
    let count = reseal_each(&mut tx, |sealed, binding| {
        let plain = keyring.open(sealed, &binding.version_1)?;
        keyring.seal(&plain, &binding.now).map(Some)
    })
    .await?;
    store::set_sealing_version(&mut tx, 2).await?;
    tx.commit().await?;
    Ok(count)
}

/// What a stored secret is bound to: its row (sealing version 1), and its row and where it
/// is sent (version 2, today's).
struct Binding {
    version_1: String,
    now: String,
}

/// Passes every stored secret (mail servers' API keys, IdPs' client secrets) through
/// `change`, and stores what it returns instead (`None` keeps the secret). Returns how many
/// changed; when any did, the directory version is raised.
async fn reseal_each(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    mut change: impl FnMut(&Sealed, &Binding) -> Result<Option<Sealed>, SecretsError>,
) -> Result<usize, ManageError> {
    let mut count = 0;
    for server in store::mail_servers_in(tx).await? {
        let Some(sealed) = &server.api_key else {
            continue;
        };
        let binding = Binding {
            version_1: legacy::api_key_binding(&server.name),
            now: api_key_binding(&server.name, &server.url),
        };
        if let Some(fresh) = change(sealed, &binding)? {
            let server = MailServerRecord {
                api_key: Some(fresh),
                ..server
            };
            store::put_mail_server(tx, &server).await?;
            count += 1;
        }
    }
    for o in store::organisations_in(tx).await? {
        let Some(idp) = store::identity_provider_in(tx, &o.slug).await? else {
            continue;
        };
        let Some(sealed) = &idp.client_secret else {
            continue;
        };
        let binding = Binding {
            version_1: legacy::client_secret_binding(&o.slug),
            now: client_secret_binding(&o.slug, &idp.issuer, &idp.client_id),
        };
        if let Some(fresh) = change(sealed, &binding)? {
            let idp = IdentityProviderRecord {
                client_secret: Some(fresh),
                ..idp
            };
            store::put_identity_provider(tx, &idp).await?;
            count += 1;
        }
    }
    for p in crate::ssr::db::dns_publishing::all_in(tx).await? {
        let bound =
            crate::ssr::db::dns_publishing::secret_binding(&p.domain, &p.host, p.port, &p.key_name);
        // Sealed the version-2 way from the start: both bindings are today's.
        let binding = Binding {
            version_1: bound.clone(),
            now: bound,
        };
        if let Some(fresh) = change(&p.secret, &binding)? {
            crate::ssr::db::dns_publishing::put_secret(tx, &p.domain, &fresh).await?;
            count += 1;
        }
    }
    if count > 0 {
        store::bump_version(tx).await?;
    }
    Ok(count)
}
