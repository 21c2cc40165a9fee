import type Database from 'better-sqlite3';
import {
  COUNTED_COLUMNS,
  HOUR_SECONDS,
  UPKEEP_BATCH,
  countFigures,
  countRows,
  pendingReceipts,
  periodIndex,
  slotOf,
  slotStartIso,
  tierPlan,
  toHours,
  upkeepRunner,
  type CountedRow,
  type PendingReceipt,
  type FigureCounts,
} from './figures-counts.js';
import { fromRow, type ReceiptRow } from './rows.js';
import type { WriteLane } from './sqlite-writer.js';
import {
  FIGURE_DIMENSIONS,
  type ActionFigure,
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
export function sqliteFigures(
  db: Database.Database,
  delayMs: number,
  onError: (error: unknown) => void,
  // The store's write lane: a count waits for the store's append in flight.
  lane: WriteLane = async (task) => task(),
) {
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

  const upsertHourAction = db.prepare(
    `INSERT INTO figures_hour_actions (dimension, bucket, value, action, decisions, gpc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, action)
     DO UPDATE SET decisions = decisions + excluded.decisions, gpc = gpc + excluded.gpc`,
  );
  const upsertHourCategory = db.prepare(
    `INSERT INTO figures_hour_categories (dimension, bucket, value, category, offered, granted) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, category)
     DO UPDATE SET offered = offered + excluded.offered, granted = granted + excluded.granted`,
  );
  const progress = db.prepare<[], { seq: number }>('SELECT seq FROM figures_progress');
  const setProgress = db.prepare('UPDATE figures_progress SET seq = ?');
  const uncounted = db.prepare<[number, number, number], CountedRow>(
    `SELECT ${COUNTED_COLUMNS} FROM receipts WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
  );
  const pending = pendingReceipts();

  // SQLite has no width_bucket(); the query's boundaries are handed to this
  // function through `periodStarts`, set just before each (synchronous) read.
  let periodStarts: readonly number[] = [];
  db.function('consentry_period', { deterministic: false }, (bucket) => periodIndex(periodStarts, Number(bucket)));
  // Hours of the hourly tier that no boundary cuts, plus the listed slots (tierPlan()).
  type TierParams = [string, number, number, string, string, string];
  const actionFigures = db.prepare<TierParams, ActionFigure>(
    `SELECT consentry_period(bucket) AS period, value, action, SUM(decisions) AS decisions, SUM(gpc) AS gpc FROM (
       SELECT bucket, value, action, decisions, gpc FROM figures_hour_actions
       WHERE dimension = ? AND bucket >= ? AND bucket < ? AND bucket NOT IN (SELECT j.value FROM json_each(?) AS j)
       UNION ALL
       SELECT bucket, value, action, decisions, gpc FROM figures_actions
       WHERE dimension = ? AND bucket IN (SELECT j.value FROM json_each(?) AS j))
     GROUP BY period, value, action ORDER BY period, value, action`,
  );
  const categoryFigures = db.prepare<TierParams, CategoryFigure>(
    `SELECT consentry_period(bucket) AS period, value, category, SUM(offered) AS offered, SUM(granted) AS granted FROM (
       SELECT bucket, value, category, offered, granted FROM figures_hour_categories
       WHERE dimension = ? AND bucket >= ? AND bucket < ? AND bucket NOT IN (SELECT j.value FROM json_each(?) AS j)
       UNION ALL
       SELECT bucket, value, category, offered, granted FROM figures_categories
       WHERE dimension = ? AND bucket IN (SELECT j.value FROM json_each(?) AS j))
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
  const forgetHourActions = db.prepare('DELETE FROM figures_hour_actions WHERE dimension = ? AND bucket <= ?');
  const forgetHourCategories = db.prepare('DELETE FROM figures_hour_categories WHERE dimension = ? AND bucket <= ?');

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
  const addHours = (counts: FigureCounts): void => {
    for (const c of counts.actions) upsertHourAction.run(c.dimension, c.bucket, c.value, c.action, c.decisions, c.gpc);
    for (const c of counts.categories) upsertHourCategory.run(c.dimension, c.bucket, c.value, c.category, c.offered, c.granted);
  };

  /** Counts the next receipts not yet counted, inside the caller's transaction; true when none are left. */
  const countNext = (): boolean => {
    const after = progress.get()?.seq ?? 0;
    const next = pending.take(after, UPKEEP_BATCH);
    let counts: FigureCounts;
    let last: number;
    if ('items' in next) {
      // This process's own receipts, right after the mark: counted from memory.
      counts = countFigures(next.items);
      last = next.items.at(-1)?.seq ?? after;
    } else {
      let rows = uncounted.all(after, next.readUpTo, UPKEEP_BATCH);
      if (rows.length === 0 && next.readUpTo !== Number.MAX_SAFE_INTEGER) {
        pending.clear(); // the kept receipts do not follow the table's: read them back instead
        rows = uncounted.all(after, Number.MAX_SAFE_INTEGER, UPKEEP_BATCH);
      }
      const lastRow = rows.at(-1);
      if (!lastRow) return true;
      counts = countRows(rows);
      last = lastRow.seq as number;
    }
    add(counts);
    addHours(toHours(counts));
    setProgress.run(last);
    return false; // the next step finds out whether anything is left
  };
  const countNextAlone = db.transaction(countNext);
  const upkeep = upkeepRunner(
    () =>
      lane(() => {
        // The figures are rebuilt from the receipts if this commit is lost
        // (power cut): it need not wait for the disk, the receipts' own did.
        db.pragma('synchronous = NORMAL');
        try {
          return countNextAlone.immediate();
        } finally {
          db.pragma('synchronous = FULL');
        }
      }),
    delayMs,
    onError,
  );

  const methods: ConsoleMethods = {
    async figures(query: FiguresQuery) {
      await upkeep.catchUp(); // every receipt committed so far is in the figures read
      const plan = tierPlan(query.boundaries);
      const params: TierParams = [
        query.dimension, plan.hourFrom, plan.hourTo, JSON.stringify(plan.skipHours), query.dimension, JSON.stringify(plan.slots),
      ];
      periodStarts = query.boundaries;
      const actions = actionFigures.all(...params);
      const categories = categoryFigures.all(...params);
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
    beforePurge(): void {
      while (!countNext());
    },
    /**
     * Inside the purge transaction, after the delete: the slots up to the
     * first kept receipt's, and the hours up to that slot's, are counted
     * again from what is left (normally that hour's receipts alone; more if
     * clocks ever ran backwards).
     */
    recordPurge(): void {
      // Kept days may hold purged receipts: they are counted again on the next read.
      forgetKeptDays.run();
      forgetKeptActions.run();
      forgetKeptCategories.run();
      const first = firstRow.get();
      const slot = first ? slotOf(first.received_at) : Number.MAX_SAFE_INTEGER;
      const hour = first ? slot - (slot % HOUR_SECONDS) : Number.MAX_SAFE_INTEGER;
      for (const dimension of FIGURE_DIMENSIONS) {
        forgetActions.run(dimension, slot);
        forgetCategories.run(dimension, slot);
        forgetHourActions.run(dimension, hour);
        forgetHourCategories.run(dimension, hour);
      }
      if (!first) return;
      const counts = countFigures(rowsUpTo.all(slotStartIso(hour + HOUR_SECONDS)).map(fromRow));
      const upToSlot = <T extends { bucket: number }>(rows: T[]) => rows.filter((r) => r.bucket <= slot);
      add({ actions: upToSlot(counts.actions), categories: upToSlot(counts.categories) });
      addHours(toHours(counts));
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
