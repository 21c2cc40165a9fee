import { expect } from '@open-wc/testing';
import { encodeRecord, readCookie } from './consent-cookie.js';
import { ConfigError, effectiveBasis } from './config.js';
import { fnv } from './consent-cookie.js';
import { addScript, addToPage, boot, browserCookies, chunks, exampleConfig, loads, nextTask, ran, reset, uiCalls, waitUntil } from './core.harness.js';
import type { ChangeDetail, ConsentApi, CookieDeclaration } from './types.js';
import { itExceptIn } from '../../test/browser/engine.js';

const DAY = 864e5;

describe('the consent core', () => {
  afterEach(reset);

  describe('before any choice', () => {
    it('asks the UI chunk to show the banner', async () => {
      await boot();
      await nextTask();
      expect(uiCalls).to.deep.equal(['showBanner']);
    });

    it('asks, grants only the strictly necessary category and sets no cookie', async () => {
      const api = await boot();
      expect(api.needsChoice()).to.equal(true);
      expect(api.getState().granted).to.deep.equal(['necessary']);
      expect(api.get('analytics')).to.equal(false);
      expect(document.cookie).to.equal('');
      expect(localStorage.length).to.equal(0);
    });

    it('fetches the decide chunk only once the visitor presses a pointer or a key, or decides', async () => {
      await boot();
      await nextTask(150);
      expect(loads).not.to.include('decide');
      document.dispatchEvent(new PointerEvent('pointerdown'));
      expect(loads).to.include('decide');
    });

    it('a decision made through the API before any interaction still applies (it fetches the chunk itself)', async () => {
      const api = await boot();
      await api.rejectAll();
      expect(api.needsChoice()).to.equal(false);
    });

    it('each of the six decisions is a stub until the decide chunk is there: it fetches the chunk and decides', async () => {
      const decisions: [string, (api: ConsentApi) => Promise<void>, string[], string[]][] = [
        ['acceptAll', (api) => api.acceptAll(), ['necessary', 'functional', 'analytics', 'marketing'], []],
        ['rejectAll', (api) => api.rejectAll(), ['necessary'], []],
        ['save', (api) => api.save(['analytics'], 'preferences'), ['necessary', 'analytics'], []],
        ['withdraw', (api) => api.withdraw(), ['necessary'], []],
        ['object', (api) => api.object(), ['necessary'], []],
        ['allowService', (api) => api.allowService('marketing', 'video'), ['necessary'], ['marketing:video']],
      ];
      for (const [name, decide, granted, services] of decisions) {
        const api = await boot();
        expect(loads, name).not.to.include('decide');
        const change = new Promise<CustomEvent<ChangeDetail>>((r) => document.addEventListener('consentry:change', r, { once: true }));
        await decide(api);
        expect(loads, name).to.include('decide');
        expect(api.getState().decided, name).to.equal(true);
        expect(api.getState().granted, name).to.deep.equal(granted);
        expect(api.getState().services, name).to.deep.equal(services);
        expect((await change).detail.method, name).to.equal(name == 'save' ? 'preferences' : 'api');
        await reset();
      }
    });

    it('fires consentry:ready with the state', async () => {
      const ready = new Promise<CustomEvent>((r) => document.addEventListener('consentry:ready', r, { once: true }));
      await boot();
      expect((await ready).detail.state.decided).to.equal(false);
    });
  });

  describe('deciding', () => {
    it('accept all grants every category, stores the choice and fires consentry:change', async () => {
      const api = await boot();
      const change = new Promise<CustomEvent<ChangeDetail>>((r) => document.addEventListener('consentry:change', r, { once: true }));
      await api.acceptAll('banner');
      const { detail } = await change;
      expect(detail).to.deep.equal({
        granted: ['necessary', 'functional', 'analytics', 'marketing'],
        denied: [],
        action: 'accept-all',
        method: 'banner',
      });
      expect(api.needsChoice()).to.equal(false);
      expect(api.getState().subject).to.match(/^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
    });

    it('reject all grants only necessary', async () => {
      const api = await boot();
      await api.rejectAll();
      expect(api.getState().granted).to.deep.equal(['necessary']);
      expect(api.getState().denied).to.deep.equal(['functional', 'analytics', 'marketing']);
      expect(api.needsChoice()).to.equal(false);
    });

    it('a custom choice grants exactly the chosen categories; unknown ids are ignored', async () => {
      const api = await boot();
      await api.save(['analytics', 'nonsense']);
      expect(api.getState().granted).to.deep.equal(['necessary', 'analytics']);
    });

    it('onChange listeners hear each decision and can unsubscribe', async () => {
      const api = await boot();
      const heard: string[] = [];
      const off = api.onChange((d) => heard.push(d.action));
      await api.acceptAll();
      off();
      await api.rejectAll();
      expect(heard).to.deep.equal(['accept-all']);
    });

    it('a returning visitor gets the stored choice back without being asked', async () => {
      await (await boot()).save(['functional']);
      const again = await boot();
      expect(again.needsChoice()).to.equal(false);
      expect(again.getState().granted).to.deep.equal(['necessary', 'functional']);
    });
  });

  describe('the consent cookie', () => {
    it('is SameSite=Lax, Path=/, host-only, not HttpOnly, small, and expires after consentDays', async () => {
      const api = await boot();
      const before = Date.now() / 1e3;
      await api.acceptAll();
      const [cookie] = (await browserCookies()).filter((c) => c.name === 'consentry');
      expect(cookie).to.exist;
      expect(cookie.sameSite).to.equal('Lax');
      expect(cookie.path).to.equal('/');
      expect(cookie.httpOnly).to.equal(false);
      expect(cookie.domain).to.equal(location.hostname); // host-only: no leading dot
      expect(cookie.name.length + cookie.value.length).to.be.below(200);
      expect(cookie.expires - before).to.be.closeTo(182 * 86400, 120);
    });

    it('is Secure only on https (this test page is http)', async () => {
      await (await boot()).acceptAll();
      const [cookie] = await browserCookies();
      expect(cookie.secure).to.equal(location.protocol === 'https:');
    });

    it('uses the refusal lifetime when nothing optional was granted', async () => {
      const config = exampleConfig();
      config.cookie = { consentDays: 300, refusalDays: 30 };
      const before = Date.now() / 1e3;
      await (await boot(config)).rejectAll();
      const [cookie] = await browserCookies();
      expect(cookie.expires - before).to.be.closeTo(30 * 86400, 120);
    });

    itExceptIn({ webkit: 'WebKit refuses a Domain=localhost cookie and spec pages are served from localhost' }, 'sets the configured domain for subdomains', async () => {
      const config = exampleConfig();
      config.cookie = { domain: location.hostname };
      await (await boot(config)).acceptAll();
      const [cookie] = await browserCookies();
      // Chromium reports a Domain=localhost cookie without the leading dot.
      expect(cookie.domain.replace(/^\./, '')).to.equal(location.hostname);
      expect(document.cookie).to.contain('consentry=');
    });

    for (const [what, value] of [
      ['corrupt', '1|garbage'],
      ['truncated', () => encodeRecord({ ...record(), granted: ['analytics'] }).slice(0, 40)],
      ['unknown-version', () => '9' + encodeRecord(record()).slice(1)],
      ['forged (unknown category)', () => encodeRecord({ ...record(), granted: ['analytics', 'everything'] })],
      ['forged (future time)', () => encodeRecord({ ...record(), at: Date.now() + 30 * DAY })],
      ['forged (unknown service)', () => encodeRecord({ ...record(), services: ['marketing:spy'] })],
    ] as const) {
      it(`counts a ${what} cookie as no choice, never as consent`, async () => {
        document.cookie = `consentry=${encodeURIComponent(typeof value === 'function' ? value() : value)};path=/`;
        const api = await boot();
        expect(api.needsChoice()).to.equal(true);
        expect(api.get('analytics')).to.equal(false);
      });
    }
  });

  describe('asking again', () => {
    it('asks again when the revision changed', async () => {
      await (await boot()).acceptAll();
      const config = exampleConfig();
      config.revision = 2;
      const api = await boot(config);
      expect(api.needsChoice()).to.equal(true);
      expect(api.get('analytics')).to.equal(false);
    });

    it('asks again once consent is older than consentDays (clock moved)', async () => {
      await (await boot()).acceptAll();
      const within = await boot(exampleConfig(), { now: () => Date.now() + 181 * DAY });
      expect(within.needsChoice()).to.equal(false);
      const after = await boot(exampleConfig(), { now: () => Date.now() + 183 * DAY });
      expect(after.needsChoice()).to.equal(true);
      expect(after.get('marketing')).to.equal(false);
    });

    it('asks again once a refusal is older than refusalDays', async () => {
      const config = exampleConfig();
      config.cookie = { refusalDays: 30, consentDays: 300 };
      await (await boot(config)).rejectAll();
      expect((await boot(config, { now: () => Date.now() + 29 * DAY })).needsChoice()).to.equal(false);
      expect((await boot(config, { now: () => Date.now() + 31 * DAY })).needsChoice()).to.equal(true);
    });
  });

  describe('legal bases', () => {
    const withObjection = (jurisdiction?: string) => {
      const config = exampleConfig();
      config.jurisdiction = jurisdiction;
      config.categories[2].basis = 'objection';
      return config;
    };

    it('in the UK an objection-basis category is on before any choice', async () => {
      const api = await boot(withObjection('GB'));
      expect(api.get('analytics')).to.equal(true);
      expect(api.getState().bases.analytics).to.equal('objection');
      expect(api.needsChoice()).to.equal(true);
    });

    it('object() turns every objection-basis category off and records it', async () => {
      const api = await boot(withObjection('GB'));
      const heard: string[] = [];
      api.onChange((d) => heard.push(d.action));
      await api.object('banner');
      expect(api.get('analytics')).to.equal(false);
      expect(heard).to.deep.equal(['object']);
    });

    it('outside the UK objection becomes consent (EU rules)', async () => {
      const api = await boot(withObjection('auto'), { jurisdiction: 'FR' });
      expect(api.get('analytics')).to.equal(false);
      expect(api.getState().bases.analytics).to.equal('consent');
    });

    it('an unknown jurisdiction behaves as the EU', async () => {
      const api = await boot(withObjection('auto'));
      expect(api.getState().jurisdiction).to.equal('EU');
      expect(api.get('analytics')).to.equal(false);
    });

    it('a jurisdiction rendered by the page server wins over the site-wide one', async () => {
      const api = await boot(withObjection('auto'), { jurisdiction: 'de' });
      expect(api.getState().jurisdiction).to.equal('DE');
      expect(api.get('analytics')).to.equal(false);
    });

    it('advertising never gets the objection basis, even in the UK: the config is refused, naming the field', async () => {
      const config = exampleConfig();
      config.categories[3].basis = 'objection';
      const error = await boot(config).then(() => null, (e: unknown) => e as ConfigError);
      expect(error).to.be.instanceOf(ConfigError);
      expect(error!.issues.join()).to.match(/^categories\[3\]\.basis: /);
      // …and were it to slip through, the core would still treat it as consent.
      expect(effectiveBasis(config.categories[3], 'GB')).to.equal('consent');
    });

    it('a bad config fails closed: it throws, and no gated script runs', async () => {
      (window as unknown as { __ran: string[] }).__ran = [];
      addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('bad')");
      const config = exampleConfig();
      delete (config.categories[2].services![0].cookies![1] as Partial<CookieDeclaration>).duration;
      const error = await boot(config).then(() => null, (e: unknown) => e as ConfigError);
      expect(error!.issues).to.deep.equal(['categories[2].services[0].cookies[1].duration: required']);
      await nextTask(50);
      expect(ran()).to.deep.equal([]);
    });
  });

  describe('Global Privacy Control', () => {
    it('is a refusal of marketing: accept all leaves marketing off', async () => {
      const api = await boot(exampleConfig(), { gpc: true });
      await api.acceptAll('banner');
      expect(api.get('analytics')).to.equal(true);
      expect(api.get('marketing')).to.equal(false);
      expect(api.getState().gpc).to.equal(true);
    });

    it('is an objection to objection-basis categories before any choice', async () => {
      const config = exampleConfig();
      config.categories[2].basis = 'objection';
      const api = await boot(config, { gpc: true });
      expect(api.get('analytics')).to.equal(false);
    });

    it('an explicit opt-in in the preferences may override it (allowOverride, the default)', async () => {
      const api = await boot(exampleConfig(), { gpc: true });
      await api.save(['marketing'], 'preferences');
      expect(api.get('marketing')).to.equal(true);
    });

    it('cannot be overridden when allowOverride is false', async () => {
      const config = exampleConfig();
      config.gpc = { honour: true, allowOverride: false };
      const api = await boot(config, { gpc: true });
      await api.save(['marketing'], 'preferences');
      expect(api.get('marketing')).to.equal(false);
    });

    // Each boot is a later page: the earlier page's core is gone (destroyed), as
    // after a navigation. A live one would follow the decision like another tab.
    it('withdraws marketing a visitor granted before the signal was on, recorded as action gpc', async () => {
      const earlier = await boot();
      await earlier.acceptAll();
      earlier.destroy();
      const actions: string[] = [];
      const listener = (e: CustomEvent<ChangeDetail>) => actions.push(`${e.detail.action}/${e.detail.method}`);
      document.addEventListener('consentry:change', listener);
      const api = await boot(exampleConfig(), { gpc: true });
      document.removeEventListener('consentry:change', listener);
      expect(api.get('marketing')).to.equal(false);
      expect(api.get('analytics')).to.equal(true);
      expect(actions).to.deep.equal(['gpc/signal']);
    });

    it('is recorded once when it first appears after a refusal, and not again on later pages', async () => {
      const earlier = await boot();
      await earlier.rejectAll();
      earlier.destroy();
      const actions: string[] = [];
      const listener = (e: CustomEvent<ChangeDetail>) => actions.push(e.detail.action);
      document.addEventListener('consentry:change', listener);
      (await boot(exampleConfig(), { gpc: true })).destroy();
      await boot(exampleConfig(), { gpc: true });
      document.removeEventListener('consentry:change', listener);
      expect(actions).to.deep.equal(['gpc']);
    });

    it('is ignored when honour is false', async () => {
      const config = exampleConfig();
      config.gpc = { honour: false };
      const api = await boot(config, { gpc: true });
      await api.acceptAll();
      expect(api.get('marketing')).to.equal(true);
    });
  });

  describe('withdrawal', () => {
    it('deletes the category’s declared cookies (exact and prefix) and storage keys, and keeps the others', async () => {
      const api = await boot();
      await api.acceptAll();
      document.cookie = '_ga=GA1.1.1;path=/';
      document.cookie = '_ga_ABC123=GS1.1;path=/';
      document.cookie = `_ga_DOMAIN=1;path=/;domain=${location.hostname}`;
      document.cookie = 'prefs=dark;path=/';
      document.cookie = 'unrelated=1;path=/';
      localStorage.setItem('prefs:theme', 'dark');
      await api.withdraw(['analytics', 'functional']);
      const names = (await browserCookies()).map((c) => c.name).sort();
      expect(names).to.deep.equal(['consentry', 'unrelated']);
      expect(localStorage.getItem('prefs:theme')).to.equal(null);
      expect(api.get('analytics')).to.equal(false);
      expect(api.get('marketing')).to.equal(true);
    });

    it('deletes cookies set on a deeper path of the current page', async () => {
      const api = await boot();
      await api.acceptAll();
      const dir = location.pathname.replace(/[^/]*$/, '');
      document.cookie = `_fbp=fb.1;path=${dir}`;
      await api.rejectAll();
      expect(document.cookie).not.to.contain('_fbp');
    });

    it('records withdraw as its own action', async () => {
      const api = await boot();
      await api.acceptAll();
      const heard: ChangeDetail[] = [];
      api.onChange((d) => heard.push(d));
      await api.withdraw();
      expect(heard[0]).to.include({ action: 'withdraw', method: 'api' });
      expect(heard[0].granted).to.deep.equal(['necessary']);
    });
  });

  describe('the cookie record', () => {
    it('keeps the policy version the choice was made under', async () => {
      await (await boot()).rejectAll();
      const config = exampleConfig();
      config.policy = { url: '/privacy', version: '2027-01-01' };
      const api = await boot(config);
      expect(api.getState().policyVersion).to.equal('2026-05-01');
      expect(readCookie('consentry')).to.contain('2026-05-01');
    });
  });

  describe('the way back', () => {
    it('mounts a labelled floating button after a decision, and not before', async () => {
      const api = await boot();
      expect(document.querySelector('consentry-reopen')).to.equal(null);
      await api.rejectAll();
      const button = (await waitUntil(() => document.querySelector('consentry-reopen'))).shadowRoot!.querySelector('button')!;
      expect(button.textContent).to.equal('Cookie settings');
      button.click();
      await nextTask();
      expect(uiCalls).to.include('openPreferences:BUTTON');
    });

    it('is drawn by the core for a returning visitor: no chunk is fetched for it', async () => {
      const first = await boot();
      await first.rejectAll();
      await waitUntil(() => document.querySelector('consentry-reopen'));
      first.destroy();
      expect(document.querySelector('consentry-reopen')).to.equal(null);
      loads.length = 0;
      await boot();
      const host = await waitUntil(() => document.querySelector('consentry-reopen'));
      expect(host.shadowRoot!.querySelector('button')!.textContent).to.equal('Cookie settings');
      // A valid stored choice in English: the core alone, not even a label file.
      expect(loads).to.deep.equal([]);
    });

    it('takes its label from the tables: a texts.en override applies to a page in en-GB', async () => {
      const config = exampleConfig();
      delete config.language;
      config.texts = { en: { reopen: 'Your cookie choices' } };
      document.documentElement.lang = 'en-GB';
      try {
        const api = await boot(config);
        expect(api.getState().language).to.equal('en');
        await api.rejectAll();
        const host = await waitUntil(() => document.querySelector('consentry-reopen'));
        expect(host.shadowRoot!.querySelector('button')!.textContent).to.equal('Your cookie choices');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
    });

    it('speaks the visitor’s language, from that language’s file', async () => {
      const config = exampleConfig();
      config.language = 'fr';
      await (await boot(config)).rejectAll();
      const host = await waitUntil(() => document.querySelector('consentry-reopen'));
      expect(host.shadowRoot!.querySelector('button')!.textContent).to.equal('Paramètres des cookies');
    });

    it('is not mounted when the site declares another way back', async () => {
      const config = exampleConfig();
      config.ui = { reopenButton: false };
      await (await boot(config)).rejectAll();
      await nextTask();
      expect(document.querySelector('consentry-reopen')).to.equal(null);
    });

    it('loads the policy chunk for a <consentry-policy> on the page, or added later (once)', async () => {
      await boot();
      await nextTask();
      expect(loads).not.to.include('policy');
      addToPage('<consentry-policy></consentry-policy>');
      await nextTask();
      addToPage('<consentry-policy></consentry-policy>');
      await nextTask();
      expect(loads.filter((c) => c == 'policy')).to.have.length(1);
    });

    it('any [data-consentry-open] element opens the preferences through the UI chunk', async () => {
      await boot();
      const link = addToPage('<a href="#" data-consentry-open>Cookie settings</a>').querySelector('a')!;
      link.click();
      await nextTask();
      expect(uiCalls).to.deep.equal(['showBanner', 'openPreferences:A']);
    });
  });

  function record() {
    return {
      subject: '0f8fad5b-d9cb-469f-a165-70867728950e',
      revision: 1,
      at: Date.now() - DAY,
      granted: [] as string[],
      services: [] as string[],
      gpc: false,
      policyVersion: '2026-05-01',
      configHash: 'x',
    };
  }
});

describe('the validation stamp', () => {
  afterEach(reset);

  const loadsOf = () => {
    const asked: string[] = [];
    return { asked, load: (chunk: Parameters<typeof chunks>[0]) => (asked.push(chunk), chunks(chunk)) };
  };

  it('the core and `consentry check --stamp` compute the same digest', async () => {
    // bin/stamp.js is plain JS served by the test runner from the repo root.
    const { fnv: cliFnv, validationStamp } = (await import(`${'/bin/stamp.js'}`)) as {
      fnv: (s: string) => string;
      validationStamp: (c: unknown) => string;
    };
    for (const text of ['', 'consentry', JSON.stringify(exampleConfig()), 'ünïcødé ✓'])
      expect(cliFnv(text)).to.equal(fnv(text));
    expect(validationStamp({ ...exampleConfig(), $validated: 'old' })).to.equal(fnv(JSON.stringify(exampleConfig())));
  });

  it('a config with a matching stamp is not validated again: no validator download', async () => {
    const { validationStamp } = (await import(`${'/bin/stamp.js'}`)) as { validationStamp: (c: unknown) => string };
    const config = exampleConfig();
    config.$validated = validationStamp(config);
    const { asked, load } = loadsOf();
    await boot(config, { load });
    expect(asked).not.to.include('validate');
  });

  it('an edited config (stale stamp) is validated, and refused when wrong', async () => {
    const { validationStamp } = (await import(`${'/bin/stamp.js'}`)) as { validationStamp: (c: unknown) => string };
    const config = exampleConfig();
    config.$validated = validationStamp(config);
    config.categories[3].basis = 'objection'; // the marketer's edit after stamping
    const { asked, load } = loadsOf();
    const error = await boot(config, { load }).then(() => null, (e: unknown) => e as ConfigError);
    expect(asked).to.include('validate');
    expect(error?.issues.join()).to.contain('categories[3].basis');
  });

  /** Chunks as the harness loads them, but the validator only when the spec releases it. */
  const heldValidator = () => {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const shownWith: ConsentApi[] = [];
    const load = (chunk: Parameters<typeof chunks>[0]): Promise<unknown> =>
      chunk === 'validate'
        ? released.then(() => chunks(chunk))
        : chunk === 'ui'
          ? Promise.resolve({
              // A stand-in first layer: an element by the banner's name, as the real UI prepends it.
              showBanner: (api: ConsentApi) => {
                shownWith.push(api);
                const banner = document.createElement('consentry-banner');
                banner.dataset.test = ''; // removed by reset()
                document.body.prepend(banner);
              },
              openPreferences: async () => {},
            })
          : chunks(chunk);
    return { load, release, shownWith };
  };

  it('an unstamped config: the banner is shown while the validator is still on its way; nothing optional runs before it passes', async () => {
    ran(); // the list the gated script writes to
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('analytics')");
    const { load, release, shownWith } = heldValidator();
    const booting = boot(exampleConfig(), { load });
    const api = await waitUntil(() => shownWith[0]);
    expect(document.querySelector('consentry-banner')).to.exist;
    // A click on the banner before the check has passed waits for it.
    const accepting = api.acceptAll('banner');
    await nextTask(50);
    expect(ran()).to.deep.equal([]);
    expect(document.cookie).to.equal('');
    release();
    await booting;
    await accepting;
    expect(ran()).to.deep.equal(['analytics']);
  });

  it('an unstamped config: the decide chunk waits for the check, and a click made during it still reaches the other tabs', async () => {
    const { load, release, shownWith } = heldValidator();
    const asked: string[] = [];
    const heard: unknown[] = [];
    const otherTab = new BroadcastChannel('consentry');
    otherTab.onmessage = (e) => heard.push(e.data);
    try {
      const booting = boot(exampleConfig(), { load: (chunk) => (asked.push(chunk), load(chunk)) });
      const api = await waitUntil(() => shownWith[0]);
      // The pointer goes down on the banner: the decide chunk (receipts, even queued ones) is not fetched yet.
      document.dispatchEvent(new PointerEvent('pointerdown'));
      await nextTask(50);
      expect(asked).not.to.include('decide');
      const accepting = api.acceptAll('banner');
      release();
      await booting;
      await accepting;
      await waitUntil(() => heard.length);
      expect(heard).to.have.length(1);
    } finally {
      otherTab.close();
    }
  });

  it('a broken config shown beside the banner: the banner goes, the click fails and the core fails closed', async () => {
    ran(); // the list the gated script writes to
    addScript({ type: 'text/plain', 'data-consent': 'analytics' }, "__ran.push('analytics')");
    const config = exampleConfig();
    config.categories[3].basis = 'objection';
    const { load, release, shownWith } = heldValidator();
    const booting = boot(config, { load }).then(() => null, (e: unknown) => e as ConfigError);
    const api = await waitUntil(() => shownWith[0]);
    const accepting = api.acceptAll('banner').then(() => null, (e: unknown) => e as ConfigError);
    release();
    expect((await booting)?.issues.join()).to.contain('categories[3].basis');
    expect((await accepting)?.issues.join()).to.contain('categories[3].basis');
    expect(document.querySelector('consentry-banner')).to.equal(null);
    expect(api.needsChoice(), 'a late-loading UI does not show it again').to.equal(false);
    await nextTask(50);
    expect(ran()).to.deep.equal([]);
    expect(document.cookie).to.equal('');
  });

  it('a returning visitor whose choice was made under this exact config skips the validator', async () => {
    await (await boot()).rejectAll();
    const { asked, load } = loadsOf();
    await boot(exampleConfig(), { load });
    expect(asked).not.to.include('validate');
  });
});
