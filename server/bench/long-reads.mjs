// Long reads at scale (not a test): seeds ROWS receipts (default 1,000,000)
// with scripts/seed-bulk.mjs into SQLite and PostgreSQL, starts the real
// `serve` command on each, and while GET /verify and GET /export?format=csv
// walk every row, probes GET /healthz every 50 ms and records how long each
// probe waited. Prints a table and writes bench/long-reads.md.
//
//   npm run bench:long-reads -w server            # both stores, 1M rows
//   ROWS=100000 npm run bench:long-reads -w server
//   STORES=sqlite LONG_READS_DB=/tmp/big.db …   # one store; an existing file is topped up to ROWS
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../dist/store/open-store.js';
import { bulkHistory, writeReceipts } from '../scripts/seed-bulk.mjs';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const IDLE_MS = 20_000;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
const BIN = fileURLToPath(new URL('../bin/consentry-receipts.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./long-reads.md', import.meta.url));

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

async function start(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH, PORT: String(port), ALLOWED_ORIGINS: 'https://shop.example.co.uk', ADMIN_TOKEN, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, port };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error('serve did not answer /healthz in 120 s');
}

/** Runs one long read and probes /healthz back to back (50 ms apart) until it ends. */
async function underProbe(port, path) {
  const waits = [];
  let done = false;
  const started = performance.now();
  // node:http rather than fetch: /verify sends its headers only after the
  // whole walk, later than fetch's 300 s headers timeout on a slow machine.
  const walk = () =>
    new Promise((resolve, reject) => {
      get(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode, bytes }));
        response.on('error', reject);
      }).on('error', reject);
    });
  const idle = () => new Promise((resolve) => setTimeout(() => resolve({ status: 'n/a', bytes: 0 }), IDLE_MS));
  const read = (path === null ? idle() : walk()).finally(() => (done = true));
  while (!done) {
    const sent = performance.now();
    const probe = await fetch(`http://127.0.0.1:${port}/healthz`);
    await probe.arrayBuffer();
    waits.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { status, bytes } = await read;
  const seconds = (performance.now() - started) / 1000;
  waits.sort((a, b) => a - b);
  const at = (q) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))] ?? NaN;
  return { path, status, bytes, seconds, probes: waits.length, p50: at(0.5), p99: at(0.99), max: waits.at(-1) ?? NaN };
}

async function run(name, env) {
  const location = env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { RECEIPTS_DB: env.RECEIPTS_DB };
  const store = await openStore({ databaseUrl: location.DATABASE_URL, sqlitePath: location.RECEIPTS_DB });
  const have = (await store.chainHead())?.seq ?? 0;
  await store.close();
  const seedStart = performance.now();
  // Another seed, so topping up adds new ids rather than duplicates.
  if (ROWS > have) {
    await writeReceipts(location, bulkHistory({ rows: ROWS - have, seed: have + 1 }), {
      onProgress: (n) => n % 100_000 === 0 && process.stderr.write(`${name}: seeded ${have + n}\n`),
    });
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { child, port } = await start(env);
  try {
    // The floor: the same probes with no long read running, on this machine
    // at this moment (other work shares its cores).
    const results = [await underProbe(port, null)];
    for (const path of ['/verify', '/export?format=csv']) {
      results.push(await underProbe(port, path));
      process.stderr.write(`${name}: ${JSON.stringify(results.at(-1))}\n`);
    }
    return results.map((r) => ({ name, seedSeconds, ...r }));
  } finally {
    child.kill('SIGTERM');
  }
}

const STORES = (process.env.STORES ?? 'sqlite,postgres').split(',');
const dir = mkdtempSync(join(tmpdir(), 'consentry-long-reads-'));
const rows = [];
try {
  if (STORES.includes('sqlite')) rows.push(...(await run('SQLite', { RECEIPTS_DB: process.env.LONG_READS_DB ?? join(dir, 'long.db') })));
  if (STORES.includes('postgres') && process.env.DATABASE_URL) rows.push(...(await run('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ms = (n) => n.toFixed(0);
const table = [
  '| store | read | status | rows seeded (s) | read took s | MB | /healthz probes | p50 ms | p99 ms | max ms |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.path === null ? `nothing (${IDLE_MS / 1000} s idle)` : `GET ${r.path}`} | ${r.status} | ${ROWS} (${r.seedSeconds.toFixed(0)}) | ${r.seconds.toFixed(1)} | ${(r.bytes / 1e6).toFixed(0)} | ${r.probes} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} |`),
].join('\n');
const cpu = cpus();
const report = `# Long reads at scale

\`npm run bench:long-reads -w server\` — ${new Date().toISOString()}, Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim()}.
${ROWS} receipts seeded with scripts/seed-bulk.mjs; while each read walks them, GET /healthz is probed
every 50 ms (one at a time) and the wait of each probe recorded. Client and server share the machine.

${table}
`;
writeFileSync(process.env.LONG_READS_OUT ?? RESULTS, report);
console.log(report);
