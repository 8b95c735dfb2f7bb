//! The simulator's DNS updater: what Stalwart's `x:DnsServer` of type `Tsig` does when a
//! `DnsManagement` task runs (live 129–146). Each RRset is replaced with two TSIG-signed
//! RFC 2136 UPDATE messages (delete the RRset, then add it); a TXT RRset outside the names
//! Stalwart owns is first read with an unsigned query and merged (the existing records of
//! another `v=` family, or with none, are kept after the new ones).
//!
//! The errors read like Stalwart's, which come from the same library (hickory): a server
//! that answers a wrong key with BADSIG and an empty MAC gives hickory's "truncated HMACs"
//! text (live 145, 146).

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode, update_message};
use hickory_proto::rr::rdata::tsig::TsigAlgorithm;
use hickory_proto::rr::{Name, RData, Record, RecordSet, RecordType, TSigner};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Where and how to send updates: an `x:DnsServer` of type `Tsig`.
#[derive(Clone)]
pub struct Updater {
    pub addr: SocketAddr,
    pub tcp: bool,
    pub timeout: Duration,
    signer: TSigner,
}

impl Updater {
    /// `algorithm` as `x:DnsServer.tsigAlgorithm` names it; `key` is the decoded secret.
    pub fn new(
        addr: SocketAddr,
        tcp: bool,
        timeout: Duration,
        key_name: &str,
        algorithm: &str,
        key: Vec<u8>,
    ) -> Result<Self, String> {
        let algorithm = match algorithm {
            "hmac-sha256" => TsigAlgorithm::HmacSha256,
            "hmac-sha384" => TsigAlgorithm::HmacSha384,
            "hmac-sha512" => TsigAlgorithm::HmacSha512,
            other => return Err(format!("Unsupported TSIG algorithm {other}")),
        };
        let name = Name::from_ascii(key_name).map_err(|e| e.to_string())?;
        let signer = TSigner::new(key, algorithm, name, 300).map_err(|e| e.to_string())?;
        Ok(Self {
            addr,
            tcp,
            timeout,
            signer,
        })
    }

    /// Replaces the RRset `rrset.name()`/`rrset.record_type()` of the zone `origin` with
    /// `rrset`, as Stalwart does: delete, then add.
    pub async fn replace(&self, origin: &Name, rrset: RecordSet) -> Result<(), String> {
        let empty = Record::update0(rrset.name().clone(), 0, rrset.record_type());
        let delete = update_message::delete_rrset(empty, origin.clone(), false);
        self.send(delete, true).await?;
        let add = update_message::append(rrset, origin.clone(), false, false);
        self.send(add, true).await?;
        Ok(())
    }

    /// The TXT strings at `name`, read without a signature (an absent name reads as none).
    pub async fn txt_at(&self, name: &Name) -> Result<Vec<String>, String> {
        let mut query = Message::query();
        query.metadata.recursion_desired = false;
        query.add_query(Query::query(name.clone(), RecordType::TXT));
        let answer = self.send(query, false).await?;
        Ok(answer
            .answers
            .iter()
            .filter_map(|r| match &r.data {
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|s| String::from_utf8_lossy(s).into_owned())
                        .collect::<String>(),
                ),
                _ => None,
            })
            .collect())
    }

    async fn send(&self, mut message: Message, signed: bool) -> Result<Message, String> {
        let mut verifier = None;
        if signed {
            let now = time::OffsetDateTime::now_utc().unix_timestamp() as u64;
            verifier = message
                .finalize(&self.signer, now)
                .map_err(|e| format!("protocol error: {e}"))?;
        }
        let bytes = message
            .to_vec()
            .map_err(|e| format!("protocol error: {e}"))?;
        let answer = tokio::time::timeout(self.timeout, self.exchange(&bytes))
            .await
            .map_err(|_| "request timed out".to_owned())??;
        let response = match verifier.as_mut() {
            Some(verifier) => verifier
                .verify(&answer)
                .map_err(|e| format!("protocol error: {e}"))?
                .into_message(),
            None => Message::from_vec(&answer).map_err(|e| format!("protocol error: {e}"))?,
        };
        if response.metadata.id != message.metadata.id
            || response.metadata.message_type != MessageType::Response
        {
            return Err("protocol error: the answer is not for this request".into());
        }
        match response.metadata.response_code {
            ResponseCode::NoError => Ok(response),
            // An absent name answers NXDOMAIN: no records.
            ResponseCode::NXDomain if message.metadata.op_code == OpCode::Query => Ok(response),
            code => Err(format!("server responded with {code}")),
        }
    }

    async fn exchange(&self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        let io = |e: std::io::Error| format!("io error: {e}");
        if self.tcp {
            let mut stream = tokio::net::TcpStream::connect(self.addr)
                .await
                .map_err(io)?;
            stream
                .write_all(&(bytes.len() as u16).to_be_bytes())
                .await
                .map_err(io)?;
            stream.write_all(bytes).await.map_err(io)?;
            let length = stream.read_u16().await.map_err(io)?;
            let mut answer = vec![0; usize::from(length)];
            stream.read_exact(&mut answer).await.map_err(io)?;
            return Ok(answer);
        }
        let local: SocketAddr = if self.addr.is_ipv4() {
            "0.0.0.0:0".parse().expect("address")
        } else {
            "[::]:0".parse().expect("address")
        };
        let socket = tokio::net::UdpSocket::bind(local).await.map_err(io)?;
        socket.connect(self.addr).await.map_err(io)?;
        socket.send(bytes).await.map_err(io)?;
        let mut answer = vec![0; 65_535];
        let n = socket.recv(&mut answer).await.map_err(io)?;
        answer.truncate(n);
        Ok(answer)
    }
}
