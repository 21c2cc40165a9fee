import Database from 'better-sqlite3';
import type { Receipt } from '../schemas/receipt.js';
import { GENESIS_HASH } from './chain.js';
import { sqliteFigures } from './figures-sqlite.js';
import type { PendingReceipt } from './figures-counts.js';
import { loadMigrations } from './migrations.js';
import { inlineWriter, workerWriter, writeLane, type SqliteWriterKind, type WriteLane } from './sqlite-writer.js';
import { checkpointer, FALLBACK_AUTOCHECKPOINT_PAGES } from './sqlite-checkpointer.js';
import { timeSlicer } from './yield.js';
import { fromRow, verifyRows, type ReceiptRow } from './rows.js';
import {
  EXPORT_PAGE_SIZE,
  type AppendResult,
  type ChainAnchor,
  type DateRange,
  type PurgeResult,
  type ReceiptStore,
  type StoredReceipt,
  type VerifyResult,
} from './store.js';

export interface SqliteStoreOptions {
  /** How long a writer waits for another process's write lock, in ms. */
  busyTimeoutMs?: number;
  /** Source of `receivedAt`; tests move it to make old receipts. */
  now?: () => Date;
  /** How long after an append the console's figures count it (reads and purges count first). */
  figuresDelayMs?: number;
  /** A failed figure catch-up (it is retried on the next append or read). */
  onFiguresError?: (error: unknown) => void;
  /** Where append transactions run (sqlite-writer.ts); default {@link DEFAULT_SQLITE_WRITER}. */
  writer?: SqliteWriterKind;
  /** A failed WAL checkpoint on the checkpointer thread (the fallback checkpoint still bounds the WAL). */
  onCheckpointError?: (error: unknown) => void;
  /** @internal Tests: each checkpoint the checkpointer thread ran (sqlite-checkpointer.ts). */
  onCheckpoint?: (result: { log: number; checkpointed: number }) => void;
}

/**
 * Inline: on the project's 2-core machine, with the load generator on it,
 * the writer thread answered fewer receipts per second at 10 and 100
 * connections and cost more CPU per receipt (two thread wake-ups per commit);
 * README, "Durability". `'worker'` is for a machine with a core to spare.
 */
export const DEFAULT_SQLITE_WRITER: SqliteWriterKind = 'inline';

/** SQLite's page cache for the store's connection, in KiB (SQLite's default is 2,000). */
export const CACHE_KIB = 65_536;

/** Receipts are counted into the figures in batches, this long after the append that starts one. */
export const FIGURES_DELAY_MS = 200;

// Text bounds that every ISO-8601 timestamp sorts between.
const EARLIEST = '0000';
const LATEST = '9999~';

interface AnchorRow {
  seq: number;
  hash: string;
  purged_at: string;
}

