//! Partner onboarding, through the same form posts a browser makes: Acme is a partner (Ada
//! administers it), Beta is another partner, and Gamma is onboarded against the simulator, an
//! in-process IdP and a real DNS server on loopback.

use crate::common::{ADA, API_KEY, BERT, Browser, TestApp, location, seed, text};
use reqwest::StatusCode;
use testkit::dns::DnsServer;
use testkit::oidc::{Issuer, User};

pub const GINA: &str = "gina@gamma.test";

pub struct Scene {
    pub app: TestApp,
    pub dns: DnsServer,
    pub gamma_idp: Issuer,
}

/// The config edits of every scene: a secrets key (partners store API keys and client
/// secrets), DNS answering for gamma.test only, proofs re-checked every second.
pub fn partner_config(c: &mut String, dns: std::net::SocketAddr) {
    let key = std::env::temp_dir().join(format!("postern-test-key-{}", dns.port()));
    std::fs::write(&key, "cG9zdGVybi1lMmUtc2VjcmV0cy1rZXktMzItYnl0ZXM=").unwrap();
    *c = c.replacen(
        "[server]",
        &format!(
            "[server]\n            secrets_key_file = \"{}\"",
            key.display()
        ),
        1,
    );
    c.push_str(&format!(
        "\n[dns]\nnameservers = [\"{dns}\"]\ntimeout_ms = 1000\nproof_recheck_secs = 1\nmx_recheck_secs = 1\n"
    ));
}

/// Acme and Beta are partners; DNS answers for gamma.test (and nothing else).
pub async fn scene() -> Scene {
    scene_tweaked(|_| {}).await
}

/// [`scene`], with `tweak` applied to its configuration last.
pub async fn scene_tweaked(tweak: impl FnOnce(&mut String)) -> Scene {
    let dns = DnsServer::start_on("127.0.0.1:0".parse().unwrap(), &["gamma.test".to_owned()])
        .await
        .unwrap();
    scene_resolving(dns, tweak).await
}

/// [`scene_tweaked`], with `dns` as the portal's resolver.
pub async fn scene_resolving(dns: DnsServer, tweak: impl FnOnce(&mut String)) -> Scene {
    let gamma_idp = Issuer::start("/realms/gamma", "postern-g", "secret-g").await;
    gamma_idp.add_user(User::new(GINA, "Gina Gamma", &["gamma-admins"]));
    gamma_idp.add_user(User::new("gus@elsewhere.test", "Gus", &[]));
    let addr = dns.addr;
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c
            .replace(
                "display_name = \"Acme Corp\"",
                "display_name = \"Acme Corp\"\n            partner = true",
            )
            .replace(
                "display_name = \"Beta Ltd\"",
                "display_name = \"Beta Ltd\"\n            partner = true",
            );
        partner_config(c, addr);
        tweak(c);
    })
    .await;
    Scene {
        app,
        dns,
        gamma_idp,
    }
}

/// The page's main content, for failure messages.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").unwrap_or(0);
    let end = html.find("</main>").unwrap_or(html.len());
    &html[start..end]
}

/// Fails with the page's content unless it says `needle`.
pub async fn expect_on(b: &Browser, path: &str, needle: &str) {
    let html = page(b, path).await;
    assert!(
        html.contains(needle),
        "{needle:?} not on {path}: {}",
        main_of(&html)
    );
}

pub async fn page(b: &Browser, path: &str) -> String {
    text(&b.get(path).await.text().await.unwrap())
}

/// Posts a form and checks it answered with a redirect back to the console.
pub async fn post(b: &Browser, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    b.post_form(path, form).await
}

pub const GAMMA: &str = "/partners/organisations/gamma";

