import type { Receipt } from '../schemas/receipt.js';

/** A receipt as stored: the client's receipt plus what the server added. */
export interface StoredReceipt {
  seq: number;
  receipt: Receipt;
  receivedAt: string;
  prevHash: string;
  hash: string;
}

export interface AppendResult {
  id: string;
  status: 'stored' | 'duplicate';
}

/** Inclusive `from`, exclusive `to`, both on the server's `receivedAt`. */
export interface DateRange {
  from?: Date | undefined;
  to?: Date | undefined;
}

export type BreakReason =
  | 'sequence-gap' // a row is missing before this one
  | 'prev-hash-mismatch' // this row does not link to the row (or anchor) before it
  | 'hash-mismatch' // this row's content was changed after it was stored
  | 'unreadable-row'; // a stored column no longer parses

export type VerifyResult =
  | { ok: true; count: number; anchor: ChainAnchor | null; head: { seq: number; hash: string } | null }
  | { ok: false; count: number; brokenAt: { seq: number; id: string; reason: BreakReason } };

/** Where the chain restarts after a purge: the last purged row's position and hash. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  purgedAt: string;
}

export interface PurgeResult {
  deleted: number;
  anchor: ChainAnchor | null;
}

/**
 * Append-only, hash-chained storage of receipts. Adapters keep their SQL to
 * themselves; everything above this interface is dialect-free.
 */
export interface ReceiptStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores new receipts in order; an id already stored is reported, not stored again. */
  append(receipts: readonly Receipt[]): Promise<AppendResult[]>;
  /** One visitor's receipts, oldest first. */
  bySubject(subject: string): Promise<StoredReceipt[]>;
  /** Receipts in chain order, read page by page so writers are never blocked. */
  export(range?: DateRange): AsyncIterable<StoredReceipt>;
  /** Walks the whole chain and reports the first row that does not check. */
  verify(): Promise<VerifyResult>;
  /** Deletes the oldest receipts received before `before`, leaving an anchor. */
  purge(before: Date): Promise<PurgeResult>;
  close(): Promise<void>;
  // The console's reads (figures-sqlite.ts, figures-postgres.ts).
  /** Opt-in counts summed per period and breakdown value, from the aggregates (every committed receipt counted first). */
  figures(query: FiguresQuery): Promise<FigureRows>;
  /** The last row of the chain, or the anchor a purge left; null when nothing was ever stored. */
  chainHead(): Promise<{ seq: number; hash: string } | null>;
  /** Figures of whole local days kept from earlier reads; `period` indexes `days`. */
  keptDayFigures(query: DayFiguresQuery): Promise<FigureRows & { done: string[] }>;
  /** Keeps the figures of days that are over, so later reads skip the slots. */
  keepDayFigures(query: DayFiguresQuery, rows: FigureRows): Promise<void>;
  saveVerification(record: VerificationRecord): Promise<void>;
  lastVerification(): Promise<VerificationRecord | null>;
}

/** What the figures can be broken down by: one receipt field each. */
export const FIGURE_DIMENSIONS = ['revision', 'policyVersion', 'configHash', 'jurisdiction', 'language'] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];

/** Aggregates are kept per 15-minute slot; `boundaries` must be multiples of it. */
export const FIGURE_SLOT_SECONDS = 900;

/** Whole local days (YYYY-MM-DD) of one time zone, for one breakdown. */
export interface DayFiguresQuery {
  zone: string;
  dimension: FigureDimension;
  days: readonly string[];
}

export interface FiguresQuery {
  dimension: FigureDimension;
  /** Period starts in epoch seconds, ascending, then the end of the last period: n + 1 numbers for n periods. */
  boundaries: readonly number[];
}

/** `period` indexes the query's periods (0 = the first). */
export interface ActionFigure {
  period: number;
  value: string;
  action: string;
  decisions: number;
  gpc: number;
}

export interface CategoryFigure {
  period: number;
  value: string;
  category: string;
  offered: number;
  granted: number;
}

export interface FigureRows {
  actions: ActionFigure[];
  categories: CategoryFigure[];
}

/** One chain check run from the console, and what it found. */
export interface VerificationRecord {
  verifiedAt: string;
  ok: boolean;
  count: number;
  head: { seq: number; hash: string } | null;
  brokenAt: { seq: number; reason: string } | null;
}

export const EXPORT_PAGE_SIZE = 500;
