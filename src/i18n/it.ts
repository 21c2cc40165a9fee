import type { Strings } from './index.js';

/** Italian: the floating button and the first layer. */
export default {
  reopen: 'Impostazioni cookie',
  bannerTitle: 'Cookie su questo sito',
  bannerText: 'Usiamo i cookie necessari al funzionamento del sito. Con il tuo consenso useremmo anche cookie facoltativi, che puoi scegliere uno per uno.',
  policy: 'Informativa su privacy e cookie',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  manage: 'Gestisci preferenze',
  objectionOn: 'Attivi salvo tua opposizione: {list}.',
  object: 'Mi oppongo',
  gpc: 'Il tuo browser invia il segnale Global Privacy Control, quindi i cookie di marketing restano disattivati.',
} satisfies Strings;
