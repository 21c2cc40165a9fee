#!/usr/bin/env node
// `npm run bench`: Consentry beside vanilla-cookieconsent, Orejime and Klaro on
// the same article page (bench/pages/<tool>/article.html, written by
// make-pages.mjs), each with the same four categories, in one run, in headless
// Debian Chromium on 127.0.0.1. Consentry is measured in four set-ups: the
// README's minimal snippet (consentry/minimal.html: the script tag only, an
// unstamped config), the recommended one (preload + stamped config), the
// inline one (consentry/inline.html: the stamped config inline, the core
// blocking first in <head>: the README's third snippet), and the
// first-frame one (consentry/prerendered.html: the recommended one plus the
// head script and the banner `consentry banner` pre-rendered into the page).
//
// First visit (fresh context, no cookie), each load traced (Chrome trace,
// devtools.timeline): the page's FCP, the banner's first visible frame, when
// the widget's main script started to run (its EvaluateScript event), the
// longest task, the widget's JS+CSS bytes (gzip and brotli computed here from
// each response body), main-thread script time, CLS, the *Reject all* click,
// and the widget's files as a waterfall (Resource Timing and the trace's
// module evaluations). The same page without any widget (none/article.html)
// is loaded in the same rotation: its FCP is the reference for the ratios.
// Returning visit (accepted all on a previous page): bytes, script time, when
// the consented stand-in analytics ran. Returning visit on the page with one
// gated video embed (rejected all on a previous page, so the embed stays
// blocked): bytes, and when Consentry's placeholder is visible.
//
// Medians of BENCH_RUNS (default 15) loads per set-up and scenario, set-ups
// interleaved. Not part of the tests. Writes bench/results.md. Build first:
// `npm run build` (dist/ is what Consentry serves).
//
//   npm run bench                   # 15 runs
//   BENCH_RUNS=20 npm run bench
//   BENCH_TRACE=0 npm run bench     # no trace (no script-start figure, a little less overhead)
//   BENCH_SETUPS=consentry-minimal,consentry,orejime npm run bench   # some columns only
//   BENCH_SCENARIOS=first npm run bench                            # first visits only (also: returning, embed)
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
const TRACE = process.env.BENCH_TRACE !== '0';
const SETTLE_MS = 700;
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? 'first,returning,embed').split(','));
const ONLY = process.env.BENCH_SETUPS ? new Set(process.env.BENCH_SETUPS.split(',')) : null;

/** How to find each tool's banner and buttons, which fetched files are the widget, and its main script. */
const TOOLS = {
  consentry: {
    label: 'Consentry',
    banner: { host: 'consentry-banner', inner: '[part~="banner"]' },
    reject: 'consentry-banner [part~="reject-all"]',
    accept: 'consentry-banner [part~="accept-all"]',
    widget: (p) => p.startsWith('/dist/'),
    config: (p) => p.startsWith('/consentry/') && p.endsWith('.json'),
    entry: '/dist/consentry.js',
    placeholder: { host: 'consentry-placeholder' },
  },
  'vanilla-cookieconsent': {
    label: 'vanilla-cookieconsent',
    banner: { selector: '#cc-main .cm' },
    reject: '#cc-main .cm [data-role="necessary"]',
    accept: '#cc-main .cm [data-role="all"]',
    widget: (p) => p.startsWith('/peers/vanilla-cookieconsent/'),
    config: (p) => p === '/vanilla-cookieconsent/config.js',
    entry: '/peers/vanilla-cookieconsent/cookieconsent.umd.js',
  },
  orejime: {
    label: 'Orejime',
    banner: { selector: '.orejime-Banner' },
    reject: '.orejime-Banner-declineButton',
    accept: '.orejime-Banner-saveButton',
    widget: (p) => p.startsWith('/peers/orejime/'),
    config: (p) => p === '/orejime/config.js',
    entry: '/peers/orejime/orejime-standard-en.js',
  },
  klaro: {
    label: 'Klaro',
    banner: { selector: '.klaro .cookie-notice' },
    reject: '.klaro .cookie-notice .cn-decline',
    accept: '.klaro .cookie-notice .cm-btn-success',
    widget: (p) => p.startsWith('/peers/klaro/'),
    config: (p) => p === '/klaro/config.js',
    entry: '/peers/klaro/klaro.js',
  },
};

