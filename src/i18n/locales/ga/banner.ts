import type { BannerStrings } from '../types.js';

/** Irish (Gaeilge): the first layer and the floating button. */
export default {
  bannerTitle: 'Fianáin ar an suíomh seo',
  bannerText: 'Úsáidimid na fianáin a theastaíonn ón suíomh chun oibriú. Le do thoiliú, d’úsáidfimis fianáin roghnacha freisin, ar féidir leat iad a roghnú ceann ar cheann.',
  policy: 'Beartas príobháideachais agus fianán',
  acceptAll: 'Glac le gach ceann',
  rejectAll: 'Diúltaigh do gach ceann',
  manage: 'Bainistigh roghanna',
  objectionOn: 'Ar siúl mura ndéanann tú agóid: {list}.',
  object: 'Déan agóid',
  gpc: 'Seolann do bhrabhsálaí comhartha Global Privacy Control, mar sin fanann fianáin mhargaíochta múchta.',
  reopen: 'Socruithe fianán',
} satisfies BannerStrings;
