//! Postern's own RFC 2136 client (TSIG-signed DNS UPDATE, RFC 8945), for what the mail server
//! cannot do: try a key before publishing (Stalwart checks nothing when a server is saved,
//! live 127/142), and remove a domain's records when it leaves (Stalwart removes none, live
//! 150). The answers are read for what they mean, not for a library's words: a refused key
//! (BADSIG, BADKEY, BADTIME), a zone not served (an unsigned NOTAUTH), a refusal, silence.

use hickory_proto::op::{Message, MessageType, ResponseCode, update_message};
use hickory_proto::rr::rdata::TXT;
use hickory_proto::rr::rdata::tsig::{TsigAlgorithm, TsigError};
use hickory_proto::rr::{Name, RData, Record, RecordSet, RecordType, TSigner};
use secrecy::{ExposeSecret, SecretString};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    #[error("the DNS server refused the key: its name, secret or algorithm is wrong")]
    WrongKey,
    #[error("the DNS server does not serve this zone, or does not know the key's name")]
    NotServed,
    #[error("the DNS server refused the update (its access rules)")]
    Refused,
    #[error("the DNS server did not answer in time")]
    TimedOut,
    #[error("nothing answers at that address: {0}")]
    Unreachable(String),
    #[error("the key cannot be used: {0}")]
    Unusable(String),
    #[error("the record written could not be read back through DNS")]
    NotVisible,
    #[error("{0}")]
    Other(String),
}

/// A DNS server that takes updates signed with one TSIG key.
#[derive(Clone)]
pub struct Updater {
    addr: SocketAddr,
    tcp: bool,
    timeout: Duration,
    signer: TSigner,
}

impl Updater {
    /// `algorithm`: `hmac-sha256`, `hmac-sha384` or `hmac-sha512`; `secret` in base64.
    pub fn new(
        addr: SocketAddr,
        tcp: bool,
        key_name: &str,
        algorithm: &str,
        secret: &SecretString,
        timeout: Duration,
    ) -> Result<Self, UpdateError> {
        use base64::Engine;
        let algorithm = match algorithm {
            "hmac-sha256" => TsigAlgorithm::HmacSha256,
            "hmac-sha384" => TsigAlgorithm::HmacSha384,
            "hmac-sha512" => TsigAlgorithm::HmacSha512,
            other => {
                return Err(UpdateError::Unusable(format!(
                    "unsupported algorithm {other}"
                )));
            }
        };
        let key = base64::engine::general_purpose::STANDARD
            .decode(secret.expose_secret().trim())
            .map_err(|_| UpdateError::Unusable("the secret is not base64".into()))?;
        let name = Name::from_ascii(key_name)
            .map_err(|_| UpdateError::Unusable(format!("{key_name} is not a DNS name")))?;
        let signer = TSigner::new(key, algorithm, name, 300)
            .map_err(|e| UpdateError::Unusable(e.to_string()))?;
        Ok(Self {
            addr,
            tcp,
            timeout,
            signer,
        })
    }

    /// Adds a TXT record `value` at `name` in `zone`.
    pub async fn add_txt(
        &self,
        zone: &str,
        name: &str,
        value: &str,
        ttl: u32,
    ) -> Result<(), UpdateError> {
        let mut set = RecordSet::with_ttl(fqdn(name)?, RecordType::TXT, ttl);
        set.add_rdata(RData::TXT(TXT::new(vec![value.to_owned()])));
        self.send(update_message::append(set, fqdn(zone)?, false, false))
            .await
    }

    /// Removes the TXT record `value` at `name`, leaving the others there.
    pub async fn delete_txt(&self, zone: &str, name: &str, value: &str) -> Result<(), UpdateError> {
        let mut set = RecordSet::with_ttl(fqdn(name)?, RecordType::TXT, 0);
        set.add_rdata(RData::TXT(TXT::new(vec![value.to_owned()])));
        self.send(update_message::delete_by_rdata(set, fqdn(zone)?, false))
            .await
    }

    /// Removes every record of `kind` at `name`.
    pub async fn delete_rrset(
        &self,
        zone: &str,
        name: &str,
        kind: &str,
    ) -> Result<(), UpdateError> {
        let kind: RecordType = kind
            .parse()
            .map_err(|_| UpdateError::Other(format!("unknown record type {kind}")))?;
        let record = Record::update0(fqdn(name)?, 0, kind);
        self.send(update_message::delete_rrset(record, fqdn(zone)?, false))
            .await
    }

