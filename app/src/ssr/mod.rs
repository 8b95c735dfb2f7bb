//! Server-only plumbing shared by every area: state, the HTTP edge, sessions, configuration,
//! organisations, and the clients of the outside world (OpenID providers, Stalwart, DNS, the
//! database). Nothing here knows an area; areas build on it.

pub mod client_ip;
pub mod config;
pub mod db;
pub mod departures;
pub mod directory;
pub mod dns;
pub mod health;
pub mod http;
pub mod ids;
pub mod limits;
pub mod mail;
pub mod metrics;
pub mod oidc;
pub mod organisations;
pub mod outbound;
pub mod recently;
pub mod scope;
pub mod secrets;
pub mod session;
pub mod stalwart;
pub mod state;
pub mod tasks;
pub mod time;
