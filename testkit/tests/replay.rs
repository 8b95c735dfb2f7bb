//! Replays the live Stalwart v0.16.18 transcripts (tests/live, copied from
//! ../shared/stalwart/live) against the simulator, in their original order, and compares every
//! answer of every method the simulator models, and the `/api/account` documents: same status,
//! same JSON, same key order.
//!
//! Only differences a real server could not reproduce either are normalised away: timestamps
//! (`createdAt`), generated secrets (`app_…`, `API_…`, mapped from the transcript's to the
//! simulator's so later logins use them), time-based ids (`x:WebHook` snowflakes, `x:Action`
//! seconds: mapped both ways, and only between ids of the same length) and `sessionState`. Maps
//! Stalwart emits in hash order (`created`, `notCreated`, …) are compared as sets. What is not
//! modelled is listed below with the reason, so the fidelity gap is explicit.
//!
//! The live server's `ReloadSettings` failed from 110 on because of an unrelated settings
//! object; the harness sets the simulator's `/_sim/reload-failure` from the live answers, and
//! restarts it where the live server was restarted (see `the_live_servers_state_before`).

use base64::Engine;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use testkit::stalwart::{Simulator, Store};

/// Objects and endpoints the simulator does not implement because Postern does not use them
/// (yet). Calls to them are sent but their answers are not compared.
const UNMODELLED_METHOD_PREFIXES: &[&str] = &[
    "x:SystemSettings/",
    "x:DnsResolver/",
    "x:DkimSignature/",
    "x:Directory/",
    "x:Authentication/set",
    "x:AccountPassword/",
    "Email/",
];

/// Individual answers that depend on unmodelled state, with the reason.
const UNMODELLED_CALLS: &[(&str, &str, &str)] = &[
    (
        "007",
        "c0",
        "dnsZoneFile and the domain's DKIM/certificate settings are not simulated",
    ),
    ("036", "c0", "dnsZoneFile is not simulated"),
    (
        "062",
        "e4",
        "linkedObjects would include DKIM keys and x:SystemSettings",
    ),
    (
        "068",
        "c1",
        "reads x:Authentication after an unmodelled /set",
    ),
    (
        "069",
        "c1",
        "reads x:Authentication after an unmodelled /set",
    ),
    (
        "070",
        "c1",
        "reads x:Authentication after an unmodelled /set",
    ),
    (
        "071",
        "c2",
        "reads x:Authentication after an unmodelled /set",
    ),
    ("100", "c2", "dnsZoneFile is not simulated"),
    (
        "104",
        "c0",
        "the domain is linked to DKIM keys only, which are not simulated",
    ),
    (
        "105",
        "d2",
        "domain already destroyed in 104 (no DKIM keys held it)",
    ),
    (
        "105",
        "g",
        "domain already destroyed in 104 (no DKIM keys held it)",
    ),
    (
        "130",
        "c2",
        "the DkimManagement task a new domain gets is not simulated",
    ),
    (
        "130",
        "c3",
        "the DkimManagement task a new domain gets is not simulated",
    ),
    ("131", "c0", "the DkimManagement task is not simulated"),
    ("131", "c1", "the DkimManagement task is not simulated"),
    ("133", "c0", "the DkimManagement task is not simulated"),
    ("133", "c1", "the DkimManagement task is not simulated"),
    (
        "134",
        "c0",
        "the domain's DKIM/certificate settings and its DKIM keys are not simulated",
    ),
    ("145", "c2", "the DkimManagement task is not simulated"),
    ("145", "c3", "the DkimManagement task is not simulated"),
    (
        "149",
        "c0",
        "destroys the DkimManagement task too, which is not simulated",
    ),
];

/// 110–123 were captured on a fresh server (tests/live/README.md): domains example.org ("b")
/// and example.net ("c"), the internal account carol ("b"). They replay against that world.
const SECOND_CAPTURE: &str = "110";

