//! Each mail server's state, probed in the background (`ssr::tasks`) and read by the pages
//! that show it and by the readiness answer. Nothing probes a server because someone asked
//! anonymously, and one partner's broken server never takes the portal out of service: the
//! portal is ready when its database answers and the servers postern.toml declares are.

use super::db::Db;
use super::organisations::Organisations;
use super::stalwart::probe::Probe;
use super::time::now;
use std::collections::HashMap;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

/// What the last probe of a server found, and when (epoch seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub probe: Probe,
    pub at: i64,
}

/// How long one readiness answer is reused: a flood of anonymous requests costs one
/// database round trip a second.
const READINESS_REUSE: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct ServerHealth {
    states: RwLock<HashMap<String, Checked>>,
    /// One round of probes at a time (the background task and a first readiness check).
    round: tokio::sync::Mutex<()>,
    /// The last readiness answer and when it was made.
    readiness: Mutex<Option<(Instant, bool)>>,
}

impl ServerHealth {
    /// Probes every server of the directory, concurrently; a change of state is logged in
    /// words for the operator.
    pub async fn check(&self, organisations: &Organisations) {
        let _round = self.round.lock().await;
        let servers = organisations.servers();
        let probes = servers
            .iter()
            .map(|(name, client)| async move { (name.clone(), client.probe().await) });
        let found = futures::future::join_all(probes).await;
        let at = now();
        let mut states = self.states.write().expect("lock");
        states.retain(|name, _| servers.iter().any(|(n, _)| n == name));
        for (name, probe) in found {
            let changed = states.get(&name).is_none_or(|c| c.probe != probe);
            if changed {
                let line = describe(&name, &probe);
                match probe {
                    Probe::Ready => tracing::info!(server = %name, "Stalwart server ready"),
                    _ => tracing::error!(server = %name, "Stalwart server not ready: {line}"),
                }
            }
            states.insert(name, Checked { probe, at });
        }
    }

    /// The last state of one server (`None`: not probed yet).
    pub fn state(&self, name: &str) -> Option<Checked> {
        self.states.read().expect("lock").get(name).cloned()
    }

    /// Whether the portal can serve: the database answers and [`Self::declared_ready`].
    /// Reused for a second.
    pub async fn portal_ready(&self, db: &Db, organisations: &Organisations) -> bool {
        if let Some((at, ready)) = *self.readiness.lock().expect("lock")
            && at.elapsed() < READINESS_REUSE
        {
            return ready;
        }
        let ready = match sqlx::query("SELECT 1").execute(&db.pool).await {
            Ok(_) => self.declared_ready(organisations).await,
            Err(e) => {
                tracing::warn!(error = %e, "readiness: database unavailable");
                false
            }
        };
        *self.readiness.lock().expect("lock") = Some((Instant::now(), ready));
        ready
    }

    /// Whether every server postern.toml declares answered its last probe as ready. Before
    /// the first round has run, that round is run now.
    pub async fn declared_ready(&self, organisations: &Organisations) -> bool {
        let unknown = {
            let states = self.states.read().expect("lock");
            organisations
                .declared_servers()
                .any(|s| !states.contains_key(s))
        };
        if unknown {
            self.check(organisations).await;
        }
        let states = self.states.read().expect("lock");
        organisations
            .declared_servers()
            .all(|s| states.get(s).is_some_and(|c| c.probe == Probe::Ready))
    }
}

/// What a probe found, in words for an operator (the log; the operator's server list).
pub fn describe(name: &str, probe: &Probe) -> String {
    match probe {
        Probe::Ready => "ok".into(),
        Probe::Unreachable(why) => {
            format!("unreachable ({why}); check stalwart.{name}.url and that the server runs")
        }
        Probe::NotAllowed => format!(
            "its address is in a private or local network that [outbound] allow does not name; check stalwart.{name}.url"
        ),
        Probe::KeyRefused => format!(
            "the API key was refused (HTTP 401): it is wrong, revoked or expired; check stalwart.{name}.api_key"
        ),
        Probe::MissingPermission(what) => format!(
            "the API key works but lacks a permission the portal needs ({what}); give its account the Admin role"
        ),
        Probe::NotStalwart(why) => format!(
            "this does not answer like a Stalwart server ({why}); check stalwart.{name}.url"
        ),
    }
}
