#!/usr/bin/env node
// Time to render the demo privacy policy (~40 kB Markdown, 17 sections, ~60
// subsections) in <consentry-policy>, from the built chunk dist/policy.js, in
// headless Debian Chromium. Not a test: it prints medians and writes
// bench/results/policy-render.json.
//
// Each run uses a fresh browser context and page: load the chunk, define the
// element, then measure in the page
//   render: setting `.markdown` (+ config) → `updateComplete` with the
//           contents built (parse, sanitise, ids, cookie table, lit render);
//   layout: the same plus a forced style/layout of the shadow root.
//
//   npx rollup -c && node bench/policy-render.mjs       # 11 runs
//   BENCH_RUNS=21 node bench/policy-render.mjs
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(9, Math.min(101, Number(process.env.BENCH_RUNS ?? 11)));

if (!existsSync(path.join(repo, 'dist/policy.js'))) {
  console.error('dist/policy.js is missing: run `npx rollup -c` first.');
  process.exit(1);
}

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>policy bench</title>
<body><script type="module">
import { definePolicy } from '/dist/policy.js';
definePolicy(null);
const [markdown, config] = await Promise.all([
  fetch('/demo/privacy.md').then((r) => r.text()),
  fetch('/demo/consent.json').then((r) => r.json()),
]);
window.measure = async () => {
  const el = document.createElement('consentry-policy');
  document.body.append(el);
  await el.updateComplete;
  const t0 = performance.now();
  el.config = config;
  el.markdown = markdown;
  await el.updateComplete;
  const toc = el.shadowRoot.querySelectorAll('nav.toc > ol > li').length;
  const sub = el.shadowRoot.querySelectorAll('nav.toc ol ol li').length;
  const t1 = performance.now();
  void el.shadowRoot.querySelector('.content').getBoundingClientRect();
  const t2 = performance.now();
  return { render: t1 - t0, layout: t2 - t0, toc, sub, bytes: markdown.length };
};
window.ready = true;
</script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.map': 'application/json' };

/** Serves the bench page, dist/ and demo/ only. */
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    return;
  }
  const file = path.normalize(path.join(repo, url.pathname));
  const allowed = [path.join(repo, 'dist') + path.sep, path.join(repo, 'demo') + path.sep].some((dir) => file.startsWith(dir));
  if (!allowed || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(origin + '/', { timeout: 30_000 });
    await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
    runs.push(await page.evaluate(() => window.measure()));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (ms) => Math.round(ms * 10) / 10;
const result = {
  date: new Date().toISOString(),
  chromium: browser.version(),
  runs: RUNS,
  documentBytes: runs[0].bytes,
  sections: runs[0].toc,
  subsections: runs[0].sub,
  medianRenderMs: round(median(runs.map((r) => r.render))),
  medianRenderAndLayoutMs: round(median(runs.map((r) => r.layout))),
  minRenderMs: round(Math.min(...runs.map((r) => r.render))),
  maxRenderMs: round(Math.max(...runs.map((r) => r.render))),
};
console.log(
  `<consentry-policy>: ${result.documentBytes} B Markdown, ${result.sections} sections / ${result.subsections} subsections, ${RUNS} fresh runs\n` +
    `  median render (markdown set → updateComplete, contents built): ${result.medianRenderMs} ms (min ${result.minRenderMs}, max ${result.maxRenderMs})\n` +
    `  median render + layout: ${result.medianRenderAndLayoutMs} ms`,
);
mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
writeFileSync(path.join(repo, 'bench/results/policy-render.json'), JSON.stringify(result, null, 2) + '\n');
