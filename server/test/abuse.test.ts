// The server under abuse (issue 14): token guessing, slow and reset
// connections, hostile bytes in logs, and receipts that pass the schema but
// lie. Real sockets on 127.0.0.1 where the attack is at the socket level.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';
import { ADMIN_TOKEN, LogCapture, type TestContextLike, SITE, UA_PROBE, adapters, adminHeaders, json, makeApp, makeReceipt, postHeaders } from './helpers.js';

type Setup = Parameters<typeof makeApp>[1];

async function listening(t: TestContextLike, overrides: Setup = {}) {
  const { store } = await adapters[0]!.open(t);
  const app = await makeApp(store, overrides);
  t.after(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { app, port };
}

/** Writes raw bytes and resolves with everything the server sent back once it closes. */
function rawExchange(port: number, write: (socket: Socket) => void, timeoutMs = 5000): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
    socket.on('connect', () => write(socket));
  });
}

function isBufferJson(value: unknown): value is { type: 'Buffer'; data: number[] } {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data);
}

describe('admin token guessing', () => {
  test('wrong tokens are limited per client: 429 after 10, and then even the right token waits', async (t) => {
    let clock = Date.parse('2026-06-01T10:00:00Z');
    const { store } = await adapters[0]!.open(t);
    const app = await makeApp(store, { rateLimit: 1_000_000, adminGuesses: { now: () => clock } });
    t.after(() => app.close());
    const attempt = (token: string, remoteAddress = '203.0.113.50') =>
      app.inject({ url: '/verify', headers: { authorization: `Bearer ${token}` }, remoteAddress });

    const codes: number[] = [];
    for (let i = 0; i < 300; i++) codes.push((await attempt(`guess-${i}-0123456789abcdef`)).statusCode);
    assert.equal(codes.filter((c) => c === 401).length, 10, 'ten guesses are answered 401');
    assert.equal(codes.filter((c) => c === 429).length, 290, 'the rest are refused before any comparison');
    const locked = await attempt(ADMIN_TOKEN);
    assert.equal(locked.statusCode, 429, 'the right token does not tell a locked-out client it guessed right');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal(locked.json().error, 'too many requests');

    assert.equal((await attempt(ADMIN_TOKEN, '198.51.100.7')).statusCode, 200, 'another client is not locked out');
    clock += 15 * 60_000;
    assert.equal((await attempt(ADMIN_TOKEN)).statusCode, 200, 'the lock lifts when the window ends');
  });

  test('the guard is on the app for the console sign-in to share', async (t) => {
    const { store } = await adapters[0]!.open(t);
    const app = await makeApp(store, { adminGuesses: { maxFailures: 2 } });
    t.after(() => app.close());
    const request = { ip: '192.0.2.9' } as Parameters<typeof app.adminTokenGuard.check>[0];
    assert.equal(app.adminTokenGuard.check(request, 'nope'), false);
    assert.equal(app.adminTokenGuard.check(request, ADMIN_TOKEN), true);
    assert.equal(app.adminTokenGuard.check(request, 'nope again'), false);
    // Two wrong guesses, whichever door they came through: /verify is closed too.
    const response = await app.inject({ url: '/verify', headers: adminHeaders, remoteAddress: '192.0.2.9' });
    assert.equal(response.statusCode, 429);
  });
});

describe('slow and broken connections', () => {
  test('a body that trickles in is cut off with 408 when the request timeout ends', async (t) => {
    const { port } = await listening(t, { requestTimeoutMs: 300 });
    let timer: NodeJS.Timeout | undefined;
    const { reply, closedAfterMs } = await rawExchange(port, (socket) => {
      socket.write(`POST /receipts HTTP/1.1\r\nHost: x\r\nOrigin: ${SITE}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{`);
      timer = setInterval(() => socket.writable && socket.write(' '), 50);
    });
    clearInterval(timer);
    assert.match(reply, /^HTTP\/1\.1 408/);
    assert.ok(closedAfterMs < 3000, `closed after ${closedAfterMs} ms`);
  });

  test('a connection reset right after the body is no 500 and no error in the log', async (t) => {
    const logs = new LogCapture();
    const { app, port } = await listening(t, { log: { level: 'info', stream: logs } });
    for (let i = 0; i < 30; i++) {
      const body = json(makeReceipt());
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /receipts HTTP/1.1\r\nHost: x\r\nOrigin: ${SITE}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
            () => {
              socket.resetAndDestroy();
              resolve();
            },
          );
        });
        socket.on('error', () => {});
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    const failures = logs.lines.filter((line) => /"level":(50|60)|"statusCode":500/.test(line));
    assert.deepEqual(failures, []);
  });
});

