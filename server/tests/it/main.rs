#![recursion_limit = "256"]
//! Postern's integration tests, linked into one binary: every test binary links the whole
//! server, so one binary instead of six keeps test builds small and fast to link.

mod common;

mod activity;
mod admin;
mod app_passwords;
mod audit;
mod backchannel;
mod backup;
mod boundary;
mod bounded;
mod claims;
mod demo;
mod deploy;
mod directory;
mod directory_sync;
mod dns;
mod dns_publishing;
mod floods;
mod hardening;
mod identity;
mod languages;
mod metrics;
mod outbound;
mod partners;
mod protected;
mod readiness;
mod scim;
mod scopes;
mod security;
mod sessions;
mod shutdown;
mod sign_in;
mod startup;
