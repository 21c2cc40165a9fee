#!/usr/bin/env node
// Byte budgets of what a visitor downloads, measured on the built files
// (run `npm run build` first). Exits 1 when a budget is exceeded.
//
//   returning visitor  dist/consentry.js alone (the core, which draws the floating button itself);
//                      nothing else for a valid choice (a non-English label adds its language file)
//   returning + embed  the same + placeholder.js and its static imports (a page with a blocked embed)
//   first visit        the core + what it import()s to show the banner: ui.js and its static imports
//   first visit, unstamped config  the same + validate.js (a config `consentry check --stamp` never saw)
//   on demand          preferences, languages, decide, validate, policy — listed for the record
//
// kB = 1000 bytes, brotli quality 11, gzip level 9.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { CHUNKS } from './chunks.mjs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const BUDGET = { firstVisit: 10000, languageChunk: 800 };
// Issue 10's goals are 3,500 B for a returning visitor with the floating button
// and 5,000 B for a returning page with an embed; both are met, and these
// budgets hold the figures reached, rounded up to the next 10 B: they only come
// down. The button is drawn by the core (issue 9 had moved it to reopen.js; as
// its own file it cost a round trip and more bytes than inside the core). What
// brought the core from 3,734 B to 3,488 B: the six API decisions are stubs that
// hand their call to the decide chunk (which reads the arguments, `CALLS`), the
// rules' category sets are read off the store's state there (`factsOf`), the
// validator formats its own issue lines, the gate copies a gated script with
// `cloneNode` (a Trusted Types policy only for inline text) and re-reads the page
// after each batch of changes, and the floating button keeps the browser's
// button font. The placeholder chunk (no lit) went from 1,630 B to 1,486 B: its
// stylesheet reads each token with the shared default as fallback instead of
// declaring the token block again, whether an embed is allowed is the gate's
// `src` (no copy of the `data-consent` parser), and its buttons take the
// decision as their click handler. The unstamped first visit (core
// + banner + validator) meets its 10,000 B goal since the banner is plain DOM.
// Session 7 (3,491 B) reads localStorage lazily, after the gate, and asks for the
// config before reading the cookie: the budgets are now issue 10's goals themselves.
const BUDGET_ISSUE_10 = { returning: 3500, returningWithEmbed: 5000, firstVisitUnstamped: 10000 };

if (!existsSync(join(DIST, 'consentry.js'))) {
  console.error('size: dist/consentry.js is missing; run `npm run build` first');
  process.exit(2);
}

const measure = (file) => {
  const bytes = readFileSync(join(DIST, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** A chunk and every chunk it imports statically (what the browser fetches for one import()). */
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const [, spec] of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g)) {
    closure(join(file, '..', spec).replace(/^\.\//, ''), seen);
  }
  return seen;
};

const sum = (rows) => rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const fmt = (r) => `${String(r.raw).padStart(7)} ${String(r.gzip).padStart(7)} ${String(r.brotli).padStart(7)}`;

const core = measure('consentry.js');
const banner = [...closure('ui.js')].map(measure);
const firstVisit = sum([core, ...banner]);
const placeholder = [...closure('placeholder.js')].map(measure);
const returningWithEmbed = sum([core, ...placeholder]);
const validator = [...closure('validate.js')].filter((f) => !closure('ui.js').has(f)).map(measure);
const firstVisitUnstamped = sum([firstVisit, ...validator]);

console.log('file'.padEnd(44) + '    raw    gzip  brotli');
console.log('returning visitor');
console.log('  ' + core.file.padEnd(42) + fmt(core));
console.log('returning visitor, page with a blocked embed, adds');
for (const r of placeholder) console.log('  ' + r.file.padEnd(42) + fmt(r));
console.log('  ' + 'returning with an embed total'.padEnd(42) + fmt(returningWithEmbed));
console.log('first visit adds (banner)');
for (const r of banner) console.log('  ' + r.file.padEnd(42) + fmt(r));
console.log('  ' + 'first visit total'.padEnd(42) + fmt(firstVisit));
console.log('first visit on an unstamped config adds');
for (const r of validator) console.log('  ' + r.file.padEnd(42) + fmt(r));
console.log('  ' + 'first visit, unstamped, total'.padEnd(42) + fmt(firstVisitUnstamped));

const firstVisitFiles = new Set(['consentry.js', ...banner.map((r) => r.file), ...placeholder.map((r) => r.file), ...validator.map((r) => r.file)]);
const isLanguage = (f) => f.startsWith('i18n/');
const onDemand = [...Object.keys(CHUNKS).map((name) => name + '.js'), ...readdirSync(join(DIST, 'chunks')).map((f) => 'chunks/' + f)]
  .filter((f) => f.endsWith('.js') && !isLanguage(f) && !firstVisitFiles.has(f) && existsSync(join(DIST, f)));
console.log('on demand (decide: at the first pointer or key press; validate: only for an unstamped, changed config)');
for (const f of onDemand) console.log('  ' + f.padEnd(42) + fmt(measure(f)));
// The optional head script (auto-blocking, vendor signals, dev mode): a page that uses it loads it on every view.
if (existsSync(join(DIST, 'head.js'))) {
  console.log('optional, first in <head> where the site uses it');
  console.log('  ' + 'head.js'.padEnd(42) + fmt(measure('head.js')));
}

// Each built-in language: its first-layer file (with the floating button's label),
// its details file (preference centre, placeholders) and its policy viewer file.
const groupFiles = (group) =>
  Object.fromEntries(
    readdirSync(join(DIST, 'i18n', group))
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f.split('-')[0], `i18n/${group}/${f}`]),
  );
const details = groupFiles('details');
const policy = groupFiles('policy');
const languages = Object.keys(CHUNKS)
  .filter(isLanguage)
  .map((name) => name.slice(5))
  .filter((lang) => details[lang]); // `no` re-exports `nb`'s files
console.log('languages (brotli B): first layer + floating button | details | policy viewer');
const languageRows = languages.map((lang) => [lang, measure(`i18n/${lang}.js`), measure(details[lang]), measure(policy[lang])]);
for (const [lang, ...files] of languageRows) console.log(`  ${lang.padEnd(4)}${files.map((r) => String(r.brotli).padStart(6)).join('')}`);

let failed = false;
const check = (what, value, budget) => {
  const ok = value <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${value} B brotli (budget ${budget} B)`);
};
check('returning visitor (core, with the floating button)', core.brotli, BUDGET_ISSUE_10.returning);
check('first visit (core + banner)', firstVisit.brotli, BUDGET.firstVisit);
check('returning visitor, page with an embed (core + placeholder)', returningWithEmbed.brotli, BUDGET_ISSUE_10.returningWithEmbed);
check('first visit, unstamped config (core + banner + validator)', firstVisitUnstamped.brotli, BUDGET_ISSUE_10.firstVisitUnstamped);
const largest = languageRows.flatMap(([lang, ...files]) => files.map((r) => ({ ...r, lang }))).sort((a, b) => b.brotli - a.brotli)[0];
check(`largest language chunk (${languages.length} languages × 3; ${largest.file})`, largest.brotli, BUDGET.languageChunk);
process.exit(failed ? 1 : 0);
