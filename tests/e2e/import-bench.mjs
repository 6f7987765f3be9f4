// The app's own import, measured as a manager meets it: a generated response file
// (the external-client template, with free texts) is dropped on the dashboard of a
// fresh profile; the time runs from handing the file over to the dashboard showing
// its responses, and the renderer's peak resident set (VmHWM) is read after.
//
// Usage (from the repository root, after scripts/build-web.sh):
//   node tests/e2e/import-bench.mjs [RESPONSES...]     (default: 200000 1000000)
// Prints a Markdown table. Not a test: nothing is asserted about time.
import { statSync } from 'node:fs';
import { renderers } from '../../scripts/lib/renderers.mjs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshProfile, removeProfile, otklik } from './harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (!sizes.length) sizes.push(200000, 1000000);


const server = await serve();
const rows = [];
try {
  for (const n of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-import-bench-'));
    otklik(['demo', '--out', dir, '--responses', String(n), '--seed', '5']);
    const file = join(dir, 'external-client.csv');
    const mb = statSync(file).size / 1048576;
    const profile = await freshProfile();
    const { context, page } = await launch(profile);
    try {
      await page.goto(server.url);
      await page.waitForSelector('.kpi');
      const before = Math.max(...[...renderers().values()].map((r) => r.hwmMB));
      const t0 = Date.now();
      await page.setInputFiles('#dash-import', [file]);
      await page.waitForFunction((n) => Number(document.querySelector('#dash-summary')?.dataset.total) === n, n, { timeout: 600000, polling: 50 });
      await page.waitForSelector('.kpi');
      const ms = Date.now() - t0;
      const peak = Math.max(...[...renderers().values()].map((r) => r.hwmMB));
      rows.push({ n, mb, ms, before, peak });
      console.error(`${n}: ${mb.toFixed(1)} MB in ${ms} ms, renderer peak ${peak.toFixed(0)} MB (${before.toFixed(0)} before)`);
    } finally {
      await context.close();
      await removeProfile(profile);
    }
  }
} finally {
  await server.close();
}
console.log('| responses | file MB | import to dashboard (ms) | renderer peak MB | before the import MB |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.n.toLocaleString('en')} | ${r.mb.toFixed(1)} | ${r.ms.toLocaleString('en')} | ${r.peak.toFixed(0)} | ${r.before.toFixed(0)} |`);
