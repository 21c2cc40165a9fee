#!/usr/bin/env node
// Banner timing (not a test): how long from the moment the script-tag build
// starts to run until <consentry-banner> is laid out and opaque, plus long
// tasks and CLS, on a first visit in headless Debian Chromium.
//
// Serves dist/ and a minimal page on 127.0.0.1: the config inline in
// <script type="application/json" id="consentry-config">, then
// <script src="/dist/consentry.js">. A tiny probe script before it (a file, no
// inline code) records when the core starts: the later of the probe running
// and consentry.js finishing its download (Resource Timing), since a
// parser-blocking script runs as soon as it has arrived. It then watches for
// the banner: inserted (MutationObserver), rendered and laid out (after
// lit's updateComplete, reading its box and opacity), and the next animation
// frame (when that layout is painted).
//
// Each load is a fresh browser context (no cache, no cookie). Build first:
//   npx rollup -c && node bench/banner-timing.mjs        # 20 loads
//   BENCH_RUNS=30 node bench/banner-timing.mjs
//   BENCH_DIST=.tmp/full node bench/banner-timing.mjs       # another build folder
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stamped } from '../bin/stamp.js';
import { launchChromium } from '../scripts/chromium.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Math.max(15, Math.min(100, Number(process.env.BENCH_RUNS ?? 20)));
// The build to serve as /dist/ (BENCH_DIST lets a private build be measured while dist/ is rebuilt).
const DIST = join(repo, process.env.BENCH_DIST ?? 'dist');

const example = JSON.parse(await readFile(join(repo, 'test/fixtures/configs/product-example.json'), 'utf8'));
delete example.receipts; // no network beyond the page's own files
// Production configs are stamped by `consentry check --stamp` (no validator download);
// BENCH_UNSTAMPED=1 measures an unstamped one, which fetches the validator first.
const config = process.env.BENCH_UNSTAMPED ? example : stamped(example);

const PROBE = `
performance.mark('probe');
window.__bench = { cls: 0, longTasks: [], inserted: null, laidOut: null, painted: null, opacity: null, height: null };
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
new MutationObserver((records, observer) => {
  const banner = document.querySelector('consentry-banner');
  if (!banner) return;
  observer.disconnect();
  __bench.inserted = performance.now();
  banner.updateComplete.then(() => {
    const section = banner.shadowRoot.querySelector('[part~="banner"]');
    const box = section.getBoundingClientRect();
    __bench.laidOut = performance.now();
    __bench.height = box.height;
    __bench.opacity = getComputedStyle(section).opacity + '/' + getComputedStyle(banner).opacity;
    requestAnimationFrame(() => { __bench.painted = performance.now(); });
  });
}).observe(document, { childList: true, subtree: true });
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Banner timing</title>
<script src="/probe.js"></script>
<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>
<script src="/dist/consentry.js"></script>
</head><body><main><h1>Keyhold Inventories</h1>
<p>Independent inventory clerks for tenancy check-ins, check-outs and deposit disputes.</p>
${'<p>Paragraph of page content that the banner floats over without moving it.</p>'.repeat(30)}
</main></body></html>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (path == '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  if (path == '/probe.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(PROBE);
  if (path == '/favicon.ico') return res.writeHead(204).end();
  const file = normalize(join(DIST, path.slice('/dist/'.length)));
  if (!path.startsWith('/dist/') || !file.startsWith(DIST)) return res.writeHead(404).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': extname(file) == '.js' ? 'text/javascript' : 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();

const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.painted, null, { timeout: 10_000 });
    await page.waitForTimeout(300); // late layout shifts and long tasks
    const run = await page.evaluate(() => {
      const probe = performance.getEntriesByName('probe')[0].startTime;
      const core = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/dist/consentry.js'));
      const start = Math.max(probe, core?.responseEnd ?? 0);
      // Each file of the build: when it was requested and when it had arrived, relative to script start.
      const chunks = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/dist/'))
        .map((r) => ({ file: r.name.replace(/^.*\/dist\//, '').replace(/-[\w-]{8}\.js$/, '.js'), from: r.startTime - start, to: r.responseEnd - start }));
      const b = window.__bench;
      return {
        start,
        inserted: b.inserted - start,
        laidOut: b.laidOut - start,
        painted: b.painted - start,
        renderAfterInsert: b.laidOut - b.inserted,
        paintAfterInsert: b.painted - b.inserted,
        fromNavigation: b.laidOut,
        opacity: b.opacity,
        height: b.height,
        cls: b.cls,
        longTasks: b.longTasks,
        chunks,
      };
    });
    if (errors.length) throw new Error(`run ${i + 1}: ${errors.join('; ')}`);
    runs.push(run);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const stat = (key) => `median ${ms(median(runs.map((r) => r[key])))}, min ${ms(Math.min(...runs.map((r) => r[key])))}, max ${ms(Math.max(...runs.map((r) => r[key])))}`;

console.log(`Consentry banner timing, ${RUNS} fresh first-visit loads, headless Chromium, 127.0.0.1`);
console.log(`  script start → banner inserted:             ${stat('inserted')}`);
console.log(`  script start → banner rendered + laid out:  ${stat('laidOut')}`);
console.log(`  script start → next frame (painted):        ${stat('painted')}`);
console.log(`  showBanner (insertion) → laid out:         ${stat('renderAfterInsert')}`);
console.log(`  showBanner (insertion) → next frame:        ${stat('paintAfterInsert')}`);
console.log(`  navigation start → banner laid out:         ${stat('fromNavigation')}`);
console.log(`  opacity (section/host) at layout:           ${[...new Set(runs.map((r) => r.opacity))].join(', ')}`);
console.log(`  banner height:                              ${[...new Set(runs.map((r) => r.height))].join(', ')} px`);
console.log(`  long tasks (> 50 ms):                       ${runs.reduce((n, r) => n + r.longTasks.length, 0)} in ${RUNS} loads${runs.some((r) => r.longTasks.length) ? ' ' + JSON.stringify(runs.map((r) => r.longTasks)) : ''}`);
console.log(`  CLS:                                        max ${Math.max(...runs.map((r) => r.cls))}`);
console.log('  files fetched from dist/ (median request → arrival, ms after script start):');
for (const file of runs[0].chunks.map((c) => c.file)) {
  const of = runs.map((r) => r.chunks.find((c) => c.file == file)).filter(Boolean);
  console.log(`    ${file.padEnd(28)} ${median(of.map((c) => c.from)).toFixed(1).padStart(7)} → ${median(of.map((c) => c.to)).toFixed(1).padStart(7)}`);
}
