partners-life-activate-intro = Wenn alle Schritte erledigt sind, schalten Sie die Organisation frei: Ihre Mitarbeitenden können sich dann anmelden und App-Passwörter erstellen.
partners-life-activate = Freischalten
partners-life-activating = Wird freigeschaltet…
partners-life-missing = Noch zu erledigen:
partners-life-missing-proven = Weisen Sie mindestens eine Mail-Domain nach.
partners-life-missing-server = Wählen Sie den Mailserver.
partners-life-missing-at-server = Legen Sie eine nachgewiesene Domain auf dem Mailserver an (oder übernehmen Sie sie).
partners-life-missing-idp = Richten Sie den Identitätsanbieter ein.
partners-life-missing-test = Testen Sie eine Anmeldung über den Identitätsanbieter (nach jeder Änderung seiner Einstellungen erneut).
partners-life-live-intro = Die Organisation ist freigeschaltet. Geben Sie ihren Mitarbeitenden Folgendes:
partners-life-sign-in-link = Anmeldeseite
partners-life-mail-settings = Einstellungen für Mail-Apps
partners-life-imap = IMAP (eingehend)
partners-life-smtp = SMTP (ausgehend)
partners-life-username-note = Benutzername: die vollständige E-Mail-Adresse; Passwort: ein App-Passwort, das auf diesem Portal erstellt wurde.
partners-life-suspend = Sperren
partners-life-suspending = Wird gesperrt…
partners-life-suspend-note = Das Sperren weist Anmeldungen ab und beendet sofort alle Sitzungen der Mitarbeitenden der Organisation. Auf dem Mailserver ändert sich nichts.
partners-life-resume = Entsperren
partners-life-suspended-note = Gesperrt: Die Mitarbeitenden können sich nicht anmelden.
partners-life-remove-link = Diese Organisation entfernen…
partners-life-cancel-link = Einrichtung abbrechen…
partners-life-activated = { $name } ist freigeschaltet: Die Mitarbeitenden können sich jetzt anmelden.
# { $missing } is the partners-life-missing-* sentences, one after another.
partners-life-not-ready = Noch nicht möglich: { $missing }
partners-life-suspended = { $name } ist gesperrt: Anmeldungen werden abgewiesen, und die laufenden Sitzungen wurden beendet.
partners-life-resumed = { $name } ist wieder freigeschaltet.
partners-life-not-suspended = Die Organisation ist nicht gesperrt.
partners-life-only-live-suspend = Nur eine freigeschaltete Organisation kann gesperrt werden; eine Organisation in Einrichtung ist noch nicht freigeschaltet.
partners-life-remove-title = Organisation entfernen
partners-life-remove-intro = Postern vergisst { $name }: die Einstellungen, die Domains und die Daten der Mitarbeitenden hier (das Protokoll bleibt erhalten). Die Mitarbeitenden können sich nicht mehr anmelden. Auf dem Mailserver wird nichts gelöscht, es sei denn, Sie verlangen es unten.
partners-life-delete-at-server = Auch ihre Domains und alle Postfächer darin auf dem Mailserver löschen (kann nicht rückgängig gemacht werden)
partners-life-type-domains = Geben Sie zur Bestätigung die Domainnamen ein (durch Leerzeichen getrennt)
partners-life-remove = Organisation entfernen
partners-life-removing = Wird entfernt…
partners-life-cancel = Abbrechen
partners-life-nothing-at-server = Keine ihrer Domains existiert für sie auf dem Mailserver.
partners-life-typed-wrong = Geben Sie genau die angezeigten Domainnamen ein, um das Löschen auf dem Mailserver zu bestätigen. Es wurde nichts entfernt.
# Completes "We could not …" (error-stalwart-*): the German fragment is verb-final with
# "nicht" ("Wir konnten … nicht löschen"), the French one an infinitive ("Nous n'avons pas pu …").
partners-life-delete-domains = die Domains auf dem Mailserver nicht löschen
partners-life-removed = { $name } ist aus Postern entfernt.
# { $domains }: the deleted domains, separated by commas.
partners-life-removed-and-deleted = { $name } ist aus Postern entfernt. Auf dem Mailserver gelöscht: { $domains }.
partners-life-protected-accounts = { $domain } enthält Konten, die Postern nicht löschen darf ({ $accounts }: das eigene Konto des Portals oder das eines Administrators). Es wurde nichts gelöscht oder entfernt; verschieben Sie diese Konten zuerst.
# Deleting at the mail server failed for { $failed } (a domain). { $why } is a whole sentence
# ("We could not delete the domains at the mail server: …"), { $now_there } one of
# partners-life-gone-now / -still-there / -unknown-now. -delete-failed: nothing was deleted
# before; -partly-deleted: { $deleted } (domains, separated by commas) were.
partners-life-delete-failed = Das Löschen von { $failed } ist fehlgeschlagen: { $why } { $now_there } Die Organisation bleibt erhalten, damit Sie es erneut versuchen können.
partners-life-partly-deleted = Auf dem Mailserver gelöscht: { $deleted }. Das Löschen von { $failed } ist fehlgeschlagen: { $why } { $now_there } Die Organisation bleibt erhalten, damit Sie es erneut versuchen können.
partners-life-gone-now = { $domain } existiert nicht mehr auf dem Mailserver.
partners-life-still-there = { $domain } ist noch auf dem Mailserver, mit { $mailboxes ->
    [one] { $mailboxes } Postfach
   *[other] { $mailboxes } Postfächern
}.
partners-life-unknown-now = Ob { $domain } noch auf dem Mailserver ist, lässt sich gerade nicht feststellen.
partners-life-suspended-by-operator = Diese Organisation wurde vom Betreiber des Portals gesperrt: Nur er kann sie entsperren.
