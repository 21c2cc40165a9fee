import { expect, fixture, html } from '@open-wc/testing';
import { boot, exampleConfig, reset, uiCalls } from '../../core/core.harness.js';
import type { ConsentApi, ConsentryConfig } from '../../core/types.js';
import { definePolicy } from '../../policy.js';
import type { ConsentryPolicy } from './consentry-policy.js';
import { PolicyHarness, runAxe } from './consentry-policy.harness.js';

/** The "Your consent" panel and the stale-version notice, against the real core. */

definePolicy(null);

const POLICY = '## 1. Cookies\n\n<!-- consentry:cookie-table -->\n\n## 2. Contact\n\nText.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A receipts endpoint that accepts everything, so no request leaves the test page. */
const offline = {
  fetch: () => Promise.resolve(new Response(null, { status: 201 })),
  sendBeacon: () => true,
};

const configWith = (patch: Partial<ConsentryConfig>): ConsentryConfig => ({ ...exampleConfig(), ...patch });

const mount = async (api: ConsentApi, attrs = html``) => {
  const el = await fixture<ConsentryPolicy>(html`<consentry-policy .api=${api} .markdown=${POLICY}>${attrs}</consentry-policy>`);
  return new PolicyHarness(el).rendered();
};

afterEach(reset);

describe('<consentry-policy> strings: the one i18n, in the core’s language', () => {
  it('speaks the language the core resolved, from the shared tables', async () => {
    const api = await boot(configWith({ language: 'cy' }), offline);
    expect(api.getState().language).to.equal('cy');
    const policy = await mount(api);
    expect(policy.root.querySelector('nav.toc h2')!.textContent).to.equal('Cynnwys');
    expect(policy.consentPanel()!.querySelector('h2')!.textContent).to.equal('Eich caniatâd');
    expect(PolicyHarness.headers(policy.cookieTables()[0])[0]).to.equal('Cwci');
  });

  it('takes `texts` overrides for that language, as every element does', async () => {
    const api = await boot(configWith({ language: 'fr', texts: { fr: { policyContents: 'Table des matières' } } }), offline);
    const policy = await mount(api);
    expect(policy.root.querySelector('nav.toc h2')!.textContent).to.equal('Table des matières');
    expect(policy.consentPanel()!.querySelector('h2')!.textContent).to.equal('Votre consentement');
  });

  it('applies `texts.en` to a visitor the core resolved from en-GB', async () => {
    document.documentElement.lang = 'en-GB';
    try {
      const api = await boot(configWith({ language: undefined, texts: { en: { policyYourConsent: 'Your cookie choices' } } }), offline);
      const policy = await mount(api);
      expect(policy.consentPanel()!.querySelector('h2')!.textContent).to.equal('Your cookie choices');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });
});

describe('<consentry-policy> "Your consent" panel', () => {
  it('before any choice: says so and offers to choose', async () => {
    const api = await boot(exampleConfig(), offline);
    const policy = await mount(api);
    const panel = policy.consentPanel()!;
    expect(panel.querySelector('h2')!.textContent).to.equal('Your consent');
    expect(panel.textContent).to.contain('You have not made a choice');
    expect(policy.consentFacts()).to.deep.equal({});
    policy.button('Choose your cookie settings').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(uiCalls).to.include('openPreferences:BUTTON');
  });

  it('after a choice: shows the consent id, what was allowed and refused, and when (live)', async () => {
    const api = await boot(exampleConfig(), offline);
    const policy = await mount(api);
    const before = Date.now();
    await api.save(['analytics']);
    await policy.element.updateComplete;
    const state = api.getState();
    expect(state.subject).to.match(UUID);
    const facts = policy.consentFacts();
    expect(facts['Consent id']).to.equal(state.subject);
    expect(facts.Allowed).to.equal('Strictly necessary, Analytics');
    expect(facts.Refused).to.equal('Functional, Marketing');
    const time = policy.consentPanel()!.querySelector('time')!;
    expect(Date.parse(time.dateTime)).to.be.within(before - 60_000, Date.now() + 1000);
    expect(facts['Chosen on']).to.equal(time.textContent.trim());
    policy.button('Change your choices').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(uiCalls).to.include('openPreferences:BUTTON');
  });

  it('updates when the visitor changes their mind elsewhere on the page', async () => {
    const api = await boot(exampleConfig(), offline);
    const policy = await mount(api);
    await api.acceptAll();
    await policy.element.updateComplete;
    expect(policy.consentFacts().Refused).to.equal('None');
    await api.rejectAll();
    await policy.element.updateComplete;
    expect(policy.consentFacts().Allowed).to.equal('Strictly necessary');
  });

  it('keeps following the core after the element is moved in the page', async () => {
    const api = await boot(exampleConfig(), offline);
    const policy = await mount(api);
    const parent = policy.element.parentElement!;
    policy.element.remove();
    parent.append(policy.element);
    await api.acceptAll();
    await policy.element.updateComplete;
    expect(policy.consentFacts().Refused).to.equal('None');
  });

  it('links to the visitor\'s own receipts on the receipts server when an endpoint is configured', async () => {
    const api = await boot(configWith({ receipts: { endpoint: 'https://receipts.example/v1/receipts' } }), offline);
    const policy = await mount(api);
    expect(policy.consentPanel()!.querySelector('a')).to.equal(null);
    await api.rejectAll();
    await policy.element.updateComplete;
    const link = policy.consentPanel()!.querySelector('a')!;
    expect(link.textContent).to.equal('Download your consent records (JSON)');
    expect(link.getAttribute('href')).to.equal(`https://receipts.example/receipts/${api.getState().subject!}`);
  });

  it('offers no receipts link without an endpoint', async () => {
    const api = await boot(exampleConfig(), offline);
    const policy = await mount(api);
    await api.acceptAll();
    await policy.element.updateComplete;
    expect(policy.consentPanel()!.querySelector('a')).to.equal(null);
  });

  it('is left out with `no-consent-panel`', async () => {
    const api = await boot(exampleConfig(), offline);
    const el = await fixture<ConsentryPolicy>(html`<consentry-policy no-consent-panel .api=${api} .markdown=${POLICY}></consentry-policy>`);
    const policy = await new PolicyHarness(el).rendered();
    expect(policy.consentPanel()).to.equal(null);
    expect(policy.cookieTables()).to.have.length(4);
  });

  it('gets its api from definePolicy() when it has none of its own', async () => {
    const api = await boot(exampleConfig(), offline);
    definePolicy(api);
    try {
      const el = await fixture<ConsentryPolicy>(html`<consentry-policy .markdown=${POLICY}></consentry-policy>`);
      const policy = await new PolicyHarness(el).rendered();
      expect(el.api).to.equal(api);
      expect(policy.consentPanel()).to.not.equal(null);
      expect(policy.cookieTables()).to.have.length(4);
    } finally {
      definePolicy(null);
    }
  });
});

describe('<consentry-policy> stale policy version', () => {
  it('says when the choice was made under an older policy version and offers a review', async () => {
    const old = await boot(configWith({ policy: { url: '/privacy', version: '2025-09-01' } }), offline);
    await old.save(['functional']);
    old.destroy();
    const api = await boot(configWith({ policy: { url: '/privacy', version: '2026-05-01' } }), offline);
    expect(api.getState().decided).to.be.true;
    const policy = await mount(api);
    const notice = policy.staleNotice()!;
    expect(notice.textContent).to.contain('This policy has changed since you made your cookie choices');
    expect(notice.textContent).to.contain('2025-09-01');
    policy.button('Review your choices').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(uiCalls).to.include('openPreferences:BUTTON');
    expect(await runAxe(policy.element)).to.deep.equal([]);
  });

  it('stays quiet when the choice was made under the current version', async () => {
    const api = await boot(configWith({ policy: { url: '/privacy', version: '2026-05-01' } }), offline);
    await api.acceptAll();
    const policy = await mount(api);
    expect(policy.staleNotice()).to.equal(null);
  });
});

describe('<consentry-policy> accessibility with the consent panel', () => {
  it('has no WCAG 2.2 AA violations with a choice, the panel and the cookie table', async () => {
    const api = await boot(configWith({ receipts: { endpoint: 'https://receipts.example/receipts' } }), offline);
    await api.save(['analytics']);
    const policy = await mount(api);
    const violations = await runAxe(policy.element);
    expect(violations, JSON.stringify(violations, null, 1)).to.deep.equal([]);
  });
});
