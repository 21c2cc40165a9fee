// Fills a receipts store with many valid, chained receipts, fast, for scale
// tests and benchmarks (not a test itself):
//
//   npm run build -w server
//   RECEIPTS_DB=/tmp/big.db node server/scripts/seed-bulk.mjs --rows 1000000
//   DATABASE_URL=postgres://… node server/scripts/seed-bulk.mjs --rows 1000000 --days 28
//
// Receipts go through the store's own append() in groups of --batch, so they
// are hashed and linked exactly as the server does it (and anything the
// store keeps in the same transaction, such as the console's figures, is
// kept too). receivedAt walks from --days ago to now. The mix is seeded
// (--seed) so two runs with the same options store the same receipts
// (except the random-looking UUIDs, which come from the same seed too).
//
// Also importable: `seedBulk(store, options)` with the options below.
import { parseArgs } from 'node:util';
import { openPostgresStore } from '../dist/store/postgres-store.js';
import { openSqliteStore } from '../dist/store/sqlite-store.js';

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
 * Appends `rows` receipts to a store opened with `clock` as its `now`
 * (see openSeedStore), `batch` per transaction, receivedAt spread evenly
 * from `days` ago to `end`.
 */
export async function seedBulk(store, clock, { rows, days = 28, batch = 1000, seed = 1, end = Date.now(), onProgress = () => {} }) {
  const next = random(seed);
  const start = end - days * DAY;
  const subjects = [];
  for (let done = 0; done < rows; ) {
    const size = Math.min(batch, rows - done);
    const at = start + Math.floor(((done + size) / rows) * (end - start));
    clock.set(at);
    const receipts = [];
    for (let i = 0; i < size; i++) {
      // One receipt in five is a returning visitor changing their mind.
      const returning = subjects.length > 0 && next() < 0.2;
      const subject = returning ? subjects[Math.floor(next() * subjects.length)] : uuid(next);
      if (!returning && subjects.length < 100_000) subjects.push(subject);
      receipts.push(seedReceipt(next, at, subject, (done + i) / rows));
    }
    await store.append(receipts);
    done += size;
    onProgress(done);
  }
}

/** A store on RECEIPTS_DB or DATABASE_URL whose clock the seeder moves. */
export async function openSeedStore(env = process.env) {
  let time = Date.now();
  const clock = { set: (ms) => (time = ms) };
  const now = () => new Date(time);
  const store = env.DATABASE_URL
    ? await openPostgresStore(env.DATABASE_URL, { now })
    : openSqliteStore(env.RECEIPTS_DB ?? './receipts.db', { now });
  return { store, clock };
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
  const { store, clock } = await openSeedStore();
  const started = performance.now();
  let reported = 0;
  try {
    await seedBulk(store, clock, {
      rows,
      days: Number(values.days),
      batch: Number(values.batch),
      seed: Number(values.seed),
      onProgress(done) {
        if (done - reported >= 100_000 || done === rows) {
          reported = done;
          process.stderr.write(`seed-bulk: ${done} rows, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
        }
      },
    });
    const check = await store.verify();
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ store: store.kind, rows, seconds: Number(seconds.toFixed(1)), verify: { ok: check.ok, count: check.count } })}\n`);
  } finally {
    await store.close();
  }
}
