//! A real authoritative DNS server on loopback (hickory-server), serving one zone given as
//! BIND text, or several empty zones whose TXT records are published while it runs (see
//! [`control`] for the HTTP endpoint the browser tests drive). Dropping it (or calling `stop`)
//! closes its sockets: later queries time out, and queries it was still working on are never
//! answered. Answers can be delayed, so a test can stop the server while a check is waiting
//! for it.

pub mod control;

use hickory_server::Server;
use hickory_server::net::runtime::Time;
use hickory_server::net::runtime::TokioRuntimeProvider;
use hickory_server::proto::op::{Header, HeaderCounts, MessageType, Metadata, ResponseCode};
use hickory_server::proto::rr::rdata::TXT;
use hickory_server::proto::rr::{LowerName, Name, RData, Record, RecordType, RrKey};
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

type Zone = InMemoryZoneHandler<TokioRuntimeProvider>;

pub struct DnsServer {
    pub addr: SocketAddr,
    server: Option<Server<Answering>>,
    control: Arc<Control>,
    zones: Zones,
}

/// The zones a server answers for, to change their records while it runs. Cheap to clone.
#[derive(Clone)]
pub struct Zones(Arc<Vec<(LowerName, Arc<Zone>)>>);

#[derive(Default)]
struct Control {
    delay_ms: AtomicU64,
    stopped: AtomicBool,
    queries: AtomicUsize,
}

/// The zone's answers, after the configured delay; none at all once the server is stopped.
/// Questions about a forwarded zone go to the server that holds it (a resolver that sees
/// another authoritative server, as a recursive resolver sees the world).
struct Answering {
    catalog: Catalog,
    control: Arc<Control>,
    forward: Vec<(LowerName, SocketAddr)>,
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
        if let Ok(info) = request.request_info()
            && let Some((_, to)) = self
                .forward
                .iter()
                .filter(|(zone, _)| zone.zone_of(info.query.name()))
                .max_by_key(|(zone, _)| zone.num_labels())
        {
            return forward(request, *to, response_handle).await;
        }
        self.catalog
            .handle_request::<R, T>(request, response_handle)
            .await
    }
}

/// Asks `to` the request's question and answers with what it said (SERVFAIL when it says
/// nothing).
async fn forward<R: ResponseHandler>(
    request: &Request,
    to: SocketAddr,
    mut response_handle: R,
) -> ResponseInfo {
    use hickory_server::proto::op::Message;
    use hickory_server::zone_handler::MessageResponseBuilder;
    let asked = async {
        let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.ok()?;
        socket.send_to(request.as_slice(), to).await.ok()?;
        let mut buffer = vec![0; 65_535];
        let (n, _) = tokio::time::timeout(Duration::from_secs(2), socket.recv_from(&mut buffer))
            .await
            .ok()?
            .ok()?;
        Message::from_vec(&buffer[..n]).ok()
    };
    let answer = asked.await;
    let builder = MessageResponseBuilder::from_message_request(request);
    let mut metadata = Metadata::new(
        request.metadata.id,
        MessageType::Response,
        request.metadata.op_code,
    );
    let sent = match &answer {
        Some(m) => {
            metadata.response_code = m.metadata.response_code;
            metadata.authoritative = m.metadata.authoritative;
            metadata.recursion_desired = request.metadata.recursion_desired;
            metadata.recursion_available = true;
            let response = builder.build(
                metadata,
                m.answers.iter(),
                m.authorities.iter(),
                [],
                m.additionals.iter(),
            );
            response_handle.send_response(response).await
        }
        None => {
            metadata.response_code = ResponseCode::ServFail;
            response_handle
                .send_response(builder.build_no_records(metadata))
                .await
        }
    };
    sent.unwrap_or_else(|_| {
        ResponseInfo::from(Header {
            metadata,
            counts: HeaderCounts::default(),
        })
    })
}

impl DnsServer {
    /// Serves `zone` (BIND text; must contain an SOA) for `origin` (e.g. "acme.test.") over
    /// UDP and TCP on the same random port.
    pub async fn start(origin: &str, zone: &str) -> Self {
        let zone = parse_zone(origin, zone).expect("zone");
        let addr = SocketAddr::from(([127, 0, 0, 1], 0));
        Self::serve(addr, vec![zone], Vec::new())
            .await
            .expect("DNS server")
    }

    /// Serves each origin (e.g. "gamma.test") with only an SOA and an NS record, over UDP and
    /// TCP on `addr` (port 0: a random one). Records are added with [`Zones::publish_txt`].
    pub async fn start_on(addr: SocketAddr, origins: &[String]) -> anyhow::Result<Self> {
        Self::start_forwarding(addr, origins, &[]).await
    }

