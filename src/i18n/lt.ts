import type { Strings } from './index.js';

/** Lithuanian: the floating button and the first layer. */
export default {
  reopen: 'Slapukų nustatymai',
  bannerTitle: 'Slapukai šioje svetainėje',
  bannerText: 'Naudojame slapukus, kurių reikia svetainei veikti. Jums sutikus, naudotume ir neprivalomus slapukus, kuriuos galite pasirinkti po vieną.',
  policy: 'Privatumo ir slapukų politika',
  acceptAll: 'Priimti visus',
  rejectAll: 'Atmesti visus',
  manage: 'Tvarkyti nuostatas',
  objectionOn: 'Įjungta, nebent prieštaraujate: {list}.',
  object: 'Prieštarauti',
  gpc: 'Jūsų naršyklė siunčia Global Privacy Control signalą, todėl rinkodaros slapukai lieka išjungti.',
} satisfies Strings;
