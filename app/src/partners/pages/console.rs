//! One organisation in the console: the onboarding steps in order (each saved as it is done,
//! so the page is also where onboarding resumes), then its life: live, suspended, removed.

use super::report_view;
use super::steps::{IdpStep, ServerStep};
use crate::components::{
    Alert, AlertKind, CopyButton, Field, Page, PendingSubmit, loaded, notice_view,
};
use crate::partners::api::get_console;
use crate::partners::model::{ConsoleView, DomainStep};
use crate::partners::text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new_blocking(
        move || params.read().get("slug").unwrap_or_default(),
        get_console,
    );
    view! {
        {loaded(data, |v| view! { <Title text=v.display_name.clone()/><Console view=v/> })}
    }
}

/// A step's heading with whether it is done.
pub(super) fn step_heading(id: &'static str, title: crate::i18n::Key, done: bool) -> impl IntoView {
    let (class, word) = if done {
        ("badge match", text::DONE)
    } else {
        ("badge unknown", text::TO_DO)
    };
    view! { <h2 id=id>{title}" "<span class=class>{word}</span></h2> }
}

fn domain_item(base: &str, index: usize, d: DomainStep) -> impl IntoView + use<> {
    let action = |verb: &str| format!("{base}/domains/{}/{verb}", d.name);
    let name_id = format!("proof-name-{index}");
    let value_id = format!("proof-value-{index}");
    let badge = if d.proven {
        view! { <span class="badge match">{text::PROVEN_BADGE}</span> }.into_any()
    } else if d.ended.is_some() {
        view! { <span class="badge conflict">{text::ENDED_BADGE}</span> }.into_any()
    } else {
        view! { <span class="badge unknown">{text::PENDING_BADGE}</span> }.into_any()
    };
    let ended = d
        .ended
        .clone()
        .map(|why| view! { <p class="alert error" role="status">{why}</p> });
    let proven = (d.proven && !d.from_config).then(|| {
        let mx =
            d.mx.clone()
                .map(|w| view! { <p class="alert error" role="status">{w}</p> });
        view! {
            {mx}
            <p class="hint">{text::PROOF_MAY_GO}</p>
        }
    });
    let pending = (!d.proven && !d.from_config && d.ended.is_none()).then(|| {
        let finding = d.finding.clone().map(|f| {
            let class = if d.finding_ok { "status ok" } else { "hint" };
            view! { <p class=class>{f}</p> }
        });
        view! {
            <p>{text::PUBLISH}</p>
            <dl class="facts">
                <dt>{text::RECORD_NAME}</dt>
                <dd><code class="record-name" id=name_id.clone()>{d.record_name.clone()}</code>" TXT "
                    <CopyButton target=name_id.clone() label=text::COPY_NAME.get()/></dd>
                <dt>{text::RECORD_VALUE}</dt>
                <dd><code class="value" id=value_id.clone() data-testid="proof-value">{d.record_value.clone()}</code>
                    <CopyButton target=value_id.clone() label=text::COPY_VALUE.get()/></dd>
            </dl>
            <p class="hint">{d.expires.clone()}" "{text::BACKGROUND}</p>
            {finding}
            <div class="actions">
                <form method="post" action=action("check") class="inline-form">
                    <PendingSubmit label=text::CHECK_NOW.get() pending_label=text::CHECKING.get()/>
                </form>
                <form method="post" action=action("renew") class="inline-form">
                    <button type="submit" class="secondary">{text::RENEW}</button>
                </form>
            </div>
        }
    });
    let release = (!d.from_config && d.at_mail_server.is_none()).then(|| {
        view! {
            <form method="post" action=action("release") class="inline-form">
                <button type="submit" class="secondary small">{text::RELEASE}" "<span class="visually-hidden">{d.name.clone()}</span></button>
            </form>
        }
    });
    view! {
        <li class="card" data-testid="domain">
            <h3><code>{d.name.clone()}</code>" "{badge}</h3>
            {ended}
            {proven}
            {pending}
            {release}
        </li>
    }
}

fn create_item(base: &str, d: DomainStep) -> impl IntoView + use<> {
    let state = match d.at_mail_server.clone() {
        Some(state) => view! { <span class="badge match">{state}</span> }.into_any(),
        None => {
            let adopt = d.exists_at_server == Some(true);
            let (label, note) = if adopt {
                (text::ADOPT, Some(text::EXISTS_AT_SERVER))
            } else {
                (text::CREATE_AT_SERVER, None)
            };
            view! {
                {note.map(|n| view! { <p class="hint">{n}</p> })}
                <form method="post" action=format!("{base}/domains/{}/create", d.name) class="inline-form">
                    {adopt.then(|| view! { <input type="hidden" name="adopt" value="yes"/> })}
                    <PendingSubmit label=label.get() pending_label=text::WORKING.get()/>
                </form>
            }
            .into_any()
        }
    };
    view! { <li data-testid="at-server"><code>{d.name}</code>" "{state}</li> }
}

