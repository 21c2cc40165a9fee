import type { BannerStrings } from '../types.js';

/** Italian: the first layer and the floating button. */
export default {
  bannerTitle: 'Cookie su questo sito',
  bannerText: 'Usiamo i cookie necessari al funzionamento del sito. Con il tuo consenso useremmo anche cookie facoltativi, che puoi scegliere uno per uno.',
  policy: 'Informativa su privacy e cookie',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  manage: 'Gestisci preferenze',
  objectionOn: 'Attivi salvo tua opposizione: {list}.',
  object: 'Mi oppongo',
  gpc: 'Il tuo browser invia il segnale Global Privacy Control, quindi i cookie di marketing restano disattivati.',
  reopen: 'Impostazioni cookie',
} satisfies BannerStrings;
