//! An SMTP sink: a real SMTP server on loopback that accepts every message and keeps it.
//!
//! Test equipment. Postern sends its notification e-mails with `lettre` over SMTP submission;
//! tests (and the demo, through `postern-testkit smtp`) point it at this server to see the
//! messages arrive over a real socket, as a mail server would receive them. It speaks plain
//! ESMTP without STARTTLS or pipelining: `EHLO`/`HELO`, `AUTH PLAIN` and `AUTH LOGIN` (any
//! credentials are accepted, the user is recorded), `MAIL`, `RCPT`, `DATA` (dot-unstuffed),
//! `RSET`, `NOOP`, `QUIT`; anything else gets `502`. [`Sink::refuse_next`] makes the next
//! transactions fail with `451` at `DATA`, so that a sender's retries can be tested.
//! [`Sink::router`] is the HTTP API of the binary (`GET`/`DELETE /messages`, `POST /refuse`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::{Deserialize, Serialize};
use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering::SeqCst;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Advertised as `SIZE`, not enforced; lines longer than this are cut.
const MAX_SIZE: usize = 10 * 1024 * 1024;

/// A message as the sink received it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The envelope sender (`MAIL FROM`), without angle brackets; empty for `<>`.
    pub from: String,
    /// The envelope recipients (`RCPT TO`), in order.
    pub to: Vec<String>,
    /// The message as sent after `DATA`, dot-unstuffed, lines ending in CRLF.
    pub data: String,
    /// The user of a successful `AUTH` on the connection.
    pub auth_user: Option<String>,
}

#[derive(Default)]
struct Shared {
    messages: Mutex<Vec<Message>>,
    refusals: AtomicUsize,
}

impl Shared {
    fn messages(&self) -> std::sync::MutexGuard<'_, Vec<Message>> {
        self.messages.lock().expect("sink lock")
    }

    /// Whether this transaction is to be refused (and one refusal fewer remains).
    fn refuse(&self) -> bool {
        let next = |n: usize| n.checked_sub(1);
        self.refusals.fetch_update(SeqCst, SeqCst, next).is_ok()
    }
}

/// A running SMTP sink; dropping it stops accepting connections.
pub struct Sink {
    pub host: String,
    pub port: u16,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl Sink {
    /// A sink on 127.0.0.1 and a free port. Must be called inside a Tokio runtime.
    pub fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("non-blocking socket");
        Self::serve(TcpListener::from_std(listener).expect("tokio listener"))
    }

    pub fn serve(listener: TcpListener) -> Self {
        let addr = listener.local_addr().expect("bound");
        let shared = Arc::new(Shared::default());
        let state = shared.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = state.clone();
                tokio::spawn(async move {
                    if let Err(error) = session(stream, &state).await {
                        tracing::debug!(%error, "SMTP connection ended");
                    }
                });
            }
        });
        Self {
            host: addr.ip().to_string(),
            port: addr.port(),
            shared,
            task,
        }
    }

    pub fn messages(&self) -> Vec<Message> {
        self.shared.messages().clone()
    }

    pub fn clear(&self) {
        self.shared.messages().clear();
    }

    /// Waits until at least `n` messages have arrived or `within` has passed, and returns
    /// the messages received so far either way.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Message> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let messages = self.messages();
            if messages.len() >= n || tokio::time::Instant::now() >= deadline {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// The next `n` transactions are answered `451 4.3.0 Try again later` at `DATA`.
    pub fn refuse_next(&self, n: usize) {
        self.shared.refusals.store(n, SeqCst);
    }

    /// The HTTP API: `GET /messages` (JSON array of [`Message`]), `DELETE /messages` → 204,
    /// `POST /refuse` `{"times": n}` → 204, `GET /healthz` → 200.
    pub fn router(&self) -> Router {
        #[derive(Deserialize)]
        struct Refuse {
            times: usize,
        }
        Router::new()
            .route(
                "/messages",
                get(|State(s): State<Arc<Shared>>| async move { Json(s.messages().clone()) })
                    .delete(|State(s): State<Arc<Shared>>| async move {
                        s.messages().clear();
                        StatusCode::NO_CONTENT
                    }),
            )
            .route(
                "/refuse",
                post(
                    |State(s): State<Arc<Shared>>, Json(r): Json<Refuse>| async move {
                        s.refusals.store(r.times, SeqCst);
                        StatusCode::NO_CONTENT
                    },
                ),
            )
            .route("/healthz", get(|| async { StatusCode::OK }))
            .with_state(self.shared.clone())
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One line, CRLF (or a bare LF) included; `None` at end of stream.
async fn read_line(reader: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    let read = reader
        .take(MAX_SIZE as u64)
        .read_until(b'\n', &mut line)
        .await?;
    Ok((read > 0).then_some(line))
}

/// The address in `<…>` after `FROM:`/`TO:` (parameters such as `BODY=8BITMIME` ignored).
fn path(arg: &str, prefix: &str) -> Option<String> {
    let head = arg.get(..prefix.len())?;
    let rest = arg[prefix.len()..].trim_start();
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    match rest.strip_prefix('<') {
        Some(inner) => inner.split_once('>').map(|(a, _)| a.to_owned()),
        None => rest.split_whitespace().next().map(str::to_owned),
    }
}

/// The message after `DATA`, up to the lone dot, dot-unstuffed; `None` if the client left.
async fn read_data(reader: &mut (impl AsyncBufRead + Unpin)) -> std::io::Result<Option<String>> {
    let mut data = Vec::new();
    while let Some(line) = read_line(reader).await? {
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(String::from_utf8_lossy(&data).into_owned()));
        }
        data.extend_from_slice(line.strip_prefix(b".").unwrap_or(&line));
    }
    Ok(None)
}

