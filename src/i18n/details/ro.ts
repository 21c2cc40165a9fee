import type { DetailStrings } from '../en-details.js';

/** Romanian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Preferințe privind cookie-urile',
  prefsText: 'Alegeți ce cookie-uri putem folosi. Puteți schimba oricând această alegere.',
  save: 'Salvează alegerile',
  close: 'Închide',
  alwaysOn: 'Mereu active: site-ul are nevoie de ele pentru a funcționa.',
  onByDefault: 'Activ, dacă nu îl dezactivați.',
  details: 'Servicii și cookie-uri',
  cookie: 'Cookie',
  provider: 'Furnizor',
  purpose: 'Scop',
  duration: 'Durată',
  providerPolicy: 'Politica de confidențialitate – {name}',
  consentId: 'ID-ul dumneavoastră de consimțământ:',
  noneYet: 'încă niciunul',
  saved: 'Preferințe salvate',
  gpcPrefs: 'Browserul dumneavoastră trimite semnalul Global Privacy Control, așa că marketingul rămâne dezactivat, dacă nu îl activați aici.',
  gpcPrefsLocked: 'Browserul dumneavoastră trimite semnalul Global Privacy Control, așa că marketingul rămâne dezactivat pe acest site.',
  blocked: 'Conținutul {service} este blocat până când permiteți „{category}”.',
  sets: 'Ar plasa aceste cookie-uri: {cookies}.',
  allowCategory: 'Permite „{category}”',
  allowService: 'Permite doar acest conținut {service}',
} satisfies DetailStrings;
