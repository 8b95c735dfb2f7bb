//! Organisation administration. Every read is filtered to the organisation's domains, and every write
//! first checks that each account, alias and group it touches belongs to one of them and is
//! not managed by the mail server's operator. Anything else is answered as "not found",
//! whether it exists in another organisation or not at all.

pub mod access;
pub mod audit;
pub mod common;
pub mod groups;
pub mod mailboxes;
pub mod protection;
pub mod validate;
