// Time to the survey's first screen for a respondent who opens a survey link, with
// the light respondent build (the link as handed out) beside the full app (the same
// link with `?full`, which loads the full app as every link did before the split),
// served gzipped on 127.0.0.1, once as it is and once under Chromium's emulated
// "Fast 3G" (DevTools' preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up).
// Each run starts from a fresh profile (nothing cached).
//
// Usage (from the repository root, after scripts/build-web.sh):
//   node tests/e2e/first-question-bench.mjs [RUNS]      (default: 5)
// Prints a Markdown table of medians. Chromium only. Not a test: nothing is asserted.
import { serve, launch, freshProfile, removeProfile } from './harness.mjs';

const runs = Number(process.argv[2]) || 5;
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1e6 / 8) * 0.9, uploadThroughput: (750 * 1e3 / 8) * 0.9 };

const server = await serve(undefined, { gzip: true });

async function withPage(fn) {
  const profile = await freshProfile();
  const { context, page } = await launch(profile);
  try {
    return await fn(page, context);
  } finally {
    await context.close();
    await removeProfile(profile);
  }
}

const link = await withPage(async (page) => {
  await page.goto(server.url);
  await page.click('#nav-survey');
  await page.check('#survey-1');
  await page.check('#hand-mode-self');
  await page.click('#hand-link');
  return page.inputValue('#hand-link-text');
});
const hash = link.slice(link.indexOf('#'));
const builds = { light: server.url + hash, full: server.url + '?full' + hash };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = [];
try {
  for (const network of ['local', 'Fast 3G']) {
    const times = { light: [], full: [] };
    for (let r = 0; r < runs; r++) {
      for (const build of ['light', 'full']) {
        times[build].push(await withPage(async (page, context) => {
          if (network !== 'local') {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.emulateNetworkConditions', FAST_3G);
          }
          const t0 = Date.now();
          await page.goto(builds[build]);
          await page.waitForSelector('#start', { timeout: 120_000 });
          return Date.now() - t0;
        }));
      }
    }
    rows.push([network, median(times.light), median(times.full)]);
  }
} finally {
  await server.close();
}
console.log(`Time to a survey link's first screen, median of ${runs} (ms); fresh profile each run`);
console.log('| network | light respondent build | full app (`?full`) | full / light |');
console.log('|---|---:|---:|---:|');
for (const [n, light, full] of rows) console.log(`| ${n} | ${light} | ${full} | ${(full / light).toFixed(1)}× |`);
