/** http(s), mailto, tel and scheme-less (relative) URLs only. */
export const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** Drops whitespace and control characters, which browsers ignore inside a URL scheme. */
export const compact = (url: string): string => url.replace(/[\s\p{Cc}]/gu, '');

/**
 * Whether a config-supplied URL may become a link (SEC-4). The banner needs
 * this too: it is shown while the config is still being checked.
 */
export const isSafeUrl = (url: string): boolean => SAFE_URL.test(compact(url));
