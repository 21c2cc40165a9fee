// PECR-1 and PECR-7: nothing non-essential before a choice, and silence is
// not consent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEMO_PAGES,
  NOTHING_RAN,
  banner,
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
        await visit.page.goto(stack.site.origin + pathname);
        await waitForReady(visit.page);
        await waitForBanner(visit.page);
        await sleep(300); // let anything that would load, load
        assert.deepEqual(visit.gatedRequests(since), [], `gated requests on ${pathname}`);
        assert.deepEqual(await ranOnPage(visit.page), NOTHING_RAN, `gated code ran on ${pathname}`);
        assert.deepEqual(
          await storageSnapshot(visit.page),
          { cookies: [], local: [], session: [], idb: [] },
          `storage written on ${pathname}`,
        );
        const iframe = visit.page.locator('iframe[data-consent]');
        if ((await iframe.count()) > 0) {
          assert.equal(await iframe.first().getAttribute('src'), null, `gated iframe has a src on ${pathname}`);
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
    const { page } = visit;
    try {
      await page.goto(stack.site.origin + '/guides/check-out-day.html');
      await waitForReady(page);
      await waitForBanner(page);

      await page.mouse.wheel(0, 1500);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.keyboard.press('Escape');
      await page.locator('main h1').click();
      await page.mouse.click(5, 5);
      await page.locator('.site-nav a', { hasText: 'Services' }).click();
      await page.waitForURL('**/services.html');
      await waitForReady(page);

      const after = await state(page);
      assert.equal(after.decided, false, 'silence recorded as a decision');
      assert.deepEqual(after.granted.filter((c) => c !== 'necessary'), [], 'silence granted a category');
      assert.equal(await banner(page).isVisible(), true, 'the banner is gone without a choice');
      assert.deepEqual(visit.gatedRequests(), []);
      assert.deepEqual(await ranOnPage(page), NOTHING_RAN);
      assert.deepEqual((await storageSnapshot(page)).cookies, []);
      assert.deepEqual(await stack.receipts.all(), [], 'silence produced a receipt');
    } finally {
      await visit.close();
    }
  });
});
