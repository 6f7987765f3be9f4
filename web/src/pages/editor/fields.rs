//! What every part of the form shares: the [`Form`] (language, problems, where edits
//! go), a plain field, a checkbox and a bilingual text, each with the validator's
//! problems beside it.

use std::rc::Rc;

use otklik_survey::Message;
use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::edit::{Edit, TextAt};
use super::model::text_pair;
use super::problems::{natural, translation, under};
use crate::components::bilingual::{described, invalid, Bilingual, FieldErrors};
use crate::i18n::Lang;

/// What the form's parts need from the page.
#[derive(Clone, PartialEq)]
pub(super) struct Form {
    pub(super) lang: Lang,
    /// The languages the definition declares besides Russian and English that the
    /// editor has fields for (Uzbek, Chinese).
    pub(super) more: Rc<Vec<Lang>>,
    /// English is declared in `languages`: every text needs it.
    pub(super) en_required: bool,
    /// The definition's problems by JSON path.
    pub(super) problems: Rc<Vec<(String, Message)>>,
    pub(super) on_edit: Callback<Edit>,
}

impl Form {
    /// The problems with `field` (a JSON path) and what is inside it, in words; those
    /// inside it are named by the rest of their path.
    pub(super) fn errors(&self, field: &str) -> Vec<String> {
        self.problems
            .iter()
            .filter(|(p, _)| under(p, field))
            .map(|(p, m)| self.say(field, p, m))
            .collect()
    }

    /// The problems with the text at `field`, each by the language whose field it
    /// shows under: a missing translation under that language's field, when the
    /// editor has one; every other problem under the Russian field.
    pub(super) fn text_errors(&self, field: &str) -> Vec<(Lang, String)> {
        let has_field = |l: Lang| l == Lang::En || self.more.contains(&l);
        self.problems
            .iter()
            .filter(|(p, _)| under(p, field))
            .map(|(p, m)| {
                let of = p
                    .strip_prefix(field)
                    .and_then(|rest| rest.strip_prefix('.'))
                    .and_then(translation)
                    .filter(|&l| has_field(l));
                (of.unwrap_or(Lang::Ru), self.say(field, p, m))
            })
            .collect()
    }

    /// Problem `m` at `path`, shown at `field`, in words: named by the rest of its
    /// path when it is inside the field, but for a text's own languages.
    fn say(&self, field: &str, path: &str, m: &Message) -> String {
        let rest = path.strip_prefix(field).unwrap_or("");
        let words = natural(self.lang, path, m);
        let own_language = |code: &str| code == "ru" || translation(code).is_some();
        match rest.strip_prefix('.') {
            _ if rest.is_empty() => words,
            Some(code) if own_language(code) => words,
            _ => format!("{}: {words}", rest.trim_start_matches('.')),
        }
    }

    /// A callback that makes the edit `f` of the value it is given.
    pub(super) fn on<T: 'static>(&self, f: impl Fn(T) -> Edit + 'static) -> Callback<T> {
        self.on_edit.reform(f)
    }

    /// A callback that makes `edit` whatever it is given.
    pub(super) fn does<T: 'static>(&self, edit: Edit) -> Callback<T> {
        self.on_edit.reform(move |_| edit.clone())
    }
}

/// The value of the input, select or text area an event came from.
pub(super) fn field_value(e: &Event) -> String {
    let t = e.target();
    t.as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        .or_else(|| {
            t.as_ref()
                .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
        })
        .or_else(|| {
            t.as_ref().and_then(|t| {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|a| a.value())
            })
        })
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub(super) struct InputProps {
    pub(super) form: Form,
    pub(super) id: AttrValue,
    pub(super) label: AttrValue,
    /// The JSON path whose problems show here.
    pub(super) field: AttrValue,
    pub(super) value: AttrValue,
    #[prop_or("text")]
    pub(super) kind: &'static str,
    pub(super) on_change: Callback<String>,
}

/// A labelled one-line field.
#[component]
pub(super) fn Input(props: &InputProps) -> Html {
    let errors = props.form.errors(&props.field);
    let id = props.id.clone();
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <input type={props.kind} id={id.clone()} value={props.value.clone()}
                onchange={props.on_change.reform(|e: Event| field_value(&e))}
                aria-invalid={invalid(&errors)} aria-describedby={described(&id, &errors)} />
            <FieldErrors {id} {errors} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct CheckProps {
    pub(super) id: AttrValue,
    pub(super) label: AttrValue,
    pub(super) checked: bool,
    pub(super) on_change: Callback<bool>,
}

/// A labelled checkbox.
#[component]
pub(super) fn Check(props: &CheckProps) -> Html {
    let onchange = props.on_change.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .checked()
    });
    html! {
        <div class="field check-field">
            <label class="check" for={props.id.clone()}>
                <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} />
                { props.label.clone() }
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct TextProps {
    pub(super) form: Form,
    pub(super) id: AttrValue,
    pub(super) label: AttrValue,
    /// The JSON path whose problems show here.
    pub(super) field: AttrValue,
    /// The text as it is (a map of languages, a string, or nothing).
    pub(super) value: Value,
    pub(super) at: TextAt,
    #[prop_or(1)]
    pub(super) rows: u32,
}

/// A bilingual text of the definition.
#[component]
pub(super) fn Text(props: &TextProps) -> Html {
    let (ru, en) = text_pair(&props.value);
    let more: Vec<(Lang, AttrValue)> = props
        .form
        .more
        .iter()
        .map(|l| {
            let v = props
                .value
                .get(l.code())
                .and_then(Value::as_str)
                .unwrap_or("");
            (*l, AttrValue::from(v.to_owned()))
        })
        .collect();
    let at = props.at;
    html! {
        <Bilingual id={props.id.clone()} label={props.label.clone()} ru={ru} en={en} {more} rows={props.rows} en_required={props.form.en_required}
            errors={props.form.text_errors(&props.field)} lang={props.form.lang}
            on_change={props.form.on(move |(lang, value)| Edit::Text { at, lang, value })} />
    }
}
