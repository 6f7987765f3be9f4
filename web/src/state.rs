//! The app's state: data only. Storage effects run outside the reducer.

use std::rc::Rc;

use otklik_survey::runner::Answers;
use otklik_survey::Survey;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use yew::Reducible;

use crate::i18n::Lang;
use crate::services::embed::Embedded;

/// What the organiser set up: the survey, the period and the mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub survey: Rc<Survey>,
    /// The definition as loaded, kept to restore the session after a reload.
    pub source: Rc<str>,
    pub period: String,
    pub kiosk: bool,
    /// Operator entry of paper forms (opened with the PIN).
    pub entry: bool,
    /// `salt:sha256(salt + pin)` in hex, for kiosk mode and operator entry.
    pub pin: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct StoredSession {
    survey: String,
    period: String,
    kiosk: bool,
    #[serde(default)]
    entry: bool,
    pin: Option<String>,
}

impl Session {
    pub fn to_json(&self) -> String {
        serde_json::to_string(&StoredSession {
            survey: self.source.to_string(),
            period: self.period.clone(),
            kiosk: self.kiosk,
            entry: self.entry,
            pin: self.pin.clone(),
        })
        .expect("serialises")
    }
    pub fn from_json(s: &str) -> Option<Session> {
        let st: StoredSession = serde_json::from_str(s).ok()?;
        let survey = Survey::from_json(&st.survey).ok()?;
        Some(Session {
            survey: Rc::new(survey),
            source: st.survey.into(),
            period: st.period,
            kiosk: st.kiosk,
            entry: st.entry,
            pin: st.pin,
        })
    }
}

/// The respondent's answers so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The future response id (random).
    pub id: String,
    pub answers: Answers,
    /// The first question of the current screen; `None` on the anonymity statement.
    pub position: Option<String>,
}

impl Draft {
    pub fn new(id: String) -> Draft {
        Draft {
            id,
            answers: Answers::new(),
            position: None,
        }
    }
}

/// Which screen is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Loading,
    Home,
    Dashboard,
    Report,
    Editor,
    Glossary,
    Survey,
    Thanks {
        receipt: String,
        document: Option<Rc<str>>,
    },
    AdminPin,
    Admin,
    /// Operator entry of paper forms.
    Entry,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The interface's language.
    pub lang: Lang,
    /// The language the respondent chose for the survey's texts (a code of the
    /// survey's), when it differs from the interface's: a language the interface
    /// lacks, shown with the interface in its [`Lang::for_text`].
    pub text_lang: Option<String>,
    pub large: bool,
    pub view: View,
    pub session: Option<Rc<Session>>,
    pub draft: Option<Draft>,
    /// Bumped on every change of the draft; the storage effect writes it.
    pub draft_rev: u64,
    /// The last revision confirmed on disk.
    pub saved_rev: u64,
    pub save_error: Option<String>,
    /// Responses stored on this device.
    pub stored: Option<u64>,
    /// Whether the browser granted persistent storage.
    pub persisted: Option<bool>,
    /// A survey handed out with the app (link or file), for the organiser's start page.
    pub embedded: Option<Rc<Embedded>>,
    /// A message for the user about how the app was opened (a damaged link).
    pub notice: Option<String>,
}

pub enum Action {
    Loaded {
        session: Option<Session>,
        draft: Option<Draft>,
        stored: u64,
        embedded: Option<Box<Embedded>>,
        notice: Option<String>,
    },
    SetLang(Lang),
    /// The respondent chose a language of the survey (a code).
    ChooseLang(String),
    /// A survey from the editor, offered on the start page.
    Offer(Box<Embedded>),
    ToggleLarge,
    Go(View),
    Start(Session, Draft),
    NewDraft(Draft),
    Answer(String, Value),
    Move(Option<String>),
    Saved(u64),
    SaveFailed(String),
    Submitted {
        receipt: String,
        document: Option<Rc<str>>,
    },
    Stored(u64),
    Persisted(bool),
    EndSession,
}

impl State {
    /// The language of the survey's texts: the one chosen, or the interface's.
    pub fn text_lang(&self) -> &str {
        self.text_lang.as_deref().unwrap_or(self.lang.code())
    }

    pub fn new(lang: Lang, large: bool) -> State {
        State {
            lang,
            text_lang: None,
            large,
            view: View::Loading,
            session: None,
            draft: None,
            draft_rev: 0,
            saved_rev: 0,
            save_error: None,
            stored: None,
            persisted: None,
            embedded: None,
            notice: None,
        }
    }

