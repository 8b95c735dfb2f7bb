//! Step 2 and 4: claiming a mail domain, proving it through DNS, and putting it on the mail
//! server once proven (never before).

use super::{PartnerScope, manage_error};
use crate::error::AppError;
use crate::partners::text;
use crate::ssr::db::audit;
use crate::ssr::db::directory::{self as store, OrganisationRecord, ProofRecord};
use crate::ssr::directory::onboard;
use crate::ssr::directory::proof::{Challenge, Finding, Refusal, claimable, judge};
use crate::ssr::dns::check::Unknown;
use crate::ssr::http::RequestMeta;
use crate::ssr::stalwart::StalwartClient;
use crate::ssr::state::AppState;
use serde_json::json;
use time::OffsetDateTime;

/// The words for a name that cannot be claimed.
pub fn refusal(r: Refusal) -> String {
    match r {
        Refusal::Empty => text::EMPTY_DOMAIN.to_owned(),
        Refusal::TooLong => text::DOMAIN_TOO_LONG.to_owned(),
        Refusal::Malformed(typed) => text::domain_malformed(&typed),
        Refusal::NotQualified => text::DOMAIN_SINGLE_LABEL.to_owned(),
        Refusal::PublicSuffix(s) => text::public_suffix(&s),
    }
}

pub fn finding_code(f: &Finding) -> &'static str {
    match f {
        Finding::Proven => "proven",
        Finding::NotSeen => "not_seen",
        Finding::WrongToken => "wrong_token",
        Finding::Expired => "expired",
    }
}

/// The challenge a stored proof holds.
pub fn challenge_of(p: &ProofRecord) -> Challenge {
    Challenge {
        token: p.token.clone(),
        expires_at: OffsetDateTime::from_unix_timestamp(p.expires_at)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH),
    }
}

fn unknown_words(u: &Unknown) -> String {
    match u {
        Unknown::TimedOut(after) => format!("no answer within {:.1} s", after.as_secs_f32()),
        Unknown::ServFail => "the DNS server failed (SERVFAIL)".to_owned(),
        Unknown::Answered(code) => format!("the DNS server answered {code}"),
        Unknown::NoServer => "no DNS server could be reached".to_owned(),
        Unknown::NotChecked(kind) => format!("{kind} records are not looked up"),
        Unknown::Failed(why) => why.clone(),
    }
}

/// Claims a domain for the organisation: refused if it cannot be proven or is taken.
pub async fn claim(
    scope: &PartnerScope,
    slug: &str,
    typed: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    scope.writable(slug).await?;
    let domain = claimable(typed).map_err(|r| AppError::field("domain", refusal(r)))?;
    if store::domain_owner(scope.db(), &domain)
        .await
        .map_err(AppError::internal)?
        .is_some()
    {
        return Err(AppError::field("domain", text::domain_taken(&domain)));
    }
    let challenge = Challenge::new(OffsetDateTime::now_utc());
    onboard::claim_domain(scope.db(), slug, &domain, &challenge)
        .await
        .map_err(|e| match manage_error(e) {
            AppError::Conflict(m) => AppError::field("domain", m),
            other => other,
        })?;
    scope
        .record(meta, slug, "domain.claim", Some(&domain), json!({}))
        .await;
    scope.reload().await;
    Ok(text::claimed(&domain))
}

/// An organisation the partner may change, and the proof of one of its domains (`NotFound`
/// for another organisation's domain).
async fn claimed(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
) -> Result<(OrganisationRecord, ProofRecord), AppError> {
    let o = scope.writable(slug).await?;
    let proof = store::proof(scope.db(), domain)
        .await
        .map_err(AppError::internal)?
        .filter(|p| p.organisation == slug)
        .ok_or_else(|| AppError::NotFound(text::no_such_domain(domain)))?;
    Ok((o, proof))
}

/// What one lookup of the proof record shows, noted in the database.
async fn look(state: &AppState, proof: &ProofRecord) -> Result<Finding, Unknown> {
    let now = OffsetDateTime::now_utc();
    let challenge = challenge_of(proof);
    let finding = if now >= challenge.expires_at {
        Finding::Expired
    } else {
        let records = state
            .dns
            .txt_records(&Challenge::record_name(&proof.domain))
            .await;
        match records {
            Ok(records) => judge(&challenge, &records, now),
            Err(why) => {
                if let Err(e) =
                    onboard::record_finding(&state.db, &proof.domain, "unknown", false).await
                {
                    tracing::error!(error = %e, "cannot note a proof lookup");
                }
                return Err(why);
            }
        }
    };
    let proven = finding == Finding::Proven;
    if let Err(e) =
        onboard::record_finding(&state.db, &proof.domain, finding_code(&finding), proven).await
    {
        tracing::error!(error = %e, "cannot note a proof lookup");
    }
    Ok(finding)
}

/// "Check now": looks the proof record up through the configured resolvers.
pub async fn check(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, proof) = claimed(scope, slug, domain).await?;
    if proof.is_proven() {
        return Ok(text::proven(domain));
    }
    let record = Challenge::record_name(domain);
    match look(&scope.caller.state, &proof).await {
        Ok(Finding::Proven) => {
            scope
                .record(meta, slug, "domain.proven", Some(domain), json!({}))
                .await;
            scope.reload().await;
            Ok(text::proven(domain))
        }
        Ok(Finding::NotSeen) => Err(AppError::Conflict(text::not_seen(&record))),
        Ok(Finding::WrongToken) => Err(AppError::Conflict(text::wrong_token(&record))),
        Ok(Finding::Expired) => Err(AppError::Conflict(text::proof_expired(domain))),
        Err(why) => Err(AppError::Unavailable(text::dns_unknown(&unknown_words(
            &why,
        )))),
    }
}

