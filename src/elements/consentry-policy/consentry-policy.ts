import { LitElement, html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConsentController } from '../../controllers/consent-controller.js';
import type { ConsentApi, ConsentryConfig } from '../../core/types.js';
import { applyTheme } from '../../styles/theme.js';
import { policyStyles } from './consentry-policy.styles.js';
import type { PolicyDocument, PolicyDocumentInput } from './policy-document.js';
import { loadTables } from '../../i18n/index.js';
import { formatDate, isSafeUrl, languageWithoutCore, pickText, policyStringsFor, policyTable, type PolicyStrings } from './policy-strings.js';

export const POLICY_TAG = 'consentry-policy';
/** The attribute `consentry render` puts on the document it writes into the page. */
const PRERENDERED = 'article[data-consentry-policy]';

type PolicyFormat = PolicyDocumentInput['format'];

interface Source {
  text: string;
  format: PolicyFormat;
}

/** Guesses the format from a content type or a file name; Markdown unless it says HTML. */
const detectFormat = (contentType?: string | null, url?: string | null): PolicyFormat =>
  /html/i.test(contentType ?? '') || /\.x?html?(?:[?#]|$)/i.test(url ?? '') ? 'html' : 'markdown';

/** The parser, sanitiser and document builder: a chunk of its own, not needed for a pre-rendered page. */
const loadBuilder = () => import('./policy-document.js');

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
  static defaultApi: ConsentApi | undefined;
  private static readonly instances = new Set<ConsentryPolicy>();

  /** Hands the api to every connected instance that has none, and to later ones. */
  static useApi(api: ConsentApi | null): void {
    ConsentryPolicy.defaultApi = api ?? undefined;
    for (const el of ConsentryPolicy.instances) el.api ??= ConsentryPolicy.defaultApi;
  }

  /** URL of the policy; Markdown unless the response or the file name says HTML. */
  @property() src?: string;
  /** Overrides the detected format. */
  @property() format?: PolicyFormat;
  @property({ attribute: false }) markdown?: string;
  @property({ attribute: false }) html?: string;
  @property({ attribute: false }) api?: ConsentApi;
  /** Config for the cookie table and version when there is no api (previews, tests). */
  @property({ attribute: false }) config?: ConsentryConfig;
  @property({ type: Boolean, attribute: 'no-consent-panel' }) noConsentPanel = false;
  /** `light`, `dark`, or unset to follow the config, then the visitor's setting. */
  @property({ reflect: true }) scheme?: 'light' | 'dark';

  @state() private fetched?: Source;
  @state() private failed = false;
  /** The document built from a source (not set when the page holds a pre-rendered one). */
  @state() private doc?: PolicyDocument;

  private consent = new ConsentController(this);
  private built?: unknown[];
  private building = 0;
  /** The article being shown, and the one the handlers and the scroll spy were set up for. */
  private article?: HTMLElement;
  private enhanced?: HTMLElement;
  private tocLinks: HTMLAnchorElement[] = [];
  private tocHeadings: HTMLElement[] = [];
  private filled = new WeakSet<Element>();
  private deepLinked = false;
  private fetching?: AbortController;
  private spy?: IntersectionObserver;
  private children$ = new MutationObserver(() => {
    this.requestUpdate();
  });

  private get cfg(): ConsentryConfig | undefined {
    return this.config ?? this.api?.config;
  }

  /** The language the core resolved for the visitor (the same rule without a core). */
  private get lang$(): string {
    return this.consent.state?.language ?? languageWithoutCore(this.cfg, document.documentElement.lang, navigator.languages);
  }

  /** Locale for dates: the page's tag when it is in that language (`en-US`), else the language (`en` reads as British English). */
  private get locale(): string {
    const page = document.documentElement.lang;
    if (page.toLowerCase().split('-')[0] === this.lang$) return page;
    return this.lang$ === 'en' ? 'en-GB' : this.lang$;
  }

  private get strings(): PolicyStrings {
    return policyStringsFor(this.api, this.cfg, this.lang$);
  }

  /** Loads the viewer's strings in the visitor's language; true once they are here. */
  private stringsReady(): boolean {
    const loading = loadTables(this.lang$, policyTable);
    if (loading) void loading.then(() => this.requestUpdate());
    return !loading;
  }

  /** A document `consentry render` wrote into the page: enhanced where it is, never rebuilt. */
  private get prerendered(): HTMLElement | null {
    return this.querySelector<HTMLElement>(`:scope > ${PRERENDERED}`);
  }

  /**
   * A pre-rendered document is enhanced where the server put it: no shadow
   * root, whose slot would make the browser lay the whole policy out again
   * (the longest task of the page under mobile throttling). The page's
   * `policy.css` styles it, before and after the upgrade.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return this.prerendered ? this : super.createRenderRoot();
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
      if (this.tocHeadings.length) this.watchScroll();
      if (this.src && !this.fetched && !this.prerendered) void this.load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    ConsentryPolicy.instances.delete(this);
    removeEventListener('hashchange', this.onHashChange);
    removeEventListener('popstate', this.onHashChange);
    this.children$.disconnect();
    this.spy?.disconnect();
    this.spy = undefined;
    this.fetching?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && !this.prerendered) void this.load();
    const cfg = this.cfg;
    if ((changed.has('api') || changed.has('config')) && cfg?.theme) {
      applyTheme(this, { ...cfg.theme, scheme: this.scheme ?? cfg.theme.scheme });
    }
    if (this.prerendered) return;
    const source = this.source();
    const inputs = [source?.text, source?.format, cfg, this.lang$, this.api, this.noConsentPanel];
    if (source && inputs.some((value, i) => value !== this.built?.[i])) {
      this.built = inputs;
      void this.build(source);
    }
  }

  override render() {
    const t = this.strings;
    if (this.failed) {
      return html`<div class="policy" part="policy">
        <p role="alert">
          ${t('policyLoadError')}
          ${this.src && isSafeUrl(this.src) ? html`<a href=${this.src}>${t('policyOpenDirectly')}</a>` : nothing}
        </p>
      </div>`;
    }
    // A pre-rendered document stays in the page as it is (its ids, its text for every reader);
    // through a slot if it arrived after the element had made its shadow root.
    if (this.prerendered) return this.renderRoot === this ? nothing : html`<slot></slot>`;
    if (this.doc) return html`${this.doc.article}`;
    return this.src ? html`<p class="policy meta" role="status">${t('policyLoading')}</p>` : nothing;
  }

  private renderStaleNotice(t: PolicyStrings) {
    const state = this.consent.state;
    const version = this.cfg?.policy?.version;
    if (!this.api || !state?.decided || !version || state.policyVersion === version) return nothing;
    return html`<div class="notice" part="notice" role="note">
      <p>${t('policyStale', { version: state.policyVersion ?? '?' })}</p>
      <p class="actions"><button @click=${this.openPreferences}>${t('policyReview')}</button></p>
    </div>`;
  }

  /** The inside of the "Your consent" panel, from the core's state. */
  private renderConsent(t: PolicyStrings, api: ConsentApi) {
    const state = this.consent.state ?? api.getState();
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
    return html`<h2 id="consentry-your-consent">${t('policyYourConsent')}</h2>
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
        <button type="button" part="change" @click=${this.openPreferences}>
          ${state.decided ? t('policyChange') : t('policyChoose')}
        </button>
        ${receipts ? html`<a href=${receipts} download>${t('policyReceipts')}</a>` : nothing}
      </p>`;
  }

  private renderDate(value: string | number): TemplateResult {
    const { text, datetime } = formatDate(value, this.locale);
    return html`<time datetime=${datetime ?? nothing}>${text}</time>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const article = this.prerendered ?? this.doc?.article;
    if (!article || !this.stringsReady()) return;
    this.article = article;
    this.fill(article);
    if (this.enhanced === article) return;
    // A new document: contents, handlers, scroll spy, deep link, `load`.
    this.enhanced = article;
    this.toggleAttribute('ready', true);
    article.addEventListener('click', this.onClick);
    this.tocLinks = [...article.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')];
    // One pass over the ids, not a search of the whole policy per contents entry.
    const byId = new Map([...article.querySelectorAll<HTMLElement>('[id]')].map((el) => [el.id, el]));
    this.tocHeadings = this.tocLinks.map((a) => byId.get(idOf(a.getAttribute('href') ?? ''))).filter((h): h is HTMLElement => !!h);
    this.watchScroll();
    if (!this.deepLinked) {
      this.deepLinked = true;
      const target = this.target(location.hash);
      if (target) this.goTo(target, 'instant');
    }
    this.dispatchEvent(new Event('load'));
  }

  /** Renders what depends on the visitor (consent panel, version notice) into the document's places for it. */
  private fill(article: HTMLElement): void {
    const t = this.strings;
    const into = (place: HTMLElement | null, content: unknown) => {
      if (!place) return;
      // The pre-rendered stand-in goes once; lit keeps the place up to date after that.
      if (!this.filled.has(place)) {
        place.replaceChildren();
        this.filled.add(place);
      }
      render(content, place);
    };
    const panel = article.querySelector<HTMLElement>('[data-consentry-consent]');
    const api = this.api;
    if (panel) {
      panel.hidden = this.noConsentPanel || (!api && !this.prerendered);
      if (api && !this.noConsentPanel) into(panel, this.renderConsent(t, api));
    }
    into(article.querySelector<HTMLElement>('[data-consentry-notice]'), this.renderStaleNotice(t));
  }

  // ——— handlers ———

  /** The clicked button is the opener: focus comes back to it when the preference centre closes. */
  private openPreferences = (event: Event) => {
    void this.api?.openPreferences(event.currentTarget as HTMLElement);
  };

  /** Same-page links: scroll smoothly (or not, by preference) and move focus to the heading. */
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
    if (hash.length < 2 || !this.article) return null;
    return this.article.querySelector<HTMLElement>(`#${CSS.escape(idOf(hash))}`);
  }

  private goTo(target: HTMLElement, behavior: ScrollBehavior): void {
    target.scrollIntoView({ block: 'start', behavior });
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    if (this.tocHeadings.includes(target)) this.highlight(target.id);
  }

  /** Marks the contents entry of the section being read. */
  private highlight(id: string): void {
    for (const link of this.tocLinks) {
      if (link.getAttribute('href') === `#${id}`) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  }

  /**
   * Highlights the last contents heading that has reached the top 15% of the
   * viewport. Set up after the first paint: nobody sees the highlight before.
   */
  private watchScroll(): void {
    this.spy?.disconnect();
    const spy = (this.spy = new IntersectionObserver(
      (entries) => {
        // The observer measured these already; asking the layout again could force it while it is dirty.
        const measured = new Map(entries.map((entry) => [entry.target, entry.boundingClientRect.top]));
        let current = '';
        for (const heading of this.tocHeadings) {
          if ((measured.get(heading) ?? heading.getBoundingClientRect().top) > innerHeight * 0.15) break;
          current = heading.id;
        }
        this.highlight(current);
      },
      { rootMargin: '0px 0px -85% 0px' },
    ));
    afterPaint(() => {
      if (this.spy !== spy || !this.isConnected) return;
      for (const heading of this.tocHeadings) spy.observe(heading);
    });
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
    // The builder chunk downloads beside the policy, not after it.
    void loadBuilder().catch(() => {});
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

  /** Builds the document in short tasks; a newer source or config wins over a build still running. */
  private async build(source: Source): Promise<void> {
    const run = ++this.building;
    const [{ buildPolicyInTasks }] = await Promise.all([loadBuilder(), loadTables(this.lang$, policyTable)]);
    if (run !== this.building) return;
    const cfg = this.cfg;
    const doc = await buildPolicyInTasks(window, {
      text: source.text,
      format: source.format,
      config: cfg,
      lang: this.lang$,
      locale: this.locale,
      t: this.strings,
      bases: this.consent.state?.bases ?? this.api?.getState().bases,
      consentPanel: !this.noConsentPanel && !!this.api,
    });
    if (run === this.building) this.doc = doc;
  }
}

/** `#9-1-the-right-of-access` → the id it names (a malformed escape is taken as it is). */
const idOf = (hash: string): string => {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
};

/** Runs `task` in a task of its own after the next frame is painted. */
const afterPaint = (task: () => void): void => {
  requestAnimationFrame(() => setTimeout(task, 0));
};

/** Registers `<consentry-policy>` once. */
export const defineConsentryPolicy = (): void => {
  if (!customElements.get(POLICY_TAG)) customElements.define(POLICY_TAG, ConsentryPolicy);
};

declare global {
  interface HTMLElementTagNameMap {
    'consentry-policy': ConsentryPolicy;
  }
}
