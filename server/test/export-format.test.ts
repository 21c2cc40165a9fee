import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EXPORT_CHUNK_CHARS, toCsv, toJsonLines } from '../src/store/export-format.js';
import type { StoredReceipt } from '../src/store/store.js';
import { makeReceipt } from './helpers.js';

async function* stored(count: number): AsyncGenerator<StoredReceipt> {
  for (let seq = 1; seq <= count; seq++) {
    yield { seq, receipt: makeReceipt(), receivedAt: new Date().toISOString(), prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
  }
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe('exports go out in chunks of many rows, not one stream chunk per row', () => {
  for (const [name, format, lineEnd] of [['CSV', toCsv, '\r\n'], ['JSON lines', toJsonLines, '\n']] as const) {
    test(`${name}: 5,000 rows in a few chunks of whole lines, nothing lost`, async () => {
      const chunks = await collect(format(stored(5000)));
      const lines = chunks.join('').split(lineEnd).filter((line) => line !== '');
      assert.equal(lines.length, format === toCsv ? 5001 : 5000); // CSV: the header too
      // About 300-500 bytes a row: 5,000 rows fill a few dozen chunks.
      assert.ok(chunks.length < 100, `${chunks.length} chunks`);
      for (const chunk of chunks) {
        assert.ok(chunk.endsWith(lineEnd), 'a chunk ends on a whole line');
        assert.ok(chunk.length < EXPORT_CHUNK_CHARS + 2000, `a chunk of ${chunk.length} characters`);
      }
    });
  }

  test('an empty export is the CSV header alone, and nothing in JSON lines', async () => {
    assert.equal((await collect(toCsv(stored(0)))).join('').split('\r\n')[0]?.startsWith('seq,id,subject'), true);
    assert.deepEqual(await collect(toJsonLines(stored(0))), []);
  });
});
