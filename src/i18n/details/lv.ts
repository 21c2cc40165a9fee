import type { DetailStrings } from '../en-details.js';

/** Latvian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Sīkdatņu iestatījumi',
  prefsText: 'Izvēlieties, kuras sīkdatnes drīkstam izmantot. To var mainīt jebkurā laikā.',
  save: 'Saglabāt izvēli',
  close: 'Aizvērt',
  alwaysOn: 'Vienmēr ieslēgtas: tās vajadzīgas vietnes darbībai.',
  onByDefault: 'Ieslēgts, ja vien to neizslēdzat.',
  details: 'Pakalpojumi un sīkdatnes',
  cookie: 'Sīkdatne',
  provider: 'Nodrošinātājs',
  purpose: 'Nolūks',
  duration: 'Glabāšanas ilgums',
  providerPolicy: 'Privātuma politika: {name}',
  consentId: 'Jūsu piekrišanas ID:',
  noneYet: 'vēl nav',
  saved: 'Iestatījumi saglabāti',
  gpcPrefs: 'Jūsu pārlūks sūta Global Privacy Control signālu, tāpēc mārketings ir izslēgts, ja vien to šeit neieslēdzat.',
  gpcPrefsLocked: 'Jūsu pārlūks sūta Global Privacy Control signālu, tāpēc mārketings šajā vietnē paliek izslēgts.',
  blocked: '{service} saturs ir bloķēts, līdz atļausiet „{category}“.',
  sets: 'Tiktu saglabātas šīs sīkdatnes: {cookies}.',
  allowCategory: 'Atļaut „{category}“',
  allowService: 'Atļaut tikai šo {service} saturu',
} satisfies DetailStrings;
