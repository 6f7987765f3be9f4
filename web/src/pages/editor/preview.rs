//! The survey as respondents would see it, at phone or desktop width; while the
//! definition has problems, its last version without any.

use std::rc::Rc;

use otklik_survey::runner::{self, Answers};
use otklik_survey::Survey;
use serde_json::Value;
use yew::prelude::*;

use crate::components::question::QuestionView;
use crate::i18n::{t, Lang};

#[derive(Properties, PartialEq)]
pub(super) struct PreviewProps {
    pub(super) lang: Lang,
    /// The survey shown (none: there has been no version without problems).
    pub(super) shown: Option<Rc<Survey>>,
    /// Whether it is an earlier version than the one being edited.
    pub(super) stale: bool,
    pub(super) wide: UseStateHandle<bool>,
    /// The answers given in the preview.
    pub(super) answers: UseStateHandle<Answers>,
}

#[component]
pub(super) fn Preview(props: &PreviewProps) -> Html {
    let PreviewProps {
        lang,
        wide,
        answers,
        ..
    } = props;
    let lang = *lang;
    let frame = props.shown.as_ref().map(|s| {
        let on_answer = {
            let answers = answers.clone();
            Callback::from(move |(q, v): (String, Value)| {
                let mut a = (*answers).clone();
                if v.is_null() {
                    a.remove(&q);
                } else {
                    a.insert(q, v);
                }
                answers.set(a);
            })
        };
        html! {
            <div class={classes!("ed-preview-frame", if **wide { "wide" } else { "narrow" })}>
                <h2 class="preview-title">{ s.title.get(lang.code()).to_owned() }</h2>
                { for (0..s.questions.len()).filter(|&q| runner::is_visible(s, answers, &s.questions[q])).map(|q| html! {
                    <QuestionView key={q} survey={s.clone()} index={q} answer={answers.get(&s.questions[q].id).cloned()}
                        issue={None::<runner::Issue>} {lang} on_answer={on_answer.clone()} />
                }) }
            </div>
        }
    });
    let set_wide = |w: bool| {
        let wide = wide.clone();
        Callback::from(move |_| wide.set(w))
    };
    html! {
        <aside class="ed-preview card" aria-labelledby="ed-preview-title">
            <h2 id="ed-preview-title">{ t(lang, "ed-preview") }</h2>
            <div class="ed-preview-switch" role="group" aria-label={t(lang, "ed-preview-width")}>
                <button type="button" id="ed-preview-phone" aria-pressed={(!**wide).to_string()} onclick={set_wide(false)}>{ t(lang, "ed-preview-phone") }</button>
                <button type="button" id="ed-preview-desktop" aria-pressed={wide.to_string()} onclick={set_wide(true)}>{ t(lang, "ed-preview-desktop") }</button>
            </div>
            if props.stale { <p class="note" id="ed-preview-stale">{ t(lang, "ed-preview-stale") }</p> }
            { frame.unwrap_or_else(|| html! { <p class="hint">{ t(lang, "ed-preview-invalid") }</p> }) }
        </aside>
    }
}
