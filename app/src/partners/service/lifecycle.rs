//! An organisation's life in the console: created as a draft, live once every step is done,
//! suspended and resumed, and removed (at the mail server too, only when asked and confirmed).

use super::domains::client_of;
use super::{PartnerScope, manage_error};
use crate::error::AppError;
use crate::partners::model::NewOrganisationForm;
use crate::partners::text;
use crate::partners::text::publishing as publishing_text;
use crate::ssr::config::is_slug;
use crate::ssr::db::Db;
use crate::ssr::db::organisations::{
    self as store, DomainRecord, IdentityProviderRecord, OnboardingRecord, OrganisationRecord,
    ProofRecord, Status, reason,
};
use crate::ssr::directory::manage::{self, Actor};
use crate::ssr::directory::onboard;
use crate::ssr::http::RequestMeta;
use serde_json::json;
use std::collections::BTreeSet;

/// A short name made from a display name: "Gamma Inc." → "gamma-inc".
pub fn slug_from(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-')
        .chars()
        .take(40)
        .collect::<String>()
}

fn valid_email(s: &str) -> bool {
    s.len() <= 254
        && s.rsplit_once('@').is_some_and(|(l, d)| {
            !l.is_empty() && d.contains('.') && !s.contains(char::is_whitespace)
        })
}

/// Step 1: a draft organisation. Every problem is named with its field.
pub async fn create(
    scope: &PartnerScope,
    form: &NewOrganisationForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let partner = form.partner.is_some();
    if partner && !scope.operator() {
        return Err(AppError::Refused(text::ONLY_OPERATOR.get()));
    }
    let name = form.display_name.trim();
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(("display_name", text::NAME_REQUIRED.get()));
    } else if name.chars().count() > 100 {
        errors.push(("display_name", text::NAME_TOO_LONG.get()));
    }
    let slug = match form.slug.trim() {
        "" => slug_from(name),
        typed => typed.to_lowercase(),
    };
    if !name.is_empty() && !is_slug(&slug) {
        errors.push(("slug", text::SLUG_INVALID.get()));
    }
    let contact = form.contact_email.trim().to_lowercase();
    if !valid_email(&contact) {
        errors.push(("contact_email", text::CONTACT_INVALID.get()));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(
            errors
                .into_iter()
                .map(|(f, m)| crate::error::FieldError {
                    field: f.to_owned(),
                    message: m,
                })
                .collect(),
        ));
    }
    let draft = OrganisationRecord {
        partner,
        ..onboard::draft(&slug, name, scope.partner())
    };
    onboard::create_draft(scope.db(), &draft, &contact)
        .await
        .map_err(|e| match e {
            manage::ManageError::Exists(_) => AppError::field("slug", text::slug_taken(&slug)),
            other => manage_error(other),
        })?;
    scope
        .record(
            meta,
            &slug,
            crate::ssr::directory::actions::ORGANISATION_CREATE,
            Some(&slug),
            json!({ "display_name": name, "contact": contact, "managed_by": scope.partner(),
                    "partner": partner }),
        )
        .await;
    scope.reload().await;
    Ok(slug)
}

/// The organisation's name and contact.
pub async fn update_details(
    scope: &PartnerScope,
    slug: &str,
    form: &NewOrganisationForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let mut o = scope.writable(slug).await?;
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::field("display_name", text::NAME_REQUIRED));
    }
    let contact = form.contact_email.trim().to_lowercase();
    if !valid_email(&contact) {
        return Err(AppError::field("contact_email", text::CONTACT_INVALID));
    }
    let language = match form.language.as_str() {
        "" => None,
        code => match crate::i18n::Locale::from_code(code) {
            Some(locale) => Some(locale),
            None => return Err(AppError::field("language", text::LANGUAGE_INVALID)),
        },
    };
    o.display_name = name.to_owned();
    o.policies.default_locale = language;
    onboard::update_organisation(scope.db(), &o, Some(&contact))
        .await
        .map_err(manage_error)?;
    scope
        .record(
            meta,
            slug,
            crate::ssr::directory::actions::ORGANISATION_UPDATE,
            Some(slug),
            json!({ "display_name": name, "contact": contact, "language": form.language }),
        )
        .await;
    scope.reload().await;
    Ok(text::DETAILS_SAVED.get())
}

/// What the onboarding steps of an organisation stand on, read once.
pub struct Facts {
    pub domains: Vec<DomainRecord>,
    pub proofs: Vec<ProofRecord>,
    pub idp: Option<IdentityProviderRecord>,
    pub onboarding: OnboardingRecord,
}

impl Facts {
    pub async fn read(db: &Db, slug: &str) -> Result<Self, AppError> {
        Ok(Self {
            domains: store::domains_of(db, slug)
                .await
                .map_err(AppError::internal)?,
            proofs: store::proofs_of(db, slug)
                .await
                .map_err(AppError::internal)?,
            idp: store::identity_provider(db, slug)
                .await
                .map_err(AppError::internal)?,
            onboarding: store::onboarding(db, slug)
                .await
                .map_err(AppError::internal)?,
        })
    }
}

