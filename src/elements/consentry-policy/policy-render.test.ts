import { expect } from '@open-wc/testing';
import { detectFormat, isSafeUrl, parsePolicy, slugify, splitFrontMatter, tocLevels } from './policy-render.js';

describe('policy-render', () => {
  it('splits front matter from the text', () => {
    const { meta, body } = splitFrontMatter('---\nversion: 2026-05-01\nupdated: "2026-05-02"\ntitle: Privacy: ours\n---\n# Hi\n');
    expect(meta).to.deep.equal({ version: '2026-05-01', updated: '2026-05-02', title: 'Privacy: ours' });
    expect(body).to.equal('# Hi\n');
  });

  it('leaves text without front matter alone (a horizontal rule later is not front matter)', () => {
    expect(splitFrontMatter('# Hi\n\n---\n\nmore')).to.deep.equal({ meta: {}, body: '# Hi\n\n---\n\nmore' });
  });

  it('slugs headings the same way every time', () => {
    expect(slugify('11. Cookies and tracking technologies')).to.equal('11-cookies-and-tracking-technologies');
    expect(slugify('9.1 The right of access')).to.equal('9-1-the-right-of-access');
    expect(slugify('Données personnelles — à savoir')).to.equal('donnees-personnelles-a-savoir');
    expect(slugify('???')).to.equal('section');
  });

  it('detects HTML by content type or extension, Markdown otherwise', () => {
    expect(detectFormat('text/html; charset=utf-8', '/p')).to.equal('html');
    expect(detectFormat(null, '/privacy.html?x=1')).to.equal('html');
    expect(detectFormat('text/markdown', '/privacy.md')).to.equal('markdown');
    expect(detectFormat('text/plain', '/privacy')).to.equal('markdown');
  });

  it('accepts only http(s), mailto, tel and relative URLs from config', () => {
    for (const ok of ['/privacy', 'privacy.html', '#x', 'https://a.example/', 'mailto:a@b.example', 'tel:+44117']) expect(isSafeUrl(ok), ok).to.be.true;
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'ftp://x.example']) expect(isSafeUrl(bad), bad).to.be.false;
  });

  it('picks the two contents levels from the document', () => {
    const levels = (md: string) => tocLevels(parsePolicy(md, 'markdown').headings);
    expect(levels('# Title\n## A\n### A.1\n## B')).to.deep.equal([2, 3]);
    expect(levels('# A\n## A.1\n# B')).to.deep.equal([1, 2]);
    expect(levels('## A\n#### A.1')).to.deep.equal([2, 4]);
    expect(levels('## Only')).to.deep.equal([2, undefined]);
  });

  it('returns an inert fragment: remote images are dropped before anything loads', () => {
    const { body } = parsePolicy('![a](https://evil.example/a.png) ![b](/local.png)', 'markdown');
    expect(body.ownerDocument).to.not.equal(document);
    expect([...body.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal(['/local.png']);
    expect(body.textContent).to.contain('a');
  });

  it('keeps the structure a policy needs', () => {
    const md = '## T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n1. one\n2. two\n\n**bold** [mail](mailto:x@y.example) [ext](https://x.example/)';
    const { body } = parsePolicy(md, 'markdown');
    expect(body.querySelectorAll('table td')).to.have.length(2);
    expect(body.querySelector('blockquote')).to.not.equal(null);
    expect(body.querySelectorAll('ol li')).to.have.length(2);
    expect(body.querySelector('a[href^="mailto:"]')!.getAttribute('rel')).to.equal(null);
    expect(body.querySelector('a[href^="https:"]')!.getAttribute('rel')).to.equal('noopener noreferrer');
  });
});