/// Ada creates the draft organisation Gamma.
pub async fn create_gamma(ada: &Browser) {
    let r = post(
        ada,
        "/partners/new",
        &[
            ("display_name", "Gamma"),
            ("slug", ""),
            ("contact_email", "it@gamma.test"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), GAMMA);
}

/// The proof value the console shows for a domain.
pub async fn proof_value(ada: &Browser) -> String {
    let html = page(ada, GAMMA).await;
    let at = html
        .find("data-testid=\"proof-value\"")
        .unwrap_or_else(|| panic!("no proof value in {}", main_of(&html)));
    let start = at + html[at..].find('>').unwrap() + 1;
    html[start..].split('<').next().unwrap().to_owned()
}

pub async fn signed_in(app: &TestApp, who: &str) -> Browser {
    let b = app.browser();
    assert_eq!(location(&b.sign_in(who).await), "/account");
    b
}

#[tokio::test]
async fn domains_that_cannot_be_proven_or_are_taken_are_refused_in_words() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    for (typed, says) in [
        ("co.uk", "co.uk is a public suffix"),
        ("github.io", "github.io is a public suffix"),
        (
            "beta.test",
            "beta.test already belongs to an organisation on this portal",
        ),
        ("bad_name!.test", "\"bad_name!.test\" is not a domain name"),
        ("localhost", "That is not a full domain name"),
    ] {
        let r = post(&ada, &format!("{GAMMA}/domains"), &[("domain", typed)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{typed}");
        let html = page(&ada, GAMMA).await;
        assert!(html.contains(says), "{typed}: {html}");
        // What was typed is kept in the form.
        assert!(html.contains(&format!("value=\"{typed}\"")), "{typed} kept");
    }
    let db = s.app.db().await;
    assert!(
        app::ssr::db::organisations::domains_of(&db, "gamma")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_proof_is_judged_not_seen_wrong_expired_split_and_proven() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    let value = proof_value(&ada).await;
    assert!(
        value.starts_with("token=") && value.contains(" expiry="),
        "{value}"
    );
    let check = format!("{GAMMA}/domains/gamma.test/check");
    let record = "_postern-challenge.gamma.test";

    post(&ada, &check, &[]).await;
    expect_on(
        &ada,
        GAMMA,
        "No TXT record at _postern-challenge.gamma.test yet",
    )
    .await;

    let zones = s.dns.zones();
    zones
        .publish_txt(
            record,
            "token=aaaaaaaaaaaaaaaaaaaaaaaaaa expiry=2030-01-01T00:00:00Z",
        )
        .await
        .unwrap();
    post(&ada, &check, &[]).await;
    expect_on(&ada, GAMMA, "but not with this token").await;

    // The right value, padded past 255 bytes so DNS serves it as two strings.
    let long = format!("{value} {}", "x".repeat(300));
    zones.remove(record).await.unwrap();
    zones.publish_txt(record, &long).await.unwrap();
    let r = post(&ada, &check, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = page(&ada, GAMMA).await;
    assert!(html.contains("gamma.test is proven"), "{html}");
    let db = s.app.db().await;
    let domains = app::ssr::db::organisations::domains_of(&db, "gamma")
        .await
        .unwrap();
    assert!(domains[0].verified);

    // An expired proof is named as such (and can be renewed).
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "mail.gamma.test")],
    )
    .await;
    sqlx::query("UPDATE domain_claims SET expires_at = 1000 WHERE domain = 'mail.gamma.test'")
        .execute(&db.pool)
        .await
        .unwrap();
    post(&ada, &format!("{GAMMA}/domains/mail.gamma.test/check"), &[]).await;
    expect_on(&ada, GAMMA, "The proof record for mail.gamma.test expired").await;
    post(&ada, &format!("{GAMMA}/domains/mail.gamma.test/renew"), &[]).await;
    let proof = app::ssr::db::organisations::proof(&db, "gamma", "mail.gamma.test")
        .await
        .unwrap()
        .unwrap();
    assert!(proof.expires_at > app::ssr::time::now() + 6 * 86_400);
}

#[tokio::test]
async fn pending_proofs_are_checked_in_the_background() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    let value = proof_value(&ada).await;
    s.dns
        .zones()
        .publish_txt("_postern-challenge.gamma.test", &value)
        .await
        .unwrap();
    let db = s.app.db().await;
    let mut proven = false;
    for _ in 0..50 {
        let domains = app::ssr::db::organisations::domains_of(&db, "gamma")
            .await
            .unwrap();
        if domains.first().is_some_and(|d| d.verified) {
            proven = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        proven,
        "the background check proves the domain without anyone pressing a button"
    );
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains("Postern (background DNS check)"),
        "in the activity log"
    );
}

