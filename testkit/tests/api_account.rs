//! `GET /api/account` on the simulator: who holds which permissions, and the refusals it shares
//! with `/jmap`. The exact documents of live 003, 059 and 087 are compared in `replay.rs`.

use serde_json::Value;
use testkit::stalwart::{Fault, Simulator, Store};

const ADMIN_KEY: &str = "API_admin-key-for-tests";
const USER_KEY: &str = "API_user-key-for-tests";

/// A domain with a System Administrator (`admin@acme.test`) and a plain user
/// (`alice@acme.test`, password `Alice-Pass-1`), each with an API key.
async fn simulator() -> Simulator {
    let mut store = Store::default();
    let domain = store.create_domain("acme.test");
    let admin = store.create_user("admin", &domain, Some("Admin"), None);
    store.make_admin(&admin);
    store.add_api_key(&admin, ADMIN_KEY);
    let alice = store.create_user("alice", &domain, Some("Alice"), Some("Alice-Pass-1"));
    store.add_api_key(&alice, USER_KEY);
    Simulator::start_with(store).await
}

async fn get(simulator: &Simulator, authorization: Option<&str>) -> reqwest::Response {
    let mut request = reqwest::Client::new().get(format!("{}/api/account", simulator.url));
    if let Some(authorization) = authorization {
        request = request.header("Authorization", authorization);
    }
    request.send().await.unwrap()
}

async fn permissions_of(simulator: &Simulator, authorization: &str) -> Vec<String> {
    let response = get(simulator, Some(authorization)).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    serde_json::from_value(body["permissions"].clone()).unwrap()
}

fn live_permissions(file: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/live")
        .join(file);
    let transcript: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::from_value(transcript["response"]["body"]["permissions"].clone()).unwrap()
}

#[tokio::test]
async fn an_admin_api_key_may_create_domains_impersonate_and_create_app_passwords() {
    let simulator = simulator().await;

    let permissions = permissions_of(&simulator, &format!("Bearer {ADMIN_KEY}")).await;

    for wanted in ["sysDomainCreate", "impersonate", "sysAppPasswordCreate"] {
        assert!(permissions.iter().any(|p| p == wanted), "{wanted} missing");
    }
}

#[tokio::test]
async fn the_admin_role_is_the_recovery_admins_list_then_the_missing_user_permissions() {
    let simulator = simulator().await;
    let recovery = live_permissions("003-get--api-account-as-recovery-admin.json");
    let user = live_permissions(
        "059-get--api-account-as-alice--normal-user----effective-permissions-list.json",
    );

    let permissions = permissions_of(&simulator, &format!("Bearer {ADMIN_KEY}")).await;

    assert_eq!(permissions[..recovery.len()], recovery[..]);
    let added: Vec<&String> = user.iter().filter(|p| !recovery.contains(p)).collect();
    assert!(
        !added.is_empty(),
        "the user role adds nothing: test data changed"
    );
    assert_eq!(
        permissions[recovery.len()..].iter().collect::<Vec<_>>(),
        added
    );
}

#[tokio::test]
async fn a_plain_user_api_key_may_not_create_domains() {
    let simulator = simulator().await;

    let permissions = permissions_of(&simulator, &format!("Bearer {USER_KEY}")).await;

    assert!(!permissions.iter().any(|p| p == "sysDomainCreate"));
    assert!(permissions.iter().any(|p| p == "sysAppPasswordCreate"));
}

#[tokio::test]
async fn a_plain_user_signing_in_with_a_password_gets_the_live_user_document() {
    let simulator = simulator().await;
    let basic = format!(
        "Basic {}",
        base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            "alice@acme.test:Alice-Pass-1"
        )
    );

    let response = get(&simulator, Some(&basic)).await;

    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["edition"], "oss");
    assert_eq!(body["locale"], "en_US");
    let permissions: Vec<String> = serde_json::from_value(body["permissions"].clone()).unwrap();
    assert_eq!(
        permissions,
        live_permissions(
            "059-get--api-account-as-alice--normal-user----effective-permissions-list.json"
        )
    );
}

#[tokio::test]
async fn a_request_without_or_with_wrong_credentials_is_refused_like_jmap() {
    let simulator = simulator().await;
    let jmap = reqwest::Client::new()
        .post(format!("{}/jmap", simulator.url))
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    let jmap_challenges: Vec<_> = jmap
        .headers()
        .get_all("www-authenticate")
        .iter()
        .cloned()
        .collect();
    let jmap_body = jmap.text().await.unwrap();

    for authorization in [
        None,
        Some("Bearer API_not-a-key"),
        Some("Basic YWRtaW46d3Jvbmc="),
    ] {
        let response = get(&simulator, authorization).await;

        assert_eq!(response.status(), 401, "{authorization:?}");
        let challenges: Vec<_> = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .cloned()
            .collect();
        assert_eq!(challenges, jmap_challenges);
        assert_eq!(response.text().await.unwrap(), jmap_body);
    }
}

#[tokio::test]
async fn an_injected_status_fault_answers_the_next_request_only() {
    let simulator = simulator().await;
    simulator.store().faults.push_back(Fault::Status(503));
    let bearer = format!("Bearer {ADMIN_KEY}");

    let first = get(&simulator, Some(&bearer)).await;
    let second = get(&simulator, Some(&bearer)).await;

    assert_eq!(first.status(), 503);
    assert_eq!(second.status(), 200);
    assert!(
        simulator.store().requests.is_empty(),
        "only /jmap bodies are recorded"
    );
}
