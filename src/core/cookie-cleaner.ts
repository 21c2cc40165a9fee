/**
 * Erases what a withdrawn category left behind: its declared cookies (exact
 * names and `prefix*` patterns) and localStorage keys. A cookie can only be
 * deleted with the domain and path it was set with, and third-party tags
 * (GA4 among them) set theirs on the parent domain, so every candidate
 * domain and path is tried.
 */
import type { CategoryConfig } from './types.js';

const matches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

/** `www.shop.example.co.uk` → ['', 'www.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk', 'co.uk'] (the browser refuses public suffixes). */
const domains = (host: string, declared: (string | undefined)[]): string[] => {
  const parts = host.split('.');
  const all = /^[\d.]+$|:/.test(host) ? [host] : parts.slice(0, -1).map((_, i) => parts.slice(i).join('.'));
  return ['', ...all, ...(declared.filter(Boolean) as string[])];
};

/** `/a/b/c` → ['/', '/a', '/a/b', '/a/b/c'] */
const paths = (path: string): string[] =>
  path.split('/').map((_, i, all) => all.slice(0, i + 1).join('/') || '/');

export const clearCategories = (doc: Document, categories: CategoryConfig[], storage?: Storage | null): void => {
  const services = categories.flatMap((c) => c.services ?? []);
  const cookies = services.flatMap((s) => s.cookies ?? []);
  const keys = services.flatMap((s) => s.storage ?? []);
  for (const name of doc.cookie.split(';').map((c) => c.split('=')[0].trim())) {
    const hits = cookies.filter((c) => matches(c.name, name));
    if (!hits.length) continue;
    for (const domain of domains(location.hostname, hits.map((c) => c.domain)))
      for (const path of paths(location.pathname))
        doc.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${path}${domain ? ';domain=' + domain : ''}`;
  }
  if (storage)
    for (let i = storage.length; i--; ) {
      const key = storage.key(i)!;
      if (keys.some((k) => matches(k, key))) storage.removeItem(key);
    }
};
