//! The organisation page: read-only for organisations declared in postern.toml.

use super::api::get_organisation;
use super::model::{IdpView, OrganisationView};
use super::text;
use crate::components::alert::{Alert, AlertKind};
use crate::components::{Page, loaded};
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

fn row(label: &'static str, value: impl IntoView) -> impl IntoView {
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
                        None => text::NO_ADMIN_GROUP.into_any(),
                    })}
                    {row(text::LOGIN_HINT, login_hint)}
                </dl>
            </section>
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
