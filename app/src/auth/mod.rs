//! Signing in through the organisation's identity provider, and signing out.

#[cfg(feature = "ssr")]
pub mod actions;
pub mod api;
#[cfg(feature = "ssr")]
pub mod backchannel;
#[cfg(feature = "ssr")]
pub mod forms;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod test_sign_in;
pub mod text;

crate::routing::area! {
    pages {
        "/" => pages::SignInPage, Public;
    }
    posts {
        "/auth/login" => forms::login, Public, forms::LoginForm;
        "/auth/logout" => forms::logout, Public, NoFields;
    }
    downloads {
        "/auth/callback" => forms::callback, Public;
        "/auth/refresh" => forms::refresh, SignedIn;
    }
    apis {
        "/auth/backchannel-logout/:org" => axum::routing::post(backchannel::backchannel_logout);
    }
}
