// The HTTP contract of PRODUCT.md, driven with app.inject() (no port), on both stores.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Receipt } from '../src/schemas/receipt.js';
import { ADMIN_TOKEN, LogCapture, SITE, UA_PROBE, adapters, adminHeaders, json, makeApp, makeReceipt, postHeaders } from './helpers.js';

for (const adapter of adapters) {
  describe(`routes on ${adapter.name}`, () => {
    async function setup(t: Parameters<typeof adapter.open>[0], overrides: Parameters<typeof makeApp>[1] = {}) {
      const { store, raw } = await adapter.open(t);
      const app = await makeApp(store, overrides);
      t.after(() => app.close());
      const post = (body: unknown, headers: Record<string, string> = postHeaders) =>
        app.inject({ method: 'POST', url: '/receipts', headers, payload: typeof body === 'string' ? body : json(body) });
      return { app, store, raw, post };
    }

    test('POST /receipts: 201 stored, then 200 for the same id, stored once', async (t) => {
      const { app, post } = await setup(t);
      const receipt = makeReceipt();
      const first = await post(receipt);
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), { stored: 1, duplicate: 0, results: [{ id: receipt.id, status: 'stored' }] });
      const again = await post(receipt);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { stored: 0, duplicate: 1, results: [{ id: receipt.id, status: 'duplicate' }] });
      const history = await app.inject({ url: `/receipts/${receipt.subject}` });
      assert.equal(history.json().receipts.length, 1);
    });

    test('POST /receipts: a batch is stored in order; 201 if any is new, 200 if none is', async (t) => {
      const { post } = await setup(t);
      const known = makeReceipt();
      await post(known);
      const batch = [known, makeReceipt(), makeReceipt()];
      const response = await post(batch);
      assert.equal(response.statusCode, 201);
      assert.deepEqual(response.json<{ results: { status: string }[] }>().results.map((r) => r.status), ['duplicate', 'stored', 'stored']);
      assert.equal((await post(batch)).statusCode, 200);
    });

    test('POST /receipts: 400 names the failing field', async (t) => {
      const { post, store } = await setup(t);
      const cases: Array<[string, unknown, string]> = [
        ['a bad category in a batch', [makeReceipt(), { ...makeReceipt(), granted: ['necessary', 'Not A Category'] }], '/1/granted/1'],
        ['an IP address', { ...makeReceipt(), ip: '203.0.113.9' }, '/ip'],
        ['a user agent, in a batch', [{ ...makeReceipt(), userAgent: UA_PROBE }], '/0/userAgent'],
        ['a full URL as site', makeReceipt({ site: 'https://shop.example.co.uk/basket?id=7' }), '/site'],
        ['a missing subject', (({ subject: _s, ...rest }) => rest)(makeReceipt()), '/subject'],
        ['a non-UUID id', makeReceipt({ id: 'abc' }), '/id'],
        ['a local timestamp', makeReceipt({ timestamp: '2026-06-01T10:00:00+01:00' }), '/timestamp'],
        ['an unknown action', { ...makeReceipt(), action: 'maybe' }, '/action'],
        ['a string revision', { ...makeReceipt(), revision: '3' }, '/revision'],
        ['an unknown basis', { ...makeReceipt(), bases: { analytics: 'legitimate-interest' } }, '/bases/analytics'],
        ['an extra signal', { ...makeReceipt(), signals: { gpc: true, dnt: true } }, '/signals/dnt'],
        ['the wrong schema version', { ...makeReceipt(), schema: 'consentry-receipt/2' }, '/schema'],
        ['an empty batch', [], ''],
      ];
      for (const [what, body, field] of cases) {
        const response = await post(body);
        assert.equal(response.statusCode, 400, what);
        const payload = response.json();
        assert.equal(payload.error, 'invalid receipt', what);
        assert.equal(payload.field, field, what);
        assert.equal(typeof payload.message, 'string', what);
      }
      const ipCase = (await post({ ...makeReceipt(), ip: '203.0.113.9' })).json();
      assert.match(ipCase.message, /"ip" is not a receipt field/);
      assert.equal((await (async () => { let n = 0; for await (const _ of store.export()) n++; return n; })()), 0, 'nothing invalid is stored');
    });

    test('POST /receipts: 400 for a body that is not JSON', async (t) => {
      const { post } = await setup(t);
      const response = await post('{"id": ');
      assert.equal(response.statusCode, 400);
    });

    test('POST /receipts: text/plain bodies (navigator.sendBeacon) are parsed as JSON', async (t) => {
      const { post } = await setup(t);
      const receipt = makeReceipt();
      const response = await post(receipt, { origin: SITE, 'content-type': 'text/plain;charset=UTF-8' });
      assert.equal(response.statusCode, 201);
      const bad = await post({ ...receipt, userAgent: 'x' }, { origin: SITE, 'content-type': 'text/plain' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().field, '/userAgent');
      const other = await post(receipt, { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(other.statusCode, 415);
    });

    test('POST /receipts: 413 over the body limit', async (t) => {
      const { post } = await setup(t, { bodyLimit: 2048 });
      const batch = Array.from({ length: 10 }, () => makeReceipt());
      assert.ok(json(batch).length > 2048);
      const response = await post(batch);
      assert.equal(response.statusCode, 413);
      assert.equal(response.json().error, 'body too large');
      assert.equal((await post(batch.slice(0, 1))).statusCode, 201);
    });

    test('POST /receipts: 403 for an origin not allowed, or none', async (t) => {
      const { post } = await setup(t);
      const evil = await post(makeReceipt(), { origin: 'https://evil.example', 'content-type': 'application/json' });
      assert.equal(evil.statusCode, 403);
      assert.equal(evil.json().error, 'origin not allowed');
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
      const sameHostOtherScheme = await post(makeReceipt(), { origin: 'http://shop.example.co.uk', 'content-type': 'application/json' });
      assert.equal(sameHostOtherScheme.statusCode, 403);
      const none = await post(makeReceipt(), { 'content-type': 'application/json' });
      assert.equal(none.statusCode, 403);
    });

    test('POST /receipts: 429 once the per-minute limit is spent', async (t) => {
      const { post } = await setup(t, { rateLimit: 3 });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await post(makeReceipt())).statusCode);
      assert.deepEqual(codes, [201, 201, 201, 429, 429]);
      const limited = await post(makeReceipt());
      assert.equal(limited.json().error, 'too many requests');
      assert.ok(limited.headers['retry-after']);
    });

    test('CORS: preflight and responses carry the allowed origin only', async (t) => {
      const { app, post } = await setup(t);
      const preflight = await app.inject({
        method: 'OPTIONS',
        url: '/receipts',
        headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.statusCode, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], SITE);
      assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
      const foreign = await app.inject({
        method: 'OPTIONS',
        url: '/receipts',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(foreign.headers['access-control-allow-origin'], undefined);
      assert.equal((await post(makeReceipt())).headers['access-control-allow-origin'], SITE);
    });

    test('GET /receipts/:subject: the visitor’s history as a download, readable by the site', async (t) => {
      const { app, post } = await setup(t);
      const subject = crypto.randomUUID();
      const accept = makeReceipt({ subject, action: 'accept-all' });
      const withdraw = makeReceipt({ subject, action: 'withdraw', method: 'api' });
      await post([accept, makeReceipt()]);
      await post(withdraw);
      const response = await app.inject({ url: `/receipts/${subject}`, headers: { origin: SITE } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-disposition']), /^attachment; filename="consent-receipts-[0-9a-f-]{36}\.json"$/);
      assert.equal(response.headers['access-control-allow-origin'], SITE);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const body = response.json<{ subject: string; receipts: { receipt: Receipt; hash: string }[] }>();
      assert.equal(body.subject, subject);
      assert.deepEqual(body.receipts.map((r) => r.receipt), [accept, withdraw]);
      assert.ok(body.receipts.every((r) => /^[0-9a-f]{64}$/.test(r.hash)));

      const empty = await app.inject({ url: `/receipts/${crypto.randomUUID()}` });
      assert.deepEqual(empty.json().receipts, []);
      const bad = await app.inject({ url: '/receipts/not-a-uuid' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().field, 'subject');
    });

    test('GET /export and GET /verify: 401 without the right bearer token', async (t) => {
      const { app } = await setup(t);
      for (const url of ['/export', '/verify']) {
        for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`, 'Bearer ']) {
          const response = await app.inject({ url, headers: authorization ? { authorization } : {} });
          assert.equal(response.statusCode, 401, `${url} with ${authorization}`);
          assert.match(String(response.headers['www-authenticate']), /^Bearer/);
        }
        assert.equal((await app.inject({ url, headers: adminHeaders })).statusCode, 200);
      }
    });

    test('GET /export and GET /verify: 401 for everyone when no ADMIN_TOKEN is configured', async (t) => {
      const { app } = await setup(t, { adminToken: undefined });
      const response = await app.inject({ url: '/verify', headers: { authorization: 'Bearer undefined' } });
      assert.equal(response.statusCode, 401);
      assert.match(response.json().error, /ADMIN_TOKEN is not set/);
    });

    test('GET /export: JSON lines and CSV, filtered by date range', async (t) => {
      const { app, post } = await setup(t);
      const early = [makeReceipt(), makeReceipt()];
      await post(early);
      await new Promise((resolve) => setTimeout(resolve, 15));
      const middle = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 15));
      const late = makeReceipt({ policyVersion: 'v2,with-comma'.replace(',', '.') });
      await post(late);

      const all = await app.inject({ url: '/export', headers: adminHeaders });
      assert.equal(all.statusCode, 200);
      assert.match(String(all.headers['content-type']), /^application\/jsonl/);
      assert.match(String(all.headers['content-disposition']), /^attachment; filename="receipts-\d{4}-\d{2}-\d{2}\.jsonl"$/);
      const lines = all.body.trim().split('\n').map((line) => JSON.parse(line) as { receipt: Receipt });
      assert.deepEqual(lines.map((l) => l.receipt.id), [...early.map((r) => r.id), late.id]);
      assert.deepEqual(Object.keys(lines[0] ?? {}).sort(), ['hash', 'prevHash', 'receipt', 'receivedAt', 'seq']);

      const fromMiddle = await app.inject({ url: `/export?from=${encodeURIComponent(middle)}`, headers: adminHeaders });
      assert.deepEqual(fromMiddle.body.trim().split('\n').map((l) => (JSON.parse(l) as { receipt: Receipt }).receipt.id), [late.id]);
      const toMiddle = await app.inject({ url: `/export?format=csv&to=${encodeURIComponent(middle)}`, headers: adminHeaders });
      assert.match(String(toMiddle.headers['content-type']), /^text\/csv/);
      const rows = toMiddle.body.trim().split('\r\n');
      assert.equal(rows.length, 3);
      assert.match(rows[0]!, /^seq,id,subject,timestamp,receivedAt,site,/);
      assert.ok(rows[1]!.startsWith(`1,${early[0]!.id},${early[0]!.subject},`));
      assert.ok(rows[1]!.includes('"{""necessary"":""strictly-necessary""'), 'bases is quoted JSON');
      const future = await app.inject({ url: '/export?format=csv&from=2999-01-01', headers: adminHeaders });
      assert.equal(future.body.trim().split('\r\n').length, 1, 'header only');

      const badFormat = await app.inject({ url: '/export?format=xml', headers: adminHeaders });
      assert.equal(badFormat.statusCode, 400);
      assert.equal(badFormat.json().field, 'format');
      const badDate = await app.inject({ url: '/export?from=2026-02-31T25:00Z', headers: adminHeaders });
      assert.equal(badDate.statusCode, 400);
      assert.equal(badDate.json().field, 'from');
    });

    test('GET /verify: ok for an intact chain, then the position of a row altered in the database', async (t) => {
      const { app, post, raw } = await setup(t);
      const receipts = Array.from({ length: 4 }, () => makeReceipt());
      for (const receipt of receipts) await post(receipt);
      const intact = (await app.inject({ url: '/verify', headers: adminHeaders })).json();
      assert.equal(intact.ok, true);
      assert.equal(intact.count, 4);
      await raw.exec('DROP TRIGGER receipts_no_update' + (adapter.name === 'postgres' ? ' ON receipts' : ''));
      await raw.exec(`UPDATE receipts SET action = 'reject-all' WHERE seq = 2`);
      const broken = (await app.inject({ url: '/verify', headers: adminHeaders })).json();
      assert.deepEqual(broken, { ok: false, count: 1, brokenAt: { seq: 2, id: receipts[1]!.id, reason: 'hash-mismatch' } });
    });

    test('GET /healthz answers without a token and without rate limiting', async (t) => {
      const { app } = await setup(t, { rateLimit: 1 });
      for (let i = 0; i < 3; i++) {
        const response = await app.inject({ url: '/healthz' });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { status: 'ok', store: adapter.name });
      }
    });

    test('no route updates or deletes receipts', async (t) => {
      const { app, post } = await setup(t);
      const receipt = makeReceipt();
      await post(receipt);
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        for (const url of ['/receipts', `/receipts/${receipt.subject}`, `/receipts/${receipt.id}`]) {
          const response = await app.inject({ method, url, headers: { ...postHeaders, ...adminHeaders }, payload: json(receipt) });
          assert.equal(response.statusCode, 404, `${method} ${url}`);
        }
      }
      assert.equal((await app.inject({ url: `/receipts/${receipt.subject}` })).json().receipts.length, 1);
    });

    test('the client address and user agent appear in no stored row and no log line', async (t) => {
      const logs = new LogCapture();
      const { app, raw } = await setup(t, { log: { level: 'trace', stream: logs }, rateLimit: 4 });
      const clientIp = '203.0.113.77';
      const subject = crypto.randomUUID();
      const headers = { ...postHeaders, 'user-agent': UA_PROBE, 'x-forwarded-for': '198.51.100.23', referer: `${SITE}/secret-page?token=abc` };
      const requests = [
        { method: 'POST' as const, url: '/receipts?utm_source=probe', payload: json(makeReceipt({ subject })) },
        { method: 'POST' as const, url: '/receipts', payload: json({ ...makeReceipt(), ip: clientIp }) },
        { method: 'GET' as const, url: `/receipts/${subject}` },
        { method: 'GET' as const, url: '/export', headers: adminHeaders },
        { method: 'GET' as const, url: '/nowhere?q=1' },
        { method: 'POST' as const, url: '/receipts', payload: json(makeReceipt()) },
      ];
      for (const request of requests) {
        await app.inject({ ...request, headers: { ...headers, ...request.headers }, remoteAddress: clientIp });
      }
      assert.ok(logs.lines.length >= requests.length * 2, 'requests were logged');
      assert.ok(logs.lines.some((line) => line.includes('"statusCode":429')), 'the rate-limited request was logged too');
      const dump = await raw.dump();
      assert.ok(dump.includes(subject), 'the dump holds the stored receipts');
      for (const secret of [clientIp, '198.51.100.23', UA_PROBE, 'secret-page', 'utm_source', ADMIN_TOKEN]) {
        assert.ok(!dump.includes(secret), `database dump contains ${secret}`);
        assert.ok(!logs.text.includes(secret), `logs contain ${secret}`);
      }
      assert.ok(!logs.text.includes(subject), 'logs name the route, not the subject id');
    });
  });
}
