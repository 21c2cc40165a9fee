#!/usr/bin/env node
// `npm test`: the whole suite, in the order a failure is cheapest to find.
//   1. build the library and the receipts server, and check the byte budgets
//   2. unit and component specs (@web/test-runner), once per engine:
//      Chromium, Firefox ESR, WebKitGTK (scripts/browsers.mjs)
//   3. node specs of the config schema; the React/Vue adapters (server
//      rendering in node, hydration in Chromium), the package and the CDN build
//   4. the receipts server on SQLite and a PostgreSQL it starts itself
//   5. the end-to-end compliance suite against the demo on 127.0.0.1, once per engine
//   5b. the pre-rendered privacy page read without a browser; Lighthouse on the demo
//   6. Storybook: build, then load every story headless
// Each step's counts are read from its runner's own summary, with the tests
// an engine did not run (each with its reason in the step's log); the last
// line is the total, `N passed, N failed`. Exits 1 if any step failed, in any
// engine. CONSENTRY_ENGINES=chromium,firefox narrows the engine steps.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { selectedEngines } from './browsers.mjs';

const ENGINE_LABEL = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };
const WTR_CONFIG = { chromium: '', firefox: ' --config web-test-runner.firefox.config.mjs', webkit: ' --config web-test-runner.webkit.config.mjs' };
const engines = selectedEngines();
const steps = [
  { name: 'build', cmd: 'npm run build && npm run build -w server' },
  { name: 'size budgets', cmd: 'npm run size' },
  ...engines.map((e) => ({ name: `unit and component specs (${ENGINE_LABEL[e]})`, cmd: `npx wtr --static-logging${WTR_CONFIG[e]}`, counts: 'wtr', engine: e })),
  { name: 'schema agreement (node)', cmd: 'node --test test/unit/', counts: 'node' },
  { name: 'framework adapters, package and CDN (node + Chromium)', cmd: 'node --test --test-concurrency=1 test/adapters/', counts: 'node' },
  { name: 'receipts server (SQLite + PostgreSQL)', cmd: 'npm test -w server', counts: 'node' },
  ...engines.map((e) => ({
    name: `end-to-end compliance (${ENGINE_LABEL[e]}, demo on 127.0.0.1)`,
    cmd: `CONSENTRY_ENGINE=${e} npm run test:e2e`,
    counts: 'node',
    engine: e,
  })),
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
    const m = last(out, /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g);
    return m && { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) };
  },
  node: (out) => {
    const p = last(out, /^# pass (\d+)/gm);
    const f = last(out, /^# fail (\d+)/gm);
    const s = last(out, /^# skipped (\d+)/gm);
    // A skipped describe (a suite that runs in another engine) is one "# SKIP"
    // line and no test in "# skipped": count what was skipped either way.
    const skipLines = [...out.matchAll(/^\s*ok \d+ - .* # SKIP/gm)].length;
    return p && { passed: +p[1], failed: f ? +f[1] : 0, skipped: Math.max(s ? +s[1] : 0, skipLines) };
  },
  smoke: (out) => {
    const ok = last(out, /(\d+) stories loaded with no console error/g);
    const bad = last(out, /(\d+) of (\d+) stories failed/g);
    return bad ? { passed: +bad[2] - +bad[1], failed: +bad[1] } : ok && { passed: +ok[1], failed: 0 };
  },
};

/**
 * The suite needs Debian's Chromium, Firefox ESR, WebKitGTK's WebDriver (with
 * MiniBrowser), Xvfb for it, a font, and PostgreSQL; install them when
 * missing and we may. (The WebKit launcher starts and stops Xvfb and
 * WebKitWebDriver itself; nothing is left running.)
 */
const ensureSystemPackages = () => {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (engines.includes('firefox') && !existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr')) missing.push('firefox-esr');
  if (engines.includes('webkit')) {
    if (!existsSync('/usr/bin/WebKitWebDriver')) missing.push('webkit2gtk-driver');
    if (!existsSync('/usr/bin/Xvfb')) missing.push('xvfb');
  }
  if (engines.some((e) => e !== 'chromium') && !existsSync('/usr/share/fonts/truetype/dejavu')) missing.push('fonts-dejavu-core');
  const pg = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  if (!pg) missing.push('postgresql');
  if (!missing.length) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`npm test needs ${missing.join(' and ')}: install them (Debian: apt-get install -y ${missing.join(' ')}).`);
    process.exit(1);
  }
  console.log(`━━ installing ${missing.join(', ')} (apt-get)`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) process.exit(1);
  }
};
ensureSystemPackages();

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
const perEngine = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  console.log(`\n━━ ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const { code, out } = await run(step.cmd);
  const counts = step.counts ? parse[step.counts](out) : null;
  if (counts) {
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped ?? 0;
  }
  const ok = code === 0;
  if (!ok && !counts?.failed) failed += 1; // a step that broke without counting counts once
  const notRun = counts?.skipped ? `, ${counts.skipped} skipped: reasons in the log above` : '';
  if (step.engine) perEngine.push({ engine: step.engine, kind: step.counts === 'wtr' ? 'specs' : 'e2e', ok, counts, seconds: (Date.now() - started) / 1e3 });
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name}${counts ? ` (${counts.passed} passed, ${counts.failed} failed${notRun})` : ''} ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  if (!ok && step.name === 'build') break;
}
console.log('\n━━ summary');
for (const line of summary) console.log(line);
// One line per engine: its component specs and e2e journeys, and their time.
if (perEngine.length) console.log('\n━━ per engine');
for (const e of engines) {
  const parts = perEngine.filter((p) => p.engine === e);
  if (!parts.length) continue;
  const describe = (p) =>
    `${p.kind} ${p.counts ? `${p.counts.passed} passed, ${p.counts.failed} failed, ${p.counts.skipped ?? 0} run elsewhere` : 'no counts'}${p.ok ? '' : ' (FAILED)'} in ${p.seconds.toFixed(0)} s`;
  const total = parts.reduce((sum, p) => sum + p.seconds, 0);
  console.log(`${parts.every((p) => p.ok) ? 'ok  ' : 'FAIL'} ${ENGINE_LABEL[e]}: ${parts.map(describe).join('; ')}; ${total.toFixed(0)} s in all`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
