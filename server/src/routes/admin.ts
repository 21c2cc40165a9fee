import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { RequestError } from '../errors.js';
import { ExportQuerySchema } from '../schemas/http.js';
import { toCsv, toJsonLines } from '../store/export-format.js';
import type { ReceiptStore } from '../store/store.js';

export interface AdminRoutesOptions {
  store: ReceiptStore;
  adminToken?: string | undefined;
}

interface ExportQuery {
  format?: 'jsonl' | 'csv';
  from?: string;
  to?: string;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** /export and /verify: for the site owner and auditors, behind a bearer token. */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { store, adminToken }) => {
  // Compare fixed-length digests so neither the length nor a matching prefix
  // of the token shows in the response time.
  const expected = adminToken === undefined ? null : digest(adminToken);

  app.addHook('onRequest', async (request, reply) => {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const ok = expected !== null && presented !== undefined && timingSafeEqual(digest(presented), expected);
    if (!ok) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="consentry-receipts"')
        .send({ error: expected === null ? 'admin routes are off: ADMIN_TOKEN is not set' : 'missing or wrong bearer token' });
    }
  });

  app.get<{ Querystring: ExportQuery }>('/export', { schema: { querystring: ExportQuerySchema } }, async (request, reply) => {
    const { format = 'jsonl' } = request.query;
    const from = parseDate(request.query.from, 'from');
    const to = parseDate(request.query.to, 'to');
    const rows = store.export({ from, to });
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8')
      .header('content-disposition', `attachment; filename="receipts-${stamp}.${format}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(format === 'csv' ? toCsv(rows) : toJsonLines(rows)));
  });

  app.get('/verify', async () => store.verify());
};

function parseDate(text: string | undefined, field: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) throw new RequestError(400, 'invalid request', `${field} is not a real date`, field);
  return date;
}
