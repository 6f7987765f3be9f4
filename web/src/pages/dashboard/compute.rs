//! What the dashboard shows of one survey: its files put into the engine (or the
//! demo data), and the analyses the screens draw from, asked of the worker.

use super::*;

/// Everything the dashboard shows, computed for one survey.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Computed {
    /// The survey these figures are of.
    pub survey: String,
    pub rows: Vec<FileRow>,
    pub demo: bool,
    pub total: u64,
    /// Whether some response says its channel: the breakdown by channel is offered.
    pub channels: bool,
    pub by_period: Option<Rc<Analysis>>,
    pub by_group: Option<Rc<Analysis>>,
    /// Free-text answers: given under one grouping only (`text_grouping`).
    pub texts: Option<Rc<Analysis>>,
    pub by_touchpoint: Option<Rc<Analysis>>,
    /// Why the indicators could not be computed (the worker's messages), if so.
    pub errors: Vec<Both>,
    /// The engine's name for this data set.
    pub token: String,
}

/// The analysis `by` these keys, or the worker's messages saying why there is none.
pub(super) async fn analysis(
    token: &str,
    by: &[&str],
    texts: bool,
) -> Result<Rc<Analysis>, Vec<Both>> {
    engine::analyze(token, by, texts)
        .await
        .map(Rc::new)
        .map_err(|f| f.errors)
}

/// Loads `survey`'s files among `files` (or the demo data) into the engine and asks
/// for every analysis the dashboard shows, grouped by `breakdown` where chosen.
pub(super) async fn compute(
    survey: &Survey,
    source: &str,
    files: &[StoredFile],
    breakdown: &Option<String>,
) -> Computed {
    let library::Loaded {
        token,
        demo,
        files: mine,
        reply,
    } = library::load(survey, source, files).await;
    let mut c = Computed {
        survey: survey.id.clone(),
        demo,
        token: token.clone(),
        total: reply.as_ref().map_or(0, |l| l.total),
        channels: reply.as_ref().is_ok_and(|l| l.channels),
        ..Computed::default()
    };
    let keys: Vec<Option<String>> = if demo {
        vec![None]
    } else {
        mine.iter().map(|f| Some(f.key.clone())).collect()
    };
    let reports = reply.map(|l| l.reports).unwrap_or_default();
    for (r, key) in reports.into_iter().zip(keys) {
        c.rows.push(row_of(r, key));
    }
    let tp = survey
        .with_role(otklik_survey::Role::Touchpoint)
        .map(|q| survey.questions[q].id.clone());
    if let Some(tp) = tp {
        // By period and by period × touchpoint: one pass over the data.
        let reply = engine::analyze_many(&token, &[&["period"], &["period", &tp]]).await;
        let (analyses, errors) = match reply {
            Ok(a) => (a, Vec::new()),
            Err(f) => (Vec::new(), f.errors),
        };
        c.errors = errors;
        let mut analyses = analyses.into_iter().map(Rc::new);
        c.by_period = analyses.next();
        c.by_touchpoint = analyses.next();
    } else {
        let by_period = analysis(&token, &["period"], false).await;
        c.errors = by_period.clone().err().unwrap_or_default();
        c.by_period = by_period.ok();
    }
    let breakdown = chosen_breakdown(breakdown, survey).filter(|b| b != CHANNEL || c.channels);
    if let (Some(b), true) = (breakdown, c.errors.is_empty()) {
        c.by_group = analysis(&token, &["period", &b], false).await.ok();
    }
    if c.errors.is_empty() {
        let keys: Vec<String> = otklik_analytics::text_grouping(survey)
            .iter()
            .map(|k| k.name().to_owned())
            .collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        c.texts = analysis(&token, &keys, true).await.ok();
    }
    c
}
