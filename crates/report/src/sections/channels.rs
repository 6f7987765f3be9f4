//! The channel mix of the touchpoints (external clients).

use otklik_analytics::Fig;
use otklik_charts::{ChannelBar, ChannelKind, ChannelsInput, Datum};
use otklik_survey::Channel;

use crate::build::document::{Doc, Sec, TableData};
use crate::build::lookups::{find, pct};
use crate::build::runs::Run;
use crate::charts;
use crate::i18n::{words, Lang};
use crate::model::*;

pub(crate) fn channel_mix(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, tq: usize) {
    let w = words(run.lang);
    let s = run.survey;
    let q = &s.questions[tq];
    let year = find(&run.main, run.year, &[]);
    let mix = year.shown().and_then(|g| g.channels.get(&q.id));
    let options = q.kind.options();
    let kind = |c: Option<Channel>| match c {
        Some(Channel::Digital) => w.digital,
        Some(Channel::Offline) => w.offline,
        None => "",
    };
    let part = |f: Option<&Fig<otklik_analytics::PartStats>>| -> [Cell; 3] {
        match f {
            Some(Fig::Shown(p)) => [
                Cell::Num {
                    value: p.share * 100.0,
                    decimals: 1,
                },
                Cell::Interval {
                    bounds: pct(p.ci95),
                    decimals: 1,
                },
                Cell::Int(p.n),
            ],
            Some(Fig::Suppressed) => [Cell::Suppressed, Cell::Suppressed, Cell::Suppressed],
            None => [Cell::Empty, Cell::Empty, Cell::Empty],
        }
    };
    let mut rows = Vec::new();
    let mut bars = Vec::new();
    for o in options {
        let f = match mix {
            Some(Fig::Shown(m)) => m.options.get(&o.id),
            Some(Fig::Suppressed) => Some(&Fig::Suppressed),
            None => None,
        };
        let mut row = vec![
            Cell::Text(o.label.get(run.lang.code()).to_owned()),
            Cell::Text(kind(o.channel).to_owned()),
        ];
        row.extend(part(f));
        rows.push(row);
        bars.push(ChannelBar {
            label: o.label.get(run.lang.code()).to_owned(),
            kind: if o.channel == Some(Channel::Digital) {
                ChannelKind::Digital
            } else {
                ChannelKind::Offline
            },
            value: f.map_or(Datum::Missing, Datum::from),
        });
    }
    if let Some(Fig::Shown(m)) = mix {
        for (t, name) in [("digital", w.digital), ("offline", w.offline)] {
            if let Some(f) = m.types.get(t) {
                let label = if run.lang == Lang::Ru {
                    format!("Все каналы типа «{name}»")
                } else {
                    format!("All {name} channels")
                };
                let mut row = vec![Cell::Text(label), Cell::Text(name.to_owned())];
                row.extend(part(Some(f)));
                rows.push(row);
            }
        }
    }
    let caption = match run.lang {
        Lang::Ru => format!(
            "Каналы обращения: доли точек взаимодействия, {} год",
            run.year
        ),
        Lang::En => format!("Channels: shares of touchpoints, {}", run.year),
    };
    doc.figure(
        sec,
        &caption,
        |id, title| charts::channels(id, title, ChannelsInput { channels: bars }, run.lang, run.k),
        Some(TableData {
            columns: vec![w.c_touchpoint, w.c_type, w.c_share, w.c_ci, w.c_n],
            rows,
            k: run.k,
        }),
    );
}
