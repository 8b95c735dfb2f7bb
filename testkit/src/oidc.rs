//! An in-process OpenID provider for Rust tests. It implements the authorization code flow
//! with PKCE just far enough to be a real counterpart, and can be told to misbehave in the
//! precise ways a relying party must notice (wrong issuer, audience, nonce, signature,
//! expiry, `alg: none`, a token minted by another issuer).
//!
//! The browser tests use the certified node `oidc-provider` instead (end2end/idp).

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use rand::RngCore;
use rsa::RsaPrivateKey;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How the next ID tokens should be wrong.
#[derive(Clone, Default)]
pub enum Tweak {
    #[default]
    None,
    WrongIssuer,
    WrongAudience,
    WrongNonce,
    /// Signed, then one byte of the signature flipped.
    BadSignature,
    /// `exp` an hour in the past.
    Expired,
    /// Unsigned token with `alg: none`.
    AlgNone,
    /// A token minted (and signed) by another issuer for the same client id.
    FromIssuer(Issuer),
    /// A valid token without the `auth_time` claim.
    NoAuthTime,
    /// `auth_time` only when the authorization request asked for it (`max_age`, or a
    /// `claims` request naming it), as OpenID Connect Core 3.1.2.1 allows and node
    /// oidc-provider does.
    AuthTimeOnlyIfAsked,
}

#[derive(Clone, Debug)]
pub struct User {
    pub subject: String,
    pub email: String,
    pub name: String,
    pub groups: Vec<String>,
    pub email_verified: bool,
}

impl User {
    pub fn new(email: &str, name: &str, groups: &[&str]) -> Self {
        Self {
            subject: format!("sub-{}", email.replace('@', "-at-")),
            email: email.into(),
            name: name.into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            email_verified: true,
        }
    }
}

struct Pending {
    client_id: String,
    nonce: Option<String>,
    challenge: String,
    redirect_uri: String,
    user: User,
    auth_time: i64,
    /// Whether the authorization request asked for `auth_time`.
    asked_auth_time: bool,
    /// The IdP session of this sign-in (the ID token's `sid`): a new one each time.
    sid: String,
}

struct Inner {
    issuer: String,
    client_id: String,
    client_secret: String,
    key: RsaPrivateKey,
    kid: String,
    users: HashMap<String, User>,
    codes: HashMap<String, Pending>,
    tweak: Tweak,
    /// Pretend the user authenticated this many seconds ago (for fresh-sign-in tests).
    auth_age_secs: i64,
    /// Requests seen at /authorize (their query strings), for assertions on max_age/prompt.
    authorize_requests: Vec<HashMap<String, String>>,
    /// The `sid` of every sign-in, by address, oldest first.
    sessions: HashMap<String, Vec<String>>,
}

/// A running issuer. Cheap to clone.
#[derive(Clone)]
pub struct Issuer {
    inner: Arc<Mutex<Inner>>,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

impl Issuer {
    /// Starts on a random loopback port. `path` is the issuer's path: `""` gives
    /// `http://127.0.0.1:PORT`, `"/application/o/b/"` an Authentik-style issuer with a
    /// trailing slash.
    pub async fn start(path: &str, client_id: &str, client_secret: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let issuer = format!("http://{addr}{path}");
        let mut rng = rand::thread_rng();
        let key = RsaPrivateKey::new(&mut rng, 2048).expect("RSA key");
        let mut kid = [0u8; 8];
        rng.fill_bytes(&mut kid);
        let inner = Arc::new(Mutex::new(Inner {
            issuer: issuer.clone(),
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            key,
            kid: B64.encode(kid),
            users: HashMap::new(),
            codes: HashMap::new(),
            tweak: Tweak::None,
            auth_age_secs: 0,
            authorize_requests: Vec::new(),
            sessions: HashMap::new(),
        }));
        let base = path.trim_end_matches('/').to_owned();
        let routes = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .route("/authorize", get(authorize))
            .route("/token", post(token))
            .route("/session/end", get(end_session))
            .with_state(inner.clone());
        let app = if base.is_empty() {
            routes
        } else {
            Router::new().nest(&base, routes)
        };
        tokio::spawn(async move {
            axum::serve(listener, app).await.expect("issuer server");
        });
        Self {
            inner,
            issuer,
            client_id: client_id.into(),
            client_secret: client_secret.into(),
        }
    }

    pub fn add_user(&self, user: User) {
        self.inner
            .lock()
            .expect("lock")
            .users
            .insert(user.email.clone(), user);
    }

    pub fn set_tweak(&self, tweak: Tweak) {
        self.inner.lock().expect("lock").tweak = tweak;
    }

    pub fn set_auth_age_secs(&self, secs: i64) {
        self.inner.lock().expect("lock").auth_age_secs = secs;
    }

