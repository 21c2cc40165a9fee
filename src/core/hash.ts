/**
 * `configHash`: a digest of the canonical config (keys sorted, no
 * whitespace) so a receipt points at exactly what the visitor was shown.
 */
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

/**
 * `sha256-<base64>` in every context. Pages on plain http (small sites,
 * intranets, staging) have no WebCrypto: there @noble/hashes computes the
 * same digest, imported only then, so https visitors never download it.
 */
export const hashConfig = async (config: unknown): Promise<string> => {
  const bytes = new TextEncoder().encode(canonical(config));
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  return 'sha256-' + btoa(String.fromCharCode(...digest));
};

/** A random v4 UUID, also where `crypto.randomUUID` is missing (plain http). */
export const uuid = (): string =>
  globalThis.crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );
