import type { StoredReceipt } from './store.js';

/**
 * Lines go out in chunks of about this many characters: a million rows sent
 * as a million stream chunks spent more time in the stream than in the rows.
 */
export const EXPORT_CHUNK_CHARS = 64 * 1024;

async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= EXPORT_CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** One JSON object per line: everything needed to recompute each hash. */
export function toJsonLines(rows: AsyncIterable<StoredReceipt>): AsyncGenerator<string> {
  return chunked(jsonLines(rows));
}

async function* jsonLines(rows: AsyncIterable<StoredReceipt>): AsyncGenerator<string> {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

const CSV_HEADER = [
  'seq', 'id', 'subject', 'timestamp', 'receivedAt', 'site', 'jurisdiction', 'language', 'policyVersion',
  'revision', 'configHash', 'action', 'method', 'granted', 'denied', 'bases', 'gpc', 'expires', 'prevHash', 'hash',
];

/** RFC 4180 CSV; lists are space-separated, `bases` is JSON. */
export function toCsv(rows: AsyncIterable<StoredReceipt>): AsyncGenerator<string> {
  return chunked(csvLines(rows));
}

async function* csvLines(rows: AsyncIterable<StoredReceipt>): AsyncGenerator<string> {
  yield `${CSV_HEADER.join(',')}\r\n`;
  for await (const { seq, receipt: r, receivedAt, prevHash, hash } of rows) {
    const cells = [
      seq, r.id, r.subject, r.timestamp, receivedAt, r.site, r.jurisdiction, r.language, r.policyVersion,
      r.revision, r.configHash, r.action, r.method, r.granted.join(' '), r.denied.join(' '),
      JSON.stringify(r.bases), r.signals.gpc, r.expires, prevHash, hash,
    ];
    yield `${cells.map(csvCell).join(',')}\r\n`;
  }
}

/**
 * One RFC 4180 cell. A cell a spreadsheet would read as a formula (it starts
 * with = + - @, a tab or a carriage return) gets a leading apostrophe, so a
 * value a visitor's browser sent can never run as one ("CSV injection").
 */
export function csvCell(value: unknown): string {
  const raw = String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
