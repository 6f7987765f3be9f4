// Operator entry of paper forms in a real headless browser (Chromium or Firefox ESR):
// an operator opens entry mode with the PIN and types 20 printed forms of the external
// template with the keyboard alone (skips by condition, blanks, two-digit answers,
// numbers, texts); the stored responses equal what was typed, each with the channel
// `paper` and nothing else; undo deletes exactly the last form; axe-core finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, freshProfile, removeProfile, assertClean, screenshot, ROOT, axe, readStore, otklik, BROWSER } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const PIN = '8642';
const PERIOD = '2026-Q3';

/** A small seeded generator (mulberry32): the same forms on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether `q` is shown given `answers` (the rule of docs/survey-format.md, written
 * here again as the test's own oracle). */
function visible(survey, answers, q) {
  for (let cur = q; cur.visible_if;) {
    const c = cur.visible_if;
    const v = answers[c.question];
    if (v === undefined) return false;
    const said = typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v : String(v);
    const hit = Array.isArray(said) ? said.some((x) => c.in.includes(x)) : c.in.includes(said);
    if (!hit) return false;
    cur = survey.questions.find((x) => x.id === c.question);
  }
  return true;
}

const TEXTS = ['Всё хорошо, спасибо', 'Долго ждал ответа на письмо', 'Сайт неудобный; «Госуслуги» лучше', 'ok', 'Нужна парковка у здания, 2 места'];

/** Form `k`: the answer to every visible question (absent: left blank on paper). */
function plan(survey, k) {
  const rnd = random(1000 + k);
  const pick = (n) => Math.floor(rnd() * n);
  const answers = {};
  for (const q of survey.questions) {
    if (!visible(survey, answers, q)) continue;
    // Every touchpoint and every need in turn; other blanks about one in eight.
    const blank = q.id === 'touchpoint' || q.id === 'need' ? false : rnd() < 0.12;
    if (blank) continue;
    switch (q.type) {
      case 'choice': {
        const i = q.id === 'touchpoint' ? k % q.options.length : q.id === 'need' ? (k * 3) % q.options.length : pick(q.options.length);
        answers[q.id] = q.options[i].id;
        break;
      }
      case 'scale': answers[q.id] = 1 + pick(q.points ?? 5); break;
      case 'nps': answers[q.id] = [0, 1, 10][k] ?? pick(11); break;
      case 'yesno': answers[q.id] = rnd() < 0.5; break;
      case 'number': answers[q.id] = pick(Math.min(q.max ?? 100, 120) + 1); break;
      case 'text': if (k % 3 !== 2) answers[q.id] = TEXTS[k % TEXTS.length]; break;
      default: throw new Error(`no plan for ${q.type}`);
    }
  }
  return answers;
}

/** The keys for one answer, as the entry screen documents them. */
function keys(q, v) {
  if (v === undefined) return { press: [q.type === 'scale' && q.id.length % 2 ? 'Space' : 'Enter'] };
  switch (q.type) {
    case 'choice': case 'scale': case 'nps': {
      const n = q.type === 'choice' ? q.options.findIndex((o) => o.id === v) + 1 : v;
      const hi = q.type === 'choice' ? q.options.length : q.type === 'nps' ? 10 : q.points ?? 5;
      const digits = String(n).split('');
      // Where a longer number could follow, a lone 1 is confirmed with Enter.
      return { press: hi >= 10 && n === 1 ? ['1', 'Enter'] : digits };
    }
    case 'yesno': return { press: [v ? '1' : '2'] };
    default: return { type: String(v), press: ['Enter'] };
  }
}

async function focusedQuestion(page) {
  return page.evaluate(() => document.activeElement?.closest('li.entry-q')?.dataset.q ?? null);
}

/** Types one form with the keyboard alone, checking that the cursor is on each visible
 * question in turn; Enter (or Ctrl+Enter) on the last one saves it. */
async function typeForm(page, survey, answers, { label = 'form', ctrlEnter = false, after } = {}) {
  const shown = survey.questions.filter((q) => visible(survey, answers, q));
  for (const [j, q] of shown.entries()) {
    assert.equal(await focusedQuestion(page), q.id, `${label}: the cursor is on ${q.id}`);
    const { type, press } = keys(q, answers[q.id]);
    if (type) await page.keyboard.type(type);
    const last = j === shown.length - 1;
    for (const key of press) await page.keyboard.press(last && key === 'Enter' && ctrlEnter ? 'Control+Enter' : key);
    if (after) await after(q);
  }
}

