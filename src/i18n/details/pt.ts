import type { DetailStrings } from '../en-details.js';

/** Portuguese (European): the preference centre and the embed placeholders. */
export default {
  prefsTitle: 'Preferências de cookies',
  prefsText: 'Escolha os cookies que podemos utilizar. Pode alterar esta escolha a qualquer momento.',
  save: 'Guardar escolhas',
  close: 'Fechar',
  alwaysOn: 'Sempre ativos: o site precisa deles para funcionar.',
  onByDefault: 'Ativo, salvo se o desativar.',
  details: 'Serviços e cookies',
  cookie: 'Cookie',
  provider: 'Fornecedor',
  purpose: 'Finalidade',
  duration: 'Duração',
  providerPolicy: 'Política de privacidade de {name}',
  consentId: 'O seu ID de consentimento:',
  noneYet: 'ainda nenhum',
  saved: 'Preferências guardadas',
  gpcPrefs: 'O seu navegador envia o sinal Global Privacy Control, pelo que o marketing fica desativado, salvo se o ativar aqui.',
  gpcPrefsLocked: 'O seu navegador envia o sinal Global Privacy Control, pelo que o marketing fica desativado neste site.',
  blocked: '{service} está bloqueado até permitir «{category}».',
  sets: 'Instalaria estes cookies: {cookies}.',
  allowCategory: 'Permitir «{category}»',
  allowService: 'Permitir apenas este conteúdo de {service}',
} satisfies DetailStrings;
