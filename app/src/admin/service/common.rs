//! What every admin action shares: finding one of the organisation's accounts, reading an address
//! typed into a form, explaining Stalwart's refusals, and writing the audit log.

use super::validate::valid_local_part;
use crate::admin::text;
use crate::error::{AppError, FieldError};
use crate::ssr::http::RequestMeta;
use crate::ssr::scope::AdminScope;
use crate::ssr::stalwart::error::{SetError, SetErrorKind, StalwartError};
use crate::ssr::stalwart::model::{Account, AccountKind};
use crate::ssr::state::{Audited, Event};
use serde_json::Value;

pub fn not_found() -> AppError {
    AppError::NotFound(text::NOT_FOUND.into())
}

/// An account of this organisation, by id; anything else is "not found".
pub async fn account(scope: &AdminScope, id: &str, kind: AccountKind) -> Result<Account, AppError> {
    let found = scope
        .stalwart()
        .accounts(&[id.to_owned()])
        .await
        .map_err(|e| e.user_error(text::action::LOAD_MAILBOX))?;
    found
        .into_iter()
        .find(|a| a.kind == kind && scope.owns(a))
        .ok_or_else(not_found)
}

/// Splits `local@domain`, requiring one of the organisation's domains; returns the local part and
/// the domain's id.
pub fn parse_address<'a>(
    scope: &AdminScope,
    field: &str,
    address: &'a str,
) -> Result<(&'a str, String), AppError> {
    let address = address.trim();
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(AppError::field(
            field,
            text::not_an_address(address, scope.example_domain()),
        ));
    };
    valid_local_part(local).map_err(|m| AppError::field(field, m))?;
    let domain = domain.to_lowercase();
    let id = scope.domain_id(&domain).ok_or_else(|| {
        AppError::field(
            field,
            text::not_our_domain(&domain, &scope.domain_names().join(", ")),
        )
    })?;
    Ok((local, id.to_owned()))
}

/// `alias@domain` of an alias, or of another domain when it is not the organisation's.
pub fn alias_address(scope: &AdminScope, name: &str, domain_id: &str) -> String {
    format!(
        "{name}@{}",
        scope
            .domain_name(domain_id)
            .map_or_else(|| text::ANOTHER_DOMAIN.get(), str::to_owned)
    )
}

/// Every group of the organisation, with its domain's name.
pub async fn organisation_groups(scope: &AdminScope) -> Result<Vec<(String, Account)>, AppError> {
    let mut groups = Vec::new();
    for (name, id) in scope.domains() {
        let found = scope
            .stalwart()
            .groups(id)
            .await
            .map_err(|e| e.user_error(text::action::LIST_GROUPS))?;
        groups.extend(found.into_iter().map(|g| (name.clone(), g)));
    }
    Ok(groups)
}

/// Every group of the organisation as (id, address).
pub async fn group_addresses(scope: &AdminScope) -> Result<Vec<(String, String)>, AppError> {
    Ok(organisation_groups(scope)
        .await?
        .into_iter()
        .map(|(domain, g)| (g.id, format!("{}@{domain}", g.local_part)))
        .collect())
}

/// A Stalwart refusal in words an admin understands.
pub fn explain(e: &StalwartError, action: crate::i18n::Key) -> AppError {
    match e.set_error() {
        Some(set) => explain_set_error(set, action),
        None => e.user_error(action),
    }
}

pub fn explain_set_error(set: &SetError, action: crate::i18n::Key) -> AppError {
    match set.kind {
        SetErrorKind::PrimaryKeyViolation => AppError::Conflict(text::TAKEN.into()),
        SetErrorKind::InvalidForeignKey => AppError::Conflict(text::DOMAIN_GONE.into()),
        SetErrorKind::ObjectIsLinked => {
            let objects = set
                .linked_objects
                .iter()
                .map(|o| format!("{} {}", o.object, o.id))
                .collect::<Vec<_>>()
                .join(", ");
            AppError::Conflict(text::still_linked(&action.get(), &objects))
        }
        SetErrorKind::OverQuota => AppError::Conflict(text::limit_reached(&action.get())),
        SetErrorKind::InvalidProperties if set.properties.iter().any(|p| p == "secret") => {
            AppError::field(
                "password",
                set.description.as_deref().map_or_else(
                    || text::PASSWORD_REFUSED.get(),
                    |d| crate::error::text::stalwart_said(d, text::PASSWORD_REFUSED),
                ),
            )
        }
        SetErrorKind::InvalidProperties | SetErrorKind::ValidationFailed => {
            AppError::Validation(vec![FieldError {
                field: set
                    .properties
                    .first()
                    .map_or("form", |p| form_field(p))
                    .to_owned(),
                message: set.description.as_deref().map_or_else(
                    || text::VALUE_REFUSED.get(),
                    |d| crate::error::text::stalwart_said(d, text::VALUE_REFUSED),
                ),
            }])
        }
        SetErrorKind::NotFound => AppError::NotFound(text::DELETED_MEANWHILE.into()),
        // "Cannot set credentials for accounts in an external directory." (live 086)
        SetErrorKind::Forbidden
            if set
                .description
                .as_deref()
                .is_some_and(|d| d.contains("external directory")) =>
        {
            AppError::Refused(text::PASSWORDS_EXTERNAL.into())
        }
        SetErrorKind::Forbidden => AppError::Refused(text::CHANGE_REFUSED.into()),
        _ => AppError::internal(format!("{action}: {set}")),
    }
}

/// One audit event: `<thing>.<verb>` by the signed-in admin.
pub async fn record(
    scope: &AdminScope,
    meta: &RequestMeta,
    action: crate::ssr::db::audit::Action,
    account: Option<&str>,
    target: Option<&str>,
    detail: Value,
) {
    let event = Event {
        action,
        account,
        target,
        detail,
    };
    scope.caller.record(meta, event).await;
}

/// The audit event of a credential change, written before the change is made; an error
/// means the log cannot be written and the change must not happen.
pub async fn begin(
    scope: &AdminScope,
    meta: &RequestMeta,
    action: crate::ssr::db::audit::Action,
    account: Option<&str>,
    target: Option<&str>,
    detail: Value,
) -> Result<Audited, AppError> {
    let event = Event {
        action,
        account,
        target,
        detail,
    };
    scope.caller.begin(meta, event).await
}

/// The form field a property Stalwart refused is typed in: Stalwart's `name` is our
/// `local_part` and its `description` our `display_name`; others keep their name.
fn form_field(property: &str) -> &str {
    match property {
        "name" => "local_part",
        "description" => "display_name",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_property_stalwart_refuses_is_shown_at_the_field_it_was_typed_in() {
        assert_eq!(super::form_field("name"), "local_part");
        assert_eq!(super::form_field("description"), "display_name");
        assert_eq!(super::form_field("quotas"), "quotas");
    }
}
