//! The Stalwart client against the simulator: typed answers and every failure mapped to a
//! typed error.

use app::ssr::stalwart::{NewAppPassword, SetErrorKind, StalwartClient, StalwartError};
use secrecy::ExposeSecret;
use std::time::Duration;
use testkit::stalwart::{Fault, Simulator, Store};

const KEY: &str = "API_test-key";

async fn setup() -> (Simulator, StalwartClient, String) {
    let mut store = Store::default();
    let domain = store.create_domain("acme.test");
    let alice = store.create_user("alice", &domain, Some("Alice"), None);
    let portal = store.create_user("postern", &domain, None, None);
    store.make_admin(&portal);
    store.add_api_key(&portal, KEY);
    let user = store.create_user("plain", &domain, None, None);
    store.add_api_key(&user, "API_not-an-admin");
    let sim = Simulator::start_with(store).await;
    let client = StalwartClient::new(
        &sim.url.parse().unwrap(),
        KEY.to_owned().into(),
        Duration::from_millis(500),
    )
    .unwrap();
    (sim, client, alice)
}

#[tokio::test]
async fn finds_a_user_by_address_and_only_users() {
    let (sim, client, alice) = setup().await;
    let domain = sim.store().domain_id("acme.test").unwrap();
    sim.store().create_group("sales", &domain, None);

    let found = client
        .find_user("alice", "acme.test")
        .await
        .unwrap()
        .unwrap();

    assert_eq!(found.id, alice);
    assert_eq!(found.email_address.as_deref(), Some("alice@acme.test"));
    assert!(
        client
            .find_user("nobody", "acme.test")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        client
            .find_user("sales", "acme.test")
            .await
            .unwrap()
            .is_none(),
        "a group is not a user"
    );
    assert!(
        client
            .find_user("alice", "unknown.test")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn creates_lists_and_revokes_app_passwords() {
    let (_sim, client, alice) = setup().await;
    let new = NewAppPassword {
        description: "iPhone Mail".into(),
        expires_at: Some("2030-01-01T00:00:00Z".into()),
        allowed_ips: vec!["192.0.2.0/24".into(), "2001:db8::/32".into()],
        permissions: Some(vec!["authenticate", "imapAuthenticate"]),
    };

    let created = client.create_app_password(&alice, &new).await.unwrap();

    assert!(created.secret.expose_secret().starts_with("app_"));
    assert_eq!(created.secret.expose_secret().len(), 40);
    assert!(
        !format!("{created:?}").contains("app_"),
        "Debug must not show the secret"
    );
    let list = client.app_passwords(&alice).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].description, "iPhone Mail");
    assert_eq!(list[0].expires_at.as_deref(), Some("2030-01-01T00:00:00Z"));
    assert!(list[0].allowed_ips.contains_key("2001:db8::/32"));
    assert!(list[0].is_restricted());
    client
        .destroy_app_passwords(&alice, std::slice::from_ref(&created.id))
        .await
        .unwrap();
    assert!(client.app_passwords(&alice).await.unwrap().is_empty());
    // Revoking what is already gone is not an error: retries after a timeout are safe.
    client
        .destroy_app_passwords(&alice, &[created.id])
        .await
        .unwrap();
}

#[tokio::test]
async fn the_app_password_limit_is_a_typed_set_error() {
    let (_sim, client, alice) = setup().await;
    for i in 0..5 {
        client
            .create_app_password(
                &alice,
                &NewAppPassword {
                    description: format!("p{i}"),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }

    let err = client
        .create_app_password(
            &alice,
            &NewAppPassword {
                description: "sixth".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();

    let set = err.set_error().expect("a SetError");
    assert_eq!(set.kind, SetErrorKind::OverQuota);
    assert!(set.description.as_deref().unwrap().contains("quota of 5"));
}

#[tokio::test]
async fn http_failures_map_to_typed_errors() {
    let (sim, client, _) = setup().await;
    for (status, check) in [
        (
            401u16,
            (|e: &StalwartError| matches!(e, StalwartError::Unauthorized))
                as fn(&StalwartError) -> bool,
        ),
        (403, |e| matches!(e, StalwartError::Forbidden(_))),
        (429, |e| matches!(e, StalwartError::RateLimited { .. })),
        (500, |e| matches!(e, StalwartError::Server { status: 500 })),
        (503, |e| matches!(e, StalwartError::Server { status: 503 })),
    ] {
        sim.store().faults.push_back(Fault::Status(status));
        let err = client.find_user("alice", "acme.test").await.unwrap_err();
        assert!(check(&err), "HTTP {status} gave {err:?}");
    }
}

#[tokio::test]
async fn a_wrong_api_key_is_unauthorized() {
    let (sim, _, _) = setup().await;
    let client = StalwartClient::new(
        &sim.url.parse().unwrap(),
        "API_wrong".to_owned().into(),
        Duration::from_secs(1),
    )
    .unwrap();

    let err = client.domain_id("acme.test").await.unwrap_err();

    assert!(matches!(err, StalwartError::Unauthorized), "{err:?}");
}

#[tokio::test]
async fn a_key_without_admin_rights_gets_the_method_level_forbidden() {
    let (sim, _, _) = setup().await;
    let client = StalwartClient::new(
        &sim.url.parse().unwrap(),
        "API_not-an-admin".to_owned().into(),
        Duration::from_secs(1),
    )
    .unwrap();

    let err = client.domain_id("acme.test").await.unwrap_err();

    match err {
        StalwartError::Forbidden(message) => {
            assert_eq!(message, "You are not authorized to perform this action")
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_slow_server_times_out_and_a_closed_port_is_unreachable() {
    let (sim, client, _) = setup().await;
    sim.store()
        .faults
        .push_back(Fault::DelayBefore(Duration::from_secs(2)));

    let slow = client.domain_id("acme.test").await.unwrap_err();

    assert!(matches!(slow, StalwartError::Timeout(_)), "{slow:?}");
    assert!(!slow.had_no_effect());
    let closed = StalwartClient::new(
        &"http://127.0.0.1:9".parse().unwrap(),
        KEY.to_owned().into(),
        Duration::from_secs(1),
    )
    .unwrap();
    let err = closed.domain_id("acme.test").await.unwrap_err();
    assert!(matches!(err, StalwartError::Unreachable(_)), "{err:?}");
}
