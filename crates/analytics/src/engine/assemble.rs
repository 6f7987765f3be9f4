//! Assembly: from the accumulators of a grouping's cells to the result, figure family
//! by figure family, each hidden where [`Hidden`] says.

use std::hash::{Hash, Hasher};

use indexmap::IndexMap;
use otklik_survey::{Column, Responses, Role, Survey};

use super::acc::Acc;
use super::changes::{changes_and_trends, Basis};
use super::hidden::{ChannelMix, Hidden};
use super::plan::{cell_key, Plan, Source};
use super::publication::Dim;
use super::Protection;
use crate::output::*;
use crate::stats::{self, Moments, Z95};

/// Suppression and assembly: from the accumulators of `plan`'s cells to the result.
pub(super) fn finish(
    survey: &Survey,
    data: &Responses,
    plan: &Plan<'_>,
    acc: &Acc,
    protection: &Protection,
    dims: &[Dim],
) -> Analysis {
    let k_text = protection.k_text();
    let cells = plan.cells;
    // Every group of the table is listed, empty or not (but no answer to a required
    // question), so that the list itself tells nothing of the groups' sizes.
    let listed: Vec<usize> = (0..cells)
        .filter(|_| !data.is_empty())
        .filter(|&c| {
            acc.n[c] > 0
                || plan.keys.iter().all(|k| match k.question() {
                    Some(q) => (c / k.stride) % k.card != 0 || !survey.questions[q].required,
                    None => true,
                })
        })
        .collect();
    let live: Vec<usize> = (0..cells).filter(|&c| acc.n[c] > 0).collect();
    let hidden = Hidden::new(survey, data, plan, acc, protection, dims, &live);
    let k = hidden.k;
    let figures = Figures {
        survey,
        data,
        plan,
        acc,
        hidden: &hidden,
    };

    let mut bases = Bases {
        cells,
        paths: IndexMap::new(),
    };
    let mut groups = Vec::with_capacity(live.len());
    for &c in &listed {
        let key = cell_key(plan, data, c);
        if hidden.group[c] {
            groups.push(Group::Suppressed {
                key,
                suppressed: true,
            });
            continue;
        }
        let mut g = GroupStats {
            key,
            suppressed: false,
            n: acc.n[c],
            response_rate: response_rate(plan, c, acc.n[c]),
            items: IndexMap::new(),
            dimensions: IndexMap::new(),
            ccl: None,
            nps: IndexMap::new(),
            ces: IndexMap::new(),
            standards: IndexMap::new(),
            resolution: IndexMap::new(),
            channels: IndexMap::new(),
            drivers: IndexMap::new(),
            driver_medians: None,
            texts: IndexMap::new(),
        };
        figures.items(&mut g, c, &mut bases);
        figures.dimensions(&mut g, c, &mut bases);
        figures.level(&mut g, c, &mut bases);
        figures.nps(&mut g, c, &mut bases);
        figures.standards(&mut g, c, &mut bases);
        figures.resolution(&mut g, c, &mut bases);
        figures.channels(&mut g, c);
        figures.drivers(&mut g, c);
        figures.texts(&mut g, c);
        groups.push(Group::Shown(Box::new(g)));
    }

    let (changes, trends) = if plan
        .keys
        .first()
        .is_some_and(|k| k.source == Source::Period)
    {
        changes_and_trends(plan, data, &listed, &bases.paths)
    } else {
        (Vec::new(), Vec::new())
    };

    Analysis {
        survey: survey.id.clone(),
        min_group: k,
        min_group_text: k_text,
        by: plan.keys.iter().map(|k| k.name.clone()).collect(),
        periods: data.periods().iter().map(ToString::to_string).collect(),
        responses: data.len() as u64,
        groups,
        changes,
        trends,
    }
}

/// Figures that change between periods: per path, per cell (None when hidden).
struct Bases {
    cells: usize,
    paths: IndexMap<String, Vec<Option<Basis>>>,
}

impl Bases {
    fn set(&mut self, path: String, c: usize, b: Option<Basis>) {
        let cells = self.cells;
        self.paths.entry(path).or_insert_with(|| vec![None; cells])[c] = b;
    }
}

/// A figure of cell `c`: hidden, or shown as `shown` computes it. Its values that
/// can change between periods go to `bases` under `paths`: none where it is hidden,
/// so that no change or trend is computed from it either.
fn figure<T, const N: usize>(
    hidden: bool,
    bases: &mut Bases,
    c: usize,
    paths: [String; N],
    shown: impl FnOnce() -> (T, [Basis; N]),
) -> Fig<T> {
    if hidden {
        for path in paths {
            bases.set(path, c, None);
        }
        return Fig::Suppressed;
    }
    let (fig, values) = shown();
    for (path, b) in paths.into_iter().zip(values) {
        bases.set(path, c, Some(b));
    }
    Fig::Shown(fig)
}

