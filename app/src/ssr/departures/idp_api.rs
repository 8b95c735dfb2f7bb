//! The IdP APIs the reconciler asks whether people still exist and are enabled: Keycloak's
//! admin REST API, Authentik's, Zitadel's user API v2 and Microsoft Graph. Each is asked by
//! the person's id there (their OIDC `sub`, or Entra ID's `oid`); only a clear answer counts:
//! an API that is down, slow, refuses Postern's credentials or answers 429 says nothing about
//! anyone, and nothing is revoked on it.

use crate::ssr::config::settings::{SyncKind, SyncSettings};
use crate::ssr::config::{ConfigError, read_secret};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use std::collections::HashMap;
use std::time::Duration;
use url::Url;

/// What the IdP says of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonState {
    Active,
    Disabled,
    Deleted,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    #[error("the IdP's API could not be reached: {0}")]
    Unreachable(String),
    #[error("the IdP's API asked Postern to slow down (HTTP 429)")]
    RateLimited { retry_after: Option<Duration> },
    #[error("the IdP's API refused Postern's credentials (HTTP {0}): check the sync settings")]
    Refused(u16),
    #[error("the IdP's API answered something Postern does not understand: {0}")]
    Unexpected(String),
}

/// An organisation's IdP API, ready to ask.
pub struct IdpApi {
    kind: SyncKind,
    http: reqwest::Client,
    /// Where people are looked up (see [`IdpApi::person_url`]).
    api_url: Url,
    token_url: Option<Url>,
    client_id: String,
    client_secret: Option<SecretString>,
    api_token: Option<SecretString>,
    pace: Duration,
}

const TIMEOUT: Duration = Duration::from_secs(10);
/// Authentik lists people a page at a time.
const PAGE_SIZE: usize = 100;

