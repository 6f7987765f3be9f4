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

/// A built-in template as the preset dictionaries of compressed links: its Russian
/// and English (the first part of a link), and its other languages (the second).
struct Dictionary {
    survey: Survey,
    first: String,
    second: String,
}

/// The built-in templates, split as links are: the preset dictionaries of
/// compressed links.
fn dictionaries() -> Vec<Dictionary> {
    [
        otklik_demo::INTERNAL_TEMPLATE,
        otklik_demo::EXTERNAL_TEMPLATE,
    ]
    .into_iter()
    .filter_map(|src| {
        let survey = Survey::from_json(src).ok()?;
        let (first, second) = split(&serde_json::from_str(src).ok()?);
        Some(Dictionary {
            survey,
            first: serde_json::to_string(&first).ok()?,
            second: serde_json::to_string(&second).ok()?,
        })
    })
    .collect()
}

/// The templates as they were before they had more languages than Russian and
/// English, minified: the dictionaries of the links made then, which must keep
/// opening. Never edit these files. The app makes them from today's templates
/// ([`earlier`]: the same Russian and English, without `languages`), which saves a
/// respondent 12 KB; the tests check that it makes them byte for byte. A template
/// whose Russian or English changes must ship its frozen file instead.
#[cfg(test)]
const FROZEN: [&str; 2] = [
    include_str!("dictionaries/internal-client.2026-12.json"),
    include_str!("dictionaries/external-client.2026-12.json"),
];

/// The dictionary of links made before the templates had Uzbek and Chinese, from a
/// template's first part (see [`FROZEN`]).
fn earlier(first: &str) -> Option<String> {
    let mut v: serde_json::Value = serde_json::from_str(first).ok()?;
    v.as_object_mut()?.shift_remove("languages")?;
    serde_json::to_string(&v).ok()
}

/// The languages a link's first part keeps in each text; the others go to its
/// second part. DEFLATE looks back at most 32 KiB, and a template with four
/// languages is longer: split in two, each part has a template's part as its
/// dictionary within reach.
const FIRST_LANGS: [&str; 2] = ["ru", "en"];

/// Whether `m` is a text in several languages (`{"ru": …, …}`).
fn is_text(m: &serde_json::Map<String, serde_json::Value>) -> bool {
    m.contains_key("ru") && m.values().all(serde_json::Value::is_string)
}

