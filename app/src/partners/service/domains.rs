//! Step 2 and 4: claiming a mail domain, proving it through DNS, and putting it on the mail
//! server once proven (never before).

use super::{PartnerScope, manage_error};
use crate::error::AppError;
use crate::partners::text;
use crate::ssr::db::audit;
use crate::ssr::db::organisations::{self as store, OrganisationRecord, ProofRecord};
use crate::ssr::directory::onboard::{self, Noted};
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
        Refusal::Empty => text::EMPTY_DOMAIN.get(),
        Refusal::TooLong => text::DOMAIN_TOO_LONG.get(),
        Refusal::Malformed(typed) => text::domain_malformed(&typed),
        Refusal::NotQualified => text::DOMAIN_SINGLE_LABEL.get(),
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
    use crate::domains::text::found;
    match u {
        Unknown::TimedOut(after) => found::timed_out(after.as_secs_f32()),
        Unknown::ServFail => found::SERVFAIL.get(),
        Unknown::Answered(code) => found::answered(code),
        Unknown::NoServer => found::NO_SERVER.get(),
        Unknown::NotChecked(kind) => found::not_checked(kind),
        Unknown::Failed(why) => why.clone(),
    }
}

/// Claims a domain for the organisation: refused if it cannot be proven or is taken (proven
/// by, or declared for, an organisation; the refusal does not say which). Open claims of
/// other organisations block nothing: the first proof wins.
pub async fn claim(
    scope: &PartnerScope,
    slug: &str,
    typed: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    scope.writable(slug).await?;
    let domain = claimable(typed).map_err(|r| AppError::field("domain", refusal(r)))?;
    let db = scope.db();
    if store::domain_owner(db, &domain)
        .await
        .map_err(AppError::internal)?
        .is_some()
    {
        return Err(AppError::field("domain", text::domain_taken(&domain)));
    }
    if let Some(own) = store::proof(db, slug, &domain)
        .await
        .map_err(AppError::internal)?
        && own.ended.is_none()
    {
        return Err(AppError::field("domain", text::already_claimed(&domain)));
    }
    let open = store::open_claims_of_partner(db, scope.partner())
        .await
        .map_err(AppError::internal)?;
    let cap = scope.caller.state.directory.partner_limits().pending_claims;
    if open >= i64::from(cap) {
        return Err(AppError::field("domain", text::too_many_claims(cap)));
    }
    let challenge = Challenge::new(OffsetDateTime::now_utc());
    onboard::claim_domain(db, slug, &domain, &challenge)
        .await
        .map_err(manage_error)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DOMAIN_CLAIM,
            Some(&domain),
            json!({}),
        )
        .await;
    Ok(text::claimed(&domain))
}

/// An organisation the partner may change, and its claim or proven domain of this name
/// (`NotFound` for another organisation's).
pub(super) async fn claimed(
    scope: &PartnerScope,
    slug: &str,
    domain: &str,
) -> Result<(OrganisationRecord, ProofRecord), AppError> {
    let o = scope.writable(slug).await?;
    let proof = store::proof(scope.db(), slug, domain)
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::NotFound(text::no_such_domain(domain)))?;
    Ok((o, proof))
}

/// What one lookup of a claim led to.
pub(super) enum Looked {
    /// Seen as this (not proven), or proven but noted as lost.
    Seen(Finding),
    /// Proven first: the domain is the organisation's.
    Won,
    /// Proven, but another organisation proved the name first.
    Lost,
}

/// What one lookup of the proof record shows, noted in the database; a proof seen first wins
/// the name, and the audit logs of the organisations whose claims ended say so (to their
/// partners, without saying who won).
pub(super) async fn look(
    state: &AppState,
    proof: &ProofRecord,
    actor: &Actor<'_>,
) -> Result<Looked, Unknown> {
    let now = OffsetDateTime::now_utc();
    let challenge = challenge_of(proof);
    let (org, domain) = (&proof.organisation, &proof.domain);
    let finding = if now >= challenge.expires_at {
        Finding::Expired
    } else {
        let records = state.dns.txt_records(&Challenge::record_name(domain)).await;
        match records {
            Ok(records) => judge(&challenge, &records, now),
            Err(why) => {
                if let Err(e) =
                    onboard::record_finding(&state.db, org, domain, "unknown", false).await
                {
                    tracing::error!(error = %e, "cannot note a proof lookup");
                }
                return Err(why);
            }
        }
    };
    let proven = finding == Finding::Proven;
    let noted =
        onboard::record_finding(&state.db, org, domain, finding_code(&finding), proven).await;
    let looked = match noted {
        Err(e) => {
            tracing::error!(error = %e, "cannot note a proof lookup");
            Looked::Seen(finding)
        }
        Ok(Noted::Open) => Looked::Seen(finding),
        Ok(Noted::Lost) => {
            note(
                state,
                org,
                actor,
                crate::partners::actions::DOMAIN_CLAIM_LOST,
                domain,
            )
            .await;
            Looked::Lost
        }
        Ok(Noted::Won { ended }) => {
            note(
                state,
                org,
                actor,
                crate::partners::actions::DOMAIN_PROVEN,
                domain,
            )
            .await;
            // Said to the others by the portal: who proved it is none of their business.
            for other in ended {
                note(
                    state,
                    &other,
                    &BACKGROUND,
                    crate::partners::actions::DOMAIN_CLAIM_LOST,
                    domain,
                )
                .await;
            }
            if let Err(e) = state.directory.reload().await {
                tracing::warn!(error = %e, "cannot reload the directory");
            }
            Looked::Won
        }
    };
    Ok(looked)
}

