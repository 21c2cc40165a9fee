import { expect } from '@open-wc/testing';
import { describeAtNarrowViewport, setViewport } from '../../test/browser/engine.js';
import { addToPage } from '../core/core.harness.js';
import { LANGUAGES } from '../core/language.js';
import type { ConsentApi } from '../core/types.js';
import { BannerHarness } from '../elements/consentry-banner/consentry-banner.harness.js';
import { PlaceholderHarness } from '../elements/consentry-placeholder/consentry-placeholder.harness.js';
import { PreferencesHarness } from '../elements/consentry-preferences/consentry-preferences.harness.js';
import { bootUi, configWithVideo, resetUi, waitFor } from '../ui.harness.js';
import { DETAIL_FILES, enDetails } from './en-details.js';
import { en } from './en.js';
import { LANGUAGE_FILES } from './index.js';

/**
 * Every built-in language on a 320 px phone (WCAG 1.4.10): the banner, the
 * preference centre with every detail open and an embed placeholder render
 * through the real core and the real language chunks, and nothing overflows,
 * scrolls sideways or leaves its box, and the equal buttons stay equal.
 */
const WIDTH = 320;
const HEIGHT = 568;
// Any same-origin document stands in for the video page.
const VIDEO = '/test/fixtures/xss/README.md';
// `no` reads the Bokmål files, which `nb` checks.
const CHECKED = LANGUAGES.filter((l) => l != 'no');

/** Nothing in this shadow root sticks out of the viewport sideways or out of its own box. */
const expectInside = (root: ShadowRoot, what: string) => {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) continue; // not rendered (closed, hidden)
    const name = `${what} <${el.localName}${el.id ? '#' + el.id : ''}> “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    expect(r.left, name).to.be.at.least(-0.5);
    expect(r.right, name).to.be.at.most(WIDTH + 0.5);
    if (el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX != 'visible')
      expect.fail(`${name} scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
  }
};

/** The label fits its button: nothing overflows and no word is broken across lines. */
const expectLabelFits = (button: HTMLButtonElement, what: string) => {
  const label = `${what} “${button.textContent?.trim() ?? ''}”`;
  expect(button.scrollWidth, `${label} overflows`).to.be.at.most(button.clientWidth);
  expect(button.scrollHeight, `${label} overflows`).to.be.at.most(button.clientHeight);
  const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    // Between spaces and hyphens, where lines may break ("YouTube-sisältö" may wrap after its hyphen).
    for (const word of (text.textContent ?? '').matchAll(/[^\s\-‐]+/g)) {
      const range = document.createRange();
      range.setStart(text, word.index);
      range.setEnd(text, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      expect(lines.size, `${label}: “${word[0]}” is broken across lines`).to.be.at.most(1);
    }
  }
};

/** Labels fit inside their buttons, and the buttons share one width and one height. */
const expectEqualButtons = (buttons: HTMLButtonElement[], what: string) => {
  const [first, ...rest] = buttons.map((b) => b.getBoundingClientRect());
  for (const b of buttons) expectLabelFits(b, what);
  for (const [i, r] of rest.entries()) {
    const label = buttons[i + 1].textContent?.trim() ?? '';
    expect(Math.abs(r.width - first.width), `${what} “${label}” width`).to.be.at.most(1);
    expect(Math.abs(r.height - first.height), `${what} “${label}” height`).to.be.at.most(1);
  }
};

const expectNoSidewaysScroll = () =>
  expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(document.documentElement.clientWidth);

describeAtNarrowViewport('every built-in language at 320 px', () => {
  let api: ConsentApi;

  before(async () => {
    await setViewport({ width: WIDTH, height: HEIGHT });
  });

  afterEach(async () => {
    await resetUi();
  });

  after(async () => {
    await setViewport({ width: 1280, height: 720 });
  });

  for (const lang of CHECKED) {
    it(`${lang}: banner, placeholder and preference centre fit, with equal buttons`, async () => {
      const first = lang == 'en' ? { ...en } : (await LANGUAGE_FILES[lang]()).default;
      const details = lang == 'en' ? { ...enDetails } : (await DETAIL_FILES[lang]()).default;
      const frame = addToPage(
        `<iframe data-consent="marketing:youtube" data-src="${VIDEO}" width="560" height="315" title="Video"></iframe>`,
      ).querySelector('iframe') as HTMLIFrameElement;
      const config = await configWithVideo();
      config.language = lang;
      api = await bootUi(config);

      // The placeholder first: until it takes the 560 px iframe's place, the page is wider than the phone.
      const placeholder = await PlaceholderHarness.find(frame);
      const [before, after] = details.allowCategory.split('{category}');
      await waitFor(() => {
        const label = placeholder.allowCategoryButton.textContent?.trim() ?? '';
        return label.startsWith(before) && label.endsWith(after);
      });
      expectNoSidewaysScroll();
      expectInside(placeholder.root, 'placeholder');
      for (const b of [placeholder.allowCategoryButton, placeholder.allowServiceButton!]) expectLabelFits(b, 'placeholder');

      const banner = await BannerHarness.find();
      expect(banner.element.lang).to.equal(lang);
      expect(banner.element.dir).to.equal(lang == 'ar' || lang == 'he' ? 'rtl' : 'ltr');
      expect(banner.root.querySelector('h2')?.textContent).to.equal(first.bannerTitle);
      expectNoSidewaysScroll();
      expectInside(banner.root, 'banner');
      expectEqualButtons(banner.choices, 'banner');

      await api.openPreferences();
      const prefs = await PreferencesHarness.find();
      expect(prefs.root.querySelector('h2')?.textContent?.trim()).to.equal(details.prefsTitle);
      prefs.expandAll();
      await prefs.element.updateComplete;
      expectNoSidewaysScroll();
      expectInside(prefs.root, 'preferences');
      // On a phone, reject and accept share a row and save spans the next one (the design).
      expectEqualButtons([prefs.button('reject-all'), prefs.button('accept-all')], 'preferences');
      expectLabelFits(prefs.button('save'), 'preferences');
    });
  }
});
