//! How an area says what it serves: one table per area ([`area!`], in the area's `mod.rs`)
//! lists every page, form post and download, with who may use it and, for posts, the form it
//! takes. The Leptos routes, the axum router and the boundary tests are all built from those
//! tables; nothing else lists routes.
//!
//! Paths use one syntax, Leptos's: `/admin/mailboxes/:id/delete`. A route's path starts with
//! the area's own prefix (`/admin/domains/…` is the domains area's, under the admin menu).

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (signing in and out).
    Public,
    /// A signed-in person, for their own things.
    SignedIn,
    /// A tenant admin, for their organisation's things.
    Admin,
    /// An admin of a partner organisation, for the organisations it manages.
    Partner,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::SignedIn => "signed-in",
            Access::Admin => "admin",
            Access::Partner => "partner",
        }
    }
}

/// Whose things a sample form names: the boundary tests fill in every form for an
/// organisation that is not the sender's, and for accounts the portal must never touch.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone)]
pub struct Target {
    /// A domain of the organisation.
    pub domain: String,
    /// An existing address of the organisation (a member, the one to confirm).
    pub address: String,
    /// The organisation's slug (what removing it asks to type).
    pub slug: String,
}

/// A form filled in for `target` as a person would, so that a post reaches its handler's
/// checks rather than failing to parse. Implemented next to each form type: a new field
/// does not compile until its sample says what it holds.
#[cfg(feature = "ssr")]
pub trait Sample: serde::Serialize {
    fn sample(target: &Target) -> Self;
}

/// A post that takes no fields.
#[cfg(feature = "ssr")]
#[derive(serde::Serialize)]
pub struct NoFields {}

#[cfg(feature = "ssr")]
impl Sample for NoFields {
    fn sample(_: &Target) -> Self {
        NoFields {}
    }
}

/// The area's table. Pages name their component, posts their handler and form type
/// ([`NoFields`] when there is none), downloads (GETs answered outside Leptos) their
/// handler:
///
/// ```ignore
/// crate::routing::area! {
///     pages {
///         "/app-passwords" => pages::AppPasswordsPage, SignedIn;
///     }
///     posts {
///         "/app-passwords/:id/revoke" => forms::revoke, SignedIn, NoFields;
///     }
///     downloads {}
/// }
/// ```
///
/// It defines `Pages` (the area's Leptos routes, placed in [`crate::App`]) and, on the
/// server, `table()` (every entry, for the router and the tests).
macro_rules! area {
    (
        pages { $( $page:tt => $view:path, $page_access:ident; )* }
        posts { $( $post:tt => $handler:path, $post_access:ident, $form:ty; )* }
        downloads { $( $download:tt => $getter:path, $download_access:ident; )* }
    ) => {
        /// The area's pages, as Leptos routes.
        #[leptos::component(transparent)]
        pub fn Pages() -> impl leptos_router::MatchNestedRoutes + Clone {
            use leptos::prelude::*;
            use leptos_router::components::Route;
            view! {
                $(
                    <Route
                        path=leptos_router::path!($page)
                        view=$view
                        ssr=leptos_router::SsrMode::Async
                    />
                )*
            }
            .into_inner()
        }

        /// Every page, post and download of the area, with who may use it.
        #[cfg(feature = "ssr")]
        pub fn table() -> Vec<crate::ssr::http::Route> {
            use crate::routing::Access;
            use crate::ssr::http::Route;
            #[allow(unused_imports)]
            use crate::routing::NoFields;
            vec![
                $( Route::page($page, Access::$page_access), )*
                $( Route::post::<$form, _, _>($post, Access::$post_access, $handler), )*
                $( Route::download($download, Access::$download_access, $getter), )*
            ]
        }
    };
}

pub(crate) use area;
