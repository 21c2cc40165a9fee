/**
 * The consent record, kept in one first-party cookie (PECR Sch. A1 para 4:
 * "maintaining a record of selections" is strictly necessary).
 *
 * Format, version 1, about 100 bytes:
 *   1|<subject uuid>|<revision>|<time s, base36>|<granted+…>|<cat:svc+…>|<gpc 0/1>|<policy version>|<config key>|<check>
 * Every character is one js-cookie writes as it is, so reading needs no decoding.
 * The check is a non-secret FNV-1a digest: it cannot stop a determined forger
 * (nothing client-side can) but it turns truncation and corruption into
 * "no choice"; `readRecord` then rejects anything a real choice could not contain.
 */
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
    r.subject,
    r.revision,
    Math.floor(r.at / 1e3).toString(36),
    r.granted.join('+'),
    r.services.join('+'),
    +r.gpc,
    // Versions are dates or numbers; anything else is kept as a digest of itself.
    /^[\w.-]{1,40}$/.test(r.policyVersion) ? r.policyVersion : fnv(r.policyVersion),
    r.configHash,
  ].join('|');
  return body + '|' + fnv(body);
};

/**
 * Parses a cookie value. Returns null for anything `encodeRecord` did not
 * write: another version, a field missing or added, a check that does not
 * match, a subject that is not a UUID (receipts need one). A bad record is no
 * choice, never consent; the consent store then rejects anything a real
 * choice for this config could not contain.
 */
export const decodeRecord = (value = ''): ConsentRecord | null => {
  const f = value.split('|');
  const check = f.pop();
  const [version, subject, revision, at, granted, services, gpc, policyVersion, configHash] = f;
  const list = (s: string) => (s ? s.split('+') : []);
  return f.length == 9 && version == '1' && check == fnv(f.join('|')) && /^[\da-f-]{36}$/.test(subject)
    ? {
        subject,
        revision: +revision,
        at: parseInt(at, 36) * 1e3,
        granted: list(granted),
        services: list(services),
        gpc: gpc == '1',
        policyVersion,
        configHash,
      }
    : null;
};

/** Reads one cookie; returning visitors only ever read, so js-cookie is left to the decide chunk that writes. */
export const readCookie = (name: string): string | undefined =>
  document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'))?.[1];
