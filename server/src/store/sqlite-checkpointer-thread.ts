// The SQLite checkpointer thread (sqlite-checkpointer.ts starts it): its own
// connection, one PASSIVE checkpoint at most every `intervalMs`, when asked.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CheckpointerReply, CheckpointerThreadData } from './sqlite-checkpointer.js';

const data = workerData as CheckpointerThreadData;
const port = parentPort;
if (!port) throw new Error('sqlite-checkpointer-thread runs as a worker thread, started by the SQLite store');

// The store's connection created the file and put it in WAL mode.
const db = new Database(data.path, { timeout: data.busyTimeoutMs, fileMustExist: true });
db.pragma('synchronous = FULL');
let last = 0;
let timer: NodeJS.Timeout | null = null;

const run = () => {
  timer = null;
  last = Date.now();
  let reply: CheckpointerReply;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    reply = { ok: true, log: result!.log, checkpointed: result!.checkpointed };
  } catch (error) {
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    reply = { ok: false, code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : String(error) };
  }
  port.postMessage(reply);
};

port.on('message', (message: 'run' | 'close') => {
  if (message === 'close') {
    if (timer) clearTimeout(timer);
    db.close();
    port.close();
    return;
  }
  timer ??= setTimeout(run, Math.max(0, data.intervalMs - (Date.now() - last)));
});