describe('log lines carry no visitor data', () => {
  test('at trace level a malformed request’s raw bytes never reach the log', async (t) => {
    const logs = new LogCapture();
    const { port } = await listening(t, { log: { level: 'trace', stream: logs } });
    const subject = randomUUID();
    const hostile = [
      `GET /receipts/${subject} HTTP/1.1\r\nHost: x\r\nUser-Agent: ${UA_PROBE}\r\nX-Forwarded-For: 198.51.100.23\r\nReferer: ${SITE}/secret-page\r\nContent-Length: nope\r\n\r\n`,
      `GET /receipts/${subject} HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 198.51.100.23\r\nReferer: ${SITE}/secret-page\r\nUser-Agent: ${UA_PROBE}\u0001\r\n\r\n`,
      `POST /receipts/${subject}?x HTTP/9\r\nUser-Agent: ${UA_PROBE}\r\n\r\n`,
    ];
    for (const bytes of hostile) {
      const { reply } = await rawExchange(port, (socket) => socket.write(bytes));
      assert.match(reply, /^HTTP\/1\.1 400/);
    }
    assert.ok(logs.lines.some((line) => line.includes('client error')), 'the client errors were logged');
    // pino writes a Buffer as {"type":"Buffer","data":[71,69,...]}: read those as text too.
    const decoded = logs.lines
      .map((line) => JSON.stringify(JSON.parse(line, (_key, value: unknown) =>
        isBufferJson(value) ? Buffer.from(value.data).toString('latin1') : value)))
      .join('\n');
    for (const secret of [UA_PROBE, '198.51.100.23', 'secret-page', subject]) {
      assert.ok(!decoded.includes(secret), `logs contain ${secret}`);
    }
  });

  test('an unmatched path is logged without the subject id in it, at any level', async (t) => {
    const logs = new LogCapture();
    const { store } = await adapters[0]!.open(t);
    const app = await makeApp(store, { log: { level: 'trace', stream: logs } });
    t.after(() => app.close());
    const subject = randomUUID();
    for (const url of [`/receipts/${subject}/extra`, `/receipt/${subject}`, `/${subject}`, `/receipts/not-a-uuid-${subject}`]) {
      const response = await app.inject({ url });
      assert.ok([400, 404].includes(response.statusCode), url);
    }
    assert.ok(logs.lines.some((line) => line.includes('(no route)')), 'unmatched requests were logged');
    assert.ok(!logs.text.includes(subject), 'logs contain the subject id');
  });
});

