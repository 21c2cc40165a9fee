// Load benchmark (not a test): POST /receipts with a fresh receipt per request
// against the real `serve` command on SQLite and on PostgreSQL, and against a
// bare fastify echo route in the same run. Prints receipts/s and p50/p99 and
// writes bench/results.md. Run with `npm run bench -w server`, which builds
// and starts a throwaway PostgreSQL (scripts/with-postgres.sh).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

// Each level runs echo, SQLite and PostgreSQL back to back: 10 visitors'
// requests in flight at once, then 100.
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '10,100').split(',').map(Number);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const COMPARE = process.env.BENCH_COMPARE;
// BENCH_STORES=sqlite (or postgres) leaves the other store out of the rounds (quicker A/B runs).
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
// The compared build gets its own database on the same cluster.
const compareUrl = () => process.env.DATABASE_URL.replace(/\/[^/]*$/, '/compare');
const SITE = 'https://shop.example.co.uk';
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const BIN = fileURLToPath(new URL('../bin/consentry-receipts.js', import.meta.url));
const ECHO = fileURLToPath(new URL('./echo-server.mjs', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results.md', import.meta.url));

if (!process.env.DATABASE_URL) {
  console.error('bench: DATABASE_URL is not set; run `npm run bench -w server` (it starts PostgreSQL via scripts/with-postgres.sh)');
  process.exit(2);
}

function receipt() {
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
  };
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

// Starts a server on a free port and waits until it answers (servers log at
// warn, so there is no "listening" line to wait for).
async function start(args, env) {
  const port = await freePort();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${errors}`);
    try {
      await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      return { child, port };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`did not answer in 15 s:\n${errors}`);
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function fire(port, seconds, connections) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/receipts',
        headers: { origin: SITE, 'content-type': 'application/json' },
        // A fresh UUID per request, or every request after the first is a duplicate.
        setupRequest: (request) => ({ ...request, body: JSON.stringify(receipt()) }),
      },
    ],
  });
}

async function chainOf(port) {
  const response = await fetch(`http://127.0.0.1:${port}/verify`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    signal: AbortSignal.timeout(120_000),
  });
  const body = await response.json();
  return body.ok ? `ok (${body.count} rows)` : `BROKEN ${JSON.stringify(body.brokenAt)}`;
}

// CPU seconds (user + system) used so far by `pids`, from /proc: a figure
// the machine's other load barely moves, unlike requests per second.
const TICK = 100; // USER_HZ on Linux
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone (a PostgreSQL backend that ended): its time is lost, not guessed
    }
  }
  return ticks / TICK;
}

/** The PostgreSQL server behind DATABASE_URL and its backends. */
function postgresPids() {
  const port = new URL(process.env.DATABASE_URL).port;
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const postmaster = all.find((pid) => {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return cmd[0]?.endsWith('/postgres') && cmd.includes(port);
    } catch {
      return false;
    }
  });
  if (!postmaster) return [];
  return [postmaster, ...all.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] === postmaster;
    } catch {
      return false;
    }
  })];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One level of concurrency: the three servers stay up while ROUNDS rounds
 * fire at echo, SQLite and PostgreSQL in turn, so each ratio compares runs
 * seconds apart (the machine is shared and its load drifts). Reported: the
 * median over the rounds, and the lowest and highest ratio.
 */
