import type pg from 'pg';
import type { Receipt } from '../schemas/receipt.js';
import { countFigures, slotOf, slotStartIso, type FigureCounts } from './figures-counts.js';
import { verificationFromRow } from './figures-sqlite.js';
import { fromRow, type ReceiptRow } from './rows.js';
import { FIGURE_DIMENSIONS, FIGURE_SLOT_SECONDS, type FiguresQuery, type ReceiptStore } from './store.js';

type ConsoleMethods = Pick<
  ReceiptStore,
  'figures' | 'chainHead' | 'keptDayFigures' | 'keepDayFigures' | 'saveVerification' | 'lastVerification'
>;

// The counts of one commit go in as parallel arrays, one statement per
// table; appendStatement() puts both in the statement that inserts the rows.
const UPSERT_ACTIONS = (p: number) => `INSERT INTO figures_actions (dimension, bucket, value, action, decisions, gpc)
  SELECT * FROM unnest($${p}::text[], $${p + 1}::bigint[], $${p + 2}::text[], $${p + 3}::text[], $${p + 4}::bigint[], $${p + 5}::bigint[])
  ON CONFLICT (dimension, bucket, value, action) DO UPDATE
  SET decisions = figures_actions.decisions + excluded.decisions, gpc = figures_actions.gpc + excluded.gpc`;
const UPSERT_CATEGORIES = (p: number) => `INSERT INTO figures_categories (dimension, bucket, value, category, offered, granted)
  SELECT * FROM unnest($${p}::text[], $${p + 1}::bigint[], $${p + 2}::text[], $${p + 3}::text[], $${p + 4}::bigint[], $${p + 5}::bigint[])
  ON CONFLICT (dimension, bucket, value, category) DO UPDATE
  SET offered = figures_categories.offered + excluded.offered, granted = figures_categories.granted + excluded.granted`;

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

/**
 * One statement that runs `insertRows` (an INSERT using parameters
 * 1..`params.length`) and adds the stored receipts' counts to the figures:
 * data-modifying CTEs, so an append costs one round trip for all three tables.
 */
export function appendStatement(
  insertRows: string,
  params: unknown[],
  stored: { receipt: Receipt; receivedAt: string }[],
): { name: string; text: string; values: unknown[] } {
  const p = params.length + 1;
  return {
    // Named: each pooled connection parses and plans it once.
    name: 'consentry-append',
    text: `WITH stored AS (${insertRows}), actions AS (${UPSERT_ACTIONS(p)}) ${UPSERT_CATEGORIES(p + 6)}`,
    values: [...params, ...countArrays(countFigures(stored))],
  };
}

// width_bucket(x, thresholds) is 1 for the first period when x is at or after its start.
const ACTION_FIGURES = `SELECT width_bucket(bucket, $2::bigint[]) - 1 AS period, value, action,
    sum(decisions) AS decisions, sum(gpc) AS gpc
  FROM figures_actions WHERE dimension = $1 AND bucket >= $3 AND bucket < $4
  GROUP BY 1, value, action ORDER BY 1, value, action`;
const CATEGORY_FIGURES = `SELECT width_bucket(bucket, $2::bigint[]) - 1 AS period, value, category,
    sum(offered) AS offered, sum(granted) AS granted
  FROM figures_categories WHERE dimension = $1 AND bucket >= $3 AND bucket < $4
  GROUP BY 1, value, category ORDER BY 1, value, category`;

/**
 * The console's side of the PostgreSQL adapter: keeps the figure aggregates
 * in step with the receipts (called inside the adapter's write transactions,
 * with their client) and answers the console's reads.
 */
export function postgresFigures(pool: pg.Pool) {
  async function add(client: pg.ClientBase, counts: FigureCounts): Promise<void> {
    const arrays = countArrays(counts);
    if (counts.actions.length > 0) await client.query(UPSERT_ACTIONS(1), arrays.slice(0, 6));
    if (counts.categories.length > 0) await client.query(UPSERT_CATEGORIES(1), arrays.slice(6));
  }

  const methods: ConsoleMethods = {
    async figures(query: FiguresQuery) {
      const boundaries = [...query.boundaries];
      const params = [query.dimension, boundaries, boundaries[0] ?? 0, boundaries.at(-1) ?? 0];
      const [actions, categories] = await Promise.all([
        pool.query<Record<string, string>>(ACTION_FIGURES, params),
        pool.query<Record<string, string>>(CATEGORY_FIGURES, params),
      ]);
      return {
        actions: actions.rows.map((r) => ({
          period: Number(r['period']),
          value: String(r['value']),
          action: String(r['action']),
          decisions: Number(r['decisions']),
          gpc: Number(r['gpc']),
        })),
        categories: categories.rows.map((r) => ({
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
    /**
     * Inside the purge transaction, after the delete: the slots up to the
     * first kept receipt's are counted again from what is left (normally that
     * slot's receipts alone; more if clocks ever ran backwards).
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
      const dimensions = [...FIGURE_DIMENSIONS];
      await client.query('DELETE FROM figures_actions WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, slot]);
      await client.query('DELETE FROM figures_categories WHERE dimension = ANY($1::text[]) AND bucket <= $2', [dimensions, slot]);
      if (!firstAt) return;
      const { rows } = await client.query<ReceiptRow>(
        'SELECT * FROM receipts WHERE received_at < $1 ORDER BY seq',
        [slotStartIso(slot + FIGURE_SLOT_SECONDS)],
      );
      await add(client, countFigures(rows.map(fromRow)));
    },
    methods,
  };
}
