//! The respondent's language chooser: every language of the survey, each named in
//! itself, so that whoever reads it finds their own.

use yew::prelude::*;

use crate::i18n::{language_name, t, Lang};

#[derive(Properties, PartialEq)]
pub struct LangChoiceProps {
    /// The language codes offered, in order.
    pub codes: Vec<String>,
    /// The code chosen now.
    pub current: AttrValue,
    /// The interface's language (the label's).
    pub lang: Lang,
    pub on_choose: Callback<String>,
}

#[component]
pub fn LangChoice(props: &LangChoiceProps) -> Html {
    let onchange = props.on_choose.reform(|e: Event| {
        use wasm_bindgen::JsCast;
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    });
    // The select shows the language chosen now in every browser, also when the
    // choice changes without it (a kiosk's next respondent starts in Russian).
    use_effect_with(props.current.clone(), |current| {
        crate::services::select_value("lang-choice", current)
    });
    html! {
        <div class="lang-choice">
            <label for="lang-choice">{ t(props.lang, "lang-choose") }</label>
            <select id="lang-choice" {onchange}>
                { for props.codes.iter().map(|c| html! {
                    <option value={c.clone()} lang={c.clone()} selected={*c == *props.current}>{ language_name(c) }</option>
                }) }
            </select>
        </div>
    }
}