async function level(connections, targets) {
  const servers = [];
  try {
    for (const target of targets) servers.push({ ...target, ...(await start(target.args, target.env)) });
    for (const server of servers) await fire(server.port, 1, connections); // warm-up: JIT, pools, page cache
    const runs = servers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, server] of servers.entries()) {
        const pids = () => [server.child.pid, ...(server.env.DATABASE_URL ? postgresPids() : [])];
        const before = cpuSeconds(pids());
        const result = await fire(server.port, DURATION_S, connections);
        result.cpuPerRequestUs = ((cpuSeconds(pids()) - before) / Math.max(1, result['2xx'])) * 1e6;
        runs[i].push(result);
      }
    }
    const echoRates = runs[0].map((r) => r['2xx'] / r.duration);
    const rows = [];
    for (const [i, server] of servers.entries()) {
      const rates = runs[i].map((r) => r['2xx'] / r.duration);
      const ratios = rates.map((rate, round) => rate / echoRates[round]);
      rows.push({
        name: server.name,
        connections,
        perSecond: median(rates),
        ratio: median(ratios),
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
        cpuUs: median(runs[i].map((r) => r.cpuPerRequestUs)),
        p50: median(runs[i].map((r) => r.latency.p50)),
        p99: median(runs[i].map((r) => r.latency.p99)),
        ok: runs[i].reduce((sum, r) => sum + r['2xx'], 0),
        other: runs[i].reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
        chain: server.verifies ? await chainOf(server.port) : 'n/a',
      });
    }
    return rows;
  } finally {
    for (const server of servers) await stop(server.child);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
const serverEnv = {
  ALLOWED_ORIGINS: SITE,
  ADMIN_TOKEN,
  RATE_LIMIT: '1000000000', // one client address: keep the limiter in the path but never tripping
  LOG_LEVEL: 'warn', // per-request info lines would measure the terminal, not the server
};
const rows = [];
const loadAtStart = loadavg();
if (COMPARE) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS compare');
  await client.query('CREATE DATABASE compare');
  await client.end();
}
try {
  for (const connections of LEVELS) {
    const dbDir = mkdtempSync(join(dir, `c${connections}-`));
    rows.push(
      ...(await level(connections, [
        { name: 'fastify echo (baseline)', args: [ECHO], env: {}, verifies: false },
        { store: 'sqlite', name: 'receipts, SQLite (WAL, synchronous=FULL)', args: [BIN, 'serve'], env: { ...serverEnv, RECEIPTS_DB: join(dbDir, 'bench.db') }, verifies: true },
        { store: 'postgres', name: `receipts, PostgreSQL 15 (fsync=${process.env.PG_FSYNC ?? 'off'})`, args: [BIN, 'serve'], env: { ...serverEnv, DATABASE_URL: process.env.DATABASE_URL }, verifies: true },
        // BENCH_COMPARE=<another checkout's bin/consentry-receipts.js>: that build in the same rounds (A/B).
        ...(COMPARE
          ? [
              { store: 'sqlite', name: 'compared build, SQLite', args: [COMPARE, 'serve'], env: { ...serverEnv, RECEIPTS_DB: join(dbDir, 'compare.db') }, verifies: true },
              { store: 'postgres', name: 'compared build, PostgreSQL', args: [COMPARE, 'serve'], env: { ...serverEnv, DATABASE_URL: compareUrl() }, verifies: true },
            ]
          : []),
      ].filter((target) => !target.store || STORES.includes(target.store)))),
    );
    // Each level starts PostgreSQL empty again, like SQLite.
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    if (COMPARE) {
      await client.query('DROP DATABASE IF EXISTS compare');
      await client.query('CREATE DATABASE compare');
    }
    await client.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const loadAtEnd = loadavg();

const table = [
  '| connections | target | receipts/s | p50 ms | p99 ms | vs echo (median) | lowest–highest | CPU µs per request | 2xx | non-2xx/errors | chain after run |',
  '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) =>
    `| ${r.connections} | ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ratio.toFixed(3)} | ${r.ratioRange.map((x) => x.toFixed(2)).join('–')} | ${r.cpuUs.toFixed(0)} | ${r.ok} | ${r.other} | ${r.chain} |`),
].join('\n');
const cpu = cpus();
const report = `# Receipts server load benchmark

\`npm run bench -w server\` — ${new Date().toISOString()}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}.
autocannon, ${LEVELS.join(' then ')} connections; per level ${ROUNDS} rounds of ${DURATION_S} s at echo, SQLite, PostgreSQL in turn after a 1 s warm-up, POST /receipts with one fresh receipt
(new UUID) per request, client and server on the same machine over 127.0.0.1. Servers log at \`warn\`.
The PostgreSQL cluster runs with fsync=${process.env.PG_FSYNC ?? 'off'} (\`npm run bench\` sets PG_FSYNC=on); the SQLite run
fsyncs every commit (WAL, synchronous=FULL). Load average (1, 5, 15 min): ${loadAtStart.map((n) => n.toFixed(2)).join(', ')} at the start,
${loadAtEnd.map((n) => n.toFixed(2)).join(', ')} at the end (2 cores, shared with other work). CPU µs per request: user + system
time of the server process (and, for PostgreSQL, of its postmaster and backends) over the run, per 2xx answer; the
machine's other load moves it far less than requests per second. Medians over the rounds.

${table}
`;
writeFileSync(RESULTS, report);
console.log(report);
if (rows.some((r) => r.other > 0 || r.chain.startsWith('BROKEN'))) process.exitCode = 1;

