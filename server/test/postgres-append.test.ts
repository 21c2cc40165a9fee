// The PostgreSQL append statements' plans: what the server caches when it
// first appends to a fresh, empty table is what every later append runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { APPEND_STATE_SQL, FAST_APPEND_SQL, openPostgresStore } from '../src/store/postgres-store.js';
import { freshPostgresUrl, makeReceipt } from './helpers.js';

/** The generic plan (the one a named statement keeps after five runs) of `sql`. */
async function genericPlan(client: pg.Client, sql: string, parameters: number): Promise<string> {
  await client.query(`PREPARE planned AS ${sql}`);
  await client.query('SET plan_cache_mode = force_generic_plan');
  const nulls = Array.from({ length: parameters }, () => 'NULL').join(', ');
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE planned(${nulls})`);
  await client.query('DEALLOCATE planned; RESET plan_cache_mode');
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('PostgreSQL append plans', () => {
  it('planned on an empty table, the duplicate checks probe the id index rather than scan every stored receipt', async (t) => {
    const url = await freshPostgresUrl(t);
    const store = await openPostgresStore(url, { figuresDelayMs: 60_000 });
    t.after(() => store.close());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const [name, sql, parameters] of [['one-statement append', FAST_APPEND_SQL, 2], ['locked append state', APPEND_STATE_SQL, 1]] as const) {
        const plan = await genericPlan(client, sql, parameters);
        assert.doesNotMatch(plan, /Seq Scan on receipts/, `${name}:\n${plan}`);
        assert.match(plan, /Index (Only )?Scan using receipts_id_key/, `${name}:\n${plan}`);
      }
    } finally {
      await client.end();
    }
    // And the statements still do their work.
    const receipt = makeReceipt();
    await store.append([receipt]);
    const again = await store.append([makeReceipt(), receipt]);
    assert.deepEqual(again.map((r) => r.status), ['stored', 'duplicate']);
    assert.equal((await store.verify()).ok, true);
  });
});
