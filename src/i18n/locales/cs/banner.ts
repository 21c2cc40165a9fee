import type { BannerStrings } from '../types.js';

/** Czech: the first layer and the floating button. */
export default {
  bannerTitle: 'Cookies na tomto webu',
  bannerText: 'Používáme cookies, které web potřebuje ke svému fungování. S vaším souhlasem bychom používali i volitelné cookies, které si můžete vybrat jednotlivě.',
  policy: 'Zásady ochrany osobních údajů a cookies',
  acceptAll: 'Přijmout vše',
  rejectAll: 'Odmítnout vše',
  manage: 'Upravit nastavení',
  objectionOn: 'Zapnuto, pokud nevznesete námitku: {list}.',
  object: 'Vznést námitku',
  gpc: 'Váš prohlížeč posílá signál Global Privacy Control, proto marketingové cookies zůstávají vypnuté.',
  reopen: 'Nastavení cookies',
} satisfies BannerStrings;
