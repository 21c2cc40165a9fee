#!/usr/bin/env node
// `npm run bench`: Consentry beside vanilla-cookieconsent, Orejime and Klaro on
// the same article page (bench/pages/<tool>/article.html), each with the same
// four categories, in one run, in headless Debian Chromium on 127.0.0.1.
//
// First visit (fresh context, no cookie): bytes of the widget's JS+CSS the
// browser fetched (gzip and brotli computed here from each response body),
// time from navigation to the banner visible, main-thread script time (CDP
// Performance.getMetrics ScriptDuration), long tasks, CLS, and the Event
// Timing duration of the *Reject all* click.
// Returning visit (consent given on a previous page): widget bytes, script
// time, and when the consented stand-in analytics ran (ms after navigation).
//
// Medians of BENCH_RUNS (default 15) loads per tool and scenario, tools
// interleaved. Not part of the tests. Writes bench/results.md. Build first:
// `npx rollup -c` (dist/ is what Consentry serves).
//
//   npm run bench                   # 15 runs
//   BENCH_RUNS=20 npm run bench
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { makePages } from './make-pages.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const RUNS = Math.max(1, Math.min(100, Number(process.env.BENCH_RUNS ?? 15)));
const SETTLE_MS = 700;

/** How to find each tool's banner and buttons, and which fetched files are the widget. */
const TOOLS = {
  consentry: {
    label: 'Consentry',
    banner: { host: 'consentry-banner', inner: '[part~="banner"]' },
    reject: 'consentry-banner [part~="reject-all"]',
    accept: 'consentry-banner [part~="accept-all"]',
    widget: (p) => p.startsWith('/dist/'),
    config: (p) => p === '/consentry/consent.json',
  },
  'vanilla-cookieconsent': {
    label: 'vanilla-cookieconsent',
    banner: { selector: '#cc-main .cm' },
    reject: '#cc-main .cm [data-role="necessary"]',
    accept: '#cc-main .cm [data-role="all"]',
    widget: (p) => p.startsWith('/peers/vanilla-cookieconsent/'),
    config: (p) => p === '/vanilla-cookieconsent/config.js',
  },
  orejime: {
    label: 'Orejime',
    banner: { selector: '.orejime-Banner' },
    reject: '.orejime-Banner-declineButton',
    accept: '.orejime-Banner-saveButton',
    widget: (p) => p.startsWith('/peers/orejime/'),
    config: (p) => p === '/orejime/config.js',
  },
  klaro: {
    label: 'Klaro',
    banner: { selector: '.klaro .cookie-notice' },
    reject: '.klaro .cookie-notice .cn-decline',
    accept: '.klaro .cookie-notice .cm-btn-success',
    widget: (p) => p.startsWith('/peers/klaro/'),
    config: (p) => p === '/klaro/config.js',
  },
};

const CHROMIUM_FLAGS = CHROMIUM_ARGS;

