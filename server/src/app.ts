import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { clientKey, createAdminTokenGuard, TooManyGuessesError, type AdminTokenGuard, type AdminTokenGuardOptions } from './admin-token.js';
import type { LogLevel } from './config.js';
import { consoleRoutes } from './console/routes.js';
import { RequestError } from './errors.js';
import { adminRoutes } from './routes/admin.js';
import { healthRoutes } from './routes/health.js';
import { receiptRoutes } from './routes/receipts.js';
import { withGroupCommit } from './store/group-commit.js';
import type { ReceiptStore } from './store/store.js';

export interface AppOptions {
  /** The app owns the store from here on and closes it on `app.close()`. */
  store: ReceiptStore;
  /** Origins that may POST receipts and read a history cross-origin. */
  allowedOrigins: readonly string[];
  /** Bearer token for /export and /verify; without it those routes answer 401. */
  adminToken?: string | undefined;
  /** Requests per minute per client address. */
  rateLimit: number;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Time a client has to send a whole request (headers and body), in ms; then 408 and close. */
  requestTimeoutMs?: number;
  /** Budget of wrong admin tokens per client (tests shorten the window). */
  adminGuesses?: AdminTokenGuardOptions;
  /** Proxy hops whose X-Forwarded-For is trusted (only used as the rate-limit key). */
  trustProxy?: number;
  log?: { level: LogLevel; stream?: NodeJS.WritableStream } | false;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Checks the admin token with one shared budget of wrong guesses (see admin-token.ts). */
    adminTokenGuard: AdminTokenGuard;
  }
}

/** Builds the receipts server without listening; `app.inject()` drives it in tests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const requestTimeout = options.requestTimeoutMs ?? 10_000;
  const app = Fastify({
    bodyLimit: options.bodyLimit,
    // Node closes a request still arriving after this (a slow-body attack
    // would otherwise hold a socket for Node's default of 5 minutes). The
    // check runs every connectionsCheckingInterval (set below), so keep that short.
    requestTimeout,
    clientErrorHandler,
    trustProxy: trustHops(options.trustProxy ?? 0),
    logger: options.log ? { level: options.log.level, stream: options.log.stream, serializers: privateSerializers } : false,
    ajv: {
      // Fastify's defaults would silently drop unknown fields (so `ip` would
      // be stored-then-forgotten instead of rejected) and turn "3" into 3.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false },
    },
  });

  // Node checks the deadlines every connectionsCheckingInterval (default 30 s,
  // read when the server starts listening), and only honours requestTimeout
  // when headersTimeout is no longer than it.
  const server = app.server as { connectionsCheckingInterval?: number; headersTimeout: number };
  server.connectionsCheckingInterval = Math.min(1000, Math.max(50, Math.floor(requestTimeout / 4)));
  server.headersTimeout = Math.min(server.headersTimeout, requestTimeout);

  const store = withGroupCommit(options.store);
  app.addHook('onClose', async () => {
    await store.close();
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));

  const guard = createAdminTokenGuard(options.adminToken, options.adminGuesses);
  app.decorate('adminTokenGuard', guard);

  await app.register(rateLimit, {
    max: options.rateLimit,
    timeWindow: '1 minute',
    // Never throws, even for a request whose socket was reset mid-flight.
    keyGenerator: clientKey,
    // Addresses live only in this in-memory window, never in a row or a log line.
    errorResponseBuilder: (_request, context) =>
      new RequestError(429, 'too many requests', `rate limit exceeded, retry in ${context.after}`),
  });
  await app.register(cors, {
    origin: [...options.allowedOrigins],
    methods: ['GET', 'POST'],
    credentials: false,
    maxAge: 600,
  });

  await app.register(receiptRoutes, { store, allowedOrigins: options.allowedOrigins });
  await app.register(adminRoutes, { store, guard });
  await app.register(healthRoutes, { store });
  await app.register(consoleRoutes, { store, adminToken: options.adminToken, guard });
  return app;
}

function trustHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

// Log lines carry the method and the route, nothing that identifies a visitor:
// no address, no headers, no query string, no subject id from the path. A
// path that matched no route is not logged at all: it may hold anything.
const privateSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: request.routeOptions?.url ?? '(no route)' };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
  // Node's parse errors carry the raw request bytes (`rawPacket`); keep only
  // what says what went wrong.
  err(error: Error & { code?: unknown; statusCode?: unknown }) {
    return { type: error.name, code: error.code, statusCode: error.statusCode, message: error.message, stack: error.stack ?? '' };
  },
};

/**
 * Fastify's default logs the error with its raw bytes at trace level; this
 * one logs the code only, then answers like Node does.
 */
function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout']
    : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large']
    : [400, 'Bad Request'];
  this.log.debug({ code: error.code, statusCode: status }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({ error: text.toLowerCase() });
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  }
  socket.destroy();
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function errorHandler(
  this: FastifyInstance,
  error: FastifyError | RequestError,
  request: FastifyRequest,
  reply: import('fastify').FastifyReply,
) {
  if (error instanceof TooManyGuessesError) reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof RequestError) {
    return reply.code(error.statusCode).send({ error: error.error, field: error.field, message: error.message });
  }
  if (error.validation) {
    const first = error.validation[0] as AjvError | undefined;
    const { field, message } = describeValidationError(first);
    const what = error.validationContext === 'body' ? 'invalid receipt' : 'invalid request';
    // Body fields are JSON pointers into the posted JSON (`/0/granted/1`);
    // query and path fields are plain names (`from`, `subject`).
    const name = error.validationContext === 'body' ? field : field.replace(/^\//, '');
    return reply.code(400).send({ error: what, field: name, message });
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return reply.code(413).send({ error: 'body too large', message: `the limit is ${request.routeOptions.bodyLimit} bytes` });
  }
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ error: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported media type' : 'bad request', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal error' });
}

function describeValidationError(error: AjvError | undefined): { field: string; message: string } {
  if (!error) return { field: '', message: 'invalid' };
  const { instancePath, keyword, params } = error;
  if (keyword === 'additionalProperties') {
    const name = String(params['additionalProperty']);
    return {
      field: `${instancePath}/${name}`,
      message: `"${name}" is not a receipt field; receipts carry no IP address, user agent or URL`,
    };
  }
  if (keyword === 'required') {
    const name = String(params['missingProperty']);
    return { field: `${instancePath}/${name}`, message: `"${name}" is required` };
  }
  return { field: instancePath, message: error.message ?? 'invalid' };
}
