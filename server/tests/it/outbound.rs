//! URLs that partners type, and URLs that discovery documents name, cannot reach inside the
//! network the portal runs in (`app::ssr::outbound`): refused before anything is sent,
//! unless the operator allows the network.

use app::ssr::oidc::{OidcError, OidcProviders};
use app::ssr::outbound::Outbound;
use app::ssr::stalwart::probe::Probe;
use app::ssr::stalwart::{Reach, StalwartClient, StalwartError};
use axum::Json;
use axum::routing::get;
use serde_json::json;
use std::time::Duration;
use tokio::net::TcpListener;

/// The portal's policy in production: no loopback, nothing allowed.
fn production() -> Outbound {
    Outbound::new(Vec::new(), false)
}

fn reach(policy: &Outbound) -> Reach {
    let mut reach = Reach::trusted(Duration::from_secs(2));
    reach.guard = Some(policy.clone());
    reach
}

/// Whether anything connected to the listener.
async fn touched(listener: &TcpListener) -> bool {
    tokio::time::timeout(Duration::from_millis(300), listener.accept())
        .await
        .is_ok()
}

#[tokio::test]
async fn each_inside_address_form_is_refused_before_any_packet_is_sent() {
    let v4 = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let p = v4.local_addr().unwrap().port();
    let v6 = TcpListener::bind("[::1]:0").await.ok();
    let mut urls = vec![
        format!("https://127.0.0.1:{p}/"),
        format!("https://2130706433:{p}/"),
        format!("https://0x7f.1:{p}/"),
        format!("https://[::ffff:127.0.0.1]:{p}/"),
        format!("https://[::ffff:7f00:1]:{p}/"),
        format!("https://0.0.0.0:{p}/"),
        // A name: refused by the resolver the client connects through.
        format!("https://localhost:{p}/"),
    ];
    if let Some(v6) = &v6 {
        let p6 = v6.local_addr().unwrap().port();
        urls.push(format!("https://[::1]:{p6}/"));
        urls.push(format!("https://[::]:{p6}/"));
    }
    let policy = production();
    let oidc = OidcProviders::new(policy.clone(), 256 * 1024);

    for url in &urls {
        // The Stalwart client of a partner's server.
        let parsed: url::Url = url.parse().unwrap();
        match StalwartClient::reaching(&parsed, "API_x".to_owned().into(), &reach(&policy)) {
            Err(StalwartError::NotAllowed) => {}
            Ok(client) => assert_eq!(client.probe().await, Probe::NotAllowed, "{url}"),
            Err(other) => panic!("{url}: {other}"),
        }
        // A partner's IdP.
        let found = oidc.discover_issuer(url).await;
        assert!(
            matches!(found, Err(OidcError::NotAllowed(_))),
            "{url}: {found:?}"
        );
    }

    assert!(!touched(&v4).await, "nothing reached 127.0.0.1");
    if let Some(v6) = &v6 {
        assert!(!touched(v6).await, "nothing reached ::1");
    }
}

/// Serves a discovery document at `addr` naming these key and token URLs.
async fn idp_at(addr: &str, jwks_uri: String, token_endpoint: String) -> String {
    let listener = TcpListener::bind(addr).await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let document = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": token_endpoint,
        "jwks_uri": jwks_uri,
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
    });
    let app = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            get(move || {
                let document = document.clone();
                async move { Json(document) }
            }),
        )
        .route("/jwks", get(|| async { Json(json!({ "keys": [] })) }));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    issuer
}

#[tokio::test]
async fn a_discovery_document_naming_a_loopback_key_set_or_token_endpoint_is_refused() {
    let inside = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let inside_url = format!("http://127.0.0.1:{}", inside.local_addr().unwrap().port());
    // The IdP itself is on a network the operator allows; what it names is not.
    let policy = Outbound::new(vec!["127.0.0.2/32".parse().unwrap()], false);
    let oidc = OidcProviders::new(policy, 256 * 1024);

    let names_inside_keys = idp_at(
        "127.0.0.2:0",
        format!("{inside_url}/jwks"),
        "http://127.0.0.2:9/token".into(),
    )
    .await;
    let names_inside_token = idp_at(
        "127.0.0.2:0",
        "http://127.0.0.2:9/jwks".into(),
        format!("{inside_url}/token"),
    )
    .await;
    let names_metadata_service = idp_at(
        "127.0.0.2:0",
        "https://169.254.169.254/latest/meta-data/".into(),
        "http://127.0.0.2:9/token".into(),
    )
    .await;

    for issuer in [
        names_inside_keys,
        names_inside_token,
        names_metadata_service,
    ] {
        let found = oidc.discover_issuer(&issuer).await;
        assert!(
            matches!(found, Err(OidcError::NotAllowed(_))),
            "{issuer}: {found:?}"
        );
    }
    assert!(!touched(&inside).await, "nothing reached 127.0.0.1");
}

#[tokio::test]
async fn an_allowed_network_is_reached() {
    let policy = Outbound::new(vec!["127.0.0.2/32".parse().unwrap()], false);
    let oidc = OidcProviders::new(policy.clone(), 256 * 1024);
    let listener = TcpListener::bind("127.0.0.2:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let own = format!("http://127.0.0.2:{port}");
    drop(listener);
    let issuer = idp_at(
        &format!("127.0.0.2:{port}"),
        format!("{own}/jwks"),
        format!("{own}/token"),
    )
    .await;

    let found = oidc.discover_issuer(&issuer).await.expect("allowed");
    assert_eq!(found.issuer, issuer);

    // A partner's mail server on the allowed network.
    let mut store = testkit::stalwart::Store::default();
    let domain = store.create_domain("acme.test");
    let portal = store.create_user("postern", &domain, None, None);
    store.make_admin(&portal);
    store.add_api_key(&portal, "API_allowed");
    let sim =
        testkit::stalwart::Simulator::serve(TcpListener::bind("127.0.0.2:0").await.unwrap(), store);
    let url: url::Url = sim.url.parse().unwrap();
    let allowed =
        StalwartClient::reaching(&url, "API_allowed".to_owned().into(), &reach(&policy)).unwrap();
    assert_eq!(allowed.probe().await, Probe::Ready);
    let refused =
        StalwartClient::reaching(&url, "API_allowed".to_owned().into(), &reach(&production()));
    assert!(matches!(refused, Err(StalwartError::NotAllowed)));
}
