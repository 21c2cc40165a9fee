/**
 * Activates author-marked scripts and embeds once their category (or service)
 * is allowed:
 *   <script type="text/plain" data-consent="analytics" src="…">
 *   <script type="text/plain" data-consent="analytics:ga4">inline</script>
 *   <iframe data-consent="marketing:video" data-src="…">
 * Scripts run in document order; an external script blocks the ones after it
 * until it has loaded, as it would have in the parser. Elements added later
 * (other scripts, SPAs) are caught by a MutationObserver.
 */

import { parseConsent } from './data-consent.js';

/** Is `category[:service]` allowed now? */
export type Allowed = (category: string, service?: string) => boolean;

const SELECTOR = 'script[type="text/plain"][data-consent],iframe[data-consent][data-src]';

type TrustedFactory = {
  createPolicy(name: string, rules: { createScript: (s: string) => string }): { createScript: (s: string) => unknown };
};

// One Trusted Types policy, fed only from inline scripts the page's author marked.
// (A copy's `src` is copied with its other attributes, which no Trusted Types sink checks.)
let policy: { createScript: (s: string) => unknown } | undefined;
const trusted = (text: string): string => {
  policy ??= (globalThis as { trustedTypes?: TrustedFactory }).trustedTypes?.createPolicy('consentry', { createScript: (s) => s });
  return (policy ? policy.createScript(text) : text) as string;
};

export interface Gate {
  /** Activate everything now allowed; stop loaded embeds that no longer are. */
  apply(): void;
  disconnect(): void;
}

/**
 * `onBlocked` runs for each embed found blocked at a visit (the core's
 * placeholders add one where none stands yet); `onMutation` after every batch
 * of changes to the page (the core looks for a policy viewer there: one
 * observer for both).
 */
export const createGate = (doc: Document, allowed: Allowed, onBlocked: () => void, onMutation = () => {}): Gate => {
  // Scripts waiting behind an external script that is still loading.
  const queue: HTMLScriptElement[] = [];
  let waiting = false;

  const isAllowed = (el: Element) => allowed(...parseConsent(el.getAttribute('data-consent')));

  const pump = (): void => {
    while (!waiting && queue.length) {
      const old = queue.shift()!;
      if (!old.isConnected) continue;
      // A shallow copy keeps every attribute and the nonce (hidden from the
      // attribute after parsing; cloning keeps it); the browser runs the copy,
      // which, unlike the inert original, was never a text/plain script.
      const s = old.cloneNode() as HTMLScriptElement;
      s.type = old.dataset.type ?? '';
      if (!old.hasAttribute('src')) s.text = trusted(old.text);
      else if (!old.hasAttribute('async') && s.type != 'module') {
        s.async = false;
        waiting = true;
        s.onload = s.onerror = () => {
          waiting = false;
          pump();
        };
      }
      old.replaceWith(s);
    }
  };

  const visit = (els: Iterable<Element>): void => {
    for (const el of els) {
      if (el.tagName == 'SCRIPT') {
        const s = el as HTMLScriptElement;
        if (isAllowed(s) && !queue.includes(s)) queue.push(s);
      } else {
        const src = (el as HTMLIFrameElement).dataset.src!;
        if (isAllowed(el)) {
          if (el.getAttribute('src') !== src) el.setAttribute('src', src);
        } else {
          // Withdrawn: an embed that already loaded is stopped. Removing `src`
          // alone leaves its document running, and Firefox loads it again on
          // reload (from the frame's history): a fresh copy has neither.
          if (el.hasAttribute('src')) {
            const fresh = el.cloneNode() as Element;
            fresh.removeAttribute('src');
            el.replaceWith(fresh);
          }
          onBlocked();
        }
      }
    }
    pump();
  };

  const apply = () => visit(doc.querySelectorAll(SELECTOR));
  // After each batch of changes the page is read again (one query, as the core's
  // look for a policy viewer): visiting is idempotent, so what was there stays as it is.
  const observer = new MutationObserver(() => {
    apply();
    onMutation();
  });
  observer.observe(doc, { childList: true, subtree: true });

  return { apply, disconnect: () => observer.disconnect() };
};
