/**
 * The pre-render entry (`dist/prerender.js`), for Node: `consentry banner`
 * builds the first layer as markup for the page's first frame (below), and
 * `consentry render` builds the policy with the same parser, sanitiser, heading ids and cookie
 * table as `<consentry-policy>`, in a DOM the caller provides (jsdom), and
 * writes the page stylesheet `dist/policy.css` from the element's own styles.
 */
import { resolveJurisdiction } from './core/config.js';
import { createConsentStore } from './core/consent-store.js';
import { resolveLanguage } from './core/language.js';
import type { ConsentApi, ConsentryConfig } from './core/types.js';
import { bannerStyles, buildBanner, PRERENDERED, showState } from './elements/consentry-banner/banner-dom.js';
import { bannerTable } from './i18n/en.js';
import { policyStyles } from './elements/consentry-policy/consentry-policy.styles.js';
import { buildPolicy } from './elements/consentry-policy/policy-document.js';
import { languageWithoutCore, policyStringsFor, policyTable } from './elements/consentry-policy/policy-strings.js';
import { loadTables, localeFor } from './i18n/index.js';

export interface RenderOptions {
  text: string;
  format: 'markdown' | 'html';
  config?: ConsentryConfig;
  /** The page's language tag (`en-GB`, `cy`); the config's `language` comes first, as in the core. */
  language?: string;
  consentPanel?: boolean;
  report?: (block: string, dropped: string[]) => void;
}

/**
 * The policy as the HTML a site serves inside `<consentry-policy>`, in the
 * language the core would resolve for a page in `pageLanguage`.
 */
export const renderPolicy = async (win: Window, options: RenderOptions): Promise<string> => {
  const lang = languageWithoutCore(options.config, options.language);
  const page = options.language ?? '';
  const locale = page.toLowerCase().split('-')[0] === lang ? page : lang === 'en' ? 'en-GB' : lang;
  await loadTables(lang, policyTable);
  // The i18n reads the page's direction from `document`: the DOM given here.
  const global = globalThis as { document?: Document };
  const own = global.document;
  global.document = win.document;
  try {
    const { article } = buildPolicy(win, {
      text: options.text,
      format: options.format,
      config: options.config,
      lang,
      locale,
      t: policyStringsFor(undefined, options.config, lang),
      consentPanel: options.consentPanel ?? true,
      report: options.report,
    });
    return article.outerHTML;
  } finally {
    global.document = own;
  }
};

/**
 * The element's styles for the page, where a pre-rendered policy lives before
 * (and after) the element upgrades: `:host` becomes the element, the rest is
 * nested under it, so the first paint already looks like the enhanced page.
 */
export const policyCss = (): string => {
  let text = policyStyles.map((sheet) => sheet.cssText).join('\n');
  // `:host(<selector>)` → `&:is(<selector>)`, the selector's own parentheses kept.
  for (let at = text.indexOf(':host('); at !== -1; at = text.indexOf(':host(', at)) {
    let depth = 0;
    let end = at + 5;
    do depth += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
    while (depth > 0 && ++end < text.length);
    text = `${text.slice(0, at)}&:is(${text.slice(at + 6, end)})${text.slice(end + 1)}`;
  }
  text = text.replace(/:host\b/g, '&');
  return `/* <consentry-policy> for pre-rendered pages: made by the build from the element's styles. */\nconsentry-policy {\n${text}\n}\n`;
};

/** A theme value that can go inside a `<style>` as it is (no way out of the declaration or the element). */
const SAFE_CSS_VALUE = /^[^<>{};\\]*$/;

export interface BannerRender {
  /** `<consentry-banner data-prerendered …>` with a declarative shadow root: the markup for `<body>`. */
  html: string;
  /** The text of its `<style>`: a strict CSP allows it by this text's sha256 (`style-src 'sha256-…'`). */
  style: string;
  /** Theme keys left out because their value could escape the stylesheet. */
  dropped: string[];
}

/**
 * The first layer as a page serves it (`consentry banner`): the nodes the
 * element builds, in the language the core would resolve for a page in
 * `language`, for a first visit (no stored choice, no GPC signal: a visitor
 * with one gets the live banner's note a moment later), inside a declarative
 * shadow root with the element's stylesheet, so it is painted in the page's
 * first frame. The buttons work once the UI chunk makes it the live banner.
 */
export const renderBanner = async (win: Window, config: ConsentryConfig, language?: string): Promise<BannerRender> => {
  const lang = resolveLanguage([config.language, language], Object.keys(config.texts ?? {}));
  await loadTables(lang, bannerTable);
  const store = createConsentStore(config, { jurisdiction: resolveJurisdiction(config), gpc: false, language: lang }, null, Date.now());
  const idle = async () => {};
  const api = {
    config,
    getState: () => store.state,
    needsChoice: () => true,
    onChange: () => () => {},
    acceptAll: idle,
    rejectAll: idle,
    object: idle,
    openPreferences: idle,
  } as unknown as ConsentApi;
  const global = globalThis as { document?: Document };
  const own = global.document;
  global.document = win.document;
  try {
    const locale = localeFor(api, bannerTable);
    const parts = buildBanner(api, locale);
    showState(parts, api);
    const dropped: string[] = [];
    const theme = Object.entries(config.theme ?? {}).filter(([key, value]) => {
      if (value == null || key == 'scheme') return false;
      if (SAFE_CSS_VALUE.test(String(value))) return true;
      dropped.push(`theme.${key}`);
      return false;
    });
    const custom = theme.map(([key, value]) => `--consentry-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${String(value)}`);
    const style = bannerStyles() + (custom.length ? `:host{${custom.join(';')}}` : '');
    const host = win.document.createElement('consentry-banner');
    host.setAttribute(PRERENDERED, '');
    host.setAttribute('layout', config.ui?.layout ?? 'bar');
    if (config.theme?.scheme) host.setAttribute('scheme', config.theme.scheme);
    host.lang = locale.lang;
    host.dir = locale.dir;
    const attributes = host.outerHTML.replace(/<\/consentry-banner>$/, '');
    const styleElement = win.document.createElement('style');
    styleElement.textContent = style;
    return {
      html: `${attributes}<template shadowrootmode="open">${styleElement.outerHTML}${parts.region.outerHTML}</template></consentry-banner>`,
      style,
      dropped,
    };
  } finally {
    global.document = own;
  }
};
