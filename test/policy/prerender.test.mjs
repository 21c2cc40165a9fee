// The pre-rendered privacy page, read the way a search engine or a browser
// without scripts reads it: the HTML the server sends, no browser at all.
// Also `consentry render` itself: the committed demo page is current, and
// bad input gets an error naming the file and what is wrong.
//
//   npm run build && node --test test/policy/prerender.test.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { startDemoServer } from '../../demo/server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'bin/consentry.js');
const config = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
const markdown = readFileSync(path.join(repo, 'demo/privacy.md'), 'utf8');

/** Runs the CLI; resolves to its exit code and output. */
const consentry = (...args) =>
  new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: repo }, (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }));
  });

/** A built module and every module it imports statically, transitively (paths under dist/). */
const staticGraph = (entry) => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(repo, 'dist', file), 'utf8');
    // Minified ESM: `import{…}from"./x.js"` or `import"./x.js"`; import("…") is dynamic and not followed.
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.[^"]+)"/g)) visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  };
  visit(entry);
  return [...seen];
};

before(() => {
  assert.ok(existsSync(path.join(repo, 'dist/prerender.js')), 'dist/prerender.js is missing: run `npm run build` first');
});

describe('the pre-rendered privacy page, without a browser', () => {
  let site;
  let policy;
  before(async () => {
    site = await startDemoServer({ quiet: true });
    const response = await fetch(site.url + 'privacy.html');
    assert.equal(response.status, 200);
    // Parsed, never run: jsdom runs no scripts unless asked to.
    const { document } = new JSDOM(await response.text()).window;
    policy = document.querySelector('consentry-policy');
  });
  after(() => site.close());

  it('holds the policy text itself', () => {
    assert.ok(policy, 'no <consentry-policy> in the page');
    const text = policy.textContent.replace(/\s+/g, ' ');
    assert.match(text, /Keyhold Inventories Ltd is the controller of the personal data described in this policy/);
    assert.match(text, /privacy@keyhold\.example/);
    assert.equal(policy.querySelector('h1').textContent, 'Privacy and cookies policy');
  });

  it('holds every heading of the Markdown, each with its stable id, and the contents linking to them', () => {
    const wanted = [...markdown.matchAll(/^(##|###) (.+)$/gm)].map((m) => m[2].trim());
    const found = [...policy.querySelectorAll('.content :is(h2, h3)')];
    assert.deepEqual(found.map((h) => h.textContent), wanted);
    assert.equal(policy.querySelector('[id="11-cookies-and-tracking-technologies"]').textContent, '11. Cookies and tracking technologies');
    const links = [...policy.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href').slice(1));
    assert.equal(links.length, wanted.length);
    for (const id of links) assert.ok(policy.querySelector(`[id="${id}"]`), `contents link to #${id} has no heading`);
  });

  it('holds the cookie table, generated from the config, at its marker', () => {
    const tables = [...policy.querySelectorAll('.cookie-declaration table')];
    assert.deepEqual(
      tables.map((t) => t.caption.textContent),
      config.categories.map((c) => (typeof c.title === 'string' ? c.title : c.title.en)),
    );
    const names = tables.flatMap((t) => [...t.querySelectorAll('tbody th code')].map((c) => c.textContent));
    const cookies = config.categories.flatMap((c) => c.services ?? []).flatMap((s) => s.cookies ?? []).map((c) => c.name);
    assert.deepEqual(names, cookies);
    const declaration = policy.querySelector('.cookie-declaration');
    const section = policy.querySelector('[id="11-6-the-cookies-on-this-website"]');
    assert.ok(section.compareDocumentPosition(declaration) & 4, 'the cookie table is not after 11.6');
  });

  it('holds nothing executable and no remote content inside the policy', () => {
    assert.equal(policy.querySelector('script, style, iframe, object, embed, [style]'), null);
    for (const el of policy.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        assert.ok(!/^on/i.test(name), `${name} on <${el.localName}>`);
        assert.ok(!/^\s*(javascript|data|vbscript):/i.test(value), `${name}="${value}"`);
      }
    }
  });

  it('styles it before any script runs, and preloads the viewer with every chunk it imports: no request waits for another', async () => {
    const page = await (await fetch(site.url + 'privacy.html')).text();
    assert.match(page, /<link rel="stylesheet" href="\/dist\/policy\.css">/);
    const preloaded = [...page.matchAll(/<link rel="modulepreload" href="\/dist\/([^"]+)">/g)].map((m) => m[1]).sort();
    assert.deepEqual(preloaded, staticGraph('policy.js').sort(), 'the page must modulepreload policy.js and exactly its static imports');
    const css = await fetch(site.url + 'dist/policy.css');
    assert.equal(css.status, 200);
    assert.match(await css.text(), /^consentry-policy \{/m);
  });
});

describe('consentry render', () => {
  let dir;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'consentry-render-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the demo privacy page is current with privacy.md and consent.json', async () => {
    const { code, stdout } = await consentry('render', 'demo/privacy.md', '--config', 'demo/consent.json', '--into', 'demo/privacy.html', '--check');
    assert.equal(code, 0, stdout);
  });

  it('--check fails when the policy changed since the page was rendered, and --into brings it up to date', async () => {
    const md = path.join(dir, 'privacy.md');
    const page = path.join(dir, 'privacy.html');
    writeFileSync(md, markdown.replace('## 2. Who we are', '## 2. Who we are, and how to reach us'));
    writeFileSync(page, readFileSync(path.join(repo, 'demo/privacy.html')));
    const stale = await consentry('render', md, '--config', 'demo/consent.json', '--into', page, '--check');
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /out of date/);
    assert.equal((await consentry('render', md, '--config', 'demo/consent.json', '--into', page)).code, 0);
    const html = readFileSync(page, 'utf8');
    assert.match(html, /id="2-who-we-are-and-how-to-reach-us"/);
    assert.match(html, /<consentry-policy>\n\s+<article class="policy"/);
    assert.equal((await consentry('render', md, '--config', 'demo/consent.json', '--into', page, '--check')).code, 0);
  });

  it('prints the HTML without --into, and reports dropped markup naming the file and section', async () => {
    const md = path.join(dir, 'broken.md');
    writeFileSync(md, '## 1. Data\n\n<textarea>\n\n## 2. Contact\n\nprivacy@keyhold.example\n');
    const { code, stdout, stderr } = await consentry('render', md);
    assert.equal(code, 0);
    assert.match(stdout, /^<article class="policy"/);
    assert.match(stdout, /privacy@keyhold\.example/);
    assert.match(stderr, /broken\.md: in "1\. Data", dropped an unclosed <textarea>/);
  });

  it('says clearly what is wrong with its input', async () => {
    const missing = await consentry('render', path.join(dir, 'nope.md'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.md: no such policy file/);
    const badConfig = path.join(dir, 'bad.json');
    writeFileSync(badConfig, '{ nope');
    assert.match((await consentry('render', 'demo/privacy.md', '--config', badConfig)).stderr, /bad\.json: not valid JSON/);
    const noElement = path.join(dir, 'plain.html');
    writeFileSync(noElement, '<!doctype html><p>hi</p>');
    assert.match((await consentry('render', 'demo/privacy.md', '--into', noElement)).stderr, /plain\.html: no <consentry-policy> element/);
    const usage = await consentry('render', 'demo/privacy.md', '--colour');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /unknown option --colour/);
  });
});
