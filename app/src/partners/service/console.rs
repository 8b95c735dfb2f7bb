//! What the console's pages show: the list of managed organisations, the wizard of one, and
//! the removal page.

use super::PartnerScope;
use super::domains::challenge_of;
use super::lifecycle::{Facts, at_mail_server, missing};
use super::server::usable;
use crate::account::service::me;
use crate::components::alert::Notice;
use crate::error::AppError;
use crate::partners::model::{
    ActivityRow, ConsoleView, DomainStep, Draft, IdpForm, NewOrganisationView, OrganisationRow,
    PAGE_SIZE, PartnersView, RemoveView, Report, ServerOption, ServerRow, TestSignInView,
};
use crate::partners::text;
use crate::ssr::config::LoginHint;
use crate::ssr::db::organisations::{
    self as store, DomainRecord, OrganisationRecord, ProofRecord, Status, login_hint_str,
};
use crate::ssr::db::{audit, webhooks};
use crate::ssr::directory::proof::Challenge;
use crate::ssr::health::describe;
use crate::ssr::stalwart::probe::Probe;
use crate::ssr::time::{format_epoch, now};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub fn status_words(status: Status) -> crate::i18n::Key {
    match status {
        Status::Draft => text::STATUS_DRAFT,
        Status::Active => text::STATUS_LIVE,
        Status::Suspended => text::STATUS_SUSPENDED,
    }
}

/// One page of the organisations the partner manages, by name; `query` matches the name,
/// the short name or a domain (case-insensitive). The database pages: a page costs the same
/// with ten organisations or ten thousand, but for one count.
pub async fn list(
    scope: &PartnerScope,
    notice: Option<Notice>,
    query: String,
    page: u64,
) -> Result<PartnersView, AppError> {
    let db = scope.db();
    let needle = query.trim().to_lowercase();
    let filter = store::ManagedFilter {
        partner: scope.partner(),
        managed_by: (!scope.operator()).then(|| scope.partner()),
        needle: &needle,
    };
    let one_page = |page: u64| {
        store::managed_page(
            db,
            &filter,
            PAGE_SIZE as i64,
            ((page - 1) * PAGE_SIZE) as i64,
        )
    };
    let page = page.max(1);
    let mut found = one_page(page).await.map_err(AppError::internal)?;
    let count = found.total as u64;
    let pages = count.div_ceil(PAGE_SIZE).max(1);
    // A page past the last (a bookmark, a removal): the last page instead.
    let page = if page > pages {
        found = one_page(pages).await.map_err(AppError::internal)?;
        pages
    } else {
        page
    };
    let slugs: Vec<String> = found.organisations.iter().map(|o| o.slug.clone()).collect();
    let overview = store::overview(db, &slugs)
        .await
        .map_err(AppError::internal)?;
    let at_server: HashSet<&str> = overview.at_mail_server.iter().map(String::as_str).collect();
    let mut domains: HashMap<&str, Vec<(String, String)>> = HashMap::new();
    for d in &overview.domains {
        let state = match (
            d.verified,
            d.from_config || at_server.contains(d.name.as_str()),
        ) {
            (true, true) => text::DOMAIN_AT_SERVER,
            (true, false) => text::DOMAIN_PROVEN,
            _ => text::DOMAIN_PENDING,
        };
        domains
            .entry(d.organisation.as_str())
            .or_default()
            .push((d.name.clone(), state.get()));
    }
    let rows = found
        .organisations
        .into_iter()
        .map(|o| OrganisationRow {
            domains: domains.remove(o.slug.as_str()).unwrap_or_default(),
            status: status_words(o.status).get(),
            live: o.status == Status::Active,
            mail_server: o
                .mail_server
                .clone()
                .unwrap_or_else(|| text::NOT_SET.into()),
            idp: overview
                .issuers
                .get(&o.slug)
                .cloned()
                .unwrap_or_else(|| text::NOT_SET.into()),
            people: overview.people.get(&o.slug).copied().unwrap_or(0),
            last_activity: overview
                .last_activity
                .get(&o.slug)
                .map_or_else(|| text::NEVER.into(), |at| format_epoch(*at)),
            from_config: o.from_config,
            partner: o.partner,
            slug: o.slug,
            display_name: o.display_name,
        })
        .collect();
    Ok(PartnersView {
        me: me(&scope.caller),
        notice,
        operator: scope.operator(),
        organisations: rows,
        query,
        page,
        pages,
        total: count,
        servers: server_rows(scope).await?,
    })
}

