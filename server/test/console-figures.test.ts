// The console's figures, on a real SQLite file and a real PostgreSQL
// database: what GET /console/api/figures answers for receipts stored at
// known instants, per day and week, in several time zones, broken down by
// each receipt field, after a purge, and for receipts stored before the
// figures existed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadMigrations } from '../src/store/migrations.js';
import { toRow, rowValues, RECEIPT_COLUMNS } from '../src/store/rows.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { Receipt } from '../src/schemas/receipt.js';
import type { ReceiptStore } from '../src/store/store.js';
import type { FiguresReport } from '../src/console/figures.js';
import { ADMIN_TOKEN, adapters, freshPostgresUrl, makeApp, makeReceipt, openStoreAt, tempDir } from './helpers.js';

type App = Awaited<ReturnType<typeof makeApp>>;

/** Signs in like the console's page does and returns the session cookie. */
async function signIn(app: App): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/console/api/session', payload: { token: ADMIN_TOKEN } });
  assert.equal(response.statusCode, 200, response.body);
  return String(response.headers['set-cookie']).split(';')[0] ?? '';
}

/** Stores each receipt with the server clock at its own instant. */
async function storeAt(location: Record<string, string>, items: [string, Receipt][]): Promise<void> {
  let clock = new Date(0);
  const store = await openStoreAt(location, () => clock);
  try {
    for (const [at, receipt] of items) {
      clock = new Date(at);
      await store.append([receipt]);
    }
  } finally {
    await store.close();
  }
}

async function figures(app: App, cookie: string, query: string): Promise<FiguresReport> {
  const response = await app.inject({ url: `/console/api/figures?${query}`, headers: { cookie } });
  assert.equal(response.statusCode, 200, response.body);
  return response.json<FiguresReport>();
}

const decisionsPerPeriod = (report: { groups: { periods: { decisions: number }[] }[] }) =>
  report.groups[0]?.periods.map((p) => p.decisions) ?? [];

const ACCEPT: Partial<Receipt> = {
  action: 'accept-all',
  method: 'banner',
  granted: ['necessary', 'functional', 'analytics', 'marketing'],
  denied: [],
};
const REJECT: Partial<Receipt> = {
  action: 'reject-all',
  method: 'banner',
  granted: ['necessary'],
  denied: ['functional', 'analytics', 'marketing'],
};
const HASH_B = 'sha256-Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb=';

