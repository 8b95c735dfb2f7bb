//! SCIM 2.0: the organisation's IdP pushes who joins and who goes (Entra ID provisioning,
//! Authentik's SCIM provider). A user it deactivates or deletes departs: sessions end, app
//! passwords go (`ssr::departures`).

#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;

crate::routing::area! {
    apis {
        "/scim/v2/:org/ServiceProviderConfig" => axum::routing::get(handlers::service_provider_config);
        "/scim/v2/:org/ResourceTypes" => axum::routing::get(handlers::resource_types);
        "/scim/v2/:org/Schemas" => axum::routing::get(handlers::schemas);
        "/scim/v2/:org/Users" => axum::routing::get(handlers::list_users).post(handlers::create_user);
        "/scim/v2/:org/Users/:id" => axum::routing::get(handlers::get_user)
            .put(handlers::replace_user)
            .patch(handlers::patch_user)
            .delete(handlers::delete_user);
    }
}
