//! The start page: the work e-mail address selects the organisation, then the organisation's
//! identity provider takes over.

use crate::api::account::get_sign_in_state;
use crate::components::{Alert, AlertKind, Page, PendingSubmit};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

mod text {
    pub const TITLE: &str = "Sign in";
    pub const HEADING: &str = "Sign in to manage your mail";
    pub const INTRO: &str = "Create passwords for your mail apps, and see your mailbox. \
        You sign in with your organisation's usual account.";
    pub const EMAIL_LABEL: &str = "Work e-mail address";
    pub const EMAIL_HINT: &str = "We use its domain to find your organisation's sign-in page.";
    pub const CONTINUE: &str = "Continue";
    pub const CONTINUING: &str = "Opening your organisation's sign-in…";
    pub const FAILED: &str = "Sign-in did not work";
}

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
                    view! { <SignInForm error=state.error email=state.email/> }.into_any()
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
                <PendingSubmit label=text::CONTINUE.to_owned() pending_label=text::CONTINUING.to_owned()/>
            </form>
        </section>
    }
}
