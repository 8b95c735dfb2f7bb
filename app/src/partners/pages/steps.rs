//! The two longest steps of the wizard: the mail server and the identity provider.

use crate::components::{CopyButton, Field, PendingSubmit};
use crate::partners::model::ConsoleView;
use crate::partners::text;
use leptos::prelude::*;

#[component]
pub fn ServerStep(view: ConsoleView, base: String) -> impl IntoView {
    let v = view;
    let value = |form: &str, f: &str, stored: &str| {
        v.draft.value(form, f).unwrap_or_else(|| stored.to_owned())
    };
    let error = |form: &str, f: &str| v.draft.error(form, f);
    let chosen = v.draft.value("server", "server").or(v.mail_server.clone());
    let choose = if v.servers.is_empty() {
        view! { <p class="hint">{text::NO_SERVERS}</p> }.into_any()
    } else {
        let server_error = error("server", "server");
        view! {
            <form method="post" action=format!("{base}/mail-server") class="stack">
                <fieldset class="field">
                    <legend>{text::SERVER}</legend>
                    {v.servers.iter().map(|s| {
                        let id = format!("server-{}", s.name);
                        let for_id = id.clone();
                        let checked = chosen.as_deref() == Some(s.name.as_str());
                        let disabled = v.server_locked && !s.selected;
                        view! {
                            <label class="choice" for=for_id>
                                <input type="radio" id=id name="server" value=s.name.clone() checked=checked disabled=disabled/>
                                <code>{s.name.clone()}</code>" — "{s.url.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {server_error.map(|m| view! { <p class="field-error">{m}</p> })}
                </fieldset>
                {v.server_locked.then(|| view! { <p class="hint">{text::SERVER_LOCKED}</p> })}
                {Field::new("imap_host", text::IMAP_HOST, "text").value(value("server", "imap_host", &v.imap_host)).hint(text::HOST_HINT).error(error("server", "imap_host")).render()}
                {Field::new("smtp_host", text::SMTP_HOST, "text").value(value("server", "smtp_host", &v.smtp_host)).hint(text::HOST_HINT).error(error("server", "smtp_host")).render()}
                <label class="choice">
                    <input type="checkbox" name="provision" value="on" checked=v.provision/>
                    {text::PROVISION}
                </label>
                <div class="actions"><button type="submit">{text::USE_SERVER}</button></div>
            </form>
        }
        .into_any()
    };
    let test = v.mail_server.is_some().then(|| {
        view! {
            <form method="post" action=format!("{base}/mail-server/test" ) class="inline-form">
                <PendingSubmit label=text::TEST_CONNECTION.get() pending_label=text::TESTING.get()/>
            </form>
        }
    });
    let add = (!v.server_locked).then(|| {
        view! {
            <details open=v.servers.is_empty() || v.draft.form == "new-server">
                <summary>{text::ADD_SERVER}</summary>
                <form method="post" action=format!("{base}/mail-server/new") class="stack" novalidate>
                    {Field::new("name", text::SERVER_NAME, "text").value(value("new-server", "name", "")).hint(text::SERVER_NAME_HINT).error(error("new-server", "name")).render()}
                    {Field::new("url", text::SERVER_URL, "url").value(value("new-server", "url", "")).hint(text::SERVER_URL_HINT).error(error("new-server", "url")).render()}
                    {Field::new("api_key", text::API_KEY, "password").hint(text::API_KEY_HINT).error(error("new-server", "api_key")).render()}
                    <div class="actions"><PendingSubmit label=text::ADD_AND_TEST.get() pending_label=text::TESTING.get()/></div>
                </form>
            </details>
        }
    });
    view! {
        <p>{text::SERVER_INTRO}</p>
        {choose}
        {test}
        {add}
    }
}

#[component]
pub fn IdpStep(view: ConsoleView, base: String) -> impl IntoView {
    let v = view;
    let value =
        |f: &str, stored: &str| v.draft.value("idp", f).unwrap_or_else(|| stored.to_owned());
    let error = |f: &str| v.draft.error("idp", f);
    let hint = value("login_hint", &v.idp.login_hint);
    // A refused form keeps what was ticked; else what is stored.
    let verified = if v.draft.form == "idp" {
        v.draft
            .value("idp", "verified_email")
            .is_some_and(|x| !x.is_empty())
    } else {
        v.idp.verified_email.is_some()
    };
    let radio = |id: &'static str, code: &'static str, label: crate::i18n::Key| {
        view! {
            <label class="choice" for=id>
                <input type="radio" id=id name="login_hint" value=code checked=hint == code/>
                {label}
            </label>
        }
    };
    let secret_hint = if v.secret_stored {
        text::CLIENT_SECRET_KEEP
    } else {
        text::CLIENT_SECRET_HINT
    };
    let test = v.test.clone().map(|t| {
        let yes_no = |b: bool| if b { text::YES } else { text::NO };
        let groups = if t.groups.is_empty() {
            text::TEST_NO_GROUPS.get()
        } else {
            t.groups.join(", ")
        };
        view! {
            <div data-testid="test-result">
                <h3>{text::TEST_OK_TITLE}" ("{t.at.clone()}")"</h3>
                {(!t.current).then(|| view! { <p class="warning">{text::TEST_STALE}</p> })}
                <dl class="facts">
                    <dt>{text::TEST_EMAIL}</dt><dd>{t.email.clone()}{t.name.clone().map(|n| format!(" ({n})"))}</dd>
                    <dt>{text::TEST_GROUPS}</dt><dd>{groups}</dd>
                    <dt>{text::TEST_DOMAIN}</dt>
                    <dd>{match &t.domain_match { Some(d) => text::test_domain_ok(d), None => text::test_domain_none(&t.email) }}</dd>
                    <dt>{text::TEST_ADMIN}</dt><dd>{yes_no(t.admin)}</dd>
                </dl>
            </div>
        }
    });
    view! {
        <p>{text::IDP_INTRO}</p>
        <p><code id="redirect-uri">{v.redirect_uri.clone()}</code>" "<CopyButton target="redirect-uri".to_owned() label=text::COPY_REDIRECT.get()/></p>
        <form method="post" action=format!("{base}/idp") class="stack" novalidate>
            {Field::new("issuer", text::ISSUER, "url").value(value("issuer", &v.idp.issuer)).hint(text::ISSUER_HINT).error(error("issuer")).render()}
            <div class="actions">
                <button type="submit" class="secondary" formaction=format!("{base}/idp/discover")>{text::DISCOVER}</button>
            </div>
            {Field::new("client_id", text::CLIENT_ID, "text").value(value("client_id", &v.idp.client_id)).error(error("client_id")).render()}
            {Field::new("client_secret", text::CLIENT_SECRET, "password").hint(secret_hint).error(error("client_secret")).render()}
            {Field::new("scopes", text::SCOPES, "text").value(value("scopes", &v.idp.scopes)).hint(text::SCOPES_HINT).error(error("scopes")).render()}
            {Field::new("email_claim", text::EMAIL_CLAIM, "text").value(value("email_claim", &v.idp.email_claim)).error(error("email_claim")).render()}
            {Field::new("groups_claim", text::GROUPS_CLAIM, "text").value(value("groups_claim", &v.idp.groups_claim)).error(error("groups_claim")).render()}
            {Field::new("admin_group", text::ADMIN_GROUP, "text").value(value("admin_group", &v.idp.admin_group)).hint(text::ADMIN_GROUP_HINT).error(error("admin_group")).render()}
            <fieldset class="field">
                <legend>{text::LOGIN_HINT}</legend>
                {radio("hint-email", "email", text::HINT_EMAIL)}
                {radio("hint-local", "local_part", text::HINT_LOCAL_PART)}
                {radio("hint-none", "none", text::HINT_NONE)}
                {error("login_hint").map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
            <label class="choice">
                <input type="checkbox" name="verified_email" value="on" checked=verified/>
                {text::VERIFIED_EMAIL}
            </label>
            <p class="hint">{text::VERIFIED_EMAIL_HINT}</p>
            <div class="actions"><PendingSubmit label=text::SAVE.get() pending_label=text::SAVING.get()/></div>
        </form>
        <h3>{text::TEST_SIGN_IN}</h3>
        <p class="hint">{text::TEST_SIGN_IN_NOTE}</p>
        {if v.idp_set && v.mail_server.is_some() {
            view! {
                <form method="post" action=format!("{base}/idp/test")>
                    <button type="submit">{text::TEST_SIGN_IN}</button>
                </form>
                <p class="hint">{text::MAKE_LINK_NOTE}</p>
                <form method="post" action=format!("{base}/idp/test-link")>
                    <button type="submit" class="secondary">{text::MAKE_LINK}</button>
                </form>
            }.into_any()
        } else {
            view! { <p class="hint">{text::SET_UP_IDP_FIRST}</p> }.into_any()
        }}
        {test}
    }
}
