//! The product's DNS publishing calls (`StalwartClient`: x:DnsServer, dnsManagement, x:Task
//! DnsManagement) against the simulator publishing into a real Knot zone (live 125–151).

use crate::common::{API_KEY, TestApp};
use app::ssr::stalwart::{FailureCause, SetErrorKind, StalwartClient, StalwartError, TsigServer};
use secrecy::SecretString;
use std::time::{Duration, Instant};
use testkit::knot::{ALGORITHM, KEY_NAME, Knot};

fn client(app: &TestApp) -> StalwartClient {
    StalwartClient::new(
        &url::Url::parse(&app.simulator.url).unwrap(),
        API_KEY.to_owned().into(),
        Duration::from_secs(5),
    )
    .unwrap()
}

/// Saves `knot` as the mail server's DNS server, with `secret` (its key's, or a wrong one).
async fn save_knot(client: &StalwartClient, knot: &Knot, secret: &str) -> String {
    let secret = SecretString::from(secret.to_owned());
    client
        .create_tsig_server(&TsigServer {
            description: "Knot for the tests",
            host: knot.addr.ip(),
            port: knot.addr.port(),
            key_name: KEY_NAME,
            algorithm: ALGORITHM,
            secret: &secret,
            tcp: false,
        })
        .await
        .unwrap()
}

async fn settled(client: &StalwartClient, domain: &str) -> Vec<app::ssr::stalwart::DnsTask> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let tasks = client.dns_tasks(domain).await.unwrap();
        if tasks.iter().all(|t| t.failed.is_some()) {
            return tasks;
        }
        assert!(Instant::now() < deadline, "still running: {tasks:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn records_are_published_a_wrong_key_is_named_and_a_server_in_use_stays() {
    let knot = Knot::start(&[
        ("live.test", "@ IN MX 20 backup-mx.other-provider.net."),
        ("wrong.test", ""),
    ]);
    let app = TestApp::spawn().await;
    let (good_domain, bad_domain) = {
        let mut store = app.simulator.store();
        (
            store.create_domain("live.test"),
            store.create_domain("wrong.test"),
        )
    };
    let client = client(&app);
    let good = save_knot(&client, &knot, &knot.secret).await;
    client
        .publish_automatically(&good_domain, &good, None)
        .await
        .unwrap();
    assert_eq!(settled(&client, &good_domain).await, []);
    assert_eq!(
        knot.data("live.test", "live.test.", "MX"),
        ["10 mail.example.org."]
    );
    // Publishing again is an explicit task, and it too vanishes when done.
    client
        .publish_again(&good_domain, &["mx", "spf"])
        .await
        .unwrap();
    assert_eq!(settled(&client, &good_domain).await, []);

    // Well-formed but wrong: saved, and the task says so in the misleading words, which
    // Postern reads as a key problem.
    let bad = save_knot(
        &client,
        &knot,
        "mdjukYVMoyLjkzKfX5Lm0zqDd8gxlpQ2UsJBmjokLe0=",
    )
    .await;
    client
        .publish_automatically(&bad_domain, &bad, None)
        .await
        .unwrap();
    let failed = settled(&client, &bad_domain).await;
    assert_eq!(failed.len(), 1);
    let failure = failed[0].failed.as_ref().unwrap();
    assert_eq!(failure.cause, FailureCause::WrongKey, "{}", failure.reason);
    // The other domain's tasks are not this one's.
    assert_eq!(settled(&client, &good_domain).await, []);

    // In use: refused, and said why; once the domain publishes by hand, removed.
    match client.destroy_dns_server(&good).await {
        Err(StalwartError::Set(e)) => assert_eq!(e.kind, SetErrorKind::ObjectIsLinked),
        other => panic!("{other:?}"),
    }
    client.publish_manually(&good_domain).await.unwrap();
    client.destroy_dns_server(&good).await.unwrap();
    client.destroy_dns_server(&good).await.unwrap();
    // The zone keeps what was published (live 143, 150).
    assert_eq!(
        knot.data("live.test", "live.test.", "MX"),
        ["10 mail.example.org."]
    );
    // A failed task stays until removed (live 149).
    client.destroy_tasks(&[failed[0].id.clone()]).await.unwrap();
    assert_eq!(client.dns_tasks(&bad_domain).await.unwrap(), []);
}

