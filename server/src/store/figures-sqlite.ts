import type Database from 'better-sqlite3';
import type { Receipt } from '../schemas/receipt.js';
import { countFigures, periodIndex, slotOf, slotStartIso, storedOnly, type FigureCounts } from './figures-counts.js';
import { fromRow, type ReceiptRow } from './rows.js';
import {
  FIGURE_DIMENSIONS,
  FIGURE_SLOT_SECONDS,
  type ActionFigure,
  type AppendResult,
  type CategoryFigure,
  type DayFiguresQuery,
  type FigureRows,
  type FiguresQuery,
  type ReceiptStore,
  type VerificationRecord,
} from './store.js';

type ConsoleMethods = Pick<
  ReceiptStore,
  'figures' | 'chainHead' | 'keptDayFigures' | 'keepDayFigures' | 'saveVerification' | 'lastVerification'
>;

interface VerificationRow {
  verified_at: string;
  ok: number;
  count: number;
  head_seq: number | null;
  head_hash: string | null;
  broken_seq: number | null;
  reason: string | null;
}

/**
 * The console's side of the SQLite adapter: keeps the figure aggregates in
 * step with the receipts (called inside the adapter's write transactions)
 * and answers the console's reads.
 */
export function sqliteFigures(db: Database.Database) {
  const upsertAction = db.prepare(
    `INSERT INTO figures_actions (dimension, bucket, value, action, decisions, gpc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, action)
     DO UPDATE SET decisions = decisions + excluded.decisions, gpc = gpc + excluded.gpc`,
  );
  const upsertCategory = db.prepare(
    `INSERT INTO figures_categories (dimension, bucket, value, category, offered, granted) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, category)
     DO UPDATE SET offered = offered + excluded.offered, granted = granted + excluded.granted`,
  );

  // SQLite has no width_bucket(); the query's boundaries are handed to this
  // function through `periodStarts`, set just before each (synchronous) read.
  let periodStarts: readonly number[] = [];
  db.function('consentry_period', { deterministic: false }, (bucket) => periodIndex(periodStarts, Number(bucket)));
  const actionFigures = db.prepare<[string, number, number], ActionFigure>(
    `SELECT consentry_period(bucket) AS period, value, action, SUM(decisions) AS decisions, SUM(gpc) AS gpc
     FROM figures_actions WHERE dimension = ? AND bucket >= ? AND bucket < ?
     GROUP BY period, value, action ORDER BY period, value, action`,
  );
  const categoryFigures = db.prepare<[string, number, number], CategoryFigure>(
    `SELECT consentry_period(bucket) AS period, value, category, SUM(offered) AS offered, SUM(granted) AS granted
     FROM figures_categories WHERE dimension = ? AND bucket >= ? AND bucket < ?
     GROUP BY period, value, category ORDER BY period, value, category`,
  );

  type Kept<T> = Omit<T, 'period'> & { day: string };
  const keptDays = db.prepare<[string, string, string, string], { day: string }>(
    'SELECT day FROM figures_days_done WHERE zone = ? AND dimension = ? AND day >= ? AND day <= ?',
  );
  const keptActions = db.prepare<[string, string, string, string], Kept<ActionFigure>>(
    `SELECT day, value, action, decisions, gpc FROM figures_day_actions
     WHERE zone = ? AND dimension = ? AND day >= ? AND day <= ?`,
  );
  const keptCategories = db.prepare<[string, string, string, string], Kept<CategoryFigure>>(
    `SELECT day, value, category, offered, granted FROM figures_day_categories
     WHERE zone = ? AND dimension = ? AND day >= ? AND day <= ?`,
  );
  const keepDay = db.prepare('INSERT INTO figures_days_done (zone, dimension, day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const keepAction = db.prepare(
    `INSERT INTO figures_day_actions (zone, dimension, day, value, action, decisions, gpc)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const keepCategory = db.prepare(
    `INSERT INTO figures_day_categories (zone, dimension, day, value, category, offered, granted)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const keepAll = db.transaction((query: DayFiguresQuery, rows: FigureRows) => {
    for (const r of rows.actions) {
      keepAction.run(query.zone, query.dimension, query.days[r.period], r.value, r.action, r.decisions, r.gpc);
    }
    for (const r of rows.categories) {
      keepCategory.run(query.zone, query.dimension, query.days[r.period], r.value, r.category, r.offered, r.granted);
    }
    for (const day of query.days) keepDay.run(query.zone, query.dimension, day);
  });
  const forgetKeptDays = db.prepare('DELETE FROM figures_days_done');
  const forgetKeptActions = db.prepare('DELETE FROM figures_day_actions');
  const forgetKeptCategories = db.prepare('DELETE FROM figures_day_categories');

  const firstRow = db.prepare<[], { received_at: string }>('SELECT received_at FROM receipts ORDER BY seq LIMIT 1');
  const rowsUpTo = db.prepare<[string], ReceiptRow>('SELECT * FROM receipts WHERE received_at < ? ORDER BY seq');
  const forgetActions = db.prepare('DELETE FROM figures_actions WHERE dimension = ? AND bucket <= ?');
  const forgetCategories = db.prepare('DELETE FROM figures_categories WHERE dimension = ? AND bucket <= ?');

  const lastRow = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM receipts ORDER BY seq DESC LIMIT 1');
  const lastAnchor = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM chain_anchors ORDER BY seq DESC LIMIT 1');
  const insertVerification = db.prepare(
    `INSERT INTO chain_verifications (verified_at, ok, count, head_seq, head_hash, broken_seq, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const latestVerification = db.prepare<[], VerificationRow>(
    'SELECT * FROM chain_verifications ORDER BY verified_at DESC, rowid DESC LIMIT 1',
  );

  const add = (counts: FigureCounts): void => {
    for (const c of counts.actions) upsertAction.run(c.dimension, c.bucket, c.value, c.action, c.decisions, c.gpc);
    for (const c of counts.categories) upsertCategory.run(c.dimension, c.bucket, c.value, c.category, c.offered, c.granted);
  };

  const methods: ConsoleMethods = {
    async figures(query: FiguresQuery) {
      const first = query.boundaries[0] ?? 0;
      const end = query.boundaries.at(-1) ?? 0;
      periodStarts = query.boundaries;
      const actions = actionFigures.all(query.dimension, first, end);
      const categories = categoryFigures.all(query.dimension, first, end);
      return { actions, categories };
    },
    async chainHead() {
      return lastRow.get() ?? lastAnchor.get() ?? null;
    },
    async keptDayFigures(query) {
      const first = query.days[0] ?? '';
      const last = query.days.at(-1) ?? '';
      const index = new Map(query.days.map((day, i) => [day, i]));
      const params = [query.zone, query.dimension, first, last] as const;
      const withPeriod = <T extends { day: string }>({ day, ...row }: T) => ({ period: index.get(day) ?? -1, ...row });
      return {
        done: keptDays.all(...params).map((r) => r.day),
        actions: keptActions.all(...params).map(withPeriod),
        categories: keptCategories.all(...params).map(withPeriod),
      };
    },
    async keepDayFigures(query, rows) {
      keepAll.immediate(query, rows);
    },
    async saveVerification(record: VerificationRecord) {
      insertVerification.run(
        record.verifiedAt,
        record.ok ? 1 : 0,
        record.count,
        record.head?.seq ?? null,
        record.head?.hash ?? null,
        record.brokenAt?.seq ?? null,
        record.brokenAt?.reason ?? null,
      );
    },
    async lastVerification() {
      const row = latestVerification.get();
      return row ? verificationFromRow(row) : null;
    },
  };

  return {
    /** Inside the append transaction: count what it stored. */
    recordAppend(receipts: readonly Receipt[], results: readonly AppendResult[], receivedAt: string): void {
      add(countFigures(storedOnly(receipts, results, receivedAt)));
    },
    /**
     * Inside the purge transaction, after the delete: the slots up to the
     * first kept receipt's are counted again from what is left (normally that
     * slot's receipts alone; more if clocks ever ran backwards).
     */
    recordPurge(): void {
      // Kept days may hold purged receipts: they are counted again on the next read.
      forgetKeptDays.run();
      forgetKeptActions.run();
      forgetKeptCategories.run();
      const first = firstRow.get();
      const slot = first ? slotOf(first.received_at) : Number.MAX_SAFE_INTEGER;
      for (const dimension of FIGURE_DIMENSIONS) {
        forgetActions.run(dimension, slot);
        forgetCategories.run(dimension, slot);
      }
      if (!first) return;
      const rows = rowsUpTo.all(slotStartIso(slot + FIGURE_SLOT_SECONDS)).map(fromRow);
      add(countFigures(rows));
    },
    methods,
  };
}

export function verificationFromRow(row: {
  verified_at: string;
  ok: number | boolean;
  count: number | string;
  head_seq: number | string | null;
  head_hash: string | null;
  broken_seq: number | string | null;
  reason: string | null;
}): VerificationRecord {
  return {
    verifiedAt: row.verified_at,
    ok: Boolean(row.ok),
    count: Number(row.count),
    head: row.head_seq === null || row.head_hash === null ? null : { seq: Number(row.head_seq), hash: row.head_hash },
    brokenAt: row.broken_seq === null ? null : { seq: Number(row.broken_seq), reason: row.reason ?? '' },
  };
}
