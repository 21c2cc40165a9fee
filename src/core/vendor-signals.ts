/**
 * The consent signals of vendors other than Google (whose Consent Mode stays
 * in the core, consent-mode.ts), each switched on in `signals`:
 *
 *   uet        Microsoft UET:     uetq.push('consent', 'default' | 'update', { ad_storage })
 *   clarity    Microsoft Clarity: clarity('consentv2', { ad_Storage, analytics_Storage })
 *   meta       Meta Pixel:        fbq('consent', 'grant' | 'revoke')
 *   dataLayer  one `dataLayer` event per decision, for tag-manager triggers
 *
 * What each vendor is told follows the Consent Mode types the granted
 * categories map to (a category's `consentMode`, or the default by id), so a
 * site states its mapping once.
 *
 * Order: the vendors' globals (`uetq`, `clarity`, `fbq`) become accessors
 * that bring the vendor up to date each time a tag reads them. A vendor's
 * snippet reads its global before anything else, so the consent call is
 * queued ahead of the snippet's own `pageLoad` / `init` — on every page, and
 * also when the gate releases the tag right after a decision (the core writes
 * the consent cookie before it releases anything).
 */
import { DEFAULT_MAPPING } from './consent-mode.js';
import type { ChangeDetail, ConsentryConfig, SignalsConfig } from './types.js';

type Fn = ((...args: unknown[]) => void) & { q?: unknown[] };

export interface SignalState {
  granted: string[];
  services: string[];
  decided: boolean;
}

/** The `event` of the dataLayer entry unless `signals.dataLayer` names another. */
export const DATALAYER_EVENT = 'consentry_consent';

/** Consent Mode types the granted categories stand for. */
export const grantedTypes = (config: ConsentryConfig, granted: readonly string[]): Set<string> =>
  new Set(
    config.categories
      .filter((c) => granted.includes(c.id))
      .flatMap((c) => c.consentMode ?? DEFAULT_MAPPING[c.id] ?? []),
  );

const word = (on: boolean) => (on ? 'granted' : 'denied');

/**
 * Makes `win[name]` an accessor that runs `sync` whenever a tag reads it,
 * keeping whatever the vendor assigns to it.
 */
const watchGlobal = (win: object, name: string, sync: (value: unknown) => void, initial?: unknown) => {
  let value: unknown = (win as Record<string, unknown>)[name] ?? initial;
  Object.defineProperty(win, name, {
    configurable: true,
    get: () => (sync(value), value),
    set: (v: unknown) => void (value = v),
  });
  return () => value;
};

export interface Signals {
  /** Brings every vendor up to date; `detail` is a decision (for the dataLayer event). */
  sync(detail?: ChangeDetail): void;
}

export const installSignals = (
  config: ConsentryConfig,
  signals: SignalsConfig,
  now: () => SignalState,
  win: Window = window,
): Signals => {
  const types = () => grantedTypes(config, now().granted);
  const vendors: (() => void)[] = [];

  if (signals.uet) {
    // UET's default goes first on the page; its snippet keeps an existing queue (`uetq = uetq || []`).
    let told = 'denied';
    const queue = [] as unknown[];
    queue.push('consent', 'default', { ad_storage: 'denied' });
    const sync = (q: unknown) => {
      const ads = word(types().has('ad_storage'));
      if (ads !== told && q) {
        told = ads;
        (q as unknown[]).push('consent', 'update', { ad_storage: ads });
      }
    };
    const get = watchGlobal(win, 'uetq', sync, queue);
    vendors.push(() => sync(get()));
  }

  if (signals.clarity) {
    // Clarity's own stub shape, which its snippet keeps (`clarity = clarity || function …`).
    const stub: Fn = function () {
      // eslint-disable-next-line prefer-rest-params
      (stub.q ??= []).push(arguments);
    };
    let told = '';
    const sync = (fn: unknown) => {
      const on = types();
      const v = { ad_Storage: word(on.has('ad_storage')), analytics_Storage: word(on.has('analytics_storage')) };
      const key = v.ad_Storage + v.analytics_Storage;
      if (key === told || typeof fn != 'function') return;
      const call = fn as Fn;
      const erase = told !== '' && v.analytics_Storage === 'denied';
      told = key;
      call('consentv2', v);
      // Clarity keeps its cookies after a withdrawal until told to erase them.
      if (erase) call('consent', false);
    };
    const get = watchGlobal(win, 'clarity', sync, stub);
    vendors.push(() => sync(get()));
  }

  if (signals.meta) {
    // No stub here: Meta's snippet returns early when `fbq` exists, and would never load fbevents.js.
    let told = '';
    const sync = (fn: unknown) => {
      const v = types().has('ad_storage') ? 'grant' : 'revoke';
      if (v === told || typeof fn != 'function') return;
      told = v;
      (fn as Fn)('consent', v);
    };
    const get = watchGlobal(win, 'fbq', sync);
    vendors.push(() => sync(get()));
  }

  return {
    sync(detail) {
      for (const v of vendors) v();
      if (signals.dataLayer && (detail || now().decided)) {
        const state = now();
        const w = win as Window & { dataLayer?: unknown[] };
        (w.dataLayer ??= []).push({
          event: typeof signals.dataLayer == 'string' ? signals.dataLayer : DATALAYER_EVENT,
          consentry: {
            action: detail?.action ?? 'stored',
            method: detail?.method ?? null,
            granted: state.granted,
            denied: config.categories.map((c) => c.id).filter((id) => !state.granted.includes(id)),
            services: state.services,
          },
        });
      }
    },
  };
};
