//! Writing notifications with the action that causes them, and sending what is due.

use super::text;
use crate::ssr::db::notifications::{self as store, NewNotification};
use crate::ssr::db::now;
use crate::ssr::state::{AppState, Caller};

/// How long an instance holds a claimed notification before another may try it.
const CLAIM_SECS: i64 = 120;
/// Attempts before a notification is given up.
const MAX_ATTEMPTS: i64 = 10;
/// Sent notifications are kept this long (for support questions), then deleted.
const KEEP_SENT_SECS: i64 = 30 * 86_400;

/// What caused a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// An app password made on the create form.
    Created,
    /// An app password made for an Apple device profile.
    AppleProfile,
}

/// Where an action came from, in the words the e-mail uses.
pub struct Origin<'a> {
    pub ip: Option<&'a str>,
    /// The browser and system, described ("Safari on iOS").
    pub device: Option<String>,
}

/// Tells the person that an app password `name` was made for their mailbox, in the language
/// they are using: written now, sent in the background (never blocking the action). Nothing
/// is written when their mail server has no sender.
pub async fn credential_created(caller: &Caller, name: &str, origin: Origin<'_>, cause: Cause) {
    let state = &caller.state;
    let server = &caller.organisation.mail_server;
    if !state.senders.serves(server) {
        return;
    }
    let address = &caller.user.email;
    let at = now();
    let when = crate::ssr::time::format_epoch(at);
    let from = match (origin.ip, origin.device) {
        (Some(ip), Some(device)) => format!("{ip} ({device})"),
        (Some(ip), None) => ip.to_owned(),
        (None, Some(device)) => device,
        (None, None) => text::UNKNOWN_PLACE.get(),
    };
    let link = state.absolute("app-passwords");
    let body = match cause {
        Cause::Created => text::created_body(name, address, &when, &from, &link),
        Cause::AppleProfile => text::apple_body(address, &when, &from, &link),
    };
    let notification = NewNotification {
        organisation: &caller.organisation.slug,
        server,
        recipient: address,
        subject: &text::created_subject(name),
        body: &body,
    };
    if let Err(e) = store::insert(&state.db, &notification, at).await {
        tracing::error!(error = %e, "a notification could not be written");
        return;
    }
    // Sent at once when the mail server is well; the background round retries otherwise.
    let state = state.clone();
    tokio::spawn(async move { send_due(&state).await });
}

/// Sends every notification that is due; a failure is tried again later, with a growing
/// wait, and given up after some attempts. Safe on several instances (each claims a row).
pub async fn send_due(state: &AppState) {
    let at = now();
    let due = match store::claim_due(&state.db, at, CLAIM_SECS, 50).await {
        Ok(due) => due,
        Err(e) => {
            tracing::warn!(error = %e, "notifications could not be read");
            return;
        }
    };
    for n in due {
        let outcome = state
            .senders
            .send(&n.server, &n.recipient, &n.subject, &n.body)
            .await;
        let saved = match outcome {
            Ok(()) => {
                tracing::info!(organisation = %n.organisation, id = n.id, "notification sent");
                store::sent(&state.db, n.id, now()).await
            }
            Err(e) => {
                let attempts = n.attempts + 1;
                let give_up = !e.is_transient() || attempts >= MAX_ATTEMPTS;
                // 1, 2, 4 … minutes, at most six hours; a permanent refusal is not retried.
                let next_at = if give_up {
                    i64::MAX / 2
                } else {
                    now() + (60i64 << attempts.min(9)).min(6 * 3600)
                };
                tracing::warn!(organisation = %n.organisation, id = n.id, attempts, give_up, error = %e, "a notification could not be sent");
                store::failed(&state.db, n.id, next_at, &e.to_string()).await
            }
        };
        if let Err(e) = saved {
            tracing::warn!(error = %e, "a notification's outcome could not be saved");
        }
    }
    if let Err(e) = store::purge_sent_before(&state.db, at - KEEP_SENT_SECS).await {
        tracing::warn!(error = %e, "sent notifications could not be purged");
    }
}
