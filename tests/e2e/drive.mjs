// Drives the survey runner as a respondent would: with the keyboard only, or
// quickly with the mouse.
import { tabTo, saved } from './harness.mjs';

/** How a test respondent answers: question id → { radio index | value | options }. */
export const DEFAULT_PLAN = {
  touchpoint: { radio: 6 }, // personal reception: shows the waiting-time standard
  need: { radio: 3 },
  segment: { radio: 0 },
  dept: { radio: 5 },
  resolved: { radio: 0 },
  wait_minutes: { value: '12' },
  phone_transfers: { value: '1' },
  answer_days: { value: '20' },
  int_written_days: { value: '25' },
  int_oral_days: { value: '2' },
  comment: { value: 'Спасибо! <b>bold</b> & "quotes"' },
  suggestion: { value: 'Больше обучения, <script>alert(1)</script>' },
};

/** The questions on the screen, in order: fieldset id, question id, kind and size,
 * read in one call (a call to the browser costs most of the time, in Firefox most). */
async function questionsOnScreen(page) {
  return page.$$eval('form fieldset.question', (fs) => fs.map((f) => {
    const radios = f.querySelectorAll('input[type=radio]').length;
    const boxes = f.querySelectorAll('input[type=checkbox]').length;
    const kind = radios ? 'radio' : boxes ? 'checkbox' : f.querySelector('textarea') ? 'text' : 'number';
    return { id: f.id, qid: f.dataset.qid, kind, n: radios || boxes };
  }));
}

/** Answers every question of the current screen with the keyboard only. */
export async function answerScreenByKeyboard(page, plan = DEFAULT_PLAN, defaults = { scale: 3 }) {
  const done = new Set();
  for (;;) {
    const q = (await questionsOnScreen(page)).find((q) => !done.has(q.id));
    if (!q) break;
    const { id: next, qid, kind, n } = q;
    done.add(next);
    const step = plan[qid] || {};
    if (kind === 'radio') {
      const index = Math.min(step.radio ?? Math.min(defaults.scale, n - 1), n - 1);
      await tabTo(page, `#${next}-first`);
      if (index === 0) await page.keyboard.press('Space');
      for (let k = 0; k < index; k++) await page.keyboard.press('ArrowRight');
    } else if (kind === 'checkbox') {
      await tabTo(page, `#${next}-first`);
      await page.keyboard.press('Space');
    } else {
      await tabTo(page, `#${next}-first`);
      await page.keyboard.type(step.value ?? (kind === 'number' ? '3' : 'Текст'));
    }
  }
}

/** From the anonymity statement to the acknowledgement, keyboard only. Returns the screens seen. */
export async function completeByKeyboard(page, plan = DEFAULT_PLAN) {
  await tabTo(page, '#start');
  await page.keyboard.press('Enter');
  return answerScreensByKeyboard(page, plan);
}

/** Every screen of a started survey to the acknowledgement, keyboard only; `after` runs
 * once each screen has been left. Returns the screens seen. */
export async function answerScreensByKeyboard(page, plan = DEFAULT_PLAN, after = async () => {}) {
  let screens = 0;
  for (;;) {
    await page.waitForSelector('form fieldset.question, #thanks-title');
    if (await page.$('#thanks-title')) return screens;
    const title = await page.textContent('#screen-title');
    await answerScreenByKeyboard(page, plan);
    await saved(page);
    await tabTo(page, 'form button[type=submit]');
    await page.keyboard.press('Enter');
    screens++;
    await page.waitForFunction((t) => !document.querySelector('#screen-title') || document.querySelector('#screen-title').textContent !== t
      || document.querySelector('.error-summary'), title);
    if (await page.$('.error-summary')) throw new Error(`the screen "${title}" reported errors: ${await page.textContent('.error-summary')}`);
    await after();
  }
}

/** Answers the current screen quickly with the mouse; `pick(qid, n)` chooses a radio.
 * The screen is read again after each answer, which may show or hide questions. */
export async function answerScreenByMouse(page, pick, values = {}) {
  const done = new Set();
  for (;;) {
    const next = (await questionsOnScreen(page)).find((q) => !done.has(q.id));
    if (!next) break;
    const { id, qid, kind, n } = next;
    done.add(id);
    if (kind === 'radio') {
      const k = pick(qid, n);
      await page.check(k === 0 ? `#${id}-first` : `#${id}-${k}`);
    } else if (kind === 'checkbox') {
      await page.check(`#${id}-first`);
    } else if (values[qid] !== undefined) {
      await page.fill(`#${id}-first`, String(values[qid]));
    }
  }
}

export async function startKiosk(page, url, pin = '2468') {
  await page.goto(url);
  await page.click('#nav-survey');
  await page.waitForSelector('#home-title');
  await page.check('#survey-1');
  await page.fill('#period', '2026-Q3');
  await page.click('#start-kiosk');
  await page.waitForSelector('#kiosk-pin');
  await page.fill('#kiosk-pin', pin);
  await page.fill('#kiosk-pin-repeat', pin);
  await page.click('#kiosk-start');
  await page.waitForSelector('#start');
}

/** One respondent: every question answered; `marker` goes into the waiting time. */
export async function respond(page, marker) {
  await page.click('#start');
  for (;;) {
    await page.waitForSelector('form fieldset.question, #thanks-title');
    if (await page.$('#thanks-title')) return;
    const title = await page.textContent('#screen-title');
    await answerScreenByMouse(page, (qid, n) => (qid === 'touchpoint' ? 6 : (marker + qid.length) % n), { wait_minutes: marker });
    await saved(page);
    await page.click('form button[type=submit]');
    await page.waitForFunction((t) => !document.querySelector('#screen-title') || document.querySelector('#screen-title').textContent !== t, title);
  }
}

