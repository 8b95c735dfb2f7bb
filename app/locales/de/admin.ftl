admin-mailboxes = Postfächer
admin-groups = Gruppen und gemeinsame Postfächer
admin-audit = Protokoll
admin-new-mailbox = Postfach anlegen
admin-domain = Domain
admin-search = Suche
admin-search-hint = Teil eines Namens oder einer Adresse
admin-show = Anzeigen
admin-address = Adresse
admin-display-name = Anzeigename
admin-storage = Speicher
admin-aliases = Aliasse
admin-member-of = Gruppen
admin-no-limit = kein Limit
admin-none-found = Keine passenden Postfächer.
admin-empty-domain = Diese Domain hat noch keine Postfächer.
admin-previous = Vorherige Seite
admin-next = Nächste Seite
admin-local-part = Name vor dem @
admin-quota = Speicherlimit (GB)
admin-quota-hint = Leer lassen, wenn es kein Limit geben soll.
admin-aliases-hint = Weitere Adressen, deren E-Mails in diesem Postfach ankommen, eine pro Zeile.
admin-password = Anfangspasswort (optional)
admin-password-hint = Mindestens 12 Zeichen und schwer zu erraten. Lassen Sie das Feld leer, wenn sich die Person über Ihren Identitätsanbieter anmeldet und App-Passwörter verwendet. An den Mailserver wird nur ein Hash gesendet.
admin-no-passwords = Die Personen Ihrer Organisation melden sich über Ihren Identitätsanbieter an, daher erhalten Postfächer kein Passwort; für ihre Mail-Apps erstellen sie App-Passwörter.
admin-create = Postfach anlegen
admin-creating = Wird angelegt…
admin-save = Speichern
admin-saving = Wird gespeichert…
admin-cancel = Abbrechen
admin-problem = Das Postfach wurde nicht angelegt
admin-details = Details
admin-add-alias = Alias hinzufügen
admin-new-alias = Neuer Alias
admin-remove = Entfernen
admin-password-title = Passwort
admin-reset-password = Neues Passwort festlegen
admin-new-password = Neues Passwort
admin-app-passwords = App-Passwörter dieses Postfachs
admin-app-passwords-none = Dieses Postfach hat keine App-Passwörter.
admin-revoke = Widerrufen
admin-delete = Dieses Postfach löschen
admin-sign-out-title = Sitzungen in diesem Portal
admin-sign-out-body = Melden Sie diese Person in allen Browsern ab, in denen sie in diesem Portal angemeldet ist (etwa bei einem verlorenen Gerät oder wenn jemand ausscheidet). Ihre App-Passwörter funktionieren weiter; widerrufen Sie diese oben.
admin-sign-out-button = Überall abmelden
admin-delete-title = Postfach löschen
admin-delete-warning = Wenn Sie ein Postfach löschen, werden auch alle E-Mails, Kalender und Kontakte darin auf dem Mailserver gelöscht. Das lässt sich nicht rückgängig machen.
admin-delete-confirm = Geben Sie zur Bestätigung die Adresse ein
admin-delete-button = Postfach mit allen E-Mails löschen
admin-deleting = Wird gelöscht…
admin-new-group = Gruppe anlegen
admin-group-address = Adresse der Gruppe
admin-members = Mitglieder
admin-no-members = Noch keine Mitglieder.
admin-add-member = Mitglied hinzufügen
admin-member-address = Adresse des Mitglieds
admin-receives = Empfängt E-Mails
admin-does-not-receive = Kann keine E-Mails empfangen: Der Mailserver würde Nachrichten annehmen und dann als unzustellbar zurückschicken.
admin-fix-receive = E-Mail-Empfang einschalten
admin-no-groups = Es gibt noch keine Gruppen. Eine Gruppe ist ein gemeinsames Postfach, dessen E-Mails alle Mitglieder lesen.
admin-action-filter = Aktion beginnt mit
admin-actor-filter = Ausgeführt von (Adresse enthält)
admin-filter = Filtern
admin-when = Wann
admin-who = Wer
admin-what = Aktion
admin-target = Ziel
admin-changes = Änderungen
admin-no-events = Keine passenden Einträge.
admin-protected = Vom Betreiber Ihres Mailservers verwaltet
admin-protected-mailbox = Dieses Konto hat Rechte auf dem Mailserver selbst (oder es ist das Konto, über das dieses Portal den Mailserver erreicht), daher verwaltet es der Betreiber Ihres Mailservers. Sie können es hier sehen, aber nicht ändern.
admin-protected-group = Diese Gruppe vergibt Rechte auf dem Mailserver selbst, daher verwaltet sie der Betreiber Ihres Mailservers. Sie können sie hier sehen, aber nicht ändern.
admin-pages = Seiten
admin-outcome = Ergebnis
admin-export-csv = Als CSV herunterladen
admin-event-count = { $total ->
        [one] 1 Eintrag
       *[other] { $total } Einträge
    } · Seite { $page } von { $pages }