#[tokio::test]
async fn nothing_is_created_at_the_mail_server_before_proof_and_a_failed_create_leaves_nothing() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    let r = add_gamma_server(&s, &ada).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    expect_on(&ada, GAMMA, "gamma-mail passed every check").await;

    let create = format!("{GAMMA}/domains/gamma.test/create");
    let r = post(&ada, &create, &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "refused before proof");
    assert!(text(&r.text().await.unwrap()).contains("Prove the domain first"));
    assert!(s.app.simulator.store().domain_id("gamma.test").is_none());

    let value = proof_value(&ada).await;
    s.dns
        .zones()
        .publish_txt("_postern-challenge.gamma.test", &value)
        .await
        .unwrap();
    post(&ada, &format!("{GAMMA}/domains/gamma.test/check"), &[]).await;

    // The mail server fails the create: nothing exists there, and the page says so.
    s.app
        .simulator
        .store()
        .fail_next_call("x:Domain/set", testkit::stalwart::Fault::Status(503));
    post(&ada, &create, &[]).await;
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains("gamma.test was not created at gamma-mail")
            && html.contains("Nothing exists there for it"),
        "{}",
        main_of(&html)
    );
    assert!(s.app.simulator.store().domain_id("gamma.test").is_none());

    // Again, with the server well: created, once.
    post(&ada, &create, &[]).await;
    expect_on(&ada, GAMMA, "gamma.test is created at gamma-mail").await;
    assert!(s.app.simulator.store().domain_id("gamma.test").is_some());
}

#[tokio::test]
async fn a_domain_already_at_the_server_is_adopted_only_when_asked() {
    let mut store = seed();
    store.create_domain("gamma.test");
    let s = scene_with(store).await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    prove_gamma(&s, &ada).await;
    add_gamma_server(&s, &ada).await;
    let before = format!("{:?}", s.app.simulator.store().domains);
    post(&ada, &format!("{GAMMA}/domains/gamma.test/create"), &[]).await;
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains("gamma.test already exists at gamma-mail"),
        "{}",
        main_of(&html)
    );
    assert!(html.contains("Adopt the existing domain"));
    post(
        &ada,
        &format!("{GAMMA}/domains/gamma.test/create"),
        &[("adopt", "yes")],
    )
    .await;
    expect_on(&ada, GAMMA, "now belongs to this organisation").await;
    assert_eq!(format!("{:?}", s.app.simulator.store().domains), before);
}

pub async fn scene_with(store: testkit::stalwart::Store) -> Scene {
    let s = scene().await;
    // The same scene on a simulator holding `store`: simplest is a fresh app.
    drop(s.app);
    let dns = s.dns;
    let gamma_idp = s.gamma_idp;
    let addr = dns.addr;
    let app = TestApp::spawn_with(store, |c| {
        *c = c.replace(
            "display_name = \"Acme Corp\"",
            "display_name = \"Acme Corp\"\n            partner = true",
        );
        partner_config(c, addr);
    })
    .await;
    Scene {
        app,
        dns,
        gamma_idp,
    }
}

