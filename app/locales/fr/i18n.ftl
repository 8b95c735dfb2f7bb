# Le sélecteur de langue, et l'écriture des nombres, des tailles et des dates.
i18n-language-name = Français
i18n-language-label = Langue
i18n-language-change = Changer de langue
i18n-decimal-separator = ,
i18n-size-bytes =
    { $n ->
        [one] 1 octet
       *[other] { $n } octets
    }
i18n-size-kb = { $value } Ko
i18n-size-mb = { $value } Mo
i18n-size-gb = { $value } Go
i18n-size-tb = { $value } To
i18n-month-1 = janv.
i18n-month-2 = févr.
i18n-month-3 = mars
i18n-month-4 = avr.
i18n-month-5 = mai
i18n-month-6 = juin
i18n-month-7 = juil.
i18n-month-8 = août
i18n-month-9 = sept.
i18n-month-10 = oct.
i18n-month-11 = nov.
i18n-month-12 = déc.
# « 23 nov. 2026, 16:40 UTC »
i18n-date-time = { $day } { $month } { $year }, { $time } UTC
i18n-date = { $day } { $month } { $year }
# Les acteurs du journal qui ne sont pas des personnes.
i18n-actor-scim = fournisseur d'identité (SCIM)
i18n-actor-directory-sync = fournisseur d'identité (synchronisation de l'annuaire)
i18n-actor-backchannel-logout = fournisseur d'identité (déconnexion back-channel)
i18n-actor-command-line = opérateur (ligne de commande)
i18n-actor-dns-check = Postern (vérification DNS en arrière-plan)
i18n-actor-mail-server = serveur de messagerie (modifié en dehors de Postern)
