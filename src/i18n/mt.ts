import type { Strings } from './index.js';

/** Maltese: the floating button and the first layer. */
export default {
  reopen: 'Issettjar tal-cookies',
  bannerTitle: 'Cookies fuq dan is-sit',
  bannerText: 'Nużaw il-cookies li s-sit għandu bżonn biex jaħdem. Bil-kunsens tiegħek nużaw ukoll cookies mhux obbligatorji, li tista’ tagħżilhom waħda waħda.',
  policy: 'Politika tal-privatezza u tal-cookies',
  acceptAll: 'Aċċetta kollox',
  rejectAll: 'Irrifjuta kollox',
  manage: 'Immaniġġja l-preferenzi',
  objectionOn: 'Mixgħula sakemm ma toġġezzjonax: {list}.',
  object: 'Noġġezzjona',
  gpc: 'Il-browser tiegħek qed jibgħat sinjal Global Privacy Control, għalhekk il-cookies tal-kummerċjalizzazzjoni jibqgħu mitfija.',
} satisfies Strings;
