//! The yearly report from the demo data, read back from every format; the printed
//! questionnaire of random surveys (`paper.rs`).

mod paper;
#[path = "../../../tests/support/proptest.rs"]
mod settings;

use std::collections::BTreeMap;
use std::io::Read;

use otklik_analytics::{analyze, Group, Key};
use otklik_report::{build, render, Cell, Error, FileHash, Format, Input, Lang, Params, Report};
use otklik_survey::{import, Responses, Survey};

const XSS: &str = r#"<script>alert(1)</script> & =HYPERLINK("http://x","y")"#;

/// The two templates with demo data: yearly periods (so a small unit falls below K)
/// or the default quarterly ones.
fn demo(yearly: bool) -> Vec<(Survey, Responses, Vec<u8>)> {
    let spec = otklik_demo::Spec {
        last: if yearly { "2026" } else { "2026-Q3" }.parse().unwrap(),
        responses: Some(if yearly { 1500 } else { 2600 }),
        ..Default::default()
    };
    otklik_demo::templates()
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let csv = otklik_demo::generate_csv(&s, &spec, 11 + i as u64);
            let data = import::read_csv(&s, "demo.csv", &csv, &Default::default()).unwrap();
            (s, data, csv)
        })
        .collect()
}

fn inputs(d: &[(Survey, Responses, Vec<u8>)]) -> Vec<Input<'_>> {
    d.iter()
        .map(|(s, r, csv)| Input {
            survey: s,
            responses: r,
            definition: FileHash::of(format!("{}.json", s.id), s.to_json().as_bytes()),
            files: vec![FileHash::of(format!("{}.csv", s.id), csv)],
        })
        .collect()
}

fn params() -> Params {
    Params {
        year: 2026,
        organisation: "ООО «Тест»".into(),
        prepared: "2026-11-02".parse().unwrap(),
        ..Params::default()
    }
}

fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_owned();
        let mut s = String::new();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            f.read_to_string(&mut s).unwrap();
            out.insert(name, s);
        }
    }
    out
}

fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    n.descendants()
        .filter(|d| d.has_tag_name("t"))
        .filter_map(|d| d.text())
        .collect()
}

/// A DOCX read back: headings (style, text), paragraphs, tables (rows of cell texts).
struct Docx {
    headings: Vec<(String, String)>,
    paragraphs: Vec<String>,
    tables: Vec<Vec<Vec<String>>>,
    media: usize,
    header_rows: usize,
}

