apppw-no-mailbox = Sie haben noch kein Postfach, daher können Sie noch keine App-Passwörter erstellen. Bitte wenden Sie sich an Ihre Administration, damit das Postfach angelegt wird.
apppw-list-title = App-Passwörter
apppw-list-intro = Mail-Apps wie Apple Mail, Thunderbird, K-9 Mail oder Outlook können sich nicht über die Anmeldeseite Ihrer Organisation anmelden. Geben Sie stattdessen jeder dieser Apps ein eigenes App-Passwort: Es gilt nur für E-Mail, und Sie können es jederzeit widerrufen, ohne sonst etwas zu ändern.
apppw-list-create = App-Passwort erstellen
apppw-list-apple = iPhone, iPad oder Mac einrichten
apppw-list-empty-title = Sie haben noch keine App-Passwörter
apppw-list-empty-body = Sie brauchen eines, sobald eine Mail-App nach einem Passwort für Ihre Adresse fragt. Erstellen Sie eines pro Gerät oder App: Geht ein Gerät verloren, widerrufen Sie nur dessen App-Passwort.
apppw-list-name = Name
apppw-list-created = Erstellt
apppw-list-expires = Läuft ab
apppw-list-never = Nie
apppw-list-expired = abgelaufen
apppw-list-networks = Erlaubte Netzwerke
apppw-list-any-network = Alle
apppw-list-scope = Verwendbar für
apppw-list-mail-only = Nur E-Mail (IMAP, SMTP)
apppw-list-mail-dav = E-Mail, Kalender und Kontakte
apppw-list-everything = Alles, was Ihr Konto darf
apppw-list-api-keys = API-Schlüssel
apppw-list-api-keys-intro = Mit API-Schlüsseln können Programme Ihr Konto verwenden. Sie wurden außerhalb dieses Portals erstellt; widerrufen Sie alle, die Sie nicht kennen. Wenn Sie alle App-Passwörter widerrufen, werden auch diese widerrufen.
apppw-list-api-keys-caption = Ihre API-Schlüssel
apppw-list-actions = Aktionen
apppw-list-revoke = Widerrufen
apppw-list-revoke-all = Alle App-Passwörter widerrufen
apppw-list-unavailable = Ihre App-Passwörter konnten nicht angezeigt werden
apppw-list-retry = Erneut versuchen
apppw-list-hangs-title = Mail-App hängt bei der Anmeldung?
apppw-list-hangs-body = Wenn eine Mail-App beim Verbinden mit dem Server für eingehende E-Mails (IMAP) nicht weiterkommt, ist ihr App-Passwort höchstwahrscheinlich falsch eingegeben oder widerrufen: Der Mailserver antwortet auf ein falsches App-Passwort nicht immer, daher wartet die App, statt einen Fehler anzuzeigen. Erstellen Sie ein neues App-Passwort und geben Sie es erneut ein.
apppw-list-activity = Letzte Aktivitäten
apppw-list-activity-empty = Noch keine.
apppw-list-when = Wann
apppw-list-what = Was
apppw-list-from = Von wo
apppw-list-caption = Ihre App-Passwörter
apppw-list-activity-caption = Ihre letzten Aktivitäten
apppw-list-expired-on = { $date } (abgelaufen)
apppw-list-revoke-label = „{ $name }“ widerrufen
apppw-new-title = App-Passwort erstellen
apppw-new-reauthenticated = Danke, dass Sie Ihre Anmeldung bestätigt haben. Prüfen Sie die Angaben und erstellen Sie das App-Passwort.
apppw-new-name = Name
apppw-new-name-hint = Welches Gerät oder welche App wird es verwenden? Unter diesem Namen sehen Sie es in der Liste.
apppw-new-expiry = Läuft ab
apppw-new-networks = Erlaubte Netzwerke (optional)
apppw-new-networks-hint = Das Passwort wird nur aus diesen IP-Bereichen angenommen, einer pro Zeile, zum Beispiel 192.0.2.0/24 oder 2001:db8::/32. Lassen Sie das Feld leer, um jedes Netzwerk zu erlauben.
apppw-new-scope = Wofür es verwendet werden darf
apppw-new-scope-mail = Nur E-Mail: lesen (IMAP) und senden (SMTP)
apppw-new-scope-mail-dav = E-Mail, Kalender und Kontakte: auch CalDAV und CardDAV, für Kalender- und Kontakte-Apps
apppw-new-fresh = Zu Ihrer Sicherheit werden Sie möglicherweise gebeten, sich erneut anzumelden, bevor das Passwort erstellt wird.
apppw-new-submit = App-Passwort erstellen
apppw-new-submitting = Wird erstellt…
apppw-new-cancel = Abbrechen
apppw-new-problem = Das App-Passwort wurde nicht erstellt
# Suggested names for a new app password.
apppw-new-preset-iphone = Mail auf dem iPhone
apppw-new-preset-ipad = Mail auf dem iPad
apppw-new-preset-mac = Mail auf dem Mac
apppw-new-preset-thunderbird = Thunderbird auf meinem Laptop
apppw-new-preset-outlook = Outlook auf meinem PC
apppw-new-preset-k9 = K-9 Mail auf meinem Handy
# The choices of "Läuft ab".
apppw-new-expiry-never = Nie
apppw-new-expiry-30 = In 30 Tagen
apppw-new-expiry-90 = In 90 Tagen
apppw-new-expiry-365 = In einem Jahr
apppw-created-title = Ihr neues App-Passwort
apppw-created-once = Notieren oder kopieren Sie es jetzt: Sie werden dieses Passwort nicht noch einmal sehen. Wenn Sie es verlieren, widerrufen Sie es und erstellen Sie ein neues.
apppw-created-password = App-Passwort
apppw-created-copy = Passwort kopieren
apppw-created-type-hint = Die Leerzeichen dienen nur der Lesbarkeit; geben Sie das Passwort ohne sie ein.
apppw-created-settings = Einstellungen für Ihre Mail-App
apppw-created-username = Benutzername
apppw-created-incoming = Eingehende E-Mails (IMAP)
apppw-created-outgoing = Ausgehende E-Mails (SMTP)
apppw-created-server = Server
apppw-created-port = Port
apppw-created-security = Sicherheit
apppw-created-auth = Authentifizierung: normales Passwort (das App-Passwort oben)
apppw-created-done = Fertig, zurück zu meinen App-Passwörtern
apppw-revoke-title = App-Passwort widerrufen
apppw-revoke-question = Dieses App-Passwort widerrufen?
apppw-revoke-effect = Jede App, die es verwendet, funktioniert sofort nicht mehr und fragt nach einem Passwort. Das lässt sich nicht rückgängig machen; Sie können danach ein neues App-Passwort erstellen.
apppw-revoke-confirm = Ja, widerrufen
apppw-revoke-revoking = Wird widerrufen…
apppw-revoke-keep = Nein, behalten
apppw-revoke-all-title = Alle App-Passwörter widerrufen
apppw-revoke-all-question = Alle Ihre App-Passwörter widerrufen?
apppw-revoke-all-effect = Alle Ihre Mail-Apps, die ein App-Passwort verwenden, funktionieren sofort nicht mehr. Tun Sie das, wenn ein Gerät verloren gegangen ist oder Sie vermuten, dass jemand anderes eines Ihrer App-Passwörter kennt.
apppw-revoke-all-confirm = Ja, alle widerrufen
apppw-apple-title = iPhone, iPad oder Mac einrichten
apppw-apple-intro = Laden Sie ein Konfigurationsprofil herunter, das Ihr E-Mail-Konto mit einem neuen App-Passwort einrichtet. Laden Sie es für dasselbe Gerät erneut herunter, ersetzt es das installierte Profil.
apppw-apple-device = Gerätename
apppw-apple-device-hint = Das neue App-Passwort erhält diesen Namen, zum Beispiel „iPhone von Alice“.
apppw-apple-download = Profil herunterladen
apppw-apple-ios = Auf dem iPhone oder iPad
apppw-apple-ios-step-download = Öffnen Sie diese Seite in Safari auf dem Gerät und laden Sie das Profil herunter (erlauben Sie den Download).
apppw-apple-ios-step-settings = Öffnen Sie die Einstellungen: Tippen Sie oben auf „Profil geladen“ (oder auf Allgemein → VPN und Geräteverwaltung).
apppw-apple-ios-step-install = Tippen Sie auf „Installieren“, geben Sie den Code Ihres Geräts ein und bestätigen Sie.
apppw-apple-ios-step-open-mail = Öffnen Sie Mail: Ihr Konto ist eingerichtet.
apppw-apple-mac = Auf dem Mac
apppw-apple-mac-step-download = Laden Sie das Profil herunter und doppelklicken Sie im Ordner „Downloads“ darauf.
apppw-apple-mac-step-settings = Öffnen Sie Systemeinstellungen → Datenschutz & Sicherheit → Profile (oder suchen Sie nach „Profile“).
apppw-apple-mac-step-install = Doppelklicken Sie auf das geladene Profil, klicken Sie auf „Installieren“ und bestätigen Sie mit dem Passwort Ihres Mac.
apppw-apple-mac-step-open-mail = Öffnen Sie Mail: Ihr Konto ist eingerichtet.
apppw-apple-others = Thunderbird, Outlook, K-9 Mail und andere: Erstellen Sie ein App-Passwort und geben Sie die Einstellungen ein, die dazu angezeigt werden.
# The suggested device name, from the person's first name, or without a name.
apppw-apple-default-name = iPhone von { $name }
apppw-apple-default-name-mine = Mein iPhone
# The words inside the Apple configuration profile, shown in the device's settings and in Mail.
apppw-profile-account-description = E-Mail von { $organisation }
apppw-profile-mail-description = E-Mail-Konto { $address }
apppw-profile-mail-display-name = E-Mail von { $organisation } ({ $address })
apppw-profile-description = Richtet das E-Mail-Konto { $address } mit einem App-Passwort aus Postern ein.
apppw-service-no-name = (ohne Namen)
apppw-service-mailbox-changed = Ihr Postfach wurde gerade eben auf dem Mailserver entfernt oder neu angelegt, daher wurde nichts geändert. Bitte versuchen Sie es erneut.
apppw-service-gone = Dieses App-Passwort gibt es nicht mehr. Vielleicht wurde es bereits widerrufen.
apppw-service-already-unknown = Dieses Formular wurde bereits gesendet, und der Mailserver hat das Ergebnis nicht bestätigt. Prüfen Sie Ihre Liste der App-Passwörter: Wenn das neue dort steht, widerrufen Sie es und erstellen Sie ein weiteres.
apppw-service-networks-refused = Der Mailserver hat diese Netzwerke nicht akzeptiert. Prüfen Sie jeden Bereich.
apppw-service-timed-out = Der Mailserver hat nicht rechtzeitig geantwortet, daher wissen wir nicht, ob das App-Passwort erstellt wurde. Prüfen Sie Ihre Liste der App-Passwörter, bevor Sie es erneut versuchen: Wenn es dort steht, widerrufen Sie es und erstellen Sie ein neues.
# apppw-service-at-limit and apppw-service-have-count complete apppw-service-revoke-one-to-create ($have): "…; widerrufen Sie eines, …".
apppw-service-at-limit = Sie haben die Höchstzahl an App-Passwörtern erreicht
apppw-service-none-to-revoke = Sie hatten keine App-Passwörter, die widerrufen werden konnten.
apppw-service-revoked-one = Ihr App-Passwort wurde widerrufen.
apppw-service-already-used = Dieses Formular wurde bereits verwendet: „{ $name }“ wurde erstellt und sein Passwort wurde dabei angezeigt. Aus Sicherheitsgründen kann es nicht noch einmal angezeigt werden. Wenn Sie es nicht notiert haben, widerrufen Sie es und erstellen Sie ein neues.
apppw-service-have-count = Sie haben bereits { $count ->
        [one] 1 App-Passwort
       *[other] { $count } App-Passwörter
    }
