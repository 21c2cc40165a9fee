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
export const resolveJurisdiction = (config: ConsentryConfig, rendered?: string): string => {
  const j = (rendered || (config.jurisdiction !== 'auto' && config.jurisdiction) || 'EU').toUpperCase();
  return j === 'UK' ? 'GB' : j;
};

/**
 * The basis that applies: `objection` (PECR Sch. A1 paras 5–6, DUAA 2025)
 * exists only in the UK and never for advertising; elsewhere it becomes consent.
 */
export const effectiveBasis = (c: CategoryConfig, jurisdiction: string): Basis =>
  c.basis === 'objection' && (jurisdiction !== 'GB' || isAdvertising(c)) ? 'consent' : (c.basis ?? 'consent');

/** Throws when the config cannot even be read; the message names the field. */
export const assertReadable = (config: unknown): ConsentryConfig => {
  const c = config as ConsentryConfig | null;
  const bad =
    !c || typeof c !== 'object'
      ? 'config: must be an object'
      : !Number.isInteger(c.revision)
        ? 'revision: must be an integer'
        : !Array.isArray(c.categories) || !c.categories.every((x) => typeof (x as CategoryConfig | null)?.id === 'string')
          ? 'categories: must be a list of categories with ids'
          : '';
  if (bad) throw new ConfigError([bad]);
  return c!;
};

/** A config that failed validation; `issues` are `path: message` lines. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super('consentry: invalid config, nothing non-essential will run:\n  ' + issues.join('\n  '));
    this.name = 'ConfigError';
  }
}
