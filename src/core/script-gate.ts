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
  createPolicy(name: string, rules: Record<string, (s: string) => string>): Record<string, (s: string) => unknown>;
};

// One Trusted Types policy, fed only from elements the page's author marked.
let policy: Record<string, (s: string) => unknown> | undefined;
const trusted = (kind: 'createScript' | 'createScriptURL', value: string): string => {
  const tt = (globalThis as { trustedTypes?: TrustedFactory }).trustedTypes;
  policy ??= tt?.createPolicy('consentry', { createScript: (s) => s, createScriptURL: (s) => s });
  return (policy ? policy[kind](value) : value) as string;
};


export interface Gate {
  /** Activate everything now allowed; stop loaded embeds that no longer are. */
  apply(): void;
  disconnect(): void;
}

/** `onMutation` runs after every batch of changes to the page (the core looks for a policy viewer there: one observer for both). */
export const createGate = (doc: Document, allowed: Allowed, onBlocked: () => void, onMutation = () => {}): Gate => {
  // Scripts waiting behind an external script that is still loading.
  const queue: HTMLScriptElement[] = [];
  let waiting = false;

  const isAllowed = (el: Element) => allowed(...parseConsent(el.getAttribute('data-consent')));

  const pump = (): void => {
    while (!waiting && queue.length) {
      const old = queue.shift()!;
      if (!old.isConnected) continue;
      const s = doc.createElement('script');
      for (const a of old.attributes)
        if (!/^(type|src|data-type)$/.test(a.name)) s.setAttribute(a.name, a.value);
      // The nonce attribute is hidden after parsing; the property keeps it.
      s.nonce = old.nonce;
      const type = old.dataset.type;
      if (type) s.type = type;
      const src = old.getAttribute('src');
      if (src) {
        s.src = trusted('createScriptURL', src);
        if (!old.hasAttribute('async') && type !== 'module') {
          s.async = false;
          waiting = true;
          s.onload = s.onerror = () => {
            waiting = false;
            pump();
          };
        }
      } else s.text = trusted('createScript', old.text);
      old.replaceWith(s);
    }
  };

  const visit = (els: Iterable<Element>): void => {
    let anyBlocked = false;
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
          anyBlocked = true;
        }
      }
    }
    pump();
    if (anyBlocked) onBlocked();
  };

  const observer = new MutationObserver((records) => {
    const added: Element[] = [];
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element) {
          if (n.matches(SELECTOR)) added.push(n);
          added.push(...n.querySelectorAll(SELECTOR));
        }
    if (added.length) visit(added);
    onMutation();
  });
  observer.observe(doc, { childList: true, subtree: true });

  return {
    apply: () => visit(doc.querySelectorAll(SELECTOR)),
    disconnect: () => observer.disconnect(),
  };
};
