// PECR-1 and PECR-7: nothing non-essential before a choice, and silence is
// not consent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANNER,
  DEMO_PAGES,
  NOTHING_RAN,
  load,
  openPage,
  ranOnPage,
  sleep,
  useStack,
  state,
  storageSnapshot,
  waitForBanner,
  waitForReady,
} from './helpers.mjs';

describe('before any choice', () => {
  const stack = useStack();

  it('no page fetches a gated URL or stores anything, not even the consent cookie', async () => {
    const visit = await openPage(stack);
    try {
      for (const pathname of DEMO_PAGES) {
        const since = visit.requests.length;
        await load(visit, pathname);
        await waitForBanner(visit);
        await sleep(300); // let anything that would load, load
        assert.deepEqual(visit.gatedRequests(since), [], `gated requests on ${pathname}`);
        assert.deepEqual(await ranOnPage(visit), NOTHING_RAN, `gated code ran on ${pathname}`);
        assert.deepEqual(
          await storageSnapshot(visit),
          { cookies: [], local: [], session: [], idb: [] },
          `storage written on ${pathname}`,
        );
        if ((await visit.count('iframe[data-consent]')) > 0) {
          assert.equal(await visit.attribute('iframe[data-consent]', 'src'), null, `gated iframe has a src on ${pathname}`);
        }
      }
      assert.deepEqual(await stack.receipts.all(), [], 'a receipt was stored before any choice');
      assert.deepEqual(stack.site.beacons(), [], 'the collector received hits before any choice');
      assert.deepEqual(visit.errors, [], 'console or page errors');
    } finally {
      await visit.close();
    }
  });

  it('scrolling, Escape, an outside click and browsing on grant nothing', async () => {
    const visit = await openPage(stack);
    try {
      await load(visit, '/guides/check-out-day.html');
      await waitForBanner(visit);

      await visit.wheel(1500);
      await visit.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await visit.press('Escape');
      await visit.click('main h1');
      await visit.mouseClick(5, 5);
      await visit.click({ css: '.site-nav a', hasText: 'Services' });
      await visit.waitForUrl('/services.html');
      await waitForReady(visit);
      // The API is ready before the banner's chunk has rendered (Firefox, loaded machine): wait for the banner, then check.
      await waitForBanner(visit).catch(() => {});

      const after = await state(visit);
      assert.equal(after.decided, false, 'silence recorded as a decision');
      assert.deepEqual(after.granted.filter((c) => c !== 'necessary'), [], 'silence granted a category');
      assert.equal(await visit.isVisible(BANNER), true, 'the banner is gone without a choice');
      assert.deepEqual(visit.gatedRequests(), []);
      assert.deepEqual(await ranOnPage(visit), NOTHING_RAN);
      assert.deepEqual((await storageSnapshot(visit)).cookies, []);
      assert.deepEqual(await stack.receipts.all(), [], 'silence produced a receipt');
    } finally {
      await visit.close();
    }
  });
});
