//! Every sentence of the domain pages: labels, why each record matters, what a check found.

pub const DOMAINS: &str = "Domains";
pub const DOMAINS_INTRO: &str = "For each of your mail domains: the DNS records to publish at your DNS \
    provider, and whether they are already visible.";
pub const RECORDS: &str = "DNS records to publish";
pub const TYPE: &str = "Type";
pub const NAME: &str = "Name";
pub const VALUE: &str = "Value";
pub const PRIORITY: &str = "Priority";
pub const IMPORTANCE: &str = "Needed";
pub const STATUS: &str = "Published?";
pub const REQUIRED: &str = "Required";
pub const RECOMMENDED: &str = "Recommended";
pub const OPTIONAL: &str = "Optional";
pub const MATCH: &str = "Published";
pub const CONFLICT: &str = "Different";
pub const MISSING: &str = "Missing";
pub const UNKNOWN: &str = "Unknown";
pub const FOUND: &str = "Found:";
pub const CHECKING: &str = "Checking…";
pub const CHECKING_NOTE: &str = "Checking DNS now; this takes a few seconds.";
pub const SHOW_RESULTS: &str = "Show the results";
pub const CHECKED: &str = "Checked";
pub const CHECK_AGAIN: &str = "Check again";
pub const CHECKING_AGAIN: &str = "Checking DNS…";
pub const DOWNLOAD: &str = "Download zone file";
pub const COPY: &str = "Copy";
pub const CHUNKS: &str = "As 255-character strings (for DNS providers that want them split)";
pub const DKIM: &str = "DKIM keys";
pub const SELECTOR: &str = "Selector";
pub const ALGORITHM: &str = "Algorithm";
pub const STAGE: &str = "Stage";
pub const CREATED: &str = "Created";
pub const RECORD: &str = "TXT record";
pub const NO_DKIM: &str = "This domain has no DKIM keys at the mail server.";

pub const NOT_OURS: &str = "That is not one of your organisation's domains.";
/// Completes "We could not …".
pub const READ_RECORDS: &str = "read the DNS records";

pub const CHECKED_ALL: &str = "Checked: every record is published.";
pub const CHECKED_ONE: &str = "Checked: one record needs attention.";

pub fn checked_some(count: usize) -> String {
    format!("Checked: {count} records need attention.")
}

pub fn zone_file_header(domain: &str) -> String {
    format!("; DNS records for {domain}, from the mail server (Stalwart)")
}

pub const RSA: &str = "RSA (SHA-256)";
pub const ED25519: &str = "Ed25519 (SHA-256)";

/// Why a record matters, in one line.
pub mod reason {
    pub const MX: &str = "Sends mail for the domain to the mail server.";
    pub const SPF: &str = "Tells receivers which servers may send mail for the domain (SPF).";
    pub const SPF_HOST: &str = "SPF for the mail server's own name, used by bounces and reports.";
    pub const DKIM: &str = "Lets receivers verify the signature on every message (DKIM).";
    pub const DMARC: &str = "Tells receivers what to do with mail that fails SPF and DKIM (DMARC).";
    pub const MTA_STS: &str =
        "Makes other servers deliver to you only over verified TLS (MTA-STS).";
    pub const TLS_RPT: &str = "Receives reports about TLS delivery problems (TLS-RPT).";
    pub const SRV: &str = "Lets mail, calendar and contacts apps find the servers by themselves.";
    pub const AUTOCONFIG: &str = "Automatic account setup in Thunderbird and Outlook.";
    pub const UA_AUTOCONFIG: &str = "Automatic account setup for newer mail apps.";
    pub const CAA: &str = "Limits which certificate authorities may issue certificates.";
    pub const TLSA: &str = "Pins the mail server's certificate for DANE.";
    pub const OTHER: &str = "Published by the mail server's configuration.";
}

/// What a DNS check found, beyond match or not.
pub mod found {
    pub const MX_ELSEWHERE: &str = "The MX record points at another mail server.";
    pub const DIFFERENT_SPF: &str = "A different SPF record is published.";
    pub const TWO_SPF: &str =
        "There are two SPF records; receivers then treat SPF as broken. Merge them into one.";
    pub const DKIM_MISMATCH: &str = "The published DKIM key does not match the mail server's key.";
    pub const DMARC_MONITOR_ONLY: &str =
        "The DMARC policy is p=none: it only monitors, forged mail is still delivered.";
    pub const DIFFERENT_DMARC: &str = "A different DMARC policy is published.";
    pub const SERVFAIL: &str = "the DNS server failed to answer (SERVFAIL)";
    pub const NO_SERVER: &str = "no DNS server could be reached";

    pub fn also_sent_to(hosts: &str) -> String {
        format!("Mail is also sent to {hosts}; remove those MX records unless they are yours.")
    }
    pub fn not_checked(kind: &str) -> String {
        format!("{kind} records are not checked")
    }
    pub fn timed_out(seconds: f32) -> String {
        format!("the DNS server did not answer within {seconds} s")
    }
    pub fn answered(code: &str) -> String {
        format!("the DNS server answered {code}")
    }
    pub fn failed(why: &str) -> String {
        format!("the lookup failed: {why}")
    }
}
