//! The DNS step: each domain's records published by hand, or by the mail server through the
//! partner's DNS server (the key tried, the change previewed, then each record followed).

use crate::components::{Alert, AlertKind, Draft, PendingSubmit, ReloadWhenDone};
use crate::partners::model::{ChangeRow, DnsStep, PreviewView, RecordState};
use crate::partners::text::publishing as text;
use leptos::prelude::*;

/// One field of a domain's form: ids carry the domain's place on the page (a page may hold
/// several domains' forms).
struct Input {
    at: usize,
    name: &'static str,
    label: crate::i18n::Key,
    kind: &'static str,
    value: String,
    hint: Option<crate::i18n::Key>,
    error: Option<String>,
}

fn input(i: Input) -> impl IntoView + use<> {
    let id = format!("dns-{}-{}", i.at, i.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match (i.hint.is_some(), i.error.is_some()) {
        (true, true) => Some(format!("{hint_id} {error_id}")),
        (true, false) => Some(hint_id.clone()),
        (false, true) => Some(error_id.clone()),
        (false, false) => None,
    };
    let invalid = i.error.is_some().then_some("true");
    view! {
        <div class="field">
            <label for=id.clone()>{i.label}</label>
            <input id=id name=i.name type=i.kind value=i.value aria-describedby=described aria-invalid=invalid autocomplete="off"/>
            {i.hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            {i.error.map(|m| view! { <p id=error_id class="field-error">{m}</p> })}
        </div>
    }
}

fn state_badge(state: &str) -> impl IntoView + use<> {
    let (class, word) = match state {
        "checked" => ("badge unknown", text::STATE_CHECKED),
        "publishing" => ("badge unknown", text::STATE_PUBLISHING),
        "published" => ("badge match", text::STATE_PUBLISHED),
        "failed" => ("badge missing", text::STATE_FAILED),
        _ => return None,
    };
    Some(view! { <span class=class data-testid="dns-state">{word}</span> })
}

/// "Publish for me": the DNS server and its key.
fn key_form(
    base: &str,
    at: usize,
    d: &DnsStep,
    draft: &Draft,
    algorithms: &[String],
) -> impl IntoView + use<> {
    let form = format!("dns-{}", d.domain);
    let value = |f: &str| draft.value(&form, f).unwrap_or_default();
    let error = |f: &str| draft.error(&form, f);
    let field = |name, label, kind, hint| Input {
        at,
        name,
        label,
        kind,
        value: value(name),
        hint,
        error: error(name),
    };
    let chosen = draft
        .value(&form, "algorithm")
        .or_else(|| algorithms.first().cloned())
        .unwrap_or_default();
    let algorithm_id = format!("dns-{at}-algorithm");
    let algorithm_error = error("algorithm");
    let tcp = draft.value(&form, "tcp").is_some_and(|v| !v.is_empty());
    let port = draft.value(&form, "port").unwrap_or_else(|| "53".into());
    let open = draft.is(&form) || d.state.is_empty();
    let summary = if d.state.is_empty() {
        text::FOR_ME_TITLE
    } else {
        text::TRY_OTHER
    };
    view! {
        <details open=open>
            <summary>{summary}</summary>
            <p>{text::FOR_ME_INTRO}</p>
            <form method="post" action=format!("{base}/domains/{}/dns", d.domain) class="stack" novalidate>
                {input(field("host", text::HOST, "text", Some(text::HOST_HINT)))}
                {input(Input { value: port, ..field("port", text::PORT, "text", None) })}
                <label class="choice">
                    <input type="checkbox" name="tcp" value="on" checked=tcp/>
                    {text::TCP}
                </label>
                {input(field("key_name", text::KEY_NAME, "text", Some(text::KEY_NAME_HINT)))}
                <div class="field">
                    <label for=algorithm_id.clone()>{text::ALGORITHM}</label>
                    <select id=algorithm_id name="algorithm" aria-invalid=algorithm_error.is_some().then_some("true")>
                        {algorithms.iter().map(|a| view! {
                            <option value=a.clone() selected=chosen == *a>{a.clone()}</option>
                        }).collect_view()}
                    </select>
                    {algorithm_error.map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                {input(Input { value: String::new(), ..field("secret", text::SECRET, "password", Some(text::SECRET_HINT)) })}
                {input(field("origin", text::ORIGIN, "text", Some(text::ORIGIN_HINT)))}
                <div class="actions"><PendingSubmit label=text::TRY.get() pending_label=text::TRYING.get()/></div>
            </form>
        </details>
    }
}

fn values(v: &[String]) -> impl IntoView + use<> {
    if v.is_empty() {
        view! { <em>{text::NOTHING}</em> }.into_any()
    } else {
        view! { {v.iter().map(|x| view! { <code class="value">{x.clone()}</code><br/> }).collect_view()} }.into_any()
    }
}

fn changes(
    title: crate::i18n::Key,
    rows: Vec<ChangeRow>,
    testid: &'static str,
) -> impl IntoView + use<> {
    (!rows.is_empty()).then(|| {
        view! {
            <div class="table-wrap">
                <table data-testid=testid>
                    <caption>{title}</caption>
                    <thead><tr>
                        <th scope="col">{text::RECORD}</th>
                        <th scope="col">{text::NOW}</th>
                        <th scope="col">{text::THEN}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr>
                                <th scope="row"><code>{r.name}</code>" "{r.kind}</th>
                                <td>{values(&r.now)}</td>
                                <td>{values(&r.then)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

/// What publishing will change, and the go-ahead (ticked when it removes mail routing).
fn preview(
    base: &str,
    at: usize,
    domain: &str,
    p: PreviewView,
    draft: &Draft,
) -> impl IntoView + use<> {
    let form = format!("dns-{domain}");
    let confirm_error = draft.error(&form, "confirm");
    let needs = p.needs_confirmation();
    let confirm_id = format!("dns-{at}-confirm");
    let warnings = needs.then(|| {
        view! {
            <Alert kind=AlertKind::Warning>
                {(!p.foreign_mx.is_empty()).then(|| view! { <p data-testid="foreign-mx">{text::foreign_mx(&p.foreign_mx.join(", "))}</p> })}
                {p.foreign_spf.clone().map(|spf| view! { <p data-testid="foreign-spf">{text::foreign_spf(&spf)}</p> })}
            </Alert>
        }
    });
    let unknown = (!p.unknown.is_empty()).then(|| {
        view! {
            <p class="hint">{text::NOT_ANSWERED}</p>
            <ul>{p.unknown.iter().map(|u| view! { <li><code>{u.clone()}</code></li> }).collect_view()}</ul>
        }
    });
    view! {
        <h4>{text::preview_title(&p.zone)}</h4>
        {warnings}
        {changes(text::REPLACED, p.replaced, "replaced")}
        {
            // A fresh zone gets every record set: the list folds, the replaced ones above do not.
            let count = p.added.len();
            let added = changes(text::ADDED, p.added, "added");
            if count > 5 {
                view! { <details><summary>{text::ADDED}" ("{count}")"</summary>{added}</details> }.into_any()
            } else {
                added.into_any()
            }
        }
        {(p.unchanged > 0).then(|| view! { <p class="hint">{text::unchanged(p.unchanged)}</p> })}
        {unknown}
        <form method="post" action=format!("{base}/domains/{domain}/dns/publish") class="stack">
            {needs.then(|| view! {
                <div class="field">
                    <label class="choice" for=confirm_id.clone()>
                        <input type="checkbox" id=confirm_id.clone() name="confirm" value="on"
                            aria-invalid=confirm_error.is_some().then_some("true")/>
                        {text::CONFIRM}
                    </label>
                    {confirm_error.clone().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </div>
            })}
            <div class="actions"><PendingSubmit label=text::PUBLISH.get() pending_label=text::PUBLISHING.get()/></div>
        </form>
    }
}

fn record_rows(
    caption: crate::i18n::Key,
    rows: Vec<RecordState>,
    testid: &'static str,
) -> impl IntoView + use<> {
    (!rows.is_empty()).then(|| {
        view! {
            <div class="table-wrap">
                <table data-testid=testid>
                    <caption>{caption}</caption>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let class = if r.ok { "badge match" } else { "badge unknown" };
                            view! {
                                <tr>
                                    <th scope="row"><code>{r.name}</code>" "{r.kind}</th>
                                    <td><span class=class>{r.words}</span></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
    })
}

/// How publishing goes for a domain the mail server publishes.
fn following(base: &str, d: DnsStep) -> impl IntoView + use<> {
    let failure = d.failure.clone().map(|words| {
        view! {
            <Alert kind=AlertKind::Error>
                <p data-testid="dns-failure">{words}</p>
                {d.failure_detail.clone().map(|detail| view! {
                    <details><summary>{text::SERVER_WORDS}</summary><p><code>{detail}</code></p></details>
                })}
            </Alert>
        }
    });
    let problem = d
        .problem
        .clone()
        .map(|p| view! { <Alert kind=AlertKind::Error><p>{p}</p></Alert> });
    // With JavaScript the page reloads itself once the mail server is done; without it, a
    // link (no timed refresh).
    let running = d.running.then(|| {
        view! {
            <ReloadWhenDone status_url=format!("{base}/domains/{}/dns/status", d.domain)/>
            <p role="status">{text::RUNNING}" "<a href=format!("{base}#dns-{}", d.domain)>{text::RELOAD}</a></p>
        }
    });
    view! {
        <p>{text::server_is(&d.server, &d.zone)}" "<span class="hint">{text::since(&d.since)}</span></p>
        {failure}
        {problem}
        {running}
        {record_rows(text::RECORDS, d.records, "dns-records")}
        {record_rows(text::DKIM, d.dkim, "dns-dkim")}
        {d.dkim_detail.clone().map(|detail| view! {
            <details><summary>{text::SERVER_WORDS}</summary><p><code data-testid="dkim-detail">{detail}</code></p></details>
        })}
        <div class="actions">
            <form method="post" action=format!("{base}/domains/{}/dns/again", d.domain) class="inline-form">
                <PendingSubmit label=text::AGAIN.get() pending_label=text::PUBLISHING.get()/>
            </form>
            <form method="post" action=format!("{base}/domains/{}/dns/stop", d.domain) class="inline-form">
                <button type="submit" class="secondary">{text::STOP}</button>
            </form>
        </div>
        <p class="hint">{text::STOP_HINT}</p>
    }
}

/// The DNS step of the console.
pub fn dns_step(
    base: &str,
    steps: Vec<DnsStep>,
    draft: &Draft,
    records_page: &str,
    algorithms: &[String],
) -> impl IntoView + use<> {
    if steps.is_empty() {
        return view! { <p class="hint">{text::NOTHING_AT_SERVER}</p> }.into_any();
    }
    let items = steps
        .into_iter()
        .enumerate()
        .map(|(at, d)| {
            let anchor = format!("dns-{}", d.domain);
            let body = match d.state.as_str() {
                "" | "checked" => {
                    let preview_view = d
                        .preview
                        .clone()
                        .filter(|_| d.state == "checked")
                        .map(|p| preview(base, at, &d.domain, p, draft));
                    view! {
                        {(d.state == "checked").then(|| view! { <p>{text::server_is(&d.server, &d.zone)}</p> })}
                        {preview_view}
                        {d.state.is_empty().then(|| view! {
                            <h4>{text::MYSELF_TITLE}</h4>
                            <p>{text::myself(&format!("{records_page}/{}", d.domain))}</p>
                        })}
                        {key_form(base, at, &d, draft, algorithms)}
                    }
                    .into_any()
                }
                _ => following(base, d.clone()).into_any(),
            };
            view! {
                <li class="card" id=anchor data-testid="dns-domain">
                    <h3><code>{d.domain.clone()}</code>" "{state_badge(&d.state)}</h3>
                    {body}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain stack">{items}</ul> }.into_any()
}