/**
 * better-sqlite3 adapter. Several processes may share one file: every write
 * is a BEGIN IMMEDIATE transaction, which takes the write lock before the
 * chain head is read, so two writers can never link to the same row.
 *
 * Appends run on a writer (sqlite-writer.ts): this connection, or a thread
 * with a connection of its own; reads, the figures and purges stay on this
 * connection. With the thread, the store's writes go through one lane, so at
 * most one of its transactions is in flight and this thread never waits on
 * its own writer's lock.
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): ReceiptStore {
  const now = options.now ?? (() => new Date());
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const db = new Database(path, { timeout: busyTimeoutMs });
  const walMode = db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  // WAL with synchronous=NORMAL survives a SIGKILL (the WAL is in the OS page
  // cache) but can lose the last commits on power loss. A 201 promises an
  // auditor the receipt exists, so every commit is fsynced: FULL.
  db.pragma('synchronous = FULL');
  // The id and subject indexes are keyed by random UUIDs, so each receipt
  // lands on a page of each that SQLite's default 2 MB cache has soon
  // evicted: a read per index per receipt, from the OS cache. 64 MiB holds
  // the index pages of a few million receipts (it fills only as pages are read).
  db.pragma(`cache_size = -${CACHE_KIB}`);
  migrate(db);
  const kind = options.writer ?? DEFAULT_SQLITE_WRITER;
  // Inline, every write runs on this thread and connection anyway: no lane.
  const lane: WriteLane = kind === 'worker' ? writeLane() : async (task) => task();
  // console: figure aggregates, counted from the receipts after their commit, and reads
  const figures = sqliteFigures(db, options.figuresDelayMs ?? FIGURES_DELAY_MS, options.onFiguresError ?? (() => {}), lane);
  // Receipts a crashed process stored but did not count yet.
  figures.scheduleUpkeep();
  const writer = kind === 'worker' ? workerWriter({ path, busyTimeoutMs }) : inlineWriter(db);
  // Inline, the WAL's checkpoints run on a thread of their own instead of in
  // the COMMIT that crosses 1,000 pages (sqlite-checkpointer.ts); the worker
  // writer's connection checkpoints on its own thread already.
  const checkpoints =
    walMode && kind === 'inline'
      ? checkpointer({
          path,
          busyTimeoutMs,
          ...(options.onCheckpoint ? { onCheckpoint: options.onCheckpoint } : {}),
          ...(options.onCheckpointError ? { onError: options.onCheckpointError } : {}),
        })
      : null;
  if (checkpoints) db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  // A test clock stamps on this thread; the real clock is read inside the write lock.
  const stamp = options.now ? () => now().toISOString() : () => undefined;

  const lastAnchor = db.prepare<[], AnchorRow>(
    'SELECT seq, hash, purged_at FROM chain_anchors ORDER BY seq DESC LIMIT 1',
  );
  const bySubject = db.prepare<[string], ReceiptRow>('SELECT * FROM receipts WHERE subject = ? ORDER BY seq');
  // Pages walk the primary key between two seqs; `+received_at` keeps the
  // planner off the received_at index, which would sort the whole range for
  // every page (quadratic at a million rows).
  const page = db.prepare<[number, number, string, string, number], ReceiptRow>(
    `SELECT * FROM receipts WHERE seq > ? AND seq <= ? AND +received_at >= ? AND +received_at < ? ORDER BY seq LIMIT ?`,
  );
  const firstSeqFrom = db.prepare<[string], { seq: number | null }>('SELECT MIN(seq) AS seq FROM receipts WHERE received_at >= ?');
  const lastSeqBefore = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM receipts WHERE received_at < ?');
  const lastSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM receipts');

  const anchor = (): ChainAnchor | null => {
    const row = lastAnchor.get();
    return row ? { seq: row.seq, hash: row.hash, purgedAt: row.purged_at } : null;
  };

  const appendAll = async (receipts: readonly Receipt[]): Promise<AppendResult[]> => {
    const { seqs, receivedAt } = await writer.append(receipts, stamp());
    checkpoints?.dirty();
    const stored: PendingReceipt[] = [];
    const results = receipts.map((receipt, i): AppendResult => {
      const seq = seqs[i] ?? 0;
      if (seq === 0) return { id: receipt.id, status: 'duplicate' };
      stored.push({ seq, receipt, receivedAt });
      return { id: receipt.id, status: 'stored' };
    });
    // console: counted after the commit, off the request's path, from these
    // receipts in memory (kept before the lane lets the next count run)
    figures.keep(stored);
    return results;
  };

  const purgeBefore = db.transaction((cutoff: string, purgedAt: string): PurgeResult => {
    figures.beforePurge(); // console: count everything before rows go
    // Only a prefix of the chain goes, so what remains still links up.
    const firstKept = db
      .prepare<[string], { seq: number | null }>('SELECT MIN(seq) AS seq FROM receipts WHERE received_at >= ?')
      .get(cutoff)?.seq;
    const lastPurged = db
      .prepare<[number], { seq: number; hash: string }>(
        'SELECT seq, hash FROM receipts WHERE seq < ? ORDER BY seq DESC LIMIT 1',
      )
      .get(firstKept ?? Number.MAX_SAFE_INTEGER);
    if (!lastPurged) return { deleted: 0, anchor: anchor() };
    const { changes } = db.prepare('DELETE FROM receipts WHERE seq <= ?').run(lastPurged.seq);
    db.prepare('INSERT INTO chain_anchors (seq, hash, purged_at, deleted) VALUES (?, ?, ?, ?)').run(
      lastPurged.seq,
      lastPurged.hash,
      purgedAt,
      changes,
    );
    figures.recordPurge(); // console: drop the purged rows from the figures
    return { deleted: changes, anchor: { seq: lastPurged.seq, hash: lastPurged.hash, purgedAt } };
  });

  async function* pages(range: DateRange = {}): AsyncGenerator<ReceiptRow> {
    const from = range.from?.toISOString() ?? EARLIEST;
    const to = range.to?.toISOString() ?? LATEST;
    const first = range.from ? firstSeqFrom.get(from)?.seq : 1;
    const end = (range.to ? lastSeqBefore.get(to)?.seq : lastSeq.get()?.seq) ?? null;
    if (first === null || first === undefined || end === null) return;
    let after = first - 1;
    // better-sqlite3 reads synchronously: without pauses a million rows would
    // block every other request (a liveness probe, receipts) until the end.
    const slicer = timeSlicer();
    for (;;) {
      // One short read per page: an open iterator would hold the connection
      // while the HTTP response waits on a slow client.
      const rows = page.all(after, end, from, to, EXPORT_PAGE_SIZE);
      for (const row of rows) {
        yield row;
        await slicer.pause();
      }
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      after = last.seq;
    }
  }

  return {
    kind: 'sqlite',
    async append(receipts) {
      const results = await lane(() => appendAll(receipts));
      figures.scheduleUpkeep();
      return results;
    },
    async bySubject(subject) {
      return bySubject.all(subject).map(fromRow);
    },
    async *export(range): AsyncGenerator<StoredReceipt> {
      for await (const row of pages(range)) yield fromRow(row);
    },
    async verify(): Promise<VerifyResult> {
      return verifyRows(pages(), anchor(), GENESIS_HASH);
    },
    async purge(before) {
      return lane(() => purgeBefore.immediate(before.toISOString(), now().toISOString()));
    },
    async close() {
      await figures.closeUpkeep();
      await lane(() => writer.close());
      await checkpoints?.close();
      if (db.open) db.close();
    },
    ...figures.methods, // console
    keepDayFigures: (query, rows) => lane(() => figures.methods.keepDayFigures(query, rows)),
    saveVerification: (record) => lane(() => figures.methods.saveVerification(record)),
  };
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const run = db.transaction(() => {
    // Re-read inside the write lock: another process may have just migrated.
    const applied = new Set(
      db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version),
    );
    for (const migration of loadMigrations('sqlite')) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  });
  run.immediate();
}
