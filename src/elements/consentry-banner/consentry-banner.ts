import type { ConsentApi } from '../../core/types.js';
import { localeFor, type Locale } from '../../i18n/index.js';
import { bannerTable } from '../../i18n/en.js';
import { applyTheme } from '../../styles/theme.js';
import { bannerStyles, buildBanner, showState, type BannerKey } from './banner-dom.js';

/** One stylesheet for every banner, built on first use (a constructable sheet: a strict style-src allows it). */
let sheet: CSSStyleSheet | undefined;

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
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(bannerStyles());
    // A banner the CLI pre-rendered comes with a declarative shadow root: its
    // markup is replaced in this task by live nodes (no frame in between).
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

  private build(api: ConsentApi, locale: Locale<BannerKey>): HTMLElement {
    const parts = buildBanner(api, locale);
    Object.assign(this, parts);
    return parts.region;
  }

  /** Leaves once there is a decision; otherwise shows the paragraphs the current state calls for. */
  private update(): void {
    const { api, objection, gpcNote, actions } = this;
    if (!api || !objection || !gpcNote || !actions) return;
    if (!api.needsChoice()) return this.remove();
    showState({ objection, gpcNote, actions }, api);
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
