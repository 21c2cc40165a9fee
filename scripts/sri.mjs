#!/usr/bin/env node
// Subresource Integrity for the script-tag build served from a CDN: the
// sha384 of dist/consentry.js for its <script integrity>, and of every chunk
// it can import (ui, decide, policy, validate, placeholder and what they import, statically
// or on demand) for an import map's `integrity` field. Run after `npm run build`.
//
//   node scripts/sri.mjs           prints the README block
//   node scripts/sri.mjs --write   writes it between the sri markers in README.md
//   node scripts/sri.mjs --check   exits 1 when README.md's block is not the one the build gives
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(repo, 'dist');
const README = path.join(repo, 'README.md');
const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
/** Where the README's example says the published dist/ is; replace with your CDN's path to it. */
export const CDN_BASE = `https://cdn.example.com/npm/consentry@${version}/dist/`;
/** What the script-tag build import()s by name from its own folder (src/consentry.ts). */
const CHUNKS = ['ui.js', 'decide.js', 'policy.js', 'validate.js', 'placeholder.js'];
const START = /<!-- sri:start[^>]*-->\n/;
const END = '<!-- sri:end -->';

export const integrity = (file) => 'sha384-' + createHash('sha384').update(readFileSync(path.join(DIST, file))).digest('base64');

/** `file` and everything it imports, statically or with import(), as paths relative to dist/. */
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(path.join(DIST, file), 'utf8');
  const specs = [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]);
  for (const spec of specs) if (spec.startsWith('.')) closure(path.posix.join(path.posix.dirname(file), spec), seen);
  return seen;
};

/** The chunks the script-tag build may load, in a stable order. */
export const chunkFiles = () => {
  const all = new Set();
  for (const c of CHUNKS) for (const f of closure(c)) all.add(f);
  return [...all].sort();
};

/** The README block: the import map with the chunks' hashes, then the script tag. */
export const block = (base = CDN_BASE) => {
  const map = Object.fromEntries(chunkFiles().map((f) => [base + f, integrity(f)]));
  return [
    '```html',
    '<script type="importmap">',
    JSON.stringify({ integrity: map }, null, 2),
    '</script>',
    `<script src="${base}consentry.js" integrity="${integrity('consentry.js')}" crossorigin="anonymous" data-config="/consent.json"></script>`,
    '```',
    '',
  ].join('\n');
};

/** The block README.md holds now. */
export const readmeBlock = () => {
  const text = readFileSync(README, 'utf8');
  const start = START.exec(text);
  const end = text.indexOf(END);
  if (!start || end < 0) throw new Error('README.md: no <!-- sri:start --> … <!-- sri:end --> markers');
  return { text, from: start.index + start[0].length, to: end, current: text.slice(start.index + start[0].length, end) };
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(path.join(DIST, 'consentry.js'))) {
    console.error('sri: dist/consentry.js is missing; run `npm run build` first');
    process.exit(2);
  }
  const fresh = block();
  const mode = process.argv[2];
  if (mode === '--write') {
    const { text, from, to } = readmeBlock();
    writeFileSync(README, text.slice(0, from) + fresh + text.slice(to));
    console.log(`sri: README.md updated (consentry.js and ${chunkFiles().length} chunks)`);
  } else if (mode === '--check') {
    const ok = readmeBlock().current === fresh;
    console.log(ok ? 'sri: README.md matches the build' : 'sri: README.md is stale; run `node scripts/sri.mjs --write`');
    process.exit(ok ? 0 : 1);
  } else process.stdout.write(fresh);
}
