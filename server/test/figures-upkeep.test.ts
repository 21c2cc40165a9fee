// The console's figures are counted from the receipts after their commit
// (off the request's path), on a real SQLite file and a real PostgreSQL
// database: a process that died before counting what it stored loses
// nothing, a read right after a 201 sees the receipt, the hourly tier holds
// whole hours, and no PostgreSQL connection carries startup options.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { tierPlan } from '../src/store/figures-counts.js';
import type { ReceiptStore } from '../src/store/store.js';
import { freshPostgresUrl, makeReceipt, tempDir, type TestContextLike } from './helpers.js';
import { withGroupCommit } from '../src/store/group-commit.js';

const NEVER = 1e9; // a figures delay no test outlives: that store never counts on its own

interface Place {
  name: 'sqlite' | 'postgres';
  /** A location; `open` opens a store on it, `scalar` reads one number straight from its database. */
  location(t: TestContextLike): Promise<string>;
  open(where: string, options: { figuresDelayMs?: number; now?: () => Date }): Promise<ReceiptStore>;
  scalar(where: string, sql: string): Promise<number>;
}

const places: Place[] = [
  {
    name: 'sqlite',
    async location(t) {
      return join(tempDir(t), 'receipts.db');
    },
    async open(where, options) {
      return openSqliteStore(where, options);
    },
    async scalar(where, sql) {
      const db = new Database(where, { readonly: true });
      try {
        return Number(Object.values(db.prepare(sql).get() as Record<string, unknown>)[0] ?? NaN);
      } finally {
        db.close();
      }
    },
  },
  {
    name: 'postgres',
    location: (t) => freshPostgresUrl(t),
    open: (where, options) => openPostgresStore(where, options),
    async scalar(where, sql) {
      const client = new pg.Client({ connectionString: where });
      await client.connect();
      try {
        const { rows } = await client.query(sql);
        return Number(Object.values(rows[0] ?? {})[0] ?? NaN);
      } finally {
        await client.end();
      }
    },
  },
];

const DAY_QUERY = (day: string) => {
  const start = Date.parse(`${day}T00:00:00Z`) / 1000;
  return { dimension: 'revision' as const, boundaries: [start, start + 86_400] };
};
const decisions = (rows: { actions: { decisions: number }[] }) => rows.actions.reduce((sum, r) => sum + r.decisions, 0);

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

