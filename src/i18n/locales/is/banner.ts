import type { BannerStrings } from '../types.js';

/** Icelandic: the first layer and the floating button. */
export default {
  bannerTitle: 'Vafrakökur á þessum vef',
  bannerText: 'Við notum vafrakökur sem vefurinn þarf til að virka. Með samþykki þínu myndum við einnig nota valkvæðar vafrakökur sem þú getur valið eina í einu.',
  policy: 'Persónuverndar- og vafrakökustefna',
  acceptAll: 'Samþykkja allar',
  rejectAll: 'Hafna öllum',
  manage: 'Stjórna stillingum',
  objectionOn: 'Virkt nema þú andmælir: {list}.',
  object: 'Andmæla',
  gpc: 'Vafrinn þinn sendir Global Privacy Control-merki, svo markaðskökur eru áfram óvirkar.',
  reopen: 'Stillingar vafrakaka',
} satisfies BannerStrings;
