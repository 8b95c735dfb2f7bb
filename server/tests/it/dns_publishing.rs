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
