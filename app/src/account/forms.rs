//! The form posts of "My account": signing out of every session, and choosing a language.

use super::service::sign_out_everywhere;
use super::text;
use crate::i18n::Locale;
use crate::ssr::db::users;
use crate::ssr::http::SignedIn;
use crate::ssr::http::{local_path, set_language_cookies};
use crate::ssr::session::{Flash, FlashKind};
use crate::ssr::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

/// Ends every session of the person, this one included, and says so on the start page.
pub(super) async fn sign_out_all(s: SignedIn) -> Response {
    if let Err(e) = sign_out_everywhere(&s.caller, &s.meta).await {
        return s.reply.back(Err(e), "/account").await;
    }
    let session = &s.reply.session;
    if let Err(e) = session.sign_out().await {
        tracing::error!(error = %e, "cannot delete the session");
    }
    let flash = Flash {
        kind: FlashKind::Info,
        message: text::SIGNED_OUT_EVERYWHERE.into(),
        email: None,
    };
    if let Err(e) = session.set_flash(&flash).await {
        tracing::error!(error = %e, "cannot store the notice");
    }
    Redirect::to("/").into_response()
}

/// The language selector of the page frame.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct LanguageForm {
    language: String,
    /// The page to show again, in the new language.
    #[serde(default)]
    back: Option<String>,
}

impl crate::routing::Sample for LanguageForm {
    fn sample(_: &crate::routing::Target) -> Self {
        LanguageForm {
            language: "de".into(),
            back: Some("/account".into()),
        }
    }
}

/// Keeps the chosen language in a cookie (signed in or not, it outlives the session) and, for
/// a signed-in person, in their preferences, so their next sign-in on another device speaks it
/// too. Then shows the page they were on again. A language Postern does not speak changes
/// nothing.
pub(super) async fn choose_language(
    State(state): State<AppState>,
    session: tower_sessions::Session,
    Form(form): Form<LanguageForm>,
) -> Response {
    let back = local_path(form.back.as_deref()).unwrap_or("/").to_owned();
    let mut response = Redirect::to(&back).into_response();
    let Some(locale) = Locale::from_code(&form.language) else {
        return response;
    };
    let session = crate::ssr::session::AppSession(session);
    if let Ok(Some(user)) = session.user().await
        && let Err(e) =
            users::set_locale(&state.db, &user.organisation, user.user_id, locale.code()).await
    {
        // The cookie still carries the choice on this device.
        tracing::warn!(error = %e, "cannot keep the language preference");
    }
    set_language_cookies(&mut response, state.cookies_secure(), Some(locale), None);
    response
}