/**
 * The set-ups measured, one column each. Consentry has two: the README's first
 * snippet as it stands (script tag only, config neither preloaded nor
 * stamped) and the recommended one (preload + stamped config). Each has an
 * article page and, for the returning visitor, the same page with one gated
 * video embed. `none` is the article with no consent tool: the FCP reference.
 */
const SETUPS = [
  { id: 'consentry-minimal', tool: 'consentry', label: 'Consentry, minimal snippet', page: 'consentry/minimal.html' },
  { id: 'consentry', tool: 'consentry', label: 'Consentry, recommended', page: 'consentry/article.html', embed: 'consentry/embed.html' },
  { id: 'consentry-inline', tool: 'consentry', label: 'Consentry, inline config', page: 'consentry/inline.html' },
  { id: 'consentry-prerendered', tool: 'consentry', label: 'Consentry, pre-rendered banner', page: 'consentry/prerendered.html' },
  ...['vanilla-cookieconsent', 'orejime', 'klaro'].map((id) => ({ id, tool: id, label: TOOLS[id].label, page: `${id}/article.html`, embed: `${id}/embed.html` })),
].filter((s) => !ONLY || ONLY.has(s.id));
const NONE = { id: 'none', label: 'no widget', page: 'none/article.html' };

const CHROMIUM_FLAGS = CHROMIUM_ARGS;

