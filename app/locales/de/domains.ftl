domains-domains = Domains
domains-domains-intro = Für jede Ihrer Mail-Domains: die DNS-Einträge, die Sie bei Ihrem DNS-Anbieter veröffentlichen müssen, und ob sie bereits sichtbar sind.
domains-records = Zu veröffentlichende DNS-Einträge
domains-type = Typ
domains-name = Name
domains-value = Wert
domains-priority = Priorität
domains-importance = Benötigt
domains-status = Veröffentlicht?
domains-required = Erforderlich
domains-recommended = Empfohlen
domains-optional = Optional
domains-match = Veröffentlicht
domains-conflict = Abweichend
domains-missing = Fehlt
domains-unknown = Unbekannt
domains-found = Gefunden:
domains-checking = Wird geprüft…
domains-checking-note = Das DNS wird gerade geprüft; das dauert einige Sekunden.
domains-show-results = Ergebnisse anzeigen
domains-checked = Geprüft
domains-check-again = Erneut prüfen
domains-checking-again = DNS wird geprüft…
domains-download = Zonendatei herunterladen
domains-copy = Kopieren
domains-chunks = Als Zeichenketten zu je 255 Zeichen (für DNS-Anbieter, die sie aufgeteilt verlangen)
domains-dkim = DKIM-Schlüssel
domains-selector = Selektor
domains-algorithm = Algorithmus
domains-stage = Phase
domains-created = Erstellt
domains-record = TXT-Eintrag
domains-no-dkim = Für diese Domain gibt es auf dem Mailserver keine DKIM-Schlüssel.
domains-not-ours = Diese Domain gehört nicht zu Ihrer Organisation.
# Completes "We could not …" (an action, lower case).
# German: "Wir konnten { $action }: …", so verb-final with "nicht".
domains-read-records = die DNS-Einträge nicht abrufen
domains-checked-all = Geprüft: Alle Einträge sind veröffentlicht.
domains-checked-one = Geprüft: Ein Eintrag braucht Ihre Aufmerksamkeit.
domains-rsa = RSA (SHA-256)
domains-ed25519 = Ed25519 (SHA-256)
domains-reason-mx = Leitet E-Mails für die Domain an den Mailserver.
domains-reason-spf = Teilt Empfängern mit, welche Server E-Mails für die Domain senden dürfen (SPF).
domains-reason-spf-host = SPF für den eigenen Namen des Mailservers, genutzt von Unzustellbarkeitsnachrichten und Berichten.
domains-reason-dkim = Lässt Empfänger die Signatur jeder Nachricht prüfen (DKIM).
domains-reason-dmarc = Teilt Empfängern mit, was mit E-Mails geschehen soll, die SPF und DKIM nicht bestehen (DMARC).
domains-reason-mta-sts = Sorgt dafür, dass andere Server nur über geprüftes TLS an Sie zustellen (MTA-STS).
domains-reason-tls-rpt = Empfängt Berichte über Probleme bei der TLS-Zustellung (TLS-RPT).
domains-reason-srv = Lässt Mail-, Kalender- und Kontakte-Apps die Server selbst finden.
domains-reason-autoconfig = Automatische Kontoeinrichtung in Thunderbird und Outlook.
domains-reason-ua-autoconfig = Automatische Kontoeinrichtung für neuere Mail-Apps.
domains-reason-caa = Legt fest, welche Zertifizierungsstellen Zertifikate ausstellen dürfen.
domains-reason-tlsa = Bindet das Zertifikat des Mailservers für DANE.
domains-reason-other = Von der Konfiguration des Mailservers veröffentlicht.
domains-found-mx-elsewhere = Der MX-Eintrag zeigt auf einen anderen Mailserver.
domains-found-different-spf = Es ist ein anderer SPF-Eintrag veröffentlicht.
domains-found-two-spf = Es gibt zwei SPF-Einträge; Empfänger werten SPF dann als fehlerhaft. Fassen Sie sie zu einem zusammen.
domains-found-dkim-mismatch = Der veröffentlichte DKIM-Schlüssel stimmt nicht mit dem Schlüssel des Mailservers überein.
domains-found-dmarc-monitor-only = Die DMARC-Richtlinie ist p=none: Sie beobachtet nur, gefälschte E-Mails werden trotzdem zugestellt.
domains-found-different-dmarc = Es ist eine andere DMARC-Richtlinie veröffentlicht.
domains-found-servfail = der DNS-Server konnte nicht antworten (SERVFAIL)
domains-found-no-server = kein DNS-Server war erreichbar

domains-checked-some = { $count ->
        [one] Geprüft: { $count } Eintrag braucht Ihre Aufmerksamkeit.
       *[other] Geprüft: { $count } Einträge brauchen Ihre Aufmerksamkeit.
    }
# $at: a date and time.
domains-checked-at = Geprüft am { $at }
# The first line of the downloaded zone file; the code puts "; " (a zone-file comment) before it.
domains-zone-file-header = DNS-Einträge für { $domain }, bereitgestellt vom Mailserver (Stalwart)

## Why a record's status is unknown, and what else a check found.
# $hosts: host names separated by commas.
domains-found-also-sent-to = E-Mails gehen auch an { $hosts }; entfernen Sie diese MX-Einträge, sofern es nicht Ihre Server sind.
# $kind: a record type (TLSA, CAA …).
domains-found-not-checked = { $kind }-Einträge werden nicht geprüft
domains-found-timed-out = der DNS-Server hat nicht innerhalb von { $seconds } s geantwortet
# $code: a DNS answer code (REFUSED, NXDOMAIN …).
domains-found-answered = der DNS-Server antwortete { $code }
# $why: a technical error, not translated.
domains-found-failed = die Abfrage ist fehlgeschlagen: { $why }
domains-published-by-server = Der Mailserver veröffentlicht diese Einträge selbst in der Zone { $zone } und hält sie aktuell: Sie müssen nichts von Hand übertragen. Die Prüfung unten zeigt, was das DNS sieht.
