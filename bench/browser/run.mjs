// The browser benchmark: Otklik's WebAssembly analytics against DuckDB-WASM and
// Arquero on the same generated CSV, in one run of headless Chromium.
//
//   node run.mjs [N=1000000] [--runs 5] [--engines none,otklik,otklik2,package,duckdb,arquero] [--out FILE]
//                [--profile DIR]
//
// --profile writes each engine's CPU profile (Chrome DevTools' .cpuprofile, sampled over
// all its rounds) to DIR and prints the functions with the most time of their own.
//
// Needs: wasm/pkg (the built module, scripts/bench-browser.sh builds it),
// node_modules (npm install here) and Debian's Chromium at /usr/bin/chromium.
// Writes the table to artifacts/bench-browser.md (and the raw numbers beside it, .json).
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { renderers } from '../../scripts/lib/renderers.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const WASM = join(HERE, 'wasm');

// ---- arguments ----
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv.splice(i, 2)[1] : dflt; };
const runs = Number(opt('runs', 5));
const engines = opt('engines', 'none,otklik,otklik2,package,duckdb,arquero').split(',');
const outFile = resolve(opt('out', join(ROOT, 'artifacts/bench-browser.md')));
const profileDir = opt('profile', '');
const n = Number((argv[0] ?? '1000000').replace(/[_,]/g, ''));
if (!Number.isInteger(n) || n < 1) throw new Error(`N must be a positive integer, not ${argv[0]}`);

// ---- data ----
const dataDir = join(WASM, 'target/bench-data');
const csvPath = join(dataDir, `responses-${n}.csv`);
if (!existsSync(csvPath) || !existsSync(csvPath + '.survey.json')) {
  mkdirSync(dataDir, { recursive: true });
  console.error(`generating ${csvPath} …`);
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'gen', '--', String(n), csvPath + '.tmp'],
    { cwd: WASM, stdio: 'inherit' });
  execFileSync('mv', [csvPath + '.tmp', csvPath]);
}
const csvBytes = statSync(csvPath).size;
for (const f of [join(WASM, 'pkg/otklik_bench_wasm.js'), join(HERE, 'node_modules/@duckdb/duckdb-wasm/package.json')]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: run scripts/bench-browser.sh (it builds and installs)`);
}

// ---- server: page/, the wasm package, node_modules and the CSV, on 127.0.0.1 ----
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv', '.map': 'application/json',
};
const MOUNTS = [['/page/', join(HERE, 'page')], ['/pkg/', join(WASM, 'pkg')], ['/node_modules/', join(HERE, 'node_modules')],
  ['/package/', join(HERE, '../../packages/otklik-analytics')]];
const requests = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = null;
  if (path === '/data.csv') file = csvPath;
  if (path === '/survey.json') file = csvPath + '.survey.json';
  for (const [prefix, dir] of MOUNTS) {
    if (path.startsWith(prefix)) {
      const f = resolve(dir, '.' + path.slice(prefix.length - 1));
      if (f.startsWith(dir + sep)) file = f;
    }
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end('not found'); return; }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', 'content-length': statSync(file).size });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- memory: the renderer processes (descendants of this Node process) ----

// ---- browser ----
const loadBefore = loadavg();
const uptimeBefore = execFileSync('uptime', { encoding: 'utf8' }).trim();
const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // gc() between rounds (untimed), and room for the JS engines' heaps.
    '--js-flags=--expose-gc --max-old-space-size=4096'],
});
const results = [];
try {
  for (const engine of engines) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('websocket', (w) => requests.push(w.url()));
    page.on('pageerror', (e) => console.error(`[${engine}] page error: ${e}`));
    page.on('console', (m) => { if (m.type() === 'error') console.error(`[${engine}] console: ${m.text()}`); });
    await page.goto(`${origin}/page/index.html`);
    await page.waitForFunction(() => window.benchReady === true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    console.error(`${engine}: ${runs} rounds after a warm-up …`);
    const t0 = Date.now();
    if (profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const r = await page.evaluate(([e, k]) => window.bench(e, k), [engine, runs]);
    if (profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, `${engine}.cpuprofile`), JSON.stringify(profile));
      const self = new Map();
      const dt = new Map(profile.nodes.map((x) => [x.id, x]));
      profile.samples.forEach((id, i) => {
        const f = dt.get(id).callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      const total = [...self.values()].reduce((a, b) => a + b, 0);
      console.error(`${engine}: self time by function (${(total / 1000).toFixed(0)} ms sampled)`);
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        console.error(`  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
      }
    }
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    r.jsHeapUsedMB = metrics.JSHeapUsedSize / 1048576;
    r.wallS = (Date.now() - t0) / 1000;
    // Every renderer's peak RSS now; the engine's renderer is the one that exits with its context.
    const before = renderers();
    await context.close();
    let gone = [];
    for (let i = 0; i < 50 && gone.length === 0; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      const after = renderers();
      gone = [...before.keys()].filter((pid) => !after.has(pid));
    }
    if (gone.length) {
      r.renderer = gone.map((pid) => ({ pid, ...before.get(pid) }));
      r.peakMB = Math.max(...r.renderer.map((x) => x.hwmMB));
      r.memoryNote = gone.length > 1 ? `${gone.length} page renderers exited with the context; the largest peak is shown` : '';
    } else {
      const [pid, m] = [...before].sort((a, b) => b[1].hwmMB - a[1].hwmMB)[0] ?? [0, { hwmMB: NaN }];
      r.renderer = [{ pid, ...m }];
      r.peakMB = m.hwmMB;
      r.memoryNote = 'no renderer exited with the context: the largest renderer is shown';
    }
    console.error(`${engine}: ingest ${r.ingestMedian.toFixed(1)} ms, indicators ${r.indicatorsMedian.toFixed(1)} ms, peak renderer ${r.peakMB.toFixed(0)} MB (pid ${r.renderer.map((x) => x.pid).join(',')})`);
    results.push(r);
  }
} finally {
  await browser.close();
  server.close();
}
const uptimeAfter = execFileSync('uptime', { encoding: 'utf8' }).trim();

