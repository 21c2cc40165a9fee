import type { DetailStrings } from '../en-details.js';

/** Italian: the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Preferenze sui cookie',
  prefsText: 'Scegli quali cookie possiamo usare. Puoi cambiare idea in qualsiasi momento.',
  save: 'Salva le scelte',
  close: 'Chiudi',
  alwaysOn: 'Sempre attivi: servono al funzionamento del sito.',
  onByDefault: 'Attivo a meno che tu non lo disattivi.',
  details: 'Servizi e cookie',
  cookie: 'Cookie',
  provider: 'Fornitore',
  purpose: 'Finalità',
  duration: 'Durata',
  providerPolicy: 'Informativa privacy di {name}',
  consentId: 'Il tuo ID di consenso:',
  noneYet: 'non ancora',
  saved: 'Preferenze salvate',
  gpcPrefs: 'Il tuo browser invia il segnale Global Privacy Control, quindi il marketing resta disattivato a meno che tu non lo attivi qui.',
  gpcPrefsLocked: 'Il tuo browser invia il segnale Global Privacy Control, quindi il marketing resta disattivato su questo sito.',
  blocked: '{service} è bloccato finché non consenti «{category}».',
  sets: 'Installerebbe questi cookie: {cookies}.',
  allowCategory: 'Consenti «{category}»',
  allowService: 'Consenti solo questo contenuto di {service}',
} satisfies DetailStrings;
