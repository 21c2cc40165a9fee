import pg from 'pg';
import type { Receipt } from '../schemas/receipt.js';
import { GENESIS_HASH } from './chain.js';
import { postgresFigures } from './figures-postgres.js';
import type { PendingReceipt } from './figures-counts.js';
import { loadMigrations } from './migrations.js';
import { timeSlicer } from './yield.js';
import { RECEIPT_COLUMNS, fromRow, toRow, verifyRows, type ReceiptRow } from './rows.js';
import {
  EXPORT_PAGE_SIZE,
  type AppendResult,
  type ChainAnchor,
  type DateRange,
  type PurgeResult,
  type ReceiptStore,
  type StoredReceipt,
} from './store.js';

export interface PostgresStoreOptions {
  poolSize?: number;
  onPoolError?: (error: Error) => void;
  /** Source of `receivedAt`; tests move it to make old receipts. */
  now?: () => Date;
  /** How long after an append the console's figures count it (reads and purges count first). */
  figuresDelayMs?: number;
  /** A failed figure catch-up (it is retried on the next append or read). */
  onFiguresError?: (error: unknown) => void;
}

/** Receipts are counted into the figures in batches, this long after the append that starts one. */
export const FIGURES_DELAY_MS = 200;

// Arbitrary constants naming our advisory locks ("CnsR" + 1/2).
const CHAIN_LOCK = 0x436e7352_01;
const MIGRATION_LOCK = 0x436e7352_02;

const EARLIEST = '0000';
const LATEST = '9999~';

// Every row of a group in one statement, as one JSON parameter: an array of
// ReceiptRow objects, whose keys are the column names. One text parameter is
// cheaper to encode than an array per column (pg escapes every element of
// each), and every stored value is a string or a number that JSON carries
// exactly.
const GROUP_ROWS = 'json_populate_recordset(NULL::receipts, $1::json)';
const INSERT_MANY_SQL = `INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')})
  SELECT ${RECEIPT_COLUMNS.join(', ')} FROM ${GROUP_ROWS}`;

// True when one of the rows in `wanted` has an id already stored. One probe
// of the id index per row (a LATERAL ... LIMIT 1 cannot become a hash join):
// a join, planned once on an empty table, stays cached as a scan of every
// stored row, which grows with the table until autovacuum's next ANALYZE.
const ANY_WANTED_STORED =
  'EXISTS (SELECT 1 FROM wanted, LATERAL (SELECT 1 FROM receipts r WHERE r.id = wanted.id LIMIT 1) AS hit)';

// The append of a process that wrote the chain's head itself (one round trip):
// insert the rows linked to the head it remembers, only if that is still the
// head, none of the ids is stored and the chain lock is free (taken for the
// statement's transaction, once: an uncorrelated subquery). A locked writer or
// a purge holding the lock, or a writer elsewhere that moved the head, makes
// it insert nothing (or, racing a commit, fail on the unique seq), and the
// locked path below takes over. $2: the remembered head's hash. `wanted`,
// read twice, is computed once.
/** @internal exported for the spec on its plan */
export const FAST_APPEND_SQL = `WITH wanted AS (SELECT * FROM ${GROUP_ROWS})
  INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')})
  SELECT ${RECEIPT_COLUMNS.join(', ')} FROM wanted
  WHERE COALESCE((SELECT hash FROM receipts ORDER BY seq DESC LIMIT 1),
                 (SELECT hash FROM chain_anchors ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}') = $2
    AND NOT ${ANY_WANTED_STORED}
    AND (SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}))`;

// The chain head (last row, else the last anchor, else genesis) and which of
// the ids are already stored, in one round trip. The ids come from unnest()
// rather than `id = ANY($1)`: the planner estimates ANY() element by element
// on every run, which cost 29 ms for a group of 100 (3 ms joined); each is
// probed in the id index, as in ANY_WANTED_STORED.
/** @internal exported for the spec on its plan */
export const APPEND_STATE_SQL = `SELECT
  (SELECT seq FROM receipts ORDER BY seq DESC LIMIT 1) AS row_seq,
  (SELECT hash FROM receipts ORDER BY seq DESC LIMIT 1) AS row_hash,
  (SELECT seq FROM chain_anchors ORDER BY seq DESC LIMIT 1) AS anchor_seq,
  (SELECT hash FROM chain_anchors ORDER BY seq DESC LIMIT 1) AS anchor_hash,
  ARRAY(SELECT wanted.id FROM unnest($1::text[]) AS wanted(id),
        LATERAL (SELECT 1 FROM receipts r WHERE r.id = wanted.id LIMIT 1) AS hit) AS existing`;

