//! The list of the signed-in person's app passwords, and their recent activity.

use crate::activity::model::CredentialUse;
use crate::activity::text as activity_text;
use crate::app_passwords::api::get_app_passwords;
use crate::app_passwords::model::{
    ApiKeyItem, AppPasswordItem, AppPasswordsView, ListState, Scope,
};
use crate::app_passwords::text::NO_MAILBOX;
use crate::app_passwords::text::list as text;
use crate::components::{Alert, AlertKind, Page, loaded, notice_view};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AppPasswordsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_app_passwords());
    view! {
        <Title text=text::TITLE/>
        {loaded(data, |v| view! { <Overview view=v/> })}
    }
}

#[component]
fn Overview(view: AppPasswordsView) -> impl IntoView {
    let AppPasswordsView {
        me,
        list,
        api_keys,
        activity,
        notice,
    } = view;
    view! {
        <Page me=me current="/app-passwords">
            <h1>{text::TITLE}</h1>
            {notice_view(notice)}
            <p class="lead">{text::INTRO}</p>
            {match list {
                ListState::Ready(items) => ready(items).into_any(),
                ListState::NoMailbox => view! { <Alert kind=AlertKind::Info><p>{NO_MAILBOX}</p></Alert> }.into_any(),
                ListState::Unavailable(message) => view! {
                    <Alert kind=AlertKind::Warning title=text::UNAVAILABLE>
                        <p>{message}</p>
                        <p><a href="/app-passwords">{text::RETRY}</a></p>
                    </Alert>
                }.into_any(),
            }}
            {api_key_list(api_keys)}
            <section class="card" aria-labelledby="hangs-heading">
                <h2 id="hangs-heading">{text::HANGS_TITLE}</h2>
                <p>{text::HANGS_BODY}</p>
            </section>
            <section class="card" aria-labelledby="activity-heading">
                <h2 id="activity-heading">{text::ACTIVITY}</h2>
                {if activity.is_empty() {
                    view! { <p>{text::ACTIVITY_EMPTY}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table>
                                <caption class="visually-hidden">{text::ACTIVITY_CAPTION}</caption>
                                <thead><tr>
                                    <th scope="col">{text::WHEN}</th><th scope="col">{text::WHAT}</th>
                                    <th scope="col">{text::NAME}</th><th scope="col">{text::FROM}</th>
                                </tr></thead>
                                <tbody>
                                    {activity.into_iter().map(|a| {
                                        let from = [a.device, a.ip].into_iter().flatten().collect::<Vec<_>>().join(", ");
                                        view! { <tr><td>{a.when}</td><td>{a.what}</td><td>{a.name.unwrap_or_default()}</td><td>{from}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
        </Page>
    }
}

fn ready(items: Vec<AppPasswordItem>) -> impl IntoView {
    let many = items.len() > 1;
    view! {
        <p class="actions">
            <a class="button" href="/app-passwords/new">{text::CREATE}</a>
            <a class="button secondary" href="/app-passwords/apple">{text::APPLE}</a>
        </p>
        {if items.is_empty() {
            view! {
                <section class="card empty" aria-labelledby="empty-heading">
                    <h2 id="empty-heading">{text::EMPTY_TITLE}</h2>
                    <p>{text::EMPTY_BODY}</p>
                </section>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap card">
                    <table data-testid="app-passwords">
                        <caption class="visually-hidden">{text::CAPTION}</caption>
                        <thead><tr>
                            <th scope="col">{text::NAME}</th><th scope="col">{text::CREATED}</th>
                            <th scope="col">{text::EXPIRES}</th><th scope="col">{text::NETWORKS}</th>
                            <th scope="col">{text::SCOPE}</th><th scope="col">{text::LAST_USED}</th>
                            <th scope="col"><span class="visually-hidden">{text::ACTIONS}</span></th>
                        </tr></thead>
                        <tbody>{items.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
                {many.then(|| view! { <p><a class="danger-link" href="/app-passwords/revoke-all">{text::REVOKE_ALL}</a></p> })}
            }.into_any()
        }}
    }
}

fn row(item: AppPasswordItem) -> impl IntoView {
    let expires = match (item.expires, item.expired) {
        (Some(e), true) => text::expired_on(&e),
        (Some(e), false) => e,
        (None, _) => text::NEVER.get(),
    };
    let networks = if item.networks.is_empty() {
        text::ANY_NETWORK.get()
    } else {
        item.networks.join(", ")
    };
    let revoke_href = format!("/app-passwords/{}/revoke", item.id);
    let revoke_label = text::revoke_label(&item.name);
    let last_used = usage(item.usage, revoke_href.clone(), revoke_label.clone());
    view! {
        <tr>
            <th scope="row">{item.name}</th>
            <td>{item.created}</td>
            <td>{expires}</td>
            <td>{networks}</td>
            <td>{match item.scope {
                Scope::Mail => text::MAIL_ONLY,
                Scope::MailDav => text::MAIL_DAV,
                Scope::Everything => text::EVERYTHING,
            }}</td>
            <td>{last_used}</td>
            <td><a href=revoke_href aria-label=revoke_label>{text::REVOKE}</a></td>
        </tr>
    }
}

/// The "Last used" cell: when and how, failed attempts, and a way out for a forgotten one.
fn usage(usage: Option<CredentialUse>, revoke_href: String, revoke_label: String) -> impl IntoView {
    let Some(usage) = usage else {
        return view! { <span class="hint" data-testid="last-used">{text::USAGE_UNKNOWN}</span> }
            .into_any();
    };
    let last = match &usage.last_used {
        Some(s) => activity_text::sign_in(&s.when, &s.protocol, s.ip.as_deref()),
        None => text::NEVER_USED.get(),
    };
    let failures = usage.last_failure.filter(|_| usage.failures > 0).map(|f| {
        let words = text::failures(usage.failures, &f.when, f.ip.as_deref().unwrap_or("?"));
        view! { <p class="warning">{words}</p> }
    });
    let unused = usage.unused.then(|| {
        view! {
            <p>{text::UNUSED}</p>
            <form method="post" action=revoke_href>
                <button type="submit" class="secondary small" aria-label=revoke_label>{text::REVOKE_UNUSED}</button>
            </form>
        }
    });
    view! { <span data-testid="last-used">{last}</span>{failures}{unused} }.into_any()
}

/// The account's API keys, each with a revoke button; nothing when there are none.
fn api_key_list(keys: Vec<ApiKeyItem>) -> impl IntoView {
    (!keys.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="api-keys-heading">
            <h2 id="api-keys-heading">{text::API_KEYS}</h2>
            <p>{text::API_KEYS_INTRO}</p>
            <div class="table-wrap">
                <table data-testid="api-keys">
                    <caption class="visually-hidden">{text::API_KEYS_CAPTION}</caption>
                    <thead><tr>
                        <th scope="col">{text::NAME}</th><th scope="col">{text::CREATED}</th>
                        <th scope="col"><span class="visually-hidden">{text::ACTIONS}</span></th>
                    </tr></thead>
                    <tbody>
                        {keys.into_iter().map(|k| {
                            let action = format!("/app-passwords/api-keys/{}/revoke", k.id);
                            let label = text::revoke_label(&k.name);
                            view! {
                                <tr>
                                    <th scope="row">{k.name}</th>
                                    <td>{k.created}</td>
                                    <td>
                                        <form method="post" action=action>
                                            <button type="submit" class="secondary small" aria-label=label>{text::REVOKE}</button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    })
}