    pub fn authorize_requests(&self) -> Vec<HashMap<String, String>> {
        self.inner.lock().expect("lock").authorize_requests.clone()
    }

    /// An ID token as this issuer would mint it (used for cross-issuer tests).
    fn mint(&self, claims: &Value) -> String {
        let inner = self.inner.lock().expect("lock");
        sign(&inner, claims)
    }

    /// The claims of a back-channel logout token for the user with this address, as
    /// OpenID Connect Back-Channel Logout 1.0 §2.4 says (a fresh `jti`); a test may change them
    /// before [`Issuer::sign_logout_token`].
    pub fn logout_claims(&self, email: &str) -> Value {
        let inner = self.inner.lock().expect("lock");
        let subject = inner
            .users
            .get(email)
            .map(|u| u.subject.clone())
            .unwrap_or_else(|| format!("sub-{}", email.replace('@', "-at-")));
        let mut jti = [0u8; 12];
        rand::thread_rng().fill_bytes(&mut jti);
        let iat = now();
        json!({
            "iss": inner.issuer, "aud": inner.client_id, "sub": subject,
            "iat": iat, "exp": iat + 120, "jti": B64.encode(jti),
            "events": { "http://schemas.openid.net/event/backchannel-logout": {} },
        })
    }

    /// The IdP session ids (`sid`) of the person's sign-ins so far, oldest first.
    pub fn sessions_of(&self, email: &str) -> Vec<String> {
        let inner = self.inner.lock().expect("lock");
        inner.sessions.get(email).cloned().unwrap_or_default()
    }

    /// Signs a logout token (`typ: logout+jwt`) with this issuer's published key.
    pub fn sign_logout_token(&self, claims: &Value) -> String {
        let inner = self.inner.lock().expect("lock");
        sign_typed(&inner, claims, "logout+jwt")
    }
}

fn sign(inner: &Inner, claims: &Value) -> String {
    sign_typed(inner, claims, "JWT")
}

fn sign_typed(inner: &Inner, claims: &Value, typ: &str) -> String {
    let header = json!({"alg": "RS256", "typ": typ, "kid": inner.kid});
    let signing_input = format!(
        "{}.{}",
        B64.encode(header.to_string()),
        B64.encode(claims.to_string())
    );
    let signature = SigningKey::<Sha256>::new(inner.key.clone())
        .sign(signing_input.as_bytes())
        .to_bytes();
    format!("{signing_input}.{}", B64.encode(signature))
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

async fn discovery(State(inner): State<Arc<Mutex<Inner>>>) -> Json<Value> {
    let issuer = inner.lock().expect("lock").issuer.clone();
    let base = issuer.trim_end_matches('/');
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "end_session_endpoint": format!("{base}/session/end"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": ["openid", "email", "profile", "groups"],
    }))
}

async fn jwks(State(inner): State<Arc<Mutex<Inner>>>) -> Response {
    let inner = inner.lock().expect("lock");
    let public = inner.key.to_public_key();
    let body = json!({"keys": [{
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": inner.kid,
        "n": B64.encode(public.n().to_bytes_be()), "e": B64.encode(public.e().to_bytes_be()),
    }]});
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn authorize(
    State(inner): State<Arc<Mutex<Inner>>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut inner = inner.lock().expect("lock");
    inner.authorize_requests.push(q.clone());
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    if get("client_id") != inner.client_id || get("response_type") != "code" {
        return (StatusCode::BAD_REQUEST, "unknown client or response type").into_response();
    }
    if get("code_challenge_method") != "S256" || get("code_challenge").is_empty() {
        return (StatusCode::BAD_REQUEST, "PKCE S256 required").into_response();
    }
    let hint = get("login_hint");
    let user = inner
        .users
        .get(&hint)
        .cloned()
        .unwrap_or_else(|| User::new(&hint, "Test User", &[]));
    let mut code = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut code);
    let code = B64.encode(code);
    let redirect_uri = get("redirect_uri");
    let auth_time = now() - inner.auth_age_secs;
    let mut sid = [0u8; 9];
    rand::thread_rng().fill_bytes(&mut sid);
    let sid = B64.encode(sid);
    inner
        .sessions
        .entry(user.email.clone())
        .or_default()
        .push(sid.clone());
    inner.codes.insert(
        code.clone(),
        Pending {
            client_id: get("client_id"),
            nonce: q.get("nonce").cloned(),
            challenge: get("code_challenge"),
            redirect_uri: redirect_uri.clone(),
            user,
            auth_time,
            asked_auth_time: q.contains_key("max_age")
                || q.get("claims").is_some_and(|c| c.contains("auth_time")),
            sid,
        },
    );
    let mut target = url::Url::parse(&redirect_uri).expect("redirect uri");
    target
        .query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &get("state"))
        .append_pair("iss", &inner.issuer);
    Redirect::to(target.as_str()).into_response()
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: String,
    code: String,
    redirect_uri: String,
    code_verifier: String,
    client_id: Option<String>,
    client_secret: Option<String>,
}

