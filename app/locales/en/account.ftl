account-title = My account
account-you = You
account-name = Name
account-email = E-mail
account-organisation = Organisation
account-role = Role
account-role-admin = Administrator of your organisation
account-role-user = User
account-no-name = (not provided by your organisation)
account-mailbox = Your mailbox
account-address = Address
account-display-name = Display name
account-storage = Storage used
account-aliases = Also receives mail for
account-no-aliases = No other addresses
account-unlimited = no limit
account-missing-title = You do not have a mailbox yet
account-missing-body = The mail server has no mailbox for your address. Please ask your administrator to create it. Once it exists, you can come back here to set up your mail apps.
account-unavailable-title = Your mailbox could not be shown
account-retry = Try again
account-sessions = Where you are signed in
account-sessions-body = Lost a device, or signed in on a computer that is not yours? Sign out everywhere: every browser signed in to this portal as you has to sign in again, this one too. App passwords are not affected; revoke those on the app passwords page.
account-sign-out-everywhere = Sign out everywhere
account-signing-out = Signing out…
account-signed-out-everywhere = You are signed out everywhere. Sign in again to continue.
account-protected-account = This account is managed by your mail server's operator and cannot sign in here. Please use an account of your own, or ask your administrator.
# Completes "We could not …" (error.ftl).
account-look-up-mailbox = look up your mailbox
# Storage used: "1.5 GB of 5 GB".
account-storage-of = { $used } of { $limit }
account-storage-unlimited = { $used } (no limit)
# The name before the @ of a new mailbox.
account-local-length = Use 1 to 64 characters before the @.
account-local-dots = A dot cannot start or end the name, or follow another dot.
account-local-chars = “{ $local }” may only use lowercase letters, digits and . - _ +
