//! Appendix «Reproducibility stamp».

use crate::build::document::{Doc, Sec};
use crate::build::runs::Run;
use crate::i18n::{tr, tr_args, Lang};
use crate::model::*;
use crate::{sha256_hex, Input, Params};

pub(crate) fn shell_quote(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

pub(crate) fn stamp(inputs: &[Input<'_>], params: &Params, runs: &[Run<'_>]) -> Stamp {
    let lang = params.lang;
    let mut files = Vec::new();
    let mut command = vec!["otklik".to_owned(), "report".to_owned()];
    for (i, input) in inputs.iter().enumerate() {
        files.push(StampFile {
            role: tr(lang, "stamp-role-definition"),
            name: input.definition.name.clone(),
            sha256: input.definition.sha256.clone(),
        });
        if i > 0 {
            command.push("--also".to_owned());
        }
        command.push(shell_quote(&input.definition.name));
        for f in &input.files {
            files.push(StampFile {
                role: tr(lang, "stamp-role-responses"),
                name: f.name.clone(),
                sha256: f.sha256.clone(),
            });
            command.push(shell_quote(&f.name));
        }
    }
    command.push(format!("--year {}", params.year));
    let compare: Vec<String> = {
        let mut c: Vec<u16> = runs
            .iter()
            .flat_map(|r| r.main.periods.iter().filter_map(|p| p.parse().ok()))
            .filter(|&y| y != params.year)
            .collect();
        c.sort_unstable();
        c.dedup();
        c.iter().map(ToString::to_string).collect()
    };
    for c in &compare {
        command.push(format!("--compare {c}"));
    }
    command.push(format!("--lang {}", lang.code()));
    command.push(format!("--org {}", shell_quote(&params.organisation)));
    if let Some(k) = params.min_group {
        command.push(format!("--min-group {k}"));
    }
    let mut parameters = vec![
        (tr(lang, "col-year"), params.year.to_string()),
        (tr(lang, "label-compared-with"), compare.join(", ")),
        (tr(lang, "stamp-language"), lang.code().to_owned()),
        (tr(lang, "label-organisation"), params.organisation.clone()),
    ];
    for run in runs {
        parameters.push((
            tr_args(
                lang,
                "stamp-threshold",
                &[("survey", run.survey.id.as_str().into())],
            ),
            format!("{} / {}", run.k, run.main.min_group_text),
        ));
    }
    parameters.push((tr(lang, "stamp-confidence"), "95%".to_owned()));
    if let Some(text) = &params.recommendations {
        command.push("--recommendations FILE".to_owned());
        parameters.push((
            tr(lang, "stamp-recommendations-hash"),
            sha256_hex(text.as_bytes()),
        ));
    }
    Stamp {
        app_version: params.app_version.clone(),
        files,
        parameters,
        command: command.join(" "),
    }
}

pub(crate) fn stamp_blocks(doc: &mut Doc, sec: &mut Sec, stamp: &Stamp, lang: Lang) {
    sec.para(tr(lang, "stamp-intro"));
    let rows = stamp
        .files
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.name.clone()),
                Cell::Text(f.role.clone()),
                Cell::Code(f.sha256.clone()),
            ]
        })
        .collect();
    doc.table(
        sec,
        tr(lang, "stamp-files-caption"),
        vec![
            tr(lang, "col-file"),
            tr(lang, "col-role"),
            tr(lang, "col-sha"),
        ],
        rows,
        5,
    );
    let mut rows = vec![vec![
        Cell::Text(tr(lang, "stamp-version")),
        Cell::Text(stamp.app_version.clone()),
    ]];
    rows.extend(
        stamp
            .parameters
            .iter()
            .map(|(k, v)| vec![Cell::Text(k.clone()), Cell::Text(v.clone())]),
    );
    rows.push(vec![
        Cell::Text(tr(lang, "stamp-command")),
        Cell::Code(stamp.command.clone()),
    ]);
    doc.table(
        sec,
        tr(lang, "stamp-parameters-caption"),
        vec![tr(lang, "col-parameter"), tr(lang, "col-value")],
        rows,
        5,
    );
}

/// The stamp's appendix.
pub(crate) fn section(doc: &mut Doc, stamp: &Stamp, letter: &str) -> Section {
    let lang = doc.lang;
    let title = tr(lang, "section-stamp");
    let mut sec = Sec::new(letter.to_owned());
    stamp_blocks(doc, &mut sec, stamp, lang);
    doc.section("stamp", letter.to_owned(), &title, &title, sec)
}
