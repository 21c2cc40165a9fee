import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ConsentApi, ConsentryConfig, ConsentState } from '../../core/types.js';
import { applyTheme } from '../../styles/theme.js';
import { policyStyles } from './consentry-policy.styles.js';
import { cookieTable } from './cookie-table.js';
import {
  detectFormat,
  isSafeUrl,
  parsePolicy,
  placeCookieTable,
  tocLevels,
  wrapTables,
  type PolicyFormat,
  type PolicyHeading,
  type PolicyMeta,
} from './policy-render.js';
import { pickText, stringsFor, type PolicyStrings } from './policy-strings.js';

export const POLICY_TAG = 'consentry-policy';

/** Id of the contents heading, target of the "Back to contents" links. */
const CONTENTS_ID = 'consentry-contents';
const CONSENT_ID = 'consentry-your-consent';
/** From this many top-level sections on, each section ends with a "Back to contents" link. */
const LONG_DOCUMENT = 5;

export interface TocEntry {
  id: string;
  text: string;
  children: { id: string; text: string }[];
}

/** A rendered policy, ready to be put in the shadow root. */
interface BuiltPolicy {
  meta: PolicyMeta;
  title?: HTMLElement;
  content: HTMLElement;
  toc: TocEntry[];
  /** Headings listed in the contents, in document order (for the scroll spy). */
  tocHeadings: HTMLElement[];
}

interface Source {
  text: string;
  format: PolicyFormat;
}

/**
 * `<consentry-policy>` shows a privacy policy written in Markdown or HTML:
 * sanitised, with a two-level table of contents, deep links, the version
 * and its history, the cookie declaration generated from the config and a
 * "Your consent" panel.
 *
 * The policy comes from the `markdown` or `html` property, else a child
 * `<script type="text/markdown">` (or `text/html`) or `<template>`, else
 * the `src` attribute (fetched with same-origin credentials). The consent
 * api is handed over by `definePolicy(api)`; set `api` (or `config`) to
 * use another.
 *
 * @tag consentry-policy
 * @summary The privacy-policy viewer: sanitised Markdown or HTML, contents, versions and the cookie table.
 * @csspart policy - The whole viewer.
 * @csspart header - Title, version line, notices and history.
 * @csspart meta - The version and last-updated line.
 * @csspart notice - Shown when the visitor chose under an older policy version.
 * @csspart history - The version history disclosure.
 * @csspart consent - The "Your consent" panel.
 * @csspart change - The button that opens the preference centre.
 * @csspart toc - The table of contents.
 * @csspart content - The policy text.
 * @csspart cookies - The generated cookie declaration.
 * @cssproperty --consentry-background
 * @cssproperty --consentry-text
 * @cssproperty --consentry-accent - Links, the current contents entry and the focus ring.
 * @cssproperty --consentry-border - Table rules and panel borders.
 * @cssproperty --consentry-radius
 * @cssproperty --consentry-font
 * @fires load - The policy has been rendered (again, after a new source or config).
 * @fires error - The `src` could not be fetched.
 */
export class ConsentryPolicy extends LitElement {
  static override styles = policyStyles;

  /** The api `definePolicy()` was given; instances connected without their own use it. */
  static defaultApi: ConsentApi | null = null;
  private static readonly instances = new Set<ConsentryPolicy>();

  /** Hands the api to every connected instance that has none, and to later ones. */
  static useApi(api: ConsentApi | null): void {
    ConsentryPolicy.defaultApi = api;
    for (const el of ConsentryPolicy.instances) el.api ??= api;
  }

  /** URL of the policy; Markdown unless the response or the file name says HTML. */
  @property() src?: string;
  /** Overrides the detected format. */
  @property() format?: PolicyFormat;
  @property({ attribute: false }) markdown?: string;
  @property({ attribute: false }) html?: string;
  @property({ attribute: false }) api: ConsentApi | null = null;
  /** Config for the cookie table and version when there is no api (previews, tests). */
  @property({ attribute: false }) config?: ConsentryConfig;
  @property({ type: Boolean, attribute: 'no-consent-panel' }) noConsentPanel = false;
  /** `light`, `dark`, or unset to follow the config, then the visitor's setting. */
  @property({ reflect: true }) scheme?: 'light' | 'dark';

  @state() private fetched?: Source;
  @state() private failed = false;
  @state() private consent?: ConsentState;
  /** Id of the heading the reader is in (scroll spy). */
  @state() private current = '';

