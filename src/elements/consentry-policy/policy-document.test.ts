import { expect } from '@open-wc/testing';
import type { ConsentryConfig } from '../../core/types.js';
import { buildPolicy, buildPolicyInTasks, policySteps, type PolicyDocumentInput } from './policy-document.js';
import { splitBlocks } from './policy-render.js';
import { policyStringsFor } from './policy-strings.js';

/** The document builder: one pure module the element and `consentry render` share. */

const input = (text: string, patch: Partial<PolicyDocumentInput> = {}): PolicyDocumentInput => ({
  text,
  format: 'markdown',
  lang: 'en',
  locale: 'en-GB',
  t: policyStringsFor(undefined, undefined, 'en'),
  consentPanel: false,
  report: () => {},
  ...patch,
});

const headings = (article: HTMLElement) => [...article.querySelectorAll('.content :is(h2, h3)')].map((h) => h.textContent);

/** Three sections; the second holds the broken construct; the third holds the contact details. */
const withBroken = (broken: string) => `## 1. Data\n\nWe keep little.\n\n## 2. Cookies\n\nSome text.\n\n${broken}\n\nMore about cookies.\n\n## 3. Contact\n\nWrite to privacy@keyhold.example.`;

describe('policy-document: malformed or unclosed HTML never removes what follows', () => {
  for (const [name, broken] of [
    ['an unclosed comment', '<!-- note to self'],
    ['an unclosed <textarea>', '<textarea>'],
    ['an unclosed <script>', '<script>alert(1)'],
    ['an unclosed <style>', '<style>p { color: red }'],
    ['an unclosed <details>', '<details><summary>More</summary>'],
    ['an unclosed <div>', '<div>'],
    ['an unclosed <title>', '<title>x'],
  ]) {
    it(`${name}: the following sections, contact details included, are all there`, () => {
      const { article } = buildPolicy(window, input(withBroken(broken)));
      expect(headings(article)).to.deep.equal(['1. Data', '2. Cookies', '3. Contact']);
      expect(article.querySelector('.content')!.textContent).to.contain('privacy@keyhold.example');
      expect(article.querySelector('.content')!.textContent).to.contain('More about cookies.');
      expect(article.querySelector('script, style, textarea, title')).to.equal(null);
    });
  }

  it('the same for an HTML policy', () => {
    const html = '<h2>1. Data</h2><p>Little.</p><h2>2. Cookies</h2><p>x</p><textarea><h2>3. Contact</h2><p>privacy@keyhold.example</p>';
    const { article } = buildPolicy(window, input(html, { format: 'html' }));
    expect(headings(article)).to.deep.equal(['1. Data', '2. Cookies', '3. Contact']);
    expect(article.textContent).to.contain('privacy@keyhold.example');
  });

  it('reports what was dropped in the console, naming the section', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      buildPolicy(window, input(withBroken('<textarea>\n\n<img src=x onerror=alert(1)>'), { report: undefined }));
    } finally {
      console.warn = warn;
    }
    expect(warnings.map((w) => String(w[0]))).to.deep.equal(['consentry-policy: in "2. Cookies", dropped an unclosed <textarea>, onerror on <img>']);
  });

  it('says nothing when nothing was dropped', () => {
    const reports: string[] = [];
    buildPolicy(window, input('## A\n\n<details><summary>More</summary>\n\nText\n\n</details>\n\n<!-- consentry:cookie-table -->', { report: (b) => reports.push(b) }));
    expect(reports).to.deep.equal([]);
  });
});

describe('policy-document: blocks and steps', () => {
  it('cuts Markdown before each section (top-level heading), never inside a code fence, and gives each block the link definitions', () => {
    const blocks = splitBlocks('Intro [a][x]\n\n## One\n\n```\n## not a heading\n```\n\n### One.1\n\n[b][x]\n\n## Two\n\n[x]: /target\n', 'markdown');
    expect(blocks.map((b) => b.name)).to.deep.equal(['the beginning', 'One', 'Two']);
    expect(blocks[1].source).to.contain('### One.1');
    for (const block of blocks) expect(block.source).to.contain('[x]: /target');
    const { article } = buildPolicy(window, input('Intro [a][x]\n\n## One\n\n[b][x]\n\n[x]: /target\n'));
    expect([...article.querySelectorAll('.content a')].map((a) => a.getAttribute('href'))).to.deep.equal(['/target', '/target']);
  });

  it('cuts HTML only where no container is open', () => {
    const blocks = splitBlocks('<h2>A</h2><p>a</p><details><h2>In</h2></details><h3>A.1</h3><h2>B</h2>', 'html');
    expect(blocks.map((b) => b.name)).to.deep.equal(['A', 'B']);
  });

  it('takes the sections under a lone title as the top level', () => {
    const blocks = splitBlocks('# Policy\n\nIntro\n\n## One\n\n### One.1\n\n## Two\n', 'markdown');
    expect(blocks.map((b) => b.name)).to.deep.equal(['Policy', 'One', 'Two']);
  });

  it('yields once per block, so the browser can run other work between them', () => {
    const steps = [...policySteps(window, input('## A\n\na\n\n## B\n\nb\n\n### B.1\n\nc'))];
    expect(steps).to.have.length(3); // two sections, then the assembly
  });

  it('builds the same document at once and in tasks', async () => {
    const config = (await (await fetch('/demo/consent.json')).json()) as ConsentryConfig;
    const text = await (await fetch('/demo/privacy.md')).text();
    const at = (i: PolicyDocumentInput) => buildPolicy(window, i).article.outerHTML;
    const whole = at(input(text, { config, consentPanel: true }));
    const tasks = (await buildPolicyInTasks(window, input(text, { config, consentPanel: true }), 1)).article.outerHTML;
    expect(tasks).to.equal(whole);
    expect(whole).to.contain('data-consentry-consent');
  });

  it('leaves the page alone: nothing is attached, and a remote image never loads', () => {
    const before = document.body.innerHTML;
    const { article } = buildPolicy(window, input('## A\n\n![x](https://evil.example/x.png)'));
    expect(article.isConnected).to.be.false;
    expect(article.querySelector('img')).to.equal(null);
    expect(document.body.innerHTML).to.equal(before);
  });
});
