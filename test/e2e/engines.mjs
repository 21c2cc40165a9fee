// The e2e driver layer: one small set of primitives per engine, which
// helpers.mjs turns into the engine-neutral `Visit` the tests use. Each
// engine's `launch()` returns { newVisit(options), close() }; a visit is one
// private browsing context (Chromium: a Playwright context, Firefox: a BiDi
// user context, WebKit: a fresh MiniBrowser session) with:
//   goto(url)                 navigate and wait for `load`
//   evaluate(fn, arg)         run fn(arg) in the page (may be async), return its JSON value
//   click(locator)            a real click on the first element the locator finds
//   press(chord)              a key or chord, Playwright names ("Tab", "Shift+Tab", "Space")
//   wheel(dy), mouseClick(x, y)
//   cookies(), addCookies(list), addInitScript(fn, arg)
//   requests                  every URL the context requested, oldest first
//   errors                    console errors and uncaught page errors
//   native                    the engine's own handle (Playwright Page, puppeteer Page, selenium WebDriver)
import http from 'node:http';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEBDRIVER_KEYS, firefoxLaunchOptions, setWebDriverViewport, startWebKitDriver } from '../../scripts/browsers.mjs';

/**
 * In-page: every element matching a locator, where CSS descendant steps cross
 * open shadow roots (as Playwright's CSS engine does). A locator is a CSS
 * string (comma groups allowed) or { css, hasText, inner }: keep those whose
 * text contains hasText (case-insensitive), then look for `inner` inside them.
 * Built with new Function so that each engine can ship it as source.
 */
const RESOLVE_SOURCE = `(function resolve(loc) {
  if (typeof loc === 'string') loc = { css: loc };
  const split = (text, sep) => {
    const out = []; let depth = 0, quote = null, cur = '';
    for (const ch of text) {
      if (quote) { if (ch === quote) quote = null; cur += ch; continue; }
      if (ch === '"' || ch === "'") { quote = ch; cur += ch; continue; }
      if (ch === '[' || ch === '(') depth++;
      if (ch === ']' || ch === ')') depth--;
      if (depth === 0 && (sep === ' ' ? /\\s/.test(ch) : ch === sep)) { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
      cur += ch;
    }
    if (cur.trim()) out.push(cur.trim());
    return out;
  };
  const descendants = (root) => {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) { out.push(el); if (el.shadowRoot) walk(el.shadowRoot); }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return out;
  };
  const steps = (roots, css) => split(css, ' ').reduce((set, part) => {
    const next = new Set();
    for (const r of set) for (const el of descendants(r)) if (el.matches(part)) next.add(el);
    return [...next];
  }, roots);
  const text = (el) => {
    let t = el.textContent || '';
    for (const d of [el, ...descendants(el)]) if (d.shadowRoot) t += ' ' + d.shadowRoot.textContent;
    return t.toLowerCase();
  };
  let found = [];
  for (const group of split(loc.css, ',')) for (const el of steps([document], group)) if (!found.includes(el)) found.push(el);
  if (loc.hasText) found = found.filter((el) => text(el).includes(loc.hasText.toLowerCase()));
  if (loc.inner) found = found.flatMap((el) => steps([el], loc.inner));
  return found;
})`;

/** fn(locator) in the page, with `resolve` in scope. */
export const withResolve = (body) => new Function('loc', `const resolve = ${RESOLVE_SOURCE};\n${body}`);
const firstElement = withResolve('return resolve(loc)[0] ?? null;');

// --- Chromium: playwright-core on Debian's Chromium (CDP).
async function launchChromium(stack) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // *.keyhold.test is 127.0.0.1, so `.keyhold.test` is a real parent domain
      // for cookies; treat it as secure so Secure cookies and crypto.randomUUID work.
      // (*.tracker.test: the third-party hosts of the trackers suite.)
      '--host-resolver-rules=MAP *.keyhold.test 127.0.0.1, MAP *.tracker.test 127.0.0.1',
      `--unsafely-treat-insecure-origin-as-secure=${stack.parentDomainOrigin}`,
      ...(stack.options.chromiumArgs ?? []),
    ],
  });
  return {
    native: browser,
    async newVisit({ viewport }) {
      const context = await browser.newContext({ viewport });
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      let first = true;
      const tab = async () => {
        const page = await context.newPage();
        const isFirst = first;
        first = false;
        const errors = [];
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        });
        return {
          native: page,
          context,
          requests,
          errors,
          goto: (url) => page.goto(url),
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          async click(locator) {
            const handle = await page.evaluateHandle(firstElement, locator);
            await handle.asElement().click();
          },
          press: (chord) => page.keyboard.press(chord),
          wheel: (dy) => page.mouse.wheel(0, dy),
          mouseClick: (x, y) => page.mouse.click(x, y),
          cookies: () => context.cookies(),
          addCookies: (list) => context.addCookies(list),
          addInitScript: (fn, arg) => context.addInitScript(fn, arg),
          newTab: tab,
          // The first tab closes the visit; another closes itself.
          close: () => (isFirst ? context.close() : page.close()),
        };
      };
      return tab();
    },
    close: () => browser.close(),
  };
}

