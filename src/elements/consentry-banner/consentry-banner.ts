import type { ConsentApi } from '../../core/types.js';
import { localeFor, type Locale } from '../../i18n/index.js';
import { bannerTable } from '../../i18n/en.js';
import { BUTTONS, FOCUS_RING, TOKENS } from '../../styles/tokens-css.styles.js';
import { applyTheme } from '../../styles/theme.js';
import { isSafeUrl } from '../safe-url.js';
import { bannerCss } from './consentry-banner.styles.js';

type BannerKey = keyof typeof bannerTable.en;

/** One stylesheet for every banner, built on first use (a constructable sheet: a strict style-src allows it). */
let sheet: CSSStyleSheet | undefined;

/** An element holding text, or other nodes; text is always a text node, never parsed as HTML. */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...children: (string | Node)[]): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};

/**
 * The first layer: title, short text, a link to the policy and three equal
 * buttons. Scrolling, Escape or clicking elsewhere never counts as a choice;
 * the banner leaves only when the core has a decision.
 *
 * Set `api` before connecting it. The host gets `lang`, `dir`, `layout`
 * (`bar`, `box`, `center`) and the config's theme. A plain custom element
 * (no lit) to fit the first-visit budget: it builds its shadow DOM
 * synchronously when connected, so it is laid out in that frame. A consent
 * change only adds or removes the objection paragraph and the GPC note; the
 * buttons stay the same nodes, so focus stays where it is.
 *
 * @tag consentry-banner
 * @summary The first layer: Accept all, Reject all and Manage preferences, of equal prominence.
 * @csspart banner - The labelled region.
 * @csspart accept-all - The *Accept all* button.
 * @csspart reject-all - The *Reject all* button.
 * @csspart manage - The *Manage preferences* button.
 * @cssproperty --consentry-background
 * @cssproperty --consentry-text
 * @cssproperty --consentry-accent - Links and the focus ring.
 * @cssproperty --consentry-button-background
 * @cssproperty --consentry-button-text
 * @cssproperty --consentry-border
 * @cssproperty --consentry-radius
 * @cssproperty --consentry-font
 */
export class ConsentryBanner extends HTMLElement {
  api?: ConsentApi;

  /** Resolves once the banner has rendered (it renders when connected, so at once). */
  readonly updateComplete: Promise<boolean> = Promise.resolve(true);

  private unsubscribe?: () => void;
  /** The paragraphs shown only in some states, kept as nodes so that re-rendering never replaces a focused button. */
  private objection?: { paragraph: HTMLParagraphElement; list: Text };
  private gpcNote?: HTMLParagraphElement;
  private actions?: HTMLDivElement;
  // The space to keep clear is everything from the banner's top edge down (the box layout floats above the bottom).
  private resize = new ResizeObserver(() => {
    this.reserveSpace(innerHeight - this.getBoundingClientRect().top);
  });

  connectedCallback(): void {
    const { api } = this;
    if (!api) return;
    const locale = localeFor(api, bannerTable);
    this.lang = locale.lang;
    this.dir = locale.dir;
    const layout = api.config.ui?.layout ?? 'bar';
    this.setAttribute('layout', layout);
    applyTheme(this, api.config.theme);
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(TOKENS + FOCUS_RING + BUTTONS + bannerCss);
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren(this.build(api, locale));
    this.unsubscribe = api.onChange(() => this.update());
    // Synchronously: the banner is laid out in the frame it is added.
    this.update();
    if (this.isConnected && layout != 'center') this.resize.observe(this);
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.resize.disconnect();
    this.reserveSpace(0);
  }

  private build(api: ConsentApi, { t }: Locale<BannerKey>): HTMLElement {
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
    const list = new Text();
    // One click to object to every exception-based category that is on (PECR Sch. A1).
    const objectButton = button('object', () => api.object('banner'));
    objectButton.className = 'object';
    this.objection = { paragraph: el('p', list, ' ', objectButton), list };
    this.gpcNote = el('p', t('gpc'));
    this.actions = el(
      'div',
      button('acceptAll', () => api.acceptAll('banner'), 'accept-all'),
      button('rejectAll', () => api.rejectAll('banner'), 'reject-all'),
      button('manage', (e) => api.openPreferences(e.currentTarget as Element), 'manage'),
    );
    this.actions.className = 'actions';
    const region = el('section', title, text, this.actions);
    region.setAttribute('part', 'banner');
    region.setAttribute('aria-labelledby', 'title');
    return region;
  }

  /** Leaves once there is a decision; otherwise shows the paragraphs the current state calls for. */
  private update(): void {
    const { api, objection, gpcNote, actions } = this;
    if (!api || !objection || !gpcNote || !actions) return;
    if (!api.needsChoice()) return this.remove();
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
  }

  /** Keeps the page's focused element out from under the banner (WCAG 2.4.11, technique C43). */
  private reserveSpace(height: number) {
    const style = document.documentElement.style;
    if (height > 0) style.setProperty('scroll-padding-bottom', `${Math.ceil(height)}px`);
    else style.removeProperty('scroll-padding-bottom');
  }
}

if (!customElements.get('consentry-banner')) customElements.define('consentry-banner', ConsentryBanner);

declare global {
  interface HTMLElementTagNameMap {
    'consentry-banner': ConsentryBanner;
  }
}
