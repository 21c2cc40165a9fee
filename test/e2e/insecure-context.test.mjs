// Issue 9: a receipt is a receipt everywhere. Served over plain http under a
// real host name (not localhost, not treated as secure) the page has no
// WebCrypto; the decision's receipt must still carry a sha256 configHash (the
// same digest a secure page computes), and the receipts server must accept,
// store and verify it. Before the fix the digest was `fnv1a-…`, the server
// answered 400 and the queue dropped the receipt.
//
// Its own stack: the demo site, the receipts server allowing the plain-http
// origin, and a Chromium that resolves *.keyhold.test to 127.0.0.1 without
// treating shop.keyhold.test as secure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startDemoServer } from '../../demo/server.mjs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { ADMIN_TOKEN, bannerButton, banner, freePort, receiptsServer, repo, requireBuild, state, waitForBanner, waitForReady } from './helpers.mjs';
import path from 'node:path';

const { ReceiptSchema } = await import(path.join(repo, 'server/dist/schemas/receipt.js'));
// The server's own Ajv options (server/src/app.ts) and formats (fastify's default compiler).
const checkReceipt = addFormats(new Ajv({ removeAdditional: false, coerceTypes: false, allErrors: true })).compile(ReceiptSchema);

const HOST = 'shop.keyhold.test';
const E2E_DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(repo, 'dist');

describe('a site on plain http (no secure context)', () => {
  const stack = {};

  before(async () => {
    requireBuild();
    const receiptsPort = await freePort();
    stack.site = await startDemoServer({
      mounts: [['/dist/', E2E_DIST]],
      receiptsUrl: `http://127.0.0.1:${receiptsPort}/receipts`,
      quiet: true,
    });
    stack.insecureOrigin = `http://${HOST}:${stack.site.port}`;
    stack.receipts = receiptsServer({
      port: receiptsPort,
      allowedOrigins: [stack.site.origin, stack.insecureOrigin],
      onPortChange: (endpoint) => stack.site.setReceiptsUrl(endpoint),
    });
    await stack.receipts.start();
    stack.browser = await launchChromium(['--host-resolver-rules=MAP *.keyhold.test 127.0.0.1']);
  });

  after(async () => {
    await stack.browser?.close().catch(() => {});
    await stack.receipts?.dispose();
    await stack.site?.close();
  });

  /** Accepts all on the demo's home page at `origin`; returns the visitor's subject, what the page posted, and the page's context facts. */
  const acceptOn = async (origin) => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const posted = [];
    const errors = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/receipts') posted.push(JSON.parse(request.postData()));
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      await page.goto(origin + '/');
      await waitForReady(page);
      const secure = await page.evaluate(() => ({ isSecureContext, subtle: !!globalThis.crypto?.subtle }));
      await waitForBanner(page);
      await bannerButton(page, 'accept-all').click();
      await banner(page).waitFor({ state: 'hidden' });
      const { subject } = await state(page);
      const stored = await stack.receipts.waitForHistory(subject, { timeout: 15000, message: `the receipt from ${origin}` });
      return { subject, stored, posted, secure, errors };
    } finally {
      await context.close();
    }
  };

  it('stores and verifies the receipt of an accept-all, with the same sha256 digest as a secure page', async () => {
    const plain = await acceptOn(stack.insecureOrigin);
    assert.deepEqual(plain.secure, { isSecureContext: false, subtle: false }, 'the page must really lack WebCrypto');
    assert.deepEqual(plain.errors.filter((e) => /refused|receipt/i.test(e)), []);

    const [receipt] = plain.stored;
    assert.equal(receipt.subject, plain.subject);
    assert.equal(receipt.site, stack.insecureOrigin);
    assert.equal(receipt.action, 'accept-all');
    assert.match(receipt.configHash, /^sha256-[A-Za-z0-9+/]{43}=$/);

    // What the real decide path posted is a receipt by the server's own schema and validator.
    assert.ok(plain.posted.length >= 1, 'the page posted its receipt');
    assert.ok(checkReceipt(plain.posted[0]), JSON.stringify(checkReceipt.errors));

    // The chain the server keeps checks end to end.
    const verify = await (await fetch(`${stack.receipts.origin}/verify`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    assert.equal(verify.ok, true, JSON.stringify(verify));
    assert.ok(verify.count >= 1);

    // The same config on a secure origin gives the same digest: one receipt contract, every context.
    const secure = await acceptOn(stack.site.origin);
    assert.equal(secure.secure.subtle, true);
    assert.equal(secure.stored[0].configHash, receipt.configHash);
    assert.ok(checkReceipt(secure.posted[0]), JSON.stringify(checkReceipt.errors));
  });
});
