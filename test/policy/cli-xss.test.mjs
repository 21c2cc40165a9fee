// SEC-4 for the pre-rendered form: every payload of the element's XSS corpus
// (test/fixtures/xss/corpus.json) goes through `consentry render` (the real
// CLI, one run per payload), and what it writes is served in one page, inside
// <consentry-policy>, in the light DOM where the page's own parser reads it,
// under Trusted Types, with inline handlers allowed (no script-src), so a
// payload that survived would run. Chromium loads it and the real policy.js
// enhances every copy.
//
//   npm run build && node --test test/policy/cli-xss.test.mjs
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'bin/consentry.js');
const corpus = JSON.parse(readFileSync(path.join(repo, 'test/fixtures/xss/corpus.json'), 'utf8'));
const PORT = Number(process.env.CLI_XSS_PORT ?? 9320);
const CSP = "require-trusted-types-for 'script'; trusted-types lit-html consentry dompurify";

/** `consentry render <file>`: resolves to the HTML it prints and what it reported. */
const render = (file) =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, 'render', file], { cwd: repo }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file}: exit ${error.code}: ${stderr}`)) : resolve({ html: stdout, stderr }),
    );
  });

/** Runs `task` over `items`, `limit` at a time (the machine is shared). */
const pool = async (items, limit, task) => {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
};

/** The page: every rendered payload in its own <consentry-policy>, enhanced by the real chunk. */
const page = (policies) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CLI XSS corpus</title>
<link rel="stylesheet" href="/dist/policy.css">
<script type="module">
document.addEventListener('securitypolicyviolation', (e) => (window.violations ??= []).push(e.violatedDirective + ': ' + e.sample));
const { definePolicy } = await import('/dist/policy.js');
const all = [...document.querySelectorAll('consentry-policy')];
const loaded = Promise.all(all.map((el) => new Promise((resolve) => el.addEventListener('load', resolve, { once: true }))));
definePolicy(null);
await loaded;
window.enhanced = all.filter((el) => el.hasAttribute('ready')).length;
</script></head><body>
${policies.map(({ id, html }) => `<consentry-policy data-payload="${id}">\n${html}</consentry-policy>`).join('\n')}
</body></html>`;

/** In the page: everything dangerous found in each policy (the element's XSS spec, on light DOM). */
const inspect = () => {
  const FORBIDDEN = [
    'script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'textarea', 'select',
    'svg', 'math', 'base', 'meta', 'link', 'template', 'noscript', 'video', 'audio', 'source', 'marquee', 'xmp',
  ];
  const BAD_URL = /^(?:javascript|data|vbscript):/i;
  const problems = (root) => {
    const found = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      // The consent panel's own button is the element's; any other button came from a payload.
      if (FORBIDDEN.includes(tag) || (tag === 'button' && !el.closest('[data-consentry-consent], [data-consentry-notice]'))) found.push(`<${tag}> element`);
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) found.push(`${name} on <${tag}>`);
        if (name === 'style') found.push(`style attribute on <${tag}>`);
        if (['srcset', 'target', 'is', 'srcdoc'].includes(name)) found.push(`${name} on <${tag}>`);
        if (BAD_URL.test(value.replace(/[\s\p{Cc}]/gu, ''))) found.push(`${name}="${value}" on <${tag}>`);
        if ((name === 'id' || name === 'name') && value === '__xss') found.push(`clobbering ${name} on <${tag}>`);
      }
      if (tag === 'img') {
        const src = el.getAttribute('src');
        if (!src || new URL(src, document.baseURI).origin !== location.origin) found.push(`remote image ${src ?? ''}`);
      }
      if (tag === 'a') {
        const url = new URL(el.getAttribute('href') ?? '', document.baseURI);
        if (/^https?:$/.test(url.protocol) && url.origin !== location.origin && el.getAttribute('rel') !== 'noopener noreferrer') found.push(`external link without rel: ${url}`);
      }
    }
    return found;
  };
  return {
    xss: window.__xss,
    violations: window.violations ?? [],
    enhanced: window.enhanced,
    baseOrMeta: document.querySelectorAll('base, meta[http-equiv]').length,
    bodyBackground: getComputedStyle(document.body).backgroundImage,
    policies: [...document.querySelectorAll('consentry-policy')].map((el) => ({
      id: el.dataset.payload,
      heading: el.querySelector('[id="policy"]')?.textContent,
      end: el.textContent.includes('End of policy.'),
      problems: problems(el),
    })),
  };
};

describe('consentry render: the XSS corpus, served pre-rendered and enhanced', { timeout: 300_000 }, () => {
  let dir;
  let server;
  let browser;
  let pages = {};
  let rendered;
  const origin = `http://127.0.0.1:${PORT}`;

  /** Opens `/name` with the CSP, waits for the enhancement and a settle, and inspects it. */
  const visit = async (name) => {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${origin}/${name}`);
      await tab.waitForFunction(() => window.enhanced !== undefined || window.__xss !== undefined, null, { timeout: 60_000 });
      // Give handlers, loads and refreshes every chance to fire.
      await tab.waitForTimeout(600);
      return await tab.evaluate(inspect);
    } finally {
      await tab.close();
    }
  };

  before(async () => {
    assert.ok(existsSync(path.join(repo, 'dist/prerender.js')), 'dist/ is missing: run `npm run build` first');
    dir = mkdtempSync(path.join(tmpdir(), 'consentry-cli-xss-'));
    const files = corpus.map((payload) => {
      const file = path.join(dir, `${payload.id}.${payload.format === 'markdown' ? 'md' : 'html'}`);
      writeFileSync(file, payload.format === 'markdown' ? `## Policy\n\n${payload.source}\n\nEnd of policy.\n` : `<h2>Policy</h2>${payload.source}<p>End of policy.</p>`);
      return file;
    });
    const outputs = await pool(files, 3, render);
    rendered = corpus.map((payload, i) => ({ id: payload.id, html: outputs[i].html, stderr: outputs[i].stderr }));
    pages = {
      'corpus.html': page(rendered),
      // The same page with one payload as it came, unsanitised: the checks must catch it.
      'raw.html': page([{ id: 'raw', html: '<article data-consentry-policy><h2 id="policy">Policy</h2><img src="/none.png" onerror="window.__xss=1"><a href="javascript:void 0" style="color:red">a</a></article>' }]),
    };
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin);
      const name = url.pathname.slice(1);
      if (pages[name]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(pages[name]);
        return;
      }
      const file = path.normalize(path.join(repo, url.pathname));
      if (!file.startsWith(path.join(repo, 'dist') + path.sep) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' }).end(readFileSync(file));
    });
    await new Promise((resolve) => server.listen(PORT, '127.0.0.1', resolve));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders every payload, naming what it dropped and where', () => {
    assert.ok(corpus.length >= 30);
    for (const { id, html } of rendered) assert.match(html, /^<article class="policy"[^>]* data-consentry-policy=""/, id);
    const script = rendered.find((r) => r.id === 'script-tag');
    assert.match(script.stderr, /script-tag\.html: in "Policy", dropped <script>/);
  });

  describe('in Chromium, enhanced by policy.js under Trusted Types', () => {
    let result;
    before(async () => {
      result = await visit('corpus.html');
    });

    it('lets nothing run (window.__xss stays undefined) and enhances every policy without a Trusted Types violation', () => {
      assert.equal(result.xss, undefined);
      assert.equal(result.enhanced, corpus.length);
      assert.deepEqual(result.violations, []);
    });

    it('leaves no <base>, <meta> or injected stylesheet on the page', () => {
      assert.equal(result.baseOrMeta, 0);
      assert.equal(result.bodyBackground, 'none');
    });

    it('keeps the policy around each payload (broken markup may swallow only what follows it in its block)', () => {
      for (const policy of result.policies) assert.equal(policy.heading, 'Policy', policy.id);
      const swallowed = result.policies.filter((p) => !p.end).map((p) => p.id);
      for (const id of swallowed) assert.ok(['mxss-form-math', 'mxss-noscript-title'].includes(id), `${id} lost the text after it`);
    });

    it('finds no handler, style attribute, dangerous URL, forbidden element or remote image in any policy', () => {
      const found = result.policies.filter((p) => p.problems.length).map((p) => `${p.id}: ${p.problems.join(', ')}`);
      assert.deepEqual(found, []);
    });
  });

  it('the checks themselves can fail: an unsanitised payload in the same page runs and is reported', async () => {
    const raw = await visit('raw.html');
    assert.equal(raw.xss, 1);
    assert.deepEqual(raw.policies[0].problems, ['onerror on <img>', 'href="javascript:void 0" on <a>', 'style attribute on <a>']);
  });
});
