//! The console's form posts. Each answers with a redirect back to the page and a notice
//! (post/redirect/get); a refused form keeps what was typed (never a secret) for the page to
//! show again with the problems next to their fields; checks leave their report for the page.

use super::api::{DRAFT, REPORT};
use super::model::{Draft, IdpForm, NewOrganisationForm, Report};
use super::service::{PartnerScope, domains, idp, lifecycle, server};
use crate::error::AppError;
use crate::ssr::http::{Access, Partner, Reply, RequestMeta, Route, set_notice};
use crate::ssr::oidc::{TEST_SIGN_IN, TestSignIn};
use crate::ssr::session::AppSession;
use crate::ssr::state::AppState;
use axum::Form;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Every form post of the area, with who may use it.
pub fn routes() -> Vec<Route> {
    vec![
        Route::post("/partners/new", Access::Partner, create),
        Route::post(
            "/partners/organisations/{slug}/details",
            Access::Partner,
            details,
        ),
        Route::post(
            "/partners/organisations/{slug}/domains",
            Access::Partner,
            claim_domain,
        ),
        Route::post(
            "/partners/organisations/{slug}/domains/{domain}/check",
            Access::Partner,
            check_domain,
        ),
        Route::post(
            "/partners/organisations/{slug}/domains/{domain}/renew",
            Access::Partner,
            renew_domain,
        ),
        Route::post(
            "/partners/organisations/{slug}/domains/{domain}/release",
            Access::Partner,
            release_domain,
        ),
        Route::post(
            "/partners/organisations/{slug}/domains/{domain}/create",
            Access::Partner,
            create_at_server,
        ),
        Route::post(
            "/partners/organisations/{slug}/mail-server",
            Access::Partner,
            choose_server,
        ),
        Route::post(
            "/partners/organisations/{slug}/mail-server/new",
            Access::Partner,
            add_server,
        ),
        Route::post(
            "/partners/organisations/{slug}/mail-server/test",
            Access::Partner,
            test_server,
        ),
        Route::post(
            "/partners/organisations/{slug}/idp/discover",
            Access::Partner,
            discover,
        ),
        Route::post(
            "/partners/organisations/{slug}/idp",
            Access::Partner,
            save_idp,
        ),
        Route::post(
            "/partners/organisations/{slug}/idp/test",
            Access::Partner,
            test_idp,
        ),
        Route::post(
            "/partners/organisations/{slug}/idp/test-link",
            Access::Partner,
            make_test_link,
        ),
        Route::post("/test-sign-in/{token}", Access::Public, link_start),
        Route::get("/test-sign-in/done", Access::Public, link_done),
        Route::get(
            "/partners/organisations/{slug}/idp/tested",
            Access::Partner,
            tested,
        ),
        Route::post(
            "/partners/organisations/{slug}/activate",
            Access::Partner,
            activate,
        ),
        Route::post(
            "/partners/organisations/{slug}/suspend",
            Access::Partner,
            suspend,
        ),
        Route::post(
            "/partners/organisations/{slug}/resume",
            Access::Partner,
            resume,
        ),
        Route::post(
            "/partners/organisations/{slug}/remove",
            Access::Partner,
            remove,
        ),
    ]
}

fn console(slug: &str) -> String {
    format!("/partners/organisations/{slug}")
}

/// The partner scope, where the request came from, and how to answer.
struct Ctx {
    scope: PartnerScope,
    meta: RequestMeta,
    reply: Reply,
}

fn ctx(p: Partner) -> Result<Ctx, AppError> {
    let Partner {
        caller,
        meta,
        reply,
    } = p;
    let scope = PartnerScope::of(caller)?;
    Ok(Ctx { scope, meta, reply })
}

/// Answers a post: the notice, and for a refused form its values and errors kept.
async fn answer(
    reply: &Reply,
    outcome: Result<String, AppError>,
    to: &str,
    draft: Option<Draft>,
) -> Response {
    if let (Err(AppError::Validation(errors)), Some(mut draft)) = (&outcome, draft) {
        draft.errors = errors
            .iter()
            .map(|e| (e.field.clone(), e.message.clone()))
            .collect();
        if let Err(e) = reply.session.0.insert(DRAFT, &draft).await {
            tracing::error!(error = %e, "cannot keep the form");
        }
    }
    reply.back(outcome, to).await
}

async fn keep_report(reply: &Reply, report: &Report) {
    if let Err(e) = reply.session.0.insert(REPORT, report).await {
        tracing::error!(error = %e, "cannot keep the report");
    }
}

fn draft(form: &str, values: &[(&str, &str)]) -> Option<Draft> {
    Some(Draft {
        form: form.to_owned(),
        values: values
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        errors: Vec::new(),
    })
}

async fn create(p: Partner, Form(form): Form<NewOrganisationForm>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let kept = draft(
        "details",
        &[
            ("display_name", &form.display_name),
            ("slug", &form.slug),
            ("contact_email", &form.contact_email),
            ("partner", form.partner.as_deref().unwrap_or_default()),
        ],
    );
    match lifecycle::create(&c.scope, &form, &c.meta).await {
        Ok(slug) => {
            let message = super::text::created(form.display_name.trim());
            c.reply.back(Ok(message), &console(&slug)).await
        }
        Err(e) => answer(&c.reply, Err(e), "/partners/new", kept).await,
    }
}

