//! Setting up an organisation's IdP: what it publishes at its discovery URL (read without
//! building a client, so that a wrong issuer can be explained rather than just refused), and
//! what a test sign-in showed.

use super::{OidcError, OidcProviders, Trust};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The longest URL kept from a discovery document.
const MAX_URL: usize = 2048;

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
        let parsed =
            url::Url::parse(&url).map_err(|e| OidcError::Misconfigured(format!("{url}: {e}")))?;
        self.http.check_named(&parsed).await?;
        let body = self.http.get(Trust::Nobody, &parsed).await?;
        let document: Value = serde_json::from_slice(&body)
            .map_err(|e| OidcError::Misconfigured(format!("{url}: not a JSON document: {e}")))?;
        // Only what a person needs to see is kept, and none of it unbounded.
        let field = |name: &str| {
            document
                .get(name)
                .and_then(Value::as_str)
                .filter(|v| v.len() <= MAX_URL)
                .map(str::to_owned)
                .ok_or_else(|| OidcError::Misconfigured(format!("{url} has no usable {name}")))
        };
        // Where keys and tokens would be fetched: refused now if they point inside.
        for name in ["jwks_uri", "token_endpoint"] {
            let named = url::Url::parse(&field(name)?)
                .map_err(|e| OidcError::Misconfigured(format!("{name}: {e}")))?;
            self.http.check_named(&named).await?;
        }
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
                        .filter(|alg| alg.len() <= 16)
                        .take(16)
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
    /// Stored as `tenant` by earlier releases: their sessions stay valid.
    #[serde(alias = "tenant")]
    pub organisation: String,
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
