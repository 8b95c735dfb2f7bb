//! Every sentence the app-password pages show and the app-password service says.

/// Why there is nothing to create app passwords for (list, form and service say the same).
pub const NO_MAILBOX: &str = "You do not have a mailbox yet, so there is nothing to create app passwords for. \
    Please ask your administrator to create it.";

/// The list of app passwords.
pub mod list {
    pub const TITLE: &str = "App passwords";
    pub const INTRO: &str = "Mail apps such as Apple Mail, Thunderbird, K-9 Mail or Outlook cannot sign in \
        through your organisation's sign-in page. Give each of them its own app password instead: \
        it only works for mail, and you can revoke it at any time without changing anything else.";
    pub const CREATE: &str = "Create an app password";
    pub const APPLE: &str = "Set up iPhone, iPad or Mac";
    pub const EMPTY_TITLE: &str = "You have no app passwords yet";
    pub const EMPTY_BODY: &str = "You need one when a mail app asks for a password for your address. \
        Create one per device or app, so you can revoke just that one if the device is lost.";
    pub const NAME: &str = "Name";
    pub const CREATED: &str = "Created";
    pub const EXPIRES: &str = "Expires";
    pub const NEVER: &str = "Never";
    pub const EXPIRED: &str = "expired";
    pub const NETWORKS: &str = "Allowed networks";
    pub const ANY_NETWORK: &str = "Any";
    pub const SCOPE: &str = "Can be used for";
    pub const MAIL_ONLY: &str = "Mail only (IMAP, SMTP)";
    pub const MAIL_DAV: &str = "Mail, calendars and contacts";
    pub const EVERYTHING: &str = "Everything your account can do";
    pub const API_KEYS: &str = "API keys";
    pub const API_KEYS_INTRO: &str = "API keys let programs use your account. They were made outside \
        this portal; revoke any you do not recognise. Revoking all app passwords revokes these too.";
    pub const API_KEYS_CAPTION: &str = "Your API keys";
    pub const ACTIONS: &str = "Actions";
    pub const REVOKE: &str = "Revoke";
    pub const REVOKE_ALL: &str = "Revoke all app passwords";
    pub const UNAVAILABLE: &str = "Your app passwords could not be shown";
    pub const RETRY: &str = "Try again";
    pub const HANGS_TITLE: &str = "Mail app stuck while signing in?";
    pub const HANGS_BODY: &str = "If a mail app keeps spinning when it connects to the incoming (IMAP) server, \
        its app password is most likely mistyped or revoked: the mail server does not always answer a \
        wrong app password, so the app waits instead of showing an error. Create a new app password \
        and enter it again.";
    pub const ACTIVITY: &str = "Recent activity";
    pub const ACTIVITY_EMPTY: &str = "Nothing yet.";
    pub const WHEN: &str = "When";
    pub const WHAT: &str = "What";
    pub const FROM: &str = "From";
    pub const CAPTION: &str = "Your app passwords";
    pub const ACTIVITY_CAPTION: &str = "Your recent activity";
}

/// The create form.
pub mod new {
    pub const TITLE: &str = "Create an app password";
    pub const REAUTHENTICATED: &str =
        "Thank you for confirming your sign-in. Check the details and create the app password.";
    pub const NAME: &str = "Name";
    pub const NAME_HINT: &str =
        "Which device or app will use it? You will see this name in the list.";
    pub const EXPIRY: &str = "Expires";
    pub const NETWORKS: &str = "Allowed networks (optional)";
    pub const NETWORKS_HINT: &str = "Only accept this password from these IP ranges, one per line, \
        for example 192.0.2.0/24 or 2001:db8::/32. Leave empty to allow any network.";
    pub const SCOPE: &str = "What it may be used for";
    pub const SCOPE_MAIL: &str = "Mail only: reading (IMAP) and sending (SMTP)";
    pub const SCOPE_MAIL_DAV: &str =
        "Mail, calendars and contacts: also CalDAV and CardDAV, for calendar and contacts apps";
    pub const FRESH: &str =
        "For your security you may be asked to sign in again before the password is created.";
    pub const SUBMIT: &str = "Create app password";
    pub const SUBMITTING: &str = "Creating…";
    pub const CANCEL: &str = "Cancel";
    pub const PROBLEM: &str = "The app password was not created";
    pub const PRESETS: &[&str] = &[
        "iPhone Mail",
        "iPad Mail",
        "Mac Mail",
        "Thunderbird on my laptop",
        "Outlook on my PC",
        "K-9 Mail on my phone",
    ];
    pub const EXPIRY_OPTIONS: &[(&str, &str)] = &[
        ("never", "Never"),
        ("30", "In 30 days"),
        ("90", "In 90 days"),
        ("365", "In one year"),
    ];
}

