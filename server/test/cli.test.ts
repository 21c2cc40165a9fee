// The real CLI in real processes: `serve` on a port of 127.0.0.1, SIGKILL,
// two servers on one database, and the verify / export / purge commands.
// Runs the compiled bin (npm test builds first).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Receipt } from '../src/schemas/receipt.js';
import { ADMIN_TOKEN, SITE, UA_PROBE, adapters, makeReceipt, openStoreAt } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/consentry-receipts.js', import.meta.url));
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  throw new Error('server/dist is missing: run `npm run build -w server` (npm test does it)');
}

/** The environment a child gets: only what we pass, plus PATH. */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], ...vars };
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], vars: Record<string, string>, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(vars) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`consentry-receipts ${args.join(' ')} took over ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface RunningServer {
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(vars: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: childEnv({
      PORT: '0',
      HOST: '127.0.0.1',
      ALLOWED_ORIGINS: SITE,
      ADMIN_TOKEN,
      RATE_LIMIT: '1000000',
      LOG_LEVEL: 'info',
      ...vars,
    }),
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { port, child, output: () => output, exited };
}

async function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  if ((await Promise.race([server.exited, timeout])) === 'timeout') server.child.kill('SIGKILL');
}

function post(port: number, body: Receipt | Receipt[]): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/receipts`, {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/json', 'user-agent': UA_PROBE },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function adminGet(port: number, path: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'user-agent': UA_PROBE },
    signal: AbortSignal.timeout(10_000),
  });
}

/**
 * Posts fresh receipts from `workers` parallel loops until `stop()` is true,
 * `maxRequests` are sent or `maxMs` pass. Returns the ids answered 201.
 */
async function loadLoop(
  port: number,
  { workers, maxRequests, maxMs, stop = () => false }: { workers: number; maxRequests: number; maxMs: number; stop?: () => boolean },
): Promise<{ acknowledged: string[]; failed: number }> {
  const acknowledged: string[] = [];
  let sent = 0;
  let failed = 0;
  const deadline = Date.now() + maxMs;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (sent < maxRequests && Date.now() < deadline && !stop()) {
        sent += 1;
        const receipt = makeReceipt();
        try {
          const response = await post(port, receipt);
          await response.arrayBuffer();
          if (response.status === 201) acknowledged.push(receipt.id);
          else failed += 1;
        } catch {
          failed += 1; // connection reset by the kill: outcome unknown, not acknowledged
        }
      }
    }),
  );
  return { acknowledged, failed };
}

async function exportedIds(vars: Record<string, string>): Promise<string[]> {
  const result = await runCli(['export', '--format', 'jsonl'], vars);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { receipt: Receipt }).receipt.id);
}

