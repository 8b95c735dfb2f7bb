//! The HTTP side of OpenID Connect: which client may reach which URL, and answers read up to
//! a size. An IdP's discovery document names further URLs (keys, token endpoint); the
//! organisation controls that document, so those URLs go through the outbound policy like a
//! URL a partner typed. Only the host the operator wrote in postern.toml is reached wherever
//! it is.

use super::OidcError;
use crate::ssr::outbound::{Outbound, ReadError, is_refusal, read_limited};
use std::time::Duration;

pub(super) struct Http {
    /// For the operator's own IdP hosts.
    open: reqwest::Client,
    /// For everything else: only where the outbound policy permits.
    guarded: reqwest::Client,
    outbound: Outbound,
    /// The largest answer read.
    pub limit: usize,
}

/// An IdP URL and who vouched for its host.
#[derive(Debug, Clone, Copy)]
pub(super) enum Trust<'a> {
    /// URLs on this host were written by the operator (postern.toml).
    Host(&'a str),
    /// A partner's IdP, or a host only a discovery document names.
    Nobody,
}

impl Http {
    pub fn new(outbound: Outbound, limit: usize) -> Self {
        let guarded = outbound
            .http()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .build()
            .expect("static HTTP client configuration");
        let open = reqwest::Client::builder()
            // Token requests carry the client secret: never follow a redirect with it.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .build()
            .expect("static HTTP client configuration");
        Self {
            open,
            guarded,
            outbound,
            limit,
        }
    }

    /// The client that may fetch `url`, or why none may.
    pub fn client_for(
        &self,
        trust: Trust<'_>,
        url: &url::Url,
    ) -> Result<&reqwest::Client, OidcError> {
        if let Trust::Host(host) = trust
            && url.host_str() == Some(host)
        {
            return Ok(&self.open);
        }
        self.outbound
            .check_url(url)
            .map_err(|why| OidcError::NotAllowed(format!("{url}: {why}")))?;
        Ok(&self.guarded)
    }

    /// Whether a URL a partner's IdP names may be reached: checked now, including what its
    /// name resolves to (the connection is checked again when it is made).
    pub async fn check_named(&self, url: &url::Url) -> Result<(), OidcError> {
        self.outbound
            .check_url_resolved(url)
            .await
            .map_err(|why| OidcError::NotAllowed(format!("{url}: {why}")))
    }

    /// A JSON document (discovery, keys), read up to the limit.
    pub async fn get(&self, trust: Trust<'_>, url: &url::Url) -> Result<bytes::Bytes, OidcError> {
        let client = self.client_for(trust, url)?;
        let response = client
            .get(url.clone())
            .send()
            .await
            .map_err(|e| unreachable(url, &e))?;
        if !response.status().is_success() {
            return Err(OidcError::Unavailable(format!(
                "{url}: HTTP {}",
                response.status()
            )));
        }
        read_limited(response, self.limit)
            .await
            .map_err(|e| match e {
                ReadError::TooLarge(limit) => OidcError::Misconfigured(format!(
                    "{url}: the answer is larger than {limit} bytes"
                )),
                ReadError::Http(e) => unreachable(url, &e),
            })
    }
}

fn unreachable(url: &url::Url, e: &reqwest::Error) -> OidcError {
    if is_refusal(e) {
        OidcError::NotAllowed(format!("{url}: {}", super::root_cause(e)))
    } else {
        OidcError::Unavailable(format!("{url}: {}", super::root_cause(e)))
    }
}

/// The OAuth library's HTTP client for the token exchange: `client`, answers read up to
/// `limit`.
pub(super) struct Capped<'a> {
    pub client: &'a reqwest::Client,
    pub limit: usize,
}

type Sending<'c> = std::pin::Pin<
    Box<dyn Future<Output = Result<openidconnect::HttpResponse, FetchError>> + Send + 'c>,
>;

impl<'c> openidconnect::AsyncHttpClient<'c> for Capped<'_> {
    type Error = FetchError;
    type Future = Sending<'c>;

    fn call(&'c self, request: openidconnect::HttpRequest) -> Self::Future {
        Box::pin(send(self.client, request, self.limit))
    }
}

/// One request of the OAuth library (the token exchange), its answer read up to `limit`.
async fn send(
    client: &reqwest::Client,
    request: openidconnect::HttpRequest,
    limit: usize,
) -> Result<openidconnect::HttpResponse, FetchError> {
    let request = reqwest::Request::try_from(request).map_err(FetchError::Http)?;
    let response = client.execute(request).await.map_err(FetchError::Http)?;
    let mut answer = http::Response::builder().status(response.status());
    for (name, value) in response.headers() {
        answer = answer.header(name, value);
    }
    let body = read_limited(response, limit).await.map_err(|e| match e {
        ReadError::TooLarge(limit) => FetchError::TooLarge(limit),
        ReadError::Http(e) => FetchError::Http(e),
    })?;
    answer
        .body(body.to_vec())
        .map_err(|e| FetchError::Response(e.to_string()))
}

#[derive(Debug, thiserror::Error)]
pub(super) enum FetchError {
    #[error(transparent)]
    Http(reqwest::Error),
    #[error("the answer is larger than {0} bytes")]
    TooLarge(usize),
    #[error("{0}")]
    Response(String),
}
