//! Every sentence the app-password pages show and the app-password service says.

use crate::i18n::Key;

/// Why there is nothing to create app passwords for (list, form and service say the same).
pub const NO_MAILBOX: Key = Key("apppw-no-mailbox");

/// The list of app passwords.
pub mod list {
    use crate::i18n::{Key, format};
    pub const TITLE: Key = Key("apppw-list-title");
    pub const INTRO: Key = Key("apppw-list-intro");
    pub const CREATE: Key = Key("apppw-list-create");
    pub const APPLE: Key = Key("apppw-list-apple");
    pub const EMPTY_TITLE: Key = Key("apppw-list-empty-title");
    pub const EMPTY_BODY: Key = Key("apppw-list-empty-body");
    pub const NAME: Key = Key("apppw-list-name");
    pub const CREATED: Key = Key("apppw-list-created");
    pub const EXPIRES: Key = Key("apppw-list-expires");
    pub const NEVER: Key = Key("apppw-list-never");
    pub const EXPIRED: Key = Key("apppw-list-expired");
    pub const NETWORKS: Key = Key("apppw-list-networks");
    pub const ANY_NETWORK: Key = Key("apppw-list-any-network");
    pub const SCOPE: Key = Key("apppw-list-scope");
    pub const MAIL_ONLY: Key = Key("apppw-list-mail-only");
    pub const MAIL_DAV: Key = Key("apppw-list-mail-dav");
    pub const EVERYTHING: Key = Key("apppw-list-everything");
    pub const API_KEYS: Key = Key("apppw-list-api-keys");
    pub const API_KEYS_INTRO: Key = Key("apppw-list-api-keys-intro");
    pub const API_KEYS_CAPTION: Key = Key("apppw-list-api-keys-caption");
    pub const ACTIONS: Key = Key("apppw-list-actions");
    pub const REVOKE: Key = Key("apppw-list-revoke");
    pub const REVOKE_ALL: Key = Key("apppw-list-revoke-all");
    pub const UNAVAILABLE: Key = Key("apppw-list-unavailable");
    pub const RETRY: Key = Key("apppw-list-retry");
    pub const HANGS_TITLE: Key = Key("apppw-list-hangs-title");
    pub const HANGS_BODY: Key = Key("apppw-list-hangs-body");
    pub const ACTIVITY: Key = Key("apppw-list-activity");
    pub const ACTIVITY_EMPTY: Key = Key("apppw-list-activity-empty");
    pub const WHEN: Key = Key("apppw-list-when");
    pub const WHAT: Key = Key("apppw-list-what");
    pub const FROM: Key = Key("apppw-list-from");
    pub const CAPTION: Key = Key("apppw-list-caption");
    pub const ACTIVITY_CAPTION: Key = Key("apppw-list-activity-caption");
    pub const LAST_USED: Key = Key("apppw-list-last-used");
    pub const NEVER_USED: Key = Key("apppw-list-never-used");
    pub const USAGE_UNKNOWN: Key = Key("apppw-list-usage-unknown");
    pub const UNUSED: Key = Key("apppw-list-unused");
    pub const REVOKE_UNUSED: Key = Key("apppw-list-revoke-unused");

    /// "3 failed sign-ins in 30 days, the last on … from …" (from 100 on: "more than 99").
    pub fn failures(count: u32, when: &str, ip: &str) -> String {
        if count >= 100 {
            return format(
                Key("apppw-list-failures-many"),
                [("when", when.into()), ("ip", ip.into())],
            );
        }
        format(
            Key("apppw-list-failures"),
            [
                ("count", count.into()),
                ("when", when.into()),
                ("ip", ip.into()),
            ],
        )
    }

    /// The "Expires" cell of an expired password: its date, marked as expired.
    pub fn expired_on(date: &str) -> String {
        format(Key("apppw-list-expired-on"), [("date", date.into())])
    }

