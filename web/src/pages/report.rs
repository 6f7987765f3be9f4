//! The yearly report for the General Meeting: choose the surveys, the year and what
//! to compare with, preview the report, edit the recommendations, and download it as
//! HTML (print to PDF), DOCX, XLSX or CSV. The report is built by `otklik-report` in
//! the worker, from the same data as the dashboard; this page only asks and shows.

use std::rc::Rc;

use base64::prelude::*;
use otklik_survey::fmt;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ctx::Ctx;
use crate::i18n::{t, ta, Both, Lang};
use crate::services;
use crate::services::engine;
use crate::services::library;
use crate::worker::protocol::{Failure, Reply, ReportFile, ReportParams};

/// One survey's data as loaded for the report.
#[derive(Debug, Clone, PartialEq)]
struct Set {
    id: String,
    title: String,
    token: String,
    demo: bool,
    total: u64,
    years: Vec<u16>,
}

/// What the user chose.
#[derive(Debug, Clone, PartialEq)]
struct Choice {
    surveys: Vec<String>,
    year: Option<u16>,
    /// `None`: every earlier year.
    compare: Option<u16>,
    organisation: String,
    lang: Lang,
    prepared: String,
    recommendations: Option<String>,
}

/// The preview and what came with it.
#[derive(Debug, Clone, PartialEq, Default)]
struct Built {
    /// How many previews have been built (for waiting on the next one).
    count: u64,
    html: Option<Rc<str>>,
    generated: String,
    error: Option<Both>,
    seconds: Option<f64>,
}

const ORG_PREF: &str = "otklik.organisation";

