//! Per-organisation OpenID Connect: discovery (cached), the authorization request with PKCE, state
//! and nonce, and the verification of what comes back.

mod fetch;
mod identity;
mod logout;
pub use logout::LogoutToken;
mod setup;
use fetch::{Http, Trust};
pub use setup::{Discovered, IssuerMatch, TEST_SIGN_IN, TestClaims, TestSignIn};

use super::organisations::Organisation;
use super::outbound::Outbound;
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken,
    EmptyExtraTokenFields, EndSessionUrl, EndpointMaybeSet, EndpointNotSet, EndpointSet,
    IdTokenFields, JsonWebKeySet, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, Scope, StandardErrorResponse,
    StandardTokenResponse, TokenResponse,
};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// Claims beyond the standard set, kept as JSON so the groups and e-mail claim names can be
/// chosen per organisation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ExtraClaims {
    #[serde(flatten)]
    pub other: Map<String, Value>,
}
impl AdditionalClaims for ExtraClaims {}

type IdFields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type TokenResp = StandardTokenResponse<IdFields, CoreTokenType>;
type IdToken = openidconnect::IdToken<
    ExtraClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResp,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How long discovery documents and signing keys are reused before being fetched again.
const METADATA_TTL: Duration = Duration::from_secs(3600);
/// Tolerated clock difference with the IdP when checking `exp`.
const CLOCK_SKEW: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// Discovery or JWKS could not be fetched: the IdP is down or misconfigured.
    #[error("identity provider unavailable: {0}")]
    Unavailable(String),
    #[error("identity provider misconfigured: {0}")]
    Misconfigured(String),
    /// The IdP said no (`error=access_denied`, …) at the authorization endpoint.
    #[error("identity provider returned an error: {0}")]
    Denied(String),
    #[error("code exchange failed: {0}")]
    Exchange(String),
    /// The ID token failed verification (issuer, audience, signature, expiry, nonce, alg).
    #[error("ID token rejected: {0}")]
    InvalidToken(String),
    /// A URL of the IdP points into a private or local network (`ssr::outbound`).
    #[error("identity provider address not allowed: {0}")]
    NotAllowed(String),
    /// The token was valid but does not give us a usable mailbox address.
    #[error("ID token unusable: {0}")]
    Unusable(String),
    /// The IdP does not vouch for the address (`email_verified` is not `true`).
    #[error("the identity provider does not say the e-mail address is verified")]
    Unverified,
}

/// One organisation's identity provider, ready to use.
pub struct Provider {
    client: OidcClient,
    /// The issuer exactly as the IdP spells it (may differ from the config by a trailing slash).
    pub issuer: String,
    end_session: Option<EndSessionUrl>,
    /// The client that may reach the token endpoint (see `fetch`).
    token_http: reqwest::Client,
    fetched: Instant,
    /// The organisation's IdP settings revision it was built from.
    revision: i64,
}

/// What we keep between redirecting to the IdP and its callback. Lives in the session and is
/// removed on first use, so a state value can never be replayed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    /// Stored as `tenant` by earlier releases: their sessions stay valid.
    #[serde(alias = "tenant")]
    pub organisation: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// Where to go after sign-in (a local path, checked when stored).
    pub return_to: String,
    pub created_at: i64,
    /// Set when a signed-in user is asked to authenticate again: the IdP must vouch for the
    /// same subject, freshly.
    #[serde(default)]
    pub reauth_subject: Option<String>,
    /// The address the person typed to start (for the audit log of a failed sign-in).
    #[serde(default)]
    pub email: Option<String>,
    /// Set when a signed-in admin's groups are read again: the IdP must vouch for the same
    /// subject (no fresh password needed).
    #[serde(default)]
    pub refresh_subject: Option<String>,
    /// A partner's test of an organisation's IdP: what comes back is shown, nobody signs in.
    #[serde(default)]
    pub test: bool,
}

/// A verified sign-in.
#[derive(Debug, Clone)]
pub struct Identity {
    pub subject: String,
    pub email: String,
    pub name: Option<String>,
    pub groups: Vec<String>,
    /// When the user last authenticated at the IdP (epoch seconds), if the IdP said.
    pub auth_time: Option<i64>,
    /// The raw ID token, kept server-side only as the `id_token_hint` for sign-out.
    pub id_token: String,
    /// The person's id in the IdP's API when directory sync reads it from another claim than
    /// `sub` (Entra ID's `oid`): every claim beyond the standard ones, server-side only.
    pub extra: Map<String, Value>,
}

/// Options of one authorization request.
#[derive(Debug, Clone, Default)]
pub struct AuthOptions {
    pub login_hint: Option<String>,
    /// Ask the IdP to re-authenticate if its session is older than this.
    pub max_age: Option<Duration>,
    pub force_login: bool,
}

