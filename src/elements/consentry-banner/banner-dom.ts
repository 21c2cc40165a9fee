/**
 * The first layer's DOM, apart from the element: the element builds it when
 * connected, and the CLI's pre-render (`consentry banner`, in jsdom) builds
 * the same nodes into a declarative shadow root, so both are one markup.
 * Nothing here needs a browser's custom elements.
 */
import type { ConsentApi } from '../../core/types.js';
import { localeFor, type Locale } from '../../i18n/index.js';
import { bannerTable } from '../../i18n/en.js';
import { BUTTONS, FOCUS_RING, TOKENS } from '../../styles/tokens-css.styles.js';
import { isSafeUrl } from '../safe-url.js';
import { bannerCss } from './consentry-banner.styles.js';

export type BannerKey = keyof typeof bannerTable.en;

/**
 * The attribute of a banner the CLI pre-rendered, until the UI makes it the
 * live one (the head script hides such a banner from a visitor with a choice).
 */
export const PRERENDERED = 'data-prerendered';

/** The banner's whole stylesheet, as text. */
export const bannerStyles = (): string => TOKENS + FOCUS_RING + BUTTONS + bannerCss;

/** An element holding text, or other nodes; text is always a text node, never parsed as HTML. */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...children: (string | Node)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};

/** The first layer's nodes that change with the state. */
interface StateParts {
  objection: { paragraph: HTMLParagraphElement; list: Text };
  gpcNote: HTMLParagraphElement;
  actions: HTMLDivElement;
}

/**
 * The first layer's region and its changing parts, with the buttons wired to
 * `api`. Also what the CLI pre-renders (in jsdom; the listeners are not kept).
 */
export const buildBanner = (api: ConsentApi, { t }: Locale<BannerKey>): StateParts & { region: HTMLElement } => {
  const button = (label: BannerKey, onClick: (e: Event) => unknown, part?: string) => {
    const b = el('button', t(label));
    if (part) b.setAttribute('part', part);
    b.addEventListener('click', (e) => void onClick(e));
    return b;
  };
  const title = el('h2', t('bannerTitle'));
  title.id = 'title';
  const text = el('p', t('bannerText'));
  const { policy } = api.config;
  // The config is still being checked while the banner shows: only a safe URL becomes a link.
  if (policy && isSafeUrl(policy.url)) {
    const link = el('a', t('policy'));
    link.href = policy.url;
    text.append(' ', link);
  }
  const list = document.createTextNode('');
  // One click to object to every exception-based category that is on (PECR Sch. A1).
  const objectButton = button('object', () => api.object('banner'));
  objectButton.className = 'object';
  const actions = el(
    'div',
    button('acceptAll', () => api.acceptAll('banner'), 'accept-all'),
    button('rejectAll', () => api.rejectAll('banner'), 'reject-all'),
    button('manage', (e) => api.openPreferences(e.currentTarget as Element), 'manage'),
  );
  actions.className = 'actions';
  const region = el('section', title, text, actions);
  region.setAttribute('part', 'banner');
  region.setAttribute('aria-labelledby', 'title');
  return { region, objection: { paragraph: el('p', list, ' ', objectButton), list }, gpcNote: el('p', t('gpc')), actions };
};

/** Shows the objection paragraph and the GPC note when the state calls for them. */
export const showState = ({ objection, gpcNote, actions }: StateParts, api: ConsentApi): void => {
  const state = api.getState();
  const { t, text } = localeFor(api, bannerTable);
  const objectable = api.config.categories.filter((c) => state.bases[c.id] == 'objection' && state.granted.includes(c.id));
  objection.list.data = t('objectionOn', { list: objectable.map((c) => text(c.title)).join(', ') });
  // Moved only when it must appear or go: moving a node takes the focus away from a button inside it.
  const show = (node: HTMLElement, wanted: boolean, before: Element) => {
    if (wanted && !node.isConnected) before.before(node);
    else if (!wanted) node.remove();
  };
  show(gpcNote, state.gpc, actions);
  show(objection.paragraph, objectable.length > 0, gpcNote.isConnected ? gpcNote : actions);
};

