// The browser benchmark's page side. `window.bench(engine, runs)` fetches the CSV,
// loads one engine, and times `runs` + 1 rounds of (ingest, indicators); the first
// round is the warm-up and is dropped. Only this engine's code is loaded, so the
// renderer's memory (read by run.mjs) is this engine's.
//
// The task for every engine, on the same bytes:
//   ingest     — CSV bytes → a columnar table held by the engine;
//   indicators — overall, by period and by period × dept: for q00..q19 the count,
//                mean, sample SD and top-2 share (≥ 4); NPS on `rec`
//                (100 · (share ≥ 9 − share ≤ 6)); the share of `wait` ≤ 15.
// Otklik's `indicators()` computes its whole catalogue for the three groupings
// (intervals, dimensions, drivers, suppression, changes and trends), more than that set.

const ITEMS = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`);
const NM = '/node_modules';

const gc = () => { if (typeof globalThis.gc === 'function') globalThis.gc(); };
const now = () => performance.now();
// Otklik's ingest: the CSV handed over in chunks, as a file is read from disk; only
// complete records are kept in the module, never the whole file.
const CHUNK = 1 << 20;
function otklikIngest(mod, bytes) {
  mod.csv_begin();
  for (let i = 0; i < bytes.length; i += CHUNK) mod.csv_chunk(bytes.subarray(i, i + CHUNK));
  const n = mod.csv_end();
  return n || mod.load_csv(bytes);
}
// How the app's worker could hand analyses to its page: JSON text, or a structured
// value made by serde-wasm-bindgen; each is cloned as postMessage clones it
// (structuredClone) and read back into Rust. Medians of 15 rounds after 3 warm-ups.
function transfer(mod) {
  if (!mod.transfer_prepare) return null;
  const bytes = mod.transfer_prepare();
  const time = (f) => {
    const xs = [];
    for (let i = 0; i < 18; i++) { const t = now(); f(); if (i >= 3) xs.push(now() - t); }
    return median(xs);
  };
  const json = time(() => mod.from_json(structuredClone(mod.to_json())));
  const value = time(() => mod.from_value(structuredClone(mod.to_value())));
  return { jsonBytes: bytes, jsonMs: json, valueMs: value };
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const ENGINES = {
  // Page + CSV bytes only: the floor of the memory column.
  async none() {
    return { version: '-', ingest: () => 0, indicators: () => 0, check: () => null };
  },

  async otklik() {
    const mod = await import('/pkg/otklik_bench_wasm.js');
    const wasm = await mod.default({ module_or_path: '/pkg/otklik_bench_wasm_bg.wasm' });
    let bytes;
    return {
      version: 'otklik-bench-wasm (crates/survey + crates/analytics, wasm32, the app\'s profile: LTO, size-optimised but for survey, analytics and csv-core at opt-level 3)',
      setBytes(b) { bytes = b; },
      beforeIngest() { mod.clear(); },
      ingest() { return otklikIngest(mod, bytes); },
      indicators() { return mod.indicators(); },
      check() {
        const g = JSON.parse(mod.overall_json());
        const q = g.items.q00, nps = g.nps.rec, w = g.standards.wait;
        return { n: g.n, q00_n: q.n, q00_mean: q.mean, q00_sd: q.sd, q00_top2: q.top2, nps: nps.value, wait_ok: w.share };
      },
      extra() { return { wasmMemoryMB: wasm.memory.buffer.byteLength / 1048576, transfer: transfer(mod) }; },
    };
  },

  // The same module on two cores, as the app runs it: the page keeps every response
  // and, once per data set, sends the second half of the rows, in pieces, to a helper
  // worker (timed with the ingest);
  // each pass is then split between the two, and the helper's part added on the page.
  async otklik2() {
    const mod = await import('/pkg/otklik_bench_wasm.js');
    const module = await WebAssembly.compileStreaming(fetch('/pkg/otklik_bench_wasm_bg.wasm'));
    const wasm = await mod.default({ module_or_path: module });
    const helper = new Worker('/page/helper.js', { type: 'module' });
    const ask = (msg, transfer = []) => new Promise((ok, fail) => {
      helper.onmessage = (e) => ok(e.data);
      helper.onerror = (e) => fail(new Error(e.message));
      helper.postMessage(msg, transfer);
    });
    await ask({ module });
    let bytes, first = 0;
    return {
      version: 'otklik-bench-wasm on the page + one helper worker (the same module)',
      setBytes(b) { bytes = b; },
      async beforeIngest() { mod.clear(); await ask({ clear: true }); },
      async ingest() {
        const n = otklikIngest(mod, bytes);
        first = n >> 1;
        // In pieces of 65,536 rows, as the app sends them.
        const rows = [], starts = [];
        for (let start = first; start < n; start += 65536) {
          starts.push(start);
          rows.push(mod.rows_for_helper(start, start + 65536));
        }
        await ask({ rows, first, starts }, rows.map((r) => r.buffer));
        return n;
      },
      async indicators() {
        const task = mod.split_begin();
        const theirs = ask({ task }, [task.buffer]);
        mod.own_part(first);
        const { part } = await theirs;
        return mod.split_finish(part);
      },
      check() {
        const g = JSON.parse(mod.overall_json());
        const q = g.items.q00, nps = g.nps.rec, w = g.standards.wait;
        return { n: g.n, q00_n: q.n, q00_mean: q.mean, q00_sd: q.sd, q00_top2: q.top2, nps: nps.value, wait_ok: w.share };
      },
      extra() { return { wasmMemoryMB: wasm.memory.buffer.byteLength / 1048576 }; },
    };
  },

  // The npm package otklik-analytics as a user calls it: readResponses (the whole file
  // validated, then columnar), then analyzeMany (the three groupings in one pass), each
  // result a plain JS object made by serde-wasm-bindgen.
  async package() {
    const m = await import('/package/index.js');
    await m.ready();
    const survey = await (await fetch('/survey.json')).text();
    let bytes, data;
    const groupings = [[], ['period'], ['period', 'dept']];
    return {
      version: 'otklik-analytics (packages/otklik-analytics: readResponses + analyzeMany, results as JS objects)',
      setBytes(b) { bytes = b; },
      beforeIngest() { data?.free(); data = undefined; },
      ingest() { data = m.readResponses(survey, [{ name: 'data.csv', bytes }]); return data.count; },
      indicators() { return m.analyzeMany(survey, data, groupings).reduce((n, a) => n + a.groups.length, 0); },
      check() {
        const g = m.analyze(survey, data).groups[0];
        const q = g.items.q00, nps = g.nps.rec, w = g.standards.wait;
        return { n: g.n, q00_n: q.n, q00_mean: q.mean, q00_sd: q.sd, q00_top2: q.top2, nps: nps.value, wait_ok: w.share };
      },
    };
  },

  async duckdb() {
    const duckdb = await import(`${NM}/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs`);
    const dist = new URL(`${NM}/@duckdb/duckdb-wasm/dist/`, location.href).href;
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-browser-mvp.worker.js' },
      eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-browser-eh.worker.js' },
    });
    const worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const conn = await db.connect();
    const version = await db.getVersion();
    const aggs = [
      ...ITEMS.map((q) => `count(${q}) AS ${q}_n, avg(${q}) AS ${q}_mean, stddev_samp(${q}) AS ${q}_sd, count_if(${q} >= 4) / count(${q}) AS ${q}_top2`),
      'count(rec) AS rec_n, 100.0 * (count_if(rec >= 9) - count_if(rec <= 6)) / count(rec) AS nps',
      'count(wait) AS wait_n, count_if(wait <= 15) / count(wait) AS wait_ok',
    ].join(',\n  ');
    const sql = [
      `SELECT ${aggs} FROM t`,
      `SELECT period, ${aggs} FROM t GROUP BY period`,
      `SELECT period, dept, ${aggs} FROM t GROUP BY period, dept`,
    ];
    let bytes, copy;
    return {
      version: `@duckdb/duckdb-wasm, DuckDB ${version}, bundle ${bundle.mainModule.split('/').pop()}`,
      setBytes(b) { bytes = b; },
      async beforeIngest() {
        await conn.query('DROP TABLE IF EXISTS t');
        // registerFileBuffer transfers (detaches) the buffer to the worker: a fresh copy per round.
        copy = bytes.slice();
      },
      async ingest() {
        await db.registerFileBuffer('data.csv', copy);
        copy = null;
        await conn.query("CREATE TABLE t AS SELECT * FROM read_csv('data.csv', header = true)");
      },
      async afterIngest() {
        await db.dropFile('data.csv'); // the table holds the data now; not timed
        const r = await conn.query('SELECT count(*)::INTEGER AS n FROM t');
        return r.getChildAt(0).get(0);
      },
      async indicators() {
        let groups = 0;
        for (const s of sql) groups += (await conn.query(s)).numRows;
        return groups;
      },
      async check() {
        const row = (await conn.query(sql[0])).get(0).toJSON();
        const types = (await conn.query('DESCRIBE t')).toArray().map((r) => `${r.column_name}:${r.column_type}`);
        return { n: Number((await conn.query('SELECT count(*)::INTEGER FROM t')).getChildAt(0).get(0)),
          q00_n: Number(row.q00_n), q00_mean: row.q00_mean, q00_sd: row.q00_sd, q00_top2: row.q00_top2,
          nps: row.nps, wait_ok: row.wait_ok, types: types.join(' ') };
      },
    };
  },

  async arquero() {
    await new Promise((ok, fail) => {
      const s = document.createElement('script');
      s.src = `${NM}/arquero/dist/arquero.min.js`;
      s.onload = ok; s.onerror = fail;
      document.head.append(s);
    });
    const aq = globalThis.aq;
    const { op } = aq;
    const ops = {};
    for (const q of ITEMS) {
      ops[`${q}_n`] = op.valid(q);
      ops[`${q}_mean`] = op.mean(q);
      ops[`${q}_sd`] = op.stdev(q);
      ops[`${q}_top2`] = `d => op.sum(d.${q} >= 4) / op.valid(d.${q})`;
    }
    // `null <= 6` is true in JS: guard the "at most" comparisons.
    ops.rec_n = op.valid('rec');
    ops.nps = 'd => 100 * (op.sum(d.rec >= 9) - op.sum(d.rec != null && d.rec <= 6)) / op.valid(d.rec)';
    ops.wait_n = op.valid('wait');
    ops.wait_ok = 'd => op.sum(d.wait != null && d.wait <= 15) / op.valid(d.wait)';
    let bytes, table;
    return {
      version: 'arquero (dist/arquero.min.js)',
      setBytes(b) { bytes = b; },
      beforeIngest() { table = null; },
      ingest() {
        const text = new TextDecoder().decode(bytes);
        table = aq.fromCSV(text);
        return table.numRows();
      },
      indicators() {
        return table.rollup(ops).numRows()
          + table.groupby('period').rollup(ops).numRows()
          + table.groupby('period', 'dept').rollup(ops).numRows();
      },
      check() {
        const r = table.rollup(ops).object(0);
        return { n: table.numRows(), q00_n: r.q00_n, q00_mean: r.q00_mean, q00_sd: r.q00_sd, q00_top2: r.q00_top2,
          nps: r.nps, wait_ok: r.wait_ok,
          types: table.columnNames().map((c) => `${c}:${typeof table.array(c).find((v) => v != null)}`).join(' ') };
      },
    };
  },
};

window.bench = async function bench(engine, runs = 5, csvUrl = '/data.csv') {
  const out = document.getElementById('out');
  const log = (s) => { out.textContent += s + '\n'; };
  const bytes = new Uint8Array(await (await fetch(csvUrl)).arrayBuffer());
  log(`${engine}: ${bytes.length} bytes of CSV`);
  const eng = await ENGINES[engine]();
  eng.setBytes?.(bytes);
  const ingest = [], indicators = [];
  let rows = 0, groups = 0;
  for (let round = 0; round <= runs; round++) {
    await eng.beforeIngest?.();
    gc();
    let t = now();
    rows = await eng.ingest();
    const ti = now() - t;
    rows = (await eng.afterIngest?.()) ?? rows;
    gc();
    t = now();
    groups = await eng.indicators();
    const tg = now() - t;
    if (round > 0) { ingest.push(ti); indicators.push(tg); }
    log(`${engine} round ${round}${round ? '' : ' (warm-up)'}: ingest ${ti.toFixed(1)} ms, indicators ${tg.toFixed(1)} ms`);
  }
  const check = await eng.check();
  return {
    engine, version: eng.version, bytes: bytes.length, rows: Number(rows), groups: Number(groups),
    ingestMs: ingest, indicatorsMs: indicators,
    ingestMedian: median(ingest), indicatorsMedian: median(indicators),
    check, extra: eng.extra?.() ?? null,
  };
};
window.benchReady = true;
