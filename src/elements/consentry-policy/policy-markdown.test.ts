import { expect } from '@open-wc/testing';
import { fastMarkdown } from './policy-markdown.js';
import { parseBlock, sanitizedBlock, splitBlocks, splitFrontMatter } from './policy-render.js';

/**
 * The fast path builds plain Markdown as DOM without marked and DOMPurify;
 * held here to the DOM those two make of the same text, and to leaving them
 * everything else.
 */

const inert = document.implementation.createHTMLDocument('');

const serialise = (fragment: DocumentFragment): string => {
  const box = inert.createElement('div');
  box.append(fragment.cloneNode(true));
  return box.innerHTML;
};

/** What marked and the sanitiser make of a block: the reference. */
const reference = (source: string) => serialise(sanitizedBlock({ name: 'sample', source }, 'markdown').fragment);

const fast = (source: string) => fastMarkdown(source, inert, window);

/** Plain Markdown the fast path builds itself, each the same as marked + DOMPurify. */
const PLAIN = [
  '## A\n\nText with **bold** and *em* here.\n',
  'Para line one\nline two\n',
  '**Company:** Keyhold Ltd, *x* y\n',
  'foo**bar**baz and a*b*c\n',
  '**a**b\n',
  '*a*.\n',
  '(*a*)\n',
  '2*3*4\n',
  '**x**y**z**\n',
  'a **b**c\n',
  'a.**b**\n',
  '"**b**"\n',
  '**a\nb**\n',
  'Ünïcödé *ëm* **strông**\n',
  '[hello@keyhold.example](mailto:hello@keyhold.example)\n',
  'See [www.ico.org.uk](https://www.ico.org.uk) or [https://ico.org.uk/x](https://ico.org.uk/x).\n',
  '[a](java%0ascript:x) is a relative link\n',
  '[local](/cookies#x) and [rel](privacy.html?a=1) and [tel](tel:+441174960123)\n',
  `[same origin](${location.origin}/a) and [other](http://keyhold.example/a)\n`,
  '1. one\n2. two\n',
  '3. three\n4. four\n',
  '0. zero\n1. one\n',
  '1) one\n2) two\n',
  '- a\n- b\n\nafter\n',
  '* a\n* b\n',
  '+ a\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n| | x |\n',
  '| a | b |\n|---|---|\n',
  '| a |\n|---|\n| [x](/y) |\n| **b** |\n',
  'x\n\n<!-- consentry:cookie-table -->\n\n',
  '<!-- consentry:cookie-table -->\n\nText before any other content loses the comment, as in the HTML parser.\n',
  'Price £5 (approx.) — “quoted” \'single\' "double" 100% a+b=c; x|y a ! b\n',
  '## H\nText right after\n',
  '# T\n## S\n### U\n',
  '1.1 Who this is for\n\n2026. A year\n',
  '## Heading with *em* and [link](/l)\n',
  '[elsewhere](//other.example/x)\n',
  'Para\n\n\n\nPara 2\n',
];

/** Everything else goes to marked and the sanitiser (HTML, unsafe URLs, images, autolinks, escapes, nesting…). */
const LEFT_TO_MARKED = [
  '<b>bold</b>\n', '<img src=x onerror=alert(1)>\n', 'a <!-- comment --> b\n', '<!-- unclosed\n', '<!-- a -- b -->\n',
  '[a](javascript:alert(1))\n', '[a](JAVASCRIPT:x)\n', '[a](data:text/html,x)\n', '[a](vbscript:x)\n',
  '![img](/a.png)\n', '![x](https://evil.example/x.png)\n', '[a](/x "title")\n', '[a](</x>)\n', '[a](/x(y))\n', '[](/x)\n',
  'Email me at a@b.example\n', 'Go to www.example.com\n', 'https://example.com\n', 'ftp://x.example\n',
  'Hello &amp; bye\n', 'Hello & bye\n', 'Line\\\nbreak\n', 'a_b_c\n', '_a_\n', '~~del~~\n', '`code`\n', 'trailing spaces  \nnext\n',
  '- a\n- b\n\n- c\n', '- [ ] task\n', '- # heading\n', '- 1. x\n', '- a\n  continued\n', '- a\ncontinued lazily\n',
  '| a | b |\n|:--|--:|\n| 1 | 2 |\n', '| a | b |\n|---|---|\n| 1 | 2 | 3 |\n', '| a | b |\n|---|---|\n| 1 | 2 |\nText\n',
  'Text\n---\n', 'Text\n===\n', 'Text\n- item\n', 'Text\n1. item\n', 'Text\n## H\n', '## T ##\n', '#NoSpace\n', '> quote\n',
  '    code\n', '```\ncode\n```\n', '***strong em***\n', '**a *b* c**\n', '**bad **\n', '** bad**\n', 'a * b * c\n', 'x*\n',
  'é*a?😀*a’\n', 'a*😀 1-a*”\n', 'ba**😀## §!a**\n',
  '[a][b]\n\n[b]: /x\n', '[a]\n', 'x [a] y\n', 'text ]\n', 'Text with [link *em*](/x)\n', '**[link](/x)**\n', 'tab\there\n',
];

describe('policy-markdown: plain Markdown built as DOM, as marked and DOMPurify build it', () => {
  for (const source of PLAIN) {
    it(`builds ${JSON.stringify(source)} as the sanitised marked output`, () => {
      const fragment = fast(source);
      expect(fragment, 'taken by the fast path').to.not.equal(null);
      expect(serialise(fragment!)).to.equal(reference(source));
    });
  }

  for (const source of LEFT_TO_MARKED) {
    it(`leaves ${JSON.stringify(source)} to marked and the sanitiser`, () => {
      expect(fast(source)).to.equal(null);
    });
  }

  it('builds every block of the demo policy itself, each as marked and DOMPurify would', async () => {
    const text = await (await fetch('/demo/privacy.md')).text();
    const blocks = splitBlocks(splitFrontMatter(text).body, 'markdown');
    expect(blocks.length).to.be.greaterThan(10);
    for (const block of blocks) {
      const fragment = fast(block.source);
      expect(fragment, block.name).to.not.equal(null);
      expect(serialise(fragment!), block.name).to.equal(reference(block.source));
    }
  });

  it('keeps a document whose link does not parse as a URL, on both paths', () => {
    for (const source of ['[x](http://)\n', '[x](http://%zz)\n', '<a href="http://">x</a>\n']) {
      const { fragment } = parseBlock({ name: 'x', source }, 'markdown');
      expect(fragment.textContent?.trim(), source).to.equal('x');
    }
  });

  it('builds in an inert document, never the page', () => {
    const { fragment, dropped } = parseBlock({ name: 'x', source: '## A\n\n[x](/y)\n' }, 'markdown');
    expect(fragment.querySelector('a')!.ownerDocument).to.not.equal(document);
    expect(dropped).to.deep.equal([]);
  });

  it('still reports what the sanitiser drops from a block it leaves', () => {
    const { dropped } = parseBlock({ name: 'x', source: '## A\n\n<img src=x onerror=alert(1)>\n' }, 'markdown');
    expect(dropped).to.include('onerror on <img>');
  });
});
