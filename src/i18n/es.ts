import type { Strings } from './index.js';

/** Spanish (Spain): the floating button and the first layer. */
export default {
  reopen: 'Configuración de cookies',
  bannerTitle: 'Cookies en este sitio',
  bannerText: 'Usamos las cookies que el sitio necesita para funcionar. Con su consentimiento también usaríamos cookies opcionales, que puede elegir una a una.',
  policy: 'Política de privacidad y cookies',
  acceptAll: 'Aceptar todas',
  rejectAll: 'Rechazar todas',
  manage: 'Configurar cookies',
  objectionOn: 'Activas salvo que se oponga: {list}.',
  object: 'Oponerme',
  gpc: 'Su navegador envía la señal Global Privacy Control, así que las cookies de marketing siguen desactivadas.',
} satisfies Strings;
