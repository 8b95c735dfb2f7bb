error-unauthorized = Please sign in to continue.
error-sign-in-again = Your organisation's sign-in service needs to confirm your administrator rights again.
error-forbidden = You do not have access to this page.
error-validation = Please correct the marked fields.
error-transport = The portal could not be reached. Check your connection and try again.
error-internal = Something went wrong on our side. If it persists, tell your administrator the reference { $reference }.
# $action completes "We could not …": a fragment from another area, e.g. "list your app passwords".
error-stalwart-down = We could not { $action }: the mail server is not responding. Nothing was changed. Please try again in a few minutes.
error-stalwart-timeout = We could not { $action }: the mail server did not answer in time. Please try again in a few minutes.
# $wait is one of the error-wait-* sentences.
error-stalwart-busy = We could not { $action }: the mail server is busy right now and asked us to slow down. Nothing was changed. { $wait }
error-stalwart-key-refused = We could not { $action }: the mail server refused the portal's credentials. Please tell your administrator (the portal's Stalwart API key needs renewing).
error-stalwart-permission = We could not { $action }: the portal lacks a permission on the mail server. Please tell your administrator.
# How long to wait before trying again.
error-wait-moment = Try again in a moment.
error-wait-seconds = Try again in { $seconds ->
        [one] 1 second
       *[other] { $seconds } seconds
    }.
error-wait-minutes = Try again in about { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
error-wait-unknown = Wait a minute and try again.
# Completes "We could not …" when even the first request to the mail server failed.
error-reach-mail-server = reach the mail server
error-admins-only = Only administrators of your organisation can do this.
error-partners-only = Only administrators of a partner organisation can do this.
error-audit-unavailable = We could not record this change in the audit log, so nothing was changed. Please try again in a few minutes; if it keeps happening, tell your administrator.
# $wait is one of the error-wait-* sentences.
error-rate-limited = Too many attempts in a short time. For your security, please wait and try again. { $wait }
# The mail server's own refusals, recognised (English shows the server's words as they came,
# so these are only read through the other languages' files; kept here as the source).
error-stalwart-password-min-length = The password must be at least { $min } characters long.
error-stalwart-password-too-weak = The mail server finds this password too weak: it is too common. Add another word or two; uncommon words are better.
error-stalwart-app-password-quota = You have reached the limit of { $max } app passwords.
# Any other refusal: our sentence, then the mail server's words as it sent them.
error-stalwart-said = { $refusal } The mail server said: “{ $said }”
