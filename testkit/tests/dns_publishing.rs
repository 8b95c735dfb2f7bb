//! The simulator publishes DNS records the way Stalwart v0.16 does (live 125–151), into a real
//! Knot server: `x:DnsServer` checks on save, a domain turning Automatic queues a
//! `DnsManagement` task, the task's TSIG-signed updates reach the zone (MX replaced wholesale,
//! the apex SPF replaced but other TXT kept), it vanishes on success, fails for good with
//! Stalwart's words on a wrong key or a zone not served, and a server in use is not destroyed.

use serde_json::{Value, json};
use std::time::{Duration, Instant};
use testkit::knot::{ALGORITHM, KEY_NAME, Knot};
use testkit::stalwart::{Caller, Simulator};

fn admin(simulator: &Simulator, method: &str, args: Value) -> Value {
    let (name, answer) = simulator.store().call(
        Caller::recovery_admin(),
        method,
        args.as_object().unwrap().clone(),
    );
    assert_eq!(name, method, "{answer}");
    answer
}

fn tsig_server(knot: &Knot, secret: &str) -> Value {
    json!({"@type": "Tsig", "description": "Knot for the tests", "host": "127.0.0.1",
           "port": knot.addr.port(), "protocol": "udp", "keyName": KEY_NAME,
           "tsigAlgorithm": ALGORITHM, "key": {"@type": "Value", "secret": secret},
           "timeout": 5000})
}

fn create_server(simulator: &Simulator, server: Value) -> String {
    let answer = admin(
        simulator,
        "x:DnsServer/set",
        json!({"create": {"k": server}}),
    );
    answer["created"]["k"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{answer}"))
        .to_owned()
}

fn create_domain(simulator: &Simulator, name: &str) -> String {
    let answer = admin(
        simulator,
        "x:Domain/set",
        json!({"create": {"d": {"name": name}}}),
    );
    answer["created"]["d"]["id"].as_str().unwrap().to_owned()
}

fn automatic(simulator: &Simulator, domain: &str, server: &str, origin: Option<&str>) -> Value {
    admin(
        simulator,
        "x:Domain/set",
        json!({"update": {domain: {"dnsManagement":
            {"@type": "Automatic", "dnsServerId": server, "origin": origin}}}}),
    )
}

/// The domain's tasks until none is pending: `[]` when they all succeeded.
async fn settled_tasks(simulator: &Simulator) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let tasks = admin(simulator, "x:Task/get", json!({}))["list"]
            .as_array()
            .unwrap()
            .clone();
        if tasks.iter().all(|t| t["status"]["@type"] == "Failed") {
            return tasks;
        }
        assert!(Instant::now() < deadline, "tasks still pending: {tasks:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_server_is_checked_on_save_as_stalwart_checks_it() {
    let simulator = Simulator::start().await;
    let base = json!({"@type": "Tsig", "description": "d", "host": "127.0.0.1", "keyName": "k.",
                      "key": {"@type": "Value", "secret": "c2VjcmV0"}});
    let with = |patch: Value| {
        let mut v = base.clone();
        for (k, value) in patch.as_object().unwrap() {
            if value.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = value.clone();
            }
        }
        v
    };
    let answer = admin(
        &simulator,
        "x:DnsServer/set",
        json!({"create": {
            "notBase64": with(json!({"key": {"@type": "Value", "secret": "not-base64!!"}})),
            "hostname": with(json!({"host": "ns1.example.org"})),
            "noDescNoKeyName": with(json!({"keyName": null, "description": null})),
            "badAlgo": with(json!({"tsigAlgorithm": "hmac-sha999"})),
            "ok": base.clone()}}),
    );
    // Live 127, verbatim.
    assert_eq!(
        answer["notCreated"],
        json!({
            "notBase64": {"type": "invalidProperties", "description": "Failed to build DNS server: Failed to base64 decode TSIG key: Invalid symbol 45, offset 3."},
            "hostname": {"type": "invalidPatch", "description": "Failed to parse IpAddr from string", "properties": ["host"]},
            "noDescNoKeyName": {"type": "validationFailed", "validationErrors": [{"type": "Required", "property": "keyName"}, {"type": "Required", "property": "description"}]},
            "badAlgo": {"type": "invalidPatch", "description": "Invalid value Str(\"hmac-sha999\") for enum type HmacSha512.", "properties": ["tsigAlgorithm"]}
        })
    );
    let id = answer["created"]["ok"]["id"].as_str().unwrap();
    assert_eq!(id.len(), 12, "a snowflake id: {id}");
    // Read back in Stalwart's order with its defaults, the secret masked (live 126).
    let got = admin(&simulator, "x:DnsServer/get", json!({"ids": [id]}));
    assert_eq!(
        got["list"][0],
        json!({"host": "127.0.0.1", "port": 53, "keyName": "k.",
               "key": {"secret": "****", "@type": "Value"}, "protocol": "udp",
               "tsigAlgorithm": "hmac-sha512", "description": "d", "memberTenantId": null,
               "timeout": 30000, "ttl": 300000, "pollingInterval": 15000,
               "propagationTimeout": 60000, "propagationDelay": null, "@type": "Tsig", "id": id})
    );
    assert_eq!(
        serde_json::to_string(&got["list"][0])
            .unwrap()
            .find("\"host\""),
        Some(1),
        "host comes first"
    );
}