for (const adapter of adapters) {
  describe(`console figures: ${adapter.name}`, () => {
    async function setUp(t: TestContext) {
      const { store, location } = await adapter.open(t);
      const app = await makeApp(store);
      t.after(() => app.close());
      return { app, location, cookie: await signIn(app) };
    }

    it('an empty range answers zeros for every period, not an error', async (t) => {
      const { app, cookie } = await setUp(t);
      const report = await figures(app, cookie, 'from=2026-03-01&to=2026-03-03&tz=UTC');
      assert.deepEqual(report.periods.map((p: { start: string }) => p.start), ['2026-03-01', '2026-03-02', '2026-03-03']);
      assert.equal(report.total.decisions, 0);
      assert.equal(report.total.gpc, 0);
      assert.deepEqual(report.groups, []);
      assert.deepEqual(report.categories, []);
    });

    it('counts a receipt on the local day of the chosen time zone, at both sides of midnight', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-06-30T18:29:59.999Z', makeReceipt()], // 23:59:59 in Kolkata (+05:30), 19:29 in London
        ['2026-06-30T18:30:00.000Z', makeReceipt()], // 00:00 on 1 July in Kolkata
        ['2026-06-30T22:59:59.999Z', makeReceipt()], // 23:59:59 on 30 June in London (BST)
        ['2026-06-30T23:00:00.000Z', makeReceipt()], // 00:00 on 1 July in London, still 30 June in UTC
        ['2026-07-01T23:59:59.999Z', makeReceipt()], // last instant of 1 July in UTC; 2 July in London
      ]);
      const range = 'from=2026-06-30&to=2026-07-01';
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, `${range}&tz=UTC`)), [4, 1]);
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, `${range}&tz=Europe/London`)), [3, 1]);
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, `${range}&tz=Asia/Kolkata`)), [1, 3]);
      const london = await figures(app, cookie, `${range}&tz=Europe/London`);
      assert.equal(london.periods[1]?.startsAt, '2026-06-30T23:00:00.000Z');
      assert.equal(london.periods[1]?.endsAt, '2026-07-01T23:00:00.000Z');
    });

    it('a day on which the clocks change is 23 or 25 hours long, and weeks start on Monday', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-03-28T23:30:00.000Z', makeReceipt()], // Sat 28 Mar 23:30 GMT
        ['2026-03-29T22:30:00.000Z', makeReceipt()], // Sun 29 Mar 23:30 BST (the 23-hour day)
        ['2026-03-29T23:00:00.000Z', makeReceipt()], // Mon 30 Mar 00:00 BST: a new day and a new week
        ['2026-10-25T23:30:00.000Z', makeReceipt()], // Sun 25 Oct 23:30 GMT (the 25-hour day)
      ]);
      const days = await figures(app, cookie, 'from=2026-03-28&to=2026-03-30&tz=Europe/London');
      assert.deepEqual(decisionsPerPeriod(days), [1, 1, 1]);
      assert.equal(days.periods[1]?.startsAt, '2026-03-29T00:00:00.000Z');
      assert.equal(days.periods[1]?.endsAt, '2026-03-29T23:00:00.000Z');
      const weeks = await figures(app, cookie, 'from=2026-03-25&to=2026-04-05&tz=Europe/London&interval=week');
      assert.deepEqual(weeks.periods.map((p: { start: string }) => p.start), ['2026-03-25', '2026-03-30']);
      assert.deepEqual(decisionsPerPeriod(weeks), [2, 1]);
      const autumn = await figures(app, cookie, 'from=2026-10-25&to=2026-10-26&tz=Europe/London');
      assert.equal(autumn.periods[0]?.endsAt, '2026-10-26T00:00:00.000Z');
      assert.deepEqual(decisionsPerPeriod(autumn), [1, 0]);
    });

    it('splits actions, the GPC share and per category the share granted, by each receipt field', async (t) => {
      const { app, location, cookie } = await setUp(t);
      const day = '2026-05-04T10:00:00.000Z';
      await storeAt(location, [
        [day, makeReceipt({ ...ACCEPT, revision: 1 })],
        [day, makeReceipt({ ...ACCEPT, revision: 1, signals: { gpc: true } })],
        [day, makeReceipt({ ...REJECT, revision: 1 })],
        [day, makeReceipt({ revision: 1 })], // custom: necessary + functional
        [day, makeReceipt({ ...REJECT, revision: 2, configHash: HASH_B, policyVersion: '2026-05-03', jurisdiction: 'IE', language: 'ga-IE' })],
        [day, makeReceipt({ ...REJECT, action: 'gpc', method: 'signal', signals: { gpc: true }, revision: 2, configHash: HASH_B, policyVersion: '2026-05-03', jurisdiction: 'IE', language: 'ga-IE' })],
        [day, makeReceipt({ ...REJECT, action: 'withdraw', method: 'preferences', revision: 2, configHash: HASH_B, policyVersion: '2026-05-03', jurisdiction: 'IE', language: 'ga-IE' })],
      ]);
      const range = 'from=2026-05-04&to=2026-05-04&tz=UTC';
      const all = await figures(app, cookie, range);
      assert.equal(all.total.decisions, 7);
      assert.equal(all.total.gpc, 2);
      assert.deepEqual(all.total.actions, { 'accept-all': 2, 'reject-all': 2, custom: 1, withdraw: 1, object: 0, gpc: 1 });
      assert.deepEqual(all.total.categories, {
        necessary: { offered: 7, granted: 7 },
        functional: { offered: 7, granted: 3 },
        analytics: { offered: 7, granted: 2 },
        marketing: { offered: 7, granted: 2 },
      });
      assert.deepEqual(all.groups.map((g: { value: string }) => g.value), ['all']);

      const byField: [string, string[]][] = [
        ['revision', ['1', '2']],
        ['configHash', [HASH_B, 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))],
        ['policyVersion', ['2026-05-01', '2026-05-03']],
        ['jurisdiction', ['GB', 'IE']],
        ['language', ['en-GB', 'ga-IE']],
      ];
      for (const [by, values] of byField) {
        const report = await figures(app, cookie, `${range}&by=${by}`);
        assert.deepEqual(report.groups.map((g: { value: string }) => g.value), values, by);
        const [first, second] = values;
        const oldBanner = report.groups.find((g: { value: string }) => g.value === (by === 'configHash' ? 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' : first));
        const newBanner = report.groups.find((g: { value: string }) => g.value === (by === 'configHash' ? HASH_B : second));
        assert.ok(oldBanner && newBanner, by);
        assert.equal(oldBanner.total.decisions, 4, by);
        assert.equal(oldBanner.total.gpc, 1, by);
        assert.deepEqual(oldBanner.total.categories.analytics, { offered: 4, granted: 2 }, by);
        assert.deepEqual(newBanner.total.actions, { 'accept-all': 0, 'reject-all': 1, custom: 0, withdraw: 1, object: 0, gpc: 1 }, by);
        assert.deepEqual(newBanner.total.categories.analytics, { offered: 3, granted: 0 }, by);
      }
    });

    it('a category only counts the decisions whose banner offered it', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-05-04T10:00:00.000Z', makeReceipt({ ...ACCEPT, revision: 1, granted: ['necessary', 'analytics'] })],
        ['2026-05-04T11:00:00.000Z', makeReceipt({ ...ACCEPT, revision: 2, granted: ['necessary', 'analytics', 'video'] })],
        ['2026-05-04T12:00:00.000Z', makeReceipt({ ...REJECT, revision: 2, granted: ['necessary'], denied: ['analytics', 'video'] })],
      ]);
      const report = await figures(app, cookie, 'from=2026-05-04&to=2026-05-04&tz=UTC');
      assert.deepEqual(report.total.categories.video, { offered: 2, granted: 1 });
      assert.deepEqual(report.total.categories.analytics, { offered: 3, granted: 2 });
    });

    it('after a purge the figures leave out the purged receipts, also inside the slot the purge cut through', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-04-01T10:00:00.000Z', makeReceipt({ ...ACCEPT })],
        ['2026-04-01T10:05:00.000Z', makeReceipt({ ...REJECT })], // same 15-minute slot as the one above
        ['2026-04-01T10:20:00.000Z', makeReceipt({ ...REJECT })],
        ['2026-04-03T09:00:00.000Z', makeReceipt({ ...ACCEPT })],
      ]);
      const range = 'from=2026-04-01&to=2026-04-03&tz=UTC';
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, range)), [3, 0, 1]);

      const purger = await openStoreAt(location);
      const purged = await purger.purge(new Date('2026-04-01T10:03:00.000Z'));
      await purger.close();
      assert.equal(purged.deleted, 1);
      const after = await figures(app, cookie, range);
      assert.deepEqual(decisionsPerPeriod(after), [2, 0, 1]);
      assert.deepEqual(after.total.actions, { 'accept-all': 1, 'reject-all': 2, custom: 0, withdraw: 0, object: 0, gpc: 0 });
      assert.deepEqual(after.total.categories.analytics, { offered: 3, granted: 1 });

      const everything = await openStoreAt(location);
      await everything.purge(new Date('2026-05-01T00:00:00.000Z'));
      await everything.close();
      const empty = await figures(app, cookie, range);
      assert.equal(empty.total.decisions, 0);
    });

    it('keeps the figures of a day that is over, so a later read does not sum its slots again; a purge forgets them', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-04-01T10:00:00.000Z', makeReceipt({ ...ACCEPT })],
        ['2026-04-02T10:00:00.000Z', makeReceipt({ ...REJECT })],
      ]);
      const range = 'from=2026-04-01&to=2026-04-02&tz=Europe/London';
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, range)), [1, 1]);
      // A receipt no live server could store (its clock says 1 April, long
      // over) shows that 1 April is now read from what was kept.
      await storeAt(location, [['2026-04-01T11:00:00.000Z', makeReceipt({ ...ACCEPT })]]);
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, range)), [1, 1]);
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, `${range}&interval=week`)), [2], 'a week read the same days');
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, range.replace('Europe/London', 'UTC'))), [2, 1], 'another zone has its own days');

      const purger = await openStoreAt(location);
      await purger.purge(new Date('2026-04-01T10:30:00.000Z'));
      await purger.close();
      assert.deepEqual(decisionsPerPeriod(await figures(app, cookie, range)), [1, 1], 'counted again from what the purge left');
    });

    it('answers bad ranges with a 400 that names the field', async (t) => {
      const { app, cookie } = await setUp(t);
      const cases: [string, string][] = [
        ['from=2026-02-30&to=2026-03-01', 'from'],
        ['from=2026-03-01&to=2026-02-01', 'to'],
        ['from=2026-03-01&to=2026-03-02&tz=Mars/Olympus_Mons', 'tz'],
        ['from=2026-03-01&to=2026-03-02&by=ip', 'by'],
        ['from=2026-03-01&to=2026-03-02&interval=hour', 'interval'],
        ['to=2026-03-02', 'from'],
        ['from=2020-01-01&to=2026-03-02', 'to'],
      ];
      for (const [query, field] of cases) {
        const response = await app.inject({ url: `/console/api/figures?${query}`, headers: { cookie } });
        assert.equal(response.statusCode, 400, query);
        assert.equal(response.json().field, field, query);
      }
    });

    it('the CSV holds what the page shows, and a cell a spreadsheet would run as a formula is neutralised', async (t) => {
      const { app, location, cookie } = await setUp(t);
      // The HTTP schema would refuse this policy version; a row written some
      // other way (an older server, a hand edit) must still export safely.
      await storeAt(location, [
        ['2026-05-04T10:00:00.000Z', makeReceipt({ ...ACCEPT, policyVersion: '=HYPERLINK("https://evil.example")' })],
        ['2026-05-04T10:00:00.000Z', makeReceipt({ ...REJECT })],
      ]);
      const response = await app.inject({
        url: '/console/api/figures?from=2026-05-04&to=2026-05-04&tz=UTC&by=policyVersion&format=csv',
        headers: { cookie },
      });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      assert.match(String(response.headers['content-disposition']), /attachment; filename="consent-figures-2026-05-04-to-2026-05-04-by-policyVersion.csv"/);
      const lines = response.body.trim().split('\r\n');
      assert.equal(lines[0], 'figure,period_start,policyVersion,item,count,out_of,share');
      assert.ok(lines.includes(`action,whole range,"'=HYPERLINK(""https://evil.example"")",accept-all,1,1,100.0%`), lines.join('\n'));
      assert.ok(lines.includes('granted,2026-05-04,2026-05-01,analytics,0,1,0.0%'));
      assert.ok(!lines.some((line) => /(^|,)"?=/.test(line)), 'no cell starts with =');

      const exported = await app.inject({ url: '/console/api/export?from=2026-05-04&to=2026-05-04&tz=UTC&format=csv', headers: { cookie } });
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.body.trim().split('\r\n').length, 3);
      assert.match(exported.body, /,"'=HYPERLINK\(""https:\/\/evil\.example""\)",/);
    });

    it('exports the receipts of local dates, as CSV or JSON lines', async (t) => {
      const { app, location, cookie } = await setUp(t);
      await storeAt(location, [
        ['2026-06-30T22:30:00.000Z', makeReceipt()], // 30 June in London
        ['2026-06-30T23:30:00.000Z', makeReceipt()], // 1 July in London
      ]);
      const london = await app.inject({ url: '/console/api/export?from=2026-07-01&to=2026-07-01&tz=Europe/London&format=jsonl', headers: { cookie } });
      const lines = london.body.trim().split('\n').map((line) => JSON.parse(line) as { receivedAt: string });
      assert.deepEqual(lines.map((l) => l.receivedAt), ['2026-06-30T23:30:00.000Z']);
      const utc = await app.inject({ url: '/console/api/export?from=2026-06-30&to=2026-06-30&tz=UTC&format=jsonl', headers: { cookie } });
      assert.equal(utc.body.trim().split('\n').length, 2);
    });

    it('looks up one consent id, and verifies the chain and remembers when', async (t) => {
      const { app, location, cookie } = await setUp(t);
      const visitor = makeReceipt({ ...REJECT });
      await storeAt(location, [
        ['2026-05-04T10:00:00.000Z', visitor],
        ['2026-05-04T10:01:00.000Z', makeReceipt()],
        ['2026-05-05T09:00:00.000Z', makeReceipt({ ...ACCEPT, subject: visitor.subject })],
      ]);
      const record = await app.inject({ url: `/console/api/record/${visitor.subject}`, headers: { cookie } });
      assert.deepEqual(record.json<{ receipts: { receipt: Receipt }[] }>().receipts.map((r) => r.receipt.action), ['reject-all', 'accept-all']);

      const before = (await app.inject({ url: '/console/api/chain', headers: { cookie } })).json();
      assert.equal(before.head.seq, 3);
      assert.equal(before.lastVerification, null);
      const csrf = (await app.inject({ url: '/console/api/session', headers: { cookie } })).json().csrf;
      const verified = await app.inject({ method: 'POST', url: '/console/api/chain/verify', headers: { cookie, 'x-consentry-csrf': csrf } });
      assert.equal(verified.statusCode, 200, verified.body);
      assert.equal(verified.json().ok, true);
      assert.equal(verified.json().count, 3);
      const after = (await app.inject({ url: '/console/api/chain', headers: { cookie } })).json();
      assert.equal(after.lastVerification.verifiedAt, verified.json().verifiedAt);
      assert.deepEqual(after.lastVerification.head, before.head);
    });

    it('counts receipts stored before the figures existed, once, when the migration runs', async (t) => {
      const receipts: [string, Receipt][] = [
        ['2026-05-04T10:00:00.000Z', makeReceipt({ ...ACCEPT, signals: { gpc: true } })],
        ['2026-05-04T10:20:00.000Z', makeReceipt({ ...REJECT, revision: 2, language: 'cy-GB' })],
        ['2026-05-05T00:10:00.000Z', makeReceipt()],
      ];
      const store = await openWithOldReceipts(t, adapter.name, receipts);
      const app = await makeApp(store);
      t.after(() => app.close());
      const cookie = await signIn(app);
      const all = await figures(app, cookie, 'from=2026-05-04&to=2026-05-05&tz=UTC');
      assert.deepEqual(decisionsPerPeriod(all), [2, 1]);
      assert.equal(all.total.gpc, 1);
      assert.deepEqual(all.total.categories.functional, { offered: 3, granted: 2 });
      const byLanguage = await figures(app, cookie, 'from=2026-05-04&to=2026-05-05&tz=UTC&by=language');
      assert.deepEqual(byLanguage.groups.map((g: { value: string; total: { decisions: number } }) => [g.value, g.total.decisions]), [['cy-GB', 1], ['en-GB', 2]]);
    });

    it('a database from before the hourly tier: its slots become hours, and its receipts are not counted again', async (t) => {
      const receipts: [string, Receipt][] = [
        ['2026-05-04T10:00:00.000Z', makeReceipt({ ...ACCEPT, signals: { gpc: true } })],
        ['2026-05-04T10:20:00.000Z', makeReceipt({ ...REJECT, revision: 2, language: 'cy-GB' })],
        ['2026-05-04T11:50:00.000Z', makeReceipt()],
        ['2026-05-05T00:10:00.000Z', makeReceipt()],
      ];
      const store = await openWithOldReceipts(t, adapter.name, receipts, true);
      const app = await makeApp(store);
      t.after(() => app.close());
      const cookie = await signIn(app);
      const all = await figures(app, cookie, 'from=2026-05-04&to=2026-05-05&tz=UTC');
      assert.deepEqual(decisionsPerPeriod(all), [3, 1]);
      assert.equal(all.total.gpc, 1);
      assert.deepEqual(all.total.categories.functional, { offered: 4, granted: 3 });
      // Kolkata's midnight (18:30 UTC) cuts no hour holding these receipts; a day there reads hours and slots alike.
      const kolkata = await figures(app, cookie, 'from=2026-05-04&to=2026-05-05&tz=Asia/Kolkata');
      assert.deepEqual(decisionsPerPeriod(kolkata), [3, 1]);
    });
  });
}

