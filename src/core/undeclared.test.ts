import { expect } from '@open-wc/testing';
import { exampleConfig } from './core.harness.js';
import { findUndeclared, hostMatches } from './undeclared.js';

describe('dev mode: undeclared trackers', () => {
  const config = () => {
    const c = exampleConfig();
    c.categories.find((x) => x.id === 'analytics')!.services![0].hosts = ['*.google-analytics.com', 'https://www.googletagmanager.com/gtag/'];
    return c;
  };

  it('host patterns: exact host, *.domain with the bare domain, URL prefix', () => {
    const u = (s: string) => new URL(s);
    expect(hostMatches('cdn.example.com', u('https://cdn.example.com/x.js'))).to.equal(true);
    expect(hostMatches('cdn.example.com', u('https://other.example.com/x.js'))).to.equal(false);
    expect(hostMatches('*.example.com', u('https://a.b.example.com/'))).to.equal(true);
    expect(hostMatches('*.example.com', u('https://example.com/'))).to.equal(true);
    expect(hostMatches('*.example.com', u('https://badexample.com/'))).to.equal(false);
    expect(hostMatches('https://example.com/px/', u('https://example.com/px/1.gif'))).to.equal(true);
    expect(hostMatches('https://example.com/px/', u('https://example.com/other'))).to.equal(false);
  });

  it('lists cookies, storage keys and third-party hosts no service declares, once each', () => {
    const report = findUndeclared(config(), {
      cookies: 'consentry=1; _ga=GA1; _ga_X=1; prefs=dark; _hjid=abc; _hjid=abc',
      storage: ['prefs:theme', 'consentry:receipts', 'ajs_user_id'],
      urls: [
        'https://region1.google-analytics.com/g/collect',
        'https://www.googletagmanager.com/gtag/js?id=G-1',
        'https://www.googletagmanager.com/gtm.js',
        'https://static.hotjar.com/c/hotjar.js',
        'https://static.hotjar.com/c/modules.js',
        '/local/script.js',
        'data:image/gif;base64,R0lGOD',
      ],
      origin: 'https://shop.example',
    });
    expect(report).to.deep.equal({
      cookies: ['_hjid'],
      storage: ['ajs_user_id'],
      hosts: ['www.googletagmanager.com', 'static.hotjar.com'],
    });
  });

  it('an empty page has nothing to report', () => {
    expect(findUndeclared(config(), { cookies: '', storage: [], urls: [], origin: 'https://shop.example' })).to.deep.equal({
      cookies: [],
      storage: [],
      hosts: [],
    });
  });
});
