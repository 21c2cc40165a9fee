/**
 * The public types of Consentry: the config a marketer edits, the consent
 * state the core keeps, the API the elements and pages call, the events and
 * the receipt. Types only: this module emits no code.
 */

/** A text is a plain string or a map from language code to string. */
export type Text = string | Readonly<Record<string, string>>;

/** Legal basis for a category (PECR reg 6 and Sch. A1 as amended by DUAA 2025). */
export type Basis = 'strictly-necessary' | 'consent' | 'objection';

export interface CookieDeclaration {
  /** Exact name, or a prefix when it ends in `*` (`_ga_*`). */
  name: string;
  provider: string;
  purpose: Text;
  /** Human-readable lifetime: `session`, `13 months`, `400 days`, `1 year`. */
  duration: string;
  /** Required for `strictly-necessary` cookies: why the cookie is essential. */
  justification?: Text;
  /** Domain the cookie is set on when it is not the current host (`.example.co.uk`). */
  domain?: string;
}

export interface ServiceConfig {
  id: string;
  name: string;
  description?: Text;
  /** Privacy policy of the provider. */
  url?: string;
  cookies?: CookieDeclaration[];
  /** localStorage keys the service writes (exact, or prefix with `*`); cleared on withdrawal. */
  storage?: string[];
  /**
   * Where the service loads from and sends to: host names (`cdn.example.com`,
   * `*.example.com` for every subdomain) or URL prefixes (`https://example.com/px/`).
   * The auto-blocking build holds back whatever goes there until the category
   * (or this service) is allowed; dev mode reports hosts no service declares.
   */
  hosts?: string[];
}

/** Vendor consent signals besides Google Consent Mode (see vendor-signals.ts). */
export interface SignalsConfig {
  /** Microsoft UET consent mode (`ad_storage`). */
  uet?: boolean;
  /** Microsoft Clarity consent (`consentv2`: `ad_Storage`, `analytics_Storage`). */
  clarity?: boolean;
  /** Meta Pixel `fbq('consent', 'grant' | 'revoke')`. */
  meta?: boolean;
  /** A `dataLayer` event per decision: `true` for `consentry_consent`, or the event name. */
  dataLayer?: boolean | string;
}

/** Google Consent Mode v2 storage types. */
export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface CategoryConfig {
  /** `necessary`, `functional`, `analytics`, `marketing`, or your own (`^[a-z][a-z0-9-]*$`). */
  id: string;
  basis?: Basis;
  title: Text;
  description: Text;
  /** Consent Mode types this category grants. Defaults by id (see consent-mode.ts). */
  consentMode?: ConsentModeType[];
  services?: ServiceConfig[];
}

export interface ConsentryConfig {
  $schema?: string;
  /** Written by `consentry check --stamp`; while it matches, browsers skip the validator chunk. */
  $validated?: string;
  /** Bump when purposes or technologies change: every visitor is asked again. */
  revision: number;
  /** ISO 3166-1 alpha-2 (`GB`, `FR`…), `EU`, or `auto` (read `data-jurisdiction`). */
  jurisdiction?: string;
  /** Default language of the texts (`en`, `cy`, `fr`, `de`, `es`…). */
  language?: string;
  policy?: { url: string; version: string; updated?: string; history?: PolicyVersion[] };
  cookie?: {
    name?: string;
    /** Days a choice that grants something is kept (default 182). */
    consentDays?: number;
    /** Days a refusal is kept (default 182). */
    refusalDays?: number;
    domain?: string;
  };
  receipts?: {
    endpoint?: string;
    /** First retry delay in ms; doubles per attempt with jitter (default 2000). */
    retryMs?: number;
  };
  consentMode?: {
    enabled?: boolean;
    urlPassthrough?: boolean;
    adsDataRedaction?: boolean;
    /** ms gtag waits for an update (async CMPs); default 500. */
    waitForUpdate?: number;
  };
  gpc?: {
    /** Treat `navigator.globalPrivacyControl` as a refusal of marketing and an objection (default true). */
    honour?: boolean;
    /** Let an explicit opt-in in the preference centre override the signal (default true). */
    allowOverride?: boolean;
  };
  /**
   * Reload the page when a category whose scripts ran on it is withdrawn, the
   * one clean stop for code already running (default true). `false` for pages
   * that must not reload: the auto-blocking build then stops the declared
   * hosts, cookies and storage keys in place.
   */
  reloadOnWithdraw?: boolean;
  /** Vendor consent signals (Microsoft UET and Clarity, Meta, a dataLayer event). */
  signals?: SignalsConfig;
  /**
   * Development mode: lists cookies, storage keys and third-party hosts seen on
   * the page that no service declares, in the console and through
   * `Consentry.undeclared()`. Leave it off in production.
   */
  devMode?: boolean;
  /** UI string overrides: `{ "en": { "bannerTitle": "…" } }`. */
  texts?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  ui?: {
    layout?: 'bar' | 'box' | 'center';
    /** Floating button to reopen the preferences; `false` only when the site declares another way back. */
    reopenButton?: false | 'bottom-left' | 'bottom-right';
  };
  theme?: {
    scheme?: 'light' | 'dark' | 'auto';
    /** `--consentry-*` custom property values without the prefix: `{ "accent": "#0b57d0" }`. */
    [token: string]: string | undefined;
  };
  categories: CategoryConfig[];
}

export interface PolicyVersion {
  version: string;
  date: string;
  summary: Text;
  url?: string;
}

