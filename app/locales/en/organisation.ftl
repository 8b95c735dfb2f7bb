org-organisation = Organisation
org-intro = How your organisation is set up in Postern: its mail domains, where its people sign in, its mail server and the rules for their sessions.
org-managed-in-config = Managed in postern.toml
org-managed-in-config-note = These settings come from the portal's configuration file, so they are read-only here. Ask whoever runs Postern to change them there; every portal instance picks up the change when it restarts.
org-managed-here = These settings are kept in Postern's database.
org-domains = Mail domains
org-no-domains = No mail domain is verified for this organisation yet.
org-sign-in = Identity provider
org-issuer = Issuer
org-client-id = Client ID
org-client-secret = Client secret
org-secret-in-config = Set in postern.toml (never shown)
org-secret-sealed = Stored encrypted (never shown)
org-scopes = Scopes
org-email-claim = E-mail claim
org-groups-claim = Groups claim
org-admin-group = Administrators group
org-no-admin-group = None: nobody is an administrator
org-login-hint = Login hint sent to the IdP
org-hint-email = The e-mail address typed on the sign-in page
org-hint-none = None: the IdP asks for the user name
org-hint-local-part = The part before the @
org-mail = Mail server
org-server = Stalwart server
org-imap = IMAP (for mail apps)
org-smtp = SMTP (for mail apps)
org-policies = Sessions and mailboxes
org-fresh-auth = Sign in again before creating an app password, after
org-session-lifetime = A session ends after
org-session-idle = A session unused for this long ends
org-admin-recheck = Administrator rights are confirmed with the IdP every
org-mailbox-passwords = People may set a mailbox password
org-provisioning = A mailbox is created at first sign-in
org-verified-email = The IdP must vouch for the e-mail address
org-on = Yes
org-off = No
org-sync = Directory sync
org-sync-intro = When someone leaves or is disabled at your identity provider, Postern ends their sessions and revokes their mail app passwords. Your identity provider tells Postern in one of the ways below.
org-sync-reconciler = Checks with the identity provider
org-sync-no-reconciler = No identity provider API is set up for checks. Ask whoever runs Postern to add one (Keycloak, Authentik, Zitadel or Microsoft Graph) in postern.toml, or use SCIM below.
org-sync-api = API
org-sync-last-run = Last check
org-sync-last-ok = Last successful check
org-sync-checked = People checked
org-sync-departed = Found disabled or deleted
org-sync-unknown = Not checked yet (they have not signed in since sync was set up)
org-sync-never = Not yet
org-sync-check-now = Check now
org-sync-alert = Checks are failing
org-sync-alert-note = Postern could not ask your identity provider for several checks in a row. Nobody loses access because of this, but people disabled in the meantime keep their app passwords until a check succeeds. Fix the sync settings or the identity provider, then use Check now.
org-scim = SCIM provisioning
org-scim-intro = For Microsoft Entra ID, Authentik and other identity providers that push changes: enter this endpoint and token in the provisioning settings of the Postern application.
org-scim-endpoint = Tenant URL (endpoint)
org-scim-token = Secret token
org-scim-no-token = None yet
org-scim-create = Create a token
org-scim-replace = Replace the token
org-scim-replace-note = A new token stops the old one at once: paste the new one into your identity provider straight away.
org-scim-new-token = Your new SCIM token
org-scim-new-token-note = Copy it into your identity provider now: you will not see it again. Postern keeps only a fingerprint of it.
org-backchannel = Sign-out from the identity provider
org-backchannel-intro = Register this back-channel logout URI at your identity provider: signing out there (or an administrator ending someone's session there) ends their Postern sessions too. It does not revoke app passwords: that needs the person disabled.
org-backchannel-uri = Back-channel logout URI
org-departures = People who left
org-no-departures = Nobody has been disabled or deleted at the identity provider since Postern started listening.
org-departure-who = Person
org-departure-when = Noticed
org-departure-how = Told by
org-departure-outcome = App passwords
org-open-connections = A mail app that is still connected when its password is revoked is disconnected by the mail server at its next mailbox command (Stalwart closes the session); signing in again with the revoked password fails.
org-scim-token-made = A new SCIM token was made.
org-sync-link-note = how people disabled at your identity provider lose their app passwords and sessions

## Durations of the session policies ("5 minutes", "8 hours", "2 days"), shown next to their labels.
org-duration-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
org-duration-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
org-duration-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
org-duration-seconds = { $count ->
        [one] { $count } second
       *[other] { $count } seconds
    }

## The SCIM token's dates ($at, $created, $used: a date and time).
org-used = last used { $at }
org-created = created { $at }
org-created-and-used = created { $created }, last used { $used }

## A departure's outcome for the person's app passwords (the "App passwords" column).
org-revoked = { $count ->
        [0] none to revoke
        [one] { $count } revoked
       *[other] { $count } revoked
    }
org-pending = being revoked
org-pending-retrying = not revoked yet, retrying: { $error }

## After "Check now": $checked people were checked, $departed of them have left.
org-checked = { $departed ->
        [0] Checked { $checked ->
                [one] { $checked } person
               *[other] { $checked } people
            } with your identity provider: nobody new is disabled or deleted.
        [one] Checked { $checked ->
                [one] { $checked } person
               *[other] { $checked } people
            }: { $departed } person is disabled or deleted there; their sessions ended and their app passwords were revoked.
       *[other] Checked { $checked ->
                [one] { $checked } person
               *[other] { $checked } people
            }: { $departed } are disabled or deleted there; their sessions ended and their app passwords were revoked.
    }
# $error: what the identity provider's API answered (technical, not translated).
org-check-failed = { $error }. Nobody's access changed; try again later.

org-copy-token = Copy the token
org-last-error = Last error
## How Postern learnt that someone left (the "Told by" column).
org-source-scim = SCIM
org-source-sync = directory sync
## The identity provider API that directory sync checks with.
org-kind-keycloak = Keycloak admin API
org-kind-authentik = Authentik API
org-kind-zitadel = Zitadel user API
org-kind-graph = Microsoft Graph
org-kind-scim = SCIM only
org-reason-deactivated = deactivated
org-reason-deleted = deleted
