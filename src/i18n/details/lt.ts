import type { DetailStrings } from '../en-details.js';

/** Lithuanian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Slapukų nuostatos',
  prefsText: 'Pasirinkite, kuriuos slapukus galime naudoti. Tai galite bet kada pakeisti.',
  save: 'Išsaugoti pasirinkimą',
  close: 'Uždaryti',
  alwaysOn: 'Visada įjungti: jų reikia svetainei veikti.',
  onByDefault: 'Įjungta, nebent išjungsite.',
  details: 'Paslaugos ir slapukai',
  cookie: 'Slapukas',
  provider: 'Teikėjas',
  purpose: 'Paskirtis',
  duration: 'Galiojimo trukmė',
  providerPolicy: 'Privatumo politika: {name}',
  consentId: 'Jūsų sutikimo ID:',
  noneYet: 'dar nėra',
  saved: 'Nuostatos išsaugotos',
  gpcPrefs: 'Jūsų naršyklė siunčia Global Privacy Control signalą, todėl rinkodara išjungta, nebent ją įjungsite čia.',
  gpcPrefsLocked: 'Jūsų naršyklė siunčia Global Privacy Control signalą, todėl rinkodara šioje svetainėje lieka išjungta.',
  blocked: '{service} turinys užblokuotas, kol neleisite „{category}“.',
  sets: 'Būtų įrašyti šie slapukai: {cookies}.',
  allowCategory: 'Leisti „{category}“',
  allowService: 'Leisti tik šį {service} turinį',
} satisfies DetailStrings;
