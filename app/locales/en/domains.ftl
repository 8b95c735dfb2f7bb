domains-domains = Domains
domains-domains-intro = For each of your mail domains: the DNS records to publish at your DNS provider, and whether they are already visible.
domains-records = DNS records to publish
domains-type = Type
domains-name = Name
domains-value = Value
domains-priority = Priority
domains-importance = Needed
domains-status = Published?
domains-required = Required
domains-recommended = Recommended
domains-optional = Optional
domains-match = Published
domains-conflict = Different
domains-missing = Missing
domains-unknown = Unknown
domains-found = Found:
domains-checking = Checking…
domains-checking-note = Checking DNS now; this takes a few seconds.
domains-show-results = Show the results
domains-checked = Checked
domains-check-again = Check again
domains-checking-again = Checking DNS…
domains-download = Download zone file
domains-copy = Copy
domains-chunks = As 255-character strings (for DNS providers that want them split)
domains-dkim = DKIM keys
domains-selector = Selector
domains-algorithm = Algorithm
domains-stage = Stage
domains-created = Created
domains-record = TXT record
domains-no-dkim = This domain has no DKIM keys at the mail server.
domains-not-ours = That is not one of your organisation's domains.
# Completes "We could not …" (an action, lower case).
domains-read-records = read the DNS records
domains-checked-all = Checked: every record is published.
domains-checked-one = Checked: one record needs attention.
domains-rsa = RSA (SHA-256)
domains-ed25519 = Ed25519 (SHA-256)
domains-reason-mx = Sends mail for the domain to the mail server.
domains-reason-spf = Tells receivers which servers may send mail for the domain (SPF).
domains-reason-spf-host = SPF for the mail server's own name, used by bounces and reports.
domains-reason-dkim = Lets receivers verify the signature on every message (DKIM).
domains-reason-dmarc = Tells receivers what to do with mail that fails SPF and DKIM (DMARC).
domains-reason-mta-sts = Makes other servers deliver to you only over verified TLS (MTA-STS).
domains-reason-tls-rpt = Receives reports about TLS delivery problems (TLS-RPT).
domains-reason-srv = Lets mail, calendar and contacts apps find the servers by themselves.
domains-reason-autoconfig = Automatic account setup in Thunderbird and Outlook.
domains-reason-ua-autoconfig = Automatic account setup for newer mail apps.
domains-reason-caa = Limits which certificate authorities may issue certificates.
domains-reason-tlsa = Pins the mail server's certificate for DANE.
domains-reason-other = Published by the mail server's configuration.
domains-found-mx-elsewhere = The MX record points at another mail server.
domains-found-different-spf = A different SPF record is published.
domains-found-two-spf = There are two SPF records; receivers then treat SPF as broken. Merge them into one.
domains-found-dkim-mismatch = The published DKIM key does not match the mail server's key.
domains-found-dmarc-monitor-only = The DMARC policy is p=none: it only monitors, forged mail is still delivered.
domains-found-different-dmarc = A different DMARC policy is published.
domains-found-servfail = the DNS server failed to answer (SERVFAIL)
domains-found-no-server = no DNS server could be reached

domains-checked-some = { $count ->
        [one] Checked: { $count } record needs attention.
       *[other] Checked: { $count } records need attention.
    }
# $at: a date and time.
domains-checked-at = Checked { $at }
# The first line of the downloaded zone file; the code puts "; " (a zone-file comment) before it.
domains-zone-file-header = DNS records for { $domain }, from the mail server (Stalwart)

## Why a record's status is unknown, and what else a check found.
# $hosts: host names separated by commas.
domains-found-also-sent-to = Mail is also sent to { $hosts }; remove those MX records unless they are yours.
# $kind: a record type (TLSA, CAA …).
domains-found-not-checked = { $kind } records are not checked
domains-found-timed-out = the DNS server did not answer within { $seconds } s
# $code: a DNS answer code (REFUSED, NXDOMAIN …).
domains-found-answered = the DNS server answered { $code }
# $why: a technical error, not translated.
domains-found-failed = the lookup failed: { $why }
domains-published-by-server = The mail server publishes these records itself into the zone { $zone }, and keeps them current: there is nothing to copy by hand. The check below shows what DNS sees.
