import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentryConfig } from '../../core/types.js';
import { definePolicy } from '../../policy.js';
import type { ConsentryPolicy } from './consentry-policy.js';
import { PolicyHarness } from './consentry-policy.harness.js';

/**
 * SEC-3: the viewer works with Trusted Types enforced and only the policy
 * names the e2e CSP allows (`lit-html consentry dompurify`).
 */

// The demo's pre-rendered page, parsed before the policy below is enforced (DOMParser is a sink).
const demoPage = new DOMParser().parseFromString(await (await fetch('/demo/privacy.html')).text(), 'text/html');

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "require-trusted-types-for 'script'; trusted-types lit-html consentry dompurify";
document.head.append(csp);

definePolicy(null);

describe('<consentry-policy> under Trusted Types', () => {
  it('runs on a page that really enforces Trusted Types', async () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
    // The violation report is queued: wait for it, then start counting afresh.
    for (let i = 0; i < 50 && !violations.length; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(violations[0]).to.contain('require-trusted-types-for');
    violations.length = 0;
  });

  it('renders the demo policy, its contents and the cookie table without a violation', async () => {
    const config = (await (await fetch('/demo/consent.json')).json()) as ConsentryConfig;
    const el = await fixture<ConsentryPolicy>(html`<consentry-policy src="/demo/privacy.md" .config=${config}></consentry-policy>`);
    const policy = await new PolicyHarness(el).rendered();
    expect(policy.toc()).to.have.length(17);
    expect(policy.cookieTables()).to.have.length(config.categories.length);
    expect(violations).to.deep.equal([]);
  });

  it('enhances the pre-rendered demo policy (contents, consent panel) without a violation', async () => {
    const config = (await (await fetch('/demo/consent.json')).json()) as ConsentryConfig;
    const article = document.importNode(demoPage.querySelector('consentry-policy > article')!, true);
    const el = await fixture<ConsentryPolicy>(html`<consentry-policy .config=${config}>${article}</consentry-policy>`);
    const policy = await new PolicyHarness(el).rendered();
    expect(el.hasAttribute('ready')).to.be.true;
    expect(policy.toc()).to.have.length(17);
    expect(policy.cookieTables()).to.have.length(config.categories.length);
    expect(violations).to.deep.equal([]);
  });

  it('still sanitises: a payload stays inert', async () => {
    const el = await fixture<ConsentryPolicy>(
      html`<consentry-policy .markdown=${'## A\n\n<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>[x](javascript:window.__xss=1)'}></consentry-policy>`,
    );
    const policy = await new PolicyHarness(el).rendered();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    expect(policy.content.querySelector('script, [onerror]')).to.equal(null);
    expect(policy.content.querySelector('a')!.hasAttribute('href')).to.be.false;
    expect(violations).to.deep.equal([]);
  });
});
