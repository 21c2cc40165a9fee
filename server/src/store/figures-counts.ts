import type { Receipt } from '../schemas/receipt.js';
import { FIGURE_DIMENSIONS, FIGURE_SLOT_SECONDS, type AppendResult, type FigureDimension } from './store.js';

// What both adapters add to the console's aggregates for a set of stored
// receipts: counts per 15-minute slot and breakdown value. Counting in one
// place keeps SQLite and PostgreSQL from drifting apart.

export interface ActionCount {
  dimension: FigureDimension;
  bucket: number;
  value: string;
  action: string;
  decisions: number;
  gpc: number;
}

export interface CategoryCount {
  dimension: FigureDimension;
  bucket: number;
  value: string;
  category: string;
  offered: number;
  granted: number;
}

export interface FigureCounts {
  actions: ActionCount[];
  categories: CategoryCount[];
}

/** The start of the slot that holds `receivedAt`, in epoch seconds. */
export function slotOf(receivedAt: string): number {
  const seconds = Math.floor(Date.parse(receivedAt) / 1000);
  return seconds - (((seconds % FIGURE_SLOT_SECONDS) + FIGURE_SLOT_SECONDS) % FIGURE_SLOT_SECONDS);
}

export function slotStartIso(bucket: number): string {
  return new Date(bucket * 1000).toISOString();
}

export function dimensionValue(receipt: CountedReceipt, dimension: FigureDimension): string {
  switch (dimension) {
    case 'revision':
      return String(receipt.revision);
    case 'policyVersion':
      return receipt.policyVersion;
    case 'configHash':
      return receipt.configHash;
    case 'jurisdiction':
      return receipt.jurisdiction;
    case 'language':
      return receipt.language;
  }
}

/** The receipt fields the figures count. */
export type CountedReceipt = Pick<
  Receipt,
  'revision' | 'policyVersion' | 'configHash' | 'jurisdiction' | 'language' | 'action' | 'granted' | 'denied'
> & { signals: { gpc?: boolean } };

/** Sums receipts into one count per key, so a commit of many receipts upserts few rows. */
export function countFigures(stored: Iterable<{ receipt: CountedReceipt; receivedAt: string }>): FigureCounts {
  // Receipts of one slot that agree on every counted field are counted once,
  // with their number: most of a busy site's receipts repeat a few choices.
  const alike = new Map<string, { receipt: CountedReceipt; bucket: number; count: number; gpc: number }>();
  let lastAt = '';
  let bucket = 0;
  for (const { receipt, receivedAt } of stored) {
    // A commit's receipts share one receivedAt: parse it once.
    if (receivedAt !== lastAt) {
      lastAt = receivedAt;
      bucket = slotOf(receivedAt);
    }
    const r = receipt;
    const key = JSON.stringify([bucket, r.revision, r.policyVersion, r.configHash, r.jurisdiction, r.language, r.action, r.granted, r.denied]);
    const gpc = r.signals.gpc ? 1 : 0;
    const same = alike.get(key);
    if (same) {
      same.count += 1;
      same.gpc += gpc;
    } else alike.set(key, { receipt: r, bucket, count: 1, gpc });
  }
  const actions = new Map<string, ActionCount>();
  const categories = new Map<string, CategoryCount>();
  for (const { receipt, bucket, count, gpc } of alike.values()) {
    for (const dimension of FIGURE_DIMENSIONS) {
      const value = dimensionValue(receipt, dimension);
      const prefix = `${dimension}\u0000${bucket}\u0000${value}\u0000`;
      const actionKey = prefix + receipt.action;
      const action = actions.get(actionKey);
      if (action) {
        action.decisions += count;
        action.gpc += gpc;
      } else {
        actions.set(actionKey, { dimension, bucket, value, action: receipt.action, decisions: count, gpc });
      }
      const add = (category: string, granted: number) => {
        const key = prefix + category;
        const row = categories.get(key);
        if (row) {
          row.offered += count;
          row.granted += granted;
        } else {
          categories.set(key, { dimension, bucket, value, category, offered: count, granted });
        }
      };
      for (const category of receipt.granted) add(category, count);
      for (const category of receipt.denied) add(category, 0);
    }
  }
  return { actions: [...actions.values()], categories: [...categories.values()] };
}

