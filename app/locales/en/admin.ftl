admin-mailboxes = Mailboxes
admin-groups = Groups and shared mailboxes
admin-audit = Audit log
admin-new-mailbox = Create a mailbox
admin-domain = Domain
admin-search = Search
admin-search-hint = Part of a name or address
admin-show = Show
admin-address = Address
admin-display-name = Display name
admin-storage = Storage
admin-aliases = Aliases
admin-member-of = Groups
admin-no-limit = no limit
admin-none-found = No mailboxes match.
admin-empty-domain = This domain has no mailboxes yet.
admin-previous = Previous page
admin-next = Next page
admin-local-part = Name before the @
admin-quota = Storage limit (GB)
admin-quota-hint = Leave empty for no limit.
admin-aliases-hint = Other addresses that deliver to this mailbox, one per line.
admin-password = Initial password (optional)
admin-password-hint = At least 12 characters and hard to guess. Leave empty if the person signs in through your identity provider and uses app passwords. Only a hash is sent to the mail server.
admin-no-passwords = People of your organisation sign in through your identity provider, so mailboxes get no password; they create app passwords for their mail apps.
admin-create = Create mailbox
admin-creating = Creating…
admin-save = Save
admin-saving = Saving…
admin-cancel = Cancel
admin-problem = The mailbox was not created
admin-details = Details
admin-add-alias = Add alias
admin-new-alias = New alias
admin-remove = Remove
admin-password-title = Password
admin-reset-password = Set a new password
admin-new-password = New password
admin-app-passwords = App passwords of this mailbox
admin-app-passwords-none = This mailbox has no app passwords.
admin-revoke = Revoke
admin-delete = Delete this mailbox
admin-sign-out-title = Sessions in this portal
admin-sign-out-body = Sign this person out of every browser where they are signed in to this portal (a lost device, someone leaving). Their app passwords keep working; revoke those above.
admin-sign-out-button = Sign out everywhere
admin-delete-title = Delete mailbox
admin-delete-warning = Deleting a mailbox also deletes all its mail, calendars and contacts on the mail server. This cannot be undone.
admin-delete-confirm = To confirm, type the address
admin-delete-button = Delete mailbox and all its mail
admin-deleting = Deleting…
admin-new-group = Create a group
admin-group-address = Group address
admin-members = Members
admin-no-members = No members yet.
admin-add-member = Add member
admin-member-address = Member's address
admin-receives = Receives mail
admin-does-not-receive = Cannot receive mail: the mail server would accept messages and then bounce them.
admin-fix-receive = Let it receive mail
admin-no-groups = There are no groups yet. A group is a shared mailbox: its members read its mail.
admin-action-filter = Action starts with
admin-actor-filter = Done by (address contains)
admin-filter = Filter
admin-when = When
admin-who = Who
admin-what = Action
admin-target = Target
admin-changes = Changes
admin-no-events = No events match.
admin-protected = Managed by your mail server's operator
admin-protected-mailbox = This account has rights on the mail server itself (or is the account this portal uses to reach it), so it is managed by your mail server's operator. You can see it here, but not change it.
admin-protected-group = This group grants rights on the mail server itself, so it is managed by your mail server's operator. You can see it here, but not change it.
admin-pages = Pages
admin-outcome = Outcome
admin-export-csv = Download as CSV
admin-event-count = { $total ->
        [one] 1 event
       *[other] { $total } events
    } · page { $page } of { $pages }
admin-outcome-done = Done
admin-outcome-pending = Not confirmed by the mail server
admin-outcome-unknown = Unknown
admin-mailbox-count = { $total ->
        [one] 1 mailbox
       *[other] { $total } mailboxes
    } · page { $page } of { $pages }
admin-storage-of = { $used } of { $quota }
admin-storage-unlimited = { $used } ({ admin-no-limit })
admin-created-on = { $name } — created { $created }
# The accessible name of a button acting on one item: $action is the button's word
# (admin-remove, admin-revoke), $what the alias, member or app password.
admin-labelled = { $action } { $what }
admin-confirm-label = { admin-delete-confirm } ({ $address })
admin-saved = Saved.
admin-password-set = The new password is set.
admin-group-receives = The group can receive mail now.
admin-created-mailbox = Created the mailbox { $address }.
admin-added-alias = Added the alias { $alias }.
admin-removed-alias = Removed the alias { $alias }.
admin-deleted-mailbox = Deleted the mailbox { $address } and its mail.
admin-revoked-app-password = Revoked the app password “{ $name }”.
admin-signed-out = { $sessions ->
        [0] { $address } was not signed in anywhere.
        [one] Signed { $address } out of 1 session.
       *[other] Signed { $address } out of { $sessions } sessions.
    }
