# The language selector, and how numbers, sizes and times are written.
i18n-language-name = English
i18n-language-label = Language
i18n-language-change = Change language
i18n-decimal-separator = .
i18n-size-bytes =
    { $n ->
        [one] 1 byte
       *[other] { $n } bytes
    }
i18n-size-kb = { $value } KB
i18n-size-mb = { $value } MB
i18n-size-gb = { $value } GB
i18n-size-tb = { $value } TB
i18n-month-1 = Jan
i18n-month-2 = Feb
i18n-month-3 = Mar
i18n-month-4 = Apr
i18n-month-5 = May
i18n-month-6 = Jun
i18n-month-7 = Jul
i18n-month-8 = Aug
i18n-month-9 = Sep
i18n-month-10 = Oct
i18n-month-11 = Nov
i18n-month-12 = Dec
# "23 Nov 2026, 16:40 UTC"
i18n-date-time = { $day } { $month } { $year }, { $time } UTC
# "23 Nov 2026"
i18n-date = { $day } { $month } { $year }
# The audit log's actors that are not people.
i18n-actor-scim = identity provider (SCIM)
i18n-actor-directory-sync = identity provider (directory sync)
i18n-actor-backchannel-logout = identity provider (back-channel logout)
i18n-actor-command-line = operator (command line)
i18n-actor-dns-check = Postern (background DNS check)
i18n-actor-mail-server = mail server (changed outside Postern)
