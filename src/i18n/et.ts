import type { Strings } from './index.js';

/** Estonian: the floating button and the first layer. */
export default {
  reopen: 'Küpsiste seaded',
  bannerTitle: 'Küpsised sellel veebilehel',
  bannerText: 'Kasutame küpsiseid, mida veebileht vajab toimimiseks. Teie nõusolekul kasutaksime ka valikulisi küpsiseid, mida saate valida ükshaaval.',
  policy: 'Privaatsus- ja küpsistepoliitika',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  manage: 'Halda eelistusi',
  objectionOn: 'Sees, kui te ei esita vastuväidet: {list}.',
  object: 'Esitan vastuväite',
  gpc: 'Teie brauser saadab Global Privacy Controli signaali, seega jäävad turundusküpsised välja lülitatuks.',
} satisfies Strings;
