// Kiosk mode in a real headless browser (Chromium or Firefox ESR): 30 respondents in a row
// (12 in Firefox, whose driver takes about four times as long per click), the organiser's
// PIN-protected export (random order, no timestamps), which the otklik CLI then
// reads; accessibility of the organiser's screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BROWSER, serve, launch, freshProfile, removeProfile, assertClean, screenshot, saved, ARTIFACTS, ROOT, otklik, axe, readStore } from './harness.mjs';
import { startKiosk, respond } from './drive.mjs';

// Each respondent is one whole journey through the survey.
const N = BROWSER === 'firefox' ? 12 : 30;

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });


test(`kiosk: ${N} respondents, then a shuffled export without timestamps that the CLI reads`, async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1024, height: 768 });
  try {
    await startKiosk(page, server.url);
    await axe(page, 'kiosk intro');
    for (let i = 0; i < N; i++) {
      // The second respondent answers in Chinese; the third starts in Russian again.
      if (i === 1) await page.selectOption('#lang-choice', 'zh');
      if (i === 2) {
        await page.waitForFunction(() => document.documentElement.lang === 'ru', null, { timeout: 5000 });
        assert.equal(await page.$eval('#lang-choice', (s) => s.value), 'ru');
        assert.match(await page.textContent('#start'), /[А-Яа-я]/);
      }
      await respond(page, i);
      if (i === 1) assert.equal(await page.$eval('html', (h) => h.lang), 'zh');
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
    await page.waitForSelector(`#stored-count[data-count="${N}"]`);
    assert.match(await page.textContent('li[data-survey] h3'), /опрос этого киоска/);
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
    assert.equal(lines.length, N + 1, `exactly ${N} responses and a header`);
    assert.ok(!header.some((h) => /time|date|created|submitted/i.test(h)), `no timestamp column: ${header}`);
    assert.ok(!/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}/.test(csv), 'no timestamp value');
    const col = header.indexOf('wait_minutes');
    const order = lines.slice(1).map((l) => Number(l.split(',')[col]));
    assert.deepEqual([...order].sort((a, b) => a - b), [...Array(N).keys()]);
    assert.notDeepEqual(order, [...Array(N).keys()], 'the export is not in submission order');

    const jsonPath = join(ARTIFACTS, 'exports', 'kiosk.json');
    const [download2] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    await download2.saveAs(jsonPath);
    const jsonText = await readFile(jsonPath, 'utf8');
    assert.equal(JSON.parse(jsonText).responses.length, N);
    // Whole numbers are written as typed: 2, not 2.0.
    assert.match(jsonText, /"wait_minutes": \d+,?\n/);
    assert.doesNotMatch(jsonText, /"wait_minutes": \d+\.0/);

    // The CLI reads both, merges them into the same responses, and computes the indicators.
    const survey = join(ROOT, 'fixtures/surveys/external-client.json');
    const merged = join(ARTIFACTS, 'exports', 'merged.csv');
    otklik(['merge', survey, csvPath, jsonPath, '-o', merged]);
    const indicators = JSON.parse(otklik(['indicators', survey, merged, '--by', 'period']));
    assert.equal(indicators.responses, N);
    assert.equal(indicators.groups[0].key.period, '2026-Q3');
    assert.equal(indicators.groups[0].n, N);

    // Clearing needs a confirmation; it deletes the exported responses.
    await page.click('#clear');
    assert.match(await page.textContent('#clear-question'), new RegExp(`Удалить с устройства ${N} выгруженных ответов`));
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

/** Downloads what `click` exports and returns its text. */
async function exported(page, selector, name) {
  await mkdir(join(ARTIFACTS, 'exports'), { recursive: true });
  const path = join(ARTIFACTS, 'exports', name);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await download.saveAs(path);
  return { path, text: await readFile(path, 'utf8') };
}

test('kiosk: mixed surveys and periods and an unreadable record on one device; clearing deletes only what was exported', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1024, height: 900 });
  try {
    // A self-completion response to the internal survey, period 2026-Q2.
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.check('#survey-0');
    await page.fill('#period', '2026-Q2');
    await page.click('#start-self');
    await respond(page, 2);
    await page.click('#thanks-home');
    // Then the kiosk, the external survey, period 2026-Q3: two respondents.
    await startKiosk(page, server.url);
    for (let i = 0; i < 2; i++) {
      await respond(page, i);
      await page.click('.thanks button');
      await page.waitForSelector('#start');
    }
    // A record that cannot be read (damaged by hand, or by an older version).
    await page.evaluate(() => new Promise((ok, fail) => {
      const r = indexedDB.open('otklik', 2);
      r.onsuccess = () => {
        const tx = r.result.transaction('responses', 'readwrite', { durability: 'strict' });
        tx.objectStore('responses').put('{"survey": "external-client", "id": ', 'damaged-1');
        tx.oncomplete = () => { r.result.close(); ok(); };
        tx.onerror = () => fail(tx.error);
      };
    }));

    await page.click('button.organiser');
    await page.fill('#admin-pin', '2468');
    await page.click('#admin-open');
    // Count, export and clear name the same set: all four entries, none exported.
    await page.waitForSelector('#stored-count[data-count="4"][data-unexported="4"]');
    assert.match(await page.textContent('#stored-count'), /сохранено 4 ответа\. Не выгружены 4\./);
    const rows = await page.$$eval('#stored-list li', (trs) => trs.map((tr) => [tr.dataset.survey, tr.dataset.count]));
    assert.deepEqual(rows, [['external-client', '2'], ['internal-client', '1']]);
    assert.match(await page.textContent('#unreadable'), /1 запись на устройстве не удалось прочитать/);
    await axe(page, 'admin with several surveys');
    await screenshot(page, 'kiosk-admin-mixed');

    // Nothing exported yet: nothing can be deleted, and the dialog says so.
    await page.click('#clear');
    assert.match(await page.textContent('#clear-question'), /Удалять нечего/);
    assert.match(await page.textContent('#clear-left'), /4 ответа ещё не выгружены и останутся на устройстве/);
    assert.equal(await page.isDisabled('#clear-yes'), true);
    await axe(page, 'admin clear confirmation with nothing exported');
    await page.click('.confirm button:not(.danger):not(#export-rest)');

    // Export the kiosk's survey only, then clear: the other three stay.
    const kiosk = await exported(page, '#export-csv', 'mixed-kiosk.csv');
    assert.equal(kiosk.text.trim().split(/\r?\n/).length, 3);
    await page.waitForSelector('#stored-count[data-unexported="2"]');
    await page.click('#clear');
    assert.match(await page.textContent('#clear-question'), /Удалить с устройства 2 выгруженных ответа/);
    assert.match(await page.textContent('#clear-left'), /2 ответа ещё не выгружены/);
    await page.click('#clear-yes');
    await page.waitForSelector('#stored-count[data-count="2"][data-unexported="2"]');
    let left = await readStore(page, 'responses');
    assert.equal(left.length, 2);
    assert.ok(left.some((r) => r.includes('"internal-client"')), 'the other survey\'s response is kept');
    assert.ok(left.some((r) => r.startsWith('{"survey": "external-client", "id": ')), 'the unreadable record is kept as it was');

    // The other survey has its own export, which the CLI reads; the unreadable record
    // is exported as it is.
    const internal = await exported(page, '#stored-list li[data-survey="internal-client"] button[data-format="CSV"]', 'mixed-internal.csv');
    const survey = join(ROOT, 'fixtures/surveys/internal-client.json');
    const indicators = JSON.parse(otklik(['indicators', survey, internal.path, '--by', 'period']));
    assert.equal(indicators.responses, 1);
    assert.equal(indicators.groups[0].key.period, '2026-Q2');
    const damaged = await exported(page, '#export-unreadable', 'unreadable.json');
    assert.equal(JSON.parse(damaged.text).entries[0].text, '{"survey": "external-client", "id": ');
    await page.waitForSelector('#stored-count[data-unexported="0"]');
    await page.click('#clear');
    await page.click('#clear-yes');
    await page.waitForSelector('#stored-count[data-count="0"]');
    assert.equal((await readStore(page, 'responses')).length, 0);
    assert.match(await page.textContent('#admin-note'), /удалены 2 выгруженных ответа/);
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('the confirmation offers to export what is left first', async () => {
  const profile = await freshProfile();
  const { context, page } = await launch(profile, { width: 1024, height: 900 });
  try {
    await startKiosk(page, server.url);
    await respond(page, 1);
    await page.click('.thanks button');
    await page.waitForSelector('#start');
    await page.click('button.organiser');
    await page.fill('#admin-pin', '2468');
    await page.click('#admin-open');
    await page.waitForSelector('#stored-count[data-count="1"][data-unexported="1"]');
    await page.click('#clear');
    const rest = await exported(page, '#export-rest', 'rest.csv');
    assert.equal(rest.text.trim().split(/\r?\n/).length, 2);
    await page.waitForSelector('#stored-count[data-unexported="0"]');
    assert.match(await page.textContent('#clear-question'), /Удалить с устройства 1 выгруженный ответ\?/);
    await page.click('#clear-yes');
    await page.waitForSelector('#stored-count[data-count="0"]');
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
