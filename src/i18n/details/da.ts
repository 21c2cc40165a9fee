import type { DetailStrings } from '../en-details.js';

/** Danish: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Cookieindstillinger',
  prefsText: 'Vælg, hvilke cookies vi må bruge. Du kan altid ændre dit valg.',
  save: 'Gem valg',
  close: 'Luk',
  alwaysOn: 'Altid slået til: websitet skal bruge dem for at fungere.',
  onByDefault: 'Slået til, medmindre du slår det fra.',
  details: 'Tjenester og cookies',
  cookie: 'Cookie',
  provider: 'Udbyder',
  purpose: 'Formål',
  duration: 'Varighed',
  providerPolicy: 'Privatlivspolitik for {name}',
  consentId: 'Dit samtykke-id:',
  noneYet: 'intet endnu',
  saved: 'Indstillingerne er gemt',
  gpcPrefs: 'Din browser sender et Global Privacy Control-signal, så markedsføring er slået fra, medmindre du slår det til her.',
  gpcPrefsLocked: 'Din browser sender et Global Privacy Control-signal, så markedsføring forbliver slået fra på dette websted.',
  blocked: '{service} er blokeret, indtil du tillader »{category}«.',
  sets: 'Det ville sætte disse cookies: {cookies}.',
  allowCategory: 'Tillad »{category}«',
  allowService: 'Tillad kun dette indhold fra {service}',
} satisfies DetailStrings;