async fn details(
    p: Partner,
    Path(slug): Path<String>,
    Form(form): Form<NewOrganisationForm>,
) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let kept = draft(
        "details",
        &[
            ("display_name", &form.display_name),
            ("contact_email", &form.contact_email),
        ],
    );
    let outcome = lifecycle::update_details(&c.scope, &slug, &form, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

#[derive(Deserialize)]
struct DomainForm {
    #[serde(default)]
    domain: String,
}

async fn claim_domain(
    p: Partner,
    Path(slug): Path<String>,
    Form(form): Form<DomainForm>,
) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let kept = draft("domain", &[("domain", &form.domain)]);
    let outcome = domains::claim(&c.scope, &slug, &form.domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

async fn check_domain(p: Partner, Path((slug, domain)): Path<(String, String)>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = domains::check(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

async fn renew_domain(p: Partner, Path((slug, domain)): Path<(String, String)>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = domains::renew(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

async fn release_domain(p: Partner, Path((slug, domain)): Path<(String, String)>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = domains::release(&c.scope, &slug, &domain, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

#[derive(Deserialize)]
struct CreateForm {
    #[serde(default)]
    adopt: Option<String>,
}

async fn create_at_server(
    p: Partner,
    Path((slug, domain)): Path<(String, String)>,
    Form(form): Form<CreateForm>,
) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let adopt = form.adopt.as_deref() == Some("yes");
    let outcome = domains::put_on_server(&c.scope, &slug, &domain, adopt, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

async fn choose_server(
    p: Partner,
    Path(slug): Path<String>,
    Form(form): Form<server::ChooseForm>,
) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
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

async fn add_server(
    p: Partner,
    Path(slug): Path<String>,
    Form(form): Form<server::AddForm>,
) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    // The API key is never kept: it is typed again.
    let kept = draft("new-server", &[("name", &form.name), ("url", &form.url)]);
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

async fn test_server(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = server::test_chosen(&c.scope, &slug).await;
    match outcome {
        Ok(report) => {
            keep_report(&c.reply, &report).await;
            Redirect::to(&format!("{}#mail-server", console(&slug))).into_response()
        }
        Err(e) => answer(&c.reply, Err(e), &console(&slug), None).await,
    }
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

async fn discover(p: Partner, Path(slug): Path<String>, Form(form): Form<IdpForm>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
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

async fn save_idp(p: Partner, Path(slug): Path<String>, Form(form): Form<IdpForm>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let kept = idp_draft(&form);
    let outcome = idp::save(&c.scope, &slug, &form, &c.meta).await;
    answer(&c.reply, outcome, &console(&slug), kept).await
}

async fn test_idp(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let started = idp::start_test(&c.scope, &slug).await;
    match started {
        Ok((url, pending)) => match c.reply.session.start_login(&pending).await {
            Ok(()) => Redirect::to(url.as_str()).into_response(),
            Err(e) => answer(&c.reply, Err(AppError::internal(e)), &console(&slug), None).await,
        },
        Err(e) => answer(&c.reply, Err(e), &console(&slug), None).await,
    }
}

async fn tested(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome: Option<TestSignIn> = c.reply.session.take(TEST_SIGN_IN).await.ok().flatten();
    let result = idp::record_test(&c.scope, &slug, outcome, &c.meta).await;
    answer(&c.reply, result, &console(&slug), None).await
}

async fn activate(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = lifecycle::activate(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

async fn suspend(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = lifecycle::suspend(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

async fn resume(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = lifecycle::resume(&c.scope, &slug).await;
    answer(&c.reply, outcome, &console(&slug), None).await
}

#[derive(Deserialize)]
struct RemoveForm {
    #[serde(default)]
    delete_at_server: Option<String>,
    #[serde(default)]
    confirm: String,
}

async fn remove(p: Partner, Path(slug): Path<String>, Form(form): Form<RemoveForm>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let delete = form.delete_at_server.is_some();
    let kept = draft(
        "remove",
        &[
            ("delete_at_server", if delete { "on" } else { "" }),
            ("confirm", &form.confirm),
        ],
    );
    let outcome = lifecycle::remove(&c.scope, &slug, delete, &form.confirm, &c.meta).await;
    match outcome {
        Ok(message) => c.reply.back(Ok(message), "/partners").await,
        Err(e) => {
            answer(
                &c.reply,
                Err(e),
                &format!("{}/remove", console(&slug)),
                kept,
            )
            .await
        }
    }
}

async fn make_test_link(p: Partner, Path(slug): Path<String>) -> Response {
    let c = match ctx(p) {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    let outcome = idp::make_test_link(&c.scope, &slug, &c.meta)
        .await
        .map(|url| super::text::link_made(&url));
    answer(&c.reply, outcome, &format!("{}#idp", console(&slug)), None).await
}

/// Someone with a test link starts their test sign-in (a POST: a link preview cannot use it up).
async fn link_start(
    axum::extract::State(state): axum::extract::State<AppState>,
    session: tower_sessions::Session,
    Path(token): Path<String>,
) -> Response {
    let session = AppSession(session);
    match idp::start_link_test(&state, &token).await {
        Ok((url, pending)) => match session.start_login(&pending).await {
            Ok(()) => Redirect::to(url.as_str()).into_response(),
            Err(e) => AppError::internal(e).into_response(),
        },
        Err(e) => {
            set_notice(&session, false, e.to_string()).await;
            Redirect::to("/").into_response()
        }
    }
}

/// Back from the IdP: the result is stored for the partner, and the person told.
async fn link_done(
    axum::extract::State(state): axum::extract::State<AppState>,
    session: tower_sessions::Session,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: axum::http::HeaderMap,
) -> Response {
    let session = AppSession(session);
    let meta = RequestMeta::of(&state, peer, &headers);
    let outcome: Option<TestSignIn> = session.take(TEST_SIGN_IN).await.ok().flatten();
    match idp::finish_link_test(&state, outcome, &meta).await {
        Ok(message) => set_notice(&session, true, message).await,
        Err(e) => set_notice(&session, false, e.to_string()).await,
    }
    Redirect::to("/").into_response()
}
