/**
 * The head script, `dist/head.js`: an optional classic script that goes first
 * in <head>, before consentry.js and before every tag:
 *
 *   <script src="/dist/head.js" data-config="/consent.json"></script>
 *   <script src="/dist/consentry.js" data-config="/consent.json"></script>
 *
 * It does what must be in place before any tag runs, each part only when the
 * config asks for it: auto-blocking of the declared `hosts` (src/autoblock/),
 * the vendors' consent signals (`signals`) and dev mode (`devMode`); and it
 * hides a banner `consentry banner` pre-rendered into the page from a visitor
 * who has already chosen (as dist/first-frame.js does alone). The
 * visitor's other tabs follow a decision through the core; the guards here
 * read the consent cookie on every call, so they follow it too.
 *
 * It needs the config before the parser reaches the next tag, so it reads it
 * synchronously: the inline `#consentry-config` element when the page has one
 * (placed before this script), otherwise its own `data-config` URL with a
 * synchronous request (the core's fetch of the same URL then comes from the
 * HTTP cache when the config is cacheable).
 */
import { installBlockers } from './autoblock/blockers.js';
import { allowedBy, consentReader } from './autoblock/consent-now.js';
import { rulesOf } from './autoblock/rules.js';
import { watchUndeclared } from './core/undeclared.js';
import { installSignals } from './core/vendor-signals.js';
import { hidePrerenderedBanner } from './elements/consentry-banner/prerendered.js';
import type { ConsentryConfig, UndeclaredReport } from './core/types.js';

declare global {
  interface Window {
    /** Set by the head script: what auto-blocking held back so far, and the dev-mode scanner. */
    ConsentryHead?: { blocked: string[]; undeclared?: () => UndeclaredReport };
  }
}

const readConfig = (): ConsentryConfig => {
  const inline = document.getElementById('consentry-config');
  if (inline) return JSON.parse(inline.textContent ?? '') as ConsentryConfig;
  const url = (document.currentScript as HTMLScriptElement | null)?.dataset.config;
  if (!url) throw Error('no #consentry-config before it and no data-config on it');
  const xhr = new XMLHttpRequest();
  xhr.open('GET', url, false);
  xhr.send();
  if (xhr.status >= 300) throw Error(`${url}: not loaded (${xhr.status})`);
  return JSON.parse(xhr.responseText) as ConsentryConfig;
};

try {
  const config = readConfig();
  // A banner `consentry banner` pre-rendered into the page: hidden now from a visitor with a stored choice.
  hidePrerenderedBanner(config.cookie?.name ?? 'consentry');
  const api = () => window.Consentry;
  const now = consentReader(config, api);
  const rules = rulesOf(config);
  const blocked = rules.length ? installBlockers(config, rules, allowedBy(now)) : null;
  const signals = config.signals ? installSignals(config, config.signals, now) : null;
  const head: NonNullable<Window['ConsentryHead']> = (window.ConsentryHead = { blocked: blocked?.log ?? [] });
  if (config.devMode) head.undeclared = watchUndeclared(config);

  document.addEventListener('consentry:ready', () => {
    blocked?.release();
    signals?.sync();
    // window.Consentry is assigned once the core's promise settles: just after this event.
    if (head.undeclared) setTimeout(() => api() && (api()!.undeclared = head.undeclared));
  });
  document.addEventListener('consentry:change', (e) => {
    blocked?.release();
    signals?.sync(e.detail);
    head.undeclared?.();
  });
} catch (e) {
  console.error('consentry head script:', e);
}