for (const place of places) {
  describe(`figure upkeep: ${place.name}`, () => {
    it('receipts a process stored but died before counting are counted by the next one on start, and a read counts them first', async (t) => {
      const where = await place.location(t);
      const clock = () => new Date('2026-06-30T10:05:00Z');
      // The first process stores 7 receipts, answers each append, and never counts them (it "crashes").
      const crashed = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      for (let i = 0; i < 7; i++) await crashed.append([makeReceipt()]);
      assert.equal(await place.scalar(where, 'SELECT seq FROM figures_progress'), 0, 'nothing counted yet');
      assert.equal(await place.scalar(where, 'SELECT COUNT(*) FROM figures_actions'), 0);
      // The next process catches up on start, before anyone reads.
      const next = await place.open(where, { figuresDelayMs: 0, now: clock });
      t.after(() => next.close());
      await until(async () => (await place.scalar(where, 'SELECT seq FROM figures_progress')) === 7);
      assert.equal(await place.scalar(where, "SELECT SUM(decisions) FROM figures_actions WHERE dimension = 'revision'"), 7);
      assert.equal(await place.scalar(where, "SELECT SUM(decisions) FROM figures_hour_actions WHERE dimension = 'revision'"), 7);
      // A third process that never counts on its own still reads every receipt: the read counts first.
      await crashed.append([makeReceipt(), makeReceipt()]);
      const reader = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      t.after(() => reader.close());
      assert.equal(decisions(await reader.figures(DAY_QUERY('2026-06-30'))), 9);
      assert.equal(await place.scalar(where, 'SELECT seq FROM figures_progress'), 9);
      await crashed.close();
    });

    it('an append answers before its receipts are counted; the next read sees them, counted once', async (t) => {
      const where = await place.location(t);
      let clock = new Date('2026-06-30T10:05:00Z');
      const store = await place.open(where, { figuresDelayMs: NEVER, now: () => clock });
      t.after(() => store.close());
      await store.append([makeReceipt(), makeReceipt()]);
      assert.equal(await place.scalar(where, 'SELECT seq FROM figures_progress'), 0, 'not counted in the append');
      assert.equal(decisions(await store.figures(DAY_QUERY('2026-06-30'))), 2);
      assert.equal(decisions(await store.figures(DAY_QUERY('2026-06-30'))), 2, 'a second read counts nothing twice');
      clock = new Date('2026-06-30T11:20:00Z');
      await store.append([makeReceipt()]);
      assert.equal(decisions(await store.figures(DAY_QUERY('2026-06-30'))), 3);
      // A purge counts first, so the receipts it keeps are not counted twice.
      clock = new Date('2026-06-30T11:25:00Z');
      await store.append([makeReceipt()]);
      const purge = await store.purge(new Date('2026-06-30T11:00:00Z'));
      assert.equal(purge.deleted, 2);
      assert.equal(decisions(await store.figures(DAY_QUERY('2026-06-30'))), 2);
      assert.equal(await place.scalar(where, "SELECT SUM(decisions) FROM figures_hour_actions WHERE dimension = 'revision'"), 2);
    });

    it('two processes appending in turns: each counts its own receipts from memory and the other’s from the table, each once', async (t) => {
      const where = await place.location(t);
      const clock = () => new Date('2026-06-30T10:05:00Z');
      const a = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      t.after(() => a.close());
      const b = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      t.after(() => b.close());
      await a.append([makeReceipt(), makeReceipt()]);
      await b.append([makeReceipt(), makeReceipt(), makeReceipt()]);
      await a.append([makeReceipt(), makeReceipt()]);
      assert.equal(decisions(await a.figures(DAY_QUERY('2026-06-30'))), 7);
      assert.equal(decisions(await b.figures(DAY_QUERY('2026-06-30'))), 7, 'b kept receipts a counted already: not again');
      await b.append([makeReceipt()]);
      await a.append([makeReceipt()]);
      assert.equal(decisions(await b.figures(DAY_QUERY('2026-06-30'))), 9);
      assert.equal(decisions(await a.figures(DAY_QUERY('2026-06-30'))), 9);
      assert.equal(await place.scalar(where, "SELECT SUM(decisions) FROM figures_actions WHERE dimension = 'language'"), 9);
    });

    it('two processes appending at the same time: every append is stored, once, in one chain that verifies', async (t) => {
      const where = await place.location(t);
      const clock = () => new Date('2026-06-30T10:05:00Z');
      const a = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      t.after(() => a.close());
      const b = await place.open(where, { figuresDelayMs: NEVER, now: clock });
      t.after(() => b.close());
      // Each keeps appending as fast as it can: the one that wrote the head
      // last must not starve the other (PostgreSQL: its one-statement append
      // defers to the chain lock).
      const writer = async (store: ReceiptStore) => {
        for (let i = 0; i < 150; i++) await store.append([makeReceipt(), makeReceipt()]);
      };
      await Promise.all([writer(a), writer(b)]);
      assert.equal(await place.scalar(where, 'SELECT COUNT(*) FROM receipts'), 600);
      assert.equal(await place.scalar(where, 'SELECT COUNT(DISTINCT seq) FROM receipts'), 600);
      assert.equal((await a.verify()).ok, true);
      assert.equal(decisions(await b.figures(DAY_QUERY('2026-06-30'))), 600);
    });

    it('the hourly tier holds whole hours; a boundary inside an hour (Asia/Kolkata, Asia/Kathmandu) reads its slots', async (t) => {
      const where = await place.location(t);
      let clock = new Date(0);
      const store = await place.open(where, { figuresDelayMs: NEVER, now: () => clock });
      t.after(() => store.close());
      for (const at of ['2026-06-30T18:10:00Z', '2026-06-30T18:20:00Z', '2026-06-30T18:40:00Z', '2026-06-30T18:59:00Z']) {
        clock = new Date(at);
        await store.append([makeReceipt()]);
      }
      const midnight = (offsetMinutes: number) => Date.parse('2026-07-01T00:00:00Z') / 1000 - offsetMinutes * 60;
      const perPeriod = async (boundaries: number[]) => {
        const rows = await store.figures({ dimension: 'revision', boundaries });
        return boundaries.slice(0, -1).map((_, i) => rows.actions.filter((r) => r.period === i).reduce((s, r) => s + r.decisions, 0));
      };
      const day = 86_400;
      assert.deepEqual(await perPeriod([midnight(330) - day, midnight(330), midnight(330) + day]), [2, 2], 'Kolkata: 18:30 UTC');
      assert.deepEqual(await perPeriod([midnight(345) - day, midnight(345), midnight(345) + day]), [1, 3], 'Kathmandu: 18:15 UTC');
      assert.deepEqual(await perPeriod([midnight(0) - day, midnight(0)]), [4], 'UTC: the whole hour from the hourly tier');
      const hour = Date.parse('2026-06-30T18:00:00Z') / 1000;
      assert.equal(await place.scalar(where, `SELECT SUM(decisions) FROM figures_hour_actions WHERE dimension = 'revision' AND bucket = ${hour}`), 4);
      assert.equal(await place.scalar(where, "SELECT COUNT(*) FROM figures_hour_actions WHERE dimension = 'revision'"), 1);
    });
  });
}

