//! The SCIM 2.0 endpoint, `/scim/v2/<organisation>/…`: what Entra ID's and Authentik's
//! provisioning clients call. Authenticated by the organisation's bearer token only (no
//! session, no cookie: the token is the proof); a token of another organisation is refused.

use super::model::{LIST_SCHEMA, ScimError, USER_SCHEMA, User, parse_filter};
use super::service;
use crate::ssr::db::scim::{self as store, ScimUser};
use crate::ssr::organisations::Organisation;
use crate::ssr::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const CONTENT_TYPE: &str = "application/scim+json";
/// The most a list answers at once.
const MAX_COUNT: i64 = 200;

pub struct Scim(StatusCode, Value);

impl IntoResponse for Scim {
    fn into_response(self) -> Response {
        let mut response = (self.0, self.1.to_string()).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        response
    }
}

impl From<ScimError> for Scim {
    fn from(e: ScimError) -> Self {
        let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
        Scim(status, e.body())
    }
}

impl From<sqlx::Error> for Scim {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "SCIM request failed at the database");
        ScimError::status(500, "Postern could not store this; try again.").into()
    }
}

type Answer = Result<Scim, Scim>;

/// The organisation whose token the request carries, or 401.
async fn authenticate(
    state: &AppState,
    slug: &str,
    headers: &HeaderMap,
) -> Result<Arc<Organisation>, Scim> {
    let unauthorized = || {
        let mut e = ScimError::status(
            401,
            "The bearer token is not this organisation's SCIM token. Create one on Postern's \
             Directory sync page and paste it into the IdP's provisioning settings.",
        );
        e.scim_type = None;
        Scim::from(e)
    };
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(unauthorized)?;
    let organisation = state
        .organisations()
        .by_slug(slug)
        .cloned()
        .ok_or_else(unauthorized)?;
    if !store::token_matches(&state.db, slug, &crate::ssr::ids::token_digest(token)).await? {
        tracing::warn!(organisation = %slug, "SCIM request with a wrong token refused");
        return Err(unauthorized());
    }
    Ok(organisation)
}

fn rfc3339(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

fn resource(state: &AppState, stored: &ScimUser) -> Value {
    let location = state.absolute(&format!(
        "scim/v2/{}/Users/{}",
        stored.organisation, stored.id
    ));
    let mut user = User::from_stored(&stored.resource_json);
    // What Postern acts on is the row's, whatever the stored body says.
    user.patch_active(stored.active());
    user.to_resource(
        &stored.id,
        &rfc3339(stored.created_at),
        &rfc3339(stored.updated_at),
        &location,
    )
}

/// Another user of the organisation has this userName (RFC 7644 §3.3: 409 uniqueness).
fn taken(user_name: &str) -> Scim {
    Scim::from(ScimError {
        status: 409,
        scim_type: Some("uniqueness"),
        detail: format!("A user with userName {user_name} exists already."),
    })
}

fn not_found(id: &str) -> Scim {
    ScimError::status(404, format!("No user with id {id}.")).into()
}

pub async fn service_provider_config(
    State(state): State<AppState>,
    Path(org): Path<String>,
    headers: HeaderMap,
) -> Answer {
    authenticate(&state, &org, &headers).await?;
    Ok(Scim(
        StatusCode::OK,
        json!({
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "documentationUri": "https://github.com/postern-mail/postern#directory-sync",
            "patch": { "supported": true },
            "bulk": { "supported": false, "maxOperations": 0, "maxPayloadSize": 0 },
            "filter": { "supported": true, "maxResults": MAX_COUNT },
            "changePassword": { "supported": false },
            "sort": { "supported": false },
            "etag": { "supported": false },
            "authenticationSchemes": [{
                "type": "oauthbearertoken",
                "name": "OAuth Bearer Token",
                "description": "The organisation's SCIM token, from Postern's Directory sync page",
                "primary": true
            }],
            "meta": { "resourceType": "ServiceProviderConfig",
                      "location": state.absolute(&format!("scim/v2/{org}/ServiceProviderConfig")) }
        }),
    ))
}

pub async fn resource_types(
    State(state): State<AppState>,
    Path(org): Path<String>,
    headers: HeaderMap,
) -> Answer {
    authenticate(&state, &org, &headers).await?;
    let user = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
        "id": "User", "name": "User", "endpoint": "/Users", "schema": USER_SCHEMA,
        "schemaExtensions": [{ "schema": super::model::ENTERPRISE_SCHEMA, "required": false }],
        "meta": { "resourceType": "ResourceType",
                  "location": state.absolute(&format!("scim/v2/{org}/ResourceTypes/User")) }
    });
    Ok(list(vec![user], 1, 1))
}

pub async fn schemas(
    State(state): State<AppState>,
    Path(org): Path<String>,
    headers: HeaderMap,
) -> Answer {
    authenticate(&state, &org, &headers).await?;
    let attribute = |name: &str, kind: &str, required: bool| {
        json!({ "name": name, "type": kind, "multiValued": false, "required": required,
                "caseExact": false, "mutability": "readWrite", "returned": "default",
                "uniqueness": if name == "userName" { "server" } else { "none" } })
    };
    let user = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
        "id": USER_SCHEMA, "name": "User", "description": "A person of the organisation",
        "attributes": [
            attribute("userName", "string", true),
            attribute("externalId", "string", false),
            attribute("active", "boolean", false),
            attribute("displayName", "string", false),
            { "name": "emails", "type": "complex", "multiValued": true, "required": false,
              "mutability": "readWrite", "returned": "default",
              "subAttributes": [attribute("value", "string", false), attribute("type", "string", false),
                                attribute("primary", "boolean", false)] }
        ],
        "meta": { "resourceType": "Schema",
                  "location": state.absolute(&format!("scim/v2/{org}/Schemas/{USER_SCHEMA}")) }
    });
    Ok(list(vec![user], 1, 1))
}

