#!/usr/bin/env node
// Time until the demo privacy policy (~40 kB Markdown, 17 sections, ~60
// subsections) is ready in <consentry-policy>, in both forms, from the built
// chunks, in headless Debian Chromium. Not a test: it prints medians and
// writes bench/results/policy-render.json.
//
// Each run uses a fresh browser context and page.
//   built: the element builds the document from Markdown (parse and sanitise
//          block by block, ids, cookie table, contents) and renders it:
//          setting `.markdown` (+ config) → the `load` event. The builder
//          chunk is loaded (and warmed on a one-line policy) before timing.
//   pre-rendered: the page already holds what `consentry render` wrote (the
//          demo's privacy.html); the element upgrades and enhances it in
//          place (contents, scroll spy, consent panel): definePolicy() →
//          `load`. Parsing that HTML is the browser's page load, timed apart.
//   layout: the same plus a forced style/layout of the policy.
//
//   npm run build && node bench/policy-render.mjs       # 11 runs
//   BENCH_RUNS=21 node bench/policy-render.mjs
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(9, Math.min(101, Number(process.env.BENCH_RUNS ?? 11)));

if (!existsSync(path.join(repo, 'dist/policy.js')) || !existsSync(path.join(repo, 'dist/policy.css'))) {
  console.error('dist/policy.js is missing: run `npm run build` first.');
  process.exit(1);
}

const BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>policy bench</title>
<body><script type="module">
import { definePolicy } from '/dist/policy.js';
definePolicy(null);
const [markdown, config] = await Promise.all([
  fetch('/demo/privacy.md').then((r) => r.text()),
  fetch('/demo/consent.json').then((r) => r.json()),
]);
const render = async (text) => {
  const el = document.createElement('consentry-policy');
  document.body.append(el);
  await el.updateComplete;
  const t0 = performance.now();
  const loaded = new Promise((resolve) => el.addEventListener('load', resolve, { once: true }));
  el.config = config;
  el.markdown = text;
  await loaded;
  const t1 = performance.now();
  void el.shadowRoot.querySelector('.content').getBoundingClientRect();
  const t2 = performance.now();
  return { el, render: t1 - t0, layout: t2 - t0 };
};
window.measure = async () => {
  (await render('## Warm-up')).el.remove();
  const { el, render: ms, layout } = await render(markdown);
  const toc = el.shadowRoot.querySelectorAll('nav.toc > ol > li').length;
  const sub = el.shadowRoot.querySelectorAll('nav.toc ol ol li').length;
  return { render: ms, layout, toc, sub, bytes: markdown.length };
};
window.ready = true;
</script></body></html>`;

/** The demo's own pre-rendered page content, with a script that times the upgrade. */
const prerenderedPage = () => {
  const demo = readFileSync(path.join(repo, 'demo/privacy.html'), 'utf8');
  const policy = /<consentry-policy>[\s\S]*<\/consentry-policy>/.exec(demo)[0];
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>policy bench</title>
<link rel="stylesheet" href="/dist/policy.css">
<script>window.parseStart = performance.now();</script>
<body>${policy}<script>window.parseEnd = performance.now();</script>
<script type="module">
import { definePolicy } from '/dist/policy.js';
const config = await fetch('/demo/consent.json').then((r) => r.json());
window.measure = async () => {
  const el = document.querySelector('consentry-policy');
  el.config = config;
  const t0 = performance.now();
  const loaded = new Promise((resolve) => el.addEventListener('load', resolve, { once: true }));
  definePolicy(null);
  await loaded;
  const t1 = performance.now();
  void el.querySelector('.content').getBoundingClientRect();
  const t2 = performance.now();
  const toc = el.querySelectorAll('nav.toc > ol > li').length;
  const sub = el.querySelectorAll('nav.toc ol ol li').length;
  return { render: t1 - t0, layout: t2 - t0, parse: window.parseEnd - window.parseStart, toc, sub, bytes: ${Buffer.byteLength(policy)} };
};
window.ready = true;
</script></body></html>`;
};

const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8', '.map': 'application/json' };

/** Serves the bench page, dist/ and demo/ only. */
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/' || url.pathname === '/prerendered') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(url.pathname === '/' ? BUILT : prerenderedPage());
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

const runs = { built: [], prerendered: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [form, url] of [['built', '/'], ['prerendered', '/prerendered']]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(origin + url, { timeout: 30_000 });
      await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
      runs[form].push(await page.evaluate(() => window.measure()));
      await context.close();
    }
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
const summary = (list) => ({
  documentBytes: list[0].bytes,
  sections: list[0].toc,
  subsections: list[0].sub,
  medianReadyMs: round(median(list.map((r) => r.render))),
  medianReadyAndLayoutMs: round(median(list.map((r) => r.layout))),
  minReadyMs: round(Math.min(...list.map((r) => r.render))),
  maxReadyMs: round(Math.max(...list.map((r) => r.render))),
  ...(list[0].parse === undefined ? {} : { medianHtmlParseMs: round(median(list.map((r) => r.parse))) }),
});
const result = { date: new Date().toISOString(), chromium: browser.version(), runs: RUNS, built: summary(runs.built), prerendered: summary(runs.prerendered) };
const { built, prerendered } = result;
console.log(
  `<consentry-policy>, the demo policy (${built.sections} sections / ${built.subsections} subsections), ${RUNS} fresh runs per form\n` +
    `  built from ${built.documentBytes} B Markdown (.markdown set → load): median ${built.medianReadyMs} ms (min ${built.minReadyMs}, max ${built.maxReadyMs}); with layout ${built.medianReadyAndLayoutMs} ms\n` +
    `  pre-rendered, ${prerendered.documentBytes} B HTML in the page (upgrade → enhanced, load): median ${prerendered.medianReadyMs} ms (min ${prerendered.minReadyMs}, max ${prerendered.maxReadyMs}); with layout ${prerendered.medianReadyAndLayoutMs} ms; the browser's parse of that HTML: ${prerendered.medianHtmlParseMs} ms`,
);
mkdirSync(path.join(repo, 'bench/results'), { recursive: true });
writeFileSync(path.join(repo, 'bench/results/policy-render.json'), JSON.stringify(result, null, 2) + '\n');
