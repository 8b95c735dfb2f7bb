//! Step 5: the organisation's identity provider — what it publishes, its settings (the client
//! secret sealed), and a test sign-in that shows what it sends before anyone relies on it.

use super::{PartnerScope, manage_error};
use crate::error::AppError;
use crate::i18n::Key;
use crate::partners::model::{IdpForm, Report, ReportLine};
use crate::partners::text;
use crate::ssr::config::LoginHint;
use crate::ssr::db::organisations::{self as store, IdentityProviderRecord};
use crate::ssr::db::{Db, audit};
use crate::ssr::directory::onboard;
use crate::ssr::http::RequestMeta;
use crate::ssr::ids::token_digest;
use crate::ssr::oidc::{
    AuthOptions, Discovered, IssuerMatch, OidcError, PendingLogin, TestClaims, TestSignIn,
};
use crate::ssr::organisations::Organisation;
use crate::ssr::outbound::Refused;
use crate::ssr::state::AppState;
use secrecy::SecretString;
use serde_json::json;

fn line(label: Key, ok: bool, text: impl Into<String>) -> ReportLine {
    ReportLine {
        label: label.get(),
        ok,
        text: text.into(),
    }
}

async fn issuer_url(scope: &PartnerScope, typed: &str) -> Result<String, AppError> {
    let typed = typed.trim();
    let Ok(url) = url::Url::parse(typed) else {
        return Err(AppError::field("issuer", text::ISSUER_INVALID));
    };
    match scope.check_url(&url).await {
        Ok(()) => Ok(typed.to_owned()),
        Err(Refused::Inside(_)) => Err(AppError::field("issuer", text::ISSUER_INSIDE)),
        Err(_) => Err(AppError::field("issuer", text::ISSUER_INVALID)),
    }
}

/// What a partner reads of a failed discovery: a category; the detail goes to the log only.
fn discovery_problem(e: &OidcError) -> Key {
    tracing::info!(error = %e, "discovery of a partner's IdP failed");
    match e {
        OidcError::NotAllowed(_) => text::DISCOVERY_INSIDE,
        OidcError::Unavailable(_) => text::DISCOVERY_UNREACHABLE,
        _ => text::DISCOVERY_NOT_IDP,
    }
}

/// Whether saving `typed` as the issuer would point an organisation that has an IdP at
/// another one.
pub async fn is_swap(scope: &PartnerScope, slug: &str, typed: &str) -> Result<bool, AppError> {
    scope.writable(slug).await?;
    let current = store::identity_provider(scope.db(), slug)
        .await
        .map_err(AppError::internal)?;
    Ok(current
        .is_some_and(|idp| idp.issuer.trim_end_matches('/') != typed.trim().trim_end_matches('/')))
}

/// What the IdP at `form.issuer` publishes, and how its issuer compares with the one typed.
pub async fn discover(
    scope: &PartnerScope,
    slug: &str,
    form: &IdpForm,
) -> Result<Report, AppError> {
    scope.writable(slug).await?;
    let issuer = issuer_url(scope, &form.issuer).await?;
    let lines = match scope.caller.state.oidc.discover_issuer(&issuer).await {
        Err(e) => vec![line(text::DISCOVERY_DOCUMENT, false, discovery_problem(&e))],
        Ok(d) => discovery_lines(&d, &issuer),
    };
    Ok(Report {
        step: "idp".to_owned(),
        title: text::REPORT_DISCOVERY.get(),
        ok: lines.iter().all(|l| l.ok),
        lines,
    })
}

