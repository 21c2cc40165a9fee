/**
 * The UI chunk: loaded by the core only when something must be shown. It
 * holds lit and the banner; the preference centre and non-English strings
 * are further chunks loaded on demand (the embed placeholders are a chunk of
 * their own, without lit, that the core loads). It receives the core's
 * `ConsentApi` as an argument and imports no core runtime code.
 */
import type { ConsentApi, UiModule } from './core/types.js';
import { loadTables } from './i18n/index.js';
import { bannerTable } from './i18n/en.js';
import { ConsentryBanner } from './elements/consentry-banner/consentry-banner.js';
import { PRERENDERED } from './elements/consentry-banner/banner-dom.js';

/** The UI's strings in the core's language (one file holds the banner's and the details'). */
const loadStrings = (api: ConsentApi) => loadTables(api.getState().language, bannerTable);

/** The focused element inside `el`'s shadow roots (the banner's buttons live in one). */
const deepFocus = (el: Element | null | undefined): Element | null => {
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ?? null;
};

/**
 * Shows the first layer as the first element of `<body>`, so that it comes
 * first in the Tab order while it floats over the bottom of the page. In
 * English nothing is awaited: it renders before the next frame.
 */
export const showBanner: UiModule['showBanner'] = (api) => {
  const show = () => {
    const found = document.querySelector('consentry-banner');
    if ((found && !found.hasAttribute(PRERENDERED)) || !api.needsChoice()) return;
    // A banner `consentry banner` pre-rendered into the page (painted in the
    // page's first frame) becomes the live one where it is; the head script
    // hid it from a visitor with a stored choice, this one needs it.
    if (found) {
      found.api = api;
      found.removeAttribute(PRERENDERED);
      found.connectedCallback();
      return;
    }
    const banner = new ConsentryBanner();
    banner.api = api;
    document.body.prepend(banner);
  };
  const loading = loadStrings(api);
  if (loading) void loading.then(show);
  else show();
};

export const openPreferences: UiModule['openPreferences'] = async (api, opener = document.activeElement) => {
  const [preferences] = await Promise.all([
    import('./elements/consentry-preferences/consentry-preferences.js'),
    loadStrings(api),
  ]);
  await preferences.openPreferences(api, deepFocus(opener));
};