// Installed before any page script: finds the banner's (or the embed
// placeholder's) first visible frame, and collects FCP, long tasks, layout
// shifts and Event Timing entries.
function probe({ banner, placeholder }) {
  const bench = (window.__bench = { insertedAt: null, bannerAt: null, placeholderAt: null, fcp: null, longtasks: [], shifts: [], events: [] });
  const find = (spec) => {
    if (!spec) return null;
    if (spec.host) return spec.inner ? (document.querySelector(spec.host)?.shadowRoot?.querySelector(spec.inner) ?? null) : document.querySelector(spec.host);
    return document.querySelector(spec.selector);
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const inView = (el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && visible(el);
  };
  // performance.now() in the callback, not the frame's timestamp: the frame may
  // have begun before the task that inserted the banner ran.
  const frame = () => {
    const now = performance.now();
    const el = find(banner);
    if (el && bench.insertedAt === null) bench.insertedAt = now;
    if (el && bench.bannerAt === null && inView(el)) bench.bannerAt = now;
    // The embed may be below the fold: laid out and visible is enough.
    const ph = find(placeholder);
    if (ph && bench.placeholderAt === null && visible(ph) && ph.shadowRoot?.querySelector('button')) bench.placeholderAt = now;
    if (performance.now() < 8000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observe = (type, sink, extra = {}) => {
    try {
      new PerformanceObserver((list) => sink(list.getEntries())).observe({ type, buffered: true, ...extra });
    } catch {
      // entry type unsupported
    }
  };
  observe('paint', (entries) => {
    for (const e of entries) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  });
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

/**
 * From a Chrome trace of one load: when the widget's main script started to
 * run, and when each of its module chunks was evaluated (ms after the
 * navigation start, the same origin as performance.now()).
 */
function readTrace(buffer, url, tool) {
  const events = JSON.parse(buffer).traceEvents;
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  if (!nav) return { scriptStart: NaN, modules: [] };
  const at = (e) => (e.ts - nav.ts) / 1000;
  const entry = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.endsWith(tool.entry));
  // A module's evaluation follows its compile event on the main thread; the evaluation event carries no URL.
  const modules = [];
  const compiled = events.filter((e) => e.name === 'v8.compileModule' && tool.widget(new URL(e.args?.data?.url ?? 'http://x/').pathname));
  const evaluated = events.filter((e) => e.name === 'v8.evaluateModule').sort((a, b) => a.ts - b.ts);
  for (const c of compiled) {
    const run = evaluated.find((e) => e.ts >= c.ts && e.tid === c.tid);
    modules.push({ file: new URL(c.args.data.url).pathname, evaluated: run ? at(run) : NaN, ms: run ? run.dur / 1000 : NaN });
  }
  return { scriptStart: entry ? at(entry) : NaN, scriptMs: entry ? entry.dur / 1000 : NaN, modules };
}

/** Resource Timing of the widget's files and the config: requested and arrived, ms after navigation. */
const waterfallOf = (tool) =>
  performance
    .getEntriesByType('resource')
    .map((r) => ({ path: new URL(r.name).pathname, from: r.startTime, to: r.responseEnd }))
    .filter((r) => tool.some((prefix) => r.path.startsWith(prefix)));

async function firstVisit(browser, url, tool) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, { banner: tool?.banner });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const fetched = tool ? recordFetches(page, tool) : null;
    if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
    await page.goto(url, { waitUntil: 'load' });
    if (tool) await page.waitForFunction(() => window.__bench.bannerAt !== null, null, { timeout: 10000 });
    else await page.waitForFunction(() => window.__bench.fcp !== null, null, { timeout: 10000 });
    await page.waitForTimeout(SETTLE_MS);
    const trace = TRACE ? await browser.stopTracing() : null;
    const { script, task } = await scriptMs(cdp);
    const prefixes = tool ? [tool.entry.replace(/[^/]*$/, ''), ...(tool === TOOLS.consentry ? ['/consentry/'] : [])] : [];
    const before = await page.evaluate(
      ({ waterfall, prefixes }) => ({
        bannerAt: window.__bench.bannerAt,
        insertedAt: window.__bench.insertedAt,
        fcp: window.__bench.fcp,
        longtasks: window.__bench.longtasks,
        cls: window.__bench.shifts.reduce((a, s) => a + s.value, 0),
        waterfall: new Function('tool', `return (${waterfall})(tool)`)(prefixes),
        now: performance.now(),
      }),
      { waterfall: waterfallOf.toString(), prefixes },
    );
    const traced = trace && tool ? readTrace(trace, url, tool) : { scriptStart: NaN, modules: [] };
    const longest = before.longtasks.reduce((a, t) => Math.max(a, t.duration), 0);
    if (!tool) return { fcp: before.fcp, longest };
    // What the visitor has downloaded while only reading the page, before touching the banner.
    const bytesBeforeClick = await fetched();

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
      fcp: before.fcp,
      bannerAt: before.bannerAt,
      insertedAt: before.insertedAt,
      scriptStart: traced.scriptStart,
      modules: traced.modules,
      waterfall: before.waterfall,
      script,
      task,
      longest,
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

/**
 * A returning visitor: `choice` (the accept or reject button) on a first page
 * view, then `url` loaded again in the same context. `waitFor` says when the
 * second view has done its work (analytics ran, or the placeholder shows).
 */
async function returningVisit(browser, firstUrl, url, tool, choice, waitFor) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, { banner: tool.banner, placeholder: tool.placeholder });
    const first = await context.newPage();
    await first.goto(firstUrl, { waitUntil: 'load' });
    await first.waitForFunction(() => window.__bench.bannerAt !== null, null, { timeout: 10000 });
    await first.locator(tool[choice]).click();
    if (choice === 'accept') await first.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 5000 });
    await first.waitForTimeout(300);
    await first.close();

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const fetched = recordFetches(page, tool);
    await page.goto(url, { waitUntil: 'load' });
    if (waitFor) await page.waitForFunction(waitFor, null, { timeout: 10000 });
    await page.waitForTimeout(SETTLE_MS);
    const { script, task } = await scriptMs(cdp);
    const result = await page.evaluate(() => ({
      analyticsAt: window.__analyticsRanAt,
      bannerAt: window.__bench.bannerAt,
      placeholderAt: window.__bench.placeholderAt,
      fcp: window.__bench.fcp,
    }));
    if (result.bannerAt !== null) throw new Error(`${tool.label}: banner shown to a returning visitor`);
    return { ...result, script, task, bytes: await fetched() };
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
const kB = (bytes) => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) : '—');
const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : '—');
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(2) : '—');

