// Who may see the console: the admin token signs in once and becomes a
// session cookie; nothing under /console/api/ answers without it; wrong
// tokens are rate-limited; sign-out needs the session's CSRF token; the
// bearer-token routes stay bearer-only. The session keeper is also
// specified alone, with a clock the spec moves; wrong tokens share the one
// admin-token guard of /export and /verify (admin-token.ts, abuse.test.ts).
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { SESSION_SECONDS, SessionKeeper } from '../src/console/session.js';
import { GUESS_WINDOW_MS, MAX_WRONG_TOKENS } from '../src/admin-token.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { ADMIN_TOKEN, LogCapture, UA_PROBE, adminHeaders, makeApp, makeReceipt, tempDir } from './helpers.js';
import { join } from 'node:path';

async function setUp(t: TestContext, overrides: Parameters<typeof makeApp>[1] = {}) {
  const store = openSqliteStore(join(tempDir(t), 'receipts.db'));
  const app = await makeApp(store, overrides);
  t.after(() => app.close());
  return { app, store };
}

const signIn = (app: Awaited<ReturnType<typeof makeApp>>, token: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/console/api/session', payload: { token }, headers });

const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0] ?? '';

const API_ROUTES = [
  '/console/api/session',
  '/console/api/figures?from=2026-05-01&to=2026-05-02',
  '/console/api/record/3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
  '/console/api/chain',
  '/console/api/export?from=2026-05-01&to=2026-05-02',
];

describe('console sign-in', () => {
  it('serves the page to anyone, with a strict CSP and no figure or record in it', async (t) => {
    const { app, store } = await setUp(t);
    const receipt = makeReceipt();
    await store.append([receipt]);
    const page = await app.inject({ url: '/console' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.ok(!page.body.includes(receipt.subject));
    assert.ok(!page.body.includes(receipt.id));
    assert.equal((await app.inject({ url: '/console/assets/console.js' })).statusCode, 200);
    assert.equal((await app.inject({ url: '/console/assets/../../package.json' })).statusCode, 404);
  });

  it('answers every API route with 401 and no data without a session: no cookie, a forged one, or the bearer token', async (t) => {
    const { app, store } = await setUp(t);
    await store.append([makeReceipt()]);
    const good = cookieOf(await signIn(app, ADMIN_TOKEN));
    const [name, value] = good.split('=') as [string, string];
    const [expires, nonce] = value.split('.');
    const forged = `${name}=${Number(expires) + 3600}.${nonce}.${'A'.repeat(43)}`;
    for (const url of API_ROUTES) {
      for (const headers of [{}, { cookie: forged }, adminHeaders, { cookie: `${name}=` }]) {
        const response = await app.inject({ url, headers });
        assert.equal(response.statusCode, 401, `${url} ${JSON.stringify(headers)}`);
        assert.deepEqual(Object.keys(response.json()), ['error']);
      }
    }
    for (const url of ['/console/api/chain/verify', '/console/api/session/end']) {
      assert.equal((await app.inject({ method: 'POST', url })).statusCode, 401, url);
    }
  });

  it('turns the right token into an HttpOnly, SameSite=Strict, expiring cookie for /console only', async (t) => {
    const { app } = await setUp(t);
    const response = await signIn(app, ADMIN_TOKEN);
    assert.equal(response.statusCode, 200);
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /^consentry_console=[\w.-]+; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    assert.ok(!cookie.includes(ADMIN_TOKEN));
    assert.equal(response.json().signedIn, true);
    const figures = await app.inject({ url: API_ROUTES[1] ?? '', headers: { cookie: cookieOf(response) } });
    assert.equal(figures.statusCode, 200);
  });

  it('marks the cookie Secure when the console is reached over https through a trusted proxy', async (t) => {
    const { app } = await setUp(t, { trustProxy: 1 });
    const response = await signIn(app, ADMIN_TOKEN, { 'x-forwarded-proto': 'https' });
    assert.match(String(response.headers['set-cookie']), /; Secure$/);
  });

  it('refuses a wrong token, and after ten wrong ones refuses even the right one from that address', async (t) => {
    const { app } = await setUp(t);
    const missing = await app.inject({ method: 'POST', url: '/console/api/session', payload: {} });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().field, '/token');
    for (let i = 0; i < MAX_WRONG_TOKENS; i++) {
      const wrong = await signIn(app, `${ADMIN_TOKEN}x`);
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.headers['set-cookie'], undefined);
    }
    const limited = await signIn(app, ADMIN_TOKEN);
    assert.equal(limited.statusCode, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.headers['set-cookie'], undefined);
    // Another address is not locked out by this one's guesses.
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/console/api/session',
      payload: { token: ADMIN_TOKEN },
      remoteAddress: '127.0.0.9',
    });
    assert.equal(elsewhere.statusCode, 200);
  });

  it('refuses a cross-site sign-in, a sign-out without the CSRF token, and a verify from another site', async (t) => {
    const { app } = await setUp(t);
    const crossSite = await signIn(app, ADMIN_TOKEN, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    assert.equal(crossSite.statusCode, 403);
    const signedIn = await signIn(app, ADMIN_TOKEN);
    const cookie = cookieOf(signedIn);
    const csrf = signedIn.json().csrf as string;

    const noToken = await app.inject({ method: 'POST', url: '/console/api/session/end', headers: { cookie } });
    assert.equal(noToken.statusCode, 403);
    const wrongToken = await app.inject({ method: 'POST', url: '/console/api/session/end', headers: { cookie, 'x-consentry-csrf': `${csrf}x` } });
    assert.equal(wrongToken.statusCode, 403);
    const otherSite = await app.inject({
      method: 'POST',
      url: '/console/api/chain/verify',
      headers: { cookie, 'x-consentry-csrf': csrf, origin: 'https://evil.example' },
    });
    assert.equal(otherSite.statusCode, 403);
    assert.equal((await app.inject({ url: '/console/api/chain', headers: { cookie } })).statusCode, 200);

    const signOut = await app.inject({ method: 'POST', url: '/console/api/session/end', headers: { cookie, 'x-consentry-csrf': csrf } });
    assert.equal(signOut.statusCode, 204);
    assert.match(String(signOut.headers['set-cookie']), /^consentry_console=; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=0$/);
    assert.equal((await app.inject({ url: '/console/api/chain', headers: { cookie } })).statusCode, 401, 'a signed-out cookie is dead');
  });

  it('leaves /export and /verify on the bearer token: the console cookie does not open them', async (t) => {
    const { app } = await setUp(t);
    const cookie = cookieOf(await signIn(app, ADMIN_TOKEN));
    for (const url of ['/export', '/verify']) {
      assert.equal((await app.inject({ url, headers: { cookie } })).statusCode, 401, url);
      assert.equal((await app.inject({ url, headers: adminHeaders })).statusCode, 200, url);
    }
  });

  it('is off when ADMIN_TOKEN is not set', async (t) => {
    const { app } = await setUp(t, { adminToken: undefined });
    const response = await signIn(app, ADMIN_TOKEN);
    assert.equal(response.statusCode, 401);
    assert.match(response.json().error, /ADMIN_TOKEN is not set/);
  });

  it('logs no token, consent id, address or user agent at any level', async (t) => {
    const logs = new LogCapture();
    const { app, store } = await setUp(t, { log: { level: 'trace', stream: logs } });
    const receipt = makeReceipt();
    await store.append([receipt]);
    const headers = { 'user-agent': UA_PROBE, 'x-forwarded-for': '203.0.113.77' };
    await signIn(app, 'wrong-token-guess-0123456789', headers);
    const cookie = cookieOf(await signIn(app, ADMIN_TOKEN, headers));
    await app.inject({ url: `/console/api/record/${receipt.subject}`, headers: { ...headers, cookie } });
    await app.inject({ url: '/console/api/figures?from=2026-05-01&to=2026-05-02', headers: { ...headers, cookie } });
    assert.ok(logs.lines.length > 0);
    for (const secret of [ADMIN_TOKEN, 'wrong-token-guess', receipt.subject, UA_PROBE, '203.0.113.77', '127.0.0.1', cookie.split('=')[1] ?? '']) {
      assert.ok(!logs.text.includes(secret), `log carries ${secret}`);
    }
  });
});

