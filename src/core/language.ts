/**
 * The language the visitor reads, resolved once, in the core: the receipt
 * records it, the elements render in it and `texts` overrides are looked up
 * under it. Pure: the caller passes the candidates.
 */

/**
 * Languages with built-in strings (`src/i18n/<lang>.ts`), English first;
 * `no` (Norwegian) reads Bokmål's (`nb`).
 * Adding one: see the note at the top of `src/i18n/index.ts`.
 * Two letters each, run together: the core carries this list to every visitor.
 */
export const LANGUAGES = 'enarbgcscydadeelesetfifrgagdhehrhuisitltlvmtnbnlnoplptroskslsvtruk'.match(/../g) as string[];

/**
 * The first candidate (config `language`, then `<html lang>`, then
 * `navigator.languages`) that names a built-in language or one the config's
 * `texts` provide, tried as the whole tag (`pt-br`) and then as its primary
 * subtag (`en-GB` → `en`). Nothing matching: English, whose strings are
 * always complete.
 */
export const resolveLanguage = (candidates: readonly (string | undefined)[], own: readonly string[] = []): string =>
  candidates
    .flatMap((tag = '') => [tag.toLowerCase(), tag.toLowerCase().split('-')[0]])
    .find((lang) => LANGUAGES.includes(lang) || own.includes(lang)) ?? 'en';