/// What is still missing before the organisation can go live.
pub fn missing(scope: &PartnerScope, o: &OrganisationRecord, facts: &Facts) -> Vec<String> {
    let Facts {
        domains,
        proofs,
        idp,
        onboarding,
    } = facts;
    let mut missing = Vec::new();
    if !domains.iter().any(|d| d.verified) {
        missing.push(text::MISSING_PROVEN.get());
    }
    if o.mail_server.is_none() {
        missing.push(text::MISSING_SERVER.get());
    }
    let at_server =
        domains.iter().any(|d| d.from_config) || proofs.iter().any(|p| p.at_mail_server.is_some());
    if !at_server {
        missing.push(text::MISSING_AT_SERVER.get());
    }
    match &idp {
        None => missing.push(text::MISSING_IDP.get()),
        Some(idp) if onboarding.idp_tested_revision != Some(idp.revision) => {
            missing.push(text::MISSING_TEST.get());
        }
        Some(_) => {}
    }
    if missing.is_empty()
        && let Some((_, why)) = scope
            .caller
            .state
            .organisations()
            .unavailable()
            .find(|(s, _)| *s == &o.slug)
    {
        missing.push(why.clone());
    }
    missing
}

fn actor(scope: &PartnerScope) -> Actor<'_> {
    Actor {
        id: Some(scope.caller.user.user_id),
        email: &scope.caller.user.email,
    }
}

/// Step 6: the organisation goes live.
pub async fn activate(scope: &PartnerScope, slug: &str) -> Result<String, AppError> {
    let o = scope.writable(slug).await?;
    if o.status == Status::Active {
        return Ok(text::activated(&o.display_name));
    }
    let missing = missing(scope, &o, &Facts::read(scope.db(), slug).await?);
    if !missing.is_empty() {
        return Err(AppError::Conflict(text::not_ready(&missing.join(" "))));
    }
    manage::set_status(scope.db(), &actor(scope), slug, Status::Active, None)
        .await
        .map_err(manage_error)?;
    scope.reload().await;
    Ok(text::activated(&o.display_name))
}

pub async fn suspend(scope: &PartnerScope, slug: &str) -> Result<String, AppError> {
    let o = scope.writable(slug).await?;
    if o.status != Status::Active {
        return Err(AppError::Conflict(text::ONLY_LIVE_SUSPEND.get()));
    }
    // Who suspended says who may resume: a partner may not undo the operator.
    let why = if scope.operator() {
        reason::OPERATOR
    } else {
        reason::PARTNER
    };
    manage::set_status(
        scope.db(),
        &actor(scope),
        slug,
        Status::Suspended,
        Some(why),
    )
    .await
    .map_err(manage_error)?;
    scope.reload().await;
    Ok(text::suspended(&o.display_name))
}

pub async fn resume(scope: &PartnerScope, slug: &str) -> Result<String, AppError> {
    let o = scope.writable(slug).await?;
    if o.status != Status::Suspended {
        return Err(AppError::Conflict(text::NOT_SUSPENDED.get()));
    }
    if !scope.operator() && o.status_reason.as_deref() != Some(reason::PARTNER) {
        return Err(AppError::Refused(text::SUSPENDED_BY_OPERATOR.get()));
    }
    manage::set_status(scope.db(), &actor(scope), slug, Status::Active, None)
        .await
        .map_err(manage_error)?;
    scope.reload().await;
    Ok(text::resumed(&o.display_name))
}

/// The domains that exist at the mail server for this organisation.
pub async fn at_mail_server(scope: &PartnerScope, slug: &str) -> Result<Vec<String>, AppError> {
    Ok(store::proofs_of(scope.db(), slug)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .filter(|p| p.at_mail_server.is_some())
        .map(|p| p.domain)
        .collect())
}

