// Fills a receipts store with many valid, chained receipts, fast, for scale
// tests and benchmarks (not a test itself):
//
//   npm run build -w server
//   RECEIPTS_DB=/tmp/big.db node server/scripts/seed-bulk.mjs --rows 1000000
//   DATABASE_URL=postgres://… node server/scripts/seed-bulk.mjs --rows 1000000 --days 28
//
// Fast because the rows skip the HTTP server and append(): the store is
// opened once (so the migrations run), then the rows go straight into its
// tables in ONE transaction, many rows per statement. They are the rows the
// server would have written: toRow() links and hashes each one to the chain
// head (a store that already holds receipts is topped up), and the console's
// figure slots are summed with the server's own countFigures() and added to
// whatever slots are there. Prints its rate. The mix is seeded (--seed), so
// two runs with the same options store the same receipts.
//
// Also importable: `writeReceipts(location, batches)` writes any history
// ({ receipt, receivedAt } items, in receivedAt order) the same way, and
// `bulkHistory(options)` is the mix this script seeds.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { countFigures, toHours } from '../dist/store/figures-counts.js';
import { openPostgresStore } from '../dist/store/postgres-store.js';
import { RECEIPT_COLUMNS, toRow } from '../dist/store/rows.js';
import { openSqliteStore } from '../dist/store/sqlite-store.js';
import { GENESIS_HASH } from '../dist/store/chain.js';

export const SEED_SITE = 'https://shop.example.co.uk';
const DAY = 86_400_000;

/** mulberry32: a small, seedable PRNG, so seeded data is repeatable. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(next) {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)];
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function pick(next, weighted) {
  let r = next() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const OPTIONAL = ['functional', 'analytics', 'marketing'];
const BASES = { necessary: 'strictly-necessary', functional: 'consent', analytics: 'consent', marketing: 'consent' };
const ACTIONS = [['accept-all', 52], ['reject-all', 24], ['custom', 14], ['withdraw', 3], ['object', 2], ['gpc', 5]];
const PLACES = [[['GB', 'en-GB'], 70], [['IE', 'en-IE'], 10], [['FR', 'fr-FR'], 8], [['DE', 'de-DE'], 7], [['GB', 'cy-GB'], 5]];
// Two banner versions: revision 2 (a new configHash) from the middle of the range.
const CONFIGS = [
  { revision: 1, configHash: 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' },
  { revision: 2, configHash: 'sha256-LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=' },
];

/** One receipt decided at `at` (ms) by `subject`, the `fraction` of the way through the range. */
export function seedReceipt(next, at, subject, fraction) {
  const action = pick(next, ACTIONS);
  let granted;
  if (action === 'accept-all') granted = [...OPTIONAL];
  else if (action === 'custom') granted = OPTIONAL.filter(() => next() < 0.5);
  else if (action === 'object') granted = ['functional', 'analytics'];
  else granted = [];
  const [jurisdiction, language] = pick(next, PLACES);
  const config = CONFIGS[fraction < 0.5 ? 0 : 1];
  const timestamp = new Date(at - Math.floor(next() * 5000));
  return {
    schema: 'consentry-receipt/1',
    id: uuid(next),
    subject,
    timestamp: timestamp.toISOString(),
    site: SEED_SITE,
    jurisdiction,
    language,
    policyVersion: fraction < 2 / 3 ? '2026-05-01' : '2026-11-01',
    revision: config.revision,
    configHash: config.configHash,
    action,
    method: action === 'gpc' ? 'signal' : action === 'custom' || action === 'withdraw' ? 'preferences' : 'banner',
    granted: ['necessary', ...granted],
    denied: OPTIONAL.filter((c) => !granted.includes(c)),
    bases: action === 'object' ? { ...BASES, marketing: 'objection' } : BASES,
    signals: { gpc: action === 'gpc' || next() < 0.03 },
    expires: new Date(timestamp.getTime() + 182 * DAY).toISOString(),
  };
}

/**
 * The seeded mix as batches of { receipt, receivedAt }: `rows` receipts,
 * `batch` per receivedAt (one group commit each), spread evenly from `days`
 * ago to `end`.
 */
