//! The create form, checked: every field at once, each problem on its field.

use super::model::{NewAppPasswordForm, Scope};
use super::text::form as text;
use crate::error::{AppError, FieldError};

/// Longest name accepted; Stalwart shows it in its own UI too.
pub const NAME_MAX: usize = 64;
/// Most network ranges one password may be limited to.
pub const NETWORKS_MAX: usize = 20;

/// What a scope lets an app password do: an explicit `Replace` list (API.md §6), never
/// the account's own rights, and never a `sys*` or other management permission.
pub fn permissions(scope: Scope) -> Vec<&'static str> {
    match scope {
        Scope::Mail => MAIL_ONLY.to_vec(),
        Scope::MailDav | Scope::Everything => [MAIL_ONLY, CALENDARS_AND_CONTACTS].concat(),
    }
}

/// CalDAV and CardDAV (Stalwart permission names, live 003), added by "Mail, calendars and
/// contacts": reading and changing one's own calendars and address books, and sending and
/// receiving invitations. WebDAV file storage is not included.
pub const CALENDARS_AND_CONTACTS: &[&str] = &[
    "davCalAcl",
    "davCalCopy",
    "davCalDelete",
    "davCalFreeBusyQuery",
    "davCalGet",
    "davCalLock",
    "davCalMkCol",
    "davCalMove",
    "davCalMultiGet",
    "davCalPropFind",
    "davCalPropPatch",
    "davCalPut",
    "davCalQuery",
    "davCardAcl",
    "davCardCopy",
    "davCardDelete",
    "davCardGet",
    "davCardLock",
    "davCardMkCol",
    "davCardMove",
    "davCardMultiGet",
    "davCardPropFind",
    "davCardPropPatch",
    "davCardPut",
    "davCardQuery",
    "davExpandProperty",
    "davPrincipalAcl",
    "davPrincipalList",
    "davPrincipalMatch",
    "davPrincipalSearch",
    "davPrincipalSearchPropSet",
    "davSyncCollection",
    "calendarAlarmsSend",
    "calendarSchedulingReceive",
    "calendarSchedulingSend",
];

/// "Mail only": enough to sign in over IMAP (and POP3) and send over SMTP, nothing for
/// JMAP, WebDAV/CalDAV/CardDAV or ManageSieve (Stalwart permission names, API.md §6 and
/// live 059). Stalwart replaces the account's permissions with exactly these.
pub const MAIL_ONLY: &[&str] = &[
    "authenticate",
    "authenticateWithAlias",
    "emailSend",
    "imapAuthenticate",
    "imapAclGet",
    "imapAclSet",
    "imapAppend",
    "imapCapability",
    "imapCopy",
    "imapCreate",
    "imapDelete",
    "imapEnable",
    "imapExamine",
    "imapExpunge",
    "imapFetch",
    "imapId",
    "imapIdle",
    "imapList",
    "imapListRights",
    "imapLsub",
    "imapMove",
    "imapMyRights",
    "imapNamespace",
    "imapRename",
    "imapSearch",
    "imapSelect",
    "imapSort",
    "imapStatus",
    "imapStore",
    "imapSubscribe",
    "imapThread",
    "pop3Authenticate",
    "pop3Dele",
    "pop3List",
    "pop3Retr",
    "pop3Stat",
    "pop3Uidl",
];

/// A valid create request.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidRequest {
    pub request_id: String,
    pub name: String,
    pub expires_in_days: Option<u32>,
    pub networks: Vec<String>,
    pub scope: Scope,
}

impl ValidRequest {
    /// Checks every field and reports all problems at once, each on its field.
    pub fn parse(form: &NewAppPasswordForm) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: String| {
            errors.push(FieldError {
                field: field.into(),
                message,
            })
        };
        let name = form.name.trim().to_owned();
        if name.is_empty() {
            fail("name", text::NAME_MISSING.into());
        } else if name.chars().count() > NAME_MAX {
            fail("name", text::name_too_long(NAME_MAX, name.chars().count()));
        } else if name.chars().any(char::is_control) {
            fail("name", text::NAME_CONTROL.into());
        }
        let expires_in_days = match form.expiry.as_str() {
            "" | "never" => None,
            days => match days.parse::<u32>() {
                Ok(d @ 1..=3660) => Some(d),
                _ => {
                    fail("expiry", text::EXPIRY.into());
                    None
                }
            },
        };
        let mut networks = Vec::new();
        for entry in form
            .networks
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            match parse_network(entry) {
                Some(net) => {
                    if !networks.contains(&net) {
                        networks.push(net);
                    }
                }
                None => {
                    fail("networks", text::not_a_network(entry));
                    break;
                }
            }
        }
        if networks.len() > NETWORKS_MAX {
            fail("networks", text::too_many_networks(NETWORKS_MAX));
        }
        let scope = match form.scope.as_str() {
            "" | "mail" => Scope::Mail,
            "mail_dav" => Scope::MailDav,
            _ => {
                fail("scope", text::SCOPE.into());
                Scope::Mail
            }
        };
        let request_id = form.request_id.trim().to_owned();
        if request_id.len() < 16
            || request_id.len() > 64
            || !request_id.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            fail("form", text::OUT_OF_DATE.into());
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(Self {
            request_id,
            name,
            expires_in_days,
            networks,
            scope,
        })
    }
}

