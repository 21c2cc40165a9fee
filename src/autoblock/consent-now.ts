/**
 * The consent in force at this moment, for the head script (which runs before
 * the core and beside it). Read from the consent cookie on every question:
 * the core writes the cookie before it releases anything, so a tag the gate
 * releases already finds the new choice, and a withdrawal made in another tab
 * holds here at once. Without a valid record it asks the core (objection-basis
 * defaults, GPC); before the core is up only the strictly-necessary categories count.
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
    if (record) return { granted: [...necessary, ...record.granted], services: record.services, decided: true };
    const state = api()?.getState();
    return state ?? { granted: necessary, services: [], decided: false };
  };
};

export const allowedBy =
  (now: () => ConsentNow): Allowed =>
  (category, service) => {
    const c = now();
    return c.granted.includes(category) || (!!service && c.services.includes(`${category}:${service}`));
  };
