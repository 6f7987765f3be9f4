//! The `otklik` binary end to end, as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `otklik` with English messages, whatever the machine's locale.
fn otklik(args: &[&str]) -> Output {
    otklik_in(args, &[("OTKLIK_LANG", "en")])
}

/// Runs `otklik` with no locale but `env`.
fn otklik_in(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_otklik"));
    for v in ["OTKLIK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(v);
    }
    c.envs(env.iter().copied())
        .args(args)
        .output()
        .expect("runs")
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo(dir: &Path, seed: &str) {
    let o = otklik(&["demo", "--out", s(dir), "--seed", seed]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn validate_accepts_the_templates_and_lists_every_problem_of_a_bad_definition() {
    for t in ["internal-client", "external-client"] {
        let o = otklik(&["validate", s(&fixtures().join(format!("surveys/{t}.json")))]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id":"x","version":0,"audience":"internal","title":"T","questions":[
            {"id":"a","type":"slider","text":"A"},
            {"id":"b","type":"scale","points":2,"dimension":"nope","text":"B"}]}"#,
    )
    .unwrap();
    let o = otklik(&["validate", s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for expected in [
        "version: expected a whole number >= 1, found 0",
        "questions[0].type: unknown type \"slider\"",
        "questions[1].points: expected a whole number 3..=11, found 2",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn demo_is_deterministic_and_its_indicators_suppress_small_units() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    demo(a.path(), "5");
    demo(b.path(), "5");
    for f in [
        "internal-client.csv",
        "external-client.csv",
        "surveys/internal-client.json",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
    let survey = a.path().join("surveys/internal-client.json");
    let data = a.path().join("internal-client.csv");
    let o = otklik(&["indicators", s(&survey), s(&data), "--by", "period,dept"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["survey"], "internal-client");
    assert_eq!(v["min_group"], 5);
    assert_eq!(v["by"], serde_json::json!(["period", "dept"]));
    let groups = v["groups"].as_array().unwrap();
    let hidden: Vec<&Value> = groups.iter().filter(|g| g["suppressed"] == true).collect();
    assert!(!hidden.is_empty(), "the smallest units fall below K");
    for g in &hidden {
        assert_eq!(
            g.as_object().unwrap().len(),
            2,
            "a suppressed group shows only its key: {g}"
        );
    }
    for g in groups.iter().filter(|g| g["suppressed"] == false) {
        assert!(g["n"].as_u64().unwrap() >= 5);
        assert!(g["items"]["mgr_tasks"].is_object());
    }
    assert!(!v["changes"].as_array().unwrap().is_empty());
    assert!(!v["trends"].as_array().unwrap().is_empty());

    let table_args = [
        "indicators",
        s(&survey),
        s(&data),
        "--by",
        "period",
        "--format",
        "table",
    ];
    let table = otklik(&table_args);
    assert!(table.status.success());
    let en = String::from_utf8_lossy(&table.stdout).into_owned();
    assert!(en.contains("client-centricity level"), "{en}");
    // The same table in Russian: the catalogue's terms and decimal commas, nothing
    // left in English.
    let ru = otklik_in(&table_args, &[("LANG", "ru_RU.UTF-8")]);
    assert!(ru.status.success(), "{}", stderr(&ru));
    let ru = String::from_utf8_lossy(&ru.stdout).into_owned();
    for expected in [
        "уровень клиентоцентричности",
        "направление ",
        "групп показано: ",
    ] {
        assert!(ru.contains(expected), "missing {expected:?} in:\n{ru}");
    }
    for english in [
        "client-centricity",
        "fewer",
        "responses",
        "suppressed",
        "shown",
    ] {
        assert!(!ru.contains(english), "{english:?} left in:\n{ru}");
    }
    // Every figure line's value has a decimal comma, none a decimal point.
    let figures: Vec<&str> = ru
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains("n="))
        .collect();
    assert!(!figures.is_empty());
    for l in &figures {
        let value: String = l.chars().skip(36).collect();
        assert!(value.contains(','), "{l}");
        assert!(
            !value
                .chars()
                .zip(value.chars().skip(1))
                .any(|(a, b)| a == '.' && b.is_ascii_digit()),
            "{l}"
        );
    }
    // The same numbers as in English, with commas for points.
    let en_first = en
        .lines()
        .find(|l| l.contains("client-centricity level"))
        .unwrap();
    let ru_first = ru
        .lines()
        .find(|l| l.contains("уровень клиентоцентричности"))
        .unwrap();
    assert_eq!(
        en_first
            .chars()
            .skip(36)
            .collect::<String>()
            .replace(", ", "; ")
            .replace('.', ","),
        ru_first.chars().skip(36).collect::<String>()
    );
}

#[test]
fn merge_is_idempotent_shuffles_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "9");
    let survey = dir.path().join("surveys/external-client.json");
    let data = dir.path().join("external-client.csv");
    let out = dir.path().join("merged.csv");
    let o = otklik(&["merge", s(&survey), s(&data), s(&data), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original = std::fs::read_to_string(&data).unwrap();
    let merged = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        merged.lines().count(),
        original.lines().count(),
        "merging a file twice adds nothing"
    );
    let ids = |text: &str| {
        text.lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let (mut a, mut b) = (ids(&original), ids(&merged));
    assert_ne!(a, b, "the merged file is in a new random order");
    a.sort();
    b.sort();
    assert_eq!(a, b);

    // The merged file reads back, also as JSON, and gives the same indicators.
    let json = dir.path().join("merged.json");
    assert!(otklik(&["merge", s(&survey), s(&out), "-o", s(&json)])
        .status
        .success());
    let one = otklik(&["indicators", s(&survey), s(&data), "--by", "period"]);
    let two = otklik(&["indicators", s(&survey), s(&json), "--by", "period"]);
    assert!(
        one.stdout == two.stdout,
        "the same responses in another order and format give the very same figures"
    );

    // Same id, different answers: a conflict, exit 3, nothing written.
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    let first: Vec<&str> = lines[1].split(',').collect();
    let mut changed: Vec<String> = first.iter().map(|c| (*c).to_owned()).collect();
    changed[1] = if first[1] == "2022-Q1" {
        "2022-Q2".into()
    } else {
        "2022-Q1".into()
    };
    lines.truncate(1);
    lines.push(changed.join(","));
    let conflict = dir.path().join("conflict.csv");
    std::fs::write(&conflict, lines.join("\n")).unwrap();
    let out2 = dir.path().join("never.csv");
    let o = otklik(&["merge", s(&survey), s(&data), s(&conflict), "-o", s(&out2)]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("conflicts with an earlier file"));
    assert!(!out2.exists());
}

#[test]
fn a_bad_response_file_is_rejected_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let survey = fixtures().join("surveys/external-client.json");
    let bad = dir.path().join("answers.csv");
    std::fs::write(
        &bad,
        "response_id,period,wait_minutes\nr1,2026-Q1,10\nr2,2026-Q1,abc\n",
    )
    .unwrap();
    let o = otklik(&["indicators", s(&survey), s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("answers.csv:3: column wait_minutes: \"abc\" is not a whole number (0..600)"),
        "{err}"
    );
    assert!(o.stdout.is_empty());

    // The same, and the survey's own check, in Russian: by the locale, or by
    // OTKLIK_LANG over it. Windows line ends change no line number.
    let crlf = dir.path().join("crlf.csv");
    std::fs::write(
        &crlf,
        "response_id,period,wait_minutes\r\nr1,2026-Q1,10\r\n\r\nr2,2026-Q1,abc\r\n",
    )
    .unwrap();
    for env in [
        &[("LANG", "ru_RU.UTF-8")][..],
        &[("LANG", "en_US.UTF-8"), ("OTKLIK_LANG", "ru")],
    ] {
        let o = otklik_in(&["indicators", s(&survey), s(&crlf)], env);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.contains(
                "crlf.csv:4: столбец wait_minutes: \"abc\": ожидается целое число от 0 до 600"
            ),
            "{env:?}: {err}"
        );
        let o = otklik_in(&["validate", s(&survey)], env);
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("составлена верно"),
            "{env:?}: {o:?}"
        );
    }
    let o = otklik_in(
        &["indicators", s(&survey), s(&crlf)],
        &[("LC_ALL", "C.UTF-8"), ("LANG", "ru_RU.UTF-8")],
    );
    assert!(stderr(&o)
        .contains("crlf.csv:4: column wait_minutes: \"abc\" is not a whole number (0..600)"));

    let missing = otklik(&["indicators", s(&survey), s(&dir.path().join("nope.csv"))]);
    assert_eq!(missing.status.code(), Some(4));
    assert!(
        stderr(&missing).contains("nope.csv: no such file or folder"),
        "{}",
        stderr(&missing)
    );
    let missing = otklik_in(
        &["indicators", s(&survey), s(&dir.path().join("nope.csv"))],
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert_eq!(missing.status.code(), Some(4));
    assert!(
        stderr(&missing).contains("не удалось прочитать ")
            && stderr(&missing).contains("nope.csv: нет такого файла или папки"),
        "{}",
        stderr(&missing)
    );
    let usage = otklik(&["indicators"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn report_writes_every_format_from_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "3");
    let p = dir.path();
    let (si, di) = (
        p.join("surveys/internal-client.json"),
        p.join("internal-client.csv"),
    );
    let (se, de) = (
        p.join("surveys/external-client.json"),
        p.join("external-client.csv"),
    );
    for ext in ["html", "docx", "xlsx", "csv"] {
        let out = p.join(format!("report.{ext}"));
        let o = otklik(&[
            "report",
            s(&si),
            s(&di),
            "--year",
            "2026",
            "--compare",
            "2025",
            "--also",
            s(&se),
            s(&de),
            "--org",
            "ООО «Демо»",
            "--date",
            "2026-10-01",
            "-o",
            s(&out),
        ]);
        assert!(o.status.success(), "{ext}: {}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() > 1000, "{ext}: {} bytes", bytes.len());
        if ext == "html" {
            let html = String::from_utf8(bytes).unwrap();
            assert!(html.contains("Отчет о клиентоцентричности за 2026 год"));
            assert!(html.contains("ООО «Демо»") && html.contains("1 октября 2026 г."));
            assert!(html.contains("--compare 2025"));
        }
    }
    // English, the default comparison, the recommendations from a file.
    let rec = p.join("rec.txt");
    std::fs::write(&rec, "Shorten the approvals.\n").unwrap();
    let out = p.join("en.html");
    let o = otklik(&[
        "report",
        s(&si),
        s(&di),
        "--year",
        "2025",
        "--lang",
        "en",
        "--recommendations",
        s(&rec),
        "-o",
        s(&out),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("Client-centricity report for 2025")
            && html.contains("Shorten the approvals.")
    );
    assert!(html.contains("2022, 2023, 2024"));

    // A year without data, an unknown extension, a bad date.
    let o = otklik(&["report", s(&si), s(&di), "--year", "2031", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no responses in 2031"),
        "{}",
        stderr(&o)
    );
    let o = otklik(&[
        "report",
        s(&si),
        s(&di),
        "--year",
        "2026",
        "-o",
        s(&p.join("r.pdf")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = otklik(&[
        "report",
        s(&si),
        s(&di),
        "--year",
        "2026",
        "--date",
        "2026-02-30",
        "-o",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn k_is_never_lowered_and_tables_outside_the_publication_set_are_refused_in_both_languages() {
    let survey = fixtures().join("reference/survey.json");
    let data = fixtures().join("reference/responses.csv");
    let (survey, data) = (s(&survey), s(&data));
    let o = otklik(&["indicators", survey, data, "--min-group", "3"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("can be raised, not lowered: the survey promises its respondents 5, found 3"),
        "{}",
        stderr(&o)
    );
    let o = otklik_in(
        &["indicators", survey, data, "--min-group", "4"],
        &[("OTKLIK_LANG", "ru")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("можно увеличить, но не уменьшить: опрос обещает респондентам группы не меньше 5, а указано 4"),
        "{}",
        stderr(&o)
    );
    let raised = otklik(&[
        "indicators",
        survey,
        data,
        "--min-group",
        "8",
        "--by",
        "period",
    ]);
    assert!(raised.status.success(), "{}", stderr(&raised));
    let v: serde_json::Value = serde_json::from_slice(&raised.stdout).unwrap();
    assert_eq!(v["min_group"], 8);

    let o = otklik(&["indicators", survey, data, "--by", "dept,tp"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the table by dept, tp is not one that is published"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("period, dept"),
        "the tables there are: {}",
        stderr(&o)
    );
    let o = otklik_in(
        &["indicators", survey, data, "--by", "dept,tp"],
        &[("OTKLIK_LANG", "ru")],
    );
    assert!(
        stderr(&o).contains("не входит в публикуемые"),
        "{}",
        stderr(&o)
    );
    // Any key order of a published table: the same groups, the same hidden cells.
    let a = otklik(&["indicators", survey, data, "--by", "period,dept"]);
    let b = otklik(&["indicators", survey, data, "--by", "dept,period"]);
    let hidden = |o: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut keys: Vec<String> = v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g["suppressed"] == true)
            .map(|g| format!("{}|{}", g["key"]["period"], g["key"]["dept"]))
            .collect();
        keys.sort();
        keys
    };
    assert!(a.status.success() && b.status.success());
    assert_eq!(hidden(&a), hidden(&b));
}

#[test]
fn paper_writes_the_questionnaire_of_each_template_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    for t in ["internal-client", "external-client"] {
        let def = fixtures().join(format!("surveys/{t}.json"));
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&def).unwrap()).unwrap();
        let questions = json["questions"].as_array().unwrap();
        for lang in ["ru", "en"] {
            let out = dir.path().join(format!("{t}-{lang}.html"));
            let o = otklik(&[
                "paper",
                s(&def),
                "--lang",
                lang,
                "--period",
                "2026-Q1",
                "-o",
                s(&out),
            ]);
            assert!(o.status.success(), "{}", stderr(&o));
            let html = std::fs::read_to_string(&out).unwrap();
            assert!(html.starts_with("<!DOCTYPE html>"), "{t} {lang}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")));
            let title = json["title"][lang].as_str().unwrap();
            assert!(html.contains(&format!("<h1>{title}</h1>")), "{t} {lang}");
            assert!(html.contains("2026-Q1"));
            assert!(html.contains(if lang == "ru" {
                "№ анкеты"
            } else {
                "Form No."
            }));
            for n in 1..=questions.len() {
                let mark = format!("<span class=\"qn\">{n}.</span>");
                assert_eq!(html.matches(&mark).count(), 1, "{t} {lang} {n}");
            }
            assert_eq!(html.matches("class=\"qn\"").count(), questions.len());
            assert!(!html.contains("<script"));
        }
    }
    // Larger text, and no period: a line to fill in.
    let def = fixtures().join("surveys/external-client.json");
    let out = dir.path().join("large.html");
    let o = otklik(&["paper", s(&def), "--large", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<html lang=\"ru\" class=\"large\">"));
    assert!(html.contains("<span class=\"blank\"></span>"));
}

#[test]
fn paper_reports_a_bad_definition_or_period_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id":"x","version":1,"audience":"internal","title":"T","questions":[
            {"id":"a","type":"slider","text":"A"}]}"#,
    )
    .unwrap();
    let out = dir.path().join("form.html");
    let o = otklik(&["paper", s(&bad), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("questions[0].type: unknown type \"slider\""),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
    let def = fixtures().join("surveys/internal-client.json");
    let o = otklik(&["paper", s(&def), "--period", "2026-Q5", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"2026-Q5\" is not a period"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn indicators_by_channel_count_each_channel_and_hide_the_rare_one() {
    let dir = tempfile::tempdir().unwrap();
    demo(dir.path(), "4");
    let survey = dir.path().join("surveys/external-client.json");
    let plain = dir.path().join("external-client.csv");
    // Without channels there is no table by channel.
    let o = otklik(&["indicators", s(&survey), s(&plain), "--by", "channel"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not one that is published"),
        "{}",
        stderr(&o)
    );

    // The demo responses as JSON, each given a channel: paper for three of them (under
    // K), one in ten unknown, the rest kiosk and self.
    let json = dir.path().join("plain.json");
    assert!(otklik(&["merge", s(&survey), s(&plain), "-o", s(&json)])
        .status
        .success());
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let mut want: std::collections::BTreeMap<(String, String), u64> = Default::default();
    for (i, r) in doc["responses"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let channel = match i {
            7 | 100 | 1000 => Some("paper"),
            _ if i % 10 == 0 => None,
            _ if i % 3 == 0 => Some("kiosk"),
            _ => Some("self"),
        };
        if let Some(c) = channel {
            r["channel"] = Value::from(c);
        }
        let period = r["period"].as_str().unwrap().to_owned();
        let c = channel.map_or("null".to_owned(), |c| format!("{c:?}"));
        *want.entry((String::new(), c.clone())).or_default() += 1;
        *want.entry((period, c)).or_default() += 1;
    }
    let with = dir.path().join("with.json");
    std::fs::write(&with, serde_json::to_string(&doc).unwrap()).unwrap();

    for by in ["channel", "period,channel", "channel,period"] {
        let o = otklik(&["indicators", s(&survey), s(&with), "--by", by]);
        assert!(o.status.success(), "{by}: {}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        let keys: Vec<&str> = by.split(',').collect();
        assert_eq!(v["by"], serde_json::json!(keys));
        let groups = v["groups"].as_array().unwrap();
        let mut shown = 0;
        for g in groups {
            let c = g["key"]["channel"].to_string();
            let period = g["key"]
                .get("period")
                .map_or(String::new(), |p| p.as_str().unwrap().to_owned());
            let n = want.get(&(period.clone(), c.clone())).copied().unwrap_or(0);
            if g["suppressed"] == true {
                continue;
            }
            shown += 1;
            assert_eq!(g["n"].as_u64().unwrap(), n, "{by}: {period} {c}");
            assert!(n >= 5);
        }
        assert!(shown > 0, "{by}");
        // Three paper forms: under K, hidden wherever they are.
        let paper: Vec<&Value> = groups
            .iter()
            .filter(|g| g["key"]["channel"] == "paper")
            .collect();
        assert!(!paper.is_empty(), "{by}: every channel is listed");
        assert!(paper.iter().all(|g| g["suppressed"] == true), "{by}");
    }
    // In the table, responses that say no channel are "not stated", not "no answer".
    let o = otklik(&[
        "indicators",
        s(&survey),
        s(&with),
        "--by",
        "channel",
        "--format",
        "table",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("channel=(not stated)"), "{table}");
    assert!(!table.contains("channel=(no answer)"), "{table}");
    // Channel is published alone and by time, not with a grouping question.
    let o = otklik(&[
        "indicators",
        s(&survey),
        s(&with),
        "--by",
        "channel,segment",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));

    // Merged into CSV, the channels come along and give the very same figures.
    let merged = dir.path().join("merged.csv");
    let o = otklik(&["merge", s(&survey), s(&with), "-o", s(&merged)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&merged).unwrap();
    assert!(
        text.starts_with("response_id,period,survey,version,channel,"),
        "{}",
        &text[..80]
    );
    let one = otklik(&["indicators", s(&survey), s(&with), "--by", "period,channel"]);
    let two = otklik(&[
        "indicators",
        s(&survey),
        s(&merged),
        "--by",
        "period,channel",
    ]);
    assert!(one.status.success() && one.stdout == two.stdout);
}
