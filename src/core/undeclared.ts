/**
 * Dev mode: what the page holds or talks to that no service declares —
 * cookie names, localStorage/sessionStorage keys and third-party hosts
 * (from the Resource Timing entries, which every engine keeps for scripts,
 * images, frames, fetch, XHR and beacons). The marketer's declarations are
 * what the banner, the policy table and the receipts promise; this keeps them true.
 */
import type { ConsentryConfig, UndeclaredReport } from './types.js';

const matches = (pattern: string, name: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;

/** `cdn.example.com`, `*.example.com` or a URL prefix, against one URL. */
export const hostMatches = (pattern: string, url: URL): boolean => {
  if (pattern.includes('/')) return url.href.startsWith(pattern);
  const host = url.hostname;
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) || host === pattern.slice(2) : host === pattern;
};

/** Keys the core itself keeps (the receipt queue). */
const OWN_KEYS = ['consentry:*'];

export const findUndeclared = (
  config: ConsentryConfig,
  page: { cookies: string; storage: string[]; urls: string[]; origin: string },
): UndeclaredReport => {
  const services = config.categories.flatMap((c) => c.services ?? []);
  const cookies = [config.cookie?.name ?? 'consentry', ...services.flatMap((s) => s.cookies?.map((c) => c.name) ?? [])];
  const keys = [...OWN_KEYS, ...services.flatMap((s) => s.storage ?? [])];
  const hosts = services.flatMap((s) => s.hosts ?? []);
  const names = page.cookies
    .split(';')
    .map((c) => c.split('=')[0].trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const href of page.urls) {
    const url = new URL(href, page.origin);
    if (/^https?:$/.test(url.protocol) && url.origin !== page.origin && !hosts.some((h) => hostMatches(h, url)))
      seen.add(url.host);
  }
  return {
    cookies: [...new Set(names.filter((n) => !cookies.some((p) => matches(p, n))))],
    storage: [...new Set(page.storage.filter((k) => !keys.some((p) => matches(p, k))))],
    hosts: [...seen],
  };
};

/** The report for this page now. */
export const scanPage = (config: ConsentryConfig): UndeclaredReport => {
  const storage: string[] = [];
  for (const area of ['localStorage', 'sessionStorage'] as const)
    try {
      storage.push(...Object.keys(globalThis[area]));
    } catch {
      // Storage blocked: nothing to list.
    }
  return findUndeclared(config, {
    cookies: document.cookie,
    storage,
    urls: performance.getEntriesByType('resource').map((e) => e.name),
    origin: location.origin,
  });
};

/**
 * Watches the page: prints what is new each time something undeclared shows
 * up (a resource loads, a decision is made) and returns the scanner.
 */
export const watchUndeclared = (config: ConsentryConfig): (() => UndeclaredReport) => {
  const told = new Set<string>();
  const report = () => {
    const found = scanPage(config);
    const fresh = [
      ...found.cookies.map((n) => 'cookie ' + n),
      ...found.storage.map((k) => 'storage key ' + k),
      ...found.hosts.map((h) => 'third-party host ' + h),
    ].filter((line) => !told.has(line));
    for (const line of fresh) told.add(line);
    if (fresh.length)
      console.warn('consentry dev mode: undeclared (no service in the config declares it):\n  ' + fresh.join('\n  '));
    return found;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(report, 200);
  };
  new PerformanceObserver(soon).observe({ type: 'resource', buffered: true });
  addEventListener('storage', soon);
  // Cookies set by script leave no event in every engine: look again now and then.
  setInterval(report, 2000);
  soon();
  return report;
};
