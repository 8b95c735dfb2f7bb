//! The organisation's audit log, filtered by action and by who did it.

use crate::activity::text as activity_text;
use crate::admin::api::get_audit;
use crate::admin::model::{AUDIT_PAGE_SIZE, AuditView};
use crate::admin::text;
use crate::components::url_encoded;
use crate::components::{Page, loaded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new_blocking(
        move || {
            let q = query.read();
            (
                q.get("action"),
                q.get("actor"),
                q.get("page").and_then(|p| p.parse::<u64>().ok()),
            )
        },
        |(action, actor, page)| get_audit(action, actor, page),
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
        actions,
        action,
        actor,
        page,
        total,
        rows,
        alerts,
    } = view;
    let pages = total.div_ceil(AUDIT_PAGE_SIZE).max(1);
    let filters = url_encoded(&[("action", action.as_str()), ("actor", actor.as_str())]);
    let link = {
        let filters = filters.clone();
        move |page: u64| format!("/admin/audit?{filters}&page={page}")
    };
    let export = format!("/admin/audit/export.csv?{filters}");
    view! {
        <Page me=me current="/admin/audit">
            <h1>{text::AUDIT}</h1>
            {(!alerts.is_empty()).then(|| view! {
                <section class="alert warning" aria-labelledby="alerts-heading" data-testid="sign-in-alerts">
                    <h2 id="alerts-heading">{activity_text::ALERTS}</h2>
                    <p>{activity_text::ALERTS_INTRO}</p>
                    <ul>
                        {alerts.into_iter().map(|a| view! {
                            <li>
                                <a href=format!("/admin/mailboxes/{}", a.account_id)>
                                    {activity_text::alert(&a.address, a.failures, &a.last)}
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <form method="get" action="/admin/audit" class="card filters" role="search">
                <div class="field">
                    <label for="action">{text::ACTION_FILTER}</label>
                    <input id="action" name="action" type="text" value=action placeholder="mailbox." list="audit-actions"/>
                    <datalist id="audit-actions">
                        {actions.into_iter().map(|a| view! { <option value=a></option> }).collect_view()}
                    </datalist>
                </div>
                <div class="field">
                    <label for="actor">{text::ACTOR_FILTER}</label>
                    <input id="actor" name="actor" type="text" value=actor/>
                </div>
                <button type="submit">{text::FILTER}</button>
            </form>
            <p class="actions">
                <span class="hint" role="status">{text::event_count(total, page, pages)}</span>
                <a class="button secondary" href=export download="">{text::EXPORT_CSV}</a>
            </p>
            {if rows.is_empty() {
                view! { <p class="card">{text::NO_EVENTS}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap card">
                        <table data-testid="audit">
                            <caption class="visually-hidden">{text::AUDIT}</caption>
                            <thead><tr>
                                <th scope="col">{text::WHEN}</th><th scope="col">{text::WHO}</th><th scope="col">{text::WHAT}</th>
                                <th scope="col">{text::TARGET}</th><th scope="col">{text::OUTCOME}</th>
                                <th scope="col">{text::CHANGES}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.when}</td><td>{r.actor}</td><td>{r.action}</td>
                                        <td>{r.target.unwrap_or_default()}</td><td>{text::outcome(&r.outcome)}</td>
                                        <td><code class="detail">{r.detail}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <nav class="pager" aria-label=text::PAGES>
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">{text::PREVIOUS}</a> })}
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">{text::NEXT}</a> })}
            </nav>
        </Page>
    }
}
