import type { BannerStrings } from '../types.js';

/** Croatian: the first layer and the floating button. */
export default {
  bannerTitle: 'Kolačići na ovoj stranici',
  bannerText: 'Koristimo kolačiće koji su stranici potrebni za rad. Uz vašu privolu koristili bismo i neobavezne kolačiće, koje možete odabrati pojedinačno.',
  policy: 'Pravila o privatnosti i kolačićima',
  acceptAll: 'Prihvati sve',
  rejectAll: 'Odbij sve',
  manage: 'Upravljaj postavkama',
  objectionOn: 'Uključeno ako ne uložite prigovor: {list}.',
  object: 'Uloži prigovor',
  gpc: 'Vaš preglednik šalje signal Global Privacy Control, pa marketinški kolačići ostaju isključeni.',
  reopen: 'Postavke kolačića',
} satisfies BannerStrings;
