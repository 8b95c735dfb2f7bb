//! The sentences, compiled into the server from `app/locales`, and the request's language.

use super::{Arg, Locale};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, langid};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around placeholders: our arguments are addresses,
        // names and numbers inside left-to-right sentences. Numbers as each language
        // writes them.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number));
        },
    };
}

/// How a language writes numbers: 10,000.5 · 10.000,5 · 10 000,5 (French groups with a
/// narrow no-break space).
struct Separators {
    group: &'static str,
    decimal: &'static str,
}

impl intl_memoizer::Memoizable for Separators {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(match lang.language.as_str() {
            "de" => Separators {
                group: ".",
                decimal: ",",
            },
            "fr" => Separators {
                group: "\u{202f}",
                decimal: ",",
            },
            _ => Separators {
                group: ",",
                decimal: ".",
            },
        })
    }
}

impl Separators {
    /// `plain` as Rust writes an f64 ("-12345.5") in this language's way.
    fn apply(&self, plain: &str) -> String {
        let (sign, digits) = plain.strip_prefix('-').map_or(("", plain), |d| ("-", d));
        let (whole, fraction) = digits
            .split_once('.')
            .map_or((digits, None), |(w, f)| (w, Some(f)));
        let mut out = String::from(sign);
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(self.group);
            }
            out.push(digit);
        }
        if let Some(fraction) = fraction {
            out.push_str(self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

fn format_number(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let plain = number.as_string();
    memoizer
        .with_try_get::<Separators, _, _>((), |s| s.apply(&plain))
        .ok()
}

static IDS: LazyLock<[LanguageIdentifier; 3]> =
    LazyLock::new(|| [langid!("en"), langid!("de"), langid!("fr")]);

fn id(locale: Locale) -> &'static LanguageIdentifier {
    &IDS[locale as usize]
}

tokio::task_local! {
    /// The language of the request being handled, for code that runs outside a page's
    /// rendering (POST handlers, services called from them).
    pub(super) static REQUEST_LOCALE: Locale;
}

/// Runs `fut` (a request's handling) in `locale`.
pub async fn scope<F: Future>(locale: Locale, fut: F) -> F::Output {
    REQUEST_LOCALE.scope(locale, fut).await
}

/// The language a request gets: the `postern_lang` cookie (the person's choice), else the best
/// `Accept-Language` match, else the `postern_org_lang` cookie (their organisation's default),
/// else English.
pub fn negotiate(headers: &http::HeaderMap) -> Locale {
    let cookie = |name: &str| {
        headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|c| c.trim().split_once('='))
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| Locale::parse(v))
    };
    cookie(super::CHOICE_COOKIE)
        .or_else(|| {
            headers
                .get(http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .or_else(|| cookie(super::ORGANISATION_COOKIE))
        .unwrap_or_default()
}

/// One sentence; a key missing in `locale` falls back to English, then to the key itself (the
/// locale tests keep both from happening).
pub(super) fn sentence(
    locale: Locale,
    key: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>,
) -> String {
    LOCALES
        .lookup_single_language(id(locale), key, args)
        .or_else(|_| LOCALES.lookup_single_language(id(Locale::En), key, args))
        .unwrap_or_else(|_| key.to_owned())
}

/// A sentence with its placeholders filled.
pub(super) fn with_args<'a>(
    locale: Locale,
    key: &str,
    args: impl IntoIterator<Item = (&'static str, Arg<'a>)>,
) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .into_iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(s) => FluentValue::String(s),
                Arg::Number(n) => FluentValue::from(n),
            };
            (Cow::Borrowed(name), value)
        })
        .collect();
    sentence(locale, key, Some(&args))
}