describe('tierPlan', () => {
  it('reads hours a boundary does not cut, and the slots of the rest', () => {
    const h = 3600;
    assert.deepEqual(tierPlan([0, 24 * h, 48 * h]), { hourFrom: 0, hourTo: 48 * h, skipHours: [], slots: [] });
    // Boundaries at :30 (first, cut, end): partial hours at both ends and the cut hour go by slots.
    assert.deepEqual(tierPlan([1800, 5 * h + 1800, 9 * h + 1800]), {
      hourFrom: h,
      hourTo: 9 * h,
      skipHours: [5 * h],
      slots: [1800, 2700, 5 * h, 5 * h + 900, 5 * h + 1800, 5 * h + 2700, 9 * h, 9 * h + 900],
    });
    // Shorter than an hour: slots alone.
    assert.deepEqual(tierPlan([900, 2700]), { hourFrom: 0, hourTo: 0, skipHours: [], slots: [900, 1800] });
  });
});

/**
 * A TCP proxy in front of PostgreSQL that records each connection's startup
 * parameters and the SQL text the client sends (simple and extended query).
 */
async function recordingProxy(target: URL, t: TestContextLike) {
  const startups: Record<string, string>[] = [];
  const statements: string[] = [];
  const messages: string[] = []; // the type of each message after startup: Q simple query, P parse, B bind...
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    let buffer = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          if (code === 196608) {
            const fields = buffer.subarray(8, length - 1).toString('utf8').split('\0');
            const params: Record<string, string> = {};
            for (let i = 0; i + 1 < fields.length; i += 2) params[fields[i] ?? ''] = fields[i + 1] ?? '';
            startups.push(params);
            started = true;
          }
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const type = String.fromCharCode(buffer[0] ?? 0);
        messages.push(type);
        const body = buffer.subarray(5, 1 + length);
        if (type === 'Q') statements.push(body.toString('utf8').replace(/\0$/, ''));
        if (type === 'P') statements.push(body.toString('utf8').split('\0')[1] ?? '');
        buffer = buffer.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  const url = new URL(target);
  url.port = String((server.address() as { port: number }).port);
  return { url: url.toString(), startups, statements, messages };
}