/// What a group's figures are computed from.
struct Figures<'a> {
    survey: &'a Survey,
    data: &'a Responses,
    plan: &'a Plan<'a>,
    acc: &'a Acc,
    hidden: &'a Hidden<'a>,
}

impl Figures<'_> {
    /// The scale items, and the effort questions among them.
    fn items(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        let (survey, plan, acc) = (self.survey, self.plan, self.acc);
        let w = plan.hist_width;
        for s in &plan.scale {
            let it = &plan.hist_items[s.hist];
            let id = survey.questions[s.q].id.clone();
            let paths = [format!("items.{id}.mean"), format!("items.{id}.top2")];
            let fig = figure(self.hidden.item[s.hist][c], bases, c, paths, || {
                let counts = &acc.hist[c * w + it.offset + 1..c * w + it.offset + it.width];
                let st = item_stats(counts, s.points, 1);
                let top: u64 = counts[counts.len() - 2..]
                    .iter()
                    .map(|&x| u64::from(x))
                    .sum();
                let mean = Basis::Mean {
                    mean: st.mean,
                    var: st.sd.map(|s| s * s),
                    n: st.n,
                };
                let top2 = Basis::Share { k: top, n: st.n };
                (st, [mean, top2])
            });
            if survey.questions[s.q].role == Some(Role::Effort) {
                let ces = match fig.shown() {
                    Some(st) => Fig::Shown(CesStats {
                        n: st.n,
                        mean: st.mean,
                        ci95: st.ci95,
                        easy: st.top2,
                        easy_ci95: st.top2_ci95,
                    }),
                    None => Fig::Suppressed,
                };
                g.ces.insert(id.clone(), ces);
            }
            g.items.insert(id, fig);
        }
    }

    /// The dimension indices, with Cronbach's alpha.
    fn dimensions(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        let (survey, plan, acc) = (self.survey, self.plan, self.acc);
        let nd = plan.dims.len();
        for (d, items) in plan.dims.iter().enumerate() {
            let id = survey.dimensions[d].id.clone();
            let paths = [format!("dimensions.{id}.index")];
            let fig = figure(self.hidden.dimension[d][c], bases, c, paths, || {
                let m = &acc.dim[c * nd + d];
                let (sd, ci95) = moments_interval(m);
                let (off, width) = acc.alpha_width[d];
                let a = &acc.alpha[c * acc.alpha_stride + off..c * acc.alpha_stride + off + width];
                let index = Basis::Mean {
                    mean: m.mean(),
                    var: m.variance(),
                    n: m.n,
                };
                let st = DimensionStats {
                    n: m.n,
                    index: m.mean(),
                    sd,
                    ci95,
                    alpha: cronbach(a, items.len()),
                    alpha_n: a[0],
                };
                (st, [index])
            });
            g.dimensions.insert(id, fig);
        }
    }

    /// The client-centricity level, when the survey has dimensions.
    fn level(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        if self.plan.dims.is_empty() {
            return;
        }
        let paths = ["ccl.value".to_owned()];
        let fig = figure(self.hidden.level[c], bases, c, paths, || {
            let m = &self.acc.ccl[c];
            let (sd, ci95) = moments_interval(m);
            let value = Basis::Mean {
                mean: m.mean(),
                var: m.variance(),
                n: m.n,
            };
            let st = LevelStats {
                n: m.n,
                value: m.mean(),
                sd,
                ci95,
            };
            (st, [value])
        });
        g.ccl = Some(fig);
    }

    /// NPS and eNPS.
    fn nps(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        let (survey, plan, acc) = (self.survey, self.plan, self.acc);
        let w = plan.hist_width;
        for it in &plan.nps {
            let id = survey.questions[it.q].id.clone();
            let hist_index = plan
                .hist_items
                .iter()
                .position(|h| h.q == it.q)
                .expect("nps item");
            let paths = [format!("nps.{id}.value")];
            let fig = figure(self.hidden.item[hist_index][c], bases, c, paths, || {
                let counts = &acc.hist[c * w + it.offset + 1..c * w + it.offset + 12];
                let n: u64 = counts.iter().map(|&x| u64::from(x)).sum();
                let promoters: u64 = counts[9..].iter().map(|&x| u64::from(x)).sum();
                let detractors: u64 = counts[..7].iter().map(|&x| u64::from(x)).sum();
                let (nf, p, d) = (n as f64, promoters as f64, detractors as f64);
                let value = 100.0 * (p - d) / nf;
                let se = 100.0 * ((p / nf + d / nf - ((p - d) / nf).powi(2)) / nf).sqrt();
                let ci95 = [
                    (value - Z95 * se).max(-100.0),
                    (value + Z95 * se).min(100.0),
                ];
                let st = NpsStats {
                    n,
                    value,
                    se,
                    ci95,
                    promoters,
                    passives: n - promoters - detractors,
                    detractors,
                };
                (st, [Basis::Nps { value, se }])
            });
            g.nps.insert(id, fig);
        }
    }

    /// The service standards: the share within the standard, the median and p90.
    fn standards(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        for (s, &(q, max)) in self.plan.standards.iter().enumerate() {
            let id = self.survey.questions[q].id.clone();
            let paths = [format!("standards.{id}.share")];
            let fig = figure(self.hidden.standard[s][c], bases, c, paths, || {
                let (n, ok, median, p90) = self.acc.standards[s].summary(c, max);
                let st = StandardStats {
                    n,
                    max,
                    share: ok as f64 / n as f64,
                    ci95: stats::wilson(ok, n),
                    median,
                    p90,
                };
                (st, [Basis::Share { k: ok, n }])
            });
            g.standards.insert(id, fig);
        }
    }

    /// Need resolution: the share of yes.
    fn resolution(&self, g: &mut GroupStats, c: usize, bases: &mut Bases) {
        let nr = self.plan.resolution.len();
        for (s, &q) in self.plan.resolution.iter().enumerate() {
            let id = self.survey.questions[q].id.clone();
            let paths = [format!("resolution.{id}.share")];
            let fig = figure(self.hidden.resolution[s][c], bases, c, paths, || {
                let [yes, no] = self.acc.resolution[c * nr + s];
                let basis = Basis::Share {
                    k: yes,
                    n: yes + no,
                };
                (share(yes, yes + no), [basis])
            });
            g.resolution.insert(id, fig);
        }
    }

    /// The channel mix: options and channel types.
    fn channels(&self, g: &mut GroupStats, c: usize) {
        let Some(mix) = &self.hidden.channel else {
            return;
        };
        let ChannelMix {
            q,
            hidden: mix_sup,
            opt_counts,
            opt_hidden: opt_sup,
            type_counts,
            type_hidden: type_sup,
        } = mix;
        let survey = self.survey;
        let options = survey.questions[*q].kind.options();
        let no = options.len();
        let n: u64 = opt_counts[c * no..(c + 1) * no].iter().sum();
        if !self.hidden.channels_shown(c) {
            // not published for this table
        } else if n > 0 && mix_sup[c] {
            g.channels
                .insert(survey.questions[*q].id.clone(), Fig::Suppressed);
        } else if n > 0 {
            let fig = |k: u64, hidden: bool| {
                if hidden {
                    Fig::Suppressed
                } else {
                    Fig::Shown(PartStats {
                        n: k,
                        share: k as f64 / n as f64,
                        ci95: stats::wilson(k, n),
                    })
                }
            };
            let opts = options
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    (
                        opt.id.clone(),
                        fig(opt_counts[c * no + o], opt_sup[c * no + o]),
                    )
                })
                .collect();
            let has_types = options.iter().any(|o| o.channel.is_some());
            let types = if has_types {
                ["digital", "offline"]
                    .iter()
                    .enumerate()
                    .map(|(t, name)| {
                        (
                            name.to_string(),
                            fig(type_counts[c * 2 + t], type_sup[c * 2 + t]),
                        )
                    })
                    .collect()
            } else {
                IndexMap::new()
            };
            g.channels.insert(
                survey.questions[*q].id.clone(),
                Fig::Shown(ChannelStats {
                    n,
                    options: opts,
                    types,
                }),
            );
        }
    }

    /// Drivers: importance (r with the level) against performance (the item index),
    /// when the survey has dimensions. Reads the items' figures.
    fn drivers(&self, g: &mut GroupStats, c: usize) {
        let (survey, plan, acc) = (self.survey, self.plan, self.acc);
        if plan.dims.is_empty() {
            return;
        }
        let k64 = u64::from(self.hidden.k);
        let mut found = Vec::new();
        for (i, s) in plan.scale.iter().enumerate() {
            let id = survey.questions[s.q].id.clone();
            let at = c * plan.scale.len() + i;
            let (sy, syy) = acc.ccl[c].sums();
            let (my, myy) = acc.drv_miss[at];
            let co = stats::co_moments(
                &acc.drv_n[at * 12 + 1..at * 12 + 12],
                1,
                sy - my,
                syy - myy,
                acc.drv_sxy[at],
            );
            let perf = g.items.get(&id).and_then(Fig::shown).map(|st| st.index);
            match (perf, co.pearson()) {
                (Some(performance), Some(r)) if co.n >= k64 && !self.hidden.driver[i][c] => {
                    found.push((id, co.n, r, performance))
                }
                _ => {
                    g.drivers.insert(id, Fig::Suppressed);
                }
            }
        }
        let mut imp: Vec<f64> = found.iter().map(|f| f.2).collect();
        let mut perf: Vec<f64> = found.iter().map(|f| f.3).collect();
        let (mi, mp) = if found.is_empty() {
            (0.0, 0.0)
        } else {
            let m = (median(&mut imp), median(&mut perf));
            g.driver_medians = Some(DriverMedians {
                importance: m.0,
                performance: m.1,
            });
            m
        };
        for (id, n, r, performance) in found {
            g.drivers.insert(
                id,
                Fig::Shown(DriverStats {
                    n,
                    importance: r,
                    performance,
                    priority: r > mi && performance < mp,
                }),
            );
        }
    }

    /// The free-text answers, in the one table that publishes them.
    fn texts(&self, g: &mut GroupStats, c: usize) {
        if !self.hidden.texts_here {
            return;
        }
        let nt = self.plan.texts.len();
        for (t, &q) in self.plan.texts.iter().enumerate() {
            let id = self.survey.questions[q].id.clone();
            if self.hidden.text[t][c] {
                g.texts.insert(id, Fig::Suppressed);
                continue;
            }
            let Column::Text(col) = self.data.column(q) else {
                unreachable!("text question")
            };
            let answers = shuffle_texts(
                self.acc.texts[c * nt + t]
                    .iter()
                    .map(|&r| col.get(r as usize).to_owned())
                    .collect(),
            );
            g.texts.insert(
                id,
                Fig::Shown(TextAnswers {
                    n: answers.len() as u64,
                    answers,
                }),
            );
        }
    }
}

