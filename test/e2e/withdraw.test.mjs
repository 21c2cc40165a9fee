// PECR-11: withdrawing is as easy as agreeing. The site runs on
// www.keyhold.test (mapped to 127.0.0.1) so the stand-in trackers set their
// cookies on the parent domain .keyhold.test, as gtag.js and the Meta Pixel do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANNER,
  bannerButton,
  DIALOG,
  ENGINE,
  dialogButton,
  eventually,
  NOTHING_RAN,
  openPage,
  ranOnPage,
  REOPEN,
  setToggle,
  sleep,
  state,
  useStack,
  waitForBanner,
  waitForReady,
  settledState,
} from './helpers.mjs';

/**
 * Chromium and Firefox treat http://www.keyhold.test as a secure context (a
 * flag, a pref); WebKit has no such switch, and on plain http the core's
 * configHash is an fnv1a- digest (no WebCrypto), which the receipts server
 * refuses: the withdrawal receipt is checked on this origin where it can be
 * (receipts.test.mjs checks receipts on 127.0.0.1 in every engine).
 */
const secureParentDomain = ENGINE !== 'webkit';
const RECEIPT_NOT_CHECKED = 'receipt not checked in webkit: http://www.keyhold.test is not a secure context there, and the server refuses its fnv1a- configHash';

describe('withdrawal', () => {
  const stack = useStack();

  it('withdrawing analytics deletes its cookies on the parent domain, stores a receipt and stops the tags', async (t) => {
    const visit = await openPage(stack);
    const origin = stack.parentDomainOrigin;
    try {
      await visit.goto(origin + '/');
      await waitForReady(visit);
      await waitForBanner(visit);
      await visit.click(bannerButton('accept-all'));
      await eventually(async () => (await ranOnPage(visit)).gaHits === 1, { message: 'the analytics hit' });
      await eventually(async () => (await visit.cookies()).some((c) => c.name === '_fbp'), { message: '_fbp' });

      // The stand-ins set their cookies on the parent domain; add a stray
      // session cookie of another GA property there and a host-only _ga copy,
      // the way a page script does (WebDriver BiDi cannot make host-only cookies).
      await visit.evaluate(() => {
        document.cookie = '_ga_OLDPROPERTY=GS1.1.1; Domain=keyhold.test; Path=/';
        document.cookie = '_ga=GA1.1.hostonly; Path=/';
      });
      const hostOnly = (await visit.cookies()).filter((c) => c.name === '_ga' && c.domain === new URL(origin).hostname);
      assert.equal(hostOnly.length, 1, 'no host-only _ga copy to clean');
      const cookiesBefore = await visit.cookies();
      const ga = cookiesBefore.filter((c) => c.name === '_ga' || c.name.startsWith('_ga_'));
      assert.ok(ga.some((c) => c.domain === '.keyhold.test'), `no parent-domain _ga cookie: ${JSON.stringify(ga)}`);
      const subject = (await state(visit)).subject;

      // Way back: the floating button, then switch analytics off and save.
      await visit.click(REOPEN);
      await visit.waitFor(DIALOG, { state: 'visible' });
      await setToggle(visit, 'Analytics', false);
      await visit.click(dialogButton('save'));
      await visit.waitFor(DIALOG, { state: 'hidden' });

      const withdrawn = await settledState(visit, (s) => s.denied.includes('analytics'), 'the page after withdrawing analytics');
      assert.ok(withdrawn.denied.includes('analytics'));
      assert.ok(withdrawn.granted.includes('marketing'), 'withdrawing analytics changed marketing');
      const left = (await visit.cookies()).map((c) => `${c.name}@${c.domain}`);
      assert.deepEqual(left.filter((c) => /^_ga/.test(c)), [], `analytics cookies left: ${left}`);
      assert.ok(left.some((c) => c.startsWith('_fbp@')), 'the marketing cookie was deleted too');

      if (secureParentDomain) {
        const receipts = await stack.receipts.waitForHistory(subject, { atLeast: 2, message: 'the withdrawal receipt' });
        const last = receipts.at(-1);
        assert.ok(last.denied.includes('analytics'), `last receipt: ${JSON.stringify(last)}`);
        assert.ok(['withdraw', 'custom'].includes(last.action), `action ${last.action}`);
      } else {
        t.diagnostic(RECEIPT_NOT_CHECKED);
      }

      // Next page: analytics code does not load any more.
      const since = visit.requests.length;
      await visit.goto(origin + '/services.html');
      await waitForReady(visit);
      await sleep(400);
      const gated = visit.gatedRequests(since);
      assert.deepEqual(gated.filter((p) => /gtag|vitals|collect/.test(p)), [], `analytics URLs fetched after withdrawal: ${gated}`);
      const ran = await ranOnPage(visit);
      assert.equal(ran.gtag + ran.gaConfig + ran.vitals, 0);
      assert.equal(ran.pixel, 1, 'marketing stopped although it was not withdrawn');
    } finally {
      await visit.close();
    }
  });

  it('reject all from the preference centre after accepting withdraws everything', async () => {
    const visit = await openPage(stack);
    const origin = stack.parentDomainOrigin;
    try {
      await visit.goto(origin + '/guides/check-out-day.html');
      await waitForReady(visit);
      await waitForBanner(visit);
      await visit.click(bannerButton('accept-all'));
      await eventually(async () => (await visit.cookies()).some((c) => c.name === '_fbp'), { message: '_fbp' });
      await eventually(async () => (await visit.cookies()).some((c) => c.name === '_ga'), { message: '_ga' });
      // The functional script stores the text size in a cookie and in localStorage.
      await visit.click('[data-textsize]');
      assert.ok((await visit.cookies()).some((c) => c.name === 'prefs'));
      assert.notEqual(await visit.evaluate(() => localStorage.getItem('keyhold:prefs')), null);

      await visit.click('[data-consentry-open]');
      await visit.waitFor(DIALOG, { state: 'visible' });
      const atClick = visit.requests.length;
      await visit.click(dialogButton('reject-all'));
      await visit.waitFor(DIALOG, { state: 'hidden' });
      await settledState(visit, (s) => s.granted.join() === 'necessary', 'the page after reject all');
      // The reload that stops what ran brings nothing back: Firefox reloads a
      // frame's last page from its history even though the iframe has no src.
      await sleep(1000);
      assert.deepEqual(visit.gatedRequests(atClick), [], 'gated requests after the click');

      const names = (await visit.cookies()).map((c) => c.name);
      assert.deepEqual(names.filter((n) => /^(_ga|_fbp|prefs)/.test(n)), [], `cookies left: ${names}`);
      assert.equal(await visit.evaluate(() => localStorage.getItem('keyhold:prefs')), null);

      const since = visit.requests.length;
      await visit.goto(origin + '/guides/check-out-day.html');
      await waitForReady(visit);
      await sleep(400);
      assert.equal(await visit.isVisible(BANNER), false);
      assert.deepEqual(visit.gatedRequests(since), []);
      assert.deepEqual(await ranOnPage(visit), NOTHING_RAN);
    } finally {
      await visit.close();
    }
  });
});
