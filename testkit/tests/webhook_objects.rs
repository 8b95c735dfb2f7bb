//! `x:WebHook` objects and `x:Action` as the product uses them (API.md §11): the exact requests
//! it sends succeed, and what Stalwart refuses is refused. The live answers of 096, 098, 110 and
//! 123 are compared in `replay.rs`; deliveries are in `webhooks.rs`.

use serde_json::{Value, json};
use testkit::stalwart::{Caller, Store};

fn call(store: &mut Store, caller: Caller, method: &str, args: Value) -> (String, Value) {
    store.call(caller, method, args.as_object().unwrap().clone())
}

fn admin(store: &mut Store, method: &str, args: Value) -> Value {
    let (name, answer) = call(store, Caller::recovery_admin(), method, args);
    assert_eq!(name, method, "{answer}");
    answer
}

/// The product's registration, as it sends it.
fn products_hook() -> Value {
    json!({"url": "https://postern.example/hooks/stalwart/main", "eventsPolicy": "include",
        "events": {"auth.success": true, "auth.failed": true, "auth.credential-expired": true,
                   "auth.too-many-attempts": true, "security.authentication-ban": true,
                   "security.ip-blocked": true},
        "signatureKey": {"@type": "Value", "secret": "random-secret"},
        "httpAuth": {"@type": "Unauthenticated"}, "throttle": 1000})
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn the_products_create_reload_update_and_destroy_succeed() {
    let mut store = Store::default();
    let created = admin(
        &mut store,
        "x:WebHook/set",
        json!({"create": {"postern": products_hook()}}),
    );
    let id = created["created"]["postern"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        id.len(),
        12,
        "a snowflake like live 096's jpxh17lmafqa: {id}"
    );
    let reload = json!({"create": {"r": {"@type": "ReloadSettings"}}});
    let reloaded = admin(&mut store, "x:Action/set", reload.clone());
    assert_eq!(keys(&reloaded["created"]["r"]), ["id"]);

    let got = admin(&mut store, "x:WebHook/get", json!({"ids": [&id]}));
    let hook = &got["list"][0];
    assert_eq!(
        keys(hook),
        [
            "allowInvalidCerts",
            "signatureKey",
            "throttle",
            "timeout",
            "discardAfter",
            "url",
            "httpAuth",
            "httpHeaders",
            "enable",
            "level",
            "lossy",
            "events",
            "eventsPolicy",
            "id"
        ]
    );
    assert_eq!(
        hook["signatureKey"].to_string(),
        r#"{"secret":"****","@type":"Value"}"#
    );
    assert_eq!(
        (&hook["timeout"], &hook["discardAfter"]),
        (&json!(30000), &json!(300000))
    );
    assert_eq!(
        (&hook["level"], &hook["enable"]),
        (&json!("info"), &json!(true))
    );

    let patch = json!({"url": "https://postern.example/hooks/stalwart/other",
        "signatureKey": {"@type": "Value", "secret": "rotated"},
        "events": {"auth.success": true, "auth.failed": true}});
    let updated = admin(&mut store, "x:WebHook/set", json!({"update": {&id: patch}}));
    assert_eq!(updated["updated"], json!({&id: null}), "{updated}");
    let got = admin(&mut store, "x:WebHook/get", json!({"ids": null}));
    assert_eq!(
        got["list"][0]["url"],
        "https://postern.example/hooks/stalwart/other"
    );
    assert_eq!(
        got["list"][0]["events"],
        json!({"auth.success": true, "auth.failed": true})
    );
    assert_eq!(got["list"][0]["signatureKey"]["secret"], "****");

    let query = admin(&mut store, "x:WebHook/query", json!({}));
    assert_eq!(query["ids"], json!([&id]));
    let destroyed = admin(&mut store, "x:WebHook/set", json!({"destroy": [&id]}));
    assert_eq!(destroyed["destroyed"], json!([&id]));
    let got = admin(&mut store, "x:WebHook/get", json!({"ids": [&id]}));
    assert_eq!(got["notFound"], json!([&id]));
    assert!(
        admin(&mut store, "x:Action/set", reload)
            .get("created")
            .is_some()
    );
}

#[test]
fn what_a_webhook_does_not_have_is_refused() {
    let mut store = Store::default();
    let with = |key: &str, value: Value| {
        let mut hook = products_hook();
        hook[key] = value;
        hook
    };
    let mut without_url = products_hook();
    without_url.as_object_mut().unwrap().remove("url");
    let create = json!({"create": {
        "described": with("description", json!("Postern activity")),
        "unknown": with("nickname", json!("x")),
        "noUrl": without_url,
        "ftp": with("url", json!("ftp://postern.example/hook")),
        "loud": with("level", json!("loud")),
        "badEvent": with("events", json!({"Auth Success": true})),
    }});
    let answer = admin(&mut store, "x:WebHook/set", create);
    let refused = &answer["notCreated"];
    assert!(answer.get("created").is_none(), "{answer}");
    // `description` is a property of other objects, `nickname` of none (Stalwart's patch layer).
    assert_eq!(
        refused["described"],
        json!({"type": "invalidPatch", "description": "Invalid property", "properties": ["description"]})
    );
    assert_eq!(
        refused["unknown"],
        json!({"type": "invalidPatch", "description": "Invalid key for object", "properties": [""]})
    );
    assert_eq!(
        refused["noUrl"],
        json!({"type": "validationFailed", "validationErrors": [{"type": "Required", "property": "url"}]})
    );
    for name in ["ftp", "loud", "badEvent"] {
        assert_eq!(refused[name]["type"], "invalidPatch", "{name}: {answer}");
    }

    let id = admin(
        &mut store,
        "x:WebHook/set",
        json!({"create": {"h": products_hook()}}),
    )["created"]["h"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = admin(&mut store, "x:WebHook/get", json!({"ids": [&id]}));
    let patch = json!({"url": "https://elsewhere.example/hook", "throttle": "fast"});
    let answer = admin(
        &mut store,
        "x:WebHook/set",
        json!({"update": {&id: patch, "zzzzzzzzzzzz": {}}}),
    );
    assert_eq!(
        answer["notUpdated"][&id]["type"], "invalidPatch",
        "{answer}"
    );
    assert_eq!(
        answer["notUpdated"]["zzzzzzzzzzzz"]["type"], "notFound",
        "{answer}"
    );
    let after = admin(&mut store, "x:WebHook/get", json!({"ids": [&id]}));
    assert_eq!(before, after, "a refused update changes nothing");
}

#[test]
fn a_hook_without_events_fails_the_reload_and_other_actions_are_refused() {
    let mut store = Store::default();
    let mut hook = products_hook();
    hook["events"] = json!({});
    let created = admin(&mut store, "x:WebHook/set", json!({"create": {"h": hook}}));
    let id = created["created"]["h"]["id"].clone();
    let answer = admin(
        &mut store,
        "x:Action/set",
        json!({"create": {"r": {"@type": "ReloadSettings"}}}),
    );
    assert_eq!(
        answer["notCreated"]["r"],
        json!({"type": "validationFailed", "description": "No events enabled for webhook",
               "objectId": {"object": "WebHook", "id": id}})
    );

    let answer = admin(
        &mut store,
        "x:Action/set",
        json!({"create": {"x": {"@type": "InvalidateCaches"}}, "update": {"a": {}}, "destroy": ["b"]}),
    );
    assert_eq!(
        answer["notCreated"]["x"]["type"], "invalidPatch",
        "not modelled: {answer}"
    );
    assert_eq!(answer["notUpdated"]["a"]["type"], "forbidden");
    assert_eq!(answer["notDestroyed"]["b"]["type"], "forbidden");
}

#[test]
fn only_administrators_see_and_change_webhooks() {
    let mut store = Store::default();
    let domain = store.create_domain("example.org");
    let carol = store.create_user("carol", &domain, None, Some("Carol-Pass-1"));
    let user = Caller {
        account: testkit::stalwart::ids::decode_id(&carol).unwrap() as u32,
        admin: false,
        restricted_by: None,
    };
    for (method, args) in [
        ("x:WebHook/get", json!({"ids": null})),
        ("x:WebHook/query", json!({})),
        ("x:WebHook/set", json!({"create": {"h": products_hook()}})),
        (
            "x:Action/set",
            json!({"create": {"r": {"@type": "ReloadSettings"}}}),
        ),
    ] {
        let (name, answer) = call(&mut store, user, method, args);
        assert_eq!(
            (name.as_str(), &answer["type"]),
            ("error", &json!("forbidden")),
            "{method}"
        );
    }
}
