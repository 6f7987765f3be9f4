// Shared pieces of the browser tests: a static server for web/dist, Debian's
// Chromium through playwright-core, request and CSP logs, keyboard helpers.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'web/dist');
export const ARTIFACTS = join(ROOT, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.ico': 'image/x-icon',
};

/** Serves web/dist on 127.0.0.1 (a free port). Returns { url, close }. */
export async function serve(dir = DIST) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build the app first (scripts/build-web.sh)`);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function freshProfile() {
  return mkdtemp(join(tmpdir(), 'otklik-profile-'));
}

/** A persistent Chromium context on `profile`, with request and CSP logs. */
export async function launch(profile, viewport = { width: 1280, height: 900 }) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
  });
  const log = { requests: [], websockets: [], csp: [], console: [], pageErrors: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = context.pages()[0] || (await context.newPage());
  const watch = (p) => {
    p.on('websocket', (ws) => log.websockets.push(ws.url()));
    p.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy|Refused/i.test(m.text())) log.console.push(m.text()); });
    p.on('pageerror', (e) => log.pageErrors.push(String(e)));
  };
  watch(page);
  context.on('page', watch);
  return { context, page, log };
}

/** Every request went to `origin`, nothing else; no websocket; no CSP violation. */
/** axe-core (WCAG 2.1 A and AA, best practices) finds nothing on the page; `exclude`: a selector left out. */
export async function axe(page, name, exclude) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (exclude) builder = builder.exclude(exclude);
  const r = await builder.analyze();
  assert.deepEqual(r.violations.map((v) => `${name}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`), [], `axe-core violations on ${name}`);
}

export async function assertClean(assert, log, origin, page) {
  const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests outside the app');
  assert.deepEqual(log.websockets, [], 'websockets');
  const csp = page ? await page.evaluate(() => window.__csp || []) : [];
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(log.console.filter((t) => /Content.Security.Policy|Refused/i.test(t)), [], 'CSP console errors');
  assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
}

/** Presses Tab until the focused element matches `selector` (fails after `max`). */
export async function tabTo(page, selector, max = 80) {
  // Where the focus went, for the report: an element's id (or tag), `BODY` when lost.
  const trail = [];
  for (let i = 0; i < max; i++) {
    const [found, at] = await page.evaluate((s) => {
      const a = document.activeElement;
      return [!!a && a.matches(s), a ? a.id || a.tagName : 'none'];
    }, selector);
    if (found) return;
    trail.push(at);
    await page.keyboard.press('Tab');
  }
  const shown = trail.length > 12 ? [...trail.slice(0, 8), '…', ...trail.slice(-4)] : trail;
  throw new Error(`Tab never reached ${selector}; focus went ${shown.join(' → ')}`);
}

export async function screenshot(page, name) {
  await mkdir(join(ARTIFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
}

/** Waits until the draft's latest change is confirmed on disk. */
export async function saved(page) {
  await page.waitForSelector('.save-status[data-saved="true"]', { timeout: 10_000 });
}

/** Reads an object store of the app's IndexedDB. */
export async function readStore(page, store) {
  return page.evaluate((store) => new Promise((ok, fail) => {
    const r = indexedDB.open('otklik', 2);
    r.onsuccess = () => {
      const q = r.result.transaction(store, 'readonly').objectStore(store).getAll();
      q.onsuccess = () => { ok(q.result); r.result.close(); };
      q.onerror = () => fail(q.error);
    };
    r.onerror = () => fail(r.error);
  }), store);
}

export function otklik(args) {
  const bin = [join(ROOT, 'target/release/otklik'), join(ROOT, 'target/debug/otklik')].find(existsSync);
  if (!bin) throw new Error('the otklik binary is not built');
  return execFileSync(bin, args, { encoding: 'utf8' });
}

export async function removeProfile(profile) {
  await rm(profile, { recursive: true, force: true });
}