impl IdpApi {
    /// The API of an organisation whose IdP is `issuer`; `None` for SCIM-only sync.
    pub fn new(
        section: &str,
        issuer: &str,
        sync: &SyncSettings,
    ) -> Result<Option<Self>, ConfigError> {
        let bad = |field: &str, why: String| ConfigError::new(format!("{section}.{field}"), why);
        let issuer_url = Url::parse(issuer.trim_end_matches('/'))
            .map_err(|e| bad("api_url", format!("the issuer {issuer} is not a URL: {e}")))?;
        let (api_url, token_url) = match sync.kind {
            SyncKind::Scim => return Ok(None),
            SyncKind::Keycloak => {
                // https://sso.example.org/realms/acme → …/admin/realms/acme/users/
                let path = issuer_url.path().to_owned();
                let (base_path, realm) = match (path.rsplit_once("/realms/"), &sync.realm) {
                    (_, Some(realm)) => ("", realm.as_str()),
                    (Some((base, realm)), None) => (base, realm),
                    (None, None) => {
                        return Err(bad(
                            "realm",
                            format!(
                                "the issuer {issuer} is not a Keycloak realm URL (…/realms/<realm>): set realm"
                            ),
                        ));
                    }
                };
                let mut base = sync.api_url.clone().unwrap_or_else(|| {
                    let mut u = issuer_url.clone();
                    u.set_path(base_path);
                    u
                });
                let prefix = base.path().trim_end_matches('/').to_owned();
                let mut token = base.clone();
                token.set_path(&format!(
                    "{prefix}/realms/{realm}/protocol/openid-connect/token"
                ));
                base.set_path(&format!("{prefix}/admin/realms/{realm}/users/"));
                (base, Some(sync.token_url.clone().unwrap_or(token)))
            }
            SyncKind::Authentik => {
                let mut base = sync.api_url.clone().expect("validated");
                let prefix = base.path().trim_end_matches('/').to_owned();
                base.set_path(&format!("{prefix}/api/v3/core/users/"));
                (base, None)
            }
            SyncKind::Zitadel => {
                let mut base = sync.api_url.clone().unwrap_or_else(|| issuer_url.clone());
                let prefix = base.path().trim_end_matches('/').to_owned();
                base.set_path(&format!("{prefix}/v2/users/"));
                (base, None)
            }
            SyncKind::Graph => {
                let mut base = sync
                    .api_url
                    .clone()
                    .unwrap_or_else(|| Url::parse("https://graph.microsoft.com").expect("static"));
                let prefix = base.path().trim_end_matches('/').to_owned();
                base.set_path(&format!("{prefix}/v1.0/users/"));
                let token = match (&sync.token_url, &sync.tenant) {
                    (Some(url), _) => Some(url.clone()),
                    (None, Some(tenant)) => Url::parse(&format!(
                        "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"
                    ))
                    .ok(),
                    (None, None) => None,
                };
                (base, token)
            }
        };
        let needs_client = matches!(sync.kind, SyncKind::Keycloak | SyncKind::Graph);
        let client_secret = if needs_client {
            Some(read_secret(
                &format!("{section}.client_secret"),
                &sync.client_secret,
                &sync.client_secret_file,
            )?)
        } else {
            None
        };
        let api_token = if needs_client {
            None
        } else {
            Some(read_secret(
                &format!("{section}.api_token"),
                &sync.api_token,
                &sync.api_token_file,
            )?)
        };
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| bad("api_url", e.to_string()))?;
        Ok(Some(Self {
            kind: sync.kind,
            http,
            api_url,
            token_url,
            client_id: sync.client_id.clone().unwrap_or_default(),
            client_secret,
            api_token,
            pace: Duration::from_secs(1) / sync.requests_per_second.max(1),
        }))
    }

    pub fn kind(&self) -> SyncKind {
        self.kind
    }

    /// What the IdP says of each of `ids`. An error means no answer for anyone.
    pub async fn states(&self, ids: &[String]) -> Result<HashMap<String, PersonState>, ApiError> {
        let bearer = self.bearer().await?;
        if self.kind == SyncKind::Authentik {
            return self.authentik_states(&bearer, ids).await;
        }
        let mut states = HashMap::new();
        for (n, id) in ids.iter().enumerate() {
            if n > 0 {
                tokio::time::sleep(self.pace).await;
            }
            states.insert(id.clone(), self.state_of(&bearer, id).await?);
        }
        Ok(states)
    }

    /// The bearer token: the API token, or one from the client-credentials grant.
    async fn bearer(&self) -> Result<SecretString, ApiError> {
        if let Some(token) = &self.api_token {
            return Ok(token.clone());
        }
        let url = self
            .token_url
            .clone()
            .ok_or_else(|| ApiError::Unexpected("no token URL".into()))?;
        let secret = self
            .client_secret
            .as_ref()
            .map(|s| s.expose_secret().to_owned())
            .unwrap_or_default();
        let mut form = vec![
            ("grant_type", "client_credentials".to_owned()),
            ("client_id", self.client_id.clone()),
            ("client_secret", secret),
        ];
        if self.kind == SyncKind::Graph {
            form.push(("scope", "https://graph.microsoft.com/.default".to_owned()));
        }
        let response = self
            .http
            .post(url)
            .form(&form)
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(root_cause(&e)))?;
        let body = Self::json(response).await?;
        body.get("access_token")
            .and_then(Value::as_str)
            .map(|t| SecretString::from(t.to_owned()))
            .ok_or_else(|| ApiError::Unexpected("the token answer has no access_token".into()))
    }

    fn person_url(&self, id: &str) -> Result<Url, ApiError> {
        let mut url = self
            .api_url
            .join(&utf8_percent_encode(id))
            .map_err(|e| ApiError::Unexpected(e.to_string()))?;
        if self.kind == SyncKind::Graph {
            url.set_query(Some("$select=id,accountEnabled"));
        }
        Ok(url)
    }

    async fn state_of(&self, bearer: &SecretString, id: &str) -> Result<PersonState, ApiError> {
        let response = self
            .http
            .get(self.person_url(id)?)
            .bearer_auth(bearer.expose_secret())
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| ApiError::Unreachable(root_cause(&e)))?;
        if response.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(PersonState::Deleted);
        }
        let body = Self::json(response).await?;
        parse_person(self.kind, &body)
    }

    async fn authentik_states(
        &self,
        bearer: &SecretString,
        ids: &[String],
    ) -> Result<HashMap<String, PersonState>, ApiError> {
        let mut seen: HashMap<String, PersonState> = HashMap::new();
        let mut page = 1u64;
        loop {
            let mut url = self.api_url.clone();
            url.query_pairs_mut()
                .append_pair("page", &page.to_string())
                .append_pair("page_size", &PAGE_SIZE.to_string());
            let response = self
                .http
                .get(url)
                .bearer_auth(bearer.expose_secret())
                .header("accept", "application/json")
                .send()
                .await
                .map_err(|e| ApiError::Unreachable(root_cause(&e)))?;
            let body = Self::json(response).await?;
            let next = parse_authentik_page(&body, &mut seen)?;
            match next {
                Some(n) if n > page => page = n,
                _ => break,
            }
            tokio::time::sleep(self.pace).await;
        }
        // The whole list was read: whoever is not in it is gone.
        Ok(ids
            .iter()
            .map(|id| {
                (
                    id.clone(),
                    seen.get(id).copied().unwrap_or(PersonState::Deleted),
                )
            })
            .collect())
    }

    async fn json(response: reqwest::Response) -> Result<Value, ApiError> {
        let status = response.status();
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            return Err(ApiError::RateLimited { retry_after });
        }
        if matches!(status.as_u16(), 401 | 403) {
            return Err(ApiError::Refused(status.as_u16()));
        }
        if status.is_server_error() {
            return Err(ApiError::Unreachable(format!("HTTP {status}")));
        }
        if !status.is_success() {
            return Err(ApiError::Unexpected(format!("HTTP {status}")));
        }
        response
            .json()
            .await
            .map_err(|e| ApiError::Unexpected(format!("not JSON: {e}")))
    }
}