/** The receipts of one append that were stored (not duplicates), with the commit's receivedAt. */
export function storedOnly(
  receipts: readonly Receipt[],
  results: readonly AppendResult[],
  receivedAt: string,
): { receipt: Receipt; receivedAt: string }[] {
  return receipts.filter((_, i) => results[i]?.status === 'stored').map((receipt) => ({ receipt, receivedAt }));
}

/** Index of the period holding `bucket`: the last boundary at or before it. */
export function periodIndex(boundaries: readonly number[], bucket: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((boundaries[mid] ?? Infinity) <= bucket) low = mid;
    else high = mid - 1;
  }
  return low;
}

export const HOUR_SECONDS = 3600;

const hourOf = (bucket: number) => bucket - (((bucket % HOUR_SECONDS) + HOUR_SECONDS) % HOUR_SECONDS);

/** The same counts summed per hour (`bucket` the hour's start): the hourly tier's rows. */
export function toHours(counts: FigureCounts): FigureCounts {
  const actions = new Map<string, ActionCount>();
  const categories = new Map<string, CategoryCount>();
  for (const c of counts.actions) {
    const bucket = hourOf(c.bucket);
    const key = `${c.dimension}\u0000${bucket}\u0000${c.value}\u0000${c.action}`;
    const row = actions.get(key);
    if (row) {
      row.decisions += c.decisions;
      row.gpc += c.gpc;
    } else actions.set(key, { ...c, bucket });
  }
  for (const c of counts.categories) {
    const bucket = hourOf(c.bucket);
    const key = `${c.dimension}\u0000${bucket}\u0000${c.value}\u0000${c.category}`;
    const row = categories.get(key);
    if (row) {
      row.offered += c.offered;
      row.granted += c.granted;
    } else categories.set(key, { ...c, bucket });
  }
  return { actions: [...actions.values()], categories: [...categories.values()] };
}

/**
 * Which rows of which tier a read of the periods `boundaries` sums: the
 * hours from `hourFrom` to `hourTo` (but `skipHours`, which a boundary cuts),
 * and the 15-minute `slots` of the cut hours and of the range's partial
 * first and last hours. Every row read then lies inside one period.
 */
export interface TierPlan {
  hourFrom: number;
  hourTo: number;
  skipHours: number[];
  slots: number[];
}

export function tierPlan(boundaries: readonly number[]): TierPlan {
  const first = boundaries[0] ?? 0;
  const end = boundaries.at(-1) ?? 0;
  const slots: number[] = [];
  const addSlots = (from: number, to: number) => {
    for (let slot = from; slot < to; slot += FIGURE_SLOT_SECONDS) slots.push(slot);
  };
  const hourFrom = hourOf(first) === first ? first : hourOf(first) + HOUR_SECONDS;
  const hourTo = hourOf(end);
  if (hourFrom >= hourTo) {
    addSlots(first, end);
    return { hourFrom: 0, hourTo: 0, skipHours: [], slots };
  }
  addSlots(first, hourFrom);
  const cut = new Set<number>();
  for (const b of boundaries) if (b > hourFrom && b < hourTo && hourOf(b) !== b) cut.add(hourOf(b));
  const skipHours = [...cut].sort((a, b) => a - b);
  for (const hour of skipHours) addSlots(hour, hour + HOUR_SECONDS);
  addSlots(hourTo, end);
  return { hourFrom, hourTo, skipHours, slots };
}

/** The receipt columns the figures are counted from, as both adapters read them back. */
export interface CountedRow {
  seq: number | string;
  received_at: string;
  revision: number;
  policy_version: string;
  config_hash: string;
  jurisdiction: string;
  language: string;
  action: string;
  granted: string;
  denied: string;
  signals: string;
}

export const COUNTED_COLUMNS = 'seq, received_at, revision, policy_version, config_hash, jurisdiction, language, action, granted, denied, signals';

