### Convention for the { $action } sentences below ("We could not …"): German reads
### "Wir konnten { $action }: …". Every fragment that completes them, in every area, is a
### verb-final phrase that contains "nicht", e.g. "die Postfächer nicht auflisten",
### "den Mailserver nicht erreichen". After the colon a full sentence starts with a capital.

error-unauthorized = Bitte melden Sie sich an, um fortzufahren.
error-sign-in-again = Der Anmeldedienst Ihrer Organisation muss Ihre Administratorrechte erneut bestätigen.
error-forbidden = Sie haben keinen Zugriff auf diese Seite.
error-validation = Bitte korrigieren Sie die markierten Felder.
error-transport = Das Portal ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-internal = Bei uns ist etwas schiefgelaufen. Wenn das Problem bestehen bleibt, nennen Sie Ihrer Administration die Referenz { $reference }.
# $action completes "Wir konnten …": a verb-final fragment with "nicht" from another area, e.g. "Ihre App-Passwörter nicht abrufen".
error-stalwart-down = Wir konnten { $action }: Der Mailserver antwortet nicht. Es wurde nichts geändert. Bitte versuchen Sie es in ein paar Minuten erneut.
error-stalwart-timeout = Wir konnten { $action }: Der Mailserver hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es in ein paar Minuten erneut.
# $wait is one of the error-wait-* sentences.
error-stalwart-busy = Wir konnten { $action }: Der Mailserver ist gerade ausgelastet und hat uns gebeten, weniger Anfragen zu senden. Es wurde nichts geändert. { $wait }
error-stalwart-key-refused = Wir konnten { $action }: Der Mailserver hat die Zugangsdaten des Portals abgelehnt. Bitte informieren Sie Ihre Administration (der Stalwart-API-Schlüssel des Portals muss erneuert werden).
error-stalwart-permission = Wir konnten { $action }: Dem Portal fehlt eine Berechtigung auf dem Mailserver. Bitte informieren Sie Ihre Administration.
# How long to wait before trying again.
error-wait-moment = Versuchen Sie es gleich noch einmal.
error-wait-seconds = Versuchen Sie es in { $seconds ->
        [one] 1 Sekunde
       *[other] { $seconds } Sekunden
    } erneut.
error-wait-minutes = Versuchen Sie es in etwa { $minutes ->
        [one] 1 Minute
       *[other] { $minutes } Minuten
    } erneut.
error-wait-unknown = Warten Sie eine Minute und versuchen Sie es dann erneut.
# Completes "Wir konnten …: …" when even the first request to the mail server failed.
error-reach-mail-server = den Mailserver nicht erreichen
error-admins-only = Nur Administratoren Ihrer Organisation können das tun.
error-partners-only = Nur Administratoren einer Partnerorganisation können das tun.
error-audit-unavailable = Wir konnten diese Änderung nicht im Protokoll festhalten, daher wurde nichts geändert. Bitte versuchen Sie es in ein paar Minuten erneut; wenn das weiterhin passiert, informieren Sie Ihre Administration.
# $wait is one of the error-wait-* sentences.
error-rate-limited = Zu viele Versuche in kurzer Zeit. Zu Ihrer Sicherheit ist jetzt eine kurze Pause nötig. { $wait }
# Die eigenen Ablehnungen des Mailservers, erkannt und übersetzt.
error-stalwart-password-min-length = Das Passwort muss mindestens { $min } Zeichen lang sein.
error-stalwart-password-too-weak = Der Mailserver hält dieses Passwort für zu schwach, weil es zu verbreitet ist. Fügen Sie ein oder zwei Wörter hinzu; ungewöhnliche Wörter sind besser.
error-stalwart-app-password-quota = Sie haben die Höchstzahl von { $max } App-Passwörtern erreicht.
# Jede andere Ablehnung: unser Satz, dann die Worte des Mailservers, wie er sie geschickt hat.
error-stalwart-said = { $refusal } Der Mailserver meldete (auf Englisch): „{ $said }“
