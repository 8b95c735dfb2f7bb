//! Checks on what an admin types: local parts, quotas, passwords (and their argon2id hash).

use crate::admin::text;
use crate::error::AppError;

/// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
const ARGON2_ITERATIONS: u32 = 2;
const ARGON2_LANES: u32 = 1;
pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;
const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
/// Longest display name accepted.
pub const DISPLAY_NAME_MAX: usize = 100;

pub use crate::account::mailbox_name::valid_local_part;

/// "2" or "2.5" gigabytes → bytes; empty → no limit.
pub fn parse_quota(text: &str) -> Result<Option<u64>, String> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(gb) if gb > 0.0 && gb <= 100_000.0 => Ok(Some((gb * GIB).round() as u64)),
        _ => Err(text::QUOTA_FORMAT.into()),
    }
}

/// Length and a zxcvbn estimate (score 3 of 4 or better), with the same advice people get
/// from Stalwart's own check.
pub fn check_password_strength(password: &str, context: &[&str]) -> Result<(), String> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(text::password_too_short(PASSWORD_MIN));
    }
    if length > PASSWORD_MAX {
        return Err(text::password_too_long(PASSWORD_MAX));
    }
    let estimate = zxcvbn::zxcvbn(password, context);
    if (estimate.score() as u8) < 3 {
        let advice = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| weak_because(w).get()))
            .unwrap_or_else(|| text::GUESSED_EASILY.into());
        return Err(text::password_too_weak(&advice));
    }
    Ok(())
}

/// zxcvbn's warning in the person's language.
fn weak_because(warning: zxcvbn::feedback::Warning) -> crate::i18n::Key {
    use super::super::text::weak;
    use zxcvbn::feedback::Warning;
    match warning {
        Warning::StraightRowsOfKeysAreEasyToGuess => weak::STRAIGHT_ROWS,
        Warning::ShortKeyboardPatternsAreEasyToGuess => weak::KEYBOARD_PATTERNS,
        Warning::RepeatsLikeAaaAreEasyToGuess => weak::REPEATS,
        Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => weak::REPEATED_GROUPS,
        Warning::ThisIsATop10Password => weak::TOP_10,
        Warning::ThisIsATop100Password => weak::TOP_100,
        Warning::ThisIsACommonPassword => weak::COMMON,
        Warning::ThisIsSimilarToACommonlyUsedPassword => weak::SIMILAR,
        Warning::SequencesLikeAbcAreEasyToGuess => weak::SEQUENCES,
        Warning::RecentYearsAreEasyToGuess => weak::RECENT_YEARS,
        Warning::AWordByItselfIsEasyToGuess => weak::SINGLE_WORD,
        Warning::DatesAreOftenEasyToGuess => weak::DATES,
        Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => weak::NAMES,
        Warning::CommonNamesAndSurnamesAreEasyToGuess => weak::COMMON_NAMES,
    }
}

/// argon2id with OWASP parameters, as a PHC string Stalwart stores verbatim (API.md §5.3).
pub fn hash_password(password: &str) -> Result<String, AppError> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_LANES, None)
        .map_err(AppError::internal)?;
    let hasher = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher
        .hash_password(password.as_bytes(), &salt)
        .map_err(AppError::internal)?
        .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters() {
        let hash = hash_password("correct horse battery staple").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
    }

    #[test]
    fn weak_and_short_passwords_are_refused_with_advice() {
        assert!(
            check_password_strength("short", &[])
                .unwrap_err()
                .contains("at least 12")
        );
        assert!(
            check_password_strength("password1234", &[])
                .unwrap_err()
                .contains("too weak")
        );
        assert!(check_password_strength("alicealice12", &["alice"]).is_err());
        assert!(check_password_strength("violet-harbour-tangent-47", &[]).is_ok());
    }

    #[test]
    fn quotas_and_local_parts_are_parsed() {
        assert_eq!(parse_quota("2").unwrap(), Some(2 * 1024 * 1024 * 1024));
        assert_eq!(parse_quota("0,5").unwrap(), Some(512 * 1024 * 1024));
        assert_eq!(parse_quota("").unwrap(), None);
        assert!(parse_quota("-1").is_err() && parse_quota("lots").is_err());
        assert!(valid_local_part("first.last").is_ok());
        assert!(
            valid_local_part("First").is_err()
                && valid_local_part(".x").is_err()
                && valid_local_part("a b").is_err()
        );
    }
}