// Installed before any page script: finds the banner's first visible frame,
// and collects long tasks, layout shifts and Event Timing entries.
function probe(spec) {
  const bench = (window.__bench = { insertedAt: null, bannerAt: null, longtasks: [], shifts: [], events: [] });
  const find = () => {
    if (spec.host) return document.querySelector(spec.host)?.shadowRoot?.querySelector(spec.inner) ?? null;
    return document.querySelector(spec.selector);
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.top >= innerHeight) return false;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const frame = (now) => {
    const el = find();
    if (el && bench.insertedAt === null) bench.insertedAt = now;
    if (el && visible(el)) bench.bannerAt = now;
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // Cheap: only notes when the element first exists; the rAF loop decides visibility.
  const observer = new MutationObserver(() => {
    if (bench.insertedAt === null && find()) bench.insertedAt = performance.now();
    if (bench.insertedAt !== null) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
  const observe = (type, sink, extra = {}) => {
    try {
      new PerformanceObserver((list) => sink(list.getEntries())).observe({ type, buffered: true, ...extra });
    } catch {
      // entry type unsupported
    }
  };
  observe('longtask', (entries) => bench.longtasks.push(...entries.map((e) => ({ start: e.startTime, duration: e.duration }))));
  observe('layout-shift', (entries) =>
    bench.shifts.push(...entries.filter((e) => !e.hadRecentInput).map((e) => ({ start: e.startTime, value: e.value }))),
  );
  observe(
    'event',
    (entries) =>
      bench.events.push(
        ...entries.map((e) => ({ name: e.name, start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart, id: e.interactionId })),
      ),
    { durationThreshold: 16 },
  );
}

const compressed = new Map();
function sizes(pathname, body) {
  if (!compressed.has(pathname)) {
    compressed.set(pathname, {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  return compressed.get(pathname);
}

/** Records the widget files (and the config) a page fetches. */
function recordFetches(page, tool) {
  const fetched = { widget: new Map(), config: new Map() };
  const pending = [];
  page.on('response', (response) => {
    const pathname = new URL(response.url()).pathname;
    const kind = tool.widget(pathname) ? 'widget' : tool.config(pathname) ? 'config' : null;
    if (!kind || response.status() !== 200) return;
    pending.push(
      response.body().then(
        (body) => fetched[kind].set(pathname, sizes(pathname, body)),
        () => {},
      ),
    );
  });
  return async () => {
    await Promise.all(pending);
    const sum = (map) => [...map.values()].reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    const files = [...fetched.widget.entries()].map(([file, size]) => `${file} (${(size.brotli / 1000).toFixed(1)} kB br)`);
    return { widget: sum(fetched.widget), config: sum(fetched.config), files };
  };
}

async function scriptMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 };
}

async function firstVisit(browser, url, tool) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, tool.banner);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const fetched = recordFetches(page, tool);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.bannerAt !== null, null, { timeout: 10000 });
    await page.waitForTimeout(SETTLE_MS);
    const { script, task } = await scriptMs(cdp);
    // What the visitor has downloaded while only reading the page, before touching the banner.
    const bytesBeforeClick = await fetched();
    const before = await page.evaluate(() => ({
      bannerAt: window.__bench.bannerAt,
      insertedAt: window.__bench.insertedAt,
      longtasks: window.__bench.longtasks,
      cls: window.__bench.shifts.reduce((a, s) => a + s.value, 0),
      now: performance.now(),
    }));

    await page.locator(tool.reject).click();
    await page.waitForFunction(
      (spec) => {
        const el = spec.host ? document.querySelector(spec.host)?.shadowRoot?.querySelector(spec.inner) : document.querySelector(spec.selector);
        return !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      },
      tool.banner,
      { timeout: 10000 },
    );
    await page.waitForTimeout(300);
    const events = await page.evaluate((since) => window.__bench.events.filter((e) => e.start >= since), before.now);
    const clickish = events.filter((e) => ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'].includes(e.name));
    const rejectEvent = clickish.length ? Math.max(...clickish.map((e) => e.duration)) : 0; // 0: under the 16 ms threshold
    // Time in the event handlers themselves (duration is rounded to 8 ms and includes waiting for the next frame).
    const rejectProcessing = clickish.reduce((a, e) => a + e.processing, 0);
    const bytes = await fetched();
    return {
      bannerAt: before.bannerAt,
      insertedAt: before.insertedAt,
      script,
      task,
      longtaskCount: before.longtasks.length,
      longtaskMs: before.longtasks.reduce((a, t) => a + t.duration, 0),
      cls: before.cls,
      rejectEvent,
      rejectProcessing,
      bytesBeforeClick,
      bytes,
    };
  } finally {
    await context.close();
  }
}

async function returningVisit(browser, url, tool) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, tool.banner);
    const first = await context.newPage();
    await first.goto(url, { waitUntil: 'load' });
    await first.waitForFunction(() => window.__bench.bannerAt !== null, null, { timeout: 10000 });
    await first.locator(tool.accept).click();
    await first.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 5000 });
    await first.waitForTimeout(300);
    await first.close();

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const fetched = recordFetches(page, tool);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 10000 });
    await page.waitForTimeout(SETTLE_MS);
    const { script, task } = await scriptMs(cdp);
    const result = await page.evaluate(() => ({ analyticsAt: window.__analyticsRanAt, bannerAt: window.__bench.bannerAt }));
    if (result.bannerAt !== null) throw new Error(`${tool.label}: banner shown to a returning visitor`);
    return { analyticsAt: result.analyticsAt, script, task, bytes: await fetched() };
  } finally {
    await context.close();
  }
}

