// The app as one HTML file opened from disk (file://), as an office without a web
// server gets it: it runs a survey, keeps the draft across a reload, exports the
// response, analyses on the page; and a survey handed out as a file or a link opens
// straight on that survey. Two tabs of it see each other's imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, copyFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, freshProfile, removeProfile, assertClean, saved, readStore, ROOT, otklik, axe } from './harness.mjs';
import { answerScreenByKeyboard, completeByKeyboard, startKiosk } from './drive.mjs';

const SINGLE = join(ROOT, 'web/dist-single/otklik.html');

async function withBrowser(fn) {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await fn(page, log, context);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
}

/** A copy of the single file in a folder of its own, as on a network share. */
async function share() {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-share-'));
  await copyFile(SINGLE, join(dir, 'otklik.html'));
  return { dir, url: pathToFileURL(join(dir, 'otklik.html')).href };
}

test('opened from disk: a survey runs, the draft survives a reload, the response is exported, the dashboard works', async () => {
  const { dir, url } = await share();
  await withBrowser(async (page, log) => {
    await page.goto(url);
    await page.waitForSelector('#nav-survey');
    // The analytics run on the page: the dashboard shows the demo.
    await page.waitForSelector('.kpi');
    await page.click('#nav-survey');
    await page.check('#survey-1');
    await page.click('#start-self');
    await page.click('#start');
    await page.waitForSelector('form fieldset.question');
    await answerScreenByKeyboard(page);
    await saved(page);
    const before = await page.evaluate(() => ({
      title: document.querySelector('#screen-title').textContent,
      checked: [...document.querySelectorAll('input:checked')].map((i) => i.id),
    }));
    assert.ok(before.checked.length > 0);
    await page.reload();
    await page.waitForSelector('form fieldset.question');
    assert.deepEqual(await page.evaluate(() => ({
      title: document.querySelector('#screen-title').textContent,
      checked: [...document.querySelectorAll('input:checked')].map((i) => i.id),
    })), before, 'the draft is kept across a reload from disk');
    // Complete the survey from where it was.
    for (;;) {
      const title = await page.textContent('#screen-title');
      await answerScreenByKeyboard(page);
      await saved(page);
      await page.click('form button[type=submit]');
      // The next screen (or the acknowledgement), not the one just submitted.
      await page.waitForFunction((t) => !document.querySelector('#screen-title')
        || document.querySelector('#screen-title').textContent !== t, title);
      await page.waitForSelector('form fieldset.question, #thanks-title');
      if (await page.$('#thanks-title')) break;
    }
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('.thanks button.primary')]);
    const file = join(dir, 'response.json');
    await dl.saveAs(file);
    const out = JSON.parse(otklik(['indicators', join(ROOT, 'fixtures/surveys/external-client.json'), file]));
    assert.equal(out.responses, 1);
    assert.equal((await readStore(page, 'responses')).length, 1, 'the response is stored on the device too');
    await assertClean(assert, log, 'file://', page);
  });
});

test('opened from disk in two tabs: a file imported in one shows in the report page of the other', async () => {
  const { dir, url } = await share();
  otklik(['demo', '--out', dir, '--responses', '300', '--seed', '9']);
  await withBrowser(async (page, log, context) => {
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.click('#nav-report');
    await tab.waitForSelector('.demo-banner');
    await page.goto(url);
    await page.waitForSelector('#demo-banner');
    await page.setInputFiles('#dash-import', [join(dir, 'internal-client.csv'), join(dir, 'external-client.csv')]);
    await page.waitForFunction(() => !document.querySelector('#demo-banner') && document.querySelector('#dash-summary')?.dataset.total === '300');
    await tab.waitForFunction(() => {
      const labels = [...document.querySelectorAll('input[name="report-survey"]')].map((i) => i.parentElement.textContent);
      return labels.length === 2 && labels.every((l) => l.includes('300')) && !document.querySelector('.demo-banner');
    }, null, { timeout: 30_000 });
    await assertClean(assert, log, 'file://', page);
  });
});

