//! A real authoritative DNS server on loopback (hickory-server), serving one zone given as
//! BIND text. Dropping it (or calling `stop`) closes its sockets: later queries time out.

use hickory_server::Server;
use hickory_server::proto::rr::{LowerName, Name};
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub struct DnsServer {
    pub addr: SocketAddr,
    server: Option<Server<Catalog>>,
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
            let mut server = Server::new(catalog);
            server.register_socket(udp);
            server.register_listener(tcp, Duration::from_secs(5), 64 * 1024);
            return Self {
                addr,
                server: Some(server),
            };
        }
        panic!("no free port for the DNS server");
    }

    /// Stops answering: sockets close, queries time out from now on.
    pub fn stop(&mut self) {
        self.server.take();
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