for (const adapter of adapters) {
  describe(`long reads on ${adapter.name}`, () => {
    test('GET /verify and a CSV export let the event loop turn while they walk 20,000 rows', async (t) => {
      const { store } = await adapter.open(t);
      for (let i = 0; i < 40; i++) await store.append(Array.from({ length: 500 }, () => makeReceipt()));
      const app = await makeApp(store);
      t.after(() => app.close());
      await app.ready(); // compiling routes and schemas is not the walk
      for (const url of ['/verify', '/export?format=csv']) {
        // A ticker that runs whenever the loop is free, as a liveness probe would.
        const gaps: number[] = [];
        let last = performance.now();
        let running = true;
        const tick = () => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (running) setImmediate(tick);
        };
        setImmediate(tick);
        const response = await app.inject({ url, headers: adminHeaders });
        running = false;
        assert.equal(response.statusCode, 200, url);
        if (url === '/verify') assert.equal(response.json().count, 20_000);
        else assert.equal(response.body.trim().split('\r\n').length, 20_001);
        // A walk that does not yield lets the loop turn once or never. The
        // slice is 8 ms; the median leaves headroom for a loaded machine, where
        // the process itself may wait for a core now and then.
        gaps.sort((a, b) => a - b);
        const median = gaps[Math.floor(gaps.length / 2)] ?? Infinity;
        assert.ok(gaps.length >= 20, `${url}: the event loop turned ${gaps.length} times`);
        assert.ok(median < 100, `${url}: the event loop waited ${median.toFixed(0)} ms per turn (median)`);
      }
    });
  });

  describe(`receipts that pass the schema but lie, on ${adapter.name}`, () => {
    async function setup(t: Parameters<typeof adapter.open>[0], overrides: Setup = {}) {
      const { store } = await adapter.open(t);
      const app = await makeApp(store, overrides);
      t.after(() => app.close());
      const post = (body: unknown, headers: Record<string, string> = postHeaders) =>
        app.inject({ method: 'POST', url: '/receipts', headers, payload: json(body) });
      return { app, store, post };
    }

    test('site must be the Origin it was posted from, and a host rather than an IP address', async (t) => {
      const other = 'https://other.example';
      const ip = 'https://203.0.113.5';
      const { post, store } = await setup(t, { allowedOrigins: [SITE, other, ip] });
      const cases: Array<[string, unknown, Record<string, string>, string]> = [
        ['another allowed origin', makeReceipt({ site: other }), postHeaders, '/site'],
        ['an origin not allowed, in a batch', [makeReceipt(), makeReceipt({ site: 'https://evil.example' })], postHeaders, '/1/site'],
        ['an IP literal, even when allowed', makeReceipt({ site: ip }), { ...postHeaders, origin: ip }, '/site'],
      ];
      for (const [what, body, headers, field] of cases) {
        const response = await post(body, headers);
        assert.equal(response.statusCode, 400, what);
        assert.equal(response.json().field, field, what);
        assert.match(response.json().message, /site must/, what);
      }
      let count = 0;
      for await (const _ of store.export()) count += 1;
      assert.equal(count, 0, 'nothing was stored');
      assert.equal((await post(makeReceipt({ site: 'https://shop.example.co.uk' }))).statusCode, 201);
    });

    test('ALLOWED_ORIGINS refuses an IP address but keeps loopback for development', () => {
      assert.throws(() => loadConfig({ ALLOWED_ORIGINS: 'https://203.0.113.5,https://[2001:db8::1]' }), (error: unknown) =>
        error instanceof ConfigError && error.problems.filter((p) => /not an IP address/.test(p)).length === 2);
      assert.deepEqual(loadConfig({ ALLOWED_ORIGINS: 'http://127.0.0.1:8080,http://[::1]:8080' }).allowedOrigins, [
        'http://127.0.0.1:8080',
        'http://[::1]:8080',
      ]);
    });

    test('the same UUID in upper case is the same receipt and the same subject', async (t) => {
      const { app, post } = await setup(t);
      const receipt = makeReceipt();
      assert.equal((await post(receipt)).statusCode, 201);
      const shouted = { ...receipt, id: receipt.id.toUpperCase(), subject: receipt.subject.toUpperCase() };
      const again = await post(shouted);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json().results, [{ id: receipt.id, status: 'duplicate' }]);
      const other = makeReceipt({ subject: receipt.subject.toUpperCase() });
      assert.equal((await post(other)).statusCode, 201);
      for (const subject of [receipt.subject, receipt.subject.toUpperCase()]) {
        const history = (await app.inject({ url: `/receipts/${subject}` })).json<{ subject: string; receipts: { receipt: { id: string } }[] }>();
        assert.deepEqual(history.receipts.map((r: { receipt: { id: string } }) => r.receipt.id), [receipt.id, other.id]);
        assert.equal(history.subject, receipt.subject);
      }
    });

    test('timestamps out of range and expires before timestamp are refused, naming the field', async (t) => {
      const { post } = await setup(t);
      const cases: Array<[string, Partial<ReturnType<typeof makeReceipt>>, string]> = [
        ['year 0000', { timestamp: '0000-01-01T00:00:00Z' }, '/timestamp'],
        ['year 9999', { timestamp: '9999-12-31T23:59:59Z', expires: '9999-12-31T23:59:59Z' }, '/timestamp'],
        ['a week in the future', { timestamp: new Date(Date.now() + 7 * 86_400_000).toISOString() }, '/timestamp'],
        ['expires before timestamp', { expires: '2026-01-01T00:00:00Z' }, '/expires'],
        ['expires in year 9999', { expires: '9999-12-31T23:59:59Z' }, '/expires'],
      ];
      for (const [what, overrides, field] of cases) {
        const response = await post(makeReceipt(overrides));
        assert.equal(response.statusCode, 400, what);
        assert.equal(response.json().error, 'invalid receipt', what);
        assert.equal(response.json().field, field, what);
      }
      const batch = await post([makeReceipt(), makeReceipt({ expires: '2020-01-01T00:00:00Z' })]);
      assert.equal(batch.json().field, '/1/expires');
    });

    test('/export refuses a day that does not exist instead of rolling it over', async (t) => {
      const { app } = await setup(t);
      for (const [query, field] of [
        ['from=2026-02-30', 'from'],
        ['to=2026-04-31', 'to'],
        ['from=2026-02-28T24:00Z', 'from'],
        ['from=2026-06-02&to=2026-06-01', 'from'],
      ]) {
        const response = await app.inject({ url: `/export?${query}`, headers: adminHeaders });
        assert.equal(response.statusCode, 400, query);
        assert.equal(response.json().field, field, query);
      }
      assert.equal((await app.inject({ url: '/export?from=2028-02-29&to=2028-03-01', headers: adminHeaders })).statusCode, 200);
    });
  });
}
