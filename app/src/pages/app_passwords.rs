//! "App passwords": list, create (secret shown once), revoke, revoke all, Apple profile.
//!
//! All forms are plain HTML forms posting to the server, which answers with a page; islands
//! only add copy buttons and progress feedback.

use crate::api::app_passwords::{
    AppPasswordItem, AppPasswordsView, CreateOutcome, ListState, MailSetup, Minted,
    NewAppPasswordForm, NewFormView, get_app_password, get_app_passwords, get_new_form,
};
use crate::components::{Alert, AlertKind, CopyButton, Page, PendingSubmit, error_view};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

mod text {
    pub const TITLE: &str = "App passwords";
    pub const INTRO: &str = "Mail apps such as Apple Mail, Thunderbird, K-9 Mail or Outlook cannot sign in \
        through your organisation's sign-in page. Give each of them its own app password instead: \
        it only works for mail, and you can revoke it at any time without changing anything else.";
    pub const CREATE: &str = "Create an app password";
    pub const APPLE: &str = "Set up iPhone, iPad or Mac";
    pub const EMPTY_TITLE: &str = "You have no app passwords yet";
    pub const EMPTY_BODY: &str = "You need one when a mail app asks for a password for your address. \
        Create one per device or app, so you can revoke just that one if the device is lost.";
    pub const NAME: &str = "Name";
    pub const CREATED: &str = "Created";
    pub const EXPIRES: &str = "Expires";
    pub const NEVER: &str = "Never";
    pub const EXPIRED: &str = "expired";
    pub const NETWORKS: &str = "Allowed networks";
    pub const ANY_NETWORK: &str = "Any";
    pub const SCOPE: &str = "Can be used for";
    pub const MAIL_ONLY: &str = "Mail only (IMAP, SMTP)";
    pub const EVERYTHING: &str = "Everything your account can do";
    pub const ACTIONS: &str = "Actions";
    pub const REVOKE: &str = "Revoke";
    pub const REVOKE_ALL: &str = "Revoke all app passwords";
    pub const NO_MAILBOX: &str = "You do not have a mailbox yet, so there is nothing to create app passwords for. \
        Please ask your administrator to create it.";
    pub const UNAVAILABLE: &str = "Your app passwords could not be shown";
    pub const RETRY: &str = "Try again";
    pub const HANGS_TITLE: &str = "Mail app stuck while signing in?";
    pub const HANGS_BODY: &str = "If a mail app keeps spinning when it connects to the incoming (IMAP) server, \
        its app password is most likely mistyped or revoked: the mail server does not always answer a \
        wrong app password, so the app waits instead of showing an error. Create a new app password \
        and enter it again.";
    pub const ACTIVITY: &str = "Recent activity";
    pub const ACTIVITY_EMPTY: &str = "Nothing yet.";
    pub const WHEN: &str = "When";
    pub const WHAT: &str = "What";
    pub const FROM: &str = "From";
    pub const CAPTION: &str = "Your app passwords";
    pub const ACTIVITY_CAPTION: &str = "Your recent activity";
}

