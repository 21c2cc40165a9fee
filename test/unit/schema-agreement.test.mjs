// schema.json and the hand-written validator must agree on every fixture:
// ajv's verdict is the one recorded in cases.json, and wherever the schema
// refuses a config the validator does too (and the other way round for the
// structural fixtures). Run after nothing: `node --test test/unit/schema-agreement.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import Ajv from 'ajv';

const root = new URL('../../', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const dir = 'test/fixtures/configs/';
const cases = read(dir + 'cases.json');

// The validator is TypeScript with type-only imports: bundle it in memory.
const { outputFiles } = await build({
  entryPoints: [new URL('src/validate/index.ts', root).pathname],
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'error',
});
const { validateConfig } = await import('data:text/javascript,' + encodeURIComponent(outputFiles[0].text));

const ajv = new Ajv({ allErrors: true, strictTypes: false });
const schemaValid = ajv.compile(read('schema.json'));

test('every fixture is listed in cases.json', () => {
  assert.ok(cases.length >= 50);
  assert.ok(cases.some((c) => c.file === 'product-example.json'));
});

for (const c of cases) {
  test(`${c.file}: ${c.rule}`, () => {
    const config = read(dir + c.file);
    const ok = schemaValid(config);
    assert.equal(ok ? 'valid' : 'invalid', c.schema, `schema verdict; ajv: ${ajv.errorsText(schemaValid.errors)}`);
    const issues = validateConfig(config);
    assert.deepEqual(issues, c.issues);
    if (c.kind === 'structural') assert.equal(ok, issues.length === 0, 'schema and validator agree');
    else if (!ok) assert.ok(issues.length > 0, 'the validator refuses what the schema refuses');
  });
}

test('demo/consent.json passes both (if present)', (t) => {
  let config;
  try {
    config = read('demo/consent.json');
  } catch {
    return t.skip('no demo config yet');
  }
  assert.deepEqual(validateConfig(config), []);
  assert.ok(schemaValid(config), ajv.errorsText(schemaValid.errors));
});
