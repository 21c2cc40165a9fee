import type { ConsentryConfig, Text } from '../core/types.js';
import { en } from './en.js';
import type { enDetails } from './en-details.js';

/** Every built-in string: the first layer's and the details'. */
export type Strings = typeof en & typeof enDetails;

/**
 * Language handling for the UI. The banner's English strings ship in the
 * first-visit chunk; the other built-in languages are small chunks loaded
 * with `import()` only when the resolved language needs one, before any
 * element renders.
 */
export interface Locale {
  /** The language the strings are in (set as `lang` on the element). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** A built-in string, overridden by the config's `texts`, with `{x}` filled in. */
  t(key: keyof Strings, values?: Record<string, string>): string;
  /** A config text: a string, or the best match from a language map. */
  text(value: Text | undefined): string;
}

const loaders: Record<string, (() => Promise<{ default: Strings }>) | undefined> = {
  cy: () => import('./cy.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
};
const loaded: Record<string, Partial<Strings> | undefined> = { en };
const rtl = /^(ar|he|fa|ur|yi|ps|ckb|dv|sd|ug)$/;

/** Config `language`, else `<html lang>`, else the browser; only languages we have texts for. */
export const pickLanguage = (config: ConsentryConfig): string => {
  const lang = (config.language || document.documentElement.lang || navigator.language || 'en').toLowerCase().split('-')[0];
  return lang in loaded || loaders[lang] || config.texts?.[lang] ? lang : 'en';
};

/** Loads the built-in strings of the config's language; `undefined` when they are already here. */
export const loadLanguage = (config: ConsentryConfig): Promise<unknown> | undefined => {
  const lang = pickLanguage(config);
  const load = loaded[lang] ? undefined : loaders[lang];
  return load?.().then((m) => (loaded[lang] = m.default));
};

/**
 * The locale of a config, synchronously. `details` are the English strings
 * of a lazily loaded element (`enDetails`), the fallback below the language.
 */
export const localeFor = (config: ConsentryConfig, details?: typeof enDetails): Locale => {
  const lang = pickLanguage(config);
  const strings: Record<string, string | undefined> = { ...en, ...details, ...loaded[lang], ...config.texts?.[lang] };
  return {
    lang,
    dir: rtl.test(lang) || document.documentElement.dir == 'rtl' ? 'rtl' : 'ltr',
    t: (key, values = {}) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? ''),
    text: (value) =>
      typeof value == 'string' ? value : (value?.[lang] ?? value?.en ?? Object.values(value ?? {}).at(0) ?? ''),
  };
};
