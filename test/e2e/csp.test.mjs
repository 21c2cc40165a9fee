// SEC-1/2/3: the whole journey under the strict CSP (nonce for the gated
// inline scripts) with Trusted Types enforced: zero violations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTICLE,
  cspViolations,
  dialog,
  dialogButton,
  eventually,
  openPage,
  openPreferencesFromBanner,
  ranOnPage,
  reopenButton,
  setToggle,
  sleep,
  useStack,
  state,
  waitForBanner,
  waitForReady,
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
    const { page } = visit;
    const violations = [];
    const collect = async (where) => {
      for (const v of await cspViolations(page)) violations.push({ where, ...v });
    };
    try {
      await page.goto(stack.site.origin + ARTICLE);
      await waitForReady(page);
      await waitForBanner(page);
      // Styles applied (constructable stylesheets, not blocked inline styles).
      const position = await page.locator('consentry-banner').evaluate((el) => getComputedStyle(el).position);
      assert.ok(['fixed', 'sticky'].includes(position), `banner styles not applied under the CSP (position: ${position})`);

      await openPreferencesFromBanner(page);
      await setToggle(page, 'Analytics', true);
      await setToggle(page, 'Functional', true);
      await dialogButton(page, 'save').click();
      await dialog(page).waitFor({ state: 'hidden' });
      // gtag stand-in (external), inline gtag config (nonce), web-vitals (module), prefs.
      await eventually(async () => {
        const ran = await ranOnPage(page);
        return ran.gtag === 1 && ran.gaConfig === 1 && ran.vitals === 1 && ran.prefs === 1;
      }, { message: 'gated external, inline and module scripts under the CSP' });
      await collect('article after custom choice');

      await page.goto(stack.site.origin + '/privacy.html');
      await waitForReady(page);
      await page.locator('consentry-policy h1, consentry-policy h2').first().waitFor({ state: 'visible', timeout: 10000 });
      await collect('privacy page');

      await reopenButton(page).click();
      await dialog(page).waitFor({ state: 'visible' });
      await dialogButton(page, 'accept-all').click();
      await dialog(page).waitFor({ state: 'hidden' });
      await page.goto(stack.site.origin + ARTICLE);
      await waitForReady(page);
      await eventually(async () => {
        const ran = await ranOnPage(page);
        return ran.pixelInit === 1 && ran.video === 1;
      }, { message: 'marketing inline script and the embed under the CSP' });
      await collect('article after accept all');

      await reopenButton(page).click();
      await dialog(page).waitFor({ state: 'visible' });
      await dialogButton(page, 'reject-all').click();
      await dialog(page).waitFor({ state: 'hidden' });
      assert.deepEqual((await state(page)).granted, ['necessary']);
      await page.goto(stack.site.origin + '/');
      await waitForReady(page);
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
    const { page } = visit;
    try {
      await page.goto(stack.site.origin + '/');
      await waitForReady(page);
      await page.evaluate(() => {
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
      assert.ok((await cspViolations(page)).length > 0, 'the CSP probe saw nothing');
    } finally {
      await visit.close();
      stack.site.clearLog();
    }
  });
});
