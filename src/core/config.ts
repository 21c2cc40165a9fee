/**
 * What the core needs from a config: defaults, the effective legal basis of
 * each category and the cheap structural check that lets it fail closed.
 * The full field-path validation is the `validate` chunk.
 */
import type { Basis, CategoryConfig, ConsentryConfig } from './types.js';

export const DEFAULT_DAYS = 182;

/** Advertising never has an exception: the `marketing` id or any `ad_*` Consent Mode type. */
export const isAdvertising = (c: CategoryConfig): boolean =>
  c.id === 'marketing' || !!c.consentMode?.some((t) => t.startsWith('ad_'));

/**
 * The jurisdiction in force for this page view: a `data-jurisdiction` the
 * page's server rendered wins over the site-wide config; unknown means EU
 * rules (consent for everything non-essential).
 */
export const resolveJurisdiction = (config: ConsentryConfig, rendered?: string): string =>
  // `UK` is not ISO 3166 (the validator asks for GB); here it simply falls under EU rules, the safe side.
  (rendered || (config.jurisdiction !== 'auto' && config.jurisdiction) || 'EU').toUpperCase();

/**
 * The basis that applies: `objection` (PECR Sch. A1 paras 5–6, DUAA 2025)
 * exists only in the UK and never for advertising; elsewhere it becomes consent.
 */
export const effectiveBasis = (c: CategoryConfig, jurisdiction: string): Basis =>
  c.basis === 'objection' && (jurisdiction !== 'GB' || isAdvertising(c)) ? 'consent' : (c.basis ?? 'consent');

/** Throws when the config cannot even be read; the message names the field. */
export const assertReadable = (config: unknown): ConsentryConfig => {
  const c = config as ConsentryConfig | null;
  // The validate chunk says exactly what is wrong; this only keeps the core from tripping.
  if (!Number.isInteger(c?.revision) || !c!.categories?.every?.((x) => typeof x?.id == 'string'))
    throw new ConfigError(['config: needs an integer revision and categories with ids']);
  return c!;
};

/** A config that failed validation; `issues` are `path: message` lines. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super('consentry: invalid config:\n' + issues.join('\n'));
  }
}