test('entry: 20 paper forms typed with the keyboard alone are stored as typed, channel paper; undo deletes the last one', async () => {
  const survey = JSON.parse(await readFile(join(ROOT, 'fixtures/surveys/external-client.json'), 'utf8'));
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1280, height: 900 });
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.check('#survey-1');
    await page.fill('#period', PERIOD);
    await page.click('#start-entry');
    await page.waitForSelector('#kiosk-pin');
    assert.match(await page.textContent('#kiosk-title'), /Ввод бумажных анкет/);
    await page.fill('#kiosk-pin', PIN);
    await page.fill('#kiosk-pin-repeat', PIN);
    await page.click('#kiosk-start');
    await page.waitForSelector('#entry-title');
    await page.waitForFunction(() => document.activeElement?.id === 'eq-1');
    // Numbers as on the printed form: question i of the definition is number i + 1.
    const numbers = await page.$$eval('li.entry-q', (ls) => ls.map((l) => [l.dataset.q, Number(l.dataset.n)]));
    assert.deepEqual(numbers, survey.questions.map((q, i) => [q.id, i + 1]));
    await axe(page, 'entry screen');

    const forms = Array.from({ length: 20 }, (_, k) => plan(survey, k));
    const times = [];
    for (const [k, answers] of forms.entries()) {
      const start = performance.now();
      await typeForm(page, survey, answers, {
        label: `form ${k + 1}`,
        // Every fifth form is saved with Ctrl+Enter at its last question.
        ctrlEnter: k % 5 === 4,
        after: async (q) => {
          if (k === 0 && q.id === 'need') {
            await screenshot(page, 'entry');
          }
        },
      });
      await page.waitForSelector(`#entry-count[data-session="${k + 1}"][data-busy="false"]`);
      times.push(performance.now() - start);
    }
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(`entry (${BROWSER}): ${forms.length} forms, ${(mean / 1000).toFixed(2)} s per form on average, slowest ${(Math.max(...times) / 1000).toFixed(2)} s`);
    await axe(page, 'entry screen after 20 forms');

    // What is stored is what was typed: the answers of the visible questions, the period,
    // the channel paper, and no other field (no form number, operator or time).
    const stored = (await readStore(page, 'responses')).map((r) => (typeof r === 'string' ? JSON.parse(r) : r));
    assert.equal(stored.length, 20);
    for (const r of stored) {
      assert.deepEqual(Object.keys(r).sort(), ['answers', 'channel', 'id', 'period', 'survey', 'version']);
      assert.equal(r.channel, 'paper');
      assert.equal(r.period, PERIOD);
      assert.equal(r.survey, survey.id);
    }
    const canon = (a) => JSON.stringify(Object.keys(a).sort().map((key) => [key, a[key]]));
    assert.deepEqual(stored.map((r) => canon(r.answers)).sort(), forms.map(canon).sort());

    // Undo deletes exactly the last form saved, and only once.
    const before = new Set(stored.map((r) => r.id));
    await page.focus('#entry-undo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#entry-count[data-session="19"][data-device="19"]');
    const left = (await readStore(page, 'responses')).map((r) => (typeof r === 'string' ? JSON.parse(r) : r));
    assert.equal(left.length, 19);
    const gone = [...before].filter((id) => !left.some((r) => r.id === id));
    assert.equal(gone.length, 1);
    assert.deepEqual(left.map((r) => canon(r.answers)).sort(), forms.slice(0, 19).map(canon).sort(), 'the last form typed is the one deleted');
    assert.ok(await page.$eval('#entry-undo', (b) => b.disabled), 'one undo only');
    // Its answers are back on the empty screen, to be corrected; the form can be cleared.
    await page.waitForSelector('#entry-note:has-text("снова на экране")');
    const seg = survey.questions[0];
    const expected = forms[19].segment === undefined ? '' : String(seg.options.findIndex((o) => o.id === forms[19].segment) + 1);
    assert.equal(await page.inputValue('#eq-1'), expected);
    assert.equal(await page.inputValue('#eq-27'), forms[19].comment ?? '');
    await page.focus('#entry-clear');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('li.entry-q input')].every((i) => i.value === ''));

    // An answer that is no box of the question is refused, not stored.
    await page.focus('#eq-4');
    await page.keyboard.press('7');
    await page.waitForSelector('#eq-4-error');
    await axe(page, 'entry screen with an error');

    // After a reload the entry screen asks for the PIN again.
    await page.reload();
    await page.waitForSelector('#admin-pin');
    await page.fill('#admin-pin', PIN);
    await page.click('#admin-open');
    await page.waitForSelector('#entry-title');
    await page.waitForSelector('#entry-count[data-device="19"]');

    // The organiser's screen exports them as a kiosk's: a file the CLI reads, all paper.
    await page.click('#entry-export');
    await page.waitForSelector('#stored-count[data-count="19"]');
    // The survey is named as the one being entered, not as a kiosk's.
    assert.match(await page.textContent('li[data-survey] h3'), /анкеты которого вводятся/);
    await axe(page, 'entry export');
    const file = join(tmpdir(), `otklik-entry-${process.pid}.csv`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    await download.saveAs(file);
    const csv = (await readFile(file, 'utf8')).trim().split(/\r?\n/);
    const channel = csv[0].split(',').indexOf('channel');
    assert.ok(channel >= 0, `a channel column: ${csv[0]}`);
    assert.deepEqual([...new Set(csv.slice(1).map((l) => l.split(',')[channel]))], ['paper']);
    const out = JSON.parse(otklik(['indicators', join(ROOT, 'fixtures/surveys/external-client.json'), file, '--by', 'channel']));
    assert.equal(out.responses, 19);
    await page.click('#admin-back');
    await page.waitForSelector('#entry-title');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('entry: several options are ticked and unticked by their digits', async () => {
  const base = JSON.parse(await readFile(join(ROOT, 'fixtures/surveys/external-client.json'), 'utf8'));
  const label = (ru, en) => ({ ru, en });
  const ways = {
    id: 'ways', type: 'multi', text: label('Как вы узнали о нас?', 'How did you learn about us?'),
    options: [['site', 'Сайт', 'Website'], ['friends', 'Знакомые', 'Friends'], ['press', 'Пресса', 'Press'], ['other', 'Другое', 'Other']]
      .map(([id, ru, en]) => ({ id, label: label(ru, en) })),
  };
  // The added question is in Russian and English only: the copy declares no languages.
  const { languages: _, ...rest } = base;
  const survey = { ...rest, id: 'external-multi', questions: [ways, ...base.questions] };
  const file = join(tmpdir(), `otklik-entry-multi-${process.pid}.json`);
  await writeFile(file, JSON.stringify(survey));
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.setInputFiles('#import-survey', file);
    await page.waitForSelector('#survey-2:checked');
    await page.fill('#period', PERIOD);
    await page.click('#start-entry');
    await page.fill('#kiosk-pin', PIN);
    await page.fill('#kiosk-pin-repeat', PIN);
    await page.click('#kiosk-start');
    await page.waitForFunction(() => document.activeElement?.id === 'eq-1');
    // 1, 3, 4, then 4 again unticks it: options 1 and 3.
    for (const k of ['1', '3', '4', '4']) await page.keyboard.press(k);
    assert.equal(await page.inputValue('#eq-1'), '1 3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'eq-2');
    await page.keyboard.press('2'); // segment
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#entry-count[data-session="1"][data-busy="false"]');
    // A form without any answer is not stored.
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#entry-note:has-text("нет ни одного ответа")');
    // Keys typed as fast as the driver sends them, without waiting for the screen, land
    // on the question the cursor is going to.
    for (const k of ['Enter', '2', '6', '1', '0', '4', '5']) await page.keyboard.press(k);
    await page.waitForFunction(() => document.activeElement?.id === 'eq-8'); // 7 is for a reception only
    assert.deepEqual(await page.$$eval('#eq-1, #eq-2, #eq-3, #eq-4, #eq-5, #eq-6', (is) => is.map((i) => i.value)), ['', '2', '6', '10', '4', '5']);
    await page.click('#entry-clear');
    const stored = (await readStore(page, 'responses')).map((r) => JSON.parse(r));
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0].answers, { ways: ['site', 'press'], segment: base.questions[0].options[1].id });
    assert.equal(stored[0].channel, 'paper');
    await axe(page, 'entry screen with several options');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});

