//! Domains: the DNS records and DKIM keys to publish, and whether the world sees them.

use super::api::{get_domain, get_domains};
use super::model::{DomainView, DomainsView, Importance, RecordRow, Status};
use super::text;
use crate::components::{
    Alert, AlertKind, CopyButton, Page, PendingSubmit, ReloadWhenDone, loaded, notice_view,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DomainsPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_domains());
    view! {
        <Title text=text::DOMAINS/>
        {loaded(data, |DomainsView { me, domains }| view! {
                        <Page me=me current="/admin/domains">
                            <h1>{text::DOMAINS}</h1>
                            <p class="lead">{text::DOMAINS_INTRO}</p>
                            <ul class="card plain link-list">
                                {domains.into_iter().map(|d| view! { <li><a href=format!("/admin/domains/{d}")>{d.clone()}</a></li> }).collect_view()}
                            </ul>
                        </Page>
        })}
    }
}

#[component]
pub fn DomainPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("name").unwrap_or_default(),
        get_domain,
    );
    view! {
        {loaded(data, |v| view! { <Title text=v.domain.clone()/><Domain view=v/> })}
    }
}

#[component]
fn Domain(view: DomainView) -> impl IntoView {
    let DomainView {
        me,
        domain,
        records,
        dkim,
        checking,
        checked_at,
        notice,
        published_into,
    } = view;
    let base = format!("/admin/domains/{domain}");
    view! {
        <Page me=me current="/admin/domains">
            // While the first check runs: with JavaScript the page reloads itself when the
            // result is there; without it, the note offers a link (no timed meta refresh,
            // which moves people on before they are ready).
            {checking.then(|| view! { <ReloadWhenDone status_url=format!("{base}/check-status")/> })}
            <h1>{domain.clone()}</h1>
            {notice_view(notice)}
            {published_into.map(|zone| view! {
                <Alert kind=AlertKind::Info><p data-testid="published-by-server">{text::published_by_server(&zone)}</p></Alert>
            })}
            <div class="actions">
                <form method="post" action=format!("{base}/check")>
                    <PendingSubmit label=text::CHECK_AGAIN.get() pending_label=text::CHECKING_AGAIN.get()/>
                </form>
                <a class="button secondary" href=format!("{base}/zone") download="">{text::DOWNLOAD}</a>
                <p class="hint" role="status">
                    {match (checking, checked_at) {
                        (true, _) => view! {
                            {text::CHECKING_NOTE} " " <a href=base.clone()>{text::SHOW_RESULTS}</a>
                        }.into_any(),
                        (false, Some(at)) => text::checked_at(&at).into_any(),
                        _ => ().into_any(),
                    }}
                </p>
            </div>
            <section class="card table-wrap" aria-labelledby="records-heading">
                <h2 id="records-heading">{text::RECORDS}</h2>
                <table data-testid="records">
                    <thead><tr>
                        <th scope="col">{text::TYPE}</th><th scope="col">{text::NAME}</th><th scope="col">{text::VALUE}</th>
                        <th scope="col">{text::PRIORITY}</th><th scope="col">{text::IMPORTANCE}</th><th scope="col">{text::STATUS}</th>
                    </tr></thead>
                    <tbody>{records.into_iter().enumerate().map(|(i, r)| record_row(i, r, checking)).collect_view()}</tbody>
                </table>
            </section>
            <section class="card table-wrap" aria-labelledby="dkim-heading">
                <h2 id="dkim-heading">{text::DKIM}</h2>
                {if dkim.is_empty() {
                    view! { <p>{text::NO_DKIM}</p> }.into_any()
                } else {
                    view! {
                        <table data-testid="dkim">
                            <thead><tr>
                                <th scope="col">{text::SELECTOR}</th><th scope="col">{text::ALGORITHM}</th>
                                <th scope="col">{text::STAGE}</th><th scope="col">{text::CREATED}</th><th scope="col">{text::RECORD}</th>
                            </tr></thead>
                            <tbody>
                                {dkim.into_iter().map(|k| view! {
                                    <tr>
                                        <th scope="row">{k.selector}</th><td>{k.algorithm}</td><td>{k.stage}</td><td>{k.created}</td>
                                        <td><code class="record-name">{k.record_name}</code><code class="value">{k.record_value}</code></td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        </Page>
    }
}

fn record_row(index: usize, r: RecordRow, checking: bool) -> impl IntoView {
    let (importance_class, importance_label) = match r.importance {
        Importance::Required => ("badge required", text::REQUIRED),
        Importance::Recommended => ("badge recommended", text::RECOMMENDED),
        Importance::Optional => ("badge optional", text::OPTIONAL),
    };
    let value_id = format!("value-{index}");
    let status = match r.status {
        None => view! { <span class="badge unknown">{if checking { text::CHECKING } else { text::UNKNOWN }}</span> }.into_any(),
        Some(s) => {
            let (class, label) = match s.status {
                Status::Match => ("badge match", text::MATCH),
                Status::Conflict => ("badge conflict", text::CONFLICT),
                Status::Missing => ("badge missing", text::MISSING),
                Status::Unknown => ("badge unknown", text::UNKNOWN),
            };
            let found = (s.status == Status::Conflict && !s.found.is_empty()).then(|| {
                view! { <p class="found">{text::FOUND}" "{s.found.join(" | ")}</p> }
            });
            view! {
                <span class=class>{label}</span>
                {s.reason.map(|m| view! { <p class="hint">{m}</p> })}
                {found}
                {s.warning.map(|w| view! { <p class="warning">{w}</p> })}
            }.into_any()
        }
    };
    let chunks = (!r.chunks.is_empty()).then(|| {
        let joined = r
            .chunks
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <details><summary>{text::CHUNKS}</summary><code class="value">{joined}</code></details>
        }
    });
    view! {
        <tr data-testid="record">
            <td>{r.kind}</td>
            <td><code class="record-name">{r.name}</code></td>
            <td>
                <code class="value" id=value_id.clone()>{r.value}</code>
                <CopyButton target=value_id label=text::COPY.get()/>
                {chunks}
            </td>
            <td>{r.priority.map(|p| p.to_string()).unwrap_or_default()}</td>
            <td><span class=importance_class>{importance_label}</span><p class="hint">{r.reason}</p></td>
            <td>{status}</td>
        </tr>
    }
}
