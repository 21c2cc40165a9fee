// @web/test-runner launchers for the three engines, and the test-only
// commands the specs call in each of them (test/browser/engine.ts is the
// spec side). One launcher per run: `web-test-runner.config.mjs` is Chromium,
// `web-test-runner.firefox.config.mjs` and `web-test-runner.webkit.config.mjs`
// swap the launcher and keep everything else.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBDRIVER_KEYS, firefoxLaunchOptions, setWebDriverViewport, startWebKitDriver } from './browsers.mjs';

export const chromiumLauncher = () =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
  });

/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. Each spec file gets
 * a new tab: in the first tab Firefox opens, Enter and Space never turn into
 * clicks.
 */
export const firefoxLauncher = async () => {
  const puppeteer = (await import('puppeteer-core')).default;
  return chromeLauncher({
    puppeteer,
    launchOptions: firefoxLaunchOptions(),
    createPage: ({ context }) => context.newPage(),
  });
};

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver: one session (one window)
 * for the run, each spec file loaded in it in turn (the runner's concurrency
 * is 1), so viewport, focus and keyboard behave as in a real tab.
 */
export class WebKitLauncher {
  name = 'WebKit';
  type = 'webkit-webdriver';
  concurrency = 1;
  #driver = null;
  #service = null;
  #starting = null;
  #active = new Map();

  async initialize(config) {
    this.config = config;
  }

  async #ensureDriver() {
    this.#starting ??= (async () => {
      this.#service = await startWebKitDriver();
      this.#driver = await this.#service.session();
    })();
    await this.#starting;
    return this.#driver;
  }

  /** The selenium-webdriver session, for the test commands. */
  getDriver() {
    return this.#driver;
  }

  async startSession(sessionId, url) {
    const driver = await this.#ensureDriver();
    this.#active.set(sessionId, url);
    await driver.get(url);
  }

  isActive(sessionId) {
    return this.#active.has(sessionId);
  }

  async getBrowserUrl() {
    return this.#driver?.getCurrentUrl();
  }

  async stopSession(sessionId) {
    this.#active.delete(sessionId);
    const testCoverage = await this.#driver.executeScript('return window.__coverage__');
    await this.#driver.get('about:blank');
    return { testCoverage: this.config?.coverage ? testCoverage : undefined };
  }

  async startDebugSession() {
    throw new Error('WebKit debug sessions are not supported: run MiniBrowser by hand');
  }

  async stop() {
    await this.#driver?.quit().catch(() => {});
    await this.#service?.stop();
    this.#driver = null;
    this.#service = null;
  }
}

export const webkitLauncher = () => new WebKitLauncher();

// --- Test commands. The default @web/test-runner-commands plugins know
// Playwright and CDP-puppeteer only; these work in all three engines and say
// clearly when an engine cannot do something.

