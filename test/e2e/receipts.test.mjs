// CR-1/CR-5: each decision reaches the receipts server, and a receipt made
// while the server was down arrives exactly once when it is back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTICLE,
  BANNER,
  bannerButton,
  eventually,
  openPage,
  ranOnPage,
  sleep,
  state,
  useStack,
  waitForBanner,
  waitForReady,
} from './helpers.mjs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('receipts', () => {
  const stack = useStack({ startReceipts: false });

  it('a receipt made while the server is down arrives exactly once after it is back', async () => {
    const visit = await openPage(stack);
    try {
      await visit.goto(ARTICLE);
      await waitForReady(visit);
      await waitForBanner(visit);
      await visit.click(bannerButton('reject-all'));
      await visit.waitFor(BANNER, { state: 'hidden' });
      const { subject } = await state(visit);
      assert.match(subject, UUID);
      await sleep(1500); // the client tries (and fails) while the server is down

      await stack.receipts.start();
      await visit.goto('/');
      await waitForReady(visit);
      const receipts = await stack.receipts.waitForHistory(subject, { timeout: 15000, message: 'the queued receipt to arrive' });
      assert.equal(receipts[0].action, 'reject-all');

      // No duplicate: navigate again; the queue empties once a fetch gets its
      // 2xx, which waits for the back-off of the attempts made while the
      // server was down (up to ~8 s after two failures); then count again.
      await sleep(1500);
      await visit.goto('/services.html');
      await waitForReady(visit);
      await eventually(
        () => visit.evaluate(() => Object.keys(localStorage).filter((k) => /consentry/i.test(k) && localStorage.getItem(k) !== '[]').length === 0),
        { timeout: 20000, message: 'the receipt queue to empty after delivery' },
      );
      const again = await stack.receipts.history(subject);
      assert.equal(again.length, 1, `expected exactly one receipt, got ${again.length}`);
    } finally {
      await visit.close();
    }
  });

  it('each decision is stored with the contract fields and no personal data', async () => {
    const visit = await openPage(stack);
    try {
      await visit.goto(ARTICLE);
      await waitForReady(visit);
      await waitForBanner(visit);
      await visit.click(bannerButton('accept-all'));
      await eventually(async () => (await ranOnPage(visit)).gtag === 1, { message: 'tags' });
      const { subject } = await state(visit);
      const [receipt] = await stack.receipts.waitForHistory(subject, { message: 'the accept-all receipt' });

      assert.equal(receipt.schema, 'consentry-receipt/1');
      assert.match(receipt.id, UUID);
      assert.equal(receipt.subject, subject);
      assert.equal(receipt.site, stack.site.origin);
      assert.equal(receipt.action, 'accept-all');
      assert.equal(receipt.method, 'banner');
      assert.equal(receipt.policyVersion, '2026-05-01');
      assert.equal(receipt.revision, 1);
      assert.equal(receipt.jurisdiction, 'GB');
      assert.match(receipt.configHash, /^sha256-/);
      assert.deepEqual([...receipt.granted].sort(), ['analytics', 'functional', 'marketing', 'necessary']);
      assert.deepEqual(receipt.denied, []);
      assert.equal(receipt.bases.marketing, 'consent');
      assert.equal(receipt.signals.gpc, false);
      assert.ok(Date.parse(receipt.expires) > Date.parse(receipt.timestamp));
      const text = JSON.stringify(receipt);
      const userAgent = await visit.evaluate(() => navigator.userAgent);
      assert.ok(!text.includes(userAgent) && !text.includes('/guides/'), 'the receipt holds the user agent or a full URL');
    } finally {
      await visit.close();
    }
  });
});
