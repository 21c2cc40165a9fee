// The visitor's choices and what they let run: reject all, accept all (with
// the Consent Mode order), a custom choice, a revision bump, expiry, GPC and
// the per-embed allow.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  ARTICLE,
  BANNER,
  bannerButton,
  CONSENT_COOKIE,
  DIALOG,
  ENGINE,
  dialogButton,
  eventually,
  load as loadPage,
  NOTHING_RAN,
  openPage,
  openPreferencesFromBanner,
  ranOnPage,
  setToggle,
  sleep,
  state,
  storageSnapshot,
  useStack,
  waitForBanner,
} from './helpers.mjs';

const DAY = 86400000;

/**
 * The metrics web-vitals reports on a hidden page, by engine: Firefox has no
 * layout-shift entries (no CLS); WebKitGTK 2.50 lacks the entries web-vitals
 * needs for all three.
 */
const VITALS_METRICS = { chromium: ['LCP', 'CLS'], firefox: ['LCP'], webkit: [] };

describe('choices', () => {
  const stack = useStack();
  let visit;
  afterEach(async () => {
    await visit?.close();
    visit = undefined;
    stack.site.setConfig(null);
  });

  /** The visit of this test (opened on first use) at `pathname`, ready. */
  async function load(pathname = ARTICLE, options) {
    visit ??= await openPage(stack, options);
    await loadPage(visit, pathname);
    return visit;
  }

  it('reject all: nothing gated runs on this page or the next', async () => {
    await load();
    await waitForBanner(visit);
    await visit.click(bannerButton('reject-all'));
    await visit.waitFor(BANNER, { state: 'hidden' });

    const decided = await state(visit);
    assert.equal(decided.decided, true);
    assert.deepEqual(decided.granted, ['necessary']);
    assert.deepEqual([...decided.denied].sort(), ['analytics', 'functional', 'marketing']);
    await sleep(300);
    assert.deepEqual(await ranOnPage(visit), NOTHING_RAN, 'gated code ran after reject all');

    await load('/');
    assert.equal(await visit.isVisible(BANNER), false, 'asked again after reject all');
    await sleep(300);
    assert.deepEqual(await ranOnPage(visit), NOTHING_RAN, 'gated code ran on the next page');
    assert.deepEqual(visit.gatedRequests(), []);
    assert.deepEqual(
      (await storageSnapshot(visit)).cookies.map((c) => c.split('@')[0]),
      [CONSENT_COOKIE],
      'only the consent cookie may exist after reject all',
    );
    assert.deepEqual(stack.site.beacons().filter((b) => b.path !== '/embed/ping'), []);
  });

  it('accept all: every gated script runs exactly once, after the Consent Mode update', async () => {
    await load();
    await waitForBanner(visit);
    const before = await visit.evaluate(() => window.dataLayer.map((e) => Object.prototype.toString.call(e)));
    assert.ok(before.length >= 1, 'no consent default before the choice');

    await visit.click(bannerButton('accept-all'));
    await eventually(async () => (await ranOnPage(visit)).vitals === 1 && (await ranOnPage(visit)).video === 1, {
      message: 'all gated scripts to run',
    });
    await sleep(500);
    assert.deepEqual(await ranOnPage(visit), {
      gtag: 1,
      gaConfig: 1,
      gaHits: 1,
      pixel: 1,
      pixelInit: 1,
      vitals: 1,
      prefs: 1,
      video: 1,
    });
    assert.equal(await visit.attribute('iframe[data-consent]', 'src'), '/embed/video.html');

    assertConsentModeOrder(await dataLayerOf(visit), 'first page');
    assert.ok(stack.site.beacons().some((b) => b.path === '/collect' && b.query.gcs === 'G111'), 'no analytics hit with gcs=G111');

    // A returning page view: the update from the stored choice precedes the tags again.
    await load('/');
    await eventually(async () => (await ranOnPage(visit)).gtag === 1, { message: 'tags on the next page' });
    assertConsentModeOrder(await dataLayerOf(visit), 'next page');
    assert.equal(await visit.isVisible(BANNER), false);
  });

  it('a custom choice grants exactly the chosen categories', async (t) => {
    await load();
    await waitForBanner(visit);
    await openPreferencesFromBanner(visit);
    await setToggle(visit, 'Analytics', true);
    await visit.click(dialogButton('save'));
    await visit.waitFor(DIALOG, { state: 'hidden' });

    const chosen = await state(visit);
    assert.deepEqual([...chosen.granted].sort(), ['analytics', 'necessary']);
    assert.deepEqual([...chosen.denied].sort(), ['functional', 'marketing']);
    await eventually(async () => (await ranOnPage(visit)).vitals === 1, { message: 'analytics scripts' });
    await sleep(300);
    assert.deepEqual(await ranOnPage(visit), { ...NOTHING_RAN, gtag: 1, gaConfig: 1, gaHits: 1, vitals: 1 });
    assert.deepEqual(
      await visit.evaluate(() => [window.Consentry.get('analytics'), window.Consentry.get('marketing'), window.Consentry.get('functional')]),
      [true, false, false],
    );
    const cookies = (await storageSnapshot(visit)).cookies.map((c) => c.split('@')[0]);
    assert.ok(!cookies.includes('_fbp') && !cookies.includes('prefs'), `cookies of refused categories: ${cookies}`);

    // The site's own web-vitals now report to the collector when the page is hidden.
    await visit.click('main h1');
    await visit.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const expected = VITALS_METRICS[ENGINE];
    if (!expected.length) {
      t.diagnostic(`${ENGINE} measures none of the metrics the demo reports (CLS, INP, LCP): no web-vitals beacon to wait for`);
      return;
    }
    const vitals = await eventually(() => {
      const names = stack.site.beacons().filter((b) => b.query.v === 'vitals').map((b) => JSON.parse(b.body).name);
      return expected.every((name) => names.includes(name)) && names;
    }, { message: `web-vitals beacons (${expected.join(', ')})` });
    assert.ok(vitals.length >= expected.length);
  });

  it('saving with every switch off grants nothing but the necessary', async () => {
    await load();
    await waitForBanner(visit);
    await openPreferencesFromBanner(visit);
    await visit.click(dialogButton('save'));
    await visit.waitFor(DIALOG, { state: 'hidden' });
    assert.deepEqual((await state(visit)).granted, ['necessary']);
    await sleep(300);
    assert.deepEqual(await ranOnPage(visit), NOTHING_RAN);
  });

  it('a revision bump asks again and runs nothing until the new choice', async () => {
    await load();
    await waitForBanner(visit);
    await visit.click(bannerButton('accept-all'));
    await eventually(async () => (await ranOnPage(visit)).gtag === 1, { message: 'tags after accept' });

    await load('/');
    assert.equal(await visit.isVisible(BANNER), false, 'asked again without a revision change');
    // Let this page's tags finish loading before counting requests for the next one.
    await eventually(async () => {
      const ran = await ranOnPage(visit);
      return ran.vitals === 1 && ran.prefs === 1 && ran.pixelInit === 1;
    }, { message: 'tags of the accepted page' });
    await sleep(500);

    stack.site.setConfig((config) => ({ ...config, revision: config.revision + 1 }));
    // The accepted page may beacon as it unloads (web-vitals on pagehide):
    // leave it first, so only the next page's requests are counted.
    await visit.leavePage();
    const since = visit.requests.length;
    await load('/');
    await waitForBanner(visit);
    await sleep(300);
    assert.equal((await state(visit)).decided, false);
    assert.deepEqual(visit.gatedRequests(since), [], 'gated URLs fetched under the new revision before a choice');
    assert.deepEqual(await ranOnPage(visit), NOTHING_RAN);
  });

  it('a refusal expires after refusalDays (moved clock) and a consent after consentDays', async () => {
    await load();
    await waitForBanner(visit);
    await visit.click(bannerButton('reject-all'));
    await visit.waitFor(BANNER, { state: 'hidden' });

    await moveClock(visit, 100 * DAY);
    await load('/');
    await sleep(300);
    assert.equal(await visit.isVisible(BANNER), false, 'asked again after 100 days (refusalDays is 182)');

    await moveClock(visit, 183 * DAY);
    await load('/');
    await waitForBanner(visit);
    assert.equal((await state(visit)).decided, false, 'a 183-day-old refusal still counts');

    // Now accept (at +183 days); the consent expires 182 days later.
    await visit.click(bannerButton('accept-all'));
    // Every accepted tag has run and fetched before the clock moves, so none of
    // this page's late requests is counted against the next one.
    await eventually(async () => {
      const ran = await ranOnPage(visit);
      return ran.gtag === 1 && ran.pixel === 1 && ran.prefs === 1;
    }, { message: 'tags after accept' });
    await visit.settle();
    await moveClock(visit, (183 + 183) * DAY);
    await visit.leavePage();
    const since = visit.requests.length;
    await load('/');
    await waitForBanner(visit);
    await sleep(300);
    assert.deepEqual(visit.gatedRequests(since), [], 'an expired consent still let tags load');
  });

  it('GPC: marketing is refused, analytics can be given, the signal is in the receipt', async () => {
    await load(ARTICLE, { gpc: true });
    await waitForBanner(visit);
    await sleep(300);
    assert.deepEqual(await ranOnPage(visit), NOTHING_RAN, 'GPC must never act as consent');

    await visit.click(bannerButton('accept-all'));
    await eventually(async () => (await ranOnPage(visit)).gtag === 1, { message: 'analytics after accept all' });
    await sleep(400);
    const current = await state(visit);
    assert.equal(current.gpc, true);
    assert.ok(current.granted.includes('analytics'));
    assert.ok(current.denied.includes('marketing'), `marketing granted despite GPC: ${JSON.stringify(current)}`);
    const ran = await ranOnPage(visit);
    assert.equal(ran.pixel, 0, 'the marketing pixel loaded under GPC');

    const receipts = await stack.receipts.waitForHistory(current.subject, { message: 'a receipt for the GPC visitor' });
    const last = receipts.at(-1);
    assert.equal(last.signals.gpc, true, 'signals.gpc not recorded');
    assert.ok(last.denied.includes('marketing'));
  });

  it('the video embed loads only on its own allow', async () => {
    await load();
    await waitForBanner(visit);
    await visit.click(bannerButton('reject-all'));
    await visit.waitFor(BANNER, { state: 'hidden' });

    const iframe = 'iframe[data-consent="marketing:video"]';
    assert.equal(await visit.attribute(iframe, 'src'), null);
    const allow = 'consentry-placeholder [part~="allow-service"]';
    await visit.waitFor(allow, { timeout: 5000 });
    const since = visit.requests.length;
    await visit.click(allow);

    await eventually(async () => (await ranOnPage(visit)).video === 1, { message: 'the video iframe to load' });
    assert.equal(await visit.attribute(iframe, 'src'), '/embed/video.html');
    await sleep(300);
    const ran = await ranOnPage(visit);
    assert.deepEqual({ ...ran, video: 0 }, NOTHING_RAN, 'allowing one embed let other marketing code run');
    assert.deepEqual(
      await visit.evaluate(() => [window.Consentry.get('marketing'), window.Consentry.get('marketing', 'video')]),
      [false, true],
    );
    assert.ok(!visit.gatedRequests(since).some((p) => p.startsWith('/vendor/')), 'a tag loaded with the embed');

    // Remembered on the next page view.
    await load(ARTICLE);
    await eventually(async () => (await ranOnPage(visit)).video === 1, { message: 'the remembered embed' });
  });
});

