/**
 * Google Consent Mode v2. The default (everything denied but security) must be
 * the first consent command on the page, the stored choice is re-issued as an
 * `update` on every page before any tag runs, and each decision sends one
 * `update`. gtag.js reads only `arguments` objects from the dataLayer: an
 * array pushed there is silently ignored.
 */
import type { ConsentModeType, ConsentryConfig } from './types.js';

type Win = typeof globalThis & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void };

/** Category id → Consent Mode types, used when a category does not say. */
export const DEFAULT_MAPPING: Record<string, ConsentModeType[]> = {
  necessary: ['security_storage'],
  functional: ['functionality_storage', 'personalization_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
};

/** All seven v2 types: the default mapping happens to name each once. */
const CONSENT_MODE_TYPES = Object.values(DEFAULT_MAPPING).flat();

const gtag = (...args: unknown[]): void => {
  const w = globalThis as Win;
  // `arguments`, not a rest array: the one shape gtag.js accepts. The page's
  // dataLayer is read at each call, as gtag.js's own snippet does.
  // eslint-disable-next-line prefer-rest-params
  w.gtag ??= function () { (w.dataLayer ??= []).push(arguments); };
  w.gtag(...args);
};

/** Each type `granted` or `denied`: security storage always granted, the rest as the granted categories map. */
const values = (config: ConsentryConfig, granted: readonly string[]) => {
  const on = config.categories.flatMap((c) => (granted.includes(c.id) ? (c.consentMode ?? DEFAULT_MAPPING[c.id] ?? []) : []));
  return Object.fromEntries(CONSENT_MODE_TYPES.map((t) => [t, t == 'security_storage' || on.includes(t) ? 'granted' : 'denied']));
};

/** The default command; never grants anything but security storage. */
export const consentDefault = (config: ConsentryConfig): void => {
  const cm = config.consentMode;
  gtag('consent', 'default', { ...values(config, []), wait_for_update: cm?.waitForUpdate ?? 500 });
  if (cm?.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (cm?.urlPassthrough) gtag('set', 'url_passthrough', true);
};

export const consentUpdate = (config: ConsentryConfig, granted: string[]): void => {
  gtag('consent', 'update', values(config, granted));
};