#[component]
pub fn AppPasswordsPage() -> impl IntoView {
    let view = Resource::new_blocking(|| (), |_| get_app_passwords());
    view! {
        <Title text=text::TITLE/>
        <Suspense>
            {move || Suspend::new(async move {
                match view.await {
                    Ok(v) => view! { <Overview view=v/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(view: AppPasswordsView) -> impl IntoView {
    let AppPasswordsView {
        me,
        list,
        activity,
        notice,
    } = view;
    view! {
        <Page me=me current="/app-passwords">
            <h1>{text::TITLE}</h1>
            {notice.map(|n| view! {
                <Alert kind=if n.ok { AlertKind::Success } else { AlertKind::Error }><p>{n.message}</p></Alert>
            })}
            <p class="lead">{text::INTRO}</p>
            {match list {
                ListState::Ready(items) => ready(items).into_any(),
                ListState::NoMailbox => view! { <Alert kind=AlertKind::Info><p>{text::NO_MAILBOX}</p></Alert> }.into_any(),
                ListState::Unavailable(message) => view! {
                    <Alert kind=AlertKind::Warning title=text::UNAVAILABLE>
                        <p>{message}</p>
                        <p><a href="/app-passwords">{text::RETRY}</a></p>
                    </Alert>
                }.into_any(),
            }}
            <section class="card" aria-labelledby="hangs-heading">
                <h2 id="hangs-heading">{text::HANGS_TITLE}</h2>
                <p>{text::HANGS_BODY}</p>
            </section>
            <section class="card" aria-labelledby="activity-heading">
                <h2 id="activity-heading">{text::ACTIVITY}</h2>
                {if activity.is_empty() {
                    view! { <p>{text::ACTIVITY_EMPTY}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap">
                            <table>
                                <caption class="visually-hidden">{text::ACTIVITY_CAPTION}</caption>
                                <thead><tr>
                                    <th scope="col">{text::WHEN}</th><th scope="col">{text::WHAT}</th>
                                    <th scope="col">{text::NAME}</th><th scope="col">{text::FROM}</th>
                                </tr></thead>
                                <tbody>
                                    {activity.into_iter().map(|a| {
                                        let from = [a.device, a.ip].into_iter().flatten().collect::<Vec<_>>().join(", ");
                                        view! { <tr><td>{a.when}</td><td>{a.what}</td><td>{a.name.unwrap_or_default()}</td><td>{from}</td></tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }}
            </section>
        </Page>
    }
}

fn ready(items: Vec<AppPasswordItem>) -> impl IntoView {
    let many = items.len() > 1;
    view! {
        <p class="actions">
            <a class="button" href="/app-passwords/new">{text::CREATE}</a>
            <a class="button secondary" href="/app-passwords/apple">{text::APPLE}</a>
        </p>
        {if items.is_empty() {
            view! {
                <section class="card empty" aria-labelledby="empty-heading">
                    <h2 id="empty-heading">{text::EMPTY_TITLE}</h2>
                    <p>{text::EMPTY_BODY}</p>
                </section>
            }.into_any()
        } else {
            view! {
                <div class="table-wrap card">
                    <table data-testid="app-passwords">
                        <caption class="visually-hidden">{text::CAPTION}</caption>
                        <thead><tr>
                            <th scope="col">{text::NAME}</th><th scope="col">{text::CREATED}</th>
                            <th scope="col">{text::EXPIRES}</th><th scope="col">{text::NETWORKS}</th>
                            <th scope="col">{text::SCOPE}</th><th scope="col"><span class="visually-hidden">{text::ACTIONS}</span></th>
                        </tr></thead>
                        <tbody>{items.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
                {many.then(|| view! { <p><a class="danger-link" href="/app-passwords/revoke-all">{text::REVOKE_ALL}</a></p> })}
            }.into_any()
        }}
    }
}

fn row(item: AppPasswordItem) -> impl IntoView {
    let expires = match (item.expires, item.expired) {
        (Some(e), true) => format!("{e} ({})", text::EXPIRED),
        (Some(e), false) => e,
        (None, _) => text::NEVER.to_owned(),
    };
    let networks = if item.networks.is_empty() {
        text::ANY_NETWORK.to_owned()
    } else {
        item.networks.join(", ")
    };
    let revoke_href = format!("/app-passwords/{}/revoke", item.id);
    let revoke_label = format!("{} “{}”", text::REVOKE, item.name);
    view! {
        <tr>
            <th scope="row">{item.name}</th>
            <td>{item.created}</td>
            <td>{expires}</td>
            <td>{networks}</td>
            <td>{if item.mail_only { text::MAIL_ONLY } else { text::EVERYTHING }}</td>
            <td><a href=revoke_href aria-label=revoke_label>{text::REVOKE}</a></td>
        </tr>
    }
}

mod new_text {
    pub const TITLE: &str = "Create an app password";
    pub const REAUTHENTICATED: &str =
        "Thank you for confirming your sign-in. Check the details and create the app password.";
    pub const NAME: &str = "Name";
    pub const NAME_HINT: &str =
        "Which device or app will use it? You will see this name in the list.";
    pub const EXPIRY: &str = "Expires";
    pub const NETWORKS: &str = "Allowed networks (optional)";
    pub const NETWORKS_HINT: &str = "Only accept this password from these IP ranges, one per line, \
        for example 192.0.2.0/24 or 2001:db8::/32. Leave empty to allow any network.";
    pub const SCOPE: &str = "What it may be used for";
    pub const SCOPE_ALL: &str = "Everything my account can do (mail, calendars, contacts)";
    pub const SCOPE_MAIL: &str = "Mail only: reading (IMAP) and sending (SMTP)";
    pub const FRESH: &str =
        "For your security you may be asked to sign in again before the password is created.";
    pub const SUBMIT: &str = "Create app password";
    pub const SUBMITTING: &str = "Creating…";
    pub const CANCEL: &str = "Cancel";
    pub const NO_MAILBOX: &str =
        "You do not have a mailbox yet. Please ask your administrator to create it first.";
    pub const PROBLEM: &str = "The app password was not created";
}

const PRESETS: &[&str] = &[
    "iPhone Mail",
    "iPad Mail",
    "Mac Mail",
    "Thunderbird on my laptop",
    "Outlook on my PC",
    "K-9 Mail on my phone",
];
const EXPIRY_OPTIONS: &[(&str, &str)] = &[
    ("never", "Never"),
    ("30", "In 30 days"),
    ("90", "In 90 days"),
    ("365", "In one year"),
];

#[component]
pub fn NewAppPasswordPage() -> impl IntoView {
    // Present when this page is the answer to the form's POST.
    let outcome = use_context::<CreateOutcome>();
    let data = Resource::new_blocking(|| (), |_| get_new_form());
    view! {
        <Title text=new_text::TITLE/>
        <Suspense>
            {move || {
                let outcome = outcome.clone();
                Suspend::new(async move {
                    match (data.await, outcome) {
                        (Err(e), _) => error_view(e),
                        (Ok(v), Some(CreateOutcome::Minted(minted))) => view! {
                            <Page me=v.me current="/app-passwords"><Created minted/></Page>
                        }.into_any(),
                        (Ok(mut v), Some(CreateOutcome::Rejected { form, error })) => {
                            v.form = form;
                            v.reauthenticated = false;
                            view! { <NewForm view=v error=Some(error)/> }.into_any()
                        }
                        (Ok(v), None) => view! { <NewForm view=v error=None/> }.into_any(),
                    }
                })
            }}
        </Suspense>
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
    let general = error.as_ref().and_then(|e| match e {
        AppError::Validation(errors) => errors
            .iter()
            .find(|f| f.field == "form")
            .map(|f| f.message.clone()),
        other => Some(other.to_string()),
    });
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
                view! { <Alert kind=AlertKind::Info><p>{new_text::NO_MAILBOX}</p></Alert> }.into_any()
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
                                {PRESETS.iter().map(|p| view! { <option value=*p></option> }).collect_view()}
                            </datalist>
                            <p id="name-hint" class="hint">{new_text::NAME_HINT}</p>
                            {name_error.map(|m| view! { <p id="name-error" class="field-error">{m}</p> })}
                        </div>
                        <div class="field">
                            <label for="expiry">{new_text::EXPIRY}</label>
                            <select id="expiry" name="expiry" aria-invalid=expiry_error.is_some().then_some("true")
                                aria-describedby=expiry_error.is_some().then_some("expiry-error")>
                                {EXPIRY_OPTIONS.iter().map(|(value, label)| {
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
                                <input type="radio" name="scope" value="all" checked=scope != "mail"/>
                                {new_text::SCOPE_ALL}
                            </label>
                            <label class="choice">
                                <input type="radio" name="scope" value="mail" checked=scope == "mail"/>
                                {new_text::SCOPE_MAIL}
                            </label>
                        </fieldset>
                        <p class="hint">{new_text::FRESH}</p>
                        <p class="actions">
                            <PendingSubmit label=new_text::SUBMIT.to_owned() pending_label=new_text::SUBMITTING.to_owned()/>
                            <a class="button secondary" href="/app-passwords">{new_text::CANCEL}</a>
                        </p>
                    </form>
                }.into_any()
            }}
        </Page>
    }
}

mod created_text {
    pub const TITLE: &str = "Your new app password";
    pub const ONCE: &str = "Write it down or copy it now: you will not see this password again. \
        If you lose it, revoke it and create a new one.";
    pub const PASSWORD: &str = "App password";
    pub const COPY: &str = "Copy password";
    pub const TYPE_HINT: &str = "The spaces only make it easier to read; type it without them.";
    pub const SETTINGS: &str = "Settings for your mail app";
    pub const USERNAME: &str = "User name";
    pub const INCOMING: &str = "Incoming mail (IMAP)";
    pub const OUTGOING: &str = "Outgoing mail (SMTP)";
    pub const SERVER: &str = "Server";
    pub const PORT: &str = "Port";
    pub const SECURITY: &str = "Security";
    pub const AUTH: &str = "Authentication: normal password (the app password above)";
    pub const DONE: &str = "Done, back to my app passwords";
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
            <CopyButton target="secret".to_owned() label=created_text::COPY.to_owned()/>
        </section>
        <MailSettings setup/>
        <p><a class="button" href="/app-passwords">{created_text::DONE}</a></p>
    }
}

#[component]
pub fn MailSettings(setup: MailSetup) -> impl IntoView {
    let copyable = |id: &'static str, value: String| {
        view! {
            <span class="copyable"><code id=id>{value}</code><CopyButton target=id.to_owned() label="Copy".to_owned()/></span>
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

mod revoke_text {
    pub const TITLE: &str = "Revoke app password";
    pub const QUESTION: &str = "Revoke this app password?";
    pub const EFFECT: &str = "Every app that uses it stops working at once and will ask for a password. \
        This cannot be undone; you can create a new app password afterwards.";
    pub const CONFIRM: &str = "Yes, revoke it";
    pub const REVOKING: &str = "Revoking…";
    pub const KEEP: &str = "No, keep it";
    pub const ALL_TITLE: &str = "Revoke all app passwords";
    pub const ALL_QUESTION: &str = "Revoke all your app passwords?";
    pub const ALL_EFFECT: &str = "All your mail apps that use an app password stop working at once. \
        Use this if a device was lost or you suspect someone else knows one of them.";
    pub const ALL_CONFIRM: &str = "Yes, revoke all";
}

#[component]
pub fn RevokePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new_blocking(id, get_app_password);
    view! {
        <Title text=revoke_text::TITLE/>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => error_view(e),
                    Ok((me, item)) => {
                        let action = format!("/app-passwords/{}/revoke", item.id);
                        view! {
                            <Page me=me current="/app-passwords">
                                <h1>{revoke_text::TITLE}</h1>
                                <section class="card narrow-left" aria-labelledby="confirm-heading">
                                    <h2 id="confirm-heading">{revoke_text::QUESTION}</h2>
                                    <dl class="facts">
                                        <dt>{text::NAME}</dt><dd>{item.name}</dd>
                                        <dt>{text::CREATED}</dt><dd>{item.created}</dd>
                                    </dl>
                                    <p>{revoke_text::EFFECT}</p>
                                    <form method="post" action=action class="actions">
                                        <PendingSubmit label=revoke_text::CONFIRM.to_owned() pending_label=revoke_text::REVOKING.to_owned()/>
                                        <a class="button secondary" href="/app-passwords">{revoke_text::KEEP}</a>
                                    </form>
                                </section>
                            </Page>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn RevokeAllPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_app_passwords());
    view! {
        <Title text=revoke_text::ALL_TITLE/>
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => error_view(e),
                    Ok(v) => {
                        let names = match v.list { ListState::Ready(items) => items, _ => Vec::new() };
                        view! {
                            <Page me=v.me current="/app-passwords">
                                <h1>{revoke_text::ALL_TITLE}</h1>
                                <section class="card narrow-left" aria-labelledby="confirm-heading">
                                    <h2 id="confirm-heading">{revoke_text::ALL_QUESTION}</h2>
                                    <ul>{names.into_iter().map(|i| view! { <li>{i.name}</li> }).collect_view()}</ul>
                                    <p>{revoke_text::ALL_EFFECT}</p>
                                    <form method="post" action="/app-passwords/revoke-all" class="actions">
                                        <PendingSubmit label=revoke_text::ALL_CONFIRM.to_owned() pending_label=revoke_text::REVOKING.to_owned()/>
                                        <a class="button secondary" href="/app-passwords">{revoke_text::KEEP}</a>
                                    </form>
                                </section>
                            </Page>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

mod apple_text {
    pub const TITLE: &str = "Set up iPhone, iPad or Mac";
    pub const INTRO: &str = "Download a configuration profile that sets up your mail account with a new app \
        password. Downloading it again for the same device replaces the installed profile.";
    pub const DEVICE: &str = "Device name";
    pub const DEVICE_HINT: &str = "The new app password is named after it, e.g. “Alice's iPhone”.";
    pub const DOWNLOAD: &str = "Download profile";
    pub const IOS: &str = "On iPhone or iPad";
    pub const IOS_STEPS: &[&str] = &[
        "Open this page in Safari on the device and download the profile (allow the download).",
        "Open Settings: tap “Profile Downloaded” near the top (or General → VPN & Device Management).",
        "Tap Install, enter your device passcode, and confirm.",
        "Open Mail: your account is ready.",
    ];
    pub const MAC: &str = "On a Mac";
    pub const MAC_STEPS: &[&str] = &[
        "Download the profile and double-click it in Downloads.",
        "Open System Settings → Privacy & Security → Profiles (or search for “Profiles”).",
        "Double-click the downloaded profile, click Install and confirm with your Mac password.",
        "Open Mail: your account is ready.",
    ];
    pub const OTHERS: &str = "Thunderbird, Outlook, K-9 Mail and others: create an app password and enter the settings shown with it.";
}

#[component]
pub fn ApplePage() -> impl IntoView {
    let outcome = use_context::<CreateOutcome>();
    let data = Resource::new_blocking(|| (), |_| get_new_form());
    view! {
        <Title text=apple_text::TITLE/>
        <Suspense>
            {move || {
                let outcome = outcome.clone();
                Suspend::new(async move {
                    match data.await {
                        Err(e) => error_view(e),
                        Ok(mut v) => {
                            let error = match outcome {
                                Some(CreateOutcome::Rejected { form, error }) => { v.form = form; Some(error) }
                                _ => None,
                            };
                            view! { <AppleForm view=v error/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn AppleForm(view: NewFormView, error: Option<AppError>) -> impl IntoView {
    let NewFormView {
        me,
        form,
        reauthenticated,
        has_mailbox,
        ..
    } = view;
    let default_name = if form.name.is_empty() {
        format!(
            "{}'s iPhone",
            me.name
                .clone()
                .unwrap_or_default()
                .split(' ')
                .next()
                .unwrap_or("My")
        )
    } else {
        form.name.clone()
    };
    let name_error = error
        .as_ref()
        .and_then(|e| e.field_message("name"))
        .map(str::to_owned);
    let general = error.as_ref().and_then(|e| match e {
        AppError::Validation(errors) => errors
            .iter()
            .find(|f| f.field != "name")
            .map(|f| f.message.clone()),
        other => Some(other.to_string()),
    });
    let steps =
        |list: &'static [&'static str]| list.iter().map(|s| view! { <li>{*s}</li> }).collect_view();
    view! {
        <Page me=me current="/app-passwords">
            <h1>{apple_text::TITLE}</h1>
            <p class="lead">{apple_text::INTRO}</p>
            {reauthenticated.then(|| view! { <Alert kind=AlertKind::Info><p>{new_text::REAUTHENTICATED}</p></Alert> })}
            {general.map(|m| view! { <Alert kind=AlertKind::Error title=new_text::PROBLEM><p>{m}</p></Alert> })}
            <div class="columns">
                {if has_mailbox {
                    view! {
                        <form method="post" action="/app-passwords/apple" class="card stack">
                            <input type="hidden" name="request_id" value=form.request_id/>
                            <div class="field">
                                <label for="name">{apple_text::DEVICE}</label>
                                <input id="name" name="name" type="text" required maxlength="64" value=default_name
                                    aria-describedby=if name_error.is_some() { "name-hint name-error" } else { "name-hint" }
                                    aria-invalid=name_error.is_some().then_some("true")/>
                                <p id="name-hint" class="hint">{apple_text::DEVICE_HINT}</p>
                                {name_error.map(|m| view! { <p id="name-error" class="field-error">{m}</p> })}
                            </div>
                            <p class="hint">{new_text::FRESH}</p>
                            // A download does not leave the page, so no "pending" state that would never end.
                            <button type="submit">{apple_text::DOWNLOAD}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <Alert kind=AlertKind::Info><p>{new_text::NO_MAILBOX}</p></Alert> }.into_any()
                }}
                <section class="card" aria-labelledby="ios-heading">
                    <h2 id="ios-heading">{apple_text::IOS}</h2>
                    <ol>{steps(apple_text::IOS_STEPS)}</ol>
                    <h2>{apple_text::MAC}</h2>
                    <ol>{steps(apple_text::MAC_STEPS)}</ol>
                </section>
            </div>
            <p>{apple_text::OTHERS}" "<a href="/app-passwords/new">{text::CREATE}</a></p>
        </Page>
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