#[derive(Clone)]
pub struct OidcProviders {
    http: Arc<Http>,
    cache: Arc<RwLock<HashMap<String, Arc<Provider>>>>,
}

impl OidcProviders {
    /// `outbound` decides where partners' IdPs, and the URLs discovery documents name, may
    /// be reached; `max_response` is the largest answer read from an IdP.
    pub fn new(outbound: Outbound, max_response: usize) -> Self {
        Self {
            http: Arc::new(Http::new(outbound, max_response)),
            cache: Arc::default(),
        }
    }

    /// The organisation's provider, from cache or freshly discovered.
    pub async fn provider(
        &self,
        organisation: &Organisation,
        redirect: &str,
    ) -> Result<Arc<Provider>, OidcError> {
        if let Some(p) = self.cache.read().expect("lock").get(&organisation.slug)
            && p.fetched.elapsed() < METADATA_TTL
            && p.revision == organisation.oidc.revision
        {
            return Ok(p.clone());
        }
        self.refresh(organisation, redirect).await
    }

    /// Fetches discovery and keys again (after expiry, or when a token names an unknown key).
    pub async fn refresh(
        &self,
        organisation: &Organisation,
        redirect: &str,
    ) -> Result<Arc<Provider>, OidcError> {
        let provider = Arc::new(self.discover(organisation, redirect).await?);
        self.cache
            .write()
            .expect("lock")
            .insert(organisation.slug.clone(), provider.clone());
        Ok(provider)
    }

    async fn discover(
        &self,
        organisation: &Organisation,
        redirect: &str,
    ) -> Result<Provider, OidcError> {
        let configured = organisation.oidc.issuer.as_str();
        let discovery_url = url::Url::parse(&format!(
            "{}/.well-known/openid-configuration",
            configured.trim_end_matches('/')
        ))
        .map_err(|e| OidcError::Misconfigured(format!("issuer {configured}: {e}")))?;
        // The operator wrote the issuer of an organisation in postern.toml: its host is
        // reached wherever it is. Everything else goes through the outbound policy.
        let trust = match discovery_url.host_str() {
            Some(host) if organisation.from_config => Trust::Host(host),
            _ => Trust::Nobody,
        };
        let body = self.http.get(trust, &discovery_url).await?;
        let metadata: ProviderMetadataWithLogout = serde_json::from_slice(&body)
            .map_err(|e| OidcError::Misconfigured(format!("discovery document: {e}")))?;

        // The discovery document must name the issuer we were configured with. Authentik and
        // others publish issuers ending in '/', and admins often copy them without it; the two
        // spellings are accepted here, and from now on the IdP's own spelling is what ID tokens
        // are checked against (exactly).
        let published = metadata.issuer().as_str().to_owned();
        if published.trim_end_matches('/') != configured.trim_end_matches('/') {
            return Err(OidcError::Misconfigured(format!(
                "discovery names issuer {published}, but the organisation is configured with {configured}"
            )));
        }
        let keys = self.http.get(trust, metadata.jwks_uri().url()).await?;
        let jwks: JsonWebKeySet<CoreJsonWebKey> = serde_json::from_slice(&keys)
            .map_err(|e| OidcError::Misconfigured(format!("signing keys: {e}")))?;
        let token_http = match metadata.token_endpoint() {
            Some(token) => self.http.client_for(trust, token.url())?.clone(),
            None => {
                return Err(OidcError::Misconfigured(
                    "the discovery document names no token endpoint".into(),
                ));
            }
        };
        let end_session = metadata.additional_metadata().end_session_endpoint.clone();
        let metadata = metadata.set_jwks(jwks);
        let redirect = RedirectUrl::new(redirect.to_owned())
            .map_err(|e| OidcError::Misconfigured(format!("redirect URI: {e}")))?;
        let client = OidcClient::from_provider_metadata(
            metadata,
            ClientId::new(organisation.oidc.client_id.clone()),
            Some(ClientSecret::new(
                organisation.oidc.client_secret.expose_secret().to_owned(),
            )),
        )
        .set_redirect_uri(redirect);
        Ok(Provider {
            client,
            issuer: published,
            end_session,
            token_http,
            fetched: Instant::now(),
            revision: organisation.oidc.revision,
        })
    }

