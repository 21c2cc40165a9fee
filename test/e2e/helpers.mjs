// Shared plumbing for the end-to-end compliance suite, in any of three engines.
//
//   CONSENTRY_ENGINE=chromium|firefox|webkit node --test test/e2e/   (default chromium)
//
// It builds nothing: run `npx rollup -c && npm run build -w server` first
// (`npm test` does, and runs the suite once per engine). E2E_DIST=<dir> serves
// another build at /dist/ instead of dist/.
//
// Each test file starts its own demo site (demo/server.mjs) and receipts
// server (server/bin/consentry-receipts.js on a temporary SQLite file), both on
// free ports on 127.0.0.1, and one browser; each `openPage()` is a fresh
// private context. Write tests against the engine-neutral API below, never
// against Playwright directly, and they run in Chromium, Firefox and WebKit:
//
//   const stack = useStack({ csp, trustedTypes, startReceipts });   // in describe()
//   const visit = await openPage(stack, { gpc, viewport });
//   await load(visit, '/guides/check-out-day.html');                // goto + window.Consentry
//   await visit.click(bannerButton('accept-all'));                   // real input, through shadow roots
//   await visit.waitFor(BANNER, { state: 'hidden' });
//   await visit.isVisible(sel) / visit.count(sel) / visit.attribute(sel, name)
//   await visit.evaluate((arg) => ..., arg)                         // in the page; JSON result
//   await visit.press('Tab') / visit.press('Shift+Tab')              // Playwright key names
//   await visit.cookies() / visit.addCookies([...]) / visit.addInitScript(fn, arg)
//   visit.requests, visit.gatedRequests(since), visit.errors, await visit.settle()
//   stack.receipts.waitForHistory(subject), stack.site.beacons(), stack.site.setConfig(fn)
//
// A selector is CSS whose descendant steps cross open shadow roots
// ('consentry-banner [part~="reject-all"]'), or { css, hasText, inner }.
//
// A test that can only run in some engines says so, with the reason:
//   itIn(['chromium'], 'why', 'title', async () => { ... });
//   itIn(['chromium', 'firefox'], 'why', 'title', fn);
// Elsewhere it is reported as skipped with that reason and counted (npm test
// prints the count per engine). `visit.native` is the engine's own page
// (Playwright Page in Chromium) for such tests; startStack({ chromiumArgs }) adds
// Chromium flags. How each engine is driven: test/e2e/engines.mjs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import { startDemoServer } from '../../demo/server.mjs';
import { ENGINES } from '../../scripts/browsers.mjs';
import { LAUNCHERS, withResolve } from './engines.mjs';

/** This run's engine (CONSENTRY_ENGINE). */
export const ENGINE = process.env.CONSENTRY_ENGINE ?? 'chromium';
if (!ENGINES.includes(ENGINE)) throw new Error(`CONSENTRY_ENGINE: unknown engine "${ENGINE}" (known: ${ENGINES.join(', ')})`);

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The first ```html block under "Drop it into a page": the snippet a site copies first. */
export function readmeSnippet() {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const snippet = /## Drop it into a page\s+```html\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (!snippet) throw new Error('README.md: no html snippet under "## Drop it into a page"');
  return snippet;
}
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
export const PARENT_DOMAIN_HOST = 'www.keyhold.test';
/** A host name every engine resolves to 127.0.0.1 but none treats as secure: a site on plain http. */
export const PLAIN_HTTP_HOST = 'shop.keyhold.test';

/** Every URL a consent-gated element of the demo may fetch. */
export const GATED_PATHS = [
  '/vendor/gtag-standin.js',
  '/vendor/pixel-standin.js',
  '/js/vitals.js',
  '/vendor/web-vitals.js',
  '/js/prefs.js',
  '/embed/video.html',
  '/embed/video.js',
  '/embed/video.css',
  '/collect',
  '/pixel',
  '/embed/ping',
];
export const DEMO_PAGES = ['/', '/services.html', '/guides/check-out-day.html', '/contact.html', '/privacy.html'];
export const ARTICLE = '/guides/check-out-day.html';


export function requireBuild() {
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(repo, 'dist');
  for (const file of [path.join(dist, 'consentry.js'), path.join(repo, 'server/dist/cli.js')]) {
    if (!existsSync(file)) {
      throw new Error(`${path.relative(repo, file)} is missing: run \`npx rollup -c && npm run build -w server\` before the e2e suite`);
    }
  }
}

