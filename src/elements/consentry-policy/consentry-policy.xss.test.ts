import { expect } from '@open-wc/testing';
import { definePolicy } from '../../policy.js';
import { PolicyHarness } from './consentry-policy.harness.js';

/** SEC-4: every payload of the corpus renders inert inside the shadow root. */

definePolicy(null);

interface Payload {
  id: string;
  format: 'markdown' | 'html';
  source: string;
}

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const FORBIDDEN = [
  'script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select',
  'svg', 'math', 'base', 'meta', 'link', 'template', 'noscript', 'video', 'audio', 'source', 'marquee', 'xmp',
];
const BAD_URL = /^(?:javascript|data|vbscript):/i;

/** Everything dangerous found in a tree; empty when the tree is inert. */
const problems = (root: ParentNode): string[] => {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (FORBIDDEN.includes(tag)) found.push(`<${tag}> element`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) found.push(`${name} on <${tag}>`);
      if (name === 'style') found.push(`style attribute on <${tag}>`);
      if (name === 'srcset' || name === 'target' || name === 'is' || name === 'srcdoc') found.push(`${name} on <${tag}>`);
      if (BAD_URL.test(value.replace(/[\s\p{Cc}]/gu, ''))) found.push(`${name}="${value}" on <${tag}>`);
      if ((name === 'id' || name === 'name') && value === '__xss') found.push(`clobbering ${name} on <${tag}>`);
    }
    if (tag === 'img') {
      const src = el.getAttribute('src');
      if (!src || new URL(src, document.baseURI).origin !== location.origin) found.push(`remote image ${src ?? ''}`);
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      const url = new URL(href, document.baseURI);
      if (/^https?:$/.test(url.protocol) && url.origin !== location.origin && el.getAttribute('rel') !== 'noopener noreferrer') {
        found.push(`external link without rel: ${href}`);
      }
    }
  }
  return found;
};

// Top-level await: the cases are generated from the corpus before mocha starts.
const corpus = (await (await fetch('/test/fixtures/xss/corpus.json')).json()) as Payload[];
const rendered = new Map<string, PolicyHarness>();
let box: HTMLDivElement;

const settle = async (ms: number) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise(requestAnimationFrame);
};

describe('<consentry-policy> XSS corpus (test/fixtures/xss/corpus.json)', () => {
  before(async () => {
    box = document.createElement('div');
    document.body.append(box);
    for (const payload of corpus) {
      const el = document.createElement('consentry-policy');
      el.dataset.payload = payload.id;
      if (payload.format === 'markdown') el.markdown = `## Policy\n\n${payload.source}\n\nEnd of policy.`;
      else el.html = `<h2>Policy</h2>${payload.source}<p>End of policy.</p>`;
      box.append(el);
      rendered.set(payload.id, await new PolicyHarness(el).rendered());
    }
    // Give handlers, loads and refreshes every chance to fire.
    await settle(600);
  });

  after(() => {
    box.remove();
  });

  it('holds at least 30 payloads with unique ids', () => {
    expect(corpus.length).to.be.at.least(30);
    expect(new Set(corpus.map((p) => p.id)).size).to.equal(corpus.length);
  });

  it('lets nothing run: window.__xss stays undefined', () => {
    expect(window.__xss).to.equal(undefined);
  });

  it('leaves no <base>, <meta> or injected stylesheet on the page', () => {
    expect(document.querySelector('base, meta[http-equiv]')).to.equal(null);
    expect(getComputedStyle(document.body).backgroundImage).to.equal('none');
    for (const { root } of rendered.values()) expect(root.querySelector('style, link')).to.equal(null);
  });

  it('still renders the policy around each payload (broken markup may swallow what follows it)', () => {
    for (const [id, policy] of rendered) expect(policy.heading('policy').textContent, id).to.equal('Policy');
    const swallowed = [...rendered].filter(([, policy]) => !policy.content.textContent.includes('End of policy.'));
    expect(['mxss-form-math', 'mxss-noscript-title']).to.include.members(swallowed.map(([id]) => id));
  });

  it('keeps same-origin relative images and safe links', () => {
    const srcset = rendered.get('srcset-image')!;
    expect(srcset.content.querySelector('img')!.getAttribute('src')).to.equal('/ok.png');
    const external = rendered.get('a-target-opener')!.content.querySelector('a')!;
    expect(external.getAttribute('href')).to.equal('https://evil.example/');
    expect(external.rel).to.equal('noopener noreferrer');
  });

  describe('no handlers, style attributes, dangerous URLs, forbidden elements or remote images', () => {
    for (const payload of corpus) {
      it(`${payload.id} (${payload.format})`, () => {
        const policy = rendered.get(payload.id);
        expect(policy, 'rendered').to.not.equal(undefined);
        expect(problems(policy!.root)).to.deep.equal([]);
      });
    }
  });

  describe('the checks themselves can fail', () => {
    it('flag an unsanitised tree', () => {
      const raw = document.createElement('div');
      const template = document.createElement('template');
      // A trusted test string, parsed inert inside a template (nothing loads or runs).
      template.innerHTML = '<img src="https://evil.example/x" onerror="x"><a href="javascript:x" style="color:red">a</a><svg></svg>';
      raw.append(template.content.cloneNode(true));
      expect(problems(raw)).to.include.members([
        'onerror on <img>',
        'style attribute on <a>',
        'href="javascript:x" on <a>',
        '<svg> element',
        'remote image https://evil.example/x',
      ]);
    });

    it('detect a payload that runs', async () => {
      const raw = document.createElement('div');
      raw.innerHTML = '<img src="/no-such-image.png" onerror="window.__xss=1">';
      document.body.append(raw);
      try {
        for (let i = 0; i < 50 && window.__xss === undefined; i++) await settle(20);
        expect(window.__xss).to.equal(1);
      } finally {
        raw.remove();
        delete window.__xss;
      }
    });
  });
});
