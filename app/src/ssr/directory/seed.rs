//! postern.toml seeds the directory, declaratively: every `[stalwart.*]` and `[organisations.*]`
//! entry is written as declared and marked *from config*; an organisation whose entry is gone
//! is suspended (its audit history stays); a server nothing uses any more is removed.
//! Secrets written in the file stay in the file: the rows say so by holding none.

use crate::ssr::config::{OrganisationSettings, Settings};
use crate::ssr::db::organisations::{
    self as store, DomainRecord, IdentityProviderRecord, MailServerRecord, MailSettingsRecord,
    OrganisationRecord, Policies, Status, reason,
};
use crate::ssr::db::{Db, logins};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "organisations.{slug}.domains: {domain} already belongs to the organisation \"{owner}\", which was added in the portal; a domain belongs to one organisation only"
    )]
    DomainTaken {
        slug: String,
        domain: String,
        owner: String,
    },
    #[error(
        "organisations.{slug}: an organisation \"{slug}\" was added in the portal; give this entry another name"
    )]
    SlugTaken { slug: String },
    #[error(
        "stalwart.{name}: a mail server \"{name}\" was added in the portal; give this entry another name"
    )]
    ServerTaken { name: String },
    #[error("cannot write the configuration into the database: {0}")]
    Db(#[from] sqlx::Error),
}

/// What seeding changed, for the start-up log.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Seeded {
    pub written: Vec<String>,
    pub suspended: Vec<String>,
    pub removed_servers: Vec<String>,
}

impl Seeded {
    pub fn changed(&self) -> bool {
        *self != Self::default()
    }
}