/// Removes the organisation from Postern; with `delete_at_server` (and the domain names typed
/// to confirm) its domains and their mailboxes at the mail server first. A domain holding the
/// portal's own account or an administrator's stops everything before anything is deleted; a
/// failure part-way keeps the organisation and names what was deleted.
pub async fn remove(
    scope: &PartnerScope,
    slug: &str,
    delete_at_server: bool,
    typed: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let o = scope.writable(slug).await?;
    let domains = at_mail_server(scope, slug).await?;
    let publishing = super::dns::publishing_domains(&scope.caller.state, slug).await;
    let mut deleted = Vec::new();
    let mut server_kept = Vec::new();
    if delete_at_server && !domains.is_empty() {
        let typed: BTreeSet<String> = typed.split_whitespace().map(str::to_lowercase).collect();
        let wanted: BTreeSet<String> = domains.iter().cloned().collect();
        if typed != wanted {
            return Err(AppError::field("confirm", text::TYPED_WRONG));
        }
        let server = o.mail_server.clone().unwrap_or_default();
        let client = client_of(&scope.caller.state, &server)?;
        let own = client
            .own_account_id()
            .await
            .map_err(|e| e.user_error(text::DELETE_DOMAINS))?
            .to_owned();
        // Look at everything first: nothing is deleted if any domain holds an account
        // Postern must not delete.
        let mut contents = Vec::new();
        for domain in &domains {
            let found = client
                .domain_contents(domain)
                .await
                .map_err(|e| e.user_error(text::DELETE_DOMAINS))?;
            let Some(found) = found else { continue };
            let protected: Vec<String> = found
                .accounts
                .iter()
                .filter(|a| a.protection(&own).is_some())
                .map(|a| format!("{}@{domain}", a.local_part))
                .collect();
            if !protected.is_empty() {
                return Err(AppError::Refused(text::protected_accounts(
                    domain,
                    &protected.join(", "),
                )));
            }
            contents.push((domain.clone(), found));
        }
        // The records first, while the domain still says what they are (live 149, 150):
        // a DNS server that refuses stops everything before anything else is deleted.
        for (domain, _) in &contents {
            super::dns::remove_records(&scope.caller.state, &client, domain).await?;
            if publishing.iter().any(|(d, _)| d == domain) {
                scope
                    .record(
                        meta,
                        slug,
                        crate::partners::actions::DNS_RECORDS_REMOVED,
                        Some(domain),
                        json!({}),
                    )
                    .await;
            }
        }
        for (domain, found) in &contents {
            if let Err(e) = client.destroy_domain(domain, found).await {
                let why = e.user_error(text::DELETE_DOMAINS).one_line();
                // One request runs its calls in order: say what is left at the server now.
                let now_there = match client.domain_contents(domain).await {
                    Ok(None) => text::gone_now(domain),
                    Ok(Some(left)) => text::still_there(domain, left.accounts.len()),
                    Err(_) => text::unknown_now(domain),
                };
                scope
                    .record(
                        meta,
                        slug,
                        crate::partners::actions::DOMAIN_DELETE_AT_SERVER,
                        Some(domain),
                        json!({ "ok": false, "deleted_before": deleted }),
                    )
                    .await;
                return Err(AppError::Unavailable(text::partly_deleted(
                    &deleted.join(", "),
                    domain,
                    &why,
                    &now_there,
                )));
            }
            deleted.push(domain.clone());
            if super::dns::forget(&scope.caller.state, &client, domain)
                .await
                .server_kept
            {
                server_kept.push(domain.clone());
            }
            scope
                .record(
                    meta,
                    slug,
                    crate::partners::actions::DOMAIN_DELETE_AT_SERVER,
                    Some(domain),
                    json!({ "ok": true, "mailboxes": found.accounts.len() }),
                )
                .await;
        }
    }
    onboard::forget(scope.db(), slug)
        .await
        .map_err(manage_error)?;
    let detail = json!({ "organisation": slug, "deleted_at_server": deleted });
    scope
        .record(
            meta,
            slug,
            crate::ssr::directory::actions::ORGANISATION_REMOVE,
            Some(slug),
            detail.clone(),
        )
        .await;
    // Also in the partner's own log: the organisation's is not shown anywhere any more.
    scope
        .record(
            meta,
            scope.partner(),
            crate::ssr::directory::actions::ORGANISATION_REMOVE,
            Some(slug),
            detail,
        )
        .await;
    scope.reload().await;
    let mut message = if deleted.is_empty() {
        text::removed(&o.display_name)
    } else {
        text::removed_and_deleted(&o.display_name, &deleted.join(", "))
    };
    // Where the published records are now.
    let (gone, stay): (Vec<_>, Vec<_>) = publishing
        .iter()
        .partition(|(domain, _)| deleted.contains(domain));
    let zones = |list: &[&(String, String)]| {
        list.iter()
            .map(|(_, zone)| zone.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !gone.is_empty() {
        message = format!(
            "{message} {}",
            publishing_text::records_removed(&zones(&gone))
        );
    }
    if !stay.is_empty() {
        message = format!(
            "{message} {}",
            publishing_text::records_stay_in(&zones(&stay))
        );
    }
    if !server_kept.is_empty() {
        message = format!(
            "{message} {}",
            publishing_text::server_entry_kept(&server_kept.join(", "))
        );
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::slug_from;

    #[test]
    fn a_short_name_is_made_from_the_display_name() {
        assert_eq!(slug_from("Gamma Inc."), "gamma-inc");
        assert_eq!(slug_from("  Über  Café 24 "), "ber-caf-24");
        assert_eq!(slug_from("---"), "");
    }
}
