//! What a SCIM push means for the people Postern knows: a user the IdP deactivates or deletes
//! departs (`ssr::departures`); one it reactivates comes back. Only the organisation's own
//! people are matched, by IdP subject (`externalId`) or address (`userName`, `emails`).

use super::model::User;
use crate::ssr::db::users::{self, User as Person};
use crate::ssr::departures::{self, Reason, Source};
use crate::ssr::ids::token_digest;
use crate::ssr::organisations::Organisation;
use crate::ssr::state::AppState;
use base64::Engine;
use rand::RngCore;

/// A new SCIM token: the token (shown once) and its hash (stored).
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = format!(
        "scim_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    );
    let hash = token_digest(&token);
    (token, hash)
}

/// A new resource id (a random UUID).
pub fn new_id() -> String {
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    crate::ssr::ids::uuid(b, 4)
}

/// The organisation's people the resource names.
async fn people(
    state: &AppState,
    organisation: &Organisation,
    user: &User,
) -> Result<Vec<Person>, sqlx::Error> {
    let mut found: Vec<Person> = Vec::new();
    if let Some(subject) = user.external_id()
        && let Some(p) = users::with_subject(&state.db, &organisation.slug, subject).await?
    {
        found.push(p);
    }
    for address in user.addresses() {
        for p in users::with_email_any_case(&state.db, &organisation.slug, &address).await? {
            if !found.iter().any(|f| f.id == p.id) {
                found.push(p);
            }
        }
    }
    Ok(found)
}

/// Acts on what the resource now says (or on its deletion).
pub async fn settle(
    state: &AppState,
    organisation: &Organisation,
    user: &User,
    deleted: bool,
) -> Result<(), sqlx::Error> {
    for person in people(state, organisation, user).await? {
        if deleted {
            departures::depart(state, organisation, &person, Source::Scim, Reason::Deleted).await?;
        } else if !user.active() {
            departures::depart(
                state,
                organisation,
                &person,
                Source::Scim,
                Reason::Deactivated,
            )
            .await?;
        } else {
            departures::returned(state, organisation, &person, Source::Scim).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_random_and_stored_only_as_their_hash() {
        let (a, hash_a) = super::new_token();
        let (b, _) = super::new_token();
        assert_ne!(a, b);
        assert!(a.starts_with("scim_") && a.len() > 40);
        assert_eq!(hash_a, crate::ssr::ids::token_digest(&a));
        assert!(!hash_a.contains(&a[5..]));
        assert_eq!(super::new_id().len(), 36);
    }
}
