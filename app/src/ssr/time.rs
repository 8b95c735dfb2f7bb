//! Time as Postern stores it (epoch seconds), reads it from Stalwart (RFC 3339) and shows it.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Now, in epoch seconds (the database's time type).
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

pub fn parse_rfc3339(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

/// Now plus `days`, as the RFC 3339 UTC text Stalwart takes (whole seconds).
pub fn rfc3339_in_days(days: u32) -> String {
    let at = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("0 ns")
        + time::Duration::days(days.into());
    at.format(&Rfc3339).expect("formats")
}

/// "23 Nov 2026, 16:40 UTC" ("23. Nov. 2026, 16:40 UTC", "23 nov. 2026, 16:40 UTC"): in the
/// person's language, always in UTC (the time zone every page names).
pub fn format_time(t: OffsetDateTime) -> String {
    use crate::i18n::{format, text};
    let t = t.to_offset(time::UtcOffset::UTC);
    format(
        text::DATE_TIME,
        [
            ("day", t.day().to_string().into()),
            (
                "month",
                text::MONTHS[usize::from(u8::from(t.month())) - 1].into(),
            ),
            ("year", t.year().to_string().into()),
            ("time", format!("{:02}:{:02}", t.hour(), t.minute()).into()),
        ],
    )
}

/// An epoch-seconds time as [`format_time`] shows it.
pub fn format_epoch(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .map(format_time)
        .unwrap_or_default()
}

/// An RFC 3339 time as [`format_time`] shows it, or the text as it came.
pub fn format_rfc3339(s: &str) -> String {
    parse_rfc3339(s)
        .map(format_time)
        .unwrap_or_else(|| s.to_owned())
}