    /// The accessible name of a "Revoke" link: which password or API key it revokes.
    pub fn revoke_label(name: &str) -> String {
        format(Key("apppw-list-revoke-label"), [("name", name.into())])
    }
}

/// The create form.
pub mod new {
    use crate::i18n::Key;
    pub const TITLE: Key = Key("apppw-new-title");
    pub const REAUTHENTICATED: Key = Key("apppw-new-reauthenticated");
    pub const NAME: Key = Key("apppw-new-name");
    pub const NAME_HINT: Key = Key("apppw-new-name-hint");
    pub const EXPIRY: Key = Key("apppw-new-expiry");
    pub const NETWORKS: Key = Key("apppw-new-networks");
    pub const NETWORKS_HINT: Key = Key("apppw-new-networks-hint");
    pub const SCOPE: Key = Key("apppw-new-scope");
    pub const SCOPE_MAIL: Key = Key("apppw-new-scope-mail");
    pub const SCOPE_MAIL_DAV: Key = Key("apppw-new-scope-mail-dav");
    pub const FRESH: Key = Key("apppw-new-fresh");
    pub const SUBMIT: Key = Key("apppw-new-submit");
    pub const SUBMITTING: Key = Key("apppw-new-submitting");
    pub const CANCEL: Key = Key("apppw-new-cancel");
    pub const PROBLEM: Key = Key("apppw-new-problem");
    /// Suggested names (a datalist).
    pub const PRESETS: &[Key] = &[
        Key("apppw-new-preset-iphone"),
        Key("apppw-new-preset-ipad"),
        Key("apppw-new-preset-mac"),
        Key("apppw-new-preset-thunderbird"),
        Key("apppw-new-preset-outlook"),
        Key("apppw-new-preset-k9"),
    ];
    /// The form value and its label.
    pub const EXPIRY_OPTIONS: &[(&str, Key)] = &[
        ("never", Key("apppw-new-expiry-never")),
        ("30", Key("apppw-new-expiry-30")),
        ("90", Key("apppw-new-expiry-90")),
        ("365", Key("apppw-new-expiry-365")),
    ];
}

/// The page that shows a new password once.
pub mod created {
    use crate::i18n::Key;
    pub const TITLE: Key = Key("apppw-created-title");
    pub const ONCE: Key = Key("apppw-created-once");
    pub const PASSWORD: Key = Key("apppw-created-password");
    pub const COPY: Key = Key("apppw-created-copy");
    pub const TYPE_HINT: Key = Key("apppw-created-type-hint");
    pub const SETTINGS: Key = Key("apppw-created-settings");
    pub const USERNAME: Key = Key("apppw-created-username");
    pub const INCOMING: Key = Key("apppw-created-incoming");
    pub const OUTGOING: Key = Key("apppw-created-outgoing");
    pub const SERVER: Key = Key("apppw-created-server");
    pub const PORT: Key = Key("apppw-created-port");
    pub const SECURITY: Key = Key("apppw-created-security");
    pub const AUTH: Key = Key("apppw-created-auth");
    pub const DONE: Key = Key("apppw-created-done");
}

/// Revoking one, or all.
pub mod revoke {
    use crate::i18n::Key;
    pub const TITLE: Key = Key("apppw-revoke-title");
    pub const QUESTION: Key = Key("apppw-revoke-question");
    pub const EFFECT: Key = Key("apppw-revoke-effect");
    pub const CONFIRM: Key = Key("apppw-revoke-confirm");
    pub const REVOKING: Key = Key("apppw-revoke-revoking");
    pub const KEEP: Key = Key("apppw-revoke-keep");
    pub const ALL_TITLE: Key = Key("apppw-revoke-all-title");
    pub const ALL_QUESTION: Key = Key("apppw-revoke-all-question");
    pub const ALL_EFFECT: Key = Key("apppw-revoke-all-effect");
    pub const ALL_CONFIRM: Key = Key("apppw-revoke-all-confirm");
}

