import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { AdminTokenGuard } from '../admin-token.js';
import { parseStrictDate } from '../dates.js';
import { RequestError } from '../errors.js';
import { ExportQuerySchema } from '../schemas/http.js';
import { toCsv, toJsonLines } from '../store/export-format.js';
import type { ReceiptStore } from '../store/store.js';

export interface AdminRoutesOptions {
  store: ReceiptStore;
  /** Shared with the console's sign-in: one budget of wrong guesses per client. */
  guard: AdminTokenGuard;
}

interface ExportQuery {
  format?: 'jsonl' | 'csv';
  from?: string;
  to?: string;
}

/** /export and /verify: for the site owner and auditors, behind a bearer token. */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { store, guard }) => {
  app.addHook('onRequest', async (request, reply) => {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    // Throws a 429 while this client has guessed wrong too often.
    if (!guard.check(request, presented)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="consentry-receipts"')
        .send({ error: guard.configured ? 'missing or wrong bearer token' : 'admin routes are off: ADMIN_TOKEN is not set' });
    }
  });

  app.get<{ Querystring: ExportQuery }>('/export', { schema: { querystring: ExportQuerySchema } }, async (request, reply) => {
    const { format = 'jsonl' } = request.query;
    const from = parseDate(request.query.from, 'from');
    const to = parseDate(request.query.to, 'to');
    if (from && to && from > to) throw new RequestError(400, 'invalid request', 'from is after to', 'from');
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
  const date = parseStrictDate(text);
  if (date === null) throw new RequestError(400, 'invalid request', `${field} is not a real date: "${text}"`, field);
  return date;
}
