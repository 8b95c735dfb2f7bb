//! Webhook deliveries of the simulator, captured by a local receiver: shape, key order and
//! signature as in live 097/113/115, the HTTP Basic cache (116–119), retries (122), batching,
//! and when hooks start and stop delivering (ReloadSettings, live 096/110; destroy, 123).

mod webhook_support;

use serde_json::{Value, json};
use testkit::stalwart::ids::{app_password_secret, decode_id};
use webhook_support::*;

#[tokio::test]
async fn an_app_password_login_is_delivered_signed_and_shaped_like_live_113() {
    let (simulator, secret) = world().await;
    let receiver = receiver().await;
    register(&simulator, &receiver.url, 1000).await;
    assert!(reload(&simulator).await["created"]["r"]["id"].is_string());
    let before = time::OffsetDateTime::now_utc().unix_timestamp();

    assert_eq!(login(&simulator, &format!("{CAROL}:{secret}")).await, 200);

    let event = receiver.wait_for_events(1).await.remove(0);
    let (headers, body) = receiver.posts().remove(0);
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["x-signature"], signature(&body).as_str());
    // Compact, in the delivered key order.
    let parsed: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(parsed.to_string(), body);
    assert_eq!(keys(&event), ["id", "createdAt", "type", "data"]);
    assert_eq!(event["type"], "auth.success");
    let data = &event["data"];
    assert_eq!(
        keys(data),
        [
            "accountName",
            "accountId",
            "id",
            "spanId",
            "details",
            "listenerId",
            "localPort",
            "remoteIp",
            "remotePort"
        ]
    );
    assert_eq!(
        data["accountName"], "carol",
        "the local name, not the address"
    );
    assert_eq!(data["accountId"], 1);
    let credential = testkit::stalwart::ids::parse_app_password(&secret)
        .unwrap()
        .0;
    assert_eq!(data["id"], credential);
    assert_eq!(data["details"], "Authenticated with app password");
    assert_eq!(data["listenerId"], "http");
    assert_eq!(data["localPort"].as_u64(), Some(port(&simulator)));
    assert_eq!(data["remoteIp"], "127.0.0.1");
    assert!(data["remotePort"].as_u64().unwrap() > 0);
    // A snowflake of the login time (ms since 2021-09-22T03:06:40Z << 21).
    let span_ms = (data["spanId"].as_u64().unwrap() >> 21) + 1_632_280_000_000;
    assert!((span_ms / 1000).abs_diff(before as u64) <= 5, "{data}");
    // createdAt to the second; the id is that second, a counter and the type id (37).
    let created_at = event["createdAt"].as_str().unwrap();
    let created =
        time::OffsetDateTime::parse(created_at, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .unix_timestamp();
    assert!(
        created_at.ends_with('Z') && !created_at.contains('.'),
        "{created_at}"
    );
    assert!((created - before).abs() <= 5);
    let id = event["id"].as_str().unwrap();
    assert!(
        id.starts_with(&created.to_string()) && id.ends_with("37"),
        "{id}"
    );
    assert!(id.bytes().all(|b| b.is_ascii_digit()));

    let attempts: Value = reqwest::get(format!("{}/_sim/webhook-deliveries", simulator.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(attempts[0]["status"], 200);
    assert_eq!(attempts[0]["url"], receiver.url.as_str());
    assert_eq!(attempts[0]["body"], body.as_str());
    assert_eq!(attempts[0]["signature"], signature(&body).as_str());
}

#[tokio::test]
async fn basic_logins_are_cached_so_three_calls_log_one_event_like_live_119() {
    let (simulator, secret) = world().await;
    let receiver = receiver().await;
    register(&simulator, &receiver.url, 100).await;
    reload(&simulator).await;

    for _ in 0..3 {
        assert_eq!(login(&simulator, &format!("{CAROL}:{secret}")).await, 200);
    }
    receiver.wait_for_events(1).await;
    settle(100).await;
    assert_eq!(receiver.events().len(), 1, "{:?}", receiver.events());

    // A password login is another header: logged, with the address as typed (live 097).
    assert_eq!(
        login(&simulator, &format!("{CAROL}:{CAROL_PASSWORD}")).await,
        200
    );
    let data = receiver.wait_for_events(2).await[1]["data"].clone();
    assert_eq!(
        keys(&data),
        [
            "accountName",
            "accountId",
            "spanId",
            "listenerId",
            "localPort",
            "remoteIp",
            "remotePort"
        ]
    );
    assert_eq!(data["accountName"], CAROL);

    // A change of the account invalidates the cached login.
    let update = json!({"update": {"b": {"description": "Carol C."}}});
    jmap(&simulator, json!([["x:Account/set", update, "c0"]])).await;
    assert_eq!(login(&simulator, &format!("{CAROL}:{secret}")).await, 200);
    receiver.wait_for_events(3).await;
}

#[tokio::test]
async fn failed_logins_log_auth_failed_like_live_115() {
    let (simulator, secret) = world().await;
    let receiver = receiver().await;
    register(&simulator, &receiver.url, 100).await;
    reload(&simulator).await;
    let (credential, _) = testkit::stalwart::ids::parse_app_password(&secret).unwrap();

    let wrong = app_password_secret(credential, &[0; 18]);
    assert_eq!(login(&simulator, &format!("{CAROL}:{wrong}")).await, 401);
    let event = receiver.wait_for_events(1).await.remove(0);
    assert_eq!(event["type"], "auth.failed");
    assert!(event["id"].as_str().unwrap().ends_with("35"));
    let data = &event["data"];
    assert_eq!(
        keys(data),
        [
            "accountName",
            "accountId",
            "id",
            "spanId",
            "reason",
            "remoteIp",
            "listenerId",
            "localPort",
            "remotePort"
        ]
    );
    assert_eq!(data["accountName"], "carol");
    assert_eq!(data["id"], credential);
    assert_eq!(data["reason"], "Invalid credential secret");

    assert_eq!(
        login(&simulator, &format!("{CAROL}:not-her-password")).await,
        401
    );
    let data = receiver.wait_for_events(2).await[1]["data"].clone();
    assert_eq!(
        keys(&data),
        [
            "accountName",
            "accountId",
            "spanId",
            "reason",
            "remoteIp",
            "listenerId",
            "localPort",
            "remotePort"
        ]
    );
    assert_eq!(data["reason"], "Authentication failed");

    // The recovery admin logs nothing.
    assert_eq!(login(&simulator, "admin:wrong").await, 401);
    assert_eq!(login(&simulator, ADMIN).await, 200);
    settle(100).await;
    assert_eq!(receiver.events().len(), 2);
}

#[tokio::test]
async fn a_failed_delivery_is_sent_again_with_a_new_id_like_live_122() {
    let (simulator, secret) = world().await;
    let receiver = receiver().await;
    receiver.answers.lock().unwrap().extend([500, 500]);
    register(&simulator, &receiver.url, 200).await;
    reload(&simulator).await;

    assert_eq!(login(&simulator, &format!("{CAROL}:{secret}")).await, 200);

    let events = receiver.wait_for_events(3).await;
    let ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(
        ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
        "{ids:?}"
    );
    for e in &events[1..] {
        assert_eq!(e["createdAt"], events[0]["createdAt"]);
        assert_eq!(e["type"], events[0]["type"]);
        assert_eq!(e["data"], events[0]["data"]);
    }
    let attempts: Vec<Value> = simulator.store().webhook_deliveries();
    let statuses: Vec<&Value> = attempts.iter().map(|a| &a["status"]).collect();
    assert_eq!(statuses, [500, 500, 200]);
    // Each signed over its own body.
    for (headers, body) in receiver.posts() {
        assert_eq!(headers["x-signature"], signature(&body).as_str());
    }
    settle(200).await;
    assert_eq!(receiver.posts().len(), 3, "delivered: no more attempts");
}

#[tokio::test]
async fn events_within_the_throttle_window_go_in_one_post() {
    let (simulator, _) = world().await;
    let receiver = receiver().await;
    register(&simulator, &receiver.url, 500).await;
    reload(&simulator).await;

    // Failed logins are never cached: each one is an event.
    login(&simulator, &format!("{CAROL}:wrong-1")).await;
    receiver.wait_for_events(1).await;
    login(&simulator, &format!("{CAROL}:wrong-2")).await;
    login(&simulator, &format!("{CAROL}:wrong-3")).await;
    receiver.wait_for_events(3).await;

    let per_post: Vec<usize> = receiver
        .posts()
        .iter()
        .map(|(_, b)| {
            serde_json::from_str::<Value>(b).unwrap()["events"]
                .as_array()
                .unwrap()
                .len()
        })
        .collect();
    assert_eq!(per_post, [1, 2]);
}

#[tokio::test]
async fn hooks_deliver_from_a_successful_reload_until_a_reload_after_their_destroy() {
    let (simulator, secret) = world().await;
    let receiver = receiver().await;
    let id = register(&simulator, &receiver.url, 100).await;

    login(&simulator, &format!("{CAROL}:wrong-before-reload")).await;
    settle(100).await;
    assert!(
        receiver.posts().is_empty(),
        "not delivering before ReloadSettings"
    );

    let created = reload(&simulator).await;
    let action_id = created["created"]["r"]["id"].as_str().unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
    assert!(
        decode_id(action_id).unwrap().abs_diff(now) <= 5,
        "the creation second: {created}"
    );
    assert_eq!(login(&simulator, &format!("{CAROL}:{secret}")).await, 200);
    receiver.wait_for_events(1).await;

    let destroyed = jmap(
        &simulator,
        json!([["x:WebHook/set", {"destroy": [&id]}, "c0"]]),
    )
    .await;
    assert_eq!(destroyed[0]["destroyed"], json!([id]));
    login(&simulator, &format!("{CAROL}:wrong-after-destroy")).await;
    receiver.wait_for_events(2).await; // still running until the next reload

    assert!(reload(&simulator).await.get("created").is_some());
    login(&simulator, &format!("{CAROL}:wrong-after-reload")).await;
    settle(100).await;
    assert_eq!(receiver.events().len(), 2);
}

#[tokio::test]
async fn a_failing_reload_answers_like_live_110_and_applies_nothing() {
    let (simulator, _) = world().await;
    let receiver = receiver().await;
    let live: Value = serde_json::from_str(include_str!(
        "live/110-x-webhook-set-create--auth-success--auth-failed--auth-credential-expired--throttle-500-ms----reloadsettings.json"
    ))
    .unwrap();
    let want = &live["response"]["body"]["methodResponses"][1][1];
    let http = reqwest::Client::new();
    let control = format!("{}/_sim/reload-failure", simulator.url);
    let failure = json!({"object": "SpamPyzor", "id": "singleton",
        "description": "Invalid address: failed to lookup address information: Name or service not known"});
    let set = http.post(&control).json(&failure).send().await.unwrap();
    assert_eq!(set.status(), 204);
    register(&simulator, &receiver.url, 100).await;

    assert_eq!(reload(&simulator).await.to_string(), want.to_string());
    login(&simulator, &format!("{CAROL}:wrong-1")).await;
    settle(100).await;
    assert!(
        receiver.posts().is_empty(),
        "the failed reload applied nothing"
    );

    assert_eq!(http.delete(&control).send().await.unwrap().status(), 204);
    assert!(reload(&simulator).await.get("created").is_some());
    login(&simulator, &format!("{CAROL}:wrong-2")).await;
    receiver.wait_for_events(1).await;
}

#[tokio::test]
async fn a_reload_keeps_a_running_hooks_url_and_key_until_a_restart() {
    let (simulator, _) = world().await;
    let (old, new) = (receiver().await, receiver().await);
    let id = register(&simulator, &old.url, 100).await;
    reload(&simulator).await;

    let patch = json!({"url": new.url, "signatureKey": {"@type": "Value", "secret": "rotated"}});
    let answer = jmap(
        &simulator,
        json!([["x:WebHook/set", {"update": {&id: patch}}, "c0"]]),
    )
    .await;
    assert_eq!(answer[0]["updated"], json!({&id: null}));
    assert!(reload(&simulator).await.get("created").is_some());
    login(&simulator, &format!("{CAROL}:wrong-1")).await;
    old.wait_for_events(1).await;
    let (headers, body) = old.posts().remove(0);
    assert_eq!(
        headers["x-signature"],
        signature(&body).as_str(),
        "still the old key"
    );

    let restart = reqwest::Client::new().post(format!("{}/_sim/restart", simulator.url));
    assert_eq!(restart.send().await.unwrap().status(), 204);
    login(&simulator, &format!("{CAROL}:wrong-2")).await;
    new.wait_for_events(1).await;
    let (headers, body) = new.posts().remove(0);
    assert_eq!(
        headers["x-signature"],
        signature_with("rotated", &body).as_str()
    );
    assert_eq!(old.events().len(), 1);
}