// --- Firefox ESR: puppeteer-core over WebDriver BiDi.
async function launchFirefox(stack) {
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch(
    firefoxLaunchOptions({
      // Every host name is 127.0.0.1 (the machine reaches nothing else), so
      // www.keyhold.test works like Chromium's resolver rule; and it is a secure context.
      'network.dns.forceResolve': '127.0.0.1',
      'dom.securecontext.allowlist': new URL(stack.parentDomainOrigin).hostname,
    }),
  );
  return {
    native: browser,
    async newVisit({ viewport }) {
      // A new user context (private cookie jar and storage), and never the first tab.
      const context = await browser.createBrowserContext();
      const requests = [];
      const initScripts = [];
      let first = true;
      const tab = async () => {
        const page = await context.newPage();
        const isFirst = first;
        first = false;
        await page.setViewport(viewport);
        for (const [fn, arg] of initScripts) await page.evaluateOnNewDocument(fn, arg);
        const errors = [];
        page.on('request', (request) => requests.push(request.url()));
        page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(`console: ${message.text()}`);
        });
        return {
          native: page,
          context,
          requests,
          errors,
          // A visitor acts in the tab in front (Firefox throttles the timers of the others).
          async goto(url) {
            await page.bringToFront();
            await page.goto(url, { waitUntil: 'load' });
          },
          evaluate: (fn, arg) => page.evaluate(fn, arg),
          async click(locator) {
            await page.bringToFront();
            const handle = await page.evaluateHandle(firstElement, locator);
            await handle.asElement().click();
          },
          async press(chord) {
            await page.bringToFront();
            const keys = chord.split('+').map((k) => (k === 'Space' ? ' ' : k));
            for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
            await page.keyboard.press(keys.at(-1));
            for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
          },
          wheel: (dy) => page.mouse.wheel({ deltaY: dy }),
          mouseClick: (x, y) => page.mouse.click(x, y),
          cookies: () => context.cookies(),
          async addCookies(list) {
            for (const c of list) {
              if (c.url) await page.setCookie(c);
              else await context.setCookie(c);
            }
          },
          // This tab now, and every tab opened after.
          async addInitScript(fn, arg) {
            initScripts.push([fn, arg]);
            await page.evaluateOnNewDocument(fn, arg);
          },
          newTab: tab,
          // The first tab closes the visit; another closes itself.
          close: () => (isFirst ? context.close() : page.close()),
        };
      };
      return tab();
    },
    close: () => browser.close(),
  };
}

// --- WebKit: WebKitGTK's MiniBrowser through WebKitWebDriver, on a private
// Xvfb display. Classic WebDriver has no network events, no init scripts and
// no console log, so the demo server does those parts: it serves the run
// with no-store (every fetch reaches it and is logged), puts the visit's init
// scripts first in every page's <head>, and the probe there reports console
// and page errors to /__e2e/page-error. A loopback-only forward proxy gives
// MiniBrowser www.keyhold.test (there is no resolver flag).

/** In-page: forwards console.error and uncaught errors to the demo server. */
function reportErrors() {
  const send = (text) => navigator.sendBeacon('/__e2e/page-error', String(text).slice(0, 2000));
  const original = console.error;
  console.error = (...args) => {
    send('console: ' + args.map(String).join(' '));
    original.apply(console, args);
  };
  addEventListener('error', (event) => send('pageerror: ' + event.message));
  addEventListener('unhandledrejection', (event) => send('pageerror: ' + (event.reason?.message ?? event.reason)));
}

