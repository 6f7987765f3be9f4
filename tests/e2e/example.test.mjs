// The plain-HTML example of the npm package (examples/plain-html) in a real browser:
// the packed package unpacked beside the page, as its README says; the reference
// fixture chosen with the file input; the table equal to `otklik indicators`; a bad
// file refused with its line; the demo data; axe-core; only the page's own requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, assertClean, axe, otklik, ROOT } from './harness.mjs';

let dir, server;
before(async () => {
  const packed = join(ROOT, 'target/package');
  const tarball = readdirSync(packed).find((f) => /^otklik-analytics-.*\.tgz$/.test(f));
  assert.ok(tarball, 'the package is packed (bash scripts/build-package.sh --pack)');
  dir = mkdtempSync(join(tmpdir(), 'otklik-plain-'));
  cpSync(join(ROOT, 'examples/plain-html'), dir, { recursive: true });
  execFileSync('tar', ['-xzf', join(packed, tarball), '-C', dir]);
  renameSync(join(dir, 'package'), join(dir, 'otklik-analytics'));
  server = await serve(dir);
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The table's rows as text: [group, n, index, nps]. */
async function rows(page) {
  return page.$$eval('#result tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
}

test('the plain page reads the files a user chooses and shows the CLI\'s indicators', async () => {
  const profile = await freshProfile();
  const { context, page, log } = await launch(profile);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready.');
    const survey = join(ROOT, 'fixtures/reference/survey.json');
    const responses = join(ROOT, 'fixtures/reference/responses.csv');
    await page.setInputFiles('#files', [survey, responses]);
    await page.waitForSelector('#result table');
    const cli = JSON.parse(otklik(['indicators', survey, responses, '--by', 'period', '--format', 'json']));
    const expected = cli.groups.map((g) => {
      const name = Object.values(g.key).join(' / ');
      if (g.suppressed) return [name, 'hidden', 'hidden', 'hidden'];
      const fig = (f) => (f === undefined ? '—' : f.suppressed ? 'hidden' : f.value.toFixed(1));
      return [name, String(g.n), fig(g.ccl), fig(Object.values(g.nps)[0])];
    });
    assert.deepEqual(await rows(page), expected);
    assert.ok(expected.length >= 2);
    await axe(page, 'plain-html example');

    // A bad file: refused with its line, nothing shown but the problems.
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'response_id,period\nr1,2025\nr2,someday\n');
    await page.setInputFiles('#files', [survey, bad]);
    await page.waitForSelector('#result .problems li');
    const problems = await page.$$eval('#result .problems li', (li) => li.map((l) => l.textContent));
    assert.ok(problems.some((p) => p.startsWith('bad.csv:3')), problems.join('\n'));

    // The demo data, all responses in one group.
    await page.selectOption('#by', '');
    await page.click('#demo');
    await page.waitForFunction(() => /^3000 responses/.test(document.getElementById('status').textContent));
    const all = await rows(page);
    assert.equal(all.length, 1);
    assert.equal(all[0][0], 'All responses');
    assert.equal(all[0][1], '3000');
    await assertClean(assert, log, server.url, page);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
});
