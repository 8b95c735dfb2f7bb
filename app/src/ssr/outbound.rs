//! Where Postern may connect on someone else's word. Partners type the URLs of their mail
//! servers and IdPs, and every IdP names further URLs in its discovery document (keys, token
//! endpoint). None of them may point Postern at the inside of the network it runs in: the
//! cloud metadata service, the database, an admin port on loopback.
//!
//! One [`Outbound`] policy is checked twice: on the URL (an IP literal is refused before
//! anything is sent) and at connect time, by the HTTP client's resolver, which hands the
//! client only addresses the policy permits — so a name that resolves differently the second
//! time (DNS rebinding) still cannot reach inside. Redirects are never followed.

use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

/// The policy: public addresses, plus the networks the operator allows, plus loopback while
/// the portal itself runs on loopback (development and tests).
#[derive(Debug, Clone)]
pub struct Outbound {
    allow: Arc<[IpNet]>,
    loopback: bool,
}

/// A URL or address the policy refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Not `https` (plain `http` only to loopback while the portal runs on loopback).
    #[error("only https URLs are accepted")]
    Scheme,
    /// No host, or a host that is not a name or an address.
    #[error("the URL names no host")]
    NoHost,
    /// The host is, or resolves only to, a private, local or reserved address.
    #[error("{0} is in a private or local network")]
    Inside(String),
}

impl Outbound {
    pub fn new(allow: Vec<IpNet>, portal_on_loopback: bool) -> Self {
        Self {
            allow: allow.into(),
            loopback: portal_on_loopback,
        }
    }

    /// Whether Postern may connect to this address.
    pub fn permits(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        is_public(ip)
            || self.allow.iter().any(|net| net.contains(&ip))
            || (self.loopback && ip.is_loopback())
    }

    /// Checks what can be checked without a lookup: an address written in the URL (in any
    /// of its spellings: the URL parser has already turned `2130706433`, `0x7f.1` and
    /// `[::ffff:7f00:1]` into addresses), then the scheme: https, or plain http to an address
    /// the operator allows or to loopback while the portal runs there.
    pub fn check_url(&self, url: &url::Url) -> Result<(), Refused> {
        let host = url.host().ok_or(Refused::NoHost)?;
        let ip = match host {
            url::Host::Ipv4(ip) => Some(canonical(IpAddr::V4(ip))),
            url::Host::Ipv6(ip) => Some(canonical(IpAddr::V6(ip))),
            url::Host::Domain("") => return Err(Refused::NoHost),
            url::Host::Domain(_) => None,
        };
        if let Some(ip) = ip
            && !self.permits(ip)
        {
            return Err(Refused::Inside(ip.to_string()));
        }
        let plain_http_ok = match ip {
            Some(ip) => {
                (self.loopback && ip.is_loopback()) || self.allow.iter().any(|n| n.contains(&ip))
            }
            None => self.loopback && url.host_str() == Some("localhost"),
        };
        match url.scheme() {
            "https" => Ok(()),
            "http" if plain_http_ok => Ok(()),
            _ => Err(Refused::Scheme),
        }
    }

    /// Checks the URL, then resolves its host and checks every address now (so that a form
    /// can say at once that a name points inside). The connection itself is checked again.
    pub async fn check_url_resolved(&self, url: &url::Url) -> Result<(), Refused> {
        self.check_url(url)?;
        let Some(url::Host::Domain(name)) = url.host() else {
            return Ok(());
        };
        let port = url.port_or_known_default().unwrap_or(443);
        match tokio::net::lookup_host((name, port)).await {
            Ok(addrs) => {
                let addrs: Vec<SocketAddr> = addrs.collect();
                if !addrs.is_empty() && addrs.iter().all(|a| !self.permits(a.ip())) {
                    return Err(Refused::Inside(name.to_owned()));
                }
                Ok(())
            }
            // Not found: the connection will fail and say so.
            Err(_) => Ok(()),
        }
    }

    /// An HTTP client builder whose connections go only where the policy permits, following
    /// no redirect and ignoring proxy settings (a proxy would connect for us, unchecked).
    /// Names are checked by its resolver; an address written in a URL never meets the
    /// resolver, so every URL given to this client must have passed [`Self::check_url`].
    pub fn http(&self) -> reqwest::ClientBuilder {
        reqwest::Client::builder()
            .dns_resolver(Arc::new(Guard(self.clone())))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .connect_timeout(Duration::from_secs(3))
    }
}

