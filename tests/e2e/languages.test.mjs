// A survey in more languages than Russian and English, in a real headless browser
// (Chromium or Firefox ESR): the external template chosen in Uzbek and in Chinese with
// the runner's language chooser, answered with the keyboard alone; the stored answers,
// axe-core and the request log checked; and a link made before the templates had
// these languages still opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, freshProfile, removeProfile, assertClean, tabTo, screenshot, readStore, axe, BROWSER } from './harness.mjs';
import { answerScreensByKeyboard, DEFAULT_PLAN } from './drive.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

/** What each language must show: the survey's own texts and the app's words. */
const EXPECT = {
  uz: {
    title: 'Xizmat koʻrsatish sifatidan qoniqish boʻyicha soʻrovnoma',
    anonymity: /Soʻrovnoma anonim/,
    first: 'Bizga kim sifatida murojaat qildingiz?',
    progress: /^1-qadam, jami \d+ ta$/,
    thanks: /Rahmat!/,
    start: 'Soʻrovnomani boshlash',
  },
  zh: {
    title: '服务质量满意度调查',
    anonymity: /本调查为匿名调查/,
    first: '您以什么身份与我们联系？',
    progress: /^第 1 步，共 \d+ 步$/,
    thanks: /谢谢/,
    start: '开始答题',
  },
};

/** Opens the app, chooses the external template for self-completion (in Russian). */
async function openExternal(page) {
  await page.goto(server.url);
  await page.waitForSelector('#nav-survey');
  await tabTo(page, '#nav-survey');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#home-title');
  await tabTo(page, '#survey-0');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#start-self');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#start');
}

/** Chooses `code` in the language chooser with the keyboard: the arrow keys on the
 * focused list, which changes its value as they move. */
async function chooseLanguage(page, code) {
  const codes = await page.$$eval('#lang-choice option', (os) => os.map((o) => o.value));
  const from = await page.$eval('#lang-choice', (s) => s.value);
  await tabTo(page, '#lang-choice');
  const steps = codes.indexOf(code) - codes.indexOf(from);
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  await page.waitForFunction((c) => document.documentElement.lang === c, code, { timeout: 5000 });
}

for (const code of ['uz', 'zh']) {
  test(`the external template in ${code === 'uz' ? 'Uzbek' : 'Chinese'}, chosen and answered with the keyboard`, async () => {
    const profile = await freshProfile();
    const { context, page, log } = await launch(profile);
    try {
      await openExternal(page);
      // The chooser offers every language of the survey, each named in itself.
      const offered = await page.$$eval('#lang-choice option', (os) => os.map((o) => [o.value, o.textContent, o.lang]));
      assert.deepEqual(offered, [['ru', 'Русский', 'ru'], ['en', 'English', 'en'], ['uz', 'Oʻzbekcha', 'uz'], ['zh', '中文', 'zh']]);
      await chooseLanguage(page, code);
      const want = EXPECT[code];
      assert.equal(await page.textContent('#screen-title'), want.title);
      assert.match(await page.textContent('.anonymity'), want.anonymity);
      assert.equal((await page.textContent('#start')).trim(), want.start);
      await axe(page, `languages-${code}-start`);
      await screenshot(page, `languages-${code}-start`);

      await tabTo(page, '#start');
      await page.keyboard.press('Enter');
      await page.waitForSelector('form fieldset.question');
      assert.match((await page.textContent('#screen-title')).trim(), want.progress);
      assert.equal((await page.$$eval('form fieldset.question .qtext', (q) => q.map((e) => e.textContent)))[0], want.first);
      await axe(page, `languages-${code}-question`);
      await screenshot(page, `languages-${code}-question`);

      // Every screen with the keyboard alone; the texts stay in the chosen language.
      const screens = await answerScreensByKeyboard(page, undefined, async () => {
        if (await page.$('form fieldset.question')) {
          assert.equal(await page.evaluate(() => document.documentElement.lang), code);
        }
      });
      assert.ok(screens >= 5, `only ${screens} screens`);
      assert.match(await page.textContent('#thanks-title'), want.thanks);
      await axe(page, `languages-${code}-thanks`);

      // The answers are stored as in any language: option ids and numbers.
      const stored = await readStore(page, 'responses');
      assert.equal(stored.length, 1);
      const rec = JSON.parse(stored[0]);
      assert.equal(rec.survey, 'external-client');
      assert.equal(rec.channel, 'self');
      assert.equal(rec.answers.touchpoint, 'reception');
      assert.equal(rec.answers.wait_minutes, 12, 'the standard shown by visible_if was answered');
      assert.equal(rec.answers.phone_transfers, undefined, 'hidden questions stay unanswered');
      assert.equal(rec.answers.comment, DEFAULT_PLAN.comment.value);
      assert.equal((await readStore(page, 'drafts')).length, 0, 'submitting clears the draft');
      await assertClean(assert, log, server.url, page);
    } finally {
      await context.close();
      await removeProfile(profile);
    }
  });
}

// A link handed out before the templates had Uzbek and Chinese (the external template,
// 2026-Q4, self-completion): its dictionary is a frozen copy of the template of then.
const OLD_LINK = '#s=ePkonW4V7dwxCQAgEADA_bsI8og9DKGTm6PlzSHcBbms2ctoceZecUWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbok3RpmhTtCnaFG2KNkWbos1Po80HRANxTw';

test('a link made with the old template still opens, offering its two languages', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(`${server.url}${OLD_LINK}`);
    await page.waitForSelector('#start');
    assert.equal(await page.textContent('#screen-title'), 'Опрос об удовлетворенности качеством взаимодействия');
    const offered = await page.$$eval('#lang-choice option', (os) => os.map((o) => o.value));
    assert.deepEqual(offered, ['ru', 'en']);
    await chooseLanguage(page, 'en');
    assert.equal(await page.textContent('#screen-title'), 'Survey on satisfaction with the quality of service');
    await axe(page, 'languages-old-link');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

console.log(`# browser: ${BROWSER}`);