async function main() {
  if (!existsSync(path.join(repo, 'dist/consentry.js'))) {
    console.error('dist/consentry.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  makePages();
  // A private copy of dist/, so a rebuild during the run cannot change what is measured.
  const dist = mkdtempSync(path.join(os.tmpdir(), 'consentry-bench-dist-'));
  cpSync(path.join(repo, 'dist'), dist, { recursive: true });
  process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
  const site = await startDemoServer({
    root: path.join(here, 'pages'),
    port: Number(process.env.PORT ?? 0),
    mounts: [
      ['/dist/', dist],
      ['/css/', path.join(repo, 'demo/css')],
      ['/embed/', path.join(repo, 'demo/embed')],
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
  const at = (page) => `${site.origin}/${page}`;
  const results = Object.fromEntries([...SETUPS, NONE].map((s) => [s.id, { first: [], returning: [], embed: [] }]));
  const loadavgBefore = os.loadavg();
  const started = Date.now();
  try {
    // Warm-up (not recorded): first launch, disk cache of the server, JIT of node.
    await firstVisit(browser, at(NONE.page), null);
    for (const s of SETUPS) await firstVisit(browser, at(s.page), TOOLS[s.tool]);
    const rotation = [NONE, ...SETUPS];
    for (let run = 0; run < RUNS; run++) {
      const order = rotation.map((_, i) => rotation[(i + run) % rotation.length]);
      for (const s of order) {
        const tool = TOOLS[s.tool];
        if (SCENARIOS.has('first') || !tool) results[s.id].first.push(await attempt(s.id, () => firstVisit(browser, at(s.page), tool ?? null)));
        if (!tool) continue;
        if (SCENARIOS.has('returning'))
          results[s.id].returning.push(
          await attempt(s.id, () => returningVisit(browser, at(s.page), at(s.page), tool, 'accept', () => window.__analyticsRanAt !== undefined)),
        );
        if (s.embed && SCENARIOS.has('embed'))
          results[s.id].embed.push(
            await attempt(s.id, () =>
              returningVisit(browser, at(s.page), at(s.embed), tool, 'reject', tool.placeholder ? () => window.__bench.placeholderAt !== null : null),
            ),
          );
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

  const med = (list, key) => median(list.map((r) => (typeof key === 'function' ? key(r) : r[key])));
  const noWidgetFcp = med(results.none.first, 'fcp');
  const rows = [];
  const row = (label, fn) => rows.push([label, ...SETUPS.map((s) => fn(results[s.id], s))]);
  const section = (label) => rows.push([`**${label}**`, ...SETUPS.map(() => '')]);
  section('First visit');
  row('banner visible ÷ the no-widget page\'s FCP', (r) => ratio(med(r.first, 'bannerAt') / noWidgetFcp));
  row('widget\'s script start → banner visible, ms', (r) => ms(med(r.first, (x) => x.bannerAt - x.scriptStart)));
  row('page FCP ÷ no-widget FCP', (r) => ratio(med(r.first, 'fcp') / noWidgetFcp));
  row('longest task, ms (0: none ≥ 50 ms)', (r) => ms(med(r.first, 'longest')));
  row('widget JS+CSS with the banner shown, brotli kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.brotli)));
  row('banner visible, ms after navigation', (r) => ms(med(r.first, 'bannerAt')));
  row('page FCP, ms after navigation', (r) => ms(med(r.first, 'fcp')));
  row('widget\'s script start, ms after navigation', (r) => ms(med(r.first, 'scriptStart')));
  row('widget JS+CSS with the banner shown, gzip kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.gzip)));
  row('widget JS+CSS with the banner shown, raw kB', (r) => kB(med(r.first, (x) => x.bytesBeforeClick.widget.raw)));
  row('incl. the *Reject all* click: JS+CSS, brotli kB', (r) => kB(med(r.first, (x) => x.bytes.widget.brotli)));
  row('files fetched (incl. the click)', (r) => String(med(r.first, (x) => x.bytes.files.length)));
  row('config file, brotli kB', (r) => kB(med(r.first, (x) => x.bytes.config.brotli)));
  row('main-thread script time, ms (to banner + 0.7 s)', (r) => ms(med(r.first, 'script')));
  row('long tasks, total ms', (r) => ms(med(r.first, 'longtaskMs')));
  row('CLS', (r) => med(r.first, 'cls').toFixed(3));
  row('*Reject all* click, Event Timing ms', (r) => {
    const value = med(r.first, 'rejectEvent');
    return value === 0 ? '< 16' : ms(value);
  });
  row('*Reject all* click, handler processing ms', (r) => med(r.first, 'rejectProcessing').toFixed(1));
  section('Returning visitor (accepted all before)');
  row('widget JS+CSS, brotli kB', (r) => kB(med(r.returning, (x) => x.bytes.widget.brotli)));
  row('consented analytics runs, ms after navigation', (r) => ms(med(r.returning, 'analyticsAt')));
  row('main-thread script time, ms', (r) => ms(med(r.returning, 'script')));
  section('Returning visitor, page with one gated video embed (rejected all before)');
  row('widget JS+CSS, brotli kB', (r, s) => (s.embed ? kB(med(r.embed, (x) => x.bytes.widget.brotli)) : 'as recommended'));
  row('embed placeholder visible, ms after navigation', (r, s) => (s.embed && TOOLS[s.tool].placeholder ? ms(med(r.embed, 'placeholderAt')) : '—'));
  row('page FCP ÷ no-widget FCP', (r, s) => (s.embed ? ratio(med(r.embed, 'fcp') / noWidgetFcp) : '—'));

  const header = ['', ...SETUPS.map((s) => s.label)];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

  // Where Consentry's first-visit time goes: each file requested → arrived, and its module evaluated (medians).
  const waterfall = SETUPS.filter((s) => s.tool === 'consentry')
    .map((s) => {
      const loads = results[s.id].first;
      const paths = [...new Set(loads.flatMap((l) => l.waterfall.map((w) => w.path)))];
      const lines = paths.map((p) => {
        const of = (key) => median(loads.map((l) => l.waterfall.find((w) => w.path === p)?.[key]));
        const evaluated = median(loads.map((l) => l.modules.find((m) => m.path === p || m.file === p)?.evaluated));
        return { p, from: of('from'), to: of('to'), evaluated };
      });
      lines.sort((a, b) => a.from - b.from);
      return [
        `${s.label} (medians, ms after navigation; page FCP ${ms(med(loads, 'fcp'))}, core starts ${ms(med(loads, 'scriptStart'))}, banner visible ${ms(med(loads, 'bannerAt'))}; no-widget FCP ${ms(noWidgetFcp)}):`,
        ...lines.map((l) => `  ${l.p.padEnd(34)} requested ${ms(l.from).padStart(4)}  arrived ${ms(l.to).padStart(4)}${Number.isFinite(l.evaluated) ? `  evaluated ${ms(l.evaluated).padStart(4)}` : ''}`),
      ].join('\n');
    })
    .join('\n\n');

  const cpus = os.cpus();
  const versions = Object.fromEntries(
    ['vanilla-cookieconsent', 'orejime', 'klaro'].map((name) => [
      name,
      JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version,
    ]),
  );
  const filesOf = (list) => list[0]?.bytes.files.join(', ') || '—';
  const files = SETUPS.map(
    (s) =>
      `- ${s.label}: first visit ${filesOf(results[s.id].first)}; returning ${filesOf(results[s.id].returning)}` +
      (s.embed ? `; returning with the embed ${filesOf(results[s.id].embed)}` : ''),
  ).join('\n');
  const load = (l) => l.map((x) => x.toFixed(1)).join('/');
  const note = `Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ` +
    `Chromium ${results.__chromium} headless (no CPU or network throttling)${TRACE ? ', first visits traced' : ''}; Node ${process.version}; ` +
    `${RUNS} runs per set-up and scenario, set-ups interleaved, medians; ${new Date().toISOString().slice(0, 10)}; ` +
    `load average before ${load(loadavgBefore)}, at the end ${load(os.loadavg())}; ` +
    `no-widget FCP ${ms(noWidgetFcp)} ms; ` +
    `retried loads: ${Object.entries(failures).map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}; ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s.`;
  const md = `# Consent widgets on the same article page

Generated by \`npm run bench\` (bench/peers.mjs). Do not edit by hand.

${table}

${note}

Peers: vanilla-cookieconsent ${versions['vanilla-cookieconsent']} (umd + css), Orejime ${versions.orejime} (standard-en + css), Klaro ${versions.klaro} (klaro.js, CSS included, the documented default).
Set-ups: *minimal snippet* is the README's first snippet as it stands (\`<script src=… data-config=…>\` only; the config has no
\`consentry check --stamp\` stamp, so the validator chunk is fetched); *recommended* adds \`<link rel="preload" as="fetch">\` for the
config and serves it stamped; *inline config* is the README's third snippet (the stamped config in
\`<script type="application/json" id="consentry-config">\`, ~1.2 kB brotli of HTML not counted as widget bytes, then the core
without \`async\`, first in \`<head>\`); *pre-rendered banner* adds to the recommended one \`dist/first-frame.js\` (0.2 kB) first in \`<head>\` and the banner
\`consentry banner\` writes first in \`<body>\` (its markup and stylesheet, ~0.9 kB brotli, travel in the HTML and are not counted as
widget bytes; its "script start" is still the core's, which runs after the banner is on screen).
Each peer is wired the way its documentation says (bench/make-pages.mjs).
How: each load is a fresh browser context on 127.0.0.1; the server sends \`Cache-Control: no-store\`, so "bytes" are what the browser
fetched for the widget on that page view (raw bodies, gzip -9 and brotli q11 computed per file by the script). "Banner visible" is the
first animation frame in which the banner element has a box in the viewport and passes \`checkVisibility\` with opacity and visibility.
(The time is read in that frame's rAF callback, just before its style, layout and paint.) The FCP reference is the same article page without any consent tool (none/article.html), loaded in the same rotation.
"Script start" is the start of the \`EvaluateScript\` trace event of the widget's main script (consentry.js, cookieconsent.umd.js,
orejime-standard-en.js, klaro.js). "Longest task" is the longest \`longtask\` entry (tasks ≥ 50 ms) up to 0.7 s after the banner.
Script time is CDP \`Performance.getMetrics\` ScriptDuration for the page, read 0.7 s after the banner appeared (first visit) or after the
consented analytics ran (returning). The *Reject all* duration is the longest Event Timing entry (pointer/mouse/click) of that
interaction (it includes the wait for the next frame and is rounded to 8 ms; "< 16" means below the 16 ms reporting threshold), and
"handler processing" adds up processingEnd − processingStart of the pointer/mouse/click entries of that interaction.
The embed page is the article with the demo's video iframe gated each tool's way (Consentry \`data-consent="marketing:video"\`,
Orejime \`<template data-purpose>\`, Klaro \`data-name\`; vanilla-cookieconsent's core gates scripts only, so its iframe stays inert);
the visitor rejected all on a previous page view, so the embed stays blocked. Only Consentry's placeholder is timed.
Config files (Consentry's JSON, the peers' config.js) are not counted as widget bytes.

Where Consentry's first visit spends its time (Resource Timing; "evaluated" from the trace's module evaluations):

\`\`\`
${waterfall}
\`\`\`

Files counted:
${files}
`;
  writeFileSync(path.join(here, 'results.md'), md);
  console.log(`\n${table}\n\n${note}\n\n${waterfall}\n\nWritten to bench/results.md`);
}

await main();