/// An IPv4 address written as IPv6 (`::ffff:a.b.c.d`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// A globally routable unicast address.
pub fn is_public(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0 // "this network"
        || (a == 100 && (64..128).contains(&b)) // shared address space (carrier NAT)
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // Forms that carry an IPv4 address: judged by it (NAT64 well-known prefix, 6to4).
    if s[0] == 0x64 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::from(((s[6] as u32) << 16) | s[7] as u32));
    }
    if s[0] == 0x2002 {
        return is_public_v4(Ipv4Addr::from(((s[1] as u32) << 16) | s[2] as u32));
    }
    let global_unicast = (s[0] & 0xe000) == 0x2000; // 2000::/3
    global_unicast
        && !(s[0] == 0x2001 && s[1] == 0x0db8) // documentation
        && !(s[0] == 0x2001 && s[1] == 0) // Teredo: the IPv4 side is not ours to judge
        && !(s[0] == 0x2001 && s[1] < 0x200) // other IETF assignments (benchmarking, ORCHID)
        && !(s[0] == 0x64 && s[1] == 0xff9b) // local-use NAT64 (64:ff9b:1::/48)
}

/// The resolver of [`Outbound::http`]: the system's answer, minus what the policy refuses.
struct Guard(Outbound);

impl reqwest::dns::Resolve for Guard {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| policy.permits(a.ip()))
                .collect();
            if found.is_empty() {
                return Err(
                    Box::new(Refused::Inside(host)) as Box<dyn std::error::Error + Send + Sync>
                );
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// Whether an error (of a request made with [`Outbound::http`]) is the policy's refusal.
pub fn is_refusal(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(e);
    while let Some(c) = cause {
        if c.downcast_ref::<Refused>().is_some() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// Reads a response body up to `limit` bytes; a longer one is an error, whatever its
/// `Content-Length` says (it may say nothing, and the body may never end).
pub async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<bytes::Bytes, ReadError> {
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Err(ReadError::TooLarge(limit));
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(ReadError::Http)? {
        if body.len() + chunk.len() > limit {
            return Err(ReadError::TooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("the answer is larger than {0} bytes")]
    TooLarge(usize),
    #[error(transparent)]
    Http(reqwest::Error),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(policy: &Outbound, url: &str) -> bool {
        policy.check_url(&url::Url::parse(url).unwrap()).is_err()
    }

    #[test]
    fn every_spelling_of_an_inside_address_is_refused() {
        let policy = Outbound::new(Vec::new(), false);
        for url in [
            "https://127.0.0.1/",
            "https://127.1.2.3/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://0177.0.0.1/",
            "https://[::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:a9fe:a9fe]/",
            "https://[64:ff9b::a9fe:a9fe]/",
            "https://[64:ff9b:1::1]/",
            "https://[2002:a9fe:a9fe::1]/",
            "https://[::]/",
            "https://0.0.0.0/",
            "https://10.1.2.3/",
            "https://172.16.0.1/",
            "https://192.168.1.1/",
            "https://169.254.169.254/",
            "https://100.64.0.1/",
            "https://[fe80::1]/",
            "https://[fd00::1]/",
            "https://[fec0::1]/",
            "https://224.0.0.1/",
            "https://[ff02::1]/",
            "https://255.255.255.255/",
            "https://240.0.0.1/",
            "https://[2001:db8::1]/",
            "https://[2001::1]/",
        ] {
            assert!(refused(&policy, url), "{url} must be refused");
        }
    }

    #[test]
    fn public_addresses_and_names_pass_the_url_check() {
        let policy = Outbound::new(Vec::new(), false);
        for url in [
            "https://93.184.215.14/",
            "https://[2606:4700::1111]/",
            "https://[64:ff9b::5db8:d70e]/",
            "https://mail.example.com/",
        ] {
            assert!(!refused(&policy, url), "{url} is public");
        }
    }

    #[test]
    fn plain_http_only_to_loopback_and_only_while_the_portal_runs_there() {
        let production = Outbound::new(Vec::new(), false);
        let development = Outbound::new(Vec::new(), true);
        assert_eq!(
            production.check_url(&url::Url::parse("http://93.184.215.14/").unwrap()),
            Err(Refused::Scheme)
        );
        assert!(refused(&production, "http://127.0.0.1:8080/"));
        assert!(!refused(&development, "http://127.0.0.1:8080/"));
        assert!(!refused(&development, "http://localhost:8080/"));
        assert!(refused(&development, "http://10.0.0.1/"), "loopback only");
        assert!(refused(&development, "ftp://127.0.0.1/"));
    }

    #[test]
    fn an_allowed_network_is_reachable() {
        let policy = Outbound::new(vec!["10.1.0.0/16".parse().unwrap()], false);
        assert!(!refused(&policy, "https://10.1.2.3/"));
        assert!(!refused(&policy, "https://[::ffff:10.1.2.3]/"));
        assert!(refused(&policy, "https://10.2.0.1/"));
    }
}