async function dataLayerOf(visit) {
  return visit.evaluate(() =>
    window.dataLayer.map((entry) => ({
      isArguments: Object.prototype.toString.call(entry) === '[object Arguments]',
      args: JSON.parse(JSON.stringify(Array.from(entry ?? []))),
    })),
  );
}

function assertConsentModeOrder(entries, where) {
  const consent = entries.filter((e) => e.args[0] === 'consent');
  for (const e of consent) assert.ok(e.isArguments, `${where}: consent entry is not an arguments object: ${JSON.stringify(e.args)}`);
  const first = entries.findIndex((e) => e.args[0] === 'consent');
  assert.equal(first, entries.findIndex((e) => e.args.length > 0), `${where}: consent default is not the first command`);
  assert.deepEqual(entries[first].args.slice(0, 2), ['consent', 'default'], `${where}: first consent command`);
  assert.equal(entries[first].args[2].analytics_storage, 'denied');
  assert.equal(entries[first].args[2].ad_storage, 'denied');
  const update = entries.findIndex((e) => e.args[0] === 'consent' && e.args[1] === 'update' && e.args[2]?.analytics_storage === 'granted');
  assert.ok(update > first, `${where}: no consent update granting analytics_storage after the default`);
  const firstTag = entries.findIndex((e) => e.args[0] === 'js' || e.args[0] === 'config' || e.args[0] === 'event');
  assert.ok(firstTag > update, `${where}: a tag command (index ${firstTag}) precedes the consent update (index ${update})`);
  const updates = consent.filter((e) => e.args[1] === 'update').length;
  assert.equal(updates, 1, `${where}: expected one consent update, got ${updates}`);
}

/** Make Date (and Date.now) run `offsetMs` ahead on the following page loads. */
async function moveClock(visit, offsetMs) {
  await visit.addInitScript((offset) => {
    const RealDate = (globalThis.__realDate ??= Date);
    class MovedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...args);
      }
      static now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = MovedDate;
  }, offsetMs);
}
