import pg from 'pg';
import type { Receipt } from '../schemas/receipt.js';
import { GENESIS_HASH } from './chain.js';
import { postgresFigures } from './figures-postgres.js';
import { loadMigrations } from './migrations.js';
import { RECEIPT_COLUMNS, fromRow, rowValues, toRow, verifyRows, type ReceiptRow } from './rows.js';
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
}

// Arbitrary constants naming our advisory locks ("CnsR" + 1/2).
const CHAIN_LOCK = 0x436e7352_01;
const MIGRATION_LOCK = 0x436e7352_02;

const EARLIEST = '0000';
const LATEST = '9999~';

const INSERT_SQL = `INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')})
  VALUES (${RECEIPT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

interface AnchorRow {
  seq: string;
  hash: string;
  purged_at: string;
}

/**
 * pg adapter. Every write runs in a transaction that first takes
 * pg_advisory_xact_lock(CHAIN_LOCK), then reads the chain head: writers from
 * any number of processes queue on the lock and extend one chain.
 */
export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<ReceiptStore> {
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', options.onPoolError ?? (() => {}));
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const figures = postgresFigures(pool); // console: figure aggregates and reads

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

  async function latestAnchor(client: pg.ClientBase | pg.Pool): Promise<ChainAnchor | null> {
    const { rows } = await client.query<AnchorRow>(
      'SELECT seq, hash, purged_at FROM chain_anchors ORDER BY seq DESC LIMIT 1',
    );
    const row = rows[0];
    return row ? { seq: Number(row.seq), hash: row.hash, purgedAt: row.purged_at } : null;
  }

  async function chainHead(client: pg.ClientBase): Promise<{ seq: number; hash: string }> {
    const { rows } = await client.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1',
    );
    const row = rows[0];
    if (row) return { seq: Number(row.seq), hash: row.hash };
    const anchor = await latestAnchor(client);
    return anchor ? { seq: anchor.seq, hash: anchor.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  async function* pages(range: DateRange = {}): AsyncGenerator<ReceiptRow> {
    const from = range.from?.toISOString() ?? EARLIEST;
    const to = range.to?.toISOString() ?? LATEST;
    let after = 0;
    for (;;) {
      const { rows } = await pool.query<ReceiptRow>(
        `SELECT * FROM receipts WHERE seq > $1 AND received_at >= $2 AND received_at < $3 ORDER BY seq LIMIT $4`,
        [after, from, to, EXPORT_PAGE_SIZE],
      );
      for (const row of rows) yield row;
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      after = Number(last.seq);
    }
  }

  return {
    kind: 'postgres',
    append(receipts: readonly Receipt[]) {
      return inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        const receivedAt = now().toISOString();
        const { rows: existing } = await client.query<{ id: string }>(
          'SELECT id FROM receipts WHERE id = ANY($1::text[])',
          [receipts.map((r) => r.id)],
        );
        const seen = new Set(existing.map((r) => r.id));
        let head = await chainHead(client);
        const results: AppendResult[] = [];
        for (const receipt of receipts) {
          if (seen.has(receipt.id)) {
            results.push({ id: receipt.id, status: 'duplicate' });
            continue;
          }
          const row = toRow(receipt, head.seq + 1, receivedAt, head.hash);
          await client.query(INSERT_SQL, rowValues(row));
          seen.add(receipt.id);
          head = { seq: row.seq, hash: row.hash };
          results.push({ id: receipt.id, status: 'stored' });
        }
        await figures.recordAppend(client, receipts, results, receivedAt); // console: count the stored receipts in this transaction
        return results;
      });
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