    /// Every change of the draft has been confirmed on disk.
    pub fn saved(&self) -> bool {
        self.saved_rev == self.draft_rev && self.save_error.is_none()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded {
                session,
                draft,
                stored,
                embedded,
                notice,
            } => {
                s.stored = Some(stored);
                s.view = match (&session, &draft) {
                    // Operator entry after a reload: the PIN first.
                    (Some(sess), _) if sess.entry => View::AdminPin,
                    (Some(_), Some(_)) => View::Survey,
                    (Some(sess), None) if sess.kiosk => View::Survey,
                    _ if embedded.is_some() => View::Home,
                    _ => View::Dashboard,
                };
                s.embedded = embedded.map(|e| Rc::new(*e));
                s.notice = notice;
                s.session = session.map(Rc::new);
                s.draft = draft;
            }
            Action::SetLang(l) => {
                s.lang = l;
                s.text_lang = None;
            }
            Action::ChooseLang(code) => {
                s.lang = Lang::for_text(&code);
                s.text_lang = (code != s.lang.code()).then_some(code);
            }
            Action::Offer(e) => {
                s.embedded = Some(Rc::new(*e));
                s.view = View::Home;
            }
            Action::ToggleLarge => s.large = !s.large,
            Action::Go(v) => s.view = v,
            Action::Start(session, _) if session.entry => {
                s.session = Some(Rc::new(session));
                s.draft = None;
                s.view = View::Entry;
            }
            Action::Start(session, draft) => {
                s.session = Some(Rc::new(session));
                s.draft = Some(draft);
                s.draft_rev += 1;
                s.view = View::Survey;
            }
            Action::NewDraft(draft) => {
                s.draft = Some(draft);
                s.draft_rev += 1;
                s.view = View::Survey;
            }
            Action::Answer(q, v) => {
                if let Some(d) = s.draft.as_mut() {
                    if v.is_null() {
                        d.answers.remove(&q);
                    } else {
                        d.answers.insert(q, v);
                    }
                    s.draft_rev += 1;
                }
            }
            Action::Move(position) => {
                if let Some(d) = s.draft.as_mut() {
                    d.position = position;
                    s.draft_rev += 1;
                }
            }
            Action::Saved(rev) => {
                s.saved_rev = s.saved_rev.max(rev);
                s.save_error = None;
            }
            Action::SaveFailed(e) => s.save_error = Some(e),
            Action::Submitted { receipt, document } => {
                s.draft = None;
                s.saved_rev = s.draft_rev;
                s.stored = s.stored.map(|n| n + 1);
                s.view = View::Thanks { receipt, document };
            }
            Action::Stored(n) => s.stored = Some(n),
            Action::Persisted(p) => s.persisted = Some(p),
            Action::EndSession => {
                s.session = None;
                s.draft = None;
                s.view = View::Dashboard;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SURVEY: &str = r#"{"id":"s","version":1,"audience":"external","title":"T",
        "questions":[{"id":"q1","type":"scale","text":"Q"}]}"#;

    fn session(entry: bool) -> Session {
        Session {
            survey: Rc::new(Survey::from_json(SURVEY).unwrap()),
            source: SURVEY.into(),
            period: "2026-Q3".into(),
            kiosk: false,
            entry,
            pin: Some("salt:hash".into()),
        }
    }

    #[test]
    fn operator_entry_starts_without_a_draft_and_asks_the_pin_after_a_reload() {
        let s = Rc::new(State::new(Lang::Ru, false));
        let started = s
            .clone()
            .reduce(Action::Start(session(true), Draft::new("r".into())));
        assert_eq!(started.view, View::Entry);
        assert_eq!(started.draft, None, "entry keeps no respondent's draft");
        let stored = session(true).to_json();
        let back = Session::from_json(&stored).unwrap();
        assert!(back.entry);
        let loaded = s.clone().reduce(Action::Loaded {
            session: Some(back),
            draft: None,
            stored: 3,
            embedded: None,
            notice: None,
        });
        assert_eq!(loaded.view, View::AdminPin);
        // A session stored before entry existed reads as no entry.
        let old = stored.replace(",\"entry\":true", "");
        assert!(!old.contains("entry"));
        assert!(!Session::from_json(&old).unwrap().entry);
        let survey = s.reduce(Action::Start(session(false), Draft::new("r".into())));
        assert_eq!(survey.view, View::Survey);
    }
}
