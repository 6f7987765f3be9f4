// The printed questionnaire from the start page, in a real headless browser: reached
// and pressed with the keyboard, it downloads the very file `otklik paper` writes for
// the same survey, language, period and text size; a wrong period is refused, an empty
// one leaves a line to fill in. No request leaves the app and the page stays accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, assertClean, screenshot, ROOT, otklik, axe, tabTo } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** What `otklik paper` writes for these arguments. */
async function cli(args) {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-paper-'));
  const out = join(dir, 'form.html');
  otklik(['paper', ...args, '-o', out]);
  return readFile(out);
}

async function downloaded(download) {
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('«Печать анкеты» downloads the questionnaire otklik paper writes, by keyboard', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.check('#survey-1');
    await page.fill('#period', '2026-Q1');
    assert.equal(await page.textContent('#paper-print'), 'Печать анкеты');
    await tabTo(page, '#paper-large');
    await page.keyboard.press('Space');
    assert.ok(await page.isChecked('#paper-large'));
    await tabTo(page, '#paper-print');
    const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const got = await downloaded(d);
    assert.equal(got.name, 'otklik-external-client-form-ru.html');
    const want = await cli([join(ROOT, 'fixtures/surveys/external-client.json'), '--lang', 'ru', '--period', '2026-Q1', '--large']);
    assert.ok(got.bytes.equals(want), 'the same file as otklik paper');
    assert.match(await page.textContent('#paper-status'), /otklik-external-client-form-ru\.html/);
    await axe(page, 'start page with the printed questionnaire');
    await screenshot(page, 'desktop-home-paper');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a wrong period is refused; an empty one leaves a line to fill in; English', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.click('button.tool[lang="en"]');
    await page.waitForSelector('#paper-print');
    assert.equal(await page.textContent('#paper-print'), 'Print questionnaire');
    await page.check('#survey-0');
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.fill('#period', '2026-Q9');
    await page.click('#paper-print');
    await page.waitForSelector('#period-error');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'period');
    await page.fill('#period', '');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#paper-print')]);
    const got = await downloaded(d);
    assert.equal(downloads, 1, 'only the second press downloads');
    assert.equal(got.name, 'otklik-internal-client-form-en.html');
    const want = await cli([join(ROOT, 'fixtures/surveys/internal-client.json'), '--lang', 'en']);
    assert.ok(got.bytes.equals(want), 'the same file as otklik paper');
    assert.ok(got.bytes.toString('utf8').includes('<span class="blank"></span>'));
    await axe(page, 'start page in English');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
