//! The tenant's audit log, filtered by action and by who did it.

use crate::admin::api::get_audit;
use crate::admin::model::AuditView;
use crate::admin::text;
use crate::components::{Page, loaded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || (query.read().get("action"), query.read().get("actor")),
        |(action, actor)| get_audit(action, actor),
    );
    view! {
        <Title text=text::AUDIT/>
        {loaded(data, |v| view! { <Audit view=v/> })}
    }
}

#[component]
fn Audit(view: AuditView) -> impl IntoView {
    let AuditView {
        me,
        action,
        actor,
        rows,
    } = view;
    view! {
        <Page me=me current="/admin/audit">
            <h1>{text::AUDIT}</h1>
            <form method="get" action="/admin/audit" class="card filters" role="search">
                <div class="field">
                    <label for="action">{text::ACTION_FILTER}</label>
                    <input id="action" name="action" type="text" value=action placeholder="mailbox."/>
                </div>
                <div class="field">
                    <label for="actor">{text::ACTOR_FILTER}</label>
                    <input id="actor" name="actor" type="text" value=actor/>
                </div>
                <button type="submit">{text::FILTER}</button>
            </form>
            {if rows.is_empty() {
                view! { <p class="card">{text::NO_EVENTS}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap card">
                        <table data-testid="audit">
                            <caption class="visually-hidden">{text::AUDIT}</caption>
                            <thead><tr>
                                <th scope="col">{text::WHEN}</th><th scope="col">{text::WHO}</th><th scope="col">{text::WHAT}</th>
                                <th scope="col">{text::TARGET}</th><th scope="col">{text::CHANGES}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.when}</td><td>{r.actor}</td><td>{r.action}</td>
                                        <td>{r.target.unwrap_or_default()}</td><td><code class="detail">{r.detail}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </Page>
    }
}
