import { expect } from '@open-wc/testing';
import { emulateMedia, itAtNarrowViewport, itWithMediaEmulation, press, resetMedia, setViewport } from '../../../test/browser/engine.js';
import type { ConsentApi, ConsentryConfig } from '../../core/types.js';
import { axeViolations, bootUi, deepActiveElement, productConfig, resetUi, waitFor } from '../../ui.harness.js';
import { BannerHarness } from '../consentry-banner/consentry-banner.harness.js';
import { PreferencesHarness } from './consentry-preferences.harness.js';

describe('consentry-preferences', () => {
  let api: ConsentApi;
  let banner: BannerHarness;
  let prefs: PreferencesHarness;

  /** Boots the real core and opens the preference centre from the banner's Manage button. */
  const openFromBanner = async (config?: ConsentryConfig, gpc = false) => {
    api = await bootUi(config, { gpc });
    banner = await BannerHarness.find();
    banner.button('manage').focus();
    banner.clickManage();
    prefs = await PreferencesHarness.find();
  };

  afterEach(async () => {
    await resetUi();
    await resetMedia();
    await setViewport({ width: 1280, height: 720 });
  });

  describe('opened from the banner', () => {
    beforeEach(() => openFromBanner());

    it('is a modal dialog named by its heading, with focus moved inside', () => {
      expect(prefs.dialog.matches(':modal')).to.be.true;
      const heading = prefs.root.getElementById(prefs.dialog.getAttribute('aria-labelledby') ?? '');
      expect(heading?.textContent).to.equal('Cookie preferences');
      expect(prefs.dialog.contains(deepActiveElement())).to.be.true;
    });

    it('has 0 axe violations (WCAG 2.2 AA) in light, closed and with every detail expanded', async () => {
      expect(await axeViolations(prefs.element)).to.deep.equal([]);
      prefs.expandAll();
      expect(await axeViolations(prefs.element)).to.deep.equal([]);
    });

    itWithMediaEmulation('has 0 axe violations (WCAG 2.2 AA) in dark, with every detail expanded and closed', async () => {
      prefs.expandAll();
      await emulateMedia({ colorScheme: 'dark' });
      expect(getComputedStyle(prefs.dialog).backgroundColor).to.equal('rgb(31, 31, 35)');
      expect(await axeViolations(prefs.element)).to.deep.equal([]);
      for (const details of prefs.root.querySelectorAll('details')) details.open = false;
      expect(await axeViolations(prefs.element)).to.deep.equal([]);
    });

    it('locks strictly necessary on, with its reason, and starts every consent switch off', () => {
      const necessary = prefs.switchFor('necessary');
      expect(necessary.checked).to.be.true;
      expect(necessary.disabled).to.be.true;
      expect(prefs.root.getElementById('about-necessary')?.textContent).to.contain('Always on: the site needs these to work.');
      for (const id of ['functional', 'analytics', 'marketing']) {
        expect(prefs.switchFor(id).checked, id).to.be.false;
        expect(prefs.switchFor(id).disabled, id).to.be.false;
      }
    });

    it('labels each switch with its category and describes it with the description', () => {
      const analytics = prefs.switchFor('analytics');
      expect(analytics.getAttribute('role')).to.equal('switch');
      expect(analytics.labels?.[0]?.textContent).to.equal('Analytics and performance');
      const description = prefs.root.getElementById(analytics.getAttribute('aria-describedby') ?? '');
      expect(description?.textContent).to.contain('Google Analytics, with IP anonymisation.');
    });

    it('lists every service and cookie with name, provider, purpose and duration', () => {
      prefs.expandAll();
      const rows = [...prefs.root.querySelectorAll('dl > div')];
      expect(rows).to.have.length(6);
      const ga = rows.find((r) => r.querySelector('code')?.textContent == '_ga_*');
      expect(ga?.textContent.replace(/\s+/g, ' ')).to.contain('Provider Google Purpose Keeps the session state. Duration 13 months');
      expect([...prefs.root.querySelectorAll('h3')].map((h) => h.textContent)).to.deep.equal([
        'This website',
        'Site preferences',
        'Google Analytics',
        'Meta Pixel',
      ]);
    });

    it('shows "none yet" for the consent id before any choice', () => {
      expect(prefs.text).to.contain('Your consent ID: none yet');
    });

    it('Save with every switch off grants only necessary and announces "Preferences saved"', async () => {
      prefs.clickSave();
      await prefs.closed();
      const state = api.getState();
      expect(state.decided).to.be.true;
      expect(state.granted).to.deep.equal(['necessary']);
      await waitFor(() => prefs.status.textContent == 'Preferences saved');
    });

    it('saves exactly the switches turned on, and shows the stored choice and consent id when reopened', async () => {
      prefs.toggle('analytics');
      prefs.clickSave();
      await prefs.closed();
      expect(api.getState().granted).to.deep.equal(['necessary', 'analytics']);
      await api.openPreferences();
      prefs = await PreferencesHarness.find();
      expect(prefs.checked).to.deep.equal(['necessary', 'analytics']);
      expect(prefs.text).to.contain(`Your consent ID: ${api.getState().subject ?? 'missing'}`);
    });

    it('forgets unsaved switches when closed with Escape, and saves nothing', async () => {
      prefs.toggle('marketing');
      await press('Escape');
      await prefs.closed();
      expect(api.getState().decided).to.be.false;
      expect(api.getState().granted).to.deep.equal(['necessary']);
      await api.openPreferences();
      prefs = await PreferencesHarness.find();
      expect(prefs.switchFor('marketing').checked).to.be.false;
    });

    it('returns focus to the opener on Escape', async () => {
      await press('Escape');
      await prefs.closed();
      expect(deepActiveElement()).to.equal(banner.button('manage'));
      expect(banner.element.isConnected).to.be.true;
    });

    it('the Close button saves nothing', async () => {
      prefs.closeButton.click();
      await prefs.closed();
      expect(api.getState().decided).to.be.false;
    });

    it('traps Tab and Shift+Tab inside the dialog', async () => {
      const inside = () => prefs.dialog.contains(deepActiveElement());
      const seen = new Set<Element | null>();
      for (let i = 0; i < 15; i++) {
        await press('Tab');
        expect(inside(), `Tab ${i + 1}`).to.be.true;
        seen.add(deepActiveElement());
      }
      // 1 close + 3 switches + 4 summaries + 3 actions = 11 stops, so 15 Tabs wrapped around.
      expect(seen.size).to.equal(11);
      prefs.closeButton.focus();
      await press('Shift+Tab');
      expect(deepActiveElement()).to.equal(prefs.button('save'));
      await press('Tab');
      expect(deepActiveElement()).to.equal(prefs.closeButton);
    });

    it('works by keyboard alone: Space on a switch, Enter on Save', async () => {
      prefs.switchFor('functional').focus();
      await press('Space');
      expect(prefs.switchFor('functional').checked).to.be.true;
      prefs.button('save').focus();
      await press('Enter');
      await prefs.closed();
      expect(api.getState().granted).to.deep.equal(['necessary', 'functional']);
    });

    it('Reject all refuses everything; Accept all, reopened, shows every switch on', async () => {
      prefs.toggle('analytics');
      prefs.clickRejectAll();
      await prefs.closed();
      expect(api.getState().granted).to.deep.equal(['necessary']);
      await api.openPreferences();
      prefs = await PreferencesHarness.find();
      prefs.clickAcceptAll();
      await prefs.closed();
      await api.openPreferences();
      prefs = await PreferencesHarness.find();
      expect(prefs.checked).to.deep.equal(['necessary', 'functional', 'analytics', 'marketing']);
    });

    it('gives the three actions the same size and treatment', () => {
      const [a, ...rest] = (['reject-all', 'accept-all', 'save'] as const).map((p) => prefs.button(p));
      for (const b of rest) {
        expect(Math.abs(b.getBoundingClientRect().width - a.getBoundingClientRect().width)).to.be.at.most(1);
        expect(getComputedStyle(b).font).to.equal(getComputedStyle(a).font);
        expect(getComputedStyle(b).backgroundColor).to.equal(getComputedStyle(a).backgroundColor);
      }
    });

    itWithMediaEmulation('opens without motion under prefers-reduced-motion', async () => {
      prefs.closeButton.click();
      await prefs.closed();
      await emulateMedia({ reducedMotion: 'reduce' });
      await api.openPreferences();
      prefs = await PreferencesHarness.find();
      expect(getComputedStyle(prefs.dialog).animationName).to.equal('none');
    });
  });

  itAtNarrowViewport('at 320 px fits the width, scrolls inside and keeps every action reachable', async () => {
    await setViewport({ width: 320, height: 568 });
    await openFromBanner();
    prefs.expandAll();
    const box = prefs.dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(320);
    expect(prefs.dialog.scrollWidth).to.be.at.most(prefs.dialog.clientWidth);
    for (const el of [...prefs.switches.filter((s) => !s.disabled), prefs.button('reject-all'), prefs.button('accept-all'), prefs.button('save')]) {
      el.focus();
      const r = el.getBoundingClientRect();
      expect(r.top, el.id || el.textContent || '').to.be.at.least(box.top);
      expect(r.bottom, el.id || el.textContent || '').to.be.at.most(box.bottom);
      expect(r.right).to.be.at.most(320);
    }
    expect(await axeViolations(prefs.element)).to.deep.equal([]);
  });

  it('with an objection-basis category: its switch starts on and can be turned off', async () => {
    const config = await productConfig();
    const analytics = config.categories.find((c) => c.id == 'analytics')!;
    analytics.basis = 'objection';
    delete analytics.consentMode;
    await openFromBanner(config);
    expect(prefs.switchFor('analytics').checked).to.be.true;
    expect(prefs.root.getElementById('about-analytics')?.textContent).to.contain('On unless you switch it off.');
    prefs.toggle('analytics');
    prefs.clickSave();
    await prefs.closed();
    expect(api.getState().granted).to.deep.equal(['necessary']);
  });

  it('with Global Privacy Control: explains the signal and lets an explicit marketing opt-in through', async () => {
    await openFromBanner(undefined, true);
    expect(prefs.text).to.contain('Global Privacy Control signal, so marketing is off unless you switch it on here.');
    expect(prefs.switchFor('marketing').checked).to.be.false;
    prefs.toggle('marketing');
    prefs.clickSave();
    await prefs.closed();
    expect(api.getState().granted).to.include('marketing');
  });

  it('with GPC and no override: locks off every advertising category the core refuses, whatever its id', async () => {
    const config = await productConfig();
    config.gpc = { honour: true, allowOverride: false };
    // Advertising by its Consent Mode types, under an id that is not `marketing`.
    const ads = config.categories.find((c) => c.id == 'marketing')!;
    ads.id = 'advertising';
    ads.consentMode = ['ad_storage', 'ad_user_data'];
    await openFromBanner(config, true);
    expect(prefs.text).to.contain('Global Privacy Control signal, so marketing stays off on this site.');
    expect(prefs.text).not.to.contain('unless you switch it on');
    const locked = prefs.switchFor('advertising');
    expect(locked.checked).to.be.false;
    expect(locked.disabled).to.be.true;
    expect(prefs.switchFor('analytics').disabled).to.be.false;
    prefs.clickAcceptAll();
    await prefs.closed();
    expect(api.getState().denied).to.deep.equal(['advertising']);
  });

  it('speaks the config language, with lang and dir on the element', async () => {
    const config = await productConfig();
    config.language = 'fr';
    await openFromBanner(config);
    expect(prefs.element.lang).to.equal('fr');
    expect(prefs.button('save').textContent).to.equal('Enregistrer mes choix');
    expect(prefs.text).to.contain('Votre identifiant de consentement : pas encore');
  });

  it('opens from any [data-consentry-open] element and returns focus to it', async () => {
    api = await bootUi();
    banner = await BannerHarness.find();
    banner.clickRejectAll();
    await banner.gone();
    const link = document.createElement('button');
    link.dataset.consentryOpen = '';
    link.dataset.test = '';
    link.textContent = 'Cookie settings';
    document.body.append(link);
    link.focus();
    link.click();
    prefs = await PreferencesHarness.find();
    expect(prefs.checked).to.deep.equal(['necessary']);
    await press('Escape');
    await prefs.closed();
    expect(document.activeElement).to.equal(link);
  });
});
