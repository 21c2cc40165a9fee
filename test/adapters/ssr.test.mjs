// Server rendering of the adapters in Node, the way Next.js and Nuxt render
// them: the README's snippets, built against the package, rendered with
// react-dom/server's streaming renderer and @vue/server-renderer while every
// browser global is a trap. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { bundle, nuxtIsCustomElement, repo, requireBuild, trapBrowserGlobals, writeApp } from './apps.mjs';

requireBuild();

/** What Next.js does for a page: the streaming renderer, read to the end. */
const renderReactDocument = async (element) => {
  const { renderToPipeableStream } = await import('react-dom/server');
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        html += chunk;
        done();
      },
    });
    sink.on('finish', () => resolve(html));
    const stream = renderToPipeableStream(element, { onAllReady: () => stream.pipe(sink), onError: reject });
  });
};

describe('consentry/react on the server', () => {
  let app;
  let server;
  before(async () => {
    app = writeApp('next');
    const file = await bundle({
      dir: app.dir,
      platform: 'node',
      out: path.join(app.dir, 'out'),
      entry: `export { default as RootLayout } from './app/layout.tsx'; export { default as Page } from './app/page.tsx';`,
    });
    server = file;
  });
  after(() => app.remove());

  it('imports without reading a browser global', async () => {
    const { result, reads } = await trapBrowserGlobals(() => import('consentry/react'));
    assert.deepEqual(reads, []);
    assert.equal(typeof result.ConsentGate, 'function');
  });

  it('refuses to boot on the server, with an error that says where to call it', async () => {
    const { connect } = await import('consentry/react');
    await assert.rejects(connect('/consent.json'), /connect\(\) runs in the browser only; call it from an effect or onMounted/);
  });

  it('is a client module for the App Router', () => {
    assert.match(readFileSync(path.join(repo, 'dist/react.js'), 'utf8'), /^'use client';\n/);
  });

  it("renders the README's Next.js layout and page with no browser global read and no banner", async () => {
    const { createElement } = await import('react');
    const { result: html, reads } = await trapBrowserGlobals(async () => {
      const { RootLayout, Page } = await import(pathToFileURL(server).href);
      return renderReactDocument(createElement(RootLayout, null, createElement(Page)));
    });
    assert.deepEqual(reads, [], 'browser globals read while rendering');
    assert.match(html, /^<!DOCTYPE html><html lang="en">/);
    assert.match(html, /<h1>Check-out day<\/h1>/);
    assert.match(html, /<consentry-policy src="\/privacy.md" no-consent-panel="">/);
    assert.doesNotMatch(html, /consentry-banner/);
    // The choice is not known on the server: neither the embed nor the refusal text.
    assert.doesNotMatch(html, /<iframe/);
    assert.doesNotMatch(html, /sets cookies/);
  });

  it("renders a gate's pending content, and nothing of a provider, while the choice is not known", async () => {
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const { ConsentryProvider, ConsentGate } = await import('consentry/react');
    const { result: html, reads } = await trapBrowserGlobals(() =>
      renderToString(
        createElement(
          ConsentryProvider,
          { config: '/consent.json' },
          createElement(ConsentGate, { category: 'marketing', pending: createElement('span', null, 'Checking…'), fallback: 'refused' }, 'allowed'),
        ),
      ),
    );
    assert.deepEqual(reads, []);
    assert.equal(html.replace(/<!--[[\]]-->/g, ''), '<span>Checking…</span>');
  });
});

describe('consentry/vue on the server', () => {
  let app;
  let server;
  before(async () => {
    app = writeApp('nuxt');
    server = await bundle({
      dir: app.dir,
      platform: 'node',
      out: path.join(app.dir, 'out'),
      isCustomElement: await nuxtIsCustomElement(app.dir),
      entry: `export { default as App } from './app.vue'; export { default as Index } from './pages/index.vue'; export { default as TheVideo } from './components/TheVideo.vue';`,
    });
  });
  after(() => app.remove());

  it('imports without reading a browser global', async () => {
    const { result, reads } = await trapBrowserGlobals(() => import('consentry/vue'));
    assert.deepEqual(reads, []);
    assert.equal(typeof result.ConsentGate, 'object');
  });

  it("renders the README's Nuxt app with no browser global read and no banner", async () => {
    const { createSSRApp } = await import('vue');
    const { renderToString } = await import('vue/server-renderer');
    const warnings = [];
    const { result: html, reads } = await trapBrowserGlobals(async () => {
      const { App, Index, TheVideo } = await import(pathToFileURL(server).href);
      const vue = createSSRApp(App);
      vue.config.warnHandler = (message) => warnings.push(message);
      // Nuxt's router renders the page here, and Nuxt auto-imports components/.
      vue.component('NuxtPage', Index).component('TheVideo', TheVideo);
      return renderToString(vue);
    });
    assert.deepEqual(reads, [], 'browser globals read while rendering');
    assert.deepEqual(warnings, []);
    assert.match(html, /<h1>Check-out day<\/h1>/);
    // isCustomElement from the nuxt.config.ts snippet: a plain element, not an unresolved component.
    assert.match(html, /<consentry-policy src="\/privacy.md" no-consent-panel(="")?><\/consentry-policy>/);
    assert.doesNotMatch(html, /consentry-banner/);
    assert.doesNotMatch(html, /<iframe/);
    assert.doesNotMatch(html, /sets cookies/);
  });

  it("renders a gate's pending slot while the choice is not known", async () => {
    const { createSSRApp, h } = await import('vue');
    const { renderToString } = await import('vue/server-renderer');
    const { ConsentryProvider, ConsentGate } = await import('consentry/vue');
    const { result: html, reads } = await trapBrowserGlobals(() =>
      renderToString(
        createSSRApp({
          render: () =>
            h(ConsentryProvider, { config: '/consent.json' }, () =>
              h(ConsentGate, { category: 'marketing' }, { default: () => 'allowed', fallback: () => 'refused', pending: () => h('span', 'Checking…') }),
            ),
        }),
      ),
    );
    assert.deepEqual(reads, []);
    assert.equal(html.replace(/<!--[[\]]-->/g, ''), '<span>Checking…</span>');
  });
});
