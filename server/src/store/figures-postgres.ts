import type pg from 'pg';
import {
  COUNTED_COLUMNS,
  HOUR_SECONDS,
  UPKEEP_BATCH,
  countFigures,
  countRows,
  pendingReceipts,
  slotOf,
  slotStartIso,
  tierPlan,
  toHours,
  upkeepRunner,
  type CountedRow,
  type PendingReceipt,
  type FigureCounts,
} from './figures-counts.js';
import { verificationFromRow } from './figures-sqlite.js';
import { fromRow, type ReceiptRow } from './rows.js';
import { FIGURE_DIMENSIONS, type FiguresQuery, type ReceiptStore } from './store.js';

type ConsoleMethods = Pick<
  ReceiptStore,
  'figures' | 'chainHead' | 'keptDayFigures' | 'keepDayFigures' | 'saveVerification' | 'lastVerification'
>;

// Counts go in as parallel arrays, one statement per table.
const UPSERT = (table: string, keyColumn: string, a: string, b: string) => (p: number) =>
  `INSERT INTO ${table} (dimension, bucket, value, ${keyColumn}, ${a}, ${b})
  SELECT * FROM unnest($${p}::text[], $${p + 1}::bigint[], $${p + 2}::text[], $${p + 3}::text[], $${p + 4}::bigint[], $${p + 5}::bigint[])
  ON CONFLICT (dimension, bucket, value, ${keyColumn}) DO UPDATE
  SET ${a} = ${table}.${a} + excluded.${a}, ${b} = ${table}.${b} + excluded.${b}`;
const UPSERT_ACTIONS = UPSERT('figures_actions', 'action', 'decisions', 'gpc');
const UPSERT_CATEGORIES = UPSERT('figures_categories', 'category', 'offered', 'granted');
const UPSERT_HOUR_ACTIONS = UPSERT('figures_hour_actions', 'action', 'decisions', 'gpc');
const UPSERT_HOUR_CATEGORIES = UPSERT('figures_hour_categories', 'category', 'offered', 'granted');

function countArrays(counts: FigureCounts): unknown[][] {
  const a = counts.actions;
  const c = counts.categories;
  return [
    a.map((x) => x.dimension), a.map((x) => x.bucket), a.map((x) => x.value),
    a.map((x) => x.action), a.map((x) => x.decisions), a.map((x) => x.gpc),
    c.map((x) => x.dimension), c.map((x) => x.bucket), c.map((x) => x.value),
    c.map((x) => x.category), c.map((x) => x.offered), c.map((x) => x.granted),
  ];
}

// One catch-up: the slots, the hours and the progress mark in one statement
// (data-modifying CTEs), committed together.
const COUNT_STATEMENT = `WITH slot_actions AS (${UPSERT_ACTIONS(2)}), slot_categories AS (${UPSERT_CATEGORIES(8)}),
  hour_actions AS (${UPSERT_HOUR_ACTIONS(14)}), hour_categories AS (${UPSERT_HOUR_CATEGORIES(20)})
  UPDATE figures_progress SET seq = $1`;

// Arbitrary constant naming the figure upkeep's advisory lock ("CnsR" + 3).
const FIGURES_LOCK = 0x436e7352_03;

// width_bucket(x, thresholds) is 1 for the first period when x is at or after
// its start. Hours of the hourly tier that no boundary cuts, plus the listed
// slots (tierPlan()).
const TIER_FIGURES = (tier: string, slots: string, key: string, a: string, b: string) =>
  `SELECT width_bucket(bucket, $2::bigint[]) - 1 AS period, value, ${key}, sum(${a}) AS ${a}, sum(${b}) AS ${b} FROM (
    SELECT bucket, value, ${key}, ${a}, ${b} FROM ${tier}
    WHERE dimension = $1 AND bucket >= $3 AND bucket < $4 AND bucket <> ALL($5::bigint[])
    UNION ALL
    SELECT bucket, value, ${key}, ${a}, ${b} FROM ${slots} WHERE dimension = $1 AND bucket = ANY($6::bigint[])
  ) AS t GROUP BY 1, value, ${key} ORDER BY 1, value, ${key}`;
