import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp, type AppOptions } from '../src/app.js';
import type { Receipt } from '../src/schemas/receipt.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { ReceiptStore } from '../src/store/store.js';

export const SITE = 'https://shop.example.co.uk';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const UA_PROBE = 'UA-PROBE-7f3a';

export function makeReceipt(overrides: Partial<Receipt> = {}): Receipt {
  const now = new Date();
  return {
    schema: 'consentry-receipt/1',
    id: randomUUID(),
    subject: randomUUID(),
    timestamp: now.toISOString(),
    site: SITE,
    jurisdiction: 'GB',
    language: 'en-GB',
    policyVersion: '2026-05-01',
    revision: 1,
    configHash: 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    action: 'custom',
    method: 'preferences',
    granted: ['necessary', 'functional'],
    denied: ['analytics', 'marketing'],
    bases: { necessary: 'strictly-necessary', functional: 'consent', analytics: 'consent', marketing: 'consent' },
    signals: { gpc: false },
    expires: new Date(now.getTime() + 182 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function requireDatabaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error('DATABASE_URL is not set: run the suite with `npm test -w server` (it starts PostgreSQL via scripts/with-postgres.sh)');
  }
  return url;
}

let databaseCounter = 0;

/** A fresh, empty PostgreSQL database on the test cluster; dropped after the test. */
export async function freshPostgresUrl(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const base = requireDatabaseUrl();
  const name = `consentry_t${process.pid}_${++databaseCounter}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  t.after(async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Direct access to the database behind a store, bypassing the store, as a tamperer would. */
export interface RawDatabase {
  exec(sql: string): Promise<void>;
  /** Every row of every table, as text: what a full dump would show. */
  dump(): Promise<string>;
  close(): Promise<void>;
}

export interface Adapter {
  name: 'sqlite' | 'postgres';
  /** Opens a new, empty store plus raw access to its database. */
  open(t: TestContextLike): Promise<{ store: ReceiptStore; raw: RawDatabase; location: Record<string, string> }>;
}

export interface TestContextLike {
  after: (fn: () => void | Promise<void>) => void;
}

export const adapters: Adapter[] = [
  {
    name: 'sqlite',
    async open(t) {
      const file = join(tempDir(t), 'receipts.db');
      const store = openSqliteStore(file);
      const db = new Database(file);
      const raw: RawDatabase = {
        async exec(sql) {
          db.exec(sql);
        },
        async dump() {
          const tables = db
            .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
            .all()
            .map((r) => r.name);
          return tables.map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())).join('\n');
        },
        async close() {
          if (db.open) db.close();
        },
      };
      t.after(() => raw.close());
      return { store, raw, location: { RECEIPTS_DB: file } };
    },
  },
  {
    name: 'postgres',
    async open(t) {
      const url = await freshPostgresUrl(t);
      const store = await openPostgresStore(url);
      const client = new pg.Client({ connectionString: url });
      // DROP DATABASE ... WITH (FORCE) at cleanup ends this connection.
      client.on('error', () => {});
      await client.connect();
      let closed = false;
      const raw: RawDatabase = {
        async exec(sql) {
          await client.query(sql);
        },
        async dump() {
          const { rows } = await client.query<{ table_name: string }>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
          );
          const parts: string[] = [];
          for (const { table_name } of rows) {
            parts.push(JSON.stringify((await client.query(`SELECT * FROM "${table_name}"`)).rows));
          }
          return parts.join('\n');
        },
        async close() {
          if (!closed) {
            closed = true;
            await client.end().catch(() => {});
          }
        },
      };
      // Registered before the store closes its pool, so DROP DATABASE runs last.
      t.after(() => raw.close());
      return { store, raw, location: { DATABASE_URL: url } };
    },
  },
];

/** Collects log lines written by the app's logger. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export async function makeApp(store: ReceiptStore, overrides: Partial<AppOptions> = {}) {
  return buildApp({
    store,
    allowedOrigins: [SITE],
    adminToken: ADMIN_TOKEN,
    rateLimit: 1000,
    bodyLimit: 64 * 1024,
    log: false,
    ...overrides,
  });
}

/** Another store on the database behind `location`, with its own clock. */
export async function openStoreAt(location: Record<string, string>, now?: () => Date): Promise<ReceiptStore> {
  const url = location['DATABASE_URL'];
  return url ? openPostgresStore(url, { now }) : openSqliteStore(location['RECEIPTS_DB'] ?? '', { now });
}

export const json = (body: unknown) => JSON.stringify(body);
export const postHeaders = { origin: SITE, 'content-type': 'application/json' };
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };
