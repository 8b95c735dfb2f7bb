//! The person's language. Every sentence Postern shows lives in `app/locales/<lang>/*.ftl`
//! (Fluent: placeholders, plurals and grammatical cases are the translator's, not the code's);
//! each area's `text.rs` names its sentences with [`Key`]s and formats those with arguments
//! through [`format`]. Only the server holds the sentences: islands get theirs as props, so the
//! browser receives the active language's words and no others.
//!
//! The crate is `fluent-templates` (Project Fluent, compiled into the server with
//! `static_loader!`): Fluent gives translators plurals, placeholders and selectors by CLDR
//! rules, and the loader needs no Leptos integration, so the choice of language, the cookie and
//! what reaches the browser stay ours. `leptos_i18n` generates a module per key (checked at
//! compile time, but long builds, and every locale in the wasm unless loaded on demand);
//! `leptos-fluent` brings its own context, cookie and negotiation; `rust-i18n` has no plural
//! rules. Keys are checked by `app/tests/locales.rs` instead.
//!
//! Which language a request gets ([`negotiate`]): the person's choice (the language cookie,
//! set by the selector in the page frame and from their saved preference at sign-in), else the
//! best of their browser's `Accept-Language` that Postern speaks, else their organisation's
//! default (a cookie set at sign-in), else English.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "ssr")]
mod lookup;
#[cfg(feature = "ssr")]
use lookup::REQUEST_LOCALE;
#[cfg(feature = "ssr")]
pub use lookup::{negotiate, scope};

/// The cookie that keeps the person's choice of language (a year; survives signing out).
pub const CHOICE_COOKIE: &str = "postern_lang";
/// The cookie that carries the organisation's default language, set at sign-in.
pub const ORGANISATION_COOKIE: &str = "postern_org_lang";

/// A language Postern speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::De, Locale::Fr];

    /// The BCP 47 tag (`<html lang>`, cookies, preferences).
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// Exactly "en", "de" or "fr" (what a form or the database holds) → the language.
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// "de", "de-AT", "FR-ch" … → the language; anything else → `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The best language of an `Accept-Language` header that Postern speaks (highest `q`,
    /// then the order given); `None` when it names none of them.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, f32)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let Some(locale) = parts.next().and_then(Locale::parse) else {
                continue;
            };
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
                best = Some((locale, q));
            }
        }
        best.map(|(l, _)| l)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The language of what is being rendered or handled now: the page's (Leptos context), else
/// the request's (set by the server's language layer for the whole request), else English.
pub fn current() -> Locale {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(locale) = use_context::<Locale>() {
            return locale;
        }
        if let Some(parts) = use_context::<http::request::Parts>()
            && let Some(locale) = parts.extensions.get::<Locale>()
        {
            return *locale;
        }
        REQUEST_LOCALE.try_with(|l| *l).unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    Locale::En
}

/// An argument of a sentence: text, or a number (which plural rules and number formatting
/// see as one).
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}
impl From<Key> for Arg<'_> {
    fn from(k: Key) -> Self {
        Arg::Text(Cow::Owned(k.get()))
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// `key` in the current language with its placeholders filled:
/// `format(text::REVOKED, [("name", name.into())])`.
pub fn format<'a>(key: Key, args: impl IntoIterator<Item = (&'static str, Arg<'a>)>) -> String {
    format_in(current(), key, args)
}

/// [`format`] in a given language.
pub fn format_in<'a>(
    locale: Locale,
    key: Key,
    args: impl IntoIterator<Item = (&'static str, Arg<'a>)>,
) -> String {
    #[cfg(feature = "ssr")]
    {
        lookup::with_args(locale, key.0, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Only islands run in the browser, and they are handed their words as props.
        let _ = (locale, args.into_iter().count());
        key.0.to_owned()
    }
}

/// The words of the language selector, and of numbers, sizes and times.
pub mod text {
    use super::Key;
    /// The language's own name ("Deutsch"), shown in the selector in that language.
    pub const LANGUAGE_NAME: Key = Key("i18n-language-name");
    pub const LANGUAGE_LABEL: Key = Key("i18n-language-label");
    pub const LANGUAGE_CHANGE: Key = Key("i18n-language-change");
    pub const DECIMAL_SEPARATOR: Key = Key("i18n-decimal-separator");
    pub const SIZE_BYTES: Key = Key("i18n-size-bytes");
    pub const SIZE_UNITS: [Key; 4] = [
        Key("i18n-size-kb"),
        Key("i18n-size-mb"),
        Key("i18n-size-gb"),
        Key("i18n-size-tb"),
    ];
    pub const MONTHS: [Key; 12] = [
        Key("i18n-month-1"),
        Key("i18n-month-2"),
        Key("i18n-month-3"),
        Key("i18n-month-4"),
        Key("i18n-month-5"),
        Key("i18n-month-6"),
        Key("i18n-month-7"),
        Key("i18n-month-8"),
        Key("i18n-month-9"),
        Key("i18n-month-10"),
        Key("i18n-month-11"),
        Key("i18n-month-12"),
    ];
    pub const DATE_TIME: Key = Key("i18n-date-time");
    pub const DATE: Key = Key("i18n-date");
    /// The audit log's actors that are not people.
    pub const ACTOR_SCIM: Key = Key("i18n-actor-scim");
    pub const ACTOR_DIRECTORY_SYNC: Key = Key("i18n-actor-directory-sync");
    pub const ACTOR_BACKCHANNEL_LOGOUT: Key = Key("i18n-actor-backchannel-logout");
    pub const ACTOR_COMMAND_LINE: Key = Key("i18n-actor-command-line");
    pub const ACTOR_DNS_CHECK: Key = Key("i18n-actor-dns-check");
    pub const ACTOR_MAIL_SERVER: Key = Key("i18n-actor-mail-server");
}

/// 1536 → "1.5 KB" ("1,5 KB", "1,5 Ko"): binary units, as mail servers count quotas.
pub fn format_bytes(bytes: u64) -> String {
    let mut value = bytes as f64;
    let mut unit = None;
    while value >= 1024.0 && unit.is_none_or(|u| u < text::SIZE_UNITS.len() - 1) {
        value /= 1024.0;
        unit = Some(unit.map_or(0, |u| u + 1));
    }
    let Some(unit) = unit else {
        return format(text::SIZE_BYTES, [("n", bytes.into())]);
    };
    let number = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}").replace('.', &text::DECIMAL_SEPARATOR.get())
    };
    format(text::SIZE_UNITS[unit], [("value", number.into())])
}

