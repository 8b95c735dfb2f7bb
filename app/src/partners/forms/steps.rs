//! The wizard's steps: the domains and their proof, the mail server, the identity provider.

use super::{PartnerAdmin, answer, console, draft, keep_report, needs_fresh_sign_in};
use crate::partners::api::DRAFT;
use crate::partners::model::{Draft, IdpForm};
use crate::partners::service::{dns, domains, idp, server};
use crate::ssr::oidc::{TEST_SIGN_IN, TestSignIn};
use axum::Form;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub(crate) struct DomainForm {
    #[serde(default)]
    domain: String,
}

pub(crate) async fn claim_domain(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<DomainForm>,
) -> Response {
    let kept = draft("domain", &[("domain", &form.domain)]);
    let outcome = domains::claim(&c.scope, &slug, &form.domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

pub(crate) async fn check_domain(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    let outcome = domains::check(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

pub(crate) async fn renew_domain(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    let outcome = domains::renew(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

pub(crate) async fn release_domain(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    let outcome = domains::release(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

#[derive(Serialize, Deserialize)]
pub(crate) struct CreateForm {
    #[serde(default)]
    adopt: Option<String>,
}

pub(crate) async fn create_at_server(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
    Form(form): Form<CreateForm>,
) -> Response {
    let adopt = form.adopt.as_deref() == Some("yes");
    let outcome = domains::put_on_server(&c.scope, &slug, &domain, adopt, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

pub(crate) async fn choose_server(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<server::ChooseForm>,
) -> Response {
    let kept = draft(
        "server",
        &[
            ("server", &form.server),
            ("imap_host", &form.imap_host),
            ("smtp_host", &form.smtp_host),
        ],
    );
    let outcome = server::choose(&c.scope, &slug, &form, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

pub(crate) async fn add_server(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<server::AddForm>,
) -> Response {
    // The API key is never kept: it is typed again.
    let kept = draft("new-server", &[("name", &form.name), ("url", &form.url)]);
    if let Some(answer) = needs_fresh_sign_in(&c, &console(&slug), kept.clone()).await {
        return answer;
    }
    match server::add(&c.scope, &slug, &form, &c.meta).await {
        Ok((message, report)) => {
            keep_report(&c.reply, &report).await;
            answer(&c.reply, Ok(message), &console(&slug), None).await
        }
        Err((error, report)) => {
            if let Some(report) = &report {
                keep_report(&c.reply, report).await;
                if let Some(kept) = &kept
                    && let Err(e) = c.reply.session.0.insert(DRAFT, kept).await
                {
                    tracing::error!(error = %e, "cannot keep the form");
                }
            }
            answer(&c.reply, Err(error), &console(&slug), kept).await
        }
    }
}

pub(crate) async fn test_server(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let outcome = server::test_chosen(&c.scope, &slug).await;
    match outcome {
        Ok(report) => {
            keep_report(&c.reply, &report).await;
            Redirect::to(&format!("{}#mail-server", console(&slug))).into_response()
        }
        Err(e) => answer(&c.reply, Err(e), &console(&slug), None).await,
    }
}

pub(crate) async fn discover(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<IdpForm>,
) -> Response {
    let kept = idp_draft(&form);
    let outcome = idp::discover(&c.scope, &slug, &form).await;
    match outcome {
        Ok(report) => {
            keep_report(&c.reply, &report).await;
            if let Some(kept) = &kept
                && let Err(e) = c.reply.session.0.insert(DRAFT, kept).await
            {
                tracing::error!(error = %e, "cannot keep the form");
            }
            Redirect::to(&format!("{}#idp", console(&slug))).into_response()
        }
        Err(e) => answer(&c.reply, Err(e), &console(&slug), kept).await,
    }
}

pub(crate) async fn save_idp(
    c: PartnerAdmin,
    Path(slug): Path<String>,
    Form(form): Form<IdpForm>,
) -> Response {
    let kept = idp_draft(&form);
    // Pointing an organisation's sign-in at another IdP needs a fresh sign-in.
    let swap = match idp::is_swap(&c.scope, &slug, &form.issuer).await {
        Ok(swap) => swap,
        Err(e) => return answer(&c.reply, Err(e), &console(&slug), kept).await,
    };
    if swap && let Some(answer) = needs_fresh_sign_in(&c, &console(&slug), kept.clone()).await {
        return answer;
    }
    let outcome = idp::save(&c.scope, &slug, &form, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

pub(crate) async fn test_idp(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let sent = match idp::start_test(&c.scope, &slug).await {
        Ok(request) => crate::ssr::http::to_idp(&c.reply.session, request).await,
        Err(e) => Err(e),
    };
    match sent {
        Ok(response) => response,
        Err(e) => answer(&c.reply, Err(e), &console(&slug), None).await,
    }
}

pub(crate) async fn tested(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    let outcome: Option<TestSignIn> = c.reply.session.take(TEST_SIGN_IN).await.ok().flatten();
    let result = idp::record_test(&c.scope, &slug, outcome, &c.meta).await;
    answer(&c.reply, result, &console(&slug), None).await
}

pub(crate) async fn make_test_link(c: PartnerAdmin, Path(slug): Path<String>) -> Response {
    if let Some(answer) = needs_fresh_sign_in(&c, &console(&slug), None).await {
        return answer;
    }
    let outcome = idp::make_test_link(&c.scope, &slug, &c.meta)
        .await
        .map(|url| crate::partners::text::link_made(&url));
    answer(&c.reply, outcome, &format!("{}#idp", console(&slug)), None).await
}

/// "Try the key and preview": what was typed is kept (never the secret).
pub(crate) async fn check_dns(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
    Form(form): Form<dns::PublishForm>,
) -> Response {
    let kept = draft(
        &format!("dns-{domain}"),
        &[
            ("host", &form.host),
            ("port", &form.port),
            ("tcp", form.tcp.as_deref().unwrap_or_default()),
            ("key_name", &form.key_name),
            ("algorithm", &form.algorithm),
            ("origin", &form.origin),
        ],
    );
    let outcome = dns::check(&c.scope, &slug, &domain, &form, &c.meta).await;
    let to = format!("{}#dns-{domain}", console(&slug));
    answer(&c.reply, outcome, &to, kept).await
}

pub(crate) async fn publish_dns(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
    Form(form): Form<dns::ConfirmForm>,
) -> Response {
    let confirmed = form.confirm.is_some();
    let kept = draft(&format!("dns-{domain}"), &[]);
    let outcome = dns::publish(&c.scope, &slug, &domain, confirmed, &c.meta).await;
    let to = format!("{}#dns-{domain}", console(&slug));
    answer(&c.reply, outcome, &to, kept).await
}

pub(crate) async fn publish_dns_again(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    let outcome = dns::again(&c.scope, &slug, &domain, &c.meta).await;
    let to = format!("{}#dns-{domain}", console(&slug));
    answer(&c.reply, outcome, &to, None).await
}

/// For the page's island while the mail server writes: 202 while it does, 200 when done.
pub(crate) async fn dns_status(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    crate::ssr::http::progress(dns::running(&c.scope, &slug, &domain).await)
}

pub(crate) async fn stop_dns(
    c: PartnerAdmin,
    Path((slug, domain)): Path<(String, String)>,
) -> Response {
    let outcome = dns::stop(&c.scope, &slug, &domain, &c.meta).await;
    let to = format!("{}#dns-{domain}", console(&slug));
    answer(&c.reply, outcome, &to, None).await
}

fn idp_draft(form: &IdpForm) -> Option<Draft> {
    draft(
        "idp",
        &[
            ("issuer", &form.issuer),
            ("client_id", &form.client_id),
            ("scopes", &form.scopes),
            ("email_claim", &form.email_claim),
            ("groups_claim", &form.groups_claim),
            ("admin_group", &form.admin_group),
            ("login_hint", &form.login_hint),
            (
                "verified_email",
                form.verified_email.as_deref().unwrap_or_default(),
            ),
        ],
    )
}

impl crate::routing::Sample for DomainForm {
    fn sample(t: &crate::routing::Target) -> Self {
        DomainForm {
            domain: t.domain.clone(),
        }
    }
}

impl crate::routing::Sample for CreateForm {
    fn sample(_: &crate::routing::Target) -> Self {
        CreateForm { adopt: None }
    }
}
