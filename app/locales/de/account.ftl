account-title = Mein Konto
account-you = Ihre Angaben
account-name = Name
account-email = E-Mail
account-organisation = Organisation
account-role = Rolle
account-role-admin = Administrator Ihrer Organisation
account-role-user = Benutzer
account-no-name = (von Ihrer Organisation nicht angegeben)
account-mailbox = Ihr Postfach
account-address = Adresse
account-display-name = Anzeigename
account-storage = Belegter Speicher
account-aliases = Empfängt auch E-Mails für
account-no-aliases = Keine weiteren Adressen
account-unlimited = kein Speicherlimit
account-missing-title = Sie haben noch kein Postfach
account-missing-body = Der Mailserver hat kein Postfach für Ihre Adresse. Bitte wenden Sie sich an Ihre Administration, damit es angelegt wird. Sobald es existiert, können Sie hier Ihre Mail-Apps einrichten.
account-unavailable-title = Ihr Postfach konnte nicht angezeigt werden
account-retry = Erneut versuchen
account-sessions = Wo Sie angemeldet sind
account-sessions-body = Gerät verloren oder an einem fremden Computer angemeldet? Melden Sie sich überall ab: Jeder Browser, der in diesem Portal mit Ihrem Konto angemeldet ist, muss sich neu anmelden, auch dieser. App-Passwörter sind davon nicht betroffen; widerrufen Sie diese auf der Seite „App-Passwörter“.
account-sign-out-everywhere = Überall abmelden
account-signing-out = Wird abgemeldet…
account-signed-out-everywhere = Sie sind jetzt überall abgemeldet. Melden Sie sich erneut an, um fortzufahren.
account-protected-account = Dieses Konto wird vom Betreiber Ihres Mailservers verwaltet und kann sich hier nicht anmelden. Bitte verwenden Sie ein eigenes Konto oder wenden Sie sich an Ihre Administration.
# Completes "Wir konnten …: …" (error.ftl): verb last, with "nicht".
account-look-up-mailbox = Ihr Postfach nicht abrufen
# Storage used: "1,5 GB von 5 GB".
account-storage-of = { $used } von { $limit }
account-storage-unlimited = { $used } (kein Speicherlimit)
# The name before the @ of a new mailbox.
account-local-length = Verwenden Sie 1 bis 64 Zeichen vor dem @.
account-local-dots = Ein Punkt darf nicht am Anfang oder Ende des Namens stehen und nicht direkt auf einen anderen Punkt folgen.
account-local-chars = „{ $local }“ darf nur Kleinbuchstaben, Ziffern und . - _ + enthalten.
