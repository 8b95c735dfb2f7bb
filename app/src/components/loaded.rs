//! A page whose data comes from a server function: rendered once the data is there (on the
//! server, so the HTML arrives complete), or as the error page when loading failed.

use super::alert::{Alert, AlertKind};
use super::layout::Page;
use super::text;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Waits for `data`, then shows `render(data)`; on failure, [`error_view`].
pub fn loaded<T, V>(
    data: Resource<Result<T, AppError>>,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => render(value).into_any(),
                        Err(e) => error_view(e),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a page shows when loading its data failed: signed-out people go to the start page,
/// everyone else reads the error (which is always safe to show, see `AppError`).
pub fn error_view(e: AppError) -> AnyView {
    match e {
        AppError::Unauthorized => view! { <Redirect path="/"/> }.into_any(),
        AppError::SignInAgain => {
            let here = leptos_router::hooks::use_location()
                .pathname
                .get_untracked();
            let encoded: String = url_encode(&here);
            view! { <Redirect path=format!("/auth/refresh?return_to={encoded}")/> }.into_any()
        }
        AppError::Forbidden => view! {
            <Page>
                <h1>{text::FORBIDDEN_TITLE}</h1>
                <Alert kind=AlertKind::Error><p>{text::FORBIDDEN_BODY}</p></Alert>
            </Page>
        }
        .into_any(),
        other => {
            view! { <Page><Alert kind=AlertKind::Error><p>{other.to_string()}</p></Alert></Page> }
                .into_any()
        }
    }
}

/// Percent-encodes a path for a query parameter.
fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