/**
 * A private copy of the build for one test file, so a rebuild running at the
 * same time (another terminal, another engineer) cannot pull files from under
 * the browser. E2E_DIST=<dir> copies that build instead.
 */
function snapshotDist() {
  const source = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(repo, 'dist');
  const copy = mkdtempSync(path.join(tmpdir(), 'consentry-e2e-dist-'));
  cpSync(source, copy, { recursive: true });
  snapshots.push(copy);
  return copy;
}
const snapshots = [];
process.on('exit', () => {
  for (const dir of snapshots) rmSync(dir, { recursive: true, force: true });
});

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll `probe` until it returns a truthy value (bounded). */
export async function eventually(probe, { timeout = 8000, interval = 100, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${message} (last value: ${JSON.stringify(last)})`);
}

/**
 * The receipts server as a child process. `start()` may be called again after
 * `stop()` (same port, same database) to simulate an outage.
 */
export function receiptsServer({ port, allowedOrigins, onPortChange = () => {} }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'consentry-e2e-'));
  const db = path.join(dir, 'receipts.db');
  let origin = `http://127.0.0.1:${port}`;
  let child = null;
  let output = '';

  async function startOnce() {
    output = '';
    child = spawn(process.execPath, [path.join(repo, 'server/bin/consentry-receipts.js'), 'serve'], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        RECEIPTS_DB: db,
        ALLOWED_ORIGINS: allowedOrigins.join(','),
        ADMIN_TOKEN,
        RATE_LIMIT: '100000',
        LOG_LEVEL: 'warn',
      },
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const proc = child;
    await eventually(
      async () => {
        if (proc.exitCode !== null) throw new Error(`receipts server exited (${proc.exitCode}):\n${output}`);
        try {
          return (await fetch(`${origin}/healthz`)).ok;
        } catch {
          return false;
        }
      },
      { timeout: 15000, message: 'receipts server /healthz' },
    );
  }

  // The free port may be taken by another process before the server binds it
  // (other test suites run on this machine too): take another one and tell the site.
  async function start() {
    for (let attempt = 0; ; attempt++) {
      try {
        return await startOnce();
      } catch (error) {
        if (attempt >= 4 || !/EADDRINUSE/.test(String(error.message))) throw error;
        port = await freePort();
        origin = `http://127.0.0.1:${port}`;
        onPortChange(`${origin}/receipts`);
      }
    }
  }

  async function stop() {
    if (!child || child.exitCode !== null) return;
    const proc = child;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }

  return {
    get port() {
      return port;
    },
    get origin() {
      return origin;
    },
    get endpoint() {
      return `${origin}/receipts`;
    },
    start,
    stop,
    output: () => output,
    /** Waits until the server holds at least `atLeast` receipts of a visitor; returns them, oldest first. */
    waitForHistory(subject, { atLeast = 1, ...options } = {}) {
      return eventually(async () => {
        const list = await this.history(subject);
        return list.length >= atLeast && list;
      }, options);
    },
    /** A visitor's receipts, oldest first. */
    async history(subject) {
      const res = await fetch(`${origin}/receipts/${encodeURIComponent(subject)}`);
      assert.equal(res.status, 200, `GET /receipts/${subject} answered ${res.status}`);
      const body = await res.json();
      return (Array.isArray(body) ? body : body.receipts).map(unwrap);
    },
    /** Every stored receipt (GET /export, JSON lines). */
    async all() {
      const res = await fetch(`${origin}/export?format=jsonl`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200, `GET /export answered ${res.status}`);
      return (await res.text())
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => unwrap(JSON.parse(line)));
    },
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server stores `{ seq, receipt, receivedAt, prevHash, hash }`; tests look at the receipt. */
const unwrap = (row) => row.receipt ?? row;

/**
 * Demo site + receipts server + one browser of this run's engine, for one test file.
 * @param {object} [options]
 * @param {boolean} [options.csp]
 * @param {boolean} [options.trustedTypes]
 * @param {boolean} [options.startReceipts] false: leave the receipts server down.
 * @param {string[]} [options.chromiumArgs] Extra Chromium flags (Chromium-only tests).
 * @param {string} [options.root] A directory served at / instead of demo/ (pages a test writes).
 * @param {string} [options.buildAt] Where the build is served (default /dist/).
 * @param {Record<string, Function>} [options.handlers] Extra routes by exact path (the demo server's `handlers`, checked first).
 */
export async function startStack(options = {}) {
  requireBuild();
  const receiptsPort = await freePort();
  const pageErrors = [];
  const site = await startDemoServer({
    // E2E_DIST=/some/dist runs the suite against another build (e.g. a
    // deliberately broken one, to see which checks catch it).
    mounts: [[options.buildAt ?? '/dist/', snapshotDist()]],
    root: options.root,
    csp: options.csp,
    trustedTypes: options.trustedTypes,
    styleHashes: options.styleHashes,
    receiptsUrl: `http://127.0.0.1:${receiptsPort}/receipts`,
    quiet: true,
    // WebKit: the server's request log is the network log, so nothing may come from the cache.
    noStore: ENGINE === 'webkit',
    handlers: {
      ...options.handlers,
      '/__e2e/page-error': (req, res) => {
        let text = '';
        req.on('data', (d) => (text += d));
        req.on('end', () => {
          pageErrors.push(text);
          res.writeHead(204).end();
        });
      },
    },
  });
  const parentDomainOrigin = `http://${PARENT_DOMAIN_HOST}:${site.port}`;
  const plainHttpOrigin = `http://${PLAIN_HTTP_HOST}:${site.port}`;
  const receipts = receiptsServer({
    port: receiptsPort,
    allowedOrigins: [site.origin, parentDomainOrigin, plainHttpOrigin],
    onPortChange: (endpoint) => site.setReceiptsUrl(endpoint),
  });
  if (options.startReceipts !== false) await receipts.start();
  const stack = { site, receipts, parentDomainOrigin, plainHttpOrigin, pageErrors, options, engine: ENGINE };
  const browser = await LAUNCHERS[ENGINE](stack);
  return Object.assign(stack, {
    browser,
    async close() {
      await browser.close().catch(() => {});
      await receipts.dispose();
      await site.close();
    },
  });
}

/**
 * Starts the stack before the suite's tests and closes it after them. The
 * returned object is filled with the stack's fields once it is up.
 */
export function useStack(options) {
  const stack = {};
  before(async () => {
    Object.assign(stack, await startStack(options));
  });
  after(async () => {
    await stack.close?.();
  });
  return stack;
}

/**
 * A test that runs only in some engines. Elsewhere it is reported as skipped
 * with the reason (node:test prints `# SKIP <reason>` and counts it), never
 * left out without a word: `itIn(['chromium'], 'needs --host-resolver-rules', 'title', fn)`.
 */
export function itIn(engines, reason, title, fn) {
  if (engines.includes(ENGINE)) return it(title, fn);
  return it(`${title} [not run in ${ENGINE}]`, { skip: `runs in ${engines.join(', ')} only: ${reason}` }, fn);
}

/** `itIn(['chromium'], reason, title, fn)`. */
export const itChromiumOnly = (reason, title, fn) => itIn(['chromium'], reason, title, fn);

/**
 * A fresh private context and page with probes installed before any page
 * script: every request the context makes, CSP violations, console errors,
 * page errors. The same API in every engine (see the top of this file).
 */
export async function openPage(stack, { gpc = false, viewport = { width: 1280, height: 800 } } = {}) {
  const raw = await stack.browser.newVisit({ viewport });
  await raw.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  if (gpc) {
    await raw.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    });
  }
  return new Visit(raw, stack);
}

