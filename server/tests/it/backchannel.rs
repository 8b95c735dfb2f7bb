//! OpenID Connect back-channel logout: a logout token signed by the organisation's IdP ends
//! the person's sessions; anything less is refused (400) and ends nothing.

use crate::common;

use common::{ALICE, BERT, TestApp, signed_in, still_signed_in};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn post(app: &TestApp, organisation: &str, token: &str) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(format!(
            "{}/auth/backchannel-logout/{organisation}",
            app.url
        ))
        .form(&[("logout_token", token)])
        .send()
        .await
        .unwrap();
    let status = response.status();
    assert_eq!(response.headers()["cache-control"], "no-store");
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_logout_token_from_the_idp_ends_the_persons_sessions_and_only_theirs() {
    let app = TestApp::spawn().await;
    let phone = signed_in(&app, ALICE).await;
    let laptop = signed_in(&app, ALICE).await;
    let bert = signed_in(&app, BERT).await;
    let token = app
        .issuer_a
        .sign_logout_token(&app.issuer_a.logout_claims(ALICE));

    let (status, _) = post(&app, "acme", &token).await;

    assert_eq!(status, StatusCode::OK);
    assert!(!still_signed_in(&phone).await && !still_signed_in(&laptop).await);
    assert!(
        still_signed_in(&bert).await,
        "another person's session stays"
    );
    let logged: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_events WHERE action = 'person.idp_logout'")
            .fetch_one(&app.db().await.pool)
            .await
            .unwrap();
    assert_eq!(logged, 1);
    // Signing in again works: a logout is not a deactivation.
    signed_in(&app, ALICE).await;
}

#[tokio::test]
async fn a_logout_token_naming_an_idp_session_ends_only_the_sign_in_it_made() {
    let app = TestApp::spawn().await;
    let phone = signed_in(&app, ALICE).await;
    let laptop = signed_in(&app, ALICE).await;
    let sessions = app.issuer_a.sessions_of(ALICE);
    assert_eq!(sessions.len(), 2);
    let mut claims = app.issuer_a.logout_claims(ALICE);
    claims["sid"] = json!(sessions[0]);

    let (status, _) = post(&app, "acme", &app.issuer_a.sign_logout_token(&claims)).await;

    assert_eq!(status, StatusCode::OK);
    assert!(!still_signed_in(&phone).await, "the IdP session that ended");
    assert!(
        still_signed_in(&laptop).await,
        "another IdP session of the same person"
    );
}

#[tokio::test]
async fn replayed_misaddressed_nonced_unsigned_or_foreign_logout_tokens_end_nothing() {
    let app = TestApp::spawn().await;
    let alice = signed_in(&app, ALICE).await;
    let issuer = &app.issuer_a;

    let good = issuer.sign_logout_token(&issuer.logout_claims(ALICE));
    assert_eq!(post(&app, "acme", &good).await.0, StatusCode::OK);
    let alice_again = signed_in(&app, ALICE).await;
    let (status, error) = post(&app, "acme", &good).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a replayed jti");
    assert!(
        error["error_description"]
            .as_str()
            .unwrap()
            .contains("used before"),
        "{error}"
    );
    assert!(still_signed_in(&alice_again).await);
    drop(alice);

    let mut cases: Vec<(&str, String)> = Vec::new();
    let mut claims = issuer.logout_claims(ALICE);
    claims["aud"] = json!("someone-else");
    cases.push(("a wrong audience", issuer.sign_logout_token(&claims)));
    let mut claims = issuer.logout_claims(ALICE);
    claims["nonce"] = json!("n-0S6_WzA2Mj");
    cases.push(("a nonce", issuer.sign_logout_token(&claims)));
    let token = issuer.sign_logout_token(&issuer.logout_claims(ALICE));
    let (input, signature) = token.rsplit_once('.').unwrap();
    let mut flipped = signature.as_bytes().to_vec();
    flipped[5] = if flipped[5] == b'A' { b'B' } else { b'A' };
    cases.push((
        "a bad signature",
        format!("{input}.{}", String::from_utf8(flipped).unwrap()),
    ));
    let mut claims = issuer.logout_claims(ALICE);
    claims.as_object_mut().unwrap().remove("events");
    cases.push(("no logout event", issuer.sign_logout_token(&claims)));
    let mut claims = issuer.logout_claims(ALICE);
    claims.as_object_mut().unwrap().remove("jti");
    cases.push(("no jti", issuer.sign_logout_token(&claims)));
    let mut claims = issuer.logout_claims(ALICE);
    claims["exp"] = json!(claims["iat"].as_i64().unwrap() - 3600);
    cases.push(("expired", issuer.sign_logout_token(&claims)));
    // Beta's IdP vouching for Acme's person, sent to Acme's endpoint.
    let mut claims = app.issuer_b.logout_claims(ALICE);
    claims["sub"] = issuer.logout_claims(ALICE)["sub"].clone();
    cases.push((
        "another organisation's IdP",
        app.issuer_b.sign_logout_token(&claims),
    ));
    cases.push(("not a JWT", "not-a-token".into()));

    for (what, token) in &cases {
        let (status, error) = post(&app, "acme", token).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {error}");
        assert_eq!(error["error"], "invalid_request", "{what}");
        assert!(
            still_signed_in(&alice_again).await,
            "{what} ended a session"
        );
    }
    // Acme's token sent to Beta's endpoint is checked against Beta's IdP.
    let token = issuer.sign_logout_token(&issuer.logout_claims(ALICE));
    assert_eq!(post(&app, "beta", &token).await.0, StatusCode::BAD_REQUEST);
    assert!(still_signed_in(&alice_again).await);
}
