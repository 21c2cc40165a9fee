import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AdminTokenGuard } from '../admin-token.js';
import { SubjectParamsSchema } from '../schemas/http.js';
import { csvCell, toCsv, toJsonLines } from '../store/export-format.js';
import { FIGURE_DIMENSIONS, type ReceiptStore, type VerificationRecord } from '../store/store.js';
import { dailyFigures, foldDays } from './day-figures.js';
import { buildReport, reportRows, type Breakdown } from './figures.js';
import { localRange, periodsFor, type Interval } from './periods.js';
import { SESSION_COOKIE, SessionKeeper, cookieValue, type Session } from './session.js';
import { CONSOLE_PAGE } from './page.js';

export interface ConsoleRoutesOptions {
  store: ReceiptStore;
  adminToken?: string | undefined;
  /** The app's one check of the admin token, with one budget of wrong guesses per client (admin-token.ts). */
  guard: AdminTokenGuard;
  /** Clock for sessions; tests move it. */
  now?: () => number;
}

// The built front end: dist/console-ui beside dist/ (two levels up from
// both src/console and dist/console).
const UI_ROOT = new URL('../../dist/console-ui/', import.meta.url);
const ASSETS: Record<string, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const BREAKDOWNS: readonly Breakdown[] = ['all', ...FIGURE_DIMENSIONS];
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const FiguresQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: DATE,
    to: DATE,
    tz: { type: 'string', maxLength: 64, default: 'UTC' },
    interval: { type: 'string', enum: ['day', 'week'], default: 'day' },
    by: { type: 'string', enum: BREAKDOWNS, default: 'all' },
    format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  },
} as const;

const ExportQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: DATE,
    to: DATE,
    tz: { type: 'string', maxLength: 64, default: 'UTC' },
    format: { type: 'string', enum: ['jsonl', 'csv'], default: 'csv' },
  },
} as const;

interface FiguresQueryString {
  from: string;
  to: string;
  tz: string;
  interval: Interval;
  by: Breakdown;
  format: 'json' | 'csv';
}

/**
 * The site owner's console: GET /console and its JSON under /console/api/.
 * ADMIN_TOKEN signs in once at POST /console/api/session and becomes a
 * signed session cookie; every other API call needs that cookie, and the
 * ones that change something also need the session's CSRF token.
 */
