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
    /// An organisation admin, for their organisation's things.
    Admin,
    /// An admin of a partner organisation, for the organisations it manages.
    Partner,
    /// A machine that proves itself on each request, with no session or cookie: an IdP's
    /// SCIM client (the organisation's bearer token) or its back-channel logout (a token it
    /// signed). Served outside the session and cross-site checks.
    Token,
}

impl Access {
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Public => "public",
            Access::SignedIn => "signed-in",
            Access::Admin => "admin",
            Access::Partner => "partner",
            Access::Token => "token",
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

/// What a table says of a post besides who may send it (`Admin + Fresh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Weighty: the handler sends a sign-in older than the organisation's
    /// `fresh_auth_max_age` to the IdP first (for some posts only when the form asks for the
    /// weighty thing, e.g. removing with "delete at the mail server" ticked; the form's
    /// [`Sample`] asks for it).
    Fresh,
}

#[cfg(feature = "ssr")]
pub use table::{Kind, Route, router};

/// The tables' entries, and the router built from them (server side).
#[cfg(feature = "ssr")]
mod table {
    use super::{Access, Mark, Sample, Target};
    use crate::ssr::state::AppState;
    use http::Method;

    /// What a route is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Kind {
        /// A Leptos page (GET), rendered by the area's `Pages`.
        Page,
        /// A form post.
        Post,
        /// A GET answered outside Leptos (a file, a redirect, a status for a script).
        Download,
        /// A machine's endpoint ([`Access::Token`]), any methods.
        Api,
    }

    /// One entry of an area's table (see [`area!`]): the router, the Leptos routes
    /// and the boundary tests all go through the same tables, so a new route cannot escape them.
    pub struct Route {
        pub method: Method,
        /// Leptos syntax: `/admin/mailboxes/:id/delete`.
        pub path: &'static str,
        pub access: Access,
        pub kind: Kind,
        /// For posts: the form, filled in for a target as the browser would send it.
        pub sample: Option<fn(&Target) -> String>,
        /// Marked [`Mark::Fresh`]: needs a recent sign-in at the IdP.
        pub fresh: bool,
        handler: Option<axum::routing::MethodRouter<AppState>>,
    }

    impl Route {
        pub fn page(path: &'static str, access: Access) -> Self {
            Self {
                method: Method::GET,
                path,
                access,
                kind: Kind::Page,
                sample: None,
                fresh: false,
                handler: None,
            }
        }

        pub fn post<F, H, T>(path: &'static str, access: Access, handler: H) -> Self
        where
            F: Sample,
            H: axum::handler::Handler<T, AppState>,
            T: 'static,
        {
            Self {
                method: Method::POST,
                path,
                access,
                kind: Kind::Post,
                sample: Some(|target| {
                    serde_urlencoded::to_string(F::sample(target)).unwrap_or_default()
                }),
                fresh: false,
                handler: Some(axum::routing::post(handler)),
            }
        }

        pub fn download<H, T>(path: &'static str, access: Access, handler: H) -> Self
        where
            H: axum::handler::Handler<T, AppState>,
            T: 'static,
        {
            Self {
                method: Method::GET,
                path,
                access,
                kind: Kind::Download,
                sample: None,
                fresh: false,
                handler: Some(axum::routing::get(handler)),
            }
        }

        /// A machine's endpoint: `handler` routes its methods; always [`Access::Token`].
        pub fn api(path: &'static str, handler: axum::routing::MethodRouter<AppState>) -> Self {
            Self {
                method: Method::GET,
                path,
                access: Access::Token,
                kind: Kind::Api,
                sample: None,
                fresh: false,
                handler: Some(handler),
            }
        }

        pub fn marked(mut self, mark: Mark) -> Self {
            match mark {
                Mark::Fresh => self.fresh = true,
            }
            self
        }

        /// The names of the path's parameters (`id` of `/admin/mailboxes/:id`).
        pub fn params(&self) -> impl Iterator<Item = &'static str> {
            self.path.split('/').filter_map(|s| s.strip_prefix(':'))
        }

        /// The path with each parameter replaced by `value(name)`.
        pub fn fill(&self, value: impl Fn(&str) -> String) -> String {
            self.path
                .split('/')
                .map(|s| s.strip_prefix(':').map_or_else(|| s.to_owned(), &value))
                .collect::<Vec<_>>()
                .join("/")
        }
    }

    /// The router of the posts and downloads of a list of routes (the pages are Leptos's);
    /// with `machines`, of the [`Kind::Api`] routes only, and without, of the others.
    pub fn router(routes: Vec<Route>, machines: bool) -> axum::Router<AppState> {
        let chosen = routes
            .into_iter()
            .filter(|r| (r.kind == Kind::Api) == machines);
        chosen.fold(axum::Router::new(), |router, r| {
            let path = r.fill(|name| format!("{{{name}}}"));
            match r.handler {
                Some(handler) => router.route(&path, handler),
                None => router,
            }
        })
    }
}

/// The area's table. Pages name their component, posts their handler and form type
/// ([`NoFields`] when there is none) and, after their access, any [`Mark`] (`Admin + Fresh`),
/// downloads (GETs answered outside Leptos) their handler, and machines' endpoints (optional,
/// always [`Access::Token`]) their method router:
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
///     apis {
///         "/scim/v2/:org/Users" => get(handlers::list_users).post(handlers::create_user);
///     }
/// }
/// ```
///
/// It defines `Pages` (the area's Leptos routes, placed in [`crate::App`]) and, on the
/// server, `table()` (every entry, for the router and the tests).
macro_rules! area {
    // An area of machines' endpoints only: no pages.
    (
        apis { $( $api:tt => $api_handler:expr; )* }
    ) => {
        /// Every endpoint of the area.
        #[cfg(feature = "ssr")]
        pub fn table() -> Vec<crate::routing::Route> {
            vec![ $( crate::routing::Route::api($api, $api_handler), )* ]
        }
    };
    (
        pages { $( $page:tt => $view:path, $page_access:ident; )* }
        posts { $( $post:tt => $handler:path, $post_access:ident $(+ $mark:ident)?, $form:ty; )* }
        downloads { $( $download:tt => $getter:path, $download_access:ident; )* }
        $( apis { $( $api:tt => $api_handler:expr; )* } )?
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
        pub fn table() -> Vec<crate::routing::Route> {
            use crate::routing::Access;
            use crate::routing::Route;
            #[allow(unused_imports)]
            use crate::routing::NoFields;
            vec![
                $( Route::page($page, Access::$page_access), )*
                $( Route::post::<$form, _, _>($post, Access::$post_access, $handler)
                    $( .marked(crate::routing::Mark::$mark) )?, )*
                $( Route::download($download, Access::$download_access, $getter), )*
                $( $( Route::api($api, $api_handler), )* )?
            ]
        }
    };
}

pub(crate) use area;
