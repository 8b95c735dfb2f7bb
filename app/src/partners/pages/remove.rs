//! Removing an organisation: Postern forgets it; the mail server keeps its domains unless the
//! partner asks, and types their names to confirm.

use crate::components::{Alert, AlertKind, Page, PendingSubmit, loaded, notice_view};
use crate::partners::api::get_remove;
use crate::partners::model::RemoveView;
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RemoveOrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_remove,
    );
    view! {
        <Title text=text::REMOVE_TITLE/>
        {loaded(data, |v| view! { <Remove view=v/> })}
    }
}

#[component]
fn Remove(view: RemoveView) -> impl IntoView {
    let RemoveView {
        me,
        notice,
        draft,
        slug,
        display_name,
        at_mail_server,
        mail_server,
        publishing,
    } = view;
    let zones: Vec<String> = publishing.iter().map(|(_, zone)| zone.clone()).collect();
    let dns_note = (!zones.is_empty()).then(|| {
        view! {
            <p class="hint" data-testid="dns-records-note">
                {crate::partners::text::publishing::records_stay_in(&zones.join(", "))}" "
                {crate::partners::text::publishing::RECORDS_GO}
            </p>
        }
    });
    let base = format!("/partners/organisations/{slug}");
    let confirm_error = draft.error("remove", "confirm");
    let typed = draft.value("remove", "confirm").unwrap_or_default();
    let ticked = draft
        .value("remove", "delete_at_server")
        .is_some_and(|v| !v.is_empty());
    let server = mail_server.unwrap_or_default();
    view! {
        <Page me=me current="/partners">
            <p><a href=base.clone()>{display_name.clone()}</a></p>
            <h1>{text::REMOVE_TITLE}": "{display_name.clone()}</h1>
            {notice_view(notice)}
            <Alert kind=AlertKind::Warning><p>{text::remove_intro(&display_name)}</p></Alert>
            <form method="post" action=format!("{base}/remove") class="card narrow stack">
                {if at_mail_server.is_empty() {
                    view! { <p>{text::NOTHING_AT_SERVER}</p> }.into_any()
                } else {
                    let list = at_mail_server.join(" ");
                    let described = confirm_error.as_ref().map(|_| "confirm-error");
                    view! {
                        <label class="choice">
                            <input type="checkbox" name="delete_at_server" value="on" checked=ticked/>
                            {text::DELETE_AT_SERVER}" ("<code>{server}</code>")"
                        </label>
                        <div class="field">
                            <label for="confirm">{text::TYPE_DOMAINS}": "<code>{list}</code></label>
                            <input id="confirm" name="confirm" type="text" autocomplete="off" value=typed
                                aria-describedby=described aria-invalid=confirm_error.is_some().then_some("true")/>
                            {confirm_error.map(|m| view! { <p id="confirm-error" class="field-error">{m}</p> })}
                        </div>
                        {dns_note}
                    }.into_any()
                }}
                <div class="actions">
                    <PendingSubmit label=text::REMOVE.get() pending_label=text::REMOVING.get()/>
                    <a class="button secondary" href=base.clone()>{text::CANCEL}</a>
                </div>
            </form>
        </Page>
    }
}