/** How many receipts one catch-up transaction counts at most. */
export const UPKEEP_BATCH = 5000;

export function countRows(rows: readonly CountedRow[]): FigureCounts {
  return countFigures(
    rows.map((row) => ({
      receivedAt: row.received_at,
      receipt: {
        revision: Number(row.revision),
        policyVersion: row.policy_version,
        configHash: row.config_hash,
        jurisdiction: row.jurisdiction,
        language: row.language,
        action: row.action as Receipt['action'],
        granted: JSON.parse(row.granted) as string[],
        denied: JSON.parse(row.denied) as string[],
        signals: JSON.parse(row.signals) as { gpc?: boolean },
      },
    })),
  );
}

/**
 * Runs `step` (one catch-up transaction; true when it reached the chain's
 * end) until the figures have counted every receipt committed before the
 * call. Calls share the run in flight; one queued behind it serves all who
 * called meanwhile. `schedule()` asks for a run soon, without waiting.
 */
export function upkeepRunner(
  step: (upTo: number) => Promise<boolean>,
  delayMs: number,
  onError: (error: unknown) => void,
  // The chain's head when a run starts: the run stops there, so writers that
  // never pause cannot keep it (and a read waiting on it) going.
  head: () => Promise<number> = async () => Number.MAX_SAFE_INTEGER,
) {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const runOnce = async () => {
    const upTo = await head();
    while (!(await step(upTo)));
  };
  function catchUp(): Promise<void> {
    if (queued) return queued;
    if (!running) {
      running = runOnce().finally(() => {
        running = null;
      });
      return running;
    }
    queued = running
      .catch(() => {})
      .then(() => {
        queued = null;
        return catchUp();
      });
    return queued;
  }
  return {
    catchUp,
    schedule() {
      if (timer || closed) return;
      timer = setTimeout(() => {
        timer = null;
        catchUp().catch(onError);
      }, delayMs);
      // A process may exit with receipts not counted: the next one counts them.
      timer.unref();
    },
    /** Stops scheduling and waits for the run in flight (its commit is not cut off). */
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await (queued ?? running)?.catch(() => {});
    },
  };
}

export interface PendingReceipt {
  seq: number;
  receipt: CountedReceipt;
  receivedAt: string;
}

/**
 * The receipts this process stored and has not counted yet, kept after the
 * append's commit so a catch-up can count them without reading them back.
 * The database stays the truth: a catch-up takes them only when they follow
 * its progress mark without a gap, and reads the gap (another process's
 * receipts, or ones stored before a restart) from the receipts table.
 */
export function pendingReceipts(limit = 100_000) {
  let items: PendingReceipt[] = [];
  return {
    add(stored: PendingReceipt[]): void {
      if (stored.length === 0) return;
      const first = stored[0]?.seq ?? 0;
      if ((items.at(-1)?.seq ?? 0) > first) {
        items.push(...stored);
        items.sort((a, b) => a.seq - b.seq); // appends committed out of call order
      } else items.push(...stored);
      // Catch-ups failing for long: let the receipts table be the only source.
      if (items.length > limit) items = [];
    },
    /**
     * After progress mark `after`: the run of kept receipts from after + 1
     * (at most `max`), or else how far the catch-up must read from the table
     * (up to the seq before the first kept one). Taken receipts are dropped
     * at once; if their transaction fails, the table still has them.
     */
    take(after: number, max: number): { items: PendingReceipt[] } | { readUpTo: number } {
      let skip = 0;
      while (skip < items.length && (items[skip]?.seq ?? 0) <= after) skip += 1;
      if (skip > 0) items = items.slice(skip);
      const first = items[0];
      if (!first) return { readUpTo: Number.MAX_SAFE_INTEGER };
      if (first.seq !== after + 1) return { readUpTo: first.seq - 1 };
      let end = 1;
      while (end < items.length && end < max && items[end]?.seq === (items[end - 1]?.seq ?? 0) + 1) end += 1;
      const run = items.slice(0, end);
      items = items.slice(end);
      return { items: run };
    },
    clear(): void {
      items = [];
    },
  };
}
