// A11Y-2/PECR-11 by keyboard only: Tab to the banner, manage, switch one
// category on, save, reopen through the floating button, reject all. No mouse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTICLE,
  BANNER,
  DIALOG,
  eventually,
  openPage,
  ranOnPage,
  state,
  useStack,
  waitForBanner,
  waitForReady,
  settledState,
} from './helpers.mjs';

/** The focused element, through shadow roots, described for assertions. */
async function focused(visit) {
  return visit.evaluate(() => {
    let el = document.activeElement;
    const hosts = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el.localName);
      el = el.shadowRoot.activeElement;
    }
    if (!el) return null;
    return {
      hosts,
      tag: el.localName,
      part: el.getAttribute('part') ?? '',
      role: el.getAttribute('role') ?? '',
      label: (el.getAttribute('aria-label') ?? '') + ' ' + (el.textContent ?? '').trim().slice(0, 80),
      checked: el.getAttribute('aria-checked') ?? (typeof el.checked === 'boolean' ? String(el.checked) : null),
      labelledBy: (() => {
        const root = el.getRootNode();
        const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const byLabel = el.id && root.querySelector ? root.querySelector(`label[for="${el.id}"]`)?.textContent ?? '' : '';
        const wrapping = el.closest('label')?.textContent ?? '';
        return ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ') + byLabel + wrapping;
      })(),
    };
  });
}

/** Press Tab until the focused element satisfies `match` (at most `max` presses). */
async function tabTo(visit, match, what, max = 60) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await visit.press('Tab');
    const f = await focused(visit);
    if (f && match(f)) return f;
    seen.push(f ? `${f.hosts.join('>')}>${f.tag}[${f.part}]` : 'null');
  }
  assert.fail(`Tab never reached ${what}; focus went through: ${seen.join(', ')}`);
}

const inHost = (host) => (f) => f.hosts.includes(host);
const hasPart = (part) => (f) => f.part.split(/\s+/).includes(part);

describe('keyboard only', () => {
  const stack = useStack();

  it('the whole journey works with the keyboard alone', async () => {
    const visit = await openPage(stack);
    try {
      await visit.goto(ARTICLE);
      await waitForReady(visit);
      await waitForBanner(visit);

      // 1. Tab reaches the banner's Manage button.
      await tabTo(visit, (f) => inHost('consentry-banner')(f) && hasPart('manage')(f), 'the banner Manage button');
      await visit.press('Enter');
      await visit.waitFor(DIALOG, { state: 'visible' });
      const inside = await eventually(async () => {
        const f = await focused(visit);
        return f && inHost('consentry-preferences')(f) && f;
      }, { timeout: 3000, message: 'focus inside the preference centre' });
      assert.ok(inside);

      // 2. Tab to the Analytics switch, switch it on with Space.
      const toggle = await tabTo(
        visit,
        (f) => inHost('consentry-preferences')(f) && hasPart('toggle')(f) && /analytics/i.test(f.label + f.labelledBy),
        'the Analytics switch',
      );
      assert.notEqual(toggle.checked, 'true', 'Analytics pre-ticked');
      await visit.press('Space');
      assert.equal((await focused(visit)).checked, 'true', 'Space did not switch Analytics on');

      // 3. Tab to Save, press Enter.
      await tabTo(visit, (f) => inHost('consentry-preferences')(f) && hasPart('save')(f), 'Save');
      await visit.press('Enter');
      await visit.waitFor(DIALOG, { state: 'hidden' });
      assert.deepEqual([...(await state(visit)).granted].sort(), ['analytics', 'necessary']);
      await eventually(async () => (await ranOnPage(visit)).gtag === 1, { message: 'analytics after the keyboard choice' });
      assert.equal(await visit.isVisible(BANNER), false);

      // 4. The floating button is reachable and reopens the preferences.
      await tabTo(visit, inHost('consentry-reopen'), 'the floating reopen button');
      await visit.press('Enter');
      await visit.waitFor(DIALOG, { state: 'visible' });

      // 5. Escape closes without saving; focus returns to the reopen button.
      await visit.press('Escape');
      await visit.waitFor(DIALOG, { state: 'hidden' });
      assert.deepEqual([...(await state(visit)).granted].sort(), ['analytics', 'necessary'], 'Escape changed the choice');
      const back = await focused(visit);
      assert.ok(back && inHost('consentry-reopen')(back), `focus did not return to the opener: ${JSON.stringify(back)}`);

      // 6. Reopen and reject all.
      await visit.press('Enter');
      await visit.waitFor(DIALOG, { state: 'visible' });
      await tabTo(visit, (f) => inHost('consentry-preferences')(f) && hasPart('reject-all')(f), 'Reject all in the preference centre');
      await visit.press('Enter');
      await visit.waitFor(DIALOG, { state: 'hidden' });
      assert.deepEqual((await settledState(visit, (s) => s.granted.join() === 'necessary')).granted, ['necessary']);
      const cookies = (await visit.cookies()).map((c) => c.name);
      assert.deepEqual(cookies.filter((n) => n.startsWith('_ga')), [], 'analytics cookies left after reject all');
      assert.deepEqual(visit.errors, []);
    } finally {
      await visit.close();
    }
  });
});
