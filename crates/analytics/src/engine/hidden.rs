//! Which figures of a grouping's cells are hidden: each cell's place in the
//! publication set, whose protection hides the figures of small groups (and of any
//! group that would reveal one), and the channel mix's own remainder rule.

use std::collections::HashMap;

use otklik_survey::{Channel, Responses, Survey};

use super::acc::Acc;
use super::plan::{Plan, Source};
use super::publication::{CellCode, Dim, Family, Mix};
use super::Protection;
use crate::suppress::remainder_rule;

/// The cells of a table of the publication set behind a grouping's cells.
struct Table<'a> {
    data: &'a Responses,
    plan: &'a Plan<'a>,
    dims: &'a [Dim],
    protection: &'a Protection,
    /// Per dimension of the table: the grouping's key.
    key_of_dim: Vec<usize>,
    labels: Vec<String>,
}

impl<'a> Table<'a> {
    fn new(
        data: &'a Responses,
        plan: &'a Plan<'a>,
        dims: &'a [Dim],
        protection: &'a Protection,
    ) -> Table<'a> {
        let key_of_dim: Vec<usize> = dims
            .iter()
            .map(|d| {
                plan.keys
                    .iter()
                    .position(|k| match (d, k.source) {
                        (Dim::Period | Dim::Year, Source::Period) => true,
                        (Dim::Group(q), Source::Question(kq)) => *q == kq,
                        (Dim::Channel, Source::Channel) => true,
                        _ => false,
                    })
                    .expect("every dimension is a key")
            })
            .collect();
        let labels: Vec<String> = data.periods().iter().map(ToString::to_string).collect();
        Table {
            data,
            plan,
            dims,
            protection,
            key_of_dim,
            labels,
        }
    }

    /// A cell's code in each dimension of the table, in the table's order.
    fn codes(&self, c: usize) -> Vec<CellCode<'_>> {
        self.dims
            .iter()
            .zip(&self.key_of_dim)
            .map(|(d, &ki)| {
                let key = &self.plan.keys[ki];
                let code = (c / key.stride) % key.card;
                match d {
                    Dim::Period => {
                        CellCode::Period(self.labels.get(code).map_or("", String::as_str))
                    }
                    Dim::Year => {
                        CellCode::Year(self.data.periods().get(code).map_or(0, |p| p.year()))
                    }
                    Dim::Group(_) | Dim::Channel => CellCode::Option(code),
                }
            })
            .collect()
    }

    /// The cell, or (`extra`: a question and an option) its part in the table with
    /// that question too.
    fn cell(&self, c: usize, extra: Option<(usize, usize)>) -> Option<usize> {
        let mut codes: Vec<(Dim, CellCode<'_>)> =
            self.dims.iter().copied().zip(self.codes(c)).collect();
        if let Some((q, option)) = extra {
            codes.push((Dim::Group(q), CellCode::Option(option)));
            codes.sort_by_key(|(d, _)| *d);
        }
        let (ds, cs): (Vec<Dim>, Vec<CellCode<'_>>) = codes.into_iter().unzip();
        self.protection.cell(&ds, &cs)
    }
}

/// The channel mix of the touchpoint question `q`, per cell, with what it hides.
pub(super) struct ChannelMix {
    pub(super) q: usize,
    /// Per cell: the mix as a whole.
    pub(super) hidden: Vec<bool>,
    /// Per cell and option.
    pub(super) opt_counts: Vec<u64>,
    pub(super) opt_hidden: Vec<bool>,
    /// Per cell and channel type (digital, offline).
    pub(super) type_counts: Vec<u64>,
    pub(super) type_hidden: Vec<bool>,
}

/// Which figures of each cell of a grouping are hidden, per figure family.
pub(super) struct Hidden<'a> {
    survey: &'a Survey,
    dims: &'a [Dim],
    protection: &'a Protection,
    /// K for figures in this table.
    pub(super) k: u32,
    /// The whole group.
    pub(super) group: Vec<bool>,
    /// Per coded item (`plan.hist_items`).
    pub(super) item: Vec<Vec<bool>>,
    /// Per dimension.
    pub(super) dimension: Vec<Vec<bool>>,
    /// The client-centricity level.
    pub(super) level: Vec<bool>,
    /// Per standard.
    pub(super) standard: Vec<Vec<bool>>,
    /// Per resolution question.
    pub(super) resolution: Vec<Vec<bool>>,
    /// Whether this table is the one whose free text is published.
    pub(super) texts_here: bool,
    /// Per free-text question.
    pub(super) text: Vec<Vec<bool>>,
    /// Per scale item.
    pub(super) driver: Vec<Vec<bool>>,
    /// With the touchpoint a grouping question: per cell and option, the cell of the
    /// table by touchpoint.
    channel_cells: Option<Vec<Option<usize>>>,
    pub(super) channel: Option<ChannelMix>,
}

