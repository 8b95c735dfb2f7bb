# Die Sprachauswahl und wie Zahlen, Größen und Zeiten geschrieben werden.
i18n-language-name = Deutsch
i18n-language-label = Sprache
i18n-language-change = Sprache wechseln
i18n-decimal-separator = ,
i18n-size-bytes =
    { $n ->
        [one] 1 Byte
       *[other] { $n } Bytes
    }
i18n-size-kb = { $value } KB
i18n-size-mb = { $value } MB
i18n-size-gb = { $value } GB
i18n-size-tb = { $value } TB
i18n-month-1 = Jan.
i18n-month-2 = Feb.
i18n-month-3 = März
i18n-month-4 = Apr.
i18n-month-5 = Mai
i18n-month-6 = Juni
i18n-month-7 = Juli
i18n-month-8 = Aug.
i18n-month-9 = Sept.
i18n-month-10 = Okt.
i18n-month-11 = Nov.
i18n-month-12 = Dez.
# „23. Nov. 2026, 16:40 UTC“
i18n-date-time = { $day }. { $month } { $year }, { $time } UTC
i18n-date = { $day }. { $month } { $year }
# Die Akteure im Protokoll, die keine Personen sind.
i18n-actor-scim = Identitätsanbieter (SCIM)
i18n-actor-directory-sync = Identitätsanbieter (Verzeichnisabgleich)
i18n-actor-backchannel-logout = Identitätsanbieter (Back-Channel-Abmeldung)
i18n-actor-command-line = Betreiber (Kommandozeile)
i18n-actor-dns-check = Postern (DNS-Prüfung im Hintergrund)
i18n-actor-mail-server = Mailserver (außerhalb von Postern geändert)
