import { expect } from '@open-wc/testing';
import { emulateMedia, itAtNarrowViewport, itWithMediaEmulation, resetMedia, setViewport } from '../../../test/browser/engine.js';
import { addToPage } from '../../core/core.harness.js';
import type { ConsentApi, ConsentryConfig } from '../../core/types.js';
import { axeViolations, bootUi, configWithVideo, loadChunk, resetUi, waitFor } from '../../ui.harness.js';
import { BannerHarness } from '../consentry-banner/consentry-banner.harness.js';
import { enDetails } from '../../i18n/en-details.js';
import { enPlaceholder } from '../../i18n/en-placeholder.js';
import { BUTTONS, FOCUS_RING, TOKENS } from '../../styles/tokens-css.styles.js';
import { PlaceholderHarness } from './consentry-placeholder.harness.js';
import { placeholderCss } from './consentry-placeholder.styles.js';

// Any same-origin document stands in for the video page.
const VIDEO = '/test/fixtures/xss/README.md';

describe('consentry-placeholder', () => {
  let api: ConsentApi;
  let frame: HTMLIFrameElement;
  let placeholder: PlaceholderHarness;

  /** A gated embed on the page, then the real core booted over it. */
  const pageWithEmbed = async (consent = 'marketing:youtube', extra = '', config?: Partial<ConsentryConfig>) => {
    const box = addToPage(`<iframe data-consent="${consent}" data-src="${VIDEO}" width="560" height="315" title="Video" ${extra}></iframe>`);
    frame = box.querySelector('iframe') as HTMLIFrameElement;
    api = await bootUi({ ...(await configWithVideo()), ...config });
    placeholder = await PlaceholderHarness.find(frame);
  };

  afterEach(async () => {
    await resetUi();
    await resetMedia();
    await setViewport({ width: 1280, height: 720 });
  });

  it('takes the blocked iframe’s place and size while the iframe stays hidden without a src', async () => {
    await pageWithEmbed();
    const box = placeholder.element.getBoundingClientRect();
    // 560×315 plus the iframe's 2 px default border on each side.
    expect(box.width).to.equal(564);
    expect(box.height).to.equal(319);
    expect(frame.hidden).to.be.true;
    expect(frame.getBoundingClientRect().height).to.equal(0);
    expect(frame.hasAttribute('src')).to.be.false;
  });

  it('names the service, the category and the cookies it would set', async () => {
    await pageWithEmbed();
    expect(placeholder.text).to.contain('YouTube is blocked until you allow Marketing and advertising.');
    expect(placeholder.text).to.contain('It would set: VISITOR_INFO1_LIVE.');
    expect(placeholder.allowCategoryButton.textContent.trim()).to.equal('Allow Marketing and advertising');
    expect(placeholder.allowServiceButton?.textContent.trim()).to.equal('Allow only this YouTube');
  });

  it('has 0 axe violations in light', async () => {
    await pageWithEmbed();
    expect(await axeViolations(placeholder.element)).to.deep.equal([]);
  });

  itWithMediaEmulation('has 0 axe violations in dark', async () => {
    await pageWithEmbed();
    await emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(placeholder.element)).to.deep.equal([]);
  });

  it('"Allow only this" allows the one service, loads the embed and steps aside', async () => {
    await pageWithEmbed();
    placeholder.clickAllowService();
    await placeholder.gone();
    expect(api.get('marketing', 'youtube')).to.be.true;
    expect(api.get('marketing')).to.be.false;
    await waitFor(() => frame.getAttribute('src') == VIDEO);
    expect(frame.hidden).to.be.false;
    expect(frame.getBoundingClientRect().height).to.equal(319);
  });

  it('"Allow <category>" grants the category and nothing else', async () => {
    await pageWithEmbed();
    placeholder.clickAllowCategory();
    await placeholder.gone();
    expect(api.getState().granted).to.deep.equal(['necessary', 'marketing']);
    await waitFor(() => frame.getAttribute('src') == VIDEO);
  });

  it('comes back when consent is withdrawn', async () => {
    await pageWithEmbed();
    placeholder.clickAllowCategory();
    await placeholder.gone();
    await api.withdraw(['marketing']);
    // The loaded iframe is replaced by a fresh one (script-gate.ts): the placeholder stands before that.
    expect(frame.isConnected).to.be.false;
    frame = document.querySelector<HTMLIFrameElement>('iframe[data-consent]')!;
    placeholder = await PlaceholderHarness.find(frame);
    expect(frame.hasAttribute('src')).to.be.false;
    expect(frame.hidden).to.be.true;
  });

  it('offers only the category when the iframe names no service, and names it by its title', async () => {
    await pageWithEmbed('marketing');
    expect(placeholder.allowServiceButton).to.be.null;
    expect(placeholder.text).to.contain('Video is blocked until you allow Marketing and advertising.');
  });

  it('names the service only through data-consent="category:service", as the gate does (no data-service)', async () => {
    await pageWithEmbed('marketing', 'data-service="youtube"');
    expect(placeholder.allowServiceButton).to.be.null;
  });

  itAtNarrowViewport('at 320 px shrinks to the width without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 568 });
    await pageWithEmbed();
    expect(placeholder.element.getBoundingClientRect().right).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    expect(await axeViolations(placeholder.element)).to.deep.equal([]);
  });

  it('lives beside the banner without either granting anything', async () => {
    await pageWithEmbed();
    const banner = await BannerHarness.find();
    expect(banner.element.isConnected).to.be.true;
    expect(api.getState().granted).to.deep.equal(['necessary']);
  });

  it('needs no lit: its chunk is a plain custom element, styled with the banner’s tokens (each read with the shared default), focus ring and button', async () => {
    await pageWithEmbed();
    expect(Object.getPrototypeOf(placeholder.element.constructor)).to.equal(HTMLElement);
    const flat = (css: string) => css.replace(/\s+/g, ' ').trim();
    // The shared defaults, `--consentry-x: value;` in the banner's token block.
    const defaults = Object.fromEntries([...TOKENS.matchAll(/(--consentry-[\w-]+):([^;]+);/g)].map(([, name, value]) => [name, flat(value)]));
    // Every token it reads falls back to that default (and none is declared here).
    const reads = [...placeholderCss.matchAll(/var\((--consentry-[\w-]+),((?:[^()]|\([^()]*\))+)\)/g)];
    expect(reads.map(([, name]) => name)).to.include.members(Object.keys(defaults));
    for (const [, name, fallback] of reads) expect(flat(fallback), name).to.equal(defaults[name]);
    expect(placeholderCss).not.to.match(/--consentry-[\w-]+\s*:/);
    // The shared focus ring and button, with those fallbacks; the button's border is
    // transparent over its own background (the shared one is drawn in that colour).
    const withDefaults = (css: string) => flat(css).replace(/var\((--consentry-[\w-]+)\)/g, (_, name: string) => `var(${name}, ${defaults[name]})`);
    expect(flat(placeholderCss)).to.contain(withDefaults(FOCUS_RING));
    expect(flat(placeholderCss)).to.contain(
      withDefaults(BUTTONS).replace(`border: 2px solid var(--consentry-button-background, ${defaults['--consentry-button-background']})`, 'border: 2px solid transparent'),
    );
    const button = getComputedStyle(placeholder.allowCategoryButton);
    expect(button.minHeight).to.equal('44px');
    expect(button.fontWeight).to.equal('600');
    expect(button.backgroundColor).to.equal('rgb(27, 27, 31)');
    expect(button.borderTopColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('takes a token the page sets (on :root), as it reads each with a fallback', async () => {
    document.documentElement.style.setProperty('--consentry-button-background', 'rgb(0, 0, 128)');
    try {
      await pageWithEmbed();
      expect(getComputedStyle(placeholder.allowCategoryButton).backgroundColor).to.equal('rgb(0, 0, 128)');
    } finally {
      document.documentElement.style.removeProperty('--consentry-button-background');
    }
  });

  it('takes the config’s theme, as the other elements do', async () => {
    await pageWithEmbed('marketing:youtube', '', { theme: { buttonBackground: 'rgb(0, 80, 0)', scheme: 'dark' } });
    expect(placeholder.element.getAttribute('scheme')).to.equal('dark');
    expect(getComputedStyle(placeholder.allowCategoryButton).backgroundColor).to.equal('rgb(0, 80, 0)');
  });

  it('keeps its four English strings the details table’s, so a texts override names them as before', async () => {
    for (const [key, value] of Object.entries(enPlaceholder)) expect(enDetails[key as keyof typeof enDetails], key).to.equal(value);
    await pageWithEmbed('marketing:youtube', '', { texts: { en: { allowService: 'Play {service}' } } });
    expect(placeholder.allowServiceButton?.textContent.trim()).to.equal('Play YouTube');
  });

  it('fills any of its values into any of its strings: a texts override may name the service on the category button', async () => {
    await pageWithEmbed('marketing:youtube', '', { texts: { en: { allowCategory: 'Allow {category} ({service})' } } });
    expect(placeholder.allowCategoryButton.textContent.trim()).to.equal('Allow Marketing and advertising (YouTube)');
  });

  it('speaks the page’s language: the strings come from that language’s details file', async () => {
    await pageWithEmbed('marketing:youtube', '', { language: 'fr' });
    expect(placeholder.element.lang).to.equal('fr');
    expect(placeholder.text).to.contain('YouTube est bloqué tant que vous n’autorisez pas');
    expect(placeholder.allowCategoryButton.textContent.trim()).to.match(/^Autoriser/);
  });

  it('on a returning visitor’s page comes from its own chunk: the core never fetches the banner’s ui chunk for it', async () => {
    const before = await bootUi(await configWithVideo());
    await before.rejectAll();
    before.destroy();
    document.querySelector('consentry-banner')?.remove();
    const asked: string[] = [];
    frame = addToPage(`<iframe data-consent="marketing:youtube" data-src="${VIDEO}" title="Video"></iframe>`).querySelector('iframe')!;
    api = await bootUi(await configWithVideo(), { load: (chunk) => (asked.push(chunk), loadChunk(chunk)) });
    placeholder = await PlaceholderHarness.find(frame);
    expect(api.needsChoice()).to.be.false;
    expect(asked).to.include('placeholder');
    expect(asked).not.to.include('ui');
  });
});