    /// As [`start_on`](Self::start_on), and questions about each `(zone, server)` of
    /// `forward` are asked of that server (e.g. a Knot the mail server publishes into).
    pub async fn start_forwarding(
        addr: SocketAddr,
        origins: &[String],
        forward: &[(String, SocketAddr)],
    ) -> anyhow::Result<Self> {
        let zones = origins
            .iter()
            .map(|origin| parse_zone(origin, &empty_zone(origin)))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let forward = forward
            .iter()
            .map(|(zone, to)| {
                Ok((
                    LowerName::new(&fqdn(zone).map_err(anyhow::Error::msg)?),
                    *to,
                ))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Self::serve(addr, zones, forward).await
    }

    async fn serve(
        addr: SocketAddr,
        zones: Vec<(LowerName, Arc<Zone>)>,
        forward: Vec<(LowerName, SocketAddr)>,
    ) -> anyhow::Result<Self> {
        let (udp, tcp) = bind(addr).await?;
        let addr = udp.local_addr()?;
        let mut catalog = Catalog::new();
        for (origin, zone) in &zones {
            catalog.upsert(origin.clone(), vec![zone.clone()]);
        }
        let control = Arc::new(Control::default());
        let mut server = Server::new(Answering {
            catalog,
            control: control.clone(),
            forward,
        });
        server.register_socket(udp);
        server.register_listener(tcp, Duration::from_secs(5), 64 * 1024);
        Ok(Self {
            addr,
            server: Some(server),
            control,
            zones: Zones(Arc::new(zones)),
        })
    }

    /// A handle on the served zones, to publish or remove records while the server runs.
    pub fn zones(&self) -> Zones {
        self.zones.clone()
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

impl Zones {
    /// Adds a TXT record at `name` (other TXT values there stay), split into 255-byte
    /// character-strings as DNS requires. Refused for a name outside every zone.
    pub async fn publish_txt(&self, name: &str, value: &str) -> Result<(), String> {
        let name = fqdn(name)?;
        let zone = self.zone_of(&name)?;
        let data = RData::TXT(TXT::from_bytes(value.as_bytes().chunks(255).collect()));
        // TTL 0: nothing caches a record a test is about to change.
        let record = Record::from_rdata(name.clone(), 0, data.clone());
        let serial = zone.serial().await;
        if zone.upsert(record, serial).await {
            return Ok(());
        }
        // Not inserted: fine if the same value is already there (publishing is idempotent).
        let key = RrKey::new(LowerName::new(&name), RecordType::TXT);
        let present = zone
            .records()
            .await
            .get(&key)
            .is_some_and(|set| set.records_without_rrsigs().any(|r| r.data == data));
        if present {
            Ok(())
        } else {
            Err(format!("{name} cannot hold a TXT record (it has a CNAME?)"))
        }
    }

    /// Sets the MX records of `name` (the ones there are replaced).
    pub async fn publish_mx(&self, name: &str, exchanges: &[&str]) -> Result<(), String> {
        let owner = fqdn(name)?;
        let zone = self.zone_of(&owner)?;
        let key = RrKey::new(LowerName::new(&owner), RecordType::MX);
        zone.records_mut().await.remove(&key);
        let serial = zone.serial().await;
        for (i, exchange) in exchanges.iter().enumerate() {
            let data = RData::MX(hickory_server::proto::rr::rdata::MX::new(
                10 * (i as u16 + 1),
                fqdn(exchange)?,
            ));
            zone.upsert(Record::from_rdata(owner.clone(), 0, data), serial)
                .await;
        }
        Ok(())
    }

    /// Removes every record at `name`, except a zone's own SOA and NS (the zone stays valid).
    pub async fn remove(&self, name: &str) -> Result<(), String> {
        let name = LowerName::new(&fqdn(name)?);
        let zone = self.zone_of(&name.clone().into())?;
        zone.records_mut().await.retain(|key, _| {
            key.name != name || matches!(key.record_type, RecordType::SOA | RecordType::NS)
        });
        Ok(())
    }

    /// The zone `name` belongs to (the longest matching origin).
    fn zone_of(&self, name: &Name) -> Result<&Arc<Zone>, String> {
        let name = LowerName::new(name);
        self.0
            .iter()
            .filter(|(origin, _)| origin.zone_of(&name))
            .max_by_key(|(origin, _)| origin.num_labels())
            .map(|(_, zone)| zone)
            .ok_or_else(|| format!("{name} is outside the served zones"))
    }
}

/// Parses BIND text for `origin` into an authoritative zone.
fn parse_zone(origin: &str, zone: &str) -> anyhow::Result<(LowerName, Arc<Zone>)> {
    let origin = fqdn(origin).map_err(anyhow::Error::msg)?;
    let (origin, records) = Parser::new(zone, None, Some(origin)).parse()?;
    let handler = Zone::new(origin.clone(), records, ZoneType::Primary, AxfrPolicy::Deny)
        .map_err(anyhow::Error::msg)?;
    Ok((LowerName::new(&origin), Arc::new(handler)))
}

/// A zone with nothing but its SOA and NS. A negative TTL of 0 (the SOA's last field): an
/// answer "no such record" is not cached either.
fn empty_zone(origin: &str) -> String {
    let origin = origin.trim_end_matches('.');
    format!(
        "@ 3600 IN SOA ns1.{origin}. hostmaster.{origin}. 1 3600 600 86400 0\n\
         @ 3600 IN NS ns1.{origin}.\n"
    )
}

/// `name` as a fully qualified domain name (the trailing dot is optional).
fn fqdn(name: &str) -> Result<Name, String> {
    let mut parsed = Name::from_ascii(name).map_err(|e| format!("{name:?}: {e}"))?;
    parsed.set_fqdn(true);
    Ok(parsed)
}

/// UDP and TCP sockets on the same address. For port 0, retries until a random port is free
/// for both.
async fn bind(
    addr: SocketAddr,
) -> anyhow::Result<(tokio::net::UdpSocket, tokio::net::TcpListener)> {
    let attempts = if addr.port() == 0 { 20 } else { 1 };
    let mut last_error = None;
    for _ in 0..attempts {
        let udp = tokio::net::UdpSocket::bind(addr).await?;
        let bound = udp.local_addr()?;
        match tokio::net::TcpListener::bind(bound).await {
            Ok(tcp) => return Ok((udp, tcp)),
            Err(e) => last_error = Some(e),
        }
    }
    let e = last_error.expect("at least one attempt");
    Err(anyhow::Error::new(e).context(format!("binding TCP on {addr}")))
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