async fn token(
    State(inner_arc): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    let error = |e: &str| (StatusCode::BAD_REQUEST, Json(json!({"error": e}))).into_response();
    let (mut claims, tweak) = {
        let mut inner = inner_arc.lock().expect("lock");
        let (client_id, client_secret) = client_credentials(&headers, &form);
        if client_id != inner.client_id || client_secret != inner.client_secret {
            return (
                StatusCode::UNAUTHORIZED,
                Json(json!({"error": "invalid_client"})),
            )
                .into_response();
        }
        if form.grant_type != "authorization_code" {
            return error("unsupported_grant_type");
        }
        let Some(pending) = inner.codes.remove(&form.code) else {
            return error("invalid_grant");
        };
        if pending.client_id != client_id || pending.redirect_uri != form.redirect_uri {
            return error("invalid_grant");
        }
        let challenge = B64.encode(Sha256::digest(form.code_verifier.as_bytes()));
        if challenge != pending.challenge {
            return error("invalid_grant");
        }
        let iat = now();
        let mut claims = json!({
            "iss": inner.issuer, "sub": pending.user.subject, "aud": inner.client_id,
            "iat": iat, "exp": iat + 300, "auth_time": pending.auth_time,
            "email": pending.user.email, "email_verified": pending.user.email_verified,
            "name": pending.user.name, "groups": pending.user.groups,
            "sid": pending.sid,
        });
        if let Some(nonce) = &pending.nonce {
            claims["nonce"] = json!(nonce);
        }
        if matches!(inner.tweak, Tweak::AuthTimeOnlyIfAsked) && !pending.asked_auth_time {
            claims.as_object_mut().expect("object").remove("auth_time");
        }
        (claims, inner.tweak.clone())
    };
    let inner = inner_arc.lock().expect("lock");
    let id_token = match tweak {
        Tweak::None | Tweak::AuthTimeOnlyIfAsked => sign(&inner, &claims),
        Tweak::NoAuthTime => {
            claims.as_object_mut().expect("object").remove("auth_time");
            sign(&inner, &claims)
        }
        Tweak::WrongIssuer => {
            claims["iss"] = json!("https://evil.example");
            sign(&inner, &claims)
        }
        Tweak::WrongAudience => {
            claims["aud"] = json!("someone-else");
            sign(&inner, &claims)
        }
        Tweak::WrongNonce => {
            claims["nonce"] = json!("not-the-nonce");
            sign(&inner, &claims)
        }
        Tweak::Expired => {
            claims["iat"] = json!(now() - 7200);
            claims["exp"] = json!(now() - 3600);
            sign(&inner, &claims)
        }
        Tweak::BadSignature => {
            let token = sign(&inner, &claims);
            let (input, signature) = token.rsplit_once('.').expect("three parts");
            let mut bytes = B64.decode(signature).expect("b64");
            bytes[10] ^= 0x01;
            format!("{input}.{}", B64.encode(bytes))
        }
        Tweak::AlgNone => {
            let header = json!({"alg": "none", "typ": "JWT"});
            format!(
                "{}.{}.",
                B64.encode(header.to_string()),
                B64.encode(claims.to_string())
            )
        }
        Tweak::FromIssuer(other) => {
            drop(inner);
            claims["iss"] = json!(other.issuer);
            let token = other.mint(&claims);
            return Json(
                json!({"access_token": "opaque", "token_type": "Bearer", "expires_in": 300,
                               "id_token": token}),
            )
            .into_response();
        }
    };
    Json(json!({"access_token": "opaque", "token_type": "Bearer", "expires_in": 300, "id_token": id_token}))
        .into_response()
}

fn client_credentials(headers: &HeaderMap, form: &TokenForm) -> (String, String) {
    if let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|v| base64::engine::general_purpose::STANDARD.decode(v).ok())
        .and_then(|v| String::from_utf8(v).ok())
        && let Some((id, secret)) = basic.split_once(':')
    {
        let decode = |s: &str| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        };
        return (decode(id), decode(secret));
    }
    (
        form.client_id.clone().unwrap_or_default(),
        form.client_secret.clone().unwrap_or_default(),
    )
}

async fn end_session(Query(q): Query<HashMap<String, String>>) -> Response {
    match q.get("post_logout_redirect_uri") {
        Some(uri) => Redirect::to(uri).into_response(),
        None => "signed out".into_response(),
    }
}
