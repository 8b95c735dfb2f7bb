notify-created-subject = Neues App-Passwort „{ $name }“
notify-created-body = Guten Tag,

    für { $address } wurde am { $when } von { $from } ein neues App-Passwort „{ $name }“ erstellt.

    Wenn Sie das waren, ist nichts weiter zu tun.
    Wenn nicht, widerrufen Sie es jetzt und informieren Sie Ihre Administration:
    { $link }

    Diese Nachricht enthält niemals ein Passwort.
notify-apple-body = Guten Tag,

    für { $address } wurde am { $when } von { $from } ein Geräteprofil für iPhone, iPad oder Mac (mit eigenem App-Passwort) heruntergeladen.

    Wenn Sie das waren, ist nichts weiter zu tun.
    Wenn nicht, widerrufen Sie das Passwort jetzt und informieren Sie Ihre Administration:
    { $link }

    Diese Nachricht enthält niemals ein Passwort.
notify-unknown-place = einem unbekannten Ort