describe('console session keeper and the shared admin-token guard', () => {
  it('a session expires after 8 hours, and a new admin token ends every session', () => {
    let now = Date.parse('2026-05-04T10:00:00Z');
    const keeper = new SessionKeeper(ADMIN_TOKEN, () => now);
    const { cookie, session } = keeper.open();
    assert.deepEqual(keeper.read(cookie), session);
    now += (SESSION_SECONDS - 1) * 1000;
    assert.notEqual(keeper.read(cookie), null);
    now += 1000;
    assert.equal(keeper.read(cookie), null);
    const fresh = keeper.open().cookie;
    assert.equal(new SessionKeeper(`${ADMIN_TOKEN}-rotated`, () => now).read(fresh), null);
    assert.equal(keeper.read(fresh.replace(/^\d+\./, `${Math.floor(now / 1000) + 99_999}.`)), null, 'a later expiry breaks the MAC');
  });

  it('wrong tokens at the sign-in and at /verify count against one budget, which lifts when its window ends', async (t) => {
    let now = Date.parse('2026-05-04T10:00:00Z');
    const { app } = await setUp(t, { adminGuesses: { now: () => now } });
    for (let i = 0; i < MAX_WRONG_TOKENS / 2; i++) {
      assert.equal((await signIn(app, `${ADMIN_TOKEN}x`)).statusCode, 401);
      const bearer = await app.inject({ url: '/verify', headers: { authorization: `Bearer ${ADMIN_TOKEN}x` } });
      assert.equal(bearer.statusCode, 401);
    }
    assert.equal((await signIn(app, ADMIN_TOKEN)).statusCode, 429, 'the console is locked by guesses at /verify too');
    assert.equal((await app.inject({ url: '/verify', headers: adminHeaders })).statusCode, 429);
    now += GUESS_WINDOW_MS;
    assert.equal((await signIn(app, ADMIN_TOKEN)).statusCode, 200);
  });
});