fn second_capture_world() -> Store {
    let mut store = Store::default();
    let org = store.create_domain("example.org");
    store.create_domain("example.net");
    store.create_user("carol", &org, None, None);
    store
}

/// 125–151 (DNS publishing) ran on the same server after 124, which had created and deleted
/// domains up to "f": the test domain is "g". A Knot server played the customer's DNS on
/// 127.0.0.1:5355 with the TSIG key of live 126 (a throwaway secret), serving the zone.
const THIRD_CAPTURE: &str = "125";
const LIVE_KNOT_PORT: u16 = 5355;
const LIVE_TSIG_SECRET: &str = "mdjukYVMoyLjkzKfX5Lm0zqDd8gxlpQ2UsJBmjokLe0=";
const LIVE_ZONE: &str = "dnspub-holdout.org";

fn third_capture_world() -> Store {
    let mut store = second_capture_world();
    store.set_next_domain_id(6);
    store
}

/// Answers whose `description` quotes a parser position the simulator does not reproduce;
/// their type is compared.
const TYPE_ONLY: &[(&str, &str)] = &[("060", "e6")];

struct Transcript {
    number: String,
    json: Value,
}

fn transcripts() -> Vec<Transcript> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/live");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/live")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| Transcript {
            number: path.file_name().unwrap().to_string_lossy()[..3].to_owned(),
            json: serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
        })
        .collect()
}

/// Secrets the live server generated → the ones the simulator generated in their place.
#[derive(Default)]
struct Secrets(BTreeMap<String, String>);

impl Secrets {
    fn learn(&mut self, live: &Value, simulated: &Value) {
        match (live, simulated) {
            (Value::String(l), Value::String(s)) if is_secret(l) && is_secret(s) => {
                self.0.insert(l.clone(), s.clone());
            }
            (Value::Object(l), Value::Object(s)) => {
                for (k, v) in l {
                    if let Some(sv) = s.get(k) {
                        self.learn(v, sv);
                    }
                }
            }
            (Value::Array(l), Value::Array(s)) => {
                for (lv, sv) in l.iter().zip(s) {
                    self.learn(lv, sv);
                }
            }
            _ => {}
        }
    }

    /// The Authorization header to send: the live one with generated secrets swapped.
    fn authorization(&self, header: &str) -> String {
        if let Some(token) = header.strip_prefix("Bearer ") {
            return format!(
                "Bearer {}",
                self.0.get(token).map(String::as_str).unwrap_or(token)
            );
        }
        if let Some(basic) = header.strip_prefix("Basic ") {
            let decoded = String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(basic)
                    .unwrap(),
            )
            .unwrap();
            let (login, secret) = decoded.split_once(':').unwrap();
            let secret = self.0.get(secret).map(String::as_str).unwrap_or(secret);
            return format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{login}:{secret}"))
            );
        }
        header.to_owned()
    }
}

/// Time-based ids the live server generated ↔ the simulator's, learned from `created`.
#[derive(Default)]
struct GeneratedIds {
    to_simulated: BTreeMap<String, String>,
    /// The latest mapping wins: two actions created in the same second share an id.
    to_live: BTreeMap<String, String>,
}

impl GeneratedIds {
    fn learn(&mut self, method: &str, live: &Value, simulated: &Value) {
        if method == "x:Task/get" {
            // Tasks the server queued itself (a domain turning Automatic) show their ids
            // only here: paired by type, in order.
            let of_kind = |v: &Value| -> Vec<String> {
                v["list"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|t| t["@type"] == "DnsManagement")
                    .filter_map(|t| t["id"].as_str().map(str::to_owned))
                    .collect()
            };
            for (l, s) in of_kind(live).into_iter().zip(of_kind(simulated)) {
                if l.len() == s.len() {
                    self.to_simulated.insert(l.clone(), s.clone());
                    self.to_live.insert(s, l);
                }
            }
            return;
        }
        if !matches!(
            method,
            "x:WebHook/set" | "x:Action/set" | "x:DnsServer/set" | "x:Task/set"
        ) {
            return;
        }
        for (client_id, object) in live["created"].as_object().into_iter().flatten() {
            let (Some(l), Some(s)) = (
                object["id"].as_str(),
                simulated["created"][client_id]["id"].as_str(),
            ) else {
                continue;
            };
            // A different length is a different kind of id: left to show as a mismatch.
            if l.len() == s.len() {
                self.to_simulated.insert(l.into(), s.into());
                self.to_live.insert(s.into(), l.into());
            }
        }
    }

