// consentry/react on a page that boots Consentry with the script-tag build
// (`<script src=".../consentry.js" data-config>`): the provider without a
// config attaches to `window.Consentry` instead of initialising a second
// time. Run `npm run build` first.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';
import { bundle, requireBuild, serve, writeApp } from './apps.mjs';

requireBuild();

describe('consentry/react with the script-tag build', () => {
  let app;
  let site;
  let browser;
  before(async () => {
    app = writeApp('script-tag'); // no snippets: an empty folder inside the repo
    const out = path.join(app.dir, 'client');
    await bundle({
      dir: app.dir,
      platform: 'browser',
      out,
      entry: `
        import { StrictMode } from 'react';
        import { createRoot } from 'react-dom/client';
        import { ConsentryProvider, ConsentGate, useConsentState } from 'consentry/react';
        const Decided = () => <p id="decided">{String(useConsentState()?.decided ?? 'unknown')}</p>;
        createRoot(document.getElementById('root')).render(
          <StrictMode>
            <ConsentryProvider>
              <Decided />
              <ConsentGate category="marketing" fallback={<p>Refused</p>}><iframe title="Our video" src="/favicon.ico" /></ConsentGate>
            </ConsentryProvider>
          </StrictMode>,
        );`,
    });
    site = await serve({
      port: 9705,
      clientDir: out,
      render: (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!DOCTYPE html><html lang="en"><head><title>Script tag</title>' +
              '<script src="/dist/consentry.js" data-config="/consent.json"></script>' +
              '<script type="module" src="/_app/client.js"></script></head><body><div id="root"></div></body></html>',
          ),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    app?.remove();
  });

  it("attaches to window.Consentry: one init, and the gate follows the banner's choice", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      window.__ready = 0;
      document.addEventListener('consentry:ready', () => window.__ready++);
    });
    await page.goto(site.origin + '/');
    await page.getByText('Refused').waitFor();
    assert.equal(await page.locator('#decided').textContent(), 'false');
    await page.locator('consentry-banner').getByRole('button', { name: 'Accept all' }).click();
    await page.locator('iframe[title="Our video"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#decided').textContent(), 'true');
    assert.equal(await page.evaluate(() => window.__ready), 1, 'consentry:ready events');
    assert.equal(site.hits.get('/consent.json'), 1, 'config requests');
  });
});