fn discovery_lines(d: &Discovered, typed: &str) -> Vec<ReportLine> {
    let issuer = match d.compare(typed) {
        IssuerMatch::Exact => line(
            text::PUBLISHED_ISSUER,
            true,
            format!("{} — {}", d.issuer, text::ISSUER_EXACT),
        ),
        IssuerMatch::TrailingSlash => {
            line(text::PUBLISHED_ISSUER, true, text::issuer_slash(&d.issuer))
        }
        IssuerMatch::Different => line(
            text::PUBLISHED_ISSUER,
            false,
            text::issuer_mismatch(&d.issuer, typed),
        ),
    };
    vec![
        line(text::DISCOVERY_DOCUMENT, true, d.url.clone()),
        issuer,
        line(text::AUTHORIZATION, true, d.authorization_endpoint.clone()),
        line(text::TOKEN, true, d.token_endpoint.clone()),
        line(text::KEYS, true, d.jwks_uri.clone()),
        line(
            text::ALGORITHMS,
            !d.signing_algorithms.is_empty(),
            d.signing_algorithms.join(", "),
        ),
        line(
            text::END_SESSION,
            true,
            d.end_session_endpoint
                .clone()
                .unwrap_or_else(|| text::NONE_PUBLISHED.get()),
        ),
    ]
}

/// Saves the IdP settings. The issuer is checked against what the IdP publishes (its own
/// spelling is stored); an empty secret keeps the stored one.
pub async fn save(
    scope: &PartnerScope,
    slug: &str,
    form: &IdpForm,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let mut o = scope.writable(slug).await?;
    let typed = issuer_url(scope, &form.issuer).await?;
    let client_id = form.client_id.trim();
    if client_id.is_empty() {
        return Err(AppError::field("client_id", text::CLIENT_ID_REQUIRED));
    }
    let scopes: Vec<String> = form.scopes.split_whitespace().map(str::to_owned).collect();
    if !scopes.iter().any(|s| s == "openid") {
        return Err(AppError::field("scopes", text::SCOPES_INVALID));
    }
    let claim = |typed: &str, field: &str| {
        let c = typed.trim();
        if c.is_empty() || c.len() > 100 {
            Err(AppError::field(field, text::CLAIM_REQUIRED))
        } else {
            Ok(c.to_owned())
        }
    };
    let email_claim = claim(&form.email_claim, "email_claim")?;
    let groups_claim = claim(&form.groups_claim, "groups_claim")?;
    let login_hint = match form.login_hint.as_str() {
        "email" => LoginHint::Email,
        "local_part" => LoginHint::LocalPart,
        "none" => LoginHint::None,
        _ => return Err(AppError::field("login_hint", text::LOGIN_HINT_INVALID)),
    };
    let stored = store::identity_provider(scope.db(), slug)
        .await
        .map_err(AppError::internal)?;
    let secret = form.client_secret.trim();
    let secret = if secret.is_empty() {
        if stored.as_ref().is_none_or(|s| s.client_secret.is_none()) {
            return Err(AppError::field(
                "client_secret",
                text::CLIENT_SECRET_REQUIRED,
            ));
        }
        None
    } else {
        Some(SecretString::from(secret.to_owned()))
    };
    let issuer = match scope.caller.state.oidc.discover_issuer(&typed).await {
        Ok(d) if d.compare(&typed) != IssuerMatch::Different => d.issuer,
        Ok(d) => {
            return Err(AppError::field(
                "issuer",
                text::issuer_mismatch(&d.issuer, &typed),
            ));
        }
        Err(e) => return Err(AppError::field("issuer", discovery_problem(&e))),
    };
    let admin_group = Some(form.admin_group.trim().to_owned()).filter(|g| !g.is_empty());
    let record = IdentityProviderRecord {
        organisation: slug.to_owned(),
        issuer: issuer.clone(),
        client_id: client_id.to_owned(),
        client_secret: None,
        scopes: scopes.clone(),
        email_claim,
        groups_claim,
        admin_group: admin_group.clone(),
        login_hint,
        revision: 0,
    };
    let keyring = scope.caller.state.directory.keyring();
    onboard::set_identity_provider(scope.db(), keyring, record, secret.as_ref())
        .await
        .map_err(manage_error)?;
    let verified = form.verified_email.is_some();
    if o.policies.require_verified_email != verified {
        o.policies.require_verified_email = verified;
        onboard::update_organisation(scope.db(), &o, None)
            .await
            .map_err(manage_error)?;
    }
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::IDP_SET,
            Some(&issuer),
            json!({ "client_id": client_id, "scopes": scopes, "admin_group": admin_group,
                    "secret_changed": secret.is_some(), "require_verified_email": verified }),
        )
        .await;
    scope.reload().await;
    Ok(text::IDP_SAVED.get())
}

