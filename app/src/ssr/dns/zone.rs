//! Reads the BIND text of `x:Domain.dnsZoneFile` (API.md §9, live 036) into records.
//!
//! Written for exactly that output but tolerant of anything: comments, blank lines, `$`
//! directives, TTLs, parentheses spanning lines, escaped quotes. Lines it cannot make sense
//! of are skipped, never a panic (see the property tests).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneRecord {
    /// Fully qualified, lowercase, without the trailing dot.
    pub name: String,
    /// MX, TXT, CNAME, SRV, A, AAAA, CAA, TLSA, …
    pub kind: String,
    /// TXT: the strings joined; MX: the exchange; SRV: "weight port target"; others as written.
    pub value: String,
    /// MX preference or SRV priority.
    pub priority: Option<u16>,
    /// TXT only: the quoted strings as they appear in the zone.
    pub strings: Vec<String>,
}

const TYPES: &[&str] = &[
    "A", "AAAA", "CAA", "CNAME", "MX", "NS", "PTR", "SRV", "TLSA", "TXT", "SOA", "HTTPS", "SVCB",
];

/// Splits the text into records: tokens with parentheses joined across lines.
pub fn parse(text: &str) -> Vec<ZoneRecord> {
    let mut records = Vec::new();
    let mut pending: Vec<Token> = Vec::new();
    let mut depth = 0usize;
    for line in text.lines() {
        for token in tokenize(line) {
            match token {
                Token::Open => depth += 1,
                Token::Close => depth = depth.saturating_sub(1),
                other => pending.push(other),
            }
        }
        if depth == 0 && !pending.is_empty() {
            if let Some(record) = record(&pending) {
                records.push(record);
            }
            pending.clear();
        }
    }
    if !pending.is_empty()
        && let Some(record) = record(&pending)
    {
        records.push(record);
    }
    records
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    Open,
    Close,
}

fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ';' => break,
            '(' => {
                chars.next();
                tokens.push(Token::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Token::Close);
            }
            '"' => {
                chars.next();
                let mut s = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                s.push(escaped);
                            }
                        }
                        '"' => break,
                        other => s.push(other),
                    }
                }
                tokens.push(Token::Quoted(s));
            }
            c if c.is_whitespace() => {
                chars.next();
            }
            _ => {
                let mut s = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '"' | ';') {
                        break;
                    }
                    s.push(c);
                    chars.next();
                }
                tokens.push(Token::Word(s));
            }
        }
    }
    tokens
}

