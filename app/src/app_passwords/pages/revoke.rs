//! Revoking one app password, or all of them, after a confirmation.

use crate::app_passwords::api::{get_app_password, get_app_passwords};
use crate::app_passwords::model::ListState;
use crate::app_passwords::text::{list as list_text, revoke as revoke_text};
use crate::components::{Page, PendingSubmit, loaded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RevokePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, get_app_password);
    view! {
        <Title text=revoke_text::TITLE/>
        {loaded(data, |(me, item)| {
            let action = format!("/app-passwords/{}/revoke", item.id);
            view! {
                <Page me=me current="/app-passwords">
                    <h1>{revoke_text::TITLE}</h1>
                    <section class="card narrow-left" aria-labelledby="confirm-heading">
                        <h2 id="confirm-heading">{revoke_text::QUESTION}</h2>
                        <dl class="facts">
                            <dt>{list_text::NAME}</dt><dd>{item.name}</dd>
                            <dt>{list_text::CREATED}</dt><dd>{item.created}</dd>
                        </dl>
                        <p>{revoke_text::EFFECT}</p>
                        <form method="post" action=action class="actions">
                            <PendingSubmit label=revoke_text::CONFIRM.get() pending_label=revoke_text::REVOKING.get()/>
                            <a class="button secondary" href="/app-passwords">{revoke_text::KEEP}</a>
                        </form>
                    </section>
                </Page>
            }
        })}
    }
}

#[component]
pub fn RevokeAllPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_app_passwords());
    view! {
        <Title text=revoke_text::ALL_TITLE/>
        {loaded(data, |v| {
            let mut names: Vec<String> = match v.list {
                ListState::Ready(items) => items.into_iter().map(|i| i.name).collect(),
                _ => Vec::new(),
            };
            names.extend(v.api_keys.into_iter().map(|k| k.name));
            view! {
                <Page me=v.me current="/app-passwords">
                    <h1>{revoke_text::ALL_TITLE}</h1>
                    <section class="card narrow-left" aria-labelledby="confirm-heading">
                        <h2 id="confirm-heading">{revoke_text::ALL_QUESTION}</h2>
                        <ul>{names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul>
                        <p>{revoke_text::ALL_EFFECT}</p>
                        <form method="post" action="/app-passwords/revoke-all" class="actions">
                            <PendingSubmit label=revoke_text::ALL_CONFIRM.get() pending_label=revoke_text::REVOKING.get()/>
                            <a class="button secondary" href="/app-passwords">{revoke_text::KEEP}</a>
                        </form>
                    </section>
                </Page>
            }
        })}
    }
}