#[tokio::test]
async fn the_connection_test_names_a_missing_permission_and_an_unreachable_server() {
    let mut store = seed();
    let acme = store.domain_id("acme.test").unwrap();
    let robot = store.create_user("robot", &acme, None, None);
    store.add_api_key(&robot, "API_plain-user-key");
    let s = scene_with(store).await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    let add = format!("{GAMMA}/mail-server/new");

    post(
        &ada,
        &add,
        &[
            ("name", "weak"),
            ("url", &s.app.simulator.url),
            ("api_key", "API_plain-user-key"),
        ],
    )
    .await;
    let html = page(&ada, GAMMA).await;
    assert!(html.contains("weak was not added"), "{html}");
    assert!(
        html.contains("The key&#x27;s account lacks") || html.contains("The key's account lacks")
    );
    assert!(
        html.contains("sysDomainCreate"),
        "the missing permission is named: {html}"
    );
    assert!(html.contains("value=\"weak\""), "the name typed is kept");
    assert!(
        !html.contains("API_plain-user-key"),
        "the key is never shown again"
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    post(
        &ada,
        &add,
        &[
            ("name", "gone"),
            ("url", &format!("http://127.0.0.1:{port}")),
            ("api_key", API_KEY),
        ],
    )
    .await;
    let html = page(&ada, GAMMA).await;
    assert!(html.contains("No connection"), "{html}");

    let mut tx = s.app.db().await.pool.begin().await.unwrap();
    let servers = app::ssr::db::organisations::mail_servers_in(&mut tx)
        .await
        .unwrap();
    assert!(servers.iter().all(|s| s.name == "shared"), "nothing added");
}

#[tokio::test]
async fn discovery_explains_a_trailing_slash_and_a_wrong_issuer() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    let discover = format!("{GAMMA}/idp/discover");
    let typed = format!("{}/", s.gamma_idp.issuer);
    post(&ada, &discover, &[("issuer", &typed)]).await;
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains(&format!("Published as {}", s.gamma_idp.issuer))
            && html.contains("only by the trailing slash"),
        "{html}"
    );
    assert!(
        html.contains(&format!("value=\"{typed}\"")),
        "the typed issuer is kept"
    );

    // Authentik's global URL typed, whose document names the provider's own issuer.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let published = format!("{base}/application/o/gamma/");
    let document = serde_json::json!({
        "issuer": published,
        "authorization_endpoint": format!("{published}authorize"),
        "token_endpoint": format!("{published}token"),
        "jwks_uri": format!("{published}jwks"),
        "id_token_signing_alg_values_supported": ["RS256"],
    });
    let app = axum::Router::new().route(
        "/application/o/.well-known/openid-configuration",
        axum::routing::get(move || {
            let d = document.clone();
            async move { axum::Json(d) }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let typed = format!("{base}/application/o");
    post(&ada, &discover, &[("issuer", &typed)]).await;
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains(&format!(
            "The IdP says its issuer is {published}, not {typed}"
        )) && html.contains("Authentik gives each provider its own issuer"),
        "{html}"
    );
    // Saving with that issuer is refused the same way; nothing is stored.
    post(
        &ada,
        &format!("{GAMMA}/idp"),
        &[
            ("issuer", &typed),
            ("client_id", "postern-g"),
            ("client_secret", "secret-g"),
            ("scopes", "openid email"),
            ("email_claim", "email"),
            ("groups_claim", "groups"),
            ("admin_group", ""),
            ("login_hint", "email"),
        ],
    )
    .await;
    expect_on(&ada, GAMMA, "ID tokens would be refused").await;
    let db = s.app.db().await;
    assert!(
        app::ssr::db::organisations::identity_provider(&db, "gamma")
            .await
            .unwrap()
            .is_none()
    );
}

/// Adds the simulator as Gamma's mail server "gamma-mail" (with the portal's key).
pub async fn add_gamma_server(s: &Scene, ada: &Browser) -> reqwest::Response {
    post(
        ada,
        &format!("{GAMMA}/mail-server/new"),
        &[
            ("name", "gamma-mail"),
            ("url", &s.app.simulator.url),
            ("api_key", API_KEY),
        ],
    )
    .await
}

/// Claims gamma.test for Gamma, publishes its proof and checks it.
pub async fn prove_gamma(s: &Scene, ada: &Browser) {
    post(
        ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    let value = proof_value(ada).await;
    s.dns
        .zones()
        .publish_txt("_postern-challenge.gamma.test", &value)
        .await
        .unwrap();
    post(ada, &format!("{GAMMA}/domains/gamma.test/check"), &[]).await;
}

/// Saves Gamma's IdP settings (its realm at the in-process issuer).
pub async fn save_gamma_idp(s: &Scene, ada: &Browser) {
    let r = post(
        ada,
        &format!("{GAMMA}/idp"),
        &[
            ("issuer", &s.gamma_idp.issuer),
            ("client_id", "postern-g"),
            ("client_secret", "secret-g"),
            ("scopes", "openid email profile groups"),
            ("email_claim", "email"),
            ("groups_claim", "groups"),
            ("admin_group", "gamma-admins"),
            ("login_hint", "email"),
            ("verified_email", "on"),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

/// Everything up to a live Gamma; returns Ada's browser.
pub async fn onboard_gamma(s: &Scene) -> Browser {
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    prove_gamma(s, &ada).await;
    add_gamma_server(s, &ada).await;
    post(&ada, &format!("{GAMMA}/domains/gamma.test/create"), &[]).await;
    save_gamma_idp(s, &ada).await;
    expect_on(&ada, GAMMA, "The identity provider is saved").await;
    // Not live before a test sign-in.
    post(&ada, &format!("{GAMMA}/activate"), &[]).await;
    expect_on(&ada, GAMMA, "Not yet: Test a sign-in").await;

    let r = post(&ada, &format!("{GAMMA}/idp/test"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // At the IdP, Gina signs in (the test IdP takes the person from login_hint).
    let authorize = format!("{}&login_hint={GINA}", location(&r));
    assert!(
        authorize.contains("prompt=login"),
        "the IdP asks who is testing"
    );
    let idp = ada.client.get(&authorize).send().await.unwrap();
    let callback = ada.client.get(location(&idp)).send().await.unwrap();
    assert_eq!(location(&callback), format!("{GAMMA}/idp/tested"));
    let tested = ada.get(&format!("{GAMMA}/idp/tested")).await;
    assert_eq!(location(&tested), GAMMA);
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains("The test sign-in worked: the IdP vouched for gina@gamma.test"),
        "{html}"
    );
    assert!(html.contains("Yes: gamma.test"), "maps to the domain");
    // Ada is still herself.
    expect_on(&ada, "/account", "ada@acme.test").await;

    let r = post(&ada, &format!("{GAMMA}/activate"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    expect_on(&ada, GAMMA, "Gamma is live").await;
    ada
}

#[tokio::test]
async fn a_partner_onboards_gamma_and_its_people_sign_in() {
    let s = scene().await;
    let ada = onboard_gamma(&s).await;
    let gina = signed_in(&s.app, GINA).await;
    expect_on(&gina, "/account", "gina@gamma.test").await;
    // Her mailbox was made at first sign-in, in the new domain.
    assert!(s.app.simulator.store().account_by_address(GINA).is_some());
    // The partner's list shows Gamma live, its domain at the server, one person.
    let list = page(&ada, "/partners").await;
    assert!(
        list.contains("Gamma") && list.contains("proven, at the mail server"),
        "{list}"
    );
    // Gina administers Gamma, not the partner console.
    let r = gina.get("/partners").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = gina.post_form(&format!("{GAMMA}/suspend"), &[]).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The partner's actions are in Gamma's audit log, for Gina to read.
    let audit = page(&gina, "/admin/audit").await;
    assert!(
        audit.contains("domain.create_at_server") && audit.contains(ADA),
        "{audit}"
    );
}

#[tokio::test]
async fn another_partner_cannot_see_or_touch_gamma() {
    let s = scene().await;
    onboard_gamma(&s).await;
    let bert = signed_in(&s.app, BERT).await;
    let before = format!("{:?}", s.app.simulator.store().domains);
    let r = bert.get(GAMMA).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // Every partner page, post and download that names an organisation, aimed at Gamma.
    let gamma = app::routing::Target {
        domain: "gamma.test".into(),
        address: "gina@gamma.test".into(),
        slug: "gamma".into(),
    };
    let mut walked = 0;
    for route in app::routes()
        .iter()
        .filter(|r| r.access == app::routing::Access::Partner && r.path.contains(":slug"))
    {
        let path = route.fill(|param| match param {
            "slug" => gamma.slug.clone(),
            "domain" => gamma.domain.clone(),
            other => panic!("{}: no value for :{other}", route.path),
        });
        let r = crate::boundary::send(&bert, route, &path, &gamma).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{} {path}", route.method);
        walked += 1;
    }
    assert!(walked >= 20, "{walked} routes");
    assert!(!page(&bert, "/partners").await.contains("Gamma"));
    assert_eq!(format!("{:?}", s.app.simulator.store().domains), before);
    let db = s.app.db().await;
    let gamma = app::ssr::db::organisations::organisation(&db, "gamma")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(gamma.status, app::ssr::db::organisations::Status::Active);
}

#[tokio::test]
async fn suspending_ends_sessions_and_removing_deletes_at_the_server_only_when_confirmed() {
    let s = scene().await;
    let ada = onboard_gamma(&s).await;
    let gina = signed_in(&s.app, GINA).await;
    post(&ada, &format!("{GAMMA}/suspend"), &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(location(&gina.get("/account").await), "/");
    post(&ada, &format!("{GAMMA}/resume"), &[]).await;

    // The mail server fails the deletion: the organisation is kept, and the answer says
    // what is at the server now.
    s.app
        .simulator
        .store()
        .fail_next_call("x:Account/set", testkit::stalwart::Fault::Status(503));
    post(
        &ada,
        &format!("{GAMMA}/remove"),
        &[("delete_at_server", "on"), ("confirm", "gamma.test")],
    )
    .await;
    expect_on(
        &ada,
        &format!("{GAMMA}/remove"),
        "gamma.test is still at the mail server, with 1 mailbox in it",
    )
    .await;
    assert!(s.app.simulator.store().account_by_address(GINA).is_some());
    let db = s.app.db().await;
    assert!(
        app::ssr::db::organisations::organisation(&db, "gamma")
            .await
            .unwrap()
            .is_some()
    );

    // Typed wrong: nothing removed, nothing deleted.
    let r = post(
        &ada,
        &format!("{GAMMA}/remove"),
        &[("delete_at_server", "on"), ("confirm", "gama.test")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        page(&ada, &format!("{GAMMA}/remove"))
            .await
            .contains("Type exactly the domain names")
    );
    assert!(s.app.simulator.store().domain_id("gamma.test").is_some());

    let r = post(
        &ada,
        &format!("{GAMMA}/remove"),
        &[("delete_at_server", "on"), ("confirm", "gamma.test")],
    )
    .await;
    if location(&r) != "/partners" {
        panic!("{}", main_of(&page(&ada, &format!("{GAMMA}/remove")).await));
    }
    expect_on(
        &ada,
        "/partners",
        "and gamma.test deleted at the mail server",
    )
    .await;
    assert!(s.app.simulator.store().domain_id("gamma.test").is_none());
    assert!(s.app.simulator.store().account_by_address(GINA).is_none());
    let db = s.app.db().await;
    assert!(
        app::ssr::db::organisations::organisation(&db, "gamma")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        app::ssr::db::organisations::domain_owner(&db, "gamma.test")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn removing_without_the_box_ticked_keeps_everything_at_the_server() {
    let s = scene().await;
    let ada = onboard_gamma(&s).await;
    let r = post(&ada, &format!("{GAMMA}/remove"), &[("confirm", "")]).await;
    assert_eq!(location(&r), "/partners");
    assert!(s.app.simulator.store().domain_id("gamma.test").is_some());
    // Its audit log stays under its short name, which no new organisation gets.
    let r = post(
        &ada,
        "/partners/new",
        &[
            ("display_name", "Gamma"),
            ("slug", ""),
            ("contact_email", "it@gamma.test"),
        ],
    )
    .await;
    assert_eq!(location(&r), "/partners/new");
    expect_on(&ada, "/partners/new", "was used by an organisation before").await;
}

#[tokio::test]
async fn the_operator_manages_every_organisation_and_creates_partners() {
    let dns = DnsServer::start_on("127.0.0.1:0".parse().unwrap(), &["gamma.test".to_owned()])
        .await
        .unwrap();
    let addr = dns.addr;
    let app = TestApp::spawn_with(seed(), |c| {
        *c = c
            .replace(
                "display_name = \"Acme Corp\"",
                "display_name = \"Acme Corp\"\n            operator = true",
            )
            .replace(
                "display_name = \"Beta Ltd\"",
                "display_name = \"Beta Ltd\"\n            partner = true",
            );
        partner_config(c, addr);
    })
    .await;
    let ada = signed_in(&app, ADA).await;
    // Every organisation but its own, the ones in postern.toml read-only.
    let list = page(&ada, "/partners").await;
    assert!(
        list.contains("Beta Ltd") && list.contains("postern.toml"),
        "{}",
        main_of(&list)
    );
    let r = ada
        .post_form("/partners/organisations/beta/suspend", &[])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "declared in postern.toml"
    );
    // The operator creates a partner.
    expect_on(
        &ada,
        "/partners/new",
        "A partner: its administrators onboard",
    )
    .await;
    let r = ada
        .post_form(
            "/partners/new",
            &[
                ("display_name", "Delta MSP"),
                ("slug", ""),
                ("contact_email", "ops@delta.test"),
                ("partner", "on"),
            ],
        )
        .await;
    assert_eq!(location(&r), "/partners/organisations/delta-msp");
    let db = app.db().await;
    let delta = app::ssr::db::organisations::organisation(&db, "delta-msp")
        .await
        .unwrap()
        .unwrap();
    assert!(delta.partner && !delta.operator);
    assert_eq!(delta.managed_by.as_deref(), Some("acme"));

    // A partner that is not the operator cannot.
    let bert = signed_in(&app, BERT).await;
    assert!(
        !page(&bert, "/partners/new")
            .await
            .contains("A partner: its administrators")
    );
    let r = bert
        .post_form(
            "/partners/new",
            &[
                ("display_name", "Epsilon"),
                ("slug", ""),
                ("contact_email", "it@epsilon.test"),
                ("partner", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(
        app::ssr::db::organisations::organisation(&db, "epsilon")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn the_organisations_admin_tests_sign_in_through_a_one_time_link() {
    let s = scene().await;
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    post(
        &ada,
        &format!("{GAMMA}/domains"),
        &[("domain", "gamma.test")],
    )
    .await;
    add_gamma_server(&s, &ada).await;
    save_gamma_idp(&s, &ada).await;
    post(&ada, &format!("{GAMMA}/idp/test-link"), &[]).await;
    let html = page(&ada, GAMMA).await;
    let at = html
        .find("/test-sign-in/")
        .unwrap_or_else(|| panic!("{}", main_of(&html)));
    let token: String = html[at + 14..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    assert_eq!(token.len(), 26, "128 bits in base32");
    let db = s.app.db().await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_sha256 FROM test_links")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert!(
        !stored.iter().any(|t| t.contains(&token)),
        "only its digest is kept"
    );

    // Gamma's administrator, signed in nowhere, opens it.
    let gina = s.app.browser();
    let link = format!("/test-sign-in/{token}");
    expect_on(&gina, &link, "Your mail provider is setting up Gamma").await;
    expect_on(&gina, &link, "Your mail provider is setting up Gamma").await; // opening it uses nothing up
    let r = gina.post_form(&link, &[]).await;
    let authorize = format!("{}&login_hint={GINA}", location(&r));
    let idp = gina.client.get(&authorize).send().await.unwrap();
    let callback = gina.client.get(location(&idp)).send().await.unwrap();
    assert_eq!(location(&callback), "/test-sign-in/done");
    let done = gina.get("/test-sign-in/done").await;
    assert_eq!(location(&done), "/");
    assert!(
        gina.start_page()
            .await
            .contains("signing in as gina@gamma.test worked")
    );
    assert_eq!(
        location(&gina.get("/account").await),
        "/",
        "signed in nowhere"
    );

    // The partner sees the result, and Gamma can go live on it.
    let html = page(&ada, GAMMA).await;
    assert!(
        html.contains("Yes: gamma.test") && html.contains("gamma-admins"),
        "{}",
        main_of(&html)
    );
    expect_on(&ada, GAMMA, "gina@gamma.test").await;

    // Once only.
    let again = s.app.browser();
    assert_eq!(again.get(&link).await.status(), StatusCode::NOT_FOUND);
    let r = again.post_form(&link, &[]).await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(text(&r.text().await.unwrap()).contains("This test link cannot be used"));
    assert!(
        again.session_cookie().is_none(),
        "a stranger's request stores no session"
    );
}

#[tokio::test]
async fn an_unvouched_address_fails_the_test_until_the_partner_unticks_the_check() {
    let s = scene().await;
    let mut ed = User::new("ed@gamma.test", "Ed", &[]);
    ed.email_verified = false;
    s.gamma_idp.add_user(ed);
    let ada = signed_in(&s.app, ADA).await;
    create_gamma(&ada).await;
    add_gamma_server(&s, &ada).await;
    save_gamma_idp(&s, &ada).await;
    let test = |who: &'static str| {
        let ada = &ada;
        async move {
            let r = post(ada, &format!("{GAMMA}/idp/test"), &[]).await;
            let idp = ada
                .client
                .get(format!("{}&login_hint={who}", location(&r)))
                .send()
                .await
                .unwrap();
            ada.client.get(location(&idp)).send().await.unwrap();
            ada.get(&format!("{GAMMA}/idp/tested")).await;
        }
    };
    test("ed@gamma.test").await;
    expect_on(&ada, GAMMA, "The test sign-in failed: the identity provider does not say the e-mail address is verified").await;
    // Unticked (an Entra-like IdP): the same person passes.
    post(
        &ada,
        &format!("{GAMMA}/idp"),
        &[
            ("issuer", &s.gamma_idp.issuer),
            ("client_id", "postern-g"),
            ("client_secret", ""),
            ("scopes", "openid email"),
            ("email_claim", "email"),
            ("groups_claim", "groups"),
            ("admin_group", ""),
            ("login_hint", "email"),
        ],
    )
    .await;
    test("ed@gamma.test").await;
    expect_on(
        &ada,
        GAMMA,
        "The test sign-in worked: the IdP vouched for ed@gamma.test",
    )
    .await;
    let db = s.app.db().await;
    let gamma = app::ssr::db::organisations::organisation(&db, "gamma")
        .await
        .unwrap()
        .unwrap();
    assert!(!gamma.policies.require_verified_email);
}

#[tokio::test]
async fn the_partners_list_is_paged_and_searchable() {
    let s = scene().await;
    let db = s.app.db().await;
    for i in 0..60 {
        let slug = format!("org{i:03}");
        let o = app::ssr::directory::onboard::draft(&slug, &format!("Organisation {i:03}"), "acme");
        app::ssr::directory::onboard::create_draft(&db, &o, "it@example.test")
            .await
            .unwrap();
    }
    let ada = signed_in(&s.app, ADA).await;
    let first = page(&ada, "/partners").await;
    assert!(
        first.contains("Page 1 of 2: 50 of 60 organisations"),
        "{}",
        main_of(&first)
    );
    assert!(first.contains("Organisation 049") && !first.contains("Organisation 050"));
    let second = page(&ada, "/partners?q=&page=2").await;
    assert!(second.contains("Organisation 059") && second.contains("Previous page"));
    let found = page(&ada, "/partners?q=ORG05").await;
    assert!(found.contains("10 organisations"), "{}", main_of(&found));
    expect_on(
        &ada,
        "/partners?q=nothing-like-it",
        "No organisation matches that search.",
    )
    .await;
    // Another partner's list holds none of them.
    let bert = signed_in(&s.app, BERT).await;
    expect_on(&bert, "/partners", "You do not manage any organisation yet").await;
}
