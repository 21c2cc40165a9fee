import type { FastifyPluginAsync } from 'fastify';
import { ReceiptPostBodySchema, type Receipt } from '../schemas/receipt.js';
import { AppendResponseSchema, HistoryResponseSchema, SubjectParamsSchema } from '../schemas/http.js';
import type { ReceiptStore } from '../store/store.js';
import { checkReceipt } from './receipt-checks.js';

export interface ReceiptRoutesOptions {
  store: ReceiptStore;
  allowedOrigins: readonly string[];
}

export const receiptRoutes: FastifyPluginAsync<ReceiptRoutesOptions> = async (app, { store, allowedOrigins }) => {
  const allowed = new Set(allowedOrigins);

  // navigator.sendBeacon posts a Blob typed text/plain (no CORS preflight);
  // its body is the same JSON. Scoped to this plugin only.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post<{ Body: Receipt | Receipt[] }>(
    '/receipts',
    {
      schema: { body: ReceiptPostBodySchema, response: { 200: AppendResponseSchema, 201: AppendResponseSchema } },
      // Refuse before reading the body. Browsers always send Origin on POST,
      // so a missing one is a non-browser client we did not allow either.
      onRequest: async (request, reply) => {
        const origin = request.headers.origin;
        if (origin === undefined || !allowed.has(origin)) {
          return reply.code(403).send({ error: 'origin not allowed' });
        }
      },
    },
    async (request, reply) => {
      const origin = request.headers.origin ?? '';
      const now = new Date();
      const receipts = Array.isArray(request.body)
        ? request.body.map((receipt, index) => checkReceipt(receipt, `/${index}`, origin, now))
        : [checkReceipt(request.body, '', origin, now)];
      const results = await store.append(receipts);
      const stored = results.filter((r) => r.status === 'stored').length;
      return reply.code(stored > 0 ? 201 : 200).send({ stored, duplicate: results.length - stored, results });
    },
  );

  // A visitor's own history. Subjects are random UUIDs kept in the visitor's
  // cookie, and receipts hold nothing sensitive, so no token (SEC-6).
  app.get<{ Params: { subject: string } }>(
    '/receipts/:subject',
    { schema: { params: SubjectParamsSchema, response: { 200: HistoryResponseSchema } } },
    async (request, reply) => {
      // Stored in lower case (see checkReceipt); either case finds them.
      const subject = request.params.subject.toLowerCase();
      const receipts = await store.bySubject(subject);
      return reply
        .header('content-disposition', `attachment; filename="consent-receipts-${subject}.json"`)
        .header('cache-control', 'no-store')
        .send({ subject, receipts });
    },
  );
};
