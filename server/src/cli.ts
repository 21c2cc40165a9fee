import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { parseStrictDate } from './dates.js';
import { toCsv, toJsonLines } from './store/export-format.js';
import { openStore } from './store/open-store.js';

const USAGE = `Usage: consentry-receipts <command> [options]

Commands:
  serve                          run the HTTP server (PORT, HOST, ALLOWED_ORIGINS, ...)
  verify                         check the whole chain; exit 1 when it is broken
  export [--format jsonl|csv] [--from DATE] [--to DATE]
                                 write receipts to stdout (from inclusive, to exclusive)
  purge [--dry-run]              delete receipts older than RETENTION_DAYS, keeping an anchor

The store is PostgreSQL when DATABASE_URL is set, else the SQLite file RECEIPTS_DB
(default ./receipts.db). See README.md for every environment variable.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(loadConfig(process.env, { requireOrigins: true }));
    case 'verify':
      return verify(loadConfig(process.env));
    case 'export':
      return exportReceipts(loadConfig(process.env), rest);
    case 'purge':
      return purge(loadConfig(process.env), rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

async function serve(config: Config): Promise<number> {
  // The store opens before the app (and its logger) exists; a failed background
  // job (the figures' count, a WAL checkpoint) is logged by code and message
  // only (never a receipt's fields).
  const logger: { current?: { error: (fields: object, message: string) => void } } = {};
  const logsFailure = (what: string) => (e: unknown) => {
    const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
    logger.current?.error({ code: typeof code === 'string' ? code : '', reason: typeof message === 'string' ? message : 'unknown error' }, what);
  };
  const onFiguresError = logsFailure('figures catch-up failed; the next console read retries it');
  // A failed checkpoint loses nothing (SQLite's own checkpoint still bounds the WAL), but an operator should know.
  const onCheckpointError = logsFailure("WAL checkpoint failed; SQLite's fallback checkpoint still runs");
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    sqlitePath: config.receiptsDb,
    sqliteWriter: config.sqliteWriter,
    onFiguresError,
    onCheckpointError,
  });
  const app = await buildApp({
    store,
    allowedOrigins: config.allowedOrigins,
    adminToken: config.adminToken,
    rateLimit: config.rateLimit,
    bodyLimit: config.bodyLimit,
    requestTimeoutMs: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    log: { level: config.logLevel },
  });
  logger.current = app.log;
  if (!config.adminToken) app.log.warn('ADMIN_TOKEN is not set: /export and /verify will answer 401');
  await app.listen({
    port: config.port,
    host: config.host,
    // The port only: the log stays free of addresses of any kind.
    listenTextResolver: (address) => `listening on port ${new URL(address).port || config.port}`,
  });
  app.log.info({ store: store.kind }, 'receipts store open');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await app.close();
  return 0;
}

async function verify(config: Config): Promise<number> {
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.receiptsDb, sqliteWriter: config.sqliteWriter });
  try {
    const result = await store.verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

async function exportReceipts(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'jsonl' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  if (values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError('--format must be jsonl or csv');
  const from = parseDateOption(values.from, '--from');
  const to = parseDateOption(values.to, '--to');
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.receiptsDb, sqliteWriter: config.sqliteWriter });
  try {
    const rows = store.export({ from, to });
    for await (const chunk of values.format === 'csv' ? toCsv(rows) : toJsonLines(rows)) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function purge(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } } });
  const before = new Date(Date.now() - config.retentionDays * 24 * 60 * 60 * 1000);
  const store = await openStore({ databaseUrl: config.databaseUrl, sqlitePath: config.receiptsDb, sqliteWriter: config.sqliteWriter });
  try {
    // Purging a broken chain would delete the evidence and anchor over it.
    const check = await store.verify();
    if (!check.ok) {
      process.stderr.write(`refusing to purge: the chain is broken\n${JSON.stringify(check)}\n`);
      return 1;
    }
    if (values['dry-run']) {
      let count = 0;
      for await (const _ of store.export({ to: before })) count += 1;
      process.stdout.write(`${JSON.stringify({ dryRun: true, before: before.toISOString(), wouldDelete: count })}\n`);
      return 0;
    }
    const result = await store.purge(before);
    process.stdout.write(`${JSON.stringify({ before: before.toISOString(), ...result })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

class UsageError extends Error {}

function parseDateOption(text: string | undefined, name: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseStrictDate(text);
  if (date === null) throw new UsageError(`${name} must be a date such as 2026-06-01, got "${text}"`);
  return date;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`consentry-receipts: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`consentry-receipts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
