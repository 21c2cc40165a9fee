import { html, nothing } from 'lit-html';
import type { ConsentApi } from '../../core/types.js';
import { FirstLayerElement } from '../../internal/first-layer-element.js';
import { ConsentController } from '../../controllers/consent-controller.js';
import { localeFor } from '../../i18n/index.js';
import { bannerTable } from '../../i18n/en.js';
import { buttons, focusRing, tokens } from '../../styles/tokens.styles.js';
import { applyTheme } from '../../styles/theme.js';
import { bannerStyles } from './consentry-banner.styles.js';

/**
 * The first layer: title, short text, a link to the policy and three equal
 * buttons. Scrolling, Escape or clicking elsewhere never counts as a choice;
 * the banner leaves only when the core has a decision.
 *
 * Set `api` before connecting it. The host gets `lang`, `dir`, `layout`
 * (`bar`, `box`, `center`) and the config's theme. Built on lit-html with
 * `FirstLayerElement` (not LitElement) to fit the first-visit budget; it
 * renders synchronously when connected, so it is laid out in that frame.
 *
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
export class ConsentryBanner extends FirstLayerElement {
  static override styles = [tokens, focusRing, buttons, bannerStyles];

  api?: ConsentApi;

  private consent = new ConsentController(this);
  // The space to keep clear is everything from the banner's top edge down (the box layout floats above the bottom).
  private resize = new ResizeObserver(() => {
    this.reserveSpace(innerHeight - this.getBoundingClientRect().top);
  });

  override connectedCallback(): void {
    const config = this.api?.config;
    if (config) {
      const { lang, dir } = localeFor(this.api!, bannerTable);
      this.lang = lang;
      this.dir = dir;
      this.setAttribute('layout', config.ui?.layout ?? 'bar');
      applyTheme(this, config.theme);
    }
    super.connectedCallback();
  }

  override render() {
    const { api } = this;
    const state = this.consent.state;
    if (!api || !state) return nothing;
    const { t, text } = localeFor(api, bannerTable);
    const objectable = api.config.categories.filter((c) => state.bases[c.id] == 'objection' && state.granted.includes(c.id));
    return html`<section part="banner" aria-labelledby="title">
      <h2 id="title">${t('bannerTitle')}</h2>
      <p>${t('bannerText')} ${api.config.policy ? html`<a href=${api.config.policy.url}>${t('policy')}</a>` : nothing}</p>
      ${objectable.length
        ? // One click to object to every exception-based category that is on (PECR Sch. A1).
          html`<p>
            ${t('objectionOn', { list: objectable.map((c) => text(c.title)).join(', ') })}
            <button class="object" @click=${() => {
                void api.object('banner');
              }}>${t('object')}</button>
          </p>`
        : nothing}
      ${state.gpc ? html`<p>${t('gpc')}</p>` : nothing}
      <div class="actions">
        <button part="accept-all" @click=${() => {
            void api.acceptAll('banner');
          }}>${t('acceptAll')}</button>
        <button part="reject-all" @click=${() => {
            void api.rejectAll('banner');
          }}>${t('rejectAll')}</button>
        <button part="manage" @click=${(e: Event) => {
            void api.openPreferences(e.currentTarget as Element);
          }}>${t('manage')}</button>
      </div>
    </section>`;
  }

  protected override updated(first: boolean): void {
    if (this.api && !this.api.needsChoice()) this.remove();
    else if (first && this.getAttribute('layout') != 'center') this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.reserveSpace(0);
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