#[component]
fn Console(view: ConsoleView) -> impl IntoView {
    let base = format!("/partners/organisations/{}", view.slug);
    let v = view;
    let report = v.report.clone();
    let in_step = move |step: &str| report.clone().filter(|r| r.step == step).map(report_view);
    let details_done = !v.contact_email.is_empty();
    let proven: Vec<DomainStep> = v.domains.iter().filter(|d| d.proven).cloned().collect();
    let domains_done = !proven.is_empty();
    let at_server_done = proven.iter().any(|d| d.at_mail_server.is_some());
    let value = |form: &str, f: &str, stored: &str| {
        v.draft.value(form, f).unwrap_or_else(|| stored.to_owned())
    };
    let error = |form: &str, f: &str| v.draft.error(form, f);
    let f_name = Field::new("display_name", text::DISPLAY_NAME, "text")
        .value(value("details", "display_name", &v.display_name))
        .error(error("details", "display_name"))
        .render();
    let f_contact = Field::new("contact_email", text::CONTACT, "email")
        .value(value("details", "contact_email", &v.contact_email))
        .hint(text::CONTACT_HINT)
        .error(error("details", "contact_email"))
        .render();
    let f_language = language_field(
        &value("details", "language", &v.default_language),
        error("details", "language"),
    );
    let f_domain = Field::new("domain", text::DOMAIN, "text")
        .value(value("domain", "domain", ""))
        .hint(text::DOMAIN_HINT)
        .error(error("domain", "domain"))
        .render();
    let read_only = v.from_config;
    let status_badge = if v.live {
        "badge match"
    } else {
        "badge unknown"
    };
    view! {
        <Page me=v.me.clone() current="/partners">
            <p><a href="/partners">{text::BACK_TO_PARTNERS}</a></p>
            <h1>{v.display_name.clone()}" "<span class=status_badge data-testid="status">{v.status.clone()}</span></h1>
            {notice_view(v.notice.clone())}
            {read_only.then(|| view! { <Alert kind=AlertKind::Info><p>{text::FROM_CONFIG}</p></Alert> })}

            <section class="card" aria-labelledby="details">
                {step_heading("details", text::STEP_DETAILS, details_done)}
                <form method="post" action=format!("{base}/details") class="stack">
                    {f_name}
                    {f_contact}
                    {f_language}
                    <div class="actions"><button type="submit" class="secondary">{text::SAVE}</button></div>
                </form>
            </section>

            <section class="card" aria-labelledby="domains">
                {step_heading("domains", text::STEP_DOMAINS, domains_done)}
                <p>{text::DOMAINS_INTRO}</p>
                {if v.domains.is_empty() {
                    view! { <p class="hint">{text::NO_DOMAINS}</p> }.into_any()
                } else {
                    view! {
                        <ul class="plain stack">
                            {v.domains.clone().into_iter().enumerate().map(|(i, d)| domain_item(&base, i, d)).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <form method="post" action=format!("{base}/domains") class="stack" novalidate>
                    {f_domain}
                    <div class="actions"><PendingSubmit label=text::ADD_DOMAIN.get() pending_label=text::ADDING.get()/></div>
                </form>
            </section>

            <section class="card" aria-labelledby="mail-server">
                {step_heading("mail-server", text::STEP_SERVER, v.mail_server.is_some())}
                {in_step("mail-server")}
                <ServerStep view=v.clone() base=base.clone()/>
            </section>

            <section class="card" aria-labelledby="at-server">
                {step_heading("at-server", text::STEP_CREATE, at_server_done)}
                <p>{text::CREATE_INTRO}</p>
                {if proven.is_empty() {
                    view! { <p class="hint">{text::NOTHING_PROVEN}</p> }.into_any()
                } else if v.mail_server.is_none() {
                    view! { <p class="hint">{text::CHOOSE_SERVER_FIRST}</p> }.into_any()
                } else {
                    view! { <ul class="plain stack">{proven.clone().into_iter().map(|d| create_item(&base, d)).collect_view()}</ul> }.into_any()
                }}
                {at_server_done.then(|| view! { <p class="hint">{text::SHOW_DNS}</p> })}
            </section>

            <section class="card" aria-labelledby="dns">
                {step_heading("dns", crate::partners::text::publishing::STEP, v.dns.iter().any(|d| d.state == "published"))}
                <p>{crate::partners::text::publishing::INTRO}</p>
                {super::publishing::dns_step(&base, v.dns.clone(), &v.draft, &v.records_page, &v.tsig_algorithms)}
            </section>

            <section class="card" aria-labelledby="idp">
                {step_heading("idp", text::STEP_IDP, v.test.as_ref().is_some_and(|t| t.current))}
                {in_step("idp")}
                <IdpStep view=v.clone() base=base.clone()/>
            </section>

            <section class="card" aria-labelledby="activate">
                {step_heading("activate", text::STEP_ACTIVATE, v.live)}
                {lifecycle(&v, &base)}
            </section>

            <section class="card table-wrap" aria-labelledby="activity">
                <h2 id="activity">{text::ACTIVITY}</h2>
                {if v.activity.is_empty() {
                    view! { <p>{text::NO_ACTIVITY}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr><th scope="col">{text::COL_WHEN}</th><th scope="col">{text::COL_WHO}</th><th scope="col">{text::COL_WHAT}</th></tr></thead>
                            <tbody>
                                {v.activity.clone().into_iter().map(|a| view! {
                                    <tr><td>{a.at}</td><td>{a.actor}</td><td><code>{a.action}</code>" "{a.target}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        </Page>
    }
}

fn lifecycle(v: &ConsoleView, base: &str) -> impl IntoView + use<> {
    let remove_label = if v.draft_status {
        text::CANCEL_LINK
    } else {
        text::REMOVE_LINK
    };
    let remove = (!v.from_config).then(|| {
        view! { <p><a class="danger-link" href=format!("{base}/remove")>{remove_label}</a></p> }
    });
    let body = if v.draft_status {
        if v.missing.is_empty() {
            view! {
                <p>{text::ACTIVATE_INTRO}</p>
                <form method="post" action=format!("{base}/activate")>
                    <PendingSubmit label=text::ACTIVATE.get() pending_label=text::ACTIVATING.get()/>
                </form>
            }
            .into_any()
        } else {
            view! {
                <p>{text::ACTIVATE_INTRO}</p>
                <p>{text::MISSING}</p>
                <ul data-testid="missing">{v.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            }
            .into_any()
        }
    } else if v.suspended {
        view! {
            <Alert kind=AlertKind::Warning><p>{text::SUSPENDED_NOTE}</p></Alert>
            <form method="post" action=format!("{base}/resume")>
                <button type="submit">{text::RESUME}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <p>{text::LIVE_INTRO}</p>
            <dl class="facts" data-testid="hand-over">
                <dt>{text::SIGN_IN_LINK}</dt>
                <dd><a href=v.sign_in_url.clone()>{v.sign_in_url.clone()}</a></dd>
                <dt>{text::IMAP}</dt>
                <dd><code>{v.imap.clone()}</code>" (SSL/TLS)"</dd>
                <dt>{text::SMTP}</dt>
                <dd><code>{v.smtp.clone()}</code></dd>
            </dl>
            <p class="hint">{text::USERNAME_NOTE}</p>
            {(!v.from_config).then(|| view! {
                <p class="hint">{text::SUSPEND_NOTE}</p>
                <form method="post" action=format!("{base}/suspend")>
                    <button type="submit" class="secondary">{text::SUSPEND}</button>
                </form>
            })}
        }
        .into_any()
    };
    view! { {body}{remove} }
}

/// The organisation's default language: for people whose browser asks for none Postern
/// speaks. Each language is named in itself.
fn language_field(chosen: &str, error: Option<String>) -> impl IntoView + use<> {
    let options = crate::components::language_options(crate::i18n::Locale::from_code(chosen));
    let invalid = error.is_some().then_some("true");
    let described = if error.is_some() {
        "default-language-hint default-language-error"
    } else {
        "default-language-hint"
    };
    // Not `id="language"`: that is the page frame's own selector.
    view! {
        <div class="field">
            <label for="default-language">{text::DEFAULT_LANGUAGE}</label>
            <select id="default-language" name="language" aria-describedby=described aria-invalid=invalid>
                <option value="" selected=chosen.is_empty()>{text::LANGUAGE_NONE}</option>
                {options}
            </select>
            <p id="default-language-hint" class="hint">{text::DEFAULT_LANGUAGE_HINT}</p>
            {error.map(|e| view! { <p id="default-language-error" class="field-error">{e}</p> })}
        </div>
    }
}
