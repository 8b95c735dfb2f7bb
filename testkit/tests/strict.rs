//! Test equipment refuses what it does not model: an unknown key in an update is refused as on
//! create, and updates of objects the simulator does not model are refused, never dropped.

use serde_json::{Value, json};
use testkit::stalwart::{Caller, Store, ids::encode_id};

fn call(store: &mut Store, method: &str, args: Value) -> Value {
    let (name, answer) = store.call(
        Caller::recovery_admin(),
        method,
        args.as_object().unwrap().clone(),
    );
    assert_eq!(name, method, "{answer}");
    answer
}

#[test]
fn an_unknown_key_in_an_account_update_is_refused_and_changes_nothing() {
    let mut store = Store::default();
    let domain = store.create_domain("acme.test");
    let alice = store.create_user("alice", &domain, Some("Alice"), None);
    let before = format!("{:?}", store.accounts);

    let answer = call(
        &mut store,
        "x:Account/set",
        json!({ "update": { &alice: { "description": "Alice A.", "nickname": "ali" } } }),
    );

    assert_eq!(
        answer["notUpdated"][&alice]["type"], "invalidPatch",
        "{answer}"
    );
    assert!(answer.get("updated").is_none(), "{answer}");
    assert_eq!(format!("{:?}", store.accounts), before, "nothing changed");

    // A modelled key alone is applied.
    let answer = call(
        &mut store,
        "x:Account/set",
        json!({ "update": { &alice: { "description": "Alice A." } } }),
    );
    assert!(answer["updated"].get(&alice).is_some(), "{answer}");
}

#[test]
fn a_key_an_update_cannot_apply_is_refused_too() {
    let mut store = Store::default();
    let domain = store.create_domain("acme.test");
    let alice = store.create_user("alice", &domain, None, None);
    for key in [
        "name",
        "domainId",
        "locale",
        "credentials",
        "credentials/x/secret",
    ] {
        let answer = call(
            &mut store,
            "x:Account/set",
            json!({ "update": { &alice: { key: "x" } } }),
        );
        assert_eq!(
            answer["notUpdated"][&alice]["type"], "invalidPatch",
            "{key}: {answer}"
        );
    }
}

#[test]
fn updates_of_objects_the_simulator_does_not_model_are_refused() {
    let mut store = Store::default();
    let domain = store.create_domain("acme.test");
    let portal = store.create_user("postern", &domain, None, None);
    store.make_admin(&portal);
    let n = testkit::stalwart::ids::decode_id(&domain).unwrap();
    for (method, args) in [
        (
            "x:Domain/set",
            json!({ "update": { &domain: { "description": "x" } } }),
        ),
        (
            "x:AppPassword/set",
            json!({ "accountId": &portal, "update": { "zz": { "description": "x" } } }),
        ),
        (
            "x:DkimSignature/set",
            json!({ "update": { encode_id(n): { "stage": "active" } } }),
        ),
    ] {
        let answer = call(&mut store, method, args);
        let refused = answer["notUpdated"].as_object().expect("notUpdated");
        assert_eq!(refused.len(), 1, "{method}: {answer}");
        assert!(answer.get("updated").is_none(), "{method}: {answer}");
    }
}
