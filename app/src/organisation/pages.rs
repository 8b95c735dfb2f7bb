//! The organisation page: read-only for organisations declared in postern.toml.

use super::api::{get_organisation, get_sync};
use super::model::{DepartureView, IdpView, NewScimToken, OrganisationView, RunView, SyncView};
use super::text;
use crate::components::alert::notice_view;
use crate::components::alert::{Alert, AlertKind};
use crate::components::{CopyButton, Page, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_organisation());
    view! {
        <Title text=text::ORGANISATION/>
        {loaded(data, |v| view! { <Organisation view=v/> })}
    }
}

fn row(label: crate::i18n::Key, value: impl IntoView) -> impl IntoView {
    view! { <dt>{label}</dt><dd>{value}</dd> }
}

#[component]
fn Organisation(view: OrganisationView) -> impl IntoView {
    let OrganisationView {
        me,
        display_name,
        slug,
        from_config,
        domains,
        mail_server,
        imap,
        smtp,
        idp,
        policies,
    } = view;
    let IdpView {
        issuer,
        client_id,
        secret,
        scopes,
        email_claim,
        groups_claim,
        admin_group,
        login_hint,
    } = idp;
    view! {
        <Page me=me current="/admin/organisation">
            <h1>{display_name}" "<span class="hint">"("{slug}")"</span></h1>
            <p class="lead">{text::INTRO}</p>
            {if from_config {
                view! {
                    <div data-testid="managed-in-config">
                        <Alert kind=AlertKind::Info title=text::MANAGED_IN_CONFIG>
                            <p>{text::MANAGED_IN_CONFIG_NOTE}</p>
                        </Alert>
                    </div>
                }.into_any()
            } else {
                view! { <p class="hint">{text::MANAGED_HERE}</p> }.into_any()
            }}
            <section class="card" aria-labelledby="domains-heading">
                <h2 id="domains-heading">{text::DOMAINS}</h2>
                {if domains.is_empty() {
                    view! { <p>{text::NO_DOMAINS}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain link-list">
                            {domains.into_iter().map(|d| view! { <li><a href=format!("/admin/domains/{d}")>{d.clone()}</a></li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="card" aria-labelledby="idp-heading">
                <h2 id="idp-heading">{text::SIGN_IN}</h2>
                <dl class="facts">
                    {row(text::ISSUER, view! { <code>{issuer}</code> })}
                    {row(text::CLIENT_ID, view! { <code>{client_id}</code> })}
                    {row(text::CLIENT_SECRET, secret)}
                    {row(text::SCOPES, view! { <code>{scopes}</code> })}
                    {row(text::EMAIL_CLAIM, view! { <code>{email_claim}</code> })}
                    {row(text::GROUPS_CLAIM, view! { <code>{groups_claim}</code> })}
                    {row(text::ADMIN_GROUP, match admin_group {
                        Some(g) => view! { <code>{g}</code> }.into_any(),
                        None => text::NO_ADMIN_GROUP.get().into_any(),
                    })}
                    {row(text::LOGIN_HINT, login_hint)}
                </dl>
            </section>
            <p><a href="/admin/organisation/sync">{text::SYNC}</a>" — "{text::SYNC_LINK_NOTE}</p>
            <section class="card" aria-labelledby="mail-heading">
                <h2 id="mail-heading">{text::MAIL}</h2>
                <dl class="facts">
                    {row(text::SERVER, view! { <code>{mail_server}</code> })}
                    {row(text::IMAP, view! { <code>{imap}</code> })}
                    {row(text::SMTP, view! { <code>{smtp}</code> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="policies-heading">
                <h2 id="policies-heading">{text::POLICIES}</h2>
                <dl class="facts">
                    {policies.into_iter().map(|(label, value)| view! {
                        <dt>{label}</dt><dd>{value}</dd>
                    }).collect_view()}
                </dl>
            </section>
        </Page>
    }
}

#[component]
pub fn SyncPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_sync());
    // A token just made (the answer of "Create a token"), shown this once.
    let new_token = use_context::<NewScimToken>();
    view! {
        <Title text=text::SYNC/>
        {loaded(data, move |v| view! { <Sync view=v new_token=new_token.clone()/> })}
    }
}

#[component]
fn Sync(view: SyncView, new_token: Option<NewScimToken>) -> impl IntoView {
    let SyncView {
        me,
        notice,
        reconciler,
        last_run,
        scim_endpoint,
        scim_token,
        backchannel_logout_uri,
        departures,
    } = view;
    let has_token = scim_token.is_some();
    view! {
        <Page me=me current="/admin/organisation">
            <h1>{text::SYNC}</h1>
            <p class="lead">{text::SYNC_INTRO}</p>
            {notice_view(notice)}
            {new_token.map(|NewScimToken(token)| view! {
                <section class="card" aria-labelledby="new-token-heading">
                    <h2 id="new-token-heading">{text::SCIM_NEW_TOKEN}</h2>
                    <Alert kind=AlertKind::Success title=text::SCIM_TOKEN_MADE>
                        <p>{text::SCIM_NEW_TOKEN_NOTE}</p>
                    </Alert>
                    <p class="secret" id="scim-token" data-copy=token.clone() data-testid="scim-token">
                        <code>{token.clone()}</code>
                    </p>
                    <CopyButton target="scim-token".to_owned() label=text::COPY_TOKEN.get()/>
                </section>
            })}
            <section class="card" aria-labelledby="reconciler-heading">
                <h2 id="reconciler-heading">{text::SYNC_RECONCILER}</h2>
                {match reconciler {
                    None => view! { <p>{text::SYNC_NO_RECONCILER}</p> }.into_any(),
                    Some(api) => view! {
                        <dl class="facts">
                            {row(text::SYNC_API, api)}
                            {run_rows(last_run)}
                        </dl>
                        <form method="post" action="/admin/organisation/sync/check">
                            <button type="submit" class="secondary">{text::SYNC_CHECK_NOW}</button>
                        </form>
                    }.into_any(),
                }}
            </section>
            <section class="card" aria-labelledby="scim-heading">
                <h2 id="scim-heading">{text::SCIM}</h2>
                <p>{text::SCIM_INTRO}</p>
                <dl class="facts">
                    {row(text::SCIM_ENDPOINT, view! { <code>{scim_endpoint}</code> })}
                    {row(text::SCIM_TOKEN, match scim_token {
                        None => text::SCIM_NO_TOKEN.get(),
                        Some((made, None)) => text::created(&made),
                        Some((made, Some(used))) => text::created_and_used(&made, &used),
                    })}
                </dl>
                <form method="post" action="/admin/organisation/sync">
                    {has_token.then(|| view! { <p class="hint">{text::SCIM_REPLACE_NOTE}</p> })}
                    <button type="submit" class="secondary">
                        {if has_token { text::SCIM_REPLACE } else { text::SCIM_CREATE }}
                    </button>
                </form>
            </section>
            <section class="card" aria-labelledby="backchannel-heading">
                <h2 id="backchannel-heading">{text::BACKCHANNEL}</h2>
                <p>{text::BACKCHANNEL_INTRO}</p>
                <dl class="facts">
                    {row(text::BACKCHANNEL_URI, view! { <code>{backchannel_logout_uri}</code> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="departures-heading">
                <h2 id="departures-heading">{text::DEPARTURES}</h2>
                {departure_table(departures)}
                <p class="hint">{text::OPEN_CONNECTIONS}</p>
            </section>
        </Page>
    }
}

fn run_rows(run: Option<RunView>) -> impl IntoView {
    let Some(run) = run else {
        return row(text::SYNC_LAST_RUN, text::SYNC_NEVER.get()).into_any();
    };
    let never = || text::SYNC_NEVER.get();
    view! {
        {run.alert.then(|| view! {
            <div data-testid="sync-alert">
                <Alert kind=AlertKind::Error title=text::SYNC_ALERT><p>{text::SYNC_ALERT_NOTE}</p></Alert>
            </div>
        })}
        {row(text::SYNC_LAST_RUN, run.last_run.unwrap_or_else(never))}
        {row(text::SYNC_LAST_OK, run.last_ok.unwrap_or_else(never))}
        {run.error.map(|e| row(text::LAST_ERROR, e))}
        {row(text::SYNC_CHECKED, run.checked.to_string())}
        {row(text::SYNC_DEPARTED, run.departed.to_string())}
        {(run.unknown > 0).then(|| row(text::SYNC_UNKNOWN, run.unknown.to_string()))}
    }
    .into_any()
}

fn departure_table(departures: Vec<DepartureView>) -> impl IntoView {
    if departures.is_empty() {
        return view! { <p>{text::NO_DEPARTURES}</p> }.into_any();
    }
    view! {
        <table data-testid="departures">
            <thead>
                <tr>
                    <th scope="col">{text::DEPARTURE_WHO}</th>
                    <th scope="col">{text::DEPARTURE_WHEN}</th>
                    <th scope="col">{text::DEPARTURE_HOW}</th>
                    <th scope="col">{text::DEPARTURE_OUTCOME}</th>
                </tr>
            </thead>
            <tbody>
                {departures.into_iter().map(|d| view! {
                    <tr>
                        <td>{d.email}</td>
                        <td>{d.noticed}</td>
                        <td>{format!("{} ({})", d.source, d.reason)}</td>
                        <td>{d.outcome}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
