//! Who the ID token says signed in: the subject, the address (from the organisation's e-mail
//! claim, verified when it asks so), the display name and the groups.

use super::{IdClaims, Identity, OidcError};
use crate::ssr::organisations::Organisation;
use serde_json::Value;

pub(super) fn from_claims(
    organisation: &Organisation,
    claims: IdClaims,
    id_token: String,
) -> Result<Identity, OidcError> {
    let extra = &claims.additional_claims().other;
    let email = match organisation.oidc.email_claim.as_str() {
        "email" => {
            if organisation.require_verified_email && claims.email_verified() != Some(true) {
                return Err(OidcError::Unverified);
            }
            claims.email().map(|e| e.as_str().to_owned())
        }
        "preferred_username" => claims.preferred_username().map(|u| u.as_str().to_owned()),
        other => extra.get(other).and_then(Value::as_str).map(str::to_owned),
    }
    .map(|e| e.trim().to_lowercase())
    .filter(|e| !e.is_empty())
    .ok_or_else(|| {
        OidcError::Unusable(format!(
            "the ID token has no {} claim",
            organisation.oidc.email_claim
        ))
    })?;

    let groups = match extra.get(&organisation.oidc.groups_claim) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().to_owned())
        .filter(|n| !n.trim().is_empty());
    Ok(Identity {
        subject: claims.subject().as_str().to_owned(),
        email,
        name,
        groups,
        auth_time: claims.auth_time().map(|t| t.timestamp()),
        id_token,
        extra: extra.clone(),
    })
}