/** One visitor in one engine: navigation, the page's state, input, cookies, requests. */
export class Visit {
  #raw;
  constructor(raw, stack) {
    this.#raw = raw;
    this.stack = stack;
    this.engine = stack.engine;
  }

  /** The engine's own page object (Playwright Page, puppeteer Page, selenium WebDriver). */
  get native() {
    return this.#raw.native;
  }
  /** Every URL this visit requested, oldest first. */
  get requests() {
    return this.#raw.requests;
  }
  /** Console errors and uncaught page errors, oldest first. */
  get errors() {
    return this.#raw.errors;
  }

  /** Paths of gated URLs requested since `since` (an index into requests). */
  gatedRequests(since = 0) {
    return this.requests
      .slice(since)
      .map((url) => new URL(url))
      .filter((url) => GATED_PATHS.includes(url.pathname))
      .map((url) => url.pathname + url.search);
  }

  /** Navigates (a path is on the demo's 127.0.0.1 origin) and waits for `load`. */
  async goto(pathOrUrl) {
    await this.#raw.goto(/^https?:/.test(pathOrUrl) ? pathOrUrl : this.stack.site.origin + pathOrUrl);
  }

  /**
   * Goes to about:blank and waits for the network to go quiet: what the page
   * sends as it unloads (beacons on pagehide) is counted before what comes next.
   */
  async leavePage() {
    await this.#raw.goto('about:blank');
    await this.settle({ quietMs: 300 });
  }

