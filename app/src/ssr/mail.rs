//! Sending e-mail by SMTP submission, one transport per mail server that has `notify`
//! settings (`[stalwart.<name>.notify]`).

use crate::ssr::config::{NotifySettings, Settings, SmtpSecurity};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use std::collections::HashMap;
use std::time::Duration;

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

struct Sender {
    from: Mailbox,
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

/// The senders of every mail server that has one.
#[derive(Default)]
pub struct Senders(HashMap<String, Sender>);

impl std::fmt::Debug for Senders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("mail server {0} has no [stalwart.{0}.notify] settings")]
    NoSender(String),
    #[error("the recipient {0:?} is not an e-mail address")]
    Recipient(String),
    #[error("the message could not be built: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("the mail server refused or did not answer: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

impl SendError {
    /// Whether trying again later may work (a refused recipient will not).
    pub fn is_transient(&self) -> bool {
        match self {
            SendError::Smtp(e) => !e.is_permanent(),
            _ => false,
        }
    }
}

impl Senders {
    /// One sender per `[stalwart.<name>.notify]`; a wrong `from` is a configuration error.
    pub fn from_settings(settings: &Settings) -> Result<Self, crate::ssr::config::ConfigError> {
        let mut senders = HashMap::new();
        for (name, server) in &settings.stalwart {
            if let Some(notify) = &server.notify {
                let sender = build(notify).map_err(|problem| crate::ssr::config::ConfigError {
                    key: format!("stalwart.{name}.notify"),
                    problem,
                })?;
                senders.insert(name.clone(), sender);
            }
        }
        Ok(Self(senders))
    }

    pub fn serves(&self, server: &str) -> bool {
        self.0.contains_key(server)
    }

    /// Sends one plain-text message through `server`'s sender.
    pub async fn send(
        &self,
        server: &str,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), SendError> {
        let sender = self
            .0
            .get(server)
            .ok_or_else(|| SendError::NoSender(server.to_owned()))?;
        let to: Mailbox = to
            .parse()
            .map_err(|_| SendError::Recipient(to.to_owned()))?;
        // Wrapped and 8-bit, not quoted-printable: the text reads as written in any mail
        // source view (and tests see that no secret is in it). Submission servers take
        // 8BITMIME; a line that cannot be wrapped (a long link) falls back to lettre's choice.
        let wrapped = wrap(body, 70);
        let body = Body::new_with_encoding(wrapped.clone(), ContentTransferEncoding::EightBit)
            .unwrap_or_else(|_| Body::new(wrapped));
        let message = Message::builder()
            .from(sender.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?;
        sender.transport.send(message).await?;
        Ok(())
    }
}

fn build(notify: &NotifySettings) -> Result<Sender, String> {
    let from: Mailbox = notify
        .from
        .parse()
        .map_err(|e| format!("from {:?}: {e}", notify.from))?;
    let host = notify.smtp_host.as_str();
    let builder = match notify.security {
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host),
        SmtpSecurity::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host),
        // Plain text, to a loopback host only (checked with the configuration).
        SmtpSecurity::None => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
            host,
        )),
    }
    .map_err(|e| format!("smtp_host {host:?}: {e}"))?;
    let mut builder = builder.port(notify.smtp_port).timeout(Some(SMTP_TIMEOUT));
    if let Some(password) = &notify.password {
        let user = notify
            .username
            .clone()
            .unwrap_or_else(|| notify.from.clone());
        builder = builder.credentials(Credentials::new(user, password.expose_secret().to_owned()));
    }
    Ok(Sender {
        from,
        transport: builder.build(),
    })
}

/// `text` with every line longer than `width` bytes broken at spaces (a word longer than that
/// stays whole on its own line). Bytes, not characters: 8-bit transfer limits a line's bytes,
/// and “ ü é take two or three.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.lines() {
        let mut current = 0;
        for (i, word) in line.split(' ').enumerate() {
            let length = word.len();
            if i > 0 && current + 1 + length > width {
                out.push('\n');
                current = 0;
            } else if i > 0 {
                out.push(' ');
                current += 1;
            }
            out.push_str(word);
            current += length;
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_lines_are_wrapped_at_spaces_and_long_words_kept_whole() {
        let text = "ein neues App-Passwort „Telefon“ wurde für jemand@example.org am 3. Dez. 2026 erstellt, von 192.0.2.1\n\nhttps://portal.example.org/a/very/long/path/that/cannot/be/broken/anywhere/at/all";
        let wrapped = super::wrap(text, 40);
        for line in wrapped.lines().filter(|l| !l.starts_with("https://")) {
            assert!(line.len() <= 40, "{line:?}");
        }
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        assert!(wrapped.contains("\n\nhttps://"));
    }
}