  private doc?: BuiltPolicy;
  private built?: unknown[];
  private justBuilt = false;
  private deepLinked = false;
  private fetching?: AbortController;
  private unsubscribe?: () => void;
  private spy?: IntersectionObserver;
  private children$ = new MutationObserver(() => {
    this.requestUpdate();
  });

  private get cfg(): ConsentryConfig | undefined {
    return this.config ?? this.api?.config;
  }

  /** Language tag for dates: the page's, else the config's (`en` reads as British English). */
  private get locale(): string {
    const lang = this.closest('[lang]')?.getAttribute('lang') || this.cfg?.language || 'en';
    return lang === 'en' ? 'en-GB' : lang;
  }

  /** Primary language subtag, the key of config texts. */
  private get lang$(): string {
    return this.locale.toLowerCase().split('-')[0];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ConsentryPolicy.instances.add(this);
    this.api ??= ConsentryPolicy.defaultApi;
    addEventListener('hashchange', this.onHashChange);
    addEventListener('popstate', this.onHashChange);
    // Inline content may be parsed after the element is upgraded.
    this.children$.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.hasUpdated) {
      // Moved in the page: pick up where disconnectedCallback left off.
      this.subscribe();
      if (this.doc) this.watchScroll(this.doc.tocHeadings);
      if (this.src && !this.fetched) void this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    ConsentryPolicy.instances.delete(this);
    removeEventListener('hashchange', this.onHashChange);
    removeEventListener('popstate', this.onHashChange);
    this.children$.disconnect();
    this.spy?.disconnect();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.fetching?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api')) this.subscribe();
    if (changed.has('src')) void this.load();
    const cfg = this.cfg;
    if ((changed.has('api') || changed.has('config')) && cfg?.theme) {
      applyTheme(this, { ...cfg.theme, scheme: this.scheme ?? cfg.theme.scheme });
    }
    const source = this.source();
    const inputs = [source?.text, source?.format, cfg, this.lang$, this.api];
    if (source && inputs.some((value, i) => value !== this.built?.[i])) {
      this.built = inputs;
      this.doc = this.build(source);
      this.justBuilt = true;
    }
  }

  override render() {
    const t = stringsFor(this.cfg, this.lang$);
    if (this.failed) {
      return html`<div class="policy" part="policy">
        <p role="alert">
          ${t('policyLoadError')}
          ${this.src && isSafeUrl(this.src) ? html`<a href=${this.src}>${t('policyOpenDirectly')}</a>` : nothing}
        </p>
      </div>`;
    }
    const doc = this.doc;
    if (!doc) {
      return this.fetching ? html`<p class="policy meta" role="status">${t('policyLoading')}</p>` : nothing;
    }
    return html`<article class="policy" part="policy">
      <header part="header">
        ${doc.title} ${this.renderMeta(doc.meta, t)} ${this.renderStaleNotice(t)} ${this.renderHistory(t)}
      </header>
      ${this.renderConsent(t)}
      <div class="layout" @click=${this.onClick}>
        ${doc.toc.length
          ? html`<nav part="toc" class="toc" aria-labelledby=${CONTENTS_ID}>
              <h2 id=${CONTENTS_ID} tabindex="-1">${t('policyContents')}</h2>
              <ol>
                ${doc.toc.map(
                  (entry) =>
                    html`<li>
                      ${this.renderTocLink(entry)}
                      ${entry.children.length
                        ? html`<ol>
                            ${entry.children.map((child) => html`<li>${this.renderTocLink(child)}</li>`)}
                          </ol>`
                        : nothing}
                    </li>`,
                )}
              </ol>
            </nav>`
          : nothing}
        ${doc.content}
      </div>
    </article>`;
  }

  private renderTocLink({ id, text }: { id: string; text: string }) {
    return html`<a href="#${id}" aria-current=${this.current === id ? 'true' : nothing}>${text}</a>`;
  }

  private renderMeta(meta: PolicyMeta, t: PolicyStrings) {
    const version = meta.version || this.cfg?.policy?.version;
    const updated = meta.updated || this.cfg?.policy?.updated;
    if (!version && !updated) return nothing;
    return html`<p class="meta" part="meta">
      ${version ? html`<span>${t('policyVersion')} <strong>${version}</strong></span>` : nothing}
      ${updated ? html`<span>${t('policyUpdated')} ${this.renderDate(updated)}</span>` : nothing}
    </p>`;
  }

