partners-life-activate-intro = When every step is done, make the organisation live: its people can then sign in and create app passwords.
partners-life-activate = Go live
partners-life-activating = Going live…
partners-life-missing = Still to do:
partners-life-missing-proven = Prove at least one mail domain.
partners-life-missing-server = Choose the mail server.
partners-life-missing-at-server = Create (or adopt) a proven domain at the mail server.
partners-life-missing-idp = Set up the identity provider.
partners-life-missing-test = Test a sign-in through the identity provider (again after any change to its settings).
partners-life-live-intro = The organisation is live. Hand its people these:
partners-life-sign-in-link = Sign-in page
partners-life-mail-settings = Mail app settings
partners-life-imap = IMAP (incoming)
partners-life-smtp = SMTP (outgoing)
partners-life-username-note = User name: the full e-mail address; password: an app password made on this portal.
partners-life-suspend = Suspend
partners-life-suspending = Suspending…
partners-life-suspend-note = Suspending refuses sign-ins and ends every session of the organisation's people at once. Nothing at the mail server changes.
partners-life-resume = Resume
partners-life-suspended-note = Suspended: its people cannot sign in.
partners-life-remove-link = Remove this organisation…
partners-life-cancel-link = Cancel onboarding…
partners-life-activated = { $name } is live: its people can sign in now.
# { $missing } is the partners-life-missing-* sentences, one after another.
partners-life-not-ready = Not yet: { $missing }
partners-life-suspended = { $name } is suspended: sign-ins are refused and its sessions ended.
partners-life-resumed = { $name } is live again.
partners-life-not-suspended = The organisation is not suspended.
partners-life-only-live-suspend = Only a live organisation can be suspended; a draft is not live yet.
partners-life-remove-title = Remove an organisation
partners-life-remove-intro = Postern forgets { $name }: its settings, domains and people's records here (its audit log stays). Its people can no longer sign in. Nothing at the mail server is deleted unless you ask for it below.
partners-life-delete-at-server = Also delete its domains and every mailbox in them at the mail server (cannot be undone)
partners-life-type-domains = To confirm, type the domain names (separated by spaces)
partners-life-remove = Remove the organisation
partners-life-removing = Removing…
partners-life-cancel = Cancel
partners-life-nothing-at-server = None of its domains exists at the mail server for it.
partners-life-typed-wrong = Type exactly the domain names shown, to confirm deleting them at the mail server. Nothing was removed.
# Completes "We could not …" (error-stalwart-*): the German fragment is verb-final with
# "nicht" ("Wir konnten … nicht löschen"), the French one an infinitive ("Nous n'avons pas pu …").
partners-life-delete-domains = delete the domains at the mail server
partners-life-removed = { $name } is removed from Postern.
# { $domains }: the deleted domains, separated by commas.
partners-life-removed-and-deleted = { $name } is removed from Postern, and { $domains } deleted at the mail server.
partners-life-protected-accounts = { $domain } holds accounts Postern must not delete ({ $accounts }: the portal's own or an administrator's). Nothing was deleted or removed; move those accounts first.
# Deleting at the mail server failed for { $failed } (a domain). { $why } is a whole sentence
# ("We could not delete the domains at the mail server: …"), { $now_there } one of
# partners-life-gone-now / -still-there / -unknown-now. -delete-failed: nothing was deleted
# before; -partly-deleted: { $deleted } (domains, separated by commas) were.
partners-life-delete-failed = Deleting { $failed } failed: { $why } { $now_there } The organisation is kept so you can try again.
partners-life-partly-deleted = Deleted at the mail server: { $deleted }. Deleting { $failed } failed: { $why } { $now_there } The organisation is kept so you can try again.
partners-life-gone-now = { $domain } no longer exists at the mail server.
partners-life-still-there = { $domain } is still at the mail server, with { $mailboxes ->
    [one] { $mailboxes } mailbox
   *[other] { $mailboxes } mailboxes
} in it.
partners-life-unknown-now = Whether { $domain } is still at the mail server cannot be told right now.
partners-life-suspended-by-operator = This organisation was suspended by the portal's operator: only they can resume it.
