/**
 * The script-tag build, a classic script:
 *   <script async src="/consentry.js" data-config="/consent.json"></script>
 * or with the config inline in <script type="application/json" id="consentry-config">.
 * It holds the core only and import()s the UI, policy and validator chunks
 * from its own folder when they are needed.
 */
import { ConfigError } from './core/config.js';
import { createConsentry } from './core/init.js';
import { fetchConfig, parseConfig } from './core/load-config.js';
import type { ChunkName, ConsentApi } from './core/types.js';

declare global {
  interface Window {
    Consentry?: ConsentApi;
  }
}

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src || location.href).href;
const load = (chunk: ChunkName): Promise<unknown> => import(base + chunk + '.js');

const boot = async (): Promise<void> => {
  const url = script?.dataset.config;
  // The config is asked for first: reading document.cookie (below) is a
  // synchronous round trip to the browser, which the download now overlaps.
  const fetching = url && fetchConfig(url);
  // No consent cookie (by its default name) at all: the banner will be needed, so
  // fetch it beside the config. (A site that renames the cookie prefetches it always.)
  if (!document.cookie.includes('consentry=')) void load('ui').catch(() => {});
  const inline = document.getElementById('consentry-config');
  if (!url && !inline) throw new ConfigError(['no data-config or #consentry-config']);
  // An element's textContent is a string (never null).
  const config = fetching ? await fetching : parseConfig(inline!.textContent, '#consentry-config');
  window.Consentry = await createConsentry(config, {
    load,
    jurisdiction: script?.dataset.jurisdiction,
  });
};

boot().catch(console.error);