apppw-service-revoke-one-to-create = { $have }; widerrufen Sie eines, um ein weiteres zu erstellen.
apppw-service-revoked = „{ $name }“ wurde widerrufen. Apps, die es verwendet haben, können sich nicht mehr anmelden.
apppw-service-revoked-all = Alle { $count } App-Passwörter und API-Schlüssel wurden widerrufen. Ihre Mail-Apps werden nach einem neuen Passwort fragen.
apppw-service-revoked-api-key = Der API-Schlüssel „{ $name }“ wurde widerrufen. Programme, die ihn verwendet haben, können sich nicht mehr anmelden.
# apppw-service-list … apppw-service-revoke-all and apppw-service-revoke-api-key complete "Wir konnten { $action }: …" (error.ftl): verb last, with "nicht".
apppw-service-list = Ihre App-Passwörter nicht abrufen
apppw-service-find = dieses App-Passwort nicht finden
apppw-service-check-mailbox = Ihr Postfach nicht prüfen
apppw-service-create = das App-Passwort nicht erstellen
apppw-service-revoke = das App-Passwort nicht widerrufen
apppw-service-revoke-all = Ihre App-Passwörter nicht widerrufen
apppw-service-api-key-gone = Diesen API-Schlüssel gibt es nicht mehr. Vielleicht wurde er bereits widerrufen.
apppw-service-revoke-api-key = den API-Schlüssel nicht widerrufen
apppw-form-name-missing = Geben Sie ihm einen Namen, zum Beispiel den des Geräts oder der App, die es verwenden wird.
apppw-form-name-control = Der Name darf keine Zeilenumbrüche oder Steuerzeichen enthalten.
apppw-form-expiry = Wählen Sie eine der angebotenen Laufzeiten.
apppw-form-scope = Wählen Sie, wofür das App-Passwort verwendet werden darf.
apppw-form-out-of-date = Dieses Formular ist veraltet. Bitte laden Sie die Seite neu und versuchen Sie es erneut.
apppw-form-name-too-long = Verwenden Sie höchstens { $max } Zeichen (dieser Name hat { $has }).
apppw-form-not-a-network = „{ $entry }“ ist weder eine IP-Adresse noch ein Netzwerk. Schreiben Sie Bereiche wie 192.0.2.0/24 oder 2001:db8::/32.
apppw-form-too-many-networks = Geben Sie höchstens { $max } Netzwerke an.
# The recent-activity table: what the person did.
apppw-activity-create = App-Passwort erstellt
apppw-activity-apple-profile = Apple-Profil heruntergeladen
apppw-activity-revoke = App-Passwort widerrufen
apppw-activity-revoke-all = Alle App-Passwörter widerrufen
apppw-activity-revoke-api-key = API-Schlüssel widerrufen
apppw-activity-sign-in = Angemeldet
apppw-activity-sign-out = Abgemeldet
apppw-activity-sign-out-everywhere = Überall abgemeldet
apppw-activity-other = Andere Änderung
# Where it was done from: $browser is Edge, Firefox, Chrome, Safari or "unknown"; $os is iOS, Android, macOS, Windows, Linux or "unknown".
apppw-activity-user-agent = { $browser ->
        [unknown] Ein Browser
       *[other] { $browser }
    } unter { $os ->
        [unknown] einem unbekannten System
       *[other] { $os }
    }
apppw-list-last-used = Zuletzt verwendet
apppw-list-never-used = Noch nie verwendet
apppw-list-usage-unknown = Noch nicht gemeldet
apppw-list-unused = Seit 90 Tagen nicht verwendet. Wenn kein Gerät es mehr braucht, widerrufen Sie es.
apppw-list-revoke-unused = Widerrufen
apppw-list-failures = { $count ->
    [one] Eine fehlgeschlagene Anmeldung in 30 Tagen, am { $when } von { $ip }
   *[other] { $count } fehlgeschlagene Anmeldungen in 30 Tagen, zuletzt am { $when } von { $ip }
}
apppw-list-failures-many = Mehr als 99 fehlgeschlagene Anmeldungen in 30 Tagen, zuletzt am { $when } von { $ip }
