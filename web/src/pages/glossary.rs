//! The glossary: every term of the dashboard and the report explained in plain words,
//! on a page of its own and, one term at a time, where the term appears.

use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta, Lang};
use crate::state::{Action, View};

/// The terms, in the order a reader meets them. Each has `gl-{id}-term` (the term)
/// and `gl-{id}` (its explanation) in both languages.
pub const TERMS: &[&str] = &[
    "ccl",
    "index",
    "dimension",
    "nps",
    "enps",
    "ces",
    "resolution",
    "standard",
    "ci",
    "p",
    "significant",
    "n",
    "hidden",
    "drivers",
    "breakdown",
];

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    /// The term's id in [`TERMS`].
    pub term: &'static str,
    pub lang: Lang,
}

/// One term, explained where it appears: a disclosure the keyboard and screen readers
/// open like a button.
#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let lang = props.lang;
    let term = t(lang, &format!("gl-{}-term", props.term));
    html! {
        <details class="explain" data-term={props.term}>
            <summary>{ t(lang, "explain-short") }<span class="visually-hidden">{ format!(" {}", ta(lang, "explain-what", &[("term", term.into())])) }</span></summary>
            <p>{ t(lang, &format!("gl-{}", props.term)) }</p>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    pub ctx: Ctx,
}

/// The glossary page.
#[component]
pub fn Glossary(props: &GlossaryProps) -> Html {
    let lang = props.ctx.lang();
    let back = {
        let d = props.ctx.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Go(View::Dashboard)))
    };
    html! {
        <section class="card glossary" aria-labelledby="gl-title">
            <h1 id="gl-title">{ t(lang, "gl-title") }</h1>
            <p class="lead">{ t(lang, "gl-lead") }</p>
            <dl>
                { for TERMS.iter().map(|id| html! {
                    <>
                        <dt id={format!("gl-{id}")}>{ t(lang, &format!("gl-{id}-term")) }</dt>
                        <dd>{ t(lang, &format!("gl-{id}")) }</dd>
                    </>
                }) }
            </dl>
            <p><button type="button" id="gl-back" onclick={back}>{ t(lang, "gl-back") }</button></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_explained_in_both_languages() {
        for lang in [Lang::Ru, Lang::En] {
            for id in TERMS {
                for key in [format!("gl-{id}-term"), format!("gl-{id}")] {
                    let text = t(lang, &key);
                    assert_ne!(text, key, "{key} is missing in {lang:?}");
                    assert!(!text.is_empty());
                }
            }
        }
    }
}
