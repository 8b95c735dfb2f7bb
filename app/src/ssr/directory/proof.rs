//! Proving that an organisation controls a mail domain before Postern routes its sign-ins or
//! creates it at a mail server: which names can be claimed at all, the TXT record to publish,
//! and what a lookup of that record shows.
//!
//! The record is `_postern-challenge.<domain>` TXT `token=<128-bit random, base32>
//! expiry=<RFC 3339>`. The words people see for each outcome live in the area that shows them;
//! this module only tells the outcomes apart.

use rand::RngCore;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The label the proof record is published under.
pub const CHALLENGE_LABEL: &str = "_postern-challenge";
/// How long a proof token may be published before it must be renewed.
pub const TOKEN_LIFETIME: time::Duration = time::Duration::days(7);

/// Why a name cannot be claimed as a mail domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    /// Longer than 253 characters, or a label longer than 63.
    TooLong,
    /// A character or label shape DNS host names do not allow (the text as typed).
    Malformed(String),
    /// A single label ("localhost", "com").
    NotQualified,
    /// A public suffix ("co.uk", "github.io"): nobody owns it, so nobody can prove it.
    PublicSuffix(String),
}

/// The domain as Postern stores it: lowercase ASCII (IDNA), no trailing dot; or why not.
pub fn claimable(input: &str) -> Result<String, Refusal> {
    let trimmed = input.trim().trim_end_matches('.');
    if trimmed.is_empty() {
        return Err(Refusal::Empty);
    }
    // IDNA: "bücher.example" → "xn--bcher-kva.example"; rejects what no host name may hold.
    let ascii = match url::Host::parse(trimmed) {
        Ok(url::Host::Domain(d)) => d,
        Ok(_) => return Err(Refusal::Malformed(trimmed.to_owned())),
        Err(_) => return Err(Refusal::Malformed(trimmed.to_owned())),
    };
    if ascii.len() > 253 {
        return Err(Refusal::TooLong);
    }
    let labels: Vec<&str> = ascii.split('.').collect();
    for label in &labels {
        if label.len() > 63 {
            return Err(Refusal::TooLong);
        }
        let ldh = label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if label.is_empty() || !ldh || label.starts_with('-') || label.ends_with('-') {
            return Err(Refusal::Malformed(trimmed.to_owned()));
        }
    }
    if labels.len() < 2 {
        return Err(Refusal::NotQualified);
    }
    if psl::suffix(ascii.as_bytes()).is_some_and(|s| s.as_bytes() == ascii.as_bytes()) {
        return Err(Refusal::PublicSuffix(ascii));
    }
    Ok(ascii)
}

/// A proof to publish for one domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub token: String,
    pub expires_at: OffsetDateTime,
}

impl Challenge {
    /// A fresh token (128 random bits, base32) valid for [`TOKEN_LIFETIME`] from `now`.
    pub fn new(now: OffsetDateTime) -> Self {
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        Self {
            token: data_encoding::BASE32_NOPAD
                .encode(&bytes)
                .to_ascii_lowercase(),
            expires_at: (now + TOKEN_LIFETIME).replace_nanosecond(0).expect("0 ns"),
        }
    }

    /// Where to publish it.
    pub fn record_name(domain: &str) -> String {
        format!("{CHALLENGE_LABEL}.{domain}")
    }

    /// The TXT value to publish.
    pub fn record_value(&self) -> String {
        let expiry = self.expires_at.format(&Rfc3339).expect("formats");
        format!("token={} expiry={expiry}", self.token)
    }
}

/// What a lookup of the proof record showed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The record carries this challenge's token, and it has not expired.
    Proven,
    /// No proof record at all (yet): DNS changes take a while to be seen.
    NotSeen,
    /// Proof records are there, but none with this token (an old or mistyped one).
    WrongToken,
    /// This challenge expired: renew it and publish the new record.
    Expired,
}

