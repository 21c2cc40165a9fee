/**
 * `configHash`: a digest of the canonical config (keys sorted, no
 * whitespace) so a receipt points at exactly what the visitor was shown.
 */
import { fnv } from './consent-cookie.js';

export const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? '[' + v.map(canonical).join(',') + ']'
    : v && typeof v === 'object'
      ? '{' +
        Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k]))
          .join(',') +
        '}'
      : JSON.stringify(v);

/** `sha256-<base64>`; pages on plain http have no WebCrypto, so they get a weaker `fnv1a-` digest. */
export const hashConfig = async (config: unknown): Promise<string> => {
  const text = canonical(config);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return 'fnv1a-' + fnv(text);
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(digest)));
};

/** A random v4 UUID, also where `crypto.randomUUID` is missing (plain http). */
export const uuid = (): string =>
  globalThis.crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );
