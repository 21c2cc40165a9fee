// `consentry banner`: the first layer pre-rendered for the page's first frame.
// Without a browser: what it writes, that a config's text stays text, that a
// theme value which could end the stylesheet is left out by name, and that a
// bad input gets an error naming the file. (In a browser, in every engine:
// test/e2e/first-frame.test.mjs.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'consentry-banner-cli-'));
const demo = JSON.parse(readFileSync(path.join(repo, 'demo/consent.json'), 'utf8'));
const write = (name, value) => {
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const banner = (...args) => spawnSync(process.execPath, [path.join(repo, 'bin/consentry.js'), 'banner', ...args], { encoding: 'utf8' });
/** The printed banner, parsed as a browser would (the template's content is the shadow root's). */
const parse = (html) => {
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const host = document.querySelector('consentry-banner');
  return { host, root: host.querySelector('template').content };
};

describe('consentry banner', () => {
  it('prints the first layer in a declarative shadow root, with the hash of its stylesheet', () => {
    const out = banner(write('demo.json', demo));
    assert.equal(out.status, 0, out.stderr);
    const { host, root } = parse(out.stdout);
    assert.equal(host.getAttribute('data-prerendered'), '');
    assert.equal(host.getAttribute('lang'), 'en');
    assert.equal(host.querySelector('template').getAttribute('shadowrootmode'), 'open');
    assert.deepEqual([...root.querySelectorAll('button[part]')].map((b) => [b.getAttribute('part'), b.textContent]), [
      ['accept-all', 'Accept all'],
      ['reject-all', 'Reject all'],
      ['manage', 'Manage preferences'],
    ]);
    assert.equal(root.querySelector('a').getAttribute('href'), demo.policy.url);
    const style = root.querySelector('style').textContent;
    const hash = createHash('sha256').update(style).digest('base64');
    assert.match(out.stderr, new RegExp(`'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
  });

  it('keeps a config’s text as text, in the page’s language', () => {
    const texts = { cy: { bannerTitle: '<img src=x onerror=alert(1)> Cwcis' } };
    const out = banner(write('texts.json', { ...demo, language: undefined, texts }), '--lang', 'cy-GB');
    assert.equal(out.status, 0, out.stderr);
    const { host, root } = parse(out.stdout);
    assert.equal(host.getAttribute('lang'), 'cy');
    assert.equal(root.querySelector('h2').textContent, texts.cy.bannerTitle);
    assert.equal(root.querySelector('img'), null);
  });

  it('leaves out, by name, a theme value that could end its stylesheet', () => {
    const theme = { accent: '#0b57d0', background: 'red}</style><script>alert(1)</script>' };
    const out = banner(write('theme.json', { ...demo, theme }));
    assert.equal(out.status, 0, out.stderr);
    assert.match(out.stderr, /theme\.json: theme\.background: left out of the pre-rendered banner/);
    const style = parse(out.stdout).root.querySelector('style').textContent;
    assert.match(style, /:host\{--consentry-accent:#0b57d0\}$/);
    assert.doesNotMatch(out.stdout, /<script>/);
  });

  it('names the file for a missing config, bad JSON and a config without categories', () => {
    const missing = banner(path.join(dir, 'nope.json'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.json: no such config/);
    const bad = banner(write('bad.json', '{ "revision": 1,'));
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.json: not valid JSON/);
    const empty = banner(write('empty.json', { revision: 1 }));
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /empty\.json: categories: expected an array/);
    const usage = banner();
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /usage: consentry banner/);
  });
});
