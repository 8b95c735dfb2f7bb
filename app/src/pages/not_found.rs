use crate::components::Page;
use leptos::prelude::*;
use leptos_meta::Title;

mod text {
    pub const TITLE: &str = "Page not found";
    pub const BODY: &str =
        "There is no page at this address. It may have moved, or the link may be mistyped.";
    pub const HOME: &str = "Go to the start page";
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=text::TITLE/>
        <Page>
            <h1>{text::TITLE}</h1>
            <p>{text::BODY}</p>
            <p><a href="/">{text::HOME}</a></p>
        </Page>
    }
}
