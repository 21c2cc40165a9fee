import type { BannerStrings } from '../types.js';

/** Estonian: the first layer and the floating button. */
export default {
  bannerTitle: 'Küpsised sellel veebilehel',
  bannerText: 'Kasutame küpsiseid, mida veebileht vajab toimimiseks. Teie nõusolekul kasutaksime ka valikulisi küpsiseid, mida saate valida ükshaaval.',
  policy: 'Privaatsus- ja küpsistepoliitika',
  acceptAll: 'Nõustu kõigiga',
  rejectAll: 'Keeldu kõigist',
  manage: 'Halda eelistusi',
  objectionOn: 'Sees, kui te ei esita vastuväidet: {list}.',
  object: 'Esitan vastuväite',
  gpc: 'Teie brauser saadab Global Privacy Controli signaali, seega jäävad turundusküpsised välja lülitatuks.',
  reopen: 'Küpsiste seaded',
} satisfies BannerStrings;
