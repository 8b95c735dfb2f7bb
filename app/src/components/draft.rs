//! What was typed into a form, kept across a redirect — after a refused post, or across a
//! fresh sign-in — so that it comes back filled in, with what was wrong with it. Never holds
//! a password or any other secret: those are typed again.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Which form on the page it belongs to, e.g. "delete", "member:<group id>", "idp".
    pub form: String,
    /// (field, value) as typed.
    pub values: Vec<(String, String)>,
    /// (field, message); field "form" for what is about the whole form.
    pub errors: Vec<(String, String)>,
}

impl Draft {
    /// A draft of `form` holding `values`, with nothing wrong yet.
    pub fn of(form: impl Into<String>, values: &[(&str, &str)]) -> Self {
        Draft {
            form: form.into(),
            values: values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            errors: Vec::new(),
        }
    }

    /// Whether it is the draft of `form`.
    pub fn is(&self, form: &str) -> bool {
        self.form == form
    }

    /// What was typed into `field` of `form`, if this is that form's draft.
    pub fn value(&self, form: &str, field: &str) -> Option<String> {
        self.is(form)
            .then(|| self.values.iter().find(|(f, _)| f == field))
            .flatten()
            .map(|(_, v)| v.clone())
    }

    /// What was wrong with `field` of `form`, if this is that form's draft.
    pub fn error(&self, form: &str, field: &str) -> Option<String> {
        self.is(form)
            .then(|| self.errors.iter().find(|(f, _)| f == field))
            .flatten()
            .map(|(_, m)| m.clone())
    }
}
