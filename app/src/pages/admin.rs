//! Tenant administration pages: mailboxes, groups (shared mailboxes), audit log.

use crate::api::admin::{
    AdminFormOutcome, AuditView, GroupRow, GroupsView, MailboxDetail, MailboxRow, MailboxesView,
    NewMailboxForm, NewMailboxView, PAGE_SIZE, get_audit, get_groups, get_mailbox, get_mailboxes,
    get_new_mailbox,
};
use crate::components::{Alert, AlertKind, Page, PendingSubmit, error_view};
use crate::error::AppError;
use crate::pages::account::human_bytes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

mod text {
    pub const MAILBOXES: &str = "Mailboxes";
    pub const GROUPS: &str = "Groups and shared mailboxes";
    pub const AUDIT: &str = "Audit log";
    pub const NEW_MAILBOX: &str = "Create a mailbox";
    pub const DOMAIN: &str = "Domain";
    pub const SEARCH: &str = "Search";
    pub const SEARCH_HINT: &str = "Part of a name or address";
    pub const SHOW: &str = "Show";
    pub const ADDRESS: &str = "Address";
    pub const DISPLAY_NAME: &str = "Display name";
    pub const STORAGE: &str = "Storage";
    pub const ALIASES: &str = "Aliases";
    pub const MEMBER_OF: &str = "Groups";
    pub const NO_LIMIT: &str = "no limit";
    pub const NONE_FOUND: &str = "No mailboxes match.";
    pub const EMPTY_DOMAIN: &str = "This domain has no mailboxes yet.";
    pub const PREVIOUS: &str = "Previous page";
    pub const NEXT: &str = "Next page";
    pub const LOCAL_PART: &str = "Name before the @";
    pub const QUOTA: &str = "Storage limit (GB)";
    pub const QUOTA_HINT: &str = "Leave empty for no limit.";
    pub const ALIASES_HINT: &str = "Other addresses that deliver to this mailbox, one per line.";
    pub const PASSWORD: &str = "Initial password (optional)";
    pub const PASSWORD_HINT: &str = "At least 12 characters and hard to guess. Leave empty if the person signs in \
        through your identity provider and uses app passwords. Only a hash is sent to the mail server.";
    pub const NO_PASSWORDS: &str = "People of your organisation sign in through your identity provider, so \
        mailboxes get no password; they create app passwords for their mail apps.";
    pub const CREATE: &str = "Create mailbox";
    pub const CREATING: &str = "Creating…";
    pub const SAVE: &str = "Save";
    pub const SAVING: &str = "Saving…";
    pub const CANCEL: &str = "Cancel";
    pub const PROBLEM: &str = "The mailbox was not created";
    pub const DETAILS: &str = "Details";
    pub const ADD_ALIAS: &str = "Add alias";
    pub const NEW_ALIAS: &str = "New alias";
    pub const REMOVE: &str = "Remove";
    pub const RESET_PASSWORD: &str = "Set a new password";
    pub const NEW_PASSWORD: &str = "New password";
    pub const APP_PASSWORDS: &str = "App passwords of this mailbox";
    pub const APP_PASSWORDS_NONE: &str = "This mailbox has no app passwords.";
    pub const REVOKE: &str = "Revoke";
    pub const DELETE: &str = "Delete this mailbox";
    pub const DELETE_TITLE: &str = "Delete mailbox";
    pub const DELETE_WARNING: &str = "Deleting a mailbox also deletes all its mail, calendars and contacts on the \
        mail server. This cannot be undone.";
    pub const DELETE_CONFIRM: &str = "To confirm, type the address";
    pub const DELETE_BUTTON: &str = "Delete mailbox and all its mail";
    pub const DELETING: &str = "Deleting…";
    pub const NEW_GROUP: &str = "Create a group";
    pub const GROUP_ADDRESS: &str = "Group address";
    pub const MEMBERS: &str = "Members";
    pub const NO_MEMBERS: &str = "No members yet.";
    pub const ADD_MEMBER: &str = "Add member";
    pub const MEMBER_ADDRESS: &str = "Member's address";
    pub const RECEIVES: &str = "Receives mail";
    pub const DOES_NOT_RECEIVE: &str =
        "Cannot receive mail: the mail server would accept messages and then bounce them.";
    pub const FIX_RECEIVE: &str = "Let it receive mail";
    pub const NO_GROUPS: &str =
        "There are no groups yet. A group is a shared mailbox: its members read its mail.";
    pub const ACTION_FILTER: &str = "Action starts with";
    pub const ACTOR_FILTER: &str = "Done by (address contains)";
    pub const FILTER: &str = "Filter";
    pub const WHEN: &str = "When";
    pub const WHO: &str = "Who";
    pub const WHAT: &str = "Action";
    pub const TARGET: &str = "Target";
    pub const CHANGES: &str = "Changes";
    pub const NO_EVENTS: &str = "No events match.";
    pub const PROTECTED: &str = "Managed by your mail server's operator";
    pub const PROTECTED_MAILBOX: &str = "This account has rights on the mail server itself (or is the \
        account this portal uses to reach it), so it is managed by your mail server's operator. You can \
        see it here, but not change it.";
    pub const PROTECTED_GROUP: &str = "This group grants rights on the mail server itself, so it is \
        managed by your mail server's operator. You can see it here, but not change it.";
}

