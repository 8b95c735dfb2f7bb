//! A real Knot DNS server (Debian's `knotd`) on loopback, authoritative for the zones a test
//! names and accepting RFC 2136 updates signed with one TSIG key, as in live 129: what the
//! simulator's `x:DnsServer` publishes into, and what a test reads back with `kdig`.
//! Dropping it stops the server and removes its files.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The TSIG key's name and algorithm (live 126).
pub const KEY_NAME: &str = "postern-update.";
pub const ALGORITHM: &str = "hmac-sha256";

pub struct Knot {
    pub addr: SocketAddr,
    /// The key's secret, base64 (32 random bytes).
    pub secret: String,
    zones: Vec<String>,
    dir: PathBuf,
    child: Child,
}

/// One record as `kdig` prints it: owner (with its final dot), type and data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Rr {
    pub name: String,
    pub kind: String,
    pub data: String,
}

impl Knot {
    /// Serves each `(zone, records)`: the zone (no final dot) with its SOA and NS, and
    /// `records` (zone-file lines, relative names allowed) already in it.
    pub fn start(zones: &[(&str, &str)]) -> Self {
        use base64::Engine;
        use rand::RngCore;
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        let secret = base64::engine::general_purpose::STANDARD.encode(key);
        Self::start_on(free_port(), &secret, zones)
    }

    /// As [`start`](Self::start), on a given loopback port with a given key secret (a live
    /// capture's, for the replay).
    pub fn start_on(port: u16, secret: &str, zones: &[(&str, &str)]) -> Self {
        let secret = secret.to_owned();
        let dir = std::env::temp_dir().join(format!(
            "postern-knot-{}-{}",
            std::process::id(),
            rand::random::<u64>()
        ));
        for sub in ["run", "db", "zones"] {
            std::fs::create_dir_all(dir.join(sub)).expect("knot directories");
        }
        let mut config = format!(
            "server:\n    rundir: \"{run}\"\n    listen: 127.0.0.1@{port}\n\
             log:\n  - target: stderr\n    any: warning\n\
             database:\n    storage: \"{db}\"\n\
             key:\n  - id: {KEY_NAME}\n    algorithm: {ALGORITHM}\n    secret: {secret}\n\
             acl:\n  - id: tsig_update\n    key: {KEY_NAME}\n    action: update\n\
             \x20 - id: local_xfr\n    address: 127.0.0.1\n    action: transfer\n\
             template:\n  - id: default\n    storage: \"{zones}\"\n    file: \"%s.zone\"\n\
             \x20   zonefile-sync: -1\n    semantic-checks: on\n\
             zone:\n",
            run = dir.join("run").display(),
            db = dir.join("db").display(),
            zones = dir.join("zones").display(),
        );
        for (zone, records) in zones {
            config.push_str(&format!(
                "  - domain: {zone}\n    acl: [tsig_update, local_xfr]\n"
            ));
            std::fs::write(
                dir.join("zones").join(format!("{zone}.zone")),
                format!(
                    "$ORIGIN {zone}.\n$TTL 300\n\
                     @ IN SOA ns1.{zone}. hostmaster.{zone}. 2026120301 3600 900 604800 300\n\
                     @ IN NS ns1.{zone}.\nns1 IN A 127.0.0.1\n{records}\n"
                ),
            )
            .expect("zone file");
        }
        let conf = dir.join("knot.conf");
        std::fs::write(&conf, config).expect("knot.conf");
        let child = Command::new("knotd")
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start knotd (Debian package knot; scripts/install-tools.sh installs it)");
        let knot = Self {
            addr: SocketAddr::from(([127, 0, 0, 1], port)),
            secret,
            zones: zones.iter().map(|(z, _)| (*z).to_owned()).collect(),
            dir,
            child,
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        let first = zones.first().map(|(z, _)| *z).unwrap_or(".");
        std::thread::sleep(Duration::from_millis(100));
        while knot
            .dig(&[first, "SOA", "+short", "+timeout=1", "+retry=0"])
            .trim()
            .is_empty()
        {
            assert!(Instant::now() < deadline, "knotd did not answer");
            std::thread::sleep(Duration::from_millis(50));
        }
        knot
    }

    /// Every record of `zone` (a zone transfer) but those `start` put there (SOA, NS and
    /// the name server's address), sorted.
    pub fn records(&self, zone: &str) -> Vec<Rr> {
        let out = self.dig(&[&format!("{zone}."), "AXFR", "+nocomments", "+nostats"]);
        let mut records: Vec<Rr> = out
            .lines()
            .filter(|l| !l.starts_with(';') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut fields = l.split_whitespace();
                let name = fields.next()?.to_owned();
                let _ttl = fields.next()?;
                let _class = fields.next()?;
                let kind = fields.next()?.to_owned();
                let data: Vec<&str> = fields.collect();
                Some(Rr {
                    name,
                    kind,
                    data: data.join(" "),
                })
            })
            .filter(|r| r.kind != "SOA" && r.kind != "NS" && r.name != format!("ns1.{zone}."))
            .collect();
        records.sort();
        records.dedup();
        records
    }

    /// The data of the records of `kind` at `name` (with its final dot).
    pub fn data(&self, zone: &str, name: &str, kind: &str) -> Vec<String> {
        self.records(zone)
            .into_iter()
            .filter(|r| r.name == name && r.kind == kind)
            .map(|r| r.data)
            .collect()
    }

    /// Adds a TXT record at `name` (a domain owner publishing a proof at their DNS host).
    pub fn add_txt(&self, name: &str, value: &str) -> Result<(), String> {
        let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
        self.update(name, &format!("add {name}. 0 TXT \"{quoted}\""))
    }

    /// Adds a record of `kind` with `data` as a zone file writes it ("20 mx.example.net.").
    pub fn add(&self, name: &str, kind: &str, data: &str) -> Result<(), String> {
        if kind.eq_ignore_ascii_case("TXT") {
            return self.add_txt(name, data);
        }
        self.update(name, &format!("add {name}. 300 {kind} {data}"))
    }

    /// Removes every record at `name`.
    pub fn remove(&self, name: &str) -> Result<(), String> {
        self.update(name, &format!("delete {name}."))
    }

    /// One TSIG-signed update of the zone `name` is in, with `knsupdate`.
    fn update(&self, name: &str, change: &str) -> Result<(), String> {
        use std::io::Write;
        let name = name.trim_end_matches('.');
        let zone = self
            .zones
            .iter()
            .filter(|z| name == z.as_str() || name.ends_with(&format!(".{z}")))
            .max_by_key(|z| z.len())
            .ok_or_else(|| format!("{name} is outside the served zones"))?;
        let script = format!(
            "server {ip} {port}\nkey {ALGORITHM}:{KEY_NAME} {secret}\nzone {zone}.\n\
             update {change}\nsend\n",
            ip = self.addr.ip(),
            port = self.addr.port(),
            secret = self.secret,
        );
        let mut child = Command::new("knsupdate")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("run knsupdate (Debian package knot-dnsutils): {e}"))?;
        child
            .stdin
            .take()
            .expect("piped")
            .write_all(script.as_bytes())
            .map_err(|e| e.to_string())?;
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    fn dig(&self, args: &[&str]) -> String {
        let out = Command::new("kdig")
            .arg(format!("@{}", self.addr.ip()))
            .arg("-p")
            .arg(self.addr.port().to_string())
            .args(args)
            .output()
            .expect("run kdig (Debian package knot-dnsutils)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Knot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A loopback port free for both UDP and TCP at the time of asking.
fn free_port() -> u16 {
    loop {
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind loopback");
        let port = udp.local_addr().expect("bound").port();
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}
