import type { Strings } from './index.js';

/** Bulgarian: the floating button and the first layer. */
export default {
  reopen: 'Настройки за бисквитки',
  bannerTitle: 'Бисквитки на този сайт',
  bannerText: 'Използваме бисквитки, които са необходими за работата на сайта. С ваше съгласие бихме използвали и незадължителни бисквитки, които можете да изберете поотделно.',
  policy: 'Политика за поверителност и бисквитки',
  acceptAll: 'Приемам всички',
  rejectAll: 'Отказвам всички',
  manage: 'Управление на избора',
  objectionOn: 'Включени, освен ако не възразите: {list}.',
  object: 'Възразявам',
  gpc: 'Браузърът ви изпраща сигнал Global Privacy Control, затова маркетинговите бисквитки остават изключени.',
} satisfies Strings;
