//! Setting up an organisation's IdP: what it publishes at its discovery URL (read without
//! building a client, so that a wrong issuer can be explained rather than just refused), and
//! what a test sign-in showed.

use super::{OidcError, OidcProviders, root_cause};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The parts of a discovery document a person setting up sign-in needs to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discovered {
    /// Where the document was read.
    pub url: String,
    /// The issuer exactly as published.
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    pub end_session_endpoint: Option<String>,
    pub signing_algorithms: Vec<String>,
}

/// How the published issuer compares with the one typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerMatch {
    Exact,
    /// Only a trailing slash differs: Postern accepts it and uses the published spelling.
    TrailingSlash,
    /// Another issuer: ID tokens would be refused.
    Different,
}

impl Discovered {
    pub fn compare(&self, typed: &str) -> IssuerMatch {
        if self.issuer == typed {
            IssuerMatch::Exact
        } else if self.issuer.trim_end_matches('/') == typed.trim_end_matches('/') {
            IssuerMatch::TrailingSlash
        } else {
            IssuerMatch::Different
        }
    }
}

impl OidcProviders {
    /// Reads `<issuer>/.well-known/openid-configuration`. Fails when it cannot be read or
    /// lacks what a sign-in needs.
    pub async fn discover_issuer(&self, issuer: &str) -> Result<Discovered, OidcError> {
        let url = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        let response = self
            .http
            .get(&url)
            .send()
            .await
            .map_err(|e| OidcError::Unavailable(format!("{url}: {}", root_cause(&e))))?;
        if !response.status().is_success() {
            return Err(OidcError::Unavailable(format!(
                "{url}: HTTP {}",
                response.status()
            )));
        }
        let document: Value = response
            .json()
            .await
            .map_err(|e| OidcError::Misconfigured(format!("{url}: not a JSON document: {e}")))?;
        let field = |name: &str| {
            document
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| OidcError::Misconfigured(format!("{url} has no {name}")))
        };
        Ok(Discovered {
            issuer: field("issuer")?,
            authorization_endpoint: field("authorization_endpoint")?,
            token_endpoint: field("token_endpoint")?,
            jwks_uri: field("jwks_uri")?,
            end_session_endpoint: field("end_session_endpoint").ok(),
            signing_algorithms: document
                .get("id_token_signing_alg_values_supported")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            url,
        })
    }
}

/// The session key the callback leaves a [`TestSignIn`] under.
pub const TEST_SIGN_IN: &str = "auth.test_sign_in";

/// What a test sign-in showed, handed from the callback to the partner console.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestSignIn {
    pub tenant: String,
    /// The claims Postern read, or why the sign-in failed.
    pub result: Result<TestClaims, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestClaims {
    pub subject: String,
    pub email: String,
    pub name: Option<String>,
    pub groups: Vec<String>,
}
