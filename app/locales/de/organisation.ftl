org-organisation = Organisation
org-intro = So ist Ihre Organisation in Postern eingerichtet: ihre Mail-Domains, der Anmeldedienst ihrer Mitarbeitenden, ihr Mailserver und die Regeln für Sitzungen.
org-managed-in-config = Verwaltet in postern.toml
org-managed-in-config-note = Diese Einstellungen stammen aus der Konfigurationsdatei des Portals und können hier nur angesehen werden. Bitten Sie die Person, die Postern betreibt, sie dort zu ändern; jede Instanz des Portals übernimmt die Änderung bei ihrem nächsten Neustart.
org-managed-here = Diese Einstellungen sind in der Datenbank von Postern gespeichert.
org-domains = Mail-Domains
org-no-domains = Für diese Organisation ist noch keine Mail-Domain verifiziert.
org-sign-in = Identitätsanbieter
org-issuer = Aussteller (Issuer)
org-client-id = Client-ID
org-client-secret = Client-Secret
org-secret-in-config = In postern.toml hinterlegt (wird nie angezeigt)
org-secret-sealed = Verschlüsselt gespeichert (wird nie angezeigt)
org-scopes = Scopes
org-email-claim = E-Mail-Claim
org-groups-claim = Gruppen-Claim
org-admin-group = Administratorgruppe
org-no-admin-group = Keine: Niemand ist Administrator
org-login-hint = Anmeldehinweis an den IdP (login_hint)
org-hint-email = Die auf der Anmeldeseite eingegebene E-Mail-Adresse
org-hint-none = Keiner: Der IdP fragt nach dem Benutzernamen
org-hint-local-part = Der Teil vor dem @
org-mail = Mailserver
org-server = Stalwart-Server
org-imap = IMAP (für Mail-Apps)
org-smtp = SMTP (für Mail-Apps)
org-policies = Sitzungen und Postfächer
org-fresh-auth = Vor dem Erstellen eines App-Passworts erneut anmelden, wenn die letzte Anmeldung länger zurückliegt als
org-session-lifetime = Höchstdauer einer Sitzung
org-session-idle = Höchste Ruhezeit einer Sitzung, bevor sie endet
org-admin-recheck = Abstand, in dem der IdP die Administratorrechte bestätigt
org-mailbox-passwords = Personen dürfen ein Postfach-Passwort festlegen
org-provisioning = Postfach wird bei der ersten Anmeldung angelegt
org-verified-email = Der IdP muss die E-Mail-Adresse bestätigen
org-on = Ja
org-off = Nein
org-sync = Verzeichnisabgleich
org-sync-intro = Wenn jemand Ihre Organisation verlässt oder bei Ihrem Identitätsanbieter deaktiviert wird, beendet Postern die Sitzungen dieser Person und widerruft ihre App-Passwörter für Mail-Apps. Ihr Identitätsanbieter teilt Postern das auf einem der unten beschriebenen Wege mit.
org-sync-reconciler = Abfragen beim Identitätsanbieter
org-sync-no-reconciler = Für Abfragen ist keine API eines Identitätsanbieters eingerichtet. Bitten Sie die Person, die Postern betreibt, eine in postern.toml hinzuzufügen (Keycloak, Authentik, Zitadel oder Microsoft Graph), oder nutzen Sie SCIM weiter unten.
org-sync-api = API
org-sync-last-run = Letzte Prüfung
org-sync-last-ok = Letzte erfolgreiche Prüfung
org-sync-checked = Geprüfte Personen
org-sync-departed = Als deaktiviert oder gelöscht erkannt
org-sync-unknown = Noch nicht geprüft (seit Einrichtung des Abgleichs nicht angemeldet)
org-sync-never = Noch nicht
org-sync-check-now = Jetzt prüfen
org-sync-alert = Prüfungen schlagen fehl
org-sync-alert-note = Postern konnte Ihren Identitätsanbieter mehrmals hintereinander nicht abfragen. Dadurch verliert niemand den Zugang, aber Personen, die inzwischen deaktiviert wurden, behalten ihre App-Passwörter, bis eine Prüfung gelingt. Korrigieren Sie die Einstellungen des Abgleichs oder den Identitätsanbieter und klicken Sie dann auf „Jetzt prüfen“.
org-scim = SCIM-Provisionierung
org-scim-intro = Für Microsoft Entra ID, Authentik und andere Identitätsanbieter, die Änderungen selbst übermitteln: Tragen Sie diesen Endpunkt und dieses Token in den Provisionierungseinstellungen der Postern-Anwendung ein.
org-scim-endpoint = Mandanten-URL (Endpunkt)
org-scim-token = Geheimes Token
org-scim-no-token = Noch keines
org-scim-create = Token erstellen
org-scim-replace = Token ersetzen
org-scim-replace-note = Ein neues Token macht das alte sofort ungültig: Tragen Sie das neue gleich bei Ihrem Identitätsanbieter ein.
org-scim-new-token = Ihr neues SCIM-Token
org-scim-new-token-note = Kopieren Sie es jetzt in Ihren Identitätsanbieter: Sie werden es nicht noch einmal sehen. Postern speichert davon nur einen Fingerabdruck.
org-backchannel = Abmeldung beim Identitätsanbieter
org-backchannel-intro = Hinterlegen Sie diese Back-Channel-Logout-URI bei Ihrem Identitätsanbieter: Wer sich dort abmeldet (oder wessen Sitzung ein Administrator dort beendet), wird auch bei Postern abgemeldet. App-Passwörter werden dadurch nicht widerrufen: Dafür muss die Person deaktiviert werden.
org-backchannel-uri = Back-Channel-Logout-URI
org-departures = Ausgeschiedene Personen
org-no-departures = Seit Postern Meldungen empfängt, wurde beim Identitätsanbieter niemand deaktiviert oder gelöscht.
org-departure-who = Person
org-departure-when = Bemerkt
org-departure-how = Gemeldet durch
org-departure-outcome = App-Passwörter
org-open-connections = Eine Mail-App, die beim Widerruf ihres Passworts noch verbunden ist, wird vom Mailserver bei ihrem nächsten Postfach-Befehl getrennt (Stalwart beendet die Sitzung); eine erneute Anmeldung mit dem widerrufenen Passwort schlägt fehl.
org-scim-token-made = Ein neues SCIM-Token wurde erstellt.
org-sync-link-note = wie Personen, die bei Ihrem Identitätsanbieter deaktiviert wurden, ihre App-Passwörter und Sitzungen verlieren

