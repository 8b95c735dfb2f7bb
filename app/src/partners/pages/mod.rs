//! The partner console's pages.

mod console;
mod link;
mod list;
mod new;
mod publishing;
mod remove;
mod steps;

pub use console::ConsolePage;
pub use link::TestLinkPage;
pub use list::PartnersPage;
pub use new::NewOrganisationPage;
pub use remove::RemoveOrganisationPage;

use super::model::Report;
use super::text;
use leptos::prelude::*;

/// A check's findings, one line each.
pub(crate) fn report_view(report: Report) -> impl IntoView {
    let Report {
        title, ok, lines, ..
    } = report;
    let (class, role) = if ok {
        ("alert success", "status")
    } else {
        ("alert error", "alert")
    };
    view! {
        <div class=class role=role data-testid="report">
            <p class="alert-title">{title}</p>
            <dl class="facts">
                {lines.into_iter().map(|l| {
                    let badge = if l.ok { "badge match" } else { "badge missing" };
                    let word = if l.ok { text::BADGE_OK } else { text::BADGE_PROBLEM };
                    view! {
                        <dt>{l.label}</dt>
                        <dd><span class=badge>{word}</span>" "{l.text}</dd>
                    }
                }).collect_view()}
            </dl>
        </div>
    }
}
