//! The address of the person behind a request, for the audit log.
//!
//! Behind a reverse proxy the TCP peer is the proxy. `X-Forwarded-For` is believed only when
//! the peer is one of the configured `server.trusted_proxies`, and only as far back as the
//! chain of trusted hops goes: reading right to left, the first address that is not a trusted
//! proxy is the client. Anything a client wrote further left is its own claim and ignored.

use http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;

pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    // Several X-Forwarded-For headers form one list, in order.
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match parse_hop(hop) {
            Some(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // A malformed entry ends the chain we can vouch for.
            None => break,
        }
    }
    client
}

/// An address (as a /32 or /128 network) or a network, as people write them in settings and
/// forms: `192.0.2.7`, `192.0.2.0/24`, `::1`, `2001:db8::/32`.
pub fn parse_ip_or_network(entry: &str) -> Option<IpNet> {
    let entry = entry.trim();
    entry
        .parse::<IpNet>()
        .ok()
        .or_else(|| entry.parse::<IpAddr>().ok().map(IpNet::from))
}

/// An address as proxies write it: bare, or with a port (`1.2.3.4:5678`, `[::1]:5678`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(addr) = hop.parse::<std::net::SocketAddr>() {
        return Some(addr.ip());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn with_xff(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().unwrap());
        }
        headers
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let headers = with_xff(&["203.0.113.7"]);
        assert_eq!(
            client_ip(ip("198.51.100.1"), &headers, &nets(&["10.0.0.0/8"])),
            ip("198.51.100.1")
        );
        assert_eq!(client_ip(ip("10.0.0.2"), &headers, &[]), ip("10.0.0.2"));
    }

    #[test]
    fn a_trusted_proxy_names_the_client() {
        let headers = with_xff(&["203.0.113.7"]);
        assert_eq!(
            client_ip(ip("10.0.0.2"), &headers, &nets(&["10.0.0.0/8"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_forged_entry_left_of_the_client_is_ignored() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the real address.
        let headers = with_xff(&["1.1.1.1, 203.0.113.7"]);
        assert_eq!(
            client_ip(ip("10.0.0.2"), &headers, &nets(&["10.0.0.0/8"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_back_across_headers() {
        let headers = with_xff(&["203.0.113.7, 10.0.0.9", "10.0.0.5"]);
        assert_eq!(
            client_ip(ip("10.0.0.2"), &headers, &nets(&["10.0.0.0/8"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn ipv6_and_ports_are_understood() {
        let trusted = nets(&["::1/128", "fd00::/8"]);
        let headers = with_xff(&["[2001:db8::5]:4711, fd00::3"]);
        assert_eq!(client_ip(ip("::1"), &headers, &trusted), ip("2001:db8::5"));
        let headers = with_xff(&["203.0.113.7:5555"]);
        assert_eq!(client_ip(ip("::1"), &headers, &trusted), ip("203.0.113.7"));
    }

    #[test]
    fn garbage_stops_at_the_last_trusted_hop() {
        let trusted = nets(&["10.0.0.0/8"]);
        let headers = with_xff(&["203.0.113.7, not-an-ip, 10.0.0.9"]);
        assert_eq!(
            client_ip(ip("10.0.0.2"), &headers, &trusted),
            ip("10.0.0.9")
        );
        assert_eq!(
            client_ip(ip("10.0.0.2"), &HeaderMap::new(), &trusted),
            ip("10.0.0.2")
        );
    }
}
