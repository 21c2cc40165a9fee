import type { DetailStrings } from '../en-details.js';

/** Norwegian (Bokmål): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Innstillinger for informasjonskapsler',
  prefsText: 'Velg hvilke informasjonskapsler vi kan bruke. Du kan endre dette når som helst.',
  save: 'Lagre valg',
  close: 'Lukk',
  alwaysOn: 'Alltid på: nettstedet trenger dem for å fungere.',
  onByDefault: 'På med mindre du slår det av.',
  details: 'Tjenester og informasjonskapsler',
  cookie: 'Informasjonskapsel',
  provider: 'Leverandør',
  purpose: 'Formål',
  duration: 'Varighet',
  providerPolicy: 'Personvernerklæringen til {name}',
  consentId: 'Din samtykke-ID:',
  noneYet: 'ingen ennå',
  saved: 'Valgene er lagret',
  gpcPrefs: 'Nettleseren din sender et Global Privacy Control-signal, så markedsføring er av med mindre du slår det på her.',
  gpcPrefsLocked: 'Nettleseren din sender et Global Privacy Control-signal, så markedsføring forblir av på dette nettstedet.',
  blocked: '{service} er blokkert til du tillater «{category}».',
  sets: 'Den ville lagre disse informasjonskapslene: {cookies}.',
  allowCategory: 'Tillat «{category}»',
  allowService: 'Tillat bare dette innholdet fra {service}',
} satisfies DetailStrings;