fn read_docx(bytes: &[u8]) -> Docx {
    let files = unzip(bytes);
    let xml = &files["word/document.xml"];
    let doc = roxmltree::Document::parse(xml).expect("document.xml is XML");
    let mut headings = Vec::new();
    let mut paragraphs = Vec::new();
    for p in doc.descendants().filter(|n| n.has_tag_name("p")) {
        let style = p
            .descendants()
            .find(|n| n.has_tag_name("pStyle"))
            .and_then(|n| {
                n.attributes()
                    .find(|a| a.name() == "val")
                    .map(|a| a.value().to_owned())
            });
        let t = text_of(p);
        match style {
            Some(s) if s.starts_with("Heading") => headings.push((s, t)),
            _ => paragraphs.push(t),
        }
    }
    let tables = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .map(|t| {
            t.children()
                .filter(|r| r.has_tag_name("tr"))
                .map(|r| {
                    r.children()
                        .filter(|c| c.has_tag_name("tc"))
                        .map(text_of)
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let media = (0..z.len())
        .filter(|&i| z.by_index(i).unwrap().name().starts_with("word/media/"))
        .count();
    let header_rows = doc
        .descendants()
        .filter(|n| n.has_tag_name("tblHeader"))
        .count();
    Docx {
        headings,
        paragraphs,
        tables,
        media,
        header_rows,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum X {
    Num(f64),
    Str(String),
}

/// A sheet's rows: row number → cells by column index.
type Rows = BTreeMap<u32, BTreeMap<u32, X>>;

/// An XLSX read back: sheet name → rows.
struct Xlsx {
    sheets: Vec<(String, Rows)>,
    formulas: usize,
}

fn col_index(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let row: u32 = r[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0u32, |a, b| a * 26 + u32::from(b - b'A' + 1))
        - 1;
    (row, col)
}

fn read_xlsx(bytes: &[u8]) -> Xlsx {
    let files = unzip(bytes);
    let shared: Vec<String> = files.get("xl/sharedStrings.xml").map_or(Vec::new(), |x| {
        let d = roxmltree::Document::parse(x).unwrap();
        d.root_element()
            .children()
            .filter(|n| n.has_tag_name("si"))
            .map(text_of)
            .collect()
    });
    let wb = roxmltree::Document::parse(&files["xl/workbook.xml"]).unwrap();
    let rels = roxmltree::Document::parse(&files["xl/_rels/workbook.xml.rels"]).unwrap();
    let target = |id: &str| -> String {
        rels.descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .unwrap()
            .to_owned()
    };
    let mut sheets = Vec::new();
    let mut formulas = 0;
    for s in wb.descendants().filter(|n| n.has_tag_name("sheet")) {
        let name = s.attribute("name").unwrap().to_owned();
        let rid = s
            .attributes()
            .find(|a| a.name() == "id")
            .unwrap()
            .value()
            .to_owned();
        let path = format!("xl/{}", target(&rid));
        let d = roxmltree::Document::parse(&files[&path]).unwrap();
        formulas += d.descendants().filter(|n| n.has_tag_name("f")).count();
        let mut rows: Rows = BTreeMap::new();
        for c in d.descendants().filter(|n| n.has_tag_name("c")) {
            let (row, col) = col_index(c.attribute("r").unwrap());
            let v = c
                .children()
                .find(|n| n.has_tag_name("v"))
                .and_then(|n| n.text());
            let Some(v) = v else { continue };
            let x = match c.attribute("t") {
                None | Some("n") => X::Num(v.parse().unwrap()),
                Some("s") => X::Str(shared[v.parse::<usize>().unwrap()].clone()),
                Some(other) => X::Str(format!("{other}:{v}")),
            };
            rows.entry(row).or_default().insert(col, x);
        }
        sheets.push((name, rows));
    }
    Xlsx { sheets, formulas }
}

fn ccl_of_year(s: &Survey, data: &Responses, year: &str) -> f64 {
    let a = analyze(
        s,
        &data.with_periods_as_years(),
        &otklik_analytics::Params {
            by: vec![Key::Period],
            ..Default::default()
        },
    )
    .unwrap();
    a.groups
        .iter()
        .find_map(|g| match g {
            Group::Shown(st) if st.key["period"] == year => {
                st.ccl.as_ref().and_then(|f| f.shown()).map(|l| l.value)
            }
            _ => None,
        })
        .unwrap()
}

fn ru(x: f64) -> String {
    format!("{x:.1}").replace('.', ",").replace('-', "\u{2212}")
}

/// A unit of the internal demo below K in 2026 (yearly data): its label and true n.
fn small_unit(s: &Survey, data: &Responses) -> (String, usize) {
    let a = analyze(
        s,
        &data.with_periods_as_years(),
        &otklik_analytics::Params {
            by: vec![Key::Period, Key::Question("dept".into())],
            ..Default::default()
        },
    )
    .unwrap();
    let dept = s.question_index("dept").unwrap();
    let options = s.questions[dept].kind.options();
    for g in &a.groups {
        if let Group::Suppressed { key, .. } = g {
            if key["period"] == "2026" && key["dept"].is_string() {
                let id = key["dept"].as_str().unwrap();
                let opt = options.iter().position(|o| o.id == id).unwrap();
                let n = (0..data.len())
                    .filter(|&r| {
                        data.period(r).year() == 2026
                            && data.column(dept).answer(r)
                                == otklik_survey::Answer::Code(opt as u8 + 1)
                    })
                    .count();
                return (options[opt].label.get("ru").to_owned(), n);
            }
        }
    }
    panic!("the yearly demo has a unit below K in 2026");
}

#[test]
fn every_format_carries_the_engine_figures_and_nothing_suppressed() {
    let d = demo(true);
    let report = build(&inputs(&d), &params()).unwrap();
    let (s, data, _) = &d[0];
    let ccl = ccl_of_year(s, data, "2026");
    let (unit, true_n) = small_unit(s, data);
    assert!(true_n > 0 && true_n < 5, "{unit}: {true_n}");

    // The model: the level in the summary is the engine's value.
    let summary = report.tables().next().unwrap().1;
    assert_eq!(
        summary.rows[0][0],
        Cell::Text("Уровень клиентоцентричности".into())
    );
    assert_eq!(
        summary.rows[0][1],
        Cell::Num {
            value: ccl,
            decimals: 1
        }
    );

    // DOCX.
    let docx = read_docx(&render(&report, Format::Docx).unwrap());
    let h1: Vec<&str> = docx
        .headings
        .iter()
        .filter(|(s, _)| s == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    for h in [
        "1. Сводка",
        "2. Внутренние клиенты",
        "3. Внешние клиенты",
        "4. Динамика",
        "5. Приоритеты и рекомендации",
        "6. Методика и анонимность",
        "Приложение А. Перечень точек взаимодействия",
        "Приложение Б. Штамп воспроизводимости",
    ] {
        assert!(h1.contains(&h), "no heading {h:?} in {h1:?}");
    }
    assert!(docx
        .headings
        .iter()
        .any(|(s, t)| s == "Heading2" && t.starts_with("2.3 ")));
    let row = &docx.tables[0][1];
    assert_eq!(row[0], "Уровень клиентоцентричности");
    assert_eq!(row[1], ru(ccl));
    assert!(
        docx.media >= report.charts().count(),
        "every chart is an image"
    );
    assert_eq!(docx.header_rows, docx.tables.len(), "header rows repeat");
    let unit_rows: Vec<&Vec<String>> = docx
        .tables
        .iter()
        .flatten()
        .filter(|r| r[0] == unit)
        .collect();
    assert!(!unit_rows.is_empty());
    for r in &unit_rows {
        assert!(r[1..].iter().all(|c| c == "меньше 5"), "{r:?}");
    }

    // XLSX.
    let xlsx = read_xlsx(&render(&report, Format::Xlsx).unwrap());
    assert_eq!(xlsx.formulas, 0);
    let names: Vec<&str> = xlsx.sheets.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(names[0], "Титул");
    assert!(
        names.contains(&"1 Сводка") && names.contains(&"4 Динамика"),
        "{names:?}"
    );
    let summary = &xlsx.sheets.iter().find(|s| s.0 == "1 Сводка").unwrap().1;
    let level = summary
        .values()
        .find(|r| r.get(&0) == Some(&X::Str("Уровень клиентоцентричности".into())))
        .unwrap();
    assert_eq!(level[&1], X::Num(ccl), "the exact value, as a number");
    assert!(
        matches!(level[&2], X::Num(_)) && matches!(level[&3], X::Num(_)),
        "interval"
    );
    assert!(matches!(level[&4], X::Num(n) if n > 100.0), "n");
    let mut seen = 0;
    for (_, rows) in &xlsx.sheets {
        for r in rows.values() {
            if r.get(&0) == Some(&X::Str(unit.clone())) {
                seen += 1;
                for (c, v) in r.iter().skip(1) {
                    assert_eq!(v, &X::Str("меньше 5".into()), "column {c} of {unit}");
                }
            }
        }
    }
    assert!(seen > 0);

    // HTML.
    let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
    assert!(html.contains(&format!(
        "<th scope=\"row\">Уровень клиентоцентричности</th><td class=\"num\">{}</td>",
        ru(ccl)
    )));
    for row in html
        .split("<tr>")
        .map(|r| r.split("</tr>").next().unwrap())
        .filter(|r| r.contains(&format!(">{unit}<")))
    {
        let cells = row.matches("<td").count();
        assert_eq!(row.matches("меньше 5").count(), cells, "{row}");
    }
    assert!(html.contains("меньше 5"));

    // CSV.
    let csv = render(&report, Format::Csv).unwrap();
    let text = std::str::from_utf8(&csv[3..]).unwrap();
    for line in text
        .lines()
        .filter(|l| l.starts_with(&unit) || l.starts_with(&format!("\"{unit}")))
    {
        assert!(line.split(';').skip(1).all(|f| f == "меньше 5"), "{line}");
    }
}

#[test]
fn quarterly_data_are_reported_per_year() {
    let d = demo(false);
    let report = build(&inputs(&d[..1]), &params()).unwrap();
    let (s, data, _) = &d[0];
    let ccl = ccl_of_year(s, data, "2026");
    let summary = report.tables().next().unwrap().1;
    assert_eq!(summary.columns[1], "2026");
    assert_eq!(summary.columns[4], "2025");
    assert_eq!(
        summary.rows[0][1],
        Cell::Num {
            value: ccl,
            decimals: 1
        }
    );
    // One internal survey: no external section, no registry.
    let ids: Vec<&str> = report.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "summary",
            "internal",
            "dynamics",
            "priorities",
            "method",
            "stamp"
        ]
    );
    let samples = report
        .tables()
        .find(|(_, t)| t.caption == "Число ответов по годам")
        .unwrap()
        .1;
    assert!(samples
        .rows
        .iter()
        .any(|r| r[2] == Cell::Text("2026-Q1, 2026-Q2, 2026-Q3".into())));
    // Four quarterly waves a year: an employee may answer four times, so K becomes
    // 5 × 4 responses and the press service (3 people) stays hidden.
    let units = report
        .tables()
        .find(|(_, t)| {
            t.caption
                .starts_with("Уровень клиентоцентричности по подразделениям")
        })
        .unwrap()
        .1;
    assert_eq!(units.k, 20);
    let press = units
        .rows
        .iter()
        .find(|r| r[0] == Cell::Text("Пресс-служба".into()))
        .unwrap();
    assert!(
        press[1..].iter().all(|c| *c == Cell::Suppressed),
        "{press:?}"
    );
    let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
    assert!(html.contains("K = 5 × 4 = 20 ответов"));
}

#[test]
fn findings_and_recommendations_are_generated_and_replaceable() {
    let d = demo(true);
    let report = build(&inputs(&d), &params()).unwrap();
    let summary = &report.sections[0];
    let lists: Vec<&Vec<String>> = summary
        .blocks
        .iter()
        .filter_map(|b| match b {
            otklik_report::Block::List(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(lists.len(), 2);
    for l in lists {
        assert!((3..=4).contains(&l.len()), "{l:?}");
        assert!(l[0].starts_with("Уровень клиентоцентричности"), "{l:?}");
        assert!(l[0].contains(" из 100 (95% ДИ "));
    }
    assert!(
        report
            .generated_recommendations
            .lines()
            .any(|l| l.starts_with("Уделить внимание: «")
                && l.contains("— важность высокая, оценка "))
    );

    let mut p = params();
    p.recommendations = Some("Первое.\n\n  Второе.  \n".into());
    let edited = build(&inputs(&d), &p).unwrap();
    let pri = edited
        .sections
        .iter()
        .find(|s| s.id == "priorities")
        .unwrap();
    let last = pri.blocks.last().unwrap();
    assert_eq!(
        last,
        &otklik_report::Block::List(vec!["Первое.".into(), "Второе.".into()])
    );
    assert_eq!(
        edited.generated_recommendations,
        report.generated_recommendations
    );
}

#[test]
fn markup_and_formulas_are_inert_in_every_format() {
    let d = demo(true);
    let mut p = params();
    p.organisation = format!("=HYPERLINK(\"http://x\",\"y\") {XSS}");
    p.recommendations = Some(format!("{XSS}\n=HYPERLINK(\"http://x\",\"y\")\n@SUM(A1)"));
    let report = build(&inputs(&d), &p).unwrap();

    let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; =HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ));
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));

    let docx = read_docx(&render(&report, Format::Docx).unwrap());
    assert!(docx.paragraphs.iter().any(|t| t == &p.organisation));
    assert!(docx.paragraphs.iter().any(|t| t == &format!("•\t{XSS}")));

    let xlsx = read_xlsx(&render(&report, Format::Xlsx).unwrap());
    assert_eq!(xlsx.formulas, 0);
    assert_eq!(xlsx.sheets[0].1[&1][&0], X::Str(p.organisation.clone()));
    let all: Vec<&X> = xlsx
        .sheets
        .iter()
        .flat_map(|s| s.1.values().flat_map(|r| r.values()))
        .collect();
    assert!(all.contains(&&X::Str(XSS.into())));
    assert!(all.contains(&&X::Str("=HYPERLINK(\"http://x\",\"y\")".into())));

    let csv = render(&report, Format::Csv).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(&csv[3..]);
    let mut fields = Vec::new();
    for rec in r.records() {
        fields.extend(rec.unwrap().iter().map(str::to_owned));
    }
    assert!(fields.contains(&format!("'{}", p.organisation)));
    assert!(fields.contains(&"'=HYPERLINK(\"http://x\",\"y\")".to_owned()));
    assert!(fields.contains(&"'@SUM(A1)".to_owned()));
    assert!(fields.contains(&XSS.to_owned()));
    for f in &fields {
        assert!(!f.starts_with(['=', '+', '@', '\t', '\r']), "{f:?}");
        if f.starts_with('-') {
            assert!(f.replace(',', ".").parse::<f64>().is_ok(), "{f:?}");
        }
    }
}

#[test]
fn english_uses_a_decimal_point_and_english_words() {
    let d = demo(true);
    let mut p = params();
    p.lang = Lang::En;
    let report = build(&inputs(&d), &p).unwrap();
    let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("1. Summary") && html.contains("fewer than 5"));
    assert!(html.contains("2 November 2026"));
    let ccl = ccl_of_year(&d[0].0, &d[0].1, "2026");
    assert!(html.contains(&format!("<td class=\"num\">{ccl:.1}</td>")));
    let csv = String::from_utf8(render(&report, Format::Csv).unwrap()[3..].to_vec()).unwrap();
    assert!(csv.contains(&format!("Client-centricity level,{ccl},")));
}

#[test]
fn the_date_appears_once_and_the_stamp_names_every_input() {
    let d = demo(true);
    let report = build(&inputs(&d), &params()).unwrap();
    let html = String::from_utf8(render(&report, Format::Html).unwrap()).unwrap();
    assert_eq!(html.matches("2 ноября 2026 г.").count(), 1);
    for (s, _, csv) in &d {
        assert!(html.contains(&otklik_report::sha256_hex(csv)));
        assert!(html.contains(&otklik_report::sha256_hex(s.to_json().as_bytes())));
    }
    assert_eq!(
        otklik_report::sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert!(report.stamp.command.starts_with(
        "otklik report internal-client.json internal-client.csv --also external-client.json external-client.csv --year 2026 --compare 2022"
    ));
    // Pure: the same inputs give the same report.
    assert_eq!(build(&inputs(&d), &params()).unwrap(), report);
    assert_eq!(
        render(&report, Format::Csv).unwrap(),
        render(&report, Format::Csv).unwrap()
    );
    assert_eq!(
        render(&report, Format::Xlsx).unwrap(),
        render(&report, Format::Xlsx).unwrap()
    );
}

#[test]
fn years_without_data_are_refused() {
    let d = demo(true);
    let mut p = params();
    p.year = 2030;
    assert!(matches!(
        build(&inputs(&d), &p),
        Err(Error::NoData { year: 2030, .. })
    ));
    let mut p = params();
    p.compare = vec![2026];
    assert!(matches!(
        build(&inputs(&d), &p),
        Err(Error::Compare { year: 2026, .. })
    ));
    p.compare = vec![2019];
    assert!(matches!(
        build(&inputs(&d), &p),
        Err(Error::Compare { year: 2019, .. })
    ));
    assert!(matches!(build(&[], &params()), Err(Error::NoSurvey)));
    // Compared with one year only: changes from that year.
    let mut p = params();
    p.compare = vec![2024];
    let r: Report = build(&inputs(&d), &p).unwrap();
    assert_eq!(r.title.compare, vec![2024]);
    assert_eq!(r.tables().next().unwrap().1.columns[4], "2024");
}

/// A red 3×2 PNG (written with Python's zlib): a chart as a caller might draw it.
const RED_3X2: &[u8] = b"\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x03\x00\x00\x00\x02\x08\x02\x00\x00\x00\x12\x16\xf1\x4d\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00\x41\x0c\x70\x16\x00\x41\xd2\x05\xfb\x87\xf0\xb9\x48\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

#[test]
fn a_docx_can_carry_charts_the_caller_drew() {
    use otklik_report::{render_docx_with, Png};
    let d = demo(true);
    let report = build(&inputs(&d), &params()).unwrap();
    let charts = report.charts().count();
    assert!(charts > 5);
    let png = Png::from_bytes(RED_3X2.to_vec()).unwrap();
    assert_eq!((png.width, png.height), (3, 2));
    assert_eq!(Png::from_bytes(b"GIF89a".to_vec()), None);
    // One image per chart, no more, no less.
    assert!(matches!(
        render_docx_with(&report, vec![png.clone(); charts - 1]),
        Err(Error::Chart(_))
    ));
    let docx = render_docx_with(&report, vec![png.clone(); charts]).unwrap();
    // Every chart is that image, at full text width in the image's proportions.
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let mut media = 0;
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        if f.name().ends_with(".png") {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            assert_eq!(bytes, RED_3X2);
            media += 1;
        }
    }
    assert!(
        media >= 1,
        "the image is in the package (identical images may be stored once)"
    );
    let xml = &unzip(&docx)["word/document.xml"];
    let extents: Vec<(u64, u64)> = xml
        .match_indices("<wp:extent ")
        .map(|(i, _)| {
            let tag = &xml[i..i + xml[i..].find("/>").unwrap()];
            let attr = |a: &str| {
                let s = &tag[tag.find(&format!("{a}=\"")).unwrap() + a.len() + 2..];
                s[..s.find('"').unwrap()].parse::<u64>().unwrap()
            };
            (attr("cx"), attr("cy"))
        })
        .collect();
    assert_eq!(extents.len(), charts);
    for (cx, cy) in extents {
        assert_eq!(cx * 2 / 3, cy, "3:2 proportions");
    }
    // The text is the same as the DOCX with the built-in drawing.
    let ours = read_docx(&docx);
    let builtin = read_docx(&render(&report, Format::Docx).unwrap());
    assert_eq!(ours.headings, builtin.headings);
    assert_eq!(ours.paragraphs, builtin.paragraphs);
    assert_eq!(ours.tables, builtin.tables);
    assert!(builtin.media >= charts);
}