// ---- the table ----
const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');
const ot = results.find((r) => r.engine === 'otklik');
const ratio = (x, base) => (ot && base > 0 && x > 0 ? `${fmt(x / base, 1)}×` : '—');
const NAMES = { none: '(page + CSV bytes only)', otklik: 'Otklik (Rust → WASM)', otklik2: 'Otklik, two workers', package: 'otklik-analytics (npm package)', duckdb: 'DuckDB-WASM', arquero: 'Arquero' };
const pkg = (p) => JSON.parse(readFileSync(join(HERE, 'node_modules', p, 'package.json'), 'utf8')).version;
const lines = [];
lines.push(`# Browser benchmark: Otklik vs DuckDB-WASM vs Arquero`, '');
lines.push(`${fmt(n)} responses × 20 Likert items + NPS + waiting time (${fmt(csvBytes / 1e6, 1)} MB CSV, \`otklik_demo::generate_csv(bench_survey(), seed 42)\`), `
  + `headless ${chromiumVersion}, ${cpus().length} cores. Medians of ${runs} rounds after one warm-up, each engine in a fresh browser context (its own renderer process), all in one browser run.`, '');
lines.push('| engine | ingest ms | indicators ms | peak memory MB | ingest ratio to Otklik | indicators ratio to Otklik |');
lines.push('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const timed = r.engine !== 'none';
  lines.push(`| ${NAMES[r.engine] ?? r.engine} | ${timed ? fmt(r.ingestMedian) : '—'} | ${timed ? fmt(r.indicatorsMedian) : '—'} | ${fmt(r.peakMB)} | `
    + `${timed ? ratio(r.ingestMedian, ot?.ingestMedian) : '—'} | ${timed ? ratio(r.indicatorsMedian, ot?.indicatorsMedian) : '—'} |`);
}
lines.push('', 'Ratios are engine time ÷ Otklik time (above 1× means slower than Otklik).', '');
lines.push('**Tasks.** *Ingest*: CSV bytes (already in page memory) → the engine\'s columnar table — Otklik `load_csv` (the bytes are copied into wasm memory, '
  + 'parsed and validated by `otklik_survey::import::read_csv`; *two workers*: then the rows from the middle on are sent, as bytes, to a helper worker running the same module, '
  + 'which keeps them); DuckDB-WASM `registerFileBuffer` + `CREATE TABLE t AS SELECT * FROM read_csv(\'data.csv\', header = true)` '
  + '(type detection included; \`registerFileBuffer\` transfers the buffer to the worker, so each round gets a fresh copy, made untimed; the registered file is dropped afterwards, untimed); Arquero `new TextDecoder().decode(bytes)` + `aq.fromCSV(text)`. '
  + '*Indicators*: overall, by period and by period × dept — for q00..q19 the count, mean, sample SD and top-2 share (≥ 4), NPS on `rec`, and the share of `wait` ≤ 15; '
  + 'DuckDB: one SQL query per grouping (results fetched as Arrow); Arquero: `rollup()`, `groupby(\'period\').rollup()`, `groupby(\'period\', \'dept\').rollup()`. '
  + '**Otklik computes its whole catalogue** for the three groupings — `analyze()` with confidence intervals, dimension indices, drivers, standards\' median and p90, '
  + 'suppression with the remainder rule, period-over-period changes with tests and trends — more than the peers\' set. '
  + '*Two workers*: the same pass split (`otklik_analytics::Split`): the page accumulates the first half of the rows while the helper accumulates the second, '
  + 'whose sums come back as bytes and are added up on the page; the result is the very same (a test compares them).', '');
