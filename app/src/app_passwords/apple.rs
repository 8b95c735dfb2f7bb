//! Apple configuration profiles (`.mobileconfig`) with an IMAP and SMTP account.
//!
//! Identifiers and UUIDs are derived from the organisation and the address, so a profile downloaded
//! again carries the same ones and iOS/macOS replace the installed profile instead of adding a
//! second account.

use super::model::MailSetup;
use super::text::profile as text;
use sha2::{Digest, Sha256};

pub const CONTENT_TYPE: &str = "application/x-apple-aspen-config";

pub struct Profile<'a> {
    pub organisation_slug: &'a str,
    pub organisation: &'a str,
    pub display_name: &'a str,
    pub setup: &'a MailSetup,
    pub secret: &'a str,
}

/// A UUID-shaped, deterministic identifier (hash-based, version nibble 5), upper case.
fn stable_uuid(parts: &[&str]) -> String {
    let digest = Sha256::digest(parts.join("\u{1f}").as_bytes());
    let b: [u8; 16] = digest[..16].try_into().expect("16 bytes");
    crate::ssr::ids::uuid(b, 5).to_uppercase()
}

/// Reverse-DNS-safe form of a value: letters, digits, '-' and '.'.
fn identifier_part(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn xml(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

pub fn file_name(organisation: &str) -> String {
    let base: String = identifier_part(organisation).trim_matches('-').to_owned();
    format!(
        "{}-mail.mobileconfig",
        if base.is_empty() { "postern" } else { &base }
    )
}

impl Profile<'_> {
    pub fn identifier(&self) -> String {
        format!(
            "org.postern.{}.{}",
            identifier_part(self.organisation_slug),
            identifier_part(&self.setup.username)
        )
    }

    pub fn render(&self) -> String {
        let s = self.setup;
        let id = self.identifier();
        let profile_uuid = stable_uuid(&["profile", self.organisation_slug, &s.username]);
        let mail_uuid = stable_uuid(&["mail", self.organisation_slug, &s.username]);
        let ssl = |security: &str| {
            if security == "SSL/TLS" {
                "<true/>"
            } else {
                "<false/>"
            }
        };
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadContent</key>
  <array>
    <dict>
      <key>EmailAccountDescription</key><string>{account_description}</string>
      <key>EmailAccountName</key><string>{name}</string>
      <key>EmailAccountType</key><string>EmailTypeIMAP</string>
      <key>EmailAddress</key><string>{address}</string>
      <key>IncomingMailServerAuthentication</key><string>EmailAuthPassword</string>
      <key>IncomingMailServerHostName</key><string>{imap_host}</string>
      <key>IncomingMailServerPortNumber</key><integer>{imap_port}</integer>
      <key>IncomingMailServerUseSSL</key>{imap_ssl}
      <key>IncomingMailServerUsername</key><string>{address}</string>
      <key>IncomingPassword</key><string>{secret}</string>
      <key>OutgoingMailServerAuthentication</key><string>EmailAuthPassword</string>
      <key>OutgoingMailServerHostName</key><string>{smtp_host}</string>
      <key>OutgoingMailServerPortNumber</key><integer>{smtp_port}</integer>
      <key>OutgoingMailServerUseSSL</key>{smtp_ssl}
      <key>OutgoingMailServerUsername</key><string>{address}</string>
      <key>OutgoingPasswordSameAsIncomingPassword</key><true/>
      <key>PayloadDescription</key><string>{mail_description}</string>
      <key>PayloadDisplayName</key><string>{mail_display_name}</string>
      <key>PayloadIdentifier</key><string>{id}.mail</string>
      <key>PayloadType</key><string>com.apple.mail.managed</string>
      <key>PayloadUUID</key><string>{mail_uuid}</string>
      <key>PayloadVersion</key><integer>1</integer>
      <key>PreventAppSheet</key><false/>
      <key>PreventMove</key><false/>
      <key>SMIMEEnabled</key><false/>
    </dict>
  </array>
  <key>PayloadDescription</key><string>{profile_description}</string>
  <key>PayloadDisplayName</key><string>{account_description}</string>
  <key>PayloadIdentifier</key><string>{id}</string>
  <key>PayloadOrganization</key><string>{org}</string>
  <key>PayloadRemovalDisallowed</key><false/>
  <key>PayloadType</key><string>Configuration</string>
  <key>PayloadUUID</key><string>{profile_uuid}</string>
  <key>PayloadVersion</key><integer>1</integer>
</dict>
</plist>
"#,
            org = xml(self.organisation),
            name = xml(self.display_name),
            address = xml(&s.username),
            imap_host = xml(&s.imap_host),
            imap_port = s.imap_port,
            imap_ssl = ssl(&s.imap_security),
            smtp_host = xml(&s.smtp_host),
            smtp_port = s.smtp_port,
            smtp_ssl = ssl(&s.smtp_security),
            secret = xml(self.secret),
            account_description = xml(&text::account_description(self.organisation)),
            mail_description = xml(&text::mail_description(&s.username)),
            mail_display_name = xml(&text::mail_display_name(self.organisation, &s.username)),
            profile_description = xml(&text::profile_description(&s.username)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> MailSetup {
        MailSetup {
            username: "alice@acme.test".into(),
            imap_host: "mail.acme.test".into(),
            imap_port: 993,
            imap_security: "SSL/TLS".into(),
            smtp_host: "mail.acme.test".into(),
            smtp_port: 587,
            smtp_security: "STARTTLS".into(),
        }
    }

    #[test]
    fn identifiers_are_stable_per_user_and_differ_between_users() {
        let s = setup();
        let a = Profile {
            organisation_slug: "acme",
            organisation: "Acme",
            display_name: "A",
            setup: &s,
            secret: "x",
        };
        let b = Profile {
            organisation_slug: "acme",
            organisation: "Acme",
            display_name: "A",
            setup: &s,
            secret: "y",
        };
        let first = a.render();
        let second = b.render();
        let uuids = |p: &str| {
            p.lines()
                .filter(|l| l.contains("PayloadUUID"))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(uuids(&first), uuids(&second));
        let mut other = setup();
        other.username = "bob@acme.test".into();
        let c = Profile {
            organisation_slug: "acme",
            organisation: "Acme",
            display_name: "B",
            setup: &other,
            secret: "x",
        };
        assert_ne!(uuids(&first), uuids(&c.render()));
    }

    #[test]
    fn values_are_xml_escaped() {
        let s = setup();
        let p = Profile {
            organisation_slug: "acme",
            organisation: "A&B <Co>",
            display_name: "A",
            setup: &s,
            secret: "x",
        };
        assert!(p.render().contains("A&amp;B &lt;Co&gt; mail"));
        assert_eq!(file_name("A&B <Co>"), "a-b--co-mail.mobileconfig");
    }
}
