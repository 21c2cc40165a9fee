import { expect, fixture, html } from '@open-wc/testing';
import { describeAtNarrowViewport, setViewport } from '../test/browser/engine.js';
import { addToPage } from './core/core.harness.js';
import type { ConsentApi, ConsentryConfig } from './core/types.js';
import { BannerHarness } from './elements/consentry-banner/consentry-banner.harness.js';
import { PlaceholderHarness } from './elements/consentry-placeholder/consentry-placeholder.harness.js';
import type { ConsentryPolicy } from './elements/consentry-policy/consentry-policy.js';
import { PolicyHarness } from './elements/consentry-policy/consentry-policy.harness.js';
import { PreferencesHarness } from './elements/consentry-preferences/consentry-preferences.harness.js';
import { policyCss } from './policy-prerender.js';
import { axeViolations, bootUi, configWithVideo, resetUi, waitFor } from './ui.harness.js';

/**
 * axe-core with the WCAG 2.2 AA rules (target size included) on every
 * element, in every state a visitor meets, at the two narrow widths that
 * break layouts: 320 px (WCAG 1.4.10 reflow) and 412 px (a common phone).
 * The dialog is checked scrolled to the top and to the bottom, details closed
 * and open, and at every scroll step for targets hidden under its actions.
 */

/** The page stylesheet of a pre-rendered policy (the build's policy.css, made by the same function). */
const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(policyCss());

const WIDTHS = [
  { width: 320, height: 640 },
  { width: 412, height: 915 },
];
const VIDEO = '/test/fixtures/xss/README.md';

const nextFrames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
};

/** The element of the dialog that scrolls. */
const scroller = (prefs: PreferencesHarness): HTMLElement =>
  [prefs.dialog, ...prefs.dialog.querySelectorAll<HTMLElement>('*')].find((el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible') ?? prefs.dialog;

const overlap = (a: DOMRect, b: DOMRect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

const clip = (a: DOMRect, b: DOMRect) => {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  return new DOMRect(left, top, Math.max(0, Math.min(a.right, b.right) - left), Math.max(0, Math.min(a.bottom, b.bottom) - top));
};

for (const viewport of WIDTHS) {
  describeAtNarrowViewport(`axe sweep (WCAG 2.2 AA) at ${viewport.width} px`, function () {
    this.timeout(60_000);
    let api: ConsentApi;

    beforeEach(async () => {
      await setViewport(viewport);
    });
    afterEach(async () => {
      await resetUi();
      document.querySelectorAll('consentry-policy').forEach((el) => el.remove());
      await setViewport({ width: 800, height: 600 });
    });

    it('the banner, and the floating button after a choice', async () => {
      api = await bootUi();
      const banner = await BannerHarness.find();
      expect(await axeViolations(banner.element), 'banner').to.deep.equal([]);
      await api.rejectAll();
      const reopen = await waitFor(() => document.querySelector('consentry-reopen'));
      expect(await axeViolations(reopen), 'floating button').to.deep.equal([]);
    });

    for (const expanded of [false, true]) {
      it(`the preference centre, details ${expanded ? 'open' : 'closed'}, scrolled to the top and to the bottom`, async () => {
        api = await bootUi();
        (await BannerHarness.find()).clickManage();
        const prefs = await PreferencesHarness.find();
        if (expanded) prefs.expandAll();
        await nextFrames();
        const box = scroller(prefs);
        for (const at of ['top', 'bottom'] as const) {
          box.scrollTop = at === 'top' ? 0 : box.scrollHeight;
          await nextFrames();
          expect(await axeViolations(prefs.element), `scrolled to the ${at}`).to.deep.equal([]);
        }
      });
    }

    it('the preference centre: no target is ever partly under its actions, at any scroll position', async () => {
      api = await bootUi();
      (await BannerHarness.find()).clickManage();
      const prefs = await PreferencesHarness.find();
      prefs.expandAll();
      await nextFrames();
      const box = scroller(prefs);
      const actions = prefs.root.querySelector('.actions')!;
      const targets = [...prefs.dialog.querySelectorAll<HTMLElement>('summary, input, a[href], .body button')];
      const covered: string[] = [];
      for (let top = 0; top <= box.scrollHeight; top += 8) {
        box.scrollTop = top;
        const visible = box.getBoundingClientRect();
        const footer = actions.getBoundingClientRect();
        for (const target of targets) {
          const shown = clip(target.getBoundingClientRect(), visible);
          // More than a square pixel: sub-pixel rounding at a shared edge is not an overlap.
          if (overlap(shown, footer) > 1) covered.push(`${target.localName} "${target.textContent.trim().slice(0, 30)}" at scrollTop ${top}`);
        }
      }
      expect(covered.slice(0, 5)).to.deep.equal([]);
    });

    it('the preference centre adds no second banner landmark to a page that has its own', async () => {
      addToPage('<header><p>Site header</p></header><main><h1>Page</h1></main>');
      api = await bootUi();
      (await BannerHarness.find()).clickManage();
      const prefs = await PreferencesHarness.find();
      expect(await axeViolations(prefs.element)).to.deep.equal([]); // also loads axe
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const rules = ['landmark-no-duplicate-banner', 'landmark-unique', 'landmark-banner-is-top-level'];
      const { violations } = await axe.run(document, { runOnly: { type: 'rule', values: rules } });
      expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))).to.deep.equal([]);
      expect(prefs.dialog.querySelector('header, [role="banner"]')).to.equal(null);
    });

    it('a placeholder for a blocked embed', async () => {
      const box = addToPage(`<iframe data-consent="marketing:youtube" data-src="${VIDEO}" width="560" height="315" title="Video"></iframe>`);
      api = await bootUi(await configWithVideo());
      const placeholder = await PlaceholderHarness.find(box.querySelector('iframe')!);
      expect(await axeViolations(placeholder.element)).to.deep.equal([]);
    });

    for (const state of ['before any choice', 'after a choice', 'under an older policy version'] as const) {
      it(`the policy viewer ${state}, built and pre-rendered`, async () => {
        const config = (await (await fetch('/demo/consent.json')).json()) as ConsentryConfig;
        delete config.receipts;
        if (state === 'under an older policy version') config.policy = { ...config.policy!, version: '2026-04-01' };
        api = await bootUi(config);
        if (state !== 'before any choice') await api.acceptAll();
        if (state === 'under an older policy version') {
          // The choice stays (same revision); the policy moves on to a new version.
          api.destroy();
          document.querySelectorAll('consentry-banner, consentry-preferences, consentry-reopen').forEach((el) => el.remove());
          config.policy = { ...config.policy!, version: '2026-05-01' };
          api = await bootUi(config);
        }
        if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
        const markdown = await (await fetch('/demo/privacy.md')).text();
        const page = new DOMParser().parseFromString(await (await fetch('/demo/privacy.html')).text(), 'text/html');
        const forms = {
          built: html`<consentry-policy .api=${api} .markdown=${markdown}></consentry-policy>`,
          'pre-rendered': html`<consentry-policy .api=${api}>${document.importNode(page.querySelector('consentry-policy > article')!, true)}</consentry-policy>`,
        };
        for (const [form, template] of Object.entries(forms)) {
          const policy = await new PolicyHarness(await fixture<ConsentryPolicy>(template)).rendered();
          if (state === 'under an older policy version') expect(policy.staleNotice(), form).to.not.equal(null);
          if (state === 'after a choice') expect(policy.consentFacts().Allowed, form).to.contain('Analytics');
          expect(await axeViolations(policy.element), form).to.deep.equal([]);
          policy.element.remove();
        }
      });
    }
  });
}