/// The Apple configuration profile page.
pub mod apple {
    use crate::i18n::{Key, format};
    pub const TITLE: Key = Key("apppw-apple-title");
    pub const INTRO: Key = Key("apppw-apple-intro");
    pub const DEVICE: Key = Key("apppw-apple-device");
    pub const DEVICE_HINT: Key = Key("apppw-apple-device-hint");
    pub const DOWNLOAD: Key = Key("apppw-apple-download");
    pub const IOS: Key = Key("apppw-apple-ios");
    pub const IOS_STEPS: &[Key] = &[
        Key("apppw-apple-ios-step-download"),
        Key("apppw-apple-ios-step-settings"),
        Key("apppw-apple-ios-step-install"),
        Key("apppw-apple-ios-step-open-mail"),
    ];
    pub const MAC: Key = Key("apppw-apple-mac");
    pub const MAC_STEPS: &[Key] = &[
        Key("apppw-apple-mac-step-download"),
        Key("apppw-apple-mac-step-settings"),
        Key("apppw-apple-mac-step-install"),
        Key("apppw-apple-mac-step-open-mail"),
    ];
    pub const OTHERS: Key = Key("apppw-apple-others");

    /// The suggested device name: "Alice's iPhone" from the person's first name, else "My iPhone".
    pub fn default_device_name(first_name: Option<&str>) -> String {
        match first_name.filter(|n| !n.is_empty()) {
            Some(name) => format(Key("apppw-apple-default-name"), [("name", name.into())]),
            None => Key("apppw-apple-default-name-mine").get(),
        }
    }
}

/// The words inside an Apple configuration profile (shown in iOS and macOS settings).
pub mod profile {
    use crate::i18n::{Key, format};
    pub fn account_description(organisation: &str) -> String {
        format(
            Key("apppw-profile-account-description"),
            [("organisation", organisation.into())],
        )
    }
    pub fn mail_description(address: &str) -> String {
        format(
            Key("apppw-profile-mail-description"),
            [("address", address.into())],
        )
    }
    pub fn mail_display_name(organisation: &str, address: &str) -> String {
        format(
            Key("apppw-profile-mail-display-name"),
            [
                ("organisation", organisation.into()),
                ("address", address.into()),
            ],
        )
    }
    pub fn profile_description(address: &str) -> String {
        format(
            Key("apppw-profile-description"),
            [("address", address.into())],
        )
    }
}

/// What the service answers: confirmations, refusals and failures.
pub mod service {
    use crate::i18n::{Key, format};
    pub const NO_NAME: Key = Key("apppw-service-no-name");
    pub const MAILBOX_CHANGED: Key = Key("apppw-service-mailbox-changed");
    pub const GONE: Key = Key("apppw-service-gone");
    pub const ALREADY_UNKNOWN: Key = Key("apppw-service-already-unknown");
    pub const NETWORKS_REFUSED: Key = Key("apppw-service-networks-refused");
    pub const TIMED_OUT: Key = Key("apppw-service-timed-out");
    // AT_LIMIT and `have_count` complete "…; revoke one to create another." (`revoke_one_to_create`).
    pub const AT_LIMIT: Key = Key("apppw-service-at-limit");
    pub const NONE_TO_REVOKE: Key = Key("apppw-service-none-to-revoke");
    pub const REVOKED_ONE: Key = Key("apppw-service-revoked-one");

    // Completes "We could not …".
    pub const LIST: Key = Key("apppw-service-list");
    pub const FIND: Key = Key("apppw-service-find");
    pub const CHECK_MAILBOX: Key = Key("apppw-service-check-mailbox");
    pub const CREATE: Key = Key("apppw-service-create");
    pub const REVOKE: Key = Key("apppw-service-revoke");
    pub const REVOKE_ALL: Key = Key("apppw-service-revoke-all");

    pub fn already_used(name: &str) -> String {
        format(Key("apppw-service-already-used"), [("name", name.into())])
    }

