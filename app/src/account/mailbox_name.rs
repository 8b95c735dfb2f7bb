//! The rule for the name before the @ of a new mailbox, whoever creates it: an administrator,
//! or the portal at a person's first sign-in.

use super::text;

/// Lowercase letters, digits and `. - _ +`, 1 to 64 of them, no dot at either end or twice.
pub fn valid_local_part(local: &str) -> Result<(), String> {
    if local.is_empty() || local.len() > 64 {
        return Err(text::LOCAL_LENGTH.into());
    }
    if !local.bytes().all(|b| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_' | b'+')
    }) {
        return Err(text::local_chars(local));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(text::LOCAL_DOTS.into());
    }
    Ok(())
}
