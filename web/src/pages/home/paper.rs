//! The printed questionnaire, on the start page: the chosen survey as one HTML file
//! for A4 paper (`otklik_report::paper`), downloaded to be opened and printed. The
//! file is not shown in the app: the app's policy allows no other inline stylesheet,
//! and the downloaded file carries its own.

use std::rc::Rc;

use otklik_survey::Survey;
use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::services;

#[derive(Properties, PartialEq)]
pub struct PaperProps {
    pub lang: Lang,
    /// The survey chosen on the start page.
    pub survey: Rc<Survey>,
    /// The period field's value; empty leaves a line to fill in on the form.
    pub period: AttrValue,
    /// Checks the period field (showing its error) and says whether it may be used.
    pub check_period: Callback<(), bool>,
}

/// «Печать анкеты»: the options of the printed form and the button that writes it.
#[component]
pub fn PaperForm(props: &PaperProps) -> Html {
    let lang = props.lang;
    let large = use_state(|| false);
    let done = use_state(|| None::<Result<String, String>>);
    let on_large = {
        let large = large.clone();
        Callback::from(move |e: Event| {
            large.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        })
    };
    let on_print = {
        let (survey, period, check) = (
            props.survey.clone(),
            props.period.clone(),
            props.check_period.clone(),
        );
        let (large, done) = (large.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            let period = period.trim();
            if !period.is_empty() && !check.emit(()) {
                return;
            }
            let options = otklik_report::paper::Options {
                lang: lang.code().to_owned(),
                period: (!period.is_empty()).then(|| period.to_owned()),
                large: *large,
            };
            let html = otklik_report::paper::render(&survey, &options);
            let name = format!("otklik-{}-form-{}.html", survey.id, lang.code());
            done.set(Some(
                services::download(&name, "text/html", html.as_bytes()).map(|()| name),
            ));
        })
    };
    html! {
        <section class="paper-form" aria-labelledby="paper-title">
            <h2 id="paper-title">{ t(lang, "paper-title") }</h2>
            <p class="hint" id="paper-hint">{ t(lang, "paper-intro") }</p>
            <label class="check" for="paper-large">
                <input type="checkbox" id="paper-large" checked={*large} onchange={on_large} />
                { t(lang, "paper-large") }
            </label>
            <div class="actions">
                <button type="button" id="paper-print" aria-describedby="paper-hint" onclick={on_print}>
                    { t(lang, "paper-print") }
                </button>
            </div>
            <p class="hint" id="paper-status" role="status">{
                match &*done {
                    Some(Ok(name)) => format!("{} {name}", t(lang, "paper-done")),
                    Some(Err(e)) => format!("{} {e}", t(lang, "paper-failed")),
                    None => String::new(),
                }
            }</p>
        </section>
    }
}
