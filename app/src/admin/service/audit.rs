//! The organisation's audit log, as the admin page shows it and as a CSV download.

use crate::account::service::me;
use crate::admin::model::{AUDIT_PAGE_SIZE, AuditRow, AuditView};
use crate::error::AppError;
use crate::ssr::db::audit::{self, Event, Filter};
use crate::ssr::scope::AdminScope;
use crate::ssr::time::format_epoch;

/// One page of the events matching `action` (prefix) and `actor` (part of the address).
pub async fn list(
    scope: &AdminScope,
    action: String,
    actor: String,
    page: u64,
) -> Result<AuditView, AppError> {
    let db = &scope.caller.state.db;
    let organisation = &scope.caller.organisation.slug;
    let filter = Filter {
        action: &action,
        actor: &actor,
    };
    let page = page.max(1);
    let total = audit::count_for_organisation(db, organisation, &filter)
        .await
        .map_err(AppError::internal)?;
    let offset = (page - 1) * AUDIT_PAGE_SIZE;
    let events = audit::for_organisation(
        db,
        organisation,
        &filter,
        AUDIT_PAGE_SIZE as i64,
        offset as i64,
    )
    .await
    .map_err(AppError::internal)?;
    let alerts = crate::activity::service::failure_alerts(&scope.caller.state, organisation)
        .await
        .map_err(AppError::internal)?;
    Ok(AuditView {
        me: me(&scope.caller),
        alerts,
        page,
        total: total.max(0) as u64,
        rows: events.iter().map(row).collect(),
        actions: (scope.caller.state.audit_actions.iter())
            .map(|a| a.as_str().to_owned())
            .collect(),
        action,
        actor,
    })
}

fn row(e: &Event) -> AuditRow {
    AuditRow {
        when: format_epoch(e.at),
        actor: crate::ssr::db::audit::system_actors::in_words(&e.actor_email),
        action: e.action.clone(),
        target: e.target.clone(),
        detail: e.detail_json.clone(),
        ip: e.ip.clone(),
        outcome: e.outcome.clone(),
    }
}

/// Every matching event as CSV (RFC 4180), newest first, read a thousand at a time.
pub async fn csv(scope: &AdminScope, action: &str, actor: &str) -> Result<String, AppError> {
    const CHUNK: i64 = 1000;
    let db = &scope.caller.state.db;
    let organisation = &scope.caller.organisation.slug;
    let filter = Filter { action, actor };
    let mut out = String::from("time,actor,action,target,outcome,ip,user_agent,detail\r\n");
    let mut offset = 0;
    loop {
        let events = audit::for_organisation(db, organisation, &filter, CHUNK, offset)
            .await
            .map_err(AppError::internal)?;
        for e in &events {
            let at = time::OffsetDateTime::from_unix_timestamp(e.at)
                .ok()
                .and_then(|t| {
                    t.format(&time::format_description::well_known::Rfc3339)
                        .ok()
                })
                .unwrap_or_default();
            let fields = [
                at.as_str(),
                &e.actor_email,
                &e.action,
                e.target.as_deref().unwrap_or(""),
                &e.outcome,
                e.ip.as_deref().unwrap_or(""),
                e.user_agent.as_deref().unwrap_or(""),
                &e.detail_json,
            ];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        if (events.len() as i64) < CHUNK {
            return Ok(out);
        }
        offset += CHUNK;
    }
}

/// One CSV field: quoted when needed, and never read as a formula by a spreadsheet (a
/// leading `=`, `+`, `-` or `@` gets a `'`).
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field(r#"{"k":"v"}"#), r#""{""k"":""v""}""#);
        assert_eq!(csv_field("=HYPERLINK(x)"), "'=HYPERLINK(x)");
    }
}
