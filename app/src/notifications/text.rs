//! The words of the notification e-mails.

use crate::i18n::{Key, format};

/// The subject of "a new app password was created".
pub fn created_subject(name: &str) -> String {
    format(Key("notify-created-subject"), [("name", name.into())])
}

/// The body of "a new app password was created": who, when, from where, and what to do if it
/// was not them. Never the password.
pub fn created_body(name: &str, address: &str, when: &str, from: &str, link: &str) -> String {
    format(
        Key("notify-created-body"),
        [
            ("name", name.into()),
            ("address", address.into()),
            ("when", when.into()),
            ("from", from.into()),
            ("link", link.into()),
        ],
    )
}

/// The body for a password made for an Apple device profile.
pub fn apple_body(address: &str, when: &str, from: &str, link: &str) -> String {
    format(
        Key("notify-apple-body"),
        [
            ("address", address.into()),
            ("when", when.into()),
            ("from", from.into()),
            ("link", link.into()),
        ],
    )
}

pub const UNKNOWN_PLACE: Key = Key("notify-unknown-place");
