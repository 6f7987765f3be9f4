//! A survey handed out with the app: as a link whose fragment carries the definition
//! (the fragment never leaves the browser), or as a copy of the single-file app with
//! the definition embedded. Opened, either starts that survey at once: the
//! respondent's self-completion, or the organiser's kiosk set-up.

use base64::prelude::*;
use otklik_survey::{Period, Survey, SurveyError};
use serde::{Deserialize, Serialize};

/// How the handed-out survey is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Respondents answer on their own device: the survey starts at once.
    #[serde(rename = "self")]
    SelfCompletion,
    /// A shared tablet: the organiser sets the PIN first.
    Kiosk,
}

/// What travels with the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    /// The definition, as its JSON text.
    pub survey: String,
    pub period: String,
    pub mode: Mode,
}

/// A payload that was checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Embedded {
    pub survey: Survey,
    pub source: String,
    pub period: String,
    pub mode: Mode,
}

/// The fragment key of a survey link.
const KEY: &str = "#survey=";
/// The id of the data block holding an embedded survey.
pub const BLOCK_ID: &str = "otklik-survey";

fn payload_json(p: &Payload) -> String {
    serde_json::to_string(p).expect("serialises")
}

/// The link to `base` (the app's address) that opens on the survey.
pub fn link(base: &str, p: &Payload) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!(
        "{base}{KEY}{}",
        BASE64_URL_SAFE_NO_PAD.encode(payload_json(p))
    )
}

/// The app's page source with the survey embedded as a data block (not a script:
/// the page's policy does not have to allow it), just before the app's script. (The
/// first `<script type="module">` is the app's own: the script's text, which holds
/// HTML of its own, comes after it.)
pub fn embed_in(page: &str, p: &Payload) -> String {
    // Inside a JSON text '<' only occurs in strings, where \u003c means the same.
    let json = payload_json(p).replace('<', "\\u003c");
    let block = format!("<script type=\"application/json\" id=\"{BLOCK_ID}\">{json}</script>\n");
    let page = remove_block(page);
    match page.find(APP_SCRIPT) {
        Some(i) => format!("{}{block}{}", &page[..i], &page[i..]),
        None => format!("{block}{page}"),
    }
}

/// How the app's own script begins in the single-file page.
const APP_SCRIPT: &str = "<script type=\"module\">";

/// The page without an embedded survey (looked for only before the app's script).
fn remove_block(page: &str) -> String {
    let open = format!("<script type=\"application/json\" id=\"{BLOCK_ID}\">");
    let head = &page[..page.find(APP_SCRIPT).unwrap_or(page.len())];
    match head.find(&open) {
        Some(i) => match page[i..].find("</script>\n") {
            Some(j) => format!("{}{}", &page[..i], &page[i + j + "</script>\n".len()..]),
            None => page.to_owned(),
        },
        None => page.to_owned(),
    }
}

/// Why a handed-out survey cannot be opened.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EmbedError {
    #[error("the survey link is damaged (it may have been cut when copied): {0}")]
    Damaged(String),
    #[error("the survey in the link is not valid: {0}")]
    Invalid(SurveyError),
    #[error("the period {0:?} in the link is not valid")]
    Period(String),
}

/// Reads a payload (JSON text) and checks the survey and the period.
pub fn check(json: &str) -> Result<Embedded, EmbedError> {
    let p: Payload = serde_json::from_str(json).map_err(|e| EmbedError::Damaged(e.to_string()))?;
    let survey = Survey::from_json(&p.survey).map_err(EmbedError::Invalid)?;
    if p.period.parse::<Period>().is_err() {
        return Err(EmbedError::Period(p.period));
    }
    Ok(Embedded {
        survey,
        source: p.survey,
        period: p.period,
        mode: p.mode,
    })
}

/// The survey a location's fragment carries, if it carries one.
pub fn from_fragment(hash: &str) -> Option<Result<Embedded, EmbedError>> {
    let data = hash.strip_prefix(KEY)?;
    Some(
        BASE64_URL_SAFE_NO_PAD
            .decode(data.trim_end_matches('='))
            .map_err(|e| EmbedError::Damaged(e.to_string()))
            .and_then(|b| String::from_utf8(b).map_err(|e| EmbedError::Damaged(e.to_string())))
            .and_then(|json| check(&json)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(mode: Mode) -> Payload {
        Payload {
            survey: otklik_demo::EXTERNAL_TEMPLATE.to_owned(),
            period: "2026-Q4".to_owned(),
            mode,
        }
    }

    #[test]
    fn a_link_carries_the_survey_exactly() {
        let p = payload(Mode::SelfCompletion);
        let url = link("file:///srv/share/otklik.html#old", &p);
        assert!(url.starts_with("file:///srv/share/otklik.html#survey="));
        let hash = &url[url.find('#').unwrap()..];
        let e = from_fragment(hash).unwrap().unwrap();
        assert_eq!(e.source, p.survey);
        assert_eq!(e.survey.id, "external-client");
        assert_eq!(
            (e.period.as_str(), e.mode),
            ("2026-Q4", Mode::SelfCompletion)
        );
        assert_eq!(from_fragment("#other"), None);
    }

    #[test]
    fn a_cut_or_forged_link_is_refused_with_a_reason() {
        let url = link("x", &payload(Mode::Kiosk));
        let hash = &url[url.find('#').unwrap()..];
        let cut = &hash[..hash.len() / 2];
        assert!(matches!(
            from_fragment(cut),
            Some(Err(EmbedError::Damaged(_)))
        ));
        let mut bad = payload(Mode::Kiosk);
        bad.period = "2026-Q7".to_owned();
        let url = link("x", &bad);
        assert!(matches!(
            from_fragment(&url[url.find('#').unwrap()..]),
            Some(Err(EmbedError::Period(_)))
        ));
        bad.period = "2026".to_owned();
        bad.survey = r#"{"id":"x"}"#.to_owned();
        let url = link("x", &bad);
        assert!(matches!(
            from_fragment(&url[url.find('#').unwrap()..]),
            Some(Err(EmbedError::Invalid(_)))
        ));
    }

    #[test]
    fn an_embedded_survey_cannot_end_its_block_and_replaces_an_earlier_one() {
        let mut p = payload(Mode::Kiosk);
        p.survey = p.survey.replacen(
            "\"title\"",
            "\"note\": \"</script><script>alert(1)</script>\", \"title\"",
            1,
        );
        let page = "<!DOCTYPE html>\n<html><head><title>t</title>\n<script type=\"module\">const s = '<head></head>';</script></head><body></body></html>\n";
        let once = embed_in(page, &p);
        assert_eq!(once.matches("</script>").count(), 2);
        assert!(once.find(BLOCK_ID).unwrap() < once.find("<script type=\"module\">").unwrap());
        assert!(once.contains("<script type=\"module\">const s = '<head></head>';</script>"));
        let block = once.split(&format!("id=\"{BLOCK_ID}\">")).nth(1).unwrap();
        let json = &block[..block.find("</script>").unwrap()];
        let back: Payload = serde_json::from_str(json).unwrap();
        assert_eq!(back, p);
        let twice = embed_in(&once, &payload(Mode::SelfCompletion));
        assert_eq!(twice.matches(BLOCK_ID).count(), 1);
        assert!(twice.contains("\"mode\":\"self\""));
    }
}
