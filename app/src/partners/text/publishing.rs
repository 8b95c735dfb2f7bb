//! The sentences of the DNS step: publishing a domain's records through the mail server.

use crate::i18n::{Key, format};

pub const STEP: Key = Key("publishing-step");
pub const INTRO: Key = Key("publishing-intro");
pub const NOTHING_AT_SERVER: Key = Key("publishing-nothing-at-server");
pub const MYSELF_TITLE: Key = Key("publishing-myself-title");
pub const FOR_ME_TITLE: Key = Key("publishing-for-me-title");
pub const FOR_ME_INTRO: Key = Key("publishing-for-me-intro");
pub const HOST: Key = Key("publishing-host");
pub const HOST_HINT: Key = Key("publishing-host-hint");
pub const PORT: Key = Key("publishing-port");
pub const TCP: Key = Key("publishing-tcp");
pub const KEY_NAME: Key = Key("publishing-key-name");
pub const KEY_NAME_HINT: Key = Key("publishing-key-name-hint");
pub const ALGORITHM: Key = Key("publishing-algorithm");
pub const SECRET: Key = Key("publishing-secret");
pub const SECRET_HINT: Key = Key("publishing-secret-hint");
pub const ORIGIN: Key = Key("publishing-origin");
pub const ORIGIN_HINT: Key = Key("publishing-origin-hint");
pub const TRY: Key = Key("publishing-try");
pub const TRYING: Key = Key("publishing-trying");
pub const HOST_NOT_IP: Key = Key("publishing-host-not-ip");
pub const PORT_INVALID: Key = Key("publishing-port-invalid");
pub const KEY_NAME_INVALID: Key = Key("publishing-key-name-invalid");
pub const ALGORITHM_INVALID: Key = Key("publishing-algorithm-invalid");
pub const SECRET_REQUIRED: Key = Key("publishing-secret-required");
pub const SECRET_NOT_BASE64: Key = Key("publishing-secret-not-base64");
pub const WRONG_KEY: Key = Key("publishing-wrong-key");
pub const TIMED_OUT: Key = Key("publishing-timed-out");
pub const UNREACHABLE: Key = Key("publishing-unreachable");
pub const AT_SERVER_FIRST: Key = Key("publishing-at-server-first");
pub const READ_DOMAIN: Key = Key("publishing-read-domain");
pub const READ_RECORDS: Key = Key("publishing-read-records");
pub const READ_TASKS: Key = Key("publishing-read-tasks");
pub const SAVE_SERVER: Key = Key("publishing-save-server");
pub const SWITCH_ON: Key = Key("publishing-switch-on");
pub const TRY_KEY_FIRST: Key = Key("publishing-try-key-first");
pub const TICK_TO_REPLACE: Key = Key("publishing-tick-to-replace");
pub const ADDED: Key = Key("publishing-added");
pub const REPLACED: Key = Key("publishing-replaced");
pub const NOW: Key = Key("publishing-now");
pub const THEN: Key = Key("publishing-then");
pub const RECORD: Key = Key("publishing-record");
pub const NOTHING: Key = Key("publishing-nothing");
pub const NOT_ANSWERED: Key = Key("publishing-not-answered");
pub const CONFIRM: Key = Key("publishing-confirm");
pub const PUBLISH: Key = Key("publishing-publish");
pub const PUBLISHING: Key = Key("publishing-publishing");
pub const AGAIN: Key = Key("publishing-again");
pub const TRY_OTHER: Key = Key("publishing-try-other");
pub const STATE_CHECKED: Key = Key("publishing-state-checked");
pub const STATE_PUBLISHING: Key = Key("publishing-state-publishing");
pub const STATE_PUBLISHED: Key = Key("publishing-state-published");
pub const STATE_FAILED: Key = Key("publishing-state-failed");
pub const RUNNING: Key = Key("publishing-running");
pub const RELOAD: Key = Key("publishing-reload");
pub const RECORDS: Key = Key("publishing-records");
pub const DKIM: Key = Key("publishing-dkim");
pub const SEEN: Key = Key("publishing-seen");
pub const NOT_SEEN_YET: Key = Key("publishing-not-seen-yet");
pub const SEEN_OTHER: Key = Key("publishing-seen-other");
pub const NOT_KNOWN: Key = Key("publishing-not-known");
pub const DKIM_SIGNING: Key = Key("publishing-dkim-signing");
pub const DKIM_WAITING_SERVER: Key = Key("publishing-dkim-waiting-server");
pub const DKIM_RESOLVER_BLIND: Key = Key("publishing-dkim-resolver-blind");
pub const DKIM_WAITING_DNS: Key = Key("publishing-dkim-waiting-dns");
pub const SERVER_WORDS: Key = Key("publishing-server-words");
pub const DETAIL: Key = Key("publishing-detail");
pub const FAILED_WRONG_KEY: Key = Key("publishing-failed-wrong-key");
pub const FAILED_REFUSED: Key = Key("publishing-failed-refused");
pub const FAILED_TIMED_OUT: Key = Key("publishing-failed-timed-out");
pub const FAILED_UNREACHABLE: Key = Key("publishing-failed-unreachable");
pub const FAILED_NOT_AUTOMATIC: Key = Key("publishing-failed-not-automatic");
pub const FAILED_OTHER: Key = Key("publishing-failed-other");
pub const NOT_PUBLISHING: Key = Key("publishing-not-publishing");
pub const SWITCH_OFF: Key = Key("publishing-switch-off");
pub const STOP: Key = Key("publishing-stop");
pub const STOP_HINT: Key = Key("publishing-stop-hint");
pub const RECORDS_GO: Key = Key("publishing-records-go");

