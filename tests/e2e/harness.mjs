// Shared pieces of the browser tests: a static server for web/dist, Debian's
// Chromium or Firefox ESR through playwright-core (OTKLIK_BROWSER=chromium|firefox),
// request and CSP logs, axe-core, keyboard helpers.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, extname, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium, firefox } from 'playwright-core';
import core from 'playwright-core/lib/coreBundle';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'web/dist');
export const ARTIFACTS = join(ROOT, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.ico': 'image/x-icon',
};

/** Serves web/dist on 127.0.0.1 (a free port). Returns { url, close }. With `gzip`,
 * files go gzipped to a browser that accepts it, as a web server would send them. */
export async function serve(dir = DIST, { gzip = false } = {}) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: build the app first (scripts/build-web.sh)`);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        res.end(gzipSync(body, { level: 9 }));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** The browser the tests drive: `chromium` (the default) or `firefox` (Firefox ESR). */
export const BROWSER = process.env.OTKLIK_BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`OTKLIK_BROWSER=${BROWSER}: chromium or firefox`);

// Firefox ESR is driven over WebDriver BiDi (Playwright's `moz-firefox` channel), and
// Playwright 1.65 speaks a newer BiDi than Firefox ESR 153 in two places, both mended
// here on the connection, in this process, without touching the browser:
// - it sets the colour-scheme media feature on every new context with
//   `emulation.setMediaFeaturesOverride`, which ESR answers "unknown command", failing
//   the launch. The tests never emulate media features: that one command is answered
//   as done without reaching the browser; every other command goes through unchanged;
// - it knows a download by the `download` id of `browsingContext.downloadWillBegin`
//   and `downloadEnd`, which ESR does not send for a link to a `blob:` URL (the app's
//   every download): such a download is given an id of its own, the same for its
//   begin and its end, so that `page.waitForEvent('download')` sees it.
// And one thing that is not the app's: before a screenshot in Firefox, Playwright adds
// and removes a `<style>` element to line up CSS animations, which the app's
// Content-Security-Policy rightly blocks and reports as a violation. That step is left
// out (its last argument, `syncAnimations`, sent as false); the screenshot is the same.
const UNSUPPORTED_BY_ESR = new Set(['emulation.setMediaFeaturesOverride']);
const SCREENSHOT_PREPARATION = /^\(function inPagePrepareForScreenshots\([\s\S]*, true\)$/;
if (BROWSER === 'firefox') {
  const transport = core.server.WebSocketTransport.prototype;
  const send = transport.send;
  transport.send = function (message) {
    if (UNSUPPORTED_BY_ESR.has(message.method)) {
      setTimeout(() => this.onmessage?.({ type: 'success', id: message.id, result: {} }));
      return undefined;
    }
    if (message.method === 'script.callFunction') {
      for (const arg of message.params.arguments ?? []) {
        if (typeof arg.value === 'string' && SCREENSHOT_PREPARATION.test(arg.value)) arg.value = arg.value.replace(/, true\)$/, ', false)');
      }
    }
    return send.call(this, message);
  };
  const downloads = new Map();
  let lastDownload = 0;
  const withDownloadId = (m) => {
    const begin = m.method === 'browsingContext.downloadWillBegin';
    if (m.type !== 'event' || !(begin || m.method === 'browsingContext.downloadEnd')) return m;
    if (m.params.download || m.params.navigation) return m;
    const key = `${m.params.context} ${m.params.url}`;
    if (begin) downloads.set(key, `download-${++lastDownload}`);
    const download = downloads.get(key);
    if (!begin) downloads.delete(key);
    return { ...m, params: { ...m.params, download } };
  };
  const handler = Symbol('onmessage');
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get() { return this[handler]; },
    set(f) { this[handler] = f && ((m) => f(withDownloadId(m))); },
  });
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function freshProfile() {
  return mkdtemp(join(tmpdir(), 'otklik-profile-'));
}

// Firefox: no update, telemetry or remote-settings traffic, no first-run pages.
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.enabled': false,
};

/** A persistent browser context on `profile`, with request and CSP logs. */
export async function launch(profile, viewport = { width: 1280, height: 900 }) {
  const context = BROWSER === 'firefox'
    ? await firefox.launchPersistentContext(profile, {
      channel: 'moz-firefox',
      executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
      firefoxUserPrefs: FIREFOX_PREFS,
      viewport,
      acceptDownloads: true,
    })
    : await chromium.launchPersistentContext(profile, {
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
  if (BROWSER === 'firefox') {
    fillAsTyped(page);
    context.on('page', fillAsTyped);
  }
  watch(page);
  context.on('page', watch);
  return { context, page, log };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core (WCAG 2.1 A and AA, best practices) finds nothing on the page; `exclude`: a selector left out.
 * The same in both browsers: axe-core's script is evaluated in every frame (as the
 * driver does, so the page's Content-Security-Policy does not apply to it), then run
 * from the top frame. */
export async function axe(page, name, exclude) {
  for (const frame of page.frames()) {
    await frame.evaluate(`${AXE_SOURCE}\n;0`).catch((e) => {
      // A frame gone or not yet ready is left out; the top frame must be checked.
      if (frame === page.mainFrame()) throw e;
    });
  }
  const violations = await page.evaluate(async (exclude) => {
    const context = exclude ? { exclude: [exclude] } : document;
    const r = await window.axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, exclude ?? null);
  assert.deepEqual(violations.map((v) => `${name}: ${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(', ')}`), [], `axe-core violations on ${name} (${BROWSER})`);
}

/** Firefox: `page.fill` of a text field types the text. Playwright's BiDi fill sets the
 * value as a script would, after which Firefox sends no `change` when the field is left
 * (Chromium does, as for a user's typing), and the app keeps what it reads on `change`.
 * Other fields (dates, ranges) are filled as before. */
function fillAsTyped(page) {
  const fill = page.fill.bind(page);
  page.fill = async (selector, value, options) => {
    const typed = await page.$eval(selector, (e) => e.tagName === 'TEXTAREA'
      || (e.tagName === 'INPUT' && ['text', 'search', 'email', 'tel', 'url', 'password', 'number'].includes(e.type)));
    if (!typed) return fill(selector, value, options);
    await page.focus(selector);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(String(value));
    return undefined;
  };
}

/** Every request went to `origin`, nothing else; no websocket; no CSP violation. */

export async function assertClean(assert, log, origin, page) {
  const foreign = log.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests outside the app');
  assert.deepEqual(log.websockets, [], 'websockets');
  const csp = page ? await page.evaluate(() => window.__csp || []) : [];
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(log.console.filter((t) => /Content.Security.Policy|Refused/i.test(t)), [], 'CSP console errors');
  assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
}

/** Presses Tab until the focused element matches `selector` (fails after `max`). In
 * Firefox, Shift+Tab when the element is before the focus: past the page's last element
 * Firefox takes the focus to its own toolbar, and once back in the page a key pressed
 * on a button no longer presses it. Chromium goes round the page, as it always has. */
export async function tabTo(page, selector, max = 80) {
  // Where the focus went, for the report: an element's id (or tag), `BODY` when lost.
  const trail = [];
  for (let i = 0; i < max; i++) {
    const [found, at, back] = await page.evaluate(([s, round]) => {
      const a = document.activeElement;
      const target = document.querySelector(s);
      const before = !round && !!a && !!target && a !== document.body
        && !!(a.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING);
      return [!!a && a.matches(s), a ? a.id || a.tagName : 'none', before];
    }, [selector, BROWSER === 'chromium']);
    if (found) return;
    trail.push(at);
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  const shown = trail.length > 12 ? [...trail.slice(0, 8), '…', ...trail.slice(-4)] : trail;
  throw new Error(`Tab never reached ${selector}; focus went ${shown.join(' → ')}`);
}

/** A file name in artifacts/ for what the browser made: `NAME.EXT` from Chromium,
 * `NAME.firefox.EXT` beside it from Firefox. */
export function artifactName(name) {
  if (BROWSER === 'chromium') return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.${BROWSER}${name.slice(dot)}` : `${name}.${BROWSER}`;
}

/** A full-page screenshot in artifacts/screenshots/: `NAME.png` from Chromium,
 * `NAME.firefox.png` beside it from Firefox. */
export async function screenshot(page, name) {
  await mkdir(join(ARTIFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', artifactName(`${name}.png`)), fullPage: true });
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
  const target = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  const bin = [join(target, 'release/otklik'), join(target, 'debug/otklik')].find(existsSync);
  if (!bin) throw new Error('the otklik binary is not built');
  return execFileSync(bin, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
}

export async function removeProfile(profile) {
  await rm(profile, { recursive: true, force: true });
}
