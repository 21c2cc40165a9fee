#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find.
//   1. build the library and the receipts server, and check the byte budgets
//   2. unit and component specs in Chromium (@web/test-runner)
//   3. node specs of the config schema; the React/Vue adapters (server
//      rendering in node, hydration in Chromium), the package and the CDN build
//   4. the receipts server on SQLite and a PostgreSQL it starts itself
//   5. the end-to-end compliance suite against the demo on 127.0.0.1
//   5b. the pre-rendered privacy page read without a browser; Lighthouse on the demo
//   6. Storybook: build, then load every story headless
// Each step's counts are read from its runner's own summary; the last line
// is the total, `N passed, N failed`. Exits 1 if any step failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const steps = [
  { name: 'build', cmd: 'npm run build && npm run build -w server' },
  { name: 'size budgets', cmd: 'npm run size' },
  { name: 'unit and component specs (Chromium)', cmd: 'npx wtr --static-logging', counts: 'wtr' },
  { name: 'schema agreement (node)', cmd: 'node --test test/unit/', counts: 'node' },
  { name: 'framework adapters, package and CDN (node + Chromium)', cmd: 'node --test --test-concurrency=1 test/adapters/', counts: 'node' },
  { name: 'receipts server (SQLite + PostgreSQL)', cmd: 'npm test -w server', counts: 'node' },
  { name: 'end-to-end compliance (demo on 127.0.0.1)', cmd: 'npm run test:e2e', counts: 'node' },
  { name: 'policy page: pre-render without a browser, Lighthouse (node)', cmd: 'node --test --test-concurrency=1 test/policy/', counts: 'node' },
  { name: 'storybook build and smoke', cmd: 'npm run test:stories', counts: 'smoke' },
];

const only = process.argv.slice(2);
const run = (cmd) =>
  new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const tee = (stream, sink) =>
      stream.on('data', (chunk) => {
        out += chunk;
        sink.write(chunk);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code, out }));
  });

const last = (out, re) => [...out.matchAll(re)].at(-1);
const parse = {
  wtr: (out) => {
    const m = last(out, /(\d+) passed, (\d+) failed/g);
    return m && { passed: +m[1], failed: +m[2] };
  },
  node: (out) => {
    const p = last(out, /^# pass (\d+)/gm);
    const f = last(out, /^# fail (\d+)/gm);
    return p && { passed: +p[1], failed: f ? +f[1] : 0 };
  },
  smoke: (out) => {
    const ok = last(out, /(\d+) stories loaded with no console error/g);
    const bad = last(out, /(\d+) of (\d+) stories failed/g);
    return bad ? { passed: +bad[2] - +bad[1], failed: +bad[1] } : ok && { passed: +ok[1], failed: 0 };
  },
};

/** The suite needs Debian's Chromium and PostgreSQL; install them when missing and we may. */
const ensureSystemPackages = () => {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  const pg = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  if (!pg) missing.push('postgresql');
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`npm test needs ${missing.join(' and ')}: install them (Debian: apt-get install -y ${missing.join(' ')}).`);
    process.exit(1);
  }
  console.log(`━━ installing ${missing.join(', ')} (apt-get)`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) process.exit(1);
  }
};
ensureSystemPackages();

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const { code, out } = await run(step.cmd);
  const counts = step.counts ? parse[step.counts](out) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
  }
  const ok = code === 0;
  if (!ok && !counts?.failed) failed += 1; // a step that broke without counting counts once
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name}${counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ''} ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  if (!ok && step.name === 'build') break;
}
console.log('\n━━ summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