const ACTION_FIGURES = TIER_FIGURES('figures_hour_actions', 'figures_actions', 'action', 'decisions', 'gpc');
const CATEGORY_FIGURES = TIER_FIGURES('figures_hour_categories', 'figures_categories', 'category', 'offered', 'granted');

// The console's first read of a long range groups many rows; with the
// default 4 MB a sort could spill to disk. Set per read transaction, not as
// a connection startup option (a pooler such as PgBouncer refuses those).
const READ_SETTINGS = "BEGIN READ ONLY; SET LOCAL work_mem = '32MB'";

/**
 * The console's side of the PostgreSQL adapter: keeps the figure aggregates
 * in step with the receipts (called inside the adapter's write transactions,
 * with their client) and answers the console's reads.
 */
export function postgresFigures(pool: pg.Pool, delayMs: number, onError: (error: unknown) => void) {
  async function add(client: pg.ClientBase, counts: FigureCounts, hours: FigureCounts): Promise<void> {
    const arrays = countArrays(counts);
    const hourArrays = countArrays(hours);
    if (counts.actions.length > 0) await client.query(UPSERT_ACTIONS(1), arrays.slice(0, 6));
    if (counts.categories.length > 0) await client.query(UPSERT_CATEGORIES(1), arrays.slice(6));
    if (hours.actions.length > 0) await client.query(UPSERT_HOUR_ACTIONS(1), hourArrays.slice(0, 6));
    if (hours.categories.length > 0) await client.query(UPSERT_HOUR_CATEGORIES(1), hourArrays.slice(6));
  }

  const pending = pendingReceipts();

  /** Counts the next receipts not yet counted, in the caller's transaction (holding FIGURES_LOCK); true when none are left. */
  async function countNext(client: pg.ClientBase, upTo = Number.MAX_SAFE_INTEGER): Promise<boolean> {
    const { rows: mark } = await client.query<{ seq: string }>('SELECT seq FROM figures_progress');
    const after = Number(mark[0]?.seq ?? 0);
    if (after >= upTo) return true;
    const next = pending.take(after, UPKEEP_BATCH);
    let counts: FigureCounts;
    let last: number;
    if ('items' in next) {
      // This process's own receipts, right after the mark: counted from memory.
      counts = countFigures(next.items);
      last = next.items.at(-1)?.seq ?? after;
    } else {
      const read = (upTo: number) =>
        client.query<CountedRow>({
          name: 'consentry-uncounted',
          text: `SELECT ${COUNTED_COLUMNS} FROM receipts WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
          values: [after, upTo, UPKEEP_BATCH],
        });
      let { rows } = await read(next.readUpTo);
      if (rows.length === 0 && next.readUpTo !== Number.MAX_SAFE_INTEGER) {
        pending.clear(); // the kept receipts do not follow the table's: read them back instead
        ({ rows } = await read(Number.MAX_SAFE_INTEGER));
      }
      const lastRow = rows.at(-1);
      if (!lastRow) return true;
      counts = countRows(rows);
      last = Number(lastRow.seq);
    }
    await client.query({
      name: 'consentry-count',
      text: COUNT_STATEMENT,
      values: [last, ...countArrays(counts), ...countArrays(toHours(counts))],
    });
    return last >= upTo; // else the next step finds out whether anything is left
  }

  // A connection lost while checked out (server restart, database dropped)
  // rejects the query in flight; without a listener its 'error' event would
  // also crash the process.
  const ignore = () => {};
  async function checkOut(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    client.on('error', ignore);
    return client;
  }
  function checkIn(client: pg.PoolClient, error?: unknown): void {
    client.off('error', ignore);
    client.release(error instanceof Error ? error : undefined);
  }

  const upkeep = upkeepRunner(
    async (upTo) => {
      const client = await checkOut();
      let failure: unknown;
      try {
        // The figures are rebuilt from the receipts if this commit is lost
        // (crash): it need not wait for the disk, the receipts' own did.
        await client.query(`BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(${FIGURES_LOCK})`);
        const done = await countNext(client, upTo);
        await client.query('COMMIT');
        return done;
      } catch (error) {
        failure = error;
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        checkIn(client, failure);
      }
    },
    delayMs,
    onError,
    async () => Number((await pool.query<{ seq: string | null }>('SELECT MAX(seq) AS seq FROM receipts')).rows[0]?.seq ?? 0),
  );

  /** One read in its own transaction with the console's settings; the two figure reads run side by side. */
  async function read<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    const client = await checkOut();
    let failure: unknown;
    try {
      await client.query(READ_SETTINGS);
      const { rows } = await client.query<T>(text, values);
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      failure = error;
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      checkIn(client, failure);
    }
  }

  const methods: ConsoleMethods = {
    async figures(query: FiguresQuery) {
      await upkeep.catchUp(); // every receipt committed so far is in the figures read
      const boundaries = [...query.boundaries];
      const plan = tierPlan(boundaries);
      const params = [query.dimension, boundaries, plan.hourFrom, plan.hourTo, plan.skipHours, plan.slots];
      const [actions, categories] = await Promise.all([
        read<Record<string, string>>(ACTION_FIGURES, params),
        read<Record<string, string>>(CATEGORY_FIGURES, params),
      ]);
      return {
        actions: actions.map((r) => ({
          period: Number(r['period']),
          value: String(r['value']),
          action: String(r['action']),
          decisions: Number(r['decisions']),
          gpc: Number(r['gpc']),
        })),
        categories: categories.map((r) => ({
          period: Number(r['period']),
          value: String(r['value']),
          category: String(r['category']),
          offered: Number(r['offered']),
          granted: Number(r['granted']),
        })),
      };
    },
    async chainHead() {
      const { rows } = await pool.query<{ seq: string; hash: string }>(
        `(SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1)
         UNION ALL (SELECT seq, hash FROM chain_anchors ORDER BY seq DESC LIMIT 1) LIMIT 1`,
      );
      const row = rows[0];
      return row ? { seq: Number(row.seq), hash: row.hash } : null;
    },
    async keptDayFigures(query) {
      const params = [query.zone, query.dimension, query.days[0] ?? '', query.days.at(-1) ?? ''];
      const where = 'WHERE zone = $1 AND dimension = $2 AND day >= $3 AND day <= $4';
      const [done, actions, categories] = await Promise.all([
        pool.query<{ day: string }>(`SELECT day FROM figures_days_done ${where}`, params),
        pool.query<Record<string, string>>(`SELECT day, value, action, decisions, gpc FROM figures_day_actions ${where}`, params),
        pool.query<Record<string, string>>(`SELECT day, value, category, offered, granted FROM figures_day_categories ${where}`, params),
      ]);
      const index = new Map(query.days.map((day, i) => [day, i]));
      const period = (r: Record<string, string>) => index.get(String(r['day'])) ?? -1;
      return {
        done: done.rows.map((r) => r.day),
        actions: actions.rows.map((r) => ({
          period: period(r), value: String(r['value']), action: String(r['action']),
          decisions: Number(r['decisions']), gpc: Number(r['gpc']),
        })),
        categories: categories.rows.map((r) => ({
          period: period(r), value: String(r['value']), category: String(r['category']),
          offered: Number(r['offered']), granted: Number(r['granted']),
        })),
      };
    },
    async keepDayFigures(query, rows) {
      const day = (period: number) => query.days[period] ?? '';
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const a = rows.actions;
        await client.query(
          `INSERT INTO figures_day_actions (zone, dimension, day, value, action, decisions, gpc)
           SELECT $1::text, $2::text, * FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) ON CONFLICT DO NOTHING`,
          [query.zone, query.dimension, a.map((r) => day(r.period)), a.map((r) => r.value), a.map((r) => r.action), a.map((r) => r.decisions), a.map((r) => r.gpc)],
        );
        const c = rows.categories;
        await client.query(
          `INSERT INTO figures_day_categories (zone, dimension, day, value, category, offered, granted)
           SELECT $1::text, $2::text, * FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) ON CONFLICT DO NOTHING`,
          [query.zone, query.dimension, c.map((r) => day(r.period)), c.map((r) => r.value), c.map((r) => r.category), c.map((r) => r.offered), c.map((r) => r.granted)],
        );
        await client.query(
          'INSERT INTO figures_days_done (zone, dimension, day) SELECT $1::text, $2::text, unnest($3::text[]) ON CONFLICT DO NOTHING',
          [query.zone, query.dimension, [...query.days]],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async saveVerification(record) {
      await pool.query(
        `INSERT INTO chain_verifications (verified_at, ok, count, head_seq, head_hash, broken_seq, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          record.verifiedAt, record.ok, record.count, record.head?.seq ?? null, record.head?.hash ?? null,
          record.brokenAt?.seq ?? null, record.brokenAt?.reason ?? null,
        ],
      );
    },
    async lastVerification() {
      const { rows } = await pool.query<Parameters<typeof verificationFromRow>[0]>(
        'SELECT * FROM chain_verifications ORDER BY verified_at DESC LIMIT 1',
      );
      return rows[0] ? verificationFromRow(rows[0]) : null;
    },
  };

  return {
    /** After an append's commit: count its receipts soon, with whatever else arrives meanwhile. */
    scheduleUpkeep: () => upkeep.schedule(),
    /** After an append's commit: its stored receipts, so the catch-up need not read them back. */
    keep: (stored: PendingReceipt[]) => pending.add(stored),
    /** Counts every receipt committed so far (on start; the console's reads do it themselves). */
    catchUp: () => upkeep.catchUp(),
    closeUpkeep: () => upkeep.close(),
    /**
     * Inside the purge transaction, before the delete: every receipt is
     * counted first, so the recount after it cannot count one twice.
     */
    async beforePurge(client: pg.ClientBase): Promise<void> {
      await client.query('SELECT pg_advisory_xact_lock($1)', [FIGURES_LOCK]);
      while (!(await countNext(client)));
    },
    /**
     * Inside the purge transaction, after the delete: the slots up to the
     * first kept receipt's, and the hours up to that slot's, are counted
     * again from what is left (normally that hour's receipts alone; more if
     * clocks ever ran backwards).
     */
    async recordPurge(client: pg.ClientBase): Promise<void> {
      // Kept days may hold purged receipts: they are counted again on the next read.
      await client.query('DELETE FROM figures_days_done');
      await client.query('DELETE FROM figures_day_actions');
      await client.query('DELETE FROM figures_day_categories');
      const { rows: first } = await client.query<{ received_at: string }>(
        'SELECT received_at FROM receipts ORDER BY seq LIMIT 1',
      );
      const firstAt = first[0]?.received_at;
      const slot = firstAt ? slotOf(firstAt) : Number.MAX_SAFE_INTEGER;
      const hour = firstAt ? slot - (slot % HOUR_SECONDS) : Number.MAX_SAFE_INTEGER;
      const dimensions = [...FIGURE_DIMENSIONS];
      await client.query('DELETE FROM figures_actions WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, slot]);
      await client.query('DELETE FROM figures_categories WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, slot]);
      await client.query('DELETE FROM figures_hour_actions WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, hour]);
      await client.query('DELETE FROM figures_hour_categories WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, hour]);
      if (!firstAt) return;
      // Up to the progress mark only: a one-statement append (it takes no
      // chain lock) may have committed since beforePurge(), and the next
      // catch-up counts what it stored.
      const { rows } = await client.query<ReceiptRow>(
        'SELECT * FROM receipts WHERE received_at < $1 AND seq <= (SELECT seq FROM figures_progress) ORDER BY seq',
        [slotStartIso(hour + HOUR_SECONDS)],
      );
      const counts = countFigures(rows.map(fromRow));
      const upToSlot = <T extends { bucket: number }>(list: T[]) => list.filter((r) => r.bucket <= slot);
      await add(client, { actions: upToSlot(counts.actions), categories: upToSlot(counts.categories) }, toHours(counts));
    },
    methods,
  };
}
