// A survey link loads the light respondent build alone (web/respond.html: the runner,
// no dashboard, report, editor or analytics): what a respondent downloads before the
// first question is measured, gzipped, with the whole app beside it, and written to
// artifacts/web-metrics.json. The survey is answered and stored as in the full app;
// between surveys the light build says where the organiser's app is; a kiosk link
// goes on to the full app, whose start page sets the kiosk up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, freshProfile, removeProfile, assertClean, readStore, axe, artifactName, DIST, ARTIFACTS } from './harness.mjs';
import { completeByKeyboard } from './drive.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** The target: what a respondent downloads before the first question, gzipped. */
const RESPONDENT_MAX = 350 * 1024;

async function withBrowser(fn) {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await fn(page, log);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
}

/** Every file of the built app, by its path in web/dist. */
async function distFiles(dir = DIST) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await distFiles(path)));
    else out.push(relative(DIST, path));
  }
  return out;
}

const gzipped = async (file) => gzipSync(await readFile(join(DIST, file)), { level: 9 }).length;

/** The files of web/dist the page asked for, in order, once each. */
function requested(log) {
  const files = log.requests
    .filter((u) => u.startsWith(server.url))
    .map((u) => { const p = decodeURIComponent(new URL(u).pathname).slice(1); return p === '' ? 'index.html' : p; });
  return [...new Set(files)];
}

/** Links from the organiser's start page (the full app): the internal template for
 * self-completion and for a kiosk, period 2026-Q4. */
async function links() {
  const out = {};
  await withBrowser(async (page) => {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.check('#survey-0');
    await page.fill('#period', '2026-Q4');
    for (const mode of ['self', 'kiosk']) {
      await page.check(`#hand-mode-${mode}`);
      await page.click('#hand-link');
      out[mode] = await page.inputValue('#hand-link-text');
      assert.ok(out[mode].startsWith(server.url + '#s='), out[mode].slice(0, 60));
    }
  });
  assert.notEqual(out.self, out.kiosk);
  return out;
}

test('a survey link loads only the light build, whose download stays under target; the survey is answered and stored', async () => {
  const link = (await links()).self;
  const boot = await readFile(join(DIST, (await distFiles()).find((f) => /^boot-.*\.js$/.test(f))), 'utf8');
  const fullWasm = boot.match(/import\("\.\/(wasm-[0-9a-f]+\.js)"\)/)[1];
  const respondBoot = boot.match(/import\("\.\/(respond-[0-9a-f]+\.js)"\)/)[1];
  const respondWasm = (await readFile(join(DIST, respondBoot), 'utf8')).match(/from "\.\/(wasm-[0-9a-f]+\.js)"/)[1];
  assert.notEqual(fullWasm, respondWasm);

  await withBrowser(async (page, log) => {
    await page.goto(link);
    await page.waitForSelector('#start');
    // The survey's first screen is up: everything it needed is here.
    const before = requested(log);
    assert.ok(before.includes(respondWasm), before.join(' '));
    assert.ok(!before.includes(fullWasm), `the full app was loaded: ${before.join(' ')}`);
    assert.ok(!before.some((f) => f.startsWith('worker-')), before.join(' '));
    // No organiser's screen in this build.
    assert.equal(await page.$('#nav-dashboard'), null);
    await axe(page, 'survey from a link, light build');

    const sizes = {};
    for (const f of before) sizes[f] = await gzipped(f);
    const respondent = Object.values(sizes).reduce((a, b) => a + b, 0);
    const all = await distFiles();
    let whole = 0, wholeOnDisk = 0;
    for (const f of all) {
      whole += await gzipped(f);
      wholeOnDisk += (await readFile(join(DIST, f))).length;
    }
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, artifactName('web-metrics.json')), JSON.stringify({
      unit: 'bytes, gzip -9',
      respondent_before_first_question: respondent,
      respondent_target: RESPONDENT_MAX,
      respondent_files: sizes,
      whole_app: whole,
      whole_app_files: all.length,
      // As stored, uncompressed: what a copy on a network share takes.
      whole_app_on_disk: wholeOnDisk,
      full_module: await gzipped(fullWasm),
      respondent_module: await gzipped(respondWasm),
    }, null, 2) + '\n');
    console.log(`# respondent before the first question: ${(respondent / 1024).toFixed(0)} KB gzipped (${before.length} files); whole app: ${(whole / 1024).toFixed(0)} KB`);
    assert.ok(respondent < RESPONDENT_MAX, `${respondent} bytes gzipped before the first question`);
    // Both modules are stored packed (base64 of zopfli's gzip): on disk about 4/3 of
    // their gzipped size, where the wasm itself is about 2.5 times it.
    for (const m of [fullWasm, respondWasm]) {
      const onDisk = (await readFile(join(DIST, m))).length;
      assert.ok(onDisk < 1.4 * await gzipped(m), `${m}: ${onDisk} bytes on disk`);
    }

    // Answered with the keyboard alone, stored on the device as in the full app.
    const screens = await completeByKeyboard(page);
    assert.ok(screens >= 3);
    const stored = (await readStore(page, 'responses')).map((r) => JSON.parse(r));
    assert.equal(stored.length, 1);
    assert.equal(stored[0].survey, 'internal-client');
    assert.equal(stored[0].period, '2026-Q4');
    assert.deepEqual(requested(log).filter((f) => !before.includes(f)), [], 'files loaded after the first screen');

    // Between surveys: where to answer, and the way to the organiser's app.
    await page.click('#thanks-home');
    await page.waitForSelector('#landing-title');
    await axe(page, 'light build between surveys');
    await assertClean(assert, log, server.url, page);
    await page.click('#landing-full');
    await page.waitForSelector('#nav-dashboard');
    assert.ok(requested(log).includes(fullWasm));
    await assertClean(assert, log, server.url, page);
  });
});

test('a kiosk link goes on to the full app to be set up; a damaged link says so in the light build', async () => {
  const { self, kiosk } = await links();
  await withBrowser(async (page, log) => {
    await page.goto(kiosk);
    await page.waitForSelector('#home-title');
    assert.ok(new URL(page.url()).searchParams.has('full'), page.url());
    assert.equal(await page.isChecked('#survey-2'), true);
    assert.equal(await page.inputValue('#period'), '2026-Q4');
    await assertClean(assert, log, server.url, page);
  });
  await withBrowser(async (page, log) => {
    await page.goto(self.slice(0, Math.floor(self.length * 0.6)));
    await page.waitForSelector('#app-notice');
    assert.match(await page.textContent('#app-notice'), /повреждена/);
    await page.waitForSelector('#landing-title');
    assert.equal(await page.$('#nav-dashboard'), null);
    await axe(page, 'a damaged link, light build');
    await assertClean(assert, log, server.url, page);
  });
});

test('a browser too old to unpack the app says so, in the full app and in the light build', async () => {
  const link = (await links()).self;
  for (const address of [server.url, link]) {
    await withBrowser(async (page) => {
      // As in a browser older than Chromium 80, Firefox 113 or Safari 16.4.
      await page.addInitScript(() => { delete globalThis.DecompressionStream; });
      await page.goto(address);
      await page.waitForFunction(() => document.body.textContent.includes('This browser is too old'));
      // Said in each language, marked as such, on the app's card.
      assert.match(await page.textContent('.too-old [role=alert] p[lang=ru]'), /^Этот браузер слишком старый для приложения/);
      assert.match(await page.textContent('.too-old p[lang=en]'), /^This browser is too old for the app/);
      assert.equal(await page.$('#nav-dashboard, #start'), null);
      await axe(page, 'a browser too old');
    });
  }
});
