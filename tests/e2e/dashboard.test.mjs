// The manager's dashboard in a real headless browser (Chromium or Firefox ESR): demo data on first open,
// imports validated whole (a bad file rejected with line and column, nothing else
// touched), repeated imports change nothing, reloads keep everything, and the cards
// show exactly what `otklik indicators` computes for the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, assertClean, screenshot, ROOT, ARTIFACTS, otklik, axe, BROWSER, artifactName } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });


/** The stored response files: key, description and content (the Blob's text). */
async function storedFiles(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const r = indexedDB.open('otklik', 2);
    r.onerror = () => fail(r.error);
    r.onsuccess = () => {
      const store = r.result.transaction('files', 'readonly').objectStore('files');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onerror = () => fail(values.error);
      values.onsuccess = async () => {
        const out = [];
        for (const [i, v] of values.result.entries()) {
          out.push(typeof v === 'string'
            ? { key: keys.result[i], meta: v, content: null }
            : { key: keys.result[i], meta: v.meta, content: v.blob instanceof Blob ? await v.blob.text() : null });
        }
        r.result.close();
        ok(out);
      };
    };
  }));
}

/** Opens the dashboard on the external survey's demo and waits for its charts and free texts. */
async function openExternalDemo(page) {
  await page.goto(server.url);
  await page.waitForSelector('#demo-banner');
  await page.selectOption('#dash-survey', 'external-client');
  await page.waitForSelector('#chart-standards');
  await page.waitForSelector('section.texts .texts-group');
}

const CHARTS = ['trend', 'likert', 'drivers', 'heatmap', 'channels', 'standards'];

/** A card's value and n, as the page states them in its data attributes. */
const card = (page, id) => page.$eval(`#card-${id}`, (c) => ({ value: c.querySelector('.kpi-value')?.dataset.value, n: c.querySelector('.kpi-n')?.dataset.n }));

/** Asserts that the cards show the latest period of `cli` (`otklik indicators --by period`
 * of the external survey); returns that period's group. */
async function assertCardsShow(page, cli) {
  const latest = cli.groups[cli.groups.length - 1];
  assert.equal(latest.suppressed, false);
  await page.waitForFunction((n) => document.querySelector('#card-ccl .kpi-n')?.dataset.n === n, String(latest.ccl.n), { timeout: 60000 });
  assert.deepEqual(await card(page, 'ccl'), { value: String(latest.ccl.value), n: String(latest.ccl.n) });
  for (const [dim, d] of Object.entries(latest.dimensions)) {
    if (d.suppressed) assert.ok(await page.$(`#card-dim-${dim} [data-suppressed]`));
    else assert.deepEqual(await card(page, `dim-${dim}`), { value: String(d.index), n: String(d.n) });
  }
  assert.deepEqual(await card(page, 'nps-nps'), { value: String(latest.nps.nps.value), n: String(latest.nps.nps.n) });
  assert.deepEqual(await card(page, 'res-resolved'), { value: String(latest.resolution.resolved.share), n: String(latest.resolution.resolved.n) });
  for (const [q, s] of Object.entries(latest.standards)) {
    if (s.suppressed) assert.ok(await page.$(`#card-std-${q} [data-suppressed]`));
    else assert.deepEqual(await card(page, `std-${q}`), { value: String(s.share), n: String(s.n) });
  }
  return latest;
}

