/**
 * Holds back what goes to a declared host until its category is allowed,
 * without any markup from the site:
 *
 *  - scripts, parser-inserted (a MutationObserver turns them into
 *    `type="text/plain" data-consent="category:service"` before they run, so
 *    the core's gate releases them in document order on consent) or added by
 *    other scripts (the `src` setter and `setAttribute` do the same before
 *    insertion, so nothing is fetched);
 *  - iframes, which become `data-src` + `data-consent` embeds (the gate shows
 *    their placeholder and stops them again on withdrawal);
 *  - images and pixels, `<img>` and `new Image()`, kept aside and given their
 *    `src` on consent;
 *  - `fetch`, `XMLHttpRequest` and `navigator.sendBeacon`, refused as a
 *    network error while the category is not allowed (replaying them later
 *    would send what was collected before the choice);
 *  - and the guards that make a withdrawal hold on the same page: declared
 *    cookies and storage keys of a category that is not allowed are not
 *    written (`document.cookie`, `cookieStore.set`, `Storage.setItem`).
 *
 * Every check is made at the moment of the call, so a withdrawal takes
 * effect at once. Elements the author marked with `data-consent` are the
 * gate's and left alone.
 */
import { keptBy, nameMatches, ownerOf, type Owner, type Rule } from './rules.js';
import type { Allowed } from './consent-now.js';
import type { ConsentryConfig } from '../core/types.js';

export interface Blocked {
  /** What was held back or refused so far (`script https://…`), for dev mode and specs. */
  log: string[];
  /** Give held-back images their `src` where now allowed; erase guarded cookies that came back. */
  release(): void;
  stop(): void;
}

const SCRIPT_TYPE = /^(|text\/javascript|application\/javascript|module)$/i;

