import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, itAtNarrowViewport, itWithMediaEmulation, setViewport } from '../../../test/browser/engine.js';
import { nothing } from 'lit';
import { policyCss } from '../../policy-prerender.js';
import type { ConsentApi, ConsentryConfig, Text } from '../../core/types.js';
import { definePolicy } from '../../policy.js';
import { ConsentryPolicy } from './consentry-policy.js';
import { PolicyHarness, runAxe } from './consentry-policy.harness.js';
import { pickText } from './policy-strings.js';

definePolicy(null);

let demoConfig: ConsentryConfig;
let demoPolicy: string;

const mount = async (template: ReturnType<typeof html>) => {
  const el = await fixture<ConsentryPolicy>(template);
  return new PolicyHarness(el).rendered();
};

/** The demo policy built by the element from its Markdown. */
const built = (scheme?: string) =>
  mount(html`<consentry-policy scheme=${scheme ?? nothing} .markdown=${demoPolicy} .config=${demoConfig}></consentry-policy>`);

/**
 * The demo privacy page's own pre-rendered policy (what `consentry render`
 * wrote into demo/privacy.html), served in the page and enhanced in place.
 * The page stylesheet is the build's `policy.css`, made by the same function.
 */
const prerendered = async (scheme?: string) => {
  if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  const article = demoPage.querySelector('consentry-policy > article')!;
  const el = await fixture<ConsentryPolicy>(html`<consentry-policy scheme=${scheme ?? nothing} .config=${demoConfig}>${document.importNode(article, true)}</consentry-policy>`);
  return new PolicyHarness(el).rendered();
};

const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(policyCss());
let demoPage: Document;
let demo = built;

/** A config text in English (the demo config's language). */
const en = (text: Text | undefined): string => pickText(text, 'en');

const nextFrames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
};

before(async () => {
  demoConfig = (await (await fetch('/demo/consent.json')).json()) as ConsentryConfig;
  demoPolicy = await (await fetch('/demo/privacy.md')).text();
  demoPage = new DOMParser().parseFromString(await (await fetch('/demo/privacy.html')).text(), 'text/html');
});

afterEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
  scrollTo(0, 0);
});