    pub fn have_count(count: usize) -> String {
        format(Key("apppw-service-have-count"), [("count", count.into())])
    }

    /// `have` is [`have_count`] or [`AT_LIMIT`].
    pub fn revoke_one_to_create(have: &str) -> String {
        format(
            Key("apppw-service-revoke-one-to-create"),
            [("have", have.into())],
        )
    }

    pub fn revoked(name: &str) -> String {
        format(Key("apppw-service-revoked"), [("name", name.into())])
    }

    pub fn revoked_all(count: usize) -> String {
        format(Key("apppw-service-revoked-all"), [("count", count.into())])
    }

    pub fn revoked_api_key(name: &str) -> String {
        format(
            Key("apppw-service-revoked-api-key"),
            [("name", name.into())],
        )
    }

    pub const API_KEY_GONE: Key = Key("apppw-service-api-key-gone");
    pub const REVOKE_API_KEY: Key = Key("apppw-service-revoke-api-key");
}

/// Checking the create form.
pub mod form {
    use crate::i18n::{Key, format};
    pub const NAME_MISSING: Key = Key("apppw-form-name-missing");
    pub const NAME_CONTROL: Key = Key("apppw-form-name-control");
    pub const EXPIRY: Key = Key("apppw-form-expiry");
    pub const SCOPE: Key = Key("apppw-form-scope");
    pub const OUT_OF_DATE: Key = Key("apppw-form-out-of-date");

    pub fn name_too_long(max: usize, has: usize) -> String {
        format(
            Key("apppw-form-name-too-long"),
            [("max", max.into()), ("has", has.into())],
        )
    }

    pub fn not_a_network(entry: &str) -> String {
        format(Key("apppw-form-not-a-network"), [("entry", entry.into())])
    }

    pub fn too_many_networks(max: usize) -> String {
        format(Key("apppw-form-too-many-networks"), [("max", max.into())])
    }
}

/// The recent-activity table: what each audit action means to the person who did it.
pub mod activity {
    use crate::i18n::{Key, format};
    pub fn what(action: &str) -> Key {
        match action {
            "app_password.create" => Key("apppw-activity-create"),
            "app_password.apple_profile" => Key("apppw-activity-apple-profile"),
            "app_password.revoke" => Key("apppw-activity-revoke"),
            "app_password.revoke_all" => Key("apppw-activity-revoke-all"),
            "api_key.revoke" => Key("apppw-activity-revoke-api-key"),
            "user.sign_in" => Key("apppw-activity-sign-in"),
            "user.sign_out" => Key("apppw-activity-sign-out"),
            "user.sign_out_everywhere" => Key("apppw-activity-sign-out-everywhere"),
            _ => Key("apppw-activity-other"),
        }
    }

    /// A short, human description of a browser's user agent ("Firefox on Windows").
    pub fn describe_user_agent(ua: &str) -> String {
        // "unknown" picks the sentence's words for an unrecognised browser or system.
        let browser = if ua.contains("Edg/") {
            "Edge"
        } else if ua.contains("Firefox/") {
            "Firefox"
        } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
            "Chrome"
        } else if ua.contains("Safari/") {
            "Safari"
        } else {
            "unknown"
        };
        let os = if ua.contains("iPhone") || ua.contains("iPad") {
            "iOS"
        } else if ua.contains("Android") {
            "Android"
        } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
            "macOS"
        } else if ua.contains("Windows") {
            "Windows"
        } else if ua.contains("Linux") {
            "Linux"
        } else {
            "unknown"
        };
        format(
            Key("apppw-activity-user-agent"),
            [("browser", browser.into()), ("os", os.into())],
        )
    }

    #[cfg(test)]
    mod tests {
        use super::describe_user_agent;

        #[test]
        fn user_agents_are_summarised() {
            let ua = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
            assert_eq!(describe_user_agent(ua), "Safari on iOS");
        }
    }
}
