/**
 * Delivers consent receipts without ever holding up the visitor: the choice is
 * applied first, the receipt waits in localStorage (part of the record of the
 * visitor's selections, so strictly necessary) and is sent with `fetch`
 * (`keepalive`, no credentials), retried with exponential back-off and jitter
 * across page loads, and flushed with `sendBeacon` on `pagehide`. A receipt
 * leaves the queue only on a 2xx; its `id` makes every resend harmless.
 * A 4xx other than 408/429 will never succeed: it is logged, dropped and counted.
 */
import type { CoreEnv } from './env.js';
import type { Receipt } from './types.js';

interface Entry {
  r: Receipt;
  /** Attempts so far. */
  n: number;
  /** Not before (ms since epoch). */
  t: number;
}
interface Stored {
  q: Entry[];
  /** Receipts the server refused for good. */
  dropped: number;
}

export const QUEUE_KEY = 'consentry:receipts';
export const QUEUE_CAP = 50;

export interface ReceiptQueue {
  add(receipt: Receipt): void;
  flush(): void;
  pending(): Receipt[];
  dropped(): number;
  stop(): void;
}

export const createReceiptQueue = (endpoint: string, env: CoreEnv, retryMs = 2000): ReceiptQueue => {
  const post = env.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const beacon = env.sendBeacon ?? ((url: string, data: BodyInit) => navigator.sendBeacon(url, data));
  let memory: Stored = { q: [], dropped: 0 };
  // Storage is the queue while it works; an empty key then means empty (another
  // tab delivered everything), never "use what this page remembers".
  let inMemory = !env.storage;
  const sending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = (): Stored => {
    if (inMemory) return memory;
    try {
      return (JSON.parse(env.storage!.getItem(QUEUE_KEY) ?? 'null') as Stored | null) ?? { q: [], dropped: 0 };
    } catch {
      return memory;
    }
  };
  const write = (s: Stored): void => {
    memory = s;
    try {
      if (s.q.length || s.dropped) env.storage?.setItem(QUEUE_KEY, JSON.stringify(s));
      else env.storage?.removeItem(QUEUE_KEY);
    } catch {
      // Storage full or blocked: the queue lives on in memory for this page.
      inMemory = true;
    }
  };
  /** Applies `fn` to the stored queue (another tab may have changed it). */
  const update = (fn: (s: Stored) => void): void => {
    const s = read();
    fn(s);
    write(s);
  };

  const send = async (e: Entry): Promise<void> => {
    sending.add(e.r.id);
    let status = 0;
    try {
      // A text/plain body keeps this a simple CORS request: no preflight to lose at unload.
      status = (await post(endpoint, { method: 'POST', body: JSON.stringify(e.r), keepalive: true, credentials: 'omit' }))
        .status;
    } catch {
      // Offline, refused, or blocked by CORS: retried below.
    }
    sending.delete(e.r.id);
    const done = status >= 200 && status < 300;
    const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
    if (refused) console.error(`consentry: receipt ${e.r.id} refused by ${endpoint} (${status}); dropped`);
    update((s) => {
      const i = s.q.findIndex((x) => x.r.id === e.r.id);
      if (i < 0) return;
      if (done || refused) {
        s.q.splice(i, 1);
        if (refused) s.dropped++;
      } else {
        const n = ++s.q[i].n;
        s.q[i].t = Date.now() + Math.min(retryMs * 2 ** n, 36e5) * (0.5 + Math.random() / 2);
      }
    });
    schedule();
  };

  const schedule = (): void => {
    clearTimeout(timer);
    const next = Math.min(...read().q.map((e) => e.t));
    if (next < Infinity) timer = setTimeout(flush, Math.max(0, next - Date.now()));
  };

  const flush = (): void => {
    if (navigator.onLine === false) return;
    for (const e of read().q) if (e.t <= Date.now() && !sending.has(e.r.id)) void send(e);
    schedule();
  };

  const onHide = (): void => {
    // The page is going: hand what is left to the browser. It stays queued
    // until a later page gets a 2xx for it (the server then answers 200 duplicate).
    for (const e of read().q) if (!beacon(endpoint, new Blob([JSON.stringify(e.r)], { type: 'text/plain' }))) break;
  };

  addEventListener('online', flush);
  addEventListener('pagehide', onHide);

  return {
    add(receipt) {
      update((s) => {
        s.q.push({ r: receipt, n: 0, t: 0 });
        if (s.q.length > QUEUE_CAP) {
          console.warn(`consentry: receipt queue full (${QUEUE_CAP}); dropping the oldest`);
          s.q.splice(0, s.q.length - QUEUE_CAP);
        }
      });
      flush();
    },
    flush,
    pending: () => read().q.map((e) => e.r),
    dropped: () => read().dropped,
    stop() {
      clearTimeout(timer);
      removeEventListener('online', flush);
      removeEventListener('pagehide', onHide);
    },
  };
};
