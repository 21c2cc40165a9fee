import { expect } from '@open-wc/testing';
import type { ConsentRecord } from './consent-cookie.js';
import { createConsentStore, type PageView } from './consent-store.js';
import { decisionFor, factsOf, type Decision } from './decision-rules.js';
import type { ConsentryConfig } from './types.js';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 864e5;

/** A site with one category of each kind; `ads` is advertising by its Consent Mode types, not by its id. */
const site = (patch: Partial<ConsentryConfig> = {}): ConsentryConfig => ({
  revision: 3,
  categories: [
    { id: 'necessary', basis: 'strictly-necessary', title: 'N', description: 'N' },
    { id: 'statistics', basis: 'objection', title: 'S', description: 'S' },
    { id: 'analytics', title: 'A', description: 'A', services: [{ id: 'ga4', name: 'GA4' }] },
    { id: 'ads', basis: 'objection', consentMode: ['ad_storage'], title: 'Ads', description: 'Ads' },
  ],
  ...patch,
});
const view = (patch: Partial<PageView> = {}): PageView => ({ jurisdiction: 'GB', gpc: false, language: 'en', ...patch });
const record = (patch: Partial<ConsentRecord> = {}): ConsentRecord => ({
  subject: '00000000-0000-4000-8000-000000000000',
  revision: 3,
  at: NOW - DAY,
  granted: ['statistics', 'analytics'],
  services: [],
  gpc: false,
  policyVersion: '1',
  configHash: 'k',
  ...patch,
});
/** A store, with the category sets the decide chunk reads off it. */
const store = (config = site(), page = view(), stored: ConsentRecord | null = null) => {
  const s = createConsentStore(config, page, stored, NOW);
  return Object.assign(s, { facts: factsOf(config, s.state) });
};

/** What a decision leaves on, by the rules, from this store's facts and state. */
const leaves = (s: ReturnType<typeof store>, decision: Decision, arg?: readonly string[] | string) =>
  decisionFor(decision, s.facts, s.state, arg).granted;

