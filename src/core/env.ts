import type { ChunkName } from './types.js';

/**
 * Everything the core touches outside itself, passed in so tests can swap
 * the clock, the signal or the network without globals.
 */
export interface CoreEnv {
  document: Document;
  /** Current time in ms (tests move it to check expiry). */
  now: () => number;
  /** Loads a lazily built chunk (`ui`, `policy`, `validate`, `decide`). The entries pass theirs. */
  load: (chunk: ChunkName) => Promise<unknown>;
  /** Global Privacy Control as the browser reports it. */
  gpc: boolean;
  /** Jurisdiction rendered by the page's server (`data-jurisdiction`), if any. */
  jurisdiction?: string;
  /** Queue storage for undelivered receipts (localStorage by default). */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Receipt transport; the decide chunk falls back to the browser's own. */
  fetch?: typeof fetch;
  sendBeacon?: (url: string, data: BodyInit) => boolean;
  /** Reloads the page after a withdrawal (location.reload unless given; specs pass a recorder). */
  reload?: () => void;
}

/** Fills the gaps in a partial env with the browser's own objects. */
export const browserEnv = (partial: Partial<CoreEnv> = {}): CoreEnv => ({
  document,
  now: Date.now,
  // Without a loader nothing can be validated or shown: fail closed.
  load: (chunk) => Promise.reject(Error(chunk)),
  gpc: (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
  // Read when first used, after the gate has applied the stored choice: a
  // page's first touch of localStorage opens it synchronously (measured up to
  // 10 ms in Chromium), which would hold up a returning visitor's tags.
  get storage() {
    try {
      return localStorage;
    } catch {
      // Storage can be blocked (sandboxed iframes, privacy settings): receipts then live in memory only.
      return null;
    }
  },
  ...partial,
  jurisdiction: partial.jurisdiction ?? document.documentElement.dataset.jurisdiction,
});