export const installBlockers = (config: ConsentryConfig, rules: Rule[], allowed: Allowed, win: Window = window): Blocked => {
  const doc = win.document;
  const log: string[] = [];
  const undo: (() => void)[] = [];
  const base = () => doc.baseURI;
  /** The owner of a URL if it must be held back now. */
  const held = (href: unknown): Owner | null => {
    const o = rules.length ? ownerOf(rules, String(href), base()) : null;
    return o && !allowed(o.category, o.service) ? o : null;
  };
  const mark = (el: Element, o: Owner) => el.setAttribute('data-consent', `${o.category}:${o.service}`);

  const patch = <T extends object>(proto: T, key: string, make: (orig: PropertyDescriptor) => PropertyDescriptor) => {
    const orig = Object.getOwnPropertyDescriptor(proto, key);
    if (!orig) return;
    Object.defineProperty(proto, key, { ...orig, ...make(orig) });
    undo.push(() => Object.defineProperty(proto, key, orig));
  };

  // --- elements
  const images = new Map<HTMLImageElement, string>();
  const origImgSrc = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!;
  const origSetAttribute = Element.prototype.setAttribute;

  /** Holds `el` back if `url` must be; returns true when it did. */
  const hold = (el: Element, url: unknown): boolean => {
    if (el.hasAttribute('data-consent')) return false;
    const o = rules.length ? ownerOf(rules, String(url), base()) : null;
    if (!o) return false;
    if (allowed(o.category, o.service)) {
      // Allowed now, but marked as its service's: a withdrawal then knows it ran
      // (withdrawal.ts) and the gate can stop the frame.
      mark(el, o);
      if (el instanceof HTMLIFrameElement) origSetAttribute.call(el, 'data-src', String(url));
      return false;
    }
    log.push(`${el.localName} ${String(url)}`);
    if (el instanceof HTMLScriptElement) {
      const type = el.getAttribute('type');
      if (type && !SCRIPT_TYPE.test(type)) return false;
      if (type) origSetAttribute.call(el, 'data-type', type);
      origSetAttribute.call(el, 'type', 'text/plain');
      mark(el, o);
      return false; // the src is kept: a text/plain script is never fetched
    }
    mark(el, o);
    if (el instanceof HTMLImageElement) {
      images.set(el, String(url));
      el.removeAttribute('src');
      return true;
    }
    // iframe: the gate's data-src embed.
    origSetAttribute.call(el, 'data-src', String(url));
    el.removeAttribute('src');
    return true;
  };

  for (const [Ctor, tag] of [
    [HTMLScriptElement, 'script'],
    [HTMLImageElement, 'img'],
    [HTMLIFrameElement, 'iframe'],
  ] as const)
    patch(Ctor.prototype, 'src', (orig) => ({
      set(this: Element, v: unknown) {
        if (this.localName === tag && hold(this, v)) return;
        orig.set!.call(this, v);
      },
    }));
  patch(Element.prototype, 'setAttribute', () => ({
    value(this: Element, name: string, v: string) {
      if (name.toLowerCase() === 'src' && /^(script|img|iframe)$/.test(this.localName) && hold(this, v)) return;
      origSetAttribute.call(this, name, v);
    },
  }));

  // Parser-inserted elements: seen by the observer before the parser runs a script.
  const visit = (el: Element) => {
    if (/^(script|img|iframe)$/.test(el.localName) && el.hasAttribute('src')) hold(el, el.getAttribute('src'));
  };
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n instanceof Element) {
          visit(n);
          for (const el of n.querySelectorAll('script[src],img[src],iframe[src]')) visit(el);
        }
  });
  observer.observe(doc, { childList: true, subtree: true });
  undo.push(() => observer.disconnect());
  // Firefox only: one more chance for a parser-inserted script the observer saw too late.
  const beforeRun = (e: Event) => {
    const s = e.target as HTMLScriptElement;
    if (!s.hasAttribute('data-consent') && s.src && held(s.src)) {
      e.preventDefault();
      hold(s, s.src);
    }
  };
  doc.addEventListener('beforescriptexecute', beforeRun, true);
  undo.push(() => doc.removeEventListener('beforescriptexecute', beforeRun, true));

  // --- network
  const origFetch = win.fetch;
  win.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : input;
    if (held(url)) {
      log.push(`fetch ${String(url)}`);
      return Promise.reject(new TypeError(`consentry: ${String(url)} is held back until consent`));
    }
    return origFetch.call(this, input, init);
  };
  undo.push(() => (win.fetch = origFetch));

  const urls = new WeakMap<XMLHttpRequest, string>();
  const X = XMLHttpRequest.prototype;
  patch(X, 'open', (orig) => ({
    value(this: XMLHttpRequest, ...a: unknown[]) {
      urls.set(this, String(a[1]));
      return (orig.value as (...x: unknown[]) => void).apply(this, a);
    },
  }));
  patch(X, 'send', (orig) => ({
    value(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      const url = urls.get(this);
      if (url && held(url)) {
        log.push(`xhr ${url}`);
        // As a network error: the library's own error path, no exception in its call stack.
        setTimeout(() => {
          for (const type of ['error', 'loadend']) this.dispatchEvent(new ProgressEvent(type));
        });
        return;
      }
      return (orig.value as (b: unknown) => void).call(this, body);
    },
  }));
  const nav = win.navigator;
  if (nav.sendBeacon) {
    const origBeacon = nav.sendBeacon;
    nav.sendBeacon = function (url: string | URL, data?: BodyInit | null) {
      if (held(url)) {
        log.push(`beacon ${String(url)}`);
        return false;
      }
      return origBeacon.call(this, url, data);
    };
    undo.push(() => (nav.sendBeacon = origBeacon));
  }

  // --- cookie and storage guards
  const cookies = keptBy(config, 'cookies');
  const keys = keptBy(config, 'storage');
  /** A write that expires the cookie (the core's own erasing) always goes through. */
  const deletes = (cookie: string) => {
    const maxAge = /;\s*max-age=\s*(-?\d+)/i.exec(cookie);
    const expires = /;\s*expires=([^;]+)/i.exec(cookie);
    return maxAge ? +maxAge[1] <= 0 : !!expires && Date.parse(expires[1]) <= Date.now();
  };
  const refused = (list: [string, string][], name: string) =>
    list.some(([category, pattern]) => nameMatches(pattern, name) && !allowed(category));
  patch(Document.prototype, 'cookie', (orig) => ({
    set(this: Document, v: string) {
      const name = String(v).split('=')[0].trim();
      if (refused(cookies, name) && !deletes(String(v))) {
        log.push(`cookie ${name}`);
        return;
      }
      orig.set!.call(this, v);
    },
  }));
  const store = (win as Window & { cookieStore?: { set: (...a: unknown[]) => Promise<void> } }).cookieStore;
  if (store) {
    const origSet = store.set;
    store.set = function (this: unknown, ...a: unknown[]) {
      const name = typeof a[0] == 'string' ? a[0] : (a[0] as { name: string }).name;
      if (refused(cookies, name)) {
        log.push(`cookie ${name}`);
        return Promise.resolve();
      }
      return origSet.apply(this, a);
    };
    undo.push(() => (store.set = origSet));
  }
  patch(Storage.prototype, 'setItem', (orig) => ({
    value(this: Storage, k: string, v: string) {
      if (refused(keys, String(k))) {
        log.push(`storage ${k}`);
        return;
      }
      (orig.value as (k: string, v: string) => void).call(this, k, v);
    },
  }));

  return {
    log,
    release() {
      for (const [img, url] of images)
        if (!held(url)) {
          images.delete(img);
          origImgSrc.set!.call(img, url);
        }
    },
    stop: () => undo.forEach((u) => u()),
  };
};
