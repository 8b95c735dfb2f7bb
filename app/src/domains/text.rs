//! Every sentence of the domain pages: labels, why each record matters, what a check found.

use crate::i18n::{Key, format};

pub const DOMAINS: Key = Key("domains-domains");
pub const DOMAINS_INTRO: Key = Key("domains-domains-intro");
pub const RECORDS: Key = Key("domains-records");
pub const TYPE: Key = Key("domains-type");
pub const NAME: Key = Key("domains-name");
pub const VALUE: Key = Key("domains-value");
pub const PRIORITY: Key = Key("domains-priority");
pub const IMPORTANCE: Key = Key("domains-importance");
pub const STATUS: Key = Key("domains-status");
pub const REQUIRED: Key = Key("domains-required");
pub const RECOMMENDED: Key = Key("domains-recommended");
pub const OPTIONAL: Key = Key("domains-optional");
pub const MATCH: Key = Key("domains-match");
pub const CONFLICT: Key = Key("domains-conflict");
pub const MISSING: Key = Key("domains-missing");
pub const UNKNOWN: Key = Key("domains-unknown");
pub const FOUND: Key = Key("domains-found");
pub const CHECKING: Key = Key("domains-checking");
pub const CHECKING_NOTE: Key = Key("domains-checking-note");
pub const SHOW_RESULTS: Key = Key("domains-show-results");
pub const CHECKED: Key = Key("domains-checked");
pub const CHECK_AGAIN: Key = Key("domains-check-again");
pub const CHECKING_AGAIN: Key = Key("domains-checking-again");
pub const DOWNLOAD: Key = Key("domains-download");
pub const COPY: Key = Key("domains-copy");
pub const CHUNKS: Key = Key("domains-chunks");
pub const DKIM: Key = Key("domains-dkim");
pub const SELECTOR: Key = Key("domains-selector");
pub const ALGORITHM: Key = Key("domains-algorithm");
pub const STAGE: Key = Key("domains-stage");
pub const CREATED: Key = Key("domains-created");
pub const RECORD: Key = Key("domains-record");
pub const NO_DKIM: Key = Key("domains-no-dkim");

pub const NOT_OURS: Key = Key("domains-not-ours");
/// Completes "We could not …" (de: "Wir konnten …: …", verb-final with "nicht"; fr: "Nous n'avons
/// pas pu … : …", an infinitive).
pub const READ_RECORDS: Key = Key("domains-read-records");

pub const CHECKED_ALL: Key = Key("domains-checked-all");
pub const CHECKED_ONE: Key = Key("domains-checked-one");

pub fn checked_some(count: usize) -> String {
    format(Key("domains-checked-some"), [("count", count.into())])
}

/// When the records were last checked: "Checked 23 Nov 2026, 16:40 UTC".
/// The mail server publishes the domain's records itself (set up in the partner console).
pub fn published_by_server(zone: &str) -> String {
    format(Key("domains-published-by-server"), [("zone", zone.into())])
}

pub fn checked_at(at: &str) -> String {
    format(Key("domains-checked-at"), [("at", at.into())])
}

/// The first line of the downloaded zone file: a zone-file comment (the `;` stays).
pub fn zone_file_header(domain: &str) -> String {
    let words = format(Key("domains-zone-file-header"), [("domain", domain.into())]);
    format!("; {words}")
}

pub const RSA: Key = Key("domains-rsa");
pub const ED25519: Key = Key("domains-ed25519");

/// Why a record matters, in one line.
pub mod reason {
    use crate::i18n::Key;
    pub const MX: Key = Key("domains-reason-mx");
    pub const SPF: Key = Key("domains-reason-spf");
    pub const SPF_HOST: Key = Key("domains-reason-spf-host");
    pub const DKIM: Key = Key("domains-reason-dkim");
    pub const DMARC: Key = Key("domains-reason-dmarc");
    pub const MTA_STS: Key = Key("domains-reason-mta-sts");
    pub const TLS_RPT: Key = Key("domains-reason-tls-rpt");
    pub const SRV: Key = Key("domains-reason-srv");
    pub const AUTOCONFIG: Key = Key("domains-reason-autoconfig");
    pub const UA_AUTOCONFIG: Key = Key("domains-reason-ua-autoconfig");
    pub const CAA: Key = Key("domains-reason-caa");
    pub const TLSA: Key = Key("domains-reason-tlsa");
    pub const OTHER: Key = Key("domains-reason-other");
}

/// What a DNS check found, beyond match or not.
pub mod found {
    use crate::i18n::{Key, format};
    pub const MX_ELSEWHERE: Key = Key("domains-found-mx-elsewhere");
    pub const DIFFERENT_SPF: Key = Key("domains-found-different-spf");
    pub const TWO_SPF: Key = Key("domains-found-two-spf");
    pub const DKIM_MISMATCH: Key = Key("domains-found-dkim-mismatch");
    pub const DMARC_MONITOR_ONLY: Key = Key("domains-found-dmarc-monitor-only");
    pub const DIFFERENT_DMARC: Key = Key("domains-found-different-dmarc");
    pub const SERVFAIL: Key = Key("domains-found-servfail");
    pub const NO_SERVER: Key = Key("domains-found-no-server");

    pub fn also_sent_to(hosts: &str) -> String {
        format(Key("domains-found-also-sent-to"), [("hosts", hosts.into())])
    }
    pub fn not_checked(kind: &str) -> String {
        format(Key("domains-found-not-checked"), [("kind", kind.into())])
    }
    pub fn timed_out(seconds: f32) -> String {
        // Tenths at most, without the float's noise (0.3, not 0.30000001192092896).
        let seconds = (f64::from(seconds) * 10.0).round() / 10.0;
        format(
            Key("domains-found-timed-out"),
            [("seconds", seconds.into())],
        )
    }
    pub fn answered(code: &str) -> String {
        format(Key("domains-found-answered"), [("code", code.into())])
    }
    pub fn failed(why: &str) -> String {
        format(Key("domains-found-failed"), [("why", why.into())])
    }
}
