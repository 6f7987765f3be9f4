use super::score::{pair_items, FLUSH, MAX_SCORE_SLOTS};
use super::standards::sorted_summary;
use super::*;
use proptest::prelude::*;

/// Scores counted per slot and scores summed one by one give the same analysis,
/// whatever the budget lets count (none, some dimensions, all), and so does a pass
/// split into parts (on as many threads) and added up, one that scores eight rows
/// at a time, one that flushes its 64-bit sums after every block, and one that
/// counts items in pairs.
#[test]
fn counted_and_summed_scores_agree() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/reference/");
    let survey =
        Survey::from_json(&std::fs::read_to_string(format!("{dir}survey.json")).unwrap()).unwrap();
    let csv = std::fs::read(format!("{dir}responses.csv")).unwrap();
    // Split into parts of every size down to a single row.
    every_way_of_running_the_pass_agrees(&survey, &csv, 52, &[1, 2, 3, 7, usize::MAX]);
}

/// Four dimensions of five items, all scored bytewise, two pairs and a single item
/// each: every way of running the pass agrees there too.
#[test]
fn four_dimensions_of_paired_items_count_as_single_ones() {
    let survey = otklik_demo::bench_survey();
    let spec = otklik_demo::Spec {
        responses: Some(400),
        ..otklik_demo::Spec::default()
    };
    let csv = otklik_demo::generate_csv(&survey, &spec, 5);
    let data = otklik_survey::import::read_csv(
        &survey,
        "bench.csv",
        &csv,
        &otklik_survey::import::Limits::default(),
    )
    .unwrap();
    let plan = plan(&survey, &data, &Params::default()).unwrap();
    let (pairs, single) = pair_items(&plan, true);
    assert_eq!((pairs.len(), single.len()), (8, 4));
    // A dimension of five items of 5 points: 5 × 21 slots.
    every_way_of_running_the_pass_agrees(&survey, &csv, 105, &[1, 3]);
}

/// Every way of running the pass gives the very same analysis, for three groupings;
/// `first_dim_slots`: the first dimension's slots per cell; `parts`: the numbers of
/// parts to split the pass into (`usize::MAX`: one per row).
fn every_way_of_running_the_pass_agrees(
    survey: &Survey,
    csv: &[u8],
    first_dim_slots: usize,
    parts: &[usize],
) {
    let data = otklik_survey::import::read_csv(
        survey,
        "responses.csv",
        csv,
        &otklik_survey::import::Limits::default(),
    )
    .unwrap();
    for by in [
        vec![],
        vec![Key::Period],
        vec![Key::Period, Key::Question("dept".into())],
    ] {
        let params = Params {
            by,
            texts: true,
            ..Params::default()
        };
        let plan = plan(survey, &data, &params).unwrap();
        let forms = std_forms(&plan, &data);
        let protection = Protection::new(survey, &data, None).unwrap();
        let dims = published(survey, &data, &params, &protection).unwrap();
        let run = |slot_budget, shards, bytewise, flush, paired| {
            let pass = Pass {
                slot_budget,
                shards,
                bytewise,
                flush,
                paired,
            };
            let acc = accumulate_with(&plan, &data, 0..data.len(), pass, &forms);
            serde_json::to_string(&finish(survey, &data, &plan, &acc, &protection, &dims)).unwrap()
        };
        let counted = run(MAX_SCORE_SLOTS, 1, false, FLUSH, false);
        // Only the first dimension fits, or every one.
        for budget in [0, first_dim_slots * plan.cells, MAX_SCORE_SLOTS] {
            for &shards in parts {
                let shards = shards.min(data.len());
                for bytewise in [false, true] {
                    // The driver sums flushed after every block, or never.
                    for flush in [1, FLUSH] {
                        for paired in [false, true] {
                            assert_eq!(
                                run(budget, shards, bytewise, flush, paired),
                                counted,
                                "budget {budget}, {shards} shards, bytewise {bytewise}, \
                                 flush {flush}, paired {paired}"
                            );
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Standards counted per value give the figures of the sorted values, per cell
    /// and rolled up, for whole, half, tenth and hundredth steps, and fall back to
    /// the values themselves for anything else.
    #[test]
    fn standard_summaries_equal_sorting(
        raw in prop::collection::vec((0u32..3, -50i64..3000, 0u8..10), 1..400),
        step in 0usize..6,
        max in -5.0f64..40.0,
    ) {
        let per_unit = [1.0, 2.0, 4.0, 10.0, 100.0, 0.0][step];
        let value = |k: i64| if per_unit > 0.0 { k as f64 / per_unit } else { k as f64 * 0.0137 + 0.001 };
        let cell_of: Vec<u32> = raw.iter().map(|r| r.0).collect();
        // One answer in ten is missing.
        let values: Vec<f64> = raw.iter().map(|r| if r.2 == 0 { f64::NAN } else { value(r.1) }).collect();
        let acc = StdAcc::collect(&values, &cell_of, 3);
        let counted = matches!(acc, StdAcc::Counts { .. });
        let present: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
        let any_fraction = present.iter().any(|x| (x * 100.0).round() / 100.0 != *x);
        prop_assert_eq!(counted, !any_fraction || per_unit > 0.0);
        let mut all = StdAcc::new(acc.form(), 1);
        for c in 0..3 {
            let mine: Vec<f64> = values
                .iter()
                .zip(&cell_of)
                .filter(|(x, &cc)| cc as usize == c && !x.is_nan())
                .map(|(x, _)| *x)
                .collect();
            prop_assert_eq!(acc.n(c), mine.len() as u64);
            if !mine.is_empty() {
                prop_assert_eq!(acc.summary(c, max), sorted_summary(&mine, max));
            }
            all.add_cell(0, &acc, c);
        }
        if !present.is_empty() {
            prop_assert_eq!(all.summary(0, max), sorted_summary(&present, max));
        }
    }
}
