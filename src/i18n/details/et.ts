import type { DetailStrings } from '../en-details.js';

/** Estonian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Küpsiste eelistused',
  prefsText: 'Valige, milliseid küpsiseid tohime kasutada. Saate seda igal ajal muuta.',
  save: 'Salvesta valik',
  close: 'Sulge',
  alwaysOn: 'Alati sees: veebileht vajab neid toimimiseks.',
  onByDefault: 'Sees, kui te seda välja ei lülita.',
  details: 'Teenused ja küpsised',
  cookie: 'Küpsis',
  provider: 'Pakkuja',
  purpose: 'Eesmärk',
  duration: 'Kestus',
  providerPolicy: 'Privaatsuspoliitika: {name}',
  consentId: 'Teie nõusoleku ID:',
  noneYet: 'veel puudub',
  saved: 'Eelistused salvestatud',
  gpcPrefs: 'Teie brauser saadab Global Privacy Controli signaali, seega on turundus välja lülitatud, kui te seda siin sisse ei lülita.',
  gpcPrefsLocked: 'Teie brauser saadab Global Privacy Controli signaali, seega jääb turundus sellel saidil välja lülitatuks.',
  blocked: '{service} on blokeeritud, kuni lubate kategooria „{category}“.',
  sets: 'See salvestaks need küpsised: {cookies}.',
  allowCategory: 'Luba „{category}“',
  allowService: 'Luba ainult see sisu ({service})',
} satisfies DetailStrings;