test('entry: double entry saves a batch only when both entries agree, without the form numbers', async () => {
  const survey = JSON.parse(await readFile(join(ROOT, 'fixtures/surveys/external-client.json'), 'utf8'));
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile, { width: 1280, height: 900 });
  const forms = [101, 102, 103].map((number, k) => ({ number: String(number), answers: plan(survey, 20 + k) }));
  const typeNumbered = async (form, answers = form.answers) => {
    await page.waitForFunction(() => document.activeElement?.id === 'entry-no');
    await page.keyboard.type(form.number);
    await page.keyboard.press('Enter');
    await typeForm(page, survey, answers, { label: `form ${form.number}` });
  };
  try {
    await page.goto(server.url);
    await page.click('#nav-survey');
    await page.waitForSelector('#home-title');
    await page.check('#survey-1');
    await page.fill('#period', PERIOD);
    await page.click('#start-entry');
    await page.fill('#kiosk-pin', PIN);
    await page.fill('#kiosk-pin-repeat', PIN);
    await page.click('#kiosk-start');
    await page.waitForSelector('#entry-title');
    await page.check('#entry-double');
    for (const [k, form] of forms.entries()) {
      await typeNumbered(form);
      await page.waitForSelector(`#double-status[data-first="${k + 1}"]`);
    }
    await axe(page, 'double entry, first pass');
    // A reload loses nothing: the batch and a half-typed form are kept on the device.
    await page.waitForFunction(() => document.activeElement?.id === 'entry-no');
    await page.keyboard.type('104');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'eq-1');
    await page.keyboard.press('2');
    await page.waitForSelector('#eq-1 ~ .entry-got');
    await page.waitForSelector('#entry-count[data-kept="true"]');
    await page.reload();
    await page.waitForSelector('#admin-pin');
    await page.fill('#admin-pin', PIN);
    await page.click('#admin-open');
    await page.waitForSelector('#double-status[data-first="3"][data-second="0"][data-pass="1"]');
    assert.equal(await page.inputValue('#entry-no'), '104');
    assert.equal(await page.inputValue('#eq-1'), '2');
    // Typing resumes after the last answer typed.
    await page.waitForFunction(() => document.activeElement?.id === 'eq-2');
    assert.match(await page.textContent('#entry-note'), /восстановлено.*первый ввод — 3, второй — 0/s);
    await axe(page, 'double entry, restored after a reload');
    // The organiser's screen and back: the same.
    await page.click('#entry-export');
    await page.waitForSelector('#admin-back');
    await page.click('#admin-back');
    await page.waitForSelector('#double-status[data-first="3"]');
    assert.equal(await page.inputValue('#entry-no'), '104');
    await page.click('#entry-clear');
    await page.waitForFunction(() => document.activeElement?.id === 'entry-no');
    assert.equal(await page.inputValue('#eq-1'), '');
    await page.focus('#double-second');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#double-status[data-pass="2"]');
    // The second operator types the batch in another order, with one answer different.
    const wrong = { ...forms[1].answers, effort: forms[1].answers.effort === 5 ? 4 : 5 };
    for (const [k, form] of [forms[2], { ...forms[1], answers: wrong }, forms[0]].entries()) {
      await typeNumbered(form, form.answers);
      await page.waitForSelector(`#double-status[data-second="${k + 1}"]`);
    }
    await page.click('#double-compare');
    await page.waitForSelector('#double-result[data-count="1"]');
    const effort = survey.questions.findIndex((q) => q.id === 'effort') + 1;
    assert.match(await page.textContent('#double-mismatches li[data-form="102"]'), new RegExp(`№ 102: .*${effort}`));
    await axe(page, 'double entry, mismatches listed');
    await screenshot(page, 'entry-double');
    assert.equal((await readStore(page, 'responses')).length, 0, 'nothing saved while the entries differ');
    // Typed again under its number, the form replaces the wrong one; then the batch is saved.
    await page.focus('#entry-no');
    await typeNumbered(forms[1]);
    await page.waitForSelector('#double-status[data-second="3"]');
    await page.click('#double-compare');
    await page.waitForSelector('#entry-count[data-session="3"][data-busy="false"]');
    const stored = (await readStore(page, 'responses')).map((r) => JSON.parse(r));
    assert.equal(stored.length, 3);
    const canon = (a) => JSON.stringify(Object.keys(a).sort().map((key) => [key, a[key]]));
    assert.deepEqual(stored.map((r) => canon(r.answers)).sort(), forms.map((f) => canon(f.answers)).sort());
    for (const r of stored) {
      assert.deepEqual(Object.keys(r).sort(), ['answers', 'channel', 'id', 'period', 'survey', 'version']);
      assert.equal(r.channel, 'paper');
    }
    assert.ok(!stored.some((r) => ['101', '102', '103'].includes(r.id)), 'form numbers are not ids');
    await page.waitForSelector('#double-status[data-first="0"][data-second="0"][data-pass="1"]');
    // What is kept on the device holds no form number once the batch is saved.
    await page.waitForSelector('#entry-count[data-kept="true"]');
    const kept = () => readStore(page, 'settings').then((v) => v.map(String).filter((x) => x.includes('"raws"')));
    assert.equal((await kept()).length, 1);
    assert.ok(!/10[1-4]/.test((await kept())[0]), 'no form number is kept after the batch is saved');
    // Ending with something typed asks first; going back keeps it; ending deletes it.
    await page.focus('#entry-no');
    await page.keyboard.type('105');
    await page.click('#entry-end');
    await page.waitForSelector('#entry-end-question');
    await axe(page, 'end entry with unsaved work');
    await page.click('#entry-end-no');
    assert.equal(await page.inputValue('#entry-no'), '105');
    await page.click('#entry-end');
    await page.click('#entry-end-yes');
    await page.waitForSelector('#home-title');
    assert.deepEqual(await kept(), [], 'the work in progress is deleted with the session');
    assert.equal((await readStore(page, 'responses')).length, 3, 'the saved forms stay');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
