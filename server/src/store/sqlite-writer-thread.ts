// The SQLite writer thread (sqlite-writer.ts starts it): one connection,
// one append transaction per message, each answered after its COMMIT.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { appendTransaction, type WriterReply, type WriterRequest, type WriterThreadData } from './sqlite-writer.js';

const data = workerData as WriterThreadData;
const port = parentPort;
if (!port) throw new Error('sqlite-writer-thread runs as a worker thread, started by the SQLite store');

// The store's connection created the file and applied the migrations.
const db = new Database(data.path, { timeout: data.busyTimeoutMs, fileMustExist: true });
db.pragma('journal_mode = WAL');
// Per connection: every commit that answers a 201 is fsynced (see sqlite-store.ts).
db.pragma('synchronous = FULL');
const append = appendTransaction(db);

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    db.close();
    port.close();
    return;
  }
  let reply: WriterReply;
  try {
    reply = { ok: true, ...append(request.receipts, request.receivedAt) };
  } catch (error) {
    const { name, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
    reply = {
      ok: false,
      error: {
        name: typeof name === 'string' ? name : 'Error',
        message: typeof message === 'string' ? message : String(error),
        code: typeof code === 'string' ? code : undefined,
      },
    };
  }
  port.postMessage(reply);
});
