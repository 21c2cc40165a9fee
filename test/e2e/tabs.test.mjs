// Issue 11: "a visitor's other open tabs follow the change too", on the demo,
// whose pages load the core only (no dist/head.js). Two tabs of one visitor:
// two pages in one browser context, sharing the cookie jar.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import {
  bannerButton,
  eventually,
  itChromiumOnly,
  NOTHING_RAN,
  openPage,
  ranOnPage,
  settledState,
  state,
  useStack,
  waitForBanner,
  waitForReady,
} from './helpers.mjs';

const SECOND_TAB = 'opens the second tab of the same context through Playwright (the engine-neutral Visit is one tab per context)';

describe('the visitor’s other tabs (a page without the head script)', () => {
  const stack = useStack();

  itChromiumOnly(SECOND_TAB, 'accept in one tab: the other runs its gated tags and closes its banner; withdraw: the other reloads and runs nothing', async () => {
    const a = await openPage(stack);
    try {
      await a.goto('/');
      await waitForReady(a);
      await waitForBanner(a);
      assert.equal(await a.evaluate(() => document.querySelector('script[src*="head.js"]')), null, 'the demo loads the head script');

      const page = await a.native.context().newPage();
      const b = { evaluate: (fn, arg) => page.evaluate(fn, arg) };
      await page.goto(stack.site.origin + '/services.html');
      await page.waitForFunction(() => typeof window.Consentry?.getState === 'function', null, { timeout: 10000 });
      await page.locator('consentry-banner [part~="banner"]').waitFor({ state: 'visible', timeout: 10000 });
      assert.deepEqual(await ranOnPage(b), NOTHING_RAN, 'the second tab ran a tag before any choice');

      await a.click(bannerButton('accept-all'));
      await eventually(async () => (await ranOnPage(b)).gaHits === 1, { message: 'the analytics hit in the second tab' });
      await page.locator('consentry-banner').waitFor({ state: 'detached', timeout: 5000 });
      assert.equal((await ranOnPage(b)).gtag, 1, 'the second tab loaded gtag more than once');
      assert.ok((await state(b)).granted.includes('analytics'));
      // Decided in the first tab only: one subject, and the second tab recorded nothing of its own.
      assert.equal((await state(b)).subject, (await state(a)).subject);

      const reloaded = page.waitForEvent('load');
      await a.evaluate(() => void window.Consentry.withdraw(['analytics']));
      await reloaded;
      await eventually(async () => (await page.evaluate(() => window.Consentry?.getState())) !== undefined, { message: 'the second tab, reloaded' });
      const after = await state(b);
      assert.ok(after.decided && !after.granted.includes('analytics'), JSON.stringify(after.granted));
      assert.equal((await ranOnPage(b)).gtag, 0, 'gtag runs in the second tab after the withdrawal');
      const first = await settledState(a, (s) => !s.granted.includes('analytics'), 'the first tab after the withdrawal');
      assert.equal(first.decided, true);
      await page.close();
    } finally {
      await a.close();
    }
  });
});