export type Action = 'accept-all' | 'reject-all' | 'custom' | 'withdraw' | 'object' | 'gpc';
export type Method = 'banner' | 'preferences' | 'api' | 'signal';

/** What the core knows about the visitor's choice right now. */
export interface ConsentState {
  /** Pseudonymous consent id (UUID) kept in the consent cookie; `null` before any choice. */
  subject: string | null;
  /** True when a valid stored choice exists for the current revision and has not expired. */
  decided: boolean;
  /** Categories that may run now (always includes the strictly-necessary ones). */
  granted: string[];
  denied: string[];
  /**
   * Categories whose switch the visitor cannot move: the strictly necessary
   * ones (always on) and, under GPC with `allowOverride: false`, every
   * advertising category (always off), whatever its id.
   */
  locked: string[];
  /** Services allowed one by one (`category:service`), e.g. one embed. */
  services: string[];
  /** Effective basis per category after jurisdiction rules. */
  bases: Record<string, Basis>;
  /** Time of the stored choice (ms since epoch), `null` before any choice. */
  decidedAt: number | null;
  /** Policy version and revision the stored choice was made under. */
  policyVersion: string | null;
  revision: number;
  jurisdiction: string;
  /** Global Privacy Control was on when the state was computed. */
  gpc: boolean;
  /**
   * The language the visitor reads (`en`, `cy`…), resolved once from config
   * `language`, `<html lang>`, then the browser's languages (see `resolveLanguage`).
   * Every element renders in it; receipts record it.
   */
  language: string;
}

export interface ChangeDetail {
  granted: string[];
  denied: string[];
  action: Action;
  method: Method;
}

export interface ReadyDetail {
  state: ConsentState;
}

/** The decisions of `ConsentApi`: stubs in the core, which the decide chunk reads and rules on. */
export type DecisionMethod = 'acceptAll' | 'rejectAll' | 'save' | 'withdraw' | 'object' | 'allowService';

/** The API the script-tag build exposes as `window.Consentry` and `init()` resolves to. */
export interface ConsentApi {
  readonly config: ConsentryConfig;
  /*
   * Decisions. Each applies at once when the decide chunk is loaded (always
   * the case once the banner or preferences are showing), else once it has
   * been fetched, and resolves when the choice is stored and its receipt queued.
   */
  acceptAll(method?: Method): Promise<void>;
  rejectAll(method?: Method): Promise<void>;
  /** A custom choice: exactly these categories (necessary always added). */
  save(granted: readonly string[], method?: Method): Promise<void>;
  /** Withdraw consent (all non-essential categories, or the given ones). */
  withdraw(categories?: readonly string[], method?: Method): Promise<void>;
  /** Object to every `objection`-basis category (UK statistics/appearance exceptions), keeping the rest. */
  object(method?: Method): Promise<void>;
  /** Allow one service only (`allowService('marketing', 'youtube')`), remembered. */
  allowService(category: string, service: string, method?: Method): Promise<void>;
  get(category: string, service?: string): boolean;
  getState(): ConsentState;
  /** Called after every change; returns the unsubscribe function. */
  onChange(listener: (detail: ChangeDetail, state: ConsentState) => void): () => void;
  /** True when the banner must be shown (no valid choice). */
  needsChoice(): boolean;
  /** Loads the UI chunk if needed and opens the preference centre; focus returns to `opener` on close. */
  openPreferences(opener?: Element | null): Promise<void>;
  /** Stops observing the page and removes the core's listeners and elements (tests, SPA teardown). */
  destroy(): void;
  /** Added by the head script (`dist/head.js`) in dev mode: what the page holds or contacts that no service declares. */
  undeclared?(): UndeclaredReport;
}

/** Cookies, storage keys and third-party hosts no service declares (dev mode). */
export interface UndeclaredReport {
  cookies: string[];
  storage: string[];
  hosts: string[];
}

/**
 * The consent receipt posted to the receipts endpoint (see PRODUCT.md). Its one
 * definition is the receipts server's TypeBox schema; this is a type-only
 * import, so no TypeBox reaches the bundle.
 */
export type { Receipt } from '../../server/src/schemas/receipt.js';

declare global {
  interface DocumentEventMap {
    'consentry:change': CustomEvent<ChangeDetail>;
    'consentry:ready': CustomEvent<ReadyDetail>;
  }
}

/** One problem found in a config: where (`categories[2].services[0].cookies[1].duration`) and what. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** The UI chunk (`ui.js`): lit elements, loaded only when something must be shown. */
export interface UiModule {
  /** Show the first layer (`<consentry-banner>`). */
  showBanner(api: ConsentApi): void;
  /** Open the preference centre; focus returns to `opener` (or the active element) on close. */
  openPreferences(api: ConsentApi, opener?: Element | null): Promise<void>;
}

/** The placeholder chunk (`placeholder.js`, no lit): stands in for blocked embeds. */
export interface PlaceholderModule {
  /** Replace gated iframes that are still blocked with placeholders. */
  mountPlaceholders(api: ConsentApi): Promise<void>;
}

/** The policy chunk (`policy.js`): defines `<consentry-policy>`. */
export interface PolicyModule {
  definePolicy(api: ConsentApi | null): void;
}

/** The validator chunk (`validate.js`): full checks with field paths. */
export interface ValidateModule {
  validateConfig(config: unknown): ConfigIssue[];
  /** The same issues as `path: message` lines (what a `ConfigError` lists). */
  issueLines(config: unknown): string[];
}

export type { ChunkName } from '../chunks.js';
