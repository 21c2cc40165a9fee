// SEC-1/2/3: the whole journey under the strict CSP (nonce for the gated
// inline scripts) with Trusted Types enforced: zero violations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTICLE,
  cspViolations,
  DIALOG,
  dialogButton,
  eventually,
  openPage,
  openPreferencesFromBanner,
  ranOnPage,
  REOPEN,
  setToggle,
  sleep,
  useStack,
  waitForBanner,
  waitForReady,
  settledState,
} from './helpers.mjs';

describe('strict CSP with Trusted Types', () => {
  const stack = useStack({ csp: true, trustedTypes: true });

  it('the headers are really strict', async () => {
    const res = await fetch(stack.site.origin + '/');
    const policy = res.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self' 'nonce-[^']+'(;|$)/);
    assert.match(policy, /style-src 'self'(;|$)/);
    assert.match(policy, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(policy, /unsafe-(inline|eval)|strict-dynamic/);
  });

  it('banner, preference centre, gated inline and module scripts, embed, policy page and reopen: 0 violations', async () => {
    const visit = await openPage(stack);
    const violations = [];
    const collect = async (where) => {
      for (const v of await cspViolations(visit)) violations.push({ where, ...v });
    };
    try {
      await visit.goto(ARTICLE);
      await waitForReady(visit);
      await waitForBanner(visit);
      // Styles applied (constructable stylesheets, not blocked inline styles).
      const position = await visit.evaluate(() => getComputedStyle(document.querySelector('consentry-banner')).position);
      assert.ok(['fixed', 'sticky'].includes(position), `banner styles not applied under the CSP (position: ${position})`);

      await openPreferencesFromBanner(visit);
      await setToggle(visit, 'Analytics', true);
      await setToggle(visit, 'Functional', true);
      await visit.click(dialogButton('save'));
      await visit.waitFor(DIALOG, { state: 'hidden' });
      // gtag stand-in (external), inline gtag config (nonce), web-vitals (module), prefs.
      await eventually(async () => {
        const ran = await ranOnPage(visit);
        return ran.gtag === 1 && ran.gaConfig === 1 && ran.vitals === 1 && ran.prefs === 1;
      }, { message: 'gated external, inline and module scripts under the CSP' });
      await collect('article after custom choice');

      await visit.goto('/privacy.html');
      await waitForReady(visit);
      await visit.waitFor('consentry-policy h1, consentry-policy h2', { timeout: 10000 });
      await collect('privacy page');

      await visit.click(REOPEN);
      await visit.waitFor(DIALOG, { state: 'visible' });
      await visit.click(dialogButton('accept-all'));
      await visit.waitFor(DIALOG, { state: 'hidden' });
      await visit.goto(ARTICLE);
      await waitForReady(visit);
      await eventually(async () => {
        const ran = await ranOnPage(visit);
        return ran.pixelInit === 1 && ran.video === 1;
      }, { message: 'marketing inline script and the embed under the CSP' });
      await collect('article after accept all');

      await visit.click(REOPEN);
      await visit.waitFor(DIALOG, { state: 'visible' });
      await visit.click(dialogButton('reject-all'));
      await visit.waitFor(DIALOG, { state: 'hidden' });
      await settledState(visit, (s) => s.granted.join() === 'necessary', 'the page after reject all');
      await visit.goto('/');
      await waitForReady(visit);
      await sleep(300);
      await collect('home after withdrawal');

      assert.deepEqual(violations, [], 'CSP / Trusted Types violations in the page');
      assert.deepEqual(stack.site.cspReports(), [], 'CSP reports sent to the server');
      assert.deepEqual(visit.errors.filter((e) => /Content Security Policy|TrustedHTML|TrustedScript|Trusted Type/i.test(e)), []);
    } finally {
      await visit.close();
    }
  });

  it('a violation is caught when a script breaks the policy (the probe works)', async () => {
    const visit = await openPage(stack);
    try {
      await visit.goto('/');
      await waitForReady(visit);
      await visit.evaluate(() => {
        try {
          document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.body.append(s);
        } catch {
          // Trusted Types throws; the violation event is what we count.
        }
      });
      await sleep(200);
      assert.ok((await cspViolations(visit)).length > 0, 'the CSP probe saw nothing');
    } finally {
      await visit.close();
      stack.site.clearLog();
    }
  });
});