lines.push('**Memory column.** The peak resident set size (`VmHWM` in `/proc/<pid>/status`) of the renderer process of the engine\'s page, read just before its '
  + 'browser context was closed; the renderer is the largest of the page renderers that exit with the context (the others are an idle '
  + '`about:blank`/spare renderer of ~75 MB; the browser UI\'s WebUI renderer is excluded). It includes the page, the CSV bytes fetched into the page, '
  + 'the engine\'s code, its WebAssembly memories and JS heap, and DuckDB\'s Web Worker (a dedicated worker runs in the same renderer process), over the whole '
  + 'session (load, warm-up and the rounds). `(page + CSV bytes only)` is the same page with the CSV fetched and no engine loaded: the floor. '
  + 'RSS counts shared library pages too. `gc()` (V8 `--expose-gc`) runs before every timed step, untimed.', '');
lines.push('| engine | version | rows | groups | ingest ms (rounds) | indicators ms (rounds) | JS heap at end MB | Otklik wasm memory at end MB | renderer pid |');
lines.push('|---|---|---:|---:|---|---|---:|---:|---:|');
for (const r of results) {
  lines.push(`| ${r.engine} | ${r.version} | ${fmt(r.rows)} | ${fmt(r.groups)} | ${r.ingestMs.map((x) => fmt(x)).join(', ')} | ${r.indicatorsMs.map((x) => fmt(x)).join(', ')} | ${fmt(r.jsHeapUsedMB)} | ${r.extra?.wasmMemoryMB != null ? fmt(r.extra.wasmMemoryMB) : '—'} | ${r.renderer.map((x) => x.pid).join(', ')}${r.memoryNote ? ' (' + r.memoryNote + ')' : ''} |`);
}
const checked = results.filter((r) => r.check);
if (checked.length) {
  lines.push('', 'Cross-check (overall group):', '');
  lines.push('| engine | n | q00 n | q00 mean | q00 SD | q00 top-2 | NPS | wait ≤ 15 |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of checked) {
    const c = r.check;
    lines.push(`| ${r.engine} | ${c.n} | ${c.q00_n} | ${c.q00_mean.toFixed(6)} | ${c.q00_sd.toFixed(6)} | ${c.q00_top2.toFixed(6)} | ${c.nps.toFixed(4)} | ${c.wait_ok.toFixed(6)} |`);
  }
  for (const r of checked) if (r.check.types) lines.push('', `${r.engine} column types: ${r.check.types}`);
}
const tr = results.find((r) => r.engine === 'otklik' && r.extra?.transfer)?.extra.transfer;
if (tr) {
  lines.push('', `**Worker → page.** The analyses of the three groupings (${fmt(tr.jsonBytes / 1e3, 1)} kB as JSON) serialised in wasm, cloned as \`postMessage\` clones them, and read back into Rust: `
    + `JSON text ${fmt(tr.jsonMs, 2)} ms; a structured value by serde-wasm-bindgen ${fmt(tr.valueMs, 2)} ms `
    + `(${fmt(tr.valueMs / tr.jsonMs, 2)}× JSON's time). Medians of 15 rounds.`);
}
lines.push('', `Versions: @duckdb/duckdb-wasm ${pkg('@duckdb/duckdb-wasm')}, arquero ${pkg('arquero')}, playwright-core ${pkg('playwright-core')}, `
  + `wasm-bindgen ${execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1]}, ${execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim()}, Node ${process.version}.`);
lines.push('', `Load: before \`${uptimeBefore}\`; after \`${uptimeAfter}\`. Sessions on this shared machine differ by up to ~25%: compare ratios within one run.`);
lines.push('', `Requests outside ${origin}: ${foreign.length ? foreign.join(', ') : 'none'}.`);
const md = lines.join('\n') + '\n';
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, md);
writeFileSync(outFile.replace(/\.md$/, '') + '.json', JSON.stringify({ n, csvBytes, runs, chromiumVersion, loadBefore, uptimeBefore, uptimeAfter, results }, null, 2) + '\n');
console.log(md);
console.error(`written to ${outFile}`);
if (foreign.length) process.exitCode = 1;
