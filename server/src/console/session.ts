import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Console sessions are signed cookies: `<expires>.<nonce>.<mac>`, the MAC
// keyed by a key derived from ADMIN_TOKEN. Any server process sharing the
// token accepts them, and changing the token ends every session. Sign-out
// clears the cookie and revokes its nonce in this process until it expires.

export const SESSION_COOKIE = 'consentry_console';
export const SESSION_SECONDS = 8 * 60 * 60;

export interface Session {
  nonce: string;
  expiresAt: number;
  /** Sent back in the x-consentry-csrf header on every state-changing request. */
  csrf: string;
}

export class SessionKeeper {
  readonly #key: Buffer;
  readonly #tokenDigest: Buffer;
  readonly #revoked = new Map<string, number>();
  readonly #now: () => number;

  constructor(adminToken: string, now: () => number = Date.now) {
    this.#key = createHmac('sha256', adminToken).update('consentry-console-session/1').digest();
    this.#tokenDigest = createHash('sha256').update(adminToken).digest();
    this.#now = now;
  }

  /** Compares fixed-length digests, so neither the token's length nor a matching prefix shows in the timing. */
  matchesToken(presented: string): boolean {
    return timingSafeEqual(createHash('sha256').update(presented).digest(), this.#tokenDigest);
  }

  #mac(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64url');
  }

  #session(nonce: string, expiresAt: number): Session {
    return { nonce, expiresAt, csrf: this.#mac(`csrf.${nonce}`) };
  }

  /** A new session and the cookie value that carries it. */
  open(): { session: Session; cookie: string } {
    const expiresAt = Math.floor(this.#now() / 1000) + SESSION_SECONDS;
    const nonce = randomBytes(18).toString('base64url');
    const body = `${expiresAt}.${nonce}`;
    return { session: this.#session(nonce, expiresAt), cookie: `${body}.${this.#mac(body)}` };
  }

  /** The session a cookie value carries, or null if it is forged, expired or signed out. */
  read(cookie: string | undefined): Session | null {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(cookie ?? '');
    if (!match) return null;
    const [, expires, nonce, mac] = match as unknown as [string, string, string, string];
    if (!equal(mac, this.#mac(`${expires}.${nonce}`))) return null;
    const expiresAt = Number(expires);
    if (expiresAt * 1000 <= this.#now() || this.#revoked.has(nonce)) return null;
    return this.#session(nonce, expiresAt);
  }

  revoke(session: Session): void {
    const now = this.#now();
    for (const [nonce, expiresAt] of this.#revoked) if (expiresAt * 1000 <= now) this.#revoked.delete(nonce);
    this.#revoked.set(session.nonce, session.expiresAt);
  }

  csrfMatches(session: Session, presented: string | undefined): boolean {
    return presented !== undefined && equal(presented, session.csrf);
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
