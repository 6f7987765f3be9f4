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

/// The fragment key of a survey link: the payload as JSON in base64url (read, no
/// longer written).
const KEY: &str = "#survey=";
/// The fragment key of a compressed survey link: `period`, `mode` and the minified
/// definition, one per line, zlib-compressed (against a built-in template as a preset
/// dictionary, when one is near) and in base64url.
const KEY_Z: &str = "#s=";
/// Links longer than this are cut by many mail programs and messengers: the app
/// offers the survey as a file instead.
pub const LINK_MAX: usize = 4000;

/// The built-in templates, minified: the preset dictionaries of compressed links.
fn dictionaries() -> Vec<(Survey, String)> {
    [
        otklik_demo::INTERNAL_TEMPLATE,
        otklik_demo::EXTERNAL_TEMPLATE,
    ]
    .into_iter()
    .filter_map(|src| {
        let s = Survey::from_json(src).ok()?;
        Some((s, minify(src)?))
    })
    .collect()
}

/// A definition's JSON text without the spaces between tokens.
fn minify(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    serde_json::to_string(&v).ok()
}

/// The dictionary for `survey`: the template of the same id, or else of the same
/// audience (surveys made from a template share most of its text).
fn dictionary_for(survey: &str) -> Option<String> {
    let s = Survey::from_json(survey).ok()?;
    let dicts = dictionaries();
    dicts
        .iter()
        .find(|(t, _)| t.id == s.id)
        .or_else(|| dicts.iter().find(|(t, _)| t.audience == s.audience))
        .map(|(_, d)| d.clone())
}

fn compress(text: &str, dictionary: Option<&str>) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let mut z = Compress::new(Compression::best(), true);
    if let Some(d) = dictionary {
        z.set_dictionary(d.as_bytes())
            .expect("a dictionary before any data");
    }
    let mut out = Vec::with_capacity(text.len() / 2 + 64);
    loop {
        let at = z.total_in() as usize;
        out.reserve(4096);
        let status = z
            .compress_vec(&text.as_bytes()[at..], &mut out, FlushCompress::Finish)
            .expect("compressing in memory");
        if status == flate2::Status::StreamEnd {
            return out;
        }
    }
}

