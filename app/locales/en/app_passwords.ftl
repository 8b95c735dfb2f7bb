apppw-no-mailbox = You do not have a mailbox yet, so there is nothing to create app passwords for. Please ask your administrator to create it.
apppw-list-title = App passwords
apppw-list-intro = Mail apps such as Apple Mail, Thunderbird, K-9 Mail or Outlook cannot sign in through your organisation's sign-in page. Give each of them its own app password instead: it only works for mail, and you can revoke it at any time without changing anything else.
apppw-list-create = Create an app password
apppw-list-apple = Set up iPhone, iPad or Mac
apppw-list-empty-title = You have no app passwords yet
apppw-list-empty-body = You need one when a mail app asks for a password for your address. Create one per device or app, so you can revoke just that one if the device is lost.
apppw-list-name = Name
apppw-list-created = Created
apppw-list-expires = Expires
apppw-list-never = Never
apppw-list-expired = expired
apppw-list-networks = Allowed networks
apppw-list-any-network = Any
apppw-list-scope = Can be used for
apppw-list-mail-only = Mail only (IMAP, SMTP)
apppw-list-mail-dav = Mail, calendars and contacts
apppw-list-everything = Everything your account can do
apppw-list-api-keys = API keys
apppw-list-api-keys-intro = API keys let programs use your account. They were made outside this portal; revoke any you do not recognise. Revoking all app passwords revokes these too.
apppw-list-api-keys-caption = Your API keys
apppw-list-actions = Actions
apppw-list-revoke = Revoke
apppw-list-revoke-all = Revoke all app passwords
apppw-list-unavailable = Your app passwords could not be shown
apppw-list-retry = Try again
apppw-list-hangs-title = Mail app stuck while signing in?
apppw-list-hangs-body = If a mail app keeps spinning when it connects to the incoming (IMAP) server, its app password is most likely mistyped or revoked: the mail server does not always answer a wrong app password, so the app waits instead of showing an error. Create a new app password and enter it again.
apppw-list-activity = Recent activity
apppw-list-activity-empty = Nothing yet.
apppw-list-when = When
apppw-list-what = What
apppw-list-from = From
apppw-list-caption = Your app passwords
apppw-list-activity-caption = Your recent activity
apppw-list-expired-on = { $date } (expired)
apppw-list-revoke-label = Revoke “{ $name }”
apppw-new-title = Create an app password
apppw-new-reauthenticated = Thank you for confirming your sign-in. Check the details and create the app password.
apppw-new-name = Name
apppw-new-name-hint = Which device or app will use it? You will see this name in the list.
apppw-new-expiry = Expires
apppw-new-networks = Allowed networks (optional)
apppw-new-networks-hint = Only accept this password from these IP ranges, one per line, for example 192.0.2.0/24 or 2001:db8::/32. Leave empty to allow any network.
apppw-new-scope = What it may be used for
apppw-new-scope-mail = Mail only: reading (IMAP) and sending (SMTP)
apppw-new-scope-mail-dav = Mail, calendars and contacts: also CalDAV and CardDAV, for calendar and contacts apps
apppw-new-fresh = For your security you may be asked to sign in again before the password is created.
apppw-new-submit = Create app password
apppw-new-submitting = Creating…
apppw-new-cancel = Cancel
apppw-new-problem = The app password was not created
# Suggested names for a new app password.
apppw-new-preset-iphone = iPhone Mail
apppw-new-preset-ipad = iPad Mail
apppw-new-preset-mac = Mac Mail
apppw-new-preset-thunderbird = Thunderbird on my laptop
apppw-new-preset-outlook = Outlook on my PC
apppw-new-preset-k9 = K-9 Mail on my phone
# The choices of "Expires".
apppw-new-expiry-never = Never
apppw-new-expiry-30 = In 30 days
apppw-new-expiry-90 = In 90 days
apppw-new-expiry-365 = In one year
apppw-created-title = Your new app password
apppw-created-once = Write it down or copy it now: you will not see this password again. If you lose it, revoke it and create a new one.
apppw-created-password = App password
apppw-created-copy = Copy password
apppw-created-type-hint = The spaces only make it easier to read; type it without them.
apppw-created-settings = Settings for your mail app
apppw-created-username = User name
apppw-created-incoming = Incoming mail (IMAP)
apppw-created-outgoing = Outgoing mail (SMTP)
apppw-created-server = Server
apppw-created-port = Port
apppw-created-security = Security
apppw-created-auth = Authentication: normal password (the app password above)
apppw-created-done = Done, back to my app passwords
apppw-revoke-title = Revoke app password
apppw-revoke-question = Revoke this app password?
apppw-revoke-effect = Every app that uses it stops working at once and will ask for a password. This cannot be undone; you can create a new app password afterwards.
apppw-revoke-confirm = Yes, revoke it
apppw-revoke-revoking = Revoking…
apppw-revoke-keep = No, keep it
apppw-revoke-all-title = Revoke all app passwords
apppw-revoke-all-question = Revoke all your app passwords?
apppw-revoke-all-effect = All your mail apps that use an app password stop working at once. Use this if a device was lost or you suspect someone else knows one of them.
apppw-revoke-all-confirm = Yes, revoke all
apppw-apple-title = Set up iPhone, iPad or Mac
apppw-apple-intro = Download a configuration profile that sets up your mail account with a new app password. Downloading it again for the same device replaces the installed profile.
apppw-apple-device = Device name
apppw-apple-device-hint = The new app password is named after it, e.g. “Alice's iPhone”.
apppw-apple-download = Download profile
apppw-apple-ios = On iPhone or iPad
apppw-apple-ios-step-download = Open this page in Safari on the device and download the profile (allow the download).
apppw-apple-ios-step-settings = Open Settings: tap “Profile Downloaded” near the top (or General → VPN & Device Management).
apppw-apple-ios-step-install = Tap Install, enter your device passcode, and confirm.
apppw-apple-ios-step-open-mail = Open Mail: your account is ready.
apppw-apple-mac = On a Mac
apppw-apple-mac-step-download = Download the profile and double-click it in Downloads.
apppw-apple-mac-step-settings = Open System Settings → Privacy & Security → Profiles (or search for “Profiles”).
apppw-apple-mac-step-install = Double-click the downloaded profile, click Install and confirm with your Mac password.
apppw-apple-mac-step-open-mail = Open Mail: your account is ready.
apppw-apple-others = Thunderbird, Outlook, K-9 Mail and others: create an app password and enter the settings shown with it.
# The suggested device name, from the person's first name, or without a name.
apppw-apple-default-name = { $name }'s iPhone
apppw-apple-default-name-mine = My iPhone
# The words inside the Apple configuration profile, shown in the device's settings and in Mail.
apppw-profile-account-description = { $organisation } mail
apppw-profile-mail-description = Mail account { $address }
apppw-profile-mail-display-name = { $organisation } mail ({ $address })
apppw-profile-description = Sets up the mail account { $address } with an app password from Postern.
apppw-service-no-name = (no name)
apppw-service-mailbox-changed = Your mailbox was removed or made again at the mail server just now, so nothing was changed. Please try again.
apppw-service-gone = This app password does not exist any more. It may have been revoked already.
apppw-service-already-unknown = This form was already sent, and the mail server did not confirm the result. Check your list of app passwords: if the new one is there, revoke it and create another.
apppw-service-networks-refused = The mail server did not accept these networks. Check each range.
apppw-service-timed-out = The mail server did not answer in time, so we cannot tell whether the app password was created. Check your list of app passwords before trying again: if it is there, revoke it and create a new one.
# apppw-service-at-limit and apppw-service-have-count complete apppw-service-revoke-one-to-create ($have).
apppw-service-at-limit = You have reached your limit of app passwords
apppw-service-none-to-revoke = You had no app passwords to revoke.
apppw-service-revoked-one = Revoked your app password.
apppw-service-already-used = This form was already used: “{ $name }” was created and its password was shown then. For security it cannot be shown again. If you did not write it down, revoke it and create a new one.
apppw-service-have-count = You already have { $count ->
        [one] 1 app password
       *[other] { $count } app passwords
    }
