/** http(s), mailto, tel and scheme-less (relative) URLs only. */
export const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Drops whitespace and control characters, which browsers ignore inside a URL scheme. */
export const compact = (url: string): string => url.replace(/[\s\p{Cc}]/gu, '');

/**
 * Whether a config-supplied URL may become a link (SEC-4). The banner needs
 * this too: it is shown while the config is still being checked.
 */
export const isSafeUrl = (url: string): boolean => SAFE_URL.test(compact(url));

/**
 * Whether a link leaves the page's origin (and gets `rel="noopener noreferrer"`):
 * http(s) elsewhere, protocol-relative included. A URL that does not parse
 * counts as elsewhere, rather than throwing away the whole document.
 */
export const leavesOrigin = (href: string, base: string, origin: string): boolean => {
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) && url.origin !== origin;
  } catch {
    return true;
  }
};
