#!/usr/bin/env node
// Realistic consent history for the console's demo, its browser test and its
// query benchmark. Deterministic for a given seed: the same options always
// give the same receipts at the same instants.
//
// The story: a UK shop with visitors from GB, IE, FR and DE. Config revision 1
// (four categories) runs until a banner redesign, revision 2 (a new
// configHash, a "video" category, a more prominent "Reject all"); a week later
// the privacy policy is updated. About 6 % of
// visitors send Global Privacy Control; a few come back to change or
// withdraw their choice. Policy versions are the dates they took effect.
//
//   node scripts/seed-demo.mjs [RECEIPTS_DB or DATABASE_URL from the env] [--days 28] [--per-day 400] [--seed 1]
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const DAY_MS = 86_400_000;
const SITE = 'https://www.keyhold.example';
const HASH_A = configHash('keyhold-consent-revision-1');
const HASH_B = configHash('keyhold-consent-revision-2');

function configHash(text) {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/** mulberry32: a small seeded PRNG, so a seed always gives the same history. */
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
  let roll = next() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted.at(-1)[0];
}

const VISITORS = [
  [{ jurisdiction: 'GB', language: 'en-GB' }, 62],
  [{ jurisdiction: 'GB', language: 'cy-GB' }, 4],
  [{ jurisdiction: 'IE', language: 'en-IE' }, 10],
  [{ jurisdiction: 'IE', language: 'ga-IE' }, 2],
  [{ jurisdiction: 'FR', language: 'fr-FR' }, 10],
  [{ jurisdiction: 'DE', language: 'de-DE' }, 12],
];

/**
 * The receipts of `days` days ending at `end` (exclusive), each with the
 * instant the server received it. Receipts are grouped per `batchMinutes`
 * as a busy server's group commit would store them: one receivedAt per batch.
 */
export function demoHistory(options = {}) {
  const items = [];
  for (const day of demoDays(options)) items.push(...day);
  return { items, ...demoTimeline(options) };
}

/** When the redesign and the policy update happen, and the policy versions. */
export function demoTimeline({ days = 28, end = Date.now() } = {}) {
  const start = Math.floor(end / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;
  const redesignAt = start + Math.floor(days * 0.45) * DAY_MS + 10 * 3_600_000;
  const policyAt = redesignAt + 7 * DAY_MS;
  const policies = [new Date(start - 60 * DAY_MS).toISOString().slice(0, 10), new Date(policyAt).toISOString().slice(0, 10)];
  return { start, redesignAt: new Date(redesignAt).toISOString(), policyAt: new Date(policyAt).toISOString(), policies, hashes: [HASH_A, HASH_B] };
}

/**
 * The same history one day at a time, each day's receipts in receivedAt
 * order, so a million receipts never sit in memory at once.
 */
export function* demoDays({ days = 28, perDay = 400, end = Date.now(), seed = 1, batchMinutes = 60 } = {}) {
  const next = random(seed);
  const timeline = demoTimeline({ days, end });
  const { start, policies } = timeline;
  const redesignAt = Date.parse(timeline.redesignAt);
  const policyAt = Date.parse(timeline.policyAt);
  const known = [];
  for (let day = 0; day < days; day++) {
    const items = [];
    const dayStart = start + day * DAY_MS;
    const weekday = new Date(dayStart).getUTCDay();
    const count = Math.round(perDay * (weekday === 0 || weekday === 6 ? 0.7 : 1.1) * (0.85 + next() * 0.3));
    const times = Array.from({ length: count }, () => {
      // Busier in the (UK) day than at night.
      const hour = pick(next, Array.from({ length: 24 }, (_, h) => [h, h >= 8 && h <= 22 ? 6 : 1]));
      return dayStart + hour * 3_600_000 + Math.floor(next() * 3_600_000);
    }).sort((a, b) => a - b);
    for (const at of times) {
      if (at >= end) continue;
      const revision = at >= redesignAt ? 2 : 1;
      const policyVersion = at >= policyAt ? policies[1] : policies[0];
      const returning = known.length > 50 && next() < 0.08 ? known[Math.floor(next() * known.length)] : null;
      const visitor = returning ?? { subject: uuid(next), ...pick(next, VISITORS), gpc: next() < 0.06 };
      if (!returning) known.push(visitor);
      const categories = revision === 2 ? ['functional', 'analytics', 'marketing', 'video'] : ['functional', 'analytics', 'marketing'];
      let action;
      if (visitor.gpc && !returning) action = 'gpc';
      else if (returning) action = pick(next, [['withdraw', 4], ['custom', 4], ['object', 1], ['accept-all', 1]]);
      else action = pick(next, revision === 2 ? [['accept-all', 46], ['reject-all', 36], ['custom', 18]] : [['accept-all', 58], ['reject-all', 24], ['custom', 18]]);
      let granted;
      if (action === 'accept-all') granted = categories;
      else if (action === 'custom') granted = categories.filter((c) => next() < (c === 'functional' ? 0.8 : c === 'analytics' ? 0.5 : 0.25));
      else granted = [];
      const receivedAt = Math.floor(at / (batchMinutes * 60_000)) * batchMinutes * 60_000 + batchMinutes * 60_000 - 1;
      const bases = { necessary: 'strictly-necessary' };
      for (const c of categories) bases[c] = action === 'object' && c === 'marketing' ? 'objection' : 'consent';
      items.push({
        receivedAt: new Date(Math.min(receivedAt, end - 1)).toISOString(),
        receipt: {
          schema: 'consentry-receipt/1',
          id: uuid(next),
          subject: visitor.subject,
          timestamp: new Date(at).toISOString(),
          site: SITE,
          jurisdiction: visitor.jurisdiction,
          language: visitor.language,
          policyVersion,
          revision,
          configHash: revision === 2 ? HASH_B : HASH_A,
          action,
          method: action === 'gpc' ? 'signal' : action === 'accept-all' || action === 'reject-all' ? 'banner' : 'preferences',
          granted: ['necessary', ...granted],
          denied: categories.filter((c) => !granted.includes(c)),
          bases,
          signals: { gpc: visitor.gpc },
          expires: new Date(at + 182 * DAY_MS).toISOString(),
        },
      });
    }
    items.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
    yield items;
  }
}

/**
 * Stores `items` through the real store (so the figures are kept the way a
 * live server keeps them), one append per receivedAt. `open(now)` opens a
 * store whose clock is `now`.
 */
export async function storeHistory(open, items, { batchLimit = 500 } = {}) {
  let clock = new Date(0);
  const store = await open(() => clock);
  try {
    for (let i = 0; i < items.length; ) {
      const at = items[i].receivedAt;
      const batch = [];
      while (i < items.length && items[i].receivedAt === at && batch.length < batchLimit) batch.push(items[i++].receipt);
      clock = new Date(at);
      await store.append(batch);
    }
  } finally {
    await store.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const { openPostgresStore } = await import('../dist/store/postgres-store.js');
  const { openSqliteStore } = await import('../dist/store/sqlite-store.js');
  const url = process.env.DATABASE_URL;
  const path = process.env.RECEIPTS_DB ?? './receipts.db';
  const history = demoHistory({ days: option('days', 28), perDay: option('per-day', 400), seed: option('seed', 1) });
  await storeHistory((now) => (url ? openPostgresStore(url, { now }) : openSqliteStore(path, { now })), history.items);
  console.log(
    `seeded ${history.items.length} receipts into ${url ? 'PostgreSQL' : path}: revision 2 from ${history.redesignAt}, policy ${history.policies[1]} from ${history.policyAt}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
