import type { DetailStrings } from '../en-details.js';

/** Irish (Gaeilge): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Roghanna fianán',
  prefsText: 'Roghnaigh na fianáin ar féidir linn a úsáid. Is féidir leat é seo a athrú am ar bith.',
  save: 'Sábháil roghanna',
  close: 'Dún',
  alwaysOn: 'Ar siúl i gcónaí: teastaíonn siad ón suíomh chun oibriú.',
  onByDefault: 'Ar siúl mura múchann tú é.',
  details: 'Seirbhísí agus fianáin',
  cookie: 'Fianán',
  provider: 'Soláthraí',
  purpose: 'Cuspóir',
  duration: 'Fad',
  providerPolicy: 'Beartas príobháideachais {name}',
  consentId: 'D’aitheantas toilithe:',
  noneYet: 'níl ceann ann fós',
  saved: 'Roghanna sábháilte',
  gpcPrefs: 'Seolann do bhrabhsálaí comhartha Global Privacy Control, mar sin tá an mhargaíocht múchta mura gcuireann tú ar siúl anseo í.',
  gpcPrefsLocked: 'Seolann do bhrabhsálaí comhartha Global Privacy Control, mar sin fanann an mhargaíocht múchta ar an suíomh seo.',
  blocked: 'Tá {service} blocáilte go dtí go gceadaíonn tú ‘{category}’.',
  sets: 'Shocródh sé na fianáin seo: {cookies}.',
  allowCategory: 'Ceadaigh ‘{category}’',
  allowService: 'Ceadaigh an t-ábhar seo ó {service} amháin',
} satisfies DetailStrings;
