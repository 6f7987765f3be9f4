//! A bilingual text field with its errors: a Russian field (required) and an English
//! one (optional unless the definition declares English), each labelled, under one
//! legend. Each of the validator's problems with the text is listed under the field
//! it concerns (a missing translation under its language's field, any other under the
//! Russian one) and tied to that field by `aria-describedby`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub struct BilingualProps {
    /// The fields are `{id}-ru` and `{id}-en`.
    pub id: AttrValue,
    pub label: AttrValue,
    pub ru: AttrValue,
    pub en: AttrValue,
    /// The text in the definition's other languages the editor has fields for
    /// (Uzbek, Chinese), each labelled with the language's name in itself.
    #[prop_or_default]
    pub more: Vec<(Lang, AttrValue)>,
    /// The definition declares English in `languages`: the English field is required.
    #[prop_or_default]
    pub en_required: bool,
    /// More than one: multi-line fields of this many rows.
    #[prop_or(1)]
    pub rows: u32,
    /// The problems with the text, in words, each by the language whose field it
    /// concerns.
    #[prop_or_default]
    pub errors: Vec<(Lang, String)>,
    /// The interface's language.
    pub lang: Lang,
    /// A field changed: its language and its new value.
    pub on_change: Callback<(Lang, String)>,
}

#[component]
pub fn Bilingual(props: &BilingualProps) -> Html {
    let BilingualProps {
        id,
        label,
        rows,
        errors,
        lang,
        ..
    } = props;
    // A language's field with its problems.
    let one = |of: Lang, value: &AttrValue| {
        let id = format!("{id}-{}", of.code());
        let errors: Vec<String> = errors
            .iter()
            .filter(|(l, _)| *l == of)
            .map(|(_, e)| e.clone())
            .collect();
        let onchange = props.on_change.reform(move |e: Event| (of, text_value(&e)));
        let (inv, desc) = (invalid(&errors), described(&id, &errors));
        let (lang_code, value) = (of.code(), value.clone());
        let field = if *rows > 1 {
            html! { <textarea id={id.clone()} lang={lang_code} rows={rows.to_string()} value={value} {onchange}
            aria-invalid={inv} aria-describedby={desc} /> }
        } else {
            html! { <input type="text" id={id.clone()} lang={lang_code} value={value} {onchange}
            aria-invalid={inv} aria-describedby={desc} /> }
        };
        html! { <>{ field }<FieldErrors {id} {errors} /></> }
    };
    html! {
        <fieldset class="text-pair">
            <legend>{ label.clone() }</legend>
            <div class="field">
                <label for={format!("{id}-ru")}>{ t(*lang, "ed-in-russian") }</label>
                { one(Lang::Ru, &props.ru) }
            </div>
            <div class="field">
                <label for={format!("{id}-en")}>{ t(*lang, if props.en_required { "ed-in-english-declared" } else { "ed-in-english" }) }</label>
                { one(Lang::En, &props.en) }
            </div>
            { for props.more.iter().map(|(l, v)| html! {
                <div class="field">
                    <label for={format!("{id}-{}", l.code())} lang={l.code()}>{ l.native_name() }</label>
                    { one(*l, v) }
                </div>
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldErrorsProps {
    /// The field's id: the list is `{id}-error`.
    pub id: AttrValue,
    pub errors: Vec<String>,
}

/// A field's problems, as a list its field points to (nothing when there are none).
#[component]
pub fn FieldErrors(props: &FieldErrorsProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-errors error" id={format!("{}-error", props.id)}>
            { for props.errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
        </ul>
    }
}

/// `aria-invalid` of a field with these problems.
pub fn invalid(errors: &[String]) -> Option<&'static str> {
    (!errors.is_empty()).then_some("true")
}

/// `aria-describedby` of field `id` with these problems: its [`FieldErrors`].
pub fn described(id: &str, errors: &[String]) -> Option<AttrValue> {
    (!errors.is_empty()).then(|| AttrValue::from(format!("{id}-error")))
}

fn text_value(e: &Event) -> String {
    let target = e.target();
    target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()))
        .or_else(|| {
            target.as_ref().and_then(|t| {
                t.dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|a| a.value())
            })
        })
        .unwrap_or_default()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gloo::timers::future::TimeoutFuture;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn root() -> web_sys::Element {
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        root
    }

    fn props(
        errors: Vec<(Lang, String)>,
        rows: u32,
        changes: Rc<RefCell<Vec<(Lang, String)>>>,
    ) -> BilingualProps {
        BilingualProps {
            id: "t".into(),
            label: "Title".into(),
            ru: "Опрос".into(),
            en: "".into(),
            more: Vec::new(),
            en_required: false,
            rows,
            errors,
            lang: Lang::En,
            on_change: Callback::from(move |c| changes.borrow_mut().push(c)),
        }
    }

    #[wasm_bindgen_test]
    async fn each_field_carries_its_own_errors_and_says_its_language() {
        let (root, changes) = (root(), Rc::new(RefCell::new(Vec::new())));
        let errors = vec![
            (Lang::Ru, "Enter a title".to_owned()),
            (Lang::En, "Enter the translation".to_owned()),
        ];
        yew::Renderer::<Bilingual>::with_root_and_props(
            root.clone(),
            props(errors, 1, changes.clone()),
        )
        .render();
        TimeoutFuture::new(20).await;
        let get = |s: &str| root.query_selector(s).unwrap().expect(s);
        let ru = get("#t-ru")
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap();
        assert_eq!(ru.value(), "Опрос");
        assert_eq!(ru.get_attribute("lang").as_deref(), Some("ru"));
        assert_eq!(ru.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            ru.get_attribute("aria-describedby").as_deref(),
            Some("t-ru-error")
        );
        assert_eq!(
            get("#t-ru-error li").text_content().as_deref(),
            Some("Enter a title")
        );
        // A problem with the English text shows under the English field alone.
        assert_eq!(get("#t-ru-error").children().length(), 1);
        let en = get("#t-en");
        assert_eq!(en.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            en.get_attribute("aria-describedby").as_deref(),
            Some("t-en-error")
        );
        assert_eq!(
            get("#t-en-error li").text_content().as_deref(),
            Some("Enter the translation")
        );
        assert_eq!(get("legend").text_content().as_deref(), Some("Title"));
        assert_eq!(
            get("label[for=t-en]").text_content().as_deref(),
            Some("In English (optional)")
        );
        // A change says which language changed.
        let en = en.dyn_into::<web_sys::HtmlInputElement>().unwrap();
        en.set_value("Survey");
        en.dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        assert_eq!(*changes.borrow(), [(Lang::En, "Survey".to_owned())]);
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn a_long_text_gets_text_areas_and_no_errors_no_list() {
        let root = root();
        yew::Renderer::<Bilingual>::with_root_and_props(
            root.clone(),
            props(Vec::new(), 4, Default::default()),
        )
        .render();
        TimeoutFuture::new(20).await;
        let ru = root.query_selector("#t-ru").unwrap().unwrap();
        assert_eq!(ru.tag_name(), "TEXTAREA");
        assert_eq!(ru.get_attribute("rows").as_deref(), Some("4"));
        assert_eq!(ru.get_attribute("aria-invalid"), None);
        assert!(root.query_selector(".field-errors").unwrap().is_none());
        root.remove();
    }
}