interface AppendState {
  row_seq: string | null;
  row_hash: string | null;
  anchor_seq: string | null;
  anchor_hash: string | null;
  existing: string[];
}

function headOf(state: AppendState | undefined): { seq: number; hash: string } {
  if (state?.row_seq != null && state.row_hash != null) return { seq: Number(state.row_seq), hash: state.row_hash };
  if (state?.anchor_seq != null && state.anchor_hash != null) return { seq: Number(state.anchor_seq), hash: state.anchor_hash };
  return { seq: 0, hash: GENESIS_HASH };
}

interface AnchorRow {
  seq: string;
  hash: string;
  purged_at: string;
}

/**
 * pg adapter. Every write holds pg_advisory_xact_lock(CHAIN_LOCK) while it
 * extends the chain: the locked path takes it and then reads the head; the
 * one-statement append only tries it and falls back when it is taken. Writers
 * from any number of processes extend one chain, and a purge runs alone.
 */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<ReceiptStore> {
  const now = options.now ?? (() => new Date());
  // No startup options: a pooler (PgBouncer) refuses them. The console's
  // reads set work_mem for their own transaction (figures-postgres.ts).
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', options.onPoolError ?? (() => {}));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // console: figure aggregates, counted from the receipts after their commit, and reads
  const onFiguresError = options.onFiguresError ?? (() => {});
  const figures = postgresFigures(pool, options.figuresDelayMs ?? FIGURES_DELAY_MS, onFiguresError);
  // Receipts a crashed process stored but did not count yet.
  figures.scheduleUpkeep();

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  // The chain head as this process last wrote or read it inside the lock.
  let knownHead: { seq: number; hash: string } | null = null;

  /** The one-statement append (FAST_APPEND_SQL); null when the locked path must run. */
  async function appendAtKnownHead(receipts: readonly Receipt[]): Promise<AppendResult[] | null> {
    const start = knownHead;
    if (!start || receipts.length === 0 || new Set(receipts.map((r) => r.id)).size !== receipts.length) return null;
    knownHead = null; // until this append is known to have moved it
    const receivedAt = now().toISOString();
    let head = start;
    const rows = receipts.map((receipt) => {
      const row = toRow(receipt, head.seq + 1, receivedAt, head.hash);
      head = { seq: row.seq, hash: row.hash };
      return row;
    });
    try {
      const { rowCount } = await pool.query({ name: 'consentry-append-fast', text: FAST_APPEND_SQL, values: [JSON.stringify(rows), start.hash] });
      if (rowCount !== rows.length) return null;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return null; // a writer elsewhere took the seq or the id
      throw error;
    }
    knownHead = head;
    figures.keep(rows.map((row, i) => ({ seq: row.seq, receipt: receipts[i]!, receivedAt })));
    figures.scheduleUpkeep();
    return receipts.map((receipt) => ({ id: receipt.id, status: 'stored' as const }));
  }

  async function appendLocked(receipts: readonly Receipt[]): Promise<AppendResult[]> {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const receivedAt = now().toISOString();
      const { rows: state } = await client.query<AppendState>({ name: 'consentry-append-state', text: APPEND_STATE_SQL, values: [receipts.map((r) => r.id)] });
      const seen = new Set(state[0]?.existing ?? []);
      let head = headOf(state[0]);
      const results: AppendResult[] = [];
      const rows: ReceiptRow[] = [];
      const stored: PendingReceipt[] = [];
      for (const receipt of receipts) {
        if (seen.has(receipt.id)) {
          results.push({ id: receipt.id, status: 'duplicate' });
          continue;
        }
        const row = toRow(receipt, head.seq + 1, receivedAt, head.hash);
        rows.push(row);
        stored.push({ seq: row.seq, receipt, receivedAt });
        seen.add(receipt.id);
        head = { seq: row.seq, hash: row.hash };
        results.push({ id: receipt.id, status: 'stored' });
      }
      if (rows.length > 0) {
        await client.query({ name: 'consentry-append', text: INSERT_MANY_SQL, values: [JSON.stringify(rows)] });
      }
      await client.query('COMMIT');
      knownHead = head;
      figures.keep(stored);
      if (rows.length > 0) figures.scheduleUpkeep();
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async function latestAnchor(client: pg.ClientBase | pg.Pool): Promise<ChainAnchor | null> {
    const { rows } = await client.query<AnchorRow>(
      'SELECT seq, hash, purged_at FROM chain_anchors ORDER BY seq DESC LIMIT 1',
    );
    const row = rows[0];
    return row ? { seq: Number(row.seq), hash: row.hash, purgedAt: row.purged_at } : null;
  }

  async function* pages(range: DateRange = {}): AsyncGenerator<ReceiptRow> {
    const from = range.from?.toISOString() ?? EARLIEST;
    const to = range.to?.toISOString() ?? LATEST;
    // Walk the primary key between the first and last seq in the range: no
    // sort, and each page starts where the last one ended.
    const { rows: bounds } = await pool.query<{ first: string | null; end: string | null }>(
      `SELECT (SELECT MIN(seq) FROM receipts WHERE received_at >= $1) AS first,
              (SELECT MAX(seq) FROM receipts WHERE received_at < $2) AS end`,
      [from, to],
    );
    if (bounds[0]?.first == null || bounds[0].end == null) return;
    let after = Number(bounds[0].first) - 1;
    const end = Number(bounds[0].end);
    // The queries yield, but hashing or formatting a page of rows does not.
    const slicer = timeSlicer();
    for (;;) {
      const { rows } = await pool.query<ReceiptRow>(
        `SELECT * FROM receipts WHERE seq > $1 AND seq <= $2 AND received_at >= $3 AND received_at < $4 ORDER BY seq LIMIT $5`,
        [after, end, from, to, EXPORT_PAGE_SIZE],
      );
      for (const row of rows) {
        yield row;
        await slicer.pause();
      }
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      after = Number(last.seq);
    }
  }

  return {
    kind: 'postgres',
    // A process that wrote the head itself appends in one statement, one
    // round trip (appendAtKnownHead). Otherwise four round trips per group of
    // receipts, whatever its size: BEGIN and the lock, head and known ids, one
    // statement inserting every row, COMMIT. The commit's fsync is what a 201
    // waits for; the console's figures count the rows after it
    // (figures-postgres.ts), off the request's path.
    async append(receipts: readonly Receipt[]) {
      const fast = await appendAtKnownHead(receipts);
      if (fast) return fast;
      // A one-statement append elsewhere takes no lock: when it wins the seq
      // (or an id) this transaction wanted, this one starts again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await appendLocked(receipts);
        } catch (error) {
          if ((error as { code?: string }).code !== '23505' || attempt >= 5) throw error;
        }
      }
    },
    async bySubject(subject) {
      const { rows } = await pool.query<ReceiptRow>('SELECT * FROM receipts WHERE subject = $1 ORDER BY seq', [subject]);
      return rows.map(fromRow);
    },
    async *export(range): AsyncGenerator<StoredReceipt> {
      for await (const row of pages(range)) yield fromRow(row);
    },
    async verify() {
      return verifyRows(pages(), await latestAnchor(pool), GENESIS_HASH);
    },
    purge(before: Date): Promise<PurgeResult> {
      return inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        await figures.beforePurge(client); // console: count everything before rows go
        // Only a prefix of the chain goes, so what remains still links up.
        const { rows: kept } = await client.query<{ seq: string | null }>(
          'SELECT MIN(seq) AS seq FROM receipts WHERE received_at >= $1',
          [before.toISOString()],
        );
        const firstKept = kept[0]?.seq ?? null;
        const { rows: purged } = await client.query<{ seq: string; hash: string }>(
          'SELECT seq, hash FROM receipts WHERE $1::bigint IS NULL OR seq < $1::bigint ORDER BY seq DESC LIMIT 1',
          [firstKept],
        );
        const lastPurged = purged[0];
        if (!lastPurged) return { deleted: 0, anchor: await latestAnchor(client) };
        const { rowCount } = await client.query('DELETE FROM receipts WHERE seq <= $1', [lastPurged.seq]);
        const purgedAt = now().toISOString();
        await client.query('INSERT INTO chain_anchors (seq, hash, purged_at, deleted) VALUES ($1, $2, $3, $4)', [
          lastPurged.seq,
          lastPurged.hash,
          purgedAt,
          rowCount ?? 0,
        ]);
        await figures.recordPurge(client); // console: drop the purged rows from the figures
        return { deleted: rowCount ?? 0, anchor: { seq: Number(lastPurged.seq), hash: lastPurged.hash, purgedAt } };
      });
    },
    async close() {
      await figures.closeUpkeep();
      await pool.end();
    },
    ...figures.methods, // console
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two servers starting together must not both run 001.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of loadMigrations('postgres')) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
