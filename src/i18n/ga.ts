import type { Strings } from './index.js';

/** Irish (Gaeilge): the floating button and the first layer. */
export default {
  reopen: 'Socruithe fianán',
  bannerTitle: 'Fianáin ar an suíomh seo',
  bannerText: 'Úsáidimid na fianáin a theastaíonn ón suíomh chun oibriú. Le do thoiliú, d’úsáidfimis fianáin roghnacha freisin, ar féidir leat iad a roghnú ceann ar cheann.',
  policy: 'Beartas príobháideachais agus fianán',
  acceptAll: 'Glac le gach ceann',
  rejectAll: 'Diúltaigh do gach ceann',
  manage: 'Bainistigh roghanna',
  objectionOn: 'Ar siúl mura ndéanann tú agóid: {list}.',
  object: 'Déan agóid',
  gpc: 'Seolann do bhrabhsálaí comhartha Global Privacy Control, mar sin fanann fianáin mhargaíochta múchta.',
} satisfies Strings;
