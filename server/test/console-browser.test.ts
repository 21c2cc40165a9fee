/// <reference lib="dom" />
// page.evaluate() callbacks below run in the browser, hence the DOM types.
// The console in the project's Chromium (playwright-core, scripts/chromium.mjs),
// served by the real receipts server on 127.0.0.1 over a SQLite file seeded
// with the demo history. Driven by the keyboard only: sign in, pick a range,
// read the figures and check them against the seeded receipts (exact
// numbers), look up a consent id, verify the chain, download the CSV; axe-core
// finds no WCAG 2.2 AA violation in light or dark; without a session nothing
// answers; no address or user agent shows anywhere.
//
// CONSOLE_SCREENSHOTS=1 also writes docs/screenshots/console-{light,dark}.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Receipt } from '../src/schemas/receipt.js';
import { ADMIN_TOKEN, UA_PROBE, makeApp } from './helpers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

// @ts-expect-error plain .mjs modules without type declarations
import { launchChromium as untypedLaunchChromium } from '../../scripts/chromium.mjs';
// @ts-expect-error plain .mjs modules without type declarations
import { demoHistory as untypedDemoHistory, storeHistory as untypedStoreHistory } from '../scripts/seed-demo.mjs';

// The shapes of the untyped .mjs helpers, as this spec uses them.
const launchChromium = untypedLaunchChromium as (extra?: string[]) => Promise<Browser>;
const demoHistory = untypedDemoHistory as (options: {
  days: number;
  perDay: number;
  end: number;
  seed: number;
  batchMinutes: number;
}) => { items: Seeded[]; redesignAt: string };
const storeHistory = untypedStoreHistory as (
  open: (now: () => Date) => ReturnType<typeof openSqliteStore>,
  items: Seeded[],
) => Promise<void>;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const TZ = 'Europe/London';
const FROM = '2026-11-16';
const TO = '2026-11-29';

interface Seeded {
  receivedAt: string;
  receipt: Receipt;
}

const londonDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: TZ });
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`);

describe('console in Chromium', () => {
  let dir: string;
  let app: Awaited<ReturnType<typeof makeApp>>;
  let base: string;
  let browser: Browser;
  let history: { items: Seeded[]; redesignAt: string };
  let inRange: Seeded[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consentry-console-'));
    const file = join(dir, 'receipts.db');
    // Three weeks around the redesign, ending 1 Dec 2026, in 12-hour commits
    // (few fsyncs, so the set-up stays quick on a busy machine).
    history = demoHistory({ days: 21, perDay: 40, end: Date.parse('2026-12-01T00:00:00Z'), seed: 7, batchMinutes: 720 });
    await storeHistory((now: () => Date) => openSqliteStore(file, { now }), history.items);
    inRange = history.items.filter((item) => londonDay(item.receivedAt) >= FROM && londonDay(item.receivedAt) <= TO);
    app = await makeApp(openSqliteStore(file));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page; seen: string[] }> {
    // bypassCSP only so axe-core can be injected; the page's own code runs under the CSP.
    const context = await browser.newContext({
      colorScheme,
      userAgent: `Mozilla/5.0 ${UA_PROBE}`,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      bypassCSP: true,
    });
    const page = await context.newPage();
    const seen: string[] = [];
    page.on('response', async (response) => {
      if (response.url().includes('/console/api/')) seen.push(await response.text().catch(() => ''));
    });
    await page.goto(`${base}/console`);
    return { context, page, seen };
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** Tabs until `selector` has focus (keyboard only), failing after `limit` presses. */
  async function tabTo(page: Page, selector: string, limit = 40) {
    for (let i = 0; i < limit; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${selector}`);
  }

  const cellTexts = (page: Page, table: string) =>
    page.$$eval(`#${table} tbody tr`, (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));

  it('shows nothing without the right token, and the API answers 401 with no figures', async () => {
    const { context, page } = await open();
    assert.equal(await page.isVisible('#console'), false);
    await tabTo(page, '#token');
    await page.keyboard.type('not-the-admin-token-at-all');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('sign-in-error')?.textContent !== '');
    assert.equal(await page.textContent('#sign-in-error'), 'That is not the admin token.');
    assert.equal(await page.isVisible('#console'), false);
    assert.equal(await page.locator('#figures table').count(), 0);
    const api = await page.request.get(`${base}/console/api/figures?from=${FROM}&to=${TO}`);
    assert.equal(api.status(), 401);
    assert.deepEqual(Object.keys(await api.json()), ['error']);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  it('signs in, reads exact figures for a London range by revision, looks up a consent id, verifies the chain and downloads the CSV', async () => {
    const { context, page, seen } = await open();
    await tabTo(page, '#token');
    await page.keyboard.type(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#actions-table');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'figures-title', 'focus moves to the figures');

    // Pick the range with the keyboard: type into each field, choose with arrow keys.
    for (const [id, value] of [['#from', FROM], ['#to', TO]] as const) {
      await tabTo(page, id);
      await page.locator(id).fill(value); // a date field takes typed digits in the browser's locale; fill types the ISO value
    }
    await tabTo(page, '#tz');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TZ);
    await tabTo(page, '#by');
    await page.locator('#by').selectOption('revision');
    await tabTo(page, '#figures-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction((from) => document.getElementById('figures-status')?.textContent?.includes(from), FROM);

    // Every number below is counted here from the receipts the seed stored.
    const summary = await page.textContent('#figures .summary');
    const gpc = inRange.filter((i) => i.receipt.signals.gpc).length;
    assert.ok(summary?.startsWith(`${inRange.length} decisions; a GPC signal came with ${gpc} of them (${percent(gpc, inRange.length)}).`), summary ?? '');

    const actionRows = await cellTexts(page, 'actions-table');
    assert.equal(actionRows.length, 2, 'one row per revision');
    for (const row of actionRows) {
      const revision = Number(row[0]);
      const mine = inRange.filter((i) => i.receipt.revision === revision);
      const actions = ['accept-all', 'reject-all', 'custom', 'withdraw', 'object', 'gpc'].map((action) => {
        const n = mine.filter((i) => i.receipt.action === action).length;
        return `${n} (${percent(n, mine.length)})`;
      });
      const withGpc = mine.filter((i) => i.receipt.signals.gpc).length;
      assert.deepEqual(row, [String(revision), String(mine.length), ...actions, `${withGpc} (${percent(withGpc, mine.length)})`]);
    }

    const categoryRows = await cellTexts(page, 'categories-table');
    for (const row of categoryRows) {
      const category = row[0] ?? '';
      const cells = [1, 2].map((revision) => {
        const mine = inRange.filter((i) => i.receipt.revision === revision);
        const offered = mine.filter((i) => i.receipt.granted.includes(category) || i.receipt.denied.includes(category)).length;
        const granted = mine.filter((i) => i.receipt.granted.includes(category)).length;
        return `${percent(granted, offered)} (${granted} of ${offered})`;
      });
      assert.deepEqual(row, [category, ...cells]);
    }
    assert.deepEqual(categoryRows.map((r) => r[0]), ['analytics', 'functional', 'marketing', 'necessary', 'video']);

    const analyticsDays = await cellTexts(page, 'category-analytics-table');
    assert.equal(analyticsDays.length, 14);
    for (const [day, ...cells] of analyticsDays) {
      const expected = [1, 2].map((revision) => {
        const mine = inRange.filter((i) => i.receipt.revision === revision && londonDay(i.receivedAt) === day);
        const offered = mine.filter((i) => i.receipt.granted.includes('analytics') || i.receipt.denied.includes('analytics')).length;
        const granted = mine.filter((i) => i.receipt.granted.includes('analytics')).length;
        return `${percent(granted, offered)} (${granted} of ${offered})`;
      });
      assert.deepEqual(cells, expected, day);
    }

    // The CSV of what is shown.
    await tabTo(page, '#figures-csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const rev2 = inRange.filter((i) => i.receipt.revision === 2);
    const rev2Accept = rev2.filter((i) => i.receipt.action === 'accept-all').length;
    assert.ok(csv.includes(`\r\naction,whole range,2,accept-all,${rev2Accept},${rev2.length},${percent(rev2Accept, rev2.length)}\r\n`), csv.slice(0, 400));
    assert.equal(download.suggestedFilename(), `consent-figures-${FROM}-to-${TO}-by-revision.csv`);

    // One visitor's record: someone who came back and changed their mind.
    const counts = new Map<string, number>();
    for (const item of history.items) counts.set(item.receipt.subject, (counts.get(item.receipt.subject) ?? 0) + 1);
    const [subject] = [...counts].find(([, n]) => n >= 2) ?? [''];
    const theirs = history.items.filter((i) => i.receipt.subject === subject);
    await tabTo(page, '#consent-id');
    await page.keyboard.type(subject);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#record-table');
    const record = await cellTexts(page, 'record-table');
    const labels: Record<string, string> = { 'accept-all': 'Accept all', 'reject-all': 'Reject all', custom: 'Custom', withdraw: 'Withdraw', object: 'Object', gpc: 'GPC' };
    assert.deepEqual(record.map((r) => r[1]), theirs.map((i) => labels[i.receipt.action]));
    assert.deepEqual(record.map((r) => r[3]), theirs.map((i) => i.receipt.granted.join(', ') || '–'));

    // The chain: verify now, then the head and the time of the check show.
    await tabTo(page, '#verify');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('verify-status')?.textContent?.startsWith('The chain is intact'));
    assert.equal(await page.textContent('#verify-status'), `The chain is intact: ${history.items.length} receipts checked.`);
    assert.match((await page.textContent('#last-verified')) ?? '', new RegExp(`intact, ${history.items.length} receipts checked$`));
    assert.match((await page.textContent('#head-hash')) ?? '', /^[0-9a-f]{64}$/);
    assert.equal(await page.textContent('#head-seq'), String(history.items.length));

    assert.deepEqual(await axeViolations(page), []);

    // Nothing anywhere carries the visitor's address or user agent.
    const everything = [await page.content(), csv, ...seen].join('\n');
    for (const probe of [UA_PROBE, '127.0.0.1', 'Mozilla/5.0']) assert.ok(!everything.includes(probe), `found ${probe}`);

    // Sign out (CSRF-protected); the same browser then gets nothing.
    await tabTo(page, '#sign-out-form button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sign-in', { state: 'visible' });
    assert.equal((await page.request.get(`${base}/console/api/chain`)).status(), 401);
    await context.close();
  });

  it('passes axe-core in dark mode too', async () => {
    const { context, page } = await open('dark');
    await page.fill('#token', ADMIN_TOKEN);
    await page.press('#token', 'Enter');
    await page.waitForSelector('#actions-table');
    await page.fill('#from', FROM);
    await page.fill('#to', TO);
    await page.fill('#tz', TZ);
    await page.selectOption('#by', 'configHash');
    await page.press('#tz', 'Enter');
    await page.waitForFunction((from) => document.getElementById('figures-status')?.textContent?.includes(from), FROM);
    assert.equal((await cellTexts(page, 'actions-table')).length, 2, 'two banner versions side by side');
    assert.deepEqual(await axeViolations(page), []);
    if (process.env['CONSOLE_SCREENSHOTS']) {
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.selectOption('#by', 'revision');
        await page.press('#tz', 'Enter');
        await page.waitForFunction(() => document.querySelector('#actions-table tbody th')?.textContent === '1');
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.screenshot({ path: `${SCREENSHOTS}console-${scheme}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1400 } });
      }
    }
    await context.close();
  });
});
