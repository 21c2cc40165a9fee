import { expect, fixture, html } from '@open-wc/testing';
import { definePolicy } from '../../policy.js';
import type { ConsentryPolicy } from './consentry-policy.js';
import { PolicyHarness } from './consentry-policy.harness.js';

/** Browsers without Trusted Types: the sanitiser works on plain strings. */

Object.defineProperty(window, 'trustedTypes', { value: undefined, configurable: true });
definePolicy(null);

describe('<consentry-policy> without Trusted Types support', () => {
  it('renders and sanitises', async () => {
    expect((window as { trustedTypes?: unknown }).trustedTypes).to.equal(undefined);
    const el = await fixture<ConsentryPolicy>(
      html`<consentry-policy .markdown=${'## 1. One\n\n<img src=x onerror="window.__xss=1"> [a](javascript:x) [b](/ok)\n\n## 2. Two'}></consentry-policy>`,
    );
    const policy = await new PolicyHarness(el).rendered();
    expect(policy.toc().map((e) => e.id)).to.deep.equal(['1-one', '2-two']);
    expect(policy.content.querySelector('[onerror]')).to.equal(null);
    expect([...policy.content.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))).to.deep.equal(['/ok']);
  });
});
