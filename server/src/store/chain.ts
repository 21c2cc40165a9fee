import { createHash } from 'node:crypto';
import type { Receipt } from '../schemas/receipt.js';

// The hash before the first row ever stored.
export const GENESIS_HASH = '0'.repeat(64);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted and no whitespace, so equal data hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value as Json));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const child = value[key];
      if (child !== undefined) sorted[key] = sortKeys(child);
    }
    return sorted;
  }
  return value;
}

/** hash = sha256(prevHash + canonicalJSON(receipt + receivedAt)), hex. */
export function chainHash(prevHash: string, receipt: Receipt, receivedAt: string): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...receipt, receivedAt }))
    .digest('hex');
}
