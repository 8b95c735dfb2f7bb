//! The SMTP sink, driven by a hand-written SMTP client over a real TCP connection, and its
//! HTTP API as `postern-testkit smtp` serves it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};
use std::time::Duration;
use testkit::smtp::{Message, Sink};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

const WITHIN: Duration = Duration::from_secs(5);

/// A minimal SMTP client: one command, one (possibly multi-line) reply.
struct Client {
    reader: BufReader<OwnedReadHalf>,
    writer: OwnedWriteHalf,
}

impl Client {
    /// Connects and checks the greeting.
    async fn connect(sink: &Sink) -> Self {
        let stream = TcpStream::connect((sink.host.as_str(), sink.port))
            .await
            .unwrap();
        let (read, writer) = stream.into_split();
        let mut client = Self {
            reader: BufReader::new(read),
            writer,
        };
        assert_eq!(client.reply().await, "220 sink ESMTP");
        client
    }

    /// The next reply, its lines joined with `\n`.
    async fn reply(&mut self) -> String {
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            let read = tokio::time::timeout(WITHIN, self.reader.read_line(&mut line))
                .await
                .expect("a reply in time")
                .unwrap();
            assert!(read > 0, "connection closed; got {lines:?} so far");
            assert!(line.ends_with("\r\n"), "{line:?} does not end in CRLF");
            let line = line.trim_end_matches("\r\n").to_owned();
            let last = line.as_bytes().get(3) != Some(&b'-');
            lines.push(line);
            if last {
                return lines.join("\n");
            }
        }
    }

    async fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).await.unwrap();
    }

    async fn command(&mut self, command: &str) -> String {
        self.send(&format!("{command}\r\n")).await;
        self.reply().await
    }

    /// Asserts that the reply to `command` starts with `code`, and returns it.
    async fn expect(&mut self, command: &str, code: &str) -> String {
        let reply = self.command(command).await;
        assert!(
            reply.starts_with(code),
            "{command:?} → {reply:?}, not {code}"
        );
        reply
    }
}

fn plain(user: &str, password: &str) -> String {
    BASE64.encode(format!("\0{user}\0{password}"))
}

const BODY: &str = "Subject: Notification\r\n\r\nHello,\r\n..leading dot\r\n.\r\n";

#[tokio::test]
async fn records_an_authenticated_message_with_two_recipients_dot_unstuffed() {
    let sink = Sink::start();
    let mut client = Client::connect(&sink).await;
    let ehlo = client.expect("EHLO client.test", "250-sink").await;
    for capability in ["250-AUTH PLAIN LOGIN", "250-SIZE ", "\n250 8BITMIME"] {
        assert!(ehlo.contains(capability), "{capability:?} missing: {ehlo}");
    }
    let auth = format!("AUTH PLAIN {}", plain("postern@acme.test", "secret"));
    let reply = client.expect(&auth, "235").await;
    assert_eq!(reply, "235 2.7.0 Authentication successful");
    client
        .expect("MAIL FROM:<postern@acme.test> BODY=8BITMIME", "250")
        .await;
    client.expect("RCPT TO:<alice@acme.test>", "250").await;
    client.expect("RCPT TO:<bob@acme.test>", "250").await;
    client.expect("DATA", "354").await;
    client.send(BODY).await;
    assert_eq!(client.reply().await, "250 2.0.0 OK queued");
    client.expect("QUIT", "221").await;

    let messages = sink.wait_for(1, WITHIN).await;
    assert_eq!(
        messages,
        [Message {
            from: "postern@acme.test".into(),
            to: vec!["alice@acme.test".into(), "bob@acme.test".into()],
            data: "Subject: Notification\r\n\r\nHello,\r\n.leading dot\r\n".into(),
            auth_user: Some("postern@acme.test".into()),
        }]
    );
}

#[tokio::test]
async fn refuse_next_fails_one_transaction_with_451_and_the_retry_succeeds() {
    let sink = Sink::start();
    sink.refuse_next(1);
    for expected in ["451 4.3.0 Try again later", "354"] {
        let mut client = Client::connect(&sink).await;
        client.expect("EHLO client.test", "250").await;
        client.expect("MAIL FROM:<postern@acme.test>", "250").await;
        client.expect("RCPT TO:<alice@acme.test>", "250").await;
        client.expect("DATA", expected).await;
        if expected == "354" {
            client.send(BODY).await;
            assert_eq!(client.reply().await, "250 2.0.0 OK queued");
        }
        client.expect("QUIT", "221").await;
    }
    let messages = sink.wait_for(1, WITHIN).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0].auth_user, None);
}

#[tokio::test]
async fn auth_login_plain_without_initial_response_and_command_errors() {
    let sink = Sink::start();
    let mut client = Client::connect(&sink).await;
    client.expect("MAIL FROM:<a@acme.test>", "503").await;
    client.expect("HELO client.test", "250 sink").await;
    client.expect("STARTTLS", "502").await;
    client.expect("RCPT TO:<alice@acme.test>", "503").await;
    client.expect("AUTH PLAIN", "334 ").await;
    client.expect("not base64!", "501").await;
    client.expect("AUTH LOGIN", "334 VXNlcm5hbWU6").await;
    client
        .expect(&BASE64.encode("carol"), "334 UGFzc3dvcmQ6")
        .await;
    client.expect(&BASE64.encode("pw"), "235").await;
    client.expect("NOOP", "250").await;
    client.expect("MAIL FROM:<>", "250").await;
    client.expect("RCPT TO:<x@acme.test>", "250").await;
    client.expect("RSET", "250").await;
    client.expect("DATA", "503").await;
    client.expect("mail from: <b@acme.test>", "250").await;
    client.expect("RCPT TO:<y@acme.test>", "250").await;
    client.expect("DATA", "354").await;
    client.send("Subject: x\r\n\r\n.\r\n").await;
    client.reply().await;
    let messages = sink.wait_for(1, WITHIN).await;
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert_eq!(messages[0].from, "b@acme.test");
    assert_eq!(messages[0].to, ["y@acme.test"]);
    assert_eq!(messages[0].auth_user.as_deref(), Some("carol"));
}

#[tokio::test]
async fn http_api_lists_clears_and_refuses() {
    let sink = Sink::start();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let api = format!("http://{}", listener.local_addr().unwrap());
    let app = sink.router();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let http = reqwest::Client::new();

    let refuse = http
        .post(format!("{api}/refuse"))
        .json(&json!({"times": 1}));
    assert_eq!(refuse.send().await.unwrap().status(), 204);
    let mut client = Client::connect(&sink).await;
    client.expect("EHLO client.test", "250").await;
    let auth = format!("AUTH PLAIN {}", plain("u", "p"));
    client.expect(&auth, "235").await;
    for data in ["451", "354"] {
        client.expect("MAIL FROM:<postern@acme.test>", "250").await;
        client.expect("RCPT TO:<alice@acme.test>", "250").await;
        client.expect("DATA", data).await;
    }
    client.send(BODY).await;
    client.reply().await;
    sink.wait_for(1, WITHIN).await;

    let listed = http.get(format!("{api}/messages")).send().await.unwrap();
    let listed: Value = listed.json().await.unwrap();
    assert_eq!(
        listed,
        json!([{"from": "postern@acme.test", "to": ["alice@acme.test"],
                "data": "Subject: Notification\r\n\r\nHello,\r\n.leading dot\r\n",
                "auth_user": "u"}])
    );
    let cleared = http.delete(format!("{api}/messages")).send().await.unwrap();
    assert_eq!(cleared.status(), 204);
    assert!(sink.messages().is_empty());
}
