// The npm entry's surface: exactly the public names, nothing a bundler split
// out of the core for the decide chunk (issue 9: it exported `c`, `e`, `f`).
// Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const dist = new URL('../../dist/', import.meta.url);

test('dist/index.js exports only init, createConsentry and ConfigError', async () => {
  assert.ok(existsSync(new URL('index.js', dist)), 'run `npm run build` first');
  const entry = await import(new URL('index.js', dist).href);
  assert.deepEqual(Object.keys(entry).sort(), ['ConfigError', 'createConsentry', 'init']);
});

test('its declarations name the receipt type from the receipts server’s schema, shipped beside them', () => {
  const types = readFileSync(new URL('types/src/core/types.d.ts', dist), 'utf8');
  assert.match(types, /export type \{ Receipt \} from '\.\.\/\.\.\/server\/src\/schemas\/receipt\.js'/);
  assert.ok(existsSync(new URL('types/server/src/schemas/receipt.d.ts', dist)));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', dist), 'utf8'));
  assert.equal(pkg.types, './dist/types/src/index.d.ts');
  assert.ok(existsSync(new URL('../' + pkg.types, dist)));
});
