import { isIP } from 'node:net';
import { RequestError } from '../errors.js';
import type { Receipt } from '../schemas/receipt.js';

// What the JSON Schema cannot say about a receipt: rules that need the
// request (its Origin) or the server's clock, or compare two fields.

/** Receipts older than this were not made by Consentry; younger than now + skew come from a broken clock. */
const EARLIEST_TIMESTAMP = Date.UTC(2020, 0, 1);
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Longer than any consent lifetime a site would configure. */
const LONGEST_LIFETIME_MS = 10 * 366 * 24 * 60 * 60 * 1000;

/**
 * Checks one receipt posted from `origin` (already in ALLOWED_ORIGINS) and
 * returns it with its UUIDs in lower case, so `ABC…` and `abc…` are one id.
 * Throws a 400 naming the field as a JSON pointer (`/3/expires`).
 */
export function checkReceipt(receipt: Receipt, pointer: string, origin: string, now: Date): Receipt {
  const fail = (field: string, message: string): never => {
    throw new RequestError(400, 'invalid receipt', message, `${pointer}/${field}`);
  };
  if (receipt.site !== origin) fail('site', `site must be the origin the receipt was posted from (${origin})`);
  if (isIpLiteralOrigin(receipt.site)) fail('site', 'site must name a host, not an IP address');
  const timestamp = Date.parse(receipt.timestamp);
  if (!(timestamp >= EARLIEST_TIMESTAMP && timestamp <= now.getTime() + CLOCK_SKEW_MS)) {
    fail('timestamp', 'timestamp must lie between 2020-01-01 and one day from now');
  }
  const expires = Date.parse(receipt.expires);
  if (!(expires >= timestamp)) fail('expires', 'expires must not be before timestamp');
  if (expires - timestamp > LONGEST_LIFETIME_MS) fail('expires', 'expires must be at most ten years after timestamp');
  return { ...receipt, id: receipt.id.toLowerCase(), subject: receipt.subject.toLowerCase() };
}

// The site equals the request's Origin, one of ALLOWED_ORIGINS by now: a
// handful of strings, so each is parsed once rather than per receipt.
const ipLiteralOrigins = new Map<string, boolean>();
const MAX_REMEMBERED_ORIGINS = 1000;

function isIpLiteralOrigin(origin: string): boolean {
  let known = ipLiteralOrigins.get(origin);
  if (known === undefined) {
    known = isIpLiteral(origin);
    if (ipLiteralOrigins.size >= MAX_REMEMBERED_ORIGINS) ipLiteralOrigins.clear();
    ipLiteralOrigins.set(origin, known);
  }
  return known;
}

/**
 * True for an origin whose host is an IP address, except loopback, which
 * local development and the test suites use (http://127.0.0.1:8080).
 */
export function isIpLiteral(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (isIP(host) === 0) return false;
  return !(host === '::1' || /^127\./.test(host));
}