admin-outcome-done = Erledigt
admin-outcome-pending = Vom Mailserver nicht bestätigt
admin-outcome-unknown = Unbekannt
admin-mailbox-count = { $total ->
        [one] 1 Postfach
       *[other] { $total } Postfächer
    } · Seite { $page } von { $pages }
admin-storage-of = { $used } von { $quota }
admin-storage-unlimited = { $used } ({ admin-no-limit })
admin-created-on = { $name } — erstellt am { $created }
# The accessible name of a button acting on one item: $action is the button's word
# (admin-remove, admin-revoke), $what the alias, member or app password.
admin-labelled = { $action }: { $what }
admin-confirm-label = { admin-delete-confirm } ({ $address })
admin-saved = Gespeichert.
admin-password-set = Das neue Passwort ist festgelegt.
admin-group-receives = Die Gruppe kann jetzt E-Mails empfangen.
admin-created-mailbox = Das Postfach { $address } wurde angelegt.
admin-added-alias = Der Alias { $alias } wurde hinzugefügt.
admin-removed-alias = Der Alias { $alias } wurde entfernt.
admin-deleted-mailbox = Das Postfach { $address } wurde mit allen E-Mails gelöscht.
admin-revoked-app-password = Das App-Passwort „{ $name }“ wurde widerrufen.
admin-signed-out = { $sessions ->
        [0] { $address } war nirgends angemeldet.
        [one] 1 Sitzung von { $address } wurde beendet.
       *[other] { $sessions } Sitzungen von { $address } wurden beendet.
    }
admin-created-group = Die Gruppe { $address } wurde angelegt.
admin-added-member = { $member } wurde zur Gruppe hinzugefügt.
admin-removed-member = { $member } wurde aus der Gruppe entfernt.
admin-passwords-external = Die Passwörter dieser Organisation verwaltet ihr Anmeldedienst (der Mailserver nutzt ein externes Verzeichnis), daher können sie hier nicht festgelegt werden. Die Personen melden sich mit dem Konto ihrer Organisation an und verwenden App-Passwörter für ihre Mail-Apps.
admin-change-refused = Der Mailserver lässt diese Änderung nicht zu.
admin-not-found = Dieses Postfach oder diese Gruppe gibt es in Ihrer Organisation nicht.
admin-no-domains-yet = Noch keine der Domains Ihrer Organisation ist auf dem Mailserver vorhanden.
admin-choose-domain = Wählen Sie eine der Domains Ihrer Organisation.
admin-display-name-too-long = Verwenden Sie höchstens 100 Zeichen.
admin-no-mailbox-passwords = Postfächer Ihrer Organisation haben keine Passwörter: Die Personen melden sich über Ihren Identitätsanbieter an und verwenden App-Passwörter.
admin-app-password-gone = Dieses App-Passwort gibt es nicht mehr.
admin-taken = Diese Adresse wird bereits von einem anderen Postfach, einer Gruppe oder einem Alias verwendet. Wählen Sie eine andere.
admin-domain-gone = Die Domain gibt es auf dem Mailserver nicht mehr. Bitten Sie Ihren Anbieter, sie zu prüfen.
admin-password-refused = Der Mailserver hat dieses Passwort abgelehnt.
admin-value-refused = Der Mailserver hat diesen Wert nicht akzeptiert.
admin-deleted-meanwhile = Das gibt es nicht mehr; vielleicht hat es inzwischen jemand gelöscht.
admin-quota-format = Geben Sie die Größe in GB ein, etwa 2 oder 0,5, oder lassen Sie das Feld für kein Limit leer.
admin-guessed-easily = Es wäre zu leicht zu erraten.
admin-not-an-address = „{ $address }“ ist keine Adresse der Form name@{ $example_domain }.
admin-not-our-domain = { $domain } ist keine Domain Ihrer Organisation ({ $ours }).
admin-not-an-alias = { $alias } ist kein Alias dieses Postfachs.
admin-type-to-confirm = Geben Sie zur Bestätigung genau { $address } ein.
admin-no-such-mailbox = Es gibt kein Postfach { $address }.
# $action is one of the admin-action-… fragments below.
admin-still-linked = Wir konnten { $action }: Andere Objekte verweisen noch darauf ({ $objects }). Entfernen Sie diese zuerst.
admin-limit-reached = Wir konnten { $action }: Ein Limit des Mailservers ist erreicht.
admin-password-too-short = { $min ->
        [one] Verwenden Sie mindestens 1 Zeichen.
       *[other] Verwenden Sie mindestens { $min } Zeichen.
    }
