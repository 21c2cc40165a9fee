// Issue 11 with real analytics libraries (posthog-js, mixpanel-browser from
// npm) and a pixel, loaded the way real sites load them: ordinary unmarked
// <script src> tags from the trackers' own hosts and tags a "tag manager"
// injects by DOM calls. The head script (dist/head.js) holds back everything
// that goes to a host a service declares.
//
// Chromium only: the trackers' third-party host names are mapped to 127.0.0.1
// with --host-resolver-rules, which Firefox and WebKit have no flag for (a
// port would need a proxy in front of them).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, sleep } from './helpers.mjs';
import { bannerButton, chromiumOnly, dialog, dialogButton, reopenButton, waitForBanner, waitForReady } from './playwright-page.mjs';
import { endpointHits, startTrackerStack, trackerConfig } from './trackers-stack.mjs';

const trackerCookies = async (context) =>
  (await context.cookies()).map((c) => c.name).filter((n) => /^(ph_|mp_)/.test(n));
const ran = (page) => page.evaluate(() => ({ ...(window.__ran ?? {}) }));
const byHost = (hits, host) => hits.filter((h) => h.host.startsWith(host + '.'));

/** Accept all on a fresh page and wait until both libraries ran and reported, and set their cookies. */
async function acceptAndWaitForTrackers(stack, page, context) {
  await waitForReady(page);
  await waitForBanner(page);
  const since = Date.now();
  await bannerButton(page, 'accept-all').click();
  await eventually(async () => {
    const hits = endpointHits(stack.hits, since);
    return byHost(hits, 'ph').length > 0 && byHost(hits, 'mp').length > 0 && (await trackerCookies(context)).length >= 2;
  }, { timeout: 20000, message: 'PostHog and Mixpanel events and cookies after accepting' });
}

async function withdrawThroughPreferences(page) {
  await reopenButton(page).click();
  await dialog(page).waitFor({ state: 'visible' });
  await dialogButton(page, 'reject-all').click();
}