## Durations of the session policies ("5 minutes", "8 hours", "2 days"), shown next to their labels.
org-duration-days = { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    }
org-duration-hours = { $count ->
        [one] { $count } Stunde
       *[other] { $count } Stunden
    }
org-duration-minutes = { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
    }
org-duration-seconds = { $count ->
        [one] { $count } Sekunde
       *[other] { $count } Sekunden
    }

## The SCIM token's dates ($at, $created, $used: a date and time).
org-used = zuletzt verwendet am { $at }
org-created = erstellt am { $at }
org-created-and-used = erstellt am { $created }, zuletzt verwendet am { $used }

## A departure's outcome for the person's app passwords (the "App passwords" column).
org-revoked = { $count ->
        [0] keine zu widerrufen
        [one] { $count } widerrufen
       *[other] { $count } widerrufen
    }
org-pending = werden widerrufen
org-pending-retrying = noch nicht widerrufen, wird erneut versucht: { $error }

## After "Check now": $checked people were checked, $departed of them have left.
org-checked = { $departed ->
        [0] { $checked ->
                [one] { $checked } Person
               *[other] { $checked } Personen
            } beim Identitätsanbieter geprüft: Niemand wurde neu deaktiviert oder gelöscht.
        [one] { $checked ->
                [one] { $checked } Person
               *[other] { $checked } Personen
            } geprüft: { $departed } Person ist dort deaktiviert oder gelöscht; ihre Sitzungen wurden beendet und ihre App-Passwörter widerrufen.
       *[other] { $checked ->
                [one] { $checked } Person
               *[other] { $checked } Personen
            } geprüft: { $departed } Personen sind dort deaktiviert oder gelöscht; ihre Sitzungen wurden beendet und ihre App-Passwörter widerrufen.
    }
# $error: what the identity provider's API answered (technical, not translated).
org-check-failed = { $error }. Am Zugang aller Personen hat sich nichts geändert; bitte versuchen Sie es später erneut.

org-copy-token = Token kopieren
org-last-error = Letzter Fehler
## How Postern learnt that someone left (the "Told by" column).
org-source-scim = SCIM
org-source-sync = Verzeichnisabgleich
## The identity provider API that directory sync checks with.
org-kind-keycloak = Keycloak-Admin-API
org-kind-authentik = Authentik-API
org-kind-zitadel = Zitadel-Benutzer-API
org-kind-graph = Microsoft Graph
org-kind-scim = Nur SCIM
org-reason-deactivated = deaktiviert
org-reason-deleted = gelöscht