test('first open shows the demo with cards and every chart, on desktop and phone', async () => {
  for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    const profile = await freshProfile();
    const { context, page, log } = await launch(profile, viewport);
    try {
      await page.goto(server.url);
      await page.waitForSelector('#demo-banner');
      await page.waitForSelector('.kpi');
      // External survey: every chart kind appears.
      await page.selectOption('#dash-survey', 'external-client');
      await page.waitForSelector('#chart-standards');
      for (const c of CHARTS) assert.ok(await page.$(`#chart-${c}`), `chart ${c}`);
      assert.ok(await page.$('figure[id^="chart-nps"]'), 'NPS chart');
      assert.ok((await page.$$('#card-ccl .kpi-value')).length === 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
      // The import is within the first screen.
      const bottom = await page.$eval('#dash-import', (e) => e.getBoundingClientRect().bottom + window.scrollY);
      assert.ok(bottom < viewport.height, `the import ends at ${bottom} px`);
      // No chart text is drawn below 11 CSS px: on a phone the charts scroll sideways
      // in their frame instead of shrinking.
      const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.chart-svg svg')].flatMap((svg) => {
        const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * k);
      })));
      assert.ok(smallest >= 10.99, `the smallest chart text is ${smallest.toFixed(2)} px`);
      await axe(page, `dashboard (${label})`);
      await screenshot(page, `${label}-dashboard-external`);
      const externalTotal = await page.$eval('#dash-summary', (e) => e.dataset.total);
      await page.selectOption('#dash-survey', 'internal-client');
      // The internal survey's own figures, not the external's still on screen.
      await page.waitForFunction((t) => {
        const total = document.querySelector('#dash-summary')?.dataset.total;
        return total > 3000 && total !== t;
      }, externalTotal);
      await page.waitForSelector('#chart-heatmap');
      await screenshot(page, `${label}-dashboard-internal`);
      // Small units are suppressed, never shown as zero.
      const heat = await page.textContent('#chart-heatmap table');
      assert.match(heat, /меньше 5/);
      await assertClean(assert, log, server.url, page);
    } finally {
      await context.close();
      await removeProfile(profile);
    }
  }
});

