import type { Receipt } from '../schemas/receipt.js';
import { chainHash } from './chain.js';
import type { BreakReason, ChainAnchor, StoredReceipt, VerifyResult } from './store.js';

/**
 * One stored row, column by column, as both adapters read and write it.
 * Every receipt field has its own column and the hash is recomputed from
 * the columns, so changing any one of them breaks the chain. Arrays and
 * objects are kept as JSON text (not jsonb) so both dialects return the
 * exact bytes that were hashed.
 */
export interface ReceiptRow {
  seq: number;
  id: string;
  subject: string;
  schema_version: string;
  client_timestamp: string;
  site: string;
  jurisdiction: string;
  language: string;
  policy_version: string;
  revision: number;
  config_hash: string;
  action: string;
  method: string;
  granted: string;
  denied: string;
  bases: string;
  signals: string;
  expires: string;
  received_at: string;
  prev_hash: string;
  hash: string;
}

/** Column order used by INSERT statements in both adapters. */
export const RECEIPT_COLUMNS = [
  'seq', 'id', 'subject', 'schema_version', 'client_timestamp', 'site', 'jurisdiction', 'language',
  'policy_version', 'revision', 'config_hash', 'action', 'method', 'granted', 'denied', 'bases',
  'signals', 'expires', 'received_at', 'prev_hash', 'hash',
] as const satisfies readonly (keyof ReceiptRow)[];

export function toRow(receipt: Receipt, seq: number, receivedAt: string, prevHash: string): ReceiptRow {
  return {
    seq,
    id: receipt.id,
    subject: receipt.subject,
    schema_version: receipt.schema,
    client_timestamp: receipt.timestamp,
    site: receipt.site,
    jurisdiction: receipt.jurisdiction,
    language: receipt.language,
    policy_version: receipt.policyVersion,
    revision: receipt.revision,
    config_hash: receipt.configHash,
    action: receipt.action,
    method: receipt.method,
    granted: JSON.stringify(receipt.granted),
    denied: JSON.stringify(receipt.denied),
    bases: JSON.stringify(receipt.bases),
    signals: JSON.stringify(receipt.signals),
    expires: receipt.expires,
    received_at: receivedAt,
    prev_hash: prevHash,
    hash: chainHash(prevHash, receipt, receivedAt),
  };
}

export function rowValues(row: ReceiptRow): unknown[] {
  return RECEIPT_COLUMNS.map((column) => row[column]);
}

/** Throws when a JSON column no longer parses (someone edited it by hand). */
export function fromRow(row: ReceiptRow): StoredReceipt {
  const receipt = {
    schema: row.schema_version,
    id: row.id,
    subject: row.subject,
    timestamp: row.client_timestamp,
    site: row.site,
    jurisdiction: row.jurisdiction,
    language: row.language,
    policyVersion: row.policy_version,
    revision: Number(row.revision),
    configHash: row.config_hash,
    action: row.action,
    method: row.method,
    granted: JSON.parse(row.granted) as Receipt['granted'],
    denied: JSON.parse(row.denied) as Receipt['denied'],
    bases: JSON.parse(row.bases) as Receipt['bases'],
    signals: JSON.parse(row.signals) as Receipt['signals'],
    expires: row.expires,
  } as Receipt;
  return { seq: Number(row.seq), receipt, receivedAt: row.received_at, prevHash: row.prev_hash, hash: row.hash };
}

/** Checks rows in seq order against the anchor (or genesis) they should start from. */
export async function verifyRows(
  rows: AsyncIterable<ReceiptRow>,
  anchor: ChainAnchor | null,
  genesisHash: string,
): Promise<VerifyResult> {
  let expectedSeq = anchor ? anchor.seq + 1 : 1;
  let expectedPrev = anchor ? anchor.hash : genesisHash;
  let count = 0;
  let head: { seq: number; hash: string } | null = null;
  const broken = (row: ReceiptRow, reason: BreakReason): VerifyResult => ({
    ok: false,
    count,
    brokenAt: { seq: Number(row.seq), id: row.id, reason },
  });
  for await (const row of rows) {
    const seq = Number(row.seq);
    if (seq !== expectedSeq) return broken(row, 'sequence-gap');
    if (row.prev_hash !== expectedPrev) return broken(row, 'prev-hash-mismatch');
    let stored: StoredReceipt;
    try {
      stored = fromRow(row);
    } catch {
      return broken(row, 'unreadable-row');
    }
    if (chainHash(row.prev_hash, stored.receipt, stored.receivedAt) !== row.hash) return broken(row, 'hash-mismatch');
    count += 1;
    expectedSeq = seq + 1;
    expectedPrev = row.hash;
    head = { seq, hash: row.hash };
  }
  return { ok: true, count, anchor, head };
}
