//! "My account": who you are signed in as, and your mailbox on the mail server.

use super::api::get_account_overview;
use super::model::{AccountOverview, MailboxStatus};
use super::text;
use crate::components::text::human_bytes;
use crate::components::{Alert, AlertKind, Page, PendingSubmit, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| get_account_overview());
    view! {
        <Title text=text::TITLE/>
        {loaded(overview, |overview| view! { <Overview overview/> })}
    }
}

#[component]
fn Overview(overview: AccountOverview) -> impl IntoView {
    let me = overview.me.clone();
    view! {
        <Page me=overview.me current="/account">
            <h1>{text::TITLE}</h1>
            <section aria-labelledby="you-heading" class="card">
                <h2 id="you-heading">{text::YOU}</h2>
                <dl class="facts">
                    <dt>{text::NAME}</dt><dd>{me.name.unwrap_or_else(|| text::NO_NAME.into())}</dd>
                    <dt>{text::EMAIL}</dt><dd>{me.email}</dd>
                    <dt>{text::ORGANISATION}</dt><dd>{me.organisation_name}</dd>
                    <dt>{text::ROLE}</dt>
                    <dd>{if me.is_admin { text::ROLE_ADMIN } else { text::ROLE_USER }}</dd>
                </dl>
            </section>
            <section aria-labelledby="mailbox-heading" class="card">
                <h2 id="mailbox-heading">{text::MAILBOX}</h2>
                {mailbox_view(overview.mailbox)}
            </section>
            <section aria-labelledby="sessions-heading" class="card">
                <h2 id="sessions-heading">{text::SESSIONS}</h2>
                <p>{text::SESSIONS_BODY}</p>
                <form method="post" action="/account/sessions/sign-out">
                    <PendingSubmit label=text::SIGN_OUT_EVERYWHERE.get() pending_label=text::SIGNING_OUT.get()/>
                </form>
            </section>
        </Page>
    }
}

fn mailbox_view(status: MailboxStatus) -> AnyView {
    match status {
        MailboxStatus::Found(mailbox) => {
            let storage = match mailbox.quota_bytes {
                Some(limit) => text::storage_of(&human_bytes(mailbox.used_bytes), &human_bytes(limit)),
                None => text::storage_unlimited(&human_bytes(mailbox.used_bytes)),
            };
            view! {
                <dl class="facts" data-testid="mailbox">
                    <dt>{text::ADDRESS}</dt><dd>{mailbox.address}</dd>
                    {mailbox.display_name.map(|n| view! { <dt>{text::DISPLAY_NAME}</dt><dd>{n}</dd> })}
                    <dt>{text::STORAGE}</dt><dd>{storage}</dd>
                    <dt>{text::ALIASES}</dt>
                    <dd>
                        {if mailbox.aliases.is_empty() {
                            text::NO_ALIASES.get().into_any()
                        } else {
                            view! { <ul class="plain">{mailbox.aliases.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </dd>
                </dl>
            }.into_any()
        }
        MailboxStatus::Missing => view! {
            <Alert kind=AlertKind::Info title=text::MISSING_TITLE><p>{text::MISSING_BODY}</p></Alert>
        }.into_any(),
        MailboxStatus::Unavailable(message) => view! {
            <Alert kind=AlertKind::Warning title=text::UNAVAILABLE_TITLE>
                <p>{message}</p>
                <p><a href="/account">{text::RETRY}</a></p>
            </Alert>
        }.into_any(),
    }
}
