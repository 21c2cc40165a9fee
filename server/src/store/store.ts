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
}

export const EXPORT_PAGE_SIZE = 500;