fn years_of(periods: &[String]) -> Vec<u16> {
    let mut years: Vec<u16> = periods
        .iter()
        .filter_map(|p| p.get(..4)?.parse().ok())
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The surveys with data on the device; with none at all, the templates with demo data.
async fn load_sets(lang: Lang) -> Vec<Set> {
    let (surveys, files) = library::read().await;
    let with_files: Vec<_> = surveys
        .iter()
        .filter(|(s, _)| files.iter().any(|f| f.survey == s.id))
        .cloned()
        .collect();
    let chosen = if with_files.is_empty() {
        library::templates()
    } else {
        with_files
    };
    let mut sets = Vec::new();
    for (survey, source) in chosen {
        let loaded = library::load(&survey, &source, &files).await;
        sets.push(Set {
            id: survey.id.clone(),
            title: survey.title.get(lang.code()).to_owned(),
            token: loaded.token,
            demo: loaded.demo,
            total: loaded.reply.as_ref().map_or(0, |l| l.total),
            years: loaded
                .reply
                .as_ref()
                .map(|l| years_of(&l.periods))
                .unwrap_or_default(),
        });
    }
    sets
}

/// The report in `format`. For DOCX the charts are first drawn as PNG by the
/// browser (the app carries no font or SVG renderer of its own).
async fn fetch(sets: &[Set], c: &Choice, year: u16, format: &str) -> Reply<ReportFile> {
    let (tokens, params) = request(sets, c, year);
    if format != "docx" {
        return engine::report(tokens, params, format, None).await;
    }
    let charts = engine::report_charts(tokens.clone(), params.clone()).await?;
    let mut images = Vec::new();
    for svg in charts {
        match services::draw_svg(&svg, otklik_report::CHART_SCALE).await {
            Ok(png) => images.push(png),
            Err(e) => return Err(Failure::of(Both::One(e))),
        }
    }
    engine::report(tokens, params, format, Some(images)).await
}

/// The data sets chosen and the report's parameters.
fn request(sets: &[Set], c: &Choice, year: u16) -> (Vec<String>, ReportParams) {
    let tokens = sets
        .iter()
        .filter(|s| c.surveys.contains(&s.id))
        .map(|s| s.token.clone())
        .collect();
    let organisation = if c.organisation.is_empty() {
        match c.lang {
            Lang::Ru => "Организация",
            _ => "Organisation",
        }
    } else {
        c.organisation.as_str()
    };
    let params = ReportParams {
        year,
        compare: c.compare.into_iter().collect(),
        organisation: organisation.to_owned(),
        lang: c.lang.code().to_owned(),
        prepared: c.prepared.clone(),
        recommendations: c.recommendations.clone(),
    };
    (tokens, params)
}

fn first_error(failure: Failure) -> Both {
    failure
        .errors
        .into_iter()
        .next()
        .unwrap_or_else(|| Both::One("the report could not be built".to_owned()))
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub ctx: Ctx,
}

#[component]
pub fn ReportPage(props: &ReportProps) -> Html {
    let lang = props.ctx.lang();
    let sets = use_state(|| None::<Rc<Vec<Set>>>);
    let choice = use_state(|| Choice {
        surveys: Vec::new(),
        year: None,
        compare: None,
        organisation: services::pref(ORG_PREF).unwrap_or_default(),
        lang,
        prepared: services::today(),
        recommendations: None,
    });
    let built = use_state(Built::default);
    let busy = use_state(|| false);
    let draft = use_state(|| None::<String>);
    let failure = use_state(|| None::<Both>);
    let generation = use_mut_ref(|| 0u64);

    // Load the data, and again whenever the stored files change (an import started on
    // the dashboard may finish after the manager has come here, or run in another
    // tab). A year still present stays chosen; so does the manager's choice of surveys,
    // and a survey that had no data before is added.
    let loads = library::use_data_changes(false);
    {
        let (sets, choice) = (sets.clone(), choice.clone());
        // Only the latest of overlapping loads is kept.
        let latest = use_mut_ref(|| 0u64);
        use_effect_with(loads, move |loads| {
            *latest.borrow_mut() = *loads;
            let mine = *loads;
            spawn_local(async move {
                let loaded = load_sets(lang).await;
                if *latest.borrow() != mine {
                    return;
                }
                let mut c = (*choice).clone();
                let before: Vec<String> = (*sets)
                    .iter()
                    .flat_map(|l| l.iter().map(|s| s.id.clone()))
                    .collect();
                c.surveys = loaded
                    .iter()
                    .map(|s| s.id.clone())
                    .filter(|id| !before.contains(id) || c.surveys.contains(id))
                    .collect();
                let kept = c
                    .year
                    .filter(|y| loaded.iter().any(|s| s.years.contains(y)));
                c.year = kept.or_else(|| loaded.iter().flat_map(|s| s.years.last()).max().copied());
                choice.set(c);
                sets.set(Some(Rc::new(loaded)));
            });
        });
    }

    // Build the preview whenever the choice changes.
    {
        let (built, busy, draft) = (built.clone(), busy.clone(), draft.clone());
        let generation = generation.clone();
        let deps = ((*choice).clone(), sets.as_ref().map(Rc::as_ptr));
        let sets = (*sets).clone();
        use_effect_with(deps, move |(c, _)| {
            let c = c.clone();
            if let (Some(sets), Some(year)) = (sets, c.year) {
                *generation.borrow_mut() += 1;
                let mine = *generation.borrow();
                busy.set(true);
                spawn_local(async move {
                    let started = services::now_ms();
                    let (tokens, params) = request(&sets, &c, year);
                    let reply = engine::report(tokens, params, "html", None).await;
                    if *generation.borrow() != mine {
                        return;
                    }
                    let seconds = (services::now_ms() - started) / 1000.0;
                    busy.set(false);
                    let count = built.count + 1;
                    match reply {
                        Ok(file) => {
                            if c.recommendations.is_none() {
                                draft.set(None);
                            }
                            built.set(Built {
                                count,
                                html: file.text.as_deref().map(Rc::from),
                                generated: file.generated,
                                error: None,
                                seconds: Some(seconds),
                            });
                        }
                        Err(f) => built.set(Built {
                            count,
                            error: Some(first_error(f)),
                            ..Built::default()
                        }),
                    }
                });
            }
        });
    }

    let Some(loaded) = (*sets).clone() else {
        return html! {
            <section class="report-page" aria-labelledby="report-title">
                <h1 id="report-title">{ t(lang, "report-title") }</h1>
                <p role="status" class="working">{ t(lang, "report-loading") }</p>
            </section>
        };
    };

    let set = |f: Box<dyn Fn(&mut Choice)>| {
        let choice = choice.clone();
        move || {
            let mut c = (*choice).clone();
            f(&mut c);
            choice.set(c);
        }
    };
    let on_survey = {
        let choice = choice.clone();
        Callback::from(move |(id, on): (String, bool)| {
            let mut c = (*choice).clone();
            c.surveys.retain(|s| *s != id);
            if on {
                c.surveys.push(id);
            }
            choice.set(c);
        })
    };
    let select_value = |e: &Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    };
    let input_value = |e: &Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    let on_year = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut c = (*choice).clone();
            c.year = select_value(&e).parse().ok();
            c.compare = c.compare.filter(|y| Some(*y) < c.year);
            choice.set(c);
        })
    };
    let on_compare = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut c = (*choice).clone();
            c.compare = select_value(&e).parse().ok();
            choice.set(c);
        })
    };
    let on_lang = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut c = (*choice).clone();
            c.lang = Lang::from_code(&select_value(&e));
            c.recommendations = None;
            choice.set(c);
        })
    };
    let on_org = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut c = (*choice).clone();
            c.organisation = input_value(&e).trim().to_owned();
            services::set_pref(ORG_PREF, &c.organisation);
            choice.set(c);
        })
    };
    let on_prepared = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let v = input_value(&e);
            if !v.is_empty() {
                let mut c = (*choice).clone();
                c.prepared = v;
                choice.set(c);
            }
        })
    };
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(Some(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            ))
        })
    };
    let apply = {
        let draft = (*draft).clone();
        let generated = built.generated.clone();
        set(Box::new(move |c| {
            c.recommendations = draft
                .clone()
                .filter(|d| d.trim() != generated.trim() && !d.trim().is_empty());
        }))
    };
    let on_apply = Callback::from(move |_: MouseEvent| apply());
    let reset = {
        let draft = draft.clone();
        let f = set(Box::new(|c| c.recommendations = None));
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            f();
        })
    };
    let download = |format: &'static str, mime: &'static str| {
        let (choice, loaded, busy, failure) = (
            choice.clone(),
            loaded.clone(),
            busy.clone(),
            failure.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (c, loaded, busy, failure) = (
                (*choice).clone(),
                loaded.clone(),
                busy.clone(),
                failure.clone(),
            );
            let Some(year) = c.year else { return };
            spawn_local(async move {
                busy.set(true);
                let reply = fetch(&loaded, &c, year, format).await;
                busy.set(false);
                let bytes =
                    reply
                        .map_err(first_error)
                        .and_then(|file| match (file.text, file.base64) {
                            (Some(text), _) => Ok(text.into_bytes()),
                            (None, Some(b64)) => BASE64_STANDARD
                                .decode(b64)
                                .map_err(|e| Both::One(format!("bad base64: {e}"))),
                            (None, None) => Err(Both::One("an empty report".to_owned())),
                        });
                let saved = bytes.and_then(|bytes| {
                    let name = format!("otklik-report-{year}.{format}");
                    services::download(&name, mime, &bytes).map_err(Both::One)
                });
                failure.set(saved.err());
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| services::print_frame("report-preview"));

    let c = &*choice;
    let in_report: Vec<&Set> = loaded
        .iter()
        .filter(|s| c.surveys.contains(&s.id))
        .collect();
    let mut years: Vec<u16> = in_report.iter().flat_map(|s| s.years.clone()).collect();
    years.sort_unstable();
    years.dedup();
    let earlier: Vec<u16> = years
        .iter()
        .copied()
        .filter(|y| Some(*y) < c.year)
        .collect();
    let demo = in_report.iter().any(|s| s.demo);
    let recommendations = (*draft)
        .clone()
        .or_else(|| c.recommendations.clone())
        .unwrap_or_else(|| built.generated.clone());
    let ready = built.html.is_some() && !*busy;
    let title = |s: &Set| {
        ta(
            lang,
            "report-survey-option",
            &[("title", s.title.clone().into()), ("n", s.total.into())],
        )
    };

    html! {
        <section class="report-page" aria-labelledby="report-title">
            <h1 id="report-title">{ t(lang, "report-title") }</h1>
            <p class="lead">{ t(lang, "report-lead") }</p>
            if demo {
                <p class="demo-banner">{ t(lang, "report-demo") }</p>
            }
            <div class="report-layout">
            <form class="card report-form" aria-labelledby="report-settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <h2 id="report-settings">{ t(lang, "report-settings") }</h2>
                <fieldset class="field">
                    <legend>{ t(lang, "report-surveys") }</legend>
                    { for loaded.iter().map(|s| {
                        let id = s.id.clone();
                        let on = on_survey.clone();
                        let checked = c.surveys.contains(&s.id);
                        let onchange = Callback::from(move |e: Event| {
                            on.emit((id.clone(), e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
                        });
                        html! {
                            <label class="check">
                                <input type="checkbox" name="report-survey" value={s.id.clone()} {checked} {onchange} />
                                { title(s) }
                            </label>
                        }
                    }) }
                </fieldset>
                <div class="field">
                    <label for="report-year">{ t(lang, "report-year") }</label>
                    <select id="report-year" onchange={on_year}>
                        { for years.iter().rev().map(|y| html! { <option value={y.to_string()} selected={Some(*y) == c.year}>{ y }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="report-compare">{ t(lang, "report-compare-with") }</label>
                    <select id="report-compare" onchange={on_compare} disabled={earlier.is_empty()}>
                        <option value="" selected={c.compare.is_none()}>{ t(lang, "report-compare-all") }</option>
                        { for earlier.iter().rev().map(|y| html! { <option value={y.to_string()} selected={Some(*y) == c.compare}>{ y }</option> }) }
                    </select>
                </div>
                <div class="field">
                    <label for="report-org">{ t(lang, "report-organisation") }</label>
                    <input id="report-org" type="text" value={c.organisation.clone()} onchange={on_org} autocomplete="organization"
                        placeholder={if c.lang == Lang::Ru { "Организация" } else { "Organisation" }} />
                </div>
                <div class="field">
                    <label for="report-lang">{ t(lang, "report-language") }</label>
                    <select id="report-lang" onchange={on_lang}>
                        <option value="ru" selected={c.lang == Lang::Ru}>{ "Русский" }</option>
                        <option value="en" selected={c.lang == Lang::En}>{ "English" }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="report-prepared">{ t(lang, "report-prepared") }</label>
                    <input id="report-prepared" type="date" value={c.prepared.clone()} onchange={on_prepared} />
                    <p class="hint">{ t(lang, "report-prepared-hint") }</p>
                </div>
                <div class="field">
                    <label for="report-recommendations">{ t(lang, "report-recommendations") }</label>
                    <textarea id="report-recommendations" rows="8" value={recommendations} oninput={on_draft}
                        aria-describedby="report-recommendations-hint" />
                    <p class="hint" id="report-recommendations-hint">{ t(lang, "report-recommendations-hint") }</p>
                    <div class="actions">
                        <button type="button" id="report-apply" onclick={on_apply}>{ t(lang, "report-apply") }</button>
                        <button type="button" id="report-reset" onclick={reset} disabled={c.recommendations.is_none() && draft.is_none()}>{ t(lang, "report-reset") }</button>
                    </div>
                </div>
            </form>
            <section class="card report-output" aria-labelledby="report-output-title">
                <h2 id="report-output-title">{ t(lang, "report-output") }</h2>
                <div class="downloads" role="group" aria-label={t(lang, "report-downloads")}>
                    <button type="button" class="primary" id="report-html" disabled={!ready} onclick={download("html", "text/html")}>{ t(lang, "report-download-html") }</button>
                    <button type="button" id="report-docx" disabled={!ready} onclick={download("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")}>{ t(lang, "report-download-docx") }</button>
                    <button type="button" id="report-xlsx" disabled={!ready} onclick={download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}>{ t(lang, "report-download-xlsx") }</button>
                    <button type="button" id="report-csv" disabled={!ready} onclick={download("csv", "text/csv")}>{ t(lang, "report-download-csv") }</button>
                    <button type="button" id="report-print" disabled={!ready} onclick={on_print}>{ t(lang, "report-print") }</button>
                </div>
                <p role="status" id="report-status" class="working" data-seconds={built.seconds.map(|s| format!("{s:.3}"))} data-build={built.count.to_string()}>
                    if *busy {
                        { t(lang, "report-building") }
                    } else if let Some(s) = built.seconds {
                        { ta(lang, "report-built", &[("seconds", fmt::num(s, 1, lang).into())]) }
                    }
                </p>
                if let Some(e) = built.error.as_ref().or(failure.as_ref()) {
                    <div class="error-summary" role="alert" id="report-error"><p>{ e.get(lang) }</p></div>
                }
                if c.surveys.is_empty() {
                    <p class="note">{ t(lang, "report-choose-survey") }</p>
                }
                if let Some(html) = &built.html {
                    <iframe id="report-preview" class="report-preview" title={t(lang, "report-preview")}
                        sandbox="allow-same-origin allow-modals" srcdoc={html.to_string()} />
                }
            </section>
            </div>
        </section>
    }
}
