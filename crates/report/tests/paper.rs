//! The printed questionnaire of random valid surveys: a well-formed document whose
//! questions are numbered once each, in order, with one instruction per run of
//! consecutive questions under the same condition.

use otklik_report::paper::{self, Options};
use otklik_survey::Survey;
use proptest::prelude::*;
use serde_json::{json, Value};

/// One random question: its type, whether it is required, a text, and its condition
/// as picks (which earlier question, which of its answers) that `definition` turns
/// into a valid `visible_if`, or none.
#[derive(Debug, Clone)]
struct Spec {
    kind: usize,
    required: bool,
    text: String,
    size: usize,
    condition: Option<(prop::sample::Index, u16)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0usize..7,
        any::<bool>(),
        "[a-zа-я<>&\"' ]{0,12}",
        1usize..12,
        prop::option::weighted(0.5, (any::<prop::sample::Index>(), 1u16..)),
    )
        .prop_map(|(kind, required, text, size, condition)| Spec {
            kind,
            required,
            text,
            size,
            condition,
        })
}

/// The answers a condition may name for a question (as written in `visible_if.in`).
fn answers(q: &Value) -> Vec<Value> {
    match q["type"].as_str().unwrap() {
        "choice" | "multi" => q["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].clone())
            .collect(),
        "yesno" => vec![json!("yes"), json!("no")],
        "scale" => (1..=q["points"].as_u64().unwrap())
            .map(|v| json!(v))
            .collect(),
        "nps" => (0..=10).map(|v| json!(v)).collect(),
        _ => Vec::new(),
    }
}

fn definition(specs: &[Spec]) -> Value {
    let mut questions: Vec<Value> = Vec::new();
    for (i, s) in specs.iter().enumerate() {
        let text = format!("Q{i} {}", s.text);
        let mut q = json!({"id": format!("q{i}"), "text": {"ru": text, "en": text}, "required": s.required});
        let options: Vec<Value> = (0..s.size)
            .map(|k| json!({"id": format!("o{k}"), "label": format!("{} {k}", s.text)}))
            .collect();
        let kind = match s.kind {
            0 => json!({"type": "scale", "points": 3 + s.size % 9}),
            1 => json!({"type": "nps"}),
            2 => json!({"type": "choice", "options": options}),
            3 => json!({"type": "multi", "options": options}),
            4 => json!({"type": "yesno"}),
            5 => json!({"type": "number", "unit": "min", "integer": s.size % 2 == 0}),
            _ => json!({"type": "text", "max_length": s.size * 300}),
        };
        for (k, v) in kind.as_object().unwrap() {
            q[k] = v.clone();
        }
        if let Some((pick, mask)) = &s.condition {
            let earlier: Vec<&Value> = questions
                .iter()
                .filter(|e| !answers(e).is_empty())
                .collect();
            if !earlier.is_empty() {
                let target = pick.get(&earlier);
                let all = answers(target);
                let mut chosen: Vec<Value> = all
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| mask & (1 << (k % 16)) != 0)
                    .map(|(_, v)| v.clone())
                    .collect();
                if chosen.is_empty() {
                    chosen.push(all[0].clone());
                }
                q["visible_if"] = json!({"question": target["id"], "in": chosen});
            }
        }
        questions.push(q);
    }
    json!({
        "id": "random", "version": 1, "audience": "internal",
        "title": {"ru": "Опрос", "en": "Survey"},
        "questions": questions,
    })
}

/// Runs of consecutive questions with the same condition, counted from the definition.
fn condition_runs(def: &Value) -> usize {
    let qs = def["questions"].as_array().unwrap();
    (0..qs.len())
        .filter(|&i| {
            let c = &qs[i]["visible_if"];
            !c.is_null() && (i == 0 || &qs[i - 1]["visible_if"] != c)
        })
        .count()
}

fn class_of<'a>(n: roxmltree::Node<'a, '_>) -> &'a str {
    n.attribute("class").unwrap_or("")
}

proptest! {
    #![proptest_config(crate::settings::config(64))]

    #[test]
    fn every_question_appears_once_in_order(
        specs in prop::collection::vec(spec(), 1..25),
        lang in prop::sample::select(vec!["ru", "en", "de"]),
        large in any::<bool>(),
    ) {
        let def = definition(&specs);
        let survey = Survey::from_json(&def.to_string()).expect("a valid definition");
        let html = paper::render(&survey, &Options { lang: lang.into(), period: None, large });
        // Well-formed: it parses as XML (every element closed, every text escaped).
        let xml = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        let doc = roxmltree::Document::parse_with_options(&html, xml).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let numbers: Vec<String> = doc
            .descendants()
            .filter(|n| class_of(*n) == "qn")
            .map(|n| n.text().unwrap_or("").to_owned())
            .collect();
        let expected: Vec<String> = (1..=specs.len()).map(|n| format!("{n}.")).collect();
        prop_assert_eq!(numbers, expected);
        let sections: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("section"))
            .collect();
        prop_assert_eq!(sections.len(), specs.len());
        for (i, s) in sections.iter().enumerate() {
            let id = format!("q{}", i + 1);
            prop_assert_eq!(s.attribute("id"), Some(id.as_str()));
            let conditional = !def["questions"][i]["visible_if"].is_null();
            prop_assert_eq!(class_of(*s) == "q cond", conditional);
        }
        let instructions = doc.descendants().filter(|n| class_of(*n) == "if").count();
        prop_assert_eq!(instructions, condition_runs(&def));
        let required = doc.descendants().filter(|n| n.has_tag_name("h2") && n.children().any(|c| class_of(c) == "req")).count();
        prop_assert_eq!(required, specs.iter().filter(|s| s.required).count());
    }
}
