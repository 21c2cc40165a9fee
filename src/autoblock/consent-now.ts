/**
 * The consent in force at this moment, for the head script (which runs before
 * the core and beside it). Read from the consent cookie on every question:
 * the core writes the cookie before it releases anything, so a tag the gate
 * releases already finds the new choice. Once this tab's core is up, a
 * category counts only while both the cookie and the core allow it, so a
 * withdrawal made in another tab holds here as soon as either has heard of
 * it. Without a valid record it asks the core (objection-basis defaults,
 * GPC); before the core is up only the strictly-necessary categories count.
 */
import { decodeRecord, readCookie } from '../core/consent-cookie.js';
import type { ConsentApi, ConsentryConfig } from '../core/types.js';

export interface ConsentNow {
  granted: string[];
  services: string[];
  decided: boolean;
}

export type Allowed = (category: string, service?: string) => boolean;

export const consentReader = (config: ConsentryConfig, api: () => ConsentApi | undefined): (() => ConsentNow) => {
  const necessary = config.categories.filter((c) => c.basis === 'strictly-necessary').map((c) => c.id);
  let raw: string | undefined;
  let record: ReturnType<typeof decodeRecord> = null;
  return () => {
    const value = readCookie(config.cookie?.name ?? 'consentry');
    if (value !== raw) {
      raw = value;
      record = decodeRecord(value);
      if (record?.revision !== config.revision) record = null;
    }
    const state = api()?.getState();
    if (!record) return state ?? { granted: necessary, services: [], decided: false };
    const granted = [...necessary, ...record.granted];
    // A decision made in another tab reaches this tab's core on its channel and
    // the cookie by another way, in either order (WebKit keeps a copy of the
    // cookies in each page's process), and the record keeps whole seconds only:
    // what is allowed is what both allow.
    return state?.decided
      ? { granted: granted.filter((c) => state.granted.includes(c)), services: record.services.filter((s) => state.services.includes(s)), decided: true }
      : { granted, services: record.services, decided: true };
  };
};

export const allowedBy =
  (now: () => ConsentNow): Allowed =>
  (category, service) => {
    const c = now();
    return c.granted.includes(category) || (!!service && c.services.includes(`${category}:${service}`));
  };
