//! DNS as the mail domains need it: Stalwart's zone text parsed into records, and a checker
//! that asks real DNS whether each one is published.

pub mod check;
pub mod preview;
pub mod update;
pub mod zone;