describe('PostgreSQL connections', () => {
  it('carry no startup options (a pooler such as PgBouncer refuses them); the figure reads set work_mem in their own transaction', async (t) => {
    const proxy = await recordingProxy(new URL(await freshPostgresUrl(t)), t);
    const store = await openPostgresStore(proxy.url, { now: () => new Date('2026-06-30T10:05:00Z') });
    t.after(() => store.close());
    await store.append([makeReceipt()]);
    assert.equal(decisions(await store.figures(DAY_QUERY('2026-06-30'))), 1);
    assert.ok(proxy.startups.length > 0, 'the proxy saw the connections');
    for (const params of proxy.startups) assert.equal(params['options'], undefined, JSON.stringify(params));
    const reads = proxy.statements.filter((sql) => /SET LOCAL work_mem/.test(sql));
    assert.equal(reads.length, 2, 'both figure reads, each in its own transaction');
    for (const sql of reads) assert.match(sql, /^BEGIN READ ONLY; SET LOCAL work_mem = '32MB'$/);
  });
});

describe('PostgreSQL appends', () => {
  it('a process that wrote the chain head appends in one statement; when another moved the head, the locked path takes over and the chain holds', async (t) => {
    const url = await freshPostgresUrl(t);
    const proxy = await recordingProxy(new URL(url), t);
    const mine = await openPostgresStore(proxy.url, { figuresDelayMs: NEVER });
    t.after(() => mine.close());
    const other = await openPostgresStore(url, { figuresDelayMs: NEVER });
    t.after(() => other.close());
    await mine.append([makeReceipt()]); // the first append learns the head inside the lock
    const sent = async (work: () => Promise<unknown>) => {
      const before = proxy.messages.length;
      await work();
      return proxy.messages.slice(before).filter((type) => type === 'Q' || type === 'B').join('');
    };
    assert.equal(await sent(() => mine.append([makeReceipt(), makeReceipt()])), 'B', 'one bound statement, no BEGIN/COMMIT');
    // Another process moves the head: the next append may not link to the old one.
    const theirs = makeReceipt();
    await other.append([theirs]);
    const results = await mine.append([makeReceipt(), theirs]);
    assert.deepEqual(results.map((r) => r.status), ['stored', 'duplicate']);
    assert.match(await sent(() => mine.append([makeReceipt()])), /^B$/, 'back to one statement');
    // Both at once, many times: every receipt stored once, one chain.
    const a = withGroupCommit(mine);
    const b = withGroupCommit(other);
    const all = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? b : a).append([makeReceipt()])));
    assert.equal(all.flat().filter((r) => r.status === 'stored').length, 60);
    const check = await mine.verify();
    assert.equal(check.ok, true, JSON.stringify(check));
    assert.equal(check.count, 66);
  });
});

describe('PostgreSQL purge', () => {
  it('a one-statement append committed while a purge recounts (it takes no chain lock) is counted once', async (t) => {
    const url = await freshPostgresUrl(t);
    const during: { append?: Promise<unknown> } = {};
    let clock = '2026-06-30T10:05:00Z';
    const writer = await openPostgresStore(url, { figuresDelayMs: NEVER, now: () => new Date(clock) });
    t.after(() => writer.close());
    await writer.append([makeReceipt()]);
    clock = '2026-06-30T10:20:00Z';
    await writer.append([makeReceipt()]); // the writer now knows the head: its next append is one statement
    // The purge asks its clock for purgedAt after the delete, before recounting the hour it cut: the writer appends then.
    const purger = await openPostgresStore(url, {
      figuresDelayMs: NEVER,
      now: () => {
        if (!during.append) {
          clock = '2026-06-30T10:25:00Z';
          during.append = writer.append([makeReceipt()]);
        }
        return new Date('2026-06-30T12:00:00Z');
      },
    });
    t.after(() => purger.close());
    const purge = await purger.purge(new Date('2026-06-30T10:10:00Z'));
    assert.equal(purge.deleted, 1);
    await during.append;
    const day = await purger.figures(DAY_QUERY('2026-06-30'));
    assert.equal(decisions(day), 2, 'the receipt kept and the one appended during the purge, once each');
    assert.equal((await purger.verify()).ok, true);
  });
});
