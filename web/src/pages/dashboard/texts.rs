//! The free-text answers, by group, shown a few at a time.

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct TextsProps {
    pub(super) survey: Rc<Survey>,
    pub(super) analysis: Option<Rc<Analysis>>,
    pub(super) period: String,
    /// «Без разбивки»: the shown groups' answers together, in one list per question.
    pub(super) merged: bool,
    pub(super) lang: Lang,
}

#[component]
pub(super) fn Texts(props: &TextsProps) -> Html {
    let lang = props.lang;
    let Some(a) = &props.analysis else {
        return html! {};
    };
    let groups: Vec<(
        String,
        &IndexMap<String, Fig<otklik_analytics::TextAnswers>>,
    )> = a
        .groups
        .iter()
        .filter_map(|g| match g {
            Group::Shown(s)
                if s.key.get("period").and_then(Value::as_str) == Some(props.period.as_str()) =>
            {
                let label = s
                    .key
                    .iter()
                    .filter(|(k, _)| *k != "period")
                    .map(|(k, v)| option_label(&props.survey, k, v, lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                Some((label, &s.texts))
            }
            _ => None,
        })
        .collect();
    let text_by: String =
        a.by.iter()
            .rfind(|k| *k != "period")
            .and_then(|k| props.survey.question(k))
            .map_or_else(
                || t(lang, "dash-period"),
                |q| q.label(lang.code()).to_owned(),
            );
    let qtext = |q: &str| {
        props
            .survey
            .question(q)
            .map_or(q.to_owned(), |x| x.label(lang.code()).to_owned())
    };
    let shown: Vec<Html> = if props.merged {
        // Only what the lists by group publish anyway, put together and shuffled (a
        // fixed order per period, so that it does not change on every render).
        let mut by_question: IndexMap<&str, Vec<String>> = IndexMap::new();
        for (_, texts) in &groups {
            for (q, f) in texts.iter() {
                if let Some(t) = f.shown() {
                    by_question
                        .entry(q.as_str())
                        .or_default()
                        .extend(t.answers.iter().cloned());
                }
            }
        }
        by_question
            .into_iter()
            .map(|(q, answers)| {
                let seed = props
                    .period
                    .bytes()
                    .fold(17u64, |h, b| h.wrapping_mul(31) ^ u64::from(b));
                let order = otklik_survey::export::shuffled_order(answers.len(), seed);
                let answers: Vec<String> = order.iter().map(|&i| answers[i].clone()).collect();
                let title = format!("{} ({})", qtext(q), answers.len());
                html! {
                    <TextGroup key={format!("{}|all|{q}", props.period)} {title}
                        answers={Rc::new(answers)} {lang} />
                }
            })
            .collect()
    } else {
        groups
            .iter()
            .flat_map(|(label, texts)| {
                texts.iter().filter_map(move |(q, f)| {
                    f.shown().map(|t| {
                        let title = format!("{label} — {} ({})", qtext(q), t.n);
                        html! {
                            <TextGroup key={format!("{}|{label}|{q}", props.period)} {title}
                                answers={Rc::new(t.answers.clone())} {lang} />
                        }
                    })
                })
            })
            .collect()
    };
    let hint = if props.merged {
        "dash-texts-all-hint"
    } else {
        "dash-texts-hint"
    };
    html! {
        <section class="card texts" aria-labelledby="texts-title">
            <h2 id="texts-title">{ t(lang, "dash-texts") }</h2>
            <p class="hint" id="texts-hint">{ ta(lang, hint, &[("k", a.min_group_text.into()), ("by", text_by.into())]) }</p>
            if shown.is_empty() { <p>{ t(lang, "dash-texts-none") }</p> } else { { for shown } }
        </section>
    }
}

/// Free-text answers of a group shown at first, and added by each "show more".
const TEXTS_FIRST: usize = 10;
const TEXTS_MORE: usize = 50;

#[derive(Properties, PartialEq)]
struct TextGroupProps {
    title: String,
    answers: Rc<Vec<String>>,
    lang: Lang,
}

/// One group's answers to one free-text question: the first few, and a button that
/// shows more (a large data set has thousands).
#[component]
fn TextGroup(props: &TextGroupProps) -> Html {
    let lang = props.lang;
    let limit = use_state(|| TEXTS_FIRST);
    let total = props.answers.len();
    let n = (*limit).min(total);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + TEXTS_MORE))
    };
    html! {
        <div class="texts-group">
            <h3>{ &props.title }</h3>
            <ul>{ for props.answers[..n].iter().map(|a| html! { <li>{ a.clone() }</li> }) }</ul>
            if n < total {
                <p class="texts-more">
                    <span aria-live="polite">{ ta(lang, "dash-texts-shown", &[("shown", n.into()), ("total", total.into())]) }</span>
                    { " " }
                    <button type="button" class="small" onclick={more}>
                        { ta(lang, "dash-texts-more", &[("n", TEXTS_MORE.min(total - n).into())]) }
                    </button>
                </p>
            }
        </div>
    }
}
