//! The words of the shared widgets: the page frame, notices, errors, and the islands.

pub const SKIP: &str = "Skip to content";
pub const PRODUCT: &str = "Postern";
pub const NAV_LABEL: &str = "Main";
pub const ACCOUNT: &str = "My account";
pub const APP_PASSWORDS: &str = "App passwords";
pub const MAILBOXES: &str = "Mailboxes";
pub const GROUPS: &str = "Groups";
pub const AUDIT: &str = "Audit log";
pub const ORGANISATION: &str = "Organisation";
pub const DOMAINS: &str = "Domains";
pub const PARTNERS: &str = "Partners";
pub const SIGN_OUT: &str = "Sign out";

pub const FORBIDDEN_TITLE: &str = "Not available";
pub const FORBIDDEN_BODY: &str = "Only administrators of your organisation can open this page.";

pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_BODY: &str =
    "There is no page at this address. It may have moved, or the link may be mistyped.";
pub const HOME: &str = "Go to the start page";

pub const WORKING: &str = "Working, please wait.";
pub const COPIED: &str = "Copied";
pub const COPIED_STATUS: &str = "Copied to the clipboard";
pub const COPY: &str = "Copy";

/// 1536 → "1.5 KB". Binary units, as mail servers count quotas.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_like_a_person_would_say_them() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(1073741824), "1 GB");
    }
}
