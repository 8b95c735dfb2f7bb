//! The start page: the work e-mail address selects the organisation, then the organisation's
//! identity provider takes over.

use super::api::get_sign_in_state;
use super::text;
use crate::components::{Alert, AlertKind, Page, PendingSubmit};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

#[component]
pub fn SignInPage() -> impl IntoView {
    let state = Resource::new_blocking(|| (), |_| get_sign_in_state());
    view! {
        <Title text=text::TITLE/>
        <Page>
            <Suspense>
                {move || Suspend::new(async move {
                    let state = state.await.unwrap_or_default();
                    if state.signed_in {
                        return view! { <Redirect path="/account"/> }.into_any();
                    }
                    view! {
                        {state.notice.map(|n| view! { <div class="narrow-center"><Alert kind=AlertKind::Success><p>{n}</p></Alert></div> })}
                        <SignInForm error=state.error email=state.email/>
                    }.into_any()
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn SignInForm(error: Option<String>, email: Option<String>) -> impl IntoView {
    let described_by = if error.is_some() {
        "email-hint sign-in-error"
    } else {
        "email-hint"
    };
    let invalid = error.is_some().then_some("true");
    view! {
        <section class="card narrow" aria-labelledby="sign-in-heading">
            <h1 id="sign-in-heading">{text::HEADING}</h1>
            <p>{text::INTRO}</p>
            {error.map(|message| view! {
                <div id="sign-in-error">
                    <Alert kind=AlertKind::Error title=text::FAILED><p>{message}</p></Alert>
                </div>
            })}
            <form method="post" action="/auth/login" class="stack">
                <div class="field">
                    <label for="email">{text::EMAIL_LABEL}</label>
                    <input id="email" name="email" type="email" autocomplete="email"
                        inputmode="email" required autofocus
                        value=email aria-describedby=described_by aria-invalid=invalid/>
                    <p id="email-hint" class="hint">{text::EMAIL_HINT}</p>
                </div>
                <PendingSubmit label=text::CONTINUE.get() pending_label=text::CONTINUING.get()/>
            </form>
        </section>
    }
}