describe('real trackers: auto-blocking and effective withdrawal (Chromium)', chromiumOnly('maps third-party host names with --host-resolver-rules'), () => {
  let stack;
  before(async () => {
    stack = await startTrackerStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('runs nothing before a choice; unmarked and injected tags from declared hosts run once after it', async () => {
    const url = stack.page('/shop.html');
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const start = Date.now();
      await page.goto(url);
      await waitForReady(page);
      await waitForBanner(page);
      await sleep(1500);
      assert.deepEqual(endpointHits(stack.hits, start), [], 'tracker endpoints contacted before a choice');
      assert.deepEqual(await ran(page), {}, 'a tracker set-up ran before a choice');
      assert.equal(await page.evaluate(() => typeof window.posthog), 'undefined', 'posthog.js executed before a choice');
      assert.deepEqual(await trackerCookies(context), []);
      // What the head script held back, in the order it saw it.
      const held = await page.evaluate(() => window.ConsentryHead.blocked);
      for (const what of ['script ' + stack.trackerOrigin('ph') + '/posthog.js', 'script ' + stack.trackerOrigin('mp') + '/init-mixpanel.mjs', 'img ' + stack.trackerOrigin('px') + '/px.gif?from=tag-manager'])
        assert.ok(held.includes(what), `${what} not in ${JSON.stringify(held)}`);
      // Fetched but never run: the preload scanner's look-ahead requests (see README, auto-blocking).
      const fetchedEarly = stack.hits.filter((h) => h.at >= start && !endpointHits([h]).length).map((h) => h.host + h.path);
      console.log(`# fetched before the choice by the preload scanner, not run: ${JSON.stringify(fetchedEarly)}`);

      const since = Date.now();
      await bannerButton(page, 'accept-all').click();
      await eventually(async () => {
        const r = await ran(page);
        return r.posthog === 1 && r.mixpanel === 1;
      }, { timeout: 15000, message: 'both set-ups ran' });
      await eventually(async () => {
        const hits = endpointHits(stack.hits, since);
        return byHost(hits, 'ph').length && byHost(hits, 'mp').length && byHost(hits, 'px').length >= 1;
      }, { timeout: 20000, message: 'PostHog and Mixpanel events and the pixel after accepting' });
      await sleep(1000);
      assert.deepEqual(await ran(page), { posthog: 1, mixpanel: 1 }, 'a set-up ran more than once');
      assert.equal(byHost(endpointHits(stack.hits, since), 'px').length, 1, 'the pixel fires once');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('with reloadOnWithdraw false, a withdrawal on the same page stops both libraries, in this tab and another, for 10 s', async () => {
    const url = stack.page('/shop-no-reload.html', trackerConfig({ reloadOnWithdraw: false }));
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url);
      await acceptAndWaitForTrackers(stack, page, context);
      const other = await context.newPage();
      await other.goto(url);
      await eventually(async () => (await ran(other)).mixpanel === 1 && (await ran(other)).posthog === 1, { message: 'the libraries in the second tab' });
      await sleep(1000);

      await withdrawThroughPreferences(page);
      await dialog(page).waitFor({ state: 'hidden' });
      const withdrawnAt = Date.now();
      const ticks = await page.evaluate(() => ({ ...window.__ticks }));
      assert.deepEqual(await trackerCookies(context), [], 'the withdrawal left tracker cookies');
      await sleep(10000);
      assert.deepEqual(endpointHits(stack.hits, withdrawnAt), [], 'tracker endpoints contacted after the withdrawal');
      assert.deepEqual(await trackerCookies(context), [], 'tracker cookies came back after the withdrawal');
      // The libraries are still loaded and still capturing: the blocking, not their silence, stopped them.
      const later = await page.evaluate(() => ({ ...window.__ticks }));
      assert.ok(later.posthog > ticks.posthog + 10 && later.mixpanel > ticks.mixpanel + 10, JSON.stringify({ ticks, later }));
      assert.deepEqual(await ran(page), { posthog: 1, mixpanel: 1 }, 'the page reloaded or re-ran the set-ups');
      await other.close();
    } finally {
      await context.close();
    }
  });

  it('by default a withdrawal reloads the page and the other tab that ran the trackers, and nothing is sent afterwards', async () => {
    const url = stack.page('/shop-default.html');
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url);
      await acceptAndWaitForTrackers(stack, page, context);
      const other = await context.newPage();
      await other.goto(url);
      await eventually(async () => (await ran(other)).posthog === 1, { message: 'the libraries in the second tab' });

      const reloaded = page.waitForEvent('load');
      const otherReloaded = other.waitForEvent('load');
      await withdrawThroughPreferences(page);
      await Promise.all([reloaded, otherReloaded]);
      const withdrawnAt = Date.now();
      await waitForReady(page);
      await sleep(3000);
      assert.deepEqual(endpointHits(stack.hits, withdrawnAt), [], 'tracker endpoints contacted after the reload');
      assert.deepEqual(await trackerCookies(context), []);
      assert.deepEqual(await ran(page), {});
      assert.deepEqual(await ran(other), {});
      await other.close();
    } finally {
      await context.close();
    }
  });

  it('dev mode lists the cookies, storage keys and third-party hosts no service declares', async () => {
    const extra =
      '<img src="http://other.tracker.test:{{PORT}}/beacon.gif" alt=""><script>document.cookie = "stray=1;path=/"; localStorage.setItem("stray-key", "1")</script>';
    const url = stack.page('/shop-dev.html', trackerConfig({ devMode: true }), extra.replace('{{PORT}}', new URL(stack.origin).port));
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    try {
      await page.goto(url);
      await waitForReady(page);
      const report = await eventually(
        () => page.evaluate(() => window.Consentry.undeclared?.()).then((r) => r?.hosts.length && r),
        { message: 'the dev-mode report' },
      );
      assert.deepEqual(report.cookies, ['stray']);
      assert.deepEqual(report.storage, ['stray-key']);
      // Declared hosts (ph., mp., px.) are not listed even though the page contacts them after consent.
      assert.deepEqual(report.hosts, [`other.tracker.test:${new URL(stack.origin).port}`]);
      await eventually(() => warnings.some((w) => w.includes('undeclared') && w.includes('cookie stray') && w.includes('other.tracker.test')), { message: 'the console warning' });
    } finally {
      await context.close();
    }
  });
});
