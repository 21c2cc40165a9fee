// The script-tag build served from a CDN: the README's snippet, with its
// Subresource Integrity hashes, on a page of one origin loading dist/ from
// another (two servers on 127.0.0.1, different ports). The chunks must load
// relative to the script's own URL, and a byte changed on the CDN must stop
// the file from running. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { block, CDN_BASE, chunkFiles, readmeBlock } from '../../scripts/sri.mjs';
import { repo, requireBuild, testConfig } from './apps.mjs';

requireBuild();

const SITE_PORT = 9703;
const CDN_PORT = 9704;
const cdnPath = new URL(CDN_BASE).pathname; // /npm/consentry@<version>/dist/
const cdnBase = `http://127.0.0.1:${CDN_PORT}${cdnPath}`;

const listen = (port, handler) =>
  new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server));
  });

describe('the script-tag build from a CDN, with Subresource Integrity', () => {
  let site;
  let cdn;
  let browser;
  const cdnHits = [];
  const siteHits = [];
  let tampered = null; // a dist file the CDN serves with one more byte
  let page;
  let messages;

  before(async () => {
    // The page holds the README's block as it is, pointed at this CDN.
    const snippet = readmeBlock().current.replace(/^```html\n|```\n$/g, '').replaceAll(CDN_BASE, cdnBase);
    site = await listen(SITE_PORT, (req, res) => {
      siteHits.push(req.url);
      if (req.url === '/consent.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(testConfig()));
      if (req.url === '/') {
        return res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(`<!DOCTYPE html><html lang="en"><head><title>CDN</title>${snippet}</head><body><h1>Check-out day</h1></body></html>`);
      }
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404).end();
    });
    cdn = await listen(CDN_PORT, (req, res) => {
      cdnHits.push(req.url);
      const file = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(cdnPath.length);
      if (!new URL(req.url, 'http://x').pathname.startsWith(cdnPath) || file.includes('..')) return res.writeHead(404).end();
      let body;
      try {
        body = readFileSync(path.join(repo, 'dist', file));
      } catch {
        return res.writeHead(404).end();
      }
      if (file === tampered) body = Buffer.concat([body, Buffer.from('\n')]);
      // What public npm CDNs send: anyone may load the files.
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(body);
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    site?.close();
    cdn?.close();
  });
  beforeEach(async () => {
    cdnHits.length = 0;
    siteHits.length = 0;
    tampered = null;
    messages = [];
    const context = await browser.newContext();
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') messages.push(m.text());
    });
  });

  it("README's hashes are the build's: the script tag's and one per chunk it can load", () => {
    assert.equal(readmeBlock().current, block(), 'README.md is stale: run `npm run build && node scripts/sri.mjs --write`');
    const listed = Object.keys(JSON.parse(/<script type="importmap">\n([\s\S]*?)\n<\/script>/.exec(block())[1]).integrity);
    assert.deepEqual(listed, chunkFiles().map((f) => CDN_BASE + f));
    for (const entry of ['ui.js', 'decide.js', 'policy.js', 'validate.js', 'placeholder.js']) assert.ok(chunkFiles().includes(entry), entry);
  });

  it('boots from the other origin: the banner and the decide chunk load from the CDN path, not the page', async () => {
    await page.goto(`http://127.0.0.1:${SITE_PORT}/`);
    const accept = page.locator('consentry-banner').getByRole('button', { name: 'Accept all' });
    await accept.click();
    await page.waitForFunction(() => window.Consentry?.get('marketing') === true);
    for (const file of ['consentry.js', 'ui.js', 'decide.js']) assert.ok(cdnHits.includes(cdnPath + file), `${file} from the CDN`);
    assert.deepEqual(siteHits.filter((u) => u.endsWith('.js')), [], 'no script asked of the page origin');
    assert.deepEqual(messages, []);
  });

  it('refuses a changed chunk: the import map hash stops ui.js and no banner is shown', async () => {
    tampered = 'ui.js';
    await page.goto(`http://127.0.0.1:${SITE_PORT}/`);
    await page.waitForFunction(() => window.Consentry !== undefined);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('consentry-banner').count(), 0);
    assert.ok(cdnHits.includes(cdnPath + 'ui.js'));
    assert.ok(messages.some((m) => /integrity/i.test(m)), messages.join('\n'));
  });

  it('refuses a changed script: consentry.js does not run', async () => {
    tampered = 'consentry.js';
    await page.goto(`http://127.0.0.1:${SITE_PORT}/`);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => typeof window.Consentry), 'undefined');
    assert.ok(messages.some((m) => /integrity/i.test(m)), messages.join('\n'));
  });
});
