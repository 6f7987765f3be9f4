//! The light respondent build's only screen outside a survey: where to answer, and
//! the way to the organiser's app (the full build, which the same address loads
//! when it carries no survey, or `?full`).

use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::t;
use crate::services;
use crate::services::embed::Mode;

#[derive(Properties, PartialEq)]
pub struct LandingProps {
    pub ctx: Ctx,
}

/// The address of the full app for this page: the same file, `?full`, the same
/// fragment (a survey handed out for a kiosk is set up there).
pub fn full_app(href: &str) -> String {
    let (page, fragment) = match href.find('#') {
        Some(i) => (&href[..i], &href[i..]),
        None => (href, ""),
    };
    let page = page.split('?').next().unwrap_or(page);
    format!("{page}?full{fragment}")
}

#[component]
pub fn Landing(props: &LandingProps) -> Html {
    let ctx = &props.ctx;
    let lang = ctx.lang();
    let kiosk_link = ctx
        .state
        .embedded
        .as_ref()
        .is_some_and(|e| e.mode == Mode::Kiosk);
    // A survey for a kiosk is set up by the organiser, in the full app.
    use_effect_with(kiosk_link, |kiosk_link| {
        if *kiosk_link {
            gloo::utils::window()
                .location()
                .replace(&full_app(&services::location().1))
                .ok();
        }
    });
    use_effect_with((), |_| services::focus("landing-title"));
    html! {
        <section class="card" aria-labelledby="landing-title">
            <h1 id="landing-title" tabindex="-1">{ t(lang, "landing-title") }</h1>
            <p>{ t(lang, "landing-text") }</p>
            <p><a id="landing-full" href={full_app(&services::location().1)}>{ t(lang, "landing-full") }</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::full_app;

    #[test]
    fn the_full_app_is_the_same_page_with_full_and_the_same_fragment() {
        assert_eq!(
            full_app("http://h/app/index.html#s=abc"),
            "http://h/app/index.html?full#s=abc"
        );
        assert_eq!(
            full_app("http://h/app/?x=1#s=abc"),
            "http://h/app/?full#s=abc"
        );
        assert_eq!(
            full_app("file:///d/otklik.html"),
            "file:///d/otklik.html?full"
        );
    }
}
