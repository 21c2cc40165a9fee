import type { Strings } from './index.js';

/** Portuguese (European): the floating button and the first layer. */
export default {
  reopen: 'Definições de cookies',
  bannerTitle: 'Cookies neste site',
  bannerText: 'Utilizamos os cookies de que o site precisa para funcionar. Com o seu consentimento, utilizaríamos também cookies opcionais, que pode escolher um a um.',
  policy: 'Política de privacidade e de cookies',
  acceptAll: 'Aceitar todos',
  rejectAll: 'Rejeitar todos',
  manage: 'Gerir preferências',
  objectionOn: 'Ativos, salvo se se opuser: {list}.',
  object: 'Opor-me',
  gpc: 'O seu navegador envia o sinal Global Privacy Control, pelo que os cookies de marketing continuam desativados.',
} satisfies Strings;
