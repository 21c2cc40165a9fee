// The chain hash is a contract with every stored row: the shortcut in
// chainHash must give the bytes of the general definition for any receipt.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GENESIS_HASH, canonicalJson, chainHash } from '../src/store/chain.js';
import type { Receipt } from '../src/schemas/receipt.js';
import { makeReceipt } from './helpers.js';

const RECEIVED_AT = '2026-06-01T00:00:00.000Z';

/** The definition: sha256(prevHash + canonicalJSON(receipt + receivedAt)), hex. */
function definition(prevHash: string, receipt: object, receivedAt: string): string {
  return createHash('sha256').update(prevHash).update(canonicalJson({ ...receipt, receivedAt })).digest('hex');
}

describe('chainHash', () => {
  it('equals the definition for receipts in any key order, with odd keys and values', () => {
    const receipt = makeReceipt() as unknown as Record<string, unknown>;
    const { site: _site, ...withoutSite } = receipt;
    const samples: object[] = [
      receipt,
      makeReceipt({ granted: [], denied: ['b', 'a'], bases: { z: 'consent', a: 'objection' }, signals: { gpc: true } }),
      Object.fromEntries(Object.entries(receipt).reverse()),
      { ...receipt, extra: { y: 1, x: [2, { b: 1, a: 2 }] } },
      withoutSite,
      { ...withoutSite, other: 'in its place' },
      { ...receipt, site: undefined },
      { ...receipt, receivedAt: 'overridden by the argument' },
      { ...receipt, signals: { gpc: true, b: null, a: [1] }, revision: 1.5 },
    ];
    for (const sample of samples) {
      assert.equal(chainHash(GENESIS_HASH, sample as Receipt, RECEIVED_AT), definition(GENESIS_HASH, sample, RECEIVED_AT), JSON.stringify(sample));
      assert.equal(chainHash('f'.repeat(64), sample as Receipt, RECEIVED_AT), definition('f'.repeat(64), sample, RECEIVED_AT));
    }
  });
});
