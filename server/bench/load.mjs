// Load benchmark (not a test): POST /receipts with a fresh receipt per request
// against the real `serve` command on SQLite and on PostgreSQL, and against a
// bare fastify echo route in the same run. Prints receipts/s and p50/p99 and
// writes bench/results.md. Run with `npm run bench -w server`, which builds
// and starts a throwaway PostgreSQL (scripts/with-postgres.sh).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
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

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
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

function fire(port, seconds) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
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

async function measure(name, args, env, verifies) {
  const { child, port } = await start(args, env);
  try {
    await fire(port, 1); // warm-up: JIT, connection pools, SQLite page cache
    const result = await fire(port, DURATION_S);
    let chain = 'n/a';
    if (verifies) {
      const response = await fetch(`http://127.0.0.1:${port}/verify`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.json();
      chain = body.ok ? `ok (${body.count} rows)` : `BROKEN ${JSON.stringify(body.brokenAt)}`;
    }
    return {
      name,
      perSecond: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      other: result.non2xx + result.errors + result.timeouts,
      chain,
    };
  } finally {
    await stop(child);
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
try {
  rows.push(await measure('fastify echo (baseline)', [ECHO], {}, false));
  rows.push(await measure('receipts, SQLite (WAL, synchronous=FULL)', [BIN, 'serve'], { ...serverEnv, RECEIPTS_DB: join(dir, 'bench.db') }, true));
  rows.push(await measure(`receipts, PostgreSQL 15 (fsync=${process.env.PG_FSYNC ?? 'off'})`, [BIN, 'serve'], { ...serverEnv, DATABASE_URL: process.env.DATABASE_URL }, true));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const echo = rows[0].perSecond;
const table = [
  '| target | receipts/s | p50 ms | p99 ms | vs echo | 2xx | non-2xx/errors | chain after run |',
  '|---|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) =>
    `| ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.perSecond / echo).toFixed(3)} | ${r.ok} | ${r.other} | ${r.chain} |`),
].join('\n');
const cpu = cpus();
const report = `# Receipts server load benchmark

\`npm run bench -w server\` — ${new Date().toISOString()}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}.
autocannon, ${CONNECTIONS} connections × ${DURATION_S} s after a 1 s warm-up, POST /receipts with one fresh receipt
(new UUID) per request, client and server on the same machine over 127.0.0.1. Servers log at \`warn\`.
The PostgreSQL cluster runs with fsync=${process.env.PG_FSYNC ?? 'off'} (\`npm run bench\` sets PG_FSYNC=on); the SQLite run
fsyncs every commit (WAL, synchronous=FULL).

${table}
`;
writeFileSync(RESULTS, report);
console.log(report);
if (rows.some((r) => r.other > 0 || r.chain.startsWith('BROKEN'))) process.exitCode = 1;