export function* bulkHistory({ rows, days = 28, batch = 1000, seed = 1, end = Date.now() }) {
  const next = random(seed);
  const start = end - days * DAY;
  const subjects = [];
  for (let done = 0; done < rows; ) {
    const size = Math.min(batch, rows - done);
    const receivedAt = new Date(start + Math.floor(((done + size) / rows) * (end - start))).toISOString();
    const items = [];
    for (let i = 0; i < size; i++) {
      // One receipt in five is a returning visitor changing their mind.
      const returning = subjects.length > 0 && next() < 0.2;
      const subject = returning ? subjects[Math.floor(next() * subjects.length)] : uuid(next);
      if (!returning && subjects.length < 100_000) subjects.push(subject);
      items.push({ receipt: seedReceipt(next, Date.parse(receivedAt), subject, (done + i) / rows), receivedAt });
    }
    done += size;
    yield items;
  }
}

// Per-statement row counts: SQLite allows 32,766 parameters (21 a row).
const SQLITE_ROWS_PER_INSERT = 1000;
const POSTGRES_ROWS_PER_INSERT = 5000;

/** Sums figure counts into `into`, keyed like the tables' primary keys. */
function addCounts(into, counts) {
  for (const c of counts.actions) {
    const key = `a\u0000${c.dimension}\u0000${c.bucket}\u0000${c.value}\u0000${c.action}`;
    const kept = into.get(key);
    if (kept) {
      kept.decisions += c.decisions;
      kept.gpc += c.gpc;
    } else into.set(key, { kind: 'action', ...c });
  }
  for (const c of counts.categories) {
    const key = `c\u0000${c.dimension}\u0000${c.bucket}\u0000${c.value}\u0000${c.category}`;
    const kept = into.get(key);
    if (kept) {
      kept.offered += c.offered;
      kept.granted += c.granted;
    } else into.set(key, { kind: 'category', ...c });
  }
}

/**
 * Writes `batches` (arrays of { receipt, receivedAt }, in receivedAt order)
 * into the store at `location` ({ DATABASE_URL } or { RECEIPTS_DB }) as the
 * rows the server would have stored, in one transaction. Returns the count.
 */
export async function writeReceipts(location, batches, { onProgress = () => {} } = {}) {
  // Opening the store runs the migrations; the rows then go in directly.
  const store = location.DATABASE_URL
    ? await openPostgresStore(location.DATABASE_URL)
    : openSqliteStore(location.RECEIPTS_DB ?? './receipts.db');
  let head = (await store.chainHead()) ?? { seq: 0, hash: GENESIS_HASH };
  // A figure read first counts every receipt stored so far: the rows below
  // are then counted here, and the progress mark can move past them all.
  await store.figures({ dimension: 'revision', boundaries: [0, 900] });
  await store.close();
  const sink = location.DATABASE_URL ? await postgresSink(location.DATABASE_URL) : sqliteSink(location.RECEIPTS_DB ?? './receipts.db');
  const figures = new Map();
  let count = 0;
  let pending = [];
  try {
    for (const items of batches) {
      for (const { receipt, receivedAt } of items) {
        const row = toRow(receipt, head.seq + 1, receivedAt, head.hash);
        head = { seq: row.seq, hash: row.hash };
        pending.push(row);
      }
      addCounts(figures, countFigures(items));
      count += items.length;
      if (pending.length >= sink.rowsPerInsert) {
        await sink.insert(pending);
        pending = [];
        onProgress(count);
      }
    }
    if (pending.length > 0) await sink.insert(pending);
    await sink.addFigures([...figures.values()]);
    // The hourly tier, and the mark that every row written is counted.
    const hours = new Map();
    const slots = [...figures.values()];
    addCounts(hours, toHours({ actions: slots.filter((c) => c.kind === 'action'), categories: slots.filter((c) => c.kind === 'category') }));
    await sink.addFigures([...hours.values()], 'hour_');
    await sink.setProgress(head.seq);
    await sink.commit();
    onProgress(count);
  } catch (error) {
    await sink.rollback();
    throw error;
  }
  return count;
}