/** Presses a Playwright-style chord ("Shift+Tab") in any engine. */
export async function pressKey(session, chord) {
  const keys = chord.split('+');
  const page = session.browser.getPage?.(session.id);
  if (session.browser.type === 'playwright') return page.keyboard.press(chord);
  if (session.browser.type === 'puppeteer') {
    const names = keys.map((k) => (k === 'Space' ? ' ' : k));
    for (const k of names.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(names.at(-1));
    for (const k of names.slice(0, -1).reverse()) await page.keyboard.up(k);
    return;
  }
  if (session.browser.type === 'webkit-webdriver') {
    const codes = keys.map((k) => WEBDRIVER_KEYS[k] ?? (k.length === 1 ? k : null));
    if (codes.includes(null)) throw new Error(`press: no WebDriver code for "${chord}"`);
    let actions = session.browser.getDriver().actions();
    for (const c of codes.slice(0, -1)) actions = actions.keyDown(c);
    actions = actions.keyDown(codes.at(-1)).keyUp(codes.at(-1));
    for (const c of codes.slice(0, -1).reverse()) actions = actions.keyUp(c);
    return actions.perform();
  }
  throw new Error(`press: unknown browser type ${session.browser.type}`);
}

/** Sets the layout viewport; WebKit sizes the window so that its inside has that size. */
async function setViewport(session, { width, height }) {
  if (session.browser.type === 'playwright') return session.browser.getPage(session.id).setViewportSize({ width, height });
  if (session.browser.type === 'puppeteer') return session.browser.getPage(session.id).setViewport({ width, height });
  return setWebDriverViewport(session.browser.getDriver(), { width, height });
}

/** Where each engine stands on media emulation, as the specs report it. */
export const MEDIA_EMULATION = {
  chromium: null,
  firefox: 'Firefox is driven over WebDriver BiDi, which has no media emulation (colour scheme, reduced motion, print)',
  webkit: 'WebKitWebDriver (classic WebDriver) has no media emulation (colour scheme, reduced motion, print)',
};

const engineOf = (session) =>
  session.browser.type === 'playwright' ? 'chromium' : session.browser.type === 'puppeteer' ? 'firefox' : 'webkit';

async function cookies(session) {
  const { type } = session.browser;
  if (type === 'playwright') return session.browser.getPage(session.id).context().cookies();
  if (type === 'puppeteer') return session.browser.getPage(session.id).browserContext().cookies();
  const list = await session.browser.getDriver().manage().getCookies();
  return list.map((c) => ({
    name: c.name,
    value: c.value,
    domain: c.domain,
    path: c.path,
    expires: c.expiry ?? -1,
    httpOnly: Boolean(c.httpOnly),
    secure: Boolean(c.secure),
    sameSite: c.sameSite ?? 'None',
  }));
}

async function clearCookies(session) {
  const { type } = session.browser;
  if (type === 'playwright') return session.browser.getPage(session.id).context().clearCookies();
  if (type === 'puppeteer') {
    const context = session.browser.getPage(session.id).browserContext();
    const all = await context.cookies();
    if (all.length) await context.deleteCookie(...all);
    return;
  }
  // WebKit's page keeps a copy of its cookies that catches up with a
  // WebDriver delete a little later: wait until the page sees none.
  const driver = session.browser.getDriver();
  await driver.manage().deleteAllCookies();
  const left = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
    const end = Date.now() + 3000;
    (function check() {
      if (document.cookie === '' || Date.now() > end) done(document.cookie);
      else setTimeout(check, 20);
    })();`);
  if (left) throw new Error(`clear-cookies: WebKit still shows cookies after deleting them: ${left}`);
}

/** Test-only server commands the specs send through `executeServerCommand`. */
export const engineCommands = {
  name: 'consentry-engine-commands',
  async executeCommand({ command, payload, session }) {
    switch (command) {
      // Cookie attributes are invisible to JS.
      case 'get-cookies':
        return cookies(session);
      case 'clear-cookies':
        await clearCookies(session);
        return true;
      case 'consentry-engine':
        return { engine: engineOf(session), mediaEmulation: MEDIA_EMULATION[engineOf(session)] };
      case 'consentry-press':
        await pressKey(session, payload.key);
        return true;
      case 'consentry-set-viewport':
        await setViewport(session, payload);
        return true;
      case 'consentry-emulate-media': {
        const missing = MEDIA_EMULATION[engineOf(session)];
        if (missing) throw new Error(`emulate-media: ${missing}; mark the spec with itWithMediaEmulation()`);
        await session.browser.getPage(session.id).emulateMedia(payload);
        return true;
      }
      default:
        return undefined;
    }
  },
};

/**
 * Lists, after the run, every spec an engine did not run and why (the specs
 * register them with a reason through test/browser/engine.ts), and prints a
 * parsable line: `<Engine>: N specs run in another engine`.
 */
export const notRunHereReporter = () => ({
  onTestRunFinished({ sessions }) {
    const byBrowser = new Map();
    const walk = (suite, prefix) => {
      for (const t of suite.tests ?? []) if (t.skipped) yield_(prefix + t.name);
      for (const s of suite.suites ?? []) walk(s, prefix + s.name + ' › ');
    };
    let current;
    const yield_ = (name) => current.push(name);
    for (const session of sessions) {
      current = byBrowser.get(session.browser.name) ?? [];
      byBrowser.set(session.browser.name, current);
      if (session.testResults) walk(session.testResults, '');
    }
    for (const [browser, names] of byBrowser) {
      const elsewhere = names.filter((n) => n.includes(' [not run in '));
      const other = names.length - elsewhere.length;
      for (const n of elsewhere) console.log(`  ${browser}: not run here: ${n}`);
      console.log(`${browser}: ${elsewhere.length} specs run in another engine${other ? `, ${other} skipped for no stated reason` : ''}`);
    }
  },
});