/// The badge on accounts a tenant admin can see but not change.
fn protected_badge(protected: bool) -> impl IntoView {
    protected.then(|| view! { <span class="badge protected">{text::PROTECTED}</span> })
}

fn notice_view(notice: Option<crate::api::app_passwords::Notice>) -> impl IntoView {
    notice.map(|n| view! { <Alert kind=if n.ok { AlertKind::Success } else { AlertKind::Error }><p>{n.message}</p></Alert> })
}

fn storage(used: u64, quota: Option<u64>) -> String {
    match quota {
        Some(q) => format!("{} of {}", human_bytes(used), human_bytes(q)),
        None => format!("{} ({})", human_bytes(used), text::NO_LIMIT),
    }
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
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Mailboxes view=v/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
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
            <p class="hint" role="status">{format!("{total} mailbox{} · page {page} of {pages}", if total == 1 { "" } else { "es" })}</p>
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
            <nav class="pager" aria-label="Pages">
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{text::PREVIOUS}</a> })}
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{text::NEXT}</a> })}
            </nav>
        </Page>
    }
}

fn url_encoded(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v: String = v
                .bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-._~@".contains(&b) {
                        (b as char).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
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
        <Suspense>
            {move || {
                let outcome = outcome.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => view! { <NewMailbox view=v outcome/> }.into_any(),
                        Err(e) => error_view(e),
                    }
                })
            }}
        </Suspense>
    }
}

/// A labelled input with its hint and error, wired for screen readers.
fn field(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    value: String,
    hint: Option<&'static str>,
    error: Option<String>,
) -> impl IntoView {
    let described = [
        hint.map(|_| format!("{id}-hint")),
        error.as_ref().map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {if kind == "textarea" {
                view! { <textarea id=id name=id rows="3" aria-describedby=described.clone() aria-invalid=error.is_some().then_some("true")>{value}</textarea> }.into_any()
            } else {
                view! { <input id=id name=id type=kind value=value aria-describedby=described aria-invalid=error.is_some().then_some("true") autocomplete="off"/> }.into_any()
            }}
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            {error.map(|m| view! { <p id=format!("{id}-error") class="field-error">{m}</p> })}
        </div>
    }
}