  /** Runs `fn(arg)` in the page (it may be async and must not use outer variables); returns its JSON value. */
  evaluate(fn, arg) {
    return this.#raw.evaluate(fn, arg);
  }

  /** Polls `fn(arg)` in the page until it is truthy. Survives navigations. */
  waitForFunction(fn, arg, { timeout = 10000, message = 'a page condition' } = {}) {
    return eventually(() => this.evaluate(fn, arg).catch(() => false), { timeout, message });
  }

  async url() {
    return this.evaluate(() => location.href);
  }

  /** Waits until the page's URL ends with `suffix` (after a click on a link). */
  waitForUrl(suffix, options = {}) {
    return this.waitForFunction((s) => location.href.endsWith(s), suffix, { message: `URL …${suffix}`, ...options });
  }

  async count(locator) {
    return this.evaluate(withResolve('return resolve(loc).length;'), locator);
  }

  async isVisible(locator) {
    return this.evaluate(IS_VISIBLE, locator);
  }

  /** The attribute of the first match (null when it has none; throws when nothing matches). */
  async attribute(locator, name) {
    const value = await this.evaluate(
      withResolve('const el = resolve(loc.locator)[0]; return el ? { value: el.getAttribute(loc.name) } : null;'),
      { locator, name },
    );
    if (!value) throw new Error(`attribute ${name}: nothing matches ${JSON.stringify(locator)}`);
    return value.value;
  }

  /** Waits for the first match to be visible, or for no match to be visible (`state: 'hidden'`). */
  async waitFor(locator, { state = 'visible', timeout = 10000 } = {}) {
    const want = state === 'visible';
    await eventually(async () => (await this.isVisible(locator).catch(() => !want)) === want, {
      timeout,
      message: `${JSON.stringify(locator)} to be ${state}`,
    });
  }

  /** A real click (the engine's own input) on the first match, once it is visible. */
  async click(locator, { timeout = 10000 } = {}) {
    await this.waitFor(locator, { timeout });
    await this.#raw.click(locator);
  }

  /** A key or chord by its Playwright name: "Tab", "Enter", "Escape", "Space", "Shift+Tab". */
  press(chord) {
    return this.#raw.press(chord);
  }

  wheel(dy) {
    return this.#raw.wheel(dy);
  }

  mouseClick(x, y) {
    return this.#raw.mouseClick(x, y);
  }

  /** Every cookie the page can reach: [{ name, value, domain, path, expires, ... }]. */
  cookies() {
    return this.#raw.cookies();
  }

  /** Adds cookies: { name, value, domain, path } or { name, value, url } (host-only). */
  addCookies(list) {
    return this.#raw.addCookies(list);
  }

  /** Runs `fn(arg)` first in every document loaded from now on. */
  addInitScript(fn, arg) {
    return this.#raw.addInitScript(fn, arg);
  }

  /** Waits until this visit has requested nothing new for `quietMs`. */
  async settle({ quietMs = 500, timeout = 10000 } = {}) {
    let seen = -1;
    let since = Date.now();
    await eventually(
      () => {
        const now = this.requests.length;
        if (now !== seen) {
          seen = now;
          since = Date.now();
        }
        return Date.now() - since >= quietMs;
      },
      { timeout, interval: 100, message: 'the network to go quiet' },
    );
  }

