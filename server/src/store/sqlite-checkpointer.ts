import type { Worker } from 'node:worker_threads';
import { startStoreThread } from './store-thread.js';

/**
 * WAL checkpoints off the serving thread.
 *
 * SQLite checkpoints the WAL from inside the COMMIT that takes it past
 * `wal_autocheckpoint` pages (1,000 by default): that commit copies every
 * page into the database file and fsyncs it, on whatever thread committed.
 * Under ingest that was about half of the serving thread's time in SQLite
 * (a micro-benchmark of 6-receipt commits: 64 µs per receipt with the
 * automatic checkpoints, 31 µs without). Here a small `worker_threads`
 * thread with a connection of its own runs `PRAGMA wal_checkpoint(PASSIVE)`
 * (which never waits for or blocks a writer) when the store tells it that
 * commits happened, at most once per {@link CHECKPOINT_INTERVAL_MS}. One
 * message there and one back per checkpoint, not per commit.
 *
 * The store's connection keeps an automatic checkpoint, at
 * {@link FALLBACK_AUTOCHECKPOINT_PAGES}, in case this thread is gone or
 * falls behind: the WAL cannot grow without bound. A thread that died is
 * not restarted (that would cost a thread start per commit).
 *
 * A checkpoint changes nothing about durability: SQLite syncs the WAL before
 * it copies frames and syncs the database file after.
 */
export interface Checkpointer {
  /** Commits happened: checkpoint soon. Cheap; call after every commit. */
  dirty(): void;
  /** Ends the thread (before the store's connection closes). */
  close(): Promise<void>;
}

export const CHECKPOINT_INTERVAL_MS = 50;
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointerThreadData {
  path: string;
  busyTimeoutMs: number;
  intervalMs: number;
}

export type CheckpointerReply = { ok: true; log: number; checkpointed: number } | { ok: false; code: string | undefined; message: string };

export interface CheckpointerOptions {
  path: string;
  busyTimeoutMs: number;
  intervalMs?: number;
  /** A failed checkpoint (the next commit asks again; the fallback checkpoint still runs). */
  onError?: (error: Error) => void;
  /** Tests: each checkpoint's result. */
  onCheckpoint?: (result: { log: number; checkpointed: number }) => void;
}

export function checkpointer(options: CheckpointerOptions): Checkpointer {
  let thread: Worker | null = null;
  let asked = false;
  let closed = false;
  // A thread that died (it could not open the file, a native fault) is not
  // started again on every commit: the fallback checkpoint takes over.
  let gone = false;

  const start = (): Worker => {
    const data: CheckpointerThreadData = { path: options.path, busyTimeoutMs: options.busyTimeoutMs, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS };
    const started = startStoreThread('sqlite-checkpointer-thread', data);
    started.on('message', (reply: CheckpointerReply) => {
      asked = false;
      // An idle checkpointer never keeps the process alive (one asked to run
      // does, for its interval; one closing does, until it has exited).
      if (!closed) started.unref();
      if (reply.ok) options.onCheckpoint?.(reply);
      else options.onError?.(Object.assign(new Error(reply.message), { code: reply.code }));
    });
    started.on('error', (error) => options.onError?.(error));
    started.on('exit', () => {
      if (thread === started) thread = null;
      if (!closed) gone = true;
      asked = false;
    });
    return started;
  };

  return {
    dirty() {
      if (asked || closed || gone) return;
      asked = true;
      thread ??= start();
      thread.ref();
      thread.postMessage('run');
    },
    async close() {
      closed = true;
      const last = thread;
      thread = null;
      if (!last) return;
      const exited = new Promise((resolve) => last.once('exit', resolve));
      last.ref();
      last.postMessage('close');
      await exited;
    },
  };
}