/// Writes the configuration into the directory, in one transaction.
pub async fn seed(db: &Db, settings: &Settings) -> Result<Seeded, SeedError> {
    let mut tx = db.pool.begin().await?;
    let mut seeded = Seeded::default();

    let servers: BTreeMap<String, MailServerRecord> = store::mail_servers_in(&mut tx)
        .await?
        .into_iter()
        .map(|s| (s.name.clone(), s))
        .collect();
    for (name, declared) in &settings.stalwart {
        let wanted = MailServerRecord {
            name: name.clone(),
            url: declared.url.to_string(),
            api_key: None,
            timeout_ms: declared.timeout_ms,
            managed_by: declared.managed_by.clone(),
            from_config: true,
            revision: 0,
        };
        // A server a partner (or the operator's command) added keeps its URL and sealed key:
        // the file never takes it over silently.
        if servers.get(name).is_some_and(|s| !s.from_config) {
            return Err(SeedError::ServerTaken { name: name.clone() });
        }
        if servers.get(name).is_none_or(|s| !same_server(s, &wanted)) {
            store::put_mail_server(&mut tx, &wanted).await?;
            seeded.written.push(format!("stalwart.{name}"));
        }
    }

    let organisations: BTreeMap<String, OrganisationRecord> = store::organisations_in(&mut tx)
        .await?
        .into_iter()
        .map(|o| (o.slug.clone(), o))
        .collect();
    for (slug, declared) in &settings.organisations {
        let existing = organisations.get(slug);
        if existing.is_some_and(|o| !o.from_config) {
            return Err(SeedError::SlugTaken { slug: slug.clone() });
        }
        let wanted = organisation(slug, declared, existing);
        if existing != Some(&wanted) {
            store::put_organisation(&mut tx, &wanted).await?;
            seeded.written.push(format!("organisations.{slug}"));
        }
        let idp = identity_provider(slug, declared);
        let current = store::identity_provider_in(&mut tx, slug).await?;
        if current.is_none_or(|c| IdentityProviderRecord { revision: 0, ..c } != idp) {
            store::put_identity_provider(&mut tx, &idp).await?;
            seeded.written.push(format!("organisations.{slug}.oidc"));
        }
    }

    // Domains: first let go of every declared domain no longer declared (it may be moving
    // to another organisation in this same edit), then claim the declared ones.
    let declared: BTreeMap<&str, &str> = settings
        .organisations
        .iter()
        .flat_map(|(slug, t)| t.domains.iter().map(move |d| (d.as_str(), slug.as_str())))
        .collect();
    let mut domains: BTreeMap<String, DomainRecord> = store::domains_in(&mut tx)
        .await?
        .into_iter()
        .map(|d| (d.name.clone(), d))
        .collect();
    let stale: Vec<String> = domains
        .values()
        .filter(|d| {
            d.from_config && declared.get(d.name.as_str()) != Some(&d.organisation.as_str())
        })
        .filter(|d| settings.organisations.contains_key(&d.organisation))
        .map(|d| d.name.clone())
        .collect();
    for name in stale {
        store::delete_domain(&mut tx, &name).await?;
        domains.remove(&name);
        seeded.written.push(format!("domain {name} released"));
    }
    for (name, slug) in declared {
        let wanted = DomainRecord {
            name: name.to_owned(),
            organisation: slug.to_owned(),
            verified: true,
            from_config: true,
        };
        // A name in postern.toml wins over claims nobody has proven yet.
        for ended in store::end_claims(&mut tx, name, "config").await? {
            tracing::warn!(domain = %name, organisation = %ended, "an unproven claim ended: postern.toml declares the domain");
            seeded
                .written
                .push(format!("claim of {name} by {ended} ended"));
        }
        match domains.get(name) {
            None => {
                store::insert_domain(&mut tx, &wanted).await?;
                seeded.written.push(format!("domain {name}"));
            }
            Some(d) if d.organisation != slug && !d.from_config => {
                return Err(SeedError::DomainTaken {
                    slug: slug.to_owned(),
                    domain: name.to_owned(),
                    owner: d.organisation.clone(),
                });
            }
            Some(d) if *d != wanted => {
                store::update_domain(&mut tx, &wanted).await?;
                seeded.written.push(format!("domain {name}"));
            }
            Some(_) => {}
        }
    }

    // Organisations declared before and gone from the file now: suspended, never deleted.
    for (slug, o) in &organisations {
        if o.from_config
            && !settings.organisations.contains_key(slug)
            && o.status != Status::Suspended
        {
            store::set_status(
                &mut tx,
                slug,
                Status::Suspended,
                Some(reason::CONFIG_REMOVED),
            )
            .await?;
            logins::end_organisation(&mut tx, slug).await?;
            seeded.suspended.push(slug.clone());
        }
    }

    // Servers declared before and gone from the file: their key went with the file. Removed
    // unless an organisation still names them (those organisations then cannot work, and the
    // start-up log says why). In use: what the file declares now, and what the organisations
    // it does not declare named before.
    let in_use: BTreeSet<&str> = settings
        .organisations
        .values()
        .map(|t| t.stalwart.as_str())
        .chain(
            organisations
                .iter()
                .filter(|(slug, _)| !settings.organisations.contains_key(*slug))
                .filter_map(|(_, o)| o.mail_server.as_deref()),
        )
        .collect();
    for (name, s) in &servers {
        if s.from_config && !settings.stalwart.contains_key(name) && !in_use.contains(name.as_str())
        {
            store::delete_mail_server(&mut tx, name).await?;
            seeded.removed_servers.push(name.clone());
        }
    }

    if seeded.changed() {
        store::bump_version(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(seeded)
}

fn same_server(a: &MailServerRecord, b: &MailServerRecord) -> bool {
    MailServerRecord {
        revision: 0,
        ..a.clone()
    } == MailServerRecord {
        revision: 0,
        ..b.clone()
    }
}

/// The row a `[organisations.<slug>]` entry declares. Its status is the file's to give only when
/// the file took it away: an organisation an operator suspended stays suspended.
fn organisation(
    slug: &str,
    t: &OrganisationSettings,
    existing: Option<&OrganisationRecord>,
) -> OrganisationRecord {
    let (status, status_reason) = match existing {
        Some(o)
            if o.status == Status::Suspended
                && o.status_reason.as_deref() != Some(reason::CONFIG_REMOVED) =>
        {
            (o.status, o.status_reason.clone())
        }
        _ => (Status::Active, None),
    };
    OrganisationRecord {
        slug: slug.to_owned(),
        display_name: t.display_name.clone(),
        status,
        status_reason,
        managed_by: existing.and_then(|o| o.managed_by.clone()),
        partner: t.partner || t.operator,
        operator: t.operator,
        mail_server: Some(t.stalwart.clone()),
        mail: MailSettingsRecord {
            imap_host: t.mail.imap_host.clone(),
            imap_port: t.mail.imap_port,
            smtp_host: t.mail.smtp_host.clone(),
            smtp_port: t.mail.smtp_port,
        },
        policies: Policies {
            fresh_auth_max_age_secs: t.fresh_auth_max_age_secs,
            mailbox_passwords: t.mailbox_passwords,
            provision_mailboxes: t.provision_mailboxes,
            require_verified_email: t.require_verified_email,
            session_lifetime_secs: t.session_lifetime_secs,
            session_idle_secs: t.session_idle_secs,
            admin_recheck_secs: t.admin_recheck_secs,
            default_locale: t.default_language,
        },
        from_config: true,
    }
}

fn identity_provider(slug: &str, t: &OrganisationSettings) -> IdentityProviderRecord {
    IdentityProviderRecord {
        organisation: slug.to_owned(),
        issuer: t.oidc.issuer.clone(),
        client_id: t.oidc.client_id.clone(),
        client_secret: None,
        scopes: t.oidc.scopes.clone(),
        email_claim: t.oidc.email_claim.clone(),
        groups_claim: t.oidc.groups_claim.clone(),
        admin_group: t.oidc.admin_group.clone(),
        login_hint: t.oidc.login_hint,
        revision: 0,
    }
}
