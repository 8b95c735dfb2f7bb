//! "My account": who you are signed in as, and your mailbox on the mail server.

use crate::api::account::{AccountOverview, MailboxStatus, get_account_overview};
use crate::components::{Alert, AlertKind, Page, error_view};
use leptos::prelude::*;
use leptos_meta::Title;

mod text {
    pub const TITLE: &str = "My account";
    pub const YOU: &str = "You";
    pub const NAME: &str = "Name";
    pub const EMAIL: &str = "E-mail";
    pub const ORGANISATION: &str = "Organisation";
    pub const ROLE: &str = "Role";
    pub const ROLE_ADMIN: &str = "Administrator of your organisation";
    pub const ROLE_USER: &str = "User";
    pub const NO_NAME: &str = "(not provided by your organisation)";
    pub const MAILBOX: &str = "Your mailbox";
    pub const ADDRESS: &str = "Address";
    pub const DISPLAY_NAME: &str = "Display name";
    pub const STORAGE: &str = "Storage used";
    pub const ALIASES: &str = "Also receives mail for";
    pub const NO_ALIASES: &str = "No other addresses";
    pub const UNLIMITED: &str = "no limit";
    pub const MISSING_TITLE: &str = "You do not have a mailbox yet";
    pub const MISSING_BODY: &str = "The mail server has no mailbox for your address. \
        Please ask your administrator to create it. Once it exists, you can come back here \
        to set up your mail apps.";
    pub const UNAVAILABLE_TITLE: &str = "Your mailbox could not be shown";
    pub const RETRY: &str = "Try again";
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| get_account_overview());
    view! {
        <Title text=text::TITLE/>
        <Suspense>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Overview overview/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Overview(overview: AccountOverview) -> impl IntoView {
    let me = overview.me.clone();
    view! {
        <Page me=overview.me current="/account">
            <h1>{text::TITLE}</h1>
            <section aria-labelledby="you-heading" class="card">
                <h2 id="you-heading">{text::YOU}</h2>
                <dl class="facts">
                    <dt>{text::NAME}</dt><dd>{me.name.unwrap_or_else(|| text::NO_NAME.into())}</dd>
                    <dt>{text::EMAIL}</dt><dd>{me.email}</dd>
                    <dt>{text::ORGANISATION}</dt><dd>{me.tenant_name}</dd>
                    <dt>{text::ROLE}</dt>
                    <dd>{if me.is_admin { text::ROLE_ADMIN } else { text::ROLE_USER }}</dd>
                </dl>
            </section>
            <section aria-labelledby="mailbox-heading" class="card">
                <h2 id="mailbox-heading">{text::MAILBOX}</h2>
                {mailbox_view(overview.mailbox)}
            </section>
        </Page>
    }
}

fn mailbox_view(status: MailboxStatus) -> AnyView {
    match status {
        MailboxStatus::Found(mailbox) => {
            let storage = match mailbox.quota_bytes {
                Some(limit) => format!("{} of {}", human_bytes(mailbox.used_bytes), human_bytes(limit)),
                None => format!("{} ({})", human_bytes(mailbox.used_bytes), text::UNLIMITED),
            };
            view! {
                <dl class="facts" data-testid="mailbox">
                    <dt>{text::ADDRESS}</dt><dd>{mailbox.address}</dd>
                    {mailbox.display_name.map(|n| view! { <dt>{text::DISPLAY_NAME}</dt><dd>{n}</dd> })}
                    <dt>{text::STORAGE}</dt><dd>{storage}</dd>
                    <dt>{text::ALIASES}</dt>
                    <dd>
                        {if mailbox.aliases.is_empty() {
                            text::NO_ALIASES.into_any()
                        } else {
                            view! { <ul class="plain">{mailbox.aliases.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    </dd>
                </dl>
            }.into_any()
        }
        MailboxStatus::Missing => view! {
            <Alert kind=AlertKind::Info title=text::MISSING_TITLE><p>{text::MISSING_BODY}</p></Alert>
        }.into_any(),
        MailboxStatus::Unavailable(message) => view! {
            <Alert kind=AlertKind::Warning title=text::UNAVAILABLE_TITLE>
                <p>{message}</p>
                <p><a href="/account">{text::RETRY}</a></p>
            </Alert>
        }.into_any(),
    }
}

/// 1536 → "1.5 KB". Binary units, as mail servers count quotas.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::human_bytes;

    #[test]
    fn sizes_read_like_a_person_would_say_them() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(1073741824), "1 GB");
    }
}