/// A new token for a domain not proven yet.
pub async fn renew(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, proof) = claimed(scope, slug, domain).await?;
    if proof.is_proven() {
        return Ok(text::proven(domain));
    }
    let challenge = Challenge::new(OffsetDateTime::now_utc());
    onboard::renew_proof(scope.db(), domain, &challenge)
        .await
        .map_err(manage_error)?;
    scope
        .record(meta, slug, "domain.renew", Some(domain), json!({}))
        .await;
    Ok(text::renewed(domain))
}

/// Lets go of a domain that is not at the mail server.
pub async fn release(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (_, proof) = claimed(scope, slug, domain).await?;
    if proof.at_mail_server.is_some() {
        return Err(AppError::Refused(text::RELEASE_AT_SERVER.to_owned()));
    }
    onboard::release_domain(scope.db(), domain)
        .await
        .map_err(manage_error)?;
    scope
        .record(meta, slug, "domain.release", Some(domain), json!({}))
        .await;
    scope.reload().await;
    Ok(text::released(domain))
}

/// The client of a mail server by name, as this instance knows it.
pub fn client_of(state: &AppState, server: &str) -> Result<StalwartClient, AppError> {
    state
        .tenants()
        .servers()
        .into_iter()
        .find(|(name, _)| name == server)
        .map(|(_, c)| c)
        .ok_or_else(|| AppError::Unavailable(text::server_unusable(server)))
}

/// Step 4: creates the proven domain at the organisation's mail server, or adopts the one
/// there. Before proof nothing is created; after a failure Stalwart is unchanged, or the
/// answer names what exists there now.
pub async fn put_on_server(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
    adopt: bool,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let (o, proof) = claimed(scope, slug, domain).await?;
    if !proof.is_proven() {
        return Err(AppError::Refused(text::PROVE_FIRST.to_owned()));
    }
    let Some(server) = o.mail_server.clone() else {
        return Err(AppError::Refused(text::CHOOSE_SERVER_FIRST.to_owned()));
    };
    if proof.at_mail_server.is_some() {
        return Ok(text::created_at_server(domain, &server));
    }
    let client = client_of(&scope.caller.state, &server)?;
    let existing = client
        .domain_id(domain)
        .await
        .map_err(|e| e.user_error(text::LOOK_UP_DOMAIN))?;
    let (state, message, action) = match existing {
        Some(_) if !adopt => return Err(AppError::Conflict(text::exists_adopt(domain, &server))),
        Some(_) => ("adopted", text::adopted(domain, &server), "domain.adopt"),
        None => match client.create_domain(domain).await {
            Ok(_) => (
                "created",
                text::created_at_server(domain, &server),
                "domain.create_at_server",
            ),
            Err(e) => {
                // What is there now, in words: the create may have landed after all.
                return match client.domain_id(domain).await {
                    Ok(Some(_)) => {
                        mark(scope, domain, "created").await?;
                        scope
                            .record(
                                meta,
                                slug,
                                "domain.create_at_server",
                                Some(domain),
                                json!({}),
                            )
                            .await;
                        Ok(text::created_after_all(domain, &server))
                    }
                    Ok(None) => {
                        let why = e.user_error(text::CREATE_DOMAIN).one_line();
                        Err(AppError::Unavailable(text::not_created(
                            domain, &server, &why,
                        )))
                    }
                    Err(_) => Err(AppError::Unavailable(text::unknown_if_created(
                        domain, &server,
                    ))),
                };
            }
        },
    };
    mark(scope, domain, state).await?;
    scope
        .record(
            meta,
            slug,
            action,
            Some(domain),
            json!({ "server": server }),
        )
        .await;
    Ok(message)
}

async fn mark(scope: &PartnerScope, domain: &str, state: &str) -> Result<(), AppError> {
    store::set_at_mail_server(scope.db(), domain, Some(state))
        .await
        .map_err(AppError::internal)
}

/// Looks up every pending proof once; a proof seen makes its domain verified. Run in the
/// background by every instance (lookups are idempotent).
pub async fn recheck_pending(state: &AppState) {
    let pending = match store::pending_proofs(&state.db).await {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read pending domain proofs");
            return;
        }
    };
    let mut proven = false;
    for proof in pending {
        if let Ok(Finding::Proven) = look(state, &proof).await {
            proven = true;
            tracing::info!(domain = %proof.domain, "domain proven (background check)");
            let event = audit::NewEvent {
                tenant: &proof.organisation,
                actor_id: None,
                actor_email: text::BACKGROUND_ACTOR,
                action: "domain.proven",
                account_id: None,
                target: Some(&proof.domain),
                detail: json!({ "background": true }),
                ip: None,
                user_agent: None,
            };
            if let Err(e) = audit::record(&state.db, &event).await {
                tracing::error!(error = %e, "cannot write the audit log");
            }
        }
    }
    if proven && let Err(e) = state.directory.reload().await {
        tracing::warn!(error = %e, "cannot reload the directory");
    }
}