/// The servers the partner may use, as the background checks last found them: the operator
/// reads what went wrong, a partner only its kind (the detail could map its network).
async fn server_rows(scope: &PartnerScope) -> Result<Vec<ServerRow>, AppError> {
    let health = &scope.caller.state.health;
    let hooks = webhooks::all(&scope.caller.state.db)
        .await
        .map_err(AppError::internal)?;
    Ok(usable(scope)
        .await?
        .into_iter()
        .map(|s| {
            let hook = hooks.iter().find(|h| h.server == s.name);
            let (activity_ok, activity) = hook_state(hook, scope.operator());
            let checked = health.state(&s.name);
            let (ok, state) = match &checked {
                None => (false, text::SERVER_NOT_CHECKED.get()),
                Some(c) if c.probe == Probe::Ready => (true, text::SERVER_OK.get()),
                Some(c) if scope.operator() => (false, describe(&s.name, &c.probe)),
                Some(c) => (false, probe_kind(&c.probe).get()),
            };
            ServerRow {
                checked: checked.map_or_else(|| text::NEVER.into(), |c| format_epoch(c.at)),
                name: s.name,
                url: s.url,
                ok,
                state,
                activity,
                activity_ok,
            }
        })
        .collect())
}

/// Where the server's activity hook stands, in words: the operator reads the server's own
/// explanation of a failure, a partner its kind.
fn hook_state(hook: Option<&webhooks::Webhook>, operator: bool) -> (bool, String) {
    use crate::ssr::db::webhooks::state;
    let Some(hook) = hook else {
        return (false, text::HOOK_NONE.get());
    };
    if let Some(at) = hook.last_delivery_at {
        return (true, text::hook_receiving(&format_epoch(at)));
    }
    let detail = hook.problem.as_deref().filter(|_| operator);
    let words = match hook.state.as_str() {
        state::APPLIED => text::HOOK_WAITING.get(),
        state::BLOCKED => text::hook_blocked(detail),
        state::FAILED => text::hook_failed(detail),
        _ => text::HOOK_REGISTERING.get(),
    };
    (false, words)
}

fn probe_kind(probe: &Probe) -> crate::i18n::Key {
    match probe {
        Probe::Ready => text::SERVER_OK,
        Probe::Unreachable(_) => text::SERVER_DOWN,
        Probe::NotAllowed => text::SERVER_INSIDE,
        Probe::KeyRefused => text::SERVER_KEY_REFUSED,
        Probe::MissingPermission(_) => text::SERVER_PERMISSION,
        Probe::NotStalwart(_) => text::SERVER_NOT_STALWART,
    }
}

pub fn new_view(scope: &PartnerScope, draft: Option<Draft>) -> NewOrganisationView {
    NewOrganisationView {
        me: me(&scope.caller),
        draft: draft.unwrap_or_default(),
        operator: scope.operator(),
    }
}

fn finding_words(code: &str) -> (crate::i18n::Key, bool) {
    match code {
        "proven" => (text::FOUND_PROVEN, true),
        "not_seen" => (text::FOUND_NOT_SEEN, false),
        "wrong_token" => (text::FOUND_WRONG, false),
        "expired" => (text::FOUND_EXPIRED, false),
        _ => (text::FOUND_UNKNOWN, false),
    }
}

fn test_view(json: &str, current: bool, at: i64) -> Option<TestSignInView> {
    let v: Value = serde_json::from_str(json).ok()?;
    Some(TestSignInView {
        at: format_epoch(at),
        email: v.get("email")?.as_str()?.to_owned(),
        name: v.get("name").and_then(Value::as_str).map(str::to_owned),
        groups: v
            .get("groups")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        domain_match: v
            .get("domain_match")
            .and_then(Value::as_str)
            .map(str::to_owned),
        admin: v.get("admin").and_then(Value::as_bool).unwrap_or(false),
        current,
    })
}

