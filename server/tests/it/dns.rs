//! The domain page against a real authoritative DNS server on loopback: every status, the
//! checks that matter (foreign MX, two SPF records, wrong DKIM key, DMARC p=none), and a
//! server that stops answering, before or in the middle of a check.

use crate::common;

use common::{ADA, Browser, TestApp, location, text};
use reqwest::StatusCode;
use std::time::{Duration, Instant};
use testkit::dns::{DnsServer, txt};

/// The zone as the world sees it: some records right, some wrong, some missing.
fn published_zone(store: &testkit::stalwart::Store) -> String {
    let acme =
        testkit::stalwart::ids::decode_id(&store.domain_id("acme.test").unwrap()).unwrap() as u32;
    let rsa = store
        .dkim
        .values()
        .find(|k| k.domain_id == acme && k.algorithm == "Dkim1RsaSha256")
        .unwrap();
    let ed = store
        .dkim
        .values()
        .find(|k| k.domain_id == acme && k.algorithm == "Dkim1Ed25519Sha256")
        .unwrap();
    format!(
        "$ORIGIN acme.test.\n$TTL 300\n\
         @ IN SOA ns1.acme.test. hostmaster.acme.test. ( 1 3600 600 86400 60 )\n\
         @ IN NS ns1.acme.test.\n\
         ns1 IN A 127.0.0.1\n\
         @ IN MX 10 mx.foreign.test.\n\
         @ IN TXT \"v=spf1 mx -all\"\n\
         @ IN TXT \"v=spf1 include:other.test ~all\"\n\
         {rsa}._domainkey IN TXT {rsa_value}\n\
         {ed}._domainkey IN TXT \"v=DKIM1; k=ed25519; h=sha256; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n\
         _dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:postmaster@acme.test\"\n\
         _imaps._tcp IN SRV 0 1 993 mail.example.org.\n\
         mta-sts IN CNAME mail.example.org.\n",
        rsa = rsa.selector,
        rsa_value = txt(&format!("v=DKIM1; k=rsa; h=sha256; p={}", rsa.public_key)),
        ed = ed.selector,
    )
}

async fn setup() -> (TestApp, DnsServer, Browser) {
    let store = common::seed();
    let dns = DnsServer::start("acme.test.", &published_zone(&store)).await;
    let port = dns.addr.port();
    let app = TestApp::spawn_with(store, |config| {
        config.push_str(&format!(
            "\n[dns]\nnameservers = [\"127.0.0.1:{port}\"]\ntimeout_ms = 1000\n"
        ));
    })
    .await;
    let browser = app.browser();
    assert_eq!(location(&browser.sign_in(ADA).await), "/account");
    (app, dns, browser)
}

/// The table row of one record (its HTML), found by name (exact, or a suffix when it starts
/// with a dot) and a piece of its value.
fn row<'a>(page: &'a str, name: &str, value_part: &str) -> &'a str {
    let name_cell = if name.starts_with('.') {
        format!("{name}<")
    } else {
        format!(">{name}<")
    };
    page.split("<tr data-testid=\"record\">")
        .find(|r| r.contains(&name_cell) && r.contains(value_part))
        .unwrap_or_else(|| panic!("no row for {name} / {value_part}"))
}

/// The page at `path`, as text.
async fn page_text(browser: &Browser, path: &str) -> String {
    text(&browser.get(path).await.text().await.unwrap())
}

async fn checked_page(browser: &Browser) -> String {
    let check = browser
        .post_form("/admin/domains/acme.test/check", &[])
        .await;
    assert_eq!(location(&check), "/admin/domains/acme.test");
    page_text(browser, "/admin/domains/acme.test").await
}

#[tokio::test]
async fn every_status_is_shown_with_the_reason() {
    let (_app, _dns, browser) = setup().await;

    let page = checked_page(&browser).await;

    assert!(page.contains("Checked: "), "{page}");
    let mx = row(&page, "acme.test", "mail.example.org");
    assert!(
        mx.contains("Different")
            && mx.contains("mx.foreign.test")
            && mx.contains("points at another mail server"),
        "{mx}"
    );
    let spf = row(&page, "acme.test", "v=spf1 mx -all");
    assert!(
        spf.contains("Different") && spf.contains("two SPF records"),
        "{spf}"
    );
    let srv = row(&page, "_imaps._tcp.acme.test", "993");
    assert!(srv.contains("Published"), "{srv}");
    let missing = row(&page, "autoconfig.acme.test", "mail.example.org");
    assert!(missing.contains("Missing"), "{missing}");
    let dmarc = row(&page, "_dmarc.acme.test", "DMARC1");
    assert!(dmarc.contains("p=none: it only monitors"), "{dmarc}");
    let rsa = row(&page, "._domainkey.acme.test", "k=rsa");
    assert!(
        rsa.contains("Published"),
        "long DKIM key reassembled from 255-byte strings: {rsa}"
    );
    let ed = row(&page, "._domainkey.acme.test", "k=ed25519");
    assert!(
        ed.contains("Different") && ed.contains("does not match"),
        "{ed}"
    );
}