/// Where to send the partner to test a sign-in through the organisation's IdP, and the
/// pending login (marked as a test) to keep until the IdP sends them back.
pub async fn start_test(
    scope: &PartnerScope,
    slug: &str,
) -> Result<(url::Url, PendingLogin), AppError> {
    scope.writable(slug).await?;
    let state = &scope.caller.state;
    let organisation = state
        .organisations()
        .by_slug(slug)
        .cloned()
        .ok_or_else(|| AppError::Refused(text::SET_UP_IDP_FIRST.get()))?;
    test_request(
        state,
        &organisation,
        format!("/partners/organisations/{slug}/idp/tested"),
    )
    .await
}

/// A test sign-in at the organisation's IdP, coming back to `back`: whoever signs in there is asked
/// for their password (`prompt=login`), and the pending login is marked as a test.
async fn test_request(
    state: &AppState,
    organisation: &Organisation,
    back: String,
) -> Result<(url::Url, PendingLogin), AppError> {
    let provider = state
        .oidc
        .provider(organisation, &state.redirect_uri())
        .await
        .map_err(|e| AppError::Unavailable(text::idp_unreachable(&discovery_problem(&e).get())))?;
    let options = AuthOptions {
        login_hint: None,
        max_age: None,
        force_login: true,
    };
    let (url, mut pending) = provider.authorization_request(organisation, &options, back);
    pending.test = true;
    Ok((url, pending))
}

/// Notes what the test sign-in the callback handed over showed.
pub async fn record_test(
    scope: &PartnerScope,
    slug: &str,
    outcome: Option<TestSignIn>,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    scope.writable(slug).await?;
    let Some(outcome) = outcome.filter(|t| t.organisation == slug) else {
        return Err(AppError::Conflict(text::NO_TEST_RESULT.get()));
    };
    let actor = Actor {
        id: Some(scope.caller.user.user_id),
        email: &scope.caller.user.email,
    };
    let claims = note_test(scope.db(), slug, outcome.result, &actor, meta, "partner").await?;
    Ok(text::test_worked(&claims.email))
}

/// Who ran a test sign-in, for the audit log.
struct Actor<'a> {
    id: Option<i64>,
    email: &'a str,
}

/// Stores what a test sign-in showed (a failure only in the audit log) and logs it.
async fn note_test(
    db: &Db,
    slug: &str,
    result: Result<TestClaims, String>,
    actor: &Actor<'_>,
    meta: &RequestMeta,
    via: &str,
) -> Result<TestClaims, AppError> {
    let log = |target: Option<String>, detail: serde_json::Value| async move {
        let event = audit::NewEvent {
            organisation: slug,
            actor_id: actor.id,
            actor_email: actor.email,
            action: crate::partners::actions::IDP_TEST,
            account_id: None,
            target: target.as_deref(),
            detail,
            ip: meta.ip.as_deref(),
            user_agent: meta.user_agent.as_deref(),
        };
        if let Err(e) = audit::record(db, &event).await {
            tracing::error!(error = %e, "cannot write the audit log");
        }
    };
    let claims = match result {
        Ok(claims) => claims,
        Err(why) => {
            log(None, json!({ "ok": false, "reason": why, "via": via })).await;
            return Err(AppError::Conflict(text::test_failed(&why)));
        }
    };
    // The organisation's domains, and those it claims (not proven yet).
    let mut domains: Vec<String> = store::domains_of(db, slug)
        .await
        .map_err(AppError::internal)?
        .into_iter()
        .map(|d| d.name)
        .collect();
    domains.extend(
        store::proofs_of(db, slug)
            .await
            .map_err(AppError::internal)?
            .into_iter()
            .filter(|p| p.ended.is_none())
            .map(|p| p.domain),
    );
    let domain_match = claims
        .email
        .rsplit_once('@')
        .map(|(_, d)| d)
        .filter(|d| domains.iter().any(|x| x == d))
        .map(str::to_owned);
    let idp = store::identity_provider(db, slug)
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::Refused(text::SET_UP_IDP_FIRST.get()))?;
    let admin = idp
        .admin_group
        .as_ref()
        .is_some_and(|g| claims.groups.iter().any(|c| c == g));
    let summary = json!({
        "email": claims.email, "name": claims.name, "groups": claims.groups,
        "domain_match": domain_match, "admin": admin,
    });
    store::set_idp_test(db, slug, idp.revision, &summary.to_string())
        .await
        .map_err(AppError::internal)?;
    log(
        Some(claims.email.clone()),
        json!({ "ok": true, "admin": admin, "domain_match": domain_match, "via": via }),
    )
    .await;
    Ok(claims)
}