fn share(k: u64, n: u64) -> ShareStats {
    ShareStats {
        n,
        share: k as f64 / n as f64,
        ci95: stats::wilson(k, n),
    }
}

fn item_stats(counts: &[u32], points: u8, first: i64) -> ItemStats {
    let (n, mean, var) = stats::moments_from_counts(counts, first);
    let sd = var.map(f64::sqrt);
    let m = counts.len();
    let top: u64 = counts[m - 2..].iter().map(|&c| u64::from(c)).sum();
    let bottom: u64 = counts[..2].iter().map(|&c| u64::from(c)).sum();
    ItemStats {
        n,
        mean,
        sd,
        ci95: sd.and_then(|sd| stats::t_interval(mean, sd, n)),
        top2: top as f64 / n as f64,
        top2_ci95: stats::wilson(top, n),
        bottom2: bottom as f64 / n as f64,
        index: (mean - 1.0) / (f64::from(points) - 1.0) * 100.0,
        dist: counts.to_vec(),
    }
}

fn moments_interval(m: &Moments) -> (Option<f64>, Option<[f64; 2]>) {
    let sd = m.variance().map(f64::sqrt);
    (sd, sd.and_then(|sd| stats::t_interval(m.mean(), sd, m.n)))
}

fn cronbach(a: &[u64], k: usize) -> Option<f64> {
    let n = a[0];
    if k < 2 || n < 3 {
        return None;
    }
    let var = |s1: u64, s2: u64| -> f64 {
        let (s1, s2, n) = (i128::from(s1), i128::from(s2), i128::from(n));
        (n * s2 - s1 * s1) as f64 / (n * (n - 1)) as f64
    };
    let total = var(a[1], a[2]);
    if total <= 0.0 {
        return None;
    }
    let items: f64 = (0..k).map(|j| var(a[3 + 2 * j], a[4 + 2 * j])).sum();
    let kf = k as f64;
    Some(kf / (kf - 1.0) * (1.0 - items / total))
}

/// Orders texts by a keyed hash of their content: an order that is stable for the
/// same data yet unrelated to the order of the responses.
fn shuffle_texts(mut texts: Vec<String>) -> Vec<String> {
    texts.sort_by_cached_key(|t| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        "otklik-texts".hash(&mut h);
        t.hash(&mut h);
        (h.finish(), t.clone())
    });
    texts
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    stats::quantile_sorted(v, 0.5)
}

fn response_rate(plan: &Plan<'_>, c: usize, n: u64) -> Option<f64> {
    plan.keys.iter().find_map(|k| {
        let q = k.question()?;
        let code = (c / k.stride) % k.card;
        let h = plan.survey.questions[q]
            .kind
            .options()
            .get(code.checked_sub(1)?)?
            .headcount?;
        (h > 0).then(|| n as f64 / f64::from(h))
    })
}
