import type { BannerStrings } from '../types.js';

/** Lithuanian: the first layer and the floating button. */
export default {
  bannerTitle: 'Slapukai šioje svetainėje',
  bannerText: 'Naudojame slapukus, kurių reikia svetainei veikti. Jums sutikus, naudotume ir neprivalomus slapukus, kuriuos galite pasirinkti po vieną.',
  policy: 'Privatumo ir slapukų politika',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  manage: 'Tvarkyti nuostatas',
  objectionOn: 'Įjungta, nebent prieštaraujate: {list}.',
  object: 'Prieštarauti',
  gpc: 'Jūsų naršyklė siunčia Global Privacy Control signalą, todėl rinkodaros slapukai lieka išjungti.',
  reopen: 'Slapukų nustatymai',
} satisfies BannerStrings;