  private renderStaleNotice(t: PolicyStrings) {
    const state = this.consent;
    const version = this.cfg?.policy?.version;
    if (!this.api || !state?.decided || !version || state.policyVersion === version) return nothing;
    return html`<div class="notice" part="notice" role="note">
      <p>
        ${t('policyStale', { version: state.policyVersion ?? '?' })}
      </p>
      <p class="actions"><button @click=${this.openPreferences}>${t('policyReview')}</button></p>
    </div>`;
  }

  private renderHistory(t: PolicyStrings) {
    const history = this.cfg?.policy?.history;
    if (!history?.length) return nothing;
    const lang = this.lang$;
    return html`<details class="history" part="history">
      <summary>${t('policyHistory')}</summary>
      <ol>
        ${history.map(
          (entry) =>
            html`<li>
              ${entry.url && isSafeUrl(entry.url)
                ? html`<a href=${entry.url}>${entry.version}</a>`
                : html`<strong>${entry.version}</strong>`}
              (${this.renderDate(entry.date)}): ${pickText(entry.summary, lang, this.cfg?.language)}
            </li>`,
        )}
      </ol>
    </details>`;
  }

  private renderConsent(t: PolicyStrings) {
    const { api, consent: state } = this;
    if (this.noConsentPanel || !api || !state) return nothing;
    const cfg = api.config;
    const titles = (ids: readonly string[]) =>
      cfg.categories
        .filter((c) => ids.includes(c.id))
        .map((c) => pickText(c.title, this.lang$, cfg.language))
        .join(', ') || t('policyNone');
    const endpoint = cfg.receipts?.endpoint;
    const receipts =
      endpoint && state.subject && isSafeUrl(endpoint)
        ? `${new URL(endpoint, location.href).origin}/receipts/${encodeURIComponent(state.subject)}`
        : undefined;
    return html`<section class="consent" part="consent" aria-labelledby=${CONSENT_ID}>
      <h2 id=${CONSENT_ID}>${t('policyYourConsent')}</h2>
      ${state.decided && state.subject
        ? html`<dl>
            <dt>${t('policyConsentId')}</dt>
            <dd><code>${state.subject}</code></dd>
            <dt>${t('policyAllowed')}</dt>
            <dd>${titles(state.granted)}</dd>
            <dt>${t('policyRefused')}</dt>
            <dd>${titles(state.denied)}</dd>
            ${state.decidedAt === null
              ? nothing
              : html`<dt>${t('policyChosenOn')}</dt>
                  <dd>${this.renderDate(state.decidedAt)}</dd>`}
          </dl>`
        : html`<p>${t('policyUndecided')}</p>`}
      <p class="actions">
        <button part="change" @click=${this.openPreferences}>
          ${state.decided ? t('policyChange') : t('policyChoose')}
        </button>
        ${receipts ? html`<a href=${receipts} download>${t('policyReceipts')}</a>` : nothing}
      </p>
    </section>`;
  }