    fn replace(value: &Value, map: &BTreeMap<String, String>) -> Value {
        match value {
            Value::String(s) => Value::String(map.get(s).cloned().unwrap_or_else(|| s.clone())),
            Value::Array(a) => Value::Array(a.iter().map(|v| Self::replace(v, map)).collect()),
            // Keys too: `notDestroyed` is keyed by id.
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| {
                        let key = map.get(k).cloned().unwrap_or_else(|| k.clone());
                        (key, Self::replace(v, map))
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
}

/// What the live server's state was, where it is outside the API: the reload failure its
/// answers show, and its restart between 110 and 113 (its `ReloadSettings` failed in 110, yet
/// the hook created there delivered in 113; API.md §11.1).
async fn the_live_servers_state_before(t: &Transcript, simulator: &Simulator) {
    let http = reqwest::Client::new();
    let answers = t.json["response"]["body"]["methodResponses"].as_array();
    for answer in answers.into_iter().flatten() {
        if answer[0] != "x:Action/set" {
            continue;
        }
        let url = format!("{}/_sim/reload-failure", simulator.url);
        let failure = answer[1]["notCreated"]
            .as_object()
            .and_then(|m| m.values().next());
        let response = match failure {
            Some(f) => {
                let control = serde_json::json!({"object": f["objectId"]["object"],
                    "id": f["objectId"]["id"], "description": f["description"]});
                http.post(url).json(&control).send().await.unwrap()
            }
            None => http.delete(url).send().await.unwrap(),
        };
        assert_eq!(response.status(), 204);
    }
    if t.number == "111" {
        let url = format!("{}/_sim/restart", simulator.url);
        let response = http.post(url).send().await.unwrap();
        assert_eq!(response.status(), 204);
    }
}

fn is_secret(s: &str) -> bool {
    (s.starts_with("app_") && s.len() == 40) || s.starts_with("API_")
}

/// Replaces what legitimately differs between two runs of a real server.
fn normalise(v: &Value, parent_key: &str) -> Value {
    match v {
        Value::String(s) if is_secret(s) => Value::String("<secret>".into()),
        Value::String(_) if matches!(parent_key, "createdAt" | "due" | "failedAt") => {
            Value::String("<date>".into())
        }
        // One segment per RRset, in hash order (live 145).
        // The DKIM selectors name the day their keys were made.
        Value::String(s) if parent_key == "failureReason" => {
            let s = undated_selectors(s);
            let mut segments: Vec<&str> = s.split("; ").collect();
            segments.sort_unstable();
            Value::String(segments.join("; "))
        }
        Value::Object(m) => {
            let mut entries: Vec<(String, Value)> = m
                .iter()
                .filter(|(k, _)| *k != "sessionState")
                .map(|(k, v)| (k.clone(), normalise(v, k)))
                .collect();
            // Stalwart builds these from hash maps: their order carries no meaning.
            if matches!(
                parent_key,
                "created" | "notCreated" | "updated" | "notUpdated" | "notDestroyed"
            ) {
                entries.sort_by(|a, b| a.0.cmp(&b.0));
            }
            Value::Object(entries.into_iter().collect::<Map<_, _>>())
        }
        Value::Array(a) => Value::Array(a.iter().map(|v| normalise(v, parent_key)).collect()),
        other => other.clone(),
    }
}

/// `v1-rsa-20261203._domainkey` → `v1-rsa-<day>._domainkey`.
fn undated_selectors(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("._domainkey") {
        let (before, after) = rest.split_at(at);
        match before.len().checked_sub(8) {
            Some(cut) if before[cut..].bytes().all(|b| b.is_ascii_digit()) => {
                out.push_str(&before[..cut]);
                out.push_str("<day>");
            }
            _ => out.push_str(before),
        }
        out.push_str("._domainkey");
        rest = &after["._domainkey".len()..];
    }
    out.push_str(rest);
    out
}

fn unmodelled_method(name: &str) -> bool {
    UNMODELLED_METHOD_PREFIXES
        .iter()
        .any(|p| name.starts_with(p))
}

#[tokio::test]
async fn the_simulator_answers_the_live_transcripts_like_stalwart() {
    let mut simulator = Simulator::start_with(Store::default()).await;
    let http = reqwest::Client::new();
    let mut secrets = Secrets::default();
    let mut generated = GeneratedIds::default();
    let (mut compared, mut skipped) = (0, Vec::new());
    let mut mismatches = Vec::new();

    let mut knot = None;
    for t in transcripts() {
        if t.number == SECOND_CAPTURE {
            simulator = Simulator::start_with(second_capture_world()).await;
        }
        if t.number == THIRD_CAPTURE {
            simulator = Simulator::start_with(third_capture_world()).await;
            knot = Some(testkit::knot::Knot::start_on(
                LIVE_KNOT_PORT,
                LIVE_TSIG_SECRET,
                &[(LIVE_ZONE, "")],
            ));
        }
        // The captures were seconds apart: a task the previous one queued has run.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while simulator.store().dns_publishing() {
            assert!(
                std::time::Instant::now() < deadline,
                "{}: tasks still running",
                t.number
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let request = &t.json["request"];
        let Some(method) = request["method"].as_str() else {
            skipped.push(format!("{}: not HTTP (IMAP/SMTP/log)", t.number));
            continue;
        };
        let path = request["url"]
            .as_str()
            .unwrap()
            .trim_start_matches("http://127.0.0.1:18080");
        let headers = request["headers"].as_object().cloned().unwrap_or_default();
        let auth = headers.get("Authorization").and_then(Value::as_str);

        if t.number == "074" {
            // Stalwart's OIDC directory provisions the account on the first Bearer login;
            // the simulator has no IdP, so the test does what the sync does.
            let mut store = simulator.store();
            let domain = store.domain_id("example.org").unwrap();
            let id = store.provision_external_user("oidcuser", &domain, "OIDC User oidcuser");
            drop(store);
            let token = auth.unwrap().strip_prefix("Bearer ").unwrap();
            simulator.store().add_api_key(&id, token);
        }
        if t.number == "087" {
            let token = auth.unwrap().strip_prefix("Bearer ").unwrap();
            let mut store = simulator.store();
            let id = testkit::stalwart::ids::encode_id(
                store.account_by_address("oidcuser@example.org").unwrap().id as u64,
            );
            store.add_api_key(&id, token);
        }
        if method == "GET" && path == "/api/account" {
            // The whole document: permissions in the server's order, edition, locale.
            let mut builder = http.get(format!("{}{path}", simulator.url));
            if let Some(auth) = auth {
                builder = builder.header("Authorization", secrets.authorization(auth));
            }
            let response = builder.send().await.unwrap();
            let status = response.status().as_u16();
            let got: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
            let want = &t.json["response"];
            // As text, so that the key order counts too.
            let (got_text, want_text) = (got.to_string(), want["body"].to_string());
            if status as u64 != want["status"] || got_text != want_text {
                mismatches.push(format!(
                    "{}: HTTP {status} {got}\n  live {} {}",
                    t.number, want["status"], want["body"]
                ));
            }
            compared += 1;
            continue;
        }
        if method != "POST" || !path.starts_with("/jmap") {
            skipped.push(format!(
                "{}: {method} {path} (the session document is not compared)",
                t.number
            ));
            continue;
        }

        the_live_servers_state_before(&t, &simulator).await;
        let body = &GeneratedIds::replace(&request["body"], &generated.to_simulated);
        let mut builder = http.post(format!("{}{path}", simulator.url));
        if let Some(auth) = auth {
            builder = builder.header("Authorization", secrets.authorization(auth));
        }
        let content_type = headers
            .get("Content-Type")
            .and_then(Value::as_str)
            .unwrap_or("application/json");
        let raw = serde_json::to_string(body).unwrap();
        let response = builder
            .header("Content-Type", content_type)
            .body(raw)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let www_authenticate: Vec<String> = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        let got: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        let want = &t.json["response"]["body"];
        let want_status = t.json["response"]["status"].as_u64().unwrap() as u16;

        if status != want_status {
            mismatches.push(format!("{}: HTTP {status}, live {want_status}", t.number));
            continue;
        }
        if status != 200 {
            let mut got = got.clone();
            let mut want = want.clone();
            // The 400 echo of the request body is compared as JSON, not as text.
            for v in [&mut got, &mut want] {
                if let Some(detail) = v.get("detail").and_then(Value::as_str)
                    && let Ok(parsed) = serde_json::from_str::<Value>(detail)
                {
                    v["detail"] = parsed;
                }
            }
            if got != want {
                mismatches.push(format!("{}: problem {got} vs live {want}", t.number));
            }
            if status == 401 {
                let live = t.json["response"]["headers"]["www-authenticate"]
                    .as_str()
                    .unwrap();
                if www_authenticate.join(", ") != live {
                    mismatches.push(format!(
                        "{}: WWW-Authenticate {www_authenticate:?} vs {live}",
                        t.number
                    ));
                }
            }
            compared += 1;
            continue;
        }

        let got_calls = got["methodResponses"].as_array().unwrap();
        let want_calls = want["methodResponses"].as_array().unwrap();
        let sent_calls = body["methodCalls"].as_array().unwrap();
        // Learned from the whole response first: an id a later call reveals (a task the
        // server queued, shown by `x:Task/get`) may already be in an earlier answer.
        for ((sent, g), w) in sent_calls.iter().zip(got_calls).zip(want_calls) {
            secrets.learn(&w[1], &g[1]);
            generated.learn(sent[0].as_str().unwrap(), &w[1], &g[1]);
        }
        for ((sent, g), w) in sent_calls.iter().zip(got_calls).zip(want_calls) {
            let name = sent[0].as_str().unwrap();
            let call_id = sent[2].as_str().unwrap();
            let g = &GeneratedIds::replace(g, &generated.to_live);
            if unmodelled_method(name) {
                skipped.push(format!("{} {call_id}: {name} is not simulated", t.number));
                continue;
            }
            if let Some((_, _, why)) = UNMODELLED_CALLS
                .iter()
                .find(|(n, c, _)| *n == t.number && *c == call_id)
            {
                skipped.push(format!("{} {call_id}: {why}", t.number));
                continue;
            }
            if TYPE_ONLY.contains(&(t.number.as_str(), call_id)) {
                if g[0] != w[0] || g[1]["type"] != w[1]["type"] {
                    mismatches.push(format!("{} {call_id}: {g} vs live {w}", t.number));
                }
                compared += 1;
                continue;
            }
            let (g_text, w_text) = (normalise(g, "").to_string(), normalise(w, "").to_string());
            if g_text != w_text {
                mismatches.push(format!(
                    "{} {call_id} ({name}):\n  simulator {g_text}\n  live      {w_text}",
                    t.number
                ));
            }
            compared += 1;
        }
    }

    println!(
        "compared {compared} answers; not compared:\n  {}",
        skipped.join("\n  ")
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // The published zone, as live 132 shows it after the domain was created (DKIM aside: its
    // own task publishes those records).
    let knot = knot.expect("the third capture started Knot");
    assert_eq!(
        knot.data(LIVE_ZONE, &format!("{LIVE_ZONE}."), "MX"),
        ["10 mail.example.org."]
    );
    // Guard against a harness that silently compares nothing.
    assert!(compared >= 70, "only {compared} answers compared");
}
