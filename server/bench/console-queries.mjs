// Console query benchmark (not a test): seeds BENCH_RECEIPTS (default
// 1,000,000) receipts of the demo history over 90 days, then times every
// console query against the real `serve` command on SQLite and on PostgreSQL,
// over HTTP on 127.0.0.1, and prints p50/p95/max per query. Writes
// bench/console-results.md. Run with `npm run bench:console -w server`
// (part of `npm run bench -w server`), which builds and starts a throwaway
// PostgreSQL (scripts/with-postgres.sh).
//
// Both databases get the same rows at schema version 2 (before the figures
// existed); opening the store runs migration 003, whose backfill is timed.
// Both servers must then answer every figure query with the same JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadMigrations } from '../dist/store/migrations.js';
import { openPostgresStore } from '../dist/store/postgres-store.js';
import { RECEIPT_COLUMNS, rowValues, toRow } from '../dist/store/rows.js';
import { openSqliteStore } from '../dist/store/sqlite-store.js';
import { demoDays } from '../scripts/seed-demo.mjs';

const RECEIPTS = Number(process.env.BENCH_RECEIPTS ?? 1_000_000);
const DAYS = 90;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const TARGET_MS = 300;
const END = Date.parse('2026-12-01T00:00:00Z');
const TOKEN = 'bench-admin-token-0123456789abcdef';
const BIN = fileURLToPath(new URL('../bin/consentry-receipts.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./console-results.md', import.meta.url));

if (!process.env.DATABASE_URL) {
  console.error('bench: DATABASE_URL is not set; run `npm run bench:console -w server` (it starts PostgreSQL)');
  process.exit(2);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const options = { days: DAYS, perDay: Math.ceil(RECEIPTS / DAYS / 0.95), end: END, seed: 42, batchMinutes: 15 };

/**
 * The demo history written straight into a SQLite file at schema version 2
 * (before the figures existed), hashes and all; opening the store then runs
 * migration 003, whose backfill counts them. (Seeding a million receipts
 * through append, one commit per batch, takes too long on a shared machine;
 * the specs check that append and the backfill count alike.)
 */
async function seedSqlite(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of loadMigrations('sqlite').filter((m) => m.version <= 2)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
  }
  const insert = db.prepare(`INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')}) VALUES (${RECEIPT_COLUMNS.map(() => '?').join(', ')})`);
  const insertDay = db.transaction((rows) => {
    for (const row of rows) insert.run(rowValues(row));
  });
  let count = 0;
  let prev = '0'.repeat(64);
  const subjects = [];
  for (const items of demoDays(options)) {
    const rows = [];
    for (const { receipt, receivedAt } of items) {
      if (count >= RECEIPTS) break;
      const row = toRow(receipt, ++count, receivedAt, prev);
      prev = row.hash;
      rows.push(row);
      if (subjects.length < 200 && count % 5000 === 0) subjects.push(receipt.subject);
    }
    insertDay(rows);
    process.stderr.write(`\rbench: wrote ${count} receipts into SQLite`);
    if (count >= RECEIPTS) break;
  }
  db.close();
  process.stderr.write('\n');
  const started = Date.now();
  const store = openSqliteStore(file); // runs migration 003: the backfill
  const backfillMs = Date.now() - started;
  await store.close();
  return { count, subjects, backfillMs };
}