/**
 * A database at schema version 2 (before the figures) holding `receipts`,
 * then opened by today's store. With `countedBy003`, migration 003 ran after
 * the rows went in: a database from before the hourly tier (004) whose
 * receipts the figures have counted.
 */
async function openWithOldReceipts(
  t: TestContext,
  dialect: 'sqlite' | 'postgres',
  receipts: [string, Receipt][],
  countedBy003 = false,
): Promise<ReceiptStore> {
  const old = loadMigrations(dialect).filter((m) => m.version <= 2);
  const figures003 = loadMigrations(dialect).filter((m) => m.version === 3 && countedBy003);
  let prev = '0'.repeat(64);
  const rows = receipts.map(([at, receipt], i) => {
    const row = toRow(receipt, i + 1, at, prev);
    prev = row.hash;
    return row;
  });
  const columns = RECEIPT_COLUMNS.join(', ');
  if (dialect === 'sqlite') {
    const file = join(tempDir(t), 'old.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of old) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
    const insert = db.prepare(`INSERT INTO receipts (${columns}) VALUES (${RECEIPT_COLUMNS.map(() => '?').join(', ')})`);
    for (const row of rows) insert.run(rowValues(row));
    for (const m of figures003) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }
    db.close();
    return openSqliteStore(file);
  }
  const url = await freshPostgresUrl(t);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
  for (const m of old) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
  }
  for (const row of rows) {
    await client.query(`INSERT INTO receipts (${columns}) VALUES (${RECEIPT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`, rowValues(row));
  }
  for (const m of figures003) {
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
  }
  await client.end();
  return openPostgresStore(url);
}
