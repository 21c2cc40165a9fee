import { LitElement, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CategoryConfig, ConsentApi, ConsentState, ServiceConfig } from '../../core/types.js';
import { ConsentController } from '../../controllers/consent-controller.js';
import { detailsTable } from '../../i18n/en-details.js';
import { bannerTable } from '../../i18n/en.js';
import { loadTables, localeFor } from '../../i18n/index.js';

const locale = (api: ConsentApi) => localeFor(api, bannerTable, detailsTable);
type PreferencesLocale = ReturnType<typeof locale>;
import { buttons, focusRing, tokens } from '../../styles/tokens.styles.js';
import { applyTheme } from '../../styles/theme.js';
import { preferencesStyles } from './consentry-preferences.styles.js';

const FOCUSABLE = 'button, input:not(:disabled), summary, a[href]';

/**
 * The preference centre: a modal `<dialog>` with a switch per category
 * (strictly necessary locked on), per-service and per-cookie detail from the
 * config, *Reject all*, *Accept all* and *Save choices*. Escape or *Close*
 * saves nothing. Focus returns to the opener; "Preferences saved" is
 * announced in a status region outside the dialog.
 *
 * Set `api`, connect it, then call `show(opener)`.
 *
 * @tag consentry-preferences
 * @summary The preference centre: a modal dialog with a switch per category and per-service detail.
 * @csspart dialog - The `<dialog>`.
 * @csspart category - One category: switch, description and details.
 * @csspart toggle - A category's switch.
 * @csspart save - The *Save choices* button.
 * @cssproperty --consentry-background
 * @cssproperty --consentry-text
 * @cssproperty --consentry-accent - Links, switches that are on, the focus ring.
 * @cssproperty --consentry-button-background
 * @cssproperty --consentry-button-text
 * @cssproperty --consentry-border
 * @cssproperty --consentry-radius
 * @cssproperty --consentry-font
 * @fires close - The dialog closed (saved or not).
 */
export class ConsentryPreferences extends LitElement {
  static override styles = [tokens, focusRing, buttons, preferencesStyles];

  api?: ConsentApi;

  private consent = new ConsentController(this);
  /** Categories switched on in the dialog, not yet saved. */
  private choices = new Set<string>();
  private status = '';
  private opener?: HTMLElement | null;
  private statusTimer?: ReturnType<typeof setTimeout>;