test('a survey handed out as a file or a link opens straight on it', async () => {
  const { dir, url } = await share();
  let selfFile; let kioskFile; let link;
  await withBrowser(async (page, log) => {
    await page.goto(url);
    await page.click('#nav-survey');
    await page.check('#survey-0');
    await page.fill('#period', '2026-Q4');
    await axe(page, 'start page with handing out');
    let [dl] = await Promise.all([page.waitForEvent('download'), page.click('#hand-file')]);
    assert.equal(dl.suggestedFilename(), 'otklik-internal-client-survey.html');
    selfFile = join(dir, 'self.html');
    await dl.saveAs(selfFile);
    await page.click('#hand-link');
    link = await page.inputValue('#hand-link-text');
    assert.ok(link.startsWith(url + '#s='), link.slice(0, 80));
    // Short enough for mail and messengers: both templates, both modes.
    assert.ok(link.length < 4000, `${link.length} characters`);
    assert.equal(await page.$('#hand-link-long'), null);
    for (const [survey, mode] of [['#survey-1', '#hand-mode-self'], ['#survey-1', '#hand-mode-kiosk'], ['#survey-0', '#hand-mode-kiosk']]) {
      await page.check(survey);
      await page.check(mode);
      await page.click('#hand-link');
      const other = await page.inputValue('#hand-link-text');
      assert.ok(other.length < 4000 && other !== link, `${survey} ${mode}: ${other.length} characters`);
    }
    await page.check('#survey-0');
    await page.check('#hand-mode-self');
    await page.check('#hand-mode-kiosk');
    [dl] = await Promise.all([page.waitForEvent('download'), page.click('#hand-file')]);
    assert.equal(dl.suggestedFilename(), 'otklik-internal-client-kiosk.html');
    kioskFile = join(dir, 'kiosk.html');
    await dl.saveAs(kioskFile);
    await assertClean(assert, log, 'file://', page);
  });
  const internalTitle = JSON.parse(await readFile(join(ROOT, 'fixtures/surveys/internal-client.json'), 'utf8')).title.ru;

  // The file for respondents: the survey starts at once, for the given period.
  await withBrowser(async (page, log) => {
    await page.goto(pathToFileURL(selfFile).href);
    await page.waitForSelector('#start');
    assert.ok((await page.textContent('main')).includes(internalTitle));
    const screens = await completeByKeyboard(page);
    assert.ok(screens >= 3);
    const stored = (await readStore(page, 'responses')).map((r) => JSON.parse(r));
    assert.equal(stored.length, 1);
    assert.equal(stored[0].period, '2026-Q4');
    assert.equal(stored[0].survey, 'internal-client');
    await assertClean(assert, log, 'file://', page);
  });

  // The link does the same.
  await withBrowser(async (page, log) => {
    await page.goto(link);
    await page.waitForSelector('#start');
    assert.ok((await page.textContent('main')).includes(internalTitle));
    await assertClean(assert, log, 'file://', page);
  });

  // The kiosk file opens the organiser's start page on that survey and period.
  await withBrowser(async (page) => {
    await page.goto(pathToFileURL(kioskFile).href);
    await page.waitForSelector('#home-title');
    assert.equal(await page.isChecked('#survey-2'), true);
    assert.equal(await page.inputValue('#period'), '2026-Q4');
  });

  // A link cut when copied is refused with a plain message.
  await withBrowser(async (page) => {
    await page.goto(link.slice(0, Math.floor(link.length * 0.6)));
    await page.waitForSelector('#app-notice');
    assert.match(await page.textContent('#app-notice'), /повреждена/);
  });
});

test('a survey too long for a link is said to be so, and the file is offered instead', async () => {
  const { dir, url } = await share();
  // A survey of its own (no template's words): 40 questions of varied text.
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const word = () => Array.from({ length: 3 + Math.floor(rand() * 8) }, () => 'абвгдежзиклмнопрстуфхцчшэюя'[Math.floor(rand() * 27)]).join('');
  const text = (n) => Array.from({ length: n }, word).join(' ');
  const survey = {
    id: 'own-survey', version: 1, audience: 'external', title: text(4),
    questions: Array.from({ length: 40 }, (_, i) => ({ id: `q${i}`, type: 'scale', text: text(25) })),
  };
  const file = join(dir, 'own-survey.json');
  await writeFile(file, JSON.stringify(survey));
  await withBrowser(async (page, log) => {
    await page.goto(url);
    await page.click('#nav-survey');
    await page.setInputFiles('#import-survey', file);
    await page.waitForSelector('#survey-2');
    await page.check('#survey-2');
    await page.click('#hand-link');
    const link = await page.inputValue('#hand-link-text');
    assert.ok(link.length > 4000, `${link.length} characters`);
    assert.match(await page.textContent('#hand-link-long'), /Ссылка получилась длинной.*Надёжнее раздать опрос одним файлом/);
    await axe(page, 'a long link');
    // The long link still opens the survey where it arrives whole.
    const other = await page.context().newPage();
    await other.goto(link);
    await other.waitForSelector('#start');
    await other.close();
    await assertClean(assert, log, 'file://', page);
  });
});

test('where the browser keeps nothing, the app says so plainly', async () => {
  const { url } = await share();
  await withBrowser(async (page, log, context) => {
    // As in a browser that blocks storage for pages opened from disk.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    await page.goto(url);
    await page.waitForSelector('#app-notice');
    assert.match(await page.textContent('#app-notice'), /не даёт сохранять данные/);
  });
});

test('the kiosk from disk says whether its data are kept for good, even where the browser asks the user first', async () => {
  const { url } = await share();
  await withBrowser(async (page, log) => {
    await startKiosk(page, url, '1234');
    await page.click('button.organiser');
    await page.fill('#admin-pin', '1234');
    await page.click('#admin-open');
    await page.waitForSelector('#storage-status');
    // Firefox answers navigator.storage.persist() only once the user has answered its
    // question: the status is said from what the browser grants now, not left pending.
    await page.waitForFunction(() => !/Проверка/.test(document.querySelector('#storage-status').textContent));
    assert.match(await page.textContent('#storage-status'), /Постоянное хранилище/);
    await assertClean(assert, log, 'file://', page);
  });
});