/// The Adler-32 checksum (RFC 1950) by which a zlib stream names its dictionary.
fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in bytes {
        a = (a + u32::from(x)) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn decompress(data: &[u8]) -> Result<String, String> {
    use flate2::{Decompress, FlushDecompress, Status};
    const MAX: usize = 4 << 20;
    let mut z = Decompress::new(true);
    let mut out = Vec::with_capacity(data.len() * 4);
    loop {
        let at = z.total_in() as usize;
        out.reserve(16384);
        match z.decompress_vec(&data[at..], &mut out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => break,
            Ok(_) if out.len() > MAX => return Err("the survey is too large".into()),
            Ok(_) if z.total_in() as usize == data.len() && out.len() < out.capacity() => {
                return Err("the link ends too early".into())
            }
            Ok(_) => {}
            Err(e) => match e.needs_dictionary() {
                Some(adler) => {
                    let found = dictionaries()
                        .into_iter()
                        .map(|(_, d)| d)
                        .find(|d| adler32(d.as_bytes()) == adler);
                    let d = found.ok_or("the link was made by another version of the app")?;
                    z.set_dictionary(d.as_bytes()).map_err(|e| e.to_string())?;
                }
                None => return Err(e.to_string()),
            },
        }
    }
    String::from_utf8(out).map_err(|e| e.to_string())
}
/// The id of the data block holding an embedded survey.
pub const BLOCK_ID: &str = "otklik-survey";

fn payload_json(p: &Payload) -> String {
    serde_json::to_string(p).expect("serialises")
}

/// The link to `base` (the app's address) that opens on the survey, compressed.
pub fn link(base: &str, p: &Payload) -> String {
    let base = base.split('#').next().unwrap_or(base);
    let survey = minify(&p.survey).unwrap_or_else(|| p.survey.clone());
    let mode = match p.mode {
        Mode::SelfCompletion => "self",
        Mode::Kiosk => "kiosk",
    };
    let text = format!("{}\n{mode}\n{survey}", p.period);
    let data = compress(&text, dictionary_for(&survey).as_deref());
    format!("{base}{KEY_Z}{}", BASE64_URL_SAFE_NO_PAD.encode(data))
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
    if let Some(data) = hash.strip_prefix(KEY_Z) {
        return Some(read_compressed(data));
    }
    let data = hash.strip_prefix(KEY)?;
    Some(
        BASE64_URL_SAFE_NO_PAD
            .decode(data.trim_end_matches('='))
            .map_err(|e| EmbedError::Damaged(e.to_string()))
            .and_then(|b| String::from_utf8(b).map_err(|e| EmbedError::Damaged(e.to_string())))
            .and_then(|json| check(&json)),
    )
}

fn read_compressed(data: &str) -> Result<Embedded, EmbedError> {
    let bytes = BASE64_URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|e| EmbedError::Damaged(e.to_string()))?;
    let text = decompress(&bytes).map_err(EmbedError::Damaged)?;
    let mut parts = text.splitn(3, '\n');
    let (Some(period), Some(mode), Some(survey)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(EmbedError::Damaged("missing parts".into()));
    };
    let mode = match mode {
        "self" => Mode::SelfCompletion,
        "kiosk" => Mode::Kiosk,
        other => return Err(EmbedError::Damaged(format!("unknown mode {other:?}"))),
    };
    check(&payload_json(&Payload {
        survey: survey.to_owned(),
        period: period.to_owned(),
        mode,
    }))
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
        assert!(url.starts_with("file:///srv/share/otklik.html#s="));
        let hash = &url[url.find('#').unwrap()..];
        let e = from_fragment(hash).unwrap().unwrap();
        assert_eq!(e.survey, Survey::from_json(&p.survey).unwrap());
        assert_eq!(e.survey.id, "external-client");
        assert_eq!(
            (e.period.as_str(), e.mode),
            ("2026-Q4", Mode::SelfCompletion)
        );
        assert_eq!(from_fragment("#other"), None);
    }

    #[test]
    fn both_templates_fit_in_a_link_mail_and_messengers_keep_whole() {
        for template in [
            otklik_demo::INTERNAL_TEMPLATE,
            otklik_demo::EXTERNAL_TEMPLATE,
        ] {
            for mode in [Mode::SelfCompletion, Mode::Kiosk] {
                let p = Payload {
                    survey: template.to_owned(),
                    period: "2026-Q4".to_owned(),
                    mode,
                };
                let url = link("https://intranet.example/otklik/index.html", &p);
                assert!(url.len() < LINK_MAX, "{} characters", url.len());
                eprintln!("{:?}: a link of {} characters", p.mode, url.len());
                let e = from_fragment(&url[url.find('#').unwrap()..])
                    .unwrap()
                    .unwrap();
                assert_eq!(e.survey, Survey::from_json(template).unwrap());
                assert_eq!(e.mode, mode);
            }
        }
    }

    #[test]
    fn a_survey_made_from_a_template_is_compressed_against_it_and_any_survey_reads_back() {
        // A new survey (its own id and texts) of the external audience.
        let edited = otklik_demo::EXTERNAL_TEMPLATE
            .replacen("\"id\": \"external-client\"", "\"id\": \"mfc-2027\"", 1)
            .replace("Оцените", "Пожалуйста, оцените");
        let p = Payload {
            survey: edited.clone(),
            period: "2027".to_owned(),
            mode: Mode::SelfCompletion,
        };
        let url = link("x", &p);
        let e = from_fragment(&url[url.find('#').unwrap()..])
            .unwrap()
            .unwrap();
        assert_eq!(e.survey.id, "mfc-2027");
        assert_eq!(e.survey, Survey::from_json(&edited).unwrap());
        // Without a dictionary the same survey compresses too, only less.
        let plain = BASE64_URL_SAFE_NO_PAD.encode(compress(&minify(&edited).unwrap(), None));
        assert!(url.len() < plain.len());
        // An old-style link still opens.
        let old = format!(
            "#survey={}",
            BASE64_URL_SAFE_NO_PAD.encode(payload_json(&p))
        );
        assert_eq!(from_fragment(&old).unwrap().unwrap().survey.id, "mfc-2027");
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
