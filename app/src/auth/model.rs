//! What the sign-in page needs.

use serde::{Deserialize, Serialize};

/// A message from a failed attempt, the address to put back, and whether someone is already
/// signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SignInState {
    pub error: Option<String>,
    /// A confirmation from the previous action (e.g. signed out everywhere).
    #[serde(default)]
    pub notice: Option<String>,
    pub email: Option<String>,
    pub signed_in: bool,
}