#[tokio::test]
async fn the_preview_warns_of_a_foreign_mx_and_spf_and_shows_nothing_left_to_do_after_publishing() {
    use app::ssr::dns::{check::DnsChecker, zone};
    let knot = Knot::start(&[(
        "preview.test",
        "@ IN MX 20 backup-mx.other-provider.net.\n\
         @ IN TXT \"v=spf1 include:_spf.other-provider.net -all\"\n\
         @ IN TXT \"site-verification=keep-me-123\"",
    )]);
    let app = TestApp::spawn().await;
    let (domain, records) = {
        let mut store = app.simulator.store();
        let id = store.create_domain("preview.test");
        let number = testkit::stalwart::ids::decode_id(&id).unwrap() as u32;
        (id, zone::parse(&store.zone_file(number)))
    };
    let checker = DnsChecker::new(&[knot.addr.to_string()], Duration::from_secs(2)).unwrap();

    let before = checker.preview("preview.test", &records).await;
    assert!(before.unknown.is_empty(), "{:?}", before.unknown);
    assert_eq!(before.foreign_mx, ["backup-mx.other-provider.net"]);
    assert_eq!(
        before.foreign_spf.as_deref(),
        Some("v=spf1 include:_spf.other-provider.net -all")
    );
    assert!(before.needs_confirmation());
    assert!(before.unchanged.is_empty());

    let client = client(&app);
    let server = save_knot(&client, &knot, &knot.secret).await;
    client
        .publish_automatically(&domain, &server, None)
        .await
        .unwrap();
    assert_eq!(settled(&client, &domain).await, []);

    // Published: nothing is added or replaced any more, and no warning is left; the site
    // verification stayed beside the SPF.
    let after = checker.preview("preview.test", &records).await;
    assert!(!after.needs_confirmation(), "{after:?}");
    assert!(
        after.added.is_empty() && after.replaced.is_empty(),
        "{after:?}"
    );
    let apex_txt = after
        .unchanged
        .iter()
        .find(|c| c.name == "preview.test" && c.kind == "TXT")
        .unwrap();
    assert!(
        apex_txt
            .now
            .contains(&"site-verification=keep-me-123".to_owned())
    );
}

