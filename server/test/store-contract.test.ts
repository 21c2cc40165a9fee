// One contract, run against every ReceiptStore adapter on a real database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GENESIS_HASH, canonicalJson, chainHash } from '../src/store/chain.js';
import { withGroupCommit } from '../src/store/group-commit.js';
import { DEFAULT_SQLITE_WRITER, openSqliteStore } from '../src/store/sqlite-store.js';
import type { SqliteWriterKind } from '../src/store/sqlite-writer.js';
import type { StoredReceipt } from '../src/store/store.js';
import { adapters, makeReceipt, type Adapter } from './helpers.js';

/** The SQLite adapter with its appends on the given writer (sqlite-writer.ts). */
function sqliteWith(writer: SqliteWriterKind): Adapter {
  const sqlite = adapters.find((adapter) => adapter.name === 'sqlite')!;
  return {
    name: 'sqlite',
    async open(t) {
      const opened = await sqlite.open(t);
      await opened.store.close();
      return { ...opened, store: openSqliteStore(opened.location['RECEIPTS_DB'] ?? '', { writer }) };
    },
  };
}

// Every adapter, and SQLite once more with the writer it does not use by default.
const otherWriter: SqliteWriterKind = DEFAULT_SQLITE_WRITER === 'worker' ? 'inline' : 'worker';
const contractAdapters = [
  ...adapters.map((adapter) => ({ label: adapter.name === 'sqlite' ? `sqlite (${DEFAULT_SQLITE_WRITER} writer)` : adapter.name, adapter })),
  { label: `sqlite (${otherWriter} writer)`, adapter: sqliteWith(otherWriter) },
];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('canonical JSON and the chain hash', () => {
  test('sorts keys at every depth and drops whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  test('the hash covers the previous hash, every field and receivedAt', () => {
    const receipt = makeReceipt();
    const base = chainHash(GENESIS_HASH, receipt, '2026-06-01T00:00:00.000Z');
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(chainHash(GENESIS_HASH, { ...receipt }, '2026-06-01T00:00:00.000Z'), base);
    assert.notEqual(chainHash('1'.repeat(64), receipt, '2026-06-01T00:00:00.000Z'), base);
    assert.notEqual(chainHash(GENESIS_HASH, receipt, '2026-06-01T00:00:00.001Z'), base);
    assert.notEqual(chainHash(GENESIS_HASH, { ...receipt, granted: ['necessary'] }, '2026-06-01T00:00:00.000Z'), base);
  });
});