fn record(tokens: &[Token]) -> Option<ZoneRecord> {
    let Token::Word(name) = tokens.first()? else {
        return None;
    };
    if name.starts_with('$') {
        return None;
    }
    // name [ttl] [class] type rdata…, in either order for ttl and class.
    let mut rest = &tokens[1..];
    let mut kind = None;
    while let Some(Token::Word(w)) = rest.first() {
        let upper = w.to_ascii_uppercase();
        rest = &rest[1..];
        if TYPES.contains(&upper.as_str()) {
            kind = Some(upper);
            break;
        }
        if !(upper == "IN" || upper == "CH" || upper.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
    }
    let kind = kind?;
    let words: Vec<&str> = rest
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let name = normalize(name);
    let (value, priority, strings) = match kind.as_str() {
        "TXT" => {
            let strings: Vec<String> = rest
                .iter()
                .filter_map(|t| match t {
                    Token::Quoted(s) => Some(s.clone()),
                    Token::Word(w) => Some(w.clone()),
                    _ => None,
                })
                .collect();
            (strings.concat(), None, strings)
        }
        "MX" => {
            let priority = words.first()?.parse().ok()?;
            (normalize(words.get(1)?), Some(priority), Vec::new())
        }
        "SRV" => {
            let priority = words.first()?.parse().ok()?;
            let weight: u16 = words.get(1)?.parse().ok()?;
            let port: u16 = words.get(2)?.parse().ok()?;
            (
                format!("{weight} {port} {}", normalize(words.get(3)?)),
                Some(priority),
                Vec::new(),
            )
        }
        "CNAME" | "NS" | "PTR" => (normalize(words.first()?), None, Vec::new()),
        _ => {
            let joined = rest
                .iter()
                .filter_map(|t| match t {
                    Token::Word(w) => Some(w.clone()),
                    Token::Quoted(q) => Some(format!("\"{q}\"")),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            (joined, None, Vec::new())
        }
    };
    Some(ZoneRecord {
        name,
        kind,
        value,
        priority,
        strings,
    })
}

/// Lowercase, without the trailing dot.
pub fn normalize(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// A TXT value as quoted strings of at most 255 bytes (what DNS servers store).
pub fn chunks_of_255(value: &str) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    for c in value.chars() {
        if current.len() + c.len_utf8() > 255 {
            chunks.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() || chunks.is_empty() {
        chunks.push(current);
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIVE_036: &str = include_str!("../../../tests/fixtures/live-036-zone.txt");

    #[test]
    fn the_live_zone_text_gives_every_record() {
        let records = parse(LIVE_036);
        assert_eq!(records.len(), 19);
        let rsa = &records[1];
        assert_eq!(rsa.name, "v1-rsa-20261122._domainkey.example.org");
        assert_eq!(rsa.kind, "TXT");
        assert_eq!(rsa.strings.len(), 2, "split across two quoted strings");
        assert!(rsa.value.starts_with("v=DKIM1; k=rsa;") && rsa.value.ends_with("AQAB"));
        let mx = records.iter().find(|r| r.kind == "MX").unwrap();
        assert_eq!(
            (mx.name.as_str(), mx.value.as_str(), mx.priority),
            ("example.org", "mail.example.org", Some(10))
        );
        let srv = records
            .iter()
            .find(|r| r.name == "_imaps._tcp.example.org")
            .unwrap();
        assert_eq!(
            (srv.value.as_str(), srv.priority),
            ("1 993 mail.example.org", Some(0))
        );
        let cname = records
            .iter()
            .find(|r| r.name == "autoconfig.example.org")
            .unwrap();
        assert_eq!(cname.value, "mail.example.org");
    }

    #[test]
    fn comments_ttls_classes_and_escapes_are_understood() {
        let records = parse(
            "; comment\n$TTL 3600\nx.test. 300 IN TXT \"a \\\"quoted\\\" word\" ; trailing\nx.test. IN 60 A 192.0.2.1\n",
        );
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].value, "a \"quoted\" word");
        assert_eq!(
            (records[1].kind.as_str(), records[1].value.as_str()),
            ("A", "192.0.2.1")
        );
    }

    #[test]
    fn long_values_split_into_255_byte_chunks() {
        let value = "p=".to_owned() + &"A".repeat(600);
        let chunks = chunks_of_255(&value);
        assert_eq!(
            chunks.iter().map(String::len).collect::<Vec<_>>(),
            [255, 255, 92]
        );
        assert_eq!(chunks.concat(), value);
        assert_eq!(chunks_of_255(""), [""]);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            // Bounded: a few seconds in the test command.
            #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

            #[test]
            fn any_text_parses_without_panicking(text in ".{0,400}") {
                let _ = parse(&text);
            }

            #[test]
            fn zone_like_text_parses_without_panicking(
                lines in proptest::collection::vec(
                    prop_oneof![
                        "[a-z0-9._-]{0,12}\\.? (IN )?(TXT|MX|SRV|CNAME|A|CAA) [0-9a-z. ]{0,20}",
                        "[a-z.]{0,10} IN TXT \"[^\"\\n]{0,300}",
                        "[ ()\";\\\\a-z0-9]{0,30}",
                        Just("x.test. IN TXT (".to_owned()),
                        Just(")".to_owned()),
                    ],
                    0..30,
                )
            ) {
                let _ = parse(&lines.join("\n"));
            }

            #[test]
            fn chunks_always_rejoin_and_fit(value in "\\PC{0,1200}") {
                let chunks = chunks_of_255(&value);
                prop_assert_eq!(chunks.concat(), value);
                prop_assert!(chunks.iter().all(|c| c.len() <= 255));
            }
        }
    }
}
