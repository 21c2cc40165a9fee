/**
 * Which declared service a URL belongs to, from the `hosts` each service
 * declares: a host (`cdn.example.com`), every subdomain of one
 * (`*.example.com`, the bare domain included) or a URL prefix
 * (`https://example.com/px/`). Services of strictly-necessary categories are
 * never held back.
 */
import { hostMatches } from '../core/undeclared.js';
import type { ConsentryConfig } from '../core/types.js';

export interface Owner {
  category: string;
  service: string;
}

export interface Rule extends Owner {
  patterns: string[];
}

export const rulesOf = (config: ConsentryConfig): Rule[] =>
  config.categories
    .filter((c) => c.basis !== 'strictly-necessary')
    .flatMap((c) =>
      (c.services ?? [])
        .filter((s) => s.hosts?.length)
        .map((s) => ({ category: c.id, service: s.id, patterns: s.hosts! })),
    );

/** The service a URL goes to, or null; relative URLs are resolved against `base`. */
export const ownerOf = (rules: Rule[], href: string, base: string): Owner | null => {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  return rules.find((r) => r.patterns.some((p) => hostMatches(p, url))) ?? null;
};

/** Declared cookie names and storage keys (exact or `prefix*`) per category, for the guards. */
export const keptBy = (config: ConsentryConfig, kind: 'cookies' | 'storage'): [string, string][] =>
  config.categories
    .filter((c) => c.basis !== 'strictly-necessary')
    .flatMap((c) =>
      (c.services ?? []).flatMap((s) =>
        (kind == 'cookies' ? (s.cookies ?? []).map((k) => k.name) : (s.storage ?? [])).map((n): [string, string] => [c.id, n]),
      ),
    );

export const nameMatches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