/** One measurement, retried (at most twice) when the machine hiccups; failures are counted. */
const failures = {};
async function attempt(id, fn) {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (error) {
      failures[id] = (failures[id] ?? 0) + 1;
      console.error(`\n${id}: ${String(error.message ?? error).split('\n')[0]}${i < 2 ? ' (retrying)' : ''}`);
      if (i >= 2) throw error;
    }
  }
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kB = (bytes) => (bytes / 1000).toFixed(1);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : '—');

async function main() {
  if (!existsSync(path.join(repo, 'dist/consentry.js'))) {
    console.error('dist/consentry.js is missing: run `npx rollup -c` first.');
    process.exit(1);
  }
  makePages();
  // A private copy of dist/, so a rebuild during the run cannot change what is measured.
  const dist = mkdtempSync(path.join(os.tmpdir(), 'consentry-bench-dist-'));
  cpSync(path.join(repo, 'dist'), dist, { recursive: true });
  process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
  const site = await startDemoServer({
    root: path.join(here, 'pages'),
    mounts: [
      ['/dist/', dist],
      ['/css/', path.join(repo, 'demo/css')],
      ['/peers/vanilla-cookieconsent/', path.join(repo, 'node_modules/vanilla-cookieconsent/dist')],
      ['/peers/orejime/', path.join(repo, 'node_modules/orejime/dist')],
      ['/peers/klaro/', path.join(repo, 'node_modules/klaro/dist')],
    ],
    noStore: true,
    quiet: true,
    handlers: {
      // Consentry posts a receipt per decision; a stub keeps that cost in the
      // measurement without a database.
      '/receipts': (req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(req.method === 'POST' ? 201 : 204, { 'content-type': 'application/json' });
          res.end(req.method === 'POST' ? '{"stored":1,"duplicate":0}' : undefined);
        });
      },
    },
  });
  site.setReceiptsUrl(`${site.origin}/receipts`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  const ids = Object.keys(TOOLS);
  const results = Object.fromEntries(ids.map((id) => [id, { first: [], returning: [] }]));
  const started = Date.now();
  try {
    // Warm-up (not recorded): first launch, disk cache of the server, JIT of node.
    for (const id of ids) await firstVisit(browser, `${site.origin}/${id}/article.html`, TOOLS[id]);
    for (let run = 0; run < RUNS; run++) {
      const order = ids.map((_, i) => ids[(i + run) % ids.length]);
      for (const id of order) {
        const url = `${site.origin}/${id}/article.html`;
        results[id].first.push(await attempt(id, () => firstVisit(browser, url, TOOLS[id])));
        results[id].returning.push(await attempt(id, () => returningVisit(browser, url, TOOLS[id])));
      }
      process.stdout.write(`\rrun ${run + 1}/${RUNS}`);
    }
    process.stdout.write('\n');
  } finally {
    const version = browser.version();
    await browser.close();
    await site.close();
    results.__chromium = version;
  }

  const rows = [];
  const row = (label, fn) => rows.push([label, ...ids.map((id) => fn(results[id]))]);
  const med = (list, key) => median(list.map((r) => (typeof key === 'function' ? key(r) : r[key])));
  row('First visit, banner shown: widget JS+CSS, raw kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.raw)));
  row('First visit, banner shown: widget JS+CSS, gzip kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.gzip)));
  row('First visit, banner shown: widget JS+CSS, brotli kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.brotli)));
  row('First visit incl. *Reject all* click: JS+CSS, brotli kB', (r) => kB(med(r.first, (x) => x.bytes.widget.brotli)));
  row('First visit: files fetched', (r) => String(med(r.first, (x) => x.bytes.files.length)));
  row('Config file, brotli kB', (r) => kB(med(r.first, (x) => x.bytes.config.brotli)));
  row('Banner visible, ms after navigation', (r) => ms(med(r.first, 'bannerAt')));
  row('Main-thread script time, ms (to banner + 0.7 s)', (r) => ms(med(r.first, 'script')));
  row('Long tasks (count)', (r) => String(med(r.first, 'longtaskCount')));
  row('Long tasks, total ms', (r) => ms(med(r.first, 'longtaskMs')));
  row('CLS', (r) => med(r.first, 'cls').toFixed(3));
  row('*Reject all* click, Event Timing ms', (r) => {
    const value = med(r.first, 'rejectEvent');
    return value === 0 ? '< 16' : ms(value);
  });
  row('*Reject all* click, handler processing ms', (r) => med(r.first, 'rejectProcessing').toFixed(1));
  row('Returning: widget JS+CSS, raw kB', (r) => kB(med(r.returning, (x) => x.bytes.widget.raw)));
  row('Returning: widget JS+CSS, gzip kB', (r) => kB(med(r.returning, (x) => x.bytes.widget.gzip)));
  row('Returning: widget JS+CSS, brotli kB', (r) => kB(med(r.returning, (x) => x.bytes.widget.brotli)));
  row('Returning: main-thread script time, ms', (r) => ms(med(r.returning, 'script')));
  row('Returning: consented analytics runs, ms after navigation', (r) => ms(med(r.returning, 'analyticsAt')));

  const header = ['', ...ids.map((id) => TOOLS[id].label)];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const cpus = os.cpus();
  const versions = Object.fromEntries(
    ['vanilla-cookieconsent', 'orejime', 'klaro'].map((name) => [
      name,
      JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version,
    ]),
  );
  const files = ids
    .map((id) => `- ${TOOLS[id].label}: first visit ${results[id].first[0].bytes.files.join(', ')}; returning ${results[id].returning[0].bytes.files.join(', ') || '—'}`)
    .join('\n');
  const note = `Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ` +
    `Chromium ${results.__chromium} headless (no CPU or network throttling); Node ${process.version}; ` +
    `${RUNS} runs per tool and scenario, tools interleaved, medians; ${new Date().toISOString().slice(0, 10)}; ` +
    `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join('/')}; ` +
    `retried loads: ${Object.entries(failures).map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}; ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s.`;
  const md = `# Consent widgets on the same article page

Generated by \`npm run bench\` (bench/peers.mjs). Do not edit by hand.

${table}

${note}

Peers: vanilla-cookieconsent ${versions['vanilla-cookieconsent']} (umd + css), Orejime ${versions.orejime} (standard-en + css), Klaro ${versions.klaro} (klaro.js, CSS included, the documented default).
How: each load is a fresh browser context on 127.0.0.1; the server sends \`Cache-Control: no-store\`, so "bytes" are what the browser
fetched for the widget on that page view (raw bodies, gzip -9 and brotli q11 computed per file by the script). "Banner visible" is the
first animation frame in which the banner element has a box in the viewport and passes \`checkVisibility\` with opacity and visibility.
Script time is CDP \`Performance.getMetrics\` ScriptDuration for the page, read 0.7 s after the banner appeared (first visit) or after the
consented analytics ran (returning). The *Reject all* duration is the longest Event Timing entry (pointer/mouse/click) of that
interaction (it includes the wait for the next frame and is rounded to 8 ms; "< 16" means below the 16 ms reporting threshold), and
"handler processing" adds up processingEnd − processingStart of the pointer/mouse/click entries of that interaction. The returning visitor accepted all on a previous page view.
Config files (Consentry's consent.json, the peers' config.js) are not counted as widget bytes.

Files counted:
${files}
`;
  writeFileSync(path.join(here, 'results.md'), md);
  console.log(`\n${table}\n\n${note}\n\nWritten to bench/results.md`);
}

await main();