test('free-text answers: the first ten of a group, more on request from the keyboard', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await openExternalDemo(page);
    // A group with more answers than are shown at first.
    const groups = page.locator('section.texts .texts-group');
    const at = await groups.evaluateAll((gs) => gs.findIndex((g) => g.querySelector('button')));
    assert.ok(at >= 0, 'a group with more answers than shown');
    const group = groups.nth(at);
    const total = Number((await group.locator('h3').textContent()).match(/\((\d+)\)$/)[1]);
    assert.ok(total > 10, `a group with ${total} answers`);
    assert.equal(await group.locator('li').count(), 10);
    assert.equal((await group.locator('.texts-more span').textContent()).trim(), `Показано 10 из ${total}.`);
    // The button is visible on the card: its text is not the card's white.
    assert.notEqual(await group.locator('button').evaluate((b) => getComputedStyle(b).color), 'rgb(255, 255, 255)');
    await group.locator('button').focus();
    await page.keyboard.press('Enter');
    const shown = Math.min(60, total);
    await page.waitForFunction(([at, n]) => document.querySelectorAll('section.texts .texts-group')[at].querySelectorAll('li').length === n, [at, shown]);
    if (shown < total) {
      // The focus stays on the button, for the next request.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), `Показать ещё ${Math.min(50, total - shown)}`);
    } else {
      assert.equal(await group.locator('button').count(), 0, 'no button once all are shown');
    }
    await axe(page, 'dashboard: free texts opened');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('anonymity: free texts under one grouping whatever the breakdown; files said to be confidential', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await openExternalDemo(page);
    const titles = () => page.$$eval('section.texts .texts-group h3', (hs) => hs.map((h) => h.textContent));
    const before = await titles();
    assert.ok(before.length > 0, 'free texts are shown');
    // The hint names the one grouping of the free texts: the survey's first grouping question.
    assert.match(await page.textContent('section.texts .hint'), /Сгруппированы только по признаку «Категория заявителя»/);
    // Another breakdown changes the charts, not the free-text lists.
    const options = await page.$$eval('#dash-breakdown option', (os) => os.map((o) => o.value).filter((v) => v));
    const other = options.find((v) => v !== 'segment');
    assert.ok(other, 'a breakdown other than the segment');
    const heat = await page.textContent('#chart-heatmap table');
    await page.selectOption('#dash-breakdown', other);
    // The breakdown's analysis has arrived once the heatmap shows its groups.
    await page.waitForFunction((h) => document.querySelector('#chart-heatmap table')?.textContent !== h, heat);
    assert.deepEqual(await titles(), before, 'the same free-text groups under any breakdown');
    assert.match(await page.textContent('#dash-confidential'), /Файлы ответов конфиденциальны/);
    await axe(page, 'dashboard: free texts under another breakdown');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('print / PDF: the figures and charts on A4, the choices said in one line, no controls', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await openExternalDemo(page);
    const period = await page.$eval('#dash-period', (s) => s.value);
    const ccl = (await page.textContent('#card-ccl .kpi-value')).trim();
    // The button opens the browser's print dialogue (which a headless browser cannot
    // show: the call is counted instead; the printing itself is page.pdf below).
    await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
    await page.focus('#dash-print');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.__printed), 1);
    // The print styles as the page sees them: Chromium only (Playwright emulates the
    // print media type over CDP, not over Firefox's BiDi); the PDF below is printed by
    // each browser itself and checked in both.
    if (BROWSER === 'chromium') {
      await page.emulateMedia({ media: 'print' });
      const visible = (sel) => page.$eval(sel, (e) => getComputedStyle(e).display !== 'none');
      for (const sel of ['.app-nav', '.controls', '.dropzone', '#dash-export']) assert.equal(await visible(sel), false, `${sel} is not printed`);
      for (const sel of ['#dash-print-title', '#card-ccl', '#chart-trend', '#chart-standards', 'section.texts']) assert.equal(await visible(sel), true, `${sel} is printed`);
    }
    const title = await page.textContent('#dash-print-title');
    assert.ok(title.includes(`период ${period}`), title);
    await mkdir(join(ARTIFACTS, 'dashboard'), { recursive: true });
    const pdf = join(ARTIFACTS, 'dashboard', artifactName('dashboard-external.pdf'));
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1]);
    assert.ok(pages >= 2 && pages <= 12, `${pages} pages`);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of ['Уровень клиентоцентричности', ccl, `период ${period}`, 'Свободные ответы']) {
      assert.ok(text.includes(expected), `the PDF says ${JSON.stringify(expected)}`);
    }
    assert.ok(!text.includes('Загрузить файлы'), 'no import controls in the PDF');
    if (BROWSER === 'chromium') await page.emulateMedia({ media: 'screen' });
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('imports: good files merge, a bad file is rejected with line and column, another tab follows, repeats change nothing, reload keeps all, cards equal the CLI', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-'));
  otklik(['demo', '--out', dir, '--responses', '600', '--seed', '11']);
  const lines = (await readFile(join(dir, 'external-client.csv'), 'utf8')).trimEnd().split('\n');
  const header = lines[0];
  const a = join(dir, 'a.csv'); const b = join(dir, 'b.csv'); const bad = join(dir, 'bad.csv');
  await writeFile(a, [header, ...lines.slice(1, 401)].join('\n') + '\n');
  await writeFile(b, [header, ...lines.slice(301)].join('\n') + '\n'); // 100 overlap with a
  const badRows = lines.slice(1, 6);
  const cells = badRows[3].split(',');
  const col = header.split(',').indexOf('nps');
  cells[col] = '11';
  badRows[3] = cells.join(',');
  await writeFile(bad, [header, ...badRows].join('\n') + '\n');
  // Same id as a response of a.csv, different answers: a conflict, the first kept.
  const c = join(dir, 'c.csv');
  const first = lines[1].split(',');
  const pcol = header.split(',').indexOf('period');
  first[pcol] = first[pcol] === '2022-Q1' ? '2022-Q2' : '2022-Q1';
  await writeFile(c, [header, first.join(',')].join('\n') + '\n');

  const profile = await freshProfile();
  let { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    // The dashboard is open in a second tab too, on the demo.
    const other = await context.newPage();
    await other.goto(server.url);
    await other.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', [a, b, bad]);
    await page.waitForSelector('.file-error');
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '600');
    // The other tab reads the device again and shows the same data.
    await other.waitForFunction(() => !document.querySelector('#demo-banner')
      && document.querySelector('#dash-summary')?.dataset.total === '600', null, { timeout: 30_000 });
    await other.close();
    assert.equal(await page.$('#demo-banner'), null, 'the demo goes away');
    // The problem is told in the interface's language, with its line and column.
    assert.match(await page.textContent('.file-error'), /bad\.csv:5: столбец nps: "11": ожидается целое число от 0 до 10/);
    await page.click('button.tool[lang]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('.file-error'), /bad\.csv:5: column nps: "11" is not a whole number 0\.\.10/);
    await page.click('button.tool[lang]');
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    const rows = await page.$$eval('table.files tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim()).filter((_, i) => i !== 1)));
    assert.deepEqual(rows.map((r) => r.slice(0, 5)).sort(), [['a.csv', '400', '400', '0', '0'], ['b.csv', '300', '200', '100', '0']]);

    // The same files again: nothing changes.
    await page.setInputFiles('#dash-import', [a, b]);
    await page.waitForSelector('.note');
    assert.equal(await page.$eval('#dash-summary', (e) => e.dataset.total), '600');
    assert.equal((await page.$$('table.files tbody tr')).length, 2);

    // A reload keeps everything.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '600');
    assert.equal((await page.$$('table.files tbody tr')).length, 2);

    // Each file is stored as it came: its description beside its content, a Blob of
    // the very bytes, under the first 32 hex digits of their SHA-256.
    const stored = await storedFiles(page);
    assert.equal(stored.length, 2);
    for (const f of [a, b]) {
      const bytes = await readFile(f);
      const sha = createHash('sha256').update(bytes).digest('hex');
      const s = stored.find((x) => x.key === sha.slice(0, 32));
      assert.ok(s, `${f} stored under its SHA-256`);
      assert.equal(s.content, bytes.toString('utf8'));
      assert.equal(JSON.parse(s.meta).text, undefined, 'no content inside the description');
    }

    // "Export all" gives every merged response once, in one file the CLI accepts.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dash-export')]);
    assert.equal(dl.suggestedFilename(), 'otklik-external-client-all.csv');
    const all = join(dir, 'all.csv');
    await dl.saveAs(all);
    const def = join(ROOT, 'fixtures/surveys/external-client.json');
    assert.deepEqual(JSON.parse(otklik(['indicators', def, all, '--by', 'period'])),
      JSON.parse(otklik(['indicators', def, a, b, '--by', 'period'])), 'the export holds exactly the merged responses');

    // The cards show what the CLI computes for the same files.
    const cli = JSON.parse(otklik(['indicators', join(ROOT, 'fixtures/surveys/external-client.json'), a, b, '--by', 'period']));
    const latest = await assertCardsShow(page, cli);

    // A conflicting file is accepted, its conflict listed, nothing overwritten.
    await page.setInputFiles('#dash-import', [c]);
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('table.files tbody tr');
      return rows.length === 3 && ![...rows].some((r) => r.querySelector('td[colspan]'));
    });
    const crow = await page.$$eval('table.files tbody tr', (trs) => trs.map((tr) => [...tr.children].map((x) => x.textContent.trim()).filter((_, i) => i !== 1)).find((r) => r[0] === 'c.csv'));
    assert.deepEqual(crow.slice(0, 5), ['c.csv', '1', '0', '0', '1']);
    assert.equal(await page.$eval('#dash-summary', (e) => e.dataset.total), '600');
    assert.deepEqual(await card(page, 'ccl'), { value: String(latest.ccl.value), n: String(latest.ccl.n) }, 'nothing was overwritten');

    // Removing a file takes its responses away.
    await page.click('table.files button[aria-label*="b.csv"]');
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '400');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('files whose periods differ in length: the dashboard says why it shows no indicators, and removing one file brings them back', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-mixed-'));
  otklik(['demo', '--out', join(dir, 'a'), '--responses', '300', '--seed', '21']);
  otklik(['demo', '--out', join(dir, 'b'), '--responses', '300', '--seed', '22']);
  const quarters = join(dir, 'a', 'external-client.csv');
  // The same kind of answers, with months for periods.
  const lines = (await readFile(join(dir, 'b', 'external-client.csv'), 'utf8')).trimEnd().split('\n');
  const pcol = lines[0].split(',').indexOf('period');
  const months = join(dir, 'months.csv');
  await writeFile(months, [lines[0], ...lines.slice(1, 101).map((l) => {
    const cells = l.split(',');
    cells[pcol] = '2026-03';
    return cells.join(',');
  })].join('\n') + '\n');
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', [quarters, months]);
    await page.waitForSelector('#dash-analysis-error');
    const said = await page.textContent('#dash-analysis-error');
    assert.match(said, /Показатели по сохранённым ответам рассчитать нельзя/);
    assert.match(said, /периоды разной длительности нельзя анализировать вместе: (\d{4}-Q\d и 2026-03|2026-03 и \d{4}-Q\d)/);
    assert.equal(await page.$('#card-ccl'), null, 'no cards without indicators');
    assert.equal((await page.$$('table.files tbody tr')).length, 2, 'both files are listed, to be removed');
    await axe(page, 'dashboard: indicators not computed');
    await page.click('button[aria-label="Удалить ответы файла months.csv"]');
    await page.waitForSelector('#card-ccl .kpi-value');
    assert.equal(await page.$('#dash-analysis-error'), null);
    assert.equal(await page.$eval('#dash-summary', (e) => e.dataset.total), '300');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a file stored by an earlier version (its text inside its description) still loads, and is moved to the new form', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-old-'));
  otklik(['demo', '--out', dir, '--responses', '250', '--seed', '31']);
  const text = await readFile(join(dir, 'external-client.csv'), 'utf8');
  const key = createHash('sha256').update(text).digest('hex').slice(0, 32);
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    // What the earlier version wrote: one JSON string per file, the text inside.
    await page.evaluate(({ key, text }) => new Promise((ok, fail) => {
      const r = indexedDB.open('otklik', 2);
      r.onerror = () => fail(r.error);
      r.onsuccess = () => {
        const tx = r.result.transaction('files', 'readwrite');
        tx.objectStore('files').put(JSON.stringify({ seq: 1, key, name: 'old.csv', survey: 'external-client', text }), key);
        tx.oncomplete = () => { r.result.close(); ok(); };
        tx.onerror = () => fail(tx.error);
      };
    }), { key, text });
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '250');
    assert.equal(await page.$('#demo-banner'), null);
    const rows = await page.$$eval('table.files tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent.trim()));
    assert.deepEqual(rows, ['old.csv']);
    // Now stored as a description beside a Blob of the same text.
    const stored = await storedFiles(page);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].key, key);
    assert.equal(stored[0].content, text);
    assert.deepEqual(JSON.parse(stored[0].meta), { seq: 1, key, name: 'old.csv', survey: 'external-client' });
    // And it still loads from there.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '250');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('hostile texts in a definition stay text: charts, tables and controls inject no markup', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-xss-'));
  const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & "q"';
  const survey = {
    id: 'xss', version: 1, audience: 'external', title: `Опрос ${evil}`,
    dimensions: [{ id: 'd', title: `Направление ${evil}` }],
    questions: [
      { id: 'unit', type: 'choice', group: true, role: 'segment', required: true, text: `Подразделение ${evil}`,
        options: [{ id: 'a', label: `Отдел ${evil}` }, { id: 'b', label: 'Отдел Б' }] },
      { id: 'q1', type: 'scale', dimension: 'd', required: true, text: `Вопрос ${evil}` },
      { id: 'q2', type: 'scale', dimension: 'd', required: true, text: 'Второй вопрос' },
      { id: 'rec', type: 'nps', text: `Рекомендация ${evil}` },
    ],
  };
  const file = join(dir, 'xss.json');
  await writeFile(file, JSON.stringify(survey));
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('.kpi');
    await page.setInputFiles('#dash-import', [file]);
    await page.waitForFunction(() => document.querySelector('#dash-survey')?.value === 'xss');
    await page.waitForSelector('#chart-heatmap svg');
    await page.waitForSelector('#chart-likert svg');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script ran');
    assert.equal(await page.$('main img'), null, 'no element was injected');
    assert.equal(await page.$$eval('main script, main [onerror]', (e) => e.length), 0);
    // The hostile text is there, as text, inside the charts' SVG and the tables.
    const svgText = await page.$eval('#chart-heatmap svg', (s) => s.textContent);
    assert.ok(svgText.includes('<img') || svgText.includes('Отдел <'), 'the label is drawn as text');
    assert.ok((await page.textContent('#dash-survey')).includes('<script>'));
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a large file shows how much of it has been checked while it is checked', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-big-'));
  otklik(['demo', '--out', dir, '--responses', '120000', '--seed', '5']);
  const file = join(dir, 'external-client.csv');
  const size = (await readFile(file)).length;
  assert.ok(size > 8 * 1024 * 1024, `the file has ${size} bytes`);
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('.kpi');
    // Record every state of the progress bar, frame by frame.
    await page.evaluate(() => {
      window.__seen = [];
      const look = () => {
        const p = document.querySelector('#dash-file-progress');
        if (p) {
          const last = window.__seen[window.__seen.length - 1];
          if (!last || last.value !== p.value) window.__seen.push({ value: p.value, max: p.max, label: p.getAttribute('aria-label') });
        }
        requestAnimationFrame(look);
      };
      look();
    });
    await page.setInputFiles('#dash-import', [file]);
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '120000', null, { timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('#dash-file-progress'));
    const seen = await page.evaluate(() => window.__seen);
    assert.ok(seen.length >= 2, `progress states: ${JSON.stringify(seen)}`);
    for (const s of seen) {
      assert.equal(s.max, size);
      assert.ok(s.value > 0 && s.value <= size, JSON.stringify(s));
      assert.equal(s.label, 'Проверено');
    }
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i].value > seen[i - 1].value, 'rising');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a large data set (500,000 responses) is analysed on two cores: a helper worker holds half of it, and the cards equal the CLI', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-two-'));
  otklik(['demo', '--out', dir, '--responses', '500000', '--seed', '8']);
  const file = join(dir, 'external-client.csv');
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('.kpi');
    assert.equal(page.workers().length, 1, 'the analytics worker alone for the demo');
    await page.setInputFiles('#dash-import', [file]);
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '500000', null, { timeout: 120000 });
    await page.selectOption('#dash-survey', 'external-client');
    const cli = JSON.parse(otklik(['indicators', join(ROOT, 'fixtures/surveys/external-client.json'), file, '--by', 'period']));
    await assertCardsShow(page, cli);
    assert.equal(page.workers().length, 2, 'the analytics worker and its helper');
    // Firefox ESR 153 names its workers over BiDi but runs no script in them ("Realm not
    // found"): what the helper gives is read in Chromium; the cards are checked in both.
    if (BROWSER === 'chromium') {
      // Once the helper holds its rows, a new breakdown is computed by both: the helper
      // gives its part, and the cards still equal the CLI.
      const given = () => Promise.all(page.workers().map((w) => w.evaluate(() => self.partsGiven)));
      const keys = await page.$$eval('#dash-breakdown option', (os) => os.map((o) => o.value));
      for (let k = 1; (await given())[1] === 0; k++) {
        assert.ok(k < 60, 'the helper gave no part');
        await page.selectOption('#dash-breakdown', keys[k % keys.length]);
        await page.waitForTimeout(250);
      }
      assert.deepEqual((await given()).map((g) => g > 0), [false, true]);
      await assertCardsShow(page, cli);
    }
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test("a newcomer's start: what this is, the import, the ways on, and the glossary; every figure explained", async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('.kpi');
    assert.match(await page.textContent('#dash-start'), /Файлы ответов загружаются и обрабатываются только на этом устройстве/);
    // Every card says what its figure is, in a disclosure the keyboard opens.
    const terms = await page.$$eval('.kpi details.explain', (ds) => ds.map((d) => d.dataset.term));
    assert.ok(terms.includes('ccl') && terms.includes('enps') && terms.includes('standard'), terms.join(','));
    await page.focus('#card-ccl details.explain summary');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#card-ccl details.explain p'), /от 0 до 100/);
    // The standard's card: a short title, the whole question beneath, its norm in words.
    const std = await page.$eval('.kpi[id^="card-std-"]', (c) => ({ title: c.querySelector('h3').textContent, desc: c.querySelector('.kpi-desc').textContent }));
    assert.match(std.title, /^Стандарт: Срок ответа на письменный запрос не более 30 дн\.$/);
    assert.match(std.desc, /За сколько дней вы получили ответ/);
    // How to read the cards: the interval, p and significance.
    await page.click('#how-to-read summary');
    const how = await page.textContent('#how-to-read');
    for (const word of ['95% ДИ', 'p-значение', 'Значимо']) assert.ok(how.includes(word), word);
    await axe(page, 'dashboard: explanations open');
    await screenshot(page, 'desktop-dashboard-start');
    // The glossary page, and back.
    await page.click('#how-to-read-glossary');
    await page.waitForSelector('#gl-title');
    assert.ok((await page.$$('.glossary dt')).length >= 15);
    await axe(page, 'glossary');
    await screenshot(page, 'desktop-glossary');
    await page.click('#gl-back');
    await page.waitForSelector('#dash-start');
    // The ways on: to run a survey and to make the report.
    await page.click('#dash-go-survey');
    await page.waitForSelector('#home-title');
    await page.click('#nav-dashboard');
    await page.click('#dash-go-report');
    await page.waitForSelector('.report-page');
    // In English too.
    await page.click('#nav-glossary');
    await page.click('button.tool[lang="en"]');
    await page.waitForFunction(() => document.querySelector('#gl-title')?.textContent === 'Glossary');
    assert.match(await page.textContent('.glossary'), /Net Promoter Score/);
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('«Без разбивки»: the heatmap, the NPS and the free texts of all respondents together', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await openExternalDemo(page);
    const groupsBy = await page.$$eval('section.texts .texts-group h3', (hs) => hs.map((h) => h.textContent));
    await page.selectOption('#dash-breakdown', '');
    await page.waitForFunction(() => /все респонденты/.test(document.querySelector('#chart-heatmap figcaption')?.textContent ?? ''));
    const heat = await page.$$eval('#chart-heatmap tbody tr', (trs) => trs.map((tr) => tr.children[0].textContent));
    assert.deepEqual(heat, ['Все респонденты']);
    assert.match(await page.textContent('figure[id^="chart-nps"] figcaption'), /все респонденты/);
    // One list per question: the same answers the group lists publish, together.
    await page.waitForFunction(() => /Без разбивки/.test(document.querySelector('#texts-hint')?.textContent ?? ''));
    const together = await page.$$eval('section.texts .texts-group h3', (hs) => hs.map((h) => h.textContent));
    assert.equal(together.length, 1, together.join(' | '));
    const sum = groupsBy.map((t) => Number(t.match(/\((\d+)\)$/)[1])).reduce((a, b) => a + b, 0);
    assert.equal(Number(together[0].match(/\((\d+)\)$/)[1]), sum);
    assert.equal(await page.$eval('#dash-print-title', (e) => e.textContent.includes('Без разбивки')), true);
    await axe(page, 'dashboard: no breakdown');
    await screenshot(page, 'desktop-dashboard-no-breakdown');
    // And back to a breakdown.
    await page.selectOption('#dash-breakdown', 'touchpoint');
    await page.waitForFunction(() => document.querySelectorAll('#chart-heatmap tbody tr').length > 1);
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('files of every survey are listed with their survey; a binary file is said first not to be a response file; charts with nothing to show make one message', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  const dir = await mkdtemp(join(tmpdir(), 'otklik-files-'));
  try {
    // Three responses of the external survey (fewer than K: nothing can be shown) and
    // a few of the internal one.
    const ext = join(dir, 'small.csv');
    await writeFile(ext, 'response_id,period,segment,touchpoint,need,access_reach\nx1,2026-Q4,citizen,phone,information,4\nx2,2026-Q4,citizen,phone,information,5\nx3,2026-Q4,business,phone,information,3\n');
    const int = join(dir, 'staff.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `s${i},2026-Q4,${['hr', 'legal', 'it'][i % 3]},${1 + (i % 5)}`);
    await writeFile(int, ['response_id,period,dept,cond_workplace', ...rows].join('\n') + '\n');
    // A PNG image renamed .csv.
    const png = join(dir, 'photo.csv');
    await writeFile(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de', 'hex'));
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', [png]);
    await page.waitForSelector('.file-error');
    const first = await page.textContent('.file-error li');
    assert.match(first, /^photo\.csv: это не файл ответов CSV или JSON: содержимое двоичное \(похоже на изображение\)/);
    assert.equal(await page.$eval('#dash-summary', (e) => e.dataset.total) > 0, true, 'the demo is still there: nothing changed');

    await page.setInputFiles('#dash-import', [int, ext]);
    await page.waitForFunction(() => document.querySelectorAll('#dash-files tbody tr').length === 2);
    const listed = await page.$$eval('#dash-files tbody tr', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.dataset.survey]).sort());
    assert.deepEqual(listed, [['small.csv', 'external-client'], ['staff.csv', 'internal-client']]);
    // The external survey's 3 responses: every chart would be only "fewer than K".
    await page.selectOption('#dash-survey', 'external-client');
    await page.waitForSelector('#charts-hidden');
    assert.match(await page.textContent('#charts-hidden'), /Не показаны: во всех группах меньше 5 ответов/);
    assert.equal(await page.$('#chart-heatmap'), null, 'no frame of hidden marks');
    assert.equal(await page.$('#chart-trend'), null, 'no frame of hidden marks');
    await axe(page, 'dashboard: charts that show nothing');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('responses that say their channel (paper, kiosk, link) can be broken down by it, as the CLI publishes them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-dash-channel-'));
  otklik(['demo', '--out', dir, '--responses', '600', '--seed', '5']);
  const lines = (await readFile(join(dir, 'external-client.csv'), 'utf8')).trimEnd().split('\n');
  // Every fourth response says no channel; the others paper, kiosk or self in turn.
  const channels = ['paper', 'kiosk', 'self', ''];
  const withChannel = join(dir, 'with-channel.csv');
  await writeFile(withChannel, [`${lines[0]},channel`, ...lines.slice(1).map((l, i) => `${l},${channels[i % 4]}`)].join('\n') + '\n');
  const def = join(ROOT, 'fixtures/surveys/external-client.json');
  const cli = JSON.parse(otklik(['indicators', def, withChannel, '--by', 'period,channel']));
  const latest = cli.groups[cli.groups.length - 1].key.period;
  const names = { paper: 'Бумажная анкета', kiosk: 'Киоск', self: 'Сам, по ссылке' };
  const expected = cli.groups
    .filter((g) => g.key.period === latest && !g.suppressed)
    .map((g) => names[g.key.channel] ?? 'Способ не указан')
    .sort();
  assert.ok(expected.length >= 3, `shown groups by channel: ${expected}`);

  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    // The demo data says no channel: the breakdown is not offered.
    await page.selectOption('#dash-survey', 'external-client');
    await page.waitForSelector('#chart-heatmap');
    assert.equal(await page.$('#dash-breakdown option[value="channel"]'), null);
    await page.setInputFiles('#dash-import', [withChannel]);
    await page.waitForFunction(() => document.querySelector('#dash-summary')?.dataset.total === '600');
    await page.waitForSelector('#dash-breakdown option[value="channel"]', { state: 'attached' });
    assert.equal(await page.textContent('#dash-breakdown option[value="channel"]'), 'Способ ответа');
    await page.focus('#dash-breakdown');
    await page.selectOption('#dash-breakdown', 'channel');
    await page.waitForFunction(() => /Способ ответа/.test(document.querySelector('#chart-heatmap figcaption')?.textContent ?? ''));
    // The rows follow the caption: wait until the table is the new one, then compare.
    const rows = () => [...document.querySelectorAll('#chart-heatmap tbody tr')].map((tr) => tr.children[0].textContent);
    await page.waitForFunction((names) => [...document.querySelectorAll('#chart-heatmap tbody tr')]
      .every((tr) => names.includes(tr.children[0].textContent)), Object.values(names).concat('Способ не указан'), { timeout: 30_000 }).catch(() => {});
    const heat = await page.evaluate(rows);
    assert.deepEqual(heat.sort(), expected);
    assert.equal(await page.$eval('#dash-print-title', (e) => e.textContent.includes('Способ ответа')), true);
    await axe(page, 'dashboard: by channel');
    await screenshot(page, 'desktop-dashboard-by-channel');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
