/**
 * The consent record, kept in one first-party cookie (PECR Sch. A1 para 4:
 * "maintaining a record of selections" is strictly necessary).
 *
 * Format, version 1, about 100 bytes:
 *   1|<subject hex>|<revision>|<time s, base36>|<granted+…>|<cat~svc+…>|<gpc 0/1>|<policy version>|<config hash prefix>|<check>
 * The check is a non-secret FNV-1a digest: it cannot stop a determined forger
 * (nothing client-side can) but it turns truncation and corruption into
 * "no choice"; `readRecord` then rejects anything a real choice could not contain.
 */
import Cookies from 'js-cookie';

export interface ConsentRecord {
  subject: string;
  revision: number;
  /** Time of the choice, ms since epoch (stored to the second). */
  at: number;
  /** Non-essential categories granted. */
  granted: string[];
  /** Services allowed one by one, `category:service`. */
  services: string[];
  gpc: boolean;
  policyVersion: string;
  /** First 12 characters of the config hash the visitor was shown. */
  configHash: string;
}

export interface CookieOptions {
  name: string;
  days: number;
  domain?: string;
}

const VERSION = '1';

/** FNV-1a, 32 bit, base36. */
export const fnv = (text: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193);
  return (h >>> 0).toString(36);
};

export const encodeRecord = (r: ConsentRecord): string => {
  const body = [
    VERSION,
    r.subject.replace(/-/g, ''),
    r.revision,
    Math.floor(r.at / 1e3).toString(36),
    r.granted.join('+'),
    r.services.join('+').replace(/:/g, '~'),
    +r.gpc,
    encodeURIComponent(r.policyVersion),
    r.configHash,
  ].join('|');
  return body + '|' + fnv(body);
};

/**
 * Parses a cookie value. Returns null for anything that is not exactly what
 * `encodeRecord` writes: a bad record is no choice, never consent.
 */
export const decodeRecord = (value: string | undefined): ConsentRecord | null => {
  const f = value?.split('|');
  if (f?.length !== 10 || f[0] !== VERSION || fnv(f.slice(0, 9).join('|')) !== f[9]) return null;
  const [, hex, revision, at, granted, services, gpc, policy, hash] = f as [string, ...string[]] & string[];
  if (!/^[\da-f]{32}$/.test(hex!) || !/^\d{1,9}$/.test(revision!) || !/^[\da-z]{1,8}$/.test(at!) || !/^[01]$/.test(gpc!))
    return null;
  try {
    return {
      subject: hex!.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
      revision: +revision!,
      at: parseInt(at!, 36) * 1e3,
      granted: granted ? granted.split('+') : [],
      services: services ? services.replace(/~/g, ':').split('+') : [],
      gpc: gpc === '1',
      policyVersion: decodeURIComponent(policy!),
      configHash: hash!,
    };
  } catch {
    return null;
  }
};

export const readCookie = (name: string): string | undefined => Cookies.get(name);

export const writeCookie = (value: string, o: CookieOptions): void => {
  Cookies.set(o.name, value, {
    expires: o.days,
    path: '/',
    sameSite: 'Lax',
    // Secure whenever the page is https; plain http is only ever local development.
    secure: location.protocol === 'https:',
    ...(o.domain ? { domain: o.domain } : {}),
  });
};
