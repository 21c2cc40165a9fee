import type { DetailStrings } from '../en-details.js';

/** Spanish (Spain): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Preferencias de cookies',
  prefsText: 'Elija qué cookies podemos usar. Puede cambiarlo en cualquier momento.',
  save: 'Guardar selección',
  close: 'Cerrar',
  alwaysOn: 'Siempre activas: el sitio las necesita para funcionar.',
  onByDefault: 'Activas salvo que las desactive.',
  details: 'Servicios y cookies',
  cookie: 'Cookie',
  provider: 'Proveedor',
  purpose: 'Finalidad',
  duration: 'Duración',
  providerPolicy: 'Política de privacidad de {name}',
  consentId: 'Su ID de consentimiento:',
  noneYet: 'ninguno todavía',
  saved: 'Preferencias guardadas',
  gpcPrefs: 'Su navegador envía la señal Global Privacy Control, así que el marketing está desactivado salvo que lo active aquí.',
  gpcPrefsLocked: 'Su navegador envía la señal Global Privacy Control, así que el marketing permanece desactivado en este sitio.',
  blocked: '{service} está bloqueado hasta que permita «{category}».',
  sets: 'Instalaría estas cookies: {cookies}.',
  allowCategory: 'Permitir «{category}»',
  allowService: 'Permitir solo este contenido de {service}',
} satisfies DetailStrings;
