//! Answers from outside are read up to a size: an IdP or a mail server that sends an endless
//! body costs the portal a bounded amount of memory and the request fails in words.

use crate::common::{ALICE, TestApp, location, seed, text};
use app::ssr::stalwart::{StalwartClient, StalwartError};
use axum::body::{Body, Bytes};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::TcpListener;

/// What an endless body saw of its reader: whether it hung up, and how much it was sent.
#[derive(Default)]
struct Tally {
    hung_up: AtomicBool,
    sent: AtomicUsize,
}

impl Tally {
    /// The reader stopped, having taken a bounded amount: the cap plus what the sockets buffer,
    /// far below what reading until a timeout takes at loopback speed.
    fn bounded(&self) -> bool {
        self.hung_up.load(Ordering::SeqCst) && self.sent.load(Ordering::SeqCst) < 64 << 20
    }
}

/// A body that never ends (and says nothing of its length), counting what it sends and noting
/// when the reader gives up.
fn endless(dropped: Arc<Tally>) -> Response {
    struct Hangup(Arc<Tally>);
    impl Drop for Hangup {
        fn drop(&mut self) {
            self.0.hung_up.store(true, Ordering::SeqCst);
        }
    }
    let hangup = Hangup(dropped);
    let chunk = Bytes::from(vec![b' '; 64 * 1024]);
    let stream = futures::stream::repeat_with(move || {
        hangup.0.sent.fetch_add(chunk.len(), Ordering::SeqCst);
        Ok::<_, std::convert::Infallible>(chunk.clone())
    });
    (
        [("content-type", "application/json")],
        Body::from_stream(stream),
    )
        .into_response()
}

#[derive(Clone, Copy, PartialEq)]
enum Endless {
    Discovery,
    Keys,
    Token,
}

/// An IdP whose `which` endpoint answers forever.
async fn idp(which: Endless, dropped: Arc<Tally>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let document = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    });
    let answer = move |endpoint: Endless, normal: serde_json::Value| {
        let dropped = dropped.clone();
        move || {
            let (dropped, normal) = (dropped.clone(), normal.clone());
            async move {
                if which == endpoint {
                    endless(dropped)
                } else {
                    axum::Json(normal).into_response()
                }
            }
        }
    };
    let app = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(answer(Endless::Discovery, document)),
        )
        .route("/jwks", get(answer(Endless::Keys, json!({ "keys": [] }))))
        .route(
            "/token",
            post(answer(Endless::Token, json!({ "error": "invalid_grant" }))),
        );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    issuer
}

/// Acme's IdP answers forever at one endpoint; Alice tries to sign in.
async fn sign_in_against(which: Endless) -> (String, bool) {
    let dropped = Arc::new(Tally::default());
    let issuer = idp(which, dropped.clone()).await;
    let app = TestApp::spawn_with(seed(), |c| {
        let start = c.find("[organisations.acme.oidc]").unwrap();
        let line = c[start..].find("issuer = ").unwrap() + start;
        let end = c[line..].find('\n').unwrap() + line;
        c.replace_range(line..end, &format!("issuer = \"{issuer}\""));
    })
    .await;
    let browser = app.browser();
    let start = browser.start_sign_in(ALICE).await;
    if which == Endless::Token {
        // The IdP would send the browser back with a code; the portal redeems it.
        let authorize = url::Url::parse(&location(&start)).unwrap();
        let state = authorize
            .query_pairs()
            .find(|(k, _)| k == "state")
            .map(|(_, v)| v.into_owned())
            .unwrap();
        let callback = browser
            .get(&format!("/auth/callback?code=abc&state={state}"))
            .await;
        assert_eq!(location(&callback), "/");
    }
    let page = text(&browser.start_page().await);
    tokio::time::sleep(Duration::from_millis(100)).await;
    (page, dropped.bounded())
}

#[tokio::test]
async fn an_endless_discovery_document_fails_the_sign_in_in_words() {
    let (page, hung_up) = sign_in_against(Endless::Discovery).await;
    assert!(
        page.contains("could not reach the sign-in service"),
        "{page}"
    );
    assert!(hung_up, "the portal stopped reading, early");
}

#[tokio::test]
async fn an_endless_key_set_fails_the_sign_in_in_words() {
    let (page, hung_up) = sign_in_against(Endless::Keys).await;
    assert!(
        page.contains("could not reach the sign-in service"),
        "{page}"
    );
    assert!(hung_up, "the portal stopped reading, early");
}

#[tokio::test]
async fn an_endless_token_answer_fails_the_sign_in_in_words() {
    let (page, hung_up) = sign_in_against(Endless::Token).await;
    assert!(page.contains("could not verify the answer"), "{page}");
    assert!(hung_up, "the portal stopped reading, early");
}

/// A "mail server" whose JMAP endpoint, or session object, answers forever.
async fn endless_stalwart(session_too: bool, dropped: Arc<Tally>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let jmap = {
        let dropped = dropped.clone();
        move || {
            let dropped = dropped.clone();
            async move { endless(dropped) }
        }
    };
    let session = move || {
        let dropped = dropped.clone();
        async move {
            if session_too {
                endless(dropped)
            } else {
                axum::Json(json!({ "capabilities": {},
                    "primaryAccounts": { "urn:stalwart:jmap": "b" } }))
                .into_response()
            }
        }
    };
    let app = axum::Router::new()
        .route("/jmap", post(jmap))
        .route("/jmap/session", get(session));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

#[tokio::test]
async fn an_endless_answer_from_the_mail_server_is_an_error_not_a_heap() {
    for session_too in [false, true] {
        let dropped = Arc::new(Tally::default());
        let url = endless_stalwart(session_too, dropped.clone()).await;
        let client = StalwartClient::new(
            &url.parse().unwrap(),
            "API_x".to_owned().into(),
            Duration::from_secs(20),
        )
        .unwrap();

        let found = if session_too {
            client.own_account_id().await.map(|_| None)
        } else {
            client.domain_id("acme.test").await
        };

        match found {
            Err(StalwartError::Protocol(why)) => assert!(why.contains("larger than"), "{why}"),
            other => panic!("session {session_too}: {other:?}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(dropped.bounded(), "the portal stopped reading, early");
    }
}
