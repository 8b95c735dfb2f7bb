//! Step 1 of onboarding: who the organisation is.

use crate::components::{Field, Page, PendingSubmit, loaded};
use crate::partners::api::get_new_organisation;
use crate::partners::model::NewOrganisationView;
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewOrganisationPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_new_organisation());
    view! {
        <Title text=text::NEW_TITLE/>
        {loaded(data, |v| view! { <NewOrganisation view=v/> })}
    }
}

#[component]
fn NewOrganisation(view: NewOrganisationView) -> impl IntoView {
    let NewOrganisationView {
        me,
        draft,
        operator,
    } = view;
    let partner_ticked = draft
        .value("details", "partner")
        .is_some_and(|v| !v.is_empty());
    let value = |f: &str| draft.value("details", f).unwrap_or_default();
    let error = |f: &str| draft.error("details", f);
    let fields = (
        Field::new("display_name", text::DISPLAY_NAME, "text")
            .value(value("display_name"))
            .hint(text::DISPLAY_NAME_HINT)
            .error(error("display_name"))
            .render(),
        Field::new("slug", text::SLUG, "text")
            .value(value("slug"))
            .hint(text::SLUG_HINT)
            .error(error("slug"))
            .render(),
        Field::new("contact_email", text::CONTACT, "email")
            .value(value("contact_email"))
            .hint(text::CONTACT_HINT)
            .error(error("contact_email"))
            .render(),
    );
    view! {
        <Page me=me current="/partners">
            <p><a href="/partners">{text::BACK_TO_PARTNERS}</a></p>
            <h1>{text::NEW_TITLE}</h1>
            <p class="lead">{text::NEW_INTRO}</p>
            <form method="post" action="/partners/new" class="card narrow stack" novalidate>
                {fields}
                {operator.then(|| view! {
                    <label class="choice">
                        <input type="checkbox" name="partner" value="on" checked=partner_ticked/>
                        {text::MAKE_PARTNER}
                    </label>
                })}
                <div class="actions">
                    <PendingSubmit label=text::CREATE.get() pending_label=text::CREATING.get()/>
                </div>
            </form>
        </Page>
    }
}