impl<'a> Hidden<'a> {
    /// The figures hidden in `plan`'s cells (`live`: those with responses), under
    /// `protection` for the table `dims`.
    pub(super) fn new(
        survey: &'a Survey,
        data: &'a Responses,
        plan: &'a Plan<'a>,
        acc: &Acc,
        protection: &'a Protection,
        dims: &'a [Dim],
        live: &[usize],
    ) -> Hidden<'a> {
        let k = protection.k_for(dims);
        let cells = plan.cells;
        let table = Table::new(data, plan, dims, protection);
        let at: Vec<Option<usize>> = (0..cells).map(|c| table.cell(c, None)).collect();
        // The parts of a channel mix that are cells of the publication set (responses
        // naming a touchpoint, digital, offline), when the touchpoint is a grouping question.
        let mix_at: Option<Vec<[Option<usize>; 3]>> = protection
            .touchpoint()
            .filter(|t| !dims.contains(&Dim::Group(*t)))
            .map(|_| {
                (0..cells)
                    .map(|c| {
                        let codes = table.codes(c);
                        [Mix::Named, Mix::Type(0), Mix::Type(1)]
                            .map(|part| protection.mix_cell(dims, &codes, part))
                    })
                    .collect()
            });
        let hidden_of =
            |f: Family| -> Vec<bool> { at.iter().map(|&m| protection.hidden(f, m)).collect() };
        let group = hidden_of(Family::N);
        let item = plan
            .hist_items
            .iter()
            .map(|it| hidden_of(Family::Item(it.q)))
            .collect();
        let dimension = (0..plan.dims.len())
            .map(|d| hidden_of(Family::Dimension(d)))
            .collect();
        let level = hidden_of(Family::Level);
        let standard = plan
            .standards
            .iter()
            .map(|&(q, _)| hidden_of(Family::Standard(q)))
            .collect();
        let resolution = plan
            .resolution
            .iter()
            .map(|&q| hidden_of(Family::Resolution(q)))
            .collect();
        let texts_here = protection.is_text_table(dims);
        let text = plan
            .texts
            .iter()
            .map(|&q| hidden_of(Family::Text(q)))
            .collect();
        let driver = plan
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
            match plan.keys.iter().find(|k| k.question() == Some(t)) {
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
                    .map(|s| table.cell(s / no, Some((t, s % no + 1))))
                    .collect(),
            }
        });
        let channel = plan.touchpoint.map(|q| {
            // The mix itself is a figure of the responses that name a touchpoint: with
            // the touchpoint a grouping question, a cell of the publication set (or, in a
            // table by touchpoint, the group itself).
            let mix_hidden = match (&mix_at, protection.touchpoint()) {
                (Some(m), _) => m
                    .iter()
                    .map(|x| protection.hidden(Family::N, x[0]))
                    .collect(),
                (None, Some(_)) => group.clone(),
                (None, None) => hidden_of(Family::Channels),
            };
            channel_mix(ChannelMixInput {
                survey,
                plan,
                acc,
                protection,
                live,
                q,
                mix_hidden,
                mix_at: mix_at.as_deref(),
                channel_cells: channel_cells.as_deref(),
                k: u64::from(k),
            })
        });
        Hidden {
            survey,
            dims,
            protection,
            k,
            group,
            item,
            dimension,
            level,
            standard,
            resolution,
            texts_here,
            text,
            driver,
            channel_cells,
            channel,
        }
    }

    /// Whether cell `c`'s channel mix is published in this table: with the touchpoint a
    /// grouping question, only when every part's cell by touchpoint is.
    pub(super) fn channels_shown(&self, c: usize) -> bool {
        match (&self.channel_cells, self.protection.touchpoint()) {
            (Some(cc), Some(t)) => {
                let no = self.survey.questions[t].kind.options().len();
                self.dims.contains(&Dim::Group(t)) || (0..no).all(|o| cc[c * no + o].is_some())
            }
            _ => true,
        }
    }
}

/// What the channel mix's suppression reads.
struct ChannelMixInput<'a> {
    survey: &'a Survey,
    plan: &'a Plan<'a>,
    acc: &'a Acc,
    protection: &'a Protection,
    live: &'a [usize],
    /// The touchpoint question.
    q: usize,
    /// Per cell: the mix as a whole.
    mix_hidden: Vec<bool>,
    mix_at: Option<&'a [[Option<usize>; 3]]>,
    channel_cells: Option<&'a [Option<usize>]>,
    k: u64,
}

/// Channel mix: options and types, hidden across sibling groups and within each group.
fn channel_mix(input: ChannelMixInput<'_>) -> ChannelMix {
    let ChannelMixInput {
        survey,
        plan,
        acc,
        protection,
        live,
        q,
        mix_hidden,
        mix_at,
        channel_cells,
        k: k64,
    } = input;
    let cells = plan.cells;
    let partitions = parent_partitions(plan, live);
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
        for &c in live {
            parts.push((0..width).map(|j| c * width + j).collect());
        }
        parts
    };
    let mut opt_hidden: Vec<bool> = (0..cells * no)
        .map(|s| {
            mix_hidden[s / no]
                || opt_counts[s] < k64
                || channel_cells.is_some_and(|cc| protection.hidden(Family::N, cc[s]))
        })
        .collect();
    // A shown channel type minus its shown touchpoints would reveal the hidden
    // ones: within each group, the touchpoints of one type are siblings too.
    let mut opt_parts = spread(no);
    for &c in live {
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
    remainder_rule(&opt_counts, &mut opt_hidden, &opt_parts, k64);
    let mut type_hidden: Vec<bool> = (0..cells * 2)
        .map(|s| {
            mix_hidden[s / 2]
                || type_counts[s] < k64
                || mix_at.is_some_and(|m| protection.hidden(Family::N, m[s / 2][1 + s % 2]))
        })
        .collect();
    remainder_rule(&type_counts, &mut type_hidden, &spread(2), k64);
    ChannelMix {
        q,
        hidden: mix_hidden,
        opt_counts,
        opt_hidden,
        type_counts,
        type_hidden,
    }
}

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
