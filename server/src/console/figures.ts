import { ActionSchema } from '../schemas/receipt.js';
import type { FigureDimension, FigureRows } from '../store/store.js';
import type { Interval, Periods } from './periods.js';

// Shapes the store's summed rows into what the console shows: per breakdown
// value, the split of actions, the GPC share and per category the share of
// decisions that granted it, each per period and over the whole range.

export const ACTIONS = (ActionSchema as unknown as { enum: string[] }).enum;
export type Breakdown = 'all' | FigureDimension;

export interface CategoryTally {
  offered: number;
  granted: number;
}

export interface Tally {
  decisions: number;
  gpc: number;
  actions: Record<string, number>;
  categories: Record<string, CategoryTally>;
}

export interface FiguresReport {
  from: string;
  to: string;
  tz: string;
  interval: Interval;
  by: Breakdown;
  periods: { start: string; startsAt: string; endsAt: string }[];
  categories: string[];
  actions: string[];
  total: Tally;
  groups: { value: string; total: Tally; periods: Tally[] }[];
}

const emptyTally = (): Tally => ({
  decisions: 0,
  gpc: 0,
  actions: Object.fromEntries(ACTIONS.map((a) => [a, 0])),
  categories: {},
});

export function buildReport(
  request: { from: string; to: string; tz: string; interval: Interval; by: Breakdown },
  periods: Periods,
  rows: FigureRows,
): FiguresReport {
  const periodCount = periods.labels.length;
  const groups = new Map<string, { value: string; total: Tally; periods: Tally[] }>();
  const total = emptyTally();
  const categories = new Set<string>();
  const group = (value: string) => {
    const key = request.by === 'all' ? 'all' : value;
    let entry = groups.get(key);
    if (!entry) {
      entry = { value: key, total: emptyTally(), periods: Array.from({ length: periodCount }, emptyTally) };
      groups.set(key, entry);
    }
    return entry;
  };
  for (const row of rows.actions) {
    const entry = group(row.value);
    for (const tally of [total, entry.total, entry.periods[row.period]]) {
      if (!tally) continue;
      tally.decisions += row.decisions;
      tally.gpc += row.gpc;
      tally.actions[row.action] = (tally.actions[row.action] ?? 0) + row.decisions;
    }
  }
  for (const row of rows.categories) {
    categories.add(row.category);
    const entry = group(row.value);
    for (const tally of [total, entry.total, entry.periods[row.period]]) {
      if (!tally) continue;
      const c = (tally.categories[row.category] ??= { offered: 0, granted: 0 });
      c.offered += row.offered;
      c.granted += row.granted;
    }
  }
  const iso = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000).toISOString();
  return {
    ...request,
    periods: periods.labels.map((start, i) => ({ start, startsAt: iso(periods.boundaries[i]), endsAt: iso(periods.boundaries[i + 1]) })),
    categories: [...categories].sort(),
    actions: ACTIONS,
    total,
    groups: [...groups.values()].sort((a, b) => a.value.localeCompare(b.value, 'en', { numeric: true })),
  };
}

/** A share as the console prints it: percent with one decimal, or "–" when nothing was counted. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** Long-format rows of everything the console shows for a report. */
export function reportRows(report: FiguresReport): (string | number)[][] {
  const header = ['figure', 'period_start', report.by === 'all' ? 'breakdown' : report.by, 'item', 'count', 'out_of', 'share'];
  const rows: (string | number)[][] = [header];
  for (const g of report.groups) {
    const scopes: [string, Tally][] = [['whole range', g.total], ...g.periods.map((t, i): [string, Tally] => [report.periods[i]?.start ?? '', t])];
    for (const [period, tally] of scopes) {
      for (const action of report.actions) {
        const n = tally.actions[action] ?? 0;
        rows.push(['action', period, g.value, action, n, tally.decisions, percent(n, tally.decisions)]);
      }
      rows.push(['gpc', period, g.value, 'gpc signal', tally.gpc, tally.decisions, percent(tally.gpc, tally.decisions)]);
      for (const category of report.categories) {
        const c = tally.categories[category] ?? { offered: 0, granted: 0 };
        rows.push(['granted', period, g.value, category, c.granted, c.offered, percent(c.granted, c.offered)]);
      }
    }
  }
  return rows;
}
