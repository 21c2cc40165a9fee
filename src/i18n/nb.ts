import type { Strings } from './index.js';

/** Norwegian Bokmål (also read for `no`): the floating button and the first layer. */
export default {
  reopen: 'Informasjonskapsler',
  bannerTitle: 'Informasjonskapsler på dette nettstedet',
  bannerText: 'Vi bruker informasjonskapsler som nettstedet trenger for å fungere. Med ditt samtykke vil vi også bruke valgfrie informasjonskapsler, som du kan velge én etter én.',
  policy: 'Personvern og informasjonskapsler',
  acceptAll: 'Godta alle',
  rejectAll: 'Avvis alle',
  manage: 'Administrer valg',
  objectionOn: 'På med mindre du protesterer: {list}.',
  object: 'Protester',
  gpc: 'Nettleseren din sender et Global Privacy Control-signal, så informasjonskapsler for markedsføring forblir av.',
} satisfies Strings;
