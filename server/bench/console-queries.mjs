// Console query benchmark (not a test): seeds BENCH_RECEIPTS (default
// 1,000,000) receipts of the demo history over 90 days, then times every
// console query against the real `serve` command on SQLite and on PostgreSQL,
// over HTTP on 127.0.0.1, and prints p50/p95/max per query. Writes
// bench/console-results.md. Run with `npm run bench:console -w server`
// (part of `npm run bench -w server`), which builds and starts a throwaway
// PostgreSQL (scripts/with-postgres.sh).
//
// Both databases get the same rows and figure slots (scripts/seed-bulk.mjs).
// Both servers must then answer every figure query with the same JSON.
//
// Seeding a million rows takes minutes; to keep the databases between runs,
// name them: CONSOLE_DB=/tmp/console.db and CONSOLE_DATABASE_URL=postgres://…
// A store that already holds RECEIPTS rows is not seeded again (its first
// reads are made cold again: the kept day figures are emptied before timing).
// CONSOLE_SEED_ONLY=1 seeds them and stops.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../dist/store/open-store.js';
import { writeReceipts } from '../scripts/seed-bulk.mjs';
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
 * The demo history (at most RECEIPTS receipts), a day at a time; the
 * subjects of a few of them are kept for the record lookups.
 */
function* history(subjects) {
  let count = 0;
  for (const items of demoDays(options)) {
    const day = items.slice(0, RECEIPTS - count);
    for (const { receipt } of day) if (++count % 5000 === 0 && subjects.length < 200) subjects.push(receipt.subject);
    yield day;
    if (count >= RECEIPTS) return;
  }
}

/**
 * The same rows (hashes included) into both databases with
 * scripts/seed-bulk.mjs: the rows and figure slots append() would have
 * written, in one transaction each.
 */
async function seed(location, subjects) {
  const store = await openStore({ databaseUrl: location.DATABASE_URL, sqlitePath: location.RECEIPTS_DB });
  const have = (await store.chainHead())?.seq ?? 0;
  await store.close();
  await forgetKeptDays(location);
  if (have >= RECEIPTS) {
    // Kept from an earlier run: the same seeded history, so the same subjects.
    for (const day of history(subjects)) void day;
    return { count: have, ms: NaN, kept: true };
  }
  if (have > 0) throw new Error(`bench: ${JSON.stringify(location)} holds ${have} receipts, not ${RECEIPTS}: empty it first`);
  const started = Date.now();
  const count = await writeReceipts(location, history(subjects), {
    onProgress: (n) => process.stderr.write(`\rbench: ${n} receipts into ${location.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`),
  });
  process.stderr.write('\n');
  return { count, ms: Date.now() - started, kept: false };
}

/** Every first read below starts cold: no local day kept from an earlier run. */
async function forgetKeptDays(location) {
  const tables = ['figures_days_done', 'figures_day_actions', 'figures_day_categories'];
  if (location.DATABASE_URL) {
    const client = new pg.Client({ connectionString: location.DATABASE_URL });
    await client.connect();
    await client.query(tables.map((t) => `DELETE FROM ${t};`).join(' '));
    await client.end();
  } else {
    const db = new Database(location.RECEIPTS_DB);
    for (const t of tables) db.prepare(`DELETE FROM ${t}`).run();
    db.close();
  }
}

// BENCH_PORT_FROM=9400 takes ports from there upwards (a shared machine's
// port range); otherwise the OS picks a free one.
let nextPort = Number(process.env.BENCH_PORT_FROM ?? 0);
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(nextPort ? nextPort++ : 0, '127.0.0.1', () => {
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
    // A whole-chain walk takes minutes at a million rows (bench/long-reads.mjs measures it): only on request.
    if (!process.env.BENCH_VERIFY) return { rows, bodies, verify: null, verifyMs: 0 };
    const started = performance.now();
    const verify = await fetch(`${base}/verify`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.json());
    const verifyMs = performance.now() - started;
    return { rows, bodies, verify, verifyMs };
  } finally {
    child.kill('SIGTERM');
  }
}

const loadAtStart = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'consentry-console-bench-'));
try {
  const file = process.env.CONSOLE_DB ?? join(dir, 'receipts.db');
  const databaseUrl = process.env.CONSOLE_DATABASE_URL ?? process.env.DATABASE_URL;
  const subjects = [];
  const sqliteSeed = await seed({ RECEIPTS_DB: file }, subjects);
  const postgresSeed = await seed({ DATABASE_URL: databaseUrl }, []);
  const count = sqliteSeed.count;
  console.log(`bench: ${count} receipts seeded: SQLite ${seconds(sqliteSeed.ms)}, PostgreSQL ${seconds(postgresSeed.ms)}`);
  // CONSOLE_SEED_ONLY=1: seed the kept databases (under a build's niceness) and time them in a later run.
  if (process.env.CONSOLE_SEED_ONLY) process.exit(0);

  const sqlite = await measure('SQLite', { RECEIPTS_DB: file }, subjects);
  const postgres = await measure('PostgreSQL', { DATABASE_URL: databaseUrl }, subjects);
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
shared with other work, so the figures are noisy: load average (1, 5, 15 min) ${loadAtStart.map((n) => n.toFixed(2)).join(', ')} at the start,
${loadavg().map((n) => n.toFixed(2)).join(', ')} at the end.
PostgreSQL: ${process.env.CONSOLE_DATABASE_URL ? 'a cluster kept between runs (CONSOLE_DATABASE_URL)' : `the throwaway cluster of scripts/with-postgres.sh (fsync=${process.env.PG_FSYNC ?? 'off'})`}.
Both databases got the same rows (hashes included) and figure slots from scripts/seed-bulk.mjs${sqliteSeed.kept || postgresSeed.kept ? ' in an earlier run (CONSOLE_DB / CONSOLE_DATABASE_URL kept them; their kept day figures were emptied before this run)' : `: ${seconds(sqliteSeed.ms)} on
SQLite, ${seconds(postgresSeed.ms)} on PostgreSQL (rows/s: ${Math.round(count / (sqliteSeed.ms / 1000))} and ${Math.round(count / (postgresSeed.ms / 1000))})`}. Receipts arrive in 15-minute commits, so every slot holds receipts. Each query's first (cold) run, which also keeps the days that are over,
is shown apart; p50/p95/max are over the runs after it.

Target: every console query ≤ ${TARGET_MS} ms p95. Worst p95 here: **${worst.toFixed(1)} ms** (${worst <= TARGET_MS ? 'met' : 'NOT met'}); worst cold first run: ${worstCold.toFixed(0)} ms.
The figure queries gave ${mismatches.length === 0 ? 'byte-identical JSON on both databases' : `DIFFERENT JSON on the two databases for: ${mismatches.join('; ')}`}.

| query | SQLite cold ms | p50 | p95 | max | PostgreSQL cold ms | p50 | p95 | max |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${table}

${sqlite.verify && postgres.verify ? `Not a console query, for scale: \`GET /verify\` over all ${count.toLocaleString('en-GB')} rows took ${seconds(sqlite.verifyMs)} on SQLite
(ok: ${sqlite.verify.ok}) and ${seconds(postgres.verifyMs)} on PostgreSQL (ok: ${postgres.verify.ok}).` : 'The whole-chain walks at this size are in bench/long-reads.md.'}
`;
  writeFileSync(RESULTS, markdown);
  console.log(`\n${markdown}`);
  if (mismatches.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
