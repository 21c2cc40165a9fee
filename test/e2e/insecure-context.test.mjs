// Issue 9: a receipt is a receipt everywhere. Served over plain http under a
// real host name (not localhost, not treated as secure) the page has no
// WebCrypto; the decision's receipt must still carry a sha256 configHash (the
// same digest a secure page computes), and the receipts server must accept,
// store and verify it. Before the fix the digest was `fnv1a-…`, the server
// answered 400 and the queue dropped the receipt.
//
// In every engine: the stack serves the demo at stack.plainHttpOrigin
// (shop.keyhold.test, which each engine resolves to 127.0.0.1 and none treats
// as secure; see engines.mjs) and the receipts server allows that origin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import path from 'node:path';
import { ADMIN_TOKEN, BANNER, bannerButton, load, openPage, repo, state, useStack, waitForBanner } from './helpers.mjs';

const { ReceiptSchema } = await import(path.join(repo, 'server/dist/schemas/receipt.js'));
// The server's own Ajv options (server/src/app.ts) and formats (fastify's default compiler).
const checkReceipt = addFormats(new Ajv({ removeAdditional: false, coerceTypes: false, allErrors: true })).compile(ReceiptSchema);

/** In-page, before any script: keeps the body of every POST to /receipts (fetch or beacon), as the page sent it. */
function recordPostedReceipts() {
  window.__posted = [];
  const keep = (url, body) => {
    if (new URL(String(url), location.href).pathname === '/receipts' && typeof body === 'string') window.__posted.push(body);
  };
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    if (init?.method === 'POST') keep(input instanceof Request ? input.url : input, init.body);
    return fetch.apply(this, arguments);
  };
  const beacon = navigator.sendBeacon?.bind(navigator);
  if (beacon)
    navigator.sendBeacon = (url, body) => {
      keep(url, body);
      return beacon(url, body);
    };
}

describe('a site on plain http (no secure context)', () => {
  const stack = useStack({});

  /** Accepts all on the demo's home page at `origin`; returns the visitor's subject, what the page posted, and the page's context facts. */
  const acceptOn = async (origin) => {
    const visit = await openPage(stack);
    try {
      await visit.addInitScript(recordPostedReceipts);
      await load(visit, origin + '/');
      const secure = await visit.evaluate(() => ({ isSecureContext, subtle: !!globalThis.crypto?.subtle }));
      await waitForBanner(visit);
      await visit.click(bannerButton('accept-all'));
      await visit.waitFor(BANNER, { state: 'hidden' });
      const { subject } = await state(visit);
      const stored = await stack.receipts.waitForHistory(subject, { timeout: 15000, message: `the receipt from ${origin}` });
      const posted = (await visit.evaluate(() => window.__posted)).flatMap((body) => [JSON.parse(body)].flat());
      return { subject, stored, posted, secure, errors: visit.errors };
    } finally {
      await visit.close();
    }
  };

  it('stores and verifies the receipt of an accept-all, with the same sha256 digest as a secure page', async () => {
    const plain = await acceptOn(stack.plainHttpOrigin);
    assert.deepEqual(plain.secure, { isSecureContext: false, subtle: false }, 'the page must really lack WebCrypto');
    assert.deepEqual(plain.errors.filter((e) => /refused|receipt/i.test(e)), []);

    const [receipt] = plain.stored;
    assert.equal(receipt.subject, plain.subject);
    assert.equal(receipt.site, stack.plainHttpOrigin);
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
