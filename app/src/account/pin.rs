//! Which mailbox is a person's: the Stalwart account their address names, pinned at the first
//! sign-in that finds it to who they are at their IdP. Changing one's e-mail at the IdP, or
//! another IdP account claiming the address, cannot hand someone else's mailbox over. An
//! account with rights on the mail server is nobody's here (`ssr::stalwart::Protection`).

use crate::ssr::db::{Db, pins};
use crate::ssr::organisations::Organisation;
use crate::ssr::stalwart::error::StalwartError;
use crate::ssr::stalwart::{Freshness, Protection, Standing};

/// Who is asking, as their IdP knows them.
pub struct Person<'a> {
    pub subject: &'a str,
    pub email: &'a str,
}

/// Why a person's mailbox is not theirs to use here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// Their address now names a different mailbox than the one pinned to them.
    AddressMoved,
    /// Their address names a mailbox pinned to someone else.
    SomeoneElses,
}

#[derive(Debug, thiserror::Error)]
pub enum PinError {
    #[error("mailbox pin mismatch: {0:?}")]
    Mismatch(Mismatch),
    /// The address names an account Postern never acts on.
    #[error("protected account: {0:?}")]
    Protected(Protection),
    /// The account is gone (a cached id went stale).
    #[error("the account is gone")]
    Gone,
    #[error(transparent)]
    Stalwart(#[from] StalwartError),
    #[error("mailbox pins: {0}")]
    Db(#[from] sqlx::Error),
}

/// The person's mailbox (its Stalwart account id), checked against the pins, and pinned if
/// this is the first time it is found. `None`: no mailbox for the address yet. A protected
/// account is refused before anything is pinned.
pub async fn mailbox_of(
    db: &Db,
    organisation: &Organisation,
    person: &Person<'_>,
    freshness: Freshness,
) -> Result<Option<String>, PinError> {
    let Some((local, domain)) = person.email.rsplit_once('@') else {
        return Ok(None);
    };
    if !organisation.owns_domain(domain) {
        return Ok(None);
    }
    let stalwart = &organisation.stalwart;
    let mut attempts = 0;
    let found = loop {
        let Some(found) = stalwart.user_id(local, domain).await? else {
            return Ok(None);
        };
        match stalwart.standing(&found, freshness).await? {
            Standing::Usable => break found,
            Standing::Protected(protection) => return Err(PinError::Protected(protection)),
            // A cached id went stale (the mailbox was deleted, perhaps made again, through
            // another instance or Stalwart itself): forgotten, and asked again once.
            Standing::Gone if attempts == 0 => {
                stalwart.forget_account(&found);
                attempts += 1;
            }
            Standing::Gone => return Ok(None),
        }
    };
    let issuer = organisation.oidc.issuer.as_str();
    let slug = organisation.slug.as_str();
    if let Some(pin) = pins::of_person(db, slug, issuer, person.subject).await? {
        if pin.account_id == found {
            return Ok(Some(found));
        }
        // Their pinned mailbox was deleted (and perhaps made again): the new one is theirs.
        if stalwart.account(&pin.account_id).await?.is_none()
            && pins::of_account(db, slug, &found).await?.is_none()
        {
            pins::repin(db, slug, issuer, person.subject, &found, person.email).await?;
            return Ok(Some(found));
        }
        return Err(PinError::Mismatch(Mismatch::AddressMoved));
    }
    if pins::of_account(db, slug, &found).await?.is_some() {
        return Err(PinError::Mismatch(Mismatch::SomeoneElses));
    }
    pins::pin(db, slug, issuer, person.subject, &found, person.email).await?;
    Ok(Some(found))
}

/// The person's mailbox id from their session (checked at sign-in), unless the account has
/// gained rights on the mail server since, or is gone.
pub async fn still_usable(
    organisation: &Organisation,
    account_id: &str,
    freshness: Freshness,
) -> Result<(), PinError> {
    match organisation
        .stalwart
        .standing(account_id, freshness)
        .await?
    {
        Standing::Usable => Ok(()),
        Standing::Protected(protection) => Err(PinError::Protected(protection)),
        Standing::Gone => {
            organisation.stalwart.forget_account(account_id);
            Err(PinError::Gone)
        }
    }
}
