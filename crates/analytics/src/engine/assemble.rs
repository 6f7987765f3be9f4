//! Suppression and assembly: from the accumulators to the result.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use indexmap::IndexMap;
use otklik_survey::{Channel, Column, Responses, Role, Survey};

use super::acc::Acc;
use super::changes::{changes_and_trends, Basis};
use super::plan::{cell_key, Plan};
use super::publication::{CellCode, Dim, Family, Mix};
use super::Protection;
use crate::output::*;
use crate::stats::{self, Moments, Z95};
use crate::suppress::remainder_rule;

/// Sibling partitions: for every key, the live cells that share all other keys.
fn parent_partitions(plan: &Plan<'_>, live: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for k in &plan.keys {
        let mut parents: HashMap<usize, Vec<usize>> = HashMap::new();
        for &c in live {
            let code = (c / k.stride) % k.card;
            parents.entry(c - code * k.stride).or_default().push(c);
        }
        let mut v: Vec<Vec<usize>> = parents.into_values().collect();
        v.sort();
        out.extend(v);
    }
    out
}

/// Suppression and assembly: from the accumulators of `plan`'s cells to the result.
pub(super) fn finish(
    survey: &Survey,
    data: &Responses,
    plan: &Plan<'_>,
    acc: &Acc,
    protection: &Protection,
    dims: &[Dim],
) -> Analysis {
    let k = protection.k_for(dims);
    let k_text = protection.k_text();
    let k64 = u64::from(k);

    let cells = plan.cells;
    // The cell of the publication set behind each cell of this grouping.
    let key_of_dim: Vec<usize> = dims
        .iter()
        .map(|d| {
            plan.keys
                .iter()
                .position(|k| match (d, k.question) {
                    (Dim::Period | Dim::Year, None) => true,
                    (Dim::Group(q), Some(kq)) => *q == kq,
                    _ => false,
                })
                .expect("every dimension is a key")
        })
        .collect();
    let labels: Vec<String> = data.periods().iter().map(ToString::to_string).collect();
    // A cell's code in each dimension of the table, in the table's order.
    let codes_of = |c: usize| -> Vec<CellCode<'_>> {
        dims.iter()
            .zip(&key_of_dim)
            .map(|(d, &ki)| {
                let key = &plan.keys[ki];
                let code = (c / key.stride) % key.card;
                match d {
                    Dim::Period => CellCode::Period(labels.get(code).map_or("", String::as_str)),
                    Dim::Year => CellCode::Year(data.periods().get(code).map_or(0, |p| p.year())),
                    Dim::Group(_) => CellCode::Option(code),
                }
            })
            .collect()
    };
    // The cell, or (`extra`: a question and an option) its part in the table with
    // that question too.
    let model_cell = |c: usize, extra: Option<(usize, usize)>| -> Option<usize> {
        let mut codes: Vec<(Dim, CellCode<'_>)> = dims.iter().copied().zip(codes_of(c)).collect();
        if let Some((q, option)) = extra {
            codes.push((Dim::Group(q), CellCode::Option(option)));
            codes.sort_by_key(|(d, _)| *d);
        }
        let (ds, cs): (Vec<Dim>, Vec<CellCode<'_>>) = codes.into_iter().unzip();
        protection.cell(&ds, &cs)
    };
    let at: Vec<Option<usize>> = (0..cells).map(|c| model_cell(c, None)).collect();
    // The parts of a channel mix that are cells of the publication set (responses
    // naming a touchpoint, digital, offline), when the touchpoint is a grouping question.
    let mix_at: Option<Vec<[Option<usize>; 3]>> = protection
        .touchpoint()
        .filter(|t| !dims.contains(&Dim::Group(*t)))
        .map(|_| {
            (0..cells)
                .map(|c| {
                    let codes = codes_of(c);
                    [Mix::Named, Mix::Type(0), Mix::Type(1)]
                        .map(|part| protection.mix_cell(dims, &codes, part))
                })
                .collect()
        });
    let hidden_of =
        |f: Family| -> Vec<bool> { at.iter().map(|&m| protection.hidden(f, m)).collect() };
    // Every group of the table is listed, empty or not (but no answer to a required
    // question), so that the list itself tells nothing of the groups' sizes.
    let listed: Vec<usize> = (0..cells)
        .filter(|_| !data.is_empty())
        .filter(|&c| {
            acc.n[c] > 0
                || plan.keys.iter().all(|k| match k.question {
                    Some(q) => (c / k.stride) % k.card != 0 || !survey.questions[q].required,
                    None => true,
                })
        })
        .collect();
    let live: Vec<usize> = (0..cells).filter(|&c| acc.n[c] > 0).collect();
    let partitions = parent_partitions(plan, &live);
    let group_sup: Vec<bool> = hidden_of(Family::N);

    let w = plan.hist_width;
    let item_sup: Vec<Vec<bool>> = plan
        .hist_items
        .iter()
        .map(|it| hidden_of(Family::Item(it.q)))
        .collect();
    let nd = plan.dims.len();
    let dim_sup: Vec<Vec<bool>> = (0..nd).map(|d| hidden_of(Family::Dimension(d))).collect();
    let ccl_sup = hidden_of(Family::Level);
    let std_sup: Vec<Vec<bool>> = plan
        .standards
        .iter()
        .map(|&(q, _)| hidden_of(Family::Standard(q)))
        .collect();
    let nr = plan.resolution.len();
    let res_sup: Vec<Vec<bool>> = plan
        .resolution
        .iter()
        .map(|&q| hidden_of(Family::Resolution(q)))
        .collect();
    let nt = plan.texts.len();
    let texts_here = protection.is_text_table(dims);
    let text_sup: Vec<Vec<bool>> = plan
        .texts
        .iter()
        .map(|&q| hidden_of(Family::Text(q)))
        .collect();
    let driver_sup: Vec<Vec<bool>> = plan
        .scale
        .iter()
        .map(|s| match s.dimension {
            Some(_) => hidden_of(Family::Item(s.q)),
            None => hidden_of(Family::Driver(s.q)),
        })
        .collect();
    // With the touchpoint a grouping question, a channel mix lists the cells of this
    // table by touchpoint: shown only when that table is published, and each part
    // hidden where that cell is.
    let channel_cells: Option<Vec<Option<usize>>> = protection.touchpoint().map(|t| {
        let no = survey.questions[t].kind.options().len();
        match plan.keys.iter().find(|k| k.question == Some(t)) {
            // one touchpoint per group: its cell is the group's own
            Some(key) => (0..cells * no)
                .map(|s| {
                    let c = s / no;
                    ((c / key.stride) % key.card == s % no + 1)
                        .then_some(at[c])
                        .flatten()
                })
                .collect(),
            None => (0..cells * no)
                .map(|s| model_cell(s / no, Some((t, s % no + 1))))
                .collect(),
        }
    });
    let channels_shown = |c: usize| -> bool {
        match (&channel_cells, protection.touchpoint()) {
            (Some(cc), Some(t)) => {
                let no = survey.questions[t].kind.options().len();
                dims.contains(&Dim::Group(t)) || (0..no).all(|o| cc[c * no + o].is_some())
            }
            _ => true,
        }
    };

    // Channel mix: options and types, hidden across sibling groups and within each group.
    let channel = plan.touchpoint.map(|q| {
        let options = survey.questions[q].kind.options();
        let no = options.len();
        let w = no + 1;
        let opt_counts: Vec<u64> = (0..cells * no)
            .map(|s| acc.channels[(s / no) * w + 1 + s % no])
            .collect();
        let type_of = |o: usize| usize::from(options[o].channel == Some(Channel::Offline));
        let mut type_counts = vec![0u64; cells * 2];
        for c in 0..cells {
            for o in 0..no {
                if options[o].channel.is_some() {
                    type_counts[c * 2 + type_of(o)] += opt_counts[c * no + o];
                }
            }
        }
        let spread = |width: usize| -> Vec<Vec<usize>> {
            let mut parts = Vec::new();
            for j in 0..width {
                for p in &partitions {
                    parts.push(p.iter().map(|&c| c * width + j).collect());
                }
            }
            for &c in &live {
                parts.push((0..width).map(|j| c * width + j).collect());
            }
            parts
        };
        // The mix itself is a figure of the responses that name a touchpoint: with
        // the touchpoint a grouping question, a cell of the publication set (or, in a
        // table by touchpoint, the group itself).
        let mix_sup = match (&mix_at, protection.touchpoint()) {
            (Some(m), _) => m
                .iter()
                .map(|x| protection.hidden(Family::N, x[0]))
                .collect(),
            (None, Some(_)) => group_sup.clone(),
            (None, None) => hidden_of(Family::Channels),
        };
        let mut opt_sup: Vec<bool> = (0..cells * no)
            .map(|s| {
                mix_sup[s / no]
                    || opt_counts[s] < k64
                    || channel_cells
                        .as_ref()
                        .is_some_and(|cc| protection.hidden(Family::N, cc[s]))
            })
            .collect();
        // A shown channel type minus its shown touchpoints would reveal the hidden
        // ones: within each group, the touchpoints of one type are siblings too.
        let mut opt_parts = spread(no);
        for &c in &live {
            for t in 0..2 {
                let part: Vec<usize> = (0..no)
                    .filter(|&o| options[o].channel.is_some() && type_of(o) == t)
                    .map(|o| c * no + o)
                    .collect();
                if part.len() > 1 {
                    opt_parts.push(part);
                }
            }
        }
        remainder_rule(&opt_counts, &mut opt_sup, &opt_parts, k64);
        let mut type_sup: Vec<bool> = (0..cells * 2)
            .map(|s| {
                mix_sup[s / 2]
                    || type_counts[s] < k64
                    || mix_at
                        .as_ref()
                        .is_some_and(|m| protection.hidden(Family::N, m[s / 2][1 + s % 2]))
            })
            .collect();
        remainder_rule(&type_counts, &mut type_sup, &spread(2), k64);
        (q, mix_sup, opt_counts, opt_sup, type_counts, type_sup)
    });

    // Figures that change between periods, per cell (None when hidden).
    let mut bases: IndexMap<String, Vec<Option<Basis>>> = IndexMap::new();
    let mut groups = Vec::with_capacity(live.len());
    for &c in &listed {
        let key = cell_key(plan, data, c);
        if group_sup[c] {
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
            texts: IndexMap::new(),
        };
        let mut basis = |path: String, b: Option<Basis>| {
            bases.entry(path).or_insert_with(|| vec![None; cells])[c] = b
        };

        for s in &plan.scale {
            let it = &plan.hist_items[s.hist];
            let id = survey.questions[s.q].id.clone();
            if item_sup[s.hist][c] {
                g.items.insert(id.clone(), Fig::Suppressed);
                basis(format!("items.{id}.mean"), None);
                basis(format!("items.{id}.top2"), None);
                if survey.questions[s.q].role == Some(Role::Effort) {
                    g.ces.insert(id, Fig::Suppressed);
                }
                continue;
            }
            let counts = &acc.hist[c * w + it.offset + 1..c * w + it.offset + it.width];
            let st = item_stats(counts, s.points, 1);
            let top: u64 = counts[counts.len() - 2..]
                .iter()
                .map(|&x| u64::from(x))
                .sum();
            basis(
                format!("items.{id}.mean"),
                Some(Basis::Mean {
                    mean: st.mean,
                    var: st.sd.map(|s| s * s),
                    n: st.n,
                }),
            );
            basis(
                format!("items.{id}.top2"),
                Some(Basis::Share { k: top, n: st.n }),
            );
            if survey.questions[s.q].role == Some(Role::Effort) {
                g.ces.insert(
                    id.clone(),
                    Fig::Shown(CesStats {
                        n: st.n,
                        mean: st.mean,
                        ci95: st.ci95,
                        easy: st.top2,
                        easy_ci95: st.top2_ci95,
                    }),
                );
            }
            g.items.insert(id, Fig::Shown(st));
        }
        for (d, items) in plan.dims.iter().enumerate() {
            let id = survey.dimensions[d].id.clone();
            if dim_sup[d][c] {
                g.dimensions.insert(id.clone(), Fig::Suppressed);
                basis(format!("dimensions.{id}.index"), None);
                continue;
            }
            let m = &acc.dim[c * nd + d];
            let (sd, ci95) = moments_interval(m);
            let (off, width) = acc.alpha_width[d];
            let a = &acc.alpha[c * acc.alpha_stride + off..c * acc.alpha_stride + off + width];
            basis(
                format!("dimensions.{id}.index"),
                Some(Basis::Mean {
                    mean: m.mean(),
                    var: m.variance(),
                    n: m.n,
                }),
            );
            g.dimensions.insert(
                id,
                Fig::Shown(DimensionStats {
                    n: m.n,
                    index: m.mean(),
                    sd,
                    ci95,
                    alpha: cronbach(a, items.len()),
                    alpha_n: a[0],
                }),
            );
        }
        if nd > 0 {
            if ccl_sup[c] {
                g.ccl = Some(Fig::Suppressed);
                basis("ccl.value".into(), None);
            } else {
                let m = &acc.ccl[c];
                let (sd, ci95) = moments_interval(m);
                basis(
                    "ccl.value".into(),
                    Some(Basis::Mean {
                        mean: m.mean(),
                        var: m.variance(),
                        n: m.n,
                    }),
                );
                g.ccl = Some(Fig::Shown(LevelStats {
                    n: m.n,
                    value: m.mean(),
                    sd,
                    ci95,
                }));
            }
        }
        for it in &plan.nps {
            let id = survey.questions[it.q].id.clone();
            let hist_index = plan
                .hist_items
                .iter()
                .position(|h| h.q == it.q)
                .expect("nps item");
            if item_sup[hist_index][c] {
                g.nps.insert(id.clone(), Fig::Suppressed);
                basis(format!("nps.{id}.value"), None);
                continue;
            }
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
            basis(format!("nps.{id}.value"), Some(Basis::Nps { value, se }));
            g.nps.insert(
                id,
                Fig::Shown(NpsStats {
                    n,
                    value,
                    se,
                    ci95,
                    promoters,
                    passives: n - promoters - detractors,
                    detractors,
                }),
            );
        }
        for (s, &(q, max)) in plan.standards.iter().enumerate() {
            let id = survey.questions[q].id.clone();
            if std_sup[s][c] {
                g.standards.insert(id.clone(), Fig::Suppressed);
                basis(format!("standards.{id}.share"), None);
                continue;
            }
            let (n, ok, median, p90) = acc.standards[s].summary(c, max);
            basis(
                format!("standards.{id}.share"),
                Some(Basis::Share { k: ok, n }),
            );
            g.standards.insert(
                id,
                Fig::Shown(StandardStats {
                    n,
                    max,
                    share: ok as f64 / n as f64,
                    ci95: stats::wilson(ok, n),
                    median,
                    p90,
                }),
            );
        }
        for (s, &q) in plan.resolution.iter().enumerate() {
            let id = survey.questions[q].id.clone();
            if res_sup[s][c] {
                g.resolution.insert(id.clone(), Fig::Suppressed);
                basis(format!("resolution.{id}.share"), None);
                continue;
            }
            let [yes, no] = acc.resolution[c * nr + s];
            basis(
                format!("resolution.{id}.share"),
                Some(Basis::Share {
                    k: yes,
                    n: yes + no,
                }),
            );
            g.resolution.insert(id, Fig::Shown(share(yes, yes + no)));
        }
        if let Some((q, mix_sup, opt_counts, opt_sup, type_counts, type_sup)) = &channel {
            let options = survey.questions[*q].kind.options();
            let no = options.len();
            let n: u64 = opt_counts[c * no..(c + 1) * no].iter().sum();
            if !channels_shown(c) {
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
        // Drivers: importance (r with the level) against performance (the item index).
        if nd > 0 {
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
                    (Some(performance), Some(r)) if co.n >= k64 && !driver_sup[i][c] => {
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
                (median(&mut imp), median(&mut perf))
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
        for (t, &q) in plan.texts.iter().enumerate() {
            if !texts_here {
                break;
            }
            let id = survey.questions[q].id.clone();
            if text_sup[t][c] {
                g.texts.insert(id, Fig::Suppressed);
                continue;
            }
            let Column::Text(col) = data.column(q) else {
                unreachable!("text question")
            };
            let answers = shuffle_texts(
                acc.texts[c * nt + t]
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
        groups.push(Group::Shown(Box::new(g)));
    }

    let (changes, trends) = if plan.keys.first().is_some_and(|k| k.question.is_none()) {
        changes_and_trends(plan, data, &listed, &bases)
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
        let q = k.question?;
        let code = (c / k.stride) % k.card;
        let h = plan.survey.questions[q]
            .kind
            .options()
            .get(code.checked_sub(1)?)?
            .headcount?;
        (h > 0).then(|| n as f64 / f64::from(h))
    })
}
