// A quick look at screens (not a test): node look.mjs
import { serve, launch, freshProfile, removeProfile } from './harness.mjs';
const server = await serve();
const shots = process.argv.slice(2);
for (const [label, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const profile = await freshProfile();
  const { context, page } = await launch(profile, viewport);
  await page.goto(server.url);
  await page.waitForSelector('.kpi');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/w/${label}-top.png` });
  for (const sel of ['.cards-section', '#chart-drivers', '#chart-trend', '#dash-files', '#chart-heatmap']) {
    const el = await page.$(sel);
    if (el) await el.screenshot({ path: `/tmp/w/${label}-${sel.replace(/[#.]/g, '')}.png` });
  }
  await page.selectOption('#dash-breakdown', '');
  await page.waitForTimeout(1500);
  for (const sel of ['.charts', '.texts']) {
    const el = await page.$(sel);
    if (el) await el.screenshot({ path: `/tmp/w/${label}-none-${sel.replace(/[#.]/g, '')}.png` });
  }
  await context.close(); await removeProfile(profile);
}
await server.close();
