partners-partners = Partner
partners-intro = Die Organisationen, deren E-Mail Sie betreiben: Richten Sie neue ein, und sehen Sie, wie es um jede einzelne steht.
partners-intro-operator = Alle Organisationen dieses Portals (Sie sind sein Betreiber): Richten Sie neue ein, und sehen Sie, wie es um jede einzelne steht.
partners-onboard = Organisation einrichten
partners-none-yet = Sie betreuen noch keine Organisation. Richten Sie die erste ein: Dafür brauchen Sie eine Mail-Domain, deren Inhaberschaft Sie nachweisen können, einen Mailserver und den Identitätsanbieter der Organisation.
partners-col-organisation = Organisation
partners-col-status = Status
partners-col-domains = Mail-Domains
partners-col-server = Mailserver
partners-col-idp = Identitätsanbieter
partners-col-people = Personen
partners-col-activity = Letzte Aktivität
partners-servers = Mailserver
partners-servers-intro = Werden im Hintergrund alle 30 Sekunden geprüft. Ein Server, der nicht antwortet, betrifft nur die Organisationen, die ihn nutzen.
partners-col-address = Adresse
partners-col-state = Zustand
partners-col-checked = Geprüft
partners-server-ok = Antwortet
partners-server-problem = Problem
partners-server-not-checked = Noch nicht geprüft
partners-server-down = Antwortet nicht
partners-server-inside = In einem privaten oder lokalen Netz, das das Portal nicht erreicht
partners-server-key-refused = Der API-Schlüssel wird abgelehnt
partners-server-permission = Dem API-Schlüssel fehlt eine Berechtigung, die das Portal braucht
partners-server-not-stalwart = Antwortet nicht wie Stalwart
partners-never = Nie
partners-search = Suchen
partners-search-hint = Teil eines Namens, Kurznamens oder einer Domain
partners-no-match = Keine Organisation passt zu dieser Suche.
partners-pages = Seiten
partners-previous = Vorherige Seite
partners-next = Nächste Seite
partners-showing-all = { $total ->
    [one] { $total } Organisation
   *[other] { $total } Organisationen
}
partners-showing-page = Seite { $page } von { $pages }: { $shown } von { $total ->
    [one] { $total } Organisation
   *[other] { $total } Organisationen
}
partners-not-set = Noch nicht festgelegt
partners-status-draft = In Einrichtung
partners-status-live = Freigeschaltet
partners-status-suspended = Gesperrt
partners-from-config-badge = postern.toml
partners-partner-badge = Partner
partners-domain-pending = wartet auf Nachweis
partners-domain-proven = nachgewiesen
partners-domain-at-server = nachgewiesen, auf dem Mailserver
partners-new-title = Organisation einrichten
partners-new-intro = Beginnen Sie mit den Angaben zur Organisation. Jeder weitere Schritt wird gespeichert, sobald Sie ihn abschließen: Sie können die Einrichtung unterbrechen und später über die Partnerseite fortsetzen.
partners-display-name = Name
partners-display-name-hint = So, wie ihre Mitarbeitenden sie kennen, z. B. Gamma GmbH.
partners-slug = Kurzname
partners-slug-hint = Kleinbuchstaben, Ziffern und Bindestriche; bleibt das Feld leer, wird er aus dem Namen gebildet. Er kann später nicht mehr geändert werden.
partners-contact = Kontakt-E-Mail
partners-contact-hint = Ihre Ansprechperson bei der Organisation.
partners-create = Anlegen und weiter
partners-creating = Wird angelegt…
partners-name-required = Geben Sie den Namen der Organisation ein.
partners-name-too-long = Der Name muss kürzer als 100 Zeichen sein.
partners-slug-invalid = Verwenden Sie 1 bis 40 Kleinbuchstaben, Ziffern oder Bindestriche.
partners-contact-invalid = Geben Sie eine E-Mail-Adresse wie jemand@example.com ein.
partners-back-to-partners = Zurück zur Partnerseite
partners-make-partner = Ein Partner: Seine Administratoren richten eigene Organisationen ein
partners-only-operator = Nur der Betreiber kann Partner anlegen.
partners-slug-taken = Der Kurzname „{ $slug }“ ist vergeben oder wurde früher von einer Organisation verwendet (ihr Protokoll bleibt unter diesem Namen erhalten). Wählen Sie einen anderen.
partners-created = { $name } ist angelegt, aber noch nicht freigeschaltet. Als Nächstes: Weisen Sie die Mail-Domain der Organisation nach.
partners-step-details = 1. Organisation
partners-step-domains = 2. Mail-Domains
partners-step-server = 3. Mailserver
partners-step-create = 4. Domains auf dem Mailserver
partners-step-idp = 5. Identitätsanbieter
partners-step-activate = 6. Freischalten
partners-done = Erledigt
partners-to-do = Offen
partners-save = Speichern
partners-saving = Wird gespeichert…
partners-saved = Gespeichert.
partners-working = Bitte warten…
partners-from-config = Diese Organisation ist in postern.toml festgelegt: Ändern Sie sie dort. Das Portal zeigt sie nur an.
partners-domains-intro = Postern ordnet Anmeldungen einer Domain erst dann der Organisation zu und legt die Domain erst dann auf dem Mailserver an, wenn die Organisation nachgewiesen hat, dass sie die Domain kontrolliert: Veröffentlichen Sie den angezeigten TXT-Eintrag, und lassen Sie ihn dann prüfen.
partners-domain = Domain
partners-domain-hint = Eine Domain, für die die Organisation E-Mails empfängt, z. B. gamma.example.
partners-add-domain = Domain hinzufügen
partners-adding = Wird hinzugefügt…
partners-no-domains = Noch keine Domain.
partners-publish = Veröffentlichen Sie diesen TXT-Eintrag beim DNS-Anbieter der Domain:
partners-record-name = Name
partners-record-value = Wert
partners-copy-name = Name kopieren
partners-copy-value = Wert kopieren
partners-check-now = Jetzt prüfen
partners-checking = DNS wird geprüft…
partners-renew = Eintrag erneuern
partners-release = Entfernen
partners-proven-badge = Nachgewiesen
partners-pending-badge = Wartet auf Nachweis
partners-background = Postern sucht ihn außerdem alle paar Minuten im Hintergrund.
partners-empty-domain = Geben Sie einen Domainnamen ein.
partners-domain-too-long = Ein Domainname hat höchstens 253 Zeichen, und jeder Teil zwischen zwei Punkten höchstens 63.
partners-domain-single-label = Das ist kein vollständiger Domainname: Ergänzen Sie den Teil nach dem Punkt, z. B. gamma.example.
partners-domain-malformed = „{ $typed }“ ist kein Domainname: Verwenden Sie Buchstaben, Ziffern und Bindestriche zwischen Punkten, z. B. gamma.example.
partners-public-suffix = { $suffix } ist ein öffentliches Suffix: Es gehört niemandem, daher kann es niemand nachweisen. Verwenden Sie eine darunter registrierte Domain.
partners-domain-taken = { $domain } gehört bereits zu einer Organisation auf diesem Portal. Eine Domain kann nur zu einer einzigen Organisation gehören.
partners-already-claimed = Diese Organisation hat { $domain } bereits beansprucht: Veröffentlichen Sie den Nachweis, und lassen Sie ihn prüfen.
partners-too-many-claims = Ihre Organisationen haben { $cap ->
    [one] { $cap } beanspruchte Domain, die auf ihren Nachweis wartet
   *[other] { $cap } beanspruchte Domains, die auf ihren Nachweis warten
} – mehr darf ein Partner nicht gleichzeitig haben. Weisen Sie zuerst einige nach, oder entfernen Sie sie (ein nicht nachgewiesener Anspruch endet auch, wenn sein Token abläuft).
partners-too-many-servers = Sie haben { $cap ->
    [one] { $cap } Mailserver
   *[other] { $cap } Mailserver
} hinzugefügt – mehr darf ein Partner nicht hinzufügen. Wenden Sie sich an den Betreiber des Portals, wenn Sie mehr brauchen.
partners-too-many-links = Für Ihre Organisationen { $cap ->
    [one] wurde innerhalb des letzten Tages { $cap } Einmal-Link
   *[other] wurden innerhalb des letzten Tages { $cap } Einmal-Links
} erstellt – mehr darf ein Partner nicht gleichzeitig haben. Versuchen Sie es morgen erneut, oder verwenden Sie selbst „Anmeldung testen“.
partners-claim-ended = Dieser Anspruch auf { $domain } ist erloschen: Eine andere Organisation hat die Domain zuerst nachgewiesen, oder der Betreiber des Portals hat sie festgelegt. Entfernen Sie sie hier; wenn die Domain Ihnen gehört, wenden Sie sich an den Betreiber.
partners-ended-badge = Anspruch erloschen
partners-proof-may-go = Nachgewiesen. Der Eintrag _postern-challenge kann jetzt entfernt werden; der MX-Eintrag der Domain muss weiterhin auf den Mailserver zeigen, was das Portal alle paar Stunden prüft.
partners-mx-elsewhere = Der MX-Eintrag der Domain zeigt nicht mehr auf den Mailserver dieser Organisation (geprüft am { $at }): E-Mails an diese Domain gehen anderswohin. Hier wurde nichts geändert; korrigieren Sie den MX-Eintrag, oder entfernen Sie die Domain.
partners-expires = Gültig bis { $at }.
partners-claimed = { $domain } ist hinzugefügt. Veröffentlichen Sie den TXT-Eintrag, und klicken Sie dann auf „Jetzt prüfen“.
partners-proven = { $domain } ist nachgewiesen: Der Eintrag ist vorhanden.
partners-not-seen = Unter { $record } gibt es noch keinen TXT-Eintrag. Bis DNS-Änderungen sichtbar werden, dauert es einige Minuten bis einige Stunden (je nach TTL des Eintrags und danach, wie schnell der DNS-Anbieter veröffentlicht): Prüfen Sie später erneut.
partners-wrong-token = Unter { $record } gibt es einen TXT-Eintrag, aber nicht mit diesem Token: Vielleicht ist er veraltet oder vertippt. Veröffentlichen Sie genau den angezeigten Wert.
partners-proof-expired = Der Nachweis-Eintrag für { $domain } ist abgelaufen. Erneuern Sie ihn, und veröffentlichen Sie den neuen Wert.
partners-dns-unknown = Das DNS hat nicht geantwortet ({ $why }). Es wurde nichts geändert; prüfen Sie gleich noch einmal.
partners-renewed = Ein neuer Eintrag für { $domain }: Veröffentlichen Sie ihn (er ersetzt den alten).
partners-released = { $domain } ist aus dieser Organisation entfernt.
partners-found-proven = Gefunden: nachgewiesen.
partners-found-not-seen = Noch nicht gefunden.
partners-found-wrong = Es gibt einen Eintrag mit einem anderen Token.
partners-found-expired = Abgelaufen: Erneuern Sie ihn.
partners-found-unknown = Das DNS hat nicht geantwortet.
# { $finding } is one of the partners-found-* sentences above.
partners-last-checked = { $finding } (geprüft am { $at })
partners-release-at-server = Diese Domain existiert für diese Organisation auf dem Mailserver: Entfernen Sie die Organisation, um die Domain vom Server zu nehmen.
partners-activity = Aktivität
partners-no-activity = Noch nichts.
partners-col-when = Wann
partners-col-who = Wer
partners-col-what = Was
partners-details-saved = Die Angaben zur Organisation sind gespeichert.
partners-no-secrets-key = Postern kann noch keine Geheimnisse speichern: Der Betreiber hat den Schlüssel dafür (POSTERN_SECRETS_KEY) nicht gesetzt. Es wurde nichts gespeichert; bitten Sie ihn, den Schlüssel zu setzen, und versuchen Sie es dann erneut.
partners-no-such-organisation = Es gibt keine Organisation „{ $slug }“, die Sie betreuen.
partners-no-such-domain = { $domain } ist keine Domain dieser Organisation.
partners-badge-ok = OK
partners-badge-problem = Problem
partners-default-language = Standardsprache
partners-default-language-hint = Für Personen, deren Browser eine Sprache verlangt, die das Portal nicht spricht. Alle anderen sehen die Sprache ihres Browsers oder die Sprache, die sie unten auf jeder Seite wählen.
partners-language-none = Keine (Englisch)
partners-language-invalid = Wählen Sie eine der Sprachen aus der Liste.
partners-col-hook = Anmeldeaktivität
partners-hook-none = Noch nicht registriert
partners-hook-registering = Wird registriert
partners-hook-waiting = Registriert; warte auf die erste signierte Zustellung des Mailservers
partners-hook-receiving = Empfängt (letzte Zustellung { $when })
partners-hook-blocked = Warte darauf, dass Stalwart seine Einstellungen anwendet: eine andere Einstellung des Mailservers lässt sich nicht laden
partners-hook-blocked-because = Warte darauf, dass Stalwart seine Einstellungen anwendet. Das Neuladen scheiterte an { $detail }. Korrigieren Sie diese Einstellung (oder starten Sie den Mailserver neu) und registrieren Sie dann erneut.
partners-hook-failed = Konnte nicht registriert werden: der Mailserver hat nicht wie erwartet geantwortet
partners-hook-failed-because = Konnte nicht registriert werden ({ $detail }). Es wird alle paar Minuten erneut versucht.
partners-hook-reregister = Erneut registrieren
partners-hook-reregistered = Der Aktivitäts-Webhook wurde auf { $server } erneut registriert.
partners-hook-reregister-label = Erneut registrieren (den Aktivitäts-Webhook auf { $server })
