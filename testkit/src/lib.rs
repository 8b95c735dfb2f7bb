//! Test equipment for Postern: a Stalwart v0.16 simulator, an in-process OpenID provider and an
//! authoritative DNS server for loopback.
//! Nothing here is used by the product.

pub mod directory;
pub mod dns;
pub mod knot;
pub mod oidc;
pub mod smtp;
pub mod stalwart;
