//! E-mails to people about their own credentials: "a new app password was created". Written
//! with the action that causes them (in the person's language) and sent in the background by
//! SMTP submission as the account each mail server's `notify` settings name; a sending failure
//! is retried and never holds the action up.

#[cfg(feature = "ssr")]
pub mod service;
pub mod text;
