//! The one Stalwart client. Callers speak in mailboxes, domains and app passwords; the JMAP
//! `x:` wire format (../shared/stalwart/API.md) stays inside this module so that a second API
//! generation can sit behind the same methods.

mod accounts;
mod app_passwords;
pub mod client;
mod dns_publishing;
mod domains;
pub mod error;
mod jmap;
pub mod model;
pub mod probe;
mod protection;
mod provisioning;
mod standing;
mod webhooks;

pub use accounts::{AccountPage, NewAccount};
pub use app_passwords::{CreatedAppPassword, NewAppPassword};
pub use client::StalwartClient;
pub use dns_publishing::{
    DnsTask, FailureCause, TSIG_ALGORITHMS, TaskFailure, TsigServer, failure_cause,
};
pub use domains::DkimKey;
pub use error::{ObjectRef, SetError, SetErrorKind, StalwartError};
pub use jmap::Reach;
pub use model::{ACCOUNT_PROPERTIES, Account, AccountKind, Alias, ApiKey, AppPassword, Domain};
pub use provisioning::{DomainContents, KeyAccount};
pub use standing::{Freshness, Protection, Standing};
pub use webhooks::{Applied, HOOK_EVENTS};