fn list(resources: Vec<Value>, total: i64, start: i64) -> Scim {
    Scim(
        StatusCode::OK,
        json!({
            "schemas": [LIST_SCHEMA],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": resources.len(),
            "Resources": resources,
        }),
    )
}

#[derive(Deserialize)]
pub struct ListQuery {
    filter: Option<String>,
    #[serde(rename = "startIndex")]
    start_index: Option<i64>,
    count: Option<i64>,
}

pub async fn list_users(
    State(state): State<AppState>,
    Path(org): Path<String>,
    Query(q): Query<ListQuery>,
    headers: HeaderMap,
) -> Answer {
    let organisation = authenticate(&state, &org, &headers).await?;
    let start = q.start_index.unwrap_or(1).max(1);
    let count = q.count.unwrap_or(100).clamp(0, MAX_COUNT);
    if let Some(filter) = q.filter.as_deref().filter(|f| !f.trim().is_empty()) {
        let (attribute, value) = parse_filter(filter)?;
        let found = store::find_by(&state.db, &organisation.slug, attribute, &value).await?;
        let total = found.len() as i64;
        let page: Vec<Value> = found
            .iter()
            .skip((start - 1) as usize)
            .take(count as usize)
            .map(|u| resource(&state, u))
            .collect();
        return Ok(list(page, total, start));
    }
    let (users, total) = store::page(&state.db, &organisation.slug, start, count).await?;
    Ok(list(
        users.iter().map(|u| resource(&state, u)).collect(),
        total,
        start,
    ))
}

pub async fn get_user(
    State(state): State<AppState>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    let organisation = authenticate(&state, &org, &headers).await?;
    let stored = store::find(&state.db, &organisation.slug, &id)
        .await?
        .ok_or_else(|| not_found(&id))?;
    Ok(Scim(StatusCode::OK, resource(&state, &stored)))
}

fn body(bytes: &[u8]) -> Result<Value, Scim> {
    serde_json::from_slice(bytes).map_err(|e| {
        Scim::from(ScimError::bad(
            "invalidSyntax",
            format!("The body is not JSON: {e}."),
        ))
    })
}

pub async fn create_user(
    State(state): State<AppState>,
    Path(org): Path<String>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Answer {
    let organisation = authenticate(&state, &org, &headers).await?;
    let user = User::from_body(body(&bytes)?)?;
    let user_name = user.user_name().unwrap_or_default().to_owned();
    let created = store::create(
        &state.db,
        &organisation.slug,
        &service::new_id(),
        &user_name,
        user.external_id(),
        user.active(),
        &user.stored(),
    )
    .await?
    .ok_or_else(|| taken(&user_name))?;
    service::settle(&state, &organisation, &user, false).await?;
    Ok(Scim(StatusCode::CREATED, resource(&state, &created)))
}

pub async fn replace_user(
    State(state): State<AppState>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Answer {
    let organisation = authenticate(&state, &org, &headers).await?;
    let user = User::from_body(body(&bytes)?)?;
    store_and_settle(&state, &organisation, &id, user).await
}

pub async fn patch_user(
    State(state): State<AppState>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
    bytes: axum::body::Bytes,
) -> Answer {
    let organisation = authenticate(&state, &org, &headers).await?;
    let stored = store::find(&state.db, &organisation.slug, &id)
        .await?
        .ok_or_else(|| not_found(&id))?;
    let mut user = User::from_stored(&stored.resource_json);
    user.patch_active(stored.active());
    user.patch(body(&bytes)?)?;
    store_and_settle(&state, &organisation, &id, user).await
}

async fn store_and_settle(
    state: &AppState,
    organisation: &Organisation,
    id: &str,
    user: User,
) -> Answer {
    let user_name = user
        .user_name()
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| Scim::from(ScimError::bad("invalidValue", "userName is required.")))?
        .to_owned();
    let updated = store::update(
        &state.db,
        &organisation.slug,
        id,
        &user_name,
        user.external_id(),
        user.active(),
        &user.stored(),
    )
    .await
    .map_err(|e| match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => taken(&user_name),
        e => Scim::from(e),
    })?
    .ok_or_else(|| not_found(id))?;
    service::settle(state, organisation, &user, false).await?;
    Ok(Scim(StatusCode::OK, resource(state, &updated)))
}

pub async fn delete_user(
    State(state): State<AppState>,
    Path((org, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<StatusCode, Scim> {
    let organisation = authenticate(&state, &org, &headers).await?;
    let stored = store::find(&state.db, &organisation.slug, &id)
        .await?
        .ok_or_else(|| not_found(&id))?;
    let user = User::from_stored(&stored.resource_json);
    service::settle(&state, &organisation, &user, true).await?;
    store::delete(&state.db, &organisation.slug, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