admin-password-too-long = { $max ->
        [one] Verwenden Sie höchstens 1 Zeichen.
       *[other] Verwenden Sie höchstens { $max } Zeichen.
    }
# $advice is the strength check's own advice (English only), or admin-guessed-easily.
admin-password-too-weak = Dieses Passwort ist zu schwach. { $advice } Fügen Sie ein oder zwei weitere Wörter hinzu; ungewöhnliche Wörter sind besser.
# Why an account is managed by the mail server's operator: each follows the address
# in admin-protected-refusal („alice@example.com hat Administratorrechte auf dem Mailserver“).
admin-protected-server-role = hat Administratorrechte auf dem Mailserver
admin-protected-permissions = hat Berechtigungen zur Verwaltung des Servers
admin-protected-portal = ist das Konto, über das dieses Portal den Mailserver erreicht
admin-protected-refusal = { $address } { $reason }. Deshalb verwaltet der Betreiber Ihres Mailservers dieses Konto, und Sie können es hier nicht ändern.
# Each completes "Wir konnten …" in admin-still-linked, admin-limit-reached and the
# mail server failures of error.ftl (error-stalwart-…): verb-final, with "nicht".
admin-action-list-mailboxes = die Postfächer nicht auflisten
admin-action-list-groups = die Gruppen nicht auflisten
admin-action-list-members = die Mitglieder nicht auflisten
admin-action-list-app-passwords = die App-Passwörter nicht auflisten
admin-action-load-mailbox = das Postfach nicht laden
admin-action-create-mailbox = das Postfach nicht anlegen
admin-action-save-mailbox = das Postfach nicht speichern
admin-action-add-alias = den Alias nicht hinzufügen
admin-action-remove-alias = den Alias nicht entfernen
admin-action-reset-password = das Passwort nicht neu festlegen
admin-action-delete-mailbox = das Postfach nicht löschen
admin-action-revoke-app-password = das App-Passwort nicht widerrufen
admin-action-create-group = die Gruppe nicht anlegen
admin-action-find-member = das Mitglied nicht finden
admin-action-change-membership = die Mitgliedschaft nicht ändern
admin-action-read-group = die Gruppe nicht abrufen
admin-action-allow-receiving = den E-Mail-Empfang für die Gruppe nicht einschalten
admin-action-read-settings = die Einstellungen des Mailservers nicht abrufen
admin-another-domain = (andere Domain)
admin-weak-straight-rows = Gerade Tastenreihen sind leicht zu erraten.
admin-weak-keyboard-patterns = Kurze Tastaturmuster sind leicht zu erraten.
admin-weak-repeats = Wiederholungen wie „aaa“ sind leicht zu erraten.
admin-weak-repeated-groups = Wiederholungen wie „abcabcabc“ sind kaum schwerer zu erraten als „abc“.
admin-weak-top-10 = Dies ist eines der 10 häufigsten Passwörter.
admin-weak-top-100 = Dies ist eines der 100 häufigsten Passwörter.
admin-weak-common = Dies ist ein sehr häufiges Passwort.
admin-weak-similar = Es ähnelt einem häufig verwendeten Passwort.
admin-weak-sequences = Folgen wie abc oder 6543 sind leicht zu erraten.
admin-weak-recent-years = Jahreszahlen der letzten Jahre sind leicht zu erraten.
admin-weak-single-word = Ein einzelnes Wort ist leicht zu erraten.
admin-weak-dates = Datumsangaben sind oft leicht zu erraten.
admin-weak-names = Vor- und Nachnamen allein sind leicht zu erraten.
admin-weak-common-names = Häufige Vor- und Nachnamen sind leicht zu erraten.
