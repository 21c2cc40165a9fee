import type { Strings } from './index.js';

/** Croatian: the floating button and the first layer. */
export default {
  reopen: 'Postavke kolačića',
  bannerTitle: 'Kolačići na ovoj stranici',
  bannerText: 'Koristimo kolačiće koji su stranici potrebni za rad. Uz vašu privolu koristili bismo i neobavezne kolačiće, koje možete odabrati pojedinačno.',
  policy: 'Pravila o privatnosti i kolačićima',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  manage: 'Upravljaj postavkama',
  objectionOn: 'Uključeno ako ne uložite prigovor: {list}.',
  object: 'Uloži prigovor',
  gpc: 'Vaš preglednik šalje signal Global Privacy Control, pa marketinški kolačići ostaju isključeni.',
} satisfies Strings;
