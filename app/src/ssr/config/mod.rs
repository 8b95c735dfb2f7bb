//! Settings: one TOML file plus `POSTERN_<SECTION>__<KEY>` environment overrides.
//!
//! Everything is validated at boot. A problem is reported as one line naming the key, e.g.
//! `organisations.acme.oidc.issuer: not a URL: relative URL without a base`, never as a panic.

mod load;
mod sections;
pub mod settings;
mod validate;

#[cfg(test)]
mod tests;

pub use load::read_secret;
pub use sections::*;
pub use settings::*;
pub use validate::{is_domain_name, is_loopback_host, is_slug};
