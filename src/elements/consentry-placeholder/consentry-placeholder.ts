import type { ConsentApi, Text } from '../../core/types.js';
import { enPlaceholder, type PlaceholderStrings } from '../../i18n/en-placeholder.js';
import { placeholderCss } from './consentry-placeholder.styles.js';

/** The built-in strings in the page's language: English until `loadStrings` has read another. */
let builtIn: PlaceholderStrings = enPlaceholder;

/**
 * A language other than English reads the four strings from the details'
 * file of that language (the same file the preference centre reads), so the
 * English chunk does not carry the details' loader map. A file that does not
 * come leaves English.
 */
const loadStrings = async (lang: string): Promise<void> => {
  if (lang != 'en')
    builtIn = { ...enPlaceholder, ...(await (await import('../../i18n/en-details.js')).DETAIL_FILES[lang]?.().catch(() => null))?.default };
};

// The right-to-left languages of `localeFor` in src/i18n/index.ts (which travels in
// the banner's chunk); any other language takes the page's direction.
const rtl = /^(ar|he|fa|ur|yi|ps|ckb|dv|sd|ug)$/;
/** A text in `lang`, else the fallback language's, else English, else the first there is (undefined for none). */
const textIn = (value: Text | undefined, lang: string, fallback = 'en'): string | undefined =>
  typeof value == 'string' ? value : (value?.[lang] ?? value?.[fallback] ?? value?.en ?? Object.values(value ?? {})[0]);

// One stylesheet, adopted by every placeholder.
const sheet = new CSSStyleSheet();
sheet.replaceSync(placeholderCss);

/**
 * Stands in for a gated `<iframe data-consent="marketing:youtube" data-src="…">`
 * until it is allowed: names the service and the cookies it would set, and
 * offers to allow the whole category or only this service. The iframe stays
 * hidden meanwhile; once the core has set its `src`, the placeholder shows
 * it and removes itself.
 *
 * A plain custom element (no lit): a returning visitor on a page with an
 * embed loads the core and this chunk only. Its text does not change while
 * it stands, so it is built once; a consent change only decides whether it
 * steps aside.
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
export class ConsentryPlaceholder extends HTMLElement {
  api?: ConsentApi;
  frame?: HTMLIFrameElement;

  private unsubscribe?: () => void;

  connectedCallback(): void {
    const { api, frame } = this;
    if (!api || !frame) return;
    const { config } = api;
    const lang = (this.lang = api.getState().language);
    if (rtl.test(lang)) this.dir = 'rtl';
    // The config's theme, as `applyTheme` sets it on the other elements (CSSOM: a strict style-src allows it).
    // (Entries are keys that are there; a null in the JSON sets nothing: an empty property, a scheme no rule names.)
    for (const [key, value] of Object.entries(config.theme ?? {}) as [string, string][])
      if (key == 'scheme') this.setAttribute('scheme', value);
      else this.style.setProperty('--consentry-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()), value);
    // Same box as the embed it replaces; measured before the iframe is hidden.
    // (An iframe with no box yet: its width and height attributes, integers in HTML, else the default 300×150.)
    const box = frame.getBoundingClientRect();
    this.style.width = (box.width || +frame.width || 300) + 'px';
    this.style.height = (box.height || +frame.height || 150) + 'px';
    frame.hidden = true;
    frame.style.setProperty('display', 'none', 'important');
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];

    // Built once: the text does not change while it stands. `data-consent` is
    // `category` or `category:service`; whether it is allowed is the core's
    // gate's to say (it gives an allowed embed its src), so a marker it cannot
    // read is never allowed here either.
    const [categoryId, serviceId] = frame.dataset.consent!.split(':');
    const category = config.categories.find((c) => c.id == categoryId);
    const services = category?.services ?? [];
    const service = services.find((s) => s.id == serviceId);
    // One set of values for every string (an override may name any of them).
    const values: Record<string, string> = {
      service: service?.name ?? (frame.title || new URL(frame.dataset.src!, location.href).hostname),
      category: textIn(category?.title, lang, config.language) || categoryId,
      cookies: (service ? [service] : services)
        .flatMap((s) => s.cookies ?? [])
        .map((c) => c.name)
        .join(', '),
    };
    const strings: Record<string, string | undefined> = { ...builtIn, ...config.texts?.[lang] };
    const t = (key: keyof PlaceholderStrings) =>
      (strings[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
    const el = (tag: string, ...children: (string | Node)[]) => {
      const node = document.createElement(tag);
      node.append(...children);
      return node;
    };
    const button = (part: string, label: string, allow: () => Promise<void>) => {
      const b = el('button', label);
      b.setAttribute('part', part);
      b.onclick = allow;
      return b;
    };
    root.replaceChildren(
      el('p', el('strong', t('blocked'))),
      ...(values.cookies ? [el('p', t('sets'))] : []),
      el(
        'div',
        button('allow-category', t('allowCategory'), () => api.save([...api.getState().granted, categoryId], 'preferences')),
        ...(serviceId ? [button('allow-service', t('allowService'), () => api.allowService(categoryId, serviceId, 'preferences'))] : []),
      ),
    );
    // Allowed (here or elsewhere): the core has set the iframe's src; give its place back.
    this.unsubscribe = api.onChange(() => frame.hasAttribute('src') && this.remove());
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    const { frame } = this;
    if (frame) {
      frame.hidden = false;
      frame.style.removeProperty('display');
    }
  }
}

if (!customElements.get('consentry-placeholder')) customElements.define('consentry-placeholder', ConsentryPlaceholder);

/** Puts a placeholder before every gated iframe that is still blocked (the gate gave it no src) and has none yet. */
export const mountPlaceholders = async (api: ConsentApi): Promise<void> => {
  await loadStrings(api.getState().language);
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent][data-src]')) {
    if (frame.hasAttribute('src') || frame.previousElementSibling?.localName == 'consentry-placeholder') continue;
    frame.before(Object.assign(new ConsentryPlaceholder(), { api, frame }));
  }
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-placeholder': ConsentryPlaceholder;
  }
}