/// The page that shows a new password once.
pub mod created {
    pub const TITLE: &str = "Your new app password";
    pub const ONCE: &str = "Write it down or copy it now: you will not see this password again. \
        If you lose it, revoke it and create a new one.";
    pub const PASSWORD: &str = "App password";
    pub const COPY: &str = "Copy password";
    pub const TYPE_HINT: &str = "The spaces only make it easier to read; type it without them.";
    pub const SETTINGS: &str = "Settings for your mail app";
    pub const USERNAME: &str = "User name";
    pub const INCOMING: &str = "Incoming mail (IMAP)";
    pub const OUTGOING: &str = "Outgoing mail (SMTP)";
    pub const SERVER: &str = "Server";
    pub const PORT: &str = "Port";
    pub const SECURITY: &str = "Security";
    pub const AUTH: &str = "Authentication: normal password (the app password above)";
    pub const DONE: &str = "Done, back to my app passwords";
}

/// Revoking one, or all.
pub mod revoke {
    pub const TITLE: &str = "Revoke app password";
    pub const QUESTION: &str = "Revoke this app password?";
    pub const EFFECT: &str = "Every app that uses it stops working at once and will ask for a password. \
        This cannot be undone; you can create a new app password afterwards.";
    pub const CONFIRM: &str = "Yes, revoke it";
    pub const REVOKING: &str = "Revoking…";
    pub const KEEP: &str = "No, keep it";
    pub const ALL_TITLE: &str = "Revoke all app passwords";
    pub const ALL_QUESTION: &str = "Revoke all your app passwords?";
    pub const ALL_EFFECT: &str = "All your mail apps that use an app password stop working at once. \
        Use this if a device was lost or you suspect someone else knows one of them.";
    pub const ALL_CONFIRM: &str = "Yes, revoke all";
}

/// The Apple configuration profile page.
pub mod apple {
    pub const TITLE: &str = "Set up iPhone, iPad or Mac";
    pub const INTRO: &str = "Download a configuration profile that sets up your mail account with a new app \
        password. Downloading it again for the same device replaces the installed profile.";
    pub const DEVICE: &str = "Device name";
    pub const DEVICE_HINT: &str = "The new app password is named after it, e.g. “Alice's iPhone”.";
    pub const DOWNLOAD: &str = "Download profile";
    pub const IOS: &str = "On iPhone or iPad";
    pub const IOS_STEPS: &[&str] = &[
        "Open this page in Safari on the device and download the profile (allow the download).",
        "Open Settings: tap “Profile Downloaded” near the top (or General → VPN & Device Management).",
        "Tap Install, enter your device passcode, and confirm.",
        "Open Mail: your account is ready.",
    ];
    pub const MAC: &str = "On a Mac";
    pub const MAC_STEPS: &[&str] = &[
        "Download the profile and double-click it in Downloads.",
        "Open System Settings → Privacy & Security → Profiles (or search for “Profiles”).",
        "Double-click the downloaded profile, click Install and confirm with your Mac password.",
        "Open Mail: your account is ready.",
    ];
    pub const OTHERS: &str = "Thunderbird, Outlook, K-9 Mail and others: create an app password and enter the settings shown with it.";
}

/// The words inside an Apple configuration profile (shown in iOS and macOS settings).
pub mod profile {
    pub fn account_description(organisation: &str) -> String {
        format!("{organisation} mail")
    }
    pub fn mail_description(address: &str) -> String {
        format!("Mail account {address}")
    }
    pub fn mail_display_name(organisation: &str, address: &str) -> String {
        format!("{organisation} mail ({address})")
    }
    pub fn profile_description(address: &str) -> String {
        format!("Sets up the mail account {address} with an app password from Postern.")
    }
}