export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (app, { store, adminToken, guard, now = Date.now }) => {
  const sessions = adminToken === undefined ? null : new SessionKeeper(adminToken, now);

  app.addHook('onSend', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  const page = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(CONSOLE_PAGE);
  app.get('/console', page);
  app.get('/console/', page);

  app.get<{ Params: { file: string } }>('/console/assets/:file', async (request, reply) => {
    const type = ASSETS[request.params.file];
    if (!type) return reply.code(404).send({ error: 'not found' });
    const body = await readFile(new URL(request.params.file, UI_ROOT)).catch(() => null);
    if (!body) return reply.code(500).send({ error: 'console front end not built: run npm run build -w server' });
    return reply.header('content-type', type).header('cache-control', 'no-cache').send(body);
  });

  const sessionOf = (request: FastifyRequest): Session | null =>
    sessions?.read(cookieValue(request.headers.cookie, SESSION_COOKIE)) ?? null;

  const setCookie = (request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) => {
    // Secure whenever the console was reached over https (directly or, with
    // TRUST_PROXY, through a TLS proxy); plain http only works on a local address.
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=${value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`,
    );
  };

  // A browser marks where a request came from; a cross-site one is refused
  // even before SameSite=Strict would drop the cookie.
  const sameOrigin = (request: FastifyRequest): boolean => {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (!url.startsWith('/console/api/')) return;
    reply.header('cache-control', 'no-store');
    if (request.method === 'POST' && !sameOrigin(request)) {
      return reply.code(403).send({ error: 'cross-site request refused' });
    }
    if (url === '/console/api/session' && request.method === 'POST') return;
    const session = sessionOf(request);
    if (!session) {
      return reply.code(401).send({ error: sessions ? 'not signed in' : 'the console is off: ADMIN_TOKEN is not set' });
    }
    if (request.method !== 'GET' && !sessions?.csrfMatches(session, request.headers['x-consentry-csrf'] as string | undefined)) {
      return reply.code(403).send({ error: 'missing or wrong x-consentry-csrf header' });
    }
    request.consoleSession = session;
  });

  app.post<{ Body: { token: string } }>(
    '/console/api/session',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['token'],
          properties: { token: { type: 'string', maxLength: 512 } },
        },
      },
    },
    async (request, reply) => {
      if (!sessions) return reply.code(401).send({ error: 'the console is off: ADMIN_TOKEN is not set' });
      // The same budget of wrong guesses as /export and /verify: a locked-out
      // client gets 429 (thrown) before any comparison, the right token included.
      if (!guard.check(request, request.body.token)) {
        return reply.code(401).send({ error: 'wrong admin token', field: 'token' });
      }
      const { session, cookie } = sessions.open();
      setCookie(request, reply, cookie, session.expiresAt - Math.floor(now() / 1000));
      return reply.send(describeSession(session));
    },
  );

  app.get('/console/api/session', async (request) => describeSession(request.consoleSession!));

  app.post('/console/api/session/end', async (request, reply) => {
    sessions?.revoke(request.consoleSession!);
    setCookie(request, reply, '', 0);
    return reply.code(204).send();
  });

  app.get<{ Querystring: FiguresQueryString }>(
    '/console/api/figures',
    { schema: { querystring: FiguresQuerySchema } },
    async (request, reply) => {
      const { from, to, tz, interval, by, format } = request.query;
      const days = periodsFor(from, to, tz, 'day');
      const periods = interval === 'day' ? days : periodsFor(from, to, tz, interval);
      const dimension = by === 'all' ? 'revision' : by;
      const perDay = await dailyFigures(store, days.zone, dimension, days, now());
      const report = buildReport({ from, to, tz, interval, by }, periods, foldDays(perDay, days, periods));
      if (format === 'json') return report;
      const csv = reportRows(report)
        .map((cells) => `${cells.map(csvCell).join(',')}\r\n`)
        .join('');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="consent-figures-${from}-to-${to}-by-${by}.csv"`)
        .send(csv);
    },
  );

  app.get<{ Params: { subject: string } }>(
    '/console/api/record/:subject',
    { schema: { params: SubjectParamsSchema } },
    async (request) => {
      const subject = request.params.subject.toLowerCase();
      return { subject, receipts: await store.bySubject(subject) };
    },
  );

  app.get('/console/api/chain', async () => ({
    head: await store.chainHead(),
    lastVerification: await store.lastVerification(),
  }));

  app.post('/console/api/chain/verify', async () => {
    const result = await store.verify();
    const record: VerificationRecord = {
      verifiedAt: new Date(now()).toISOString(),
      ok: result.ok,
      count: result.count,
      head: result.ok ? result.head : null,
      brokenAt: result.ok ? null : { seq: result.brokenAt.seq, reason: result.brokenAt.reason },
    };
    await store.saveVerification(record);
    return record;
  });

  app.get<{ Querystring: { from: string; to: string; tz: string; format: 'jsonl' | 'csv' } }>(
    '/console/api/export',
    { schema: { querystring: ExportQuerySchema } },
    async (request, reply) => {
      const { from, to, tz, format } = request.query;
      const range = localRange(from, to, tz);
      const rows = store.export(range);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8')
        .header('content-disposition', `attachment; filename="receipts-${from}-to-${to}.${format}"`)
        .send(Readable.from(format === 'csv' ? toCsv(rows) : toJsonLines(rows)));
    },
  );
};

function describeSession(session: Session) {
  return { signedIn: true, expiresAt: new Date(session.expiresAt * 1000).toISOString(), csrf: session.csrf };
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession?: Session;
  }
}

