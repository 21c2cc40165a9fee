import type { BannerStrings } from '../types.js';

/** Norwegian (Bokmål; also used for no and nn): the first layer and the floating button. */
export default {
  bannerTitle: 'Informasjonskapsler på dette nettstedet',
  bannerText: 'Vi bruker informasjonskapsler som nettstedet trenger for å fungere. Med ditt samtykke vil vi også bruke valgfrie informasjonskapsler, som du kan velge én etter én.',
  policy: 'Personvern og informasjonskapsler',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  manage: 'Administrer valg',
  objectionOn: 'På med mindre du protesterer: {list}.',
  object: 'Protester',
  gpc: 'Nettleseren din sender et Global Privacy Control-signal, så informasjonskapsler for markedsføring forblir av.',
  reopen: 'Informasjonskapsler',
} satisfies BannerStrings;