function sqliteSink(path) {
  const db = new Database(path, { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  const statements = new Map();
  const insertOf = (n) => {
    let statement = statements.get(n);
    if (!statement) {
      const tuple = `(${RECEIPT_COLUMNS.map(() => '?').join(', ')})`;
      statement = db.prepare(`INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`);
      statements.set(n, statement);
    }
    return statement;
  };
  // The same upserts as figures-sqlite.ts: added to any slot (tier '') or hour (tier 'hour_') already counted.
  const upsertAction = (tier) => db.prepare(
    `INSERT INTO figures_${tier}actions (dimension, bucket, value, action, decisions, gpc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, action) DO UPDATE SET decisions = decisions + excluded.decisions, gpc = gpc + excluded.gpc`,
  );
  const upsertCategory = (tier) => db.prepare(
    `INSERT INTO figures_${tier}categories (dimension, bucket, value, category, offered, granted) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, bucket, value, category) DO UPDATE SET offered = offered + excluded.offered, granted = granted + excluded.granted`,
  );
  db.exec('BEGIN IMMEDIATE');
  return {
    rowsPerInsert: SQLITE_ROWS_PER_INSERT,
    async insert(rows) {
      for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_INSERT) {
        const slice = rows.slice(i, i + SQLITE_ROWS_PER_INSERT);
        insertOf(slice.length).run(slice.flatMap((row) => RECEIPT_COLUMNS.map((column) => row[column])));
      }
    },
    async addFigures(counts, tier = '') {
      const action = upsertAction(tier);
      const category = upsertCategory(tier);
      for (const c of counts) {
        if (c.kind === 'action') action.run(c.dimension, c.bucket, c.value, c.action, c.decisions, c.gpc);
        else category.run(c.dimension, c.bucket, c.value, c.category, c.offered, c.granted);
      }
    },
    async setProgress(seq) {
      db.prepare('UPDATE figures_progress SET seq = ?').run(seq);
    },
    async commit() {
      db.exec('COMMIT');
      db.close();
    },
    async rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

async function postgresSink(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const types = { seq: 'bigint', revision: 'integer' };
  const insert = `INSERT INTO receipts (${RECEIPT_COLUMNS.join(', ')})
    SELECT * FROM unnest(${RECEIPT_COLUMNS.map((column, i) => `$${i + 1}::${types[column] ?? 'text'}[]`).join(', ')})`;
  await client.query('BEGIN');
  // The same chain lock as postgres-store.ts: no server appends meanwhile.
  await client.query('SELECT pg_advisory_xact_lock($1)', [0x436e7352_01]);
  return {
    rowsPerInsert: POSTGRES_ROWS_PER_INSERT,
    async insert(rows) {
      await client.query(insert, RECEIPT_COLUMNS.map((column) => rows.map((row) => row[column])));
    },
    async addFigures(counts, tier = '') {
      const actions = counts.filter((c) => c.kind === 'action');
      const categories = counts.filter((c) => c.kind === 'category');
      await client.query(
        `INSERT INTO figures_${tier}actions (dimension, bucket, value, action, decisions, gpc)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
         ON CONFLICT (dimension, bucket, value, action) DO UPDATE
         SET decisions = figures_${tier}actions.decisions + excluded.decisions, gpc = figures_${tier}actions.gpc + excluded.gpc`,
        ['dimension', 'bucket', 'value', 'action', 'decisions', 'gpc'].map((k) => actions.map((c) => c[k])),
      );
      await client.query(
        `INSERT INTO figures_${tier}categories (dimension, bucket, value, category, offered, granted)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
         ON CONFLICT (dimension, bucket, value, category) DO UPDATE
         SET offered = figures_${tier}categories.offered + excluded.offered, granted = figures_${tier}categories.granted + excluded.granted`,
        ['dimension', 'bucket', 'value', 'category', 'offered', 'granted'].map((k) => categories.map((c) => c[k])),
      );
    },
    async setProgress(seq) {
      await client.query('UPDATE figures_progress SET seq = $1', [seq]);
    },
    async commit() {
      await client.query('COMMIT');
      await client.query('ANALYZE');
      await client.end();
    },
    async rollback() {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      days: { type: 'string', default: '28' },
      batch: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const rows = Number(values.rows);
  const location = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { RECEIPTS_DB: process.env.RECEIPTS_DB ?? './receipts.db' };
  const started = performance.now();
  let reported = 0;
  const written = await writeReceipts(
    location,
    bulkHistory({ rows, days: Number(values.days), batch: Number(values.batch), seed: Number(values.seed) }),
    {
      onProgress(done) {
        if (done - reported >= 100_000 || done === rows) {
          reported = done;
          process.stderr.write(`seed-bulk: ${done} rows, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        }
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const store = location.DATABASE_URL ? 'postgres' : 'sqlite';
  process.stdout.write(`${JSON.stringify({ store, rows: written, seconds: Number(seconds.toFixed(1)), rowsPerSecond: Math.round(written / seconds) })}\n`);
}
