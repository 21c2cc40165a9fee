// Issue 11: "a visitor's other open tabs follow the change too", on the demo,
// whose pages load the core only (no dist/head.js). Two tabs of one visitor:
// two tabs of one visit (visit.newTab: one browser context, one cookie jar).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bannerButton,
  eventually,
  NOTHING_RAN,
  openPage,
  ranOnPage,
  settledState,
  state,
  useStack,
  waitForBanner,
  waitForReady,
} from './helpers.mjs';

describe('the visitor’s other tabs (a page without the head script)', () => {
  const stack = useStack();

  it('accept in one tab: the other runs its gated tags and closes its banner; withdraw: the other reloads and runs nothing', async () => {
    const a = await openPage(stack);
    try {
      await a.goto('/');
      await waitForReady(a);
      await waitForBanner(a);
      assert.equal(await a.evaluate(() => document.querySelector('script[src*="head.js"]')), null, 'the demo loads the head script');

      const b = await a.newTab();
      await b.goto('/services.html');
      await waitForReady(b);
      await waitForBanner(b);
      assert.deepEqual(await ranOnPage(b), NOTHING_RAN, 'the second tab ran a tag before any choice');

      await a.click(bannerButton('accept-all'));
      await eventually(async () => (await ranOnPage(b)).gaHits === 1, { message: 'the analytics hit in the second tab' });
      await eventually(async () => (await b.count('consentry-banner')) === 0, { timeout: 5000, message: 'the banner to leave the second tab' });
      assert.equal((await ranOnPage(b)).gtag, 1, 'the second tab loaded gtag more than once');
      assert.ok((await state(b)).granted.includes('analytics'));
      // Decided in the first tab only: one subject, and the second tab recorded nothing of its own.
      assert.equal((await state(b)).subject, (await state(a)).subject);

      // A mark on the second tab's document: a reload is a new document without it.
      await b.evaluate(() => void (window.__marked = true));
      await a.evaluate(() => void window.Consentry.withdraw(['analytics']));
      await eventually(
        () => b.evaluate(() => !window.__marked && window.Consentry?.getState() !== undefined).catch(() => false),
        { timeout: 15000, message: 'the second tab, reloaded' },
      );
      const after = await state(b);
      assert.ok(after.decided && !after.granted.includes('analytics'), JSON.stringify(after.granted));
      assert.equal((await ranOnPage(b)).gtag, 0, 'gtag runs in the second tab after the withdrawal');
      const first = await settledState(a, (s) => !s.granted.includes('analytics'), 'the first tab after the withdrawal');
      assert.equal(first.decided, true);
      await b.close();
    } finally {
      await a.close();
    }
  });
});
