import type { DetailStrings } from '../en-details.js';

/** Scottish Gaelic (Gàidhlig): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Roghainnean bhriosgaidean',
  prefsText: 'Taghaibh dè na briosgaidean a dh’fhaodas sinn a chleachdadh. ’S urrainn dhuibh seo atharrachadh uair sam bith.',
  save: 'Sàbhail na roghainnean',
  close: 'Dùin',
  alwaysOn: 'Air an-còmhnaidh: tha feum aig an làrach-lìn orra airson obrachadh.',
  onByDefault: 'Air ach mura cuir sibh dheth e.',
  details: 'Seirbheisean is briosgaidean',
  cookie: 'Briosgaid',
  provider: 'Solaraiche',
  purpose: 'Adhbhar',
  duration: 'Faid',
  providerPolicy: 'Poileasaidh prìobhaideachd {name}',
  consentId: 'An ID cead agaibh:',
  noneYet: 'chan eil gin fhathast',
  saved: 'Chaidh na roghainnean a shàbhaladh',
  gpcPrefs: 'Tha am brabhsair agaibh a’ cur comharra Global Privacy Control, mar sin tha margaidheachd dheth mura cuir sibh air an-seo i.',
  gpcPrefsLocked: 'Tha am brabhsair agaibh a’ cur comharra Global Privacy Control, mar sin fuirichidh margaidheachd dheth air an làrach seo.',
  blocked: 'Tha {service} bacte gus an ceadaich sibh ‘{category}’.',
  sets: 'Shuidhicheadh e na briosgaidean seo: {cookies}.',
  allowCategory: 'Ceadaich ‘{category}’',
  allowService: 'Ceadaich an t-susbaint seo o {service} a-mhàin',
} satisfies DetailStrings;
