//! The organisation as the directory holds it, for its administrators.

use super::model::{IdpView, OrganisationView};
use super::text;
use crate::account::service::me;
use crate::error::AppError;
use crate::ssr::config::{LoginHint, MailboxPasswords};
use crate::ssr::state::Caller;
pub fn view(caller: &Caller) -> Result<OrganisationView, AppError> {
    caller.require_admin()?;
    let t = &caller.organisation;
    let oidc = &t.oidc;
    let on_off = |on: bool| if on { text::ON } else { text::OFF }.get();
    Ok(OrganisationView {
        me: me(caller),
        display_name: t.display_name.clone(),
        slug: t.slug.clone(),
        from_config: t.from_config,
        domains: t.domains.clone(),
        mail_server: t.mail_server.clone(),
        imap: format!("{}:{}", t.mail.imap_host, t.mail.imap_port),
        smtp: format!("{}:{}", t.mail.smtp_host, t.mail.smtp_port),
        idp: IdpView {
            issuer: oidc.issuer.clone(),
            client_id: oidc.client_id.clone(),
            secret: if t.from_config {
                text::SECRET_IN_CONFIG
            } else {
                text::SECRET_SEALED
            }
            .get(),
            scopes: oidc.scopes.join(" "),
            email_claim: oidc.email_claim.clone(),
            groups_claim: oidc.groups_claim.clone(),
            admin_group: oidc.admin_group.clone(),
            login_hint: match oidc.login_hint {
                LoginHint::Email => text::HINT_EMAIL,
                LoginHint::None => text::HINT_NONE,
                LoginHint::LocalPart => text::HINT_LOCAL_PART,
            }
            .get(),
        },
        policies: vec![
            (text::FRESH_AUTH.get(), text::duration(t.fresh_auth_max_age)),
            (
                text::SESSION_LIFETIME.get(),
                text::duration(t.session_lifetime),
            ),
            (text::SESSION_IDLE.get(), text::duration(t.session_idle)),
            (text::ADMIN_RECHECK.get(), text::duration(t.admin_recheck)),
            (
                text::MAILBOX_PASSWORDS.get(),
                on_off(t.mailbox_passwords == MailboxPasswords::Optional),
            ),
            (text::PROVISIONING.get(), on_off(t.provision_mailboxes)),
            (text::VERIFIED_EMAIL.get(), on_off(t.require_verified_email)),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::text::duration;
    use std::time::Duration;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration(Duration::from_secs(300)), "5 minutes");
        assert_eq!(duration(Duration::from_secs(60)), "1 minute");
        assert_eq!(duration(Duration::from_secs(8 * 3600)), "8 hours");
        assert_eq!(duration(Duration::from_secs(86400 * 2)), "2 days");
        assert_eq!(duration(Duration::from_secs(90)), "90 seconds");
    }
}
