//! Operator commands for scripted setups: `server organisation list`, `server rotate-secrets`
//! and the like. They read and change the same database as the running portal; a change is
//! seen by every running instance within a second.

use app::ssr::config::Settings;
use app::ssr::db::Db;
use app::ssr::db::organisations::{self as store, Status, reason};
use app::ssr::directory::manage::{self, COMMAND_LINE, NewMailServer};
use app::ssr::secrets::Keyring;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "server",
    about = "Postern: the self-service portal for Stalwart mail servers",
    long_about = "Runs the portal (the default), or one operator command on its database."
)]
pub struct Cli {
    /// The configuration file.
    #[arg(
        long,
        global = true,
        env = "POSTERN_CONFIG",
        default_value = "postern.toml"
    )]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the portal (what `server` alone does).
    Serve,
    /// Lists, shows, suspends and resumes organisations.
    #[command(subcommand)]
    Organisation(OrganisationCommand),
    /// Lists and adds mail servers.
    #[command(subcommand, name = "mail-server")]
    MailServer(MailServerCommand),
    /// Seals every secret stored in the database again under the current secrets key.
    ///
    /// Set the new key as POSTERN_SECRETS_KEY (or server.secrets_key_file) and the old one as
    /// POSTERN_SECRETS_PREVIOUS_KEY (or server.secrets_previous_key_file), run this, then
    /// remove the old key.
    RotateSecrets,
    /// Exits 0 when the portal configured here answers /healthz/live (a container HEALTHCHECK).
    Healthcheck,
    /// Brings the database schema forward and exits (a Kubernetes init step). Several at once
    /// are safe on PostgreSQL: one applies the migrations, the others wait and find them done.
    Migrate,
    /// Writes a copy of the whole SQLite database (directory, sealed secrets, audit log,
    /// sessions) to a new file, while the portal runs. The secrets key is not in it: keep the
    /// key apart. PostgreSQL: use pg_dump.
    Backup {
        /// The file to write (it must not exist yet).
        #[arg(long)]
        to: PathBuf,
    },
    /// Replaces the SQLite database with a backup, after checking it. Stop every portal
    /// instance first; start them again afterwards (with the same secrets key).
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
    },
    /// Prints every page, form post and download the areas' tables declare, as JSON (the
    /// browser tests visit the pages from this list). Needs no configuration.
    Routes,
}

#[derive(Debug, Subcommand)]
pub enum OrganisationCommand {
    /// One line per organisation.
    List,
    /// Everything about one organisation (never its secrets).
    Show { slug: String },
    /// Refuses its sign-ins and ends its sessions, on every instance.
    Suspend { slug: String },
    /// Lets its people sign in again.
    Resume { slug: String },
    /// Makes the organisation's SCIM bearer token (replacing any earlier one) and prints it,
    /// once: paste it into the IdP's provisioning settings with the endpoint printed beside it.
    ScimToken { slug: String },
}

