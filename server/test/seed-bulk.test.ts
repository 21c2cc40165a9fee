// The bulk seeder writes rows straight into the tables (one transaction,
// many rows per statement) instead of going through append(). Every scale
// figure rests on it storing exactly what the server would have stored.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Receipt } from '../src/schemas/receipt.js';
import { FIGURE_DIMENSIONS, type ReceiptStore } from '../src/store/store.js';
import { adapters, openStoreAt } from './helpers.js';

// @ts-expect-error plain .mjs module without type declarations
import { bulkHistory as untypedBulkHistory, writeReceipts as untypedWriteReceipts } from '../scripts/seed-bulk.mjs';

interface Seeded {
  receipt: Receipt;
  receivedAt: string;
}
const bulkHistory = untypedBulkHistory as (options: { rows: number; days: number; batch: number; seed: number; end: number }) => Iterable<Seeded[]>;
const writeReceipts = untypedWriteReceipts as (location: Record<string, string>, batches: Iterable<Seeded[]>) => Promise<number>;

const END = Date.parse('2026-11-30T00:00:00Z');
const HOUR = 3600;

/** Stores each batch through append(), with the server clock at the batch's receivedAt. */
async function appendAll(location: Record<string, string>, batches: Seeded[][]): Promise<void> {
  let clock = new Date(0);
  const store = await openStoreAt(location, () => clock);
  try {
    for (const batch of batches) {
      clock = new Date(batch[0]?.receivedAt ?? 0);
      await store.append(batch.map((item) => item.receipt));
    }
  } finally {
    await store.close();
  }
}

async function chainOf(location: Record<string, string>) {
  const store = await openStoreAt(location);
  try {
    const rows = [];
    for await (const row of store.export()) rows.push({ seq: row.seq, hash: row.hash, receivedAt: row.receivedAt });
    return { rows, verify: await store.verify() };
  } finally {
    await store.close();
  }
}

async function figuresOf(store: ReceiptStore) {
  const first = Math.floor((END - 4 * 86_400_000) / 1000 / HOUR) * HOUR;
  const boundaries = Array.from({ length: 4 * 24 + 2 }, (_, i) => first + i * HOUR);
  const all = [];
  for (const dimension of FIGURE_DIMENSIONS) all.push(await store.figures({ dimension, boundaries }));
  return all;
}

for (const adapter of adapters) {
  describe(`seed-bulk: ${adapter.name}`, () => {
    test('stores what append() would have: the same rows, hashes and figure slots, topping up an existing chain', async (t) => {
      const batches = [...bulkHistory({ rows: 3000, days: 3, batch: 250, seed: 7, end: END })];
      const viaAppend = await adapter.open(t);
      const viaSeeder = await adapter.open(t);
      await viaAppend.store.close();
      await viaSeeder.store.close();

      await appendAll(viaAppend.location, batches);
      // The seeder continues a chain that append() started.
      await appendAll(viaSeeder.location, batches.slice(0, 1));
      assert.equal(await writeReceipts(viaSeeder.location, batches.slice(1)), 2750);

      const expected = await chainOf(viaAppend.location);
      const seeded = await chainOf(viaSeeder.location);
      assert.equal(seeded.rows.length, 3000);
      assert.deepEqual(seeded.rows, expected.rows);
      assert.equal(seeded.verify.ok, true);

      const a = await openStoreAt(viaAppend.location);
      const b = await openStoreAt(viaSeeder.location);
      try {
        const want = await figuresOf(a);
        assert.ok(want.every((f) => f.actions.length > 0 && f.categories.length > 0));
        assert.deepEqual(await figuresOf(b), want);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