/** An HTTP proxy that sends every request to 127.0.0.1 on the port it names (never anywhere else). */
async function startLoopbackProxy() {
  const server = http.createServer((req, res) => {
    let target;
    try {
      target = new URL(req.url);
    } catch {
      res.writeHead(400).end('absolute URL expected\n');
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port || 80, path: target.pathname + target.search, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function launchWebKit(stack) {
  const service = await startWebKitDriver();
  const proxy = await startLoopbackProxy();
  let current = null; // the visit whose init scripts the server injects
  stack.site.setHeadHtml(() => {
    if (!current) return '';
    const scripts = [[reportErrors, undefined], ...current.initScripts];
    return scripts.map(([fn, arg]) => `<script>(${fn})(${JSON.stringify(arg) ?? ''});</script>`).join('');
  });
  return {
    native: service,
    async newVisit({ viewport }) {
      const driver = await service.session({ proxy: proxy.address });
      const startedAt = Date.now();
      const errorsFrom = stack.pageErrors.length;
      const initScripts = []; // shared by the visit's tabs, as a context's are
      const tabs = [];
      // One session, one window per tab: each command goes to its own tab's window.
      let focused = null;
      const tab = (handle) => {
        const focus = async () => {
          if (focused !== handle) await driver.switchTo().window(handle);
          focused = handle;
        };
        const visit = {
          native: driver,
          initScripts,
          get requests() {
            return stack.site
              .requests()
              .filter((r) => r.t >= startedAt && r.path !== '/__e2e/page-error')
              .map((r) => `http://${r.host}${r.path}${r.query}`);
          },
          get errors() {
            return stack.pageErrors.slice(errorsFrom);
          },
          async goto(url) {
            await focus();
            await driver.get(url);
          },
          async evaluate(fn, arg) {
            await focus();
            const result = await driver.executeAsyncScript(
              `const done = arguments[arguments.length - 1];
               Promise.resolve().then(() => (${fn})(arguments[0]))
                 .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String(error && error.stack || error) }));`,
              arg ?? null,
            );
            if (result?.error) throw new Error(`evaluate in WebKit: ${result.error}`);
            return result?.value;
          },
          async click(locator) {
            await focus();
            const element = await driver.executeScript(`return (${firstElement})(arguments[0]);`, locator);
            try {
              await element.click();
            } catch (error) {
              // WebKitWebDriver's element click refuses some visible elements
              // (a heading under the fixed banner's edge); a pointer click at the element's centre is what a visitor does.
              if (error.name !== 'ElementNotInteractableError') throw error;
              await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
              await driver.actions().move({ origin: element }).click().perform();
            }
          },
          async press(chord) {
            await focus();
            const codes = chord.split('+').map((k) => WEBDRIVER_KEYS[k] ?? (k.length === 1 ? k : null));
            if (codes.includes(null)) throw new Error(`press: no WebDriver key code for "${chord}"`);
            let actions = driver.actions();
            for (const c of codes.slice(0, -1)) actions = actions.keyDown(c);
            actions = actions.keyDown(codes.at(-1)).keyUp(codes.at(-1));
            for (const c of codes.slice(0, -1).reverse()) actions = actions.keyUp(c);
            await actions.perform();
          },
          // WebKitWebDriver has no wheel input source; a script scroll moves the page the same way.
          async wheel(dy) {
            await focus();
            await driver.executeScript('window.scrollBy(0, arguments[0])', dy);
          },
          async mouseClick(x, y) {
            await focus();
            await driver.actions().move({ x, y, origin: 'viewport' }).click().perform();
          },
          async cookies() {
            await focus();
            return (await driver.manage().getCookies()).map((c) => ({ ...c, expires: c.expiry ?? -1 }));
          },
          async addCookies(list) {
            await focus();
            for (const { url, ...c } of list) await driver.manage().addCookie(url ? { ...c, path: new URL(url).pathname } : c);
          },
          async addInitScript(fn, arg) {
            initScripts.push([fn, arg]);
          },
          async newTab() {
            await driver.switchTo().newWindow('tab');
            const created = await driver.getWindowHandle();
            focused = created;
            return tab(created);
          },
          async close() {
            if (handle !== tabs[0]) {
              await focus();
              await driver.close();
              tabs.splice(tabs.indexOf(handle), 1);
              focused = null;
              return;
            }
            if (current === visit) current = null;
            await driver.quit().catch(() => {});
          },
        };
        tabs.push(handle);
        return visit;
      };
      const visit = tab(await driver.getWindowHandle());
      current = visit;
      await setWebDriverViewport(driver, viewport);
      return visit;
    },
    async close() {
      stack.site.setHeadHtml(null);
      await service.stop();
      await proxy.close();
    },
  };
}

export const LAUNCHERS = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };
