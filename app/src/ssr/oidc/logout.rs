//! OpenID Connect Back-Channel Logout 1.0: verifying the logout token an organisation's IdP
//! posts (§2.6), with the same provider keys as ID tokens.

use super::{CLOCK_SKEW, IdClaims, IdToken, OidcError, OidcProviders, Provider, VerifyFailure};
use crate::ssr::organisations::Organisation;
use openidconnect::Nonce;
use serde_json::Value;

/// What a verified back-channel logout token says (OpenID Connect Back-Channel Logout 1.0).
#[derive(Debug, Clone, PartialEq)]
pub struct LogoutToken {
    pub issuer: String,
    pub subject: String,
    /// The IdP session that ended, when the token names one.
    pub sid: Option<String>,
    pub jti: String,
    pub expires_at: i64,
}

/// The event a logout token must carry.
const BACKCHANNEL_LOGOUT_EVENT: &str = "http://schemas.openid.net/event/backchannel-logout";

impl OidcProviders {
    /// Verifies a back-channel logout token as §2.6 of the spec says: signed by the
    /// organisation's IdP with a key it publishes, issued by it, for our client, not expired,
    /// with a `jti`, the logout event and a `sub`, and no `nonce`. Replays are the caller's to
    /// refuse (by `jti`, in the database).
    pub async fn verify_logout(
        &self,
        organisation: &Organisation,
        redirect: &str,
        token: &str,
    ) -> Result<LogoutToken, OidcError> {
        let parsed: IdToken = token
            .parse()
            .map_err(|e| OidcError::InvalidToken(format!("not a signed JWT: {e}")))?;
        let provider = self.provider(organisation, redirect).await?;
        let claims = match Self::verify_logout_with(&provider, &parsed) {
            Err(VerifyFailure::UnknownKey) => {
                let fresh = self.refresh(organisation, redirect).await?;
                Self::verify_logout_with(&fresh, &parsed)
            }
            other => other,
        }
        .map_err(|f| match f {
            VerifyFailure::UnknownKey => {
                OidcError::InvalidToken("signed with an unknown key".into())
            }
            VerifyFailure::Invalid(why) => OidcError::InvalidToken(why),
        })?;
        let extra = &claims.additional_claims().other;
        let has_event = extra
            .get("events")
            .and_then(Value::as_object)
            .is_some_and(|events| events.contains_key(BACKCHANNEL_LOGOUT_EVENT));
        if !has_event {
            return Err(OidcError::InvalidToken(
                "the token carries no back-channel logout event".into(),
            ));
        }
        let jti = extra
            .get("jti")
            .and_then(Value::as_str)
            .filter(|j| !j.is_empty())
            .ok_or_else(|| OidcError::InvalidToken("the token has no jti".into()))?;
        Ok(LogoutToken {
            issuer: provider.issuer.clone(),
            subject: claims.subject().as_str().to_owned(),
            sid: extra.get("sid").and_then(Value::as_str).map(str::to_owned),
            jti: jti.to_owned(),
            expires_at: claims.expiration().timestamp(),
        })
    }

    fn verify_logout_with(provider: &Provider, token: &IdToken) -> Result<IdClaims, VerifyFailure> {
        let skew = chrono::Duration::from_std(CLOCK_SKEW).expect("small duration");
        let types = ["logout+jwt", "jwt", "application/jwt"]
            .into_iter()
            .filter_map(|t| {
                openidconnect::JsonWebTokenType::new(t.into())
                    .normalize()
                    .ok()
            });
        let verifier = provider
            .client
            .id_token_verifier()
            .set_allowed_jose_types(types)
            .set_time_fn(move || chrono::Utc::now() - skew);
        // A logout token must not carry a nonce (§2.4): it is no ID token replayed here.
        let no_nonce = |nonce: Option<&Nonce>| match nonce {
            Some(_) => Err("a logout token must not carry a nonce".to_owned()),
            None => Ok(()),
        };
        match token.claims(&verifier, no_nonce) {
            Ok(claims) => Ok(claims.clone()),
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(
                openidconnect::SignatureVerificationError::NoMatchingKey,
            )) => Err(VerifyFailure::UnknownKey),
            Err(e) => Err(VerifyFailure::Invalid(e.to_string())),
        }
    }
}
