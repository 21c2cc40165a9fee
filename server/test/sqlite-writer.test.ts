// The SQLite writer thread (src/store/sqlite-writer.ts): the serving thread
// keeps running while a commit is in flight, and an append the thread did
// not answer after its commit is rejected, never acknowledged.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Receipt } from '../src/schemas/receipt.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { workerWriter, type SqliteWriterKind } from '../src/store/sqlite-writer.js';
import { makeReceipt, tempDir, type TestContextLike } from './helpers.js';

/** A migrated, empty SQLite file (a store opened and closed on it). */
async function migratedFile(t: TestContextLike): Promise<string> {
  const file = join(tempDir(t), 'receipts.db');
  await openSqliteStore(file, { writer: 'inline' }).close();
  return file;
}

function countRows(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM receipts').get()?.n ?? -1;
  } finally {
    db.close();
  }
}

/** The longest time between two turns of this thread's event loop while `work` runs, and how long it ran. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; totalMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  stallMs = Math.max(stallMs, performance.now() - last);
  return { stallMs, totalMs: performance.now() - started };
}

const batch = (n: number): Receipt[] => Array.from({ length: n }, () => makeReceipt());

describe('SQLite writer thread', () => {
  test('the serving thread keeps its turns while a large batch commits on the writer thread', async (t) => {
    const file = await migratedFile(t);
    const measure = async (writer: SqliteWriterKind) => {
      const store = openSqliteStore(file, { writer });
      t.after(() => store.close());
      await store.append([makeReceipt()]); // the thread is up
      const receipts = batch(20_000);
      const result = await longestStall(() => store.append(receipts));
      await store.close();
      return result;
    };
    const worker = await measure('worker');
    // The same batch on the calling thread stalls it for the whole transaction.
    const inline = await measure('inline');
    assert.ok(inline.stallMs > inline.totalMs * 0.8, `inline: stalled ${inline.stallMs.toFixed(0)} of ${inline.totalMs.toFixed(0)} ms`);
    // What is left on this thread: copying the receipts to the writer and
    // reading the answer back, a small part of the transaction.
    assert.ok(
      worker.stallMs < worker.totalMs * 0.4,
      `worker: stalled ${worker.stallMs.toFixed(0)} of ${worker.totalMs.toFixed(0)} ms (inline ${inline.totalMs.toFixed(0)} ms)`,
    );
    assert.equal(countRows(file), 40_002);
  });

  test('a writer thread that dies rejects every append it had not answered, and the next append starts a new one', async (t) => {
    const file = await migratedFile(t);
    const writer = workerWriter({ path: file, busyTimeoutMs: 10_000 });
    t.after(() => writer.close());
    assert.deepEqual((await writer.append([makeReceipt()])).seqs, [1]);

    const big = batch(50_000);
    const held = [writer.append(big), writer.append([makeReceipt()])];
    const outcome = Promise.allSettled(held);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the copy has arrived; the transaction runs
    await writer._$terminate();
    for (const settled of await outcome) {
      assert.equal(settled.status, 'rejected', 'nothing the dead thread held is acknowledged');
      assert.equal((settled.reason as { code?: string }).code, 'CONSENTRY_WRITER_DIED');
    }
    // A transaction cut off by the death is rolled back whole, or (committed
    // just before it) stored whole: never a part of a batch.
    const left = countRows(file);
    assert.ok(left === 1 || left === 50_001 || left === 50_002, `${left} rows after the death`);

    const next = await writer.append([makeReceipt()]);
    assert.deepEqual(next.seqs, [left + 1]);
    const store = openSqliteStore(file, { writer: 'inline' });
    t.after(() => store.close());
    const check = await store.verify();
    assert.equal(check.ok && check.count, left + 1);
  });

  test('a transaction that throws is rolled back and answered as an error; the thread serves the next append', async (t) => {
    const file = await migratedFile(t);
    const store = openSqliteStore(file, { writer: 'worker' });
    t.after(() => store.close());
    // Past the route's schema check no receipt looks like this: SQLite cannot bind an object.
    const unbindable = { ...makeReceipt(), revision: { not: 'a number' } } as unknown as Receipt;
    await assert.rejects(store.append([makeReceipt(), unbindable]), /can only bind/);
    assert.equal(countRows(file), 0, 'the good receipt before it is rolled back with it');
    const receipt = makeReceipt();
    assert.deepEqual(await store.append([receipt]), [{ id: receipt.id, status: 'stored' }]);
    const check = await store.verify();
    assert.equal(check.ok && check.count, 1);
  });

  test('an idle writer thread does not keep alive a process that forgot to close its store', async (t) => {
    const file = await migratedFile(t);
    // An idle thread is unref'd, so this child exits once its append is answered.
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { openSqliteStore } from ${JSON.stringify(new URL('../src/store/sqlite-store.ts', import.meta.url).href)};
      const store = openSqliteStore(${JSON.stringify(file)}, { writer: 'worker' });
      await store.append([${JSON.stringify(makeReceipt())}]);
      console.log('stored, not closed');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /stored, not closed/);
    assert.equal(countRows(file), 1);
  });
});
