//! The Partners page: the organisations a partner manages.

use crate::components::{Page, loaded, notice_view, url_encoded};
use crate::partners::api::get_partners;
use crate::partners::model::{OrganisationRow, PartnersView, ServerRow};
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let query = use_query_map();
    let args = move || {
        let q = query.read();
        (
            q.get("q"),
            q.get("page").and_then(|p| p.parse::<u64>().ok()),
        )
    };
    let data = Resource::new_blocking(args, |(q, page)| get_partners(q, page));
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
fn Servers(servers: Vec<ServerRow>) -> impl IntoView {
    view! {
        <section aria-labelledby="servers-heading">
            <h2 id="servers-heading">{text::SERVERS}</h2>
            <p class="hint">{text::SERVERS_INTRO}</p>
            <div class="card table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_SERVER}</th>
                            <th scope="col">{text::COL_ADDRESS}</th>
                            <th scope="col">{text::COL_STATE}</th>
                            <th scope="col">{text::COL_CHECKED}</th>
                            <th scope="col">{text::COL_HOOK}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {servers.into_iter().map(|s| {
                            let state = if s.ok {
                                view! { <span class="badge match">{s.state}</span> }.into_any()
                            } else {
                                view! { <span class="badge conflict">{text::SERVER_PROBLEM}</span>" "{s.state}" " }.into_any()
                            };
                            let hook_action = format!("/partners/servers/{}/activity-hook", s.name);
                            let hook_label = text::hook_reregister_label(&s.name);
                            view! {
                                <tr data-testid="server">
                                    <th scope="row"><code>{s.name}</code></th>
                                    <td><code>{s.url}</code></td>
                                    <td>{state}</td>
                                    <td>{s.checked}</td>
                                    <td>
                                        <span class=if s.activity_ok { "badge match" } else { "" }>{s.activity}</span>
                                        <form method="post" action=hook_action class="inline-form">
                                            <button type="submit" class="secondary small" aria-label=hook_label>{text::HOOK_REREGISTER}</button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Partners(view: PartnersView) -> impl IntoView {
    let PartnersView {
        me,
        notice,
        operator,
        organisations,
        query,
        page,
        pages,
        total,
        servers,
    } = view;
    let link = {
        let query = query.clone();
        move |page: u64| {
            format!(
                "/partners?{}&page={page}",
                url_encoded(&[("q", query.as_str())])
            )
        }
    };
    let searching = !query.is_empty();
    view! {
        <Page me=me current="/partners">
            <h1>{text::PARTNERS}</h1>
            <p class="lead">{if operator { text::INTRO_OPERATOR } else { text::INTRO }}</p>
            {notice_view(notice)}
            <div class="actions">
                <a class="button" href="/partners/new">{text::ONBOARD}</a>
            </div>
            {(total > 0 || searching).then(|| view! {
                <form method="get" action="/partners" class="filters" role="search">
                    <div class="field">
                        <label for="q">{text::SEARCH}</label>
                        <input id="q" name="q" type="search" value=query.clone() aria-describedby="q-hint"/>
                        <p id="q-hint" class="hint">{text::SEARCH_HINT}</p>
                    </div>
                    <button type="submit" class="secondary">{text::SEARCH}</button>
                </form>
                <p class="hint" role="status">{text::showing(organisations.len(), total, page, pages)}</p>
            })}
            {if organisations.is_empty() {
                let empty = if searching { text::NO_MATCH } else { text::NONE_YET };
                view! { <p class="card empty">{empty}</p> }.into_any()
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
            <nav class="pager" aria-label=text::PAGES>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{text::PREVIOUS}</a> })}
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{text::NEXT}</a> })}
            </nav>
            {(!servers.is_empty()).then(|| view! { <Servers servers=servers/> })}
        </Page>
    }
}
