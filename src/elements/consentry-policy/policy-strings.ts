/**
 * The viewer's own words: its table in the one i18n (`src/i18n/index.ts`),
 * English here, the other languages in `src/i18n/policy/<lang>.ts`. A site
 * overrides any of them per language through the config:
 * `"texts": { "cy": { "policyContents": "Cynnwys" } }`.
 */
import { resolveLanguage } from '../../core/language.js';
import type { Basis, ConsentApi, ConsentryConfig, Text } from '../../core/types.js';
import { defineTable, localeFor } from '../../i18n/index.js';
import { POLICY_FILES } from '../../i18n/policy/index.js';

export const policyStrings = {
  policyContents: 'Contents',
  policyBackToContents: 'Back to contents',
  policyVersion: 'Version',
  policyUpdated: 'Last updated',
  policyHistory: 'Version history',
  policyHistoryLink: 'Read this version',
  policyStale: 'This policy has changed since you made your cookie choices (under version {version}).',
  policyReview: 'Review your choices',
  policyYourConsent: 'Your consent',
  policyUndecided: 'You have not made a choice about cookies on this site yet.',
  policyChoose: 'Choose your cookie settings',
  policyConsentId: 'Consent id',
  policyAllowed: 'Allowed',
  policyRefused: 'Refused',
  policyNone: 'None',
  policyChosenOn: 'Chosen on',
  policyChange: 'Change your choices',
  policyReceipts: 'Download your consent records (JSON)',
  policyLoadError: 'The privacy policy could not be loaded.',
  policyOpenDirectly: 'Open it directly',
  policyLoading: 'Loading the privacy policy…',
  policyCookiesIntro: 'This table is generated from the same settings that control the cookies on this site.',
  policyCookieName: 'Cookie',
  policyService: 'Service',
  policyProvider: 'Provider',
  policyPurpose: 'Purpose',
  policyDuration: 'Duration',
  policyBasis: 'Legal basis',
  policyJustification: 'Why it is essential',
  policyNoCookies: 'No cookies',
  'policyBasis.strictly-necessary': 'Strictly necessary',
  'policyBasis.consent': 'Consent',
  'policyBasis.objection': 'On unless you object',
};

export type PolicyStringKey = keyof typeof policyStrings;
export type PolicyStrings = (key: PolicyStringKey, vars?: Record<string, string>) => string;

/** A config text in the wanted language, else the config's language, else English, else any. */
export const pickText = (text: Text | undefined, lang: string, fallback?: string): string => {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const pick = (key: string | undefined) => (key === undefined ? undefined : (text[key] as string | undefined));
  const any: (string | undefined)[] = Object.values(text);
  return pick(lang) ?? pick(fallback) ?? pick('en') ?? any[0] ?? '';
};

/** The viewer's table: English above, every other built-in language a chunk of its own (`src/i18n/policy/`). */
export const policyTable = defineTable(policyStrings, POLICY_FILES);

/**
 * The language without a core (previews, the CLI): the core's own rule on
 * the same candidates. With a core, its `ConsentState.language` is used.
 */
export const languageWithoutCore = (config: ConsentryConfig | undefined, pageLang?: string, browser: readonly string[] = []): string =>
  resolveLanguage([config?.language, pageLang, ...browser], Object.keys(config?.texts ?? {}));

/**
 * The viewer's strings: the core's locale (its language, the config's
 * `texts` on top). Without a core, the same tables in `language`.
 */
export const policyStringsFor = (api: ConsentApi | undefined, config: ConsentryConfig | undefined, language: string): PolicyStrings => {
  const source = api ?? ({ config: config ?? { categories: [] }, getState: () => ({ language }) } as unknown as ConsentApi);
  return localeFor(source, policyTable).t;
};

export const basisKey = (basis: Basis): PolicyStringKey => `policyBasis.${basis}`;

export { compact, isSafeUrl, leavesOrigin, SAFE_URL } from '../safe-url.js';

/** An ISO date (`2026-05-01`, shown as a date) or a timestamp (date and time), for a `<time>`. */
export const formatDate = (value: string | number, locale: string): { text: string; datetime?: string } => {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return { text: String(value) };
  return { text: dateFormat(locale, day).format(date), datetime: day ? value : date.toISOString() };
};

/** One formatter per locale and kind: making one is far dearer than using it (ICU data). */
const formats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (locale: string, day: boolean): Intl.DateTimeFormat => {
  const key = `${locale} ${day}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, day ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' });
    formats.set(key, format);
  }
  return format;
};
