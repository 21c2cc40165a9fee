#!/usr/bin/env node
// Where a first visit's time goes, from a trace rather than guesses: loads one
// bench page (default the README's minimal snippet) once per run in headless
// Chromium, traced, and prints the main thread's tasks from navigation to the
// banner's first visible frame (≥ 2 ms each, with what ran in them), the
// network requests, and FCP. Writes the last trace to $TMPDIR/consentry-trace.json
// (open it in chrome://tracing or the DevTools performance panel).
//
//   node bench/trace.mjs [page] [runs]    # e.g. node bench/trace.mjs consentry/article.html 3
//   TRACE_RETURNING=1 node bench/trace.mjs consentry/article.html   # accept all on a first view, trace the next
//   node bench/trace.mjs none/article.html                          # the no-widget page, up to its FCP
// A returning load is traced until the stand-in analytics ran (window.__analyticsRanAt).
// Build first (`npm run build`), run under /work/notes/s3/quiet on a shared machine.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { makePages } from './make-pages.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const pageName = process.argv[2] ?? 'consentry/minimal.html';
const runs = Number(process.argv[3] ?? 3);
const returning = process.env.TRACE_RETURNING === '1';
const widget = !pageName.startsWith('none/');

makePages();
const dist = mkdtempSync(path.join(os.tmpdir(), 'consentry-trace-dist-'));
cpSync(path.join(repo, 'dist'), dist, { recursive: true });
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
const site = await startDemoServer({
  root: path.join(here, 'pages'),
  port: Number(process.env.PORT ?? 0),
  mounts: [
    ['/dist/', dist],
    ['/css/', path.join(repo, 'demo/css')],
  ],
  noStore: true,
  quiet: true,
  handlers: { '/receipts': (req, res) => req.resume().on('end', () => res.writeHead(204).end()) },
});
site.setReceiptsUrl(`${site.origin}/receipts`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });

/** The banner's first visible frame, as in peers.mjs. */
function probe() {
  const b = (window.__bench = { bannerAt: null, fcp: null });
  const frame = () => {
    const el = document.querySelector('consentry-banner')?.shadowRoot?.querySelector('[part~="banner"]');
    if (el && b.bannerAt === null && el.getBoundingClientRect().height > 0 && el.checkVisibility({ opacityProperty: true })) b.bannerAt = performance.now();
    if (performance.now() < 8000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === 'first-contentful-paint' && (b.fcp = e.startTime))).observe({ type: 'paint', buffered: true });
}

const url = `${site.origin}/${pageName}`;
const LABELS = ['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Commit', 'FireAnimationFrame', 'TimerFire', 'ResourceReceiveResponse', 'ResourceFinish', 'v8.compile', 'HTMLDocumentParser::MaybeFetchQueuedPreloads'];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(probe);
    if (returning) {
      const first = await context.newPage();
      await first.goto(url, { waitUntil: 'load' });
      await first.locator('consentry-banner [part~="accept-all"]').click();
      await first.waitForFunction(() => window.__analyticsRanAt !== undefined, null, { timeout: 5000 });
      await first.waitForTimeout(300);
      await first.close();
    }
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
    await page.goto(url, { waitUntil: 'load' });
    const done = returning ? '__analyticsRanAt' : widget ? '__bench.bannerAt' : '__bench.fcp';
    await page.waitForFunction((key) => key.split('.').reduce((o, k) => o?.[k], window) != null, done, { timeout: 10000 });
    await page.waitForTimeout(300);
    const buffer = await browser.stopTracing();
    const { bannerAt, fcp, analyticsAt } = await page.evaluate(() => ({ ...window.__bench, analyticsAt: window.__analyticsRanAt }));
    const until = returning ? analyticsAt : widget ? bannerAt : fcp;
    await context.close();
    const events = JSON.parse(buffer).traceEvents;
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
    const at = (ts) => (ts - nav.ts) / 1000;
    const main = nav.tid;
    const mine = events.filter((e) => e.pid === nav.pid && e.tid === main && e.ph === 'X' && at(e.ts) >= 0 && at(e.ts) <= until + 5);
    const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur >= 2000);
    console.log(
      `\n# run ${run + 1}: ${pageName}${returning ? ' (returning)' : ''}: FCP ${fcp.toFixed(0)} ms` +
        (returning ? `, analytics ran ${analyticsAt.toFixed(0)} ms` : widget ? `, banner visible ${bannerAt.toFixed(0)} ms` : ''),
    );
    const sends = events.filter((e) => e.name === "ResourceSendRequest" && e.args?.data?.url?.startsWith(site.origin));
    for (const s of sends) {
      const id = s.args.data.requestId;
      const fin = events.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === id);
      console.log(`  net ${new URL(s.args.data.url).pathname.padEnd(36)} sent ${at(s.ts).toFixed(0).padStart(4)}  finished ${fin ? at(fin.ts).toFixed(0).padStart(4) : '   ?'}  ${s.args.data.priority ?? ''}`);
    }
    for (const t of tasks) {
      const inside = mine
        .filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && LABELS.includes(e.name) && e.dur >= 500)
        .map((e) => `${e.name}${e.args?.data?.url ? ' ' + new URL(e.args.data.url).pathname : ''} ${(e.dur / 1000).toFixed(1)}`);
      console.log(`  task ${at(t.ts).toFixed(0).padStart(4)} +${(t.dur / 1000).toFixed(1).padStart(5)} ms: ${[...new Set(inside)].slice(0, 8).join('; ')}`);
    }
    if (run === runs - 1) {
      writeFileSync(path.join(os.tmpdir(), 'consentry-trace.json'), buffer);
    }
  }
} finally {
  await browser.close();
  await site.close();
}
