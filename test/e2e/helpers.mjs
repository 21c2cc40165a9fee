// Shared plumbing for the end-to-end compliance suite. It builds nothing:
// run `npx rollup -c && npm run build -w server` first (`npm test` does).
// E2E_DIST=<dir> serves another build at /dist/ instead of dist/.
//
// Each test file starts its own demo site (demo/server.mjs) and receipts
// server (server/bin/consentry-receipts.js on a temporary SQLite file), both on
// free ports on 127.0.0.1, and one Chromium; each test gets a fresh context.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { after, before } from 'node:test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
export const PARENT_DOMAIN_HOST = 'www.keyhold.test';

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
 * Demo site + receipts server + Chromium, for one test file.
 * @param {object} [options]
 * @param {boolean} [options.csp]
 * @param {boolean} [options.trustedTypes]
 * @param {boolean} [options.startReceipts] false: leave the receipts server down.
 */
export async function startStack(options = {}) {
  requireBuild();
  const receiptsPort = await freePort();
  const site = await startDemoServer({
    // E2E_DIST=/some/dist runs the suite against another build (e.g. a
    // deliberately broken one, to see which checks catch it).
    mounts: [['/dist/', snapshotDist()]],
    csp: options.csp,
    trustedTypes: options.trustedTypes,
    receiptsUrl: `http://127.0.0.1:${receiptsPort}/receipts`,
    quiet: true,
  });
  const parentDomainOrigin = `http://${PARENT_DOMAIN_HOST}:${site.port}`;
  const receipts = receiptsServer({
    port: receiptsPort,
    allowedOrigins: [site.origin, parentDomainOrigin],
    onPortChange: (endpoint) => site.setReceiptsUrl(endpoint),
  });
  if (options.startReceipts !== false) await receipts.start();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // *.keyhold.test is 127.0.0.1, so `.keyhold.test` is a real parent domain
      // for cookies; treat it as secure so Secure cookies and crypto.randomUUID work.
      '--host-resolver-rules=MAP *.keyhold.test 127.0.0.1',
      `--unsafely-treat-insecure-origin-as-secure=${parentDomainOrigin}`,
    ],
  });
  return {
    site,
    receipts,
    browser,
    parentDomainOrigin,
    async close() {
      await browser.close().catch(() => {});
      await receipts.dispose();
      await site.close();
    },
  };
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
 * A fresh context and page with probes installed before any page script:
 * every request the context makes, CSP violations, console errors, page errors.
 */
export async function openPage(stack, { gpc = false, viewport = { width: 1280, height: 800 } } = {}) {
  const context = await stack.browser.newContext({ viewport });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({ directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  if (gpc) {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    context,
    page,
    requests,
    errors,
    /** Paths of gated URLs requested since `since` (an index into requests). */
    gatedRequests(since = 0) {
      return requests
        .slice(since)
        .map((url) => new URL(url))
        .filter((url) => GATED_PATHS.includes(url.pathname))
        .map((url) => url.pathname + url.search);
    },
    close: () => context.close(),
  };
}

// --- The UI, located through the contract's shadow parts (Playwright's CSS
// locators pierce open shadow roots).
export const banner = (page) => page.locator('consentry-banner [part~="banner"]');
export const bannerButton = (page, part) => page.locator(`consentry-banner [part~="${part}"]`);
export const dialog = (page) => page.locator('consentry-preferences [part~="dialog"]');
export const dialogButton = (page, part) => page.locator(`consentry-preferences [part~="${part}"]`);
export const reopenButton = (page) => page.locator('consentry-reopen button, consentry-reopen [role="button"]').first();

/** The switch of one category in the preference centre, found by its visible title. */
export function categoryToggle(page, title) {
  return page.locator('consentry-preferences [part~="category"]').filter({ hasText: title }).locator('[part~="toggle"]').first();
}

export async function waitForBanner(page) {
  await banner(page).waitFor({ state: 'visible', timeout: 10000 });
}

export async function waitForReady(page) {
  await page.waitForFunction(() => typeof window.Consentry?.getState === 'function', null, { timeout: 10000 });
}

export async function state(page) {
  return page.evaluate(() => window.Consentry.getState());
}

export async function openPreferencesFromBanner(page) {
  await bannerButton(page, 'manage').click();
  await dialog(page).waitFor({ state: 'visible' });
}

export async function setToggle(page, title, on) {
  const toggle = categoryToggle(page, title);
  if ((await isOn(toggle)) !== on) await toggle.click();
  assert.equal(await isOn(toggle), on, `toggle "${title}" should be ${on ? 'on' : 'off'}`);
}

async function isOn(toggle) {
  return toggle.evaluate((el) => {
    const aria = el.getAttribute('aria-checked') ?? el.getAttribute('aria-pressed');
    if (aria !== null) return aria === 'true';
    if ('checked' in el) return Boolean(el.checked);
    const input = el.querySelector('input');
    return Boolean(input?.checked);
  });
}

/** What ran: the stand-ins' records and the inline tags' effects. */
export async function ranOnPage(page) {
  return page.evaluate(() => {
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
export async function storageSnapshot(page) {
  const cookies = (await page.context().cookies()).map((c) => `${c.name}@${c.domain}`);
  const web = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    idb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  }));
  return { cookies, ...web };
}

/** The consent cookie's name from the demo config. */
export const CONSENT_COOKIE = 'consentry';

export async function cspViolations(page) {
  const frames = page.frames();
  const all = [];
  for (const frame of frames) {
    all.push(...(await frame.evaluate(() => window.__cspViolations ?? []).catch(() => [])));
  }
  return all;
}
