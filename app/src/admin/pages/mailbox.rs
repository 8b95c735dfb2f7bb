//! One mailbox: its details, aliases, password, app passwords, and deleting it.

use super::protected_badge;
use crate::activity::model::AccountEvent;
use crate::activity::text as activity_text;
use crate::admin::api::get_mailbox;
use crate::admin::model::MailboxDetail;
use crate::admin::text;
use crate::app_passwords::model::AppPasswordItem;
use crate::components::text::human_bytes;
use crate::components::{Alert, AlertKind, Field, Page, PendingSubmit, loaded, notice_view};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn storage(used: u64, quota: Option<u64>) -> String {
    text::storage(&human_bytes(used), quota.map(human_bytes).as_deref())
}

#[component]
pub fn MailboxPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("id").unwrap_or_default(),
        get_mailbox,
    );
    view! {
        {loaded(data, |v| view! { <Title text=v.row.address.clone()/><Mailbox view=v/> })}
    }
}

#[component]
fn Mailbox(view: MailboxDetail) -> AnyView {
    let MailboxDetail {
        me,
        row,
        passwords_allowed,
        passwords_external,
        app_passwords,
        activity,
        notice,
        draft,
        ..
    } = view;
    let confirmed = draft
        .filter(|d| d.is("password"))
        .map(|_| confirmed_sign_in());
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
                {app_password_list(app_passwords, None)}
            </Page>
        }
        .into_any();
    }
    view! {
        <Page me=me current="/admin/mailboxes">
            <h1>{row.address.clone()}</h1>
            {confirmed}
            {notice_view(notice)}
            <section class="card" aria-labelledby="details-heading">
                <h2 id="details-heading">{text::DETAILS}</h2>
                <p>{text::STORAGE}": "{storage(row.used_bytes, row.quota_bytes)}</p>
                <form method="post" action=base.clone() class="stack">
                    {Field::new("display_name", text::DISPLAY_NAME, "text").value(row.display_name.clone().unwrap_or_default()).render()}
                    {Field::new("quota_gb", text::QUOTA, "text").value(quota).hint(text::QUOTA_HINT).render()}
                    <PendingSubmit label=text::SAVE.get() pending_label=text::SAVING.get()/>
                </form>
            </section>
            <section class="card" aria-labelledby="aliases-heading">
                <h2 id="aliases-heading">{text::ALIASES}</h2>
                <ul class="plain">
                    {row.aliases.into_iter().map(|alias| {
                        let label = text::labelled(&text::REMOVE.get(), &alias);
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
                    {Field::new("alias", text::NEW_ALIAS, "email").render()}
                    <button type="submit">{text::ADD_ALIAS}</button>
                </form>
            </section>
            {passwords_external.then(|| view! {
                <section class="card" aria-labelledby="password-heading">
                    <h2 id="password-heading">{text::PASSWORD_TITLE}</h2>
                    <p>{text::PASSWORDS_EXTERNAL}</p>
                </section>
            })}
            {passwords_allowed.then(|| view! {
                <section class="card" aria-labelledby="password-heading">
                    <h2 id="password-heading">{text::RESET_PASSWORD}</h2>
                    <form method="post" action=format!("{base}/password") class="inline-form">
                        {Field::new("password", text::NEW_PASSWORD, "password").hint(text::PASSWORD_HINT).render()}
                        <button type="submit">{text::RESET_PASSWORD}</button>
                    </form>
                </section>
            })}
            {app_password_list(app_passwords, Some(base.clone()))}
            {sign_ins(activity)}
            <section class="card" aria-labelledby="sessions-heading">
                <h2 id="sessions-heading">{text::SIGN_OUT_TITLE}</h2>
                <p>{text::SIGN_OUT_BODY}</p>
                <form method="post" action=format!("{base}/sign-out")>
                    <button type="submit" class="secondary">{text::SIGN_OUT_BUTTON}</button>
                </form>
            </section>
            <p><a class="danger-link" href=format!("{base}/delete")>{text::DELETE}</a></p>
        </Page>
    }
    .into_any()
}

/// The mailbox's latest sign-ins and failures.
fn sign_ins(events: Vec<AccountEvent>) -> impl IntoView {
    let list = if events.is_empty() {
        view! { <p>{activity_text::SIGN_INS_NONE}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table data-testid="sign-ins">
                    <caption class="visually-hidden">{activity_text::SIGN_INS_CAPTION}</caption>
                    <thead><tr>
                        <th scope="col">{activity_text::WHEN}</th><th scope="col">{activity_text::WHAT}</th>
                        <th scope="col">{activity_text::HOW}</th><th scope="col">{activity_text::FROM}</th>
                        <th scope="col">{activity_text::WITH}</th>
                    </tr></thead>
                    <tbody>
                        {events.into_iter().map(|e| view! {
                            <tr>
                                <td>{e.when}</td>
                                <td class=if e.failed { "warning" } else { "" }>{e.what}</td>
                                <td>{e.protocol}</td>
                                <td>{e.ip.unwrap_or_default()}</td>
                                <td>{e.credential}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="sign-ins-heading">
            <h2 id="sign-ins-heading">{activity_text::SIGN_INS}</h2>
            <p class="hint">{activity_text::SIGN_INS_INTRO}</p>
            {list}
        </section>
    }
}

/// The mailbox's app passwords, each with a revoke button when `base` (the mailbox page's
/// path) is given.
fn app_password_list(items: Vec<AppPasswordItem>, base: Option<String>) -> impl IntoView {
    let list = if items.is_empty() {
        view! { <p>{text::APP_PASSWORDS_NONE}</p> }.into_any()
    } else {
        view! {
            <ul class="plain">
                {items.into_iter().map(|p| {
                    let label = text::labelled(&text::REVOKE.get(), &p.name);
                    let revoke = base.as_ref().map(|base| view! {
                        <form method="post" action=format!("{base}/app-passwords/{}/revoke", p.id)>
                            <button type="submit" class="secondary small" aria-label=label>{text::REVOKE}</button>
                        </form>
                    });
                    view! {
                        <li class="inline-item">
                            <span>{text::created_on(&p.name, &p.created)}</span>
                            {revoke}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="support-heading">
            <h2 id="support-heading">{text::APP_PASSWORDS}</h2>
            {list}
        </section>
    }
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
        {loaded(data, |v| {
            if v.row.protected {
                return view! { <Mailbox view=v/> }.into_any();
            }
            {
                        let action = format!("/admin/mailboxes/{}/delete", v.row.id);
                        let draft = v.draft.filter(|d| d.is("delete"));
                        let confirmed = draft.is_some().then(confirmed_sign_in);
                        let typed = draft
                            .and_then(|d| d.value("delete", "confirm"))
                            .unwrap_or_default();
                        view! {
                            <Page me=v.me current="/admin/mailboxes">
                                <h1>{text::DELETE_TITLE}</h1>
                                {confirmed}
                                {notice_view(v.notice)}
                                <section class="card narrow-left">
                                    <h2>{v.row.address.clone()}</h2>
                                    <Alert kind=AlertKind::Warning><p>{text::DELETE_WARNING}</p></Alert>
                                    <form method="post" action=action class="stack">
                                        <div class="field">
                                            <label for="confirm">{text::confirm_label(&v.row.address)}</label>
                                            <input id="confirm" name="confirm" type="text" autocomplete="off" spellcheck="false" required value=typed/>
                                        </div>
                                        <p class="actions">
                                            <PendingSubmit label=text::DELETE_BUTTON.get() pending_label=text::DELETING.get()/>
                                            <a class="button secondary" href=format!("/admin/mailboxes/{}", v.row.id)>{text::CANCEL}</a>
                                        </p>
                                    </form>
                                </section>
                            </Page>
                        }.into_any()
            }
        })}
    }
}

/// After confirming the sign-in for a change, the form is back: say so.
pub(super) fn confirmed_sign_in() -> impl IntoView {
    view! { <Alert kind=AlertKind::Info><p>{crate::auth::text::CONFIRMED}</p></Alert> }
}
