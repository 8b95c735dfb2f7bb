//! Storage. One `sqlx::Any` pool; the SQL is written once in the dialect SQLite and
//! PostgreSQL share (`$1` placeholders, BIGINT epoch seconds, TEXT JSON), grouped per
//! aggregate.

pub mod activity;
pub mod audit;
pub mod departures;
pub mod dns_publishing;
pub mod limits;
pub mod login_cache;
pub mod logins;
pub mod logout_tokens;
pub mod notifications;
pub mod organisations;
pub mod pins;
pub mod pool;
pub mod requests;
pub mod scim;
pub mod seen;
pub mod sync_runs;
pub mod users;
pub mod webhooks;

pub use super::time::now;
pub use pool::{ACQUIRE_TIMEOUT, Backend, Db, DbError, pool_options};
