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

export function dimensionValue(receipt: Receipt, dimension: FigureDimension): string {
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

/** Sums receipts into one count per key, so a commit of many receipts upserts few rows. */
export function countFigures(stored: Iterable<{ receipt: Receipt; receivedAt: string }>): FigureCounts {
  const actions = new Map<string, ActionCount>();
  const categories = new Map<string, CategoryCount>();
  for (const { receipt, receivedAt } of stored) {
    const bucket = slotOf(receivedAt);
    const gpc = receipt.signals.gpc ? 1 : 0;
    for (const dimension of FIGURE_DIMENSIONS) {
      const value = dimensionValue(receipt, dimension);
      const prefix = `${dimension}\u0000${bucket}\u0000${value}\u0000`;
      const actionKey = prefix + receipt.action;
      const action = actions.get(actionKey);
      if (action) {
        action.decisions += 1;
        action.gpc += gpc;
      } else {
        actions.set(actionKey, { dimension, bucket, value, action: receipt.action, decisions: 1, gpc });
      }
      const add = (category: string, granted: number) => {
        const key = prefix + category;
        const row = categories.get(key);
        if (row) {
          row.offered += 1;
          row.granted += granted;
        } else {
          categories.set(key, { dimension, bucket, value, category, offered: 1, granted });
        }
      };
      for (const category of receipt.granted) add(category, 1);
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
