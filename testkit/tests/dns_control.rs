//! The DNS server as `postern-testkit dns` runs it: empty zones, records published and removed
//! through the HTTP control endpoint, seen by a real resolver.

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError, NoRecords};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use serde_json::json;
use std::net::SocketAddr;
use testkit::dns::{DnsServer, control};

const CHALLENGE: &str = "_postern-challenge.gamma.test";

/// A DNS server for `gamma.test` and its control endpoint, both on random ports.
struct Running {
    _dns: DnsServer,
    control: String,
    resolver: TokioResolver,
    http: reqwest::Client,
}

async fn start() -> Running {
    let dns = DnsServer::start_on(
        SocketAddr::from(([127, 0, 0, 1], 0)),
        &["gamma.test".to_owned()],
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let control = format!("http://{}", listener.local_addr().unwrap());
    let app = control::router(dns.zones());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Running {
        resolver: resolver(dns.addr),
        _dns: dns,
        control,
        http: reqwest::Client::new(),
    }
}

/// A resolver asking only `addr`, without a cache (each lookup reaches the server).
fn resolver(addr: SocketAddr) -> TokioResolver {
    let mut udp = ConnectionConfig::udp();
    udp.port = addr.port();
    let mut tcp = ConnectionConfig::tcp();
    tcp.port = addr.port();
    let mut opts = ResolverOpts::default();
    opts.cache_size = 0;
    opts.attempts = 0;
    TokioResolver::builder_with_config(
        ResolverConfig::from_name_servers(vec![NameServerConfig::new(
            addr.ip(),
            true,
            vec![udp, tcp],
        )]),
        TokioRuntimeProvider::default(),
    )
    .with_options(opts)
    .build()
    .unwrap()
}

impl Running {
    async fn publish(&self, name: &str, kind: &str, value: &str) -> reqwest::StatusCode {
        self.http
            .post(format!("{}/records", self.control))
            .json(&json!({"name": name, "type": kind, "value": value}))
            .send()
            .await
            .unwrap()
            .status()
    }

    async fn remove(&self, name: &str) -> reqwest::StatusCode {
        self.http
            .delete(format!("{}/records", self.control))
            .query(&[("name", name)])
            .send()
            .await
            .unwrap()
            .status()
    }

    /// Each TXT record at `name` as its character-strings, or the lookup's error.
    async fn txt(&self, name: &str) -> Result<Vec<Vec<String>>, NetError> {
        let lookup = self
            .resolver
            .lookup(format!("{name}.").as_str(), RecordType::TXT)
            .await?;
        Ok(lookup
            .answers()
            .iter()
            .filter_map(|r| match &r.data {
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .collect(),
                ),
                _ => None,
            })
            .collect())
    }
}

fn is_nxdomain(result: &Result<Vec<Vec<String>>, NetError>) -> bool {
    matches!(
        result,
        Err(NetError::Dns(DnsError::NoRecordsFound(NoRecords {
            response_code: ResponseCode::NXDomain,
            ..
        })))
    )
}

#[tokio::test]
async fn the_control_endpoint_reports_healthy() {
    let running = start().await;

    let response = running
        .http
        .get(format!("{}/healthz", running.control))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_published_txt_record_resolves_until_it_is_removed() {
    let running = start().await;
    let value = "token=abc expiry=2026-12-07T10:00:00Z";
    assert!(
        is_nxdomain(&running.txt(CHALLENGE).await),
        "nothing at start"
    );

    assert_eq!(running.publish(CHALLENGE, "TXT", value).await, 204);
    let published = running.txt(CHALLENGE).await.unwrap();

    assert_eq!(published, vec![vec![value.to_owned()]]);

    assert_eq!(running.remove(CHALLENGE).await, 204);
    let removed = running.txt(CHALLENGE).await;

    assert!(is_nxdomain(&removed), "still there: {removed:?}");
}

#[tokio::test]
async fn publishing_the_same_value_twice_keeps_one_record() {
    let running = start().await;

    let first = running.publish(CHALLENGE, "TXT", "token=abc").await;
    let second = running.publish(CHALLENGE, "TXT", "token=abc").await;

    assert_eq!(first, 204);
    assert_eq!(second, 204);
    assert_eq!(
        running.txt(CHALLENGE).await.unwrap(),
        vec![vec!["token=abc".to_owned()]]
    );
}

#[tokio::test]
async fn a_value_over_255_bytes_is_served_as_two_strings() {
    let running = start().await;
    let value = "x".repeat(300);

    assert_eq!(running.publish(CHALLENGE, "TXT", &value).await, 204);
    let published = running.txt(CHALLENGE).await.unwrap();

    assert_eq!(published, vec![vec!["x".repeat(255), "x".repeat(45)]]);
}

#[tokio::test]
async fn removing_a_name_keeps_the_zone_and_other_names() {
    let running = start().await;
    running.publish(CHALLENGE, "TXT", "one").await;
    running.publish("other.gamma.test", "TXT", "two").await;

    assert_eq!(running.remove(CHALLENGE).await, 204);
    assert_eq!(running.remove("gamma.test").await, 204);

    assert_eq!(
        running.txt("other.gamma.test").await.unwrap(),
        vec![vec!["two".to_owned()]]
    );
    let soa = running
        .resolver
        .lookup("gamma.test.", RecordType::SOA)
        .await
        .unwrap();
    assert_eq!(soa.answers().len(), 1);
}

#[tokio::test]
async fn names_outside_the_zones_are_refused() {
    let running = start().await;

    let lookup = running.txt("_postern-challenge.elsewhere.test").await;
    let publish = running
        .publish("_postern-challenge.elsewhere.test", "TXT", "x")
        .await;

    assert!(
        matches!(
            lookup,
            Err(NetError::Dns(DnsError::ResponseCode(ResponseCode::Refused)))
        ),
        "{lookup:?}"
    );
    assert_eq!(publish, 400);
}

#[tokio::test]
async fn only_txt_records_can_be_published() {
    let running = start().await;

    let status = running.publish("www.gamma.test", "A", "192.0.2.1").await;

    assert_eq!(status, 400);
}
