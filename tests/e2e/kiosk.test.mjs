// Kiosk mode in a real headless Chromium: 30 respondents in a row, the organiser's
// PIN-protected export (random order, no timestamps), which the otklik CLI then
// reads; accessibility of the organiser's screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, assertClean, screenshot, saved, ARTIFACTS, ROOT, otklik, axe } from './harness.mjs';
import { startKiosk, respond } from './drive.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });


test('kiosk: 30 respondents, then a shuffled export without timestamps that the CLI reads', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1024, height: 768 });
  try {
    await startKiosk(page, server.url);
    await axe(page, 'kiosk intro');
    for (let i = 0; i < 30; i++) {
      await respond(page, i);
      assert.match(await page.textContent('.receipt'), /[0-9A-Z]{4}-[0-9A-Z]{4}/);
      if (i === 0) {
        await axe(page, 'kiosk thanks');
        await screenshot(page, 'kiosk-thanks');
        // The kiosk resets by itself for the next person.
        await page.waitForSelector('#start', { timeout: 15_000 });
      } else {
        await page.click('.thanks button');
        await page.waitForSelector('#start');
      }
    }
    // Respondents see no way to the responses but the PIN-protected button.
    assert.equal(await page.$('#export-csv'), null);
    await page.click('button.organiser');
    await page.waitForSelector('#admin-pin');
    await axe(page, 'admin PIN');
    await page.fill('#admin-pin', '0000');
    await page.click('#admin-open');
    await page.waitForSelector('#admin-pin-error');
    await page.fill('#admin-pin', '2468');
    await page.click('#admin-open');
    await page.waitForSelector('#stored-count[data-count="30"]');
    await axe(page, 'admin');
    // The organiser is told that the exported files hold every answer.
    assert.match(await page.textContent('#admin-confidential'), /Файлы ответов конфиденциальны/);
    await screenshot(page, 'kiosk-admin');

    await mkdir(join(ARTIFACTS, 'exports'), { recursive: true });
    const csvPath = join(ARTIFACTS, 'exports', 'kiosk.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    await download.saveAs(csvPath);
    const csv = await readFile(csvPath, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    const header = lines[0].split(',');
    assert.equal(lines.length, 31, 'exactly 30 responses and a header');
    assert.ok(!header.some((h) => /time|date|created|submitted/i.test(h)), `no timestamp column: ${header}`);
    assert.ok(!/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}/.test(csv), 'no timestamp value');
    const col = header.indexOf('wait_minutes');
    const order = lines.slice(1).map((l) => Number(l.split(',')[col]));
    assert.deepEqual([...order].sort((a, b) => a - b), [...Array(30).keys()]);
    assert.notDeepEqual(order, [...Array(30).keys()], 'the export is not in submission order');

    const jsonPath = join(ARTIFACTS, 'exports', 'kiosk.json');
    const [download2] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    await download2.saveAs(jsonPath);
    assert.equal(JSON.parse(await readFile(jsonPath, 'utf8')).responses.length, 30);

    // The CLI reads both, merges them into the same 30, and computes the indicators.
    const survey = join(ROOT, 'fixtures/surveys/external-client.json');
    const merged = join(ARTIFACTS, 'exports', 'merged.csv');
    otklik(['merge', survey, csvPath, jsonPath, '-o', merged]);
    const indicators = JSON.parse(otklik(['indicators', survey, merged, '--by', 'period']));
    assert.equal(indicators.responses, 30);
    assert.equal(indicators.groups[0].key.period, '2026-Q3');
    assert.equal(indicators.groups[0].n, 30);

    // Clearing needs a confirmation.
    await page.click('#clear');
    await axe(page, 'admin clear confirmation');
    await page.click('#clear-yes');
    await page.waitForSelector('#stored-count[data-count="0"]');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('kiosk setup refuses a short or mismatched PIN; persistent storage status is shown', async () => {
  const profile = await freshProfile();
  const { context, page } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.click('#start-kiosk');
    await page.waitForSelector('#kiosk-pin');
    await axe(page, 'kiosk setup');
    await page.fill('#kiosk-pin', '12');
    await page.click('#kiosk-start');
    await page.waitForSelector('#kiosk-error');
    await page.fill('#kiosk-pin', '1234');
    await page.fill('#kiosk-pin-repeat', '1235');
    await page.click('#kiosk-start');
    assert.match(await page.textContent('#kiosk-error'), /не совпадают/);
    await page.fill('#kiosk-pin-repeat', '1234');
    await page.click('#kiosk-start');
    await page.waitForSelector('#start');
    await page.click('button.organiser');
    await page.fill('#admin-pin', '1234');
    await page.click('#admin-open');
    await page.waitForSelector('#storage-status');
    await page.waitForFunction(() => !/Проверка/.test(document.querySelector('#storage-status').textContent));
    assert.match(await page.textContent('#storage-status'), /хранилище/);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
