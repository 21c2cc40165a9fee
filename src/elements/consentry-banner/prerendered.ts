import { PRERENDERED } from './banner-dom.js';

/**
 * Hides a pre-rendered banner from a visitor with a consent cookie named
 * `cookie`, before the parser reaches it. A constructed sheet: a strict
 * style-src allows it.
 */
export const hidePrerenderedBanner = (cookie: string): void => {
  if (!document.cookie.includes(cookie + '=')) return;
  const hide = new CSSStyleSheet();
  hide.replaceSync(`consentry-banner[${PRERENDERED}]{display:none!important}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, hide];
};