  /** Another tab of the same visitor (same cookies and storage), with the same init scripts. */
  async newTab() {
    return new Visit(await this.#raw.newTab(), this.stack);
  }

  close() {
    return this.#raw.close();
  }
}

const IS_VISIBLE = withResolve(`
  const el = resolve(loc)[0];
  if (!el || !el.isConnected) return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  if (el.checkVisibility && !el.checkVisibility()) return false;
  return getComputedStyle(el).visibility !== 'hidden';
`);

// --- The UI, located through the contract's shadow parts (descendant steps
// cross open shadow roots).
export const BANNER = 'consentry-banner [part~="banner"]';
export const DIALOG = 'consentry-preferences [part~="dialog"]';
export const REOPEN = 'consentry-reopen button, consentry-reopen [role="button"]';
export const bannerButton = (part) => `consentry-banner [part~="${part}"]`;
export const dialogButton = (part) => `consentry-preferences [part~="${part}"]`;

/** The switch of one category in the preference centre, found by its visible title. */
export const categoryToggle = (title) => ({ css: 'consentry-preferences [part~="category"]', hasText: title, inner: '[part~="toggle"]' });

export async function waitForBanner(visit) {
  await visit.waitFor(BANNER, { timeout: 10000 });
}

export async function waitForReady(visit) {
  await visit.waitForFunction(() => typeof window.Consentry?.getState === 'function', null, { message: 'window.Consentry' });
}

/** Navigates and waits for the consent API. */
export async function load(visit, pathOrUrl) {
  await visit.goto(pathOrUrl);
  await waitForReady(visit);
}

/**
 * The state once the page is settled after a decision: a withdrawal of a
 * category whose scripts ran reloads the page (reloadOnWithdraw defaults to
 * true), so poll until the (reloaded) page's core answers and `ok(state)` holds.
 */
export async function settledState(visit, ok = () => true, message = 'the page after the decision') {
  return eventually(
    async () => {
      const s = await visit.evaluate(() => window.Consentry?.getState()).catch(() => undefined);
      return s && ok(s) && s;
    },
    { message },
  );
}

export async function state(visit) {
  return visit.evaluate(() => window.Consentry.getState());
}

export async function openPreferencesFromBanner(visit) {
  await visit.click(bannerButton('manage'));
  await visit.waitFor(DIALOG);
}

export async function setToggle(visit, title, on) {
  const toggle = categoryToggle(title);
  if ((await isOn(visit, toggle)) !== on) await visit.click(toggle);
  assert.equal(await isOn(visit, toggle), on, `toggle "${title}" should be ${on ? 'on' : 'off'}`);
}

function isOn(visit, toggle) {
  return visit.evaluate(
    withResolve(`
      const el = resolve(loc)[0];
      if (!el) throw new Error('no toggle for ' + JSON.stringify(loc));
      const aria = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
      if (aria !== null) return aria === 'true';
      if ('checked' in el) return Boolean(el.checked);
      return Boolean(el.querySelector('input')?.checked);
    `),
    toggle,
  );
}

/** What ran: the stand-ins' records and the inline tags' effects. */
export async function ranOnPage(visit) {
  return visit.evaluate(() => {
    const calls = window.__calls ?? [];
    const count = (tag, what) => calls.filter((c) => c.tag === tag && c.what === what).length;
    const dataLayer = Array.isArray(window.dataLayer) ? window.dataLayer : [];
    const commands = dataLayer.map((entry) => Array.from(entry ?? []));
    return {
      gtag: count('gtag', 'load'),
      gaConfig: commands.filter((c) => c[0] === 'config').length,
      gaHits: count('gtag', 'hit'),
      pixel: count('pixel', 'load'),
      pixelInit: count('pixel', 'init'),
      vitals: count('vitals', 'load'),
      prefs: count('prefs', 'load'),
      video: count('video', 'load'),
    };
  });
}

export const NOTHING_RAN = { gtag: 0, gaConfig: 0, gaHits: 0, pixel: 0, pixelInit: 0, vitals: 0, prefs: 0, video: 0 };

/** Cookies, Web Storage keys and IndexedDB databases the page can see. */
export async function storageSnapshot(visit) {
  const cookies = (await visit.cookies()).map((c) => `${c.name}@${c.domain}`);
  const web = await visit.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  }));
  return { cookies, ...web };
}

/** The consent cookie's name from the demo config. */
export const CONSENT_COOKIE = 'consentry';

/** CSP violations seen by the probe in the page and its same-origin frames. */
export async function cspViolations(visit) {
  return visit.evaluate(() => {
    const all = [...(window.__cspViolations ?? [])];
    for (const frame of document.querySelectorAll('iframe')) {
      try {
        all.push(...(frame.contentWindow.__cspViolations ?? []));
      } catch {
        // a cross-origin frame: not ours to read
      }
    }
    return all;
  });
}