fn decode(b64: &str) -> Option<String> {
    let bytes = BASE64.decode(b64.trim()).ok()?;
    String::from_utf8(bytes).ok()
}

async fn session(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write.write_all(b"220 sink ESMTP\r\n").await?;
    let (mut greeted, mut auth_user) = (false, None::<String>);
    // The transaction in progress: the sender and the recipients so far.
    let mut envelope: Option<(String, Vec<String>)> = None;
    while let Some(raw) = read_line(&mut reader).await? {
        let line = String::from_utf8_lossy(&raw);
        let line = line.trim_end_matches(['\r', '\n']);
        let (verb, arg) = line.split_once(' ').unwrap_or((line, ""));
        let reply: std::borrow::Cow<str> = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                (greeted, envelope) = (true, None);
                format!(
                    "250-sink\r\n250-SIZE {MAX_SIZE}\r\n250-AUTH PLAIN LOGIN\r\n\
                     250-SMTPUTF8\r\n250 8BITMIME"
                )
                .into()
            }
            "HELO" => {
                (greeted, envelope) = (true, None);
                "250 sink".into()
            }
            "AUTH" if auth_user.is_some() => "503 5.5.1 Already authenticated".into(),
            "AUTH" => {
                let (mechanism, initial) = arg.split_once(' ').unwrap_or((arg, ""));
                let mut ask = async |prompt: &str| -> std::io::Result<Option<String>> {
                    write
                        .write_all(format!("334 {prompt}\r\n").as_bytes())
                        .await?;
                    let answer = read_line(&mut reader).await?.unwrap_or_default();
                    let answer = String::from_utf8_lossy(&answer).trim().to_owned();
                    Ok((answer != "*").then_some(answer))
                };
                let user = match mechanism.to_ascii_uppercase().as_str() {
                    "PLAIN" => {
                        let response = match initial {
                            "" => ask("").await?,
                            "=" => Some(String::new()),
                            given => Some(given.to_owned()),
                        };
                        // authzid NUL authcid NUL password
                        response
                            .and_then(|r| decode(&r))
                            .and_then(|plain| plain.split('\0').nth(1).map(str::to_owned))
                    }
                    "LOGIN" => {
                        let user = match initial {
                            "" => ask("VXNlcm5hbWU6").await?,
                            given => Some(given.to_owned()),
                        };
                        let password = ask("UGFzc3dvcmQ6").await?;
                        user.and_then(|u| decode(&u)).filter(|_| password.is_some())
                    }
                    _ => {
                        let reply = "504 5.5.4 Unrecognized authentication type\r\n";
                        write.write_all(reply.as_bytes()).await?;
                        continue;
                    }
                };
                match user {
                    Some(user) => {
                        auth_user = Some(user);
                        "235 2.7.0 Authentication successful".into()
                    }
                    None => "501 5.5.2 Cannot decode response".into(),
                }
            }
            "MAIL" if !greeted => "503 5.5.1 Send EHLO first".into(),
            "MAIL" if envelope.is_some() => "503 5.5.1 Nested MAIL command".into(),
            "MAIL" => match path(arg, "FROM:") {
                Some(sender) => {
                    envelope = Some((sender, Vec::new()));
                    "250 2.1.0 OK".into()
                }
                None => "501 5.5.4 Syntax: MAIL FROM:<address>".into(),
            },
            "RCPT" => match (&mut envelope, path(arg, "TO:")) {
                (None, _) => "503 5.5.1 Need MAIL first".into(),
                (Some((_, to)), Some(recipient)) if !recipient.is_empty() => {
                    to.push(recipient);
                    "250 2.1.5 OK".into()
                }
                _ => "501 5.5.4 Syntax: RCPT TO:<address>".into(),
            },
            "DATA" if envelope.as_ref().is_none_or(|(_, to)| to.is_empty()) => {
                "503 5.5.1 Need RCPT first".into()
            }
            "DATA" if shared.refuse() => {
                envelope = None;
                "451 4.3.0 Try again later".into()
            }
            "DATA" => {
                let reply = b"354 End data with <CR><LF>.<CR><LF>\r\n";
                write.write_all(reply).await?;
                let Some(data) = read_data(&mut reader).await? else {
                    return Ok(()); // the client went away mid-message
                };
                let (from, to) = envelope.take().expect("checked above");
                tracing::info!(%from, ?to, "message received");
                let auth_user = auth_user.clone();
                shared.messages().push(Message {
                    from,
                    to,
                    data,
                    auth_user,
                });
                "250 2.0.0 OK queued".into()
            }
            "RSET" => {
                envelope = None;
                "250 2.0.0 OK".into()
            }
            "NOOP" => "250 2.0.0 OK".into(),
            "QUIT" => {
                write.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => "502 5.5.2 Command not recognized".into(),
        };
        write.write_all(format!("{reply}\r\n").as_bytes()).await?;
    }
    Ok(())
}
