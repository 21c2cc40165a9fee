/**
 * The consent store: every fact about the visitor's decision, worked out once
 * from the config, this page view (jurisdiction, GPC signal, language) and the
 * stored record. Pure: no DOM, no cookie, no clock — the core hands it the
 * decoded record and the time. The elements, the receipt and the policy
 * viewer all read the `ConsentState` it publishes.
 *
 * The rules of the state, in one place (what each decision leaves on is
 * `decision-rules.ts`, loaded with the decide chunk, which reads the same
 * category sets off this state):
 * - jurisdiction: `objection` exists only in GB and never for advertising; elsewhere it is consent;
 * - before any choice only the strictly necessary categories run, plus the
 *   objection ones unless GPC is honoured (the signal is an objection);
 * - GPC with `allowOverride: false` locks every advertising category off, whatever its id;
 * - a record is valid only for this revision, these categories and services, and its lifetime.
 */
import { DEFAULT_DAYS, effectiveBasis, isAdvertising } from './config.js';
import type { ConsentRecord } from './consent-cookie.js';
import type { ChangeDetail, ConsentryConfig, ConsentState } from './types.js';

const DAY = 864e5;

/** This page view: what the core read outside the config. */
export interface PageView {
  jurisdiction: string;
  /** `navigator.globalPrivacyControl` */
  gpc: boolean;
  /** Resolved by `resolveLanguage`. */
  language: string;
}

export type Listener = (detail: ChangeDetail, state: ConsentState) => void;

/** The store of this page view, holding `stored` if it is a valid choice at `now`. */
export const createConsentStore = (config: ConsentryConfig, view: PageView, stored: ConsentRecord | null, now: number) => {
  const ids = config.categories.map((c) => c.id);
  const bases = Object.fromEntries(config.categories.map((c) => [c.id, effectiveBasis(c, view.jurisdiction)]));
  const withBasis = (basis: string) => ids.filter((id) => bases[id] === basis);
  const necessary = withBasis('strictly-necessary');
  const objection = withBasis('objection');
  const optional = ids.filter((id) => !necessary.includes(id));
  const ads = config.categories.filter(isAdvertising).map((c) => c.id);
  const services = config.categories.flatMap((c) => c.services?.map((s) => c.id + ':' + s.id) ?? []);
  const gpc = view.gpc && config.gpc?.honour !== false;
  // Locked off: advertising, while an honoured GPC signal allows no override.
  const refused = gpc && config.gpc?.allowOverride === false ? ads : [];

  /** Days a record with these grants is kept. */
  const lifetime = (granted: readonly string[]) =>
    (granted.some((id) => bases[id] === 'consent') ? config.cookie?.consentDays : config.cookie?.refusalDays) ??
    DEFAULT_DAYS;

  // Kept only if a real choice for this config could have made it and it has not expired.
  const valid = (r: ConsentRecord | null, at: number) =>
    r &&
    r.revision === config.revision &&
    r.granted.every((id) => optional.includes(id)) &&
    r.services.every((s) => services.includes(s)) &&
    r.at <= at + DAY &&
    at - r.at < lifetime(r.granted) * DAY
      ? r
      : null;
  let record = valid(stored, now);
  const compute = (): ConsentState => {
    const on = record ? record.granted : gpc ? [] : objection;
    const granted = ids.filter((id) => necessary.includes(id) || on.includes(id));
    return {
      ...view,
      subject: record?.subject ?? null,
      decided: !!record,
      granted,
      denied: ids.filter((id) => !granted.includes(id)),
      locked: [...necessary, ...refused],
      services: record?.services ?? [],
      bases,
      decidedAt: record?.at ?? null,
      policyVersion: record?.policyVersion ?? null,
      revision: config.revision,
    };
  };
  let state = compute();
  const listeners = new Set<Listener>();

  return {
    lifetime,
    get record() {
      return record;
    },
    get state() {
      return state;
    },

    /** A decision was stored (here, or in another tab: `r` is then kept only if it is valid for this config at `at`). */
    set(r: ConsentRecord | null, at: number) {
      record = valid(r, at);
      state = compute();
    },

    /** An honoured signal that is new since the stored choice: the core records a `gpc` decision, once. */
    signalIsNew: () => gpc && !!record && !record.gpc,

    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish(detail: ChangeDetail) {
      for (const l of listeners) l(detail, structuredClone(state));
    },
    clear: () => listeners.clear(),
  };
};

export type ConsentStore = ReturnType<typeof createConsentStore>;
