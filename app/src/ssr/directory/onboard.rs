//! The directory changes of partner onboarding: a draft organisation, its claimed domains and
//! their proofs, its mail server and IdP, activation and removal. Each is one transaction that
//! raises the directory version when the snapshot must change, like [`super::manage`].

use super::manage::ManageError;
use super::proof::Challenge;
use crate::ssr::db::Db;
use crate::ssr::db::organisations::{
    self as store, DomainRecord, IdentityProviderRecord, MailSettingsRecord, OrganisationRecord,
    Policies, Status, client_secret_binding, is_unique_violation,
};
use crate::ssr::secrets::Keyring;
use secrecy::SecretString;

/// What a new organisation starts with: a draft, managed by `partner`, no server, no IdP.
pub fn draft(slug: &str, display_name: &str, partner: &str) -> OrganisationRecord {
    OrganisationRecord {
        slug: slug.to_owned(),
        display_name: display_name.to_owned(),
        status: Status::Draft,
        status_reason: None,
        managed_by: Some(partner.to_owned()),
        partner: false,
        operator: false,
        mail_server: None,
        mail: MailSettingsRecord {
            imap_host: String::new(),
            imap_port: 993,
            smtp_host: String::new(),
            smtp_port: 465,
        },
        // The defaults of a `[organisations.*]` entry, but with mailboxes made at first sign-in:
        // a new organisation has none yet.
        policies: Policies {
            fresh_auth_max_age_secs: 600,
            mailbox_passwords: crate::ssr::config::MailboxPasswords::None,
            provision_mailboxes: true,
            require_verified_email: true,
            session_lifetime_secs: 12 * 3600,
            session_idle_secs: 30 * 60,
            admin_recheck_secs: 15 * 60,
            default_locale: None,
        },
        from_config: false,
    }
}

/// Creates a draft organisation with its contact.
pub async fn create_draft(
    db: &Db,
    organisation: &OrganisationRecord,
    contact_email: &str,
) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    // A removed organisation's audit log stays under its slug: the slug is not given to
    // another organisation, whose admins would read that history.
    if store::organisation_exists(&mut tx, &organisation.slug).await?
        || store::slug_has_history(&mut tx, &organisation.slug).await?
    {
        return Err(ManageError::Exists(format!(
            "an organisation \"{}\"",
            organisation.slug
        )));
    }
    store::put_organisation(&mut tx, organisation).await?;
    store::set_contact(&mut tx, &organisation.slug, contact_email).await?;
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Writes the settings the console changed (never the status: see `update_settings`).
pub async fn update_organisation(
    db: &Db,
    organisation: &OrganisationRecord,
    contact_email: Option<&str>,
) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    store::update_settings(&mut tx, organisation).await?;
    if let Some(contact) = contact_email {
        store::set_contact(&mut tx, &organisation.slug, contact).await?;
    }
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Opens a claim of a domain for an organisation with its first challenge. Other
/// organisations may claim the same name; only a proven (or postern.toml) domain is taken.
pub async fn claim_domain(
    db: &Db,
    organisation: &str,
    domain: &str,
    challenge: &Challenge,
) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    let expires = challenge.expires_at.unix_timestamp();
    store::put_claim(&mut tx, organisation, domain, &challenge.token, expires).await?;
    tx.commit().await?;
    Ok(())
}

/// A new challenge for a claim not proven yet (the old one expired, or was lost).
pub async fn renew_proof(
    db: &Db,
    organisation: &str,
    domain: &str,
    challenge: &Challenge,
) -> Result<(), ManageError> {
    claim_domain(db, organisation, domain, challenge).await
}

/// What noting a lookup of a claim led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Noted {
    /// Noted; the claim is still open.
    Open,
    /// Proven first: the domain is the organisation's now, and these organisations' claims
    /// of the name ended.
    Won { ended: Vec<String> },
    /// Proven, but another organisation had proven the name first: this claim ended.
    Lost,
}

/// Notes what a lookup of a claim showed. The first organisation to prove a name wins it (its
/// `mail_domains` row routes sign-ins to it once live); the other claims end.
pub async fn record_finding(
    db: &Db,
    organisation: &str,
    domain: &str,
    finding: &str,
    proven: bool,
) -> Result<Noted, ManageError> {
    let mut tx = db.pool.begin().await?;
    store::set_claim_finding(&mut tx, organisation, domain, finding).await?;
    if !proven {
        tx.commit().await?;
        return Ok(Noted::Open);
    }
    let record = DomainRecord {
        name: domain.to_owned(),
        organisation: organisation.to_owned(),
        verified: true,
        from_config: false,
    };
    if let Err(e) = store::insert_domain(&mut tx, &record).await {
        if !is_unique_violation(&e) {
            return Err(e.into());
        }
        // A failed statement may leave the transaction unusable (PostgreSQL): start again,
        // once this one is surely rolled back (on SQLite it holds the write lock until then).
        tx.rollback().await?;
        let mut tx = db.pool.begin().await?;
        store::set_claim_finding(&mut tx, organisation, domain, finding).await?;
        store::end_claim(&mut tx, organisation, domain, "lost").await?;
        tx.commit().await?;
        return Ok(Noted::Lost);
    }
    store::claim_to_proof(&mut tx, organisation, domain).await?;
    let ended = store::end_claims(&mut tx, domain, "lost").await?;
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(Noted::Won { ended })
}

/// Lets go of a claim, or of a proven domain that is not at the mail server.
pub async fn release_domain(db: &Db, organisation: &str, domain: &str) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    store::delete_claim(&mut tx, organisation, domain).await?;
    if store::domain_owner_in(&mut tx, domain).await?.as_deref() == Some(organisation) {
        store::delete_proof(&mut tx, domain).await?;
        store::delete_domain(&mut tx, domain).await?;
        store::bump_version(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sets the organisation's IdP. `client_secret`: a new secret to seal, or `None` to keep the
/// stored one.
pub async fn set_identity_provider(
    db: &Db,
    keyring: &Keyring,
    idp: IdentityProviderRecord,
    client_secret: Option<&SecretString>,
) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    let binding = client_secret_binding(&idp.organisation, &idp.issuer, &idp.client_id);
    let sealed = match client_secret {
        Some(secret) => Some(keyring.seal(secret, &binding)?),
        // The stored secret, bound again to the (perhaps new) issuer and client id it is now
        // sent to: the partner asking for this has just signed in afresh.
        None => match store::identity_provider_in(&mut tx, &idp.organisation).await? {
            Some(IdentityProviderRecord {
                client_secret: Some(old),
                issuer,
                client_id,
                organisation,
                ..
            }) => {
                let plain = keyring.open(
                    &old,
                    &client_secret_binding(&organisation, &issuer, &client_id),
                )?;
                Some(keyring.seal(&plain, &binding)?)
            }
            _ => None,
        },
    };
    let idp = IdentityProviderRecord {
        client_secret: sealed,
        ..idp
    };
    store::put_identity_provider(&mut tx, &idp).await?;
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets an organisation (its audit history stays); its sessions end everywhere.
pub async fn forget(db: &Db, slug: &str) -> Result<(), ManageError> {
    let mut tx = db.pool.begin().await?;
    store::forget_organisation(&mut tx, slug).await?;
    store::bump_version(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
