/**
 * One i18n for every visible string. The language is resolved once, in the
 * core (`resolveLanguage`, published as `ConsentState.language`); every
 * element renders its strings from typed tables in that language, with the
 * config's `texts[language]` overriding any key, then English underneath.
 *
 * A table is a chunk's English strings plus a loader per language
 * (`defineTable`). The banner's (`en.ts`) and the core's (`en-core.ts`, the
 * floating button) share one file per language (`fr.ts`…); the details'
 * (`en-details.ts`: preference centre and placeholders) and the policy
 * viewer's have their own (`details/fr.ts`, `policy/fr.ts`). All of one
 * language in one chunk would pass 0.8 kB brotli for Greek and Bulgarian, so
 * a visitor loads a small chunk per element group shown.
 *
 * Adding a language `xx`:
 *   1. `src/i18n/xx.ts`, `src/i18n/details/xx.ts` and `src/i18n/policy/xx.ts`,
 *      each `export default { …every key… } satisfies …;`
 *   2. `xx` in `LANGUAGES` (`src/core/language.ts`), `LANGUAGE_FILES` below,
 *      `DETAIL_FILES` (`en-details.ts`), `POLICY_FILES` (`policy/index.ts`) and
 *      `CHUNKS` (`src/chunks.ts`, which also makes it a build entry, `dist/i18n/xx.js`).
 *   (`i18n.test.ts` checks the lists agree; `languages.test.ts` checks every
 *   key, English leftovers and typography; `languages.layout.test.ts` the
 *   320 px layout.)
 *
 * Adding a table (another chunk's strings, e.g. the policy viewer's):
 *   1. its English in the chunk, keys prefixed with the chunk's name (`policyContents`),
 *      so a `texts` override names one string everywhere;
 *   2. `src/i18n/<chunk>/<lang>.ts` per language (`satisfies Partial<typeof english>`);
 *   3. `export const policyTable = defineTable(policyStrings, POLICY_FILES)` (the policy viewer's);
 *   4. before rendering `await loadTables(language, policyTable)`, then
 *      `localeFor(api, policyTable)` gives `t('policyContents')`.
 */
import type { ConsentApi, Text } from '../core/types.js';
import type { enCore } from './en-core.js';
import type { en } from './en.js';

/** The strings each `src/i18n/<lang>.ts` provides: the floating button's and the first layer's. */
export type Strings = typeof enCore & typeof en;

type Loader<S> = () => Promise<{ default: S }>;

/** One chunk's strings: English built in, the rest loaded per language. */
export interface Table<S extends Record<string, string>> {
  en: S;
  languages: Readonly<Record<string, Loader<Partial<S>> | undefined>>;
}

export const defineTable = <S extends Record<string, string>>(
  english: S,
  languages: Table<S>['languages'],
): Table<S> => ({ en: english, languages });

/**
 * The UI's language files: the floating button's and the first layer's
 * strings (the details' are `DETAIL_FILES`, loaded with the preference centre).
 * `no` (Norwegian) reads Bokmål.
 */
export const LANGUAGE_FILES: Record<string, Loader<Strings>> = {
  ar: () => import('./ar.js'),
  bg: () => import('./bg.js'),
  cs: () => import('./cs.js'),
  cy: () => import('./cy.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  et: () => import('./et.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  ga: () => import('./ga.js'),
  gd: () => import('./gd.js'),
  he: () => import('./he.js'),
  hr: () => import('./hr.js'),
  hu: () => import('./hu.js'),
  is: () => import('./is.js'),
  it: () => import('./it.js'),
  lt: () => import('./lt.js'),
  lv: () => import('./lv.js'),
  mt: () => import('./mt.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  no: () => import('./nb.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ro: () => import('./ro.js'),
  sk: () => import('./sk.js'),
  sl: () => import('./sl.js'),
  sv: () => import('./sv.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
};

/** Strings already loaded, by loader (tables that share a language file share the entry). */
const loaded = new Map<Loader<unknown>, Record<string, string>>();

/**
 * Loads `language`'s strings for these tables; `undefined` when nothing is
 * missing (English, or already loaded), so English renders without a wait.
 */
export const loadTables = (
  language: string,
  ...tables: Table<Record<string, string>>[]
): Promise<unknown> | undefined => {
  const missing = tables.map((t) => t.languages[language]).filter((l) => l && !loaded.has(l)) as Loader<
    Record<string, string>
  >[];
  return missing.length
    ? Promise.all(missing.map((l) => l().then((m) => loaded.set(l, m.default)))).catch(console.error)
    : undefined;
};

type Keys<T> = T extends Table<infer S> ? keyof S & string : never;

export interface Locale<K extends string> {
  /** The language the strings are in (set as `lang` on the element). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** A built-in string, overridden by the config's `texts`, with `{x}` filled in. */
  t(key: K, values?: Record<string, string>): string;
  /** A config text: a string, or the best match from a language map. */
  text(value: Text | undefined): string;
}

const rtl = /^(ar|he|fa|ur|yi|ps|ckb|dv|sd|ug)$/;

/** The strings of these tables in the core's resolved language (`loadTables` first for a non-English one). */
export const localeFor = <T extends Table<Record<string, string>>[]>(api: ConsentApi, ...tables: T): Locale<Keys<T[number]>> => {
  const { config } = api;
  const lang = api.getState().language;
  const strings: Record<string, string | undefined> = {};
  for (const table of tables) {
    const own = table.languages[lang];
    Object.assign(strings, table.en, own && loaded.get(own));
  }
  Object.assign(strings, config.texts?.[lang]);
  return {
    lang,
    dir: rtl.test(lang) || document.documentElement.dir == 'rtl' ? 'rtl' : 'ltr',
    t: (key, values = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? ''),
    text: (value) =>
      typeof value == 'string'
        ? value
        : (value?.[lang] ?? value?.[config.language ?? 'en'] ?? value?.en ?? Object.values(value ?? {}).at(0) ?? ''),
  };
};
