import { expect } from '@open-wc/testing';
import { emulateMedia, itAtNarrowViewport, itWithMediaEmulation, press, resetMedia, setViewport } from '../../../test/browser/engine.js';
import type { ConsentApi } from '../../core/types.js';
import { axeViolations, bootUi, deepActiveElement, productConfig, resetUi, waitFor } from '../../ui.harness.js';
import { BannerHarness } from './consentry-banner.harness.js';

const necessaryOnly = ['necessary'];

describe('consentry-banner', () => {
  let api: ConsentApi;
  let banner: BannerHarness;

  afterEach(async () => {
    await resetUi();
    await resetMedia();
    await setViewport({ width: 1280, height: 720 });
  });

  describe('on a first visit', () => {
    beforeEach(async () => {
      await setViewport({ width: 1280, height: 720 });
      api = await bootUi();
      banner = await BannerHarness.find();
    });

    it('is the first element of the body, a labelled region that is not modal', () => {
      expect(document.body.firstElementChild).to.equal(banner.element);
      const region = banner.region;
      expect(region.localName).to.equal('section');
      const title = banner.root.getElementById(region.getAttribute('aria-labelledby') ?? '');
      expect(title?.textContent).to.equal('Cookies on this site');
      expect(region.hasAttribute('aria-modal')).to.be.false;
      expect(banner.element.lang).to.equal('en');
    });

    it('links to the policy from the config', () => {
      expect(banner.policyLink?.getAttribute('href')).to.equal('/privacy');
    });

    it('has 0 axe violations (WCAG 2.2 AA) in light', async () => {
      expect(await axeViolations(banner.element)).to.deep.equal([]);
    });

    itWithMediaEmulation('has 0 axe violations (WCAG 2.2 AA) in dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(banner.region).backgroundColor).to.equal('rgb(31, 31, 35)');
      expect(await axeViolations(banner.element)).to.deep.equal([]);
    });

    it('gives the three choices the same size, font, padding, border and colours', () => {
      const [accept, ...others] = banner.choices;
      const a = accept.getBoundingClientRect();
      const style = (b: HTMLButtonElement) => {
        const s = getComputedStyle(b);
        return [s.font, s.padding, s.border, s.color, s.backgroundColor, s.borderRadius].join('|');
      };
      for (const b of others) {
        const r = b.getBoundingClientRect();
        expect(Math.abs(r.width - a.width)).to.be.at.most(1);
        expect(Math.abs(r.height - a.height)).to.be.at.most(1);
        expect(style(b)).to.equal(style(accept));
        expect(b.localName).to.equal('button');
      }
      expect(a.width).to.be.at.least(24);
      expect(a.height).to.be.at.least(24);
    });

    it('is an overlay: the page does not move when it appears', async () => {
      const page = document.createElement('p');
      page.textContent = 'page content';
      document.body.append(page);
      const before = page.getBoundingClientRect().top;
      await resetUi();
      page.remove();
      document.body.append(page);
      const without = page.getBoundingClientRect().top;
      await bootUi();
      banner = await BannerHarness.find();
      expect(getComputedStyle(banner.element).position).to.equal('fixed');
      expect(page.getBoundingClientRect().top).to.equal(without);
      expect(before).to.equal(without);
      page.remove();
    });

    it('reserves its height as scroll-padding-bottom (WCAG 2.4.11) and removes it when it closes', async () => {
      const height = banner.element.getBoundingClientRect().height;
      const padding = await waitFor(() => parseFloat(document.documentElement.style.getPropertyValue('scroll-padding-bottom')));
      expect(Math.abs(padding - height)).to.be.at.most(1);
      banner.clickRejectAll();
      await banner.gone();
      expect(document.documentElement.style.getPropertyValue('scroll-padding-bottom')).to.equal('');
    });

    it('keeps a focused page control out from under it (WCAG 2.4.11)', async () => {
      // A button far down a tall page: focusing it scrolls it just into view, where the banner would cover it.
      const page = document.createElement('div');
      page.dataset.test = '';
      const above = document.createElement('div');
      above.style.setProperty('height', '3000px');
      const button = Object.assign(document.createElement('button'), { textContent: 'page button' });
      const below = document.createElement('div');
      below.style.setProperty('height', '3000px');
      page.append(above, button, below);
      document.body.append(page);
      await waitFor(() => document.documentElement.style.getPropertyValue('scroll-padding-bottom'));
      button.focus();
      // WebKit scrolls a focused element into view at the next rendering update, not inside focus().
      await new Promise(requestAnimationFrame);
      const r = button.getBoundingClientRect();
      expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)).to.equal(button);
    });

    it('Escape, scrolling and clicking outside grant nothing and leave it open', async () => {
      await press('Escape');
      window.scrollTo(0, 500);
      document.body.click();
      document.documentElement.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
      await new Promise(requestAnimationFrame);
      const state = api.getState();
      expect(state.decided).to.be.false;
      expect(state.granted).to.deep.equal(necessaryOnly);
      expect(banner.element.isConnected).to.be.true;
    });

    it('Reject all grants nothing and closes', async () => {
      banner.clickRejectAll();
      await banner.gone();
      const state = api.getState();
      expect(state.decided).to.be.true;
      expect(state.granted).to.deep.equal(necessaryOnly);
      expect(state.denied).to.have.members(['functional', 'analytics', 'marketing']);
    });

    it('Accept all grants every category and closes', async () => {
      banner.clickAcceptAll();
      await banner.gone();
      expect(api.getState().granted).to.have.members(['necessary', 'functional', 'analytics', 'marketing']);
    });

    it('is reached first by keyboard, and Enter on Reject all refuses', async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      await press('Tab');
      expect(deepActiveElement()).to.equal(banner.policyLink);
      await press('Tab');
      expect(deepActiveElement()).to.equal(banner.button('accept-all'));
      await press('Tab');
      expect(deepActiveElement()).to.equal(banner.button('reject-all'));
      await press('Enter');
      await banner.gone();
      expect(api.getState().granted).to.deep.equal(necessaryOnly);
    });

    it('Space on Accept all accepts', async () => {
      banner.button('accept-all').focus();
      await press('Space');
      await banner.gone();
      expect(api.getState().granted).to.include('marketing');
    });

    it('Manage preferences opens the preference centre by keyboard', async () => {
      banner.button('manage').focus();
      await press('Enter');
      const dialog = await waitFor(() => document.querySelector('consentry-preferences')?.shadowRoot?.querySelector('dialog[open]'));
      expect(dialog.matches(':modal')).to.be.true;
      expect(api.getState().decided).to.be.false;
    });

    itWithMediaEmulation('draws nothing that moves under prefers-reduced-motion (and no fade at all)', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(banner.region.getAnimations()).to.have.length(0);
      expect(getComputedStyle(banner.region).opacity).to.equal('1');
    });
  });

  describe('at 320 px', () => {
    itAtNarrowViewport('does not scroll sideways and every action is reachable', async () => {
      await setViewport({ width: 320, height: 568 });
      await bootUi();
      banner = await BannerHarness.find();
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      expect(banner.element.scrollWidth).to.be.at.most(banner.element.clientWidth);
      for (const b of [banner.policyLink!, ...banner.choices]) {
        b.focus();
        const r = b.getBoundingClientRect();
        expect(r.left).to.be.at.least(0);
        expect(r.right).to.be.at.most(320);
        expect(r.top).to.be.at.least(0);
        expect(r.bottom).to.be.at.most(568);
      }
      const [a, ...rest] = banner.choices.map((b) => b.getBoundingClientRect());
      for (const r of rest) expect(Math.abs(r.width - a.width)).to.be.at.most(1);
      expect(await axeViolations(banner.element)).to.deep.equal([]);
    });
  });

  itAtNarrowViewport('at 320 px with the WCAG 1.4.12 text-spacing overrides, clips no text', async () => {
    await setViewport({ width: 320, height: 568 });
    const config = await productConfig();
    config.language = 'de'; // the longest built-in labels
    await bootUi(config);
    banner = await BannerHarness.find();
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    );
    banner.root.adoptedStyleSheets = [...banner.root.adoptedStyleSheets, spacing];
    for (const b of banner.choices) {
      expect(b.scrollWidth, b.textContent ?? '').to.be.at.most(b.clientWidth);
      expect(b.scrollHeight, b.textContent ?? '').to.be.at.most(b.clientHeight);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
  });

  describe('layouts', () => {
    for (const layout of ['box', 'center'] as const) {
      it(`${layout}: floats inside the viewport with the same three buttons and 0 axe violations`, async () => {
        const config = await productConfig();
        config.ui = { layout };
        await bootUi(config);
        banner = await BannerHarness.find();
        expect(banner.element.getAttribute('layout')).to.equal(layout);
        const r = banner.element.getBoundingClientRect();
        expect(r.left).to.be.at.least(0);
        expect(r.right).to.be.at.most(innerWidth);
        expect(r.width).to.be.below(innerWidth);
        expect(banner.choices).to.have.length(3);
        expect(await axeViolations(banner.element)).to.deep.equal([]);
      });
    }

    it('box sits at the inline end: bottom right, bottom left in right-to-left pages', async () => {
      const config = await productConfig();
      config.ui = { layout: 'box' };
      await bootUi(config);
      banner = await BannerHarness.find();
      expect(banner.element.getBoundingClientRect().right).to.be.closeTo(innerWidth - 16, 1);
      await resetUi();
      document.documentElement.dir = 'rtl';
      try {
        await bootUi(config);
        banner = await BannerHarness.find();
        expect(banner.element.dir).to.equal('rtl');
        expect(banner.element.getBoundingClientRect().left).to.be.closeTo(16, 1);
      } finally {
        document.documentElement.removeAttribute('dir');
      }
    });
  });

  describe('with UK objection-basis categories', () => {
    it('says plainly what is on and objects in one click', async () => {
      const config = await productConfig();
      config.categories.find((c) => c.id == 'analytics')!.basis = 'objection';
      delete config.categories.find((c) => c.id == 'analytics')!.consentMode;
      api = await bootUi(config);
      banner = await BannerHarness.find();
      expect(api.getState().granted).to.include('analytics');
      expect(banner.text).to.contain('On unless you object: Analytics and performance.');
      expect(await axeViolations(banner.element)).to.deep.equal([]);
      banner.clickObject();
      await banner.gone();
      expect(api.getState().granted).to.deep.equal(necessaryOnly);
    });
  });

  describe('with Global Privacy Control', () => {
    it('says that marketing stays off because of the signal', async () => {
      api = await bootUi(undefined, { gpc: true });
      banner = await BannerHarness.find();
      expect(banner.text).to.contain('Global Privacy Control signal, so marketing cookies stay off.');
      banner.clickAcceptAll();
      await banner.gone();
      expect(api.getState().granted).not.to.include('marketing');
    });
  });

  describe('languages and texts', () => {
    it('speaks Welsh when the config says cy, with lang set', async () => {
      const config = await productConfig();
      config.language = 'cy';
      await bootUi(config);
      banner = await BannerHarness.find();
      expect(banner.element.lang).to.equal('cy');
      expect(banner.button('reject-all').textContent).to.equal('Gwrthod y cyfan');
    });

    it('falls back to <html lang> when the config names no language', async () => {
      const config = await productConfig();
      delete config.language;
      document.documentElement.lang = 'de-DE';
      try {
        await bootUi(config);
        banner = await BannerHarness.find();
        expect(banner.element.lang).to.equal('de');
        expect(banner.button('accept-all').textContent).to.equal('Alle akzeptieren');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });

    it('lays out right to left for Arabic texts from the config', async () => {
      const config = await productConfig();
      config.language = 'ar';
      config.texts = { ar: { bannerTitle: 'ملفات تعريف الارتباط', acceptAll: 'قبول الكل', rejectAll: 'رفض الكل', manage: 'إدارة التفضيلات' } };
      await bootUi(config);
      banner = await BannerHarness.find();
      expect(banner.element.dir).to.equal('rtl');
      expect(banner.element.lang).to.equal('ar');
      expect(getComputedStyle(banner.region).direction).to.equal('rtl');
      expect(banner.button('reject-all').textContent).to.equal('رفض الكل');
    });

    it('renders config texts as text, never as HTML', async () => {
      const config = await productConfig();
      config.texts = { en: { bannerTitle: '<img src=x onerror="window.__xss=1">Hi' } };
      await bootUi(config);
      banner = await BannerHarness.find();
      expect(banner.root.querySelector('img')).to.be.null;
      expect(banner.text).to.contain('<img src=x');
      expect((window as unknown as { __xss?: number }).__xss).to.be.undefined;
    });

    it('applies the config theme as --consentry-* custom properties and the scheme', async () => {
      const config = await productConfig();
      config.theme = { scheme: 'dark', accent: '#ffd479' };
      await bootUi(config);
      banner = await BannerHarness.find();
      expect(banner.element.getAttribute('scheme')).to.equal('dark');
      expect(banner.element.style.getPropertyValue('--consentry-accent')).to.equal('#ffd479');
      expect(getComputedStyle(banner.policyLink!).color).to.equal('rgb(255, 212, 121)');
      expect(await axeViolations(banner.element)).to.deep.equal([]);
    });
  });
});