/// `192.0.2.7` → `192.0.2.7/32`; `192.0.2.0/24` as is (host bits must be zero);
/// IPv6 likewise.
pub fn parse_network(entry: &str) -> Option<String> {
    crate::ssr::client_ip::parse_ip_or_network(entry)
        .filter(|net| net.trunc() == *net)
        .map(|net| net.to_string())
}

pub fn random_request_id() -> String {
    use rand::Rng;
    rand::thread_rng()
        .sample_iter(&rand::distributions::Alphanumeric)
        .take(24)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, networks: &str) -> NewAppPasswordForm {
        NewAppPasswordForm {
            request_id: "abcdefghijklmnopqrstuvwx".into(),
            name: name.into(),
            expiry: "never".into(),
            networks: networks.into(),
            scope: String::new(),
        }
    }

    #[test]
    fn networks_accept_ipv4_ipv6_and_single_addresses() {
        let valid =
            ValidRequest::parse(&form("Phone", "192.0.2.0/24, 2001:db8::/32\n198.51.100.7"))
                .unwrap();
        assert_eq!(
            valid.networks,
            ["192.0.2.0/24", "2001:db8::/32", "198.51.100.7/32"]
        );
    }

    #[test]
    fn an_invalid_cidr_is_named_on_the_networks_field() {
        for bad in [
            "192.0.2.0/33",
            "10.0.0.1/8",
            "not-a-network",
            "2001:db8::/129",
        ] {
            let err = ValidRequest::parse(&form("Phone", bad)).unwrap_err();
            let message = err
                .field_message("networks")
                .unwrap_or_else(|| panic!("{bad}: {err:?}"));
            assert!(message.contains(bad), "{message}");
        }
    }

    #[test]
    fn a_name_too_long_says_how_long_it_may_be() {
        let err = ValidRequest::parse(&form(&"x".repeat(65), "")).unwrap_err();
        assert_eq!(
            err.field_message("name"),
            Some("Use at most 64 characters (this one has 65).")
        );
        assert!(ValidRequest::parse(&form(&"é".repeat(64), "")).is_ok());
        assert!(
            ValidRequest::parse(&form("  ", ""))
                .unwrap_err()
                .field_message("name")
                .is_some()
        );
    }

    #[test]
    fn no_scope_grants_a_management_permission() {
        for scope in [Scope::Mail, Scope::MailDav] {
            let granted = permissions(scope);
            assert!(granted.contains(&"imapAuthenticate") && granted.contains(&"emailSend"));
            assert!(
                granted.iter().all(|p| !p.starts_with("sys")
                    && !p.starts_with("jmap")
                    && *p != "impersonate"),
                "{scope:?}"
            );
        }
        assert!(permissions(Scope::MailDav).contains(&"davCalGet"));
        assert!(
            !permissions(Scope::Mail)
                .iter()
                .any(|p| p.starts_with("dav"))
        );
    }

    #[test]
    fn an_unknown_scope_is_refused_and_none_inherits() {
        let mut f = form("Phone", "");
        f.scope = "all".into();
        assert!(
            ValidRequest::parse(&f)
                .unwrap_err()
                .field_message("scope")
                .is_some()
        );
        f.scope = String::new();
        assert_eq!(ValidRequest::parse(&f).unwrap().scope, Scope::Mail);
    }

    #[test]
    fn mail_only_scope_has_imap_and_smtp_but_no_jmap_or_dav() {
        assert!(MAIL_ONLY.contains(&"imapAuthenticate") && MAIL_ONLY.contains(&"emailSend"));
        assert!(
            MAIL_ONLY.iter().all(|p| !p.starts_with("jmap")
                && !p.starts_with("dav")
                && !p.starts_with("sieve"))
        );
    }
}