async fn domain_steps(
    scope: &PartnerScope,
    o: &OrganisationRecord,
    facts: &Facts,
) -> Vec<DomainStep> {
    let (domains, proofs) = (&facts.domains, &facts.proofs);
    let client = o
        .mail_server
        .as_deref()
        .and_then(|s| super::domains::client_of(&scope.caller.state, s).ok());
    // The organisation's domains (proven, or from postern.toml) and its open or ended claims.
    let mut entries: Vec<(&str, bool, bool, Option<&ProofRecord>)> = domains
        .iter()
        .map(|d| {
            let proof = proofs.iter().find(|p| p.domain == d.name && p.is_proven());
            (d.name.as_str(), d.verified, d.from_config, proof)
        })
        .collect();
    entries.extend(
        proofs
            .iter()
            .filter(|p| !p.is_proven())
            .map(|p| (p.domain.as_str(), false, false, Some(p))),
    );
    entries.sort_by_key(|e| e.0);
    let mut steps = Vec::new();
    for (name, verified, from_config, proof) in entries {
        let d = DomainRecord {
            name: name.to_owned(),
            organisation: o.slug.clone(),
            verified,
            from_config,
        };
        let (record_value, expires, expired) = match proof {
            Some(p) => (
                challenge_of(p).record_value(),
                text::expires(&format_epoch(p.expires_at)),
                p.expires_at <= now(),
            ),
            None => (String::new(), String::new(), false),
        };
        let at_mail_server = if d.from_config {
            Some(text::STATE_CONFIG.get())
        } else {
            proof
                .and_then(|p| p.at_mail_server.as_deref())
                .map(|state| match state {
                    "adopted" => text::STATE_ADOPTED.get(),
                    _ => text::STATE_CREATED.get(),
                })
        };
        // Whether a proven domain not yet bound is at the server already (then: adopt).
        let exists_at_server = match (&client, d.verified && at_mail_server.is_none()) {
            (Some(c), true) => c.domain_id(&d.name).await.ok().map(|id| id.is_some()),
            _ => None,
        };
        let finding = proof.and_then(|p| {
            let (words, ok) = finding_words(p.finding.as_deref()?);
            Some((
                text::last_checked(&words.get(), &format_epoch(p.checked_at?)),
                ok,
            ))
        });
        steps.push(DomainStep {
            record_name: Challenge::record_name(&d.name),
            record_value,
            expires,
            expired: expired && !d.verified,
            finding_ok: finding.as_ref().is_some_and(|(_, ok)| *ok),
            finding: finding.map(|(f, _)| f),
            proven: d.verified,
            from_config: d.from_config,
            at_mail_server,
            exists_at_server,
            ended: proof
                .and_then(|p| p.ended.as_deref())
                .map(|_| text::claim_ended(&d.name)),
            mx: proof.and_then(|p| match (p.mx_state.as_deref(), p.mx_checked_at) {
                (Some("elsewhere"), Some(at)) => Some(text::mx_elsewhere(&format_epoch(at))),
                _ => None,
            }),
            name: d.name.clone(),
        });
    }
    steps
}

