// Wrong admin tokens at the console's sign-in, counted per client address in
// memory only (never stored or logged). After MAX_FAILURES in the window
// every attempt from that address is refused, the right token included, so
// a guesser learns nothing until the window has passed.

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
const MAX_TRACKED = 50_000;

export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #recent(key: string): number[] {
    const since = this.#now() - WINDOW_MS;
    const times = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Seconds until `key` may try again, or 0 if it may try now. */
  retryAfter(key: string): number {
    const times = this.#recent(key);
    if (times.length < MAX_FAILURES) return 0;
    return Math.max(1, Math.ceil(((times[0] ?? 0) + WINDOW_MS - this.#now()) / 1000));
  }

  fail(key: string): void {
    if (this.#failures.size >= MAX_TRACKED) {
      // Bounded memory: forget the oldest address first.
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
    const times = this.#recent(key);
    this.#failures.delete(key);
    this.#failures.set(key, [...times, this.#now()]);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
