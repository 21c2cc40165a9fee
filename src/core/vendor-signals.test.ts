import { expect } from '@open-wc/testing';
import { consentReader } from '../autoblock/consent-now.js';
import { addScript, boot, exampleConfig, reset } from './core.harness.js';
import type { ConsentApi, ConsentryConfig } from './types.js';
import { DATALAYER_EVENT, installSignals, type SignalState } from './vendor-signals.js';

type Q = ((...a: unknown[]) => void) & { q?: IArguments[]; queue?: IArguments[] };
type W = Record<string, unknown> & { uetq?: unknown[]; clarity?: Q; fbq?: Q; dataLayer?: unknown[] };
const w = window as unknown as W;
const calls = (list: ArrayLike<unknown>[] | undefined) => (list ?? []).map((a) => Array.from(a));

// The vendors' snippets, reduced to the part that matters here: how each
// treats an existing global and queues its first calls.
/** UET: keeps an existing queue, then queues its page load. */
const uetSnippet = () => {
  w.uetq = w.uetq || [];
  w.uetq.push('pageLoad');
};
/** Clarity: keeps an existing function, else defines a queueing stub; then a call of its own. */
const claritySnippet = () => {
  w.clarity =
    w.clarity ||
    function () {
      const c = w.clarity!;
      // eslint-disable-next-line prefer-rest-params
      (c.q = c.q || []).push(arguments);
    };
  w.clarity('set', 'page', 'home');
};
/** Meta: returns early when fbq exists (and would not load fbevents.js); else a stub with a queue, then init and a page view. */
const metaSnippet = () => {
  if (w.fbq) return 'skipped';
  const n: Q = function () {
    // eslint-disable-next-line prefer-rest-params
    n.queue!.push(arguments);
  };
  w.fbq = n;
  n.queue = [];
  w.fbq('init', '1234');
  w.fbq('track', 'PageView');
  return 'loaded';
};

const state = (granted: string[], decided = true): SignalState => ({ granted: ['necessary', ...granted], services: [], decided });
const ALL = { uet: true, clarity: true, meta: true, dataLayer: true };