/// `v` with only [`FIRST_LANGS`] in its texts, and the other languages of each text
/// in document order (an empty list when no text has another language).
fn split(v: &serde_json::Value) -> (serde_json::Value, Vec<serde_json::Value>) {
    fn walk(v: &mut serde_json::Value, out: &mut Vec<serde_json::Value>) {
        match v {
            serde_json::Value::Object(m) if is_text(m) => {
                let others: serde_json::Map<_, _> = m
                    .iter()
                    .filter(|(k, _)| !FIRST_LANGS.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                m.retain(|k, _| FIRST_LANGS.contains(&k.as_str()));
                out.push(serde_json::Value::Object(others));
            }
            serde_json::Value::Object(m) => m.values_mut().for_each(|v| walk(v, out)),
            serde_json::Value::Array(a) => a.iter_mut().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut first = v.clone();
    let mut second = Vec::new();
    walk(&mut first, &mut second);
    if second
        .iter()
        .all(|o| o.as_object().is_some_and(|m| m.is_empty()))
    {
        second.clear();
    }
    (first, second)
}

/// The survey [`split`] made `first` and `second` from.
fn join(
    mut first: serde_json::Value,
    second: Vec<serde_json::Value>,
) -> Result<serde_json::Value, String> {
    fn walk(
        v: &mut serde_json::Value,
        it: &mut std::vec::IntoIter<serde_json::Value>,
    ) -> Result<(), String> {
        match v {
            serde_json::Value::Object(m) if is_text(m) => {
                let Some(serde_json::Value::Object(others)) = it.next() else {
                    return Err("the link's parts do not match".into());
                };
                m.extend(others);
                Ok(())
            }
            serde_json::Value::Object(m) => m.values_mut().try_for_each(|v| walk(v, it)),
            serde_json::Value::Array(a) => a.iter_mut().try_for_each(|v| walk(v, it)),
            _ => Ok(()),
        }
    }
    if second.is_empty() {
        return Ok(first);
    }
    let mut it = second.into_iter();
    walk(&mut first, &mut it)?;
    match it.next() {
        None => Ok(first),
        Some(_) => Err("the link's parts do not match".into()),
    }
}

/// A definition's JSON text without the spaces between tokens.
fn minify(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    serde_json::to_string(&v).ok()
}

/// The dictionaries for `survey` (first part, second part): the template of the
/// same id, or else of the same audience (surveys made from a template share most
/// of its text).
fn dictionary_for(survey: &str) -> Option<(String, String)> {
    let s = Survey::from_json(survey).ok()?;
    let dicts = dictionaries();
    dicts
        .iter()
        .find(|d| d.survey.id == s.id)
        .or_else(|| dicts.iter().find(|d| d.survey.audience == s.audience))
        .map(|d| (d.first.clone(), d.second.clone()))
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

/// `data` decompressed, with whichever of `dictionaries` it names.
fn decompress(data: &[u8], dictionaries: &[String]) -> Result<String, String> {
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
                    let found = dictionaries.iter().find(|d| adler32(d.as_bytes()) == adler);
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
    let dicts = dictionary_for(&survey);
    let (first, second) = match serde_json::from_str(&survey) {
        Ok(v) => {
            let (first, second) = split(&v);
            let first = serde_json::to_string(&first).expect("serialises");
            (
                first,
                (!second.is_empty()).then(|| serde_json::to_string(&second).expect("serialises")),
            )
        }
        Err(_) => (survey, None),
    };
    let text = format!("{}\n{mode}\n{first}", p.period);
    let data = compress(&text, dicts.as_ref().map(|d| d.0.as_str()));
    let mut out = format!("{base}{KEY_Z}{}", BASE64_URL_SAFE_NO_PAD.encode(data));
    // The texts' other languages, after a `.` (not a base64url character).
    if let Some(second) = second {
        let data = compress(&second, dicts.as_ref().map(|d| d.1.as_str()));
        out.push('.');
        out.push_str(&BASE64_URL_SAFE_NO_PAD.encode(data));
    }
    out
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
    let damaged = |e: String| EmbedError::Damaged(e);
    let (data, second) = match data.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (data, None),
    };
    let decode = |part: &str| {
        BASE64_URL_SAFE_NO_PAD
            .decode(part.trim_end_matches('='))
            .map_err(|e| EmbedError::Damaged(e.to_string()))
    };
    let dicts = dictionaries();
    let firsts: Vec<String> = dicts
        .iter()
        .map(|d| d.first.clone())
        .chain(dicts.iter().filter_map(|d| earlier(&d.first)))
        .collect();
    let text = decompress(&decode(data)?, &firsts).map_err(damaged)?;
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
    let survey = match second {
        None => survey.to_owned(),
        Some(part) => {
            let seconds: Vec<String> = dicts.iter().map(|d| d.second.clone()).collect();
            let second = decompress(&decode(part)?, &seconds).map_err(damaged)?;
            let second: Vec<serde_json::Value> =
                serde_json::from_str(&second).map_err(|e| damaged(e.to_string()))?;
            let first: serde_json::Value =
                serde_json::from_str(survey).map_err(|e| damaged(e.to_string()))?;
            serde_json::to_string(&join(first, second).map_err(damaged)?)
                .map_err(|e| damaged(e.to_string()))?
        }
    };
    check(&payload_json(&Payload {
        survey,
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
    /// Links made before the templates had Uzbek and Chinese, by the app of then
    /// (`2026-Q4`, self-completion, the external template; `2026`, kiosk, the
    /// internal one): their dictionaries are the frozen templates of then.
    const OLD_EXTERNAL: &str = "#s=ePkonW4V7dwxCQAgEADA_bsI8og9DKGTm6PlzSHcBbms2ctoceZecUWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbos1Po80HRANxTw";
    const OLD_INTERNAL: &str = "#s=ePnQAc3q7dyhDQAgDAAwv2vIxH4iEwgkz-8IbHtIc2VF73M7nvpX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6l_1r_pX_av-Vf-qf9W_6t_v-ncAZ9bQ6Q";

    #[test]
    fn links_made_with_the_old_templates_still_open() {
        // The frozen dictionaries are byte for byte those of the links handed out.
        let adlers: Vec<u32> = FROZEN
            .iter()
            .map(|f| adler32(minify(f).unwrap().as_bytes()))
            .collect();
        assert_eq!(adlers, [0xd001_cdea, 0x289d_6e15]);
        let made: Vec<String> = dictionaries()
            .iter()
            .filter_map(|d| earlier(&d.first))
            .collect();
        assert_eq!(
            made,
            FROZEN.map(|f| minify(f).unwrap()),
            "the frozen templates, made"
        );
        let e = from_fragment(OLD_EXTERNAL).unwrap().unwrap();
        assert_eq!(e.survey, Survey::from_json(FROZEN[1]).unwrap());
        assert_eq!(
            (e.period.as_str(), e.mode),
            ("2026-Q4", Mode::SelfCompletion)
        );
        assert_eq!(e.survey.languages(), ["ru", "en"]);
        let e = from_fragment(OLD_INTERNAL).unwrap().unwrap();
        assert_eq!(e.survey, Survey::from_json(FROZEN[0]).unwrap());
        assert_eq!((e.period.as_str(), e.mode), ("2026", Mode::Kiosk));
    }

    #[test]
    fn a_link_in_four_languages_has_two_parts_each_against_its_dictionary() {
        for template in [
            otklik_demo::INTERNAL_TEMPLATE,
            otklik_demo::EXTERNAL_TEMPLATE,
        ] {
            let p = Payload {
                survey: template.to_owned(),
                period: "2026-Q4".to_owned(),
                mode: Mode::SelfCompletion,
            };
            let url = link("x", &p);
            let hash = &url[url.find('#').unwrap()..];
            assert_eq!(hash.matches('.').count(), 1, "{hash}");
            assert!(hash.len() < 600, "{} characters", hash.len());
            let e = from_fragment(hash).unwrap().unwrap();
            assert_eq!(e.survey.languages(), ["ru", "en", "uz", "zh"]);
            assert_eq!(e.survey, Survey::from_json(template).unwrap());
            // The first part alone lacks the declared languages.
            let first = &hash[..hash.find('.').unwrap()];
            assert!(matches!(
                from_fragment(first),
                Some(Err(EmbedError::Invalid(_)))
            ));
            // A second part that does not fit the first.
            let wrong = format!(
                "{first}.{}",
                BASE64_URL_SAFE_NO_PAD.encode(compress("[{}]", None))
            );
            assert!(matches!(
                from_fragment(&wrong),
                Some(Err(EmbedError::Damaged(_)))
            ));
        }
        // A survey in Russian and English only: one part, as before.
        let ru_en = otklik_demo::EXTERNAL_TEMPLATE
            .replace("\"languages\": [\"ru\", \"en\", \"uz\", \"zh\"],", "");
        let v: serde_json::Value = serde_json::from_str(&ru_en).unwrap();
        let (first, _) = split(&v);
        let p = Payload {
            survey: first.to_string(),
            period: "2026".to_owned(),
            mode: Mode::Kiosk,
        };
        let url = link("x", &p);
        assert!(!url.contains('.'));
        assert_eq!(
            from_fragment(&url[url.find('#').unwrap()..])
                .unwrap()
                .unwrap()
                .survey,
            Survey::from_json(&p.survey).unwrap()
        );
    }
}