/** The SQLite rows, copied as they are (hashes included) into a PostgreSQL database at schema version 2. */
async function copyToPostgres(file, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
  for (const m of loadMigrations('postgres').filter((m) => m.version <= 2)) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
  }
  const db = new Database(file, { readonly: true });
  const select = db.prepare(`SELECT ${RECEIPT_COLUMNS.join(', ')} FROM receipts WHERE seq > ? ORDER BY seq LIMIT 1000`);
  let after = 0;
  let copied = 0;
  for (;;) {
    const rows = select.all(after);
    if (rows.length === 0) break;
    const params = [];
    const tuples = rows.map((row, r) => {
      for (const column of RECEIPT_COLUMNS) params.push(row[column]);
      return `(${RECEIPT_COLUMNS.map((_, c) => `$${r * RECEIPT_COLUMNS.length + c + 1}`).join(', ')})`;
    });
    await client.query(`INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    after = rows.at(-1).seq;
    copied += rows.length;
    if (copied % 50_000 < rows.length) process.stderr.write(`\rbench: copied ${copied} receipts into PostgreSQL`);
  }
  process.stderr.write('\n');
  db.close();
  await client.query('ANALYZE receipts');
  await client.end();
  const started = Date.now();
  const store = await openPostgresStore(url); // runs migration 003: the backfill
  const backfillMs = Date.now() - started;
  await store.close();
  const analyze = new pg.Client({ connectionString: url });
  await analyze.connect();
  await analyze.query('ANALYZE');
  await analyze.end();
  return backfillMs;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

async function serve(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH, PORT: String(port), ADMIN_TOKEN: TOKEN, ALLOWED_ORIGINS: 'https://www.keyhold.example', RATE_LIMIT: '100000000', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try {
      await fetch(`${base}/healthz`);
      return { child, base };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('serve did not answer');
}

async function signIn(base) {
  const response = await fetch(`${base}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: TOKEN }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status}`);
  return response.headers.get('set-cookie').split(';')[0];
}

const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const FIRST = day(END - DAYS * 86_400_000);
const LAST = day(END - 86_400_000);
const WEEK_AGO = day(END - 7 * 86_400_000);

function queries(subjects) {
  const all = `from=${FIRST}&to=${LAST}&tz=Europe/London`;
  return [
    ['figures, 90 days per day, all', `/console/api/figures?${all}`],
    ['figures, 90 days per day, by revision', `/console/api/figures?${all}&by=revision`],
    ['figures, 90 days per day, by policy version', `/console/api/figures?${all}&by=policyVersion`],
    ['figures, 90 days per day, by configHash', `/console/api/figures?${all}&by=configHash`],
    ['figures, 90 days per day, by jurisdiction', `/console/api/figures?${all}&by=jurisdiction`],
    ['figures, 90 days per day, by language', `/console/api/figures?${all}&by=language`],
    ['figures, 90 days per week, by configHash', `/console/api/figures?${all}&by=configHash&interval=week`],
    ['figures, 90 days, Asia/Kolkata, by language', `/console/api/figures?from=${FIRST}&to=${LAST}&tz=Asia/Kolkata&by=language`],
    ['figures, last 7 days, by jurisdiction', `/console/api/figures?from=${WEEK_AGO}&to=${LAST}&tz=Europe/London&by=jurisdiction`],
    ['figures CSV, 90 days, by language', `/console/api/figures?${all}&by=language&format=csv`],
    ['record of one consent id', (i) => `/console/api/record/${subjects[i % subjects.length]}`],
    ['chain head and last verification', '/console/api/chain'],
    ['session', '/console/api/session'],
  ];
}

async function time(base, cookie, path) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
  return { ms, body };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(name, env, subjects) {
  const { child, base } = await serve(env);
  try {
    const cookie = await signIn(base);
    const rows = [];
    const bodies = new Map();
    for (const [label, path] of queries(subjects)) {
      const times = [];
      let cold = 0;
      for (let i = 0; i <= RUNS; i++) {
        const { ms, body } = await time(base, cookie, typeof path === 'function' ? path(i) : path);
        if (i === 0) cold = ms;
        else times.push(ms);
        if (i === 0 && typeof path === 'string' && path.includes('figures')) bodies.set(label, body);
      }
      times.sort((a, b) => a - b);
      rows.push({ label, cold, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) });
      console.log(`${name.padEnd(10)} ${label.padEnd(48)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
    }
    const started = performance.now();
    const verify = await fetch(`${base}/verify`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
    const verifyMs = performance.now() - started;
    return { rows, bodies, verify, verifyMs };
  } finally {
    child.kill('SIGTERM');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consentry-console-bench-'));
try {
  const file = join(dir, 'receipts.db');
  const seedStarted = Date.now();
  const { count, subjects, backfillMs: sqliteBackfillMs } = await seedSqlite(file);
  const seedMs = Date.now() - seedStarted;
  const copyStarted = Date.now();
  const backfillMs = await copyToPostgres(file, process.env.DATABASE_URL);
  const copyMs = Date.now() - copyStarted;
  console.log(`bench: ${count} receipts; SQLite written + migrated in ${seconds(seedMs)} (backfill ${seconds(sqliteBackfillMs)}); PostgreSQL copy + migration in ${seconds(copyMs)} (backfill ${seconds(backfillMs)})`);

  const sqlite = await measure('SQLite', { RECEIPTS_DB: file }, subjects);
  const postgres = await measure('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }, subjects);
  const mismatches = [...sqlite.bodies.keys()].filter((label) => sqlite.bodies.get(label) !== postgres.bodies.get(label));

  const worst = Math.max(...sqlite.rows.map((r) => r.p95), ...postgres.rows.map((r) => r.p95));
  const worstCold = Math.max(...sqlite.rows.map((r) => r.cold), ...postgres.rows.map((r) => r.cold));
  const table = sqlite.rows
    .map((row, i) => {
      const other = postgres.rows[i];
      return `| ${row.label} | ${row.cold.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.max.toFixed(1)} | ${other.cold.toFixed(0)} | ${other.p50.toFixed(1)} | ${other.p95.toFixed(1)} | ${other.max.toFixed(1)} |`;
    })
    .join('\n');
  const markdown = `# Console query benchmark

\`npm run bench:console -w server\` — ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.
${count.toLocaleString('en-GB')} receipts of the demo history over ${DAYS} days (${FIRST} to ${LAST}), ${RUNS} timed runs per query after one cold run,
one request at a time over HTTP to the real \`serve\` command on 127.0.0.1 (times include HTTP and JSON). The machine is
shared with other work, so the figures are noisy. PostgreSQL is the test cluster (fsync=off).
Both databases got the same rows (hashes included) at schema version 2; opening the store ran migration 003, whose
backfill counted them: ${seconds(sqliteBackfillMs)} on SQLite, ${seconds(backfillMs)} on PostgreSQL. Receipts arrive in
15-minute commits, so every slot holds receipts. Each query's first (cold) run, which also keeps the days that are over,
is shown apart; p50/p95/max are over the runs after it.

Target: every console query ≤ ${TARGET_MS} ms p95. Worst p95 here: **${worst.toFixed(1)} ms** (${worst <= TARGET_MS ? 'met' : 'NOT met'}); worst cold first run: ${worstCold.toFixed(0)} ms.
The figure queries gave ${mismatches.length === 0 ? 'byte-identical JSON on both databases' : `DIFFERENT JSON on the two databases for: ${mismatches.join('; ')}`}.

| query | SQLite cold ms | p50 | p95 | max | PostgreSQL cold ms | p50 | p95 | max |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${table}

Not a console query, for scale: \`GET /verify\` over all ${count.toLocaleString('en-GB')} rows took ${seconds(sqlite.verifyMs)} on SQLite
(ok: ${sqlite.verify.ok}) and ${seconds(postgres.verifyMs)} on PostgreSQL (ok: ${postgres.verify.ok}).
`;
  writeFileSync(RESULTS, markdown);
  console.log(`\n${markdown}`);
  if (mismatches.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
