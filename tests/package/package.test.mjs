// The npm package otklik-analytics as a user gets it: the tarball `npm pack` makes
// (scripts/build-package.sh --pack), installed offline into an empty folder and
// imported from there. Its results are compared with what the `otklik` CLI gives for
// the same files: the analyses, the problems of bad files, merged responses, the
// report and the demo data. Its TypeScript declarations are checked by tsc on a typed
// example, and the Node example is run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync, copyFileSync, openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = [join(ROOT, 'target/release/otklik'), join(ROOT, 'target/debug/otklik')].find(existsSync);
const MALFORMED = join(ROOT, 'fixtures/malformed');
const REFERENCE = join(ROOT, 'fixtures/reference');
let dir; // the folder the package is installed in
let pkg; // the installed package, imported
let demoDir; // the CLI's demo data

function cli(args, cwd = ROOT) {
  const r = spawnSync(CLI, args, { cwd, env: { ...process.env, OTKLIK_LANG: 'en' }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

before(async () => {
  assert.ok(CLI, 'the otklik CLI is built (cargo build --release -p otklik-cli)');
  const tarball = readdirSync(join(ROOT, 'target/package'))
    .filter((f) => /^otklik-analytics-.*\.tgz$/.test(f))
    .map((f) => join(ROOT, 'target/package', f))[0];
  assert.ok(tarball, 'the package is packed (bash scripts/build-package.sh --pack)');
  dir = mkdtempSync(join(tmpdir(), 'otklik-package-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir, stdio: 'pipe' });
  pkg = await import(join(dir, 'node_modules/otklik-analytics/index.js'));
  await pkg.ready();
  demoDir = join(dir, 'demo');
  assert.equal(cli(['demo', '--out', demoDir, '--seed', '7', '--responses', '900']).status, 0);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Equal, numbers to a relative 1e-12: the module computes in WebAssembly, whose
 * logarithms and exponentials (Rust's libm) may differ from the CLI's (the system's)
 * in the last bits, as p-values show. */
function close(actual, expected, path = '') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (actual === expected) return;
    const tol = 1e-12 * Math.max(1, Math.abs(expected));
    assert.ok(Math.abs(actual - expected) <= tol, `${path}: ${actual} ≠ ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => close(actual[i], e, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: keys`);
    for (const k of Object.keys(expected)) close(actual[k], expected[k], `${path}.${k}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

function file(path, name = path) {
  return { name, bytes: new Uint8Array(readFileSync(path)) };
}

test('analyze equals `otklik indicators --format json` for the reference fixture and the demo data', () => {
  const cases = [
    [REFERENCE, 'survey.json', ['responses.csv'], [[], ['period'], ['period', 'dept']]],
    [demoDir, 'surveys/internal-client.json', ['internal-client.csv'], [['period'], ['period,dept'], ['dept']]],
    [demoDir, 'surveys/external-client.json', ['external-client.csv'], [['period'], ['period.year']]],
  ];
  let compared = 0;
  for (const [cwd, surveyFile, responseFiles, groupings] of cases) {
    const survey = readFileSync(join(cwd, surveyFile), 'utf8');
    const data = pkg.readResponses(survey, responseFiles.map((f) => file(join(cwd, f), f)));
    for (const by of groupings) {
      for (const texts of [false, true]) {
        const args = ['indicators', surveyFile, ...responseFiles, '--format', 'json'];
        if (by.length) args.push('--by', by.join(','));
        if (texts) args.push('--texts');
        const r = cli(args, cwd);
        if (r.status !== 0) {
          // The CLI refuses this grouping (say, not in the publication set): so must the module.
          assert.throws(() => pkg.analyze(survey, data, { by, texts }), pkg.OtklikError, r.stderr);
          continue;
        }
        close(pkg.analyze(survey, data, { by, texts }), JSON.parse(r.stdout), `${surveyFile} by ${by} texts ${texts}`);
        if (!texts) {
          const [one] = pkg.analyzeMany(survey, data, [by]);
          close(one, JSON.parse(r.stdout), `analyzeMany: ${surveyFile} by ${by}`);
        }
        compared++;
      }
    }
  }
  assert.ok(compared >= 10, `${compared} analyses compared`);
});

/** A problem written as the CLI writes it (crates/survey/src/import/problems.rs). */
function line(p) {
  if (p.path !== undefined) return `${p.file}: ${p.path}: ${p.message.en}`;
  if (p.line === null) return `${p.file}: ${p.message.en}`;
  if (typeof p.column === 'number') return `${p.file}:${p.line}:${p.column}: ${p.message.en}`;
  if (p.column !== null) return `${p.file}:${p.line}: column ${p.column}: ${p.message.en}`;
  return `${p.file}:${p.line}: ${p.message.en}`;
}

test('every malformed fixture is refused with the problems the CLI names, in both languages', () => {
  const survey = readFileSync(join(MALFORMED, 'survey.json'), 'utf8');
  const files = readdirSync(MALFORMED).filter((f) => /\.(csv|json)$/.test(f) && f !== 'survey.json');
  let refused = 0;
  for (const f of files) {
    const r = cli(['merge', 'survey.json', f, '--out', join(dir, 'merged.csv')], MALFORMED);
    let error;
    try {
      pkg.readResponses(survey, [file(join(MALFORMED, f), f)]);
    } catch (e) {
      error = e;
    }
    if (r.status === 0) {
      assert.equal(error, undefined, `${f}: the CLI reads it, so must the module`);
      continue;
    }
    assert.ok(error instanceof pkg.OtklikError, `${f}: refused with an OtklikError`);
    assert.equal(error.code, 'bad-files');
    const cliLines = r.stderr.trim().split('\n');
    const ours = error.problems.map(line);
    assert.deepEqual(ours, cliLines.slice(0, ours.length), f);
    // Past the problems, the CLI says only that more were found than are listed.
    assert.ok(cliLines.length - ours.length <= 1, `${f}: ${cliLines.slice(ours.length)}`);
    for (const p of error.problems) assert.ok(p.message.ru && p.message.ru !== p.message.en, `${f}: Russian`);
    refused++;
  }
  assert.ok(refused >= 20, `${refused} fixtures refused`);
});

test('readResponsesFrom reads files chunk by chunk to the same responses, and bad files to the same problems', async () => {
  const survey = readFileSync(join(demoDir, 'surveys/external-client.json'), 'utf8');
  const path = join(demoDir, 'external-client.csv');
  const streamed = await pkg.readResponsesFrom(survey, [{ name: 'external-client.csv', blob: await openAsBlob(path) }]);
  const whole = pkg.readResponses(survey, [file(path, 'external-client.csv')]);
  assert.equal(streamed.count, whole.count);
  close(pkg.analyze(survey, streamed, { by: ['period'] }), pkg.analyze(survey, whole, { by: ['period'] }));
  const malformed = readFileSync(join(MALFORMED, 'survey.json'), 'utf8');
  for (const f of ['bad-option.csv', 'bad-quote.csv', 'duplicate-id.csv', 'bad-answer.json']) {
    const get = async (read) => { try { await read(); } catch (e) { return e; } return null; };
    const a = await get(async () => pkg.readResponsesFrom(malformed, [{ name: f, blob: await openAsBlob(join(MALFORMED, f)) }]));
    const b = await get(() => pkg.readResponses(malformed, [file(join(MALFORMED, f), f)]));
    assert.ok(a instanceof pkg.OtklikError, f);
    assert.deepEqual(a.problems, b.problems, f);
  }
});

test('a response id with different answers in two files is a conflict, as the CLI says', () => {
  const survey = readFileSync(join(REFERENCE, 'survey.json'), 'utf8');
  const text = readFileSync(join(REFERENCE, 'responses.csv'), 'utf8').split('\n');
  const cells = text[1].split(',');
  cells[1] = String(Number(cells[1]) + 1); // the same id in another year: other answers
  const other = `${text[0]}\n${cells.join(',')}\n`;
  writeFileSync(join(dir, 'other.csv'), other);
  const r = cli(['merge', join(REFERENCE, 'survey.json'), 'responses.csv', join(dir, 'other.csv'), '--out', join(dir, 'm.csv')], REFERENCE);
  assert.equal(r.status, 3, r.stderr);
  assert.throws(
    () => pkg.readResponses(survey, [file(join(REFERENCE, 'responses.csv'), 'responses.csv'), file(join(dir, 'other.csv'))]),
    (e) => e instanceof pkg.OtklikError && e.code === 'conflict' && r.stderr.startsWith(line(e.problems[0])),
  );
});

test('merge gives the responses `otklik merge` gives, in another random order each time', () => {
  const survey = readFileSync(join(demoDir, 'surveys/external-client.json'), 'utf8');
  const data = pkg.readResponses(survey, [file(join(demoDir, 'external-client.csv'))]);
  for (const format of ['csv', 'json']) {
    const out = join(dir, `merged.${format}`);
    assert.equal(cli(['merge', 'surveys/external-client.json', 'external-client.csv', '--out', out], demoDir).status, 0);
    const a = Buffer.from(pkg.merge(survey, data, { format })).toString();
    const b = Buffer.from(pkg.merge(survey, data, { format })).toString();
    const theirs = readFileSync(out, 'utf8');
    assert.notEqual(a, b, 'two merges, two orders');
    if (format === 'csv') {
      const sorted = (t) => t.trim().split(/\r?\n/).slice(1).sort();
      assert.equal(a.split(/\r?\n/)[0], theirs.split(/\r?\n/)[0], 'the header');
      assert.deepEqual(sorted(a), sorted(theirs));
    } else {
      const byId = (t) => {
        const j = JSON.parse(t);
        j.responses.sort((x, y) => (x.id < y.id ? -1 : 1));
        return j;
      };
      assert.deepEqual(byId(a), byId(theirs));
    }
  }
});

test('report writes what `otklik report` writes (HTML byte for byte, CSV to the last bits of its figures, DOCX and XLSX as files)', () => {
  const cwd = demoDir;
  const internal = readFileSync(join(cwd, 'surveys/internal-client.json'), 'utf8');
  const external = readFileSync(join(cwd, 'surveys/external-client.json'), 'utf8');
  const inputs = [
    { survey: internal, name: 'surveys/internal-client.json', files: [file(join(cwd, 'internal-client.csv'), 'internal-client.csv')] },
    { survey: external, name: 'surveys/external-client.json', files: [file(join(cwd, 'external-client.csv'), 'external-client.csv')] },
  ];
  // The last year of the demo data.
  const year = Math.max(...readFileSync(join(cwd, 'external-client.csv'), 'utf8').match(/,20\d\d-Q\d,/g).map((p) => Number(p.slice(1, 5))));
  for (const [format, lang] of [['html', 'ru'], ['csv', 'en'], ['html', 'en'], ['docx', 'ru'], ['xlsx', 'ru']]) {
    const out = join(dir, `report.${format}`);
    const r = cli(['report', 'surveys/internal-client.json', 'internal-client.csv', '--also', 'surveys/external-client.json', 'external-client.csv', '--year', String(year), '--org', 'ГБУ «Тест»', '--lang', lang, '--date', '2026-12-01', '--out', out], cwd);
    assert.equal(r.status, 0, r.stderr);
    const ours = Buffer.from(pkg.report(inputs, { year, org: 'ГБУ «Тест»', lang, format, date: '2026-12-01' }));
    const theirs = readFileSync(out);
    if (format === 'html') {
      assert.ok(ours.equals(theirs), `${format} ${lang}: ${ours.length} and ${theirs.length} bytes`);
    } else if (format === 'csv') {
      // The CSV holds every figure to the last bit: the same text around numbers that
      // are equal to a relative 1e-12 (see `close`).
      const number = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;
      const [a, b] = [ours.toString(), theirs.toString()];
      assert.equal(a.replace(number, '#'), b.replace(number, '#'), `${format} ${lang}: the text`);
      close(a.match(number).map(Number), b.match(number).map(Number), `${format} ${lang}`);
    } else {
      assert.equal(ours.subarray(0, 2).toString(), 'PK', `${format}: a zip file`);
      assert.ok(ours.length > 5000, `${format}: ${ours.length} bytes`);
    }
  }
});

test('demo gives the files `otklik demo` writes, byte for byte', () => {
  const d = pkg.demo({ seed: 7, responses: 900 });
  assert.deepEqual(Object.keys(d.surveys).sort(), ['external-client', 'internal-client']);
  for (const [id, text] of Object.entries(d.surveys)) {
    assert.equal(text, readFileSync(join(demoDir, 'surveys', `${id}.json`), 'utf8'));
  }
  for (const f of d.files) {
    assert.ok(Buffer.from(f.bytes).equals(readFileSync(join(demoDir, f.name))), f.name);
  }
});

test('validateSurvey gives the problems `otklik validate` gives', () => {
  const dirs = join(MALFORMED, 'surveys');
  let checked = 0;
  for (const f of readdirSync(dirs).filter((f) => f.endsWith('.json'))) {
    const text = readFileSync(join(dirs, f), 'utf8');
    const r = cli(['validate', f], dirs);
    const v = pkg.validateSurvey(text);
    assert.equal(v.ok, r.status === 0, `${f}: ${r.stderr}`);
    if (!v.ok) {
      for (const p of v.problems) {
        const where = p.line ? `${f}:${p.line}:${p.column}: ` : `${f}: ${p.path ? `${p.path}: ` : ''}`;
        assert.ok(r.stderr.includes(p.line ? where : `${where}${p.message.en}`), `${f}: ${where}${p.message.en}\n${r.stderr}`);
      }
    }
    checked++;
  }
  assert.ok(checked >= 3);
});

test('calls before ready() and wrong options are refused plainly', () => {
  const survey = readFileSync(join(REFERENCE, 'survey.json'), 'utf8');
  const data = pkg.readResponses(survey, [file(join(REFERENCE, 'responses.csv'))]);
  assert.throws(() => pkg.analyze(survey, data, { by: ['period'], minGrop: 5 }), (e) => e.code === 'bad-options' && /minGrop/.test(e.message));
  assert.throws(() => pkg.readResponses(survey, 'not files'), (e) => e.code === 'bad-options');
  assert.throws(() => pkg.analyze('{}', data), (e) => e.code === 'bad-survey' && e.definition.length > 0);
});

test('the TypeScript example type-checks against the declarations, and the Node example runs', () => {
  copyFileSync(join(ROOT, 'examples/node/typed.ts'), join(dir, 'typed.ts'));
  copyFileSync(join(ROOT, 'examples/node/indicators.mjs'), join(dir, 'indicators.mjs'));
  const tsc = join(import.meta.dirname, 'node_modules/.bin/tsc');
  const r = spawnSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'typed.ts'], { cwd: dir });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  // And tsc does fail on a wrong use: a field the analysis does not have.
  writeFileSync(join(dir, 'wrong.ts'), readFileSync(join(dir, 'typed.ts'), 'utf8').replace('g.ccl.value :', 'g.ccl.valeu :'));
  const w = spawnSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--lib', 'es2022,dom', 'wrong.ts'], { cwd: dir });
  assert.notEqual(w.status, 0, 'tsc finds the misspelt field');
  assert.match(`${w.stdout}`, /valeu/);
  const run = spawnSync(process.execPath, ['indicators.mjs', join(REFERENCE, 'survey.json'), join(REFERENCE, 'responses.csv')], { cwd: dir });
  assert.equal(run.status, 0, run.stderr.toString());
  assert.match(run.stdout.toString(), /^\d+ responses, K = \d+, grouped by period/);
});