describe('vendor consent signals', () => {
  afterEach(async () => {
    for (const k of ['uetq', 'clarity', 'fbq', 'dataLayer', 'gtag']) delete w[k];
    await reset();
  });

  describe('before any choice', () => {
    it('UET: the default (denied) is queued before the tag’s page load', () => {
      installSignals(exampleConfig(), ALL, () => state([], false));
      uetSnippet();
      expect(w.uetq).to.deep.equal(['consent', 'default', { ad_storage: 'denied' }, 'pageLoad']);
    });

    it('Clarity: consentv2 with both storages denied is the first call in its queue', () => {
      installSignals(exampleConfig(), ALL, () => state([], false));
      claritySnippet();
      expect(calls(w.clarity!.q)).to.deep.equal([
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
        ['set', 'page', 'home'],
      ]);
    });

    it('Meta: the snippet still loads (no stub in its way), and revoke is queued before init', () => {
      installSignals(exampleConfig(), ALL, () => state([], false));
      expect(metaSnippet()).to.equal('loaded');
      expect(calls(w.fbq!.queue)).to.deep.equal([['consent', 'revoke'], ['init', '1234'], ['track', 'PageView']]);
    });

    it('dataLayer: no event until there is a choice', () => {
      installSignals(exampleConfig(), ALL, () => state([], false)).sync();
      expect(w.dataLayer).to.equal(undefined);
    });
  });

  describe('a returning visitor who granted marketing and analytics', () => {
    it('each vendor hears the stored choice before its tag’s first call', () => {
      const signals = installSignals(exampleConfig(), ALL, () => state(['analytics', 'marketing']));
      uetSnippet();
      claritySnippet();
      metaSnippet();
      signals.sync();
      expect(w.uetq).to.deep.equal([
        'consent', 'default', { ad_storage: 'denied' },
        'consent', 'update', { ad_storage: 'granted' },
        'pageLoad',
      ]);
      expect(calls(w.clarity!.q)[0]).to.deep.equal(['consentv2', { ad_Storage: 'granted', analytics_Storage: 'granted' }]);
      expect(calls(w.fbq!.queue)).to.deep.equal([['consent', 'grant'], ['init', '1234'], ['track', 'PageView']]);
      expect(w.dataLayer).to.deep.equal([
        {
          event: DATALAYER_EVENT,
          consentry: { action: 'stored', method: null, granted: ['necessary', 'analytics', 'marketing'], denied: ['functional'], services: [] },
        },
      ]);
    });

    it('follows the categories’ own Consent Mode mapping', () => {
      const config = exampleConfig();
      config.categories.find((c) => c.id === 'analytics')!.consentMode = ['analytics_storage', 'ad_storage'];
      installSignals(config, { uet: true }, () => state(['analytics']));
      uetSnippet();
      expect(w.uetq!.slice(3, 6)).to.deep.equal(['consent', 'update', { ad_storage: 'granted' }]);
    });
  });

  describe('decisions after the tags loaded', () => {
    it('a withdrawal updates every vendor once, Clarity also erasing its cookies, and pushes one named dataLayer event', () => {
      let now = state(['analytics', 'marketing']);
      const signals = installSignals(exampleConfig(), { ...ALL, dataLayer: 'consent_update' }, () => now);
      uetSnippet();
      claritySnippet();
      metaSnippet();
      now = state([]);
      signals.sync({ granted: ['necessary'], denied: ['functional', 'analytics', 'marketing'], action: 'withdraw', method: 'preferences' });
      signals.sync({ granted: ['necessary'], denied: ['functional', 'analytics', 'marketing'], action: 'withdraw', method: 'preferences' });
      expect(w.uetq!.slice(-3)).to.deep.equal(['consent', 'update', { ad_storage: 'denied' }]);
      expect(w.uetq!.filter((x) => x === 'update')).to.have.length(2);
      expect(calls(w.clarity!.q).slice(-2)).to.deep.equal([
        ['consentv2', { ad_Storage: 'denied', analytics_Storage: 'denied' }],
        ['consent', false],
      ]);
      expect(calls(w.fbq!.queue).at(-1)).to.deep.equal(['consent', 'revoke']);
      expect(w.dataLayer!.map((e) => (e as { event: string }).event)).to.deep.equal(['consent_update', 'consent_update']);
      expect((w.dataLayer![0] as { consentry: unknown }).consentry).to.deep.equal({
        action: 'withdraw',
        method: 'preferences',
        granted: ['necessary'],
        denied: ['functional', 'analytics', 'marketing'],
        services: [],
      });
    });

    it('a vendor that is not switched on is not touched', () => {
      installSignals(exampleConfig(), { dataLayer: true }, () => state([]));
      uetSnippet();
      expect(w.uetq).to.deep.equal(['pageLoad']);
    });
  });

  describe('with the real core: a tag the gate releases on Accept all', () => {
    let api: ConsentApi | undefined;
    it('finds the grant already queued ahead of its own calls (the cookie is written before the gate acts)', async () => {
      const config: ConsentryConfig = exampleConfig();
      const now = consentReader(config, () => api);
      installSignals(config, { uet: true, meta: true }, now);
      addScript(
        { type: 'text/plain', 'data-consent': 'marketing' },
        "window.uetq = window.uetq || []; window.uetq.push('pageLoad'); window.__seen = window.uetq.slice();",
      );
      api = await boot(config);
      expect(w.__seen).to.equal(undefined);
      await api.acceptAll();
      expect(w.__seen).to.deep.equal([
        'consent', 'default', { ad_storage: 'denied' },
        'consent', 'update', { ad_storage: 'granted' },
        'pageLoad',
      ]);
      delete w.__seen;
    });
  });
});