    /// Signs in from the authorization response: checks state and the RFC 9207 `iss`
    /// parameter, redeems the code with the PKCE verifier and verifies the ID token.
    pub async fn finish(
        &self,
        organisation: &Organisation,
        redirect: &str,
        pending: &PendingLogin,
        callback: &Callback,
    ) -> Result<Identity, OidcError> {
        if let Some(error) = &callback.error {
            let description = callback.error_description.as_deref().unwrap_or("");
            return Err(OidcError::Denied(
                format!("{error} {description}").trim().to_owned(),
            ));
        }
        if callback.state.as_deref() != Some(pending.state.as_str()) {
            return Err(OidcError::InvalidToken(
                "state does not match this sign-in".into(),
            ));
        }
        let provider = self.provider(organisation, redirect).await?;
        if let Some(iss) = &callback.iss
            && *iss != provider.issuer
        {
            return Err(OidcError::InvalidToken(format!(
                "authorization response came from issuer {iss}, expected {}",
                provider.issuer
            )));
        }
        let code = callback
            .code
            .clone()
            .ok_or_else(|| OidcError::Exchange("the callback carries no code".into()))?;
        let tokens = provider
            .client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| OidcError::Misconfigured(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&fetch::Capped {
                client: &provider.token_http,
                limit: self.http.limit,
            })
            .await
            .map_err(|e| OidcError::Exchange(root_cause(&e)))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| OidcError::InvalidToken("the token response has no id_token".into()))?;

        let nonce = Nonce::new(pending.nonce.clone());
        let verified = match self.verify(&provider, id_token, &nonce) {
            // Keys rotate: a token signed with a key we have not seen yet gets one retry with
            // freshly fetched keys.
            Err(VerifyFailure::UnknownKey) => {
                let fresh = self.refresh(organisation, redirect).await?;
                self.verify(&fresh, id_token, &nonce)
            }
            other => other,
        };
        let claims = verified.map_err(|f| match f {
            VerifyFailure::UnknownKey => {
                OidcError::InvalidToken("signed with an unknown key".into())
            }
            VerifyFailure::Invalid(why) => OidcError::InvalidToken(why),
        })?;
        identity::from_claims(organisation, claims, id_token.to_string())
    }

    fn verify(
        &self,
        provider: &Provider,
        id_token: &IdToken,
        nonce: &Nonce,
    ) -> Result<IdClaims, VerifyFailure> {
        let skew = chrono::Duration::from_std(CLOCK_SKEW).expect("small duration");
        let verifier = provider
            .client
            .id_token_verifier()
            .set_time_fn(move || chrono::Utc::now() - skew);
        match id_token.claims(&verifier, nonce) {
            Ok(claims) => Ok(claims.clone()),
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(
                openidconnect::SignatureVerificationError::NoMatchingKey,
            )) => Err(VerifyFailure::UnknownKey),
            Err(e) => Err(VerifyFailure::Invalid(e.to_string())),
        }
    }
}

enum VerifyFailure {
    UnknownKey,
    Invalid(String),
}

type IdClaims = openidconnect::IdTokenClaims<ExtraClaims, CoreGenderClaim>;

/// Query parameters of the authorization response.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub iss: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

impl Provider {
    /// The IdP URL to send the browser to, and what to remember until it comes back.
    pub fn authorization_request(
        &self,
        organisation: &Organisation,
        options: &AuthOptions,
        return_to: String,
    ) -> (url::Url, PendingLogin) {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = self
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in organisation.oidc.scopes.iter().filter(|s| *s != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        if let Some(hint) = &options.login_hint {
            request = request.add_extra_param("login_hint", hint.clone());
        }
        if let Some(max_age) = options.max_age {
            request = request.set_max_age(max_age);
        }
        if options.force_login {
            request = request.add_prompt(CoreAuthPrompt::Login);
        }
        let (url, state, nonce) = request.url();
        let pending = PendingLogin {
            organisation: organisation.slug.clone(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            return_to,
            created_at: time::OffsetDateTime::now_utc().unix_timestamp(),
            reauth_subject: None,
            email: None,
            refresh_subject: None,
            test: false,
        };
        (url, pending)
    }

    /// Where to send the browser to end the IdP session too, if the IdP supports it.
    pub fn end_session_url(
        &self,
        id_token: &str,
        client_id: &str,
        after: &str,
    ) -> Option<url::Url> {
        let endpoint = self.end_session.clone()?;
        let mut request =
            LogoutRequest::from(endpoint).set_client_id(ClientId::new(client_id.to_owned()));
        if let Ok(token) = id_token.parse::<IdToken>() {
            request = request.set_id_token_hint(&token);
        }
        if let Ok(after) = PostLogoutRedirectUrl::new(after.to_owned()) {
            request = request.set_post_logout_redirect_uri(after);
        }
        Some(request.http_get_url())
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut msg = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        msg = format!("{msg}: {c}");
        cause = c.source();
    }
    msg
}
