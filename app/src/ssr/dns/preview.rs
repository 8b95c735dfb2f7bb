//! What publishing a domain's records through the mail server will do to its zone, to show
//! before a partner switches it on (live 141): the mail server replaces MX, SRV and CNAME
//! record sets wholesale, and the TXT at names it owns (`_dmarc.`, `._domainkey.`, …); at any
//! other name (the apex) it merges TXT, replacing only a record of the same `v=` family
//! (`v=spf1`) and keeping the rest. So a zone that already serves mail somewhere else loses
//! its MX and SPF: the preview names them, and the person ticks to go on.

use super::check::{DnsChecker, Unknown};
use super::zone::ZoneRecord;
use std::collections::BTreeMap;

/// One record set the mail server would write, and what is there now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub name: String,
    pub kind: String,
    /// Values as DNS shows them (MX "10 host", SRV "0 1 993 host", TXT joined).
    pub now: Vec<String>,
    pub then: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preview {
    /// Written where nothing of that name and type is, or beside what stays (a TXT of another
    /// kind at the apex).
    pub added: Vec<Change>,
    /// Something else is there now and will be gone.
    pub replaced: Vec<Change>,
    /// Already as the mail server would write it.
    pub unchanged: Vec<Change>,
    /// MX hosts the domain has now that are not the mail server: its mail would stop going
    /// there.
    pub foreign_mx: Vec<String>,
    /// The domain's SPF now, when it is not the one the mail server publishes.
    pub foreign_spf: Option<String>,
    /// Record sets DNS did not answer for (then the preview cannot say what is there).
    pub unknown: Vec<(String, String, Unknown)>,
}

impl Preview {
    /// Whether the person must confirm: publishing would remove someone else's mail routing.
    pub fn needs_confirmation(&self) -> bool {
        !self.foreign_mx.is_empty() || self.foreign_spf.is_some()
    }
}

/// TXT names the mail server owns: replaced, not merged.
const OWNED_TXT: [&str; 6] = [
    "_dmarc.",
    "_smtp._tls.",
    "_mta-sts.",
    "_ua-auto-config.",
    "_validation-persist.",
    "._domainkey.",
];

/// The record sets of `records` (the domain's `dnsZoneFile`) with their values as DNS shows
/// them, keyed by (name, type).
pub fn record_sets(records: &[ZoneRecord]) -> BTreeMap<(String, String), Vec<String>> {
    let mut sets: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for r in records {
        let value = match (r.kind.as_str(), r.priority) {
            ("MX" | "SRV", Some(p)) => format!("{p} {}", r.value),
            _ => r.value.clone(),
        };
        sets.entry((r.name.clone(), r.kind.clone()))
            .or_default()
            .push(value);
    }
    sets
}

/// The preview of writing `planned` over `existing` (both as [`record_sets`] keys them;
/// a set missing from `existing` is empty there, one in `unknown` was not answered).
pub fn plan(
    domain: &str,
    planned: &BTreeMap<(String, String), Vec<String>>,
    existing: &BTreeMap<(String, String), Vec<String>>,
    unknown: Vec<(String, String, Unknown)>,
) -> Preview {
    let mut preview = Preview {
        unknown,
        ..Preview::default()
    };
    for ((name, kind), then) in planned {
        if preview
            .unknown
            .iter()
            .any(|(n, k, _)| n == name && k == kind)
        {
            continue;
        }
        let now = existing
            .get(&(name.clone(), kind.clone()))
            .cloned()
            .unwrap_or_default();
        let merged = kind == "TXT" && !OWNED_TXT.iter().any(|o| format!("{name}.").contains(o));
        // What goes: all of it, or for a merged TXT the records of the families written.
        let families: Vec<Option<String>> = then.iter().map(|t| family(t)).collect();
        let gone: Vec<String> = now
            .iter()
            .filter(|v| !then.contains(v))
            .filter(|v| !merged || family(v).is_some_and(|f| families.contains(&Some(f))))
            .cloned()
            .collect();
        if name == domain && kind == "MX" {
            preview.foreign_mx = gone
                .iter()
                .map(|v| v.split_once(' ').map_or(v.as_str(), |(_, h)| h).to_owned())
                .collect();
        }
        if name == domain && kind == "TXT" {
            preview.foreign_spf = gone
                .iter()
                .find(|v| family(v).as_deref() == Some("spf1"))
                .cloned();
        }
        let change = Change {
            name: name.clone(),
            kind: kind.clone(),
            now,
            then: then.clone(),
        };
        if gone.is_empty() && then.iter().all(|t| change.now.contains(t)) {
            preview.unchanged.push(change);
        } else if gone.is_empty() {
            // Nothing goes: written beside what is there (or into nothing).
            preview.added.push(change);
        } else {
            preview.replaced.push(change);
        }
    }
    preview
}

