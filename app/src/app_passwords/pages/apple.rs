//! Setting up an iPhone, iPad or Mac with a configuration profile.

use crate::app_passwords::api::get_new_form;
use crate::app_passwords::model::{CreateOutcome, NewFormView};
use crate::app_passwords::text::NO_MAILBOX;
use crate::app_passwords::text::{apple as apple_text, list as list_text, new as new_text};
use crate::components::{Alert, AlertKind, Page, loaded};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApplePage() -> impl IntoView {
    let outcome = use_context::<CreateOutcome>();
    let data = Resource::new_blocking(|| (), |_| get_new_form());
    view! {
        <Title text=apple_text::TITLE/>
        {loaded(data, move |mut v| {
            let error = match outcome.clone() {
                Some(CreateOutcome::Rejected { form, error }) => {
                    v.form = form;
                    Some(error)
                }
                _ => None,
            };
            view! { <AppleForm view=v error/> }
        })}
    }
}

#[component]
fn AppleForm(view: NewFormView, error: Option<AppError>) -> impl IntoView {
    let NewFormView {
        me,
        form,
        reauthenticated,
        has_mailbox,
        ..
    } = view;
    let default_name = if form.name.is_empty() {
        apple_text::default_device_name(
            me.name
                .as_deref()
                .and_then(|n| n.split(' ').next())
                .filter(|n| !n.is_empty()),
        )
    } else {
        form.name.clone()
    };
    let name_error = error
        .as_ref()
        .and_then(|e| e.field_message("name"))
        .map(str::to_owned);
    let general = error.as_ref().and_then(|e| match e {
        AppError::Validation(errors) => errors
            .iter()
            .find(|f| f.field != "name")
            .map(|f| f.message.clone()),
        other => Some(other.to_string()),
    });
    let steps = |list: &'static [crate::i18n::Key]| {
        list.iter().map(|s| view! { <li>{*s}</li> }).collect_view()
    };
    view! {
        <Page me=me current="/app-passwords">
            <h1>{apple_text::TITLE}</h1>
            <p class="lead">{apple_text::INTRO}</p>
            {reauthenticated.then(|| view! { <Alert kind=AlertKind::Info><p>{new_text::REAUTHENTICATED}</p></Alert> })}
            {general.map(|m| view! { <Alert kind=AlertKind::Error title=new_text::PROBLEM><p>{m}</p></Alert> })}
            <div class="columns">
                {if has_mailbox {
                    view! {
                        <form method="post" action="/app-passwords/apple" class="card stack">
                            <input type="hidden" name="request_id" value=form.request_id/>
                            <div class="field">
                                <label for="name">{apple_text::DEVICE}</label>
                                <input id="name" name="name" type="text" required maxlength="64" value=default_name
                                    aria-describedby=if name_error.is_some() { "name-hint name-error" } else { "name-hint" }
                                    aria-invalid=name_error.is_some().then_some("true")/>
                                <p id="name-hint" class="hint">{apple_text::DEVICE_HINT}</p>
                                {name_error.map(|m| view! { <p id="name-error" class="field-error">{m}</p> })}
                            </div>
                            <p class="hint">{new_text::FRESH}</p>
                            // A download does not leave the page, so no "pending" state that would never end.
                            <button type="submit">{apple_text::DOWNLOAD}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <Alert kind=AlertKind::Info><p>{NO_MAILBOX}</p></Alert> }.into_any()
                }}
                <section class="card" aria-labelledby="ios-heading">
                    <h2 id="ios-heading">{apple_text::IOS}</h2>
                    <ol>{steps(apple_text::IOS_STEPS)}</ol>
                    <h2>{apple_text::MAC}</h2>
                    <ol>{steps(apple_text::MAC_STEPS)}</ol>
                </section>
            </div>
            <p>{apple_text::OTHERS}" "<a href="/app-passwords/new">{list_text::CREATE}</a></p>
        </Page>
    }
}
