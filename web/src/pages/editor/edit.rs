//! The edits the editor makes to a definition, each one step of undo. A field's value
//! is kept as typed when it does not parse (`"abc"` for a number), so that the
//! validator names the problem at its field instead of the editor dropping it.

use serde_json::{json, Value};

use super::model::{new_question, retype, text_with};
use crate::i18n::Lang;

/// A bilingual text of the definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextAt {
    /// The survey's title.
    Title,
    /// The survey's introduction (optional).
    Intro,
    /// A dimension's title.
    Dimension(usize),
    /// A question's text.
    Text(usize),
    /// A question's short text, for charts (optional).
    Short(usize),
    /// A question's hint (optional).
    Hint(usize),
    /// A number question's unit (optional).
    Unit(usize),
    /// A scale's label at its low (`false`) or high (`true`) end (optional).
    Label(usize, bool),
    /// An option's label: question, option.
    Option(usize, usize),
}

/// A number field of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Num {
    Points,
    Min,
    Max,
    StandardMax,
    MaxLength,
}

impl Num {
    fn key(self) -> &'static str {
        match self {
            Num::Points => "points",
            Num::Min => "min",
            Num::Max => "max",
            Num::StandardMax => "standard_max",
            Num::MaxLength => "max_length",
        }
    }
}

/// One edit of the definition.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Edit {
    SurveyId(String),
    Audience(String),
    MinGroup(String),
    MinGroupText(String),
    /// One of the app's languages declared in `languages`, or withdrawn (Russian
    /// cannot be).
    Language(Lang, bool),
    /// One language of a bilingual text.
    Text {
        at: TextAt,
        lang: Lang,
        value: String,
    },
    AddDimension,
    RemoveDimension(usize),
    DimensionId(usize, String),
    DimensionWeight(usize, String),
    /// A question of this type at the end.
    AddQuestion(String),
    RemoveQuestion(usize),
    /// Questions `i` and `j` change places.
    SwapQuestions(usize, usize),
    /// A copy of the question right after it, with a new id.
    DuplicateQuestion(usize),
    /// An edit of question `i`.
    Question(usize, QuestionEdit),
}

/// An edit of one question.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum QuestionEdit {
    Id(String),
    /// A new type: the fields the new type shares with the old one stay.
    Kind(String),
    Required(bool),
    /// A role, or none (empty).
    Role(String),
    /// A scale's dimension, or none (empty).
    Dimension(String),
    /// A choice that splits respondents into groups (off: the headcounts go too).
    Group(bool),
    Integer(bool),
    /// A number field, or none (empty).
    Number(Num, String),
    /// The earlier question this one depends on, or none (empty).
    VisibleIf(String),
    /// The answers of that question that show this one, comma-separated.
    VisibleValues(String),
    AddOption,
    RemoveOption(usize),
    OptionId(usize, String),
    /// An option's group size, or none (empty).
    Headcount(usize, String),
    /// A touchpoint option's channel, or none (empty).
    Channel(usize, String),
}

/// Removes `key` from `v` if it is an object.
fn remove(v: &mut Value, key: &str) {
    if let Some(m) = v.as_object_mut() {
        m.remove(key);
    }
}

/// `v` as a number of the kind `parse` reads (spaces around it ignored), or as typed.
fn number<T: std::str::FromStr + Into<Value>>(v: &str) -> Value {
    v.trim().parse::<T>().map_or(json!(v), Into::into)
}

/// Item `i` of the array `v`, if there is one.
fn at(v: &mut Value, i: usize) -> Option<&mut Value> {
    v.as_array_mut()?.get_mut(i)
}

/// An empty value removes the field; a number is kept whole when it is.
fn set_number(q: &mut Value, key: &str, v: &str) {
    let v = v.trim();
    if v.is_empty() {
        remove(q, key);
    } else {
        q[key] = v.parse::<f64>().map_or(json!(v), |n| {
            if n.fract() == 0.0 && n.abs() < 1e15 {
                json!(n as i64)
            } else {
                json!(n)
            }
        });
    }
}

/// Sets `key` to `value`, or removes it when `value` is empty.
fn set_or_remove(q: &mut Value, key: &str, value: &str) {
    if value.is_empty() {
        remove(q, key);
    } else {
        q[key] = json!(value);
    }
}

