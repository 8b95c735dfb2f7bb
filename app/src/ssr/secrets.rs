//! Secrets at rest: IdP client secrets and Stalwart API keys stored in the database are
//! sealed with XChaCha20-Poly1305 under a 256-bit key the operator keeps outside it
//! (`POSTERN_SECRETS_KEY` or `server.secrets_key_file`).
//!
//! Each sealed value is stored with the id of the key that sealed it, and is bound to its
//! place (`mail_servers.api_key:<name>`): a value copied into another row does not open. To
//! rotate, the new key becomes the current one, the old one the previous one
//! (`POSTERN_SECRETS_PREVIOUS_KEY` or `server.secrets_previous_key_file`), and
//! `server rotate-secrets` seals everything again under the new key.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use std::path::Path;

const NONCE_LEN: usize = 24;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretsError {
    #[error(
        "no secrets key: set POSTERN_SECRETS_KEY or server.secrets_key_file (32 random bytes in base64, e.g. from `openssl rand -base64 32`)"
    )]
    NoKey,
    #[error("{source_name}: {problem}")]
    BadKey {
        source_name: String,
        problem: String,
    },
    #[error(
        "a secret in the database was sealed with key {0}, which is neither the current nor the previous secrets key"
    )]
    UnknownKey(String),
    #[error("a secret in the database does not open with key {0}: it was altered or moved")]
    Tampered(String),
}

/// A sealed secret as stored: the sealing key's id and `base64(nonce ‖ ciphertext)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub key_id: String,
    pub value: String,
}

struct Key {
    id: String,
    cipher: XChaCha20Poly1305,
}

impl Key {
    fn parse(source_name: &str, text: &str) -> Result<Self, SecretsError> {
        let text = text.trim();
        let bad = |problem: &str| SecretsError::BadKey {
            source_name: source_name.to_owned(),
            problem: problem.to_owned(),
        };
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|_| bad("not hexadecimal"))?
        } else {
            base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| bad("not base64 (or 64 hexadecimal digits)"))?
        };
        if bytes.len() != 32 {
            return Err(bad(&format!(
                "a secrets key is 32 bytes; this one is {}",
                bytes.len()
            )));
        }
        let digest = Sha256::new()
            .chain_update(b"postern secrets key id\0")
            .chain_update(&bytes)
            .finalize();
        let id = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        let cipher = XChaCha20Poly1305::new_from_slice(&bytes).expect("32-byte key");
        Ok(Self { id, cipher })
    }
}

/// The current key (sealing and opening) and, during a rotation, the previous one (opening).
#[derive(Default)]
pub struct Keyring {
    current: Option<Key>,
    previous: Option<Key>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keyring")
            .field("current", &self.current_id())
            .field("previous", &self.previous.as_ref().map(|k| &k.id))
            .finish()
    }
}

