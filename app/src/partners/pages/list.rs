//! The Partners page: the organisations a partner manages.

use crate::components::{Page, loaded, notice_view};
use crate::partners::api::get_partners;
use crate::partners::model::{OrganisationRow, PartnersView};
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_partners());
    view! {
        <Title text=text::PARTNERS/>
        {loaded(data, |v| view! { <Partners view=v/> })}
    }
}

fn row(o: OrganisationRow) -> impl IntoView {
    let badge = if o.live {
        "badge match"
    } else {
        "badge unknown"
    };
    view! {
        <tr data-testid="organisation">
            <th scope="row">
                <a href=format!("/partners/organisations/{}", o.slug)>{o.display_name}</a>
                {o.partner.then(|| view! { " "<span class="badge recommended">{text::PARTNER_BADGE}</span> })}
                {o.from_config.then(|| view! { " "<span class="badge optional">{text::FROM_CONFIG_BADGE}</span> })}
            </th>
            <td><span class=badge>{o.status}</span></td>
            <td>
                <ul class="plain">
                    {o.domains.into_iter().map(|(d, state)| view! { <li><code>{d}</code>" — "{state}</li> }).collect_view()}
                </ul>
            </td>
            <td><code>{o.mail_server}</code></td>
            <td><code>{o.idp}</code></td>
            <td>{o.people}</td>
            <td>{o.last_activity}</td>
        </tr>
    }
}

#[component]
fn Partners(view: PartnersView) -> impl IntoView {
    let PartnersView {
        me,
        notice,
        operator,
        organisations,
    } = view;
    view! {
        <Page me=me current="/partners">
            <h1>{text::PARTNERS}</h1>
            <p class="lead">{if operator { text::INTRO_OPERATOR } else { text::INTRO }}</p>
            {notice_view(notice)}
            <div class="actions">
                <a class="button" href="/partners/new">{text::ONBOARD}</a>
            </div>
            {if organisations.is_empty() {
                view! { <p class="card empty">{text::NONE_YET}</p> }.into_any()
            } else {
                view! {
                    <div class="card table-wrap">
                        <table>
                            <caption class="visually-hidden">{text::PARTNERS}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{text::COL_ORGANISATION}</th>
                                    <th scope="col">{text::COL_STATUS}</th>
                                    <th scope="col">{text::COL_DOMAINS}</th>
                                    <th scope="col">{text::COL_SERVER}</th>
                                    <th scope="col">{text::COL_IDP}</th>
                                    <th scope="col">{text::COL_PEOPLE}</th>
                                    <th scope="col">{text::COL_ACTIVITY}</th>
                                </tr>
                            </thead>
                            <tbody>{organisations.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </Page>
    }
}
