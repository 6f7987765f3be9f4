//! The channel mix of the touchpoints (external clients).

use otklik_analytics::Fig;
use otklik_charts::{ChannelBar, ChannelsInput, Datum};
use otklik_survey::Channel;

use crate::build::document::{Doc, Sec, TableData};
use crate::build::lookups::{find, pct};
use crate::build::runs::Run;
use crate::charts;
use crate::i18n::{tr, tr_args};
use crate::model::*;

pub(crate) fn channel_mix(doc: &mut Doc, sec: &mut Sec, run: &Run<'_>, tq: usize) {
    let lang = run.lang;
    let s = run.survey;
    let q = &s.questions[tq];
    let year = find(&run.main, run.year, &[]);
    let mix = year.shown().and_then(|g| g.channels.get(&q.id));
    let options = q.kind.options();
    let kind = |c: Option<Channel>| match c {
        Some(Channel::Digital) => tr(lang, "channel-digital"),
        Some(Channel::Offline) => tr(lang, "channel-offline"),
        None => String::new(),
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
            Cell::Text(kind(o.channel)),
        ];
        row.extend(part(f));
        rows.push(row);
        bars.push(ChannelBar::of_option(
            o,
            run.lang,
            f.map_or(Datum::Missing, Datum::from),
        ));
    }
    if let Some(Fig::Shown(m)) = mix {
        for (t, channel) in [("digital", Channel::Digital), ("offline", Channel::Offline)] {
            if let Some(f) = m.types.get(t) {
                let name = kind(Some(channel));
                let label = tr_args(
                    lang,
                    "channels-all-of-type",
                    &[("type", name.as_str().into())],
                );
                let mut row = vec![Cell::Text(label), Cell::Text(name)];
                row.extend(part(Some(f)));
                rows.push(row);
            }
        }
    }
    let caption = tr_args(lang, "channels-caption", &[("year", run.year.into())]);
    doc.figure(
        sec,
        &caption,
        |id, title| charts::channels(id, title, ChannelsInput { channels: bars }, run.lang, run.k),
        Some(TableData {
            columns: vec![
                tr(lang, "col-touchpoint"),
                tr(lang, "col-type"),
                tr(lang, "col-contacts-share"),
                tr(lang, "col-ci"),
                tr(lang, "col-n"),
            ],
            rows,
            k: run.k,
        }),
    );
}
