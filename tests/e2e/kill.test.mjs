// Nothing is lost when the browser dies: 50 times (20 in Firefox, whose launch and
// clicks take about four times as long; OTKLIK_KILL_ROUNDS sets it), the browser's processes are killed
// (SIGKILL) at a random moment shortly after answers; after each relaunch every
// answer confirmed as saved and every confirmed response is still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BROWSER, serve, launch, freshProfile, removeProfile, saved, readStore } from './harness.mjs';
import { answerScreenByMouse, startKiosk } from './drive.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const ROUNDS = Number(process.env.OTKLIK_KILL_ROUNDS || (BROWSER === 'firefox' ? 20 : 50));

// The browser's processes are those started with the profile's folder (Chromium's
// `--user-data-dir=PROFILE`, Firefox's `--profile PROFILE`).
function killBrowser(profile) {
  let pids = [];
  try {
    pids = execFileSync('pgrep', ['-f', '--', profile], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch { /* none */ }
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
  return pids.length;
}

// A tiny deterministic generator, so a failure can be replayed.
let seed = 20261128;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

test(`${ROUNDS} browser kills lose no confirmed answer and no confirmed response`, { timeout: 30 * 60_000 }, async () => {
  const profile = await freshProfile();
  let confirmed = { answers: {}, responses: 0 };
  let kills = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { context, page } = await launch(profile, { width: 1024, height: 768 });
      if (round === 0) {
        await startKiosk(page, server.url, '1357');
      } else {
        await page.goto(server.url);
        await page.waitForSelector('#start, form fieldset.question');
      }
      // Everything confirmed before the kill is still there.
      const responses = (await readStore(page, 'responses')).length;
      const drafts = await readStore(page, 'drafts');
      const draft = drafts.length ? JSON.parse(drafts[0]).answers : {};
      assert.ok(responses >= confirmed.responses, `round ${round}: ${responses} responses, ${confirmed.responses} confirmed`);
      if (responses === confirmed.responses) {
        for (const [q, v] of Object.entries(confirmed.answers)) {
          assert.deepEqual(draft[q], v, `round ${round}: the confirmed answer to ${q} was lost`);
        }
      }
      confirmed = { answers: draft, responses };

      // Answer, confirm, go on; sometimes finish a response.
      const actions = 1 + Math.floor(rand() * 4);
      for (let a = 0; a < actions; a++) {
        if (await page.$('#start')) await page.click('#start');
        if (await page.$('.thanks button')) { await page.click('.thanks button'); continue; }
        await page.waitForSelector('form fieldset.question');
        const marker = Math.floor(rand() * 1000);
        await answerScreenByMouse(page, (qid, n) => (qid === 'touchpoint' ? 6 : (marker + qid.length) % n), { wait_minutes: marker % 600 });
        await saved(page);
        const d = await readStore(page, 'drafts');
        confirmed.answers = d.length ? JSON.parse(d[0]).answers : {};
        const title = await page.textContent('#screen-title');
        await page.click('form button[type=submit]');
        await page.waitForFunction((t) => document.querySelector('#thanks-title')
          || (document.querySelector('#screen-title') && document.querySelector('#screen-title').textContent !== t), title);
        if (await page.$('#thanks-title')) {
          confirmed = { answers: {}, responses: confirmed.responses + 1 };
        }
      }
      // One more answer, then the kill at a random moment shortly after it.
      if (await page.$('form fieldset.question')) {
        const first = await page.$eval('form fieldset.question', (f) => f.id);
        const radio = await page.$(`#${first} input[type=radio]:not(:checked)`);
        if (radio) await radio.check();
      }
      await new Promise((ok) => setTimeout(ok, Math.floor(rand() * 150)));
      kills += killBrowser(profile) > 0 ? 1 : 0;
      await context.close().catch(() => {});
    }
    // A final look: everything confirmed is there.
    const { context, page } = await launch(profile);
    await page.goto(server.url);
    await page.waitForSelector('#start, form fieldset.question');
    assert.ok((await readStore(page, 'responses')).length >= confirmed.responses);
    await context.close();
    assert.equal(kills, ROUNDS, 'every round ended with a kill');
    console.log(`kills: ${kills}, confirmed responses: ${confirmed.responses}`);
  } finally {
    killBrowser(profile);
    await removeProfile(profile);
  }
});
