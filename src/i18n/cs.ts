import type { Strings } from './index.js';

/** Czech: the floating button and the first layer. */
export default {
  reopen: 'Nastavení cookies',
  bannerTitle: 'Cookies na tomto webu',
  bannerText: 'Používáme cookies, které web potřebuje ke svému fungování. S vaším souhlasem bychom používali i volitelné cookies, které si můžete vybrat jednotlivě.',
  policy: 'Zásady ochrany osobních údajů a cookies',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  manage: 'Upravit nastavení',
  objectionOn: 'Zapnuto, pokud nevznesete námitku: {list}.',
  object: 'Vznést námitku',
  gpc: 'Váš prohlížeč posílá signál Global Privacy Control, proto marketingové cookies zůstávají vypnuté.',
} satisfies Strings;
