import { defineTable, LANGUAGE_FILES } from './index.js';

/**
 * Built-in English strings of the first layer, the default language. They
 * ship in the first-visit chunk, so only the banner's strings live here; the
 * rest are in `en-details.ts`. `{x}` marks a value filled in at render time.
 * Keys are the ones a config's `texts` may override.
 */
export const en = {
  bannerTitle: 'Cookies on this site',
  bannerText: 'We use cookies the site needs to work. With your consent we would also use optional cookies, which you can choose one by one.',
  policy: 'Privacy and cookie policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  manage: 'Manage preferences',
  objectionOn: 'On unless you object: {list}.',
  object: 'Object',
  gpc: 'Your browser sends a Global Privacy Control signal, so marketing cookies stay off.',
};

/** The first layer's table (its other languages share the UI's language files). */
export const bannerTable = defineTable(en, LANGUAGE_FILES);