/// Where a key comes from: an environment variable's value or a file.
pub enum KeySource<'a> {
    Env(&'a str, String),
    File(&'a Path),
}

impl<'a> KeySource<'a> {
    /// The environment variable if set, else the file if configured.
    fn pick(
        env: &impl Fn(&str) -> Option<String>,
        var: &'a str,
        file: Option<&'a Path>,
    ) -> Option<Self> {
        match env(var).filter(|v| !v.trim().is_empty()) {
            Some(value) => Some(KeySource::Env(var, value)),
            None => file.map(KeySource::File),
        }
    }

    fn read(&self) -> Result<Key, SecretsError> {
        match self {
            KeySource::Env(name, value) => Key::parse(name, value),
            KeySource::File(path) => {
                let name = path.display().to_string();
                let text = std::fs::read_to_string(path).map_err(|e| SecretsError::BadKey {
                    source_name: name.clone(),
                    problem: format!("cannot read it: {e}"),
                })?;
                Key::parse(&name, &text)
            }
        }
    }
}

impl Keyring {
    pub fn new(
        current: Option<KeySource<'_>>,
        previous: Option<KeySource<'_>>,
    ) -> Result<Self, SecretsError> {
        Ok(Self {
            current: current.map(|s| s.read()).transpose()?,
            previous: previous.map(|s| s.read()).transpose()?,
        })
    }

    /// A keyring of one key given as text (tests, benchmarks).
    pub fn from_text(current: &str) -> Result<Self, SecretsError> {
        Self::from_texts(current, None)
    }

    /// A keyring given as text: the current key and, during a rotation, the previous one.
    pub fn from_texts(current: &str, previous: Option<&str>) -> Result<Self, SecretsError> {
        Ok(Self {
            current: Some(Key::parse("current key", current)?),
            previous: previous
                .map(|p| Key::parse("previous key", p))
                .transpose()?,
        })
    }

    /// The keys of this process: its settings and its environment.
    pub fn from_environment(
        server: &crate::ssr::config::ServerSettings,
    ) -> Result<Self, SecretsError> {
        Self::from_settings(server, |name| std::env::var(name).ok())
    }

    /// The keys named by the settings and the environment: the environment wins.
    pub fn from_settings(
        server: &crate::ssr::config::ServerSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, SecretsError> {
        let current = KeySource::pick(
            &env,
            "POSTERN_SECRETS_KEY",
            server.secrets_key_file.as_deref(),
        );
        let previous = KeySource::pick(
            &env,
            "POSTERN_SECRETS_PREVIOUS_KEY",
            server.secrets_previous_key_file.as_deref(),
        );
        Self::new(current, previous)
    }

    pub fn current_id(&self) -> Option<&str> {
        self.current.as_ref().map(|k| k.id.as_str())
    }

    /// Whether a value sealed with `key_id` can be opened.
    pub fn knows(&self, key_id: &str) -> bool {
        [&self.current, &self.previous]
            .into_iter()
            .flatten()
            .any(|k| k.id == key_id)
    }

    /// Seals `secret` for the place `binding` (e.g. `mail_servers.api_key:main`).
    pub fn seal(&self, secret: &SecretString, binding: &str) -> Result<Sealed, SecretsError> {
        let key = self.current.as_ref().ok_or(SecretsError::NoKey)?;
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let ciphertext = key
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: secret.expose_secret().as_bytes(),
                    aad: binding.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any message that fits in memory");
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&ciphertext);
        Ok(Sealed {
            key_id: key.id.clone(),
            value: base64::engine::general_purpose::STANDARD.encode(stored),
        })
    }

    /// Opens a value sealed for `binding`.
    pub fn open(&self, sealed: &Sealed, binding: &str) -> Result<SecretString, SecretsError> {
        let key = [&self.current, &self.previous]
            .into_iter()
            .flatten()
            .find(|k| k.id == sealed.key_id)
            .ok_or_else(|| {
                if self.current.is_none() {
                    SecretsError::NoKey
                } else {
                    SecretsError::UnknownKey(sealed.key_id.clone())
                }
            })?;
        let tampered = || SecretsError::Tampered(sealed.key_id.clone());
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&sealed.value)
            .map_err(|_| tampered())?;
        if bytes.len() < NONCE_LEN {
            return Err(tampered());
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let plain = key
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: ciphertext,
                    aad: binding.as_bytes(),
                },
            )
            .map_err(|_| tampered())?;
        String::from_utf8(plain)
            .map(SecretString::from)
            .map_err(|_| tampered())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY_A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    const KEY_B: &str = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    fn secret(s: &str) -> SecretString {
        SecretString::from(s.to_owned())
    }

    #[test]
    fn a_sealed_secret_opens_only_in_its_place_and_hides_its_text() {
        let ring = Keyring::from_text(KEY_A).unwrap();
        let sealed = ring
            .seal(&secret("api-key-123"), "mail_servers.api_key:main")
            .unwrap();
        assert!(!sealed.value.contains("api-key-123"));
        assert_eq!(sealed.key_id, ring.current_id().unwrap());
        let opened = ring.open(&sealed, "mail_servers.api_key:main").unwrap();
        assert_eq!(opened.expose_secret(), "api-key-123");
        assert_eq!(
            ring.open(&sealed, "mail_servers.api_key:other")
                .unwrap_err(),
            SecretsError::Tampered(sealed.key_id.clone())
        );
        // Two seals of one secret differ (fresh nonce).
        let again = ring
            .seal(&secret("api-key-123"), "mail_servers.api_key:main")
            .unwrap();
        assert_ne!(again.value, sealed.value);
    }

    #[test]
    fn a_rotation_opens_with_the_previous_key_and_seals_with_the_new_one() {
        let old = Keyring::from_text(KEY_A).unwrap();
        let sealed = old.seal(&secret("s"), "b").unwrap();
        let rotating = Keyring {
            current: Some(Key::parse("new", KEY_B).unwrap()),
            previous: Some(Key::parse("old", KEY_A).unwrap()),
        };
        assert_eq!(rotating.open(&sealed, "b").unwrap().expose_secret(), "s");
        let resealed = rotating.seal(&secret("s"), "b").unwrap();
        assert_ne!(resealed.key_id, sealed.key_id);
        let only_new = Keyring::from_text(KEY_B).unwrap();
        assert_eq!(
            only_new.open(&sealed, "b").unwrap_err(),
            SecretsError::UnknownKey(sealed.key_id)
        );
        assert_eq!(
            Keyring::default().open(&resealed, "b").unwrap_err(),
            SecretsError::NoKey
        );
    }

    #[test]
    fn keys_of_the_wrong_size_or_encoding_are_refused_with_their_source_named() {
        let short = Key::parse("POSTERN_SECRETS_KEY", "c2hvcnQ=").err().unwrap();
        assert!(
            short
                .to_string()
                .starts_with("POSTERN_SECRETS_KEY: a secrets key is 32 bytes")
        );
        assert!(Key::parse("k", "not base64 !").is_err());
        assert!(Keyring::default().seal(&secret("s"), "b").is_err());
    }
}
