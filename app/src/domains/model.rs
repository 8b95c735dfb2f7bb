//! Domains: the DNS records to publish and whether they are live.

use crate::components::alert::Notice;
use crate::components::layout::Me;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Match,
    Conflict,
    Missing,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordStatus {
    pub status: Status,
    /// What DNS returned (shown for conflicts).
    pub found: Vec<String>,
    /// Why the status is unknown.
    pub reason: Option<String>,
    /// Something to fix even when the record is there (two SPF records, DMARC p=none …).
    pub warning: Option<String>,
}

impl RecordStatus {
    pub fn new(
        status: Status,
        found: Vec<String>,
        reason: Option<String>,
        warning: Option<String>,
    ) -> Self {
        Self {
            status,
            found,
            reason,
            warning,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Importance {
    Required,
    Recommended,
    Optional,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordRow {
    pub kind: String,
    pub name: String,
    pub value: String,
    /// The value as quoted strings of at most 255 bytes, when it is longer than that.
    pub chunks: Vec<String>,
    pub priority: Option<u16>,
    pub importance: Importance,
    pub reason: String,
    /// `None` while the first check is still running.
    pub status: Option<RecordStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DkimKeyRow {
    pub selector: String,
    pub algorithm: String,
    pub stage: String,
    pub created: String,
    pub record_name: String,
    pub record_value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainView {
    pub me: Me,
    pub domain: String,
    pub records: Vec<RecordRow>,
    pub dkim: Vec<DkimKeyRow>,
    pub checking: bool,
    pub checked_at: Option<String>,
    pub notice: Option<Notice>,
    /// The zone the mail server publishes these records into itself, when it does.
    pub published_into: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainsView {
    pub me: Me,
    pub domains: Vec<String>,
}
