import type { DetailStrings } from '../en-details.js';

/** Slovak: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Nastavenia súborov cookie',
  prefsText: 'Vyberte, ktoré súbory cookie môžeme používať. Voľbu môžete kedykoľvek zmeniť.',
  save: 'Uložiť voľbu',
  close: 'Zavrieť',
  alwaysOn: 'Vždy zapnuté: stránka ich potrebuje na fungovanie.',
  onByDefault: 'Zapnuté, kým to nevypnete.',
  details: 'Služby a súbory cookie',
  cookie: 'Súbor cookie',
  provider: 'Poskytovateľ',
  purpose: 'Účel',
  duration: 'Doba uchovávania',
  providerPolicy: 'Zásady ochrany súkromia – {name}',
  consentId: 'Vaše ID súhlasu:',
  noneYet: 'zatiaľ žiadne',
  saved: 'Nastavenia uložené',
  gpcPrefs: 'Váš prehliadač posiela signál Global Privacy Control, preto je marketing vypnutý, kým ho tu nezapnete.',
  gpcPrefsLocked: 'Váš prehliadač posiela signál Global Privacy Control, preto marketing na tejto stránke zostáva vypnutý.',
  blocked: 'Obsah {service} je zablokovaný, kým nepovolíte „{category}“.',
  sets: 'Uložili by sa tieto súbory cookie: {cookies}.',
  allowCategory: 'Povoliť „{category}“',
  allowService: 'Povoliť len tento obsah {service}',
} satisfies DetailStrings;
