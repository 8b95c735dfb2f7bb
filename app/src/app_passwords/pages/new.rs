//! Creating an app password: the form, and the one page that shows the secret.

use crate::app_passwords::api::get_new_form;
use crate::app_passwords::model::{
    CreateOutcome, MailSetup, Minted, NewAppPasswordForm, NewFormView,
};
use crate::app_passwords::text::NO_MAILBOX;
use crate::app_passwords::text::{created as created_text, new as new_text};
use crate::components::text as shared;
use crate::components::{Alert, AlertKind, CopyButton, Page, PendingSubmit, loaded};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewAppPasswordPage() -> impl IntoView {
    // Present when this page is the answer to the form's POST.
    let outcome = use_context::<CreateOutcome>();
    let data = Resource::new_blocking(|| (), |_| get_new_form());
    view! {
        <Title text=new_text::TITLE/>
        {loaded(data, move |mut v| match outcome.clone() {
            Some(CreateOutcome::Minted(minted)) => view! {
                <Page me=v.me current="/app-passwords"><Created minted/></Page>
            }
            .into_any(),
            Some(CreateOutcome::Rejected { form, error }) => {
                v.form = form;
                v.reauthenticated = false;
                view! { <NewForm view=v error=Some(error)/> }.into_any()
            }
            None => view! { <NewForm view=v error=None/> }.into_any(),
        })}
    }
}