#[derive(Debug, Subcommand)]
pub enum MailServerCommand {
    /// One line per mail server.
    List,
    /// Adds a mail server; its API key is sealed with the secrets key.
    Add {
        name: String,
        /// The server's base URL, e.g. https://mail.example.org
        #[arg(long)]
        url: url::Url,
        /// A file holding the API key (a trailing newline is ignored).
        #[arg(long)]
        api_key_file: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        timeout_ms: u64,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    #[error("{0}")]
    Database(#[from] app::ssr::db::DbError),
    #[error("{0}")]
    Manage(#[from] manage::ManageError),
    #[error("{0}")]
    Secrets(#[from] app::ssr::secrets::SecretsError),
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Backup(#[from] crate::backup::BackupError),
}

/// Runs one operator command (not `serve`).
pub async fn run(command: Command, settings: Settings) -> Result<(), OperatorError> {
    let url = &settings.server.database_url;
    match &command {
        Command::Backup { to } => {
            crate::backup::backup(url, to).await?;
            println!(
                "backed up to {}. The secrets key is not in it: keep the key apart.",
                to.display()
            );
            return Ok(());
        }
        Command::Restore { from } => {
            let target = crate::backup::restore(url, from).await?;
            println!(
                "{} restored from {}. Start the portal with the secrets key the backup was made under.",
                target.display(),
                from.display()
            );
            return Ok(());
        }
        _ => {}
    }
    let db = Db::connect(&settings.server.database_url).await?;
    if let Command::Migrate = command {
        let version: i64 =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&db.pool)
                .await?;
        println!("the database is at version {version}.");
        return Ok(());
    }
    let keyring = || Keyring::from_environment(&settings.server);
    match command {
        Command::Serve
        | Command::Routes
        | Command::Healthcheck
        | Command::Migrate
        | Command::Backup { .. }
        | Command::Restore { .. } => {
            unreachable!("answered above")
        }
        Command::Organisation(OrganisationCommand::List) => list_organisations(&db).await,
        Command::Organisation(OrganisationCommand::Show { slug }) => {
            show_organisation(&db, &slug).await
        }
        Command::Organisation(OrganisationCommand::Suspend { slug }) => {
            manage::set_status(
                &db,
                &COMMAND_LINE,
                &slug,
                Status::Suspended,
                Some(reason::OPERATOR),
            )
            .await?;
            println!("{slug} is suspended: sign-ins are refused and its sessions end.");
            Ok(())
        }
        Command::Organisation(OrganisationCommand::Resume { slug }) => {
            manage::set_status(&db, &COMMAND_LINE, &slug, Status::Active, None).await?;
            println!("{slug} is active: its people can sign in.");
            Ok(())
        }
        Command::Organisation(OrganisationCommand::ScimToken { slug }) => {
            let everything = store::everything(&db).await?;
            if !everything.organisations.iter().any(|o| o.slug == slug) {
                return Err(manage::ManageError::NoSuchOrganisation(slug).into());
            }
            let (token, hash) = app::scim::service::new_token();
            app::ssr::db::scim::set_token(&db, &slug, &hash).await?;
            let endpoint = settings
                .server
                .public_url
                .join(&format!("scim/v2/{slug}"))
                .map_err(|e| OperatorError::Input(e.to_string()))?;
            println!("SCIM endpoint  {endpoint}");
            println!("SCIM token     {token}");
            println!("The token is shown this once; an earlier token of {slug} no longer works.");
            Ok(())
        }
        Command::MailServer(MailServerCommand::List) => list_mail_servers(&db).await,
        Command::MailServer(MailServerCommand::Add {
            name,
            url,
            api_key_file,
            timeout_ms,
        }) => {
            let loopback = app::ssr::config::is_loopback_host(&url);
            if url.scheme() != "https" && !(url.scheme() == "http" && loopback) {
                return Err(OperatorError::Input(format!(
                    "--url {url}: must be https (plain http only on a loopback host)"
                )));
            }
            let key = app::ssr::config::read_secret("--api-key-file", &None, &Some(api_key_file))
                .map_err(|e| OperatorError::Input(e.to_string()))?;
            let server = NewMailServer {
                name: &name,
                url: &url,
                api_key: &key,
                timeout_ms,
                managed_by: None,
            };
            manage::add_mail_server(&db, &keyring()?, &server).await?;
            println!("mail server {name} added; its API key is sealed in the database.");
            Ok(())
        }
        Command::RotateSecrets => {
            let count = manage::rotate_secrets(&db, &keyring()?).await?;
            println!("{count} secret(s) sealed again under the current key.");
            Ok(())
        }
    }
}

async fn list_organisations(db: &Db) -> Result<(), OperatorError> {
    let everything = store::everything(db).await?;
    println!(
        "{:<20} {:<10} {:<8} {:<16} DOMAINS",
        "SLUG", "STATUS", "SOURCE", "MAIL SERVER"
    );
    for o in &everything.organisations {
        let domains: Vec<&str> = everything
            .domains
            .iter()
            .filter(|d| d.organisation == o.slug)
            .map(|d| d.name.as_str())
            .collect();
        println!(
            "{:<20} {:<10} {:<8} {:<16} {}",
            o.slug,
            o.status.as_str(),
            if o.from_config { "config" } else { "portal" },
            o.mail_server.as_deref().unwrap_or("-"),
            domains.join(",")
        );
    }
    Ok(())
}

async fn show_organisation(db: &Db, slug: &str) -> Result<(), OperatorError> {
    let everything = store::everything(db).await?;
    let o = everything
        .organisations
        .iter()
        .find(|o| o.slug == slug)
        .ok_or_else(|| manage::ManageError::NoSuchOrganisation(slug.to_owned()))?;
    println!("organisation  {} ({})", o.slug, o.display_name);
    let status = match &o.status_reason {
        Some(why) => format!("{} ({why})", o.status.as_str()),
        None => o.status.as_str().to_owned(),
    };
    println!("status        {status}");
    let source = if o.from_config {
        "postern.toml"
    } else {
        "the portal"
    };
    println!("declared in   {source}");
    println!("mail server   {}", o.mail_server.as_deref().unwrap_or("-"));
    println!(
        "mail clients  IMAP {}:{}, SMTP {}:{}",
        o.mail.imap_host, o.mail.imap_port, o.mail.smtp_host, o.mail.smtp_port
    );
    for d in everything
        .domains
        .iter()
        .filter(|d| d.organisation == o.slug)
    {
        let state = if d.verified {
            "verified"
        } else {
            "pending proof"
        };
        println!("domain        {} ({state})", d.name);
    }
    if let Some(idp) = everything
        .identity_providers
        .iter()
        .find(|p| p.organisation == o.slug)
    {
        println!("IdP issuer    {}", idp.issuer);
        println!("IdP client    {}", idp.client_id);
        let secret = match &idp.client_secret {
            Some(sealed) => format!("sealed with key {}", sealed.key_id),
            None => "in postern.toml".to_owned(),
        };
        println!("IdP secret    {secret}");
    } else {
        println!("IdP           not set up");
    }
    Ok(())
}

async fn list_mail_servers(db: &Db) -> Result<(), OperatorError> {
    let everything = store::everything(db).await?;
    println!("{:<16} {:<8} {:<28} URL", "NAME", "SOURCE", "API KEY");
    for s in &everything.mail_servers {
        let key = match &s.api_key {
            Some(sealed) => format!("sealed with key {}", sealed.key_id),
            None => "in postern.toml".to_owned(),
        };
        println!(
            "{:<16} {:<8} {:<28} {}",
            s.name,
            if s.from_config { "config" } else { "portal" },
            key,
            s.url
        );
    }
    Ok(())
}

/// The areas' tables as JSON: `[{"method", "path", "access", "fresh", "kind"}]`.
pub fn routes_json() -> String {
    use app::routing::Kind;
    let routes: Vec<serde_json::Value> = app::routes()
        .iter()
        .map(|r| {
            serde_json::json!({
                "method": r.method.as_str(),
                "path": r.path,
                "access": r.access.as_str(),
                "fresh": r.fresh,
                "kind": match r.kind {
                    Kind::Page => "page",
                    Kind::Post => "post",
                    Kind::Download => "download",
                    Kind::Api => "api",
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&routes).unwrap_or_default()
}