#[tokio::test]
async fn postern_tries_a_key_before_publishing_and_removes_the_records_when_a_domain_leaves() {
    use app::ssr::dns::check::DnsChecker;
    use app::ssr::dns::update::{UpdateError, Updater, try_key};
    let knot = Knot::start(&[("leaving.test", "@ IN TXT \"site-verification=keep-me-123\"")]);
    let checker = DnsChecker::new(&[knot.addr.to_string()], Duration::from_secs(2)).unwrap();
    let updater = |addr, secret: &str| {
        Updater::new(
            addr,
            false,
            KEY_NAME,
            ALGORITHM,
            &SecretString::from(secret.to_owned()),
            Duration::from_secs(2),
        )
        .unwrap()
    };
    let good = updater(knot.addr, &knot.secret);
    try_key(&good, &checker, "leaving.test", "leaving.test")
        .await
        .unwrap();
    // The check record is gone again.
    assert!(
        knot.records("leaving.test")
            .iter()
            .all(|r| !r.name.starts_with("_postern-check")),
        "{:?}",
        knot.records("leaving.test")
    );
    // Told apart: a wrong secret, a zone the server does not serve, nothing listening.
    let wrong = updater(knot.addr, "mdjukYVMoyLjkzKfX5Lm0zqDd8gxlpQ2UsJBmjokLe0=");
    assert_eq!(
        try_key(&wrong, &checker, "leaving.test", "leaving.test").await,
        Err(UpdateError::WrongKey)
    );
    assert_eq!(
        try_key(&good, &checker, "elsewhere.test", "elsewhere.test").await,
        Err(UpdateError::NotServed)
    );
    let closed = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    assert!(matches!(
        try_key(
            &updater(closed, &knot.secret),
            &checker,
            "leaving.test",
            "leaving.test"
        )
        .await,
        Err(UpdateError::Unreachable(_) | UpdateError::TimedOut)
    ));
    assert!(matches!(
        Updater::new(
            knot.addr,
            false,
            KEY_NAME,
            "hmac-md5",
            &SecretString::from(knot.secret.clone()),
            Duration::from_secs(1)
        ),
        Err(UpdateError::Unusable(_))
    ));

    // Published by the mail server, then removed by Postern: the mail server's records go,
    // the site verification stays.
    let app = TestApp::spawn().await;
    let (domain, records) = {
        let mut store = app.simulator.store();
        let id = store.create_domain("leaving.test");
        let number = testkit::stalwart::ids::decode_id(&id).unwrap() as u32;
        (id, app::ssr::dns::zone::parse(&store.zone_file(number)))
    };
    let client = client(&app);
    let server = save_knot(&client, &knot, &knot.secret).await;
    client
        .publish_automatically(&domain, &server, None)
        .await
        .unwrap();
    assert_eq!(settled(&client, &domain).await, []);
    assert!(knot.records("leaving.test").len() > 10);
    for r in &records {
        if r.kind == "TXT" && r.name == "leaving.test" {
            good.delete_txt("leaving.test", &r.name, &r.value)
                .await
                .unwrap();
        } else {
            good.delete_rrset("leaving.test", &r.name, &r.kind)
                .await
                .unwrap();
        }
    }
    let left: Vec<_> = knot.records("leaving.test");
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].data, "\"site-verification=keep-me-123\"");
}

// ----- Through the partner console: the DNS step -----

mod console {
    use crate::common::{ADA, Browser, location};
    use crate::partners::{
        GAMMA, Scene, add_gamma_server, create_gamma, main_of, page, post, proof_value,
        scene_resolving, signed_in,
    };
    use reqwest::StatusCode;
    use std::time::{Duration, Instant};
    use testkit::dns::DnsServer;
    use testkit::knot::{ALGORITHM, KEY_NAME, Knot};

    /// Knot holds `zone`; the portal's resolver asks it about that zone (as a recursive
    /// resolver would), so the console sees what the mail server publishes.
    async fn scene_with_knot(knot: &Knot, zone: &str) -> Scene {
        let dns = DnsServer::start_forwarding(
            "127.0.0.1:0".parse().unwrap(),
            &[],
            &[(zone.to_owned(), knot.addr)],
        )
        .await
        .unwrap();
        scene_resolving(dns, |_| {}).await
    }

