use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A text shown to people: one plain string, or translations keyed by language code
/// (`ru` is always present in a map).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Translations by language code; `ru` is required.
    Translated(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, falling back to Russian.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(map) => map
                .get(lang)
                .or_else(|| map.get("ru"))
                .map(String::as_str)
                .unwrap_or(""),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}