/// What the service answers: confirmations, refusals and failures.
pub mod service {
    pub const NO_NAME: &str = "(no name)";
    pub const MAILBOX_CHANGED: &str = "Your mailbox was removed or made again at the mail server \
        just now, so nothing was changed. Please try again.";
    pub const GONE: &str =
        "This app password does not exist any more. It may have been revoked already.";
    pub const ALREADY_UNKNOWN: &str = "This form was already sent, and the mail server did not confirm the result. \
        Check your list of app passwords: if the new one is there, revoke it and create another.";
    pub const NETWORKS_REFUSED: &str =
        "The mail server did not accept these networks. Check each range.";
    pub const TIMED_OUT: &str = "The mail server did not answer in time, so we cannot tell whether the app password was created. \
        Check your list of app passwords before trying again: if it is there, revoke it and create a new one.";
    pub const AT_LIMIT: &str = "You have reached your limit of app passwords";
    pub const NONE_TO_REVOKE: &str = "You had no app passwords to revoke.";
    pub const REVOKED_ONE: &str = "Revoked your app password.";

    // Completes "We could not …".
    pub const LIST: &str = "list your app passwords";
    pub const FIND: &str = "find this app password";
    pub const CHECK_MAILBOX: &str = "check your mailbox";
    pub const CREATE: &str = "create the app password";
    pub const REVOKE: &str = "revoke the app password";
    pub const REVOKE_ALL: &str = "revoke your app passwords";

    pub fn already_used(name: &str) -> String {
        format!(
            "This form was already used: “{name}” was created and its password was shown then. \
             For security it cannot be shown again. If you did not write it down, revoke it and create a new one."
        )
    }

    pub fn have_count(count: usize) -> String {
        format!("You already have {count} app passwords")
    }

    pub fn revoke_one_to_create(have: &str) -> String {
        format!("{have}; revoke one to create another.")
    }

    pub fn revoked(name: &str) -> String {
        format!("Revoked “{name}”. Apps that used it can no longer sign in.")
    }

    pub fn revoked_all(count: usize) -> String {
        format!(
            "Revoked all {count} app passwords and API keys. Your mail apps will ask for a new one."
        )
    }

    pub fn revoked_api_key(name: &str) -> String {
        format!("Revoked the API key “{name}”. Programs that used it can no longer sign in.")
    }

    pub const API_KEY_GONE: &str =
        "This API key does not exist any more. It may have been revoked already.";
    pub const REVOKE_API_KEY: &str = "revoke the API key";
}

/// Checking the create form.
pub mod form {
    pub const NAME_MISSING: &str = "Give it a name, such as the device or app that will use it.";
    pub const NAME_CONTROL: &str = "The name cannot contain line breaks or control characters.";
    pub const EXPIRY: &str = "Choose one of the offered expiry periods.";
    pub const SCOPE: &str = "Choose what the app password may be used for.";
    pub const OUT_OF_DATE: &str = "This form is out of date. Please reload the page and try again.";

    pub fn name_too_long(max: usize, has: usize) -> String {
        format!("Use at most {max} characters (this one has {has}).")
    }

    pub fn not_a_network(entry: &str) -> String {
        format!(
            "“{entry}” is not an IP address or network. Write ranges like 192.0.2.0/24 or 2001:db8::/32."
        )
    }

    pub fn too_many_networks(max: usize) -> String {
        format!("List at most {max} networks.")
    }
}

/// The recent-activity table: what each audit action means to the person who did it.
pub mod activity {
    pub fn what(action: &str) -> &'static str {
        match action {
            "app_password.create" => "Created an app password",
            "app_password.apple_profile" => "Downloaded an Apple profile",
            "app_password.revoke" => "Revoked an app password",
            "app_password.revoke_all" => "Revoked all app passwords",
            "api_key.revoke" => "Revoked an API key",
            "user.sign_in" => "Signed in",
            "user.sign_out" => "Signed out",
            "user.sign_out_everywhere" => "Signed out everywhere",
            _ => "Other change",
        }
    }

    /// A short, human description of a browser's user agent ("Firefox on Windows").
    pub fn describe_user_agent(ua: &str) -> String {
        let browser = if ua.contains("Edg/") {
            "Edge"
        } else if ua.contains("Firefox/") {
            "Firefox"
        } else if ua.contains("Chrome/") || ua.contains("Chromium/") {
            "Chrome"
        } else if ua.contains("Safari/") {
            "Safari"
        } else {
            "A browser"
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
            "an unknown system"
        };
        format!("{browser} on {os}")
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