describe('the consent store and the decision rules', () => {
  describe('jurisdiction: the objection basis', () => {
    it('holds in GB, where the statistics exception runs unless the visitor objects', () => {
      const { state } = store();
      expect(state.bases).to.deep.equal({ necessary: 'strictly-necessary', statistics: 'objection', analytics: 'consent', ads: 'consent' });
      expect(state.granted).to.deep.equal(['necessary', 'statistics']);
    });

    it('never holds for advertising, whatever the config says', () => {
      expect(store().state.bases.ads).to.equal('consent');
    });

    it('becomes consent everywhere else (EU, FR, unknown): only the necessary run before a choice', () => {
      for (const jurisdiction of ['EU', 'FR', 'US']) {
        const { state } = store(site(), view({ jurisdiction }));
        expect(state.bases.statistics, jurisdiction).to.equal('consent');
        expect(state.granted, jurisdiction).to.deep.equal(['necessary']);
      }
    });
  });

  describe('GPC', () => {
    it('is an objection: before any choice the objection categories stay off', () => {
      expect(store(site(), view({ gpc: true })).state.granted).to.deep.equal(['necessary']);
    });

    it('makes accept all leave every advertising category off, identified by its Consent Mode types', () => {
      expect(leaves(store(site(), view({ gpc: true })), 'accept-all')).to.deep.equal(['statistics', 'analytics']);
      expect(leaves(store(), 'accept-all')).to.deep.equal(['statistics', 'analytics', 'ads']);
    });

    it('lets an explicit opt-in in the preference centre override it by default', () => {
      expect(leaves(store(site(), view({ gpc: true })), 'custom', ['ads'])).to.deep.equal(['ads']);
      expect(store(site(), view({ gpc: true })).state.locked).to.deep.equal(['necessary']);
    });

    it('with allowOverride: false, locks advertising off: the switch and save() agree', () => {
      const s = store(site({ gpc: { allowOverride: false } }), view({ gpc: true }));
      expect(s.state.locked).to.deep.equal(['necessary', 'ads']);
      expect(s.state.denied).to.include('ads');
      expect(leaves(s, 'custom', ['analytics', 'ads'])).to.deep.equal(['analytics']);
    });

    it('locks nothing but the necessary when the site does not honour the signal', () => {
      const s = store(site({ gpc: { honour: false, allowOverride: false } }), view({ gpc: true }));
      expect(s.state.locked).to.deep.equal(['necessary']);
      expect(s.state.granted).to.deep.equal(['necessary', 'statistics']);
      expect(leaves(s, 'accept-all')).to.include('ads');
    });

    it('new since the stored choice: refuses advertising and objects, once', () => {
      const granted = ['statistics', 'analytics', 'ads'];
      const seen = store(site(), view({ gpc: true }), record({ granted }));
      expect(seen.signalIsNew()).to.equal(true);
      expect(leaves(seen, 'gpc')).to.deep.equal(['analytics']);
      expect(store(site(), view({ gpc: true }), record({ granted, gpc: true })).signalIsNew()).to.equal(false);
      expect(store(site(), view(), record({ granted })).signalIsNew()).to.equal(false);
      expect(store(site({ gpc: { honour: false } }), view({ gpc: true }), record({ granted })).signalIsNew()).to.equal(false);
    });
  });

  describe('the other decisions', () => {
    it('object keeps everything on but the objection categories', () => {
      expect(leaves(store(site(), view(), record()), 'object')).to.deep.equal(['analytics']);
    });

    it('reject all leaves nothing optional on; withdraw takes categories and their services away', () => {
      const s = store(site(), view(), record({ services: ['analytics:ga4'] }));
      expect(leaves(s, 'reject-all')).to.deep.equal([]);
      expect(decisionFor('withdraw', s.facts, s.state, ['analytics'])).to.deep.equal({ granted: ['statistics'], services: [] });
      expect(leaves(s, 'withdraw')).to.deep.equal([]);
    });

    it('one service is added to the current grants, once', () => {
      const s = store(site(), view(), record({ granted: [], services: ['analytics:ga4'] }));
      expect(decisionFor('service', s.facts, s.state, 'analytics:ga4')).to.deep.equal({ granted: [], services: ['analytics:ga4'] });
    });

    it('never stores a strictly necessary or unknown category', () => {
      expect(leaves(store(), 'custom', ['necessary', 'video', 'analytics'])).to.deep.equal(['analytics']);
    });
  });

  describe('the stored record', () => {
    it('is the choice when it fits this revision, these categories and services, and its lifetime', () => {
      const { state } = store(site(), view(), record({ services: ['analytics:ga4'] }));
      expect(state.decided).to.equal(true);
      expect(state.granted).to.deep.equal(['necessary', 'statistics', 'analytics']);
      expect(state.services).to.deep.equal(['analytics:ga4']);
    });

    it('is no choice when anything does not fit', () => {
      for (const [why, r] of [
        ['another revision', record({ revision: 2 })],
        ['an unknown category', record({ granted: ['analytics', 'video'] })],
        ['a necessary category (never stored)', record({ granted: ['necessary'] })],
        ['an unknown service', record({ services: ['analytics:hotjar'] })],
        ['expired (182 days by default)', record({ at: NOW - 183 * DAY })],
        ['from the future', record({ at: NOW + 2 * DAY })],
      ] as const)
        expect(store(site(), view(), r).state.decided, why).to.equal(false);
    });

    it('keeps a refusal for refusalDays and a grant for consentDays', () => {
      const config = site({ cookie: { consentDays: 30, refusalDays: 400 } });
      expect(store(config, view(), record({ granted: [], at: NOW - 300 * DAY })).state.decided).to.equal(true);
      expect(store(config, view(), record({ at: NOW - 31 * DAY })).state.decided).to.equal(false);
    });
  });

  it('takes a record from another tab only if it fits this config: another revision is no choice', () => {
    const s = store(site(), view(), record());
    s.set(record({ granted: ['analytics'], revision: 4 }), NOW);
    expect(s.state.decided).to.equal(false);
    expect(s.state.granted).to.deep.equal(['necessary', 'statistics']);
    s.set(record({ granted: ['analytics'] }), NOW);
    expect(s.state.granted).to.deep.equal(['necessary', 'analytics']);
  });

  it('publishes the language it was given and tells subscribers of every decision, until unsubscribed', () => {
    const s = store(site(), view({ language: 'cy' }));
    expect(s.state.language).to.equal('cy');
    const seen: string[][] = [];
    const off = s.subscribe((_, state) => seen.push(state.granted));
    s.set(record({ granted: ['analytics'] }), NOW);
    s.publish({ granted: s.state.granted, denied: s.state.denied, action: 'custom', method: 'api' });
    off();
    s.publish({ granted: [], denied: [], action: 'custom', method: 'api' });
    expect(seen).to.deep.equal([['necessary', 'analytics']]);
  });
});