#[tokio::test]
async fn records_are_labelled_by_importance_and_long_values_are_split() {
    let (_app, _dns, browser) = setup().await;

    let page = page_text(&browser, "/admin/domains/acme.test").await;

    assert!(row(&page, "acme.test", "mail.example.org").contains("Required"));
    assert!(row(&page, "acme.test", "v=spf1").contains("Required"));
    assert!(row(&page, "._domainkey.acme.test", "k=rsa").contains("Required"));
    assert!(row(&page, "_dmarc.acme.test", "DMARC1").contains("Recommended"));
    assert!(row(&page, "_smtp._tls.acme.test", "TLSRPT").contains("Optional"));
    let rsa = row(&page, "._domainkey.acme.test", "k=rsa");
    assert!(rsa.contains("As 255-character strings"), "{rsa}");
    assert!(
        page.contains("DKIM keys")
            && page.contains("Ed25519 (SHA-256)")
            && page.contains("RSA (SHA-256)")
    );
}

#[tokio::test]
async fn the_first_visit_does_not_wait_for_dns() {
    let (_app, mut dns, browser) = setup().await;
    dns.stop();

    let started = Instant::now();
    let page = page_text(&browser, "/admin/domains/acme.test").await;

    assert!(
        started.elapsed() < Duration::from_millis(900),
        "took {:?}",
        started.elapsed()
    );
    assert!(page.contains("Checking DNS now"), "{page}");
    assert!(
        !page.contains("http-equiv=\"refresh\""),
        "no timed refresh (axe: meta-refresh)"
    );
    assert!(
        page.contains("<a href=\"/admin/domains/acme.test\">Show the results</a>"),
        "without JavaScript a link shows the results: {page}"
    );

    // What the page polls: 202 while the check runs (the dead server makes it wait for the
    // 1 s timeout), then 200 once the result is there to show.
    let status = browser.get("/admin/domains/acme.test/check-status").await;
    assert_eq!(status.status(), StatusCode::ACCEPTED);
    let mut done = None;
    while started.elapsed() < Duration::from_secs(5) {
        let status = browser.get("/admin/domains/acme.test/check-status").await;
        if status.status() == StatusCode::OK {
            done = Some(started.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(done.is_some(), "the check never finished");
    let page = page_text(&browser, "/admin/domains/acme.test").await;
    assert!(
        page.contains("Checked") && !page.contains("Show the results"),
        "{page}"
    );
}

#[tokio::test]
async fn a_dns_server_that_stops_answering_gives_unknown_with_a_reason_within_the_timeout() {
    let (_app, mut dns, browser) = setup().await;
    let before = checked_page(&browser).await;
    assert!(row(&before, "_imaps._tcp.acme.test", "993").contains("Published"));

    dns.stop();
    let started = Instant::now();
    let page = checked_page(&browser).await;

    assert!(
        started.elapsed() < Duration::from_secs(4),
        "bounded by the 1 s timeout: {:?}",
        started.elapsed()
    );
    let srv = row(&page, "_imaps._tcp.acme.test", "993");
    assert!(
        srv.contains("Unknown") && srv.contains("did not answer within 1 s"),
        "{srv}"
    );
}

#[tokio::test]
async fn a_dns_server_that_dies_mid_check_gives_unknown_with_a_reason_within_the_timeout() {
    let (_app, mut dns, browser) = setup().await;
    // Slow answers, so the check is still waiting for them when the server goes away.
    dns.delay_answers(Duration::from_millis(400));

    let started = Instant::now();
    let check = checked_page(&browser);
    let kill = async {
        while dns.queries_received() == 0 {
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "no query arrived"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        dns.stop();
        started.elapsed()
    };
    let (page, stopped_at) = tokio::join!(check, kill);

    assert!(
        stopped_at < Duration::from_millis(400),
        "stopped while answers were pending: {stopped_at:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "bounded by the 1 s timeout: {:?}",
        started.elapsed()
    );
    let srv = row(&page, "_imaps._tcp.acme.test", "993");
    assert!(
        srv.contains("Unknown") && srv.contains("did not answer within 1 s"),
        "{srv}"
    );
    let mx = row(&page, "acme.test", "mail.example.org");
    assert!(mx.contains("Unknown"), "{mx}");
}

#[tokio::test]
async fn the_zone_file_downloads_and_other_organisations_domains_are_refused() {
    let (_app, _dns, browser) = setup().await;

    let zone = browser.get("/admin/domains/acme.test/zone").await;
    assert_eq!(zone.status(), StatusCode::OK);
    assert!(
        zone.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("acme.test.zone")
    );
    let body = zone.text().await.unwrap();
    assert!(
        body.contains("acme.test. IN MX 10 mail.example.org."),
        "{body}"
    );

    assert_eq!(
        browser.get("/admin/domains/beta.test/zone").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        browser
            .get("/admin/domains/beta.test/check-status")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let page = page_text(&browser, "/admin/domains/beta.test").await;
    assert!(
        page.contains("not one of your organisation's domains") && !page.contains("IN MX"),
        "{page}"
    );
}