#[component]
fn NewForm(view: NewFormView, error: Option<AppError>) -> impl IntoView {
    let NewFormView {
        me,
        form,
        setup: _,
        reauthenticated,
        has_mailbox,
    } = view;
    let field_error = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_message(field))
            .map(str::to_owned)
    };
    let name_error = field_error("name");
    let networks_error = field_error("networks");
    let expiry_error = field_error("expiry");
    let general = error.as_ref().and_then(AppError::general_message);
    let NewAppPasswordForm {
        request_id,
        name,
        expiry,
        networks,
        scope,
    } = form;
    view! {
        <Page me=me current="/app-passwords">
            <h1>{new_text::TITLE}</h1>
            {reauthenticated.then(|| view! { <Alert kind=AlertKind::Info><p>{new_text::REAUTHENTICATED}</p></Alert> })}
            {general.map(|message| view! {
                <Alert kind=AlertKind::Error title=new_text::PROBLEM><p>{message}</p></Alert>
            })}
            {if !has_mailbox {
                view! { <Alert kind=AlertKind::Info><p>{NO_MAILBOX}</p></Alert> }.into_any()
            } else {
                view! {
                    <form method="post" action="/app-passwords/new" class="card stack" novalidate>
                        <input type="hidden" name="request_id" value=request_id/>
                        <div class="field">
                            <label for="name">{new_text::NAME}</label>
                            <input id="name" name="name" type="text" required maxlength="64" list="name-presets"
                                value=name autocomplete="off"
                                aria-describedby=if name_error.is_some() { "name-hint name-error" } else { "name-hint" }
                                aria-invalid=name_error.is_some().then_some("true")/>
                            <datalist id="name-presets">
                                {new_text::PRESETS.iter().map(|p| view! { <option value=*p></option> }).collect_view()}
                            </datalist>
                            <p id="name-hint" class="hint">{new_text::NAME_HINT}</p>
                            {name_error.map(|m| view! { <p id="name-error" class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="expiry">{new_text::EXPIRY}</label>
                            <select id="expiry" name="expiry" aria-invalid=expiry_error.is_some().then_some("true")
                                aria-describedby=expiry_error.is_some().then_some("expiry-error")>
                                {new_text::EXPIRY_OPTIONS.iter().map(|(value, label)| {
                                    let selected = *value == expiry || (expiry.is_empty() && *value == "never");
                                    view! { <option value=*value selected=selected>{*label}</option> }
                                }).collect_view()}
                            </select>
                            {expiry_error.map(|m| view! { <p id="expiry-error" class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="networks">{new_text::NETWORKS}</label>
                            <textarea id="networks" name="networks" rows="3" spellcheck="false"
                                aria-describedby=if networks_error.is_some() { "networks-hint networks-error" } else { "networks-hint" }
                                aria-invalid=networks_error.is_some().then_some("true")>{networks}</textarea>
                            <p id="networks-hint" class="hint">{new_text::NETWORKS_HINT}</p>
                            {networks_error.map(|m| view! { <p id="networks-error" class="field-error">{m}</p> })}
                        </div>
                        <fieldset class="field">
                            <legend>{new_text::SCOPE}</legend>
                            <label class="choice">
                                <input type="radio" name="scope" value="mail" checked=scope != "mail_dav"/>
                                {new_text::SCOPE_MAIL}
                            </label>
                            <label class="choice">
                                <input type="radio" name="scope" value="mail_dav" checked=scope == "mail_dav"/>
                                {new_text::SCOPE_MAIL_DAV}
                            </label>
                        </fieldset>
                        <p class="hint">{new_text::FRESH}</p>
                        <p class="actions">
                            <PendingSubmit label=new_text::SUBMIT.get() pending_label=new_text::SUBMITTING.get()/>
                            <a class="button secondary" href="/app-passwords">{new_text::CANCEL}</a>
                        </p>
                    </form>
                }.into_any()
            }}
        </Page>
    }
}

/// Splits a secret into groups of four for reading aloud or typing on a phone.
pub fn group_secret(secret: &str) -> Vec<String> {
    let chars: Vec<char> = secret.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect()).collect()
}

#[component]
fn Created(minted: Minted) -> impl IntoView {
    let Minted {
        name,
        secret,
        setup,
    } = minted;
    let groups = group_secret(&secret);
    view! {
        <h1>{created_text::TITLE}</h1>
        <Alert kind=AlertKind::Success title=name><p>{created_text::ONCE}</p></Alert>
        <section class="card" aria-labelledby="secret-heading">
            <h2 id="secret-heading">{created_text::PASSWORD}</h2>
            <p class="secret" id="secret" data-copy=secret.clone() data-testid="secret">
                {groups.into_iter().map(|g| view! { <span>{g}</span> }).collect_view()}
            </p>
            <p class="hint">{created_text::TYPE_HINT}</p>
            <CopyButton target="secret".to_owned() label=created_text::COPY.get()/>
        </section>
        <MailSettings setup/>
        <p><a class="button" href="/app-passwords">{created_text::DONE}</a></p>
    }
}

#[component]
pub fn MailSettings(setup: MailSetup) -> impl IntoView {
    let copyable = |id: &'static str, value: String| {
        view! {
            <span class="copyable"><code id=id>{value}</code><CopyButton target=id.to_owned() label=shared::COPY.get()/></span>
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-heading">
            <h2 id="settings-heading">{created_text::SETTINGS}</h2>
            <dl class="facts">
                <dt>{created_text::USERNAME}</dt><dd>{copyable("username", setup.username)}</dd>
            </dl>
            <h3>{created_text::INCOMING}</h3>
            <dl class="facts">
                <dt>{created_text::SERVER}</dt><dd>{copyable("imap-host", setup.imap_host)}</dd>
                <dt>{created_text::PORT}</dt><dd>{setup.imap_port}</dd>
                <dt>{created_text::SECURITY}</dt><dd>{setup.imap_security}</dd>
            </dl>
            <h3>{created_text::OUTGOING}</h3>
            <dl class="facts">
                <dt>{created_text::SERVER}</dt><dd>{copyable("smtp-host", setup.smtp_host)}</dd>
                <dt>{created_text::PORT}</dt><dd>{setup.smtp_port}</dd>
                <dt>{created_text::SECURITY}</dt><dd>{setup.smtp_security}</dd>
            </dl>
            <p class="hint">{created_text::AUTH}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::group_secret;

    #[test]
    fn secrets_are_grouped_by_four() {
        assert_eq!(group_secret("app_abcdefgh1"), ["app_", "abcd", "efgh", "1"]);
    }
}
