// Issue 11 with real analytics libraries (posthog-js, mixpanel-browser from
// npm) and a pixel, loaded the way real sites load them: ordinary unmarked
// <script src> tags from the trackers' own hosts and tags a "tag manager"
// injects by DOM calls. The head script (dist/head.js) holds back everything
// that goes to a host a service declares.
//
// In every engine: the trackers' third-party host names reach the stack's
// server on 127.0.0.1 (trackers-stack.mjs says how each engine is pointed there).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bannerButton, dialogButton, DIALOG, eventually, openPage, REOPEN, sleep, waitForBanner, waitForReady } from './helpers.mjs';
import { endpointHits, startTrackerStack, trackerConfig } from './trackers-stack.mjs';

const trackerCookies = async (visit) => (await visit.cookies()).map((c) => c.name).filter((n) => /^(ph_|mp_)/.test(n));
const ran = (visit) => visit.evaluate(() => ({ ...(window.__ran ?? {}) }));
const byHost = (hits, host) => hits.filter((h) => h.host.startsWith(host + '.'));
/** Uncaught errors on the page (the libraries may log console errors of their own). */
const pageErrors = (visit) => visit.errors.filter((e) => e.startsWith('pageerror:'));

/** Accept all on a fresh page and wait until both libraries ran and reported, and set their cookies. */
async function acceptAndWaitForTrackers(stack, visit) {
  await waitForReady(visit);
  await waitForBanner(visit);
  const since = Date.now();
  await visit.click(bannerButton('accept-all'));
  await eventually(async () => {
    const hits = endpointHits(stack.hits, since);
    return byHost(hits, 'ph').length > 0 && byHost(hits, 'mp').length > 0 && (await trackerCookies(visit)).length >= 2;
  }, { timeout: 20000, message: 'PostHog and Mixpanel events and cookies after accepting' });
}

async function withdrawThroughPreferences(visit) {
  await visit.click(REOPEN);
  await visit.waitFor(DIALOG);
  await visit.click(dialogButton('reject-all'));
}

/** Marks the document, so that a reload (a new document without the mark) can be told apart. */
const mark = (visit) => visit.evaluate(() => void (window.__marked = true));
/** True once the tab holds a new, loaded document. */
const reloaded = (visit) =>
  visit.evaluate(() => !window.__marked && document.readyState === 'complete').catch(() => false);