/// One person as the API describes them (a 200 answer).
pub fn parse_person(kind: SyncKind, body: &Value) -> Result<PersonState, ApiError> {
    let missing = |what: &str| ApiError::Unexpected(format!("the answer has no {what}"));
    match kind {
        SyncKind::Keycloak => match body.get("enabled").and_then(Value::as_bool) {
            Some(true) => Ok(PersonState::Active),
            Some(false) => Ok(PersonState::Disabled),
            None => Err(missing("enabled")),
        },
        SyncKind::Graph => match body.get("accountEnabled").and_then(Value::as_bool) {
            Some(true) => Ok(PersonState::Active),
            Some(false) => Ok(PersonState::Disabled),
            None => Err(missing("accountEnabled")),
        },
        SyncKind::Zitadel => {
            let state = body
                .pointer("/user/state")
                .and_then(Value::as_str)
                .ok_or_else(|| missing("user.state"))?;
            match state {
                "USER_STATE_ACTIVE" | "USER_STATE_INITIAL" => Ok(PersonState::Active),
                "USER_STATE_INACTIVE" | "USER_STATE_LOCKED" => Ok(PersonState::Disabled),
                "USER_STATE_DELETED" => Ok(PersonState::Deleted),
                other => Err(ApiError::Unexpected(format!("user state {other}"))),
            }
        }
        SyncKind::Authentik | SyncKind::Scim => {
            Err(ApiError::Unexpected("not a per-person API".into()))
        }
    }
}

/// Reads one page of Authentik's user list into `seen` (by `uid`, the default OIDC subject,
/// and by `uuid`); returns the next page number, if any.
pub fn parse_authentik_page(
    body: &Value,
    seen: &mut HashMap<String, PersonState>,
) -> Result<Option<u64>, ApiError> {
    let results = body
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::Unexpected("the answer has no results".into()))?;
    for user in results {
        let state = match user.get("is_active").and_then(Value::as_bool) {
            Some(false) => PersonState::Disabled,
            _ => PersonState::Active,
        };
        for key in ["uid", "uuid"] {
            if let Some(id) = user.get(key).and_then(Value::as_str) {
                seen.insert(id.to_owned(), state);
            }
        }
    }
    Ok(body
        .pointer("/pagination/next")
        .and_then(Value::as_u64)
        .filter(|n| *n > 0))
}

fn utf8_percent_encode(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn root_cause(e: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if e.is_timeout() {
        format!("timed out after {} s", TIMEOUT.as_secs())
    } else {
        cause.to_string()
    }
}