    /// Gamma, with `domain` proven (its proof published into Knot) and created at the mail
    /// server; returns Ada's browser.
    async fn gamma_at_server(s: &Scene, knot: &Knot, domain: &str) -> Browser {
        let ada = signed_in(&s.app, ADA).await;
        create_gamma(&ada).await;
        post(&ada, &format!("{GAMMA}/domains"), &[("domain", domain)]).await;
        let value = proof_value(&ada).await;
        knot.add_txt(&format!("_postern-challenge.{domain}"), &value)
            .unwrap();
        post(&ada, &format!("{GAMMA}/domains/{domain}/check"), &[]).await;
        add_gamma_server(s, &ada).await;
        let r = post(&ada, &format!("{GAMMA}/domains/{domain}/create"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(s.app.simulator.store().domain_id(domain).is_some());
        ada
    }

    /// Posts the DNS step's key form for `domain` with `secret` (and `origin`).
    async fn try_key(
        ada: &Browser,
        knot: &Knot,
        domain: &str,
        secret: &str,
        origin: &str,
    ) -> reqwest::Response {
        let port = knot.addr.port().to_string();
        post(
            ada,
            &format!("{GAMMA}/domains/{domain}/dns"),
            &[
                ("host", "127.0.0.1"),
                ("port", &port),
                ("key_name", KEY_NAME),
                ("algorithm", ALGORITHM),
                ("secret", secret),
                ("origin", origin),
            ],
        )
        .await
    }

    /// Waits until the simulator's publishing tasks have run.
    async fn published(s: &Scene) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while s.app.simulator.store().dns_publishing() {
            assert!(Instant::now() < deadline, "the task is still running");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn console(ada: &Browser) -> String {
        page(ada, GAMMA).await
    }

    async fn dns_server_id(domain: &str, db: &app::ssr::db::Db) -> String {
        app::ssr::db::dns_publishing::of_domain(db, domain)
            .await
            .unwrap()
            .and_then(|p| p.dns_server_id)
            .expect("publishing through the mail server")
    }

    #[tokio::test]
    async fn gamma_publishes_into_knot_after_the_foreign_mx_and_spf_are_confirmed_and_removal_deletes_them()
     {
        let knot = Knot::start(&[(
            "gamma.test",
            "@ IN MX 20 backup-mx.other-provider.net.\n\
             @ IN TXT \"v=spf1 include:_spf.other-provider.net -all\"\n\
             @ IN TXT \"site-verification=keep-me\"",
        )]);
        let s = scene_with_knot(&knot, "gamma.test").await;
        let ada = gamma_at_server(&s, &knot, "gamma.test").await;

        // The key is tried first; the preview names what will be replaced.
        let r = try_key(&ada, &knot, "gamma.test", &knot.secret, "").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let html = console(&ada).await;
        assert!(
            html.contains("The key works: Postern wrote a test record into gamma.test"),
            "{}",
            main_of(&html)
        );
        assert!(
            html.contains("The domain receives mail at backup-mx.other-provider.net now"),
            "{}",
            main_of(&html)
        );
        assert!(html.contains("v=spf1 include:_spf.other-provider.net -all"));
        // The test record is gone again, and nothing was published yet.
        assert!(
            knot.data("gamma.test", "_postern-check.gamma.test.", "TXT")
                .is_empty()
        );
        assert_eq!(
            knot.data("gamma.test", "gamma.test.", "MX"),
            ["20 backup-mx.other-provider.net."]
        );
        assert!(s.app.simulator.store().dns_server_ids().is_empty());

        // Without the tick: refused, and still nothing at the mail server.
        post(
            &ada,
            &format!("{GAMMA}/domains/gamma.test/dns/publish"),
            &[],
        )
        .await;
        let html = console(&ada).await;
        assert!(html.contains("Tick the box to go on"), "{}", main_of(&html));
        assert!(s.app.simulator.store().dns_server_ids().is_empty());

        let r = post(
            &ada,
            &format!("{GAMMA}/domains/gamma.test/dns/publish"),
            &[("confirm", "on")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        published(&s).await;
        // What the page's island asks while the mail server writes: done now.
        let status = ada
            .get(&format!("{GAMMA}/domains/gamma.test/dns/status"))
            .await;
        assert_eq!(status.status(), StatusCode::OK);
        assert_eq!(
            knot.data("gamma.test", "gamma.test.", "MX"),
            ["10 mail.example.org."]
        );
        let apex = knot.data("gamma.test", "gamma.test.", "TXT");
        assert!(
            apex.contains(&"\"site-verification=keep-me\"".to_owned()),
            "{apex:?}"
        );
        assert!(apex.contains(&"\"v=spf1 mx -all\"".to_owned()), "{apex:?}");
        let html = console(&ada).await;
        assert!(
            html.contains("Published: the mail server signs with it"),
            "{}",
            main_of(&html)
        );
        assert!(!html.contains("Not in DNS yet"), "{}", main_of(&html));
        let db = s.app.db().await;
        assert_eq!(
            app::ssr::db::dns_publishing::of_domain(&db, "gamma.test")
                .await
                .unwrap()
                .unwrap()
                .state,
            "published"
        );

        // New keys (the mail server's rotation) wait until the mail server sees them;
        // "Publish again" writes them and they sign.
        let selectors = s.app.simulator.store().rotate_dkim_keys("gamma.test");
        let html = console(&ada).await;
        assert!(
            html.contains("Waiting: not in DNS yet"),
            "{}",
            main_of(&html)
        );
        // The mail server's own words on why it does not sign with them (live 133).
        assert!(
            html.contains(&format!(
                "DKIM record {}._domainkey.gamma.test. did not propagate, will retry.",
                selectors[0]
            )),
            "{}",
            main_of(&html)
        );
        // Published by hand where the mail server cannot see them: Postern sees them, the
        // mail server's resolver does not, and the page says which to fix.
        for selector in &selectors {
            let value = s.app.simulator.store().dkim_txt("gamma.test", selector);
            knot.add_txt(&format!("{selector}._domainkey.gamma.test"), &value)
                .unwrap();
        }
        let html = console(&ada).await;
        assert!(
            html.contains("In DNS, but the mail server cannot see it"),
            "{}",
            main_of(&html)
        );
        post(&ada, &format!("{GAMMA}/domains/gamma.test/dns/again"), &[]).await;
        published(&s).await;
        let html = console(&ada).await;
        for selector in &selectors {
            assert!(html.contains(selector.as_str()), "{selector}");
        }
        assert!(!html.contains("Waiting"), "{}", main_of(&html));

        // Another domain at the mail server comes to use the same DNS server entry.
        let server_id = dns_server_id("gamma.test", &db).await;
        let other = s.app.simulator.store().create_domain("other.test");
        super::client(&s.app)
            .publish_automatically(&other, &server_id, None)
            .await
            .unwrap();

        // Removal with the tick: the records leave the zone first, then the domain; the
        // DNS server entry stays for the other domain, and the answer says so.
        let remove = format!("{GAMMA}/remove");
        let html = page(&ada, &remove).await;
        assert!(html.contains("The DNS records the mail server published stay in gamma.test"));
        let r = post(
            &ada,
            &remove,
            &[("delete_at_server", "on"), ("confirm", "gamma.test")],
        )
        .await;
        if location(&r) != "/partners" {
            panic!("{}", main_of(&page(&ada, &remove).await));
        }
        let list = page(&ada, "/partners").await;
        assert!(
            list.contains("The DNS records were removed from gamma.test"),
            "{}",
            main_of(&list)
        );
        assert!(
            list.contains("keeps its DNS server entry for gamma.test"),
            "{}",
            main_of(&list)
        );
        let left = knot.records("gamma.test");
        assert!(
            left.iter()
                .all(|r| r.data == "\"site-verification=keep-me\""
                    || r.name.starts_with("_postern-challenge")),
            "{left:?}"
        );
        assert!(s.app.simulator.store().domain_id("gamma.test").is_none());
        assert_eq!(s.app.simulator.store().dns_server_ids(), [server_id]);
    }

    #[tokio::test]
    async fn a_wrong_secret_a_zone_not_served_and_a_failed_task_are_told_in_words() {
        let knot = Knot::start(&[("gamma.test", "")]);
        let s = scene_with_knot(&knot, "gamma.test").await;
        let ada = gamma_at_server(&s, &knot, "gamma.test").await;

        // A wrong but well-formed secret: the DNS server refuses it, Postern says so.
        let wrong = "d3JvbmctYnV0LXdlbGwtZm9ybWVkLXNlY3JldC0zMi1i";
        try_key(&ada, &knot, "gamma.test", wrong, "").await;
        let html = console(&ada).await;
        assert!(
            html.contains("The DNS server refused the key"),
            "{}",
            main_of(&html)
        );
        // Not base64 at all: said before anything is sent.
        try_key(&ada, &knot, "gamma.test", "not a secret!", "").await;
        assert!(console(&ada).await.contains("This is not a TSIG secret"));
        // A zone the server does not serve.
        let zone_elsewhere = Knot::start(&[("elsewhere.test", "")]);
        let port = zone_elsewhere.addr.port().to_string();
        post(
            &ada,
            &format!("{GAMMA}/domains/gamma.test/dns"),
            &[
                ("host", "127.0.0.1"),
                ("port", &port),
                ("key_name", KEY_NAME),
                ("algorithm", ALGORITHM),
                ("secret", &zone_elsewhere.secret),
            ],
        )
        .await;
        let html = console(&ada).await;
        assert!(
            html.contains("The DNS server does not serve a zone named gamma.test"),
            "{}",
            main_of(&html)
        );
        // A host name instead of an address, an origin that is not a parent.
        post(
            &ada,
            &format!("{GAMMA}/domains/gamma.test/dns"),
            &[
                ("host", "ns1.gamma.test"),
                ("key_name", KEY_NAME),
                ("algorithm", ALGORITHM),
                ("secret", &knot.secret),
                ("origin", "other.test"),
            ],
        )
        .await;
        let html = console(&ada).await;
        assert!(
            html.contains("Give the DNS server's IP address"),
            "{}",
            main_of(&html)
        );
        assert!(html.contains("The zone must be gamma.test itself"));
        assert!(s.app.simulator.store().dns_server_ids().is_empty());

        // The right key: published.
        try_key(&ada, &knot, "gamma.test", &knot.secret, "").await;
        post(
            &ada,
            &format!("{GAMMA}/domains/gamma.test/dns/publish"),
            &[],
        )
        .await;
        published(&s).await;
        assert_eq!(
            knot.data("gamma.test", "gamma.test.", "MX"),
            ["10 mail.example.org."]
        );

        // The DNS server's key changes behind the mail server's back: the next task fails
        // with the misleading "truncated HMACs", and the page says what it means.
        let port = knot.addr.port();
        drop(knot);
        let rekeyed = Knot::start_on(
            port,
            "bmV3LXNlY3JldC1vZi10aGUtZG5zLXNlcnZlci0zMmI=",
            &[("gamma.test", "")],
        );
        post(&ada, &format!("{GAMMA}/domains/gamma.test/dns/again"), &[]).await;
        published(&s).await;
        let html = console(&ada).await;
        assert!(
            html.contains("The DNS server refused the key (the mail server reports this as"),
            "{}",
            main_of(&html)
        );
        assert!(
            html.contains("truncated HMACs with TSIG"),
            "the server's own words"
        );
        assert!(rekeyed.data("gamma.test", "gamma.test.", "MX").is_empty());
        let db = s.app.db().await;
        assert_eq!(
            app::ssr::db::dns_publishing::of_domain(&db, "gamma.test")
                .await
                .unwrap()
                .unwrap()
                .state,
            "failed"
        );

        // Back to publishing by hand: the domain is Manual at the mail server, its failed
        // task and the DNS server entry are gone, and the form is offered again.
        let r = post(&ada, &format!("{GAMMA}/domains/gamma.test/dns/stop"), &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let html = console(&ada).await;
        assert!(
            html.contains("The mail server no longer publishes the records"),
            "{}",
            main_of(&html)
        );
        assert!(html.contains("I publish them myself"));
        assert!(s.app.simulator.store().dns_server_ids().is_empty());
        let domain_id = s.app.simulator.store().domain_id("gamma.test").unwrap();
        assert_eq!(
            super::client(&s.app).dns_tasks(&domain_id).await.unwrap(),
            []
        );
        assert!(
            app::ssr::db::dns_publishing::of_domain(&db, "gamma.test")
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn a_sub_domain_publishes_into_its_parent_zone_and_without_the_tick_its_records_stay() {
        let knot = Knot::start(&[("gamma.test", "")]);
        let s = scene_with_knot(&knot, "gamma.test").await;
        let ada = gamma_at_server(&s, &knot, "eu.gamma.test").await;
        // Without the origin the key is tried against a zone the server does not serve.
        try_key(&ada, &knot, "eu.gamma.test", &knot.secret, "").await;
        assert!(
            console(&ada)
                .await
                .contains("does not serve a zone named eu.gamma.test")
        );
        try_key(&ada, &knot, "eu.gamma.test", &knot.secret, "gamma.test").await;
        let html = console(&ada).await;
        assert!(
            html.contains("wrote a test record into gamma.test"),
            "{}",
            main_of(&html)
        );
        // Nothing there yet to replace: no tick asked for.
        assert!(!html.contains("I understand: replace them"));
        // A preview that cannot be read is never taken as "nothing to warn about".
        let db = s.app.db().await;
        sqlx::query("UPDATE dns_publishing SET preview = NULL")
            .execute(&db.pool)
            .await
            .unwrap();
        post(
            &ada,
            &format!("{GAMMA}/domains/eu.gamma.test/dns/publish"),
            &[],
        )
        .await;
        assert!(console(&ada).await.contains("Try the key first"));
        assert!(s.app.simulator.store().dns_server_ids().is_empty());
        try_key(&ada, &knot, "eu.gamma.test", &knot.secret, "gamma.test").await;
        post(
            &ada,
            &format!("{GAMMA}/domains/eu.gamma.test/dns/publish"),
            &[],
        )
        .await;
        published(&s).await;
        assert_eq!(
            knot.data("gamma.test", "eu.gamma.test.", "MX"),
            ["10 mail.example.org."]
        );
        assert!(knot.data("gamma.test", "gamma.test.", "MX").is_empty());
        let html = console(&ada).await;
        assert!(
            html.contains("into the zone gamma.test"),
            "{}",
            main_of(&html)
        );

        // Removed without the box ticked: everything stays, records included, and the
        // answer says where.
        let r = post(&ada, &format!("{GAMMA}/remove"), &[("confirm", "")]).await;
        assert_eq!(location(&r), "/partners");
        let list = page(&ada, "/partners").await;
        assert!(
            list.contains("The DNS records the mail server published stay in gamma.test"),
            "{}",
            main_of(&list)
        );
        assert_eq!(
            knot.data("gamma.test", "eu.gamma.test.", "MX"),
            ["10 mail.example.org."]
        );
        assert!(s.app.simulator.store().domain_id("eu.gamma.test").is_some());
        assert_eq!(s.app.simulator.store().dns_server_ids().len(), 1);
    }
}

/// An organisation's administrators read on their domain page that the mail server publishes
/// its records itself (and another organisation's publishing says nothing there).
#[tokio::test]
async fn the_domain_page_says_when_the_mail_server_publishes_the_records() {
    use crate::common::{ADA, signed_in};
    use app::ssr::db::dns_publishing::{self, Publishing, state};
    let app = TestApp::spawn().await;
    let ada = signed_in(&app, ADA).await;
    async fn page(b: &crate::common::Browser) -> String {
        b.get("/admin/domains/acme.test")
            .await
            .text()
            .await
            .unwrap()
    }
    assert!(!page(&ada).await.contains("publishes these records itself"));
    let db = app.db().await;
    let row = |organisation: &str| Publishing {
        domain: "acme.test".into(),
        organisation: organisation.into(),
        host: "192.0.2.53".into(),
        port: 53,
        tcp: false,
        key_name: "acme-update.".into(),
        algorithm: "hmac-sha256".into(),
        secret: app::ssr::secrets::Sealed {
            key_id: "000000000000".into(),
            value: "sealed".into(),
        },
        origin: None,
        state: state::CHECKED.into(),
        preview: None,
        dns_server_id: None,
        failure: None,
        updated_at: 0,
    };
    // Only tried, not switched on: nothing to say yet.
    assert!(
        dns_publishing::put_checked(&db, &row("acme"))
            .await
            .unwrap()
    );
    assert!(!page(&ada).await.contains("publishes these records itself"));
    dns_publishing::set_state(&db, "acme.test", state::PUBLISHING, Some("b"), None)
        .await
        .unwrap();
    assert!(
        page(&ada)
            .await
            .contains("The mail server publishes these records itself into the zone acme.test")
    );
}