describe('real trackers: auto-blocking and effective withdrawal', () => {
  let stack;
  before(async () => {
    stack = await startTrackerStack();
  });
  after(async () => {
    await stack?.close();
  });

  it('runs nothing before a choice; unmarked and injected tags from declared hosts run once after it', async () => {
    const url = stack.page('/shop.html');
    const visit = await openPage(stack);
    try {
      const start = Date.now();
      await visit.goto(url);
      await waitForReady(visit);
      await waitForBanner(visit);
      await sleep(1500);
      assert.deepEqual(endpointHits(stack.hits, start), [], 'tracker endpoints contacted before a choice');
      assert.deepEqual(await ran(visit), {}, 'a tracker set-up ran before a choice');
      assert.equal(await visit.evaluate(() => typeof window.posthog), 'undefined', 'posthog.js executed before a choice');
      assert.deepEqual(await trackerCookies(visit), []);
      // What the head script held back, in the order it saw it.
      const held = await visit.evaluate(() => window.ConsentryHead.blocked);
      for (const what of ['script ' + stack.trackerOrigin('ph') + '/posthog.js', 'script ' + stack.trackerOrigin('mp') + '/init-mixpanel.mjs', 'img ' + stack.trackerOrigin('px') + '/px.gif?from=tag-manager'])
        assert.ok(held.includes(what), `${what} not in ${JSON.stringify(held)}`);
      // Fetched but never run: the preload scanner's look-ahead requests (see README, auto-blocking).
      const fetchedEarly = stack.hits.filter((h) => h.at >= start && !endpointHits([h]).length).map((h) => h.host + h.path);
      console.log(`# fetched before the choice by the preload scanner, not run: ${JSON.stringify(fetchedEarly)}`);

      const since = Date.now();
      await visit.click(bannerButton('accept-all'));
      await eventually(async () => {
        const r = await ran(visit);
        return r.posthog === 1 && r.mixpanel === 1;
      }, { timeout: 15000, message: 'both set-ups ran' });
      await eventually(async () => {
        const hits = endpointHits(stack.hits, since);
        return byHost(hits, 'ph').length && byHost(hits, 'mp').length && byHost(hits, 'px').length >= 1;
      }, { timeout: 20000, message: 'PostHog and Mixpanel events and the pixel after accepting' });
      await sleep(1000);
      assert.deepEqual(await ran(visit), { posthog: 1, mixpanel: 1 }, 'a set-up ran more than once');
      assert.equal(byHost(endpointHits(stack.hits, since), 'px').length, 1, 'the pixel fires once');
      assert.deepEqual(pageErrors(visit), []);
    } finally {
      await visit.close();
    }
  });

  it('with reloadOnWithdraw false, a withdrawal on the same page stops both libraries, in this tab and another, for 10 s', async () => {
    const url = stack.page('/shop-no-reload.html', trackerConfig({ reloadOnWithdraw: false }));
    const visit = await openPage(stack);
    try {
      await visit.goto(url);
      await acceptAndWaitForTrackers(stack, visit);
      const other = await visit.newTab();
      await other.goto(url);
      await eventually(async () => (await ran(other)).mixpanel === 1 && (await ran(other)).posthog === 1, { message: 'the libraries in the second tab' });
      await sleep(1000);

      await withdrawThroughPreferences(visit);
      await visit.waitFor(DIALOG, { state: 'hidden' });
      const withdrawnAt = Date.now();
      // The other tab's trackers write until it hears (its core erases what they wrote back).
      await eventually(() => other.evaluate(() => window.Consentry.get('analytics') === false), { message: 'the other tab heard' });
      const ticks = await visit.evaluate(() => ({ ...window.__ticks }));
      assert.deepEqual(await trackerCookies(visit), [], 'the withdrawal left tracker cookies');
      await sleep(10000);
      assert.deepEqual(endpointHits(stack.hits, withdrawnAt), [], 'tracker endpoints contacted after the withdrawal');
      assert.deepEqual(await trackerCookies(visit), [], 'tracker cookies came back after the withdrawal');
      // The libraries are still loaded and still capturing: the blocking, not their silence, stopped them.
      const later = await visit.evaluate(() => ({ ...window.__ticks }));
      assert.ok(later.posthog > ticks.posthog + 10 && later.mixpanel > ticks.mixpanel + 10, JSON.stringify({ ticks, later }));
      assert.deepEqual(await ran(visit), { posthog: 1, mixpanel: 1 }, 'the page reloaded or re-ran the set-ups');
      await other.close();
    } finally {
      await visit.close();
    }
  });

  it('by default a withdrawal reloads the page and the other tab that ran the trackers, and nothing is sent afterwards', async () => {
    const url = stack.page('/shop-default.html');
    const visit = await openPage(stack);
    try {
      await visit.goto(url);
      await acceptAndWaitForTrackers(stack, visit);
      const other = await visit.newTab();
      await other.goto(url);
      await eventually(async () => (await ran(other)).posthog === 1, { message: 'the libraries in the second tab' });

      await mark(visit);
      await mark(other);
      await withdrawThroughPreferences(visit);
      await eventually(() => reloaded(visit), { timeout: 15000, message: 'this tab reloaded' });
      await eventually(() => reloaded(other), { timeout: 15000, message: 'the other tab reloaded' });
      const withdrawnAt = Date.now();
      await waitForReady(visit);
      await sleep(3000);
      assert.deepEqual(endpointHits(stack.hits, withdrawnAt), [], 'tracker endpoints contacted after the reload');
      assert.deepEqual(await trackerCookies(visit), []);
      assert.deepEqual(await ran(visit), {});
      assert.deepEqual(await ran(other), {});
      await other.close();
    } finally {
      await visit.close();
    }
  });

  it('dev mode lists the cookies, storage keys and third-party hosts no service declares', async () => {
    const extra =
      '<img src="http://other.tracker.test:{{PORT}}/beacon.gif" alt=""><script>document.cookie = "stray=1;path=/"; localStorage.setItem("stray-key", "1")</script>';
    const url = stack.page('/shop-dev.html', trackerConfig({ devMode: true }), extra.replace('{{PORT}}', new URL(stack.origin).port));
    const visit = await openPage(stack);
    // The console's warnings, kept in the page (WebKit's driver has no console log).
    await visit.addInitScript(() => {
      window.__warnings = [];
      const warn = console.warn;
      console.warn = (...args) => {
        window.__warnings.push(args.map(String).join(' '));
        warn.apply(console, args);
      };
    });
    const warnings = () => visit.evaluate(() => window.__warnings);
    try {
      await visit.goto(url);
      await waitForReady(visit);
      const report = await eventually(
        () => visit.evaluate(() => window.Consentry.undeclared?.()).then((r) => r?.hosts.length && r),
        { message: 'the dev-mode report' },
      );
      assert.deepEqual(report.cookies, ['stray']);
      assert.deepEqual(report.storage, ['stray-key']);
      // Declared hosts (ph., mp., px.) are not listed even though the page contacts them after consent.
      assert.deepEqual(report.hosts, [`other.tracker.test:${new URL(stack.origin).port}`]);
      await eventually(async () => (await warnings()).some((w) => w.includes('undeclared') && w.includes('cookie stray') && w.includes('other.tracker.test')), { message: 'the console warning' });
    } finally {
      await visit.close();
    }
  });
});
