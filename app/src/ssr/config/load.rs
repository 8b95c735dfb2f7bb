//! Reading the file and the `POSTERN_<SECTION>__<KEY>` environment overrides.

use super::settings::{ConfigError, Settings};
use secrecy::SecretString;
use std::path::{Path, PathBuf};

impl Settings {
    /// Reads `path`, applies `POSTERN_…` overrides from `env`, and validates the result.
    pub fn load(
        path: &Path,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                "config file",
                format!("cannot read {}: {e}", path.display()),
            )
        })?;
        Self::from_toml(&text, env)
    }

    pub fn from_toml(
        text: &str,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let where_ = e.span().map(|s| line_of(text, s.start)).unwrap_or_default();
            ConfigError::new(format!("config file{where_}"), e.message().to_owned())
        })?;
        rename_legacy_section(&mut doc)?;
        apply_env_overrides(&mut doc, env)?;
        let settings: Settings = serde_path_to_error::deserialize(toml::Value::Table(doc))
            .map_err(|e| {
                let key = e.path().to_string();
                // toml appends "in `key`" on a second line; the key is already named.
                let problem = e.inner().to_string();
                let problem = problem.lines().next().unwrap_or_default().to_owned();
                ConfigError::new(if key == "." { "config".into() } else { key }, problem)
            })?;
        settings.validate()?;
        Ok(settings)
    }
}

/// Reads a secret from its inline value or its file (trailing newline trimmed).
pub fn read_secret(
    key: &str,
    inline: &Option<SecretString>,
    file: &Option<PathBuf>,
) -> Result<SecretString, ConfigError> {
    if let Some(secret) = inline {
        return Ok(secret.clone());
    }
    let path = file
        .as_ref()
        .ok_or_else(|| ConfigError::new(key, "missing"))?;
    let text = std::fs::read_to_string(path).map_err(|e| {
        ConfigError::new(
            format!("{key}_file"),
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let value = text.trim_end_matches(['\n', '\r']);
    if value.is_empty() {
        return Err(ConfigError::new(
            format!("{key}_file"),
            format!("{} is empty", path.display()),
        ));
    }
    Ok(SecretString::from(value.to_owned()))
}

/// `POSTERN_ORGANISATIONS__ACME__OIDC__CLIENT_SECRET=x` sets `organisations.acme.oidc.client_secret`.
/// `POSTERN_CONFIG` (the file path) and `POSTERN_LOG` are not overrides.
fn apply_env_overrides(
    doc: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    for (name, raw) in env {
        let Some(path) = name.strip_prefix("POSTERN_") else {
            continue;
        };
        if !path.contains("__") {
            continue;
        }
        let mut keys: Vec<String> = path.split("__").map(str::to_lowercase).collect();
        if keys[0] == LEGACY_SECTION {
            keys[0] = "organisations".to_owned();
        }
        if keys.iter().any(String::is_empty) {
            return Err(ConfigError::new(name, "empty key segment"));
        }
        let mut table = &mut *doc;
        for key in &keys[..keys.len() - 1] {
            let entry = table
                .entry(key.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            table = entry
                .as_table_mut()
                .ok_or_else(|| ConfigError::new(&name, format!("{key} is not a section")))?;
        }
        let leaf = keys.last().expect("non-empty");
        table.insert(leaf.clone(), env_value(&raw));
    }
    Ok(())
}

/// What `[organisations.*]` was called before; files and `POSTERN_TENANTS__…` written for
/// earlier releases still load.
const LEGACY_SECTION: &str = "tenants";

fn rename_legacy_section(doc: &mut toml::Table) -> Result<(), ConfigError> {
    let Some(legacy) = doc.remove(LEGACY_SECTION) else {
        return Ok(());
    };
    if doc.contains_key("organisations") {
        return Err(ConfigError::new(
            LEGACY_SECTION,
            "[tenants.*] is the old name of [organisations.*]; use one of them, not both",
        ));
    }
    doc.insert("organisations".to_owned(), legacy);
    Ok(())
}

/// Numbers, booleans and `[..]` arrays are typed; everything else is a string.
fn env_value(raw: &str) -> toml::Value {
    let trimmed = raw.trim();
    let typed = trimmed.parse::<i64>().is_ok()
        || trimmed == "true"
        || trimmed == "false"
        || (trimmed.starts_with('[') && trimmed.ends_with(']'));
    if typed
        && let Ok(mut t) = format!("v = {trimmed}").parse::<toml::Table>()
        && let Some(v) = t.remove("v")
    {
        return v;
    }
    toml::Value::String(raw.to_owned())
}

fn line_of(text: &str, offset: usize) -> String {
    let line = text[..offset.min(text.len())].matches('\n').count() + 1;
    format!(" line {line}")
}
