//! What a one-time test link opens: who asks, what happens, and the button that starts it.

use crate::components::{Page, loaded};
use crate::partners::api::get_test_link;
use crate::partners::model::TestLinkView;
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TestLinkPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("token").unwrap_or_default(),
        get_test_link,
    );
    view! {
        <Title text=text::LINK_TITLE/>
        {loaded(data, |v| view! { <TestLink view=v/> })}
    }
}

#[component]
fn TestLink(view: TestLinkView) -> impl IntoView {
    let TestLinkView {
        organisation,
        token,
    } = view;
    view! {
        <Page>
            <div class="card narrow stack">
                <h1>{text::LINK_TITLE}": "{organisation.clone()}</h1>
                <p>{text::link_intro(&organisation)}</p>
                <form method="post" action=format!("/test-sign-in/{token}")>
                    <button type="submit">{text::LINK_START}</button>
                </form>
            </div>
        </Page>
    }
}
