#!/usr/bin/env node
// Lighthouse (pinned 12.8.2: the last line that runs on Node 20) on the demo,
// first visit, in Debian's Chromium with the repo's flags. Not a test: it
// prints the median of each metric over N runs per page and writes
// bench/results/lighthouse.json. The suite's assertions are in
// test/lighthouse/demo.test.mjs and reuse runLighthouse() below.
//
//   node scripts/lighthouse.mjs                      # 5 runs, mobile, the pages below
//   LH_RUNS=7 LH_FORM=desktop node scripts/lighthouse.mjs
//   LH_DIST=/tmp/old-dist node scripts/lighthouse.mjs # measure another build of dist/
//   LH_PORT=9240 …                                   # demo port (Chromium's debugging port is LH_PORT+1)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The demo home page with the core's script tag removed: the page as it is without the widget. */
export const withoutWidget = (html) => html.replace(/<script src="\/dist\/consentry\.js"[^>]*><\/script>\s*/, '');

/** Starts the demo (optionally on another dist/) with `/index-without-widget.html` and `/privacy-without-widget.html` added. */
export const startDemo = async ({ port = 0, dist } = {}) => {
  const { startDemoServer } = await import(pathToFileURL(path.join(repo, 'demo/server.mjs')).href);
  const page = (name) => (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(withoutWidget(readFileSync(path.join(repo, 'demo', name), 'utf8')));
  };
  return startDemoServer({
    port,
    quiet: true,
    noStore: true,
    mounts: dist ? [['/dist/', path.resolve(dist)]] : [],
    handlers: { '/index-without-widget.html': page('index.html'), '/privacy-without-widget.html': page('privacy.html') },
  });
};

/**
 * One Lighthouse run in a fresh headless Chromium (a first visit: new profile,
 * no cookies). Returns the scores (0–100), the metrics and the console errors.
 */
export const runLighthouse = async (url, { form = 'mobile', debuggingPort, categories = ['performance', 'accessibility', 'best-practices', 'seo'] } = {}) => {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-address=127.0.0.1'],
    ...(debuggingPort ? { port: debuggingPort } : {}),
    logLevel: 'silent',
  });
  try {
    const desktop = form === 'desktop';
    const { lhr } = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
      {
        extends: 'lighthouse:default',
        settings: desktop
          ? {
              formFactor: 'desktop',
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttling: { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
            }
          : {},
      },
    );
    const audit = (id) => lhr.audits[id];
    const score = (id) => (lhr.categories[id] ? Math.round(lhr.categories[id].score * 100) : undefined);
    return {
      url,
      form,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcp: audit('first-contentful-paint')?.numericValue,
      lcp: audit('largest-contentful-paint')?.numericValue,
      cls: audit('cumulative-layout-shift')?.numericValue,
      tbt: audit('total-blocking-time')?.numericValue,
      si: audit('speed-index')?.numericValue,
      consoleErrors: (audit('errors-in-console')?.details?.items ?? []).map((i) => `${i.source}: ${i.description}`),
      failedAudits: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => a.id),
      longTasks: (audit('long-tasks')?.details?.items ?? []).map((t) => Math.round(t.duration)),
      chain: audit('critical-request-chains')?.details?.longestChain,
    };
  } finally {
    await chrome.kill();
  }
};

export const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Math.max(1, Number(process.env.LH_RUNS ?? 5));
  const form = process.env.LH_FORM ?? 'mobile';
  const port = Number(process.env.LH_PORT ?? 9240);
  const pages = (process.env.LH_PAGES ?? '/privacy.html,/privacy-without-widget.html,/index.html,/index-without-widget.html').split(',');
  const demo = await startDemo({ port, dist: process.env.LH_DIST });
  const results = {};
  try {
    for (const page of pages) {
      const all = [];
      // A fresh debugging port per run: a killed Chromium may hold the last one a moment longer.
      for (let i = 0; i < runs; i++) all.push(await runLighthouse(demo.url + page.replace(/^\//, ''), { form, debuggingPort: port + 1 + (i % 9) }));
      const pick = (key) => median(all.map((r) => r[key]));
      results[page] = {
        runs,
        form,
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        bestPractices: pick('bestPractices'),
        fcpMs: Math.round(pick('fcp')),
        lcpMs: Math.round(pick('lcp')),
        cls: Math.round(pick('cls') * 1000) / 1000,
        tbtMs: Math.round(pick('tbt')),
        each: all.map((r) => ({ performance: r.performance, cls: Math.round(r.cls * 1000) / 1000, tbt: Math.round(r.tbt), lcp: Math.round(r.lcp), longTasks: r.longTasks })),
        consoleErrors: [...new Set(all.flatMap((r) => r.consoleErrors))],
        chainDepth: all[0].chain?.length,
      };
      const r = results[page];
      console.log(
        `${page} (${form}, median of ${runs}): performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}, ` +
          `FCP ${r.fcpMs} ms, LCP ${r.lcpMs} ms, CLS ${r.cls}, TBT ${r.tbtMs} ms, longest chain ${r.chainDepth}` +
          (r.consoleErrors.length ? `, console errors: ${r.consoleErrors.join(' | ')}` : ''),
      );
      console.log(`  runs: ${r.each.map((e) => `${e.performance}/${e.cls}/${e.tbt}ms`).join('  ')}`);
    }
  } finally {
    await demo.close();
  }
  const out = path.join(repo, 'bench/results', process.env.LH_OUT ?? `lighthouse-${form}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
}
