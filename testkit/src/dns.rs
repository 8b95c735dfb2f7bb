//! A real authoritative DNS server on loopback (hickory-server), serving one zone given as
//! BIND text. Dropping it (or calling `stop`) closes its sockets: later queries time out, and
//! queries it was still working on are never answered. Answers can be delayed, so a test can
//! stop the server while a check is waiting for it.

use hickory_server::Server;
use hickory_server::net::runtime::Time;
use hickory_server::proto::op::{Header, HeaderCounts, MessageType, Metadata, ResponseCode};
use hickory_server::proto::rr::{LowerName, Name};
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

pub struct DnsServer {
    pub addr: SocketAddr,
    server: Option<Server<Answering>>,
    control: Arc<Control>,
}

#[derive(Default)]
struct Control {
    delay_ms: AtomicU64,
    stopped: AtomicBool,
    queries: AtomicUsize,
}

/// The zone's answers, after the configured delay; none at all once the server is stopped.
struct Answering {
    catalog: Catalog,
    control: Arc<Control>,
}

#[async_trait::async_trait]
impl RequestHandler for Answering {
    async fn handle_request<R: ResponseHandler, T: Time>(
        &self,
        request: &Request,
        response_handle: R,
    ) -> ResponseInfo {
        self.control.queries.fetch_add(1, Ordering::SeqCst);
        let delay = self.control.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            tokio::time::sleep(Duration::from_millis(delay)).await;
        }
        if self.control.stopped.load(Ordering::SeqCst) {
            // A dead server: the question was received, the answer never leaves.
            let mut metadata = Metadata::new(
                request.metadata.id,
                MessageType::Response,
                request.metadata.op_code,
            );
            metadata.response_code = ResponseCode::ServFail;
            return ResponseInfo::from(Header {
                metadata,
                counts: HeaderCounts::default(),
            });
        }
        self.catalog
            .handle_request::<R, T>(request, response_handle)
            .await
    }
}

impl DnsServer {
    /// Serves `zone` (BIND text; must contain an SOA) for `origin` (e.g. "acme.test.") over
    /// UDP and TCP on the same random port.
    pub async fn start(origin: &str, zone: &str) -> Self {
        let origin = Name::from_ascii(origin).expect("origin");
        let (origin, records) = Parser::new(zone, None, Some(origin))
            .parse()
            .expect("zone text");
        let handler =
            InMemoryZoneHandler::<hickory_server::net::runtime::TokioRuntimeProvider>::new(
                origin.clone(),
                records,
                ZoneType::Primary,
                AxfrPolicy::Deny,
            )
            .expect("zone");
        let mut catalog = Catalog::new();
        catalog.upsert(LowerName::new(&origin), vec![Arc::new(handler)]);
        // UDP and TCP on one port: retry if the TCP port happens to be taken.
        for _ in 0..20 {
            let udp = tokio::net::UdpSocket::bind("127.0.0.1:0")
                .await
                .expect("udp");
            let addr = udp.local_addr().expect("addr");
            let Ok(tcp) = tokio::net::TcpListener::bind(addr).await else {
                continue;
            };
            let control = Arc::new(Control::default());
            let mut server = Server::new(Answering {
                catalog,
                control: control.clone(),
            });
            server.register_socket(udp);
            server.register_listener(tcp, Duration::from_secs(5), 64 * 1024);
            return Self {
                addr,
                server: Some(server),
                control,
            };
        }
        panic!("no free port for the DNS server");
    }

    /// Stops answering: sockets close, queries time out from now on, and queries received
    /// but not yet answered are dropped.
    pub fn stop(&mut self) {
        self.control.stopped.store(true, Ordering::SeqCst);
        self.server.take();
    }

    /// Holds every answer back for `delay` (a slow or distant server).
    pub fn delay_answers(&self, delay: Duration) {
        self.control
            .delay_ms
            .store(delay.as_millis() as u64, Ordering::SeqCst);
    }

    /// How many queries have arrived so far.
    pub fn queries_received(&self) -> usize {
        self.control.queries.load(Ordering::SeqCst)
    }
}

/// A TXT value as quoted 255-byte strings, the way it must be written in a zone file.
pub fn txt(value: &str) -> String {
    value
        .as_bytes()
        .chunks(255)
        .map(|c| format!("\"{}\"", String::from_utf8_lossy(c)))
        .collect::<Vec<_>>()
        .join(" ")
}
