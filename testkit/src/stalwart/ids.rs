//! Stalwart's id and secret encodings (API.md §2, §6): a base32 variant with the alphabet
//! `abcdefghijklmnopqrstuvwxyz792013`, most significant bits first.

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz792013";

/// A document id as JMAP shows it: 0 → "a", 1 → "b", u32::MAX → "d333333".
pub fn encode_id(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(ALPHABET[(n & 31) as usize]);
        n >>= 5;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).expect("ascii")
}

pub fn decode_id(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 13 {
        return None;
    }
    s.bytes().try_fold(0u64, |acc, b| {
        let digit = ALPHABET.iter().position(|&a| a == b)? as u64;
        acc.checked_mul(32)?.checked_add(digit)
    })
}

/// Packs bytes into 5-bit digits, MSB first, zero-padding the last digit.
pub fn encode_bytes(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn decode_bytes(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes() {
        let digit = ALPHABET.iter().position(|&a| a == b)? as u32;
        acc = (acc << 5) | digit;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    Some(out)
}

/// `app_` + encode(credential id u32 BE ‖ 18 random bytes): 40 characters.
pub fn app_password_secret(credential_id: u32, random: &[u8; 18]) -> String {
    let mut raw = credential_id.to_be_bytes().to_vec();
    raw.extend_from_slice(random);
    format!("app_{}", encode_bytes(&raw))
}

/// The credential id and random part of an `app_` secret, if it is well formed.
pub fn parse_app_password(secret: &str) -> Option<(u32, [u8; 18])> {
    let body = secret.strip_prefix("app_")?;
    if body.len() != 36 {
        return None;
    }
    let raw = decode_bytes(body)?;
    let id = u32::from_be_bytes(raw.get(0..4)?.try_into().ok()?);
    let random: [u8; 18] = raw.get(4..22)?.try_into().ok()?;
    Some((id, random))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_ones_stalwart_hands_out() {
        assert_eq!(encode_id(0), "a");
        assert_eq!(encode_id(1), "b");
        assert_eq!(encode_id(u32::MAX as u64), "d333333");
        assert_eq!(decode_id("d333333"), Some(u32::MAX as u64));
        assert_eq!(decode_id("zzzz").map(encode_id).as_deref(), Some("zzzz"));
        assert_eq!(decode_id("NOPE"), None);
    }

    #[test]
    fn live_app_password_secrets_decode_to_their_credential_ids() {
        // live 024: credential "b" (1); live 033: "f" (5), "c" (2).
        assert_eq!(
            parse_app_password("app_aaaaaapfonq7e1cdge1g37mjx7q9yyvsbx3a")
                .unwrap()
                .0,
            1
        );
        assert_eq!(
            parse_app_password("app_aaaaabl3qh0gfmulwtyhbtdlc7lfg7xsd97a")
                .unwrap()
                .0,
            5
        );
        assert_eq!(
            parse_app_password("app_aaaaaauieyd1uuv7c2mjghwv3bfnknf73vxq")
                .unwrap()
                .0,
            2
        );
    }

    #[test]
    fn secrets_round_trip() {
        let random = [7u8; 18];
        let secret = app_password_secret(3, &random);
        assert_eq!(secret.len(), 40);
        assert_eq!(parse_app_password(&secret), Some((3, random)));
    }
}