#[component]
fn NewMailbox(view: NewMailboxView, outcome: Option<AdminFormOutcome>) -> impl IntoView {
    let NewMailboxView {
        me,
        domains,
        passwords_allowed,
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
    let general = error.as_ref().and_then(|e| match e {
        AppError::Validation(list) => list
            .iter()
            .find(|f| f.field == "form")
            .map(|f| f.message.clone()),
        other => Some(other.to_string()),
    });
    let domain_error = err("domain");
    view! {
        <Page me=me current="/admin/mailboxes">
            <h1>{text::NEW_MAILBOX}</h1>
            {general.map(|m| view! { <Alert kind=AlertKind::Error title=text::PROBLEM><p>{m}</p></Alert> })}
            <form method="post" action="/admin/mailboxes/new" class="card stack" novalidate>
                {field("local_part", text::LOCAL_PART, "text", form.local_part, None, local_err)}
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
                {field("display_name", text::DISPLAY_NAME, "text", form.display_name, None, name_err)}
                {field("quota_gb", text::QUOTA, "text", form.quota_gb, Some(text::QUOTA_HINT), quota_err)}
                {field("aliases", text::ALIASES, "textarea", form.aliases, Some(text::ALIASES_HINT), aliases_err)}
                {if passwords_allowed {
                    field("password", text::PASSWORD, "password", String::new(), Some(text::PASSWORD_HINT), password_err).into_any()
                } else {
                    view! { <p class="hint">{text::NO_PASSWORDS}</p> }.into_any()
                }}
                <p class="actions">
                    <PendingSubmit label=text::CREATE.to_owned() pending_label=text::CREATING.to_owned()/>
                    <a class="button secondary" href="/admin/mailboxes">{text::CANCEL}</a>
                </p>
            </form>
        </Page>
    }
}

#[component]
pub fn MailboxPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        get_mailbox,
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Title text=v.row.address.clone()/><Mailbox view=v/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Mailbox(view: MailboxDetail) -> AnyView {
    let MailboxDetail {
        me,
        row,
        passwords_allowed,
        app_passwords,
        notice,
        ..
    } = view;
    let base = format!("/admin/mailboxes/{}", row.id);
    let quota = row
        .quota_bytes
        .map(|q| {
            format!(
                "{}",
                (q as f64 / (1024.0 * 1024.0 * 1024.0) * 100.0).round() / 100.0
            )
        })
        .unwrap_or_default();
    if row.protected {
        return view! {
            <Page me=me current="/admin/mailboxes">
                <h1>{row.address.clone()}" "{protected_badge(true)}</h1>
                {notice_view(notice)}
                <Alert kind=AlertKind::Info><p>{text::PROTECTED_MAILBOX}</p></Alert>
                <section class="card" aria-labelledby="details-heading">
                    <h2 id="details-heading">{text::DETAILS}</h2>
                    <dl class="facts">
                        <dt>{text::DISPLAY_NAME}</dt><dd>{row.display_name.unwrap_or_default()}</dd>
                        <dt>{text::STORAGE}</dt><dd>{storage(row.used_bytes, row.quota_bytes)}</dd>
                        <dt>{text::ALIASES}</dt><dd>{row.aliases.join(", ")}</dd>
                        <dt>{text::MEMBER_OF}</dt><dd>{row.groups.join(", ")}</dd>
                    </dl>
                </section>
                <section class="card" aria-labelledby="support-heading">
                    <h2 id="support-heading">{text::APP_PASSWORDS}</h2>
                    {if app_passwords.is_empty() {
                        view! { <p>{text::APP_PASSWORDS_NONE}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain">
                                {app_passwords.into_iter().map(|p| view! {
                                    <li>{format!("{} — created {}", p.name, p.created)}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            </Page>
        }
        .into_any();
    }
    view! {
        <Page me=me current="/admin/mailboxes">
            <h1>{row.address.clone()}</h1>
            {notice_view(notice)}
            <section class="card" aria-labelledby="details-heading">
                <h2 id="details-heading">{text::DETAILS}</h2>
                <p>{format!("{}: {}", text::STORAGE, storage(row.used_bytes, row.quota_bytes))}</p>
                <form method="post" action=base.clone() class="stack">
                    {field("display_name", text::DISPLAY_NAME, "text", row.display_name.clone().unwrap_or_default(), None, None)}
                    {field("quota_gb", text::QUOTA, "text", quota, Some(text::QUOTA_HINT), None)}
                    <PendingSubmit label=text::SAVE.to_owned() pending_label=text::SAVING.to_owned()/>
                </form>
            </section>
            <section class="card" aria-labelledby="aliases-heading">
                <h2 id="aliases-heading">{text::ALIASES}</h2>
                <ul class="plain">
                    {row.aliases.into_iter().map(|alias| {
                        let label = format!("{} {alias}", text::REMOVE);
                        view! {
                            <li class="inline-item">
                                <span>{alias.clone()}</span>
                                <form method="post" action=format!("{base}/aliases/remove")>
                                    <input type="hidden" name="alias" value=alias/>
                                    <button type="submit" class="secondary small" aria-label=label>{text::REMOVE}</button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <form method="post" action=format!("{base}/aliases") class="inline-form">
                    {field("alias", text::NEW_ALIAS, "email", String::new(), None, None)}
                    <button type="submit">{text::ADD_ALIAS}</button>
                </form>
            </section>
            {passwords_allowed.then(|| view! {
                <section class="card" aria-labelledby="password-heading">
                    <h2 id="password-heading">{text::RESET_PASSWORD}</h2>
                    <form method="post" action=format!("{base}/password") class="inline-form">
                        {field("password", text::NEW_PASSWORD, "password", String::new(), Some(text::PASSWORD_HINT), None)}
                        <button type="submit">{text::RESET_PASSWORD}</button>
                    </form>
                </section>
            })}
            <section class="card" aria-labelledby="support-heading">
                <h2 id="support-heading">{text::APP_PASSWORDS}</h2>
                {if app_passwords.is_empty() {
                    view! { <p>{text::APP_PASSWORDS_NONE}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain">
                            {app_passwords.into_iter().map(|p| {
                                let label = format!("{} {}", text::REVOKE, p.name);
                                view! {
                                    <li class="inline-item">
                                        <span>{format!("{} — created {}", p.name, p.created)}</span>
                                        <form method="post" action=format!("{base}/app-passwords/{}/revoke", p.id)>
                                            <button type="submit" class="secondary small" aria-label=label>{text::REVOKE}</button>
                                        </form>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <p><a class="danger-link" href=format!("{base}/delete")>{text::DELETE}</a></p>
        </Page>
    }
    .into_any()
}

#[component]
pub fn DeleteMailboxPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        get_mailbox,
    );
    view! {
        <Title text=text::DELETE_TITLE/>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => error_view(e),
                    Ok(v) if v.row.protected => view! { <Mailbox view=v/> }.into_any(),
                    Ok(v) => {
                        let action = format!("/admin/mailboxes/{}/delete", v.row.id);
                        view! {
                            <Page me=v.me current="/admin/mailboxes">
                                <h1>{text::DELETE_TITLE}</h1>
                                {notice_view(v.notice)}
                                <section class="card narrow-left">
                                    <h2>{v.row.address.clone()}</h2>
                                    <Alert kind=AlertKind::Warning><p>{text::DELETE_WARNING}</p></Alert>
                                    <form method="post" action=action class="stack">
                                        <div class="field">
                                            <label for="confirm">{format!("{} ({})", text::DELETE_CONFIRM, v.row.address)}</label>
                                            <input id="confirm" name="confirm" type="text" autocomplete="off" spellcheck="false" required/>
                                        </div>
                                        <p class="actions">
                                            <PendingSubmit label=text::DELETE_BUTTON.to_owned() pending_label=text::DELETING.to_owned()/>
                                            <a class="button secondary" href=format!("/admin/mailboxes/{}", v.row.id)>{text::CANCEL}</a>
                                        </p>
                                    </form>
                                </section>
                            </Page>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn GroupsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_groups());
    view! {
        <Title text=text::GROUPS/>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Groups view=v/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Groups(view: GroupsView) -> impl IntoView {
    let GroupsView {
        me,
        domains,
        groups,
        notice,
    } = view;
    let example = domains.first().cloned().unwrap_or_default();
    view! {
        <Page me=me current="/admin/groups">
            <h1>{text::GROUPS}</h1>
            {notice_view(notice)}
            {if groups.is_empty() {
                view! { <p class="card">{text::NO_GROUPS}</p> }.into_any()
            } else {
                groups.into_iter().map(group_card).collect_view().into_any()
            }}
            <section class="card" aria-labelledby="new-group-heading">
                <h2 id="new-group-heading">{text::NEW_GROUP}</h2>
                <form method="post" action="/admin/groups" class="stack">
                    <div class="field">
                        <label for="group-address">{text::GROUP_ADDRESS}</label>
                        <input id="group-address" name="address" type="email" required placeholder=format!("sales@{example}")/>
                    </div>
                    <div class="field">
                        <label for="group-name">{text::DISPLAY_NAME}</label>
                        <input id="group-name" name="display_name" type="text"/>
                    </div>
                    <button type="submit">{text::NEW_GROUP}</button>
                </form>
            </section>
        </Page>
    }
}

fn group_card(g: GroupRow) -> AnyView {
    let base = format!("/admin/groups/{}", g.id);
    let (receive_action, members_action) = (format!("{base}/receive"), format!("{base}/members"));
    let remove_action = format!("{base}/members/remove");
    let heading = format!("group-{}", g.id);
    let input_id = format!("member-{}", g.id);
    if g.protected {
        return view! {
            <section class="card" aria-labelledby=heading.clone() data-testid="group">
                <h2 id=heading.clone()>{g.address.clone()}" "{protected_badge(true)}</h2>
                {g.display_name.map(|n| view! { <p>{n}</p> })}
                <p class="hint">{text::PROTECTED_GROUP}</p>
                <h3>{text::MEMBERS}</h3>
                <ul class="plain">
                    {g.members.into_iter().map(|m| view! { <li>{m.address}</li> }).collect_view()}
                </ul>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby=heading.clone() data-testid="group">
            <h2 id=heading.clone()>{g.address.clone()}</h2>
            {g.display_name.map(|n| view! { <p>{n}</p> })}
            {if g.can_receive {
                view! { <p class="status ok">{text::RECEIVES}</p> }.into_any()
            } else {
                view! {
                    <Alert kind=AlertKind::Warning>
                        <p>{text::DOES_NOT_RECEIVE}</p>
                        <form method="post" action=receive_action><button type="submit">{text::FIX_RECEIVE}</button></form>
                    </Alert>
                }.into_any()
            }}
            <h3>{text::MEMBERS}</h3>
            {if g.members.is_empty() {
                view! { <p>{text::NO_MEMBERS}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain">
                        {g.members.into_iter().map(|m| {
                            let label = format!("{} {}", text::REMOVE, m.address);
                            view! {
                                <li class="inline-item">
                                    <span>{m.address.clone()}</span>
                                    {if m.protected {
                                        protected_badge(true).into_any()
                                    } else {
                                        view! {
                                            <form method="post" action=remove_action.clone()>
                                                <input type="hidden" name="member" value=m.address/>
                                                <button type="submit" class="secondary small" aria-label=label>{text::REMOVE}</button>
                                            </form>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form method="post" action=members_action class="inline-form">
                <div class="field">
                    <label for=input_id.clone()>{text::MEMBER_ADDRESS}</label>
                    <input id=input_id name="member" type="email" required/>
                </div>
                <button type="submit">{text::ADD_MEMBER}</button>
            </form>
        </section>
    }
    .into_any()
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || (query.read().get("action"), query.read().get("actor")),
        |(action, actor)| get_audit(action, actor),
    );
    view! {
        <Title text=text::AUDIT/>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <Audit view=v/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Audit(view: AuditView) -> impl IntoView {
    let AuditView {
        me,
        action,
        actor,
        rows,
    } = view;
    view! {
        <Page me=me current="/admin/audit">
            <h1>{text::AUDIT}</h1>
            <form method="get" action="/admin/audit" class="card filters" role="search">
                <div class="field">
                    <label for="action">{text::ACTION_FILTER}</label>
                    <input id="action" name="action" type="text" value=action placeholder="mailbox."/>
                </div>
                <div class="field">
                    <label for="actor">{text::ACTOR_FILTER}</label>
                    <input id="actor" name="actor" type="text" value=actor/>
                </div>
                <button type="submit">{text::FILTER}</button>
            </form>
            {if rows.is_empty() {
                view! { <p class="card">{text::NO_EVENTS}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap card">
                        <table data-testid="audit">
                            <caption class="visually-hidden">{text::AUDIT}</caption>
                            <thead><tr>
                                <th scope="col">{text::WHEN}</th><th scope="col">{text::WHO}</th><th scope="col">{text::WHAT}</th>
                                <th scope="col">{text::TARGET}</th><th scope="col">{text::CHANGES}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.when}</td><td>{r.actor}</td><td>{r.action}</td>
                                        <td>{r.target.unwrap_or_default()}</td><td><code class="detail">{r.detail}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </Page>
    }
}
