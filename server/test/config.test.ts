import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, DEFAULT_RETENTION_DAYS, loadConfig } from '../src/config.js';

test('defaults follow PRODUCT.md', () => {
  const config = loadConfig({ ALLOWED_ORIGINS: 'https://shop.example.co.uk' }, { requireOrigins: true });
  assert.equal(config.port, 8787);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.receiptsDb, './receipts.db');
  assert.equal(config.sqliteWriter, undefined, 'the SQLite adapter picks its writer');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.bodyLimit, 64 * 1024);
  assert.equal(config.requestTimeoutMs, 10_000);
  assert.equal(config.retentionDays, DEFAULT_RETENTION_DAYS);
  assert.equal(DEFAULT_RETENTION_DAYS, 2192, 'six years including leap days');
  assert.deepEqual(config.allowedOrigins, ['https://shop.example.co.uk']);
});

test('reads every variable', () => {
  const config = loadConfig({
    PORT: '9000',
    HOST: '0.0.0.0',
    RECEIPTS_DB: '/var/lib/consentry/receipts.db',
    SQLITE_WRITER: 'inline',
    DATABASE_URL: 'postgres://u@127.0.0.1:5432/consentry',
    ALLOWED_ORIGINS: ' https://a.example , http://localhost:8080,',
    ADMIN_TOKEN: 'x'.repeat(32),
    RATE_LIMIT: '120',
    BODY_LIMIT: '1mb',
    REQUEST_TIMEOUT: '5000',
    RETENTION_DAYS: '30',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
  });
  assert.deepEqual(config, {
    port: 9000,
    host: '0.0.0.0',
    receiptsDb: '/var/lib/consentry/receipts.db',
    sqliteWriter: 'inline',
    databaseUrl: 'postgres://u@127.0.0.1:5432/consentry',
    allowedOrigins: ['https://a.example', 'http://localhost:8080'],
    adminToken: 'x'.repeat(32),
    rateLimit: 120,
    bodyLimit: 1024 * 1024,
    requestTimeoutMs: 5000,
    retentionDays: 30,
    logLevel: 'warn',
    trustProxy: 1,
  });
});

test('every bad variable is named, all in one error', () => {
  const env = {
    PORT: '80a',
    DATABASE_URL: 'mysql://root:hunter2@db/x',
    ALLOWED_ORIGINS: 'https://ok.example,https://shop.example/path,shop.example',
    ADMIN_TOKEN: 'short',
    RATE_LIMIT: '0',
    BODY_LIMIT: 'lots',
    RETENTION_DAYS: '-1',
    LOG_LEVEL: 'loud',
    TRUST_PROXY: 'yes',
    SQLITE_WRITER: 'thread',
  };
  const error = (() => {
    try {
      loadConfig(env);
    } catch (caught) {
      return caught;
    }
    return undefined;
  })();
  assert.ok(error instanceof ConfigError);
  const text = error.problems.join('\n');
  for (const name of ['PORT', 'DATABASE_URL', 'ADMIN_TOKEN', 'RATE_LIMIT', 'BODY_LIMIT', 'RETENTION_DAYS', 'LOG_LEVEL', 'TRUST_PROXY', 'SQLITE_WRITER']) {
    assert.ok(error.problems.some((p) => p.startsWith(name)), `${name} is named`);
  }
  assert.equal(error.problems.filter((p) => p.startsWith('ALLOWED_ORIGINS')).length, 2, 'each bad origin is named');
  assert.ok(!text.includes('hunter2'), 'a database password is never echoed');
});

test('serve needs ALLOWED_ORIGINS; the admin commands do not', () => {
  assert.throws(() => loadConfig({}, { requireOrigins: true }), (error: unknown) =>
    error instanceof ConfigError && error.problems.length === 1 && error.problems[0]!.startsWith('ALLOWED_ORIGINS'));
  assert.doesNotThrow(() => loadConfig({}));
});