#[tokio::test]
async fn a_domain_turning_automatic_publishes_its_records_into_the_zone() {
    let knot = Knot::start(&[(
        "pub.test",
        "@ IN MX 20 backup-mx.other-provider.net.\n\
         @ IN TXT \"v=spf1 include:_spf.other-provider.net -all\"\n\
         @ IN TXT \"site-verification=keep-me-123\"",
    )]);
    let simulator = Simulator::start().await;
    let server = create_server(&simulator, tsig_server(&knot, &knot.secret));
    let domain = create_domain(&simulator, "pub.test");
    // Manual at first: nothing is published, no task.
    let tasks = settled_tasks(&simulator).await;
    assert!(tasks.is_empty(), "{tasks:?}");
    assert_eq!(
        knot.data("pub.test", "pub.test.", "MX"),
        ["20 backup-mx.other-provider.net."]
    );

    let answer = automatic(&simulator, &domain, &server, None);
    assert_eq!(answer["updated"], json!({ &domain: null }), "{answer}");
    // The task is there at once, Pending (live 137), and vanishes on success (live 138).
    let queued = admin(&simulator, "x:Task/query", json!({}))["ids"].clone();
    assert_eq!(queued.as_array().unwrap().len(), 1, "{queued}");
    let tasks = settled_tasks(&simulator).await;
    assert!(tasks.is_empty(), "{tasks:?}");

    // MX replaced wholesale; SPF replaced, the other TXT kept after it (live 141).
    assert_eq!(
        knot.data("pub.test", "pub.test.", "MX"),
        ["10 mail.example.org."]
    );
    let mut apex_txt = knot.data("pub.test", "pub.test.", "TXT");
    apex_txt.sort();
    assert_eq!(
        apex_txt,
        ["\"site-verification=keep-me-123\"", "\"v=spf1 mx -all\""]
    );
    assert_eq!(
        knot.data("pub.test", "_dmarc.pub.test.", "TXT"),
        ["\"v=DMARC1; p=reject; rua=mailto:postmaster@pub.test\""]
    );
    assert_eq!(
        knot.data("pub.test", "_imaps._tcp.pub.test.", "SRV"),
        ["0 1 993 mail.example.org."]
    );
    // The DKIM keys too: DKIM was already automatic when DNS turned automatic (live 144).
    let dkim: Vec<_> = knot
        .records("pub.test")
        .into_iter()
        .filter(|r| r.name.contains("._domainkey."))
        .collect();
    assert_eq!(dkim.len(), 2, "{dkim:?}");

    // Still Automatic: another update queues nothing (live 136, 148).
    admin(
        &simulator,
        "x:Domain/set",
        json!({"update": {&domain: {"dnsManagement/publishRecords/tlsa": true}}}),
    );
    assert!(
        admin(&simulator, "x:Task/query", json!({}))["ids"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // In use: the server cannot be destroyed (live 147).
    let refused = admin(&simulator, "x:DnsServer/set", json!({"destroy": [&server]}));
    assert_eq!(
        refused["notDestroyed"][&server],
        json!({"type": "objectIsLinked", "objectId": {"object": "DnsServer", "id": &server},
               "linkedObjects": [{"object": "Domain", "id": &domain}]})
    );
}

#[tokio::test]
async fn a_wrong_key_fails_the_task_for_good_with_hickorys_words_and_changes_nothing() {
    let knot = Knot::start(&[("wrong.test", "")]);
    let simulator = Simulator::start().await;
    // Well-formed, wrong: accepted on save (live 142).
    let server = create_server(
        &simulator,
        tsig_server(&knot, "mdjukYVMoyLjkzKfX5Lm0zqDd8gxlpQ2UsJBmjokLe0="),
    );
    let domain = create_domain(&simulator, "wrong.test");
    automatic(&simulator, &domain, &server, None);
    let tasks = settled_tasks(&simulator).await;
    assert_eq!(tasks.len(), 1);
    let task = &tasks[0];
    assert_eq!(task["status"]["@type"], "Failed");
    assert_eq!(task["status"]["failedAttemptNumber"], 0);
    assert!(task.get("due").is_none(), "a failed task is due never");
    let reason = task["status"]["failureReason"].as_str().unwrap();
    // Live 145: one segment per RRset, each with the misleading text.
    assert!(
        reason.contains("Failed to set DNS RRSet for wrong.test./MX: Failed to set DNS RRSet: Client error: protocol error: Please file an issue with https://github.com/hickory-dns/hickory-dns to support truncated HMACs with TSIG"),
        "{reason}"
    );
    assert_eq!(reason.matches("; ").count() + 1, 18, "{reason}");
    assert!(knot.records("wrong.test").is_empty());
    // Failed tasks are what `status: Failed` finds; they stay until destroyed (live 149).
    let failed = admin(
        &simulator,
        "x:Task/query",
        json!({"filter": {"status": "Failed"}}),
    );
    assert_eq!(failed["ids"], json!([task["id"]]));
    let refused = simulator.store().call(
        Caller::recovery_admin(),
        "x:Task/query",
        json!({"filter": {"domainId": domain}})
            .as_object()
            .unwrap()
            .clone(),
    );
    assert_eq!(
        refused,
        (
            "error".to_owned(),
            json!({"type": "unsupportedFilter",
                   "description": "Filter on property domainId is not supported or invalid"})
        )
    );
    let destroyed = admin(&simulator, "x:Task/set", json!({"destroy": [task["id"]]}));
    assert_eq!(destroyed["destroyed"], json!([task["id"]]));
}

#[tokio::test]
async fn a_sub_domain_is_written_into_its_parents_zone_and_a_zone_not_served_fails() {
    let knot = Knot::start(&[("parent.test", "")]);
    let simulator = Simulator::start().await;
    let server = create_server(&simulator, tsig_server(&knot, &knot.secret));
    let sub = create_domain(&simulator, "mail.parent.test");
    automatic(&simulator, &sub, &server, Some("parent.test"));
    let tasks = settled_tasks(&simulator).await;
    assert!(tasks.is_empty(), "{tasks:?}");
    assert_eq!(
        knot.data("parent.test", "mail.parent.test.", "MX"),
        ["10 mail.example.org."]
    );

    let elsewhere = create_domain(&simulator, "not-served.test");
    automatic(&simulator, &elsewhere, &server, None);
    let tasks = settled_tasks(&simulator).await;
    let reason = tasks[0]["status"]["failureReason"].as_str().unwrap();
    // Knot answers NOTAUTH without a signature: hickory (Stalwart's client too) reports the
    // missing TSIG, not the code.
    assert!(
        reason.starts_with("Failed to set DNS RRSet for ")
            && reason.contains("missing tsig from response that must be authenticated"),
        "{reason}"
    );
    assert!(
        knot.records("parent.test")
            .iter()
            .all(|r| !r.name.contains("not-served"))
    );
}