apppw-service-revoke-one-to-create = { $have }; revoke one to create another.
apppw-service-revoked = Revoked “{ $name }”. Apps that used it can no longer sign in.
apppw-service-revoked-all = Revoked all { $count } app passwords and API keys. Your mail apps will ask for a new one.
apppw-service-revoked-api-key = Revoked the API key “{ $name }”. Programs that used it can no longer sign in.
# apppw-service-list … apppw-service-revoke-all and apppw-service-revoke-api-key complete "We could not …" (error.ftl).
apppw-service-list = list your app passwords
apppw-service-find = find this app password
apppw-service-check-mailbox = check your mailbox
apppw-service-create = create the app password
apppw-service-revoke = revoke the app password
apppw-service-revoke-all = revoke your app passwords
apppw-service-api-key-gone = This API key does not exist any more. It may have been revoked already.
apppw-service-revoke-api-key = revoke the API key
apppw-form-name-missing = Give it a name, such as the device or app that will use it.
apppw-form-name-control = The name cannot contain line breaks or control characters.
apppw-form-expiry = Choose one of the offered expiry periods.
apppw-form-scope = Choose what the app password may be used for.
apppw-form-out-of-date = This form is out of date. Please reload the page and try again.
apppw-form-name-too-long = Use at most { $max } characters (this one has { $has }).
apppw-form-not-a-network = “{ $entry }” is not an IP address or network. Write ranges like 192.0.2.0/24 or 2001:db8::/32.
apppw-form-too-many-networks = List at most { $max } networks.
# The recent-activity table: what the person did.
apppw-activity-create = Created an app password
apppw-activity-apple-profile = Downloaded an Apple profile
apppw-activity-revoke = Revoked an app password
apppw-activity-revoke-all = Revoked all app passwords
apppw-activity-revoke-api-key = Revoked an API key
apppw-activity-sign-in = Signed in
apppw-activity-sign-out = Signed out
apppw-activity-sign-out-everywhere = Signed out everywhere
apppw-activity-other = Other change
# Where it was done from: $browser is Edge, Firefox, Chrome, Safari or "unknown"; $os is iOS, Android, macOS, Windows, Linux or "unknown".
apppw-activity-user-agent = { $browser ->
        [unknown] A browser
       *[other] { $browser }
    } on { $os ->
        [unknown] an unknown system
       *[other] { $os }
    }
apppw-list-last-used = Last used
apppw-list-never-used = Never used
apppw-list-usage-unknown = Not reported yet
apppw-list-unused = Not used for 90 days. If no device needs it any more, revoke it.
apppw-list-revoke-unused = Revoke it
apppw-list-failures = { $count ->
    [one] One failed sign-in in 30 days, on { $when } from { $ip }
   *[other] { $count } failed sign-ins in 30 days, the last on { $when } from { $ip }
}
apppw-list-failures-many = More than 99 failed sign-ins in 30 days, the last on { $when } from { $ip }
