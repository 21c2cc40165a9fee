import { LitElement, html, nothing } from 'lit';
import type { ConsentApi } from '../../core/types.js';
import { ConsentController } from '../../controllers/consent-controller.js';
import { parseConsent } from '../../core/data-consent.js';
import { detailsTable } from '../../i18n/en-details.js';
import { loadTables, localeFor } from '../../i18n/index.js';
import { buttons, focusRing, tokens } from '../../styles/tokens.styles.js';
import { applyTheme } from '../../styles/theme.js';
import { placeholderStyles } from './consentry-placeholder.styles.js';

/** `[category, service]` of a gated iframe, read by the same parser as the core's gate. */
const gatedBy = (frame: HTMLIFrameElement): [string, string?] => parseConsent(frame.getAttribute('data-consent'));

/**
 * Stands in for a gated `<iframe data-consent="marketing:youtube" data-src="…">`
 * until it is allowed: names the service and the cookies it would set, and
 * offers to allow the whole category or only this service. The iframe stays
 * hidden meanwhile; once the core has set its `src`, the placeholder shows
 * it and removes itself.
 *
 * Set `api` and `frame`, then insert it before the iframe (see `mountPlaceholders`).
 *
 * @tag consentry-placeholder
 * @summary Stands in for a gated iframe until its category or service is allowed.
 * @csspart allow-category - Allows the whole category.
 * @csspart allow-service - Allows only this service.
 * @cssproperty --consentry-background
 * @cssproperty --consentry-text
 * @cssproperty --consentry-border
 * @cssproperty --consentry-radius
 */
export class ConsentryPlaceholder extends LitElement {
  static override styles = [tokens, focusRing, buttons, placeholderStyles];

  api?: ConsentApi;
  frame?: HTMLIFrameElement;

  private consent = new ConsentController(this);

  /** `[category, service]` of the iframe. */
  get target(): [string, string?] {
    return this.frame ? gatedBy(this.frame) : ['', undefined];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const { api, frame } = this;
    if (!api || !frame) return;
    const { lang, dir } = localeFor(api, detailsTable);
    this.lang = lang;
    this.dir = dir;
    applyTheme(this, api.config.theme);
    // Same box as the embed it replaces; measured before the iframe is hidden.
    const box = frame.getBoundingClientRect();
    this.style.setProperty('width', `${box.width || parseFloat(frame.width) || 300}px`);
    this.style.setProperty('height', `${box.height || parseFloat(frame.height) || 150}px`);
    frame.hidden = true;
    frame.style.setProperty('display', 'none', 'important');
  }

  override render() {
    const { api, frame } = this;
    if (!api || !frame || !this.consent.state) return nothing;
    const { t, text } = localeFor(api, detailsTable);
    const [categoryId, serviceId] = this.target;
    const category = api.config.categories.find((c) => c.id == categoryId);
    const services = category?.services ?? [];
    const service = services.find((s) => s.id == serviceId);
    const name = service?.name ?? (frame.title || new URL(frame.dataset.src ?? '', location.href).hostname);
    const title = text(category?.title ?? categoryId);
    const cookies = (service ? [service] : services).flatMap((s) => s.cookies ?? []).map((c) => c.name);
    return html`<p><strong>${t('blocked', { service: name, category: title })}</strong></p>
      ${cookies.length ? html`<p>${t('sets', { cookies: cookies.join(', ') })}</p>` : nothing}
      <div>
        <button part="allow-category" @click=${() => {
            void api.save([...api.getState().granted, categoryId], 'preferences');
          }}>
          ${t('allowCategory', { category: title })}
        </button>
        ${serviceId
          ? html`<button part="allow-service" @click=${() => {
                void api.allowService(categoryId, serviceId, 'preferences');
              }}>
              ${t('allowService', { service: name })}
            </button>`
          : nothing}
      </div>`;
  }

  protected override updated(): void {
    // Allowed: the core has set the iframe's src; give its place back.
    if (this.api?.get(...this.target)) this.remove();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.frame) {
      this.frame.hidden = false;
      this.frame.style.removeProperty('display');
    }
  }
}

if (!customElements.get('consentry-placeholder')) customElements.define('consentry-placeholder', ConsentryPlaceholder);

/** Puts a placeholder before every gated iframe that is still blocked and has none yet. */
export const mountPlaceholders = (api: ConsentApi): void => {
  // In a language other than English the details' strings are a chunk of their own.
  const loading = loadTables(api.getState().language, detailsTable);
  if (loading) void loading.then(() => mountEach(api));
  else mountEach(api);
};

const mountEach = (api: ConsentApi): void => {
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent][data-src]')) {
    if (api.get(...gatedBy(frame)) || frame.previousElementSibling?.localName == 'consentry-placeholder') continue;
    const placeholder = new ConsentryPlaceholder();
    placeholder.api = api;
    placeholder.frame = frame;
    frame.before(placeholder);
  }
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-placeholder': ConsentryPlaceholder;
  }
}
