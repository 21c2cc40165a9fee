import type { Strings } from './index.js';

/** Scottish Gaelic (Gàidhlig): the floating button and the first layer. */
export default {
  reopen: 'Roghainnean bhriosgaidean',
  bannerTitle: 'Briosgaidean air an làrach-lìn seo',
  bannerText: 'Bidh sinn a’ cleachdadh bhriosgaidean a tha a dhìth air an làrach-lìn airson obrachadh. Le ur cead, chleachdamaid briosgaidean roghainneil cuideachd, agus faodaidh sibh an taghadh fear seach fear.',
  policy: 'Poileasaidh prìobhaideachd is bhriosgaidean',
  acceptAll: 'Gabh ris na h-uile',
  rejectAll: 'Diùlt na h-uile',
  manage: 'Stiùir na roghainnean',
  objectionOn: 'Air ach mura cuir sibh an aghaidh: {list}.',
  object: 'Cuir an aghaidh',
  gpc: 'Tha am brabhsair agaibh a’ cur comharra Global Privacy Control, mar sin mairidh briosgaidean margaidheachd dheth.',
} satisfies Strings;
