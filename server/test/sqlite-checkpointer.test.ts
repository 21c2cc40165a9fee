// WAL checkpoints off the serving thread (src/store/sqlite-checkpointer.ts):
// the inline store's commits leave checkpointing to a thread of their own,
// which copies the WAL into the database while appends go on, and the
// chain still verifies afterwards.
import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { checkpointer } from '../src/store/sqlite-checkpointer.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { makeReceipt, tempDir } from './helpers.js';

describe('SQLite checkpointer thread', () => {
  test('inline appends are checkpointed by the thread, not by the commit that crosses 1,000 pages', async (t) => {
    const file = join(tempDir(t), 'receipts.db');
    const checkpoints: { log: number; checkpointed: number }[] = [];
    const store = openSqliteStore(file, { writer: 'inline', onCheckpoint: (result) => checkpoints.push(result) });
    t.after(() => store.close());
    for (let i = 0; i < 10; i++) {
      await store.append(Array.from({ length: 300 }, () => makeReceipt()));
    }
    const deadline = Date.now() + 10_000;
    while (!checkpoints.some((c) => c.checkpointed > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(checkpoints.some((c) => c.checkpointed > 0), `the thread checkpointed (${JSON.stringify(checkpoints)})`);
    // Checkpoints ran while appends went on; the chain is intact.
    const verify = await store.verify();
    assert.equal(verify.ok, true);
    assert.equal(verify.count, 3000);
    await store.close();
    const db = new Database(file, { readonly: true });
    t.after(() => db.close());
    assert.equal(db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM receipts').get()?.n, 3000);
  });

  test('asks coalesce: many dirty() calls while one checkpoint is due give one checkpoint', async (t) => {
    const file = join(tempDir(t), 'wal.db');
    const db = new Database(file);
    t.after(() => db.close());
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(2000));
    const results: { log: number; checkpointed: number }[] = [];
    const done = new Promise<void>((resolve) => {
      const cp = checkpointer({
        path: file,
        busyTimeoutMs: 1000,
        intervalMs: 0,
        onCheckpoint: (result) => {
          results.push(result);
          resolve();
        },
      });
      t.after(() => cp.close());
      for (let i = 0; i < 50; i++) cp.dirty();
    });
    await done;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(results.length, 1);
    assert.ok(results[0]!.log > 0);
    assert.equal(results[0]!.checkpointed, results[0]!.log, 'a passive checkpoint with no reader copies every frame');
  });

  test('a thread that cannot open the file reports it once and is not started again on every commit', async (t) => {
    const errors: Error[] = [];
    const cp = checkpointer({ path: join(tempDir(t), 'missing.db'), busyTimeoutMs: 100, intervalMs: 0, onError: (error) => errors.push(error) });
    t.after(() => cp.close());
    cp.dirty();
    const deadline = Date.now() + 10_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200)); // the thread has exited
    for (let i = 0; i < 20; i++) cp.dirty();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(errors.length, 1, errors.map((e) => e.message).join('; '));
  });

  test("the store hands a failed checkpoint to onCheckpointError (the server logs it), and appends go on", async (t) => {
    const file = join(tempDir(t), 'receipts.db');
    const errors: unknown[] = [];
    const store = openSqliteStore(file, { writer: 'inline', onCheckpointError: (error) => errors.push(error) });
    t.after(() => store.close());
    // The thread opens the file at the first commit: gone by then, it cannot.
    unlinkSync(file);
    await store.append([makeReceipt()]);
    const deadline = Date.now() + 10_000;
    while (errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as { code?: string }).code, 'SQLITE_CANTOPEN');
    const [second] = await store.append([makeReceipt()]);
    assert.equal(second?.status, 'stored');
  });
});