/// How long a one-time test link works.
const LINK_LIFETIME: i64 = 24 * 3600;

/// A one-time link for the organisation's administrator to test sign-in through its IdP
/// (valid a day); returns the link. Only its digest is stored.
pub async fn make_test_link(
    scope: &PartnerScope,
    slug: &str,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let o = scope.writable(slug).await?;
    if scope
        .caller
        .state
        .organisations()
        .by_slug(&o.slug)
        .is_none()
    {
        return Err(AppError::Refused(text::SET_UP_IDP_FIRST.get()));
    }
    let cap = scope
        .caller
        .state
        .directory
        .partner_limits()
        .test_links_per_day;
    let made = store::test_links_of_partner(scope.db(), scope.partner())
        .await
        .map_err(AppError::internal)?;
    if made >= i64::from(cap) {
        return Err(AppError::Refused(text::too_many_links(cap)));
    }
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
    let token = data_encoding::BASE32_NOPAD
        .encode(&bytes)
        .to_ascii_lowercase();
    let expires = crate::ssr::time::now() + LINK_LIFETIME;
    store::put_test_link(
        scope.db(),
        &token_digest(&token),
        slug,
        &scope.caller.user.email,
        expires,
    )
    .await
    .map_err(AppError::internal)?;
    scope
        .record(
            meta,
            slug,
            crate::partners::actions::IDP_TEST_LINK,
            None,
            json!({ "expires_at": expires }),
        )
        .await;
    Ok(scope
        .caller
        .state
        .absolute(&format!("/test-sign-in/{token}")))
}

/// The name of the organisation a link is for, if it can still be used (nothing is used up).
pub async fn link_organisation(state: &AppState, token: &str) -> Result<String, AppError> {
    store::open_test_link(&state.db, &token_digest(token))
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::NotFound(text::LINK_INVALID.get()))
}

/// Uses a link: the authorization request of a test sign-in at the organisation's IdP.
pub async fn start_link_test(
    state: &AppState,
    token: &str,
) -> Result<(url::Url, PendingLogin), AppError> {
    let slug = store::use_test_link(&state.db, &token_digest(token))
        .await
        .map_err(AppError::internal)?
        .ok_or_else(|| AppError::NotFound(text::LINK_INVALID.get()))?;
    let organisation = state
        .organisations()
        .by_slug(&slug)
        .cloned()
        .ok_or_else(|| AppError::Unavailable(text::LINK_NOT_READY.get()))?;
    test_request(state, &organisation, "/test-sign-in/done".to_owned()).await
}

/// What the organisation's administrator is told after their test sign-in; the result is
/// stored for the partner.
pub async fn finish_link_test(
    state: &AppState,
    outcome: Option<TestSignIn>,
    meta: &RequestMeta,
) -> Result<String, AppError> {
    let outcome = outcome.ok_or_else(|| AppError::Conflict(text::LINK_INVALID.get()))?;
    let who = match &outcome.result {
        Ok(claims) => claims.email.clone(),
        Err(_) => text::LINK_ACTOR.get(),
    };
    let actor = Actor {
        id: None,
        email: &who,
    };
    let claims = note_test(
        &state.db,
        &outcome.organisation,
        outcome.result,
        &actor,
        meta,
        "link",
    )
    .await?;
    Ok(text::link_test_worked(&claims.email))
}
