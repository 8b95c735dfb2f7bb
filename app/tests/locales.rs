//! The locale files are complete and the code keeps no sentence of its own.
//!
//! 1. Every locale holds exactly the keys English holds, each with the same placeholders, and
//!    parses without error.
//! 2. Every `Key("…")` the code names exists; every key of the files is named by the code.
//! 3. No string literal in the application's code reads like a sentence a person would see:
//!    those belong in the locale files.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LOCALES: [&str; 3] = ["en", "de", "fr"];

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
}

/// Key → the variables its pattern (and every variant of its selectors) uses.
fn messages(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut found = BTreeMap::new();
    let mut ftl = Vec::new();
    files(&crate_dir().join("locales").join(locale), "ftl", &mut ftl);
    assert!(!ftl.is_empty(), "no .ftl files for {locale}");
    for path in ftl {
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut vars);
                    }
                    let id = m.id.name.to_owned();
                    assert!(
                        found.insert(id.clone(), vars).is_none(),
                        "{id} is defined twice in {locale}"
                    );
                }
                Entry::Junk { content } => panic!("{}: cannot parse {content:?}", path.display()),
                _ => {}
            }
        }
    }
    found
}

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_key_with_the_same_placeholders() {
    let english = messages("en");
    assert!(
        english.len() > 500,
        "only {} English sentences?",
        english.len()
    );
    for locale in &LOCALES[1..] {
        let other = messages(locale);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale} has keys English does not: {extra:?}"
        );
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "{locale}: {key} has other placeholders");
        }
    }
}

/// The application's sources, without the tests.
fn sources() -> Vec<(PathBuf, String)> {
    let mut rs = Vec::new();
    files(&crate_dir().join("src"), "rs", &mut rs);
    rs.into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // Unit tests come last in a file and may hold any text.
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            (p, code)
        })
        .collect()
}

#[test]
fn every_key_the_code_names_exists_and_every_sentence_is_used() {
    let english = messages("en");
    let mut named = BTreeSet::new();
    for (path, code) in sources() {
        for piece in code.split("Key(\"").skip(1) {
            let key = &piece[..piece.find('"').unwrap()];
            assert!(
                english.contains_key(key),
                "{} names {key}, which no locale file holds",
                path.display()
            );
            named.insert(key.to_owned());
        }
    }
    let unused: Vec<_> = english.keys().filter(|k| !named.contains(*k)).collect();
    assert!(unused.is_empty(), "sentences no code shows: {unused:?}");
}

/// The string literals of a piece of Rust code (plain and raw), with the line they start on.
fn literals(code: &str) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' => {
                // A char literal ('"' among them) or a lifetime: skip the quoted char.
                if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                    continue;
                }
                if bytes.get(i + 1) == Some(&b'\\') && bytes.get(i + 3) == Some(&b'\'') {
                    i += 4;
                    continue;
                }
            }
            b'r' if bytes.get(i + 1) == Some(&b'#') || bytes.get(i + 1) == Some(&b'"') => {
                let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"')
                    && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                {
                    let start = i + 2 + hashes;
                    let end_marker = format!("\"{}", "#".repeat(hashes));
                    let end = start + code[start..].find(&end_marker).unwrap();
                    out.push((line, code[start..end].to_owned()));
                    line += code[start..end].matches('\n').count();
                    i = end + end_marker.len();
                    continue;
                }
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while bytes[j] != b'"' {
                    if bytes[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                out.push((line, code[start..j].to_owned()));
                line += code[start..j].matches('\n').count();
                i = j + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Reads like words for a person: three or more words of letters, one of them lower case
/// and longer than two letters.
fn reads_like_a_sentence(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let wordy = words
        .iter()
        .filter(|w| {
            let w = w.trim_matches(|c: char| ",.:;!?()“”\"'".contains(c));
            w.len() > 2
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
        })
        .count();
    words.len() >= 3 && wordy >= 3
}

/// Literals that read like sentences but are not shown to people, by the text they start with.
const NOT_FOR_PEOPLE: &[&str] = &[
    // The OIDC scopes an IdP is asked for by default.
    "openid email profile",
    // The Apple configuration profile's XML (its words come from the locale files).
    "<?xml",
];

/// Code that speaks to operators (configuration, command line, health checks, logs) or to
/// machines (SCIM and back-channel logout answers to an IdP, the JMAP client's errors), in
/// English like the logs: the server's plumbing, SCIM and back-channel logout.
const NOT_FOR_PEOPLE_DIRS: &[&str] = &["src/ssr/", "src/scim/", "src/auth/backchannel.rs"];

#[test]
fn no_sentence_is_left_outside_the_locale_files() {
    let mut found = Vec::new();
    for (path, code) in sources() {
        let relative = path
            .strip_prefix(crate_dir())
            .unwrap()
            .display()
            .to_string();
        if relative.ends_with("/text.rs")
            || relative.contains("/text/")
            || NOT_FOR_PEOPLE_DIRS.iter().any(|d| relative.starts_with(d))
        {
            continue;
        }
        let lines: Vec<&str> = code.lines().collect();
        for (line, literal) in literals(&code) {
            // The literal's line and the three before it: a log call's message may be a few
            // lines below `tracing::warn!(`.
            let context = lines[line.saturating_sub(4)..line].join("\n");
            // Logs, panics and SQL speak to operators and the database, not to people.
            let for_machines = [
                "tracing::",
                "panic!",
                "expect(",
                "unreachable!",
                "#[error",
                "debug!",
                "info!",
                "warn!",
                "error!",
                "assert",
                "#[doc",
                "///",
                "//!",
                "class=",
                "AppError::internal(",
            ]
            .iter()
            .any(|m| context.contains(m))
                || [
                    "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", " FROM ", "WHERE ",
                ]
                .iter()
                .any(|sql| literal.contains(sql));
            if for_machines || !reads_like_a_sentence(&literal) {
                continue;
            }
            if NOT_FOR_PEOPLE.iter().any(|p| literal.starts_with(p)) {
                continue;
            }
            found.push(format!("{relative}:{line}: {literal:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "sentences outside the locale files (move them to the area's text.rs and .ftl):\n{}",
        found.join("\n")
    );
}