/// Appends `item` to the array at `v[key]` (made when missing).
fn push(v: &mut Value, key: &str, item: Value) {
    if !v[key].is_array() {
        v[key] = json!([]);
    }
    v[key].as_array_mut().expect("array").push(item);
}

fn len(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

/// The text at `where_` with one language changed. An optional text left without its
/// Russian is removed.
fn set_text(doc: &mut Value, where_: TextAt, lang: Lang, value: &str) {
    fn question(doc: &mut Value, i: usize) -> Option<&mut Value> {
        at(&mut doc["questions"], i)
    }
    let (parent, key, optional) = match where_ {
        TextAt::Title => (Some(doc), "title", false),
        TextAt::Intro => (Some(doc), "intro", true),
        TextAt::Dimension(k) => (at(&mut doc["dimensions"], k), "title", false),
        TextAt::Text(i) => (question(doc, i), "text", false),
        TextAt::Short(i) => (question(doc, i), "short", true),
        TextAt::Hint(i) => (question(doc, i), "hint", true),
        TextAt::Unit(i) => (question(doc, i), "unit", true),
        TextAt::Option(i, j) => (
            question(doc, i).and_then(|q| at(&mut q["options"], j)),
            "label",
            false,
        ),
        TextAt::Label(i, high) => {
            let Some(q) = question(doc, i) else { return };
            let key = if high { "max" } else { "min" };
            let text = text_with(&q["labels"][key], lang.code(), value);
            if text["ru"] == "" {
                if let Some(m) = q["labels"].as_object_mut() {
                    m.remove(key);
                }
            } else {
                if !q["labels"].is_object() {
                    q["labels"] = json!({});
                }
                q["labels"][key] = text;
            }
            if q["labels"].as_object().is_some_and(|m| m.is_empty()) {
                remove(q, "labels");
            }
            return;
        }
    };
    let Some(parent) = parent else { return };
    let text = text_with(parent.get(key).unwrap_or(&Value::Null), lang.code(), value);
    if optional && text["ru"] == "" {
        remove(parent, key);
    } else {
        parent[key] = text;
    }
}

impl Edit {
    /// Makes this edit to `doc`.
    pub(super) fn apply(&self, doc: &mut Value) {
        match self {
            Edit::SurveyId(v) => doc["id"] = json!(v.trim()),
            Edit::Audience(v) => doc["audience"] = json!(v),
            Edit::MinGroup(v) => doc["min_group"] = number::<u64>(v),
            Edit::MinGroupText(v) => doc["min_group_text"] = number::<u64>(v),
            Edit::Language(l, on) => set_language(doc, *l, *on),
            Edit::Text { at, lang, value } => set_text(doc, *at, *lang, value),
            Edit::AddDimension => {
                let n = len(&doc["dimensions"]) + 1;
                let dim = json!({"id": format!("dim{n}"), "title": {"ru": ""}, "weight": 1});
                push(doc, "dimensions", dim);
            }
            Edit::RemoveDimension(k) => {
                if let Some(a) = doc["dimensions"].as_array_mut() {
                    if *k < a.len() {
                        a.remove(*k);
                    }
                }
            }
            Edit::DimensionId(k, v) => {
                if let Some(dim) = at(&mut doc["dimensions"], *k) {
                    dim["id"] = json!(v.trim());
                }
            }
            Edit::DimensionWeight(k, v) => {
                if let Some(dim) = at(&mut doc["dimensions"], *k) {
                    dim["weight"] = number::<f64>(v);
                }
            }
            Edit::AddQuestion(kind) => {
                let q = new_question(doc, kind);
                push(doc, "questions", q);
            }
            Edit::RemoveQuestion(i) => {
                if let Some(a) = doc["questions"].as_array_mut() {
                    if *i < a.len() {
                        a.remove(*i);
                    }
                }
            }
            Edit::SwapQuestions(i, j) => {
                if let Some(a) = doc["questions"].as_array_mut() {
                    if *i < a.len() && *j < a.len() {
                        a.swap(*i, *j);
                    }
                }
            }
            Edit::DuplicateQuestion(i) => {
                if let Some(a) = doc["questions"].as_array_mut() {
                    let Some(original) = a.get(*i) else { return };
                    let mut copy = original.clone();
                    let id = copy["id"].as_str().unwrap_or("q").to_owned();
                    let taken = |c: &str| a.iter().any(|q| q["id"] == c);
                    let new_id = (2..)
                        .map(|n| format!("{id}-{n}"))
                        .find(|c| !taken(c))
                        .expect("some id");
                    copy["id"] = json!(new_id);
                    a.insert(i + 1, copy);
                }
            }
            Edit::Question(i, e) => {
                if let Some(q) = at(&mut doc["questions"], *i) {
                    e.apply(q);
                }
            }
        }
    }
}

impl QuestionEdit {
    /// Makes this edit to question `q`.
    fn apply(&self, q: &mut Value) {
        match self {
            QuestionEdit::Id(v) => q["id"] = json!(v.trim()),
            QuestionEdit::Kind(kind) => *q = retype(q, kind),
            QuestionEdit::Required(on) | QuestionEdit::Integer(on) => {
                let key = if matches!(self, QuestionEdit::Required(_)) {
                    "required"
                } else {
                    "integer"
                };
                if *on {
                    q[key] = json!(true);
                } else {
                    remove(q, key);
                }
            }
            QuestionEdit::Role(v) => set_or_remove(q, "role", v),
            QuestionEdit::Dimension(v) => set_or_remove(q, "dimension", v),
            QuestionEdit::Group(on) => {
                if *on {
                    q["group"] = json!(true);
                } else {
                    remove(q, "group");
                    if let Some(a) = q["options"].as_array_mut() {
                        a.iter_mut().for_each(|o| remove(o, "headcount"));
                    }
                }
            }
            QuestionEdit::Number(field, v) => set_number(q, field.key(), v),
            QuestionEdit::VisibleIf(v) => {
                if v.is_empty() {
                    remove(q, "visible_if");
                } else {
                    q["visible_if"] = json!({"question": v, "in": []});
                }
            }
            QuestionEdit::VisibleValues(v) => {
                let values: Vec<Value> = v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| s.parse::<i64>().map_or(json!(s), |n| json!(n)))
                    .collect();
                if q["visible_if"].is_object() {
                    q["visible_if"]["in"] = json!(values);
                }
            }
            QuestionEdit::AddOption => {
                let n = len(&q["options"]) + 1;
                push(
                    q,
                    "options",
                    json!({"id": format!("option-{n}"), "label": {"ru": ""}}),
                );
            }
            QuestionEdit::RemoveOption(j) => {
                if let Some(a) = q["options"].as_array_mut() {
                    if *j < a.len() {
                        a.remove(*j);
                    }
                }
            }
            QuestionEdit::OptionId(j, v) => {
                if let Some(o) = at(&mut q["options"], *j) {
                    o["id"] = json!(v.trim());
                }
            }
            QuestionEdit::Headcount(j, v) => {
                let (Some(o), v) = (at(&mut q["options"], *j), v.trim()) else {
                    return;
                };
                if v.is_empty() {
                    remove(o, "headcount");
                } else {
                    o["headcount"] = number::<u64>(v);
                }
            }
            QuestionEdit::Channel(j, v) => {
                if let Some(o) = at(&mut q["options"], *j) {
                    set_or_remove(o, "channel", v);
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;

/// The languages the survey is given in, as the editor shows them: the declared list,
/// or without one Russian and the languages of the title.
pub(super) fn languages(doc: &Value) -> Vec<String> {
    match doc.get("languages").and_then(Value::as_array) {
        Some(a) => a
            .iter()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect(),
        None => {
            let title = doc["title"].as_object();
            Lang::ALL
                .iter()
                .map(|l| l.code())
                .filter(|c| *c == "ru" || title.is_some_and(|t| t.contains_key(*c)))
                .map(str::to_owned)
                .collect()
        }
    }
}

/// Declares `lang` in `languages` or withdraws it; the list is written whole: Russian
/// first, then the app's languages in their order, then any others as they were.
fn set_language(doc: &mut Value, lang: Lang, on: bool) {
    if lang == Lang::Ru {
        return;
    }
    let mut codes = languages(doc);
    codes.retain(|c| c != lang.code());
    if on {
        codes.push(lang.code().to_owned());
    }
    if !codes.iter().any(|c| c == "ru") {
        codes.insert(0, "ru".to_owned());
    }
    let rank = |c: &String| {
        Lang::ALL
            .iter()
            .position(|l| l.code() == c)
            .unwrap_or(Lang::ALL.len())
    };
    codes.sort_by_key(rank);
    doc["languages"] = json!(codes);
}