  /** A `<time>` for an ISO date (`2026-05-01`, shown as a date) or a timestamp (date and time). */
  private renderDate(value: string | number): TemplateResult {
    const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(day ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) return html`<time>${value}</time>`;
    const text = new Intl.DateTimeFormat(this.locale, day ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' }).format(date);
    return html`<time datetime=${day ? value : date.toISOString()}>${text}</time>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.justBuilt || !this.doc) return;
    this.justBuilt = false;
    this.watchScroll(this.doc.tocHeadings);
    if (!this.deepLinked) {
      this.deepLinked = true;
      const target = this.target(location.hash);
      if (target) this.goTo(target, 'instant');
    }
    this.dispatchEvent(new Event('load'));
  }

  // ——— handlers ———

  /** The clicked button is the opener: focus comes back to it when the preference centre closes. */
  private openPreferences = (event: Event) => {
    void this.api?.openPreferences(event.currentTarget as HTMLElement);
  };

  /** Same-page links would look for ids in the document, not here: scroll within the shadow root. */
  private onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const hash = link?.getAttribute('href');
    const target = hash?.startsWith('#') ? this.target(hash) : undefined;
    if (!target) return;
    event.preventDefault();
    if (location.hash !== `#${target.id}`) history.pushState(history.state, '', `#${target.id}`);
    this.goTo(target, matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth');
  };

  private onHashChange = () => {
    const target = this.target(location.hash);
    if (target) this.goTo(target, 'instant');
  };

  private target(hash: string): HTMLElement | null {
    if (hash.length < 2) return null;
    let id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look the raw id up.
    }
    return (this.renderRoot as ShadowRoot).getElementById(id);
  }

  private goTo(target: HTMLElement, behavior: ScrollBehavior): void {
    target.scrollIntoView({ block: 'start', behavior });
    target.focus({ preventScroll: true });
    if (this.doc?.tocHeadings.includes(target)) this.current = target.id;
  }

  /** Highlights the last contents heading that has reached the top 15% of the viewport. */
  private watchScroll(headings: HTMLElement[]): void {
    this.spy?.disconnect();
    const update = () => {
      let current = '';
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > innerHeight * 0.15) break;
        current = heading.id;
      }
      this.current = current;
    };
    this.spy = new IntersectionObserver(update, { rootMargin: '0px 0px -85% 0px' });
    for (const heading of headings) this.spy.observe(heading);
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.api?.onChange((_, state) => (this.consent = state));
    this.consent = this.api?.getState();
  }

  // ——— sources ———

  private source(): Source | undefined {
    if (this.markdown != null) return { text: this.markdown, format: this.format ?? 'markdown' };
    if (this.html != null) return { text: this.html, format: this.format ?? 'html' };
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="text/markdown"], :scope > script[type="text/html"]');
    if (script) return { text: script.text, format: this.format ?? (script.type === 'text/html' ? 'html' : 'markdown') };
    const template = this.querySelector(':scope > template');
    if (template) return { text: template.innerHTML, format: this.format ?? 'html' };
    return this.fetched;
  }

  private async load(): Promise<void> {
    this.fetching?.abort();
    this.failed = false;
    const src = this.src;
    if (!src) return;
    const fetching = (this.fetching = new AbortController());
    try {
      const response = await fetch(src, { credentials: 'same-origin', signal: fetching.signal });
      if (!response.ok) throw new Error(`consentry-policy: ${src} answered ${response.status}`);
      const text = await response.text();
      this.fetched = { text, format: this.format ?? detectFormat(response.headers.get('content-type'), src) };
    } catch (error) {
      if (fetching.signal.aborted) return;
      this.failed = true;
      this.dispatchEvent(new ErrorEvent('error', { error }));
    } finally {
      if (this.fetching === fetching) this.fetching = undefined;
      this.requestUpdate();
    }
  }

  // ——— building ———

  private build(source: Source): BuiltPolicy {
    const cfg = this.cfg;
    const lang = this.lang$;
    const t = stringsFor(cfg, lang);
    const { meta, body, headings } = parsePolicy(source.text, source.format, [CONTENTS_ID, CONSENT_ID]);
    wrapTables(body, headings);
    if (cfg) placeCookieTable(body, headings, cookieTable(cfg, lang, t, this.api?.getState().bases));
    else placeCookieTable(body, headings, null);

    const [top, sub] = tocLevels(headings);
    let title: HTMLElement | undefined;
    const first = body.firstElementChild;
    if (first instanceof HTMLElement && first.localName === 'h1' && top > 1) {
      title = first;
      first.remove();
    }
    const toc: TocEntry[] = [];
    const tocHeadings: PolicyHeading[] = [];
    for (const heading of headings) {
      if (heading.level === top) toc.push({ id: heading.id, text: heading.text, children: [] });
      else if (heading.level === sub && toc.length) toc[toc.length - 1].children.push({ id: heading.id, text: heading.text });
      else continue;
      tocHeadings.push(heading);
    }
    const sections = tocHeadings.filter((h) => h.level === top);
    if (sections.length >= LONG_DOCUMENT) {
      const back = () => {
        const p = document.createElement('p');
        p.className = 'back';
        const a = document.createElement('a');
        a.href = `#${CONTENTS_ID}`;
        a.textContent = t('policyBackToContents');
        p.append(a);
        return p;
      };
      for (const section of sections.slice(1)) section.element.before(back());
      body.append(back());
    }
    const content = document.createElement('div');
    content.className = 'content';
    content.setAttribute('part', 'content');
    content.append(body);
    return { meta, title, content, toc, tocHeadings: tocHeadings.map((h) => h.element) };
  }
}

/** Registers `<consentry-policy>` once. */
export const defineConsentryPolicy = (): void => {
  if (!customElements.get(POLICY_TAG)) customElements.define(POLICY_TAG, ConsentryPolicy);
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-policy': ConsentryPolicy;
  }
}
