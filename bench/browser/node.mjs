// The npm package otklik-analytics in Node.js against DuckDB-WASM in Node.js (its
// blocking Node build), on the browser benchmark's CSV, in one run:
//
//   node node.mjs [N=1000000] [--runs 5] [--out FILE]
//
// The task for both, on the same bytes: ingest (CSV bytes in memory → the engine's
// table) and indicators (overall, by period and by period × dept: for q00..q19 the
// count, mean, SD and top-2 share; NPS on `rec`; the share of `wait` ≤ 15). The package
// does it as a user calls it: `readResponses`, then `analyzeMany` (one pass; its whole
// catalogue with suppression, as plain JS objects). Medians after one warm-up round.
// Needs the package built (scripts/build-package.sh) and npm install here; the CSV is
// generated as run.mjs generates it.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const WASM = join(HERE, 'wasm');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv.splice(i, 2)[1] : dflt; };
const runs = Number(opt('runs', 5));
const outFile = resolve(opt('out', join(ROOT, 'artifacts/bench-node.md')));
const n = Number((argv[0] ?? '1000000').replace(/[_,]/g, ''));

const dataDir = join(WASM, 'target/bench-data');
const csvPath = join(dataDir, `responses-${n}.csv`);
if (!existsSync(csvPath) || !existsSync(csvPath + '.survey.json')) {
  mkdirSync(dataDir, { recursive: true });
  console.error(`generating ${csvPath} …`);
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'gen', '--', String(n), csvPath + '.tmp'], { cwd: WASM, stdio: 'inherit' });
  execFileSync('mv', [csvPath + '.tmp', csvPath]);
}
const bytes = new Uint8Array(readFileSync(csvPath));
const survey = readFileSync(csvPath + '.survey.json', 'utf8');
const now = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const ITEMS = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`);
const aggs = [
  ...ITEMS.map((q) => `count(${q}) AS ${q}_n, avg(${q}) AS ${q}_mean, stddev_samp(${q}) AS ${q}_sd, count_if(${q} >= 4) / count(${q}) AS ${q}_top2`),
  'count(rec) AS rec_n, 100.0 * (count_if(rec >= 9) - count_if(rec <= 6)) / count(rec) AS nps',
  'count(wait) AS wait_n, count_if(wait <= 15) / count(wait) AS wait_ok',
].join(',\n  ');
const SQL = [`SELECT ${aggs} FROM t`, `SELECT period, ${aggs} FROM t GROUP BY period`, `SELECT period, dept, ${aggs} FROM t GROUP BY period, dept`];

async function packageEngine() {
  const m = await import(join(ROOT, 'packages/otklik-analytics/index.js'));
  await m.ready();
  let data;
  return {
    name: 'otklik-analytics (npm package)',
    ingest() { data?.free(); data = m.readResponses(survey, [{ name: 'data.csv', bytes }]); return data.count; },
    indicators() { return m.analyzeMany(survey, data, [[], ['period'], ['period', 'dept']]).reduce((k, a) => k + a.groups.length, 0); },
    check() { const g = m.analyze(survey, data).groups[0]; return { n: g.n, q00_mean: g.items.q00.mean, nps: g.nps.rec.value }; },
  };
}

async function duckdbEngine() {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = join(HERE, 'node_modules/@duckdb/duckdb-wasm/dist/');
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-node-mvp.worker.cjs' },
    eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-node-eh.worker.cjs' },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  const conn = db.connect();
  return {
    name: `DuckDB-WASM ${db.getVersion()} (Node, blocking)`,
    ingest() {
      conn.query('DROP TABLE IF EXISTS t');
      db.registerFileBuffer('data.csv', bytes.slice());
      conn.query("CREATE TABLE t AS SELECT * FROM read_csv('data.csv', header = true)");
      db.dropFile('data.csv');
      return Number(conn.query('SELECT count(*)::INTEGER AS n FROM t').getChildAt(0).get(0));
    },
    indicators() { return SQL.reduce((k, q) => k + conn.query(q).numRows, 0); },
    check() { const r = conn.query(SQL[0]).get(0).toJSON(); return { n: Number(conn.query('SELECT count(*)::INTEGER FROM t').getChildAt(0).get(0)), q00_mean: r.q00_mean, nps: r.nps }; },
  };
}

const load = [loadavg()[0]];
const results = [];
for (const make of [packageEngine, duckdbEngine]) {
  const e = await make();
  const ingest = [], indicators = [];
  for (let round = 0; round <= runs; round++) {
    globalThis.gc?.();
    let t = now();
    const rows = e.ingest();
    const ti = now() - t;
    t = now();
    e.indicators();
    const tx = now() - t;
    if (rows !== n) throw new Error(`${e.name}: ${rows} rows, not ${n}`);
    if (round > 0) { ingest.push(ti); indicators.push(tx); }
  }
  results.push({ name: e.name, ingest: median(ingest), indicators: median(indicators), rounds: { ingest, indicators }, check: e.check() });
  console.error(`${e.name}: ingest ${median(ingest).toFixed(0)} ms, indicators ${median(indicators).toFixed(0)} ms`);
}
load.push(loadavg()[0]);
const [ours] = results;
const fmt = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  '# Node.js benchmark: otklik-analytics vs DuckDB-WASM', '',
  `${fmt(n)} responses × 20 Likert items + NPS + waiting time (${fmt(bytes.length / 1e6, 1)} MB CSV), Node.js ${process.version}, ${cpus().length} cores, load ${load.map((l) => l.toFixed(2)).join(' → ')}. Medians of ${runs} rounds after one warm-up, both engines in this one process.`, '',
  '| engine | ingest ms | indicators ms | ingest ratio | indicators ratio |', '|---|---:|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${fmt(r.ingest)} | ${fmt(r.indicators)} | ${fmt(r.ingest / ours.ingest, 1)}× | ${fmt(r.indicators / ours.indicators, 1)}× |`),
  '', 'Ratios are engine time ÷ otklik-analytics time. The package computes its whole catalogue (intervals, dimensions, drivers, suppression, changes and trends) and returns it as JS objects; DuckDB the aggregates listed.', '',
  '| engine | n | q00 mean | NPS |', '|---|---:|---:|---:|',
  ...results.map((r) => `| ${r.name} | ${r.check.n} | ${r.check.q00_mean.toFixed(6)} | ${r.check.nps.toFixed(4)} |`),
];
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, lines.join('\n') + '\n');
console.log(lines.join('\n'));
