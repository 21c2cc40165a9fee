#!/usr/bin/env node
// `consentry render <policy.md|.html> [--config consent.json] [--lang tag]
//   [--base URL] [--no-consent-panel] [--into page.html [--check]]`: see render.js.
//
// `consentry banner <consent.json> [--lang tag] [--into page.html [--check]]`:
// the first layer pre-rendered for the page's first frame; see banner.js.
//
// `consentry check [--stamp] <consent.json>…`: runs the same validator the
// browser loads (dist/validate.js, made by `npm run build`) and prints one
// `path: message` line per issue, or `<file>: valid (sha256-…)` with the config
// hash. `--stamp` writes `"$validated"` into each valid file: while the stamp
// matches, visitors' browsers skip downloading the validator.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { stamped } from './stamp.js';

const [command, ...args] = process.argv.slice(2);
if (command === 'render') {
  const { render } = await import('./render.js');
  process.exit(await render(args));
}
if (command === 'banner') {
  const { banner } = await import('./banner.js');
  process.exit(await banner(args));
}
const stamp = args.includes('--stamp');
const files = args.filter((a) => a !== '--stamp');
if (command !== 'check' || !files.length) {
  console.error('usage: consentry check [--stamp] <consent.json> [more.json…]\n       consentry render <policy.md|.html> [--config consent.json] [--lang tag] [--base URL] [--no-consent-panel] [--into page.html [--check]]\n       consentry banner <consent.json> [--lang tag] [--into page.html [--check]]');
  process.exit(2);
}

let validateConfig;
try {
  ({ validateConfig } = await import(new URL('../dist/validate.js', import.meta.url).href));
} catch {
  console.error('consentry: dist/validate.js is missing; run `npm run build` first');
  process.exit(2);
}

/** JSON with object keys sorted at every level and no spaces: the form the config hash is taken of. */
const canonical = (value) =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value == 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
          .join(',')}}`
      : JSON.stringify(value);

let failed = false;
for (const file of files) {
  const name = files.length > 1 ? file : basename(file);
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.log(`${name}: ${error.code === 'ENOENT' ? 'no such file' : 'not valid JSON: ' + error.message}`);
    failed = true;
    continue;
  }
  const issues = validateConfig(config);
  // One file: `path: message`; several: `file: path: message`.
  const where = (path) => [files.length > 1 && file, path].filter(Boolean).join(': ') || name;
  for (const { path, message } of issues) console.log(`${where(path)}: ${message}`);
  if (issues.length) failed = true;
  else {
    const hash = createHash('sha256').update(canonical(config)).digest('base64');
    if (stamp) writeFileSync(file, JSON.stringify(stamped(config), null, 2) + '\n');
    console.log(`${name}: valid (sha256-${hash})${stamp ? ', stamped' : ''}`);
  }
}
process.exit(failed ? 1 : 0);
