import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RequestError } from './errors.js';

/**
 * The one place the admin token is checked. The bearer routes (/export,
 * /verify) and the console's sign-in share one instance, so wrong guesses
 * count against one budget per client whichever door they knock on:
 *
 *   const guard = app.adminTokenGuard;
 *   if (!guard.check(request, presentedToken)) return reply.code(401)...
 *
 * `check` throws a 429 RequestError (with `retryAfterSeconds`) while the
 * client is locked out, before it compares anything, so a locked-out client
 * learns nothing, not even from the right token.
 */
export interface AdminTokenGuard {
  /** False when ADMIN_TOKEN is not set: every check fails. */
  readonly configured: boolean;
  check(request: FastifyRequest, presented: string | undefined): boolean;
}

export interface AdminTokenGuardOptions {
  /** Wrong guesses a client may make per window before it is locked out. */
  maxFailures?: number;
  windowMs?: number;
  /** Clients tracked at once; the oldest are forgotten first (bounded memory). */
  maxClients?: number;
  now?: () => number;
}

export class TooManyGuessesError extends RequestError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too many requests', `too many wrong admin tokens, retry in ${retryAfterSeconds} s`);
  }
}

interface Failures {
  count: number;
  windowStart: number;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Wrong admin tokens a client may send per window, through any door, before it gets 429. */
export const MAX_WRONG_TOKENS = 10;
export const GUESS_WINDOW_MS = 15 * 60_000;

export function createAdminTokenGuard(token: string | undefined, options: AdminTokenGuardOptions = {}): AdminTokenGuard {
  const maxFailures = options.maxFailures ?? MAX_WRONG_TOKENS;
  const windowMs = options.windowMs ?? GUESS_WINDOW_MS;
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  // Fixed-length digests, so neither the length nor a matching prefix of the
  // token shows in the response time.
  const expected = token === undefined ? null : digest(token);
  // Insertion-ordered: the first key is the least recently failed.
  const failures = new Map<string, Failures>();

  return {
    configured: expected !== null,
    check(request, presented) {
      const key = clientKey(request);
      const time = now();
      let entry = failures.get(key);
      if (entry && time - entry.windowStart >= windowMs) {
        failures.delete(key);
        entry = undefined;
      }
      if (entry && entry.count >= maxFailures) {
        throw new TooManyGuessesError(Math.max(1, Math.ceil((entry.windowStart + windowMs - time) / 1000)));
      }
      const ok = expected !== null && presented !== undefined && timingSafeEqual(digest(presented), expected);
      // No token at all is not a guess (a console page before sign-in).
      if (ok || presented === undefined) return ok;
      if (!entry) {
        entry = { count: 0, windowStart: time };
        if (failures.size >= maxClients) failures.delete(failures.keys().next().value as string);
      }
      entry.count += 1;
      failures.delete(key);
      failures.set(key, entry);
      return false;
    },
  };
}

/**
 * The client address the limits count against. Kept in memory only. A
 * request whose socket is already gone has no address: those share one key
 * rather than throwing.
 */
export function clientKey(request: FastifyRequest): string {
  try {
    return request.ip || request.socket?.remoteAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}