/// Judges the TXT records found at [`Challenge::record_name`]. Each record is given as the
/// strings DNS returned for it: a TXT record's strings are one value, so a long value split
/// into 255-byte strings counts as what they spell together.
pub fn judge(challenge: &Challenge, records: &[Vec<String>], now: OffsetDateTime) -> Finding {
    if now >= challenge.expires_at {
        return Finding::Expired;
    }
    let values: Vec<String> = records.iter().map(|strings| strings.concat()).collect();
    let ours = values.iter().any(|v| {
        v.split_ascii_whitespace()
            .any(|word| word.strip_prefix("token=") == Some(challenge.token.as_str()))
    });
    match (ours, values.is_empty()) {
        (true, _) => Finding::Proven,
        (false, true) => Finding::NotSeen,
        (false, false) => Finding::WrongToken,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &Rfc3339).unwrap()
    }

    #[test]
    fn ordinary_domains_and_subdomains_can_be_claimed_in_their_stored_form() {
        assert_eq!(claimable(" Example.ORG. ").unwrap(), "example.org");
        assert_eq!(
            claimable("mail.example.co.uk").unwrap(),
            "mail.example.co.uk"
        );
        assert_eq!(
            claimable("bücher.example").unwrap(),
            "xn--bcher-kva.example"
        );
        assert_eq!(claimable("gamma.test").unwrap(), "gamma.test");
    }

    #[test]
    fn public_suffixes_are_refused_by_name() {
        for suffix in ["co.uk", "com.au", "github.io", "s3.amazonaws.com"] {
            assert_eq!(
                claimable(suffix),
                Err(Refusal::PublicSuffix(suffix.into())),
                "{suffix}"
            );
        }
        assert_eq!(claimable("com"), Err(Refusal::NotQualified));
    }

    #[test]
    fn malformed_names_are_refused_as_typed() {
        assert_eq!(claimable(""), Err(Refusal::Empty));
        assert_eq!(claimable("  . "), Err(Refusal::Empty));
        for bad in [
            "exa mple.org",
            "-acme.org",
            "acme-.org",
            "acme..org",
            "acme_mail.org",
            "alice@acme.org",
            "192.0.2.1",
            "[::1]",
        ] {
            assert!(
                matches!(claimable(bad), Err(Refusal::Malformed(_))),
                "{bad}: {:?}",
                claimable(bad)
            );
        }
        assert_eq!(
            claimable(&format!("{}.org", "a".repeat(64))),
            Err(Refusal::TooLong)
        );
        let long = vec!["abcdefghi"; 26].join(".") + ".org";
        assert_eq!(claimable(&long), Err(Refusal::TooLong));
    }

    #[test]
    fn a_challenge_is_128_random_bits_in_base32_valid_for_seven_days() {
        let now = at("2026-11-30T08:00:00.5Z");
        let a = Challenge::new(now);
        let b = Challenge::new(now);
        assert_eq!(a.token.len(), 26);
        assert!(
            a.token
                .bytes()
                .all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c))
        );
        assert_ne!(a.token, b.token);
        assert_eq!(
            a.record_value(),
            format!("token={} expiry=2026-12-07T08:00:00Z", a.token)
        );
        assert_eq!(
            Challenge::record_name("gamma.test"),
            "_postern-challenge.gamma.test"
        );
    }

    #[test]
    fn a_lookup_is_proven_not_seen_wrong_or_expired() {
        let now = at("2026-11-30T08:00:00Z");
        let c = Challenge {
            token: "abcdefghijklmnopqrstuvwxyz".into(),
            expires_at: at("2026-12-07T08:00:00Z"),
        };
        let ours = vec![c.record_value()];
        assert_eq!(judge(&c, std::slice::from_ref(&ours), now), Finding::Proven);
        assert_eq!(judge(&c, &[], now), Finding::NotSeen);
        let stale = vec!["token=zzzzzzzzzzzzzzzzzzzzzzzzzz expiry=2026-12-01T00:00:00Z".to_owned()];
        assert_eq!(
            judge(&c, std::slice::from_ref(&stale), now),
            Finding::WrongToken
        );
        assert_eq!(
            judge(&c, &[stale, ours.clone()], now),
            Finding::Proven,
            "old record beside"
        );
        assert_eq!(
            judge(&c, &[ours], at("2026-12-07T08:00:00Z")),
            Finding::Expired
        );
        // A value some DNS providers split into several strings.
        let value = c.record_value();
        let split = vec![value[..10].to_owned(), value[10..].to_owned()];
        assert_eq!(judge(&c, &[split], now), Finding::Proven);
        // A token that merely starts like ours is not ours.
        let longer = vec![format!("token={}x", c.token)];
        assert_eq!(judge(&c, &[longer], now), Finding::WrongToken);
    }
}
