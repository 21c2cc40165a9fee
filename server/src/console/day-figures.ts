import type { FigureDimension, FigureRows, ReceiptStore } from '../store/store.js';
import type { Periods } from './periods.js';

// Reads the figures of each local day of a range. Days that are over are
// read from the kept day figures when an earlier read kept them; the rest
// are summed from the 15-minute slots, and those of them that are over are
// kept for next time. A 90-day range then costs 90 kept days and today,
// not 8,640 slots per breakdown value.

/** Receipts carry the server's clock; a day counts as over this long after its end, for servers whose clocks differ a little. */
export const CLOCK_MARGIN_SECONDS = 300;

export async function dailyFigures(
  store: ReceiptStore,
  zone: string,
  dimension: FigureDimension,
  days: Periods,
  nowMs: number,
): Promise<FigureRows> {
  const labels = days.labels;
  const kept = await store.keptDayFigures({ zone, dimension, days: labels });
  const done = new Set(kept.done);
  const open = labels.flatMap((day, i) => (done.has(day) ? [] : [i]));
  if (open.length === 0) return kept;

  // One slot read spanning the first to the last day not kept.
  const first = open[0] ?? 0;
  const last = open.at(-1) ?? 0;
  const live = await store.figures({ dimension, boundaries: days.boundaries.slice(first, last + 2) });
  const isOpen = new Set(open);
  const shift = <T extends { period: number }>(rows: T[]) =>
    rows.map((row) => ({ ...row, period: row.period + first })).filter((row) => isOpen.has(row.period));
  const fresh = { actions: shift(live.actions), categories: shift(live.categories) };

  const over = (i: number) => (days.boundaries[i + 1] ?? Infinity) + CLOCK_MARGIN_SECONDS <= nowMs / 1000;
  const toKeep = open.filter(over);
  if (toKeep.length > 0) {
    const index = new Map(toKeep.map((day, k) => [day, k]));
    const only = <T extends { period: number }>(rows: T[]) =>
      rows.filter((row) => index.has(row.period)).map((row) => ({ ...row, period: index.get(row.period) ?? 0 }));
    await store.keepDayFigures(
      { zone, dimension, days: toKeep.map((i) => labels[i] ?? '') },
      { actions: only(fresh.actions), categories: only(fresh.categories) },
    );
  }
  return { actions: [...kept.actions, ...fresh.actions], categories: [...kept.categories, ...fresh.categories] };
}

/** Re-indexes per-day rows to the periods (weeks) that hold each day. */
export function foldDays(rows: FigureRows, days: Periods, periods: Periods): FigureRows {
  const periodOfDay = days.labels.map((day) => {
    let p = 0;
    while (p + 1 < periods.labels.length && (periods.labels[p + 1] ?? '') <= day) p += 1;
    return p;
  });
  const at = (day: number) => periodOfDay[day] ?? 0;
  return {
    actions: rows.actions.map((row) => ({ ...row, period: at(row.period) })),
    categories: rows.categories.map((row) => ({ ...row, period: at(row.period) })),
  };
}