for (const [form, mountDemo] of [['built from Markdown', built], ['pre-rendered in the page', prerendered]] as const)
describe(`<consentry-policy> with the demo policy, ${form}`, () => {
  before(() => {
    demo = mountDemo;
  });

  it('builds a two-level contents: 17 numbered sections and their subsections', async () => {
    const toc = (await demo()).toc();
    expect(toc).to.have.length(17);
    expect(toc.map((s) => s.text.split('.')[0])).to.deep.equal(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    const subsections = toc.flatMap((s) => s.children);
    expect(subsections.length).to.be.within(55, 70);
    expect(subsections.length).to.equal((demoPolicy.match(/^### /gm) ?? []).length);
    expect(toc[8].text).to.equal('9. Your rights');
    expect(toc[8].children.map((c) => c.text)).to.include('9.7 The right to withdraw consent');
    for (const section of toc) expect(section.children, section.text).to.not.be.empty;
  });

  it('derives stable ids from the heading text', async () => {
    const policy = await demo();
    const ids = policy.toc().flatMap((s) => [s.id, ...s.children.map((c) => c.id)]);
    expect(ids).to.include('11-cookies-and-tracking-technologies');
    expect(ids).to.include('9-1-the-right-of-access');
    expect(new Set(ids).size).to.equal(ids.length);
    expect(policy.heading('11-cookies-and-tracking-technologies').textContent).to.equal('11. Cookies and tracking technologies');
  });

  it('shows the title, version and last-updated date from the front matter', async () => {
    const policy = await demo();
    const header = policy.root.querySelector('header')!;
    expect(header.querySelector('h1')!.textContent).to.equal('Privacy and cookies policy');
    const meta = policy.root.querySelector('[part="meta"]')!;
    expect(meta.textContent).to.contain('2026-05-01');
    expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2026-05-01');
    expect(meta.querySelector('time')!.textContent).to.equal('1 May 2026');
    expect(policy.content.textContent).to.not.contain('version: 2026-05-01');
  });

  it('follows a contents link: the hash changes and the heading takes focus', async () => {
    const policy = await demo();
    policy.tocLink('5-our-legal-bases').click();
    expect(location.hash).to.equal('#5-our-legal-bases');
    expect(policy.focused()).to.equal(policy.heading('5-our-legal-bases'));
  });

  it('opens a deep link on load: the heading is scrolled into view and focused', async () => {
    history.replaceState(null, '', '#11-cookies-and-tracking-technologies');
    const policy = await demo();
    const heading = policy.heading('11-cookies-and-tracking-technologies');
    expect(policy.focused()).to.equal(heading);
    const top = heading.getBoundingClientRect().top;
    expect(top).to.be.within(-1, 40);
    expect(scrollY).to.be.greaterThan(1000);
  });

  it('follows later hash changes (back/forward, typed links)', async () => {
    const policy = await demo();
    location.hash = '#8-2-retention-periods';
    await oneEvent(window, 'hashchange');
    expect(policy.focused()).to.equal(policy.heading('8-2-retention-periods'));
    expect(policy.heading('8-2-retention-periods').getBoundingClientRect().top).to.be.within(-1, 40);
  });

  it('highlights the section being read, and only that one', async () => {
    const policy = await demo();
    policy.heading('9-your-rights').scrollIntoView();
    await nextFrames();
    await policy.element.updateComplete;
    expect(policy.currentTocIds()).to.deep.equal(['9-your-rights']);
    policy.heading('12-3-photographs-and-video').scrollIntoView();
    await nextFrames();
    await policy.element.updateComplete;
    expect(policy.currentTocIds()).to.deep.equal(['12-3-photographs-and-video']);
  });

  it('ends each top-level section of a long policy with a link back to the contents', async () => {
    const policy = await demo();
    const links = [...policy.content.querySelectorAll<HTMLAnchorElement>('.back a')];
    expect(links).to.have.length(17);
    expect(policy.heading('2-who-we-are').previousElementSibling!.className).to.equal('back');
    links[5].click();
    expect(policy.focused()!.id).to.equal('consentry-contents');
    expect(location.hash).to.equal('#consentry-contents');
  });

  it('puts the cookie table at the marker, inside section 11.6', async () => {
    const policy = await demo();
    const declaration = policy.root.querySelector('.cookie-declaration')!;
    const after = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(after(policy.heading('11-6-the-cookies-on-this-website'), declaration)).to.be.true;
    expect(after(declaration, policy.heading('12-how-we-protect-your-data'))).to.be.true;
    expect(policy.content.innerHTML).to.not.contain('consentry:cookie-table');
  });

  it('generates the cookie table from the config, row for row', async () => {
    const tables = (await demo()).cookieTables();
    const basisName = { 'strictly-necessary': 'Strictly necessary', consent: 'Consent', objection: 'On unless you object' };
    expect(tables).to.have.length(demoConfig.categories.length);
    demoConfig.categories.forEach((category, i) => {
      const table = tables[i];
      expect(table.caption!.textContent).to.equal(en(category.title));
      const basis = basisName[category.basis ?? 'consent'];
      const essential = category.basis === 'strictly-necessary';
      const expected = (category.services ?? []).flatMap((service) =>
        (service.cookies?.length ? service.cookies : [undefined]).map((cookie) => {
          const row = cookie
            ? [cookie.name, service.name, cookie.provider, en(cookie.purpose), cookie.duration, basis]
            : ['No cookies', service.name, '', en(service.description), '', basis];
          return essential ? [...row, en(cookie?.justification)] : row;
        }),
      );
      expect(PolicyHarness.rows(table), category.id).to.deep.equal(expected);
      expect(PolicyHarness.headers(table)).to.deep.equal(
        ['Cookie', 'Service', 'Provider', 'Purpose', 'Duration', 'Legal basis', ...(essential ? ['Why it is essential'] : [])],
      );
    });
    const cookieCount = demoConfig.categories.flatMap((c) => c.services ?? []).flatMap((s) => s.cookies ?? []).length;
    expect(tables.flatMap((t) => [...t.querySelectorAll('tbody th code')]).length).to.equal(cookieCount);
  });

  it('marks up the cookie tables for assistive technology', async () => {
    const [table] = (await demo()).cookieTables();
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).to.be.true;
    expect([...table.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).to.be.true;
    const region = table.parentElement!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.getAttribute('aria-label')).to.equal('Strictly necessary');
    expect(region.tabIndex).to.equal(0);
  });

  it('has no WCAG 2.2 AA violations (axe-core)', async function () {
    this.timeout(30_000); // axe over the whole policy is slow on a loaded machine
    const policy = await demo();
    const violations = await runAxe(policy.element);
    expect(violations, JSON.stringify(violations, null, 1)).to.deep.equal([]);
  });

  it('has no WCAG 2.2 AA violations in the dark scheme', async function () {
    this.timeout(30_000);
    const policy = await demo('dark');
    expect(getComputedStyle(policy.element).backgroundColor).to.equal('rgb(31, 31, 35)');
    const violations = await runAxe(policy.element);
    expect(violations, JSON.stringify(violations, null, 1)).to.deep.equal([]);
  });

  itAtNarrowViewport('reflows at 320 px: the page never scrolls sideways, wide tables scroll in their region', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const policy = await demo();
      await nextFrames();
      const wide = [...document.body.querySelectorAll('*'), ...policy.root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll'));
      expect(wide.map((e) => e.outerHTML.slice(0, 80))).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
      expect(policy.element.scrollWidth).to.be.at.most(policy.element.clientWidth);
      const region = policy.cookieTables()[0].parentElement!;
      expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  itWithMediaEmulation('prints the whole policy without the contents and the consent chrome', async () => {
    const policy = await demo();
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(policy.root.querySelector('nav.toc')!).display).to.equal('none');
      expect(getComputedStyle(policy.content.querySelector('.back')!).display).to.equal('none');
      expect(getComputedStyle(policy.content).display).to.equal('block');
      expect(getComputedStyle(policy.cookieTables()[0].parentElement!).overflowX).to.equal('visible');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});

describe('<consentry-policy> first paint', () => {
  it('enhances a pre-rendered policy where the server put it: the same nodes, no shadow root to lay it out again', async () => {
    const article = document.importNode(demoPage.querySelector('consentry-policy > article')!, true);
    const el = await fixture<ConsentryPolicy>(html`<consentry-policy .config=${demoConfig}>${article}</consentry-policy>`);
    await new PolicyHarness(el).rendered();
    expect(el.shadowRoot).to.equal(null);
    expect(el.querySelector(':scope > article')).to.equal(article);
    expect(el.hasAttribute('ready')).to.be.true;
  });
});

describe('<consentry-policy> sources', () => {
  it('fetches `src` and renders Markdown', async () => {
    const policy = await mount(html`<consentry-policy src="/demo/privacy.md"></consentry-policy>`);
    expect(policy.toc()).to.have.length(17);
  });

  it('fires `load` after rendering', async () => {
    const el = document.createElement('consentry-policy');
    const loaded = oneEvent(el, 'load');
    el.markdown = '## 1. One\n\nText.';
    document.body.append(el);
    await loaded;
    expect(el.shadowRoot!.querySelector('.content h2')!.id).to.equal('1-one');
    el.remove();
  });

  it('reports a failed fetch with a link to the source and an `error` event', async () => {
    const el = document.createElement('consentry-policy');
    const failed = oneEvent(el, 'error');
    el.src = '/demo/no-such-policy.md';
    document.body.append(el);
    await failed;
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('could not be loaded');
    expect(alert.querySelector('a')!.getAttribute('href')).to.equal('/demo/no-such-policy.md');
    el.remove();
  });

  it('reads inline Markdown from a child script', async () => {
    const policy = await mount(html`<consentry-policy>
      <script type="text/markdown">
## 1. First

Some *text*.

## 2. Second
      </script>
    </consentry-policy>`);
    expect(policy.toc().map((e) => e.id)).to.deep.equal(['1-first', '2-second']);
    expect(policy.content.querySelector('em')!.textContent).to.equal('text');
  });

  it('reads inline HTML from a child template', async () => {
    const policy = await mount(html`<consentry-policy>
      <template><h2>About</h2><p>Hello <strong>there</strong></p><h2>More</h2></template>
    </consentry-policy>`);
    expect(policy.toc().map((e) => e.text)).to.deep.equal(['About', 'More']);
    expect(policy.content.querySelector('strong')!.textContent).to.equal('there');
  });

  it('keeps every section after an unclosed construct, and names the section in the console', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => void warnings.push(String(message));
    try {
      const markdown = '## 1. Data\n\nx\n\n## 2. Cookies\n\n<textarea>\n\n## 3. Contact\n\nprivacy@keyhold.example';
      const policy = await mount(html`<consentry-policy .markdown=${markdown}></consentry-policy>`);
      expect(policy.toc().map((e) => e.text)).to.deep.equal(['1. Data', '2. Cookies', '3. Contact']);
      expect(policy.content.textContent).to.contain('privacy@keyhold.example');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal(['consentry-policy: in "2. Cookies", dropped an unclosed <textarea>']);
  });

  it('treats the `html` property as HTML, not Markdown', async () => {
    const policy = await mount(html`<consentry-policy .html=${'<h2>A *b*</h2>'}></consentry-policy>`);
    expect(policy.heading('a-b').textContent).to.equal('A *b*');
  });

  it('de-duplicates ids and reserves its own', async () => {
    const policy = await mount(html`<consentry-policy .markdown=${'## Contents\n## Notes\n## Notes\n## Consentry contents'}></consentry-policy>`);
    expect(policy.toc().map((e) => e.id)).to.deep.equal(['contents', 'notes', 'notes-2', 'consentry-contents-2']);
  });

  it('uses h1/h2 for the contents when the document has several h1 sections', async () => {
    const policy = await mount(html`<consentry-policy .markdown=${'# A\n## A.1\n### deep\n# B\n## B.1'}></consentry-policy>`);
    expect(policy.toc().map((e) => [e.text, e.children.map((c) => c.text)])).to.deep.equal([
      ['A', ['A.1']],
      ['B', ['B.1']],
    ]);
  });

  it('without a marker, appends the cookie table to the end of the cookies section', async () => {
    const markdown = '## 1. Data\n\nx\n\n## 2. Cookies\n\nWe use cookies.\n\n### 2.1 Detail\n\ny\n\n## 3. Contact\n\nz';
    const policy = await mount(html`<consentry-policy .markdown=${markdown} .config=${demoConfig}></consentry-policy>`);
    const declaration = policy.root.querySelector('.cookie-declaration')!;
    expect(declaration.previousElementSibling!.textContent).to.equal('y');
    expect(declaration.nextElementSibling).to.equal(policy.heading('3-contact'));
  });

  it('inserts no table without a config, and drops the marker', async () => {
    const policy = await mount(html`<consentry-policy .markdown=${'## Cookies\n\n<!-- consentry:cookie-table -->\n\nText'}></consentry-policy>`);
    expect(policy.cookieTables()).to.be.empty;
    expect(policy.content.innerHTML).to.not.contain('<!--');
  });

  it('shows version history from the config, with safe links only', async () => {
    const config: ConsentryConfig = {
      ...demoConfig,
      policy: {
        url: '/privacy',
        version: '2026-05-01',
        history: [
          { version: '2026-05-01', date: '2026-05-01', summary: 'Added the video player.', url: '/privacy/2026-05-01' },
          { version: '2025-09-01', date: '2025-09-01', summary: 'First version.', url: 'javascript:window.__xss=1' },
        ],
      },
    };
    const policy = await mount(html`<consentry-policy .markdown=${'## A'} .config=${config}></consentry-policy>`);
    const items = [...policy.root.querySelectorAll('[part="history"] li')];
    expect(items.map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      '2026-05-01 (1 May 2026): Added the video player.',
      '2025-09-01 (1 September 2025): First version.',
    ]);
    expect(items[0].querySelector('a')!.getAttribute('href')).to.equal('/privacy/2026-05-01');
    expect(items[1].querySelector('a')).to.equal(null);
  });

  it('takes the version from the config when the document has no front matter', async () => {
    const policy = await mount(html`<consentry-policy .markdown=${'## A'} .config=${demoConfig}></consentry-policy>`);
    expect(policy.root.querySelector('[part="meta"]')!.textContent).to.contain('2026-05-01');
  });

  it('has no contents, back links or chrome for a short policy beyond what it needs', async () => {
    const policy = await mount(html`<consentry-policy .markdown=${'## A\n\ntext\n\n## B'}></consentry-policy>`);
    expect(policy.content.querySelectorAll('.back')).to.have.length(0);
    expect(policy.consentPanel()).to.equal(null);
  });
});

describe('definePolicy', () => {
  it('can be called again: defines once and hands the new api to instances without one', async () => {
    const el = await fixture<ConsentryPolicy>(html`<consentry-policy .markdown=${'## A'}></consentry-policy>`);
    const state = { decided: false, subject: null, granted: [], denied: [], bases: {} };
    const api = { config: demoConfig, getState: () => state, onChange: () => () => undefined } as unknown as ConsentApi;
    try {
      definePolicy(api);
      expect(customElements.get('consentry-policy')).to.equal(ConsentryPolicy);
      expect(el.api).to.equal(api);
    } finally {
      definePolicy(null);
      fixtureCleanup();
    }
  });
});