for (const { label, adapter } of contractAdapters) {
  describe(`ReceiptStore contract: ${label}`, () => {
    test('stores new receipts and reports known ids as duplicates, once each', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      const first = makeReceipt();
      const second = makeReceipt();
      assert.deepEqual(await store.append([first]), [{ id: first.id, status: 'stored' }]);
      // A batch: one known id, one new id, and the new id repeated inside the batch.
      assert.deepEqual(await store.append([first, second, second]), [
        { id: first.id, status: 'duplicate' },
        { id: second.id, status: 'stored' },
        { id: second.id, status: 'duplicate' },
      ]);
      const all = await collect(store.export());
      assert.deepEqual(all.map((r) => r.receipt.id), [first.id, second.id]);
      assert.deepEqual(all.map((r) => r.seq), [1, 2]);
    });

    test('links each row to the one before and reads back exactly what was stored', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      const receipts = [makeReceipt(), makeReceipt({ action: 'withdraw', granted: ['necessary'], denied: ['functional'] })];
      await store.append(receipts);
      const rows = await collect(store.export());
      assert.equal(rows[0]?.prevHash, GENESIS_HASH);
      assert.equal(rows[1]?.prevHash, rows[0]?.hash);
      rows.forEach((row: StoredReceipt, i) => {
        assert.deepEqual(row.receipt, receipts[i]);
        assert.equal(row.hash, chainHash(row.prevHash, row.receipt, row.receivedAt));
      });
      assert.deepEqual(await store.verify(), { ok: true, count: 2, anchor: null, head: { seq: 2, hash: rows[1]?.hash } });
    });

    test('finds one subject’s history, oldest first', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      const subject = crypto.randomUUID();
      const accept = makeReceipt({ subject, action: 'accept-all' });
      const withdraw = makeReceipt({ subject, action: 'withdraw' });
      await store.append([accept, makeReceipt()]);
      await store.append([withdraw]);
      const history = await store.bySubject(subject);
      assert.deepEqual(history.map((r) => r.receipt.action), ['accept-all', 'withdraw']);
      assert.deepEqual(await store.bySubject(crypto.randomUUID()), []);
    });

    test('exports by receivedAt range, from inclusive and to exclusive, across pages', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      // More than one export page (500 rows).
      await store.append(Array.from({ length: 320 }, () => makeReceipt()));
      await store.append(Array.from({ length: 320 }, () => makeReceipt()));
      const all = await collect(store.export());
      assert.equal(all.length, 640);
      assert.deepEqual(all.map((r) => r.seq), Array.from({ length: 640 }, (_, i) => i + 1));
      const firstBatchAt = new Date(all[0]!.receivedAt);
      const secondBatchAt = new Date(all[639]!.receivedAt);
      if (secondBatchAt > firstBatchAt) {
        assert.equal((await collect(store.export({ to: secondBatchAt }))).length, 320);
        assert.equal((await collect(store.export({ from: secondBatchAt }))).length, 320);
      }
      assert.equal((await collect(store.export({ from: firstBatchAt, to: new Date(secondBatchAt.getTime() + 1) }))).length, 640);
      assert.equal((await collect(store.export({ from: new Date(secondBatchAt.getTime() + 1) }))).length, 0);
    });

    test('verify names the first row changed behind its back', async (t) => {
      const { store, raw } = await adapter.open(t);
      t.after(() => store.close());
      const receipts = Array.from({ length: 5 }, () => makeReceipt());
      await store.append(receipts);
      assert.equal((await store.verify()).ok, true);
      // The append-only trigger stops a plain UPDATE ...
      await assert.rejects(raw.exec(`UPDATE receipts SET granted = '["necessary","marketing"]' WHERE seq = 3`), /append-only/);
      // ... so a tamperer drops it first.
      await raw.exec('DROP TRIGGER receipts_no_update' + (adapter.name === 'postgres' ? ' ON receipts' : ''));
      await raw.exec(`UPDATE receipts SET granted = '["necessary","marketing"]' WHERE seq = 3`);
      assert.deepEqual(await store.verify(), {
        ok: false,
        count: 2,
        brokenAt: { seq: 3, id: receipts[2]!.id, reason: 'hash-mismatch' },
      });
    });

    test('verify notices a deleted row and a recomputed hash that no longer links', async (t) => {
      const { store, raw } = await adapter.open(t);
      t.after(() => store.close());
      const receipts = Array.from({ length: 4 }, () => makeReceipt());
      await store.append(receipts);
      await raw.exec('DELETE FROM receipts WHERE seq = 2');
      assert.deepEqual(await store.verify(), {
        ok: false,
        count: 1,
        brokenAt: { seq: 3, id: receipts[2]!.id, reason: 'sequence-gap' },
      });
    });

    test('purge deletes the oldest prefix, leaves an anchor, and the chain still verifies and grows', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      const old = Array.from({ length: 3 }, () => makeReceipt());
      await store.append(old);
      const before = await collect(store.export());
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cutoff = new Date();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const recent = makeReceipt();
      await store.append([recent]);

      const result = await store.purge(cutoff);
      assert.equal(result.deleted, 3);
      assert.equal(result.anchor?.seq, 3);
      assert.equal(result.anchor?.hash, before[2]?.hash);

      const left = await collect(store.export());
      assert.deepEqual(left.map((r) => r.receipt.id), [recent.id]);
      const check = await store.verify();
      assert.equal(check.ok, true);
      assert.equal(check.ok && check.anchor?.seq, 3);

      // Nothing more to purge: the anchor stays as it is.
      assert.deepEqual(await store.purge(cutoff), { deleted: 0, anchor: result.anchor });
      // Purging everything: the next receipt links to the anchor.
      const all = await store.purge(new Date(Date.now() + 1000));
      assert.equal(all.deleted, 1);
      await store.append([makeReceipt()]);
      const after = await collect(store.export());
      assert.equal(after[0]?.seq, 5);
      assert.equal(after[0]?.prevHash, all.anchor?.hash);
      assert.equal((await store.verify()).ok, true);
    });

    test('concurrent appends from one process keep one chain', async (t) => {
      const { store } = await adapter.open(t);
      t.after(() => store.close());
      const batches = Array.from({ length: 20 }, () => [makeReceipt(), makeReceipt()]);
      const results = await Promise.all(batches.map((batch) => store.append(batch)));
      assert.equal(results.flat().filter((r) => r.status === 'stored').length, 40);
      const check = await store.verify();
      assert.equal(check.ok, true);
      assert.equal(check.count, 40);
    });

    test('group commit: callers in one turn share a transaction but each gets its own results', async (t) => {
      const { store } = await adapter.open(t);
      const grouped = withGroupCommit(store, 5);
      t.after(() => grouped.close());
      const shared = makeReceipt();
      const calls = [[makeReceipt(), shared], [shared], [makeReceipt(), makeReceipt(), makeReceipt()], [makeReceipt()]];
      const results = await Promise.all(calls.map((receipts) => grouped.append(receipts)));
      assert.deepEqual(
        results.map((r) => r.map((x) => x.status)),
        [['stored', 'stored'], ['duplicate'], ['stored', 'stored', 'stored'], ['stored']],
      );
      results.forEach((r, i) => assert.deepEqual(r.map((x) => x.id), calls[i]!.map((c) => c.id)));
      const rows = await collect(grouped.export());
      assert.equal(rows.length, 6);
      // maxReceiptsPerCommit = 5 split the work into two transactions (two receivedAt stamps at most).
      assert.equal((await grouped.verify()).ok, true);
    });

    test('a second store on the same database sees the same chain and migrations run once', async (t) => {
      const { store, location } = await adapter.open(t);
      t.after(() => store.close());
      await store.append([makeReceipt()]);
      const { openStore } = await import('../src/store/open-store.js');
      const again = await openStore({ databaseUrl: location['DATABASE_URL'], sqlitePath: location['RECEIPTS_DB'] ?? '' });
      t.after(() => again.close());
      await again.append([makeReceipt()]);
      const check = await store.verify();
      assert.equal(check.ok && check.count, 2);
    });
  });
}