pub fn host_inside(ip: &str) -> String {
    format(Key("publishing-host-inside"), [("ip", ip.into())])
}

pub fn origin_invalid(domain: &str) -> String {
    format(
        Key("publishing-origin-invalid"),
        [("domain", domain.into())],
    )
}

pub fn not_served(zone: &str, key: &str) -> String {
    format(
        Key("publishing-not-served"),
        [("zone", zone.into()), ("key", key.into())],
    )
}

pub fn refused(zone: &str, key: &str) -> String {
    format(
        Key("publishing-refused"),
        [("zone", zone.into()), ("key", key.into())],
    )
}

pub fn unusable(why: &str) -> String {
    format(Key("publishing-unusable"), [("why", why.into())])
}

pub fn not_visible(zone: &str) -> String {
    format(Key("publishing-not-visible"), [("zone", zone.into())])
}

pub fn trial_failed(why: &str) -> String {
    format(Key("publishing-trial-failed"), [("why", why.into())])
}

pub fn gone_at_server(domain: &str, server: &str) -> String {
    format(
        Key("publishing-gone-at-server"),
        [("domain", domain.into()), ("server", server.into())],
    )
}

pub fn already_publishing(domain: &str) -> String {
    format(Key("publishing-already"), [("domain", domain.into())])
}

pub fn key_works(zone: &str) -> String {
    format(Key("publishing-key-works"), [("zone", zone.into())])
}

pub fn publishing_started(zone: &str) -> String {
    format(Key("publishing-started"), [("zone", zone.into())])
}

pub fn removal_failed(zone: &str, why: &str) -> String {
    format(
        Key("publishing-removal-failed"),
        [("zone", zone.into()), ("why", why.into())],
    )
}

pub fn failed_not_served(zone: &str) -> String {
    format(Key("publishing-failed-not-served"), [("zone", zone.into())])
}

pub fn foreign_mx(hosts: &str) -> String {
    format(Key("publishing-foreign-mx"), [("hosts", hosts.into())])
}

pub fn foreign_spf(spf: &str) -> String {
    format(Key("publishing-foreign-spf"), [("spf", spf.into())])
}

pub fn unchanged(count: usize) -> String {
    format(Key("publishing-unchanged"), [("count", count.into())])
}

pub fn since(at: &str) -> String {
    format(Key("publishing-since"), [("at", at.into())])
}

pub fn server_is(server: &str, zone: &str) -> String {
    format(
        Key("publishing-server-is"),
        [("server", server.into()), ("zone", zone.into())],
    )
}

pub fn records_removed(zones: &str) -> String {
    format(Key("publishing-records-removed"), [("zones", zones.into())])
}

pub fn server_entry_kept(domains: &str) -> String {
    format(
        Key("publishing-server-entry-kept"),
        [("domains", domains.into())],
    )
}

pub fn records_stay_in(zones: &str) -> String {
    format(Key("publishing-records-stay-in"), [("zones", zones.into())])
}

pub fn myself(path: &str) -> String {
    format(Key("publishing-myself"), [("path", path.into())])
}

pub fn preview_title(zone: &str) -> String {
    format(Key("publishing-preview-title"), [("zone", zone.into())])
}

pub fn stopped(zone: &str) -> String {
    format(Key("publishing-stopped"), [("zone", zone.into())])
}
