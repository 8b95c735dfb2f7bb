partners-partners = Partners
partners-intro = The organisations you run mail for: set up new ones, and see how each one is doing.
partners-intro-operator = Every organisation on this portal (you are its operator): set up new ones, and see how each one is doing.
partners-onboard = Onboard an organisation
partners-none-yet = You do not manage any organisation yet. Onboard the first one: it takes a mail domain you can prove, a mail server and the organisation's identity provider.
partners-col-organisation = Organisation
partners-col-status = Status
partners-col-domains = Mail domains
partners-col-server = Mail server
partners-col-idp = Identity provider
partners-col-people = People
partners-col-activity = Last activity
partners-servers = Mail servers
partners-servers-intro = Checked in the background every half minute. A server that does not answer affects only the organisations on it.
partners-col-address = Address
partners-col-state = State
partners-col-checked = Checked
partners-server-ok = Answering
partners-server-problem = Problem
partners-server-not-checked = Not checked yet
partners-server-down = Not answering
partners-server-inside = In a private or local network the portal does not reach
partners-server-key-refused = The API key is refused
partners-server-permission = The API key lacks a permission the portal needs
partners-server-not-stalwart = Does not answer like Stalwart
partners-never = Never
partners-search = Search
partners-search-hint = Part of a name, short name or domain
partners-no-match = No organisation matches that search.
partners-pages = Pages
partners-previous = Previous page
partners-next = Next page
partners-showing-all = { $total ->
    [one] { $total } organisation
   *[other] { $total } organisations
}
partners-showing-page = Page { $page } of { $pages }: { $shown } of { $total ->
    [one] { $total } organisation
   *[other] { $total } organisations
}
partners-not-set = Not set yet
partners-status-draft = Being set up
partners-status-live = Live
partners-status-suspended = Suspended
partners-from-config-badge = postern.toml
partners-partner-badge = Partner
partners-domain-pending = waiting for proof
partners-domain-proven = proven
partners-domain-at-server = proven, at the mail server
partners-new-title = Onboard an organisation
partners-new-intro = Start with who the organisation is. Each later step is saved as you go: you can leave and come back to it from the Partners page.
partners-display-name = Name
partners-display-name-hint = As its people know it, e.g. Gamma Inc.
partners-slug = Short name
partners-slug-hint = Lowercase letters, digits and hyphens; left empty, it is made from the name. It cannot change later.
partners-contact = Contact e-mail
partners-contact-hint = Whom you deal with at the organisation.
partners-create = Create and continue
partners-creating = Creating…
partners-name-required = Enter the organisation's name.
partners-name-too-long = Keep the name under 100 characters.
partners-slug-invalid = Use 1 to 40 lowercase letters, digits or hyphens.
partners-contact-invalid = Enter an e-mail address like someone@example.com.
partners-back-to-partners = Back to Partners
partners-make-partner = A partner: its administrators onboard organisations of their own
partners-only-operator = Only the operator can create partners.
partners-slug-taken = The short name "{ $slug }" is taken, or was used by an organisation before (its audit log stays under it). Choose another one.
partners-created = { $name } is created, not live yet. Next: prove its mail domain.
partners-step-details = 1. Organisation
partners-step-domains = 2. Mail domains
partners-step-server = 3. Mail server
partners-step-create = 4. Domains at the mail server
partners-step-idp = 5. Identity provider
partners-step-activate = 6. Go live
partners-done = Done
partners-to-do = To do
partners-save = Save
partners-saving = Saving…
partners-saved = Saved.
partners-working = Working…
partners-from-config = This organisation is declared in postern.toml: change it there. The portal shows it read-only.
partners-domains-intro = Postern routes sign-ins and creates a domain at the mail server only once the organisation has proven it controls the domain: publish the TXT record shown, then check.
partners-domain = Domain
partners-domain-hint = A domain the organisation receives mail for, e.g. gamma.example.
partners-add-domain = Add domain
partners-adding = Adding…
partners-no-domains = No domain yet.
partners-publish = Publish this TXT record at the domain's DNS host:
partners-record-name = Name
partners-record-value = Value
partners-copy-name = Copy name
partners-copy-value = Copy value
partners-check-now = Check now
partners-checking = Checking DNS…
partners-renew = Renew the record
partners-release = Remove
partners-proven-badge = Proven
partners-pending-badge = Waiting for proof
partners-background = Postern also looks for it in the background every few minutes.
partners-empty-domain = Enter a domain name.
partners-domain-too-long = A domain name has at most 253 characters, 63 per label.
partners-domain-single-label = That is not a full domain name: add the part after the dot, e.g. gamma.example.
partners-domain-malformed = "{ $typed }" is not a domain name: use letters, digits and hyphens between dots, e.g. gamma.example.
partners-public-suffix = { $suffix } is a public suffix: nobody owns it, so nobody can prove it. Use a domain registered under it.
partners-domain-taken = { $domain } already belongs to an organisation on this portal. A domain belongs to one organisation only.
partners-already-claimed = This organisation has claimed { $domain } already: publish its proof and check it.
partners-too-many-claims = Your organisations have { $cap ->
    [one] { $cap } domain claim
   *[other] { $cap } domain claims
} waiting for their proof, the most a partner may have at once. Prove or release some first (an unproven claim also ends when its token expires).
partners-too-many-servers = You have added { $cap ->
    [one] { $cap } mail server
   *[other] { $cap } mail servers
}, the most a partner may add. Ask the portal's operator if you need more.
partners-too-many-links = Your organisations have { $cap ->
    [one] { $cap } one-time link
   *[other] { $cap } one-time links
} made within the last day, the most a partner may have at once. Try again tomorrow, or use Test sign-in yourself.
partners-claim-ended = This claim of { $domain } has ended: the domain was proven by another organisation first, or the portal's operator declared it. Release it; if the domain is yours, ask the operator.
partners-ended-badge = Claim ended
partners-proof-may-go = Proven. The _postern-challenge record may be removed now; the domain's MX must keep pointing at the mail server, which the portal checks every few hours.
partners-mx-elsewhere = The domain's MX no longer points at this organisation's mail server (checked { $at }): mail for it goes elsewhere. Nothing was changed here; fix the MX record, or remove the domain.
partners-expires = Valid until { $at }.
partners-claimed = { $domain } is added. Publish its TXT record, then press Check now.
partners-proven = { $domain } is proven: the record is there.
partners-not-seen = No TXT record at { $record } yet. DNS changes take from a few minutes to a few hours to be seen (the record's TTL, and the time the DNS host takes to publish): check again later.
partners-wrong-token = There is a TXT record at { $record }, but not with this token: it may be an old or mistyped one. Publish exactly the value shown.
partners-proof-expired = The proof record for { $domain } expired. Renew it and publish the new value.
partners-dns-unknown = DNS gave no answer ({ $why }). Nothing changed; check again in a moment.
partners-renewed = A new record for { $domain }: publish it (replace the old one).
partners-released = { $domain } is removed from this organisation.
partners-found-proven = Found: proven.
partners-found-not-seen = Not seen yet.
partners-found-wrong = A record with another token is there.
partners-found-expired = Expired: renew it.
partners-found-unknown = DNS did not answer.
# { $finding } is one of the partners-found-* sentences above.
partners-last-checked = { $finding } (checked { $at })
partners-release-at-server = This domain exists at the mail server for this organisation: remove the organisation to take it off the server.
partners-activity = Activity
partners-no-activity = Nothing yet.
partners-col-when = When
partners-col-who = Who
partners-col-what = What
partners-details-saved = The organisation's details are saved.
partners-no-secrets-key = Postern cannot store secrets yet: whoever runs it has not set its secrets key (POSTERN_SECRETS_KEY). Nothing was saved; ask them to set it, then try again.
partners-no-such-organisation = There is no organisation "{ $slug }" you manage.
partners-no-such-domain = { $domain } is not a domain of this organisation.
partners-badge-ok = OK
partners-badge-problem = Problem
partners-default-language = Default language
partners-default-language-hint = For people whose browser asks for a language the portal does not speak. Everyone else sees their browser's language, or the one they choose at the foot of each page.
partners-language-none = None (English)
partners-language-invalid = Choose one of the languages in the list.
partners-col-hook = Sign-in activity
partners-hook-none = Not registered yet
partners-hook-registering = Being registered
partners-hook-waiting = Registered; waiting for the first signed delivery from the mail server
partners-hook-receiving = Receiving (last delivery { $when })
partners-hook-blocked = Waiting for Stalwart to apply its settings: another setting of the mail server fails to load
partners-hook-blocked-because = Waiting for Stalwart to apply its settings. It refused to reload them because of { $detail }. Fix that setting (or restart the mail server), then register again.
partners-hook-failed = Could not be registered: the mail server did not answer as expected
partners-hook-failed-because = Could not be registered ({ $detail }). It is tried again every few minutes.
partners-hook-reregister = Register again
partners-hook-reregistered = The activity hook was registered again on { $server }.
partners-hook-reregister-label = Register again (the activity hook on { $server })