for (const adapter of adapters) {
  describe(`consentry-receipts CLI on ${adapter.name}`, () => {
    // SQLite: with the appends on the serving thread and on a writer thread (SQLITE_WRITER).
    for (const writer of adapter.name === 'sqlite' ? ['inline', 'worker'] : [undefined]) {
      test(`SIGKILL in the middle of a load loop loses no acknowledged receipt and leaves a valid chain${writer ? ` (${writer} writer)` : ''}`, async (t) => {
        const opened = await adapter.open(t);
        await opened.store.close();
        const location = writer ? { ...opened.location, SQLITE_WRITER: writer } : opened.location;
        const first = await startServer(location);
        t.after(() => stopServer(first, 'SIGKILL'));

        let killed = false;
        const load = loadLoop(first.port, { workers: 6, maxRequests: 5000, maxMs: 60_000, stop: () => killed });
        // Kill once the server is busy: after some acknowledgements, bounded in
        // time (generously: a shared CI machine can be many times slower).
        const started = Date.now();
        while (Date.now() - started < 45_000) {
          const response = await adminGet(first.port, '/verify');
          const body = (await response.json()) as { count: number };
          if (body.count >= 150) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        first.child.kill('SIGKILL');
        killed = true;
        await first.exited;
        const { acknowledged } = await load;
        assert.ok(acknowledged.length >= 150, `only ${acknowledged.length} receipts were acknowledged before the kill`);

        const second = await startServer(location);
        t.after(() => stopServer(second));
        const verify = (await (await adminGet(second.port, '/verify')).json()) as { ok: boolean; count: number };
        assert.equal(verify.ok, true);
        const stored = new Set(await exportedIds(location));
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], 'every 201 is stored');
        assert.equal(verify.count, stored.size);
        // The server keeps extending the same chain after the restart.
        assert.equal((await post(second.port, makeReceipt())).status, 201);
        await stopServer(second);
        const cli = await runCli(['verify'], location);
        assert.equal(cli.code, 0, cli.stdout + cli.stderr);
        assert.equal(JSON.parse(cli.stdout).count, stored.size + 1);
      });
    }

    test('a failed count of the figures is logged by its code, without the receipt', async (t) => {
      const { store, raw, location } = await adapter.open(t);
      await store.close();
      const server = await startServer(location);
      t.after(() => stopServer(server));
      // A table the background count writes to, gone under the running server.
      await raw.exec('DROP TABLE figures_actions');
      const receipt = makeReceipt();
      assert.equal((await post(server.port, receipt)).status, 201, 'the receipt itself is stored');
      const deadline = Date.now() + 10_000;
      while (!server.output().includes('figures catch-up failed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const line = server.output().split('\n').find((l) => l.includes('figures catch-up failed'));
      assert.ok(line, `no log line for the failed count:\n${server.output()}`);
      assert.match(JSON.parse(line).code, adapter.name === 'sqlite' ? /^SQLITE_ERROR$/ : /^42P01$/);
      for (const field of [receipt.id, receipt.subject]) assert.ok(!server.output().includes(field), `the log carries ${field}`);
    });

    test('two server processes writing at once keep one valid chain; no IP or user agent in logs or rows', async (t) => {
      const { store, raw, location } = await adapter.open(t);
      await store.close();
      const [a, b] = await Promise.all([startServer(location), startServer(location)]);
      t.after(() => stopServer(a));
      t.after(() => stopServer(b));
      const [loadA, loadB] = await Promise.all([
        loadLoop(a.port, { workers: 4, maxRequests: 150, maxMs: 90_000 }),
        loadLoop(b.port, { workers: 4, maxRequests: 150, maxMs: 90_000 }),
      ]);
      assert.equal(loadA.acknowledged.length + loadB.acknowledged.length, 300, `failures: ${loadA.failed + loadB.failed}`);
      // A batch through one and a duplicate through the other.
      const batch = [makeReceipt(), makeReceipt()];
      assert.equal((await post(a.port, batch)).status, 201);
      assert.equal((await post(b.port, batch)).status, 200);
      // And a request that should have been refused, to have its log line too.
      assert.equal((await post(b.port, { ...makeReceipt(), userAgent: UA_PROBE } as Receipt)).status, 400);
      await stopServer(a);
      await stopServer(b);

      const cli = await runCli(['verify'], location);
      assert.equal(cli.code, 0, cli.stdout + cli.stderr);
      assert.equal(JSON.parse(cli.stdout).count, 302);

      const logs = a.output() + b.output();
      assert.ok(logs.split('\n').filter((line) => line.includes('request completed')).length >= 300, 'requests were logged');
      const dump = await raw.dump();
      assert.ok(dump.includes(loadA.acknowledged[0]!), 'the dump holds the receipts');
      for (const secret of ['127.0.0.1', '::ffff:', UA_PROBE]) {
        assert.ok(!logs.includes(secret), `server logs contain ${secret}`);
        assert.ok(!dump.includes(secret), `database dump contains ${secret}`);
      }
    });

    test('verify exits 1 and names the row altered in the database', async (t) => {
      const { store, raw, location } = await adapter.open(t);
      const receipts = Array.from({ length: 6 }, () => makeReceipt());
      await store.append(receipts);
      await store.close();
      assert.equal((await runCli(['verify'], location)).code, 0);
      await raw.exec('DROP TRIGGER receipts_no_update' + (adapter.name === 'postgres' ? ' ON receipts' : ''));
      await raw.exec(`UPDATE receipts SET subject = '${crypto.randomUUID()}' WHERE seq = 5`);
      const result = await runCli(['verify'], location);
      assert.equal(result.code, 1);
      assert.deepEqual(JSON.parse(result.stdout), {
        ok: false,
        count: 4,
        brokenAt: { seq: 5, id: receipts[4]!.id, reason: 'hash-mismatch' },
      });
      const purge = await runCli(['purge'], { ...location, RETENTION_DAYS: '1' });
      assert.equal(purge.code, 1, 'purge refuses to run over a broken chain');
      assert.match(purge.stderr, /refusing to purge/);
    });

    test('export writes JSON lines or CSV for a date range; purge honours RETENTION_DAYS and keeps the chain verifiable', async (t) => {
      const { store, location } = await adapter.open(t);
      await store.close();
      const day = 86_400_000;
      const fortyDaysAgo = await openStoreAt(location, () => new Date(Date.now() - 40 * day));
      const old = [makeReceipt(), makeReceipt(), makeReceipt()];
      await fortyDaysAgo.append(old);
      await fortyDaysAgo.close();
      const today = await openStoreAt(location);
      const recent = [makeReceipt(), makeReceipt()];
      await today.append(recent);
      await today.close();

      const tenDaysAgo = new Date(Date.now() - 10 * day).toISOString().slice(0, 10);
      assert.deepEqual(await exportedIds(location), [...old, ...recent].map((r) => r.id));
      const csv = await runCli(['export', '--format', 'csv', '--to', tenDaysAgo], location);
      assert.equal(csv.code, 0, csv.stderr);
      const lines = csv.stdout.trim().split('\r\n');
      assert.equal(lines.length, 4);
      assert.deepEqual(lines.slice(1).map((line) => line.split(',')[1]), old.map((r) => r.id));
      const fromRecent = await runCli(['export', '--from', tenDaysAgo], location);
      assert.deepEqual(fromRecent.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { receipt: Receipt }).receipt.id), recent.map((r) => r.id));
      assert.equal((await runCli(['export', '--format', 'xml'], location)).code, 2);

      const dryRun = await runCli(['purge', '--dry-run'], { ...location, RETENTION_DAYS: '30' });
      assert.equal(JSON.parse(dryRun.stdout).wouldDelete, 3);
      const kept = await runCli(['purge'], location);
      assert.equal(JSON.parse(kept.stdout).deleted, 0, 'the six-year default keeps 40-day-old receipts');
      const purge = await runCli(['purge'], { ...location, RETENTION_DAYS: '30' });
      assert.equal(purge.code, 0, purge.stderr);
      const result = JSON.parse(purge.stdout);
      assert.equal(result.deleted, 3);
      assert.equal(result.anchor.seq, 3);
      assert.deepEqual(await exportedIds(location), recent.map((r) => r.id));
      const verify = await runCli(['verify'], location);
      assert.equal(verify.code, 0, verify.stdout);
      assert.equal(JSON.parse(verify.stdout).anchor.seq, 3);
    });
  });
}

describe('consentry-receipts CLI start-up', () => {
  test('serve refuses a bad environment and names each variable', async () => {
    const result = await runCli(['serve'], { PORT: 'eighty', BODY_LIMIT: '5', ADMIN_TOKEN: 'short' });
    assert.equal(result.code, 2);
    for (const name of ['PORT', 'BODY_LIMIT', 'ADMIN_TOKEN', 'ALLOWED_ORIGINS']) assert.match(result.stderr, new RegExp(`- ${name} `));
  });

  test('an unknown command prints the usage', async () => {
    const result = await runCli(['frobnicate'], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Usage: consentry-receipts <command>/);
  });
});
