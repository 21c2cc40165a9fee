import type { DetailStrings } from '../en-details.js';

/** Croatian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Postavke kolačića',
  prefsText: 'Odaberite koje kolačiće smijemo koristiti. To možete promijeniti u bilo kojem trenutku.',
  save: 'Spremi odabir',
  close: 'Zatvori',
  alwaysOn: 'Uvijek uključeno: stranici su potrebni za rad.',
  onByDefault: 'Uključeno dok to ne isključite.',
  details: 'Usluge i kolačići',
  cookie: 'Kolačić',
  provider: 'Pružatelj',
  purpose: 'Svrha',
  duration: 'Trajanje',
  providerPolicy: 'Pravila o privatnosti – {name}',
  consentId: 'Vaš ID privole:',
  noneYet: 'još nema',
  saved: 'Postavke spremljene',
  gpcPrefs: 'Vaš preglednik šalje signal Global Privacy Control, pa je marketing isključen dok ga ovdje ne uključite.',
  gpcPrefsLocked: 'Vaš preglednik šalje signal Global Privacy Control, pa marketing na ovoj stranici ostaje isključen.',
  blocked: 'Sadržaj usluge {service} blokiran je dok ne dopustite „{category}”.',
  sets: 'Postavili bi se ovi kolačići: {cookies}.',
  allowCategory: 'Dopusti „{category}”',
  allowService: 'Dopusti samo ovaj sadržaj usluge {service}',
} satisfies DetailStrings;
