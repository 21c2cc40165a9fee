import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Receipt } from '../schemas/receipt.js';
import { GENESIS_HASH } from './chain.js';
import { RECEIPT_COLUMNS, rowValues, toRow } from './rows.js';
import { startStoreThread } from './store-thread.js';

/**
 * Where the SQLite adapter runs its append transactions:
 * - `'worker'`: on a connection of its own in a `worker_threads` thread, so
 *   the hashing, the INSERTs and the fsynced COMMIT leave the HTTP thread
 *   free to parse the next group of receipts meanwhile;
 * - `'inline'`: on the store's own connection, on the calling thread.
 */
export type SqliteWriterKind = 'worker' | 'inline';

/** What one append transaction did: `seqs[i]` is receipt i's new seq, or 0 for a known id. */
export interface WriteResult {
  seqs: number[];
  receivedAt: string;
}

/** Runs append transactions; each answer comes only after its COMMIT returned. */
export interface SqliteWriter {
  /** `receivedAt` set: the stamp to use (a test clock); else it is read inside the write lock. */
  append(receipts: readonly Receipt[], receivedAt?: string): Promise<WriteResult>;
  close(): Promise<void>;
}

/**
 * The append transaction, on `db`. BEGIN IMMEDIATE takes the write lock
 * before the chain head is read, so several processes (or a writer thread
 * and a purge on another connection) on one file never link to one row twice.
 */
export function appendTransaction(db: Database.Database): (receipts: readonly Receipt[], receivedAt?: string) => WriteResult {
  // A known id inserts nothing (changes = 0): one statement per receipt, no lookup first.
  const insert = db.prepare(
    `INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')}) VALUES (${RECEIPT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`,
  );
  const lastRow = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1');
  const lastAnchor = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM chain_anchors ORDER BY seq DESC LIMIT 1');
  const append = db.transaction((receipts: readonly Receipt[], stamp: string | undefined): WriteResult => {
    // Stamped inside the lock, so received_at follows chain order.
    const receivedAt = stamp ?? new Date().toISOString();
    let head = lastRow.get() ?? lastAnchor.get() ?? { seq: 0, hash: GENESIS_HASH };
    const seqs = receipts.map((receipt) => {
      const row = toRow(receipt, head.seq + 1, receivedAt, head.hash);
      if (insert.run(rowValues(row)).changes === 0) return 0;
      head = { seq: row.seq, hash: row.hash };
      return row.seq;
    });
    return { seqs, receivedAt };
  });
  return (receipts, receivedAt) => append.immediate(receipts, receivedAt);
}

/** Appends on the calling thread, on the store's connection (the adapter's original behaviour). */
export function inlineWriter(db: Database.Database): SqliteWriter {
  const append = appendTransaction(db);
  return {
    async append(receipts, receivedAt) {
      return append(receipts, receivedAt);
    },
    async close() {},
  };
}

/**
 * Runs this store's write tasks one after another, in call order. A task
 * on this thread (a purge, a figures count) then never starts while the
 * writer thread holds the lock for this store, where SQLite's busy handler
 * would put this thread to sleep until the commit is over.
 */
export type WriteLane = <T>(task: () => T | Promise<T>) => Promise<T>;

export function writeLane(): WriteLane {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => {});
    return run;
  };
}

/** What the writer thread is started with (`workerData`). */
export interface WriterThreadData {
  path: string;
  busyTimeoutMs: number;
}

export type WriterRequest = { type: 'append'; receipts: readonly Receipt[]; receivedAt: string | undefined } | { type: 'close' };

export type WriterReply = ({ ok: true } & WriteResult) | { ok: false; error: { name: string; message: string; code: string | undefined } };

export interface WorkerWriter extends SqliteWriter {
  /** @internal Tests: ends the thread at once, as a crash would. */
  _$terminate(): Promise<void>;
}

interface Pending {
  resolve: (result: WriteResult) => void;
  reject: (error: Error) => void;
}

/**
 * Appends on a thread of its own with its own connection. The thread starts
 * with the first append (a store that only reads never starts one) and
 * answers each append after its COMMIT returned, in order.
 *
 * If the thread dies (an uncaught error, a native fault that spares the
 * process, `terminate()`), every append it had not answered is rejected:
 * nothing is acknowledged that was not answered after its commit. SQLite
 * rolls back a transaction whose connection went away, and a commit that
 * happened just before the death only means an unacknowledged receipt is
 * stored (the client's retry is then a duplicate). The next append starts a
 * fresh thread; a thread that cannot start rejects each append with its error.
 */
export function workerWriter(data: WriterThreadData): WorkerWriter {
  let thread: Worker | null = null;
  // Answers come in request order, so the oldest request gets the next one.
  const pending: Pending[] = [];
  let closed = false;

  const fail = (error: Error) => {
    for (const request of pending.splice(0)) request.reject(error);
  };

  const start = (): Worker => {
    const started = startStoreThread('sqlite-writer-thread', data);
    // An idle writer does not keep the process alive; one with work does.
    started.unref();
    let death: Error | null = null;
    started.on('message', (reply: WriterReply) => {
      const request = pending.shift();
      if (pending.length === 0) started.unref();
      if (!request) return;
      if (reply.ok) request.resolve({ seqs: reply.seqs, receivedAt: reply.receivedAt });
      else request.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }));
    });
    started.on('error', (error) => {
      death = error;
    });
    started.on('exit', (code) => {
      if (thread === started) thread = null;
      fail(
        Object.assign(new Error(`the SQLite writer thread stopped (exit code ${code}) before it answered: ${death?.message ?? 'no error'}`), {
          code: 'CONSENTRY_WRITER_DIED',
          cause: death,
        }),
      );
    });
    return started;
  };

  return {
    append(receipts, receivedAt) {
      if (closed) return Promise.reject(new Error('the SQLite store is closed'));
      thread ??= start();
      const target = thread;
      return new Promise<WriteResult>((resolve, reject) => {
        pending.push({ resolve, reject });
        target.ref();
        target.postMessage({ type: 'append', receipts, receivedAt } satisfies WriterRequest);
      });
    },
    async close() {
      closed = true;
      const last = thread;
      if (!last) return;
      const exited = new Promise((resolve) => last.once('exit', resolve));
      // Sent after every append: the thread answers those, closes its connection and ends.
      last.postMessage({ type: 'close' } satisfies WriterRequest);
      last.ref();
      await exited;
    },
    async _$terminate() {
      await thread?.terminate();
    },
  };
}
