#!/usr/bin/env node
// `npm run demo`: build everything, seed four weeks of consent history into a
// new .tmp/demo-receipts.db (server/scripts/seed-demo.mjs), start the receipts
// server on it and the Keyhold Inventories demo site, print the site's and the
// console's URLs and the demo admin token, and stop both on Ctrl-C.
//
//   npm run demo                 # http://127.0.0.1:8080/
//   PORT=9000 npm run demo       # another site port
//   npm run demo -- --csp        # serve the site under the strict CSP + Trusted Types
//   npm run demo -- --no-build   # reuse dist/ and server/dist as they are
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const sitePort = Number(process.env.PORT ?? 8080);
const receiptsPort = Number(process.env.RECEIPTS_PORT ?? 8787);
const host = '127.0.0.1';
const siteOrigin = `http://${host}:${sitePort}`;
const receiptsOrigin = `http://${host}:${receiptsPort}`;

function run(command, commandArgs) {
  console.log(`$ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${command} ${commandArgs.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

async function waitForHealth(url, child, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`receipts server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`receipts server did not answer ${url} within ${timeoutMs} ms`);
}

if (!args.has('--no-build')) {
  run('npm', ['run', 'build']);
  run('npm', ['run', 'build', '-w', 'server', '--if-present']);
}

mkdirSync(path.join(repo, '.tmp'), { recursive: true });
const receiptsDb = path.join(repo, '.tmp/demo-receipts.db');
const adminToken = process.env.ADMIN_TOKEN ?? 'demo-admin-token';
if (!existsSync(receiptsDb)) {
  // History for the console: two config revisions, a policy update, some GPC.
  const { demoHistory, storeHistory } = await import('../server/scripts/seed-demo.mjs');
  const { openSqliteStore } = await import('../server/dist/store/sqlite-store.js');
  const history = demoHistory({ days: 28, perDay: 400 });
  await storeHistory((now) => openSqliteStore(receiptsDb, { now }), history.items);
  console.log(`Seeded ${history.items.length} receipts of demo history into .tmp/demo-receipts.db (delete it to start again).`);
}
const receipts = spawn(process.execPath, [path.join(repo, 'server/bin/consentry-receipts.js'), 'serve'], {
  cwd: repo,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: String(receiptsPort),
    HOST: host,
    RECEIPTS_DB: receiptsDb,
    ALLOWED_ORIGINS: [siteOrigin, `http://localhost:${sitePort}`].join(','),
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});

let site;
let stopping = false;
async function stop(code = 0) {
  stopping = true;
  if (receipts.exitCode === null) receipts.kill('SIGTERM');
  await site?.close();
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
receipts.on('exit', (exitCode) => {
  if (stopping) return;
  console.error(`receipts server stopped (exit ${exitCode}); stopping the demo.`);
  stop(1);
});

try {
  await waitForHealth(`${receiptsOrigin}/healthz`, receipts);
} catch (error) {
  console.error(String(error));
  await stop(1);
}

const csp = args.has('--csp');
site = await startDemoServer({
  port: sitePort,
  host,
  csp,
  trustedTypes: csp,
  receiptsUrl: `${receiptsOrigin}/receipts`,
});

console.log(`
  Keyhold Inventories demo   ${site.url}${csp ? '   (strict CSP + Trusted Types)' : ''}
  Receipts server            ${receiptsOrigin}   (SQLite: .tmp/demo-receipts.db)
  Your receipts              ${receiptsOrigin}/receipts/<your consent id>
  Console (figures, record)  ${receiptsOrigin}/console   admin token: ${adminToken}
  Tracker hits (stand-ins)   ${site.origin}/__log

  Press Ctrl-C to stop.
`);