/// Who looked a proof up: a partner's request, or the background check.
pub(super) struct Actor<'a> {
    id: Option<i64>,
    /// `None`: Postern's own background check.
    email: Option<&'a str>,
    meta: Option<&'a RequestMeta>,
}

pub(super) const BACKGROUND: Actor<'static> = Actor {
    id: None,
    email: None,
    meta: None,
};

/// An audit event of a domain, in an organisation's log.
pub(super) async fn note(
    state: &AppState,
    organisation: &str,
    actor: &Actor<'_>,
    action: crate::ssr::db::audit::Action,
    domain: &str,
) {
    let event = audit::NewEvent {
        organisation,
        actor_id: actor.id,
        actor_email: actor.email.unwrap_or(audit::system_actors::DNS_CHECK),
        action,
        account_id: None,
        target: Some(domain),
        detail: json!({}),
        ip: actor.meta.and_then(|m| m.ip.as_deref()),
        user_agent: actor.meta.and_then(|m| m.user_agent.as_deref()),
    };
    if let Err(e) = audit::record(&state.db, &event).await {
        tracing::error!(error = %e, "cannot write the audit log");
    }
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
    if proof.ended.is_some() {
        return Err(AppError::Conflict(text::claim_ended(domain)));
    }
    let record = Challenge::record_name(domain);
    let actor = Actor {
        id: Some(scope.caller.user.user_id),
        email: Some(&scope.caller.user.email),
        meta: Some(meta),
    };
    match look(&scope.caller.state, &proof, &actor).await {
        Ok(Looked::Won) => Ok(text::proven(domain)),
        Ok(Looked::Lost) => Err(AppError::Conflict(text::claim_ended(domain))),
        Ok(Looked::Seen(Finding::Proven)) => Ok(text::proven(domain)),
        Ok(Looked::Seen(Finding::NotSeen)) => Err(AppError::Conflict(text::not_seen(&record))),
        Ok(Looked::Seen(Finding::WrongToken)) => {
            Err(AppError::Conflict(text::wrong_token(&record)))
        }
        Ok(Looked::Seen(Finding::Expired)) => Err(AppError::Conflict(text::proof_expired(domain))),
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
    if proof.ended.is_some() {
        return Err(AppError::Conflict(text::claim_ended(domain)));
    }
    let challenge = Challenge::new(OffsetDateTime::now_utc());
    onboard::renew_proof(scope.db(), slug, domain, &challenge)
        .await
        .map_err(manage_error)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DOMAIN_RENEW,
            Some(domain),
            json!({}),
        )
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
        return Err(AppError::Refused(text::RELEASE_AT_SERVER.get()));
    }
    onboard::release_domain(scope.db(), slug, domain)
        .await
        .map_err(manage_error)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::DOMAIN_RELEASE,
            Some(domain),
            json!({}),
        )
        .await;
    scope.reload().await;
    Ok(text::released(domain))
}

/// The client of a mail server by name, as this instance knows it.
pub fn client_of(state: &AppState, server: &str) -> Result<StalwartClient, AppError> {
    state
        .organisations()
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
        return Err(AppError::Refused(text::PROVE_FIRST.get()));
    }
    let Some(server) = o.mail_server.clone() else {
        return Err(AppError::Refused(text::CHOOSE_SERVER_FIRST.get()));
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
        Some(_) => (
            "adopted",
            text::adopted(domain, &server),
            crate::partners::actions::DOMAIN_ADOPT,
        ),
        None => match client.create_domain(domain).await {
            Ok(_) => (
                "created",
                text::created_at_server(domain, &server),
                crate::partners::actions::DOMAIN_CREATE_AT_SERVER,
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
                                crate::partners::actions::DOMAIN_CREATE_AT_SERVER,
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
