//! The editor's model: the definition being edited (JSON, so that a definition with
//! problems can be kept and shown), its undo and redo, and which question cards are
//! open; changed only through [`EdAction`]s. Each [`Edit`] is one step of undo.

use std::rc::Rc;

use otklik_survey::{Message, Survey};
use serde_json::{json, Map, Value};
use yew::Reducible;

use super::edit::Edit;

pub(super) const KEEP: usize = 100;
pub(super) const DRAFT_KEY: &str = "editor";

#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Ed {
    pub(super) doc: Option<Value>,
    /// The definition as loaded (a template or a file): edits of it bump the version.
    pub(super) origin: Option<Value>,
    pub(super) undo: Vec<Value>,
    pub(super) redo: Vec<Value>,
    /// The question cards shown open (by position); the others show one line each.
    pub(super) open: std::collections::BTreeSet<usize>,
}

/// The positions of the questions that have problems: their cards open on loading.
pub(super) fn with_problems(doc: &Value) -> std::collections::BTreeSet<usize> {
    validate(doc)
        .0
        .iter()
        .filter_map(|(p, _)| {
            p.strip_prefix("questions[")?
                .split(']')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .collect()
}

pub(super) enum EdAction {
    Load {
        doc: Value,
        published: bool,
    },
    /// A saved draft and what it was loaded from.
    Restore {
        doc: Value,
        origin: Option<Value>,
    },
    /// An edit of the definition; the cards move with their questions.
    Apply(Edit),
    Undo,
    Redo,
    Close,
    /// A card opened or closed.
    Toggle(usize, bool),
    /// Every card opened (or closed).
    OpenAll(bool),
}

impl Ed {
    /// `doc` as the definition, the one before it kept for undo.
    fn commit(&mut self, doc: Value) {
        if let Some(old) = self.doc.replace(doc) {
            self.undo.push(old);
            if self.undo.len() > KEEP {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
    }

    /// Questions `i` and `j` changed places: so do their cards' states.
    fn swap_open(&mut self, i: usize, j: usize) {
        let (a, b) = (self.open.contains(&i), self.open.contains(&j));
        for (k, on) in [(i, b), (j, a)] {
            if on {
                self.open.insert(k);
            } else {
                self.open.remove(&k);
            }
        }
    }

    /// A question was inserted at `at` (`true`, its card open) or removed from it: the
    /// cards after it move with their questions.
    fn shift_open(&mut self, at: usize, inserted: bool) {
        self.open = self
            .open
            .iter()
            .filter(|&&k| inserted || k != at)
            .map(|&k| match (k >= at, inserted) {
                (true, true) => k + 1,
                (true, false) if k > at => k - 1,
                _ => k,
            })
            .collect();
        if inserted {
            self.open.insert(at);
        }
    }
}

impl Reducible for Ed {
    type Action = EdAction;
    fn reduce(self: Rc<Self>, a: EdAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match a {
            EdAction::Load { doc, published } => {
                s.origin = published.then(|| doc.clone());
                s.open = with_problems(&doc);
                s.doc = Some(doc);
                s.undo.clear();
                s.redo.clear();
            }
            EdAction::Restore { doc, origin } => {
                s.open = with_problems(&doc);
                s.doc = Some(doc);
                s.origin = origin;
            }
            EdAction::Apply(edit) => {
                let Some(old) = &s.doc else { return self };
                let mut doc = old.clone();
                edit.apply(&mut doc);
                if *old == doc {
                    return self;
                }
                let n = old["questions"].as_array().map_or(0, Vec::len);
                match edit {
                    Edit::AddQuestion(_) => {
                        s.open.insert(n);
                    }
                    Edit::SwapQuestions(i, j) => s.swap_open(i, j),
                    Edit::DuplicateQuestion(i) => s.shift_open(i + 1, true),
                    Edit::RemoveQuestion(i) => s.shift_open(i, false),
                    _ => {}
                }
                s.commit(doc);
            }
            EdAction::Undo => {
                if let Some(prev) = s.undo.pop() {
                    if let Some(cur) = s.doc.replace(prev) {
                        s.redo.push(cur);
                    }
                }
            }
            EdAction::Redo => {
                if let Some(next) = s.redo.pop() {
                    if let Some(cur) = s.doc.replace(next) {
                        s.undo.push(cur);
                    }
                }
            }
            EdAction::Close => return Rc::new(Ed::default()),
            EdAction::Toggle(i, open) => {
                if s.open.contains(&i) == open {
                    return self;
                }
                if open {
                    s.open.insert(i);
                } else {
                    s.open.remove(&i);
                }
            }
            EdAction::OpenAll(open) => {
                let n = s
                    .doc
                    .as_ref()
                    .and_then(|d| d["questions"].as_array())
                    .map_or(0, Vec::len);
                s.open = if open {
                    (0..n).collect()
                } else {
                    Default::default()
                };
            }
        }
        Rc::new(s)
    }
}

pub(super) fn blank() -> Value {
    json!({
        "id": "my-survey",
        "version": 1,
        "audience": "external",
        "title": {"ru": ""},
        "min_group": 5,
        "min_group_text": 10,
        "dimensions": [],
        "questions": [],
    })
}

/// A text as `(ru, en)`.
pub(super) fn text_pair(v: &Value) -> (String, String) {
    match v {
        Value::String(s) => (s.clone(), String::new()),
        Value::Object(m) => (
            m.get("ru").and_then(Value::as_str).unwrap_or("").to_owned(),
            m.get("en").and_then(Value::as_str).unwrap_or("").to_owned(),
        ),
        _ => (String::new(), String::new()),
    }
}

/// The text `old` with its `lang` translation set to `value` (removed when blank,
/// but for Russian): every other language the text has is kept.
pub(super) fn text_with(old: &Value, lang: &str, value: &str) -> Value {
    let mut m = match old {
        Value::Object(m) => m.clone(),
        Value::String(s) => Map::from_iter([("ru".to_owned(), json!(s))]),
        _ => Map::new(),
    };
    if lang != "ru" && value.trim().is_empty() {
        m.remove(lang);
    } else {
        m.insert(lang.to_owned(), json!(value));
    }
    if !m.contains_key("ru") {
        m.insert("ru".into(), json!(""));
    }
    Value::Object(m)
}

/// A question of `kind` with the fields it keeps from `old`.
pub(super) fn retype(old: &Value, kind: &str) -> Value {
    let mut q = Map::new();
    q.insert("id".into(), old["id"].clone());
    q.insert("type".into(), json!(kind));
    for k in ["text", "short", "hint", "required", "visible_if"] {
        if let Some(v) = old.get(k) {
            q.insert(k.into(), v.clone());
        }
    }
    match kind {
        "scale" => {
            q.insert("points".into(), json!(5));
        }
        "choice" | "multi" => {
            let options = old
                .get("options")
                .cloned()
                .unwrap_or_else(|| json!([{"id": "option-1", "label": {"ru": "Вариант 1"}}]));
            q.insert("options".into(), options);
        }
        "number" => {
            q.insert("min".into(), json!(0));
            q.insert("max".into(), json!(100));
        }
        _ => {}
    }
    Value::Object(q)
}

pub(super) fn new_question(doc: &Value, kind: &str) -> Value {
    let taken = |id: &str| {
        doc["questions"]
            .as_array()
            .is_some_and(|qs| qs.iter().any(|q| q["id"] == id))
    };
    let n = (1..).find(|n| !taken(&format!("q{n}"))).unwrap_or(1);
    let mut q = retype(&json!({"id": format!("q{n}"), "text": {"ru": ""}}), kind);
    if kind == "choice" || kind == "multi" {
        q["options"] = json!([]);
    }
    q
}

/// The problems of the definition by JSON path (empty: valid), and the survey.
pub(super) fn validate(doc: &Value) -> (Vec<(String, Message)>, Option<Survey>) {
    match Survey::from_json(&doc.to_string()) {
        Ok(s) => (Vec::new(), Some(s)),
        Err(e) => (e.problems(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::editor::edit::QuestionEdit;

    fn doc(n: usize) -> Value {
        let mut d = blank();
        d["questions"] = Value::Array((0..n).map(|i| json!({"id": format!("q{i}")})).collect());
        d
    }

    fn run(s: Rc<Ed>, actions: impl IntoIterator<Item = EdAction>) -> Rc<Ed> {
        actions.into_iter().fold(s, Reducible::reduce)
    }

    fn id(v: &str) -> EdAction {
        EdAction::Apply(Edit::SurveyId(v.into()))
    }

    fn open(s: &Ed) -> Vec<usize> {
        s.open.iter().copied().collect()
    }

    #[test]
    fn edits_undo_and_redo_in_order_and_a_new_edit_forgets_the_redo() {
        let a = doc(1);
        let s = run(
            Rc::new(Ed::default()),
            [
                EdAction::Load {
                    doc: a.clone(),
                    published: true,
                },
                id("b"),
                id("c"),
                EdAction::Undo,
            ],
        );
        assert_eq!(s.doc.as_ref().unwrap()["id"], "b");
        assert_eq!(s.origin.as_ref(), Some(&a));
        let s = run(s, [EdAction::Undo, EdAction::Undo]);
        assert_eq!(s.doc.as_ref(), Some(&a), "nothing before the load");
        let s = run(s, [EdAction::Redo, EdAction::Redo]);
        assert_eq!(s.doc.as_ref().unwrap()["id"], "c");
        let s = run(s, [EdAction::Undo, id("d"), EdAction::Redo]);
        assert_eq!(s.doc.as_ref().unwrap()["id"], "d", "the redo is gone");
        // An edit that changes nothing is no step of undo.
        let before = s.undo.len();
        let s = run(s, [id("d"), id(" d ")]);
        assert_eq!(s.undo.len(), before);
    }

    #[test]
    fn at_most_keep_edits_are_undone() {
        let mut s = Rc::new(Ed::default()).reduce(EdAction::Load {
            doc: doc(0),
            published: false,
        });
        for i in 0..KEEP + 20 {
            s = s.reduce(id(&format!("s{i}")));
        }
        assert_eq!(s.undo.len(), KEEP);
    }

    #[test]
    fn without_a_definition_an_edit_does_nothing() {
        let s = Rc::new(Ed::default()).reduce(id("x"));
        assert_eq!(*s, Ed::default());
    }

    #[test]
    fn open_cards_move_with_their_questions() {
        let s = run(
            Rc::new(Ed::default()),
            [
                EdAction::Load {
                    doc: doc(4),
                    published: false,
                },
                EdAction::OpenAll(false),
                EdAction::Toggle(1, true),
                EdAction::Toggle(3, true),
                EdAction::Apply(Edit::SwapQuestions(1, 2)),
            ],
        );
        assert_eq!(open(&s), [2, 3]);
        let s = s.reduce(EdAction::Apply(Edit::DuplicateQuestion(0)));
        assert_eq!(open(&s), [1, 3, 4], "the copy's card is open");
        let s = s.reduce(EdAction::Apply(Edit::RemoveQuestion(3)));
        assert_eq!(open(&s), [1, 3]);
        let s = s.reduce(EdAction::Apply(Edit::AddQuestion("text".into())));
        assert_eq!(open(&s), [1, 3, 4], "a new question's card is open");
        // An edit inside a question leaves the cards as they are.
        let s = s.reduce(EdAction::Apply(Edit::Question(
            0,
            QuestionEdit::Id("first".into()),
        )));
        assert_eq!(open(&s), [1, 3, 4]);
        let s = s.reduce(EdAction::OpenAll(true));
        assert_eq!(s.open.len(), 5);
    }

    #[test]
    fn a_move_past_either_end_changes_nothing() {
        let s = run(
            Rc::new(Ed::default()),
            [
                EdAction::Load {
                    doc: doc(2),
                    published: false,
                },
                EdAction::Toggle(1, true),
            ],
        );
        let after = s.clone().reduce(EdAction::Apply(Edit::SwapQuestions(1, 2)));
        assert!(Rc::ptr_eq(&s, &after));
    }
}
