//! The mailbox list of one domain (searchable, paged), and the create-mailbox form.

use super::protected_badge;
use crate::admin::api::{get_mailboxes, get_new_mailbox};
use crate::admin::model::{
    AdminFormOutcome, MailboxRow, MailboxesView, NewMailboxForm, NewMailboxView, PAGE_SIZE,
};
use crate::admin::text;
use crate::components::text::human_bytes;
use crate::components::url_encoded;
use crate::components::{Alert, AlertKind, Field, Page, PendingSubmit, loaded, notice_view};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn storage(used: u64, quota: Option<u64>) -> String {
    text::storage(&human_bytes(used), quota.map(human_bytes).as_deref())
}

#[component]
pub fn MailboxesPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("domain"),
            q.get("q"),
            q.get("page").and_then(|p| p.parse::<u64>().ok()),
        )
    };
    let data = Resource::new_blocking(args, |(domain, q, page)| get_mailboxes(domain, q, page));
    view! {
        <Title text=text::MAILBOXES/>
        {loaded(data, |v| view! { <Mailboxes view=v/> })}
    }
}

#[component]
fn Mailboxes(view: MailboxesView) -> impl IntoView {
    let MailboxesView {
        me,
        domains,
        domain,
        query,
        page,
        total,
        rows,
        notice,
    } = view;
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let link = {
        let (domain, query) = (domain.clone(), query.clone());
        move |page: u64| {
            let mut url = url_encoded(&[("domain", domain.as_str()), ("q", query.as_str())]);
            url.push_str(&format!("&page={page}"));
            format!("/admin/mailboxes?{url}")
        }
    };
    let empty_message = if query.is_empty() {
        text::EMPTY_DOMAIN
    } else {
        text::NONE_FOUND
    };
    view! {
        <Page me=me current="/admin/mailboxes">
            <h1>{text::MAILBOXES}</h1>
            {notice_view(notice)}
            <p class="actions"><a class="button" href="/admin/mailboxes/new">{text::NEW_MAILBOX}</a></p>
            <form method="get" action="/admin/mailboxes" class="card filters" role="search">
                <div class="field">
                    <label for="domain">{text::DOMAIN}</label>
                    <select id="domain" name="domain">
                        {domains.into_iter().map(|d| {
                            let selected = d == domain;
                            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="q">{text::SEARCH}</label>
                    <input id="q" name="q" type="search" value=query placeholder=text::SEARCH_HINT/>
                </div>
                <button type="submit">{text::SHOW}</button>
            </form>
            <p class="hint" role="status">{text::mailbox_count(total, page, pages)}</p>
            {if rows.is_empty() {
                view! { <p class="card">{empty_message}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap card">
                        <table data-testid="mailboxes">
                            <caption class="visually-hidden">{text::MAILBOXES}</caption>
                            <thead><tr>
                                <th scope="col">{text::ADDRESS}</th><th scope="col">{text::DISPLAY_NAME}</th>
                                <th scope="col">{text::STORAGE}</th><th scope="col">{text::ALIASES}</th>
                                <th scope="col">{text::MEMBER_OF}</th>
                            </tr></thead>
                            <tbody>{rows.into_iter().map(mailbox_row).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label=text::PAGES>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{text::PREVIOUS}</a> })}
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{text::NEXT}</a> })}
            </nav>
        </Page>
    }
}

fn mailbox_row(row: MailboxRow) -> impl IntoView {
    let href = format!("/admin/mailboxes/{}", row.id);
    view! {
        <tr>
            <th scope="row"><a href=href>{row.address}</a>" "{protected_badge(row.protected)}</th>
            <td>{row.display_name.unwrap_or_default()}</td>
            <td>{storage(row.used_bytes, row.quota_bytes)}</td>
            <td>{row.aliases.join(", ")}</td>
            <td>{row.groups.join(", ")}</td>
        </tr>
    }
}

#[component]
pub fn NewMailboxPage() -> impl IntoView {
    let outcome = use_context::<AdminFormOutcome>();
    let data = Resource::new_blocking(|| (), |_| get_new_mailbox());
    view! {
        <Title text=text::NEW_MAILBOX/>
        {loaded(data, move |v| view! { <NewMailbox view=v outcome=outcome.clone()/> })}
    }
}

#[component]
fn NewMailbox(view: NewMailboxView, outcome: Option<AdminFormOutcome>) -> impl IntoView {
    let NewMailboxView {
        me,
        domains,
        passwords_allowed,
        passwords_external,
    } = view;
    let (form, error) = match outcome {
        Some(o) => (o.form, Some(o.error)),
        None => (NewMailboxForm::default(), None),
    };
    let err = |f: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_message(f))
            .map(str::to_owned)
    };
    let (local_err, name_err, quota_err, aliases_err, password_err) = (
        err("local_part"),
        err("display_name"),
        err("quota_gb"),
        err("aliases"),
        err("password"),
    );
    let general = error.as_ref().and_then(AppError::general_message);
    let domain_error = err("domain");
    view! {
        <Page me=me current="/admin/mailboxes">
            <h1>{text::NEW_MAILBOX}</h1>
            {general.map(|m| view! { <Alert kind=AlertKind::Error title=text::PROBLEM><p>{m}</p></Alert> })}
            <form method="post" action="/admin/mailboxes/new" class="card stack" novalidate>
                {Field::new("local_part", text::LOCAL_PART, "text").value(form.local_part).error(local_err).render()}
                <div class="field">
                    <label for="domain">{text::DOMAIN}</label>
                    <select id="domain" name="domain" aria-invalid=domain_error.is_some().then_some("true")>
                        {domains.into_iter().map(|d| {
                            let selected = d == form.domain;
                            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                        }).collect_view()}
                    </select>
                    {domain_error.map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                {Field::new("display_name", text::DISPLAY_NAME, "text").value(form.display_name).error(name_err).render()}
                {Field::new("quota_gb", text::QUOTA, "text").value(form.quota_gb).hint(text::QUOTA_HINT).error(quota_err).render()}
                {Field::new("aliases", text::ALIASES, "textarea").value(form.aliases).hint(text::ALIASES_HINT).error(aliases_err).render()}
                {if passwords_allowed {
                    Field::new("password", text::PASSWORD, "password").hint(text::PASSWORD_HINT).error(password_err).render().into_any()
                } else {
                    view! { <p class="hint">{if passwords_external { text::PASSWORDS_EXTERNAL } else { text::NO_PASSWORDS }}</p> }.into_any()
                }}
                <p class="actions">
                    <PendingSubmit label=text::CREATE.get() pending_label=text::CREATING.get()/>
                    <a class="button secondary" href="/admin/mailboxes">{text::CANCEL}</a>
                </p>
            </form>
        </Page>
    }
}
