import * as crypto from 'node:crypto';
import { ReceiptSchema, type Receipt } from '../schemas/receipt.js';

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

const RECEIPT_KEYS = Object.keys(ReceiptSchema.properties);
// A hashed receipt's keys in canonicalJson's order, each with its `"key":`.
const HASHED_KEYS = [...RECEIPT_KEYS, 'receivedAt'].sort().map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }));

/**
 * canonicalJson({ ...receipt, receivedAt }), byte for byte, without copying
 * and sorting the receipt's keys on every append: they are known and sorted
 * once. Anything but exactly the receipt's keys goes the general way.
 */
function hashedJson(receipt: Receipt, receivedAt: string): string {
  const fields = receipt as unknown as Record<string, unknown>;
  if (Object.keys(fields).length !== RECEIPT_KEYS.length || !RECEIPT_KEYS.every((key) => Object.hasOwn(fields, key))) {
    return canonicalJson({ ...receipt, receivedAt });
  }
  let json = '';
  for (const { key, prefix } of HASHED_KEYS) {
    const value = key === 'receivedAt' ? receivedAt : fields[key];
    let text: string;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') text = JSON.stringify(value);
    else if (value === null || typeof value === 'object') text = canonicalJson(value);
    else if (value === undefined) continue; // canonicalJson leaves it out
    else return canonicalJson({ ...receipt, receivedAt }); // a function or a symbol: not JSON
    json += `${json === '' ? '{' : ','}${prefix}${text}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

/** hash = sha256(prevHash + canonicalJSON(receipt + receivedAt)), hex. */
export function chainHash(prevHash: string, receipt: Receipt, receivedAt: string): string {
  return sha256Hex(prevHash + hashedJson(receipt, receivedAt));
}

// crypto.hash() (Node 20.12 and later) hashes in one call, without a Hash object.
const oneShot = (crypto as Partial<typeof crypto>).hash;
const sha256Hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text).digest('hex');
