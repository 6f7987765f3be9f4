#!/usr/bin/env bash
# Fuzzes the importers, the survey definition reader and the analysis with cargo-fuzz.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (default: all) for SECONDS (default 60), one after another, in
# one process each. Exits 1 if any target finds a crash (a panic, a timeout or
# running out of memory), 2 if a target does not build. A crashing input is saved
# in fuzz/artifacts/TARGET/ and can be replayed with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-…
#
# Only the stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets it accept the
# nightly flags that cargo-fuzz passes (-Zsanitizer=address and others).
# FUZZ_SANITIZER=none turns AddressSanitizer off if it fails to link.
# The corpora (fuzz/corpus/TARGET, seeded from fixtures/) grow from run to run;
# fuzz/corpus, fuzz/artifacts and fuzz/target are ignored by git.
set -euo pipefail

# All in a function, so that editing this file while it runs cannot change a run.
main() {
    cd "$(dirname "$0")/.."
    root=$PWD

    seconds=${1:-60}
    shift || true
    targets=("$@")
    if [ ${#targets[@]} -eq 0 ]; then
        targets=(import_csv import_json survey_definition import_and_analyze)
    fi
    sanitizer=${FUZZ_SANITIZER:-address}
    export RUSTC_BOOTSTRAP=1

    if ! cargo fuzz --version >/dev/null 2>&1; then
        echo "== installing cargo-fuzz"
        cargo install cargo-fuzz --locked || cargo install cargo-fuzz
    fi

    # seed DIR FILE...: copies the fixtures that exist into the corpus DIR.
    seed() {
        local dir=$1
        shift
        mkdir -p "$dir"
        local f
        for f in "$@"; do
            [ -f "$f" ] && cp -f "$f" "$dir/seed-$(basename "$f")"
        done
        return 0
    }

    echo "== seeding fuzz/corpus"
    m=fixtures/malformed
    # A few rows of the reference data set (another survey's columns): short, so as
    # not to raise libFuzzer's input length and slow every run down.
    mkdir -p fuzz/corpus
    head -n 12 fixtures/reference/responses.csv >fuzz/corpus/reference-head.csv
    # The importer targets read for the external-client template, which no response
    # fixture is written for: one valid file of each format for it.
    cat >fuzz/corpus/external-client.csv <<'CSV'
response_id,period,segment,touchpoint,need,access_reach,access_schedule,access_booking,speed_result,speed_wait,speed_reply,wait_minutes,phone_transfers,answer_days,culture_courtesy,culture_competence,culture_listening,comfort_premises,comfort_digital,comfort_phone,info_clarity,info_availability,info_status,result_complete,result_substance,resolved,effort,nps,comment
e1,2026-07,citizen,website,information,5,4,4,5,3,4,10,0,2,5,5,4,4,5,3,4,4,3,5,5,yes,2,9,"Спасибо, всё ясно"
e2,2026-07,business,phone,consultation,2,3,,2,1,2,45,3,7,3,4,2,,3,2,2,3,2,2,3,no,4,3,
e3,2026-08,other,reception,result,4,4,3,4,4,,20,1,,4,4,4,5,,,4,3,4,4,4,yes,1,10,
CSV
    cat >fuzz/corpus/external-client.json <<'JSON'
{"format": "otklik-responses", "survey": "external-client", "version": 1, "responses": [
  {"id": "e1", "period": "2026-07", "answers": {"segment": "citizen", "touchpoint": "website", "need": "information",
   "access_reach": 5, "speed_wait": 3, "wait_minutes": 10, "phone_transfers": 0, "resolved": true, "effort": 2, "nps": 9, "comment": "Спасибо"}},
  {"id": "e2", "period": "2026-08", "answers": {"segment": "business", "touchpoint": "phone", "resolved": "no", "nps": 3, "comment": null}}
]}
JSON
    seed fuzz/corpus/import_csv "$m"/*.csv fuzz/corpus/reference-head.csv fuzz/corpus/external-client.csv
    seed fuzz/corpus/import_json "$m"/*.json fuzz/corpus/external-client.json
    rm -f fuzz/corpus/external-client.csv fuzz/corpus/external-client.json
    seed fuzz/corpus/survey_definition "$m"/survey.json "$m"/surveys/*.json \
        fixtures/reference/survey.json fixtures/surveys/*.json
    # The fixtures have too few valid rows for any group to reach the survey's K (5):
    # one more seed, for fixtures/malformed/survey.json, reaches the figures themselves.
    cat >fuzz/corpus/analyze-enough-rows.csv <<'CSV'
response_id,period,dept,q1,nps,resolved,topics,wait,transfers,comment
a1,2026-Q1,legal,4,9,yes,access;other,12.5,2,Fine
a2,2026-Q1,legal,5,10,no,,3,0,
a3,2026-Q1,it,3,7,yes,hardware,20,1,Slow
a4,2026-Q1,it,2,4,no,access,45,3,
a5,2026-Q1,hr,5,9,yes,other,5,0,Good
a6,2026-Q1,hr,4,8,yes,access;hardware,10,1,
a7,2026-Q1,legal,1,0,no,,60,4,Bad
a8,2026-Q1,it,4,9,yes,hardware,8,0,
b1,2026-Q2,legal,5,10,yes,access,2,0,Great
b2,2026-Q2,legal,4,9,yes,,6,1,
b3,2026-Q2,it,3,6,no,hardware;other,30,2,
b4,2026-Q2,it,4,8,yes,access,12,1,Ok
b5,2026-Q2,hr,2,5,no,other,25,2,
b6,2026-Q2,hr,5,10,yes,access,4,0,Fast
b7,2026-Q2,legal,4,9,yes,hardware,9,1,
b8,2026-Q2,it,3,7,yes,,15,0,
CSV
    seed fuzz/corpus/import_and_analyze "$m"/*.csv "$m"/valid.json "$m"/bad-answer.json \
        "$m"/duplicate-id.json "$m"/missing-period.json fuzz/corpus/reference-head.csv \
        fuzz/corpus/analyze-enough-rows.csv
    rm -f fuzz/corpus/reference-head.csv fuzz/corpus/analyze-enough-rows.csv

    failed=()
    summary=()
    for t in "${targets[@]}"; do
        echo "== fuzzing $t for ${seconds}s (sanitizer: $sanitizer)"
        mkdir -p "fuzz/artifacts/$t"
        # libFuzzer writes its worker's log (fuzz-0.log) to the working directory:
        # run from the target's artifact folder so it stays out of the work tree.
        log="$root/fuzz/artifacts/$t/fuzz-0.log"
        if ! cargo fuzz build --fuzz-dir "$root/fuzz" --sanitizer "$sanitizer" "$t"; then
            echo "!! $t does not build (FUZZ_SANITIZER=none if AddressSanitizer fails to link)"
            exit 2
        fi
        rm -f "$log"
        if (cd "fuzz/artifacts/$t" && cargo fuzz run --fuzz-dir "$root/fuzz" \
            --sanitizer "$sanitizer" "$t" "$root/fuzz/corpus/$t" -- \
            -max_total_time="$seconds" -jobs=1 -workers=1 -print_final_stats=1); then
            summary+=("$t: $({ grep -E '^#[0-9]+[[:space:]]+DONE' "$log" || true; } | tail -n 1 | tr -s '[:space:]' ' ') in ${seconds}s")
        else
            failed+=("$t")
            summary+=("$t: crash, see fuzz/artifacts/$t/")
            echo "!! $t found a crash: see fuzz/artifacts/$t/ and $log"
        fi
    done

    echo
    echo "== summary (#executions DONE cov: edges ft: features corp: corpus)"
    printf '%s\n' "${summary[@]}"
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzzing found crashes in: ${failed[*]}"
        exit 1
    fi
    echo "fuzzing found no crash in: ${targets[*]} (${seconds}s each)"
}

main "$@"
exit
