//! Identifiers Postern makes: UUID-shaped ids, and what is stored of a token shown once.

use sha2::{Digest, Sha256};

/// 16 bytes as a UUID (lowercase, RFC 9562 text form) with the given version nibble and the
/// RFC variant bits set.
pub fn uuid(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | (version << 4);
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = data_encoding::HEXLOWER.encode(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// What is stored of a random token shown once (a one-time link, a SCIM token): its SHA-256,
/// hex. The token is high-entropy, so a plain digest is enough to look it up by.
pub fn token_digest(token: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_uuid_carries_its_version_and_variant() {
        let id = super::uuid([0xff; 16], 4);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(
            super::uuid([0; 16], 5),
            "00000000-0000-5000-8000-000000000000"
        );
    }

    #[test]
    fn a_token_digest_is_its_sha256_in_hex() {
        assert_eq!(
            super::token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
