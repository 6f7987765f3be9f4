//! The editor's model: the definition being edited (JSON, so that a definition with
//! problems can be kept and shown), its undo and redo, and which question cards are
//! open; changed only through [`EdAction`]s.

use super::*;

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
    Edit(Value),
    Undo,
    Redo,
    Close,
    /// A card opened or closed.
    Toggle(usize, bool),
    /// Every card opened (or closed).
    OpenAll(bool),
    /// Questions `i` and `j` changed places: so do their cards' states.
    SwapOpen(usize, usize),
    /// A question was inserted at `at` (`true`) or removed from it: the cards after it
    /// move with their questions.
    ShiftOpen {
        at: usize,
        inserted: bool,
    },
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
            EdAction::Edit(doc) => {
                if s.doc.as_ref() == Some(&doc) {
                    return self;
                }
                if let Some(old) = s.doc.replace(doc) {
                    s.undo.push(old);
                    if s.undo.len() > KEEP {
                        s.undo.remove(0);
                    }
                }
                s.redo.clear();
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
            EdAction::SwapOpen(i, j) => {
                let (a, b) = (s.open.contains(&i), s.open.contains(&j));
                for (k, on) in [(i, b), (j, a)] {
                    if on {
                        s.open.insert(k);
                    } else {
                        s.open.remove(&k);
                    }
                }
            }
            EdAction::ShiftOpen { at, inserted } => {
                s.open = s
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
                    s.open.insert(at);
                }
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

/// `(ru, en)` as a text: `{"ru": …}` with `en` when given.
pub(super) fn text_value(ru: &str, en: &str) -> Value {
    let mut m = Map::new();
    m.insert("ru".into(), json!(ru));
    if !en.trim().is_empty() {
        m.insert("en".into(), json!(en));
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

    fn doc(n: usize) -> Value {
        let mut d = blank();
        d["questions"] = Value::Array((0..n).map(|i| json!({"id": format!("q{i}")})).collect());
        d
    }

    fn run(s: Rc<Ed>, actions: impl IntoIterator<Item = EdAction>) -> Rc<Ed> {
        actions.into_iter().fold(s, Reducible::reduce)
    }

    #[test]
    fn edits_undo_and_redo_in_order_and_a_new_edit_forgets_the_redo() {
        let (a, b, c) = (doc(1), doc(2), doc(3));
        let s = run(
            Rc::new(Ed::default()),
            [
                EdAction::Load {
                    doc: a.clone(),
                    published: true,
                },
                EdAction::Edit(b.clone()),
                EdAction::Edit(c.clone()),
                EdAction::Undo,
            ],
        );
        assert_eq!(s.doc.as_ref(), Some(&b));
        assert_eq!(s.origin.as_ref(), Some(&a));
        let s = run(s, [EdAction::Undo, EdAction::Undo]);
        assert_eq!(s.doc.as_ref(), Some(&a), "nothing before the load");
        let s = run(s, [EdAction::Redo, EdAction::Redo]);
        assert_eq!(s.doc.as_ref(), Some(&c));
        let s = run(s, [EdAction::Undo, EdAction::Edit(doc(4)), EdAction::Redo]);
        assert_eq!(s.doc.as_ref(), Some(&doc(4)), "the redo is gone");
        // The same document again is no edit.
        let before = s.undo.len();
        let s = run(s, [EdAction::Edit(doc(4))]);
        assert_eq!(s.undo.len(), before);
    }

    #[test]
    fn at_most_keep_edits_are_undone() {
        let mut s = Rc::new(Ed::default());
        for i in 0..KEEP + 20 {
            s = s.reduce(EdAction::Edit(doc(i)));
        }
        assert_eq!(s.undo.len(), KEEP);
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
                EdAction::SwapOpen(1, 2),
            ],
        );
        assert_eq!(s.open.iter().copied().collect::<Vec<_>>(), [2, 3]);
        let s = s.reduce(EdAction::ShiftOpen {
            at: 0,
            inserted: true,
        });
        assert_eq!(s.open.iter().copied().collect::<Vec<_>>(), [0, 3, 4]);
        let s = s.reduce(EdAction::ShiftOpen {
            at: 3,
            inserted: false,
        });
        assert_eq!(s.open.iter().copied().collect::<Vec<_>>(), [0, 3]);
        let s = s.reduce(EdAction::OpenAll(true));
        assert_eq!(s.open.len(), 4);
    }
}
