// The yearly report page in a real headless browser (Chromium or Firefox ESR): the preview is the report
// itself (styled under the app's Content-Security-Policy, scripts impossible), the
// recommendations can be edited, and every download is byte for byte what
// `otklik report` writes for the same files and parameters. Prints the timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, freshProfile, removeProfile, assertClean, screenshot, ROOT, ARTIFACTS, otklik, axe } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });


/** A DOCX's word/document.xml and the sizes of its PNG images (read with Python's zipfile). */
function docxParts(bytes) {
  const script = `import sys, zipfile, io, json, struct
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
imgs = sorted(struct.unpack('>II', z.read(n)[16:24]) for n in z.namelist() if n.endswith('.png'))
print(json.dumps({'document': z.read('word/document.xml').decode(), 'images': imgs}))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: bytes, maxBuffer: 64 << 20 }).toString());
}

/** A Russian CSV's cells, each number rounded to 12 significant digits. */
function csvCells(bytes) {
  return bytes.toString('utf8').split('\r\n').map((line) => line.split(';').map((c) =>
    /^-?\d+(,\d+)?(e-?\d+)?$/.test(c) ? Number(c.replace(',', '.')).toPrecision(12) : c));
}

/** Every XML part of an XLSX, with each number rounded to 12 significant digits. */
function xlsxParts(bytes) {
  const script = `import sys, zipfile, io, json, re
z = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
num = lambda m: '<v>%s</v>' % format(float(m.group(1)), '.12g')
print(json.dumps({n: re.sub(r'<v>([-0-9.eE+]+)</v>', num, z.read(n).decode()) for n in sorted(z.namelist()) if n.endswith('.xml')}))`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: bytes, maxBuffer: 64 << 20 }).toString());
}

const frame = (page) => page.frameLocator('#report-preview');

/** Waits for the next preview after build number `previous`; returns its build number and seconds. */
async function waitBuilt(page, previous = { build: 0 }) {
  await page.waitForFunction((prev) => {
    const s = document.querySelector('#report-status');
    return s && Number(s.dataset.build) > prev && s.dataset.seconds && !document.querySelector('#report-html').disabled;
  }, previous.build, { timeout: 30_000 });
  return page.$eval('#report-status', (s) => ({ build: Number(s.dataset.build), seconds: Number(s.dataset.seconds) }));
}

async function download(page, id) {
  const t0 = Date.now();
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path), ms: Date.now() - t0 };
}

test('first open: the report of the demo data, styled, accessible, with no script and no request', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#nav-report');
    await page.click('#nav-report');
    await waitBuilt(page);
    assert.ok(await page.$('.demo-banner'), 'the demo is announced');
    const f = frame(page);
    await f.locator('h1').first().waitFor();
    const text = await f.locator('body').innerText();
    for (const want of [/Отчет о клиентоцентричности за \d{4} год/, /2\. Внутренние клиенты/, /3\. Внешние клиенты/, /Штамп воспроизводимости/]) {
      assert.ok(want.test(text), `the preview shows ${want}`);
    }
    // The report's own stylesheet applies (its hash is in the app's policy) ...
    const font = await f.locator('html').evaluate((e) => getComputedStyle(e).fontFamily);
    assert.match(font, /DejaVu Sans/);
    // ... and the preview can run no script.
    assert.equal(await page.$eval('#report-preview', (e) => e.getAttribute('sandbox')), 'allow-same-origin allow-modals');
    await axe(page, 'report page', '#report-preview');
    await screenshot(page, 'desktop-report');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('surveys left out of the report stay out when another tab imports more answers', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-report-keep-'));
  otklik(['demo', '--out', dir, '--responses', '300', '--seed', '7']);
  const more = join(dir, 'more');
  otklik(['demo', '--out', more, '--responses', '100', '--seed', '8']);
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  const labels = (p) => p.$$eval('input[name="report-survey"]', (is) => is.map((i) => [i.value, i.checked, i.parentElement.textContent]));
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', ['internal-client.csv', 'external-client.csv'].map((f) => join(dir, f)));
    await page.waitForFunction(() => document.querySelector('#dash-summary') && !document.querySelector('#demo-banner'));
    await page.click('#nav-report');
    await page.waitForFunction(() => {
      const ls = [...document.querySelectorAll('input[name="report-survey"]')].map((i) => i.parentElement.textContent);
      return ls.length === 2 && ls.every((l) => l.includes('300')) && !document.querySelector('.demo-banner');
    }, null, { timeout: 60_000 });
    let built = await waitBuilt(page);
    await page.uncheck('input[name="report-survey"][value="internal-client"]');
    built = await waitBuilt(page, built);
    // Another tab imports more answers to the other survey.
    const other = await context.newPage();
    await other.goto(server.url);
    await other.waitForSelector('#dash-summary');
    await other.setInputFiles('#dash-import', [join(more, 'external-client.csv')]);
    await page.waitForFunction(() => [...document.querySelectorAll('input[name="report-survey"]')]
      .some((i) => i.value === 'external-client' && i.parentElement.textContent.includes('400')), null, { timeout: 60_000 });
    await other.close();
    const after = await labels(page);
    assert.deepEqual(after.map(([id, checked]) => [id, checked]).sort(),
      [['external-client', true], ['internal-client', false]], `the choice is kept: ${JSON.stringify(after)}`);
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a survey without answers in the chosen year: the report page says so in the reader\'s language', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-report-nodata-'));
  otklik(['demo', '--out', dir, '--responses', '300', '--seed', '9']);
  // The external survey's answers without its latest year.
  const lines = (await readFile(join(dir, 'external-client.csv'), 'utf8')).trimEnd().split('\n');
  const pcol = lines[0].split(',').indexOf('period');
  const latest = lines.slice(1).map((l) => l.split(',')[pcol].slice(0, 4)).sort().at(-1);
  const older = join(dir, 'external-older.csv');
  await writeFile(older, [lines[0], ...lines.slice(1).filter((l) => !l.split(',')[pcol].startsWith(latest))].join('\n') + '\n');
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', [join(dir, 'internal-client.csv'), older]);
    await page.waitForFunction(() => document.querySelector('#dash-summary') && !document.querySelector('#demo-banner'));
    await page.click('#nav-report');
    await page.waitForSelector('#report-error', { timeout: 60_000 });
    assert.equal(await page.$eval('#report-year', (s) => s.value), latest);
    const ru = await page.textContent('#report-error');
    assert.match(ru, new RegExp(`по анкете "external-client" нет ответов за ${latest} год \\(годы в данных: [0-9, ]+\\)`));
    await page.click('button.tool[lang]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('#report-error'), new RegExp(`survey "external-client" has no responses in ${latest}`));
    // Leaving that survey out builds the report.
    await page.uncheck('input[name="report-survey"][value="external-client"]');
    await page.waitForFunction(() => !document.querySelector('#report-error') && !document.querySelector('#report-html').disabled, null, { timeout: 60_000 });
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('imported files: the report follows the import, here and in another tab; every format equals `otklik report`; edits and hostile names stay inert', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-report-'));
  otklik(['demo', '--out', dir, '--responses', '900', '--seed', '5']);
  // The definitions next to the answers, under the names the app gives them.
  for (const s of ['internal-client', 'external-client']) await copyFile(join(dir, 'surveys', `${s}.json`), join(dir, `${s}.json`));
  const org = 'АО «Тест» <script>alert(1)</script> & =HYPERLINK("http://x")';
  const date = '2026-11-20';
  const files = ['internal-client.csv', 'external-client.csv'].map((f) => join(dir, f));
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  const timings = [];
  try {
    await page.goto(server.url);
    await page.waitForSelector('#demo-banner');
    // The report is already open in a second tab, on the demo.
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.click('#nav-report');
    await waitBuilt(tab);
    assert.ok(await tab.$('.demo-banner'), 'the other tab shows the demo');
    await page.setInputFiles('#dash-import', files);
    // Straight on to the report while the files are still being checked: the page
    // reads the data again as each file is stored, and ends on both; so does the tab.
    await page.click('#nav-report');
    const onBoth = async (p) => p.waitForFunction(() => {
      const labels = [...document.querySelectorAll('input[name="report-survey"]')].map((i) => i.parentElement.textContent);
      const s = document.querySelector('#report-status');
      return labels.length === 2 && labels.every((l) => l.includes('900')) && s && Number(s.dataset.build) > 0
        && !document.querySelector('#report-html').disabled && !document.querySelector('.demo-banner');
    }, null, { timeout: 60_000 });
    await onBoth(page);
    await onBoth(tab);
    await tab.close();
    let built = await page.$eval('#report-status', (s) => ({ build: Number(s.dataset.build), seconds: Number(s.dataset.seconds) }));
    timings.push(['preview (HTML, first build)', built.seconds * 1000]);
    assert.equal(await page.$('.demo-banner'), null);
    await page.fill('#report-org', org);
    await page.press('#report-org', 'Tab');
    built = await waitBuilt(page, built);
    await page.fill('#report-prepared', date);
    await page.press('#report-prepared', 'Tab');
    built = await waitBuilt(page, built);
    timings.push(['preview (HTML, rebuilt)', built.seconds * 1000]);
    const year = await page.$eval('#report-year', (s) => s.value);
    assert.equal(year, '2026');

    // The organisation's name is text in the preview, never markup.
    const f = frame(page);
    assert.ok((await f.locator('body').innerText()).includes(org), 'the organisation as text');
    assert.equal(await f.locator('script').count(), 0);

    // Every format equals the CLI's file for the same inputs and parameters.
    const args = ['report', 'internal-client.json', 'internal-client.csv', '--also', 'external-client.json', 'external-client.csv',
      '--year', year, '--org', org, '--date', date, '--lang', 'ru'];
    const out = join(ARTIFACTS, 'report-browser');
    await mkdir(out, { recursive: true });
    for (const format of ['html', 'docx', 'xlsx', 'csv']) {
      const got = await download(page, `#report-${format}`);
      timings.push([`download ${format.toUpperCase()}`, got.ms]);
      assert.equal(got.name, `otklik-report-${year}.${format}`);
      await writeFile(join(out, got.name), got.bytes);
      execFileSync(join(ROOT, 'target/release/otklik'), [...args, '-o', join(dir, `cli.${format}`)], { cwd: dir });
      const want = await readFile(join(dir, `cli.${format}`));
      if (format === 'docx') {
        // The charts are drawn by the browser here and by resvg in the CLI: the images
        // differ in their pixels, the document around them must not.
        const a = docxParts(got.bytes); const b = docxParts(want);
        assert.equal(a.document, b.document, 'docx: word/document.xml differs from the CLI\'s');
        assert.deepEqual(a.images, b.images, 'docx: the charts differ in number or size');
        assert.ok(a.images.length >= 10, `docx: ${a.images.length} charts`);
      } else if (format === 'xlsx') {
        // Numbers are written at full precision; wasm's and the native maths library
        // may differ in the last bit of an interval bound.
        assert.deepEqual(xlsxParts(got.bytes), xlsxParts(want), 'xlsx: the browser\'s workbook differs from the CLI\'s');
      } else if (format === 'csv') {
        assert.deepEqual(csvCells(got.bytes), csvCells(want), 'csv: the browser\'s tables differ from the CLI\'s');
      } else {
        assert.ok(got.bytes.equals(want), `${format}: the browser's file differs from the CLI's`);
      }
    }

    // Edited recommendations replace the generated ones, in the preview and the files.
    const generated = await page.inputValue('#report-recommendations');
    assert.ok(generated.trim().length > 0, 'recommendations are suggested');
    const mine = 'Сократить время ожидания в приёмной до 10 минут.\nПровести обучение по культуре обслуживания <b>не жирным</b>.';
    await page.fill('#report-recommendations', mine);
    await page.click('#report-apply');
    built = await waitBuilt(page, built);
    const body = await f.locator('body').innerText();
    for (const line of mine.split('\n')) assert.ok(body.includes(line), `the preview shows ${line}`);
    assert.equal(await f.locator('b').count(), 0);
    const csvBytes = (await download(page, '#report-csv')).bytes;
    const csv = csvBytes.toString('utf8');
    assert.ok(csv.includes('Сократить время ожидания'), 'the CSV has the edited text');
    await writeFile(join(dir, 'recs.txt'), mine);
    execFileSync(join(ROOT, 'target/release/otklik'), [...args, '--recommendations', 'recs.txt', '-o', join(dir, 'cli-recs.csv')], { cwd: dir });
    assert.deepEqual(csvCells(csvBytes), csvCells(await readFile(join(dir, 'cli-recs.csv'))));
    // Restoring brings the suggested text back.
    await page.click('#report-reset');
    built = await waitBuilt(page, built);
    assert.equal(await page.inputValue('#report-recommendations'), generated);

    // English.
    await page.selectOption('#report-lang', 'en');
    built = await waitBuilt(page, built);
    assert.ok((await f.locator('body').innerText()).includes('Internal clients'), 'the report is in English');
    await axe(page, 'report page (edited, English)', '#report-preview');
    await assertClean(assert, log, server.url, page);

    // The report file itself, opened as a page, is accessible too.
    const reportPage = await context.newPage();
    await reportPage.goto('file://' + join(out, `otklik-report-${year}.html`));
    await axe(reportPage, 'the HTML report');
    await reportPage.close();

    console.log('\nYearly report in the browser (demo data, 1,800 responses, both surveys):');
    console.log('| step | ms |\n|---|---:|');
    for (const [step, ms] of timings) console.log(`| ${step} | ${Math.round(ms)} |`);
    await writeFile(join(out, 'timings.md'), timings.map(([s, ms]) => `| ${s} | ${Math.round(ms)} |`).join('\n') + '\n');
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