  /** Opens the dialog on the stored choice; focus goes back to `opener` when it closes. */
  async show(opener?: Element | null): Promise<void> {
    const { api } = this;
    if (!api) throw new Error('consentry-preferences: set `api` before show()');
    applyTheme(this, api.config.theme);
    const { lang, dir } = locale(api);
    this.lang = lang;
    this.dir = dir;
    this.opener = opener as HTMLElement | null;
    this.choices = new Set(api.getState().granted);
    this.status = '';
    this.requestUpdate();
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog.open) dialog.showModal();
  }

  /** Closes without saving anything. */
  close(): void {
    this.dialog.close();
  }

  override render() {
    const { api } = this;
    const state = this.consent.state;
    if (!api || !state) return nothing;
    const strings = locale(api);
    const { t } = strings;
    // Announce only once the choice is stored (the decide chunk may still be loading).
    const apply = (choose: () => Promise<void>) => async () => {
      await choose();
      this.finish(t('saved'));
    };
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.closed} @keydown=${this.trapTab}>
        <div class="body">
          <div class="heading">
            <h2 id="title">${t('prefsTitle')}</h2>
            <button class="close" aria-label=${t('close')} @click=${this.close}>×</button>
          </div>
          <p>${t('prefsText')}</p>
          ${state.gpc
            ? // A switch the signal locks off cannot be switched on here, so the text must not say it can.
              html`<p>${t(state.locked.some((id) => !state.granted.includes(id)) ? 'gpcPrefsLocked' : 'gpcPrefs')}</p>`
            : nothing}
          <p>${t('consentId')} <code>${state.subject ?? t('noneYet')}</code></p>
          <ul>
            ${api.config.categories.map((category) => this.renderCategory(category, state, strings))}
          </ul>
        </div>
        <div class="actions">
          <button part="reject-all" @click=${apply(() => api.rejectAll('preferences'))}>${t('rejectAll')}</button>
          <button part="accept-all" @click=${apply(() => api.acceptAll('preferences'))}>${t('acceptAll')}</button>
          <button part="save" @click=${apply(() => api.save([...this.choices], 'preferences'))}>${t('save')}</button>
        </div>
      </dialog>
      <div class="status" role="status">${this.status}</div>`;
  }

  private renderCategory(category: CategoryConfig, state: ConsentState, strings: PreferencesLocale) {
    const { t, text } = strings;
    const basis = state.bases[category.id] ?? category.basis;
    // The core says which switches cannot move (strictly necessary: on; refused under GPC: off).
    const locked = state.locked.includes(category.id);
    const services = category.services ?? [];
    return html`<li part="category">
      <div class="row">
        <input
          type="checkbox"
          role="switch"
          part="toggle"
          id="switch-${category.id}"
          aria-describedby="about-${category.id}"
          .checked=${live(locked ? state.granted.includes(category.id) : this.choices.has(category.id))}
          ?disabled=${locked}
          @change=${(e: Event) => {
            this.toggle(category.id, (e.target as HTMLInputElement).checked);
          }}
        />
        <label for="switch-${category.id}">${text(category.title)}</label>
      </div>
      <p id="about-${category.id}">
        ${text(category.description)}
        ${basis == 'strictly-necessary' ? t('alwaysOn') : basis == 'objection' ? t('onByDefault') : ''}
      </p>
      ${services.length
        ? html`<details>
            <summary>${t('details')} (${services.length})</summary>
            ${services.map((service) => this.renderService(service, strings))}
          </details>`
        : nothing}
    </li>`;
  }

  private renderService(service: ServiceConfig, { t, text }: PreferencesLocale) {
    return html`<h3>${service.name}</h3>
      ${service.description ? html`<p>${text(service.description)}</p>` : nothing}
      ${service.url ? html`<p><a href=${service.url}>${t('providerPolicy', { name: service.name })}</a></p>` : nothing}
      <dl>
        ${(service.cookies ?? []).map(
          (cookie) => html`<div>
            <dt>${t('cookie')}</dt>
            <dd><code>${cookie.name}</code></dd>
            <dt>${t('provider')}</dt>
            <dd>${cookie.provider}</dd>
            <dt>${t('purpose')}</dt>
            <dd>${text(cookie.purpose)}</dd>
            <dt>${t('duration')}</dt>
            <dd>${cookie.duration}</dd>
          </div>`,
        )}
      </dl>`;
  }

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog') as HTMLDialogElement;
  }

  private toggle(id: string, on: boolean) {
    if (on) this.choices.add(id);
    else this.choices.delete(id);
  }

  /** After a choice: closes the dialog and announces `message` for a few seconds. */
  private finish(message: string) {
    this.close();
    clearTimeout(this.statusTimer);
    this.status = message;
    this.requestUpdate();
    this.statusTimer = setTimeout(() => {
      this.status = '';
      this.requestUpdate();
    }, 5000);
  }

  private closed() {
    if (this.opener?.isConnected) this.opener.focus();
    this.dispatchEvent(new Event('close'));
  }

  /** Keeps Tab and Shift+Tab inside the dialog, as the APG modal pattern asks. */
  private trapTab(event: KeyboardEvent) {
    // WebKitGTK reports Shift+Tab as key "Unidentified" (GTK's ISO_Left_Tab); its code is still "Tab".
    if (event.key != 'Tab' && event.code != 'Tab') return;
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.checkVisibility());
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.shadowRoot?.activeElement;
    const target = event.shiftKey ? (active == first ? last : null) : active == last ? first : null;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }
}

if (!customElements.get('consentry-preferences')) customElements.define('consentry-preferences', ConsentryPreferences);

/** Opens the page's one preference centre, creating it on first use. */
export const openPreferences = async (api: ConsentApi, opener: Element | null): Promise<void> => {
  // In a language other than English the details' strings are a chunk of their own.
  await loadTables(api.getState().language, detailsTable);
  let dialog = document.querySelector('consentry-preferences');
  if (!dialog) {
    dialog = new ConsentryPreferences();
    dialog.api = api;
    document.body.append(dialog);
  }
  await dialog.show(opener);
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-preferences': ConsentryPreferences;
  }
}
