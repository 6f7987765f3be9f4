//! Appendix «Reproducibility stamp».

use crate::build::document::{Doc, Sec};
use crate::build::runs::Run;
use crate::i18n::{words, Lang};
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
    let w = words(lang);
    let ru = lang == Lang::Ru;
    let mut files = Vec::new();
    let mut command = vec!["otklik".to_owned(), "report".to_owned()];
    for (i, input) in inputs.iter().enumerate() {
        files.push(StampFile {
            role: w.definition.to_owned(),
            name: input.definition.name.clone(),
            sha256: input.definition.sha256.clone(),
        });
        if i > 0 {
            command.push("--also".to_owned());
        }
        command.push(shell_quote(&input.definition.name));
        for f in &input.files {
            files.push(StampFile {
                role: w.responses.to_owned(),
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
        (w.c_year.to_owned(), params.year.to_string()),
        (w.compared_with.to_owned(), compare.join(", ")),
        (
            if ru { "Язык" } else { "Language" }.to_owned(),
            lang.code().to_owned(),
        ),
        (w.organisation.to_owned(), params.organisation.clone()),
    ];
    for run in runs {
        parameters.push((
            if ru {
                format!("K / порог свободных ответов ({})", run.survey.id)
            } else {
                format!("K / free-text threshold ({})", run.survey.id)
            },
            format!("{} / {}", run.k, run.main.min_group_text),
        ));
    }
    parameters.push((
        if ru {
            "Уровень доверия"
        } else {
            "Confidence level"
        }
        .to_owned(),
        "95%".to_owned(),
    ));
    if let Some(text) = &params.recommendations {
        command.push("--recommendations FILE".to_owned());
        parameters.push((
            if ru {
                "Рекомендации изменены пользователем (SHA-256 текста)"
            } else {
                "Recommendations edited by the user (SHA-256 of the text)"
            }
            .to_owned(),
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
    let w = words(lang);
    let ru = lang == Lang::Ru;
    sec.para(if ru {
        "Показатели отчета можно получить заново командой ниже на тех же файлах: совпадение хешей SHA-256 подтверждает, что файлы те же."
    } else {
        "The report's figures can be re-derived with the command below on the same files; equal SHA-256 hashes confirm the files are the same."
    });
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
        if ru {
            "Входные файлы"
        } else {
            "Input files"
        },
        vec![w.c_file, w.c_role, w.c_sha],
        rows,
        5,
    );
    let mut rows = vec![vec![
        Cell::Text(
            if ru {
                "Версия программы"
            } else {
                "Application version"
            }
            .to_owned(),
        ),
        Cell::Text(stamp.app_version.clone()),
    ]];
    rows.extend(
        stamp
            .parameters
            .iter()
            .map(|(k, v)| vec![Cell::Text(k.clone()), Cell::Text(v.clone())]),
    );
    rows.push(vec![
        Cell::Text(if ru { "Команда" } else { "Command" }.to_owned()),
        Cell::Code(stamp.command.clone()),
    ]);
    doc.table(
        sec,
        if ru {
            "Параметры"
        } else {
            "Parameters"
        },
        vec![w.c_parameter, w.c_value],
        rows,
        5,
    );
}

/// The stamp's appendix.
pub(crate) fn section(doc: &mut Doc, stamp: &Stamp, letter: &str) -> Section {
    let lang = doc.lang;
    let w = words(lang);
    let mut sec = Sec::new(letter.to_owned());
    stamp_blocks(doc, &mut sec, stamp, lang);
    doc.section("stamp", letter.to_owned(), w.s_stamp, w.s_stamp, sec)
}