    async fn send(&self, mut message: Message) -> Result<(), UpdateError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
        let mut verifier = message
            .finalize(&self.signer, now)
            .map_err(|e| UpdateError::Other(e.to_string()))?;
        let bytes = message
            .to_vec()
            .map_err(|e| UpdateError::Other(e.to_string()))?;
        let answer = tokio::time::timeout(self.timeout, self.exchange(&bytes))
            .await
            .map_err(|_| UpdateError::TimedOut)??;
        let response = Message::from_vec(&answer).map_err(|e| UpdateError::Other(e.to_string()))?;
        if response.metadata.id != message.metadata.id
            || response.metadata.message_type != MessageType::Response
        {
            return Err(UpdateError::Other("an answer to another request".into()));
        }
        if let Some(tsig) = &response.signature
            && matches!(
                tsig.data.error,
                Some(
                    TsigError::BadSig
                        | TsigError::BadKey
                        | TsigError::BadTime
                        | TsigError::BadTrunc
                )
            )
        {
            return Err(UpdateError::WrongKey);
        }
        match response.metadata.response_code {
            ResponseCode::NoError => {}
            // Knot answers a zone it does not serve (or a key it does not know) unsigned.
            ResponseCode::NotAuth | ResponseCode::NotZone => return Err(UpdateError::NotServed),
            ResponseCode::Refused => return Err(UpdateError::Refused),
            code => {
                return Err(UpdateError::Other(format!(
                    "the DNS server answered {code}"
                )));
            }
        }
        // Accepted: the answer must carry the server's signature with this key.
        match verifier.as_mut() {
            Some(verifier) => verifier
                .verify(&answer)
                .map(|_| ())
                .map_err(|_| UpdateError::WrongKey),
            None => Ok(()),
        }
    }

    async fn exchange(&self, bytes: &[u8]) -> Result<Vec<u8>, UpdateError> {
        let unreachable = |e: std::io::Error| UpdateError::Unreachable(e.to_string());
        if self.tcp {
            let mut stream = tokio::net::TcpStream::connect(self.addr)
                .await
                .map_err(unreachable)?;
            let length = u16::try_from(bytes.len())
                .map_err(|_| UpdateError::Other("the update is too large".into()))?;
            stream
                .write_all(&length.to_be_bytes())
                .await
                .map_err(unreachable)?;
            stream.write_all(bytes).await.map_err(unreachable)?;
            let length = stream.read_u16().await.map_err(unreachable)?;
            let mut answer = vec![0; usize::from(length)];
            stream.read_exact(&mut answer).await.map_err(unreachable)?;
            return Ok(answer);
        }
        let local: SocketAddr = if self.addr.is_ipv4() {
            SocketAddr::from(([0, 0, 0, 0], 0))
        } else {
            SocketAddr::from(([0u16; 8], 0))
        };
        let socket = tokio::net::UdpSocket::bind(local)
            .await
            .map_err(unreachable)?;
        socket.connect(self.addr).await.map_err(unreachable)?;
        socket.send(bytes).await.map_err(unreachable)?;
        let mut answer = vec![0; 65_535];
        let n = socket.recv(&mut answer).await.map_err(unreachable)?;
        answer.truncate(n);
        Ok(answer)
    }
}

/// `name` as an absolute DNS name.
fn fqdn(name: &str) -> Result<Name, UpdateError> {
    Name::from_ascii(format!("{}.", name.trim_end_matches('.')))
        .map_err(|_| UpdateError::Other(format!("{name} is not a DNS name")))
}

/// Tries the key before the mail server is told to publish: writes a TXT record at
/// `_postern-check.<domain>` in `zone`, reads it back through `checker` (the resolvers the
/// DNS checks use), and removes it. What a person would otherwise learn from a failed task.
pub async fn try_key(
    updater: &Updater,
    checker: &super::check::DnsChecker,
    zone: &str,
    domain: &str,
) -> Result<(), UpdateError> {
    let name = format!("_postern-check.{domain}");
    let token = format!("postern-check={}", rand::random::<u64>());
    updater.add_txt(zone, &name, &token, 60).await?;
    let seen = checker
        .values(&name, "TXT")
        .await
        .is_ok_and(|values| values.contains(&token));
    let removed = updater.delete_txt(zone, &name, &token).await;
    if !seen {
        return Err(UpdateError::NotVisible);
    }
    removed
}
