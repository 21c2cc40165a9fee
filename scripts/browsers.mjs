// The three engines the suite runs in, each Debian's own build (no browser
// download), launched the same way by the component runner and the e2e suite:
//   chromium  /usr/bin/chromium through playwright-core (CDP)
//   firefox   /usr/bin/firefox-esr through puppeteer-core (WebDriver BiDi)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (classic
//             WebDriver, selenium-webdriver), on an Xvfb display we start
// `CONSENTRY_ENGINES=chromium,firefox` narrows a run; the default is all three.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium };

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The engines this run asks for (CONSENTRY_ENGINES, comma-separated), in the order above. */
export function selectedEngines() {
  const asked = (process.env.CONSENTRY_ENGINES ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (const e of asked) if (!ENGINES.includes(e)) throw new Error(`CONSENTRY_ENGINES: unknown engine "${e}" (known: ${ENGINES.join(', ')})`);
  return asked.length ? ENGINES.filter((e) => asked.includes(e)) : [...ENGINES];
}

/**
 * Firefox preferences for every run. The machine reaches nothing beyond
 * loopback, so Firefox's own services stay off; `extra` adds more (the e2e
 * suite maps *.keyhold.test to 127.0.0.1 and treats it as a secure context).
 */
export const firefoxPrefs = (extra = {}) => ({
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  ...extra,
});

/** A headless puppeteer-core Firefox ESR over WebDriver BiDi. */
export async function launchFirefox({ prefs = {} } = {}) {
  const puppeteer = (await import('puppeteer-core')).default;
  return puppeteer.launch(firefoxLaunchOptions(prefs));
}

export const firefoxLaunchOptions = (prefs = {}) => ({
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  extraPrefsFirefox: firefoxPrefs(prefs),
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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a process and resolves once `ready()` holds; rejects with its output if it exits first. */
async function startProcess(command, args, { env, stdio, ready, what, timeout = 15000 }) {
  const child = spawn(command, args, { env, stdio });
  // Never outlive the run, even when it ends without calling stop().
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    const value = await ready(child, () => output);
    if (value) return { child, value, output: () => output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not start within ${timeout} ms:\n${output}`);
    }
    await sleep(50);
  }
}

async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
}

/**
 * An X display for MiniBrowser: $DISPLAY when there is one, else a private
 * Xvfb on the first free display number (Xvfb picks it: -displayfd).
 */
export async function startDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, stop: async () => {} };
  let announced = '';
  const { child, value } = await startProcess('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    what: 'Xvfb',
    ready: (proc) => {
      if (!proc.stdio[3].listenerCount('data')) proc.stdio[3].on('data', (d) => (announced += d));
      return /\d+\n/.test(announced) && `:${announced.trim()}`;
    },
  });
  return { display: value, stop: () => stopProcess(child) };
}

/**
 * WebKitWebDriver on a free loopback port, on its own display. `stop()` ends
 * both. `session()` opens a MiniBrowser (a fresh, private profile each time).
 */
export async function startWebKitDriver() {
  const display = await startDisplay();
  try {
    const port = await freePort();
    const { child } = await startProcess('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, DISPLAY: display.display },
      stdio: ['ignore', 'pipe', 'pipe'],
      what: 'WebKitWebDriver',
      ready: async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/status`)).ok;
        } catch {
          return false;
        }
      },
    });
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      display: display.display,
      session: (options) => webkitSession(url, options),
      async stop() {
        await stopProcess(child);
        await display.stop();
      },
    };
  } catch (error) {
    await display.stop();
    throw error;
  }
}

/** A selenium-webdriver session on MiniBrowser (automation mode) through `driverUrl`. */
export async function webkitSession(driverUrl, { proxy } = {}) {
  const { Builder, Capabilities } = await import('selenium-webdriver');
  const caps = new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
    ...(proxy ? { proxy: { proxyType: 'manual', httpProxy: proxy } } : {}),
  });
  return new Builder().usingServer(driverUrl).withCapabilities(caps).build();
}

/** Playwright key names ("Space", "Shift+Tab") as WebDriver key codes. */
export const WEBDRIVER_KEYS = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Space: '\uE00D',
  ' ': '\uE00D',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Home: '\uE011',
  End: '\uE010',
  Backspace: '\uE003',
};

/** MiniBrowser's window is sized so that its inside (innerWidth × innerHeight) is `viewport`. */
export async function setWebDriverViewport(driver, { width, height }) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [inner, outer] = await Promise.all([driver.executeScript('return [innerWidth, innerHeight]'), driver.manage().window().getRect()]);
    if (inner[0] === width && inner[1] === height) return;
    await driver.manage().window().setRect({ width: outer.width + width - inner[0], height: outer.height + height - inner[1] });
  }
  const inner = await driver.executeScript('return [innerWidth, innerHeight]');
  if (inner[0] !== width || inner[1] !== height) throw new Error(`WebKit viewport is ${inner.join('x')}, wanted ${width}x${height}`);
}

/** Whether this machine has what an engine needs (a clear message when not). */
export function engineMissing(engine) {
  if (engine === 'chromium') return existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} is missing (apt-get install chromium)`;
  if (engine === 'firefox') return existsSync(FIREFOX_PATH) ? null : `${FIREFOX_PATH} is missing (apt-get install firefox-esr)`;
  if (!existsSync(MINIBROWSER_PATH)) return `${MINIBROWSER_PATH} is missing (apt-get install webkit2gtk-driver)`;
  return null;
}
