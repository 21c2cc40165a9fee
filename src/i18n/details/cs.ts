import type { DetailStrings } from '../en-details.js';

/** Czech: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Nastavení cookies',
  prefsText: 'Vyberte, které cookies smíme používat. Volbu můžete kdykoli změnit.',
  save: 'Uložit volbu',
  close: 'Zavřít',
  alwaysOn: 'Vždy zapnuto: web je potřebuje ke svému fungování.',
  onByDefault: 'Zapnuto, dokud to nevypnete.',
  details: 'Služby a cookies',
  cookie: 'Cookie',
  provider: 'Poskytovatel',
  purpose: 'Účel',
  duration: 'Doba uložení',
  providerPolicy: 'Zásady ochrany soukromí – {name}',
  consentId: 'Vaše ID souhlasu:',
  noneYet: 'zatím žádné',
  saved: 'Nastavení uloženo',
  gpcPrefs: 'Váš prohlížeč posílá signál Global Privacy Control, proto je marketing vypnutý, dokud ho zde nezapnete.',
  gpcPrefsLocked: 'Váš prohlížeč posílá signál Global Privacy Control, proto marketing na tomto webu zůstává vypnutý.',
  blocked: 'Obsah {service} je zablokovaný, dokud nepovolíte „{category}“.',
  sets: 'Uložily by se tyto cookies: {cookies}.',
  allowCategory: 'Povolit „{category}“',
  allowService: 'Povolit jen tento obsah {service}',
} satisfies DetailStrings;
