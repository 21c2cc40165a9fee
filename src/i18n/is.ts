import type { Strings } from './index.js';

/** Icelandic: the floating button and the first layer. */
export default {
  reopen: 'Stillingar vafrakaka',
  bannerTitle: 'Vafrakökur á þessum vef',
  bannerText: 'Við notum vafrakökur sem vefurinn þarf til að virka. Með samþykki þínu myndum við einnig nota valkvæðar vafrakökur sem þú getur valið eina í einu.',
  policy: 'Persónuverndar- og vafrakökustefna',
  acceptAll: 'Samþykkja allar',
  rejectAll: 'Hafna öllum',
  manage: 'Stjórna stillingum',
  objectionOn: 'Virkt nema þú andmælir: {list}.',
  object: 'Andmæla',
  gpc: 'Vafrinn þinn sendir Global Privacy Control-merki, svo markaðskökur eru áfram óvirkar.',
} satisfies Strings;
