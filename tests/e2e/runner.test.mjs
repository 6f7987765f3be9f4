// The respondent's side in a real headless browser (Chromium or Firefox ESR): both templates with the
// keyboard only in Russian and English, resume after reload, accessibility,
// screenshots, and no request beyond the app's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, assertClean, tabTo, screenshot, saved, readStore, ARTIFACTS, ROOT, otklik, axe } from './harness.mjs';
import { completeByKeyboard, answerScreenByKeyboard, DEFAULT_PLAN, startKiosk } from './drive.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });


/** Opens the app and chooses a template (0 internal, 1 external) with the keyboard. */
async function chooseTemplate(page, template, lang) {
  await page.goto(server.url);
  await page.waitForSelector('#nav-survey');
  await tabTo(page, '#nav-survey');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#home-title');
  if (lang === 'en') {
    await tabTo(page, 'button.tool[lang="en"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }
  await tabTo(page, '#survey-0');
  if (template === 1) await page.keyboard.press('ArrowDown');
  await tabTo(page, '#start-self');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#start');
}

for (const lang of ['ru', 'en']) {
  for (const [template, name] of [[0, 'internal'], [1, 'external']]) {
    test(`${name} survey, keyboard only, in ${lang === 'ru' ? 'Russian' : 'English'}`, async () => {
      const profile = await freshProfile();
      const { context, page, log } = await launch(profile);
      try {
        await chooseTemplate(page, template, lang);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        const intro = await page.textContent('.anonymity');
        assert.match(intro, lang === 'ru' ? /не сохраняются/i : /not stored/i);
        const screens = await completeByKeyboard(page);
        assert.ok(screens >= 5, `only ${screens} screens`);
        assert.match(await page.textContent('.receipt'), /[0-9A-Z]{4}-[0-9A-Z]{4}/);
        const stored = await readStore(page, 'responses');
        assert.equal(stored.length, 1);
        const rec = JSON.parse(stored[0]);
        assert.deepEqual(Object.keys(rec).sort(), ['answers', 'channel', 'id', 'period', 'survey', 'version'], 'nothing but the response is stored');
        assert.equal(rec.channel, 'self');
        assert.match(rec.period, /^\d{4}-Q[1-4]$/);
        if (template === 1) {
          assert.equal(rec.answers.touchpoint, 'reception');
          assert.equal(rec.answers.wait_minutes, 12, 'the standard shown by visible_if was answered');
          assert.equal(rec.answers.phone_transfers, undefined, 'hidden questions stay unanswered');
          assert.equal(rec.answers.comment, DEFAULT_PLAN.comment.value);
          // Self-completion: the respondent downloads the response to hand in; the CLI reads it.
          await mkdir(join(ARTIFACTS, 'exports'), { recursive: true });
          const file = join(ARTIFACTS, 'exports', `self-${lang}.json`);
          const [download] = await Promise.all([page.waitForEvent('download'), page.click('.thanks button.primary')]);
          await download.saveAs(file);
          const doc = JSON.parse(await readFile(file, 'utf8'));
          assert.equal(doc.responses.length, 1);
          assert.deepEqual(doc.responses[0].answers, rec.answers);
          // The CLI reads it (K cannot be lowered below the survey's, so nothing is shown of one response).
          const out = JSON.parse(otklik(['indicators', join(ROOT, 'fixtures/surveys/external-client.json'), file]));
          assert.equal(out.responses, 1);
        } else {
          assert.equal(rec.answers.suggestion, DEFAULT_PLAN.suggestion.value);
          assert.equal(await page.$('script:not([src])'), null, 'free text never becomes HTML');
        }
        assert.equal((await readStore(page, 'drafts')).length, 0, 'submitting clears the draft');
        await assertClean(assert, log, server.url, page);
      } finally {
        await context.close();
        await removeProfile(profile);
      }
    });
  }
}

test('reload in the middle of a survey keeps every answer and the place', async () => {
  const profile = await freshProfile();
  let { context, page, log } = await launch(profile);
  try {
    await chooseTemplate(page, 1, 'ru');
    await page.click('#start');
    await page.waitForSelector('form fieldset.question');
    // Three screens in, with answers on each.
    for (let s = 0; s < 3; s++) {
      await answerScreenByKeyboard(page);
      await saved(page);
      await page.click('form button[type=submit]');
      await page.waitForFunction((n) => document.querySelector('#screen-title').textContent.includes(String(n + 2)), s);
    }
    await answerScreenByKeyboard(page);
    await saved(page);
    const before = await page.evaluate(() => ({
      title: document.querySelector('#screen-title').textContent,
      checked: [...document.querySelectorAll('input:checked')].map((i) => i.id),
    }));
    const draft = (await readStore(page, 'drafts'))[0];
    await page.reload();
    await page.waitForSelector('form fieldset.question');
    const afterReload = await page.evaluate(() => ({
      title: document.querySelector('#screen-title').textContent,
      checked: [...document.querySelectorAll('input:checked')].map((i) => i.id),
    }));
    assert.deepEqual(afterReload, before);
    assert.deepEqual((await readStore(page, 'drafts'))[0], draft);
    // Switching the language (the runner's chooser) keeps every answer and the place.
    await page.selectOption('#lang-choice', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('input:checked')].map((i) => i.id)), before.checked);
    assert.match(await page.textContent('#screen-title'), /Step \d+ of \d+/);
    await page.selectOption('#lang-choice', 'ru');
    // Back to the first screens: the earlier answers are there too.
    await page.click('.actions button[type=button]');
    await page.waitForFunction((t) => document.querySelector('#screen-title').textContent !== t, before.title);
    assert.ok((await page.$$('input:checked')).length > 0);
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('accessibility (axe-core) and screenshots of every runner screen, phone and desktop', async () => {
  for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
    const profile = await freshProfile();
    const { context, page, log } = await launch(profile, viewport);
    try {
      await page.goto(server.url);
      await page.click('#nav-survey');
      await page.waitForSelector('#home-title');
      await axe(page, `home (${label})`);
      await screenshot(page, `${label}-home`);
      await page.check('#survey-1');
      await page.click('#start-self');
      await page.waitForSelector('#start');
      await axe(page, `intro (${label})`);
      await screenshot(page, `${label}-intro`);
      await page.click('#start');
      await page.waitForSelector('form fieldset.question');
      await axe(page, `first question (${label})`);
      await screenshot(page, `${label}-question`);
      await page.click('form button[type=submit]');
      await page.waitForSelector('.error-summary');
      await axe(page, `errors (${label})`);
      await screenshot(page, `${label}-errors`);
      // A scale block.
      await answerScreenByKeyboard(page);
      await page.click('form button[type=submit]');
      for (let i = 0; i < 3; i++) {
        await page.waitForSelector('form fieldset.question');
        await answerScreenByKeyboard(page);
        await page.click('form button[type=submit]');
      }
      await page.waitForSelector('form fieldset.question');
      await axe(page, `scale screen (${label})`);
      await screenshot(page, `${label}-scale`);
      await page.click('button.tool[aria-pressed]');
      await axe(page, `larger text (${label})`);
      await screenshot(page, `${label}-large-text`);
      await assertClean(assert, log, server.url, page);
    } finally {
      await context.close();
      await removeProfile(profile);
    }
  }
});

test('layout is usable from 320 px wide: nothing scrolls sideways', async () => {
  const profile = await freshProfile();
  const { context, page } = await launch(profile, { width: 320, height: 640 });
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.check('#survey-0');
    await page.click('#start-self');
    await page.click('#start');
    for (let i = 0; i < 4; i++) {
      await page.waitForSelector('form fieldset.question');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
      await answerScreenByKeyboard(page);
      await page.click('form button[type=submit]');
    }
    await screenshot(page, 'narrow-320');
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('a way out: «Прервать опрос» asks first, discards the draft and creates no response', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1280, height: 900 });
  try {
    // Self-completion: from the anonymity statement and from a question.
    await chooseTemplate(page, 1, 'ru');
    await page.waitForSelector('#start');
    assert.ok(await page.$('#abort'), 'the intro has a way out');
    await page.click('#start');
    await page.waitForSelector('form fieldset.question');
    await answerScreenByKeyboard(page);
    await saved(page);
    assert.equal((await readStore(page, 'drafts')).length, 1);
    await tabTo(page, '#abort');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#abort-yes');
    assert.match(await page.textContent('#abort-question'), /Прервать опрос\?/);
    await axe(page, 'abort confirmation');
    await screenshot(page, 'abort-confirm');
    // Changing one's mind keeps everything.
    await page.click('#abort-no');
    await page.waitForSelector('#abort');
    assert.equal((await readStore(page, 'drafts')).length, 1);
    await page.click('#abort');
    await page.click('#abort-yes');
    await page.waitForSelector('#home-title');
    assert.equal((await readStore(page, 'drafts')).length, 0, 'the draft is gone');
    assert.equal((await readStore(page, 'responses')).length, 0, 'no response was created');
    // A reload does not bring the survey back.
    await page.reload();
    await page.waitForSelector('#nav-survey');
    assert.equal(await page.$('#start'), null);
    assert.equal(await page.$('form fieldset.question'), null);

    // The kiosk returns to its start screen for the next respondent.
    await startKiosk(page, server.url);
    await page.click('#start');
    await page.waitForSelector('form fieldset.question');
    await answerScreenByKeyboard(page);
    await saved(page);
    await page.click('#abort');
    await page.click('#abort-yes');
    await page.waitForSelector('#start');
    assert.equal((await readStore(page, 'responses')).length, 0, 'no response was created in the kiosk');
    const drafts = await readStore(page, 'drafts');
    assert.ok(drafts.every((d) => Object.keys(JSON.parse(d).answers).length === 0), 'the next respondent starts blank');
    assert.ok(await page.$('button.organiser'), 'still in kiosk mode');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('larger text: at least 125% on every screen, and remembered', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1280, height: 900 });
  try {
    const sizes = (selectors) => page.evaluate((sels) => sels.map((s) => {
      const el = document.querySelector(s);
      return el ? parseFloat(getComputedStyle(el).fontSize) : null;
    }), selectors);
    const grows = async (selectors, where) => {
      const before = await sizes(selectors);
      await page.click('button.tool[aria-pressed]');
      await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
      const after = await sizes(selectors);
      selectors.forEach((s, i) => {
        assert.ok(before[i], `${where}: ${s} is on the page`);
        assert.ok(after[i] / before[i] >= 1.249, `${where}: ${s} grew ${(after[i] / before[i]).toFixed(3)}×`);
      });
    };
    await page.goto(server.url);
    await page.waitForSelector('.kpi');
    await grows(['.app-nav button', '#dash-start p', '.kpi h3', '.kpi-value', '.kpi-ci', 'select', 'label'], 'dashboard');
    // Remembered: a reload keeps it, and it applies to the survey too.
    await page.reload();
    await page.waitForSelector('.kpi');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('large-text')), true);
    await page.click('button.tool[aria-pressed]');
    await page.click('#nav-survey');
    await page.check('#survey-1');
    await page.click('#start-self');
    await page.click('#start');
    await page.waitForSelector('form fieldset.question');
    await grows(['legend', '.option-label', 'button[type=submit]', '.remaining', '#abort'], 'survey');
    await screenshot(page, 'desktop-large-text-question');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
