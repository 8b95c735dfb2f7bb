//! Limits on floods: how often one client address, one e-mail address, one account, one
//! organisation or one admin may do something. Counted in the database ([`super::db::limits`]), so
//! a limit holds across every instance of the portal.

use super::config::{Limit, LimitSettings};
use super::db::{Db, limits};
use super::time::now;
use std::net::IpAddr;

/// What is being limited, and for whom. Each names a bucket.
#[derive(Debug, Clone)]
pub enum Subject<'a> {
    /// Starting or finishing a sign-in, per client: an IPv4 address, or an IPv6 /64.
    SignInFromAddress(IpAddr),
    /// The same, per IPv6 /48 (a whole site); not counted for IPv4.
    SignInFromNetwork(IpAddr),
    /// Sign-ins started for one e-mail address from one client address (IPv6: its /64). Keyed
    /// by both, so that nobody can lock a named person out by starting sign-ins as them.
    SignInAs { email: &'a str, from: IpAddr },
    /// App passwords created for one person.
    MintBy { organisation: &'a str, user_id: i64 },
    /// App passwords created in one organisation.
    MintIn(&'a str),
    /// Changes one admin makes.
    AdminWriteBy { organisation: &'a str, user_id: i64 },
}

impl Subject<'_> {
    /// The limit's name, as `[limits]` calls it (a metrics label: no address, no person).
    pub fn limit_name(&self) -> &'static str {
        match self {
            Subject::SignInFromAddress(_) => "sign_in_per_address",
            Subject::SignInFromNetwork(_) => "sign_in_per_network",
            Subject::SignInAs { .. } => "sign_in_per_email",
            Subject::MintBy { .. } => "mints_per_person",
            Subject::MintIn(_) => "mints_per_organisation",
            Subject::AdminWriteBy { .. } => "admin_writes_per_admin",
        }
    }
}

/// Over the limit: try again in this many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttled {
    pub retry_after_secs: u64,
}

#[derive(Clone)]
pub struct Limiter {
    db: Db,
    settings: LimitSettings,
}

impl Limiter {
    pub fn new(db: Db, settings: LimitSettings) -> Self {
        Self { db, settings }
    }

    /// Counts one more of `subject`; `Err` when that is over its limit. A database failure
    /// lets the request through (and is logged): a broken counter must not lock people out.
    pub async fn check(&self, subject: Subject<'_>) -> Result<(), Throttled> {
        let Some((bucket, limit)) = self.bucket(&subject) else {
            return Ok(());
        };
        let per = limit.per_secs.max(1) as i64;
        let at = now();
        let window_start = at - at.rem_euclid(per);
        match limits::hit(&self.db, &bucket, window_start).await {
            Ok(hits) if hits > i64::from(limit.max) => {
                crate::ssr::metrics::rate_limited(subject.limit_name());
                Err(Throttled {
                    retry_after_secs: (window_start + per - at).max(1) as u64,
                })
            }
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::error!(error = %e, bucket, "rate-limit counter unavailable; request allowed");
                Ok(())
            }
        }
    }

    fn bucket(&self, subject: &Subject<'_>) -> Option<(String, Limit)> {
        let s = &self.settings;
        Some(match subject {
            Subject::SignInFromAddress(ip) => (
                format!("sign-in:addr:{}", network(*ip, 64)),
                s.sign_in_per_address,
            ),
            Subject::SignInFromNetwork(ip) => match canonical(*ip) {
                IpAddr::V6(_) => (
                    format!("sign-in:net:{}", network(*ip, 48)),
                    s.sign_in_per_network,
                ),
                IpAddr::V4(_) => return None,
            },
            Subject::SignInAs { email, from } => (
                format!(
                    "sign-in:email:{}:{}",
                    email.to_lowercase(),
                    network(*from, 64)
                ),
                s.sign_in_per_email,
            ),
            Subject::MintBy {
                organisation,
                user_id,
            } => (
                format!("mint:user:{organisation}:{user_id}"),
                s.mints_per_person,
            ),
            Subject::MintIn(organisation) => (
                format!("mint:organisation:{organisation}"),
                s.mints_per_organisation,
            ),
            Subject::AdminWriteBy {
                organisation,
                user_id,
            } => (
                format!("admin:{organisation}:{user_id}"),
                s.admin_writes_per_admin,
            ),
        })
    }

    /// Forgets counters of windows that ended an hour or more ago.
    pub async fn tidy(&self) {
        let longest = [
            self.settings.sign_in_per_address,
            self.settings.sign_in_per_network,
            self.settings.sign_in_per_email,
            self.settings.mints_per_person,
            self.settings.mints_per_organisation,
            self.settings.admin_writes_per_admin,
        ]
        .iter()
        .map(|l| l.per_secs)
        .max()
        .unwrap_or(0) as i64;
        let before = now() - longest.max(3600);
        if let Err(e) = limits::forget_before(&self.db, before).await {
            tracing::warn!(error = %e, "cannot tidy the rate-limit counters");
        }
    }
}

/// IPv4-mapped IPv6 addresses are their IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The address (IPv4) or its IPv6 network of `v6_prefix` bits, as text.
fn network(ip: IpAddr, v6_prefix: u8) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => ipnet::Ipv6Net::new(v6, v6_prefix)
            .map(|n| n.trunc().to_string())
            .unwrap_or_else(|_| v6.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_network_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(network(a, 64), network(b, 64), "same /64");
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_ne!(network(a, 64), network(c, 64));
        assert_eq!(network(a, 48), network(c, 48), "same /48");
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(network(mapped, 64), "192.0.2.7");
    }
}
