// Hydration in Chromium of the README's Next.js and Nuxt snippets, served
// server-rendered from 127.0.0.1 the way those frameworks serve them (React:
// the streaming renderer with the client bundle as a bootstrap module, in
// StrictMode; Vue: createSSRApp on the server and in the browser).
// A returning visitor's page must never get banner markup, the gated iframe
// must be inserted once, Consentry must initialise once, and hydration must
// report no mismatch. Run `npm run build` first.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';
import { bundle, nuxtIsCustomElement, requireBuild, serve, writeApp } from './apps.mjs';

requireBuild();

/** Installed before any page script: counts what the page does while it loads and hydrates. */
const recorder = () => {
  const log = { ready: 0, banners: 0, frames: 0, framesRemoved: 0, fallbacks: 0, hydrationErrors: [] };
  window.__adapterLog = log;
  document.addEventListener('consentry:ready', () => log.ready++);
  const isFrame = (n) => n.nodeType === 1 && (n.matches('iframe[title="Our video"]') || !!n.querySelector('iframe[title="Our video"]'));
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeName === 'CONSENTRY-BANNER') log.banners++;
        if (isFrame(n)) log.frames++;
        // The gate's refusal text (the snippets' fallback): for a visitor who agreed, a flash.
        if (n.nodeType === 1 && n.textContent.includes('sets cookies')) log.fallbacks++;
      }
      for (const n of r.removedNodes) if (isFrame(n)) log.framesRemoved++;
    }
  }).observe(document, { childList: true, subtree: true });
};

/** The journeys both frameworks must pass, on one served app. */
const journeys = (start) => {
  let site;
  let browser;
  let context;
  const messages = [];
  before(async () => {
    site = await start();
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addInitScript(recorder);
    // The snippets' player lives on another host: answer for it here, nothing leaves the machine.
    await context.route('https://player.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>player</p>' }));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const open = async () => {
    site.hits.clear();
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') messages.push(m.text());
    });
    page.on('pageerror', (e) => messages.push(String(e)));
    const response = await page.goto(site.origin + '/');
    return { page, html: await response.text() };
  };
  const log = (page) => page.evaluate(() => window.__adapterLog);

  it('first visit: the server HTML has no banner; once hydrated, one init shows the banner and the gate its fallback', async () => {
    const { page, html } = await open();
    assert.doesNotMatch(html, /consentry-banner/);
    assert.doesNotMatch(html, /<iframe/);
    await page.locator('consentry-banner').getByRole('button', { name: 'Accept all' }).waitFor();
    await page.getByRole('button', { name: 'Allow the video' }).waitFor();
    assert.equal(await page.locator('iframe[title="Our video"]').count(), 0);
    const l = await log(page);
    assert.equal(l.ready, 1, 'consentry:ready events');
    assert.equal(l.banners, 1);
    assert.equal(l.fallbacks, 1, 'the fallback rendered once');
    assert.equal(site.hits.get('/consent.json'), 1, 'config requests');

    // The choice reaches the gate through the core's onChange.
    await page.locator('consentry-banner').getByRole('button', { name: 'Accept all' }).click();
    await page.locator('iframe[title="Our video"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Allow the video' }).count(), 0);
    assert.equal((await log(page)).frames, 1);
    assert.deepEqual(messages, []);
    await page.close();
  });

  it('returning visitor: no banner markup at any moment, the embed inserted once, one init, no hydration mismatch', async () => {
    const { page, html } = await open();
    assert.doesNotMatch(html, /consentry-banner/);
    await page.locator('iframe[title="Our video"]').waitFor();
    // The reopen button comes last in the core's boot: by then a banner would have been mounted.
    await page.locator('consentry-reopen').waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    const l = await log(page);
    assert.equal(l.banners, 0, 'banners mounted');
    assert.equal(l.fallbacks, 0, 'fallbacks rendered before the embed');
    assert.equal(l.frames, 1, 'iframe insertions');
    assert.equal(l.framesRemoved, 0, 'iframe removals');
    assert.equal(l.ready, 1, 'consentry:ready events');
    assert.equal(site.hits.get('/consent.json'), 1, 'config requests');
    assert.equal(site.hits.get('/_app/ui.js') ?? 0, 0, 'the banner chunk was not even fetched');
    assert.deepEqual(l.hydrationErrors, []);
    assert.deepEqual(messages, []);
    await page.close();
  });
};

describe('consentry/react hydrating the Next.js snippets', () => {
  let app;
  after(() => app?.remove());
  journeys(async () => {
    app = writeApp('next');
    const out = path.join(app.dir, 'out');
    const server = await bundle({
      dir: app.dir,
      platform: 'node',
      out,
      entry: `export { default as RootLayout } from './app/layout.tsx'; export { default as Page } from './app/page.tsx';`,
    });
    await bundle({
      dir: app.dir,
      platform: 'browser',
      out: path.join(out, 'client'),
      entry: `
        import { StrictMode } from 'react';
        import { hydrateRoot } from 'react-dom/client';
        import RootLayout from './app/layout.tsx';
        import Page from './app/page.tsx';
        hydrateRoot(document, <StrictMode><RootLayout><Page /></RootLayout></StrictMode>, {
          onRecoverableError: (e) => window.__adapterLog.hydrationErrors.push(String(e)),
        });`,
    });
    const { RootLayout, Page } = await import(pathToFileURL(server).href);
    const { createElement } = await import('react');
    const { renderToPipeableStream } = await import('react-dom/server');
    return serve({
      port: 9701,
      clientDir: path.join(out, 'client'),
      render: (_req, res) =>
        new Promise((resolve, reject) => {
          const stream = renderToPipeableStream(createElement(RootLayout, null, createElement(Page)), {
            bootstrapModules: ['/_app/client.js'],
            onShellReady() {
              res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
              stream.pipe(res).on('finish', resolve);
            },
            onShellError: reject,
          });
        }),
    });
  });
});

describe('consentry/vue hydrating the Nuxt snippets', () => {
  let app;
  after(() => app?.remove());
  journeys(async () => {
    app = writeApp('nuxt');
    const out = path.join(app.dir, 'out');
    const isCustomElement = await nuxtIsCustomElement(app.dir);
    const entry = (create) => `
      import { ${create} } from 'vue';
      import App from './app.vue';
      import Index from './pages/index.vue';
      import TheVideo from './components/TheVideo.vue';
      // Nuxt's router renders the page here, and Nuxt auto-imports components/.
      export const create = () => ${create}(App).component('NuxtPage', Index).component('TheVideo', TheVideo);`;
    const server = await bundle({ dir: app.dir, platform: 'node', out, isCustomElement, entry: entry('createSSRApp') });
    await bundle({
      dir: app.dir,
      platform: 'browser',
      out: path.join(out, 'client'),
      isCustomElement,
      entry: `${entry('createSSRApp')}
        const app = create();
        app.config.warnHandler = (message) => window.__adapterLog.hydrationErrors.push(message);
        app.mount('#__nuxt');`,
    });
    const { create } = await import(pathToFileURL(server).href);
    const { renderToString } = await import('vue/server-renderer');
    return serve({
      port: 9702,
      clientDir: path.join(out, 'client'),
      render: async (_req, res) => {
        const html = await renderToString(create());
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><html lang="en"><head><title>Check-out day</title></head><body><div id="__nuxt">${html}</div><script type="module" src="/_app/client.js"></script></body></html>`);
      },
    });
  });
});