admin-created-group = Created the group { $address }.
admin-added-member = Added { $member } to the group.
admin-removed-member = Removed { $member } from the group.
admin-passwords-external = Passwords of this organisation are managed by its sign-in service (the mail server uses an external directory), so they cannot be set here. People sign in with their organisation's account and use app passwords for their mail apps.
admin-change-refused = The mail server does not allow this change.
admin-not-found = There is no such mailbox or group in your organisation.
admin-no-domains-yet = None of your organisation's domains exists on the mail server yet.
admin-choose-domain = Choose one of your organisation's domains.
admin-display-name-too-long = Use at most 100 characters.
admin-no-mailbox-passwords = Mailboxes of your organisation do not have passwords: people sign in through your identity provider and use app passwords.
admin-app-password-gone = This app password does not exist any more.
admin-taken = This address is already used by another mailbox, group or alias. Choose another one.
admin-domain-gone = The domain does not exist on the mail server any more. Ask your provider to check it.
admin-password-refused = The mail server refused this password.
admin-value-refused = The mail server did not accept this value.
admin-deleted-meanwhile = It does not exist any more; someone may have deleted it.
admin-quota-format = Enter the size in GB, like 2 or 0.5, or leave it empty for no limit.
admin-guessed-easily = It would be guessed too easily.
admin-not-an-address = “{ $address }” is not an address like name@{ $example_domain }.
admin-not-our-domain = { $domain } is not one of your organisation's domains ({ $ours }).
admin-not-an-alias = { $alias } is not an alias of this mailbox.
admin-type-to-confirm = Type { $address } exactly to confirm.
admin-no-such-mailbox = There is no mailbox { $address }.
# $action is one of the admin-action-… fragments below.
admin-still-linked = We could not { $action }: other objects still refer to it ({ $objects }). Remove those first.
admin-limit-reached = We could not { $action }: a limit on the mail server is reached.
admin-password-too-short = { $min ->
        [one] Use at least 1 character.
       *[other] Use at least { $min } characters.
    }
admin-password-too-long = { $max ->
        [one] Use at most 1 character.
       *[other] Use at most { $max } characters.
    }
# $advice is the strength check's own advice (English only), or admin-guessed-easily.
admin-password-too-weak = This password is too weak. { $advice } Add another word or two; uncommon words are better.
# Why an account is managed by the mail server's operator: each follows the address
# in admin-protected-refusal ("alice@example.com has administrator rights on the mail server").
admin-protected-server-role = has administrator rights on the mail server
admin-protected-permissions = has server-management permissions
admin-protected-portal = is the account this portal uses to reach the mail server
admin-protected-refusal = { $address } { $reason }, so it is managed by your mail server's operator and cannot be changed here.
# Each completes "We could not …" in admin-still-linked, admin-limit-reached and the
# mail server failures of error.ftl (error-stalwart-…).
admin-action-list-mailboxes = list the mailboxes
admin-action-list-groups = list the groups
admin-action-list-members = list the members
admin-action-list-app-passwords = list the app passwords
admin-action-load-mailbox = load the mailbox
admin-action-create-mailbox = create the mailbox
admin-action-save-mailbox = save the mailbox
admin-action-add-alias = add the alias
admin-action-remove-alias = remove the alias
admin-action-reset-password = reset the password
admin-action-delete-mailbox = delete the mailbox
admin-action-revoke-app-password = revoke the app password
admin-action-create-group = create the group
admin-action-find-member = find the member
admin-action-change-membership = change the membership
admin-action-read-group = read the group
admin-action-allow-receiving = let the group receive mail
admin-action-read-settings = read the mail server's settings
admin-another-domain = (another domain)
admin-weak-straight-rows = Straight rows of keys are easy to guess.
admin-weak-keyboard-patterns = Short keyboard patterns are easy to guess.
admin-weak-repeats = Repeats like “aaa” are easy to guess.
admin-weak-repeated-groups = Repeats like “abcabcabc” are only slightly harder to guess than “abc”.
admin-weak-top-10 = This is one of the 10 most common passwords.
admin-weak-top-100 = This is one of the 100 most common passwords.
admin-weak-common = This is a very common password.
admin-weak-similar = This is similar to a commonly used password.
admin-weak-sequences = Sequences like abc or 6543 are easy to guess.
admin-weak-recent-years = Recent years are easy to guess.
admin-weak-single-word = A word by itself is easy to guess.
admin-weak-dates = Dates are often easy to guess.
admin-weak-names = Names and surnames by themselves are easy to guess.
admin-weak-common-names = Common names and surnames are easy to guess.