pub async fn console(
    scope: &PartnerScope,
    slug: &str,
    notice: Option<Notice>,
    report: Option<Report>,
    draft: Option<Draft>,
) -> Result<ConsoleView, AppError> {
    let o = scope.organisation(slug).await?;
    let db = scope.db();
    let facts = Facts::read(db, slug).await?;
    let domains = domain_steps(scope, &o, &facts).await;
    let servers = usable(scope)
        .await?
        .into_iter()
        .map(|s| ServerOption {
            selected: o.mail_server.as_deref() == Some(s.name.as_str()),
            name: s.name,
            url: s.url,
        })
        .collect();
    let missing = if o.status == Status::Draft {
        missing(scope, &o, &facts)
    } else {
        Vec::new()
    };
    let Facts {
        idp, onboarding, ..
    } = facts;
    let test = match (&onboarding.idp_test, onboarding.idp_tested_at) {
        (Some(json), Some(at)) => test_view(
            json,
            idp.as_ref().map(|i| i.revision) == onboarding.idp_tested_revision,
            at,
        ),
        _ => None,
    };
    let form = match &idp {
        Some(i) => IdpForm {
            issuer: i.issuer.clone(),
            client_id: i.client_id.clone(),
            client_secret: String::new(),
            scopes: i.scopes.join(" "),
            email_claim: i.email_claim.clone(),
            groups_claim: i.groups_claim.clone(),
            admin_group: i.admin_group.clone().unwrap_or_default(),
            login_hint: login_hint_str(i.login_hint).to_owned(),
            verified_email: o.policies.require_verified_email.then(|| "on".to_owned()),
        },
        None => IdpForm {
            scopes: "openid email profile".into(),
            email_claim: "email".into(),
            groups_claim: "groups".into(),
            login_hint: login_hint_str(LoginHint::Email).into(),
            verified_email: o.policies.require_verified_email.then(|| "on".to_owned()),
            ..IdpForm::default()
        },
    };
    let at_server: Vec<String> = domains
        .iter()
        .filter(|d| d.at_mail_server.is_some() && !d.from_config)
        .map(|d| d.name.clone())
        .collect();
    let dns = super::dns::steps(scope, &o, &at_server).await;
    let events = audit::for_organisation(db, slug, &audit::Filter::default(), 20, 0)
        .await
        .map_err(AppError::internal)?;
    let state = &scope.caller.state;
    Ok(ConsoleView {
        me: me(&scope.caller),
        notice,
        report,
        draft: draft.unwrap_or_default(),
        contact_email: onboarding.contact_email.unwrap_or_default(),
        default_language: o
            .policies
            .default_locale
            .map(|l| l.code().to_owned())
            .unwrap_or_default(),
        status: status_words(o.status).get(),
        draft_status: o.status == Status::Draft,
        live: o.status == Status::Active,
        suspended: o.status == Status::Suspended,
        from_config: o.from_config,
        server_locked: domains.iter().any(|d| d.at_mail_server.is_some()),
        domains,
        servers,
        imap_host: o.mail.imap_host.clone(),
        smtp_host: o.mail.smtp_host.clone(),
        imap: format!("{}:{}", o.mail.imap_host, o.mail.imap_port),
        smtp: format!("{}:{}", o.mail.smtp_host, o.mail.smtp_port),
        provision: o.policies.provision_mailboxes,
        mail_server: o.mail_server.clone(),
        idp_set: idp.is_some(),
        secret_stored: idp.as_ref().is_some_and(|i| i.client_secret.is_some()),
        idp: form,
        redirect_uri: state.redirect_uri(),
        test,
        missing,
        sign_in_url: state.absolute("/"),
        activity: events
            .into_iter()
            .map(|e| ActivityRow {
                at: format_epoch(e.at),
                actor: crate::ssr::db::audit::system_actors::in_words(&e.actor_email),
                action: e.action,
                target: e.target.unwrap_or_default(),
            })
            .collect(),
        dns,
        records_page: "/admin/domains".into(),
        tsig_algorithms: crate::ssr::stalwart::TSIG_ALGORITHMS
            .iter()
            .map(|a| (*a).to_owned())
            .collect(),
        slug: o.slug,
        display_name: o.display_name,
    })
}

pub async fn remove_view(
    scope: &PartnerScope,
    slug: &str,
    notice: Option<Notice>,
    draft: Option<Draft>,
) -> Result<RemoveView, AppError> {
    let o = scope.writable(slug).await?;
    Ok(RemoveView {
        me: me(&scope.caller),
        notice,
        draft: draft.unwrap_or_default(),
        at_mail_server: at_mail_server(scope, slug).await?,
        mail_server: o.mail_server,
        publishing: super::dns::publishing_domains(&scope.caller.state, slug).await,
        slug: o.slug,
        display_name: o.display_name,
    })
}