impl DnsChecker {
    /// Looks up each record set the mail server would write for `domain` and previews the
    /// change.
    pub async fn preview(&self, domain: &str, records: &[ZoneRecord]) -> Preview {
        let planned = record_sets(records);
        let mut existing = BTreeMap::new();
        let mut unknown = Vec::new();
        for (name, kind) in planned.keys() {
            match self.values(name, kind).await {
                Ok(values) => {
                    existing.insert((name.clone(), kind.clone()), values);
                }
                Err(why) => unknown.push((name.clone(), kind.clone(), why)),
            }
        }
        plan(domain, &planned, &existing, unknown)
    }
}

/// `v=spf1 …` → `spf1` (without case); `None` without a `v=` prefix.
fn family(value: &str) -> Option<String> {
    let value = value.trim_start();
    let rest = value
        .get(..2)?
        .eq_ignore_ascii_case("v=")
        .then(|| &value[2..])?;
    Some(
        rest.split([';', ' '])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(items: &[(&str, &str, &[&str])]) -> BTreeMap<(String, String), Vec<String>> {
        items
            .iter()
            .map(|(n, k, v)| {
                (
                    ((*n).to_owned(), (*k).to_owned()),
                    v.iter().map(|s| (*s).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_zone_that_serves_mail_elsewhere_is_warned_about_and_other_txt_is_kept() {
        // Live 140/141: a foreign backup MX, a foreign SPF and a site verification.
        let planned = sets(&[
            ("example.org", "MX", &["10 mail.example.net"]),
            ("example.org", "TXT", &["v=spf1 mx -all"]),
            ("_dmarc.example.org", "TXT", &["v=DMARC1; p=reject"]),
            ("autoconfig.example.org", "CNAME", &["mail.example.net"]),
        ]);
        let existing = sets(&[
            ("example.org", "MX", &["20 backup-mx.other-provider.net"]),
            (
                "example.org",
                "TXT",
                &[
                    "v=spf1 include:_spf.other-provider.net -all",
                    "site-verification=keep-me-123",
                ],
            ),
            ("autoconfig.example.org", "CNAME", &["mail.example.net"]),
        ]);
        let preview = plan("example.org", &planned, &existing, Vec::new());
        assert_eq!(preview.foreign_mx, ["backup-mx.other-provider.net"]);
        assert_eq!(
            preview.foreign_spf.as_deref(),
            Some("v=spf1 include:_spf.other-provider.net -all")
        );
        assert!(preview.needs_confirmation());
        let names = |c: &[Change]| -> Vec<String> {
            c.iter().map(|c| format!("{} {}", c.name, c.kind)).collect()
        };
        assert_eq!(names(&preview.added), ["_dmarc.example.org TXT"]);
        assert_eq!(
            names(&preview.replaced),
            ["example.org MX", "example.org TXT"]
        );
        assert_eq!(names(&preview.unchanged), ["autoconfig.example.org CNAME"]);
    }

    #[test]
    fn an_empty_zone_or_one_already_published_needs_no_confirmation() {
        let planned = sets(&[
            ("example.org", "MX", &["10 mail.example.net"]),
            ("example.org", "TXT", &["v=spf1 mx -all"]),
        ]);
        let empty = plan("example.org", &planned, &BTreeMap::new(), Vec::new());
        assert!(!empty.needs_confirmation());
        assert_eq!(empty.added.len(), 2);
        // A verification TXT alone is kept, not replaced.
        let verified = sets(&[("example.org", "TXT", &["google-site-verification=x"])]);
        let kept = plan("example.org", &planned, &verified, Vec::new());
        assert!(!kept.needs_confirmation());
        assert_eq!(kept.added.len(), 2);
        let done = plan("example.org", &planned, &planned, Vec::new());
        assert_eq!(done.unchanged.len(), 2);
        assert!(done.replaced.is_empty() && done.added.is_empty());
    }

    #[test]
    fn a_record_set_dns_did_not_answer_for_is_said_unknown_not_added() {
        let planned = sets(&[("example.org", "MX", &["10 mail.example.net"])]);
        let preview = plan(
            "example.org",
            &planned,
            &BTreeMap::new(),
            vec![("example.org".into(), "MX".into(), Unknown::ServFail)],
        );
        assert!(preview.added.is_empty());
        assert_eq!(preview.unknown.len(), 1);
    }
}