/// The name of one sentence in the locale files. Renders, and converts to a `String`, in the
/// [`current`] language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key(pub &'static str);

impl Key {
    /// The sentence in the current language.
    pub fn get(self) -> String {
        self.get_in(current())
    }

    /// The sentence in `locale`.
    pub fn get_in(self, locale: Locale) -> String {
        #[cfg(feature = "ssr")]
        {
            lookup::sentence(locale, self.0, None)
        }
        #[cfg(not(feature = "ssr"))]
        {
            // Only islands run in the browser, and they are handed their words as props.
            let _ = locale;
            self.0.to_owned()
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.get())
    }
}

impl From<Key> for String {
    fn from(key: Key) -> String {
        key.get()
    }
}

impl leptos::prelude::IntoRender for Key {
    type Output = String;
    fn into_render(self) -> String {
        self.get()
    }
}

impl From<Key> for leptos::text_prop::TextProp {
    fn from(key: Key) -> Self {
        key.get().into()
    }
}

impl leptos::prelude::IntoAttributeValue for Key {
    type Output = String;
    fn into_attribute_value(self) -> String {
        self.get()
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use super::Locale;

    #[test]
    fn sizes_read_like_a_person_would_say_them() {
        use super::format_bytes;
        assert_eq!(format_bytes(0), "0 bytes");
        assert_eq!(format_bytes(1), "1 byte");
        assert_eq!(format_bytes(1536), "1.5 KB");
        assert_eq!(format_bytes(1073741824), "1 GB");
        let german = super::scope(Locale::De, async { format_bytes(1536) });
        let french = super::scope(Locale::Fr, async {
            format_bytes(5 * 1024 * 1024 + 512 * 1024)
        });
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        assert_eq!(rt.block_on(german), "1,5 KB");
        assert_eq!(rt.block_on(french), "5,5 Mo");
    }

    #[test]
    fn numbers_are_written_the_way_each_language_writes_them() {
        use super::{Key, format_in};
        // "Try again in { $seconds } seconds." with a number too large to be likely: grouping.
        let key = Key("error-wait-seconds");
        let said = |l| format_in(l, key, [("seconds", 12345.into())]);
        assert!(said(Locale::En).contains("12,345"), "{}", said(Locale::En));
        assert!(said(Locale::De).contains("12.345"), "{}", said(Locale::De));
        assert!(
            said(Locale::Fr).contains("12\u{202f}345"),
            "{}",
            said(Locale::Fr)
        );
        let decimal = |l| format_in(l, Key("domains-found-timed-out"), [("seconds", 1.5.into())]);
        assert!(
            decimal(Locale::De).contains("1,5"),
            "{}",
            decimal(Locale::De)
        );
        assert!(
            decimal(Locale::En).contains("1.5"),
            "{}",
            decimal(Locale::En)
        );
        let small = format_in(Locale::De, key, [("seconds", 30.into())]);
        assert!(small.contains(" 30 "), "{small}");
    }

    #[test]
    fn accept_language_picks_the_best_language_we_speak() {
        assert_eq!(Locale::from_accept_language("de"), Some(Locale::De));
        assert_eq!(
            Locale::from_accept_language("it-IT,it;q=0.9,fr;q=0.8,de;q=0.7"),
            Some(Locale::Fr)
        );
        assert_eq!(
            Locale::from_accept_language("en;q=0.5, de-CH"),
            Some(Locale::De)
        );
        assert_eq!(Locale::from_accept_language("it, es;q=0.5"), None);
        assert_eq!(
            Locale::from_accept_language("de;q=0, fr;q=0.1"),
            Some(Locale::Fr)
        );
        assert_eq!(Locale::from_accept_language(""), None);
        assert_eq!(Locale::parse("FR-ca"), Some(Locale::Fr));
    }
}
