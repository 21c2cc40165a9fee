/**
 * One i18n for every visible string. The language is resolved once, in the
 * core (`resolveLanguage`, published as `ConsentState.language`); every
 * element renders its strings from typed tables in that language, with the
 * config's `texts[language]` overriding any key, then English underneath.
 *
 * A table is a chunk's English strings plus a loader per language
 * (`defineTable`). The banner's (`en.ts`), the details' (`en-details.ts`) and
 * the core's (`en-core.ts`, the floating button) share one file per language
 * (`fr.ts`…), so a visitor loads one small chunk for their language.
 *
 * Adding a language `xx`:
 *   1. `src/i18n/xx.ts`: `export default { …every key… } satisfies Strings;`
 *   2. `xx` in `LANGUAGES` (`src/core/language.ts`), `LANGUAGE_FILES` below and
 *      `CHUNKS` (`src/chunks.ts`, which also makes it a build entry, `dist/i18n/xx.js`).
 *   (`i18n.test.ts` checks the three lists agree.)
 *
 * Adding a table (another chunk's strings, e.g. the policy viewer's):
 *   1. its English in the chunk, keys prefixed with the chunk's name (`policyContents`),
 *      so a `texts` override names one string everywhere;
 *   2. `src/i18n/<chunk>/<lang>.ts` per language (`satisfies Partial<typeof english>`);
 *   3. `export const policyTable = defineTable(policyStrings, { cy: () => import('../i18n/policy/cy.js'), … })`;
 *   4. before rendering `await loadTables(language, policyTable)`, then
 *      `localeFor(api, policyTable)` gives `t('policyContents')`.
 */
import type { ConsentApi, Text } from '../core/types.js';
import type { enCore } from './en-core.js';
import type { en } from './en.js';
import type { enDetails } from './en-details.js';

/** Every string of the UI table: what each `src/i18n/<lang>.ts` provides. */
export type Strings = typeof enCore & typeof en & typeof enDetails;

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

/** The UI's language files (banner, details and floating button in one). */
export const LANGUAGE_FILES: Record<string, Loader<Strings>> = {
  cy: () => import('./cy.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
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
