import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ReceiptStore } from '../store/store.js';

export const healthRoutes: FastifyPluginAsync<{ store: ReceiptStore }> = async (app, { store }) => {
  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { response: { 200: Type.Object({ status: Type.Literal('ok'), store: Type.String() }) } },
    },
    async () => ({ status: 'ok' as const, store: store.kind }),
  );
};
