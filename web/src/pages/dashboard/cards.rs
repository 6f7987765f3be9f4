//! The indicator cards of the period shown: a figure with its interval, its change
//! from the period before, and what it means.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct CardsProps {
    pub(super) survey: Rc<Survey>,
    pub(super) analysis: Rc<Analysis>,
    pub(super) period: String,
    pub(super) lang: Lang,
    pub(super) on_glossary: Callback<MouseEvent>,
}

struct Card {
    id: String,
    title: String,
    /// The full question, when the card is about one question.
    desc: Option<String>,
    /// The glossary term that explains the figure.
    term: &'static str,
    value: Option<(f64, Option<[f64; 2]>, u64)>,
    percent: bool,
    figure: FigureId,
}

#[component]
pub(super) fn Cards(props: &CardsProps) -> Html {
    let lang = props.lang;
    let s = &props.survey;
    let k = props.analysis.min_group;
    let Some(g) = group_for(&props.analysis, &props.period) else {
        return html! {
            <section class="cards" aria-labelledby="cards-title">
                <h2 id="cards-title">{ ta(lang, "dash-cards", &[("period", props.period.clone().into())]) }</h2>
                <p class="suppressed">{ ta(lang, "dash-suppressed", &[("k", k.into())]) }</p>
            </section>
        };
    };
    let qtext = |id: &str| {
        s.question(id)
            .map_or(id.to_owned(), |q| q.text.get(lang.code()).to_owned())
    };
    let qlabel = |id: &str| {
        s.question(id)
            .map_or(id.to_owned(), |q| q.label(lang.code()).to_owned())
    };
    let mut cards = Vec::new();
    if let Some(ccl) = &g.ccl {
        cards.push(Card {
            id: "ccl".into(),
            title: t(lang, "dash-ccl"),
            desc: None,
            term: "ccl",
            value: ccl.shown().map(|l| (l.value, l.ci95, l.n)),
            percent: false,
            figure: FigureId::Ccl,
        });
    }
    for (id, d) in &g.dimensions {
        let title = s
            .dimensions
            .iter()
            .find(|x| x.id == *id)
            .map_or(id.clone(), |x| x.title.get(lang.code()).to_owned());
        cards.push(Card {
            id: format!("dim-{id}"),
            title,
            desc: None,
            term: "dimension",
            value: d.shown().map(|d| (d.index, d.ci95, d.n)),
            percent: false,
            figure: FigureId::Dimension(id.clone()),
        });
    }
    for (id, n) in &g.nps {
        let internal = s.audience == otklik_survey::Audience::Internal;
        let title = if internal {
            t(lang, "dash-enps")
        } else {
            ta(lang, "dash-nps", &[("q", qlabel(id).into())])
        };
        cards.push(Card {
            id: format!("nps-{id}"),
            title,
            desc: Some(qtext(id)),
            term: if internal { "enps" } else { "nps" },
            value: n.shown().map(|n| (n.value, Some(n.ci95), n.n)),
            percent: false,
            figure: FigureId::Nps(id.clone()),
        });
    }
    for (id, c) in &g.ces {
        cards.push(Card {
            id: format!("ces-{id}"),
            title: t(lang, "dash-ces"),
            desc: Some(qtext(id)),
            term: "ces",
            value: c.shown().map(|c| (c.mean, c.ci95, c.n)),
            percent: false,
            figure: FigureId::ItemMean(id.clone()),
        });
    }
    for (id, r) in &g.resolution {
        cards.push(Card {
            id: format!("res-{id}"),
            title: t(lang, "dash-resolution"),
            desc: Some(qtext(id)),
            term: "resolution",
            value: r.shown().map(|r| (r.share, Some(r.ci95), r.n)),
            percent: true,
            figure: FigureId::Resolution(id.clone()),
        });
    }
    for (id, st) in &g.standards {
        let max = s.question(id).and_then(|q| q.standard_words(lang));
        cards.push(Card {
            id: format!("std-{id}"),
            title: ta(
                lang,
                "dash-standard",
                &[(
                    "q",
                    format!("{} {}", qlabel(id), max.unwrap_or_default()).into(),
                )],
            ),
            desc: Some(qtext(id)),
            term: "standard",
            value: st.shown().map(|x| (x.share, Some(x.ci95), x.n)),
            percent: true,
            figure: FigureId::Standard(id.clone()),
        });
    }
    html! {
        <section class="cards-section" aria-labelledby="cards-title">
            <h2 id="cards-title">{ ta(lang, "dash-cards", &[("period", props.period.clone().into())]) }</h2>
            <details class="explain how-to-read" id="how-to-read">
                <summary>{ t(lang, "explain-how") }</summary>
                <dl>
                    { for ["ci", "p", "significant", "n", "hidden"].iter().map(|id| html! {
                        <>
                            <dt>{ t(lang, &format!("gl-{id}-term")) }</dt>
                            <dd>{ t(lang, &format!("gl-{id}")) }</dd>
                        </>
                    }) }
                </dl>
                <p><button type="button" class="link" id="how-to-read-glossary" onclick={props.on_glossary.clone()}>{ t(lang, "explain-more") }</button></p>
            </details>
            <ul class="cards">
                { for cards.into_iter().map(|c| {
                    let scale = if c.percent { 100.0 } else { 1.0 };
                    let unit = if c.percent { " %" } else { "" };
                    let change = props.analysis.change_into(&props.period, &[], &c.figure);
                    html! {
                        <li class="kpi card" id={format!("card-{}", c.id)}>
                            <h3>{ c.title }</h3>
                            if let Some(d) = &c.desc { <p class="kpi-desc">{ d.clone() }</p> }
                            { match c.value {
                                None => html! { <p class="suppressed" data-suppressed="true">{ ta(lang, "dash-suppressed", &[("k", k.into())]) }</p> },
                                Some((v, ci, n)) => html! {
                                    <>
                                        <p class="kpi-value" data-value={v.to_string()}>{ format!("{}{unit}", fmt::num(v * scale, 1, lang)) }</p>
                                        if let Some([lo, hi]) = ci {
                                            <p class="kpi-ci">{ ta(lang, "dash-ci", &[("lo", fmt::num(lo * scale, 1, lang).into()), ("hi", fmt::num(hi * scale, 1, lang).into())]) }</p>
                                        }
                                        <p class="kpi-n" data-n={n.to_string()}>{ ta(lang, "dash-n", &[("n", n.into())]) }</p>
                                        { match change {
                                            Some((from, ch)) => html! {
                                                <p class={classes!("kpi-change", if ch.significant { "significant" } else { "" })}>
                                                    { if ch.delta > 0.0 { "▲ " } else if ch.delta < 0.0 { "▼ " } else { "" } }
                                                    { ta(lang, "dash-change", &[("delta", fmt::signed(ch.delta * scale, 1, lang).into()), ("period", from.into())]) }
                                                    { format!(" ({}, p = {})", t(lang, if ch.significant { "dash-significant" } else { "dash-not-significant" }), fmt::num(ch.p, 3, lang)) }
                                                </p>
                                            },
                                            None => html! { <p class="kpi-change">{ t(lang, "dash-no-change") }</p> },
                                        } }
                                    </>
                                },
                            } }
                            <Explain term={c.term} {lang} />
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
